"""Submission files: one unit's tables with a manifest the bureau checks before merging them.

A unit exports its tables for submission (``kpi split``, the editor's 导出本单位提交文件…) as a
project file holding only that unit, plus a `SubmissionManifest`: unit, template id and version,
fiscal year, the content's fingerprint, a validation summary, when and by whom. On the bureau's
side `check_submission` compares the manifest with the file's content and with the booklet the
file goes into; `merge_submissions` refuses what a reviewer has not confirmed, merges the rest
(review state carried over, see ``kpi_editor.domain.merge``) and logs each file it took in
``Booklet.submissions``.

A file without a manifest (saved by hand, or by an older version) can still be merged; the
result says it carried none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from kpi_editor.domain.engine import Finding, Severity
from kpi_editor.domain.fingerprint import canonical_amount, department_fingerprint
from kpi_editor.domain.merge import BASE_SOURCE, MergeResult, merge_booklets
from kpi_editor.domain.model import Booklet, Department
from kpi_editor.domain.review import SubmissionRecord, now_iso
from kpi_editor.domain.rules.unit import same_unit
from kpi_editor.domain.template import FormTemplate

MANIFEST_FORMAT = 1


class ValidationSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    errors: int = Field(ge=0)
    warnings: int = Field(ge=0)
    projects_with_errors: int = Field(ge=0)


class SubmissionManifest(BaseModel):
    """What a unit says it submitted. Stored beside the booklet in the file (``"submission"``), so
    older versions of the program still open the file; saving it from the editor drops it, as the
    content may then no longer be what was submitted."""

    model_config = ConfigDict(extra="forbid")

    format: int = MANIFEST_FORMAT
    unit_code: str
    unit_name: str
    fiscal_year: int
    template_id: str
    template_version: str  # `template_version` of the template the unit filled in
    fingerprint: str  # department_fingerprint of the unit's tables
    projects: int = Field(ge=0)
    total: str  # Σ合计, 万元, canonical
    validation: ValidationSummary
    submitted_at: str  # ISO 8601
    submitter: str
    program: str = ""  # the program and version that exported it


def template_version(template: FormTemplate) -> str:
    """A short digest of everything in the template: equal templates have equal versions."""
    text = template.model_dump_json()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8].upper()


def summarise(findings: Iterable[Finding]) -> ValidationSummary:
    errors = warnings = 0
    failing: set[str] = set()
    for finding in findings:
        if finding.severity is Severity.ERROR:
            errors += 1
            if finding.project_id is not None:
                failing.add(finding.project_id)
        elif finding.severity is Severity.WARNING:
            warnings += 1
    return ValidationSummary(errors=errors, warnings=warnings, projects_with_errors=len(failing))


def build_manifest(
    booklet: Booklet,
    department: Department,
    template: FormTemplate,
    findings: Iterable[Finding],
    submitter: str,
    at: str | None = None,
    program: str = "",
) -> SubmissionManifest:
    """The manifest of ``department`` (of ``booklet``); ``findings`` are the department's own."""
    return SubmissionManifest(
        unit_code=department.code,
        unit_name=department.name,
        fiscal_year=booklet.fiscal_year,
        template_id=booklet.template_id,
        template_version=template_version(template),
        fingerprint=department_fingerprint(department),
        projects=len(department.projects),
        total=canonical_amount(department.total()) or "0",
        validation=summarise(findings),
        submitted_at=at or now_iso(),
        submitter=submitter,
        program=program,
    )


def unit_booklet(booklet: Booklet, code: str) -> Booklet:
    """The booklet's front matter with only unit ``code`` (copied): what a unit submits."""
    department = booklet.department(code)
    if department is None:
        raise KeyError(code)
    part = booklet.model_copy(update={"departments": [], "submissions": None}).model_copy(deep=True)
    part.departments = [department.model_copy(deep=True)]
    return part


# -- the bureau's side ----------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitRef:
    """A unit the bureau expects a submission from."""

    code: str
    name: str = ""


class ProblemKind(StrEnum):
    UNSEALED = "unsealed"  # no manifest: merged, noted
    MISMATCH = "mismatch"  # the manifest does not match the content: refused unless allowed
    UNEXPECTED = "unexpected"  # a unit not on the list of expected units: refused unless allowed
    TEMPLATE_VERSION = "template_version"  # same template id, other version: noted
    NAME = "name"  # the unit's name is not the listed one: noted


# What a reviewer must confirm before the file goes in (the command line's --allow-… flags).
REFUSING = frozenset({ProblemKind.MISMATCH, ProblemKind.UNEXPECTED})


@dataclass(frozen=True)
class SubmissionProblem:
    source: str
    kind: ProblemKind
    message: str  # one line of Chinese naming the file

    @property
    def refuses(self) -> bool:
        return self.kind in REFUSING


@dataclass(frozen=True)
class Submission:
    source: str  # the file's name, as messages show it
    booklet: Booklet
    manifest: SubmissionManifest | None = None
    manifest_error: str | None = None  # a manifest that could not be read, in Chinese


def _problem(source: str, kind: ProblemKind, text: str) -> SubmissionProblem:
    return SubmissionProblem(source, kind, f"{source}：{text}")


def check_submission(
    submission: Submission,
    template: FormTemplate | None = None,
    expected: Sequence[UnitRef] | None = None,
) -> list[SubmissionProblem]:
    """What is wrong with one file before it is merged: its manifest against its content (and
    ``template``, the template of the booklet it goes into), its units against ``expected``.

    Another fiscal year or template id in the content is not checked here: `merge_booklets`
    refuses those outright.
    """
    source, booklet, manifest = submission.source, submission.booklet, submission.manifest
    problems: list[SubmissionProblem] = []
    units = "、".join(f"{d.code} {d.name}" for d in booklet.departments) or "（没有单位）"
    if submission.manifest_error is not None:
        problems.append(
            _problem(source, ProblemKind.MISMATCH, f"提交信息无法读取：{submission.manifest_error}")
        )
    elif manifest is None:
        problems.append(
            _problem(
                source,
                ProblemKind.UNSEALED,
                "没有提交信息（不是用“导出本单位提交文件”生成的），无法核对内容是否为提交时的版本",
            )
        )
    else:
        claimed = f"{manifest.unit_code} {manifest.unit_name}"
        if len(booklet.departments) != 1 or booklet.departments[0].code != manifest.unit_code:
            problems.append(
                _problem(source, ProblemKind.MISMATCH, f"提交信息写的是单位 {claimed}，文件里却是 {units}")
            )
        elif manifest.fingerprint != department_fingerprint(booklet.departments[0]):
            problems.append(
                _problem(
                    source,
                    ProblemKind.MISMATCH,
                    f"内容指纹与提交信息不符（提交时 {manifest.fingerprint}，现在 "
                    f"{department_fingerprint(booklet.departments[0])}）：文件在导出提交后被改过，请向单位核实",
                )
            )
        if manifest.fiscal_year != booklet.fiscal_year or manifest.template_id != booklet.template_id:
            problems.append(
                _problem(
                    source,
                    ProblemKind.MISMATCH,
                    f"提交信息写的是{manifest.fiscal_year}年、表样“{manifest.template_id}”，文件内容却是"
                    f"{booklet.fiscal_year}年、表样“{booklet.template_id}”",
                )
            )
        elif template is not None and template.id == manifest.template_id:
            version = template_version(template)
            if manifest.template_version != version:
                problems.append(
                    _problem(
                        source,
                        ProblemKind.TEMPLATE_VERSION,
                        f"单位填报时的表样“{manifest.template_id}”版本为 {manifest.template_version}，"
                        f"与汇编本的版本 {version} 不同：请留意表样调整过的标签和规则",
                    )
                )
    if expected is not None:
        listed = {u.code: u for u in expected}
        for department in booklet.departments:
            unit = listed.get(department.code)
            if unit is None:
                problems.append(
                    _problem(
                        source,
                        ProblemKind.UNEXPECTED,
                        f"单位 {department.code} {department.name} 不在应报单位名单中（名单共{len(listed)}个单位）",
                    )
                )
            elif unit.name and not same_unit(unit.name, department.name):
                problems.append(
                    _problem(
                        source,
                        ProblemKind.NAME,
                        f"单位 {department.code} 的名称“{department.name}”与名单中的“{unit.name}”不一致",
                    )
                )
    return problems


def missing_units(expected: Sequence[UnitRef], booklet: Booklet) -> list[UnitRef]:
    """Expected units the booklet has no tables for."""
    present = {d.code for d in booklet.departments}
    return [u for u in expected if u.code not in present]


def record_submissions(
    result: MergeResult,
    submissions: Sequence[Submission],
    received_at: str,
    accepted: Sequence[SubmissionProblem] = (),
) -> None:
    """Append to ``result.booklet.submissions`` one record per unit a file of ``submissions``
    put into it (a kept conflict puts nothing in)."""
    booklet = result.booklet
    log = list(booklet.submissions or [])
    by_source = {s.source: s for s in submissions}
    notes: dict[str, list[str]] = {}
    for problem in accepted:
        notes.setdefault(problem.source, []).append(problem.message.removeprefix(f"{problem.source}："))
    for entry in result.departments:
        submission = by_source.get(entry.source)
        department = booklet.department(entry.code)
        if submission is None or department is None:
            continue
        manifest = submission.manifest
        version = 1 + sum(1 for r in log if r.unit_code == entry.code)
        log.append(
            SubmissionRecord(
                unit_code=entry.code,
                unit_name=entry.name,
                version=version,
                source=entry.source,
                received_at=received_at,
                fingerprint=department_fingerprint(department),
                projects=len(department.projects),
                submitted_at=manifest.submitted_at if manifest else None,
                submitter=manifest.submitter if manifest else None,
                accepted=notes.get(entry.source) or None,
            )
        )
    booklet.submissions = log or None


@dataclass
class SubmissionMerge:
    """The outcome of `merge_submissions`: write ``merge.booklet`` only when not ``blocked``."""

    merge: MergeResult
    problems: list[SubmissionProblem]
    refused: list[SubmissionProblem]  # problems that need the reviewer's yes and did not get it
    missing: list[UnitRef] = field(default_factory=list)  # expected units still without tables

    @property
    def blocked(self) -> bool:
        return bool(self.refused) or self.merge.blocked


def merge_submissions(
    base: Booklet | None,
    submissions: Sequence[Submission],
    *,
    template: FormTemplate | None = None,
    expected: Sequence[UnitRef] | None = None,
    replace: bool = False,
    base_source: str = BASE_SOURCE,
    front_from: str | None = None,
    allow: Collection[ProblemKind] = (),
    received_at: str | None = None,
) -> SubmissionMerge:
    """Check every file, merge them, log what went in. Inputs are never modified.

    ``allow`` are the kinds of problem the reviewer confirmed (the window asks; the command line
    takes flags). Raises ``MergeError`` for a file of another fiscal year or template.
    """
    problems = [p for s in submissions for p in check_submission(s, template, expected)]
    refused = [p for p in problems if p.refuses and p.kind not in allow]
    result = merge_booklets(
        base,
        [(s.source, s.booklet) for s in submissions],
        replace=replace,
        base_source=base_source,
        front_from=front_from,
    )
    accepted = [p for p in problems if p.refuses and p.kind in allow]
    record_submissions(result, submissions, received_at or now_iso(), accepted)
    missing = missing_units(expected, result.booklet) if expected is not None else []
    return SubmissionMerge(result, problems, refused, missing)

"""Compile the files units submit into one booklet.

Each submitted department goes into the booklet in unit-code order. A department the booklet
already has (from the base booklet or an earlier submission) with other content is a conflict: it
is kept as it was unless ``replace`` is set, and the conflict lists what the newcomer would change.
The same content again is no conflict. Whenever a new version goes in, the reviewer's statuses and
comments are carried over to it (``kpi_editor.domain.resubmission``) and the result says per unit
what happened to them. Submissions of another fiscal year or form template are refused with a
``MergeError`` that names the file.

Without a base booklet the cover and 编制说明 must come from somewhere: ``front_from`` names the
submission to take them from, or `FRONT_BLANK` starts them empty. Left out, they come from the
first submission and ``MergeResult.front_matter_source`` says so (`front_matter_choices` lists the
distinct ones, for a window to ask; the command line refuses to guess).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kpi_editor.domain.diff import Change, diff_booklets
from kpi_editor.domain.fingerprint import canonical_amount
from kpi_editor.domain.model import Booklet, Department, new_id
from kpi_editor.domain.resubmission import UnitCarry, carry_department, new_unit_carry

BASE_SOURCE = "原汇编本"
# ``front_from`` value for a booklet without a base whose cover and 编制说明 start empty.
FRONT_BLANK = "（封面和编制说明留空）"
FRONT_FIELDS = ("title", "compiler", "date", "preface_title", "preface")


class MergeError(Exception):
    """A submission that cannot go into this booklet; the message names the file, in Chinese."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        super().__init__(f"{source}：{message}")


@dataclass(frozen=True)
class MergedDepartment:
    """Where one department of the result came from."""

    code: str
    name: str
    source: str  # the file name given with the submission, or BASE_SOURCE
    projects: int
    total: Decimal
    replaced: str | None = None  # the source it replaced, when ``replace`` overwrote one
    # What happened to the unit's review state (None: the unit was not touched by this merge).
    review: UnitCarry | None = None
    identical: bool = False  # a resubmission with the content the booklet already had


@dataclass(frozen=True)
class MergeConflict:
    code: str
    name: str
    existing_source: str
    new_source: str
    changes: list[Change]
    summary: str  # one line of Chinese: project count, Σ合计 and number of differences


@dataclass
class MergeResult:
    booklet: Booklet
    departments: list[MergedDepartment]
    conflicts: list[MergeConflict]
    replaced: bool
    # Project ids that collided with an id already in the booklet and were given a new one.
    renamed_ids: list[tuple[str, str, str]] = field(default_factory=list)  # (source, old id, new id)
    # Where the cover and 编制说明 came from: the base, a submission, or FRONT_BLANK.
    front_matter_source: str = BASE_SOURCE

    @property
    def blocked(self) -> bool:
        """Conflicts left unresolved: the caller must not save over the booklet silently."""
        return bool(self.conflicts) and not self.replaced


def _summary(old: Department, new: Department, changes: list[Change]) -> str:
    old_total = canonical_amount(old.total())
    new_total = canonical_amount(new.total())
    if not changes:
        return f"内容相同（{len(new.projects)}个项目，合计{new_total}万元）"
    return (
        f"项目{len(old.projects)}个 → {len(new.projects)}个，合计{old_total} → {new_total}万元，"
        f"共{len(changes)}处不同"
    )


def department_changes(old: Department, new: Department) -> list[Change]:
    """What replacing ``old`` with ``new`` would change, for the conflict report."""
    # Two one-department booklets with the same front matter: only the department can differ.
    return diff_booklets(
        Booklet(fiscal_year=2000, departments=[old]), Booklet(fiscal_year=2000, departments=[new])
    )


def _front_matter(booklet: Booklet) -> tuple[object, ...]:
    sections = tuple((s.heading, s.body) for s in booklet.preface)
    return (booklet.title, booklet.compiler, booklet.date, booklet.preface_title, sections)


@dataclass(frozen=True)
class FrontMatterChoice:
    """One distinct cover and 编制说明 among the submissions, and the files that carry it."""

    sources: list[str]
    title: str
    compiler: str
    date: str
    sections: int

    def describe(self) -> str:
        title = self.title or "（无标题）"
        return f"{title}，{self.compiler or '（无编制单位）'}，编制说明{self.sections}节：{'、'.join(self.sources)}"


def front_matter_choices(submissions: list[tuple[str, Booklet]]) -> list[FrontMatterChoice]:
    """The distinct covers and 编制说明 of ``submissions``, in order of first appearance: what a
    window offers when merging without a base booklet."""
    groups: dict[tuple[object, ...], list[str]] = {}
    first: dict[tuple[object, ...], Booklet] = {}
    for source, booklet in submissions:
        key = _front_matter(booklet)
        groups.setdefault(key, []).append(source)
        first.setdefault(key, booklet)
    return [
        FrontMatterChoice(
            sources, first[key].title, first[key].compiler, first[key].date, len(first[key].preface)
        )
        for key, sources in groups.items()
    ]


def check_compatible(
    reference: Booklet, reference_source: str, submissions: list[tuple[str, Booklet]]
) -> None:
    """Raise MergeError for the first submission of another fiscal year or form template."""
    for source, booklet in submissions:
        if booklet.fiscal_year != reference.fiscal_year:
            raise MergeError(
                source,
                f"预算年度是{booklet.fiscal_year}年，而汇编本（{reference_source}）是{reference.fiscal_year}年。"
                f"请确认提交的是{reference.fiscal_year}年的绩效目标表。",
            )
        if booklet.template_id != reference.template_id:
            raise MergeError(
                source,
                f"表样是“{booklet.template_id}”，而汇编本（{reference_source}）是“{reference.template_id}”。"
                "不同表样的文件不能合并，请让单位按汇编本的表样重新填报。",
            )


def merge_booklets(
    base: Booklet | None,
    submissions: list[tuple[str, Booklet]],
    replace: bool = False,
    base_source: str = BASE_SOURCE,
    *,
    front_from: str | None = None,
) -> MergeResult:
    """Merge ``submissions`` (file name, booklet) into a copy of ``base``.

    With no base, the submission named ``front_from`` supplies the front matter (year, template,
    title, 编制说明); `FRONT_BLANK` keeps year and template of the first and leaves the rest empty;
    None takes the first submission's. Inputs are never modified.
    """
    if base is None and not submissions:
        raise MergeError("（无文件）", "没有可合并的文件：请至少指定一个项目文件。")
    if base is not None:
        result = base.model_copy(deep=True)
        reference = base_source
        front_source = base_source
    else:
        sources = [source for source, _ in submissions]
        if front_from is not None and front_from != FRONT_BLANK and front_from not in sources:
            raise MergeError(front_from, "不在要合并的文件中，不能从它取封面和编制说明。")
        front_source = front_from or sources[0]
        chosen = next((b for s, b in submissions if s == front_source), submissions[0][1])
        result = chosen.model_copy(deep=True)
        result.departments = []
        # The bureau's log of submissions received is the booklet's own, never a submission's.
        result.submissions = None
        if front_source == FRONT_BLANK:
            for name in FRONT_FIELDS:
                setattr(result, name, [] if name == "preface" else "")
            reference = submissions[0][0]
        else:
            reference = front_source

    check_compatible(result, reference, submissions)

    origin: dict[str, MergedDepartment] = {
        d.code: MergedDepartment(d.code, d.name, base_source, len(d.projects), d.total())
        for d in result.departments
    }
    conflicts: list[MergeConflict] = []
    renamed_ids: list[tuple[str, str, str]] = []
    taken_ids = {p.id for _, p in result.projects()}
    for source, booklet in submissions:
        for submitted in booklet.departments:
            existing = result.department(submitted.code)
            if existing is None:
                incoming = submitted.model_copy(deep=True)
                result.departments.append(incoming)
                origin[incoming.code] = MergedDepartment(
                    incoming.code,
                    incoming.name,
                    source,
                    len(incoming.projects),
                    incoming.total(),
                    review=new_unit_carry(incoming),
                )
                renamed_ids.extend(_fresh_ids(taken_ids, incoming, source))
                continue
            changes = department_changes(existing, submitted)
            if changes:
                conflicts.append(
                    MergeConflict(
                        submitted.code,
                        submitted.name,
                        origin[submitted.code].source,
                        source,
                        changes,
                        _summary(existing, submitted, changes),
                    )
                )
                if not replace:
                    continue
            incoming, carry = carry_department(existing, submitted, identical=not changes)
            result.departments[result.departments.index(existing)] = incoming
            taken_ids.difference_update(p.id for p in existing.projects)
            origin[incoming.code] = MergedDepartment(
                incoming.code,
                incoming.name,
                source,
                len(incoming.projects),
                incoming.total(),
                replaced=origin[incoming.code].source,
                review=carry,
                identical=not changes,
            )
            renamed_ids.extend(_fresh_ids(taken_ids, incoming, source))

    result.departments.sort(key=lambda d: d.code)
    return MergeResult(
        booklet=result,
        departments=[origin[d.code] for d in result.departments],
        conflicts=conflicts,
        replaced=replace,
        renamed_ids=renamed_ids,
        front_matter_source=front_source,
    )


def _fresh_ids(taken: set[str], incoming: Department, source: str) -> list[tuple[str, str, str]]:
    """Give ``incoming``'s projects new ids where they collide with one in ``taken``; add them to it."""
    renamed = []
    for project in incoming.projects:
        if project.id in taken:
            fresh = new_id()
            renamed.append((source, project.id, fresh))
            project.id = fresh
        taken.add(project.id)
    return renamed

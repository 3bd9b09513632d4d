"""Compile the files units submit into one booklet.

Each submitted department goes into the booklet in unit-code order. A department the booklet
already has (from the base booklet or an earlier submission) is a conflict: it is kept as it was
unless ``replace`` is set, and the conflict lists what the newcomer would change. Submissions of
another fiscal year or form template are refused with a ``MergeError`` that names the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kpi_editor.domain.diff import Change, diff_booklets
from kpi_editor.domain.fingerprint import canonical_amount
from kpi_editor.domain.model import Booklet, Department, new_id

BASE_SOURCE = "原汇编本"


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


def merge_booklets(
    base: Booklet | None,
    submissions: list[tuple[str, Booklet]],
    replace: bool = False,
    base_source: str = BASE_SOURCE,
) -> MergeResult:
    """Merge ``submissions`` (file name, booklet) into a copy of ``base``.

    With no base, the first submission supplies the front matter (year, template, title,
    编制说明). Inputs are never modified.
    """
    if base is None and not submissions:
        raise MergeError("（无文件）", "没有可合并的文件：请至少指定一个项目文件。")
    if base is not None:
        result = base.model_copy(deep=True)
        reference = base_source
    else:
        result = submissions[0][1].model_copy(deep=True)
        result.departments = []
        reference = submissions[0][0]

    for source, booklet in submissions:
        if booklet.fiscal_year != result.fiscal_year:
            raise MergeError(
                source,
                f"预算年度是{booklet.fiscal_year}年，而汇编本（{reference}）是{result.fiscal_year}年。"
                f"请确认提交的是{result.fiscal_year}年的绩效目标表。",
            )
        if booklet.template_id != result.template_id:
            raise MergeError(
                source,
                f"表样是“{booklet.template_id}”，而汇编本（{reference}）是“{result.template_id}”。"
                "不同表样的文件不能合并，请让单位按汇编本的表样重新填报。",
            )

    origin: dict[str, MergedDepartment] = {
        d.code: MergedDepartment(d.code, d.name, base_source, len(d.projects), d.total())
        for d in result.departments
    }
    conflicts: list[MergeConflict] = []
    renamed_ids: list[tuple[str, str, str]] = []
    taken_ids = {p.id for _, p in result.projects()}
    for source, booklet in submissions:
        for submitted in booklet.departments:
            incoming = submitted.model_copy(deep=True)
            existing = result.department(incoming.code)
            entry = MergedDepartment(
                incoming.code, incoming.name, source, len(incoming.projects), incoming.total()
            )
            if existing is None:
                result.departments.append(incoming)
                origin[incoming.code] = entry
            else:
                changes = department_changes(existing, incoming)
                conflicts.append(
                    MergeConflict(
                        incoming.code,
                        incoming.name,
                        origin[incoming.code].source,
                        source,
                        changes,
                        _summary(existing, incoming, changes),
                    )
                )
                if not replace:
                    continue
                result.departments[result.departments.index(existing)] = incoming
                taken_ids.difference_update(p.id for p in existing.projects)
                origin[incoming.code] = MergedDepartment(
                    entry.code, entry.name, source, entry.projects, entry.total, origin[incoming.code].source
                )
            renamed_ids.extend(_fresh_ids(taken_ids, incoming, source))

    result.departments.sort(key=lambda d: d.code)
    return MergeResult(
        booklet=result,
        departments=[origin[d.code] for d in result.departments],
        conflicts=conflicts,
        replaced=replace,
        renamed_ids=renamed_ids,
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

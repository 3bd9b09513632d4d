"""Progress at a glance: status counts, a status per unit for the tree, and who has submitted.

Every count uses the effective status (``kpi_editor.domain.approval``): a project edited after it
was approved counts as 已修改待复审, not as approved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kpi_editor.domain.approval import edited_after_review, effective_status
from kpi_editor.domain.fingerprint import department_fingerprint
from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.review import EffectiveStatus, SubmissionRecord
from kpi_editor.domain.submission import UnitRef

# Sorting by status puts what needs the reviewer first.
_STATUS_ORDER = {
    EffectiveStatus.CHANGED: 0,
    EffectiveStatus.PENDING: 1,
    EffectiveStatus.RETURNED: 2,
    EffectiveStatus.APPROVED: 3,
}


def status_sort_key(status: EffectiveStatus) -> int:
    """已修改待复审, 未审核, 退回修改, 审核通过: the order of a sort by status."""
    return _STATUS_ORDER[status]


@dataclass(frozen=True)
class StatusCounts:
    approved: int = 0
    returned: int = 0
    pending: int = 0
    changed: int = 0
    edited: int = 0  # of all of them, edited after their status was given (在审核后修改)

    @property
    def total(self) -> int:
        return self.approved + self.returned + self.pending + self.changed

    def of(self, status: EffectiveStatus) -> int:
        return {
            EffectiveStatus.APPROVED: self.approved,
            EffectiveStatus.RETURNED: self.returned,
            EffectiveStatus.PENDING: self.pending,
            EffectiveStatus.CHANGED: self.changed,
        }[status]

    def describe(self) -> str:
        """The status bar's words: ``审核通过 120 · 退回修改 8 · 已修改待复审 3 · 未审核 196``."""
        order = (
            EffectiveStatus.APPROVED,
            EffectiveStatus.RETURNED,
            EffectiveStatus.CHANGED,
            EffectiveStatus.PENDING,
        )
        return " · ".join(f"{s.value} {self.of(s)}" for s in order)

    def as_json(self) -> dict[str, int]:
        return {
            "approved": self.approved,
            "returned": self.returned,
            "pending": self.pending,
            "changed": self.changed,
            "edited_after_review": self.edited,
            "total": self.total,
        }


def count_statuses(projects: Iterable[tuple[Department, Project]]) -> StatusCounts:
    tally = dict.fromkeys(EffectiveStatus, 0)
    edited = 0
    for department, project in projects:
        tally[effective_status(project, department)] += 1
        edited += edited_after_review(project, department)
    return StatusCounts(
        approved=tally[EffectiveStatus.APPROVED],
        returned=tally[EffectiveStatus.RETURNED],
        pending=tally[EffectiveStatus.PENDING],
        changed=tally[EffectiveStatus.CHANGED],
        edited=edited,
    )


@dataclass(frozen=True)
class UnitProgress:
    code: str
    name: str
    counts: StatusCounts
    rollup: EffectiveStatus  # the unit's one status in the tree

    @property
    def label(self) -> str:
        """``3/5 通过``: what the tree shows beside the unit."""
        return f"{self.counts.approved}/{self.counts.total} 通过"


def rollup_status(counts: StatusCounts) -> EffectiveStatus:
    """退回修改 if any project is returned, else 已修改待复审 if any changed, else 审核通过 when all
    are approved, else 未审核 (nothing, or not everything, reviewed yet)."""
    if counts.returned:
        return EffectiveStatus.RETURNED
    if counts.changed:
        return EffectiveStatus.CHANGED
    if counts.total and counts.approved == counts.total:
        return EffectiveStatus.APPROVED
    return EffectiveStatus.PENDING


def unit_progress(department: Department) -> UnitProgress:
    counts = count_statuses((department, p) for p in department.projects)
    return UnitProgress(department.code, department.name, counts, rollup_status(counts))


def booklet_progress(booklet: Booklet) -> tuple[list[UnitProgress], StatusCounts]:
    """Per unit and for the whole booklet."""
    units = [unit_progress(d) for d in booklet.departments]
    return units, count_statuses(booklet.projects())


# -- submissions ----------------------------------------------------------------------------------


class SubmissionState(StrEnum):
    SUBMITTED = "已提交"
    NOT_SUBMITTED = "未提交"  # expected, no file received (its tables, if any, are the base's)
    UNEXPECTED = "名单外"  # received or in the booklet, not on the list


@dataclass(frozen=True)
class SubmissionRow:
    code: str
    name: str
    state: SubmissionState
    expected: bool
    in_booklet: bool
    versions: int  # files received from the unit
    last: SubmissionRecord | None  # the latest one
    # The booklet still holds the content of the last file received (False: edited since).
    current: bool | None

    def describe(self) -> str:
        if self.last is None:
            where = "汇编本中有原有版本" if self.in_booklet else "汇编本中没有"
            return f"{self.code} {self.name}：{self.state.value}（{where}）"
        when = self.last.submitted_at or self.last.received_at
        who = f"，{self.last.submitter}" if self.last.submitter else ""
        edited = "" if self.current in (True, None) else "；收到后汇编本中又有改动"
        return (
            f"{self.code} {self.name}：{self.state.value}，第{self.versions}版，{when[:16].replace('T', ' ')}"
            f"{who}（{self.last.source}）{edited}"
        )


def submissions_view(booklet: Booklet, expected: Sequence[UnitRef] | None = None) -> list[SubmissionRow]:
    """Expected units (default: the booklet's own units) with what was received from each, then
    any unit received or in the booklet that is not expected."""
    units = list(expected) if expected is not None else [UnitRef(d.code, d.name) for d in booklet.departments]
    listed = {u.code for u in units}
    records: dict[str, list[SubmissionRecord]] = {}
    for record in booklet.submissions or []:
        records.setdefault(record.unit_code, []).append(record)
    extra = [UnitRef(d.code, d.name) for d in booklet.departments if d.code not in listed]
    extra += [
        UnitRef(code, rs[-1].unit_name)
        for code, rs in records.items()
        if code not in listed and booklet.department(code) is None
    ]
    rows = []
    for unit in [*units, *extra]:
        received = records.get(unit.code, [])
        department = booklet.department(unit.code)
        last = received[-1] if received else None
        current = None
        if last is not None and department is not None:
            current = department_fingerprint(department) == last.fingerprint
        if unit.code not in listed:
            state = SubmissionState.UNEXPECTED
        else:
            state = SubmissionState.SUBMITTED if received else SubmissionState.NOT_SUBMITTED
        name = unit.name or (department.name if department else "") or (last.unit_name if last else "")
        rows.append(
            SubmissionRow(
                unit.code,
                name,
                state,
                unit.code in listed,
                department is not None,
                len(received),
                last,
                current,
            )
        )
    return rows

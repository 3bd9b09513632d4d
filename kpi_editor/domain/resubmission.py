"""Carrying the reviewer's work over a resubmission: nothing of it is lost when a unit files again.

When a unit's new version replaces the one in the bureau's booklet, each new project is matched to
its old version (by id, then by name within the unit) and gets:

* the bureau's status and its stamp (a status in the unit's file is not taken over an existing
  unit: statuses are the bureau's to give). The stamp is what decides: content that still has the
  stamped fingerprint keeps its status; changed content is 已修改待复审 (the stamp no longer
  matches, ``kpi_editor.domain.approval``) and what changed is recorded in ``changes``; content
  back to the stamped fingerprint shows the given status again. A status from before stamps were
  recorded is stamped with the content the bureau had.
* the bureau's comments, with the unit's answers added: replies and 已处理 (who, when) from the
  unit's copy of the same comment (matched by author, time and words). A comment stays on its
  indicator row: the unit's editor kept it there; otherwise the rows are aligned old → new.
* the old project's id, so later versions match by id again.

Each unit's outcome (`UnitCarry`) says per project what happened to its review state; a project
the unit removed is listed with the status and comments that went with it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from kpi_editor.domain.approval import effective_status
from kpi_editor.domain.diff import Change, diff_projects
from kpi_editor.domain.fingerprint import project_fingerprint
from kpi_editor.domain.model import Department, Indicator, Project
from kpi_editor.domain.review import (
    CommentReply,
    EffectiveStatus,
    ProjectReview,
    RecordedChange,
    ReviewComment,
    ReviewStatus,
)


class CarryOutcome(StrEnum):
    KEPT = "审核状态保留"  # content unchanged
    CHANGED = "改为已修改待复审"  # content changed after the status was given
    STILL_CHANGED = "仍为已修改待复审"
    RESTORED = "内容改回审核时的版本、恢复原状态"
    UNREVIEWED = "未审核、内容未变"
    UNREVIEWED_CHANGED = "未审核、内容有改动"
    ADDED = "新增项目"
    REMOVED = "被单位删除"
    NEW_UNIT = "新提交的单位"


@dataclass(frozen=True)
class ProjectCarry:
    name: str
    outcome: CarryOutcome
    before: EffectiveStatus  # in the booklet before the merge
    after: EffectiveStatus  # after it
    comments: int  # comments the project has after the merge (for REMOVED: the ones dropped)
    answered: tuple[str, ...] = ()  # words of comments the unit replied to or resolved in this version
    file_comments: int = 0  # comments only the unit's file had (kept)
    changes: tuple[str, ...] = ()  # what changed, one line each

    @property
    def lost_review(self) -> bool:
        """A removed project that had a status or comments: the merge result must say so."""
        return self.outcome is CarryOutcome.REMOVED and (
            self.before is not EffectiveStatus.PENDING or self.comments > 0
        )


@dataclass(frozen=True)
class UnitCarry:
    """What a merge did to one unit's review state."""

    code: str
    name: str
    projects: list[ProjectCarry] = field(default_factory=list)
    identical: bool = False  # the new version's content is the old one's

    def count(self, outcome: CarryOutcome) -> int:
        return sum(1 for p in self.projects if p.outcome is outcome)

    @property
    def answered(self) -> int:
        return sum(len(p.answered) for p in self.projects)

    def summary(self) -> str:
        """One line of Chinese for the merge report."""
        if all(p.outcome is CarryOutcome.NEW_UNIT for p in self.projects):
            stated = sum(1 for p in self.projects if p.after is not EffectiveStatus.PENDING)
            extra = f"，文件自带审核状态{stated}个" if stated else ""
            return f"新单位，{len(self.projects)}个项目{extra}"
        parts = [f"{outcome.value}{n}个" for outcome in CarryOutcome if (n := self.count(outcome))]
        if self.answered:
            parts.append(f"单位答复或处理了{self.answered}条审核意见")
        lost = [p for p in self.projects if p.lost_review]
        if lost:
            parts.append(f"{len(lost)}个被删除的项目带走了审核状态或意见（见下）")
        head = ["内容与原版本相同"] if self.identical else []
        return "；".join(head + parts)


# -- matching ------------------------------------------------------------------------------------


def match_projects(old: Sequence[Project], new: Sequence[Project]) -> dict[int, int]:
    """Positions in ``new`` → positions in ``old``: the same id first, then the same name."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    by_id: dict[str, int] = {}
    for o, project in enumerate(old):
        by_id.setdefault(project.id, o)
    for n, project in enumerate(new):
        found = by_id.get(project.id)
        if found is not None and found not in taken:
            pairs[n] = found
            taken.add(found)
    by_name: dict[str, list[int]] = {}
    for o, project in enumerate(old):
        if o not in taken:
            by_name.setdefault(project.name, []).append(o)
    for n, project in enumerate(new):
        if n in pairs:
            continue
        candidates = by_name.get(project.name)
        if candidates:
            o = candidates.pop(0)
            pairs[n] = o
            taken.add(o)
    return pairs


def row_map(old: Sequence[Indicator], new: Sequence[Indicator]) -> dict[int, int]:
    """Old indicator row → new row, aligned on (一级, 二级, 三级) as the diff aligns them; rows
    removed in ``new`` are absent."""
    keys_old = [(i.level1, i.level2, i.name) for i in old]
    keys_new = [(i.level1, i.level2, i.name) for i in new]
    mapping: dict[int, int] = {}
    for _tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes():
        for k in range(min(i2 - i1, j2 - j1)):
            mapping[i1 + k] = j1 + k
    return mapping


# -- comments ------------------------------------------------------------------------------------


def _reply_key(reply: CommentReply) -> tuple[str, str, str]:
    return (reply.author, reply.time, reply.text)


@dataclass
class _MergedComments:
    comments: list[ReviewComment]
    answered: list[str]
    file_only: int


def _merge_comments(
    bureau: Sequence[ReviewComment],
    unit: Sequence[ReviewComment],
    rows: dict[int, int],
    new_rows: int,
) -> _MergedComments:
    twins = {c.key(): c for c in unit}
    out: list[ReviewComment] = []
    answered: list[str] = []
    for original in bureau:
        merged = original.model_copy(deep=True)
        twin = twins.pop(original.key(), None)
        if twin is not None and (twin.indicator is None or twin.indicator < new_rows):
            merged.indicator = twin.indicator
        elif original.indicator is not None:
            merged.indicator = rows.get(original.indicator)
        if twin is not None:
            known = {_reply_key(r) for r in original.replies or []}
            fresh = [r.model_copy() for r in twin.replies or [] if _reply_key(r) not in known]
            if fresh:
                merged.replies = [*(merged.replies or []), *fresh]
            resolved_now = twin.resolved and not original.resolved
            if resolved_now:
                merged.resolved = True
                merged.resolved_by, merged.resolved_at = twin.resolved_by, twin.resolved_at
            if fresh or resolved_now:
                answered.append(original.text)
        out.append(merged)
    # Comments only the unit's file has (one the reviewer deleted since, or a second reviewer's):
    # kept, since dropping words someone wrote is the one thing a merge must not do silently.
    extra = [c.model_copy(deep=True) for c in twins.values()]
    for c in extra:
        if c.indicator is not None and c.indicator >= new_rows:
            c.indicator = None
    return _MergedComments(out + extra, answered, len(extra))


# -- projects and units --------------------------------------------------------------------------


def _recorded(changes: Sequence[Change]) -> list[RecordedChange]:
    return [
        RecordedChange(
            text=dataclasses.replace(c, department=None, project=None).describe(),
            field=c.field,
            row=c.row,
            old=c.old,
            new=c.new,
        )
        for c in changes
    ]


def carry_project(
    old_department: Department, old: Project, new_department: Department, new: Project
) -> tuple[ProjectReview | None, ProjectCarry]:
    """The review state ``new`` gets when it replaces ``old`` (neither is modified)."""
    bureau = old.review
    unit = new.review
    changes = diff_projects(new_department.code, old, new)
    merged = _merge_comments(
        bureau.comments if bureau is not None else [],
        unit.comments if unit is not None else [],
        row_map(old.indicators, new.indicators),
        len(new.indicators),
    )
    before = effective_status(old, old_department)
    review = bureau.model_copy(deep=True) if bureau is not None else ProjectReview()
    review.comments = merged.comments
    new_fp = project_fingerprint(new, new_department)
    lines = tuple(r.text for r in _recorded(changes))

    if review.status is ReviewStatus.PENDING:
        outcome = CarryOutcome.UNREVIEWED_CHANGED if changes else CarryOutcome.UNREVIEWED
    else:
        old_fp = project_fingerprint(old, old_department)
        review.fingerprint = stamp = review.fingerprint or old_fp
        if new_fp == stamp:
            outcome = CarryOutcome.RESTORED if before is EffectiveStatus.CHANGED else CarryOutcome.KEPT
            review.changes = None
        elif before is EffectiveStatus.CHANGED:
            outcome = CarryOutcome.STILL_CHANGED
            recorded = review.changes or [
                RecordedChange(
                    text="汇编本中的版本在给出审核状态后也被修改过：以下只列出与汇编本版本相比的改动"
                )
            ]
            review.changes = [*recorded, *_recorded(changes)]
        else:
            outcome = CarryOutcome.CHANGED
            review.changes = _recorded(changes)

    result = None if review.is_empty else review
    after = new.model_copy(update={"review": result})
    carry = ProjectCarry(
        name=new.name,
        outcome=outcome,
        before=before,
        after=effective_status(after, new_department),
        comments=len(review.comments),
        answered=tuple(merged.answered),
        file_comments=merged.file_only,
        changes=lines,
    )
    return result, carry


def _without_status(review: ProjectReview) -> ProjectReview | None:
    bare = ProjectReview(comments=[c.model_copy(deep=True) for c in review.comments])
    return None if bare.is_empty else bare


def carry_department(
    old: Department, new: Department, identical: bool = False
) -> tuple[Department, UnitCarry]:
    """``new`` (copied) with the review state of ``old`` carried over project by project;
    ``identical`` says the caller found no content difference between the two."""
    result = new.model_copy(deep=True)
    pairs = match_projects(old.projects, result.projects)
    outcomes: list[ProjectCarry] = []
    for n, project in enumerate(result.projects):
        o = pairs.get(n)
        if o is None:
            # A status on a project the bureau never saw was not given by the bureau (a copied
            # project carries its original's): it starts 未审核, any comments kept.
            if project.review is not None:
                project.review = _without_status(project.review)
            comments = len(project.review.comments) if project.review else 0
            outcomes.append(
                ProjectCarry(
                    project.name,
                    CarryOutcome.ADDED,
                    EffectiveStatus.PENDING,
                    EffectiveStatus.PENDING,
                    comments,
                )
            )
            continue
        previous = old.projects[o]
        project.review, carry = carry_project(old, previous, result, project)
        project.id = previous.id
        outcomes.append(carry)
    matched = set(pairs.values())
    for o, project in enumerate(old.projects):
        if o not in matched:
            comments = len(project.review.comments) if project.review else 0
            status = effective_status(project, old)
            outcomes.append(ProjectCarry(project.name, CarryOutcome.REMOVED, status, status, comments))
    return result, UnitCarry(result.code, result.name, outcomes, identical)


def new_unit_carry(department: Department) -> UnitCarry:
    """The outcome for a unit the booklet did not have: its file's review state is taken as it is."""
    return UnitCarry(
        department.code,
        department.name,
        [
            ProjectCarry(
                p.name,
                CarryOutcome.NEW_UNIT,
                EffectiveStatus.PENDING,
                effective_status(p, department),
                len(p.review.comments) if p.review else 0,
            )
            for p in department.projects
        ],
    )

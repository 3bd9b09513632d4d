"""Statuses tied to content: who gave a status, when, and to exactly which printed table.

A status a reviewer gives (审核通过, 退回修改) is stamped with ``project_fingerprint(project,
department)``: the checksum printed in the table's footer, so the stamp names the page the reviewer
looked at. When the content no longer has that fingerprint the project was edited after its status
was given (在审核后修改) and its *effective* status is 已修改待复审.

When the status reverts: as soon as the content differs from the stamped one, and only then. The
effective status is computed from the content, so it reverts at once, everywhere (after an edit in
the editor, on load, on validation, on merge) and in every view, count, filter, report and letter;
undoing the edit brings the given status back, since the content has the stamped fingerprint again.
Nothing is rewritten for it: loading a file never modifies it. A merge stores what changed
(``ProjectReview.changes``, see ``kpi_editor.domain.resubmission``) beside the unchanged stamp, and
the next status the reviewer gives replaces both.

Statuses stamped with no fingerprint (files from before stamps existed) cannot be checked and are
taken as they are (`Freshness.UNSTAMPED`); a merge stamps them with the content the bureau had.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from kpi_editor.domain.edits import EditPlan, ItemPath, SetValue
from kpi_editor.domain.engine import Finding, Severity, validate_project
from kpi_editor.domain.fingerprint import project_fingerprint
from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.review import EffectiveStatus, ProjectReview, ReviewStatus, now_iso
from kpi_editor.domain.template import FormTemplate


class Freshness(StrEnum):
    """How a project's content relates to the status it carries."""

    NO_STATUS = "未审核"  # nobody gave a status
    CURRENT = "当前内容"  # the stamped fingerprint is the content's
    EDITED = "在审核后修改"  # the content changed after the status was given
    UNSTAMPED = "审核时内容未记录"  # a status from before stamps were recorded


def review_freshness(project: Project, department: Department) -> Freshness:
    review = project.review
    if review is None or review.status is ReviewStatus.PENDING:
        return Freshness.NO_STATUS
    if review.fingerprint is None:
        return Freshness.UNSTAMPED
    if review.fingerprint == project_fingerprint(project, department):
        return Freshness.CURRENT
    return Freshness.EDITED


def edited_after_review(project: Project, department: Department) -> bool:
    """在审核后修改: a status was given and the content is no longer what it was given to.

    Costs one fingerprint (about 0.02 ms); views that repaint often should cache it per project and
    recompute when the project changes.
    """
    return review_freshness(project, department) is Freshness.EDITED


def effective_status(project: Project, department: Department) -> EffectiveStatus:
    """The status to show, count, filter and report: the given one, or 已修改待复审 when the
    content was edited after it was given."""
    if edited_after_review(project, department):
        return EffectiveStatus.CHANGED
    return EffectiveStatus(project.review_status.value)


def give_status(
    project: Project,
    department: Department,
    status: ReviewStatus,
    reviewer: str,
    at: str | None = None,
) -> ProjectReview | None:
    """The project's review with ``status`` given by ``reviewer`` now (or at ``at``), stamped with
    the content's fingerprint; the project itself is not modified.

    Setting 未审核 removes the stamp; the result is None when nothing is left (no comments), as
    ``Project.review`` holds for a project nobody reviewed.
    """
    review = project.review.model_copy(deep=True) if project.review is not None else ProjectReview()
    review.status = status
    review.changes = None  # what changed before this status is no longer news
    if status is ReviewStatus.PENDING:
        review.reviewer = review.reviewed_at = review.fingerprint = None
        return None if review.is_empty else review
    review.reviewer = reviewer
    review.reviewed_at = at or now_iso()
    review.fingerprint = project_fingerprint(project, department)
    return review


def approval_blockers(
    project: Project, department: Department, template: FormTemplate, fiscal_year: int
) -> list[Finding]:
    """The errors that make approving this project a question: the window asks before approving
    when this is not empty (the command line refuses unless told ``--even-with-errors``)."""
    findings = validate_project(project, template, fiscal_year, department)
    return [f for f in findings if f.severity is Severity.ERROR]


# -- many projects at once -----------------------------------------------------------------------


def project_paths(booklet: Booklet, targets: Iterable[ItemPath]) -> list[ItemPath]:
    """Project paths for a selection of departments ``(d,)`` and projects ``(d, p)``, each once,
    in booklet order."""
    chosen: set[ItemPath] = set()
    for target in targets:
        if len(target) == 1:
            chosen.update((target[0], p) for p in range(len(booklet.departments[target[0]].projects)))
        elif len(target) == 2:
            chosen.add(target)
    return sorted(chosen)


def _projects(booklet: Booklet, paths: Iterable[ItemPath]) -> Iterator[tuple[ItemPath, Department, Project]]:
    for d, p in paths:
        department = booklet.departments[d]
        yield (d, p), department, department.projects[p]


def batch_status_plan(
    booklet: Booklet,
    targets: Iterable[ItemPath],
    status: ReviewStatus,
    reviewer: str,
    at: str | None = None,
) -> EditPlan:
    """Give ``status`` to every project under ``targets`` as one step (stamped as `give_status`).

    Each edit is ``SetValue((d, p), "review", ProjectReview | None)``; the window pushes them as
    one macro of review commands, the command line applies them with ``apply_plan``. Projects that
    already have this status on their current content are left alone.
    """
    at = at or now_iso()
    plan = EditPlan(f"批量设置审核状态：{status.value}")
    for path, department, project in _projects(booklet, project_paths(booklet, targets)):
        current = project.review
        if (
            current is not None
            and current.status is status
            and review_freshness(project, department) is Freshness.CURRENT
        ):
            continue
        if current is None and status is ReviewStatus.PENDING:
            continue
        plan.edits.append(SetValue(path, "review", give_status(project, department, status, reviewer, at)))
    return plan


@dataclass(frozen=True)
class StatusBlocker:
    """A project of a batch approval that has errors: the window asks about these first."""

    path: ItemPath
    department: str
    project: str
    errors: list[Finding]


def batch_approval_blockers(
    booklet: Booklet, targets: Iterable[ItemPath], template: FormTemplate
) -> list[StatusBlocker]:
    out = []
    for path, department, project in _projects(booklet, project_paths(booklet, targets)):
        errors = approval_blockers(project, department, template, booklet.fiscal_year)
        if errors:
            out.append(StatusBlocker(path, department.code, project.name, errors))
    return out

"""Statuses tied to content: the stamp, 在审核后修改, the effective status, batch plans."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kpi_editor.domain.approval import (
    Freshness,
    approval_blockers,
    batch_approval_blockers,
    batch_status_plan,
    edited_after_review,
    effective_status,
    give_status,
    project_paths,
    review_freshness,
)
from kpi_editor.domain.edits import SetValue, apply_plan
from kpi_editor.domain.fingerprint import project_fingerprint
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.review import EffectiveStatus, ProjectReview, ReviewStatus, comment
from kpi_editor.domain.template import load_template
from kpi_editor.io.projectfile import dumps_booklet, loads_booklet

AT = "2026-03-05T14:30:00+08:00"
LATER = "2026-03-12T09:00:00+08:00"


@pytest.fixture
def booklet(corpus_booklet: Booklet) -> Booklet:
    return corpus_booklet.model_copy(deep=True)


def test_a_given_status_is_stamped_with_who_when_and_the_printed_fingerprint(booklet: Booklet) -> None:
    department = booklet.departments[0]
    project = department.projects[0]
    review = give_status(project, department, ReviewStatus.APPROVED, "李审核", AT)
    assert review is not None and project.review is None  # the project itself is not touched
    assert (review.status, review.reviewer, review.reviewed_at) == (ReviewStatus.APPROVED, "李审核", AT)
    assert review.fingerprint == project_fingerprint(project, department)
    project.review = review
    assert review_freshness(project, department) is Freshness.CURRENT
    assert effective_status(project, department) is EffectiveStatus.APPROVED
    assert not edited_after_review(project, department)
    # The stamp survives save and load.
    again = loads_booklet(dumps_booklet(booklet)).departments[0].projects[0]
    assert again.review == review


def test_an_edit_after_approval_is_flagged_and_undoing_it_clears_the_flag(booklet: Booklet) -> None:
    department = booklet.departments[3]
    project = department.projects[0]
    project.review = give_status(project, department, ReviewStatus.APPROVED, "李审核", AT)
    before = project.funding.total
    project.funding.total = Decimal(200)  # the 合计 2 → 200 of the issue
    assert edited_after_review(project, department)
    assert review_freshness(project, department) is Freshness.EDITED
    assert effective_status(project, department) is EffectiveStatus.CHANGED
    assert project.review_status is ReviewStatus.APPROVED  # stored status untouched: undo-safe
    project.funding.total = before
    assert not edited_after_review(project, department)
    assert effective_status(project, department) is EffectiveStatus.APPROVED


def test_a_status_without_stamp_is_unstamped_not_edited(booklet: Booklet) -> None:
    department = booklet.departments[0]
    project = department.projects[0]
    project.review = ProjectReview(status=ReviewStatus.RETURNED)  # as schema-2 files stored it
    project.name += "（改）"
    assert review_freshness(project, department) is Freshness.UNSTAMPED
    assert effective_status(project, department) is EffectiveStatus.RETURNED
    assert review_freshness(booklet.departments[1].projects[0], booklet.departments[1]) is Freshness.NO_STATUS


def test_setting_pending_removes_the_stamp_and_an_empty_review(booklet: Booklet) -> None:
    department = booklet.departments[0]
    project = department.projects[0]
    project.review = give_status(project, department, ReviewStatus.APPROVED, "李审核", AT)
    assert give_status(project, department, ReviewStatus.PENDING, "李审核") is None
    project.review.comments.append(comment("请量化", "李审核", time=AT))
    kept = give_status(project, department, ReviewStatus.PENDING, "李审核")
    assert kept is not None and kept.fingerprint is None and kept.reviewer is None and len(kept.comments) == 1


def test_approval_blockers_are_the_projects_errors(booklet: Booklet) -> None:
    template = load_template(booklet.template_id)
    department = booklet.departments[0]
    project = department.projects[0]
    project.funding.total = (project.funding.total or Decimal(0)) + 1000  # 合计 ≠ 财政拨款 + 非财政拨款
    errors = approval_blockers(project, department, template, booklet.fiscal_year)
    assert errors and all(str(e.severity) == "error" for e in errors)
    assert any(e.rule.startswith("funding") for e in errors)
    blockers = batch_approval_blockers(booklet, [(0,)], template)
    assert blockers[0].path == (0, 0) and blockers[0].project == project.name


def test_batch_status_is_one_plan_over_units_and_projects(booklet: Booklet) -> None:
    assert project_paths(booklet, [(1, 0), (0,), (1, 0)]) == [
        *((0, p) for p in range(len(booklet.departments[0].projects))),
        (1, 0),
    ]
    plan = batch_status_plan(booklet, [(0,), (1, 0)], ReviewStatus.APPROVED, "李审核", AT)
    assert plan.description == "批量设置审核状态：审核通过"
    assert len(plan.edits) == len(booklet.departments[0].projects) + 1
    assert all(isinstance(e, SetValue) and e.field == "review" for e in plan.edits)
    apply_plan(booklet, plan)
    for department, project in [(booklet.departments[0], p) for p in booklet.departments[0].projects]:
        assert effective_status(project, department) is EffectiveStatus.APPROVED
        assert project.review is not None and project.review.reviewer == "李审核"
    # Asking again changes nothing: every project already has that status on its content.
    assert not batch_status_plan(booklet, [(0,), (1, 0)], ReviewStatus.APPROVED, "李审核", AT)


def test_a_new_status_replaces_the_stamp_and_the_recorded_changes(booklet: Booklet) -> None:
    from kpi_editor.domain.review import RecordedChange

    department = booklet.departments[2]
    project = department.projects[0]
    project.review = give_status(project, department, ReviewStatus.APPROVED, "李审核", AT)
    project.indicators[0].value += "（修订）"
    project.review.changes = [RecordedChange(text="指标改动")]  # type: ignore[union-attr]  # as a merge records
    assert effective_status(project, department) is EffectiveStatus.CHANGED
    again = give_status(project, department, ReviewStatus.APPROVED, "王审核", LATER)
    assert again is not None and again.changes is None and again.reviewer == "王审核"
    project.review = again
    assert effective_status(project, department) is EffectiveStatus.APPROVED

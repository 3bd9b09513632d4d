"""The one edit path: every operation refuses in review mode in one place, validates before the stack,
and is one undo step, on the real sample."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kpi_editor.app.document import PREFACE, Document
from kpi_editor.app.operations import Operations, Outcome
from kpi_editor.domain.edits import EditPlan, InsertItems, SetValue
from kpi_editor.domain.model import Booklet, Indicator
from kpi_editor.domain.review import ReviewStatus
from kpi_editor.io.projectfile import dumps_booklet


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_EDITOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KPI_EDITOR_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def document(qapp: Any, sample_booklet: Booklet) -> Any:
    # Four units of the real sample: enough structure, fast to validate.
    sample_booklet.departments = sample_booklet.departments[:4]
    doc = Document(sample_booklet)
    yield doc
    doc.release()


ROW = Indicator(level1="项目完成", level2="数量指标", name="培训人次", value="≥200人次")
CONTENT: dict[str, Callable[[Operations], Outcome]] = {
    "set_field": lambda ops: ops.set_field((0, 0), "name", "改名"),
    "set_amount": lambda ops: ops.set_amount((0, 0), "total", Decimal("99")),
    "fill_totals": lambda ops: ops.fill_totals((0, 0)),
    "clear_cells": lambda ops: ops.clear_cells((0, 0), [(0, "value")]),
    "set_cells": lambda ops: ops.set_cells((0, 0), [(0, "value", "3次")]),
    "apply_plan": lambda ops: ops.apply_plan(EditPlan("改", [SetValue((0, 0), "name", "改名")])),
    "insert": lambda ops: ops.insert((0, 0), 0, [ROW]),
    "remove": lambda ops: ops.remove((0, 0), 0),
    "move": lambda ops: ops.move((0, 0), 0, (0, 0), 3),
    "move_by": lambda ops: ops.move_by((0, 0, 0), 1),
    "add_department": lambda ops: ops.add_department((0,)),
    "add_project": lambda ops: ops.add_project((0, 0)),
    "duplicate": lambda ops: ops.duplicate((0, 0)),
    "delete": lambda ops: ops.delete((1,)),
    "add_section": lambda ops: ops.add_section(0),
    "remove_section": lambda ops: ops.remove_section(0),
    "add_row": lambda ops: ops.add_row((0, 0)),
    "insert_row": lambda ops: ops.insert_row((0, 0), [1]),
    "duplicate_rows": lambda ops: ops.duplicate_rows((0, 0), [0, 1]),
    "delete_rows": lambda ops: ops.delete_rows((0, 0), [0, 2]),
    "move_rows": lambda ops: ops.move_rows((0, 0), [1], -1),
    "paste_rows": lambda ops: ops.paste_rows((0, 0), [0], [ROW]),
    "drop_rows": lambda ops: ops.drop_rows((0, 0), [0], [ROW], 3, True),
}
REVIEW: dict[str, Callable[[Operations], Outcome]] = {
    "set_status": lambda ops: ops.set_status((0, 0), ReviewStatus.RETURNED),
    "add_comment": lambda ops: ops.add_comment((0, 0), "请量化", "审核员", 1),
}


@pytest.mark.parametrize("name", sorted(CONTENT))
def test_every_content_operation_is_one_step_and_refused_in_review_mode(
    document: Document, name: str
) -> None:
    ops = Operations(document)
    if name == "fill_totals":
        document.item((0, 0)).funding.local += 1  # parts that no longer add up: something to compute
    before = dumps_booklet(document.booklet)
    messages: list[str] = []
    document.editRejected.connect(messages.append)
    document.set_review_mode(True)
    outcome = CONTENT[name](ops)
    assert not outcome and "审核模式" in outcome.refused and messages == [outcome.refused]
    assert dumps_booklet(document.booklet) == before and document.undo_stack.count() == 0
    document.set_review_mode(False)
    outcome = CONTENT[name](ops)
    assert outcome and not outcome.refused
    assert dumps_booklet(document.booklet) != before and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert dumps_booklet(document.booklet) == before and document.undo_stack.isClean()


@pytest.mark.parametrize("name", sorted(REVIEW))
def test_review_operations_need_review_mode(document: Document, name: str) -> None:
    ops = Operations(document)
    outcome = REVIEW[name](ops)
    assert not outcome and "审核模式下修改" in outcome.refused
    assert document.item((0, 0)).review is None
    document.set_review_mode(True)
    assert REVIEW[name](ops) and document.item((0, 0)).review is not None
    document.undo_stack.undo()
    assert document.item((0, 0)).review is None


def test_a_clerk_answers_comments_outside_review_mode(document: Document) -> None:
    ops = Operations(document)
    document.set_review_mode(True)
    assert ops.add_comment((0, 0), "请量化", "审核员")
    document.set_review_mode(False)
    assert ops.set_resolved((0, 0), 0, True)
    assert document.item((0, 0)).review.comments[0].resolved
    assert not ops.delete_comments((0, 0), [0])  # deleting is the reviewer's
    assert len(document.item((0, 0)).review.comments) == 1


def test_a_plan_with_a_refused_value_changes_nothing(document: Document) -> None:
    ops = Operations(document)
    before = dumps_booklet(document.booklet)
    plan = EditPlan(
        "两处修改",
        [
            SetValue((0, 0), "name", "先改名"),
            InsertItems((0, 0), 0, (ROW,)),
            SetValue((0, 0), "funding.total", Decimal("1.1234567")),  # seven decimals: refused
        ],
    )
    outcome = ops.apply_plan(plan)
    assert not outcome and "两处修改" in outcome.refused and "小数" in outcome.refused
    assert dumps_booklet(document.booklet) == before and document.undo_stack.count() == 0
    plan.edits[-1] = SetValue((0, 0), "funding.total", Decimal("1.5"))
    assert ops.apply_plan(plan)
    project = document.item((0, 0))
    assert (
        project.name == "先改名" and project.indicators[0] == ROW and project.funding.total == Decimal("1.5")
    )
    assert document.undo_stack.count() == 1 and document.undo_stack.text(0) == "两处修改"


def test_fill_totals_uses_the_domain_arithmetic(document: Document) -> None:
    ops = Operations(document)
    project = document.item((0, 0))
    assert ops.set_amount((0, 0), "local", project.funding.local + 5)
    assert ops.set_amount((0, 0), "non_fiscal", Decimal("2"))
    outcome = ops.fill_totals((0, 0))
    funding = project.funding
    assert outcome and funding.fiscal == funding.superior + funding.local + funding.carryover
    assert funding.total == funding.fiscal + Decimal("2") and document.undo_stack.count() == 3
    assert not ops.fill_totals((0, 0))  # nothing left to compute: no empty step


def test_negative_amounts_and_invalid_values_are_refused_before_the_stack(document: Document) -> None:
    ops = Operations(document)
    outcome = ops.set_amount((0, 0), "total", Decimal("-1"))
    assert not outcome and "不能为负数" in outcome.refused and "合计" in outcome.refused
    outcome = ops.set_field((), "fiscal_year", "明年")
    assert not outcome and "预算年度" in outcome.refused
    assert document.undo_stack.count() == 0


def test_new_project_in_an_empty_booklet_is_one_step(qapp: Any) -> None:
    document = Document(Booklet(fiscal_year=2027))
    ops = Operations(document)
    outcome = ops.add_project()
    assert outcome.select == (0, 0) and document.undo_stack.count() == 1
    project = document.booklet.departments[0].projects[0]
    assert [row.level2 for row in project.indicators][:2] == ["数量指标", "质量指标"]
    document.undo_stack.undo()
    assert document.booklet.departments == []
    document.release()


def test_outcomes_say_what_to_show(document: Document) -> None:
    ops = Operations(document)
    rows = len(document.item((0, 0)).indicators)
    assert ops.add_row((0, 0)).rows == (rows, rows)
    assert ops.paste_rows((0, 0), [1], [ROW, ROW]).rows == (2, 3)
    assert ops.move_by((0, 1), -1).select == (0, 0)
    assert ops.add_department((1,)).select == (2,)
    assert ops.insert_row((0, 0), [2]).column == "name"
    assert ops.add_section(0).select == (*PREFACE, 0)


# -- statuses tied to content, batches, the clerk's answers ---------------------------------------


def _errors(document: Document, path: tuple[int, int]) -> list[Any]:
    from kpi_editor.domain.engine import Severity

    return [f for f in document.project_findings(document.item(path).id) if f.severity is Severity.ERROR]


def test_a_status_is_stamped_and_an_edit_afterwards_shows_changed_until_undone(document: Document) -> None:
    from kpi_editor.domain.approval import effective_status
    from kpi_editor.domain.fingerprint import project_fingerprint
    from kpi_editor.domain.review import EffectiveStatus

    ops = Operations(document)
    document.set_review_mode(True)
    assert ops.set_status((1, 0), ReviewStatus.APPROVED, "李审核")
    department = document.booklet.departments[1]
    project = department.projects[0]
    review = project.review
    assert review is not None and (review.reviewer, review.fingerprint) == (
        "李审核",
        project_fingerprint(project, department),
    )
    assert review.reviewed_at and review.reviewed_at[:4].isdigit()
    # The same status on the same content is no new step.
    assert not ops.set_status((1, 0), ReviewStatus.APPROVED, "李审核") and document.undo_stack.count() == 1
    document.set_review_mode(False)
    assert ops.set_amount((1, 0), "total", (project.funding.total or Decimal(0)) + 200)
    assert effective_status(project, department) is EffectiveStatus.CHANGED
    assert project.review is not None and project.review.status is ReviewStatus.APPROVED  # never rewritten
    document.undo_stack.undo()
    assert effective_status(project, department) is EffectiveStatus.APPROVED
    # Approving again after an edit re-stamps the new content.
    document.undo_stack.redo()
    document.set_review_mode(True)
    assert ops.set_status((1, 0), ReviewStatus.APPROVED, "王复审")
    assert effective_status(project, department) is EffectiveStatus.APPROVED
    assert project.review is not None and project.review.reviewer == "王复审"


def test_approving_projects_with_errors_asks_and_batches_are_one_step(document: Document) -> None:
    asked: list[tuple[list[Any], int]] = []
    answers: list[Any] = [None, "without_errors", "all"]

    def ask(blockers: Any, total: int) -> Any:
        asked.append((list(blockers), total))
        return answers.pop(0)

    ops = Operations(document, ask)
    document.set_review_mode(True)
    units = [(1,), (2,)]  # 102001 (no errors) and 105001 (four of its seven projects have errors)
    projects = [(d, p) for d in (1, 2) for p in range(len(document.booklet.departments[d].projects))]
    failing = [path for path in projects if _errors(document, path)]
    assert failing and len(failing) < len(projects)  # the real sample: some have errors, some not
    # Cancelled: nothing changes, nothing is shown (the user chose it).
    messages: list[str] = []
    document.editRejected.connect(messages.append)
    outcome = ops.set_statuses(units, ReviewStatus.APPROVED, "李审核")
    assert not outcome and outcome.refused and not messages and document.undo_stack.count() == 0
    blockers, total = asked[0]
    assert total == len(projects) and sorted(b.path for b in blockers) == failing
    # Only those without errors: one step for all of them.
    assert ops.set_statuses(units, ReviewStatus.APPROVED, "李审核")
    assert document.undo_stack.count() == 1
    approved = {path for path in projects if document.item(path).review_status is ReviewStatus.APPROVED}
    assert approved == set(projects) - set(failing)
    # All of them: the rest, as a second step; undo takes back only that one.
    assert ops.set_statuses(units, ReviewStatus.APPROVED, "李审核")
    assert all(document.item(path).review_status is ReviewStatus.APPROVED for path in projects)
    document.undo_stack.undo()
    approved_again = {p for p in projects if document.item(p).review_status is ReviewStatus.APPROVED}
    assert approved_again == set(projects) - set(failing)
    # Returning asks nothing.
    assert ops.set_statuses([failing[0]], ReviewStatus.RETURNED, "李审核") and len(asked) == 3
    # 未审核 removes the stamp; a project nobody commented on goes back to no review at all.
    assert ops.set_statuses(units, ReviewStatus.PENDING, "李审核")
    assert all(document.item(path).review is None for path in projects)
    document.undo_stack.undo()
    assert document.item(failing[0]).review_status is ReviewStatus.RETURNED


def test_the_clerk_replies_and_resolves_signed_and_dated(document: Document) -> None:
    ops = Operations(document)
    document.set_review_mode(True)
    assert ops.set_status((0, 0), ReviewStatus.RETURNED, "李审核")
    assert ops.add_comment((0, 0), "合计与成本指标不符", "李审核", None, "funding.total")
    assert ops.add_comment((0, 0), "请量化", "李审核", 2, "value")
    comments = document.item((0, 0)).review.comments
    assert [(c.indicator, c.field) for c in comments] == [(None, "funding.total"), (2, "value")]
    document.set_review_mode(False)  # the clerk's side
    assert ops.reply((0, 0), 1, "已改为≥95%", "王填报")
    assert ops.set_resolved((0, 0), 0, True, "王填报")
    review = document.item((0, 0)).review
    assert (
        review.comments[1].replies[0].author == "王填报"
        and review.comments[1].replies[0].text == "已改为≥95%"
    )
    assert (review.comments[0].resolved, review.comments[0].resolved_by) == (True, "王填报")
    assert review.comments[0].resolved_at and review.comments[0].resolved_at >= review.reviewed_at
    assert not ops.reply((0, 0), 0, "   ", "王填报")  # nothing typed: nothing to undo
    document.undo_stack.undo()
    assert not document.item((0, 0)).review.comments[0].resolved
    assert document.item((0, 0)).review.comments[0].resolved_by is None
    document.undo_stack.undo()
    assert not document.item((0, 0)).review.comments[1].replies


def test_a_copy_of_a_reviewed_project_or_unit_carries_no_review(document: Document) -> None:
    ops = Operations(document)
    document.set_review_mode(True)
    assert ops.set_status((0, 0), ReviewStatus.APPROVED, "李审核")
    assert ops.add_comment((0, 0), "好", "李审核")
    document.set_review_mode(False)
    assert ops.duplicate((0, 0))
    assert document.item((0, 1)).review is None and document.item((0, 0)).review is not None
    assert ops.duplicate((0,))
    assert all(p.review is None for p in document.booklet.departments[1].projects)


def test_the_cached_statuses_follow_every_kind_of_edit(document: Document) -> None:
    """The window's cache of effective statuses agrees with the domain after edits of a row, a
    project's field, a unit's name, a move between units, a status, and their undos."""
    from kpi_editor.app.statuses import ReviewStatuses
    from kpi_editor.domain.progress import booklet_progress, unit_progress

    statuses = ReviewStatuses(document)
    ops = Operations(document)

    def agree() -> None:
        booklet = document.booklet
        for department in booklet.departments:
            assert statuses.unit(department) == unit_progress(department)
        assert statuses.counts() == booklet_progress(booklet)[1]

    document.set_review_mode(True)
    assert ops.set_statuses([(0,), (1,)], ReviewStatus.APPROVED, "李审核")
    assert ops.set_status((2, 0), ReviewStatus.RETURNED, "李审核")
    agree()
    document.set_review_mode(False)
    edits = [
        lambda: ops.set_field((0, 0, 1), "value", "≥99%"),  # a row
        lambda: ops.set_field((0, 1), "name", "改过名的项目"),  # a project's field
        lambda: ops.set_field((1,), "name", "改过名的单位"),  # a unit's name: all of its tables
        lambda: ops.move((1,), 0, (0,), 0),  # a project to another unit
        lambda: ops.insert_row((2, 0), [0]),
        lambda: ops.delete((0, 2)),
    ]
    for edit in edits:
        assert edit()
        agree()
    assert statuses.counts().changed >= 4
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
        agree()
    assert statuses.counts().approved == 0 and statuses.counts().changed == 0

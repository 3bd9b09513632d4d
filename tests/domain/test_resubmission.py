"""Review state survives a resubmission merged with --replace; identical content is no conflict."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kpi_editor.domain.approval import batch_status_plan, edited_after_review, effective_status
from kpi_editor.domain.edits import apply_plan
from kpi_editor.domain.merge import FRONT_BLANK, MergeError, front_matter_choices, merge_booklets
from kpi_editor.domain.model import Booklet, Indicator, Project
from kpi_editor.domain.resubmission import CarryOutcome, match_projects, row_map
from kpi_editor.domain.review import (
    EffectiveStatus,
    ProjectReview,
    ReviewStatus,
    comment,
    reply_to,
    set_resolved,
)

AT = "2026-03-05T14:30:00+08:00"
LATER = "2026-03-12T09:00:00+08:00"
D = 5  # the unit that resubmits


def unit_file(booklet: Booklet, index: int) -> Booklet:
    part = booklet.model_copy(update={"departments": [], "submissions": None}).model_copy(deep=True)
    part.departments = [booklet.departments[index].model_copy(deep=True)]
    return part


@pytest.fixture
def reviewed(corpus_booklet: Booklet) -> Booklet:
    """The corpus with unit D reviewed: all approved but project 1 returned with a row comment."""
    booklet = corpus_booklet.model_copy(deep=True)
    assert len(booklet.departments[D].projects) >= 3
    apply_plan(booklet, batch_status_plan(booklet, [(D,)], ReviewStatus.APPROVED, "李审核", AT))
    apply_plan(booklet, batch_status_plan(booklet, [(D, 1)], ReviewStatus.RETURNED, "李审核", AT))
    returned = booklet.departments[D].projects[1]
    assert returned.review is not None
    returned.review.comments = [
        comment("效益指标请量化", "李审核", indicator=2, time=AT),
        comment("请核对合计", "李审核", time=AT),
    ]
    return booklet


def test_an_unchanged_resubmission_is_no_conflict_and_keeps_every_status(reviewed: Booklet) -> None:
    again = unit_file(reviewed, D)
    for project in again.departments[0].projects:
        project.review = None  # a unit's file re-exported from Excel: no review state at all
        project.id = "x-" + project.id  # and new ids
    result = merge_booklets(reviewed, [("重报.kpi.json", again)])
    assert result.conflicts == [] and not result.blocked
    entry = next(d for d in result.departments if d.code == reviewed.departments[D].code)
    assert entry.identical and entry.review is not None and entry.review.identical
    assert entry.review.count(CarryOutcome.KEPT) == len(again.departments[0].projects)
    assert result.booklet.departments[D] == reviewed.departments[D]  # ids and review state as they were


def test_replace_keeps_untouched_approvals_and_marks_changed_projects(reviewed: Booklet) -> None:
    code = reviewed.departments[D].code
    new = unit_file(reviewed, D)
    unit = new.departments[0]
    unit.projects[0].funding.total = Decimal(200)  # an approved project edited
    fixed = unit.projects[1]  # the returned one: the clerk inserts a row above the commented one
    fixed.indicators.insert(0, Indicator(level1="项目完成", level2="数量指标", name="新增指标", value="3次"))
    fixed.review.comments[0].indicator = 3  # type: ignore[union-attr]  # the clerk's editor shifted it
    fixed.review = reply_to(fixed.review, 0, "已量化为≥95%", "王填报", LATER)  # type: ignore[arg-type]
    fixed.review = set_resolved(fixed.review, 1, True, "王填报", LATER)
    fixed.review.status = ReviewStatus.APPROVED  # a status forged in the unit's file is not taken
    fixed.review.comments.append(comment("（单位自己写的）", "王填报", time=LATER))

    blocked = merge_booklets(reviewed, [("重报.kpi.json", new)])
    assert blocked.blocked and blocked.booklet.department(code) == reviewed.departments[D]

    result = merge_booklets(reviewed, [("重报.kpi.json", new)], replace=True)
    merged = result.booklet.department(code)
    assert merged is not None
    entry = next(d for d in result.departments if d.code == code)
    carry = entry.review
    assert carry is not None and not entry.identical
    outcomes = {p.name: p.outcome for p in carry.projects}
    assert outcomes[unit.projects[0].name] is CarryOutcome.CHANGED
    assert outcomes[fixed.name] is CarryOutcome.CHANGED
    assert carry.count(CarryOutcome.KEPT) == len(unit.projects) - 2

    first = merged.projects[0].review
    assert first is not None and first.status is ReviewStatus.APPROVED  # the given status, kept
    assert effective_status(merged.projects[0], merged) is EffectiveStatus.CHANGED
    assert first.changes and any("合计" in c.text and "200" in c.text for c in first.changes)
    assert edited_after_review(merged.projects[0], merged)

    second = merged.projects[1].review
    assert second is not None and second.status is ReviewStatus.RETURNED
    assert effective_status(merged.projects[1], merged) is EffectiveStatus.CHANGED
    quantify, total, own = second.comments
    assert quantify.indicator == 3 and quantify.replies and quantify.replies[0].author == "王填报"
    assert (total.resolved, total.resolved_by, total.resolved_at) == (True, "王填报", LATER)
    assert own.text == "（单位自己写的）"
    project_carry = next(p for p in carry.projects if p.name == fixed.name)
    assert (
        set(project_carry.answered) == {"效益指标请量化", "请核对合计"} and project_carry.file_comments == 1
    )
    assert "单位答复或处理了2条审核意见" in carry.summary()

    for old, project in zip(reviewed.departments[D].projects[2:], merged.projects[2:], strict=True):
        assert project.review == old.review and project.id == old.id  # untouched approvals as they were
        assert effective_status(project, merged) is EffectiveStatus.APPROVED


def test_content_back_to_the_approved_version_gets_the_approval_back(reviewed: Booklet) -> None:
    code = reviewed.departments[D].code
    edited = unit_file(reviewed, D)
    original_total = edited.departments[0].projects[0].funding.total
    edited.departments[0].projects[0].funding.total = Decimal(200)
    once = merge_booklets(reviewed, [("v2", edited)], replace=True).booklet
    unit = once.department(code)
    assert unit is not None and effective_status(unit.projects[0], unit) is EffectiveStatus.CHANGED
    twice_edited = unit_file(once, D)
    twice_edited.departments[0].projects[0].funding.total = Decimal(300)
    twice = merge_booklets(once, [("v3", twice_edited)], replace=True)
    unit = twice.booklet.department(code)
    assert unit is not None and effective_status(unit.projects[0], unit) is EffectiveStatus.CHANGED
    review = unit.projects[0].review
    assert review is not None and review.changes
    assert (
        next(d.review for d in twice.departments if d.code == code).projects[0].outcome
        is CarryOutcome.STILL_CHANGED
    )  # type: ignore[union-attr]
    assert any("300" in c.text for c in review.changes) and any("200" in c.text for c in review.changes)
    back = unit_file(twice.booklet, D)
    back.departments[0].projects[0].funding.total = original_total
    result = merge_booklets(twice.booklet, [("v4", back)], replace=True)
    unit = result.booklet.department(code)
    assert unit is not None and effective_status(unit.projects[0], unit) is EffectiveStatus.APPROVED
    assert unit.projects[0].review == reviewed.departments[D].projects[0].review  # as it was approved
    carry = next(d.review for d in result.departments if d.code == code)
    assert carry is not None and carry.projects[0].outcome is CarryOutcome.RESTORED


def test_a_removed_project_with_review_state_is_reported(reviewed: Booklet) -> None:
    code = reviewed.departments[D].code
    new = unit_file(reviewed, D)
    removed = new.departments[0].projects.pop(1)
    result = merge_booklets(reviewed, [("重报", new)], replace=True)
    carry = next(d.review for d in result.departments if d.code == code)
    assert carry is not None
    (gone,) = [p for p in carry.projects if p.lost_review]
    assert (gone.name, gone.before, gone.comments) == (removed.name, EffectiveStatus.RETURNED, 2)
    assert "被删除的项目带走了审核状态或意见" in carry.summary()


def test_projects_match_by_id_then_name_and_rows_align() -> None:
    old = [Project(id="a", name="甲"), Project(id="b", name="乙"), Project(id="c", name="丙")]
    new = [Project(id="z", name="乙"), Project(id="a", name="甲（改名）"), Project(id="y", name="丁")]
    assert match_projects(old, new) == {1: 0, 0: 1}
    rows = [Indicator(level1="一", level2="二", name=n) for n in "ABC"]
    assert row_map(rows, [rows[0], Indicator(name="X"), rows[2]]) == {0: 0, 1: 1, 2: 2}
    assert row_map(rows, [rows[0], rows[2]]) == {0: 0, 2: 1}


def test_without_base_the_front_matter_is_chosen(corpus_booklet: Booklet) -> None:
    a, b = unit_file(corpus_booklet, 0), unit_file(corpus_booklet, 1)
    b.title = "另一个标题"
    choices = front_matter_choices([("a", a), ("b", b)])
    assert [c.sources for c in choices] == [["a"], ["b"]] and choices[1].title == "另一个标题"
    assert merge_booklets(None, [("a", a), ("b", b)], front_from="b").booklet.title == "另一个标题"
    blank = merge_booklets(None, [("a", a), ("b", b)], front_from=FRONT_BLANK)
    assert (
        blank.booklet.title == "" and blank.booklet.preface == [] and blank.front_matter_source == FRONT_BLANK
    )
    assert merge_booklets(None, [("a", a), ("b", b)]).front_matter_source == "a"
    with pytest.raises(MergeError, match="不在要合并的文件中"):
        merge_booklets(None, [("a", a)], front_from="c")


def test_a_pending_project_with_comments_keeps_them_over_a_change(reviewed: Booklet) -> None:
    project = reviewed.departments[D + 1].projects[0]
    project.review = ProjectReview(comments=[comment("请补充时效指标", "李审核", indicator=0, time=AT)])
    project.review.comments.append(comment("第2行请量化", "李审核", indicator=1, time=AT))
    new = unit_file(reviewed, D + 1)
    # Re-made in Excel: no review state in the file, the commented first row is gone.
    new.departments[0].projects[0].review = None
    new.departments[0].projects[0].indicators.pop(0)
    result = merge_booklets(reviewed, [("重报", new)], replace=True)
    review = result.booklet.departments[D + 1].projects[0].review
    assert review is not None and review.status is ReviewStatus.PENDING
    assert [(c.text, c.indicator) for c in review.comments] == [("请补充时效指标", None), ("第2行请量化", 0)]

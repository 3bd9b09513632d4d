"""Edits as data: plans applied to the real sample, refused values named, paths checked."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kpi_editor.domain.edits import (
    PREFACE,
    EditError,
    EditPlan,
    InsertItems,
    RemoveItems,
    SetValue,
    apply_plan,
    field_value,
)
from kpi_editor.domain.model import Booklet, Indicator
from kpi_editor.domain.review import ProjectReview, ReviewComment


def test_plan_applies_in_order_on_the_sample(sample_booklet: Booklet) -> None:
    project = sample_booklet.departments[0].projects[0]
    rows = len(project.indicators)
    plan = EditPlan(
        "改合计并加一行",
        [
            SetValue((0, 0), "funding.total", Decimal("26")),
            InsertItems((0, 0), rows, (Indicator(level1="项目完成", level2="数量指标", name="会议次数"),)),
            SetValue((0, 0, rows), "value", "2次"),
            SetValue((0, 0, 0), "extra:权重", "10"),
            SetValue((*PREFACE, 0), "heading", "一、依据"),
        ],
    )
    apply_plan(sample_booklet, plan)
    assert project.funding.total == Decimal("26")
    assert project.indicators[rows].value == "2次"
    assert field_value(sample_booklet, (0, 0, 0), "extra:权重") == "10"
    assert sample_booklet.preface[0].heading == "一、依据"
    apply_plan(sample_booklet, [RemoveItems((0, 0), rows), SetValue((0, 0, 0), "extra:权重", "")])
    assert len(project.indicators) == rows
    assert project.indicators[0].extra == {}


def test_refused_values_and_missing_places(sample_booklet: Booklet) -> None:
    with pytest.raises(EditError, match="小数"):
        apply_plan(sample_booklet, [SetValue((0, 0), "funding.total", Decimal("1.1234567"))])
    with pytest.raises(EditError, match="找不到"):
        apply_plan(sample_booklet, [SetValue((0, 999), "name", "x")])
    with pytest.raises(EditError, match="没有这个字段"):
        apply_plan(sample_booklet, [SetValue((0, 0), "colour", "x")])
    assert sample_booklet.departments[0].projects[0].funding.total == Decimal(25)


def test_row_comments_follow_inserted_and_removed_rows(sample_booklet: Booklet) -> None:
    # The command line applies plans directly: row comments must move as they do in the editor.
    project = sample_booklet.departments[0].projects[0]
    at = "2026-03-05T14:30:00+08:00"
    project.review = ProjectReview(
        comments=[
            ReviewComment(time=at, indicator=0, text="甲"),
            ReviewComment(time=at, indicator=2, text="乙"),
        ]
    )
    apply_plan(sample_booklet, [InsertItems((0, 0), 1, (Indicator(name="新增"),))])
    assert [c.indicator for c in project.review.comments] == [0, 3]
    apply_plan(sample_booklet, [RemoveItems((0, 0), 0)])
    assert [c.indicator for c in project.review.comments] == [None, 2]  # the reviewer's words are kept

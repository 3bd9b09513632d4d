"""Comparing two versions: exactly the changes made, nothing for formatting, ids or review state."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kpi_editor.domain.diff import Change, ChangeKind, diff_booklets
from kpi_editor.domain.fingerprint import canonical_amount
from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, PrefaceSection, Project
from kpi_editor.domain.review import ProjectReview, ReviewStatus, comment
from kpi_editor.io.projectfile import dumps_booklet, loads_booklet


@pytest.fixture
def corpus(corpus_booklet: Booklet) -> Booklet:
    return corpus_booklet  # shared by the session: tests copy it before changing anything


def rows(*names: str) -> list[Indicator]:
    return [Indicator(level1="项目完成", level2="数量指标", name=n, value=f"{n}值") for n in names]


def booklet() -> Booklet:
    return Booklet(
        fiscal_year=2026,
        title="标题",
        preface=[PrefaceSection(heading="一、编制依据", body="正文")],
        departments=[
            Department(
                code="101001",
                name="甲局",
                projects=[
                    Project(
                        id="a",
                        name="项目甲",
                        funding=Funding(total=Decimal("25")),
                        indicators=rows("A", "B", "C"),
                    ),
                    Project(
                        id="b",
                        name="项目乙",
                        funding=Funding(total=Decimal("3.5")),
                        indicators=rows("D", "E"),
                    ),
                ],
            ),
            Department(
                code="102001",
                name="乙局",
                projects=[Project(id="c", name="项目丙", indicators=rows("F", "G", "H", "I"))],
            ),
        ],
    )


def test_identical_content_whatever_the_formatting_gives_an_empty_diff(corpus: Booklet) -> None:
    text = json.dumps(json.loads(dumps_booklet(corpus)), ensure_ascii=True, indent=None, sort_keys=True)
    assert diff_booklets(corpus, loads_booklet(text, "compact.kpi.json")) == []
    assert diff_booklets(corpus, corpus.model_copy(deep=True)) == []


def test_corpus_with_three_edits_reports_exactly_three_changes(corpus: Booklet) -> None:
    new = corpus.model_copy(deep=True)
    dept_a, dept_b, dept_c = new.departments[3], new.departments[10], new.departments[40]
    amount_project = dept_a.projects[0]
    old_total = amount_project.funding.total
    assert old_total is not None
    amount_project.funding.total = old_total + Decimal("1.5")
    value_project = dept_b.projects[-1]
    row = len(value_project.indicators) // 2
    old_value = value_project.indicators[row].value
    value_project.indicators[row].value = old_value + "（修改）"
    named = dept_c.projects[0]
    old_name = named.name
    named.name = old_name + "（二期）"

    changes = diff_booklets(corpus, new)

    assert changes == [
        Change(
            ChangeKind.FUNDING_CHANGED,
            dept_a.code,
            amount_project.name,
            "total",
            canonical_amount(old_total),
            canonical_amount(old_total + Decimal("1.5")),
        ),
        Change(
            ChangeKind.INDICATOR_CHANGED,
            dept_b.code,
            value_project.name,
            f"indicators[{row}].value",
            old_value,
            old_value + "（修改）",
            row,
        ),
        Change(ChangeKind.PROJECT_RENAMED, dept_c.code, named.name, "name", old_name, named.name),
    ]
    assert [c.as_json() for c in changes][2] == {
        "kind": "project_renamed",
        "department": dept_c.code,
        "project": old_name + "（二期）",
        "field": "name",
        "old": old_name,
        "new": old_name + "（二期）",
    }


def test_review_state_and_ids_are_not_content(corpus: Booklet) -> None:
    new = corpus.model_copy(deep=True)
    for i, (_, project) in enumerate(new.projects()):
        project.id = f"x{i}"
        project.review = ProjectReview(status=ReviewStatus.APPROVED, comments=[comment("好")])
    assert diff_booklets(corpus, new) == []


def test_amounts_compare_by_value_but_a_missing_row_is_not_zero() -> None:
    old, new = booklet(), booklet()
    new.departments[0].projects[0].funding.total = Decimal("25.000")
    assert diff_booklets(old, new) == []
    new.departments[0].projects[0].funding.fiscal = Decimal("0")
    assert diff_booklets(old, new) == [
        Change(ChangeKind.FUNDING_CHANGED, "101001", "项目甲", "fiscal", None, "0")
    ]


def test_an_inserted_row_is_one_addition_not_every_row_below_changed() -> None:
    old, new = booklet(), booklet()
    new.departments[0].projects[0].indicators.insert(
        1, Indicator(level1="项目完成", level2="质量指标", name="X")
    )
    del new.departments[1].projects[0].indicators[0]
    assert [(c.kind, c.department, c.field, c.old, c.new) for c in diff_booklets(old, new)] == [
        (ChangeKind.INDICATOR_ADDED, "101001", "indicators[1]", None, "项目完成 / 质量指标 / X："),
        (ChangeKind.INDICATOR_REMOVED, "102001", "indicators[0]", "项目完成 / 数量指标 / F：F值", None),
    ]


def test_a_changed_row_name_reports_the_column() -> None:
    old, new = booklet(), booklet()
    new.departments[0].projects[1].indicators[1].name = "E2"
    assert [(c.kind, c.field, c.old, c.new, c.row) for c in diff_booklets(old, new)] == [
        (ChangeKind.INDICATOR_CHANGED, "indicators[1].name", "E", "E2", 1)
    ]


def test_projects_added_removed_and_renamed_without_a_common_id() -> None:
    old, new = booklet(), booklet()
    first = new.departments[0]
    first.projects[0].id = "re-created"
    first.projects[0].name = "项目甲（更名）"
    first.projects.append(Project(name="新项目", indicators=rows("Z")))
    del new.departments[1].projects[0]
    changes = [(c.kind, c.department, c.project, c.old, c.new) for c in diff_booklets(old, new)]
    assert changes == [
        (ChangeKind.PROJECT_RENAMED, "101001", "项目甲（更名）", "项目甲", "项目甲（更名）"),
        (ChangeKind.PROJECT_ADDED, "101001", "新项目", None, "新项目"),
        (ChangeKind.PROJECT_REMOVED, "102001", "项目丙", "项目丙", None),
    ]


def test_project_matched_by_name_when_ids_differ_and_moves_are_reported() -> None:
    old, new = booklet(), booklet()
    moved = new.departments[0].projects.pop(1)
    moved.id = "new-id"
    new.departments[1].projects.append(moved)
    assert [(c.kind, c.department, c.field, c.old, c.new) for c in diff_booklets(old, new)] == [
        (ChangeKind.PROJECT_MOVED, "102001", "department", "101001", "102001")
    ]


def test_reordered_projects_and_department_changes() -> None:
    old, new = booklet(), booklet()
    new.departments[0].projects.reverse()
    new.departments[1].name = "乙局（新）"
    new.departments.append(Department(code="103001", name="丙局"))
    changes = [(c.kind, c.department, c.old, c.new) for c in diff_booklets(old, new)]
    assert changes == [
        (ChangeKind.PROJECTS_REORDERED, "101001", "项目甲、项目乙", "项目乙、项目甲"),
        (ChangeKind.DEPARTMENT_RENAMED, "102001", "乙局", "乙局（新）"),
        (ChangeKind.DEPARTMENT_ADDED, "103001", None, "丙局"),
    ]


def test_front_matter_changes() -> None:
    old, new = booklet(), booklet()
    new.title = "新标题"
    new.preface[0].body = "新正文"
    new.preface.append(PrefaceSection(heading="二、绩效目标概念"))
    assert [(c.kind, c.field, c.old, c.new) for c in diff_booklets(old, new)] == [
        (ChangeKind.FRONT_MATTER, "title", "标题", "新标题"),
        (ChangeKind.FRONT_MATTER, "preface[0].body", "正文", "新正文"),
        (ChangeKind.FRONT_MATTER, "preface[1]", None, "二、绩效目标概念"),
    ]


def test_describe_reads_as_chinese() -> None:
    old, new = booklet(), booklet()
    new.departments[0].projects[0].funding.total = Decimal("30")
    new.departments[0].projects[1].indicators[0].value = "3次"
    lines = [c.describe() for c in diff_booklets(old, new)]
    assert lines == [
        "[101001] “项目甲” 金额改动 合计：25 → 30",
        "[101001] “项目乙” 指标改动 第1行指标值：D值 → 3次",
    ]


# -- across fiscal years (issue 13) -------------------------------------------------------------------


def test_rows_carried_into_the_next_year_pair_as_last_year_to_this_year() -> None:
    old = booklet()
    old.departments[0].projects[0].indicators[1].name = "做好2026年关心下一代工作"
    old.departments[0].projects[0].indicators[1].value = "2026年1-12月"
    new = old.model_copy(deep=True)
    new.fiscal_year = 2027
    carried = new.departments[0].projects[0]
    carried.indicators[1].name = "做好2027年关心下一代工作"
    carried.indicators[1].value = "2027年1-12月"
    carried.indicators.insert(1, Indicator(level1="项目完成", level2="数量指标", name="新增", value="3次"))
    changes = [(c.kind, c.field, c.old, c.new, c.year_shift) for c in diff_booklets(old, new)]
    assert changes == [
        (ChangeKind.FRONT_MATTER, "fiscal_year", "2026", "2027", False),
        (ChangeKind.INDICATOR_ADDED, "indicators[1]", None, "项目完成 / 数量指标 / 新增：3次", False),
        (
            ChangeKind.INDICATOR_CHANGED,
            "indicators[2].name",
            "做好2026年关心下一代工作",
            "做好2027年关心下一代工作",
            True,
        ),
        (ChangeKind.INDICATOR_CHANGED, "indicators[2].value", "2026年1-12月", "2027年1-12月", True),
    ]
    shifted = diff_booklets(old, new)[2]
    assert shifted.describe().endswith("（年份顺延）") and shifted.as_json()["year_shift"] is True
    # Within one year the same texts are an ordinary change, and JSON keeps its shape.
    new.fiscal_year = 2026
    same_year = [c for c in diff_booklets(old, new) if c.kind is ChangeKind.INDICATOR_CHANGED]
    assert same_year and not any(c.year_shift for c in same_year)
    assert all("year_shift" not in c.as_json() for c in same_year)


def test_a_project_recreated_with_the_year_in_its_name_is_matched_across_years() -> None:
    old = booklet()
    project = old.departments[0].projects[0]
    project.name = "2026年春节慰问经费"
    project.indicators[0].value = "2026年春节前"
    new = old.model_copy(deep=True)
    new.fiscal_year = 2027
    recreated = new.departments[0].projects[0]
    recreated.id = "typed-again"
    recreated.name = "2027年春节慰问经费"
    recreated.indicators[0].value = "2027年春节前"
    kinds = [(c.kind, c.year_shift) for c in diff_booklets(old, new)]
    assert kinds == [
        (ChangeKind.FRONT_MATTER, False),
        (ChangeKind.PROJECT_RENAMED, True),
        (ChangeKind.INDICATOR_CHANGED, True),
    ]


def test_the_sample_against_its_rollover_is_all_year_shift_but_the_year(sample_booklet: Booklet) -> None:
    from kpi_editor.domain.rollover import rollover

    result = rollover(sample_booklet, 2027)
    changes = diff_booklets(sample_booklet, result.booklet)
    assert not any(c.kind in (ChangeKind.INDICATOR_ADDED, ChangeKind.INDICATOR_REMOVED) for c in changes)
    assert [c.field for c in changes if not c.year_shift] == ["fiscal_year"]
    assert len(changes) == len(result.report.changed) + 1

"""value.*: cells filled, not repeated, measurable; whole sets not copied between projects."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi_editor.domain.edits import RemoveItems
from kpi_editor.domain.engine import RULES, validate_booklet, validate_project
from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.template import load_template

Factory = Callable[[], tuple[Project, Department]]
Change = Callable[[Project], None]
QUANTITY, QUALITY, TIME, COST, BENEFIT, SATISFACTION = range(6)


def _set(row: int, **cells: str) -> Change:
    def change(project: Project) -> None:
        for key, value in cells.items():
            setattr(project.indicators[row], key, value)

    return change


def _append(name: str, value: str) -> Change:
    def change(project: Project) -> None:
        project.indicators.insert(1, Indicator(level1="项目完成", level2="数量指标", name=name, value=value))

    return change


def _all_names(name: str | None = None) -> Change:
    def change(project: Project) -> None:
        for row in project.indicators:
            row.name = name or project.name

    return change


def _one_name_is_project(project: Project) -> None:
    project.indicators[0].name = project.name


CASES = [
    pytest.param("value.empty", _set(QUALITY, value=""), _set(QUALITY, value="≥98%"), id="value"),
    pytest.param("value.empty", _set(QUALITY, name="  "), _set(QUALITY, name="会议议程完成率"), id="name"),
    pytest.param(
        "value.duplicate_row", _append("召开会议", "2次"), _append("召开会议", "3场"), id="duplicate"
    ),
    pytest.param(
        "value.duplicate_row",
        _append("召开 会议", "2 次"),
        _append("召开专题会议", "2次"),
        id="duplicate-spaces",
    ),
    # Vague wording where a quantity is expected is a warning …
    pytest.param(
        "value.unmeasurable", _set(QUANTITY, value="效果显著"), _set(QUANTITY, value="2次"), id="vague"
    ),
    pytest.param(
        "value.unmeasurable", _set(QUANTITY, value="优良"), _set(QUANTITY, value="优良率≥90%"), id="grade"
    ),
    pytest.param(
        "value.unmeasurable", _set(TIME, value="及时"), _set(TIME, value="2026年6月30日前"), id="time"
    ),
    pytest.param("value.unmeasurable", _set(TIME, value="按时"), _set(TIME, value="全年"), id="time-period"),
    # … and advice on the 二级 the template marks qualitative (质量, 效益).
    pytest.param("value.vague", _set(QUALITY, value="效果显著"), _set(QUALITY, value="≥98%"), id="quality"),
    pytest.param(
        "value.vague",
        _set(BENEFIT, value="有效提升"),
        _set(BENEFIT, value="较上年提升5个百分点"),
        id="benefit",
    ),
    # Placeholders block like an empty cell in required rows; “无” answers a question about incidents.
    pytest.param("value.placeholder", _set(QUANTITY, value="/"), _set(QUANTITY, value="2次"), id="slash"),
    pytest.param("value.placeholder", _set(QUALITY, value="不适用"), _set(QUALITY, value="100%"), id="n/a"),
    pytest.param(
        "value.placeholder",
        _set(QUANTITY, value="无"),
        _set(QUANTITY, name="安全事故发生次数", value="无"),
        id="none",
    ),
    pytest.param(
        "value.not_applicable",
        _set(BENEFIT, value="此项指标不适用"),
        _set(BENEFIT, value="≥95%"),
        id="optional-n/a",
    ),
    pytest.param(
        "value.contradictory", _append("召开会议", "3次"), _append("召开专题会议", "3次"), id="contradictory"
    ),
    pytest.param("value.name_is_project", _all_names(), _one_name_is_project, id="project-name"),
    pytest.param(
        "value.repeats_name", _set(COST, name="25万元"), _set(COST, name="会务费、印刷费"), id="repeats-name"
    ),
    pytest.param("value.rate_over_100", _set(QUALITY, value="955%"), _set(QUALITY, value="95.5%"), id="rate"),
    pytest.param(
        "value.rate_over_100",
        _set(SATISFACTION, value="≥900%"),
        _set(BENEFIT, name="代表履职率增长", value="较上年增长150%"),
        id="rate-satisfaction",
    ),
]


Twin = Callable[[str, Change, Change], None]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(rule_twin: Twin, code: str, breaks: Change, fixes: Change) -> None:
    rule_twin(code, breaks, fixes)


def test_empty_value_points_at_the_cell(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.indicators[QUALITY].value = ""
    (finding,) = [
        f for f in validate_project(project, load_template("xiqu-2026"), 2026) if f.rule == "value.empty"
    ]
    assert (finding.indicator, finding.field) == (QUALITY, "value")
    assert "第2行" in finding.message and "会议议程完成率" in finding.message


def test_duplicate_points_at_the_second_row(clean_project: Factory) -> None:
    project, _ = clean_project()
    _append("召开会议", "2次")(project)
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026)
        if f.rule == "value.duplicate_row"
    ]
    assert finding.indicator == 1 and "第2行与第1行" in finding.message


def _booklet(first: Project, second: Project) -> Booklet:
    return Booklet(
        fiscal_year=2026,
        departments=[
            Department(code="101001", name="攀枝花市西区人民代表大会常务委员会办公室", projects=[first]),
            Department(code="102001", name="西区人民代表大会常务委员会办公室", projects=[second]),
        ],
    )


def test_copied_set_fires_and_not_on_twin(clean_project: Factory) -> None:
    first, _ = clean_project()
    second, _ = clean_project()
    second.id, second.name = "p2", "代表视察经费"
    findings = [f for f in validate_booklet(_booklet(first, second)) if f.rule == "value.copied_set"]
    assert [(f.project_id, f.department) for f in findings] == [("p2", "102001")]
    assert "人民代表大会会议经费" in findings[0].message
    second.indicators[0].value = "4次"
    assert "value.copied_set" not in {f.rule for f in validate_booklet(_booklet(first, second))}


def test_every_value_rule_has_a_case() -> None:
    # value.below_previous has its own cases in test_rules_previous.py.
    codes = {p.values[0] for p in CASES} | {"value.copied_set", "value.near_copy", "value.copied_quantity"}
    codes |= {"value.below_previous"}
    assert codes == {r.code for r in RULES if r.category == "value"}


def test_near_copy_fires_when_only_the_cost_amount_changed(clean_project: Factory) -> None:
    first, _ = clean_project()
    first.indicators.insert(
        1, Indicator(level1="项目完成", level2="数量指标", name="印制材料", value="500份")
    )
    second = first.model_copy(deep=True)
    second.id, second.name = "p2", "代表视察经费"
    second.funding.total = second.funding.fiscal = second.funding.local = Decimal(40)
    second.indicators[4].value = "40万元"
    findings = [f for f in validate_booklet(_booklet(first, second)) if f.rule.startswith("value.")]
    assert [(f.rule, f.project_id, f.indicator) for f in findings] == [("value.near_copy", "p2", 4)]
    assert "只有成本金额不同" in findings[0].message and "人民代表大会会议经费" in findings[0].message
    # The twin: its own quantity, so it is no copy.
    second.indicators[1].value = "800份"
    assert not [f for f in validate_booklet(_booklet(first, second)) if f.rule.startswith("value.")]


def test_quantity_copied_from_another_units_table(clean_project: Factory) -> None:
    first, _ = clean_project()
    second, _ = clean_project()
    second.id, second.name = "p2", "代表视察经费"
    first.indicators[0] = Indicator(
        level1="项目完成", level2="数量指标", name="组织培训", value="全年培训12期1200人次"
    )
    second.indicators[0] = Indicator(
        level1="项目完成", level2="数量指标", name="召开会议", value="全年培训12期1200人次"
    )
    findings = [f for f in validate_booklet(_booklet(first, second)) if f.rule == "value.copied_quantity"]
    assert [(f.project_id, f.department, f.indicator, f.field) for f in findings] == [
        ("p2", "102001", 0, "value")
    ]
    assert "单位101001" in findings[0].message and "组织培训" in findings[0].message
    # Twin: the unit's own count; and a shared indicator with the same name is a standard, not a slip.
    second.indicators[0].value = "召开会议2次"
    assert "value.copied_quantity" not in {f.rule for f in validate_booklet(_booklet(first, second))}
    second.indicators[0] = first.indicators[0].model_copy()
    assert "value.copied_quantity" not in {f.rule for f in validate_booklet(_booklet(first, second))}


def test_contradictory_targets_show_both(clean_project: Factory) -> None:
    project, _ = clean_project()
    _append("召开会议", "3次")(project)
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026)
        if f.rule == "value.contradictory"
    ]
    assert (finding.indicator, finding.actual, finding.expected) == (1, "3次", "2次")
    assert "第2行与第1行" in finding.message and finding.fix is None  # which one is right is the clerk's call


def test_duplicate_row_fix_removes_the_second_row(clean_project: Factory) -> None:
    project, _ = clean_project()
    _append("召开会议", "2次")(project)
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026)
        if f.rule == "value.duplicate_row"
    ]
    assert finding.fix is not None and finding.fix.edits == (RemoveItems((), 1),)

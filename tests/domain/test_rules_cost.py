"""cost.*: 成本指标 amounts against 合计."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.engine import RULES, Finding, validate_booklet, validate_project
from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, Project
from kpi_editor.domain.template import load_template

Factory = Callable[[], tuple[Project, Department]]
Change = Callable[[Project], None]
COST = 3


def _cost(*cells: tuple[str, str]) -> Change:
    """Replace the cost rows with (三级, 指标值) pairs."""

    def change(project: Project) -> None:
        rows = [Indicator(level1="项目完成", level2="成本指标", name=n, value=v) for n, v in cells]
        project.indicators[COST : COST + 1] = rows

    return change


CASES = [
    pytest.param("cost.over_total", _cost(("会务费", "30万元")), _cost(("会务费", "25万元")), id="over"),
    pytest.param(
        "cost.over_total",
        _cost(("会务费", "20万元"), ("印刷费", "10万元")),
        _cost(("会务费", "20万元"), ("印刷费", "5万元")),
        id="over-by-parts",
    ),
    pytest.param(
        "cost.over_total",
        _cost(("租金", "0.3亿元")),
        _cost(("租金", "0.0025亿元")),
        id="yi",
    ),
    pytest.param(
        "cost.short_of_total",
        _cost(("会务费", "20万元")),
        _cost(("会务费", "20万元"), ("印刷费", "5万元")),
        id="short",
    ),
    pytest.param(
        "cost.short_of_total",
        _cost(("会务费", "2000元/人，共计20万元")),
        _cost(("会务费", "2500元/人，100人，共计25万元")),
        id="short-total-after-unit-price",
    ),
    pytest.param(
        "cost.no_amount", _cost(("会务费", "会务费、印刷费等")), _cost(("会务费", "预计25万")), id="no-amount"
    ),
    pytest.param(
        "cost.no_amount",
        _cost(("人均标准", "≤600元/人")),
        _cost(("人均标准", "≤600元/人"), ("总额", "≤25万元")),
        id="unit-price-only",
    ),
    pytest.param("cost.bare_number", _cost(("会务费", "250000")), _cost(("会务费", "250000元")), id="bare"),
    # 25元 in a 25万元 project: the unit slipped, not the amount.
    pytest.param("cost.unit_slip", _cost(("会务费", "25元")), _cost(("会务费", "250000元")), id="slip"),
    pytest.param(
        "cost.unit_slip",
        _cost(("会务费", "20万元"), ("印刷费", "5元")),
        _cost(("会务费", "20万元"), ("印刷费", "5万元")),
        id="slip-one-part",
    ),
    pytest.param("cost.floor", _cost(("会务费", "≥25万元")), _cost(("会务费", "≤25万元")), id="floor"),
    pytest.param(
        "cost.floor",
        _cost(("会务费", "不低于25万元")),
        _cost(("会务费", "不低于600元/人，共25万元")),
        id="floor-words",
    ),
]


Twin = Callable[[str, Change, Change], None]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(rule_twin: Twin, code: str, breaks: Change, fixes: Change) -> None:
    rule_twin(code, breaks, fixes)


def test_every_cost_rule_has_a_case() -> None:
    codes = {p.values[0] for p in CASES} | {"cost.copied_amount"}
    assert codes == {r.code for r in RULES if r.category == "cost"}


def _rules(project: Project) -> set[str]:
    return {f.rule for f in validate_project(project, load_template("xiqu-2026"), 2026)}


@pytest.mark.parametrize(
    "cells",
    [
        [("会务费", "25万元")],
        [("预算资金", "≤25万元"), ("成本控制", "25万元")],  # each row restates the budget
        [("项目总成本", "≤25万元"), ("会务费", "20万元"), ("印刷费", "5万元")],  # parts of a marked total
        [("会务费等经费25万元", "购置会议用品、印制资料等")],  # the amount sits in the 三级 name
        [("会务费", "15万元"), ("人均标准", "500元/人"), ("印刷费", "10万元")],  # unit price ignored
        [("云视讯网络费用", "81000"), ("办公费、培训费", "169000")],  # bare numbers over 合计 are 元
    ],
    ids=["single", "restated", "marked-total", "in-name", "unit-price", "bare-yuan"],
)
def test_amounts_that_match_the_total(clean_project: Factory, cells: list[tuple[str, str]]) -> None:
    project, _ = clean_project()
    _cost(*cells)(project)
    assert not {"cost.over_total", "cost.short_of_total", "cost.no_amount"} & _rules(project)


def test_over_total_message_shows_the_sum(clean_project: Factory) -> None:
    project, _ = clean_project()
    _cost(("会务费", "20万元"), ("印刷费", "10万元"))(project)
    (finding,) = [
        f for f in validate_project(project, load_template("xiqu-2026"), 2026) if f.rule == "cost.over_total"
    ]
    assert "20＋10＝30万元" in finding.message and "合计25万元" in finding.message
    assert (finding.indicator, finding.field) == (COST, "value")


def _findings(project: Project, code: str) -> list[Finding]:
    return [f for f in validate_project(project, load_template("xiqu-2026"), 2026) if f.rule == code]


def test_unit_slip_fixes_the_unit_and_replaces_short_of_total(clean_project: Factory) -> None:
    project, _ = clean_project()
    _cost(("会务费", "会务费25元"))(project)
    rules = _rules(project)
    assert "cost.unit_slip" in rules and "cost.short_of_total" not in rules
    (finding,) = _findings(project, "cost.unit_slip")
    assert (finding.indicator, finding.actual, finding.expected) == (COST, "会务费25元", "会务费25万元")
    assert finding.fix is not None and finding.fix.edits == (SetValue((COST,), "value", "会务费25万元"),)


@pytest.mark.parametrize(
    ("value", "capped"),
    [("≥25万元", "≤25万元"), ("经费不得低于25万元", "经费不得超过25万元"), ("25万元以上", "25万元以内")],
)
def test_floor_fix_turns_it_into_a_cap(clean_project: Factory, value: str, capped: str) -> None:
    project, _ = clean_project()
    _cost(("会务费", value))(project)
    (finding,) = _findings(project, "cost.floor")
    assert finding.expected == capped and finding.fix is not None
    assert finding.fix.edits == (SetValue((COST,), "value", capped),)


def test_unit_prices_may_be_floors(clean_project: Factory) -> None:
    project, _ = clean_project()
    _cost(("生均补助", "不低于800元/生·年"), ("会务费", "25万元"))(project)
    assert "cost.floor" not in _rules(project)


def test_bare_number_fix_writes_the_unit_it_assumed(clean_project: Factory) -> None:
    project, _ = clean_project()
    _cost(("网络费", "81000"), ("办公费", "169000"))(project)
    findings = _findings(project, "cost.bare_number")
    assert [f.expected for f in findings] == ["81000元", "169000元"]
    project, _ = clean_project()
    _cost(("会务费", "25"))(project)
    (finding,) = _findings(project, "cost.bare_number")
    assert finding.expected == "25万元"


def _booklet(*projects: tuple[str, Project]) -> Booklet:
    departments: dict[str, Department] = {}
    for code, project in projects:
        departments.setdefault(code, Department(code=code, name=f"单位{code}")).projects.append(project)
    return Booklet(fiscal_year=2026, departments=list(departments.values()))


def test_cost_copied_from_another_project(clean_project: Factory) -> None:
    source, _ = clean_project()
    source.unit_name = ""
    source.funding = Funding(total=Decimal(10), fiscal=Decimal(10), local=Decimal(10))
    _cost(("会务费、印刷费", "10万元"))(source)
    copy, _ = clean_project()
    copy.id, copy.name, copy.unit_name = "p2", "代表视察经费", ""
    copy.indicators[0].value = "4次"
    _cost(("会务费、印刷费", "10万元"))(copy)  # 合计 stays 25万元
    findings = validate_booklet(_booklet(("101001", source), ("101001", copy)))
    mine = [f for f in findings if f.project_id == "p2" and f.rule.startswith("cost.")]
    assert [(f.rule, f.indicator) for f in mine] == [("cost.copied_amount", COST)]  # short_of_total explained
    assert "人民代表大会会议经费" in mine[0].message and (mine[0].actual, mine[0].expected) == ("10", "25")
    # The twin: the copy's own amount.
    _cost(("会务费、印刷费", "25万元"))(copy)
    assert not [
        f
        for f in validate_booklet(_booklet(("101001", source), ("101001", copy)))
        if f.rule.startswith("cost.")
    ]

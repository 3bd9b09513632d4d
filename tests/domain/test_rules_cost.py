"""cost.*: 成本指标 amounts against 合计."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kpi_editor.domain.engine import RULES, validate_project
from kpi_editor.domain.model import Department, Indicator, Project
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
]


Twin = Callable[[str, Change, Change], None]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(rule_twin: Twin, code: str, breaks: Change, fixes: Change) -> None:
    rule_twin(code, breaks, fixes)


def test_every_cost_rule_has_a_case() -> None:
    assert {p.values[0] for p in CASES} == {r.code for r in RULES if r.category == "cost"}


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

"""The rules read the structured columns: weights against the form's own rule, units against the
二级's kind, 定性 only where allowed, 反向 with ≥; each with its twin. The mof-2021 false positive
(≥ | 95 | % flagged as not a percentage) is gone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi_editor.domain.engine import RULES, validate_project
from kpi_editor.domain.model import Department, Funding, Indicator, Project, Target
from kpi_editor.domain.targets import render
from kpi_editor.domain.template import FormTemplate, load_template

D = Decimal
SICHUAN = load_template("sichuan-2023")
NATIONAL = load_template("national-2021")


def _row(level1: str, level2: str, name: str, target: Target, weight: str, **fields: object) -> Indicator:
    return Indicator(
        level1=level1,
        level2=level2,
        name=name,
        value=render(target),
        target=target,
        weight=D(weight),
        **fields,  # type: ignore[arg-type]
    )


def sichuan_table() -> tuple[Project, Department]:
    """A published 一体化 table: eight rows whose weights sum to 90 (10 more for 预算执行率)."""
    rows = [
        _row(
            "产出指标",
            "数量指标",
            "帮扶困难群众户数",
            Target(comparator=">=", number=D(120), unit="户"),
            "20",
        ),
        _row(
            "产出指标",
            "质量指标",
            "救助资金发放准确率",
            Target(comparator="=", number=D(100), unit="%"),
            "10",
        ),
        _row(
            "产出指标",
            "时效指标",
            "资金发放完成时间",
            Target(comparator="<=", date=dt.date(2023, 12, 31), unit="日期"),
            "10",
        ),
        _row(
            "产出指标",
            "成本指标",
            "救助资金",
            Target(comparator="<=", number=D(3309840), unit="元"),
            "10",
            direction="negative",
        ),
        _row(
            "效益指标",
            "社会效益指标",
            "困难群众基本生活保障",
            Target(comparator="qualitative", text="有效保障"),
            "15",
        ),
        _row(
            "效益指标",
            "可持续影响指标",
            "长效帮扶机制",
            Target(comparator="qualitative", text="逐步建立"),
            "5",
        ),
        _row(
            "满意度指标",
            "服务对象满意度指标",
            "受助群众满意度",
            Target(comparator=">=", number=D(95), unit="%"),
            "10",
        ),
        _row(
            "满意度指标",
            "服务对象满意度指标",
            "村（社区）满意度",
            Target(comparator=">=", number=D(90), unit="%"),
            "10",
        ),
    ]
    project = Project(
        id="sc1",
        name="困难群众救助补助资金",
        unit_name="井研县马踏镇人民政府",
        funding=Funding(total=D("330.984"), fiscal=D("330.984"), non_fiscal=D(0)),
        indicators=rows,
    )
    return project, Department(code="820001", name="井研县马踏镇人民政府", projects=[project])


def _codes(project: Project, department: Department, template: FormTemplate = SICHUAN) -> set[str]:
    return {f.rule for f in validate_project(project, template, 2023, department) if f.counted}


def test_a_published_table_that_follows_its_own_rule_raises_no_weight_error() -> None:
    project, department = sichuan_table()
    found = validate_project(project, SICHUAN, 2023, department)
    assert not [f for f in found if f.rule.startswith(("weight.", "target.", "satisfaction."))], found


Change = Callable[[Project], object]


def _set(row: int, **fields: object) -> Change:
    def change(project: Project) -> None:
        indicator = project.indicators[row]
        for key, value in fields.items():
            setattr(indicator, key, value)
        if "target" in fields:
            indicator.value = render(indicator.target)

    return change


def _twin(code: str, breaks: Change, fixes: Change, template: FormTemplate = SICHUAN) -> None:
    bad, department = sichuan_table()
    breaks(bad)
    assert code in _codes(bad, department, template)
    good, department = sichuan_table()
    fixes(good)
    assert code not in _codes(good, department, template)


CASES = [
    pytest.param("weight.total", _set(0, weight=D(25)), _set(0, weight=D(20)), id="total-95-of-90"),
    pytest.param("weight.missing", _set(2, weight=None), _set(2, weight=D(10)), id="one-row-unweighted"),
    pytest.param(
        "target.unit_kind",
        _set(6, target=Target(comparator=">=", number=D(95), unit="分")),
        _set(6, target=Target(comparator=">=", number=D(95), unit="%")),
        id="satisfaction-in-points",
    ),
    pytest.param(
        "target.unit_kind",
        _set(2, target=Target(comparator="<=", number=D(12), unit="个")),
        _set(2, target=Target(comparator="<=", number=D(12), unit="月")),
        id="time-in-pieces",
    ),
    pytest.param(
        "target.qualitative",
        _set(0, target=Target(comparator="qualitative", text="按需帮扶")),
        _set(4, target=Target(comparator="qualitative", text="按需帮扶")),
        id="qualitative-count",
    ),
    pytest.param(
        "target.direction",
        _set(3, target=Target(comparator=">=", number=D(3309840), unit="元")),
        _set(3, target=Target(comparator="<=", number=D(3309840), unit="元")),
        id="negative-with-floor",
    ),
]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(code: str, breaks: Change, fixes: Change) -> None:
    _twin(code, breaks, fixes)


def test_every_structured_rule_has_a_case() -> None:
    codes = {p.values[0] for p in CASES} | {"weight.level1"}
    assert codes == {r.code for r in RULES if r.category in ("weight", "target")}


def test_a_table_with_no_weights_at_all_is_one_finding_not_eight() -> None:
    project, department = sichuan_table()
    for row in project.indicators:
        row.weight = None
    found = [f for f in validate_project(project, SICHUAN, 2023, department) if f.rule.startswith("weight.")]
    assert [f.rule for f in found] == ["weight.missing"] and "90分" in found[0].message


def _national_table(cost: str, output: str) -> tuple[Project, Department]:
    project, department = sichuan_table()
    for row in project.indicators:
        row.level1 = NATIONAL.parent_of(row.level2) or "成本指标"
        if row.level2 == "成本指标":
            row.level2, row.level1 = "经济成本指标", "成本指标"
    weights = {"经济成本指标": cost, "数量指标": output, "质量指标": "10", "时效指标": "10"}
    for row in project.indicators:
        if row.level2 in weights:
            row.weight = D(weights[row.level2])
    return project, department


def test_national_ranges_per_level1_are_checked_with_their_working() -> None:
    # 成本 25 + 产出 (15+10+10) + 效益 20 + 满意度 20 = 100 ≠ 90, and 成本指标 above its 20 points.
    project, department = _national_table(cost="25", output="15")
    found = validate_project(project, NATIONAL, 2023, department)
    bands = {f.message.partition("的")[0]: f for f in found if f.rule == "weight.level1"}
    assert set(bands) == {"成本指标", "产出指标", "满意度指标"}  # 25 of 0–20, 35 of 40–50, 20 of 0–10
    assert bands["成本指标"].expected == "0–20" and bands["成本指标"].working == "成本指标：25 ＝ 25"
    (total,) = [f for f in found if f.rule == "weight.total"]
    assert total.working == "15＋10＋10＋25＋15＋5＋10＋10 ＝ 100 ≠ 90"
    # The twin: within every range and 90 in all (成本 10, 产出 30+10+10, 效益 15+5, 满意度 5+5).
    project, department = _national_table(cost="10", output="30")
    for row in project.indicators:
        if row.level1 == "满意度指标":
            row.weight = D(5)
    found = {f.rule: f for f in validate_project(project, NATIONAL, 2023, department)}
    assert "weight.level1" not in found and "weight.total" not in found


def test_the_mof_2021_percent_in_parts_is_a_percent() -> None:
    """The issue's false positive: a correct 满意度 row ≥ | 95 | % was flagged not_percent."""
    mof = load_template("mof-2021")
    target = Target(comparator=">=", number=D(95), unit="%")
    for value in ("≥95%", "95"):  # printed from the parts, or a bare number from an older file
        row = Indicator(
            level1="满意度指标", level2="服务对象满意度指标", name="满意度", value=value, target=target
        )
        project = Project(name="x", unit_name="y", indicators=[row])
        assert "satisfaction.not_percent" not in {f.rule for f in validate_project(project, mof, 2026)}
    # Its twin: the same parts in points are not a percentage.
    row = Indicator(
        level1="满意度指标",
        level2="服务对象满意度指标",
        name="满意度",
        value="≥95分",
        target=Target(comparator=">=", number=D(95), unit="分"),
    )
    project = Project(name="x", unit_name="y", indicators=[row])
    codes = {f.rule for f in validate_project(project, mof, 2026)}
    assert "satisfaction.not_percent" in codes and "target.unit_kind" in codes
    row.target = Target(comparator=">=", number=D(80), unit="%")
    row.value = "≥80%"
    assert "satisfaction.below_threshold" in {f.rule for f in validate_project(project, mof, 2026)}


def test_text_forms_are_not_checked_for_columns_they_do_not_have(
    clean_project: Callable[[], tuple[Project, Department]],
) -> None:
    project, department = clean_project()
    project.indicators[0].target = Target(comparator="qualitative", text="按需")
    xiqu = load_template("xiqu-2026")
    found = validate_project(project, xiqu, 2026, department)
    assert not [f for f in found if f.rule.startswith(("weight.", "target."))]

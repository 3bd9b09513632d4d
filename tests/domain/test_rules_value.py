"""value.*: cells filled, not repeated, measurable; whole sets not copied between projects."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kpi_editor.domain.engine import RULES, validate_booklet, validate_project
from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.template import load_template

Factory = Callable[[], tuple[Project, Department]]
Change = Callable[[Project], None]
QUALITY = 1


def _set(row: int, **cells: str) -> Change:
    def change(project: Project) -> None:
        for key, value in cells.items():
            setattr(project.indicators[row], key, value)

    return change


def _append(name: str, value: str) -> Change:
    def change(project: Project) -> None:
        project.indicators.insert(1, Indicator(level1="项目完成", level2="数量指标", name=name, value=value))

    return change


CASES = [
    pytest.param("value.empty", _set(QUALITY, value=""), _set(QUALITY, value="≥98%"), id="value"),
    pytest.param("value.empty", _set(QUALITY, name="  "), _set(QUALITY, name="会议议程完成率"), id="name"),
    pytest.param(
        "value.duplicate_row", _append("召开会议", "2次"), _append("召开会议", "3次"), id="duplicate"
    ),
    pytest.param(
        "value.duplicate_row",
        _append("召开 会议", "2 次"),
        _append("召开专题会议", "2次"),
        id="duplicate-spaces",
    ),
    pytest.param(
        "value.unmeasurable", _set(QUALITY, value="效果显著"), _set(QUALITY, value="≥98%"), id="vague"
    ),
    pytest.param(
        "value.unmeasurable", _set(QUALITY, value="优良"), _set(QUALITY, value="优良率≥90%"), id="grade"
    ),
    pytest.param(
        "value.unmeasurable",
        _set(QUALITY, value="有效提升"),
        _set(QUALITY, value="较上年提升5个百分点"),
        id="lift",
    ),
    pytest.param("value.unmeasurable", _set(2, value="及时"), _set(2, value="2026年6月30日前"), id="time"),
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
    codes = {p.values[0] for p in CASES} | {"value.copied_set", "value.below_previous"}
    assert codes == {r.code for r in RULES if r.category == "value"}

"""structure.*: the 一级 → 二级 tree against the template."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kpi_editor.domain.engine import RULES, validate_project
from kpi_editor.domain.model import Department, Indicator, Project
from kpi_editor.domain.template import load_template

Factory = Callable[[], tuple[Project, Department]]
Change = Callable[[Project], None]

QUANTITY, QUALITY, TIME, COST, SOCIAL, SATISFACTION = range(6)


def _set(row: int, **cells: str) -> Change:
    def change(project: Project) -> None:
        for key, value in cells.items():
            setattr(project.indicators[row], key, value)

    return change


def _drop(row: int) -> Change:
    def change(project: Project) -> None:
        del project.indicators[row]

    return change


def _insert(at: int, level1: str, level2: str) -> Change:
    def change(project: Project) -> None:
        project.indicators.insert(
            at, Indicator(level1=level1, level2=level2, name="培训人次", value="≥50人次")
        )

    return change


def _unchanged(project: Project) -> None:
    pass


def _move_time_first(project: Project) -> None:
    project.indicators.insert(0, project.indicators.pop(TIME))


CASES = [
    pytest.param("structure.missing_level2", _drop(TIME), _set(TIME, name="完成时限"), id="missing-time"),
    pytest.param("structure.missing_level2", _drop(COST), _unchanged, id="missing-cost"),
    pytest.param(
        "structure.missing_group", _drop(SOCIAL), _set(SOCIAL, level2="经济效益指标"), id="no-benefit"
    ),
    pytest.param(
        "structure.wrong_level1", _set(SOCIAL, level1="项目完成"), _unchanged, id="social-under-completion"
    ),
    pytest.param(
        "structure.unknown_label",
        _set(SOCIAL, level1="项目收益"),
        _set(SOCIAL, level1="项目效益"),
        id="level1",
    ),
    pytest.param(
        "structure.unknown_label",
        _set(SOCIAL, level2="可持续发展指标"),
        _set(SOCIAL, level2="可持续影响指标"),
        id="level2",
    ),
    pytest.param(
        "structure.nonstandard_label",
        _set(SATISFACTION, level2="服务对象满意度 指标"),
        _set(SATISFACTION, level2="服务对象满意度指标"),
        id="space",
    ),
    pytest.param("structure.nonstandard_label", _set(SOCIAL, level2="社会效益"), _unchanged, id="no-zhibiao"),
    pytest.param("structure.missing_label", _set(QUALITY, level2=""), _unchanged, id="empty-level2"),
    pytest.param("structure.missing_label", _set(QUALITY, level1=" "), _unchanged, id="empty-level1"),
    pytest.param(
        "structure.split_group",
        _insert(COST + 1, "项目完成", "数量指标"),
        _insert(1, "项目完成", "数量指标"),
        id="split",
    ),
    pytest.param("structure.order", _move_time_first, _unchanged, id="order"),
]


Twin = Callable[[str, Change, Change], None]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(rule_twin: Twin, code: str, breaks: Change, fixes: Change) -> None:
    rule_twin(code, breaks, fixes)


def test_every_structure_rule_has_a_case() -> None:
    assert {p.values[0] for p in CASES} == {r.code for r in RULES if r.category == "structure"}


def test_unknown_label_suggests_the_near_name(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.indicators[SOCIAL].level1 = "项目收益"
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026)
        if f.rule == "structure.unknown_label"
    ]
    assert "“项目收益”" in finding.message and "是否应为“项目效益”" in finding.message
    assert (finding.indicator, finding.field) == (SOCIAL, "level1")


def test_a_nonstandard_label_still_counts_as_present(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.indicators[SATISFACTION].level2 = "服务对象满意度 指标"
    rules = {f.rule for f in validate_project(project, load_template("xiqu-2026"), 2026)}
    assert "structure.missing_level2" not in rules


def test_label_findings_come_once_per_merged_cell(clean_project: Factory) -> None:
    project, _ = clean_project()
    for row in (QUANTITY, QUALITY, TIME, COST):
        project.indicators[row].level1 = "项目产出"
    findings = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026)
        if f.rule == "structure.unknown_label"
    ]
    assert len(findings) == 1 and "第1–4行" in findings[0].message


def test_the_template_decides_the_tree(clean_project: Factory) -> None:
    """The same rows are wrong under the Ministry of Finance framework, and its own tree is clean."""
    project, _ = clean_project()
    mof = load_template("mof-2021")
    assert "structure.unknown_label" in {f.rule for f in validate_project(project, mof, 2026)}
    project.indicators = [
        Indicator(level1="产出指标", level2="数量指标", name="召开会议", value="2次"),
        Indicator(level1="产出指标", level2="质量指标", name="会议议程完成率", value="100%"),
        Indicator(level1="产出指标", level2="时效指标", name="完成时间", value="2026年12月31日前"),
        Indicator(level1="成本指标", level2="经济成本指标", name="会务费", value="25万元"),
        Indicator(level1="效益指标", level2="社会效益指标", name="代表履职率", value="≥95%"),
        Indicator(level1="满意度指标", level2="服务对象满意度指标", name="代表满意度", value="≥90%"),
    ]
    assert validate_project(project, mof, 2026) == []

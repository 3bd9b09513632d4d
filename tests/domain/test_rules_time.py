"""time.*: 时效指标 years against the fiscal year."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.engine import RULES, validate_project
from kpi_editor.domain.model import Department, Project
from kpi_editor.domain.template import load_template

Factory = Callable[[], tuple[Project, Department]]
TIME = 2


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("2025年12月31日前", "2026年12月31日前"),
        ("2025年全年", "2026年全年"),
        ("2025-12-31", "2026-12-31"),
        ("2026年1月至2027年6月", "2026年1-12月"),
        ("25年底前", "26年底前"),
        ("二○二五年十二月底前", "二○二六年十二月底前"),  # ○ U+25CB, as input methods type it
        ("二〇二五年12月31日前", "二〇二六年12月31日前"),
        ("去年底前完成", "年内完成"),
        ("上年12月底前", "较上年提前一个月，12月底前"),
    ],
)
def test_wrong_year_fires_and_not_on_twin(clean_project: Factory, bad: str, good: str) -> None:
    template = load_template("xiqu-2026")
    project, _ = clean_project()
    project.indicators[TIME].value = bad
    findings = [f for f in validate_project(project, template, 2026) if f.rule == "time.wrong_year"]
    assert len(findings) == 1
    assert (findings[0].indicator, findings[0].field) == (TIME, "value")
    assert "2026年" in findings[0].message
    project.indicators[TIME].value = good
    assert "time.wrong_year" not in {f.rule for f in validate_project(project, template, 2026)}


def test_the_year_comes_from_the_fiscal_year(clean_project: Factory) -> None:
    template = load_template("xiqu-2026")
    project, _ = clean_project()
    assert "time.wrong_year" in {f.rule for f in validate_project(project, template, 2027)}


def test_years_outside_time_indicators_are_not_checked(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.indicators[0].value = "迎接2025年度考核2次"
    assert "time.wrong_year" not in {
        f.rule for f in validate_project(project, load_template("xiqu-2026"), 2026)
    }


@pytest.mark.parametrize(
    ("bad", "moved"),
    [
        ("2025年12月31日前", "2026年12月31日前"),
        ("25年底前", "2026年底前"),
        ("二○二五年底前", "二○二六年底前"),
        ("去年12月底前", "2026年12月底前"),
    ],
)
def test_last_years_date_is_moved_to_the_fiscal_year(clean_project: Factory, bad: str, moved: str) -> None:
    project, _ = clean_project()
    project.indicators[TIME].value = bad
    (finding,) = [
        f for f in validate_project(project, load_template("xiqu-2026"), 2026) if f.rule == "time.wrong_year"
    ]
    assert (finding.actual, finding.expected) == (bad, moved)
    assert finding.fix is not None and finding.fix.edits == (SetValue((TIME,), "value", moved),)


def test_no_fix_when_the_year_is_not_simply_last_years(clean_project: Factory) -> None:
    project, _ = clean_project()
    for value in ("2026年1月至2027年6月", "2024年底前"):
        project.indicators[TIME].value = value
        (finding,) = [
            f
            for f in validate_project(project, load_template("xiqu-2026"), 2026)
            if f.rule == "time.wrong_year"
        ]
        assert finding.fix is None, value


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("2025年完成培训20次", "2026年完成培训20次"),
        ("2025年12月31日前召开2次", "迎接2025年度考核2次"),
        ("25年底前召开2次", "较2025年增加2次"),
    ],
)
def test_last_year_left_in_another_row(clean_project: Factory, bad: str, good: str) -> None:
    template = load_template("xiqu-2026")
    project, _ = clean_project()
    project.indicators[0].value = bad
    (finding,) = [f for f in validate_project(project, template, 2026) if f.rule == "time.stale_year"]
    assert (finding.indicator, finding.field, finding.severity.label) == (0, "value", "警告")
    assert finding.fix is not None and "2026" in str(finding.fix.edits[0])
    project.indicators[0].value = good
    assert "time.stale_year" not in {f.rule for f in validate_project(project, template, 2026)}


def test_time_rules_are_covered() -> None:
    assert {r.code for r in RULES if r.category == "time"} == {"time.wrong_year", "time.stale_year"}

"""satisfaction.*: a percentage, at least the template's threshold."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi_editor.domain.engine import RULES, validate_project
from kpi_editor.domain.model import Department, Project
from kpi_editor.domain.template import Thresholds, load_template

Factory = Callable[[], tuple[Project, Department]]
SATISFACTION = 5

CASES = [
    ("satisfaction.not_percent", "基本满意", "≥90%"),
    ("satisfaction.not_percent", "达到基本满意及以上", "抽样调查满意度达到90%及以上"),
    ("satisfaction.not_percent", "投诉率≤5%", "满意度≥90%，投诉率≤5%"),
    ("satisfaction.below_threshold", "≥80%", "≥85%"),
    ("satisfaction.below_threshold", "满意度大于70%。", "满意度大于90%。"),
    ("satisfaction.below_threshold", "百分之八十", "百分之九十"),
]


@pytest.mark.parametrize(("code", "bad", "good"), CASES)
def test_rule_fires_and_not_on_twin(clean_project: Factory, code: str, bad: str, good: str) -> None:
    template = load_template("xiqu-2026")
    project, _ = clean_project()
    project.indicators[SATISFACTION].value = bad
    findings = [f for f in validate_project(project, template, 2026) if f.rule == code]
    assert [(f.indicator, f.field) for f in findings] == [(SATISFACTION, "value")]
    project.indicators[SATISFACTION].value = good
    assert code not in {f.rule for f in validate_project(project, template, 2026)}


def test_every_satisfaction_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} == {r.code for r in RULES if r.category == "satisfaction"}


def test_threshold_comes_from_the_template(clean_project: Factory) -> None:
    base = load_template("xiqu-2026")
    strict = base.model_copy(update={"thresholds": Thresholds(satisfaction_min=Decimal(95))})
    project, _ = clean_project()  # ≥90%
    assert "satisfaction.below_threshold" not in {f.rule for f in validate_project(project, base, 2026)}
    (finding,) = [
        f for f in validate_project(project, strict, 2026) if f.rule == "satisfaction.below_threshold"
    ]
    assert "90%低于规定的95%" in finding.message

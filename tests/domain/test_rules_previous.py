"""value.below_previous: a target relaxed from last year's 指标值 is a question (a warning)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kpi_editor.domain.engine import RULES, Severity, validate_booklet, validate_project
from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.rollover import rollover
from kpi_editor.domain.template import load_template

Factory = Callable[[], tuple[Project, Department]]
Twin = Callable[[str, Callable[[Project], object], Callable[[Project], object]], None]
CODE = "value.below_previous"
QUANTITY, QUALITY, TIME, COST, BENEFIT, SATISFACTION = range(6)


def carried(row: int, previous: str, value: str) -> Callable[[Project], None]:
    def change(project: Project) -> None:
        project.indicators[row].previous_value = previous
        project.indicators[row].value = value

    return change


def test_registered_as_a_warning() -> None:
    assert RULES[CODE].severity is Severity.WARNING and RULES[CODE].scope == "project"


@pytest.mark.parametrize(
    ("row", "previous", "bad", "good"),
    [
        (SATISFACTION, "≥95%", "≥90%", "≥95%"),
        (QUANTITY, "2次", "1次", "3次"),
        (BENEFIT, "≥98%", "≥95%", "≥98.5%"),
        (QUALITY, "合格率100%", "合格率≥95%", "合格率100%"),
        (QUALITY, "差错率≤1%", "差错率≤3%", "差错率≤0.5%"),  # a cap raised is a target relaxed
        (BENEFIT, "投诉率2%", "投诉率5%", "投诉率1%"),  # less is better for 投诉
    ],
)
def test_fires_on_a_relaxed_target_and_not_on_its_twin(
    rule_twin: Twin, row: int, previous: str, bad: str, good: str
) -> None:
    rule_twin(CODE, carried(row, previous, bad), carried(row, previous, good))


@pytest.mark.parametrize(
    ("row", "previous", "value"),
    [
        (TIME, "2026年12月31日前", "2026年6月30日前"),  # a deadline, not a target level
        (COST, "30万元", "25万元"),  # a new budget
        (QUANTITY, "20人", "15次"),  # other units: not comparable
        (QUANTITY, "≥20次", "≤15次"),  # a floor became a cap
        (QUANTITY, "效果显著", "10次"),  # last year's had no number
    ],
)
def test_silent_where_the_numbers_do_not_compare(
    clean_project: Factory, row: int, previous: str, value: str
) -> None:
    project, department = clean_project()
    carried(row, previous, value)(project)
    assert CODE not in {
        f.rule for f in validate_project(project, load_template("xiqu-2026"), 2026, department)
    }


def test_message_names_both_values(clean_project: Factory) -> None:
    project, department = clean_project()
    carried(SATISFACTION, "≥95%", "≥90%")(project)
    (finding,) = [
        f for f in validate_project(project, load_template("xiqu-2026"), 2026, department) if f.rule == CODE
    ]
    assert finding.indicator == SATISFACTION and finding.field == "value"
    assert (
        "“≥90%”" in finding.message
        and "上年指标值“≥95%”" in finding.message
        and "95% → 90%" in finding.message
    )


def test_a_fresh_rollover_raises_nothing_and_lowering_a_real_target_does(sample_booklet: Booklet) -> None:
    new = rollover(sample_booklet, 2027).booklet
    assert CODE not in {f.rule for f in validate_booklet(new)}
    found = new.find_project("101001-01")
    assert found is not None
    row = found[1].indicators[-1]
    assert row.previous_value == row.value == "满意度大于90%。"
    row.value = "满意度大于85%。"
    findings = [f for f in validate_booklet(new) if f.rule == CODE]
    assert [(f.project_id, f.indicator) for f in findings] == [("101001-01", len(found[1].indicators) - 1)]

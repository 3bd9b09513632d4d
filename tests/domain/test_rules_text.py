"""text.*: limits from the template, leftover markup, stray spaces, a project name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kpi_editor.domain.engine import RULES, validate_project
from kpi_editor.domain.model import Department, Project
from kpi_editor.domain.template import Limits, load_template

Factory = Callable[[], tuple[Project, Department]]
Change = Callable[[Project], None]
QUALITY = 1


def _set(row: int, **cells: str) -> Change:
    def change(project: Project) -> None:
        for key, value in cells.items():
            setattr(project.indicators[row], key, value)

    return change


def _name(name: str) -> Change:
    def change(project: Project) -> None:
        project.name = name

    return change


CASES = [
    pytest.param("text.too_long", _set(QUALITY, name="议" * 61), _set(QUALITY, name="议" * 60), id="name"),
    pytest.param("text.too_long", _set(QUALITY, value="9" * 201), _set(QUALITY, value="9" * 200), id="value"),
    pytest.param("text.too_long", _name("经" * 61), _name("经" * 60), id="project"),
    pytest.param("text.markup", _set(5, value="$\\geq 90\\%$"), _set(5, value="≥90%"), id="latex"),
    pytest.param(
        "text.stray_space",
        _set(QUALITY, name="会议议程 完成率"),
        _set(QUALITY, name="会议议程完成率"),
        id="space",
    ),
    pytest.param("text.missing_project_name", _name(" "), _name("人大会议经费"), id="no-name"),
    pytest.param(
        "text.name_hint",
        _set(0, name="召开会议次数(≥**次)"),
        _set(0, name="召开会议次数（≥2次）"),
        id="template-hint",
    ),
    pytest.param(
        "text.name_hint", _set(0, name="培训人数（XX人）"), _set(0, name="培训人数（XL号）"), id="crosses"
    ),
]


Twin = Callable[[str, Change, Change], None]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(rule_twin: Twin, code: str, breaks: Change, fixes: Change) -> None:
    rule_twin(code, breaks, fixes)


def test_every_text_rule_has_a_case() -> None:
    assert {p.values[0] for p in CASES} == {r.code for r in RULES if r.category == "text"}


def test_limits_come_from_the_template(clean_project: Factory) -> None:
    base = load_template("xiqu-2026")
    tight = base.model_copy(update={"limits": Limits(name_max=5, value_max=200, project_name_max=60)})
    project, _ = clean_project()
    findings = [f for f in validate_project(project, tight, 2026) if f.rule == "text.too_long"]
    assert [(f.indicator, f.field) for f in findings] == [(1, "name"), (3, "name")]
    assert "超过表样限制的5个字" in findings[0].message

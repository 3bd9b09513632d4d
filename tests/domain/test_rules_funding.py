"""funding.*: each rule fires on a broken project and not on its corrected twin."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi_editor.domain.engine import RULES, validate_project
from kpi_editor.domain.model import Department, Funding, Project
from kpi_editor.domain.template import load_template

D = Decimal
Factory = Callable[[], tuple[Project, Department]]
Change = Callable[[Project], None]


def _funding(**amounts: str | None) -> Change:
    def change(project: Project) -> None:
        project.funding = Funding(**{k: None if v is None else D(v) for k, v in amounts.items()})

    return change


FULL = {"total": "25", "fiscal": "25", "superior": "0", "local": "25", "carryover": "0", "non_fiscal": "0"}

CASES = [
    pytest.param(
        "funding.total_mismatch",
        _funding(**{**FULL, "total": "30"}),
        _funding(total="25", fiscal="25", local="25"),  # the 3-row block adds up
        id="total",
    ),
    pytest.param(
        "funding.total_mismatch",
        _funding(total="25", fiscal="20", local="20", non_fiscal="0"),
        _funding(total="25", fiscal="20", local="20", non_fiscal="5"),
        id="total-with-non-fiscal",
    ),
    pytest.param(
        "funding.fiscal_mismatch",
        _funding(**{**FULL, "local": "20"}),
        _funding(**{**FULL, "superior": "5", "local": "20"}),
        id="fiscal",
    ),
    pytest.param(
        "funding.fiscal_mismatch",
        _funding(total="25", fiscal="25", superior="20"),
        _funding(total="25", fiscal="25", superior="25"),
        id="fiscal-3-row-superior",
    ),
    pytest.param(
        "funding.negative",
        _funding(**{**FULL, "carryover": "-1", "local": "26"}),
        _funding(**FULL),
        id="negative",
    ),
    pytest.param(
        "funding.missing_total", _funding(**{**FULL, "total": None}), _funding(**FULL), id="no-total"
    ),
    pytest.param("funding.missing_total", _funding(), _funding(total="25", fiscal="25"), id="all-empty"),
]


Twin = Callable[[str, Change, Change], None]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(rule_twin: Twin, code: str, breaks: Change, fixes: Change) -> None:
    rule_twin(code, breaks, fixes)


def test_every_funding_rule_has_a_case() -> None:
    assert {p.values[0] for p in CASES} == {r.code for r in RULES if r.category == "funding"}


def test_message_says_what_where_and_how(clean_project: Factory) -> None:
    project, department = clean_project()
    project.funding = Funding(total=D(25), fiscal=D(20), local=D(20), non_fiscal=D(0))
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026, department)
        if f.rule.startswith("funding")
    ]
    assert (
        finding.message
        == "合计（25万元）不等于财政拨款（20万元）加非财政拨款（0万元）之和20万元，请核对资金来源各行。"
    )
    assert (finding.field, finding.indicator, finding.department, finding.project_id) == (
        "total",
        None,
        "101001",
        "p1",
    )


def test_labels_follow_the_fiscal_year(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.funding = Funding(**{k: D(v) for k, v in {**FULL, "local": "20"}.items()})
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2027)
        if f.rule == "funding.fiscal_mismatch"
    ]
    assert "2027年上级补助" in finding.message and "2026年结转资金" in finding.message

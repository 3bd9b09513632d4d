"""funding.*: each rule fires on a broken project and not on its corrected twin."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.engine import RULES, Finding, validate_project
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
    pytest.param(
        "funding.all_zero",
        _funding(total="0", fiscal="0", superior="0", local="0", carryover="0", non_fiscal="0"),
        _funding(**FULL),
        id="all-zero",
    ),
    # The whole block typed in 元: 合计 is 10,000 times the cost rows' 25万元.
    pytest.param(
        "funding.in_yuan",
        _funding(
            total="250000", fiscal="250000", superior="0", local="250000", carryover="0", non_fiscal="0"
        ),
        _funding(**FULL),
        id="in-yuan",
    ),
    pytest.param(
        "funding.implausible",
        _funding(total="2500000", fiscal="2500000", local="2500000"),
        _funding(total="25", fiscal="25", local="25"),
        id="implausible",
    ),
]


Twin = Callable[[str, Change, Change], None]


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES)
def test_rule_fires_and_not_on_twin(rule_twin: Twin, code: str, breaks: Change, fixes: Change) -> None:
    rule_twin(code, breaks, fixes)


def test_every_funding_rule_has_a_case() -> None:
    codes = {p.values[0] for p in CASES} | {"funding.magnitude"}
    assert codes == {r.code for r in RULES if r.category == "funding"}


def _funding_findings(project: Project, year: int = 2026) -> list[Finding]:
    template = load_template("xiqu-2026")
    return [f for f in validate_project(project, template, year) if f.rule.startswith("funding")]


def test_message_says_what_where_and_how(clean_project: Factory) -> None:
    project, department = clean_project()
    project.funding = Funding(total=D(25), fiscal=D(20), local=D(20), non_fiscal=D(0))
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026, department)
        if f.rule.startswith("funding")
    ]
    # 财政拨款 agrees with its breakdown, so 合计 is the cell to correct.
    assert finding.message == (
        "合计25万元不等于财政拨款20万元＋非财政拨款0万元＝20万元；财政拨款与其分项一致，最可能是合计填错，"
        "请改为20万元（若是非财政拨款漏填，请改非财政拨款）。"
    )
    assert (finding.field, finding.indicator, finding.department, finding.project_id) == (
        "total",
        None,
        "101001",
        "p1",
    )
    assert (finding.actual, finding.expected, finding.working) == ("25", "20", "合计 25 ≠ 20＋0 ＝ 20")
    assert finding.fix is not None and finding.fix.edits == (SetValue((), "funding.total", D(20)),)


def test_fiscal_is_named_when_it_is_the_odd_one(clean_project: Factory) -> None:
    # The example: 财政拨款 40 ≠ 5+30+3 = 38, and 合计 38 agrees with the parts.
    project, _ = clean_project()
    project.funding = Funding(
        total=D(38), fiscal=D(40), superior=D(5), local=D(30), carryover=D(3), non_fiscal=D(0)
    )
    (finding,) = _funding_findings(project)
    assert (finding.rule, finding.field, finding.actual, finding.expected) == (
        "funding.fiscal_mismatch",
        "fiscal",
        "40",
        "38",
    )
    assert finding.working == "财政拨款 40 ≠ 5＋30＋3 ＝ 38"
    assert "最可能是财政拨款填错，请改为38万元" in finding.message
    assert finding.fix is not None and finding.fix.edits == (SetValue((), "funding.fiscal", D(38)),)


def test_parts_are_named_when_total_and_fiscal_agree(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.funding = Funding(total=D(40), fiscal=D(40), superior=D(5), local=D(30), carryover=D(3))
    (finding,) = _funding_findings(project)
    assert (finding.field, finding.fix) == ("fiscal", None)  # which part is wrong is not certain
    assert "分项少了2万元" in finding.message and "合计与财政拨款一致" in finding.message
    project.funding = Funding(total=D(40), fiscal=D(40), superior=D(5), local=D(30), carryover=D(0))
    (finding,) = _funding_findings(project)
    # One part empty and the parts 5 short: that part is the likely culprit, but not a certain fix.
    assert (finding.field, finding.fix) == ("carryover", None)
    assert "分项少了5万元" in finding.message and "2025年结转资金为空或0" in finding.message


def test_in_yuan_fix_divides_every_row(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.funding = Funding(
        total=D(250000), fiscal=D(250000), superior=D(0), local=D(250000), carryover=D(0)
    )
    findings = _funding_findings(project)
    assert [f.rule for f in findings] == ["funding.in_yuan"]  # funding.implausible is explained by it
    fix = findings[0].fix
    assert fix is not None and fix.edits == (
        SetValue((), "funding.total", D(25)),
        SetValue((), "funding.fiscal", D(25)),
        SetValue((), "funding.local", D(25)),
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

"""The engine: the registry, the finding shape, and what it reports on the real 327-project corpus."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

import pytest

from kpi_editor.domain.engine import (
    RULES,
    Finding,
    FindingCounts,
    Severity,
    count_findings,
    validate_booklet,
    validate_project,
)
from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.rules import severity_in
from kpi_editor.domain.template import TemplateError, load_template

Factory = Callable[[], tuple[Project, Department]]
CATEGORIES = (
    "funding",
    "structure",
    "time",
    "cost",
    "value",
    "satisfaction",
    "text",
    "unit",
    "booklet",
    "weight",
    "target",
)
# Categories of the structured columns (权重, 度量单位 …), which the 西区 form does not have.
STRUCTURED_ONLY = {"weight", "target"}


def test_registry_codes_are_unique_categorised_and_titled() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes)) == len(RULES)
    assert set(RULES.categories()) == set(CATEGORIES)
    for rule in RULES:
        category, _, name = rule.code.partition(".")
        assert category in CATEGORIES and name
        assert rule.title and all("\u4e00" <= ch <= "\u9fff" or not ch.isalpha() for ch in rule.title)
        assert rule.severity in Severity and rule.scope in ("project", "booklet")
    assert RULES["cost.over_total"].severity is Severity.ERROR
    assert RULES["cost.short_of_total"].severity is Severity.WARNING
    assert RULES.get("no.such_rule") is None and "funding.total_mismatch" in RULES
    assert RULES.values() == tuple(RULES)


def test_issue_minimum_rules_are_registered_with_their_severity() -> None:
    errors = [
        "funding.total_mismatch",
        "funding.fiscal_mismatch",
        "funding.negative",
        "structure.missing_level2",
        "structure.wrong_level1",
        "structure.unknown_label",
        "time.wrong_year",
        "cost.over_total",
        "value.duplicate_row",
        "value.empty",
        "unit.code_format",
        "unit.code_duplicate",
    ]
    warnings = [
        "cost.short_of_total",
        "cost.no_amount",
        "value.unmeasurable",
        "satisfaction.not_percent",
        "satisfaction.below_threshold",
        "text.too_long",
        "value.copied_set",
        "unit.name_mismatch",
    ]
    assert all(RULES[code].severity is Severity.ERROR for code in errors)
    assert all(RULES[code].severity is Severity.WARNING for code in warnings)


def test_clean_project_has_no_findings(clean_project: Factory) -> None:
    project, department = clean_project()
    assert validate_project(project, load_template("xiqu-2026"), 2026, department) == []


def test_findings_are_frozen_and_located(clean_project: Factory) -> None:
    project, department = clean_project()
    project.indicators[0].value = "效果显著"
    (finding,) = validate_project(project, load_template("xiqu-2026"), 2026, department)
    assert finding == Finding(
        rule="value.unmeasurable",
        severity=Severity.WARNING,
        message=finding.message,
        department="101001",
        project_id="p1",
        project_name="人民代表大会会议经费",
        indicator=0,
        field="value",
        actual="效果显著",
    )
    assert finding.counted and finding.severity.label == "警告"
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.rule = "x"  # type: ignore[misc]


def test_three_levels_and_what_counts(clean_project: Factory) -> None:
    assert [s.label for s in Severity] == ["错误", "警告", "建议"]
    assert [s.counted for s in Severity] == [True, True, False]
    project, department = clean_project()
    project.indicators[1].value = "效果显著"  # 质量指标: qualitative targets are allowed there
    project.indicators[2].value = ""
    findings = validate_project(project, load_template("xiqu-2026"), 2026, department)
    assert [(f.rule, f.severity) for f in findings] == [
        ("value.vague", Severity.INFO),
        ("value.empty", Severity.ERROR),
    ]
    assert count_findings(findings) == FindingCounts(errors=1, warnings=0, advice=1)
    assert count_findings(findings).counted == 1


def test_template_overrides_a_rules_level(clean_project: Factory) -> None:
    shipped = load_template("xiqu-2026")
    checks = shipped.checks.model_copy(update={"rule_severity": (("value.unmeasurable", "error"),)})
    strict = shipped.model_copy(update={"id": "strict", "checks": checks})
    project, department = clean_project()
    project.indicators[0].value = "效果显著"
    (finding,) = validate_project(project, strict, 2026, department)
    assert (finding.rule, finding.severity) == ("value.unmeasurable", Severity.ERROR)
    assert severity_in(strict, "value.unmeasurable") is Severity.ERROR
    assert severity_in(shipped, "value.unmeasurable") is Severity.WARNING
    bad = shipped.model_copy(
        update={"id": "bad", "checks": checks.model_copy(update={"rule_severity": (("no.rule", "error"),)})}
    )
    with pytest.raises(TemplateError, match=r"未知的规则“no\.rule”"):
        validate_project(project, bad, 2026, department)


def test_department_may_be_given_as_a_code(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.funding.total = None
    (finding,) = validate_project(project, load_template("xiqu-2026"), 2026, "101001")
    assert (finding.rule, finding.department) == ("funding.missing_total", "101001")


# -- the real corpus -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_findings(corpus_booklet: Booklet) -> list[Finding]:
    before = corpus_booklet.model_dump()
    findings = validate_booklet(corpus_booklet)
    assert corpus_booklet.model_dump() == before, "validation must not change the booklet"
    return findings


def _numbered(booklet: Booklet) -> dict[int, Project]:
    """Projects by their 1-based position in the booklet, as STRUCTURE.md numbers them (#8, #324 …)."""
    return {i: project for i, (_, project) in enumerate(booklet.projects(), start=1)}


def _rules_of(findings: list[Finding], project: Project) -> set[str]:
    return {f.rule for f in findings if f.project_id == project.id}


def test_corpus_has_findings_of_every_category(corpus_findings: list[Finding]) -> None:
    by_category = Counter(f.rule.split(".")[0] for f in corpus_findings)
    assert set(CATEGORIES) - {"unit"} - STRUCTURED_ONLY <= set(by_category), by_category
    assert by_category["unit"] >= 1  # the 发改委 tables
    assert {f.severity for f in corpus_findings} == {Severity.ERROR, Severity.WARNING, Severity.INFO}


def test_corpus_findings_are_well_formed(corpus_booklet: Booklet, corpus_findings: list[Finding]) -> None:
    projects = {p.id: (d.code, p) for d, p in corpus_booklet.projects()}
    for finding in corpus_findings:
        assert RULES[finding.rule].severity is finding.severity
        assert finding.message.endswith("。") and ("请" in finding.message or "建议" in finding.message)
        if finding.project_id is not None:
            code, project = projects[finding.project_id]
            assert (finding.department, finding.project_name) == (code, project.name)
            if finding.indicator is not None:
                assert 0 <= finding.indicator < len(project.indicators)


def test_validate_booklet_loads_the_booklets_own_template(
    corpus_booklet: Booklet, corpus_findings: list[Finding]
) -> None:
    assert validate_booklet(corpus_booklet, load_template("xiqu-2026")) == corpus_findings


def test_project_findings_match_the_booklet_run(
    corpus_booklet: Booklet, corpus_findings: list[Finding]
) -> None:
    template = load_template(corpus_booklet.template_id)
    local = {rule.code for rule in RULES if rule.scope == "project"}
    for department, project in list(corpus_booklet.projects())[::25]:
        alone = validate_project(project, template, corpus_booklet.fiscal_year, department)
        in_booklet = [f for f in corpus_findings if f.project_id == project.id and f.rule in local]
        # Equal here because on the corpus no booklet rule (a copied cost amount, another unit's
        # name …) supersedes these projects' local findings; test_rules_cost/unit cover when one does.
        assert in_booklet == alone


def test_clerk_mistakes_named_in_structure_md(
    corpus_booklet: Booklet, corpus_findings: list[Finding]
) -> None:
    numbered = _numbered(corpus_booklet)
    # 项目收益 / 项目成本 / 效益指标 are not 一级 labels of the form.
    for n in (8, 9, 228, 323):
        assert "structure.unknown_label" in _rules_of(corpus_findings, numbered[n]), n
    assert any(
        f.rule == "structure.unknown_label" and "“项目收益”" in f.message and "项目效益" in f.message
        for f in corpus_findings
        if f.project_id == numbered[8].id
    )
    # Six tables put their 效益 rows under no 项目效益 label at all.
    for n in (77, 81, 101, 104, 207, 306):
        assert _rules_of(corpus_findings, numbered[n]) & {
            "structure.wrong_level1",
            "structure.missing_label",
        }, n
    # #324 and #327 open a second 数量指标 block where the 成本指标 block should be.
    for n in (324, 327):
        assert {"structure.split_group", "structure.missing_level2"} <= _rules_of(
            corpus_findings, numbered[n]
        ), n
    # Four tables are out of template order.
    assert "structure.order" in _rules_of(corpus_findings, numbered[323])


def test_corpus_money_and_time_mistakes(corpus_booklet: Booklet, corpus_findings: list[Finding]) -> None:
    def findings_for(rule: str) -> list[Finding]:
        return [f for f in corpus_findings if f.rule == rule]

    wrong_year = findings_for("time.wrong_year")
    assert {"老干部队伍建设经费", "专用视频会议网络专线费用"} <= {f.project_name for f in wrong_year}
    assert all("2025年" in f.message for f in wrong_year)
    # 81000 and 119000 with no unit in a 20万元 project are 元.
    bare = [f for f in findings_for("cost.bare_number") if f.project_name == "党员教育培训经费"]
    assert len(bare) == 2 and "按8.1万元计算" in bare[0].message
    assert not _rules_of(
        findings_for("cost.over_total") + findings_for("cost.short_of_total"),
        _by_name(corpus_booklet, "党员教育培训经费"),
    )
    # 0.5万元 budget, 1 + 1.3 + 0.7 万元 of costs.
    over = [f for f in findings_for("cost.over_total") if f.project_name == "少先队工作经费"]
    assert len(over) == 1 and "超过了合计0.5万元" in over[0].message
    # 财政拨款 0 with 本级安排 42.34564 and 合计 42.34564: 财政拨款 is the odd one, 合计 is right.
    (fiscal,) = [f for f in findings_for("funding.fiscal_mismatch") if f.project_name == "学生资助（长期）"]
    assert (fiscal.field, fiscal.actual, fiscal.expected) == ("fiscal", "0", "42.34564")
    assert fiscal.working == "财政拨款 0 ≠ 0＋42.34564＋0 ＝ 42.34564"
    assert fiscal.fix is not None and fiscal.fix.label == "把财政拨款改为42.34564万元"
    assert not [f for f in findings_for("funding.total_mismatch") if f.project_name == "学生资助（长期）"]


def test_corpus_unit_names_differ_only_where_really_different(corpus_findings: list[Finding]) -> None:
    mismatches = [f for f in corpus_findings if f.rule == "unit.name_mismatch"]
    assert mismatches
    assert all("发展和改革委员会" in f.message and "发展和改革局" in f.message for f in mismatches)


def test_corpus_copied_sets_name_the_original(corpus_findings: list[Finding]) -> None:
    copied = [f for f in corpus_findings if f.rule == "value.copied_set"]
    assert any(
        f.project_name == "基本公共卫生服务（预估）/市级" and "基本公共卫生服务（预估）/中央" in f.message
        for f in copied
    )


def _by_name(booklet: Booklet, name: str) -> Project:
    (project,) = [p for _, p in booklet.projects() if p.name == name]
    return project

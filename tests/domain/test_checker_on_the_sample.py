"""The new rules on real rows of the bundled sample: each fires on a real table with the defect and
not on its corrected twin; harmless rewrites of every clean table raise nothing; the volume on the
real booklet is what the issue asks for."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_editor.domain.engine import Finding, Severity, validate_booklet, validate_project
from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.template import load_template
from kpi_editor.io.projectfile import load_booklet

Change = Callable[[Booklet], None]


def _find(booklet: Booklet, project_id: str) -> tuple[Department, Project]:
    found = booklet.find_project(project_id)
    assert found is not None, project_id
    return found


def _cell(project_id: str, row: int, field: str, text: str) -> Change:
    def change(booklet: Booklet) -> None:
        setattr(_find(booklet, project_id)[1].indicators[row], field, text)

    return change


def _funding_times(project_id: str, factor: int) -> Change:
    def change(booklet: Booklet) -> None:
        _, project = _find(booklet, project_id)
        for key in ("total", "fiscal", "superior", "local", "carryover", "non_fiscal"):
            value = project.funding.get(key)
            if value is not None:
                setattr(project.funding, key, value * factor)

    return change


def _unit_name(project_id: str, name: str | None) -> Change:
    def change(booklet: Booklet) -> None:
        department, project = _find(booklet, project_id)
        project.unit_name = department.name if name is None else name

    return change


def _copy_rows(project_id: str, source_id: str, cost: str | None) -> Change:
    """The project's indicators replaced by the source's, its cost cell set to `cost`."""

    def change(booklet: Booklet) -> None:
        _, project = _find(booklet, project_id)
        _, source = _find(booklet, source_id)
        if cost is None:
            return
        project.indicators = [r.model_copy() for r in source.indicators]
        (cost_row,) = [r for r in project.indicators if r.level2 == "成本指标"]
        cost_row.value = cost

    return change


def _insert(project_id: str, at: int, row: Indicator) -> Change:
    def change(booklet: Booklet) -> None:
        _find(booklet, project_id)[1].indicators.insert(at, row)

    return change


def _all_names(project_id: str, every: bool) -> Change:
    def change(booklet: Booklet) -> None:
        _, project = _find(booklet, project_id)
        for row in project.indicators if every else project.indicators[:1]:
            row.name = project.name

    return change


def _duplicate_into(project_id: str, code: str, same: bool) -> Change:
    def change(booklet: Booklet) -> None:
        _, project = _find(booklet, project_id)
        copy = project.model_copy(update={"id": "copy"}, deep=True)
        if not same:
            copy.name += "（二期）"
        department = booklet.department(code)
        assert department is not None
        copy.unit_name = department.name
        department.projects.append(copy)

    return change


def _nothing(booklet: Booklet) -> None:
    pass


P1, P2, P3, P9 = "101001-01", "101001-02", "107001-03", "107001-09"
QUANTITY_ELSEWHERE = "2026年召开两次全体会议"  # 政协会议经费 (102001), 数量指标


def _fiscal_typo(booklet: Booklet) -> None:
    _find(booklet, P2)[1].funding.fiscal = Decimal(80)  # 8 typed as 80


CASES = [
    ("funding.fiscal_mismatch", _fiscal_typo, _nothing),
    ("funding.in_yuan", _funding_times(P3, 10000), _nothing),
    ("funding.all_zero", _funding_times(P3, 0), _nothing),
    (
        "cost.unit_slip",
        _cell(P2, 3, "value", "支付相关费用8元"),
        _cell(P2, 3, "value", "支付相关费用80000元"),
    ),
    ("cost.floor", _cell(P3, 5, "value", "≥50万元"), _cell(P3, 5, "value", "≤50万元")),
    ("time.wrong_year", _cell(P1, 2, "value", "二○二五年1-12月"), _cell(P1, 2, "value", "二○二六年1-12月")),
    ("time.wrong_year", _cell(P1, 2, "value", "25年底前"), _cell(P1, 2, "value", "2026年内完成")),
    (
        "time.stale_year",
        _cell(P9, 0, "value", "2025年底前购买1套"),
        _cell(P9, 0, "value", "2026年底前购买1套"),
    ),
    ("value.near_copy", _copy_rows(P2, P1, "8万元"), _copy_rows(P2, P1, None)),
    ("value.copied_quantity", _cell(P9, 0, "value", QUANTITY_ELSEWHERE), _cell(P9, 0, "value", "1套")),
    (
        "value.contradictory",
        _insert(P9, 3, Indicator(level1="项目完成", level2="数量指标", name="舆情监测软件", value="3个")),
        _insert(P9, 3, Indicator(level1="项目完成", level2="数量指标", name="舆情监测硬件", value="3个")),
    ),
    ("value.name_is_project", _all_names(P2, every=True), _all_names(P2, every=False)),
    ("value.repeats_name", _cell(P3, 5, "name", "50万元"), _cell(P3, 5, "name", "融媒生产系统及云服务器")),
    ("value.rate_over_100", _cell(P3, 12, "value", "950%以上"), _cell(P3, 12, "value", "95%以上")),
    ("value.placeholder", _cell(P9, 6, "value", "/"), _cell(P9, 6, "value", "2026年")),
    ("value.placeholder", _cell(P9, 0, "value", "无"), _cell(P9, 0, "name", "网络安全事件")),
    (
        "value.not_applicable",
        _insert(P1, 6, Indicator(level1="项目效益", level2="生态效益指标", name="生态效益", value="不适用")),
        _insert(P1, 6, Indicator(level1="项目效益", level2="生态效益指标", name="无纸化会议", value="≥80%")),
    ),
    ("unit.other_unit", _unit_name(P1, "中国共产党攀枝花市西区委员会宣传部"), _unit_name(P1, None)),
    ("unit.missing_name", _unit_name(P1, ""), _unit_name(P1, None)),
    (
        "booklet.duplicate_project",
        _duplicate_into(P3, "101001", same=True),
        _duplicate_into(P3, "101001", same=False),
    ),
]


def _new(sample: Booklet, before: list[Finding], change: Change) -> list[Finding]:
    change(sample)
    seen = Counter((f.rule, f.project_id, f.message) for f in before)
    new = []
    for finding in validate_booklet(sample):
        key = (finding.rule, finding.project_id, finding.message)
        if seen[key]:
            seen[key] -= 1
        else:
            new.append(finding)
    return new


@pytest.fixture(scope="module")
def sample_before(sample_path: Path) -> list[Finding]:
    return validate_booklet(load_booklet(sample_path))


@pytest.mark.parametrize(("code", "breaks", "fixes"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_on_a_real_table_and_not_on_its_twin(
    sample_path: Path, sample_before: list[Finding], code: str, breaks: Change, fixes: Change
) -> None:
    new = _new(load_booklet(sample_path), sample_before, breaks)
    assert code in {f.rule for f in new if f.counted}, [f.rule for f in new]
    finding = next(f for f in new if f.rule == code)
    assert finding.message.endswith("。") and "请" in finding.message
    twin = _new(load_booklet(sample_path), sample_before, fixes)
    assert code not in {f.rule for f in twin}


def test_the_real_booklets_own_mistakes(sample_before: list[Finding]) -> None:
    by_rule = Counter(f.rule for f in sample_before)
    floors = {f.project_name for f in sample_before if f.rule == "cost.floor"}
    assert floors == {"审计专项", "无偿献血"}  # ≥10万元 and 经费不得低于5000元
    assert by_rule["value.not_applicable"] == 3  # 此项指标不适用 in optional 效益 rows
    repeats = [f for f in sample_before if f.rule == "value.repeats_name"]
    assert repeats and all(re.search(r"\d", f.actual or "") for f in repeats)
    assert by_rule["funding.fiscal_mismatch"] == 2 and by_rule["funding.total_mismatch"] == 0
    assert by_rule["booklet.preface_count"] == 1


def test_volume_on_the_real_booklet(sample_before: list[Finding]) -> None:
    # Today's checker (main) reported 130 errors and 1,340 warnings; the issue asks for at most a third.
    counted = [f for f in sample_before if f.counted]
    assert len(counted) <= (130 + 1340) // 3
    advice = [f for f in sample_before if f.severity is Severity.INFO]
    assert len(advice) > len(counted)  # the vague 效益/质量 wording is still there, one click away
    assert {f.rule for f in advice} >= {"value.vague"}


def _clean(booklet: Booklet, findings: list[Finding]) -> list[tuple[Department, Project]]:
    dirty = {f.project_id for f in findings if f.counted}
    return [(d, p) for d, p in booklet.projects() if p.id not in dirty]


_WAN_RE = re.compile(r"^(?:预计)?(\d+(?:\.\d+)?)万元?$")


def _harmless(project: Project) -> None:
    """Equivalent spellings: 25万元 → 250000元, ≥95% → 不低于95%, a deadline → 2026年内完成."""
    for row in project.indicators:
        if row.level2 == "成本指标":
            match = _WAN_RE.match(row.value.strip())
            if match and (Decimal(match.group(1)) * 10000) % 1 == 0:
                row.value = f"{Decimal(match.group(1)) * 10000:f}元".replace(".0元", "元")
        if row.value.startswith("≥"):
            row.value = "不低于" + row.value[1:]
        if row.level2 == "时效指标":
            row.value = "2026年内完成"


def test_harmless_rewrites_of_every_clean_table_raise_nothing(
    sample_booklet: Booklet, sample_before: list[Finding]
) -> None:
    template = load_template(sample_booklet.template_id)
    clean = _clean(sample_booklet, sample_before)
    assert len(clean) >= 100
    for department, project in clean:
        _harmless(project)
        raised = [f for f in validate_project(project, template, 2026, department) if f.counted]
        assert raised == [], (project.name, [f.message for f in raised])

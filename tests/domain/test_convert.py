"""Converting between forms: the 西区 sample to the 2021 framework and back, to Sichuan's 元 and back;
labels mapped, values read into parts where they can be, the rest listed, money exact."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from kpi_editor.domain.amounts import money_total_wan
from kpi_editor.domain.edits import apply_plan
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.model import Booklet, Target
from kpi_editor.domain.retemplate import convert_booklet, plan_template_change
from kpi_editor.domain.targets import render
from kpi_editor.domain.template import load_template

D = Decimal


def test_the_sample_to_the_2021_framework_and_back(sample_booklet: Booklet) -> None:
    original = sample_booklet.model_copy(deep=True)
    there = convert_booklet(sample_booklet, "national-2021")
    assert sample_booklet == original  # a new document; the original is untouched
    national = there.booklet
    assert national.template_id == "national-2021" and national.template_version == "2021.1"
    report = there.report
    # 成本指标 is its own 一级 and comes first in every table.
    for _, project in national.projects():
        cost = [i for i, r in enumerate(project.indicators) if r.level1 == "成本指标"]
        if cost:
            assert cost == list(range(len(cost))), project.name
    assert any("项目完成/成本指标 → 成本指标/经济成本指标（529行）" in n for n in report.notes)
    assert any("成本指标在前" in n for n in report.notes)
    rows = [r for _, p in national.projects() for r in p.indicators]
    read = [r for r in rows if r.target is not None]
    # Half the sample's free text says no more than comparator, number and unit.
    assert len(read) > 1800 and all(r.value for r in read)
    units = Counter(r.target.unit for r in read if r.target is not None)
    assert units["%"] > 600 and units["日期"] > 30 and units["万元"] > 300
    first = national.departments[0].projects[0]
    assert [(r.level1, r.level2) for r in first.indicators][:2] == [
        ("成本指标", "经济成本指标"),
        ("产出指标", "数量指标"),
    ]
    # What it could not read stays as text and is listed, with its place.
    unread = [c for c in report.to_check if c.place.field == "value"]
    assert len(unread) > 500 and all(c.reasons for c in unread)
    assert unread[0].place.describe().startswith("[101001] “人民代表大会会议经费” 第")
    assert {c.text for c in report.to_check if c.place.field == "level2"} == {"可持续发展指标"}

    back = convert_booklet(national, "xiqu-2026")
    xiqu = load_template("xiqu-2026")
    for (_, old), (_, new) in zip(original.projects(), back.booklet.projects(), strict=True):
        if all(xiqu.parent_of(r.level2) == r.level1 for r in old.indicators) and [
            xiqu.level2_names().index(r.level2) for r in old.indicators
        ] == sorted(xiqu.level2_names().index(r.level2) for r in old.indicators):
            # A table in its form's own order comes back exactly, readings dropped again.
            assert new == old, old.name
        else:
            assert sorted((r.name, r.value) for r in new.indicators) == sorted(
                (r.name, r.value) for r in old.indicators
            )
    assert all(r.target is None for _, p in back.booklet.projects() for r in p.indicators)
    assert "可持续发展指标" in {c.text for c in back.report.to_check}


def test_the_plan_is_one_step_of_the_same_mapping(sample_booklet: Booklet) -> None:
    change = plan_template_change(sample_booklet, "national-2021")
    converted = convert_booklet(sample_booklet, "national-2021").booklet
    apply_plan(sample_booklet, change.plan)
    assert sample_booklet.template_id == converted.template_id
    for (_, a), (_, b) in zip(sample_booklet.projects(), converted.projects(), strict=True):
        assert sorted(r.model_dump_json() for r in a.indicators) == sorted(
            r.model_dump_json() for r in b.indicators
        )
    assert any("行的顺序未按新表样调整" in n for n in change.report.notes)


def test_to_sichuan_money_follows_the_form_in_yuan_exactly(sample_booklet: Booklet) -> None:
    department = sample_booklet.departments[0]
    department.projects = department.projects[:3]
    sample_booklet.departments = [department]
    there = convert_booklet(sample_booklet, "sichuan-2023")
    cost_rows = [
        (old, new)
        for (_, p0), (_, p1) in zip(sample_booklet.projects(), there.booklet.projects(), strict=True)
        for old, new in zip(
            sorted(p0.indicators, key=lambda r: r.name),
            sorted(p1.indicators, key=lambda r: r.name),
            strict=True,
        )
        if new.level2 == "成本指标" and new.target is not None
    ]
    assert cost_rows
    for old, new in cost_rows:
        assert new.target is not None and new.target.unit == "元"
        assert new.value == render(new.target)
        amount = old.value.removeprefix("预计").removesuffix("万元").removesuffix("万")
        assert new.target.number == D(amount) * 10000, old.value
    # Funding is 万元 in the file whatever the form prints: unchanged, and the report says so.
    assert [p.funding for _, p in there.booklet.projects()] == [
        p.funding for _, p in sample_booklet.projects()
    ]
    assert any("资金来源按元打印" in n for n in there.report.notes)
    assert any("权重" in n and "90分" in n for n in there.report.notes)
    back = convert_booklet(there.booklet, "xiqu-2026")
    for (_, a), (_, b) in zip(sample_booklet.projects(), back.booklet.projects(), strict=True):
        # Cost rows went through 元 and back: the same amounts, exactly (预计25万 → 约25万元).
        pairs = zip(
            sorted(a.indicators, key=lambda r: r.name),
            sorted(b.indicators, key=lambda r: r.name),
            strict=True,
        )
        for old_row, new_row in pairs:
            if old_row.level2 == "成本指标":
                assert money_total_wan(new_row.value) == money_total_wan(old_row.value, "万元")
            else:
                assert new_row.value == old_row.value


def test_a_reading_is_kept_only_while_the_text_says_the_same(sample_booklet: Booklet) -> None:
    _, project = next(sample_booklet.projects())
    row = project.indicators[0]
    row.value = "≥12次"
    row.target = Target(comparator=">=", number=D(10), unit="次")  # stale: the text was edited after
    converted = convert_booklet(sample_booklet, "mof-2021").booklet
    _, new = next(converted.projects())
    again = next(r for r in new.indicators if r.name == row.name)
    assert again.target == Target(comparator=">=", number=D(12), unit="次") and again.value == "≥12次"


def test_a_converted_booklet_validates_under_its_new_form(sample_booklet: Booklet) -> None:
    converted = convert_booklet(sample_booklet, "national-2021").booklet
    findings = validate_booklet(converted)
    codes = Counter(f.rule for f in findings)
    # The scores are for the clerk to fill in: one finding per table, not one per row.
    assert codes["weight.missing"] == converted.project_count
    assert codes["structure.unknown_label"] <= 2  # 可持续发展指标


def test_report_places_name_their_cells_after_the_rows_moved(sample_booklet: Booklet) -> None:
    conversion = convert_booklet(sample_booklet, "national-2021")
    assert conversion.reordered > 300
    for cell in conversion.report.to_check:
        if cell.place.field == "value":
            d, p, i = cell.place.path
            assert conversion.booklet.departments[d].projects[p].indicators[i].value == cell.text
            assert cell.place.row == i

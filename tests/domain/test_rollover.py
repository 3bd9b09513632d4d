"""The rollover on the real sample: next year's booklet from this year's, and a new fiscal year."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kpi_editor.domain.edits import apply_plan, field_value
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet
from kpi_editor.domain.review import ProjectReview, ReviewStatus, comment
from kpi_editor.domain.rollover import (
    RolloverError,
    carried_amount_fields,
    content_year,
    plan_fiscal_year_change,
    rollover,
)
from kpi_editor.domain.template import load_template
from kpi_editor.io.projectfile import dumps_booklet, loads_booklet


def wrong_year_rows(booklet: Booklet) -> set[tuple[str | None, int | None]]:
    return {(f.project_id, f.indicator) for f in validate_booklet(booklet) if f.rule == "time.wrong_year"}


def text_cells(booklet: Booklet) -> dict[tuple[tuple[int, ...], str], str]:
    """Every text the rollover may change, by (path, field)."""
    cells = {((), name): getattr(booklet, name) for name in ("title", "date", "compiler", "preface_title")}
    for s, section in enumerate(booklet.preface):
        cells[((-1, s), "heading")] = section.heading
        cells[((-1, s), "body")] = section.body
    for d, department in enumerate(booklet.departments):
        cells[((d,), "name")] = department.name
        for p, project in enumerate(department.projects):
            cells[((d, p), "name")] = project.name
            cells[((d, p), "unit_name")] = project.unit_name
            for i, row in enumerate(project.indicators):
                for name in ("level1", "level2", "name", "value"):
                    cells[((d, p, i), name)] = getattr(row, name)
    return cells


def row(booklet: Booklet, project_id: str, index: int) -> str:
    found = booklet.find_project(project_id)
    assert found is not None
    return found[1].indicators[index].value


def test_rollover_of_the_sample_moves_the_plan_year_and_nothing_is_silent(sample_booklet: Booklet) -> None:
    before = dumps_booklet(sample_booklet)
    result = rollover(sample_booklet, 2027)
    new, report = result.booklet, result.report
    assert dumps_booklet(sample_booklet) == before  # the old booklet is untouched

    assert new.fiscal_year == 2027
    assert new.title == "攀枝花市西区2027年区本级部门预算项目绩效目标（草案）"
    assert new.date == "2027年3月"
    assert "根据2027年区本级部门预算编制情况" in new.preface[2].body
    assert len(new.departments) == 72 and new.project_count == 327 and new.indicator_count == 3623

    # The report lists every changed cell, with its old and new text, and nothing else changed.
    old_cells, new_cells = text_cells(sample_booklet), text_cells(new)
    changed = {key: (old_cells[key], text) for key, text in new_cells.items() if text != old_cells[key]}
    assert {(c.place.path, c.place.field): (c.old, c.new) for c in report.changed} == changed
    assert len(changed) > 200

    # A 2026 left as it was is in a cell listed for the clerk or kept as history (a changed cell
    # may say 2026 where it said 2025: last year's appraisal moves too).
    listed = {(c.place.path, c.place.field) for c in report.to_check}
    listed |= {(k.place.path, k.place.field) for k in report.kept}
    plan_year = re.compile(r"(?<![〔\d])2026(?!\d)")
    left = {key for key, text in new_cells.items() if key not in changed and plan_year.search(text)}
    assert left and left <= listed

    # Funding labels come from the template for the fiscal year.
    template = load_template(new.template_id)
    assert template.funding_label("superior", 2027) == "其中：2027年上级补助"
    assert template.funding_label("carryover", 2027) == "2026年结转资金"
    assert any("2025年结转资金 → 2026年结转资金" in note for note in report.notes)


def test_sample_cells_are_judged_as_a_clerk_would(sample_booklet: Booklet) -> None:
    result = rollover(sample_booklet, 2027)
    new = result.booklet
    assert row(new, "101001-01", 2) == "2027年1-12月"
    # Plan year next to last year's appraisal: both follow the year.
    found = new.find_project("105001-02")
    assert found is not None
    assert (
        found[1]
        .indicators[0]
        .name.startswith("牵头迎接省、市2027年度共同富裕试验区建设及2026年目标绩效考核工作")
    )
    # Cells left whole for the clerk: a fact about 2026 itself, a 届 number, titles, a deadline
    # that already named 2025.
    to_check = {c.text: c for c in result.report.to_check}
    for text in (
        "2026年为换届选举年需要召开两次人代会，分别为十二届六次，十三届一次",
        "印制《攀枝花市西区年鉴（2026）》400册，《中共攀枝花市西区执政实录（2025）》400册",
        "2025年12月31日",
        "开展2026年人大换届选举工作资料制作等",
    ):
        assert text in to_check, text
    assert (
        row(new, "101001-01", 0)
        == to_check["2026年为换届选举年需要召开两次人代会，分别为十二届六次，十三届一次"].text
    )
    assert to_check["2025年12月31日"].suggestion == "2027年12月31日"
    # History kept: a project running since 2025, a three-year plan, a 2003 standard.
    kept = {(k.place.describe(), k.mention) for k in result.report.kept}
    assert any(m == "2025" and "校园物业服务费（2025年度起）" in where for where, m in kept)
    assert sum(1 for _, m in kept if m in ("2025", "2027")) >= 3


@pytest.mark.parametrize("amounts", ["keep", "clear"])
def test_no_new_wrong_year_findings_in_2027_and_again_in_2028(sample_booklet: Booklet, amounts: str) -> None:
    source = wrong_year_rows(sample_booklet)
    y2027 = rollover(sample_booklet, 2027, amounts)  # type: ignore[arg-type]
    assert wrong_year_rows(y2027.booklet) <= source
    y2028 = rollover(y2027.booklet, 2028, amounts)  # type: ignore[arg-type]
    assert y2028.booklet.fiscal_year == 2028 and "2028年" in y2028.booklet.title
    assert wrong_year_rows(y2028.booklet) <= source
    assert row(y2028.booklet, "101001-01", 2) == "2028年1-12月"
    assert row(y2028.booklet, "101001-01", 2) != row(y2027.booklet, "101001-01", 2)
    # Last year's values are 2027's, not 2026's.
    found = y2028.booklet.find_project("101001-01")
    assert found is not None and found[1].indicators[2].previous_value == "2027年1-12月"


def test_rows_keep_last_years_value_and_amounts_are_marked_until_changed(sample_booklet: Booklet) -> None:
    new = rollover(sample_booklet, 2027).booklet
    for (_, old), (_, project) in zip(sample_booklet.projects(), new.projects(), strict=True):
        assert [r.previous_value for r in project.indicators] == [r.value for r in old.indicators]
        assert project.previous_funding == old.funding == project.funding
        assert carried_amount_fields(project) == tuple(
            f for f in FUNDING_FIELDS if old.funding.get(f) is not None
        )
    _, project = next(iter(new.projects()))
    project.funding.total = Decimal(30)
    assert "total" not in carried_amount_fields(project) and "local" in carried_amount_fields(project)
    # An unrolled file has no reference: nothing is shown as carried over.
    assert carried_amount_fields(next(iter(sample_booklet.projects()))[1]) == ()


def test_cleared_amounts_leave_last_years_as_reference(sample_booklet: Booklet) -> None:
    new = rollover(sample_booklet, 2027, "clear").booklet
    for (_, old), (_, project) in zip(sample_booklet.projects(), new.projects(), strict=True):
        assert all(project.funding.get(f) is None for f in FUNDING_FIELDS)
        assert project.previous_funding == old.funding
        assert carried_amount_fields(project) == ()
    missing = [f for f in validate_booklet(new) if f.rule == "funding.missing_total"]
    assert len(missing) == 327  # every table asks for this year's 合计


def test_review_state_is_cleared_and_the_file_saves_and_loads(sample_booklet: Booklet) -> None:
    _, project = next(iter(sample_booklet.projects()))
    project.review = ProjectReview(status=ReviewStatus.APPROVED, comments=[comment("通过", "审核人")])
    result = rollover(sample_booklet, 2027)
    assert all(p.review is None for _, p in result.booklet.projects())
    assert any("审核状态" in note for note in result.report.notes)
    text = dumps_booklet(result.booklet)
    assert '"previous_value": "2026年1-12月"' in text and '"previous_funding"' in text
    assert loads_booklet(text) == result.booklet


def test_an_unrolled_file_saves_byte_identically(sample_path, sample_booklet: Booklet) -> None:  # type: ignore[no-untyped-def]
    assert dumps_booklet(sample_booklet).encode("utf-8") == sample_path.read_bytes()


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (2025, "必须晚于"),
        (2026, "必须晚于"),
        (2040, "超过5年"),
        (3000, "不是有效的预算年度"),
    ],
)
def test_bad_target_years_are_refused(sample_booklet: Booklet, year: int, message: str) -> None:
    with pytest.raises(RolloverError, match=message):
        rollover(sample_booklet, year)


def test_a_fiscal_year_that_is_not_the_contents_is_refused(sample_booklet: Booklet) -> None:
    assert content_year(sample_booklet) == 2026
    sample_booklet.fiscal_year = 2099
    with pytest.raises(RolloverError, match="大多写的是2026年"):
        rollover(sample_booklet, 2100)


def test_changing_the_year_of_an_open_booklet_is_one_plan(sample_booklet: Booklet) -> None:
    change = plan_fiscal_year_change(sample_booklet, 2027)
    assert change.plan.edits[0].field == "fiscal_year"  # type: ignore[union-attr]
    assert len(change.plan.edits) == len(change.report.changed) + 1
    # The plan only describes: nothing changed until it is applied.
    assert sample_booklet.fiscal_year == 2026 and row(sample_booklet, "101001-01", 2) == "2026年1-12月"
    first = change.report.changed[0]
    assert field_value(sample_booklet, first.place.path, first.place.field) == first.old
    apply_plan(sample_booklet, change.plan)
    assert sample_booklet.fiscal_year == 2027 and row(sample_booklet, "101001-01", 2) == "2027年1-12月"
    assert all(r.previous_value is None for _, p in sample_booklet.projects() for r in p.indicators)
    # And back: the same rules from 2027 give the 2026 text again for every moved cell.
    back = plan_fiscal_year_change(sample_booklet, 2026)
    assert {(c.place.path, c.place.field, c.new) for c in back.report.changed} == {
        (c.place.path, c.place.field, c.old) for c in change.report.changed
    }


def test_correcting_a_wrong_year_leaves_the_text(sample_booklet: Booklet) -> None:
    sample_booklet.fiscal_year = 2025  # the clerk set the wrong year; the content says 2026
    for change in (
        plan_fiscal_year_change(sample_booklet, 2026),  # seen from the content
        plan_fiscal_year_change(sample_booklet, 2026, move_text=False),
    ):
        assert [e.field for e in change.plan.edits] == ["fiscal_year"]  # type: ignore[union-attr]
        assert change.report.changed == [] and change.report.notes
    assert any("只改预算年度" in n for n in plan_fiscal_year_change(sample_booklet, 2026).report.notes)
    # Asked to move the text anyway, 2026 is "next year" to a 2025 booklet: listed, not moved; only
    # the few real 2025 mentions move.
    forced = plan_fiscal_year_change(sample_booklet, 2026, move_text=True)
    assert len(forced.report.to_check) > 200
    assert forced.report.changed and all("2025" in c.old for c in forced.report.changed)


def test_the_samples_unsure_and_history_cells_are_the_hand_checked_ones(sample_booklet: Booklet) -> None:
    # All 255 cells of the sample that name a year were read by hand; these are the cells a clerk
    # must decide and the mentions that are history. Every other one moves (or is 本年度-like).
    report = rollover(sample_booklet, 2027).report
    assert sorted(c.text for c in report.to_check) == sorted(
        [
            "2026年为换届选举年需要召开两次人代会，分别为十二届六次，十三届一次",  # a fact about 2026
            "2025年12月31日",  # deadlines that already named 2025 (flagged in the source)
            "做好2025年老干部队伍建设工作",
            "2025年全年",
            "2025年12月31日之前",
            "预计2025年统筹年度参保人数",  # last year, no telling context
            "对西区2025年度四川省水旱灾害防御信息系统、山洪灾害四预系统、山洪灾害决策支持系统、辖区19个自动雨量站点、"
            "4个视频站点、18个自动报警系统、20个入户报警器及会商系统及专网等进行运行维护",
            "2025年生源地信用助学贷款风险补偿金县区承担资金",
            "有效控制病媒生物密度，确保通过2025年春、秋季病媒生物防制考核评估",  # a moment inside 2025
            "组织2026年第十一届“万步有约”健走激励大赛，招募健康生活方式指导员200名直至占人口的1%",  # 届
            "印制《攀枝花市西区年鉴（2026）》400册，《中共攀枝花市西区执政实录（2025）》400册",  # titles
            "开展2026年人大换届选举工作资料制作等",  # not every year
            "对2026年创建的示范点位进行再评审",  # created in 2026: history or plan?
        ]
    )
    assert sorted((k.mention, k.reason) for k in report.kept) == sorted(
        [
            ("2029", "以后的固定年份，不随年度变化"),
            ("2003", "较早的年份，是历史"),
            ("2025", "起始年份（2025年起），是既成事实"),
            ("2025", "多年期间（2025—2027年），不随年度变化"),
            ("2027", "多年期间（2025—2027年），不随年度变化"),
        ]
    )
    assert report.counts() == {
        "changed_cells": 219,
        "moved_mentions": 234,
        "kept_as_history": 5,
        "relative_mentions": 19,
        "cells_to_check": 13,
    }

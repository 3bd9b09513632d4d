"""Structured targets: free text read into parts only when the parts say it all, printed back,
edited one part at a time without losing the printed text; money in 元 and 万元 exactly."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest

from kpi_editor.domain.currency import format_amount, from_currency, parse_amount
from kpi_editor.domain.edits import EditError
from kpi_editor.domain.model import Booklet, Indicator, Target
from kpi_editor.domain.targets import (
    cell_edits,
    column_text,
    comparator_of,
    excel_serial_date,
    read_number_cell,
    read_value,
    render,
)
from kpi_editor.domain.template import Currency, load_template

D = Decimal
DAY = dt.date(2026, 12, 31)

READ = [
    ("≥95%", Target(comparator=">=", number=D(95), unit="%")),
    (">=95%", Target(comparator=">=", number=D(95), unit="%")),
    ("≥ 90 %", Target(comparator=">=", number=D(90), unit="%")),
    ("95%以上", Target(comparator=">=", number=D(95), unit="%")),
    ("≤3个月", Target(comparator="<=", number=D(3), unit="个月")),
    ("5个工作日内", Target(comparator="<=", number=D(5), unit="个工作日")),
    ("20次", Target(number=D(20), unit="次")),
    ("≥2（场）", Target(comparator=">=", number=D(2), unit="场")),
    ("至少10次", Target(comparator=">=", number=D(10), unit="次")),
    ("25万元", Target(number=D(25), unit="万元")),
    ("3,309,840.00元", Target(number=D("3309840.00"), unit="元")),
    ("2026年12月31日前", Target(comparator="<=", date=DAY, unit="日期")),
    ("2026年底前", Target(comparator="<=", date=DAY, unit="日期")),
    ("2026年12月底前", Target(comparator="<=", date=DAY, unit="日期")),
    ("2026-06-30", Target(date=dt.date(2026, 6, 30), unit="日期")),
    ("无", Target(text="无")),
]


@pytest.mark.parametrize(("text", "expected"), READ, ids=[r[0] for r in READ])
def test_a_value_that_says_no_more_than_its_parts_is_read(text: str, expected: Target) -> None:
    assert read_value(text) == expected


@pytest.mark.parametrize(
    "text", ["完成培训20次", "2026年1-12月", "满意度大于90%。", "2026年", "≥95%以上", "优良", "12月31日前"]
)
def test_a_value_that_says_more_stays_text(text: str) -> None:
    assert read_value(text) is None


def test_words_are_a_qualitative_target_only_where_the_form_allows_them() -> None:
    assert read_value("群众获得感明显增强") is None
    assert read_value("群众获得感明显增强", qualitative=True) == Target(
        comparator="qualitative", text="群众获得感明显增强"
    )
    assert read_value("覆盖率95%", qualitative=True) is None  # numbers in words are not 定性


def test_printed_text_of_the_parts() -> None:
    assert render(Target(comparator=">=", number=D(95), unit="%")) == "≥95%"
    assert render(Target(comparator="<=", date=DAY, unit="日期")) == "2026年12月31日前"
    assert render(Target(comparator="~", number=D(25), unit="万元")) == "约25万元"
    assert render(Target(comparator="qualitative", text="明显改善")) == "明显改善"
    assert render(Target(number=D("1E+2"), unit="人")) == "100人"
    assert render(None) == ""


def test_comparators_as_clerks_write_them() -> None:
    for text, nature in (("≥", ">="), (">=", ">="), ("＞＝", ">="), ("不低于", ">="), ("<=", "<=")):
        assert comparator_of(text) == nature
    assert comparator_of("定性") == "qualitative" and comparator_of(" ") is None
    with pytest.raises(EditError, match="指标性质"):
        comparator_of("大概")


def test_excel_serial_dates_in_time_rows() -> None:
    assert excel_serial_date(44561) == dt.date(2021, 12, 31)
    assert excel_serial_date(95) is None and excel_serial_date(D("44561.5")) is None
    assert read_number_cell("44561", kind="time") == Target(date=dt.date(2021, 12, 31))
    assert read_number_cell("44561", kind="quantity") == Target(number=D(44561))
    assert read_number_cell("3,000") == Target(number=D(3000))


SICHUAN = load_template("sichuan-2023")


def _row(value: str = "", level2: str = "服务对象满意度指标", **fields: object) -> Indicator:
    return Indicator(level1="满意度指标", level2=level2, name="满意度", value=value, **fields)  # type: ignore[arg-type]


def _apply(row: Indicator, edits: list[tuple[str, object]]) -> Indicator:
    return row.model_copy(update=dict(edits))


def test_editing_one_part_keeps_the_printed_text_in_step() -> None:
    row = _apply(_row("≥90%"), cell_edits(_row("≥90%"), SICHUAN, "number", "95"))
    assert row.target == Target(comparator=">=", number=D(95), unit="%") and row.value == "≥95%"
    row = _apply(row, cell_edits(row, SICHUAN, "comparator", "="))
    assert row.value == "=95%"
    assert [column_text(row, k, SICHUAN) for k in ("comparator", "number", "unit")] == ["=", "95", "%"]


def test_a_row_no_one_has_split_shows_and_keeps_its_text() -> None:
    row = _row("满意度达到较高水平", level2="社会效益指标")
    assert column_text(row, "number", SICHUAN) == "满意度达到较高水平"
    edited = _apply(row, cell_edits(row, SICHUAN, "comparator", "定性"))
    assert edited.target == Target(comparator="qualitative", text="满意度达到较高水平")
    assert edited.value == "满意度达到较高水平"  # nothing printed is lost
    with pytest.raises(EditError, match="度量单位"):
        cell_edits(edited, SICHUAN, "unit", "%")


def test_a_date_typed_into_a_time_row() -> None:
    row = Indicator(level1="产出指标", level2="时效指标", name="完成时间")
    row = _apply(row, cell_edits(row, SICHUAN, "comparator", "≤"))
    row = _apply(row, cell_edits(row, SICHUAN, "number", "2026-12-31"))
    assert row.target == Target(comparator="<=", date=DAY, unit="日期") and row.value == "2026年12月31日前"
    assert column_text(row, "unit", SICHUAN) == ""  # a date needs no unit printed


def test_weight_direction_and_basis_cells() -> None:
    row = _row("≥90%")
    assert cell_edits(row, SICHUAN, "weight", "10分") == [("weight", D(10))]
    assert cell_edits(row, SICHUAN, "weight", "") == [("weight", None)]
    assert cell_edits(row, SICHUAN, "direction", "反向指标") == [("direction", "negative")]
    with pytest.raises(EditError, match="权重"):
        cell_edits(row, SICHUAN, "weight", "十分")
    with pytest.raises(EditError, match="指标方向性"):
        cell_edits(row, SICHUAN, "direction", "向上")
    hunan = load_template("hunan-2022")
    assert cell_edits(row, hunan, "basis", "行业标准") == [("basis", "行业标准")]
    with pytest.raises(EditError, match="计划标准"):
        cell_edits(row, hunan, "basis", "领导要求")
    period = cell_edits(row, hunan, "period.value", "≥95%")
    assert period[0][0] == "period" and period[0][1].value == "≥95%"  # type: ignore[union-attr]
    assert (
        column_text(_apply(row, [("weight", D("12.5")), ("direction", "positive")]), "direction")
        == "正向指标"
    )


def test_a_column_of_another_template_version_is_read_only() -> None:
    row = _row("≥90%", extra={"old_column": "x"})
    with pytest.raises(EditError, match="只读"):
        cell_edits(row, SICHUAN, "old_column", "y")


def test_money_in_yuan_and_wan_is_exact_both_ways() -> None:
    yuan = Currency(unit="元", decimals=2, thousands=True)
    for wan in ("330.984", "816.995875", "0.1", "14050.511679", "100"):
        text = format_amount(D(wan), yuan)
        assert parse_amount(text, yuan) == D(wan), text
    assert format_amount(D("330.984"), yuan) == "3,309,840.00"
    assert parse_amount("25万元", yuan) == D(25) and parse_amount("250000元", Currency()) == D(25)
    assert str(from_currency(D("1000000.00"), yuan)) == "100"
    with pytest.raises(ValueError):
        parse_amount("三百万", yuan)


def test_the_sample_values_read_the_same_after_printing(sample_booklet: Booklet) -> None:
    """Every reading of the real booklet prints back to text that reads the same again."""
    read = Counter[str]()
    for _, project in sample_booklet.projects():
        for row in project.indicators:
            found = read_value(row.value)
            if found is None:
                continue
            read[found.unit or found.text or ""] += 1
            assert read_value(render(found)) == found, row.value
    assert sum(read.values()) > 1500 and read["%"] > 600 and read["日期"] > 30

"""The boundary for untrusted numbers: checked without arithmetic, linear in the text, one error type."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from kpi_editor.domain import bounds
from kpi_editor.domain.amounts import (
    chinese_number,
    is_measurable,
    money_total_wan,
    parse_money_amounts,
    parse_percents,
    parse_target,
)
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.fingerprint import booklet_fingerprint, canonical_amount
from kpi_editor.domain.model import Booklet, Funding, Target
from kpi_editor.domain.review import ReviewComment

# What Python's Decimal accepts without a word and then overflows on at the first abs()/normalize().
HUGE = ["9E+999999999", "1E+1000000", "-9E+999999999", "1e300", "0E+999999999", "1E+15", "1000000000000000.5"]


@pytest.mark.parametrize("text", HUGE)
def test_huge_amounts_are_refused_with_a_chinese_reason(text: str) -> None:
    with pytest.raises(bounds.BoundsError, match="金额过大"):
        bounds.check_amount(Decimal(text))


@pytest.mark.parametrize("text", ["NaN", "sNaN", "Infinity", "-Infinity"])
def test_amounts_that_are_not_numbers_are_refused(text: str) -> None:
    with pytest.raises(bounds.BoundsError, match="有限"):
        bounds.check_amount(Decimal(text))


def test_an_amount_is_kept_exactly_as_entered() -> None:
    for text in ("25.0", "816.995875", "-0", "0", "999999999999999", "1E+2", "-3.5"):
        value = Decimal(text)
        checked = bounds.check_amount(value)
        assert checked is value and str(checked) == text


def test_more_than_six_decimals_and_tiny_exponents_are_refused() -> None:
    for text in ("0.0000001", "9E-999999999", "1." + "0" * 100_000):
        with pytest.raises(bounds.BoundsError, match="6位小数"):
            bounds.check_amount(Decimal(text))


def test_parse_amount_reads_what_clerks_print_and_measures_before_converting() -> None:
    assert bounds.parse_amount(" 1,234.5 ") == Decimal("1234.5")
    assert bounds.parse_amount("２５") == Decimal(25)  # full-width digits from a PDF
    assert bounds.parse_amount("1e3") == Decimal(1000)
    for text in ("", "abc", "NaN", "Infinity", "1e999999999", "9" * 1_000_000, "1.2.3", "--1"):
        with pytest.raises(bounds.BoundsError):
            bounds.parse_amount(text)


def test_parse_int_refuses_out_of_range_without_converting_huge_digit_strings() -> None:
    assert bounds.parse_int("2026", 1990, 2200, "预算年度") == 2026
    assert bounds.parse_int(7, 0, 9, "行") == 7
    for value in ("9" * 100_000, "2026.0", True, 3.5, None, "二〇二六", "1989", 2201):
        with pytest.raises(bounds.BoundsError, match="预算年度"):
            bounds.parse_int(value, 1990, 2200, "预算年度")


def test_target_numbers_are_bounded_in_the_model() -> None:
    assert Target(number=Decimal("95.5")).number == Decimal("95.5")
    for text in ("9E+999999999", "1E+18", "1E-11", "NaN"):
        with pytest.raises(ValidationError):
            Target(number=Decimal(text))


def test_funding_validation_never_raises_anything_but_validation_error() -> None:
    for text in [*HUGE, "NaN", "9E-999999999"]:
        with pytest.raises(ValidationError):
            Funding(total=Decimal(text))


def test_a_comment_row_is_bounded() -> None:
    ReviewComment(time="2026-01-01T00:00:00", indicator=bounds.MAX_ROW_INDEX)
    with pytest.raises(ValidationError):
        ReviewComment(time="2026-01-01T00:00:00", indicator=10**300)


def test_plain_text_is_context_free_and_short() -> None:
    assert bounds.plain_text(Decimal("25.0")) == "25"
    assert bounds.plain_text(Decimal("1E+2")) == "100"
    assert bounds.plain_text(Decimal("-0.000")) == "0"
    assert bounds.plain_text(Decimal("816.995875")) == "816.995875"
    # 30 significant digits: normalize() would round them to the context's 28.
    assert bounds.plain_text(Decimal("123456789012345678901234567890")) == "123456789012345678901234567890"
    # Never admitted by the model, but printing one must not spell out a million zeros.
    assert bounds.plain_text(Decimal("9E+999999999")) == "9E+999999999"
    assert canonical_amount(Decimal("9E+999999999")) == "9E+999999999"


def test_text_numbers_too_long_to_be_money_are_not_read() -> None:
    assert bounds.text_number("1,234.5") == Decimal("1234.5")
    assert bounds.text_number("9" * 21) is None
    # 40 nines with 万元 made _plain's quantize raise InvalidOperation in validate.
    assert money_total_wan("9" * 40 + "万元") is None
    assert money_total_wan("99999999999999999999亿元") == Decimal("999999999999999999990000")


def test_chinese_numerals_are_bounded() -> None:
    assert chinese_number("九十五") == 95
    assert chinese_number("二〇二六") == 2026
    # A run of 100,000 numerals built an int digit by digit: quadratic, 30 s in validate.
    assert chinese_number("九" * 100_000) is None
    assert parse_percents("百分之" + "九" * 100_000) == []


# Texts that took minutes (quadratic look-backs, backtracking) or raised before the boundary.
LONG_TEXTS = {
    "amounts with separators": "1万元、" * 30_000,
    "amounts without separators": "1万元" * 30_000,
    "thousands groups": ",".join(["100"] * 30_000) + "万元",
    "per-unit slashes": "1元" + "/a" * 60_000,
    "results": "=1万元" * 30_000,
    "factors": "×1万元" * 30_000,
    "numerals": "百分之" + "九" * 100_000,
    "digits": "9" * 200_000 + "万元",
    "mixed": "每人1万元×2=2万元，" * 10_000,
}


@pytest.mark.parametrize("name", sorted(LONG_TEXTS))
def test_long_texts_are_read_without_error(name: str) -> None:
    text = LONG_TEXTS[name]
    mentions = parse_money_amounts(text)
    assert all(isinstance(m.wan, Decimal) for m in mentions)
    money_total_wan(text)
    parse_target(text)
    is_measurable(text, ("显著",))


def test_long_amount_texts_still_count_every_amount() -> None:
    # Bounded look-backs must not lose mentions: every one of 30,000 amounts is found.
    assert money_total_wan("1万元、" * 30_000) == Decimal(30_000)


def test_validate_and_fingerprint_survive_hostile_cells(sample_booklet: Booklet) -> None:
    project = sample_booklet.departments[0].projects[0]
    for text in LONG_TEXTS.values():
        for indicator in project.indicators:
            indicator.value = text
        findings = validate_booklet(sample_booklet)
        assert any(f.project_id == project.id for f in findings)
        assert len(booklet_fingerprint(sample_booklet)) == 12

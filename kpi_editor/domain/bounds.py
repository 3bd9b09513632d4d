"""The one boundary for numbers and text that come from outside: files, cells, pasted text.

Every number a file or a clerk hands us is checked here *before* any arithmetic. Python's
``Decimal`` accepts ``9E+999999999`` and a million-digit string without complaint, but the first
``abs()``, ``normalize()`` or ``quantize()`` on them raises ``decimal.Overflow`` or
``InvalidOperation``, and formatting them takes megabytes. The checks below use only
context-free operations (``as_tuple``, ``adjusted``, ``is_finite``, comparisons of finite values)
and look at the length of a text before converting it, so they cost time linear in their input.

Loaders turn a :class:`BoundsError` into their own one-line message naming the file and the place
(``FileFormatError`` in ``kpi_editor.io``); importers report the cell and go on.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "AMOUNT_DIGITS",
    "MAX_AMOUNT",
    "MAX_DECIMALS",
    "MAX_ROW_INDEX",
    "MAX_TEXT_NUMBER_DIGITS",
    "BoundsError",
    "check_amount",
    "check_number",
    "escape_controls",
    "parse_amount",
    "parse_int",
    "plain_decimal",
    "plain_text",
    "text_number",
]

MAX_DECIMALS = 6
# 10^15 万元 is far beyond any budget; the cap keeps sums of amounts exact within Decimal's
# 28 digits (15 integer digits + 6 decimals, summed over millions of projects).
AMOUNT_DIGITS = 15
MAX_AMOUNT = Decimal(10) ** AMOUNT_DIGITS
# A structured target (指标性质/度量单位 forms): counts and percentages, never astronomical. Within
# these bounds every number has at most 28 digits, so Decimal arithmetic on it is exact.
_NUMBER_INTEGER_DIGITS = 18
_NUMBER_DECIMALS = 10
# A number in free text (``45万元``, ``≥95%``) longer than this is not an amount a clerk wrote;
# it is left unread (``None``), which keeps every conversion below 28 digits even after ×10^4 (亿).
MAX_TEXT_NUMBER_DIGITS = 20
# Rows of one project a comment may point at (0-based).
MAX_ROW_INDEX = 999_999
# Characters of an amount's text looked at: ``-123456789012345.123456`` and some spacing.
_AMOUNT_TEXT_MAX = 64
_AMOUNT_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")


class BoundsError(ValueError):
    """A number outside what the program accepts; the message is Chinese and says why."""


def check_amount(value: Decimal) -> Decimal:
    """`value` itself when it is a valid amount in 万元: finite, ≤ 6 decimals, below 10^15.

    The value is kept exactly as entered (``25.0`` stays ``25.0``).
    """
    if not value.is_finite():
        raise BoundsError("金额必须是有限的数")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if exponent < -MAX_DECIMALS:
        raise BoundsError(f"金额最多保留{MAX_DECIMALS}位小数（万元）")
    # adjusted() is the power of ten of the leading digit, without touching the context; a zero
    # written 0E+20 is refused too, since printing it would spell out the exponent.
    if exponent > AMOUNT_DIGITS or (value and value.adjusted() >= AMOUNT_DIGITS):
        raise BoundsError(f"金额过大：不能达到10^{AMOUNT_DIGITS}万元，请检查单位与位数")
    return value


def check_number(value: Decimal) -> Decimal:
    """`value` itself when it is a usable target number (``≥95``, ``20``, ``0.5``), else BoundsError."""
    if not value.is_finite():
        raise BoundsError("数值必须是有限的数")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -_NUMBER_DECIMALS:
        raise BoundsError(f"数值最多保留{_NUMBER_DECIMALS}位小数")
    if exponent > _NUMBER_INTEGER_DIGITS or (value and value.adjusted() >= _NUMBER_INTEGER_DIGITS):
        raise BoundsError(f"数值过大：不能达到10^{_NUMBER_INTEGER_DIGITS}")
    return value


def parse_amount(text: str) -> Decimal:
    """An amount typed or printed as text (``25``, ``-0.5``, ``1,234.5``), checked; else BoundsError.

    Only plain decimal notation with an optional short exponent is read: the text is measured
    before it is converted, so a megabyte of digits costs nothing.
    """
    compact = text.strip().replace(",", "")
    if not compact:
        raise BoundsError("金额为空")
    if len(compact) > _AMOUNT_TEXT_MAX or not _AMOUNT_TEXT.fullmatch(compact):
        raise BoundsError("不是以万元为单位的数字")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        raise BoundsError("不是以万元为单位的数字") from None
    return check_amount(value)


def parse_int(value: object, low: int, high: int, what: str) -> int:
    """An integer between `low` and `high` from a file's number or text; else BoundsError naming `what`."""
    if isinstance(value, bool):
        raise BoundsError(f"{what}必须是整数")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        # More digits than the bound has cannot be in range; int() of them would cost quadratic time.
        if not text.isascii() or not text.lstrip("+-").isdigit() or len(text) > len(str(high)) + 1:
            raise BoundsError(f"{what}必须是{low}到{high}之间的整数")
        number = int(text)
    else:
        raise BoundsError(f"{what}必须是整数")
    if not low <= number <= high:
        raise BoundsError(f"{what}必须是{low}到{high}之间的整数")
    return number


def text_number(digits: str) -> Decimal | None:
    """A number found in free text (``1,234.5``), or None when it is too long to be one a clerk wrote."""
    plain = digits.replace(",", "")
    if len(plain) - ("." in plain) > MAX_TEXT_NUMBER_DIGITS:
        return None
    try:
        return Decimal(plain)
    except InvalidOperation:
        return None


def plain_decimal(value: Decimal) -> Decimal:
    """``0.2200`` → ``0.22``, ``1.2E+4`` → ``12000``: the same value without exponent or trailing zeros.

    Context-free (no rounding, no Overflow) for any finite value; a value that is not finite is
    returned as it is.
    """
    if not value.is_finite():
        return value
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if not any(digits):
        return Decimal(0)
    kept = list(digits)
    while exponent < 0 and kept[-1] == 0:
        kept.pop()
        exponent += 1
    if exponent > 0:
        kept += [0] * exponent
        exponent = 0
    return Decimal((sign, tuple(kept), exponent))


def plain_text(value: Decimal) -> str:
    """The one spelling of a value: ``25.0`` → ``25``, ``1E+2`` → ``100``, ``-0`` → ``0``.

    Context-free. Values the bounds above admit print in at most 30 characters; anything else
    (never admitted by the model) prints in exponent form rather than as a million digits.
    """
    if value.is_finite() and -40 <= value.as_tuple().exponent <= 40:  # type: ignore[operator]
        text = format(plain_decimal(value), "f")
        return "0" if text in ("-0", "0") else text
    return str(value)


# -- text shown in a terminal ----------------------------------------------------------------------

# C0 controls except TAB and LF, DEL, and the C1 controls (U+0080–U+009F, which a terminal may take
# as ESC-sequences: U+009B is CSI); plus the bidirectional overrides that reorder what is shown.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """`text` with every control character shown as an escape (``\\x1b``), so that a name from a
    file can never move the cursor, retitle the window or hide text in a reviewer's terminal."""
    return _CONTROLS.sub(lambda m: _escape(m.group()), text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

"""Money as a form prints it: the model keeps 万元 always; a form in 元 shows ×10,000.

Both directions are exact (``Decimal``): 3,309,840.00 元 is 330.984 万元 and back. The model
allows 6 decimals in 万元, which is 2 in 元 (分), so no amount a model holds is ever rounded.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from kpi_editor.domain.template import Currency

__all__ = ["YUAN_PER_WAN", "format_amount", "from_currency", "parse_amount", "to_currency"]

YUAN_PER_WAN = Decimal(10000)


def to_currency(wan: Decimal, currency: Currency) -> Decimal:
    """An amount in 万元 in the form's unit (exact)."""
    return wan * YUAN_PER_WAN if currency.unit == "元" else wan


def from_currency(amount: Decimal, currency: Currency) -> Decimal:
    """An amount in the form's unit in 万元 (exact), without trailing zeros the division adds."""
    if currency.unit != "元":
        return amount
    wan = amount / YUAN_PER_WAN
    exponent = amount.as_tuple().exponent
    places = (-exponent if isinstance(exponent, int) and exponent < 0 else 0) + 4
    if places <= 28:
        wan = wan.quantize(Decimal(1).scaleb(-places)).normalize()
    exponent = wan.as_tuple().exponent
    # normalize() writes 100 as 1E+2; a clerk reads 100.
    return wan.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else wan


def format_amount(wan: Decimal | None, currency: Currency) -> str:
    """The text a funding cell prints: ``25``, ``816.995875`` (万元, as entered) or
    ``3,309,840.00`` (元, two decimals, thousands separated); empty for an absent row."""
    if wan is None:
        return ""
    amount = to_currency(wan, currency)
    if currency.decimals is not None:
        amount = amount.quantize(Decimal(1).scaleb(-currency.decimals))
    if currency.thousands:
        return f"{amount:,f}"
    text = format(amount, "f")
    return "0" if text == "-0" else text


_AMOUNT_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def parse_amount(text: str, currency: Currency) -> Decimal | None:
    """An amount typed or read in the form's unit (thousands separators, 元/万元 written after it)
    as 万元; None for an empty cell. Raises ValueError for text that is no amount."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace(",", "")
    if not folded:
        return None
    unit = currency.unit
    if folded.endswith("万元"):
        folded, unit = folded[:-2], "万元"
    elif folded.endswith("万"):
        folded, unit = folded[:-1], "万元"
    elif folded.endswith("元"):
        folded, unit = folded[:-1], "元"
    if not _AMOUNT_RE.fullmatch(folded):
        raise ValueError(text)
    try:
        amount = Decimal(folded)
    except InvalidOperation:
        raise ValueError(text) from None
    return from_currency(amount, Currency(unit=unit)) if unit == "元" else amount

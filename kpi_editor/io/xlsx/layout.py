"""Geometry of the official table in a worksheet, shared by the exporter and the importer.

Column A holds the block labels (项目名称, 部门（单位）, 项目资金来源, 总体绩效目标); the template's
indicator columns follow. Widths are in Excel's column units (the width of a ``0`` in the default
font, 7 px); a Chinese character of the 10.5 pt 宋体 body font takes about two of them.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache

from kpi_editor.domain.template import Currency, FormTemplate

FONT_NAME = "宋体"
BODY_SIZE = 10.5  # 五号, the size of official forms
TITLE_SIZE = 16.0
COVER_SIZE = 26.0  # the front sheets, as the booklet's front pages
COVER2_SIZE = 16.0
H1_SIZE = 18.0
H2_SIZE = 13.0
TEXT_SIZE = 12.0

# Excel column units for the whole table: A4 portrait minus margins at 100 % is about 97 units, so
# fit-to-width scales only slightly and the text stays at its printed size.
TABLE_WIDTH = 97.0
LABEL_COLUMN_WIDTH = 14.0  # fits 部门（单位） on one line
# Left and right cell padding plus a safety margin, in column units: wrapping is estimated, and an
# extra line is far better than a clipped one.
CELL_PADDING = 1.6
LINE_HEIGHT = 14.5  # points per line of 10.5 pt text
ROW_PADDING = 5.0  # points above and below the text
TITLE_HEIGHT = 32.0
MIN_ROW_HEIGHT = LINE_HEIGHT + ROW_PADDING

# The small-print line under each table that ties a printed page to its file (`kpi fingerprint`).
FINGERPRINT_PREFIX = "指纹"
FINGERPRINT_SIZE = 8
FINGERPRINT_HEIGHT = 14.0  # below MIN_ROW_HEIGHT: one line of 8-point small print

META_SHEET = "kpi_editor_meta"
META_FORMAT = "kpi-editor-xlsx"
META_VERSION = 1

SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


@cache
def char_units(ch: str) -> float:
    """Width of one character in column units: wide and ambiguous (≥, ×, ％) CJK glyphs take two."""
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 2.0
    return 1.0


def text_lines(text: str, width: float) -> int:
    """Lines `text` wraps to in a cell `width` column units wide (characters wrap anywhere)."""
    usable = max(width - CELL_PADDING, 2.0)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for ch in paragraph:
            w = char_units(ch)
            if used + w > usable:
                lines += 1
                used = w
            else:
                used += w
    return lines


# A4 portrait with the sheets' margins (0.6 in left and right, 0.75 in top and bottom), in points.
PRINTABLE_WIDTH = (8.27 - 1.2) * 72
PRINTABLE_HEIGHT = (11.69 - 1.5) * 72
# Room kept free on every page: Excel and LibreOffice round row heights and scale a little
# differently, and a row that does not fit would start a page we did not plan.
PAGE_SLACK = 0.95


def page_budget(widths: list[float]) -> float:
    """Height in sheet points that one printed page holds, at the fit-to-width scale."""
    pixels = sum(int(w * 7 + 5) for w in widths)  # Excel's column width to pixels (7 px digit)
    scale = min(1.0, PRINTABLE_WIDTH / (pixels * 0.75))
    return PRINTABLE_HEIGHT / scale * PAGE_SLACK


def lines_height(lines: int) -> float:
    return lines * LINE_HEIGHT + ROW_PADDING


def column_widths(template: FormTemplate) -> list[float]:
    """Widths of column A and each template column, summing to `TABLE_WIDTH`."""
    rest = TABLE_WIDTH - LABEL_COLUMN_WIDTH
    total = sum(c.width for c in template.columns)
    return [LABEL_COLUMN_WIDTH] + [round(rest * c.width / total, 1) for c in template.columns]


def funding_split(template: FormTemplate) -> int:
    """How many template columns the funding label spans; the amount takes the rest."""
    return max(1, len(template.columns) // 2)


def sheet_name(code: str, name: str, taken: set[str]) -> str:
    """Code plus the department's name, cut to Excel's 31 characters, legal and unique."""
    clean = _SHEET_FORBIDDEN.sub("", f"{code}{name}").strip().strip("'") or code or "Sheet"
    base = clean[:SHEET_NAME_MAX]
    candidate = base
    n = 2
    while candidate.casefold() in taken or candidate.casefold() == "history":
        suffix = f"({n})"
        candidate = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        n += 1
    taken.add(candidate.casefold())
    return candidate


def amount_format(value: Decimal, currency: Currency | None = None) -> str:
    """A number format that shows exactly the decimals entered (25 → ``0``, 25.0 → ``0.0``), or a
    form's own (元: ``#,##0.00``, two decimals with thousands separated)."""
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if currency is not None and currency.decimals is not None:
        decimals = currency.decimals
    body = "#,##0" if currency is not None and currency.thousands else "0"
    return body + "." + "0" * decimals if decimals else body


def format_decimals(number_format: str) -> int | None:
    """Decimals of a fixed format such as ``0.00`` or ``#,##0.0``; ``None`` for General and others."""
    match = re.fullmatch(r"[#,]*0(?:\.(0+))?", number_format)
    if not match:
        return None
    return len(match.group(1) or "")


def normalize_label(text: str) -> str:
    """A label as compared: full-width forms folded (（ → (, ： → :, ２ → 2), spaces removed, no colon at the end."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", folded).rstrip(":")


def row_height_for(texts_and_widths: list[tuple[str, float]]) -> float:
    lines = max((text_lines(t, w) for t, w in texts_and_widths if t), default=1)
    return max(MIN_ROW_HEIGHT, lines_height(lines))


def spread_extra(heights: list[float], needed: float) -> list[float]:
    """Grow `heights` evenly so that together they hold `needed` points (a merged cell's text)."""
    have = sum(heights)
    if have >= needed or not heights:
        return heights
    extra = math.ceil((needed - have) / len(heights) * 4) / 4
    return [h + extra for h in heights]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a workbook is built and saved.

    Both allocate a few long-lived objects per cell, yet every full collection walks them all:
    with it running, exporting a 10× booklet took 12–13× as long, paused about 10× (same peak
    memory). Reading is not paused: there it gained nothing and held 70 % more memory.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

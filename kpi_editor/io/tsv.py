"""Tab-separated text as Excel and WPS put it on the clipboard, and indicator rows in it.

Excel quotes a cell that holds a tab, a newline or a quote (doubling the quote); the standard
library's ``excel-tab`` dialect reads and writes exactly that.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from kpi_editor.domain.model import Indicator

BASE_FIELDS = ("level1", "level2", "name", "value")


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; rows with nothing but blanks (Excel's trailing newline) are dropped."""
    rows = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), dialect="excel-tab")
    return [row for row in rows if any(cell.strip() for cell in row)]


def format_tsv(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, dialect="excel-tab", lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def cell_text(indicator: Indicator, key: str) -> str:
    """The text of column `key` (a base field or a template's extra column) of a row."""
    if key in BASE_FIELDS:
        value: str = getattr(indicator, key)
        return value
    return indicator.extra.get(key, "")


def rows_to_tsv(rows: Sequence[Indicator], keys: Sequence[str]) -> str:
    return format_tsv([[cell_text(row, key) for key in keys] for row in rows])


def rows_from_table(cells: Sequence[Sequence[str]], keys: Sequence[str]) -> list[Indicator]:
    """Indicator rows from pasted cells, column by column in the table's order."""
    result = []
    for cells_row in cells:
        values = dict(zip(keys, (c.strip() for c in cells_row), strict=False))
        extra = {k: v for k, v in values.items() if k not in BASE_FIELDS and v}
        base = {k: values.get(k, "") for k in BASE_FIELDS}
        result.append(Indicator(**base, extra=extra))
    return result

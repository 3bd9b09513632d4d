"""Tab-separated text as Excel and WPS put it on the clipboard, and indicator rows in it.

Excel quotes a cell that holds a tab, a newline or a quote (doubling the quote); the standard
library's ``excel-tab`` dialect reads and writes exactly that.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from kpi_editor.domain.model import Indicator
from kpi_editor.domain.targets import column_text, row_from_cells
from kpi_editor.domain.template import FormTemplate

BASE_FIELDS = ("level1", "level2", "name", "value")


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; rows with nothing but blanks (Excel's trailing newline) are dropped."""
    rows = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), dialect="excel-tab")
    return [row for row in rows if any(cell.strip() for cell in row)]


def format_tsv(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, dialect="excel-tab", lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def cell_text(indicator: Indicator, key: str, template: FormTemplate | None = None) -> str:
    """The text of column `key` (a base field, a typed column or a free column) of a row."""
    return column_text(indicator, key, template)


def rows_to_tsv(rows: Sequence[Indicator], keys: Sequence[str], template: FormTemplate | None = None) -> str:
    return format_tsv([[cell_text(row, key, template) for key in keys] for row in rows])


def rows_from_table(
    cells: Sequence[Sequence[str]],
    keys: Sequence[str],
    template: FormTemplate | None = None,
    problems: list[str] | None = None,
) -> list[Indicator]:
    """Indicator rows from pasted cells, column by column in the table's order. With the template,
    typed columns (指标性质, 权重 …) are read as the editor reads what is typed into them; a cell that
    cannot be read is left empty and its reason appended to `problems`."""
    result = []
    for number, cells_row in enumerate(cells, start=1):
        values = dict(zip(keys, (c.strip() for c in cells_row), strict=False))
        if template is not None:
            row, unread = row_from_cells(values, template)
            if problems is not None:
                problems.extend(f"第{number}行：{why}" for _key, why in unread)
            result.append(row)
            continue
        extra = {k: v for k, v in values.items() if k not in BASE_FIELDS and v}
        base = {k: values.get(k, "") for k in BASE_FIELDS}
        result.append(Indicator(**base, extra=extra))
    return result

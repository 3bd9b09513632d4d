"""Write projects as workbooks in the official table layout, one sheet per department.

Each project's table is stacked on its department's sheet with a manual page break after it. Row
heights are computed from the text because openpyxl sets none and Excel and LibreOffice then clip
wrapped Chinese. A hidden sheet carries what the visible tables do not show (codes, project ids,
front matter, structured targets) so that our own workbook reads back losslessly.

Each table (and each front page) is laid out in a small buffer — its cells, heights and merges —
and then handed to a sink: `export_xlsx` streams it to disk through openpyxl's write-only mode,
so memory stays that of one table whatever the booklet's size (a 100× booklet peaked at 2.5 GB
held in memory); `build_workbook` puts it into an ordinary in-memory workbook for callers that
inspect it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from copy import copy
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from kpi_editor.domain.currency import format_amount, to_currency
from kpi_editor.domain.fingerprint import project_fingerprint
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet, Department, Indicator, Project
from kpi_editor.domain.targets import column_text
from kpi_editor.domain.template import FormTemplate, load_template
from kpi_editor.io.atomic import atomic_output
from kpi_editor.io.errors import ExportCancelled
from kpi_editor.io.xlsx import layout

Progress = Callable[[int, int], bool]


_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_RIGHT = Alignment(horizontal="right", vertical="center")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


# (font, alignment, bordered, number format), by name so the cache lookup hashes plain strings.
_StyleKey = tuple[str, str, bool, str]


def _fonts(name: str) -> dict[str, Font]:
    """The workbook's faces, in the typeface the template names (宋体 unless it says otherwise)."""
    return {
        "body": Font(name=name, size=layout.BODY_SIZE),
        "bold": Font(name=name, size=layout.BODY_SIZE, bold=True),
        "title": Font(name=name, size=layout.TITLE_SIZE, bold=True),
        "small": Font(name=name, size=layout.FINGERPRINT_SIZE, color="555555"),
        "cover": Font(name=name, size=layout.COVER_SIZE, bold=True),
        "cover2": Font(name=name, size=layout.COVER2_SIZE),
        "h1": Font(name=name, size=layout.H1_SIZE, bold=True),
        "h2": Font(name=name, size=layout.H2_SIZE, bold=True),
        "text": Font(name=name, size=layout.TEXT_SIZE),
    }


_ALIGNS = {
    "center": _CENTER,
    "left": _LEFT,
    "right": _RIGHT,
    "leader": Alignment(horizontal="left", vertical="center"),  # a 目录 line, no wrapping
}
_A4 = Worksheet.PAPERSIZE_A4
# A laid-out cell: its value and its style (font, alignment, bordered, number format).
_Placed = tuple[object, _StyleKey]


def _text(value: str) -> str:
    # Control characters are illegal in the XML of a workbook; nothing a clerk types needs them.
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned


class _SheetWriter:
    """Lays out the tables of one sheet, one table at a time, into a buffer a sink then writes."""

    def __init__(self, sink: _Sink, template: FormTemplate, fiscal_year: int) -> None:
        self.sink = sink
        self.template = template
        self.fiscal_year = fiscal_year
        self.widths = layout.column_widths(template)
        self.last_col = len(self.widths)
        self.split = 1 + layout.funding_split(template)  # last column of the funding label
        self.row = 1
        # The current table: (row, col) → (value, style); its row heights. Merges are the sheet's.
        self.cells: dict[tuple[int, int], _Placed] = {}
        self.heights: dict[int, float] = {}
        self.merges: list[CellRange] = []
        self.breaks: list[int] = []  # rows a page ends with
        self.page_budget = layout.page_budget(self.widths)
        sink.columns(self.widths)
        # Written at the top of the sheet, before any row: a streamed sheet takes them only now.
        sink.ws.sheet_properties.pageSetUpPr.fitToPage = True
        sink.ws.sheet_view.showGridLines = False

    def _cell(
        self,
        row: int,
        col: int,
        value: object,
        *,
        font: str = "body",
        align: str = "center",
        border: bool = True,
        number_format: str = "General",
    ) -> None:
        if isinstance(value, str):
            value = _text(value)
        self.cells[(row, col)] = (value, (font, align, border, number_format))

    def _border(self, row: int, col: int) -> None:
        """Border a cell covered by a merge (Excel prints the borders of every covered cell)."""
        self.cells[(row, col)] = (None, ("body", "center", True, "General"))

    def _merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        # Collected and added at the end: ws.merge_cells re-checks every earlier range and
        # rebuilds the covered cells' borders, which is quadratic in the number of merges.
        self.merges.append(
            CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row)
        )

    def _span(self, row: int, first: int, last: int, value: object, **style: Any) -> None:
        """Write a value merged across columns first..last, bordering every covered cell."""
        self._cell(row, first, value, **style)
        if last > first:
            for col in range(first + 1, last + 1):
                if style.get("border", True):
                    self._border(row, col)
            self._merge(row, first, row, last)

    def _width(self, first: int, last: int) -> float:
        return sum(self.widths[first - 1 : last])

    def table(self, project: Project) -> tuple[int, int]:
        """Write one project's table from the current row; returns its first and last row."""
        t = self.template
        labels = t.labels
        first = self.row
        r = first
        self._span(r, 1, self.last_col, labels.title, font="title", border=False)
        self.heights[r] = layout.TITLE_HEIGHT
        r += 1
        full = self._width(2, self.last_col)
        for label, value in ((labels.project_name, project.name), (labels.unit, project.unit_name)):
            self._cell(r, 1, label, font="bold")
            self._span(r, 2, self.last_col, value, align="left")
            self.heights[r] = layout.row_height_for([(label, self.widths[0]), (value, full)])
            r += 1

        # 项目资金来源: header row plus one row per template funding row.
        funding_first = r
        label_width = self._width(2, self.split)
        amount_width = self._width(self.split + 1, self.last_col)
        header = t.amount_header(self.fiscal_year)
        self._span(r, 2, self.split, labels.funding_source, font="bold")
        self._span(r, self.split + 1, self.last_col, header, font="bold")
        self.heights[r] = layout.row_height_for(
            [(labels.funding_source, label_width), (header, amount_width)]
        )
        r += 1
        for spec in t.funding_rows:
            label = t.funding_label(spec.field, self.fiscal_year)
            wan = project.funding.get(spec.field)
            # The form's unit: 万元 as entered, or 元 (×10,000, exact in a float: at most 2 decimals).
            amount = to_currency(wan, t.currency) if wan is not None else None
            self._span(
                r,
                self.split + 1,
                self.last_col,
                float(amount) if amount is not None else None,
                number_format=layout.amount_format(amount, t.currency) if amount is not None else "General",
            )
            self._span(r, 2, self.split, label, align="left" if label != label.lstrip() else "center")
            shown = format_amount(wan, t.currency)
            self.heights[r] = layout.row_height_for([(label, label_width), (shown, amount_width)])
            r += 1
        self._block_label(funding_first, r - 1, labels.funding_block)
        r = self._text_rows(project, r, "before_indicators")

        # 总体绩效目标: column header row plus one row per indicator.
        block_first = r
        for index, column in enumerate(t.columns, start=2):
            self._cell(r, index, column.label, font="bold")
        self.heights[r] = layout.row_height_for(
            [(c.label, self.widths[i]) for i, c in enumerate(t.columns, start=1)]
        )
        r += 1
        indicator_first = r
        keys = [c.key for c in t.columns]
        types = [c.type for c in t.columns]
        for indicator in project.indicators:
            texts: list[tuple[str, float]] = []
            for index, (key, kind) in enumerate(zip(keys, types, strict=True), start=2):
                value = column_text(indicator, key, t)
                number = _number_cell(indicator, key, kind)
                if number is not None:
                    # A number is a number in the workbook (it sums, Sichuan's exports have them),
                    # shown with the decimals entered.
                    self._cell(r, index, float(number), number_format=layout.amount_format(number))
                else:
                    self._cell(r, index, value, align="left" if kind in _LEFT_TYPES else "center")
                texts.append((value, self.widths[index - 1]))
            self.heights[r] = layout.row_height_for(texts)
            r += 1
        last = r - 1
        self._block_label(block_first, last, labels.indicator_block)
        group_cols = [keys.index(k) + 2 for k in ("level1", "level2") if k in keys]
        for key in ("level1", "level2"):
            if key in keys:
                self._merge_groups(project, indicator_first, keys.index(key) + 2, key)
        self._paginate(first, block_first, indicator_first, last, group_cols)
        r = self._text_rows(project, r, "after_indicators")
        self.row = r
        return first, r - 1

    def _text_rows(self, project: Project, r: int, place: str) -> int:
        """The form's text rows (年度目标, 财政部门审核意见): the label in A, the text across."""
        full = self._width(2, self.last_col)
        for spec in self.template.project_texts:
            if spec.place != place:
                continue
            text = (project.texts or {}).get(spec.key, "")
            self._cell(r, 1, spec.label, font="bold")
            self._span(r, 2, self.last_col, text, align="left")
            height = layout.row_height_for([(spec.label, self.widths[0]), (text, full)])
            # A row the bureau fills in by hand keeps room for a few lines.
            self.heights[r] = (
                height if place == "before_indicators" else max(height, 3 * layout.MIN_ROW_HEIGHT)
            )
            r += 1
        return r

    def _paginate(
        self, first: int, block_first: int, indicator_first: int, last: int, group_cols: list[int]
    ) -> None:
        """Break a table longer than a page where Excel and LibreOffice would, and make the
        continued page carry its labels: the merged 总体绩效目标 and 一级/二级 cells are split at
        the break and their text repeated, as the booklet's continued pages do (a merged cell cut
        by a page break prints its text on one side only). A page never carries a single row.
        """
        budget = self.page_budget
        used = sum(self.heights[r] for r in range(first, indicator_first))
        starts: list[int] = []
        r = indicator_first
        while r <= last:
            h = self.heights[r] + (layout.FINGERPRINT_HEIGHT if r == last else 0.0)
            if used + h > budget and r > (starts[-1] if starts else indicator_first):
                start = r
                # Keep at least two rows together on each side of the break.
                if last - start + 1 < 2 and start - 1 > (starts[-1] if starts else indicator_first):
                    start -= 1
                starts.append(start)
                used = sum(self.heights[x] for x in range(start, r + 1))
                r += 1
                continue
            used += h
            r += 1
        if not starts:
            return
        cuts = [s - 1 for s in starts]
        self.breaks.extend(cuts)
        columns = [1, *group_cols]
        kept: list[CellRange] = []
        for merge in self.merges:
            inside = merge.min_row >= block_first and merge.max_row <= last and merge.min_col in columns
            crossing = [s for s in starts if merge.min_row < s <= merge.max_row]
            if not (inside and crossing):
                kept.append(merge)
                continue
            placed = self.cells.get(
                (merge.min_row, merge.min_col), (None, ("body", "center", True, "General"))
            )
            bounds = [merge.min_row, *crossing, merge.max_row + 1]
            for top, end in pairwise(bounds):
                if top != merge.min_row:
                    self.cells[(top, merge.min_col)] = placed
                if end - 1 > top:
                    kept.append(
                        CellRange(min_col=merge.min_col, min_row=top, max_col=merge.max_col, max_row=end - 1)
                    )
                width = self.widths[merge.min_col - 1]
                self._fit_merged(top, end - 1, str(placed[0] or ""), width)
        self.merges[:] = kept

    def fingerprint(self, row: int, fingerprint: str) -> None:
        """Small print under the table, outside its borders: matches `kpi fingerprint --projects`."""
        text = f"{layout.FINGERPRINT_PREFIX} {fingerprint}"
        self.cells[(row, self.last_col)] = (text, ("small", "right", False, "General"))
        self.heights[row] = layout.FINGERPRINT_HEIGHT

    def flush(self, last: int) -> None:
        """Hand rows up to `last` (the table and its small print) to the sink and forget them."""
        self.sink.rows(self.cells, self.heights, last)
        self.cells = {}
        self.heights = {}

    def _block_label(self, first: int, last: int, text: str) -> None:
        self._cell(first, 1, text, font="bold")
        for row in range(first + 1, last + 1):
            self._border(row, 1)
        if last > first:
            self._merge(first, 1, last, 1)
        self._fit_merged(first, last, text, self.widths[0])

    def _merge_groups(self, project: Project, first_row: int, col: int, key: str) -> None:
        """Merge runs of the same 一级 (or the same 一级+二级) down their rows; blanks stay single."""

        def group(i: int) -> tuple[str, ...]:
            ind = project.indicators[i]
            return (ind.level1,) if key == "level1" else (ind.level1, ind.level2)

        n = len(project.indicators)
        start = 0
        while start < n:
            end = start
            while end + 1 < n and group(end + 1) == group(start):
                end += 1
            text = column_text(project.indicators[start], key, self.template)
            if end > start and text:
                self._merge(first_row + start, col, first_row + end, col)
                self._fit_merged(first_row + start, first_row + end, text, self.widths[col - 1])
            start = end + 1

    def _fit_merged(self, first: int, last: int, text: str, width: float) -> None:
        rows = list(range(first, last + 1))
        needed = layout.lines_height(layout.text_lines(text, width))
        grown = layout.spread_extra([self.heights[r] for r in rows], needed)
        self.heights.update(zip(rows, grown, strict=True))

    def finish(self, breaks_after: Sequence[int], first_page: int) -> None:
        ws = self.sink.ws
        ws.merged_cells.ranges.update(self.merges)
        for row in sorted({*breaks_after, *self.breaks}):
            ws.row_breaks.append(Break(id=row))
        setup = ws.page_setup
        setup.paperSize = _A4
        setup.orientation = "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.75, bottom=0.75, header=0.3, footer=0.35)
        # Numbered on from the sheet before, as the booklet is: the 目录 sheet names these pages.
        setup.firstPageNumber = first_page
        setup.useFirstPageNumber = True
        footer = ws.HeaderFooter.oddFooter.center
        footer.text = "- &P -"
        footer.font = self.template.print_font
        footer.size = 9


class _Sink(ABC):
    """Where laid-out rows go: cells, styles (registered once, then copied) and row heights."""

    def __init__(self, ws: Any, styles: dict[_StyleKey, StyleArray], fonts: dict[str, Font]) -> None:
        self.ws = ws
        self.styles = styles
        self.fonts = fonts

    def columns(self, widths: Sequence[float]) -> None:
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def styled(self, cell: Cell, key: _StyleKey) -> None:
        # Assigning Font/Border/Alignment objects hashes them against the workbook's style lists on
        # every cell, which dominated the export time; each combination is registered once and
        # its style ids copied after that (what openpyxl's own copy_worksheet does).
        style = self.styles.get(key)
        if style is None:
            font, align, border, number_format = key
            cell.font = self.fonts[font]
            cell.alignment = _ALIGNS[align]
            if border:
                cell.border = _BORDER
            cell.number_format = number_format
            self.styles[key] = copy(cell._style)
        else:
            cell._style = copy(style)

    @abstractmethod
    def rows(self, cells: dict[tuple[int, int], _Placed], heights: dict[int, float], last_row: int) -> None:
        """Write rows up to `last_row` from the placed cells, with their heights."""

    def close(self) -> None:  # noqa: B027  # a hook: only the streamed sheet has work left to do
        """The sheet is complete (tables, merges, page setup)."""


class _MemorySink(_Sink):
    """Into an ordinary worksheet (random access), for `build_workbook`."""

    def rows(self, cells: dict[tuple[int, int], _Placed], heights: dict[int, float], last_row: int) -> None:
        for (row, col), (value, key) in cells.items():
            cell: Cell = self.ws.cell(row=row, column=col)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # a 指标值 such as "=100%" is text, not a formula
            self.styled(cell, key)
        for row, height in heights.items():
            self.ws.row_dimensions[row].height = height


class _StreamSink(_Sink):
    """Appended row by row to a write-only worksheet: nothing of a written table stays in memory."""

    def __init__(self, ws: Any, styles: dict[_StyleKey, StyleArray], fonts: dict[str, Font]) -> None:
        super().__init__(ws, styles, fonts)
        self.next_row = 1

    def rows(self, cells: dict[tuple[int, int], _Placed], heights: dict[int, float], last_row: int) -> None:
        by_row: dict[int, dict[int, _Placed]] = {}
        for (row, col), cell_spec in cells.items():
            by_row.setdefault(row, {})[col] = cell_spec
        for row in range(self.next_row, last_row + 1):
            if row in heights:
                # Row attributes are written with the row: they must be set before it is appended.
                self.ws.row_dimensions[row].height = heights[row]
            line: list[object] = []
            placed_row = by_row.get(row, {})
            for col in range(1, (max(placed_row) if placed_row else 0) + 1):
                placed = placed_row.get(col)
                if placed is None:
                    line.append(None)
                    continue
                value, key = placed
                cell = WriteOnlyCell(self.ws, value)
                if isinstance(value, str):
                    cell.data_type = "s"
                self.styled(cell, key)
                line.append(cell)
            self.ws.append(line)
            self.ws.row_dimensions.pop(row, None)  # written with its row; keeping it costs memory
        self.next_row = last_row + 1

    def close(self) -> None:
        # Finishes the sheet's XML and closes its temporary file: a booklet has thousands of sheets.
        self.ws.close()
        # Written with the sheet; kept, the merges of 7,200 sheets alone held a quarter of a gigabyte.
        self.ws.merged_cells = MultiCellRange()
        self.ws.row_breaks = RowBreak()


# Columns of words, set left like 三级指标; the rest (指标性质, 度量单位, 权重 …) centred.
_LEFT_TYPES = ("name", "value", "explanation", "scoring", "text")
# Up to this many significant digits a decimal goes through a float and back unchanged.
_FLOAT_DIGITS = 15


def _number_cell(indicator: Indicator, key: str, kind: str) -> Decimal | None:
    """The number a 指标值 (number) or 权重 cell holds, when the workbook can hold it exactly."""
    if kind == "weight":
        number = indicator.weight
    elif kind == "number":
        target = (
            indicator.target
            if not key.startswith("period.")
            else (indicator.period.target if indicator.period is not None else None)
        )
        number = target.number if target is not None else None
    else:
        return None
    if number is None or len(number.as_tuple().digits) > _FLOAT_DIGITS:
        return None
    return number


def _select(
    booklet: Booklet, departments: Iterable[str] | None, project_ids: Iterable[str] | None
) -> list[tuple[Department, list[Project]]]:
    chosen = list(booklet.departments)
    if departments is not None:
        codes = list(departments)
        known = {d.code for d in chosen}
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValueError(f"没有这些单位编码：{'、'.join(unknown)}")
        wanted = set(codes)
        chosen = [d for d in chosen if d.code in wanted]
    ids = set(project_ids) if project_ids is not None else None
    if ids is not None:
        found = {p.id for d in chosen for p in d.projects}
        missing = sorted(ids - found)
        if missing:
            raise ValueError(f"所选范围内没有这些项目：{'、'.join(missing)}")
    # A department without projects gets no sheet, only its line in the metadata (whole
    # departments exported), so that it comes back on import.
    result = []
    for department in chosen:
        projects = [p for p in department.projects if ids is None or p.id in ids]
        if projects or ids is None:
            result.append((department, projects))
    if not any(projects for _, projects in result):
        raise ValueError("所选范围内没有可导出的项目")
    return result


def build_workbook(
    booklet: Booklet,
    *,
    template: FormTemplate | None = None,
    departments: Iterable[str] | None = None,
    project_ids: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> Workbook:
    """The export as an in-memory workbook (what `export_xlsx` streams to disk)."""
    wb = Workbook()
    assert wb.active is not None  # a new workbook always has one sheet
    wb.remove(wb.active)
    _fill(wb, _MemorySink, booklet, template, departments, project_ids, progress)
    return wb


def _fill(
    wb: Workbook,
    sink_type: type[_Sink],
    booklet: Booklet,
    template: FormTemplate | None,
    departments: Iterable[str] | None,
    project_ids: Iterable[str] | None,
    progress: Progress | None,
) -> None:
    template = template or load_template(booklet.template_id)
    selection = _select(booklet, departments, project_ids)
    total = sum(len(projects) for _, projects in selection)
    if progress is not None and progress(0, total) is False:
        raise ExportCancelled
    taken: set[str] = {layout.META_SHEET.casefold()}
    meta_departments: list[dict[str, Any]] = []
    meta_tables: list[dict[str, Any]] = []
    styles: dict[_StyleKey, StyleArray] = {}
    fonts = _fonts(template.print_font)
    whole = departments is None and project_ids is None
    front = _FrontSheets(wb, sink_type, styles, fonts, taken) if whole and _has_front(booklet) else None
    toc: _Sink | None = None
    if front is not None:
        front.cover(booklet)
        front.preface(booklet)
        # Created before the units' sheets (it comes first), filled after them (it names their pages).
        toc = front.toc_sheet()
    page = 1
    toc_entries: list[tuple[str, str, int]] = []
    done = 0
    for department, projects in selection:
        if not projects:
            meta_departments.append({"code": department.code, "name": department.name, "sheet": None})
            continue
        name = layout.sheet_name(department.code, department.name, taken)
        sink = sink_type(wb.create_sheet(name), styles, fonts)
        writer = _SheetWriter(sink, template, booklet.fiscal_year)
        meta_departments.append({"code": department.code, "name": department.name, "sheet": name})
        ends: list[int] = []
        first_page = page
        toc_entries.append((department.code, department.name, page))
        for index, project in enumerate(projects):
            breaks_before = len(writer.breaks)
            first, last = writer.table(project)
            page += 1 + len(writer.breaks) - breaks_before
            last += 1
            writer.fingerprint(last, project_fingerprint(project, department))
            writer.flush(last)
            ends.append(last)
            meta_tables.append(_table_meta(name, index, first, project, template))
            writer.row = last + 1
            done += 1
            if progress is not None and progress(done, total) is False:
                raise ExportCancelled
        writer.finish(ends[:-1], first_page)
        sink.close()
    if front is not None and toc is not None:
        front.toc(toc, toc_entries)
    meta = {
        "format": layout.META_FORMAT,
        "version": layout.META_VERSION,
        "fiscal_year": booklet.fiscal_year,
        "template_id": template.id,
        "template_version": booklet.template_version,
        "title": booklet.title,
        "compiler": booklet.compiler,
        "date": booklet.date,
        "preface_title": booklet.preface_title,
        "preface": [s.model_dump() for s in booklet.preface],
        "departments": meta_departments,
        "tables": meta_tables,
    }
    if front is not None:
        # Read back as what they are: front matter (kept above), not sheets without a table.
        meta["front_sheets"] = front.names
    _write_meta(wb, sink_type(wb.create_sheet(layout.META_SHEET), styles, fonts), meta)
    wb.active = 0


def _has_front(booklet: Booklet) -> bool:
    return any((booklet.title, booklet.compiler, booklet.date, booklet.preface_title, booklet.preface))


def _cover_lines(title: str) -> list[str]:
    """The cover title's lines: a newline breaks; a title too long for one line breaks after the
    年 that leaves the longer line shortest (``…西区2026年`` / ``区本级…``), as the PDF cover does."""
    lines = [line.strip() for line in title.splitlines() if line.strip()] or [""]
    room = layout.TABLE_WIDTH * layout.BODY_SIZE / layout.COVER_SIZE - layout.CELL_PADDING

    def units(text: str) -> float:
        return sum(layout.char_units(ch) for ch in text)

    if len(lines) != 1 or units(lines[0]) <= room:
        return lines
    text = lines[0]
    cuts = [i + 1 for i, ch in enumerate(text[:-1]) if ch == "年"]
    best = min(cuts, key=lambda at: max(units(text[:at]), units(text[at:])), default=None)
    return lines if best is None else [text[:best], text[best:]]


class _FrontSheets:
    """封面, 编制说明 and 目录 as printable sheets, laid out like the booklet's front pages."""

    WIDTH = 8  # columns the front pages span, each `COLUMN` wide
    COLUMN = layout.TABLE_WIDTH / 8

    def __init__(
        self,
        wb: Workbook,
        sink_type: type[_Sink],
        styles: dict[_StyleKey, StyleArray],
        fonts: dict[str, Font],
        taken: set[str],
    ) -> None:
        self.wb = wb
        self.sink_type = sink_type
        self.styles = styles
        self.fonts = fonts
        self.names: list[str] = []
        self.taken = taken

    def _sheet(self, name: str) -> _Sink:
        title = layout.sheet_name("", name, self.taken)
        sink = self.sink_type(self.wb.create_sheet(title), self.styles, self.fonts)
        self.names.append(title)
        ws = sink.ws
        sink.columns([self.COLUMN] * self.WIDTH)
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.sheet_view.showGridLines = False
        setup = ws.page_setup
        setup.paperSize = _A4
        setup.orientation = "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.75, bottom=0.75, header=0.3, footer=0.35)
        return sink

    def _line(
        self,
        cells: dict[tuple[int, int], _Placed],
        heights: dict[int, float],
        sink: _Sink,
        row: int,
        text: str,
        font: str,
        height: float,
        align: str = "center",
    ) -> None:
        cells[(row, 1)] = (_text(text), (font, "center" if align == "center" else "left", False, "General"))
        sink.ws.merged_cells.ranges.add(CellRange(min_col=1, min_row=row, max_col=self.WIDTH, max_row=row))
        heights[row] = height

    def cover(self, booklet: Booklet) -> None:
        sink = self._sheet("封面")
        cells: dict[tuple[int, int], _Placed] = {}
        heights: dict[int, float] = {1: 200}
        row = 2
        for line in _cover_lines(booklet.title):
            self._line(cells, heights, sink, row, line.strip(), "cover", 80)
            row += 1
        heights[row] = 220
        self._line(cells, heights, sink, row + 1, booklet.compiler, "cover2", 30)
        self._line(cells, heights, sink, row + 2, booklet.date, "cover2", 30)
        sink.rows(cells, heights, row + 2)
        sink.close()

    def preface(self, booklet: Booklet) -> None:
        if not (booklet.preface_title or booklet.preface):
            return
        sink = self._sheet("编制说明")
        cells: dict[tuple[int, int], _Placed] = {}
        heights: dict[int, float] = {}
        width = layout.TABLE_WIDTH
        self._line(cells, heights, sink, 1, booklet.preface_title, "h1", 44)
        row = 2
        for section in booklet.preface:
            self._line(cells, heights, sink, row, section.heading, "h2", 26, align="left")
            row += 1
            for paragraph in section.body.splitlines():
                if not paragraph.strip():
                    continue
                # First-line indent of two characters, as the booklet sets its paragraphs.
                text = "\u3000\u3000" + paragraph.strip()
                lines = layout.text_lines(text, width * layout.BODY_SIZE / layout.TEXT_SIZE)
                self._line(cells, heights, sink, row, text, "text", lines * 22 + 6, align="left")
                row += 1
        sink.rows(cells, heights, row - 1)
        sink.close()

    def toc_sheet(self) -> _Sink:
        return self._sheet("目录")

    def toc(self, sink: _Sink, entries: list[tuple[str, str, int]]) -> None:
        """`code  name ……… page`: the pages are the department sheets' printed page numbers."""
        cells: dict[tuple[int, int], _Placed] = {}
        heights: dict[int, float] = {}
        self._line(cells, heights, sink, 1, "目\u3000录", "h1", 44)
        for row, (code, name, page) in enumerate(entries, start=2):
            cells[(row, 1)] = (_text(code), ("text", "leader", False, "General"))
            # The name fills its cells with a dot leader up to the page number ("@*." repeats the dot).
            cells[(row, 2)] = (_text(name), ("text", "leader", False, "@*."))
            cells[(row, self.WIDTH)] = (page, ("text", "right", False, "General"))
            sink.ws.merged_cells.ranges.add(
                CellRange(min_col=2, min_row=row, max_col=self.WIDTH - 1, max_row=row)
            )
            heights[row] = 24
        sink.rows(cells, heights, len(entries) + 1)
        sink.close()


def _table_meta(sheet: str, index: int, row: int, project: Project, template: FormTemplate) -> dict[str, Any]:
    """What the visible table cannot carry: the id, review state, per-row targets, off-template
    columns, and amounts and text rows the form does not print (kept by a change of form)."""
    entry: dict[str, Any] = {
        "sheet": sheet,
        "index": index,
        "row": row,
        "id": project.id,
        "name": project.name,
    }
    printed = {spec.field for spec in template.funding_rows}
    unprinted = {
        name: str(value)
        for name in FUNDING_FIELDS
        if name not in printed and (value := project.funding.get(name)) is not None
    }
    if unprinted:
        entry["funding"] = unprinted
    text_keys = {spec.key for spec in template.project_texts}
    texts = {key: text for key, text in (project.texts or {}).items() if key not in text_keys}
    if texts:
        entry["texts"] = texts
    hidden: list[dict[str, Any]] = []
    for i, indicator in enumerate(project.indicators):
        full = indicator.model_dump(mode="json", exclude_none=True)
        if set(full) - {"level1", "level2", "name", "value", "extra"} or indicator.extra:
            hidden.append(
                {
                    "i": i,
                    "name": indicator.name,
                    "value": indicator.value,
                    "target": indicator.target.model_dump(mode="json") if indicator.target else None,
                    "extra": indicator.extra,
                    # The whole row (structured columns, 上年指标值 …): taken back when its printed
                    # cells are still what the sheet shows.
                    "indicator": full,
                }
            )
    if hidden:
        entry["rows"] = hidden
    if project.review is not None:
        entry["review"] = project.review.model_dump(mode="json")
    return entry


# Excel holds at most 32,767 characters in a cell; the JSON is cut into chunks down column A.
_CHUNK = 30000


def _write_meta(wb: Workbook, sink: _Sink, meta: dict[str, Any]) -> None:
    sink.ws.sheet_state = "hidden"
    text = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    cells: dict[tuple[int, int], _Placed] = {
        (n, 1): (_text(text[start : start + _CHUNK]), ("body", "left", False, "General"))
        for n, start in enumerate(range(0, len(text), _CHUNK), start=1)
    }
    sink.rows(cells, {}, len(cells))
    sink.close()


def _save(wb: Workbook, handle: BinaryIO) -> None:
    """openpyxl's save_workbook, but the zip is closed on failure too.

    Left open after a full disk, its __del__ tried to finish the zip into the closed temporary
    file at exit and printed a traceback after our one-line message.
    """
    archive = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(wb, archive).save()
    except BaseException:
        with suppress(Exception):
            archive.close()
        raise


def export_xlsx(
    booklet: Booklet,
    path: str | os.PathLike[str],
    *,
    template: FormTemplate | None = None,
    departments: Iterable[str] | None = None,
    project_ids: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> None:
    """Write the booklet (or the chosen departments / projects) as an official-layout workbook.

    Atomic: the workbook is written to a temporary file beside `path` and moved over it, so a
    failed or cancelled export leaves any existing file untouched and no temporary file behind.
    `progress(done, total)` is called per table; returning ``False`` raises `ExportCancelled`.
    Raises ``ValueError`` for an empty or unknown scope and ``OSError`` when the file cannot be written.
    """
    target = Path(path)
    wb = Workbook(write_only=True)
    try:
        with layout.collector_paused():
            _fill(wb, _StreamSink, booklet, template, departments, project_ids, progress)
        with atomic_output(target) as handle, layout.collector_paused():
            _save(wb, handle)
    finally:
        # Write-only sheets stream into temporary files of their own; saving removes them, a
        # failure or a cancel must too (openpyxl would only at the end of the process).
        for ws in wb.worksheets:
            writer = getattr(ws, "_writer", None)
            if writer is None:
                continue
            if not ws.closed:
                with suppress(Exception):  # a sheet cut short by a cancel: finish its stream
                    ws.close()
            Path(writer.out).unlink(missing_ok=True)

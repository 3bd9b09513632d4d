"""Read workbooks in the official layout: our own export losslessly, hand-made ones by their labels.

Cells are classified by what they say, not where they sit: a table starts at its title or its
项目名称 row; funding rows are found by their labels (any fiscal year, ASCII or full-width
punctuation, stray spaces); the indicator columns are mapped from the 一级指标 … 指标值 header row.
Merged 一级/二级 cells apply to every row they cover; unmerged blanks are filled down from above.
Whatever cannot be read, or had to be interpreted, goes into the report with its cell
(``Sheet1!D14``); nothing is dropped in silence.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

import openpyxl
from openpyxl.utils.cell import get_column_letter, range_boundaries
from pydantic import ValidationError

from kpi_editor.domain.bounds import BoundsError, parse_amount, parse_int, plain_decimal
from kpi_editor.domain.currency import from_currency
from kpi_editor.domain.model import (
    FUNDING_FIELDS,
    MAX_AMOUNT,
    MAX_DECIMALS,
    Booklet,
    Department,
    Funding,
    Indicator,
    PrefaceSection,
    Project,
    Target,
    new_id,
)
from kpi_editor.domain.review import ProjectReview
from kpi_editor.domain.targets import column_text, date_text, excel_serial_date, row_from_cells, template_hint
from kpi_editor.domain.template import (
    Currency,
    FormTemplate,
    TemplateError,
    available_templates,
    load_template,
)
from kpi_editor.io.errors import FileFormatError, clip
from kpi_editor.io.xlsx import guard, layout
from kpi_editor.io.xlsx.meta import Meta, MetaError, parse_meta

IssueKind = Literal["error", "guess"]


@dataclass(frozen=True)
class XlsxImportIssue:
    """One cell that could not be read (``error``: left empty or skipped) or was interpreted (``guess``)."""

    cell: str  # Sheet1!D14, or a sheet name for the sheet as a whole
    message: str
    kind: IssueKind = "error"

    def __str__(self) -> str:
        return f"{self.cell}：{self.message}"


@dataclass
class XlsxImportReport:
    path: str
    issues: list[XlsxImportIssue] = field(default_factory=list)
    sheets: int = 0  # worksheets that held at least one table
    tables: int = 0
    own_export: bool = False  # the workbook carried our hidden metadata

    def add(self, cell: str, message: str, kind: IssueKind = "error") -> None:
        self.issues.append(XlsxImportIssue(cell, message, kind))

    @property
    def errors(self) -> list[XlsxImportIssue]:
        return [i for i in self.issues if i.kind == "error"]

    @property
    def guesses(self) -> list[XlsxImportIssue]:
        return [i for i in self.issues if i.kind == "guess"]

    def cells(self) -> list[str]:
        return [i.cell for i in self.issues]


# A row holds an indicator when one of these is filled in (not only its preset drop-downs).
_SUBSTANCE = ("name", "value", "number", "period.value", "period.number")
_BLOCK_ALIASES = ("项目资金来源", "总体绩效目标", "年度绩效指标", "年度绩效目标")
_EMPTY_AMOUNTS = {"-", "—", "–", "--", "/", "无"}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# Characters of an amount's text: 15 digits and 6 decimals in 万元, 19 and 2 in 元, with a sign.
_AMOUNT_TEXT_MAX = 24
_UNIT_CODE = re.compile(r"(\d{6})\s*[-－—–]\s*(\S.*)", re.DOTALL)
_SHEET_CODE = re.compile(r"\s*(\d{6})\s*(.*)", re.DOTALL)
_YEAR = re.compile(r"(\d{4})年")


def _key(text: str) -> str:
    """A header or label as compared: folded, no spaces, no parenthetical, no trailing colon."""
    return re.sub(r"\(.*?\)", "", layout.normalize_label(text))


def _plain(d: Decimal) -> Decimal:
    """Trailing zeros dropped without switching to exponent form (100 stays 100, not 1E+2)."""
    return plain_decimal(d)


def _number_text(value: float | int, number_format: str) -> str:
    d = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    if not d.is_finite():
        return repr(value)  # a cell holding inf or nan: shown as it is, never computed with
    if "%" in number_format:
        return f"{_plain(d * 100):f}%"
    return f"{_plain(d):f}"


# -- one worksheet, read once ---------------------------------------------------------------------


@dataclass
class _Sheet:
    title: str
    values: dict[tuple[int, int], Any]
    formats: dict[tuple[int, int], str]
    covered: dict[tuple[int, int], tuple[int, int]]  # a merged cell → the top-left cell holding the value
    rows: dict[int, list[int]]  # row → columns with a value of their own, in order
    spans: dict[tuple[int, int], int] = field(default_factory=dict)  # merge top-left → its last row

    def ref(self, row: int, col: int) -> str:
        return f"{self.title}!{get_column_letter(col)}{row}"

    def release(self) -> None:
        """Drop the cells once the sheet's tables are read: tables keep only the title."""
        self.values, self.formats, self.covered, self.rows, self.spans = {}, {}, {}, {}, {}

    def at(self, row: int, col: int) -> tuple[Any, str]:
        """The value shown at a cell and how it got there: ``own``, ``down`` (merged from above) or ``across``."""
        origin = self.covered.get((row, col))
        if origin is None:
            return self.values.get((row, col)), "own"
        if origin[0] == row:
            return None, "across"
        return self.values.get(origin), "down"


def _meta_text(wb: Any) -> str | None:
    """The hidden metadata sheet's text (our own export), or None."""
    if layout.META_SHEET not in wb.sheetnames:
        return None
    ws = wb[layout.META_SHEET]
    ws.reset_dimensions()
    chunks: list[str] = []
    for row in ws.iter_rows(max_col=1):
        for cell in row:
            if cell.value is not None and cell.data_type != "f":
                chunks.append(str(cell.value))
    return "".join(chunks)


def _read_sheet(path: Path, ws: Any, scan: guard.WorkbookScan) -> tuple[_Sheet, dict[tuple[int, int], str]]:
    """One worksheet as plain values, and its formulas (replaced by their cached results later)."""
    # The declared <dimension> is not trusted: read-only openpyxl pads every row to its width.
    ws.reset_dimensions()
    values: dict[tuple[int, int], Any] = {}
    formats: dict[tuple[int, int], str] = {}
    formulas: dict[tuple[int, int], str] = {}
    last = 0
    rows = ws.iter_rows()
    while True:
        try:
            row = next(rows, None)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            # openpyxl parses a row at a time: a number cell holding "abc", a style index that does
            # not exist. Excel refuses such a file too; say where it went wrong.
            place = f"{ws.title}!第{last + 1}行附近"
            detail = " ".join(str(exc).split())[:80]
            raise FileFormatError(
                path,
                f"单元格内容已损坏（{type(exc).__name__}: {detail}），无法读取；请在 Excel 或 WPS 中打开检查后另存为 .xlsx",
                place=place,
            ) from exc
        if row is None:
            break
        for cell in row:
            value = cell.value
            if value is None:
                continue
            coord = (cell.row, cell.column)
            last = cell.row
            if cell.data_type == "f":
                formulas[coord] = str(getattr(value, "text", value))
                continue
            if isinstance(value, str) and not value:
                continue
            values[coord] = value
            if isinstance(value, int | float) and not isinstance(value, bool):
                formats[coord] = cell.number_format
    part = str(getattr(ws, "_worksheet_path", "")).lstrip("/")
    info = scan.parts.get(part)
    sheet = _Sheet(ws.title, values, formats, {}, {})
    _cover(path, sheet, info.merges if info else [], formulas, scan.cell_limit)
    return sheet, formulas


def _index_rows(sheet: _Sheet) -> None:
    rows: dict[int, list[int]] = {}
    for r, c in sorted(sheet.values):
        rows.setdefault(r, []).append(c)
    sheet.rows = rows


def _unreadable(path: Path, exc: Exception, place: str | None = None) -> FileFormatError:
    detail = " ".join(str(exc).split())[:120]
    return FileFormatError(path, f"工作簿内容无法解析：{type(exc).__name__}: {detail}", place=place)


def _open(path: Path, *, data_only: bool) -> Any:
    try:
        # Read-only mode streams the sheets; normal mode spends seconds rebuilding merged-cell borders.
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except Exception as exc:  # openpyxl raises many types on a malformed workbook
        raise FileFormatError(path, _open_failure(path, exc)) from exc


def _open_failure(path: Path, exc: Exception) -> str:
    """Why openpyxl could not open it, in words a clerk can act on (its own text is English)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        return (
            f"扩展名为“{suffix or '（无）'}”，不是 Excel 工作簿（.xlsx）；"
            "若这是 Excel 文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入"
        )
    detail = " ".join(str(exc).split())[:120]
    return (
        "工作簿结构不完整或已损坏，无法打开；请在 Excel 或 WPS 中打开后“另存为” .xlsx 再导入"
        f"（详情：{type(exc).__name__}: {detail}）"
    )


def _cover(
    path: Path, sheet: _Sheet, merges: list[str], formulas: dict[tuple[int, int], str], budget: int
) -> None:
    used = list(sheet.values) + list(formulas)
    if not used:
        return
    max_row = max(r for r, _ in used)
    max_col = max(c for _, c in used)
    for ref in merges:
        try:
            min_col, min_row, end_col, end_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if min_col is None or min_row is None or end_col is None or end_row is None:
            continue
        # A merge may run to the sheet's last row; only the part holding data matters.
        end_row, end_col = min(end_row, max_row), min(end_col, max_col)
        budget -= max(0, end_row - min_row + 1) * max(0, end_col - min_col + 1)
        if budget < 0:
            raise FileFormatError(path, "合并单元格过多，拒绝读取。", place=sheet.title)
        sheet.spans[(min_row, min_col)] = end_row
        for r in range(min_row, end_row + 1):
            for c in range(min_col, end_col + 1):
                if (r, c) != (min_row, min_col):
                    sheet.covered[(r, c)] = (min_row, min_col)


def _resolve_formulas(
    path: Path, values_wb: Any, sheet: _Sheet, formulas: dict[tuple[int, int], str], report: XlsxImportReport
) -> None:
    """Replace each formula by the result Excel saved with it; a formula without one is reported."""
    wanted = set(formulas)
    found: dict[tuple[int, int], Any] = {}
    try:
        ws = values_wb[sheet.title]
        ws.reset_dimensions()
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:  # read-only EmptyCells carry no coordinates
                    continue
                coord = (cell.row, cell.column)
                if coord in wanted:
                    found[coord] = (cell.value, cell.number_format)
    except Exception as exc:  # openpyxl raises many types on a malformed part
        raise _unreadable(path, exc, sheet.title) from exc
    for coord, formula in sorted(formulas.items()):
        hit = found.get(coord)
        if hit is None:
            report.add(
                sheet.ref(*coord),
                f"公式“{clip(formula, 40)}”没有保存计算结果，无法读取其值。请在 Excel 中打开并保存该文件，或改为直接填写数值。",
            )
            continue
        value, number_format = hit
        sheet.values[coord] = value
        if isinstance(value, int | float) and not isinstance(value, bool):
            sheet.formats[coord] = number_format


# -- tables ---------------------------------------------------------------------------------------


@dataclass
class _Table:
    sheet: _Sheet
    first_row: int
    name: str | None = None
    unit_name: str | None = None
    funding: dict[str, Decimal | None] = field(default_factory=dict)
    header: dict[int, str] | None = None  # column → template column key
    indicators: list[Indicator] = field(default_factory=list)
    # (fiscal year a label implies, cell, label) — checked once the booklet's year is known
    years: list[tuple[int, str, str]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # the form's text rows (年度目标 …)

    @property
    def ref(self) -> str:
        return f"{self.sheet.title}!A{self.first_row}"


class _Labels:
    """The template's labels as the importer compares them."""

    def __init__(self, template: FormTemplate) -> None:
        self.template = template
        labels = template.labels
        self.title = _key(labels.title)
        self.project = layout.normalize_label(labels.project_name)
        self.unit = {layout.normalize_label(labels.unit), "部门(单位)", "单位名称", "部门(单位)名称"}
        self.source = _key(labels.funding_source)
        self.blocks = {_key(labels.funding_block), _key(labels.indicator_block)} | {
            _key(b) for b in _BLOCK_ALIASES
        }
        self.amount = self._pattern(labels.funding_amount)
        self.funding = [(row.field, self._pattern(row.label)) for row in template.funding_rows]
        self.columns: dict[str, str] = {_key(c.label): c.key for c in template.columns}
        self.columns.setdefault("指标值", "number" if template.structured else "value")
        self.texts = {_key(t.label): t.key for t in template.project_texts}

    @staticmethod
    def _pattern(label: str) -> re.Pattern[str]:
        text = re.escape(_strip_among(layout.normalize_label(label)))
        text = text.replace(r"\{year\}", r"(?P<year>\d{4})").replace(r"\{prev_year\}", r"(?P<prev>\d{4})")
        return re.compile(text)

    def funding_field(self, text: str) -> tuple[str, int | None] | None:
        """The funding field a row label names, and the fiscal year its year implies."""
        key = _strip_among(layout.normalize_label(text))
        for name, pattern in self.funding:
            match = pattern.fullmatch(key)
            if match:
                return name, _implied_year(match)
        return None

    def amount_year(self, text: str) -> int | None:
        match = self.amount.fullmatch(layout.normalize_label(text))
        if match:
            return _implied_year(match)
        found = _YEAR.search(layout.normalize_label(text))
        return int(found.group(1)) if found else None


def _strip_among(key: str) -> str:
    # 其中：marks a sub-row; clerks drop it or write it with an ASCII colon.
    return key.removeprefix("其中:").removeprefix("其中")


def _implied_year(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("prev"):
        return int(groups["prev"]) + 1
    return None


class _SheetParser:
    def __init__(self, sheet: _Sheet, labels: _Labels, report: XlsxImportReport, *, own: bool) -> None:
        self.sheet = sheet
        self.labels = labels
        self.report = report
        self.own = own  # our own export: texts exact, blank label cells really blank
        self.tables: list[_Table] = []
        self.table: _Table | None = None
        self.block_end = 0  # last row of an indicator block already read as a whole

    def text(self, value: Any, ref: str) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value if self.own else value.strip()
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, int | float):
            return _number_text(value, "")
        if isinstance(value, dt.datetime | dt.date):
            shown = f"{value.year}年{value.month}月{value.day}日"
            self.report.add(ref, f"日期单元格已按“{shown}”读取为文字", "guess")
            return shown
        return str(value)

    def cell_text(self, row: int, col: int) -> str:
        value = self.sheet.values.get((row, col))
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _number_text(value, self.sheet.formats.get((row, col), ""))
        return self.text(value, self.sheet.ref(row, col))

    def parse(self) -> list[_Table]:
        for row, cols in self.sheet.rows.items():
            if row > self.block_end:
                self.row(row, cols)
        self.close()
        return self.tables

    def start(self, row: int) -> _Table:
        self.close()
        self.table = _Table(self.sheet, row)
        return self.table

    def close(self) -> None:
        table = self.table
        self.table = None
        if table is None:
            return
        if table.name is None and table.unit_name is None and not table.funding and table.header is None:
            # A heading over several tables, not a table of its own.
            self.report.add(table.ref, "此标题下没有表格内容，已忽略", "guess")
            return
        self.tables.append(table)

    def row(self, row: int, cols: list[int]) -> None:
        labels = self.labels
        present = [(c, t) for c in cols if (t := self.cell_text(row, c)).strip()]
        # Block labels (项目资金来源, 总体绩效目标) stand in column A of any row; they classify nothing.
        cells = [(c, t) for c, t in present if _key(t) not in labels.blocks]
        if not cells:
            return
        col, text = cells[0]
        if len(cells) == 1 and text.startswith(layout.FINGERPRINT_PREFIX + " "):
            return  # our small print under a table, not content
        key = layout.normalize_label(text)
        table = self.table
        if len(cells) == 1 and (_key(text) == labels.title or key.endswith(("绩效目标表", "绩效目标申报表"))):
            self.start(row)
            return
        if table is not None and col == 1 and _key(text) in labels.texts:
            # A text row of the form (年度目标, 财政部门审核意见): its label in A, the text across.
            table.texts[labels.texts[_key(text)]] = self.value_after(row, col, present)
            return
        inline = self.inline(text, {labels.project})
        if key == labels.project or inline is not None:
            if table is None or table.name is not None or table.header is not None:
                table = self.start(row)
            table.name = inline if inline is not None else self.value_after(row, col, present)
            return
        inline = self.inline(text, labels.unit)
        if key in labels.unit or inline is not None:
            if table is None or table.header is not None:
                table = self.start(row)
            table.unit_name = inline if inline is not None else self.value_after(row, col, present)
            return
        if table is not None and table.header is not None:
            self.indicator(table, row, cols)
            return
        if table is not None and any(_key(t) == labels.source for _, t in cells):
            for c, t in cells:
                if _key(t) != labels.source:
                    year = labels.amount_year(t)
                    if year is not None:
                        table.years.append((year, self.sheet.ref(row, c), t.strip()))
            return
        funding = labels.funding_field(text)
        if table is not None and funding is not None:
            self.funding(table, row, [(c, t) for c, t in present if c >= col], funding)
            return
        if table is not None and _key(text) in labels.columns and self.header(table, row, cells):
            return
        for c, t in cells:
            self.report.add(self.sheet.ref(row, c), f"无法识别的内容“{clip(t, 21)}”，已忽略")

    @staticmethod
    def inline(text: str, labels: set[str]) -> str | None:
        """``项目名称：某项目`` written in one cell: the part after the colon."""
        folded = unicodedata.normalize("NFKC", text)
        head, colon, rest = folded.partition(":")
        if colon and re.sub(r"\s+", "", head) in labels and rest.strip():
            return text.split("：" if "：" in text else ":", 1)[1].strip()
        return None

    def value_after(self, row: int, label_col: int, present: list[tuple[int, str]]) -> str:
        """The first filled cell right of a label; anything further right is reported."""
        after = [(c, t) for c, t in present if c > label_col]
        for c, t in after[1:]:
            self.report.add(self.sheet.ref(row, c), f"多余的内容“{clip(t, 21)}”，已忽略")
        return after[0][1] if after else ""

    def funding(
        self, table: _Table, row: int, cells: list[tuple[int, str]], found: tuple[str, int | None]
    ) -> None:
        name, year = found
        label_col, label = cells[0]
        ref = self.sheet.ref(row, label_col)
        if year is not None:
            table.years.append((year, ref, label.strip()))
        if name in table.funding:
            self.report.add(ref, f"资金来源“{label.strip()}”重复出现，此行金额未读取；请核对行标签")
            return
        for c, t in cells[2:]:
            self.report.add(self.sheet.ref(row, c), f"多余的内容“{clip(t, 21)}”，已忽略")
        if len(cells) == 1:
            table.funding[name] = None
            return
        col = cells[1][0]
        table.funding[name] = self.amount(row, col)

    def amount(self, row: int, col: int) -> Decimal | None:
        value = self.sheet.values.get((row, col))
        ref = self.sheet.ref(row, col)
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
            if not number.is_finite():
                self.report.add(ref, f"无法识别的金额“{value}”，已留空；请填写以万元为单位的数字")
                return None
            if abs(number) >= MAX_AMOUNT:
                self._too_large(ref, value)
                return None
            currency = self.labels.template.currency
            if currency.unit == "元":
                return _yuan_from_number(value, ref, self.report)
            return _amount_from_number(value, self.sheet.formats.get((row, col), "General"), ref, self.report)
        if isinstance(value, str):
            amount = _amount_from_text(value, ref, self.report, self.labels.template.currency)
            if amount is not None and abs(amount) >= MAX_AMOUNT:
                self._too_large(ref, value)
                return None
            return amount
        self.report.add(ref, f"无法识别的金额“{value}”，已留空")
        return None

    def _too_large(self, ref: str, value: object) -> None:
        # The model refuses these; a typo of units or digits, not a budget.
        self.report.add(ref, f"金额过大（“{clip(str(value), 21)}”万元），已留空；请检查单位与位数")

    def header(self, table: _Table, row: int, cells: list[tuple[int, str]]) -> bool:
        mapping = {c: self.labels.columns[_key(t)] for c, t in cells if _key(t) in self.labels.columns}
        if "name" not in mapping.values():
            return False
        for c, t in cells:
            if c not in mapping:
                self.report.add(self.sheet.ref(row, c), f"表头“{clip(t, 21)}”不是本表样的列，此列内容不读取")
        if "value" not in mapping.values() and "number" not in mapping.values():
            self.report.add(self.sheet.ref(row, cells[0][0]), "表头缺少“指标值”列，指标值未读取")
        table.header = mapping
        end = self.sheet.spans.get((row, 1))
        if self.own and end is not None:
            # Our export merges 总体绩效目标 down exactly its indicator rows: each row is one
            # indicator, even one with every cell blank. A table that runs onto another page has
            # the merge cut there and 总体绩效目标 written again: the block goes on below.
            start = row + 1
            while True:
                for r in range(start, end + 1):
                    self.indicator(table, r, self.sheet.rows.get(r, []))
                below = end + 1
                if _key(self.cell_text(below, 1)) not in self.labels.blocks or below not in self.sheet.rows:
                    break
                if self.labels.funding_field(self.cell_text(below, 2)) is not None:
                    break
                start, end = below, self.sheet.spans.get((below, 1), below)
            self.block_end = end
        return True

    def number_text(self, row: int, col: int, key: str, shown: str) -> str:
        """A 指标值 or 权重 number as its cell shows it: 95.50 in a ``0.00`` cell is 95.50."""
        if key.removeprefix("period.") not in ("number", "weight"):
            return shown
        decimals = layout.format_decimals(self.sheet.formats.get((row, col), "General"))
        if decimals is None or decimals > MAX_DECIMALS:
            return shown
        try:
            number = Decimal(shown)
        except InvalidOperation:
            return shown
        step = Decimal(1).scaleb(-decimals)
        return f"{number.quantize(step):f}" if number.quantize(step) == number else shown

    def real_table_cells(
        self,
        row: int,
        header: dict[int, str],
        texts: dict[str, str],
        numbers: dict[str, int | float],
        level2: str,
    ) -> None:
        """What hand-made and published tables put in indicator cells, read as meant and reported:
        Excel serial dates in 时效 rows, ASCII comparators, a form's 填写提示 left in a name."""
        template = self.labels.template
        time_row = template.kind_of(level2.strip()) == "time"
        for key in ("value", "number", "period.value", "period.number"):
            if key not in numbers or not time_row:
                continue
            date = excel_serial_date(numbers[key])
            if date is not None:
                texts[key] = date_text(date)
                ref = self.sheet.ref(row, _key_column(header, key))
                self.report.add(ref, f"日期以Excel序号 {numbers[key]} 保存，已按 {texts[key]} 读取", "guess")
        for key in ("value", "period.value"):
            text = texts.get(key, "")
            plain = text.replace(">=", "≥").replace("<=", "≤").replace("=>", "≥").replace("=<", "≤")
            if plain != text:
                texts[key] = plain
                ref = self.sheet.ref(row, _key_column(header, key))
                self.report.add(ref, f"指标值“{clip(text, 21)}”中的 >=、<= 已改为 ≥、≤", "guess")
        hint = template_hint(texts.get("name", ""))
        if hint is not None:
            ref = self.sheet.ref(row, _key_column(header, "name"))
            self.report.add(ref, f"三级指标中留有表样的填写提示“{hint}”，请删去并把目标写在指标值中", "guess")

    def indicator(self, table: _Table, row: int, cols: list[int]) -> None:
        assert table.header is not None
        header = table.header
        for c in cols:
            if c not in header:
                t = self.cell_text(row, c)
                if t.strip() and _key(t) not in self.labels.blocks:
                    self.report.add(self.sheet.ref(row, c), f"表格之外的内容“{clip(t, 21)}”，已忽略")
        texts: dict[str, str] = {}
        own_label: dict[str, int] = {}
        numbers: dict[str, int | float] = {}
        for c, key in header.items():
            value, how = self.sheet.at(row, c)
            if how == "own" and value is not None and isinstance(value, int | float):
                texts[key] = self.cell_text(row, c)
                if not isinstance(value, bool):
                    numbers[key] = value
                    texts[key] = self.number_text(row, c, key, texts[key])
            else:
                texts[key] = self.text(value, self.sheet.ref(row, c))
            if how == "own" and texts[key] and key in ("level1", "level2"):
                own_label[key] = c
        content = any(v for k, v in texts.items() if k not in ("level1", "level2"))
        # In a hand-made sheet a row with only a category is a stray label, not an indicator.
        if not content and not self.own:
            for c in own_label.values():
                self.report.add(self.sheet.ref(row, c), "该行只有指标类别，没有三级指标和指标值，已忽略")
            return
        if not self.own and not any(texts.get(k) for k in _SUBSTANCE):
            # A form's blank row with its drop-downs preset (≥, %, a weight): nothing was filled in.
            first = next(c for c, k in header.items() if texts.get(k) and k not in ("level1", "level2"))
            self.report.add(
                self.sheet.ref(row, first), "表样的空白行（没有三级指标和指标值），已跳过", "guess"
            )
            return
        previous = table.indicators[-1] if table.indicators else None
        level1 = texts.get("level1", "")
        level2 = texts.get("level2", "")
        if not self.own and previous is not None:
            # Hand-made sheets often leave the cells under a group label blank instead of merging.
            new_group = "level1" in own_label and level1 != previous.level1
            if not level1 and "level1" in header.values():
                level1 = previous.level1
            if not level2 and not new_group and "level2" in header.values():
                level2 = previous.level2
        for key, text in (("level1", level1), ("level2", level2)):
            if not text and key in header.values() and not self.own:
                col = next(c for c, k in header.items() if k == key)
                what = "一级指标" if key == "level1" else "二级指标"
                self.report.add(self.sheet.ref(row, col), f"{what}为空，请补填")
        if not self.own:
            self.real_table_cells(row, header, texts, numbers, level2)
        indicator, problems = row_from_cells(
            {**texts, "level1": level1, "level2": level2}, self.labels.template
        )
        for key, why in problems:
            col = next(c for c, k in header.items() if k == key)
            self.report.add(self.sheet.ref(row, col), f"{why}（此格未读取）")
        table.indicators.append(indicator)


def _key_column(header: dict[int, str], key: str) -> int:
    return next(c for c, k in header.items() if k == key)


def _amount_from_number(
    value: float | int, number_format: str, ref: str, report: XlsxImportReport
) -> Decimal:
    rounded = Decimal(value) if isinstance(value, int) else Decimal(str(round(value, MAX_DECIMALS)))
    if isinstance(value, float) and abs(Decimal(repr(value)) - rounded) > Decimal("1e-9"):
        report.add(ref, f"金额 {value!r} 超过{MAX_DECIMALS}位小数，已四舍五入为 {_plain(rounded)}", "guess")
    if "%" in number_format:
        report.add(ref, "金额单元格是百分比格式，已按数值本身（万元）读取", "guess")
    decimals = layout.format_decimals(number_format)
    if decimals is not None and decimals <= MAX_DECIMALS:
        step = Decimal(1).scaleb(-decimals)
        if rounded.quantize(step) == rounded:
            # The decimals shown are the decimals entered (our export writes 25.0 as 25 with "0.0").
            return rounded.quantize(step)
    return _plain(rounded)


def _yuan_from_number(value: float | int, ref: str, report: XlsxImportReport) -> Decimal:
    """A number in 元 (a form in 元, 3309840 or 3309840.5) as 万元, exactly; 分 is the smallest part."""
    yuan = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    cents = yuan.quantize(Decimal("0.01"))
    if cents != yuan:
        report.add(ref, f"金额 {value!r} 元超过2位小数（分），已四舍五入为 {cents} 元", "guess")
    return from_currency(cents, Currency(unit="元"))


def _amount_from_text(
    text: str, ref: str, report: XlsxImportReport, currency: Currency | None = None
) -> Decimal | None:
    """A funding cell written as text, in the form's unit unless it names its own (万元, 元)."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not folded:
        return None
    if folded in _EMPTY_AMOUNTS:
        report.add(ref, f"金额“{clip(text, 21)}”按空白读取", "guess")
        return None
    form_unit = currency.unit if currency is not None else "万元"
    unit = form_unit
    number = folded
    if number.endswith("万元"):
        number, unit = number[:-2], "万元"
    elif number.endswith("万"):
        number, unit = number[:-1], "万元"
    elif number.endswith("元"):
        number, unit = number[:-1], "元"
    number = number.replace(",", "")
    if not _NUMBER.fullmatch(number):
        report.add(ref, f"无法识别的金额“{clip(text, 21)}”，已留空；请填写以{form_unit}为单位的数字")
        return None
    # Measured before it is converted: a million digits would overflow the first abs(), thirty
    # the quantize() to 分. No budget has that many digits.
    if len(number) > _AMOUNT_TEXT_MAX:
        report.add(ref, f"金额过大（“{clip(text, 21)}”{form_unit}），已留空；请检查单位与位数")
        return None
    try:
        amount = Decimal(number)
    except InvalidOperation:
        report.add(ref, f"无法识别的金额“{clip(text, 21)}”，已留空")
        return None
    if unit == "元":
        cents = amount.quantize(Decimal("0.01"))
        amount = from_currency(cents, Currency(unit="元"))
        if form_unit != "元" or cents != Decimal(number):
            # 3,309,840.00元 in a 万元 form is 330.984 万元 exactly; the clerk is told.
            report.add(ref, f"金额“{clip(text, 21)}”以元填写，已精确换算为 {amount} 万元", "guess")
        return amount
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        amount = amount.quantize(Decimal(1).scaleb(-MAX_DECIMALS))
        report.add(ref, f"金额“{clip(text, 21)}”超过{MAX_DECIMALS}位小数，已四舍五入为 {amount}", "guess")
    elif number != text:
        report.add(ref, f"金额以文字“{clip(text, 21)}”填写，已按 {amount} 万元读取", "guess")
    return amount


# -- metadata of our own export -------------------------------------------------------------------


def _read_meta(text: str | None, report: XlsxImportReport) -> Meta | None:
    if not text:
        return None
    try:
        return parse_meta(text)
    except MetaError as exc:
        report.add(
            layout.META_SHEET,
            f"隐藏的编辑器数据无法读取（{exc}），已按普通工作簿导入（单位编码等需核对）",
            "guess",
        )
        return None


def _meta_project_id(meta: Meta, sheet: str, index: int, name: str, used: set[str]) -> str | None:
    entry = meta.tables.get((sheet, index))
    if entry is None or entry.name != name:
        # Moved within its sheet: the first unused entry of that name (indexed, not searched).
        entry = next((t for t in meta.by_name.get((sheet, name), []) if t.id not in used), None)
    if entry is None:
        return None
    return entry.id if entry.id not in used else None


def _printed_alike(a: Indicator, b: Indicator, template: FormTemplate) -> bool:
    return all(column_text(a, c.key, template) == column_text(b, c.key, template) for c in template.columns)


def _restore_hidden(
    meta: Meta, sheet: str, index: int, project: Project, template: FormTemplate, report: XlsxImportReport
) -> None:
    entry = meta.tables.get((sheet, index))
    if entry is None or entry.name != project.name:
        return
    indicators = project.indicators
    for name, text in entry.funding.items():
        # Only where the sheet has no such row: what the sheet prints wins.
        if name in FUNDING_FIELDS and project.funding.get(name) is None:
            try:
                setattr(project.funding, name, parse_amount(text))
            except BoundsError:
                report.add(
                    f"{sheet}!A1",
                    f"项目“{clip(project.name, 21)}”未打印的金额“{clip(text, 21)}”无法读取，未导入",
                    "guess",
                )
    texts = {key: text for key, text in entry.texts.items() if key not in (project.texts or {})}
    if texts:
        project.texts = {**(project.texts or {}), **texts}
    if entry.review is not None:
        try:
            project.review = ProjectReview.model_validate(entry.review)
        except ValidationError:
            report.add(
                f"{sheet}!A1", f"项目“{clip(project.name, 21)}”的审核状态和意见无法读取，未导入", "guess"
            )
    for hidden in entry.rows:
        if hidden.i >= len(indicators):
            continue
        indicator = indicators[hidden.i]
        problem = (
            f"项目“{clip(project.name, 21)}”第{hidden.i + 1}行的隐藏数据（结构化指标值等）无法读取，未导入"
        )
        if hidden.indicator is not None:
            # The whole row as saved (structured forms): kept when it prints as the visible row.
            try:
                whole = Indicator.model_validate(hidden.indicator)
            except ValidationError:
                # Damaged: the row's other hidden parts are still tried below; said once.
                report.add(f"{sheet}!A1", problem, "guess")
                problem = ""
            else:
                if _printed_alike(whole, indicator, template):
                    indicators[hidden.i] = whole
                continue  # edited or moved since: what is visible wins
        if indicator.name != hidden.name or indicator.value != hidden.value:
            continue  # the row was edited or moved: what is visible wins
        if hidden.target is not None:
            try:
                indicator.target = Target.model_validate(hidden.target)
            except ValidationError:
                if problem:
                    report.add(f"{sheet}!A1", problem, "guess")
        indicator.extra = {**hidden.extra, **indicator.extra}


# -- the whole workbook ---------------------------------------------------------------------------


def import_xlsx(
    path: str | os.PathLike[str], *, fiscal_year: int | None = None, template_id: str = "xiqu-2026"
) -> tuple[Booklet, XlsxImportReport]:
    """Read a workbook in the official layout into a booklet, with a report of every doubtful cell.

    Our own export (recognised by its hidden metadata sheet) comes back exactly, with its template,
    codes, project ids and front matter. Other workbooks: the fiscal year is `fiscal_year` or read
    from the funding labels; unit codes come from sheet names starting with six digits or unit names
    that start with one (820001-某镇人民政府), or are assigned 000001… in order (reported).
    `template_id` ``auto`` recognises the form from the indicator header row (reported). Raises `FileFormatError` for a file that is not a readable,
    reasonably sized .xlsx or holds no table at all.
    """
    source = Path(path)
    report = XlsxImportReport(str(source))
    if fiscal_year is not None:
        try:
            parse_int(fiscal_year, 1990, 2200, "预算年度")
        except BoundsError as exc:
            raise FileFormatError(source, f"{exc}（给定的是 {clip(str(fiscal_year), 12)}）") from None
    scan = guard.scan_workbook(source)
    wb = _open(source, data_only=False)
    values_wb: Any = None
    parsed: list[tuple[_Sheet, list[_Table]]] = []
    first: str | None = None
    try:
        try:
            meta = _read_meta(_meta_text(wb), report)
        except Exception as exc:  # openpyxl raises many types on a malformed part
            raise _unreadable(source, exc, layout.META_SHEET) from exc
        report.own_export = meta is not None
        # 封面, 编制说明, 目录 of our export: their content comes from the metadata.
        front_sheets = set(meta.document.front_sheets) if meta is not None else set()
        if template_id == AUTO and meta is None:
            # A first pass for the header rows alone; each sheet is dropped as soon as it is read.
            header_rows: list[set[str]] = []
            for ws in wb.worksheets:
                if ws.title == layout.META_SHEET:
                    continue
                first = first or ws.title
                try:
                    sheet, _ = _read_sheet(source, ws, scan)
                except FileFormatError:
                    raise
                except Exception as exc:  # openpyxl raises many types on a malformed part
                    raise _unreadable(source, exc, ws.title) from exc
                _index_rows(sheet)
                texts = _header_texts(sheet)
                if texts is not None:
                    header_rows.append(texts)
                sheet.release()
            template = _recognise(header_rows, first, report)
        else:
            template = _template(meta, "xiqu-2026" if template_id == AUTO else template_id, source)
        labels = _Labels(template)
        # One sheet at a time: its cells are dropped once its tables are read, so memory stays
        # that of the booklet plus one sheet (a 100× booklet has 7,200 sheets).
        for ws in wb.worksheets:
            if ws.title == layout.META_SHEET or ws.title in front_sheets:
                continue
            first = first or ws.title
            try:
                sheet, formulas = _read_sheet(source, ws, scan)
                if formulas:
                    values_wb = values_wb or _open(source, data_only=True)
                    _resolve_formulas(source, values_wb, sheet, formulas, report)
            except FileFormatError:
                raise
            except Exception as exc:  # openpyxl raises many types on a malformed part
                raise _unreadable(source, exc, ws.title) from exc
            _index_rows(sheet)
            own = meta is not None and sheet.title in meta.departments
            tables = _SheetParser(sheet, labels, report, own=own).parse()
            if tables:
                parsed.append((sheet, tables))
            elif sheet.values:
                report.add(f"{sheet.title}!A1", "工作表中没有找到绩效目标表，已跳过", "guess")
            sheet.release()
    finally:
        wb.close()
        if values_wb is not None:
            values_wb.close()
    if not parsed:
        raise FileFormatError(source, "没有找到任何绩效目标表（以“项目名称”开头的表格）。", place=first)

    year = _fiscal_year(fiscal_year, meta, parsed, report)
    departments = _departments(parsed, meta, report, template)
    document = meta.document if meta else None
    try:
        booklet = Booklet(
            fiscal_year=year,
            template_id=template.id,
            # Our own export says which version it was written with; another workbook is read
            # into this version's columns.
            template_version=(document.template_version or None) if document else template.version,
            title=document.title if document else "",
            compiler=document.compiler if document else "",
            date=document.date if document else "",
            preface_title=document.preface_title if document else "",
            preface=[PrefaceSection(heading=s.heading, body=s.body) for s in document.preface]
            if document
            else [],
            departments=departments,
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        raise FileFormatError(source, f"工作簿内容不完整：{clip(str(error['msg']), 60)}") from exc
    report.sheets = len(parsed)
    report.tables = sum(len(t) for _, t in parsed)
    return booklet, report


AUTO = "auto"  # recognise the form from the workbook's indicator header row


def _header_texts(sheet: _Sheet) -> set[str] | None:
    """The labels of a sheet's first indicator header row (the row naming 三级指标), or None."""
    for row, cols in sheet.rows.items():
        texts = {_key(v) for c in cols if isinstance(v := sheet.values.get((row, c)), str)}
        if "三级指标" in texts:
            return texts
    return None


def _recognise(header_rows: list[set[str]], first: str | None, report: XlsxImportReport) -> FormTemplate:
    """The shipped form whose indicator columns a header row of the workbook names best (most of its
    labels there, fewest of them missing); the 西区 form when no row looks like a header."""
    best: tuple[tuple[int, int], FormTemplate] | None = None
    for template in available_templates().values():
        wanted = {_key(c.label) for c in template.columns}
        for texts in header_rows:
            score = (len(wanted & texts), -len(wanted - texts))
            if best is None or score > best[0]:
                best = (score, template)
    where = f"{first}!A1" if first else "工作簿"
    if best is None or best[0][0] < 3:
        fallback = load_template("xiqu-2026")
        report.add(where, f"没有找到指标表头，无法识别表样，按“{fallback.name}”读取", "guess")
        return fallback
    template = best[1]
    report.add(where, f"按指标表头识别为表样“{template.name}”（{template.id}）", "guess")
    return template


def _template(meta: Meta | None, template_id: str, source: Path) -> FormTemplate:
    if meta is not None:
        try:
            return load_template(meta.document.template_id or template_id)
        except TemplateError:
            pass
    try:
        return load_template(template_id)
    except TemplateError as exc:
        raise FileFormatError(source, str(exc)) from exc


def _fiscal_year(
    given: int | None, meta: Meta | None, parsed: list[tuple[_Sheet, list[_Table]]], report: XlsxImportReport
) -> int:
    evidence = [y for _, tables in parsed for t in tables for y in t.years if 1990 <= y[0] <= 2200]
    if given is not None:
        year = given
    elif meta is not None and meta.document.fiscal_year is not None:
        year = meta.document.fiscal_year
    elif evidence:
        year = Counter(y for y, _, _ in evidence).most_common(1)[0][0]
    else:
        year = dt.date.today().year
        report.add(parsed[0][1][0].ref, f"资金来源标签中没有年度，预算年度按 {year} 年处理；请核对", "guess")
    for implied, ref, label in evidence:
        if implied != year:
            report.add(
                ref, f"“{label}”所属的预算年度是 {implied} 年，与本表册的 {year} 年不一致；请核对", "guess"
            )
    return year


def _departments(
    parsed: list[tuple[_Sheet, list[_Table]]],
    meta: Meta | None,
    report: XlsxImportReport,
    template: FormTemplate,
) -> list[Department]:
    by_code: dict[str, Department] = {}
    rank: dict[str, tuple[int, int]] = {}
    used_ids: set[str] = set()
    pending: list[tuple[int, _Sheet, list[Project]]] = []
    for position, (sheet, tables) in enumerate(parsed):
        projects = [_project(sheet, i, t, meta, used_ids, report, template) for i, t in enumerate(tables)]
        entry = meta.departments.get(sheet.title) if meta else None
        if meta is not None and entry is not None:
            code, name = entry.code, entry.name
            order = (0, meta.order[sheet.title])
        else:
            match = _SHEET_CODE.fullmatch(sheet.title)
            if match is None:
                pending.append((position, sheet, projects))
                continue
            code = match.group(1)
            name = projects[0].unit_name or match.group(2).strip()
            order = (1, position)
        _add(by_code, rank, code, name, order, projects)
    for place, code, name in meta.empty if meta else []:
        if code not in by_code:
            _add(by_code, rank, code, name, (0, place), [])
    serial = 0
    for position, sheet, projects in pending:
        coded = _UNIT_CODE.fullmatch(projects[0].unit_name.strip()) if projects else None
        if coded is not None and coded.group(1) not in by_code:
            # 一体化 exports name the unit with its code: 820001-井研县马踏镇人民政府.
            code, name = coded.group(1), coded.group(2).strip()
            for project in projects:
                found = _UNIT_CODE.fullmatch(project.unit_name.strip())
                if found is not None and found.group(1) == code:
                    project.unit_name = found.group(2).strip()
            report.add(f"{sheet.title}!A1", f"单位编码 {code} 取自单位名称“{coded.group(0)}”", "guess")
            _add(by_code, rank, code, name, (1, position), projects)
            continue
        serial += 1
        while f"{serial:06d}" in by_code:
            serial += 1
        code = f"{serial:06d}"
        report.add(
            f"{sheet.title}!A1",
            f"工作表名“{sheet.title}”不以6位单位编码开头，已分配编码 {code}；请在编辑器中改为正确的单位编码",
            "guess",
        )
        _add(by_code, rank, code, projects[0].unit_name or sheet.title, (1, position), projects)
    return [by_code[c] for c in sorted(by_code, key=lambda c: rank[c])]


def _add(
    by_code: dict[str, Department],
    rank: dict[str, tuple[int, int]],
    code: str,
    name: str,
    order: tuple[int, int],
    projects: list[Project],
) -> None:
    department = by_code.get(code)
    if department is None:
        by_code[code] = Department(code=code, name=name, projects=projects)
        rank[code] = order
    else:
        department.projects.extend(projects)


def _project(
    sheet: _Sheet,
    index: int,
    table: _Table,
    meta: Meta | None,
    used: set[str],
    report: XlsxImportReport,
    template: FormTemplate,
) -> Project:
    if table.name is None:
        report.add(table.ref, "表格缺少“项目名称”行，项目名称留空")
    if table.header is None:
        report.add(table.ref, "表格缺少指标表头（一级指标、二级指标、三级指标、指标值），未读取到指标")
    name = table.name or ""
    pid = _meta_project_id(meta, sheet.title, index, name, used) if meta else None
    pid = pid or _fresh_id(used)
    used.add(pid)
    funding = Funding(**{f: table.funding.get(f) for f in FUNDING_FIELDS})
    project = Project(
        id=pid,
        name=name,
        unit_name=table.unit_name or "",
        funding=funding,
        indicators=table.indicators,
        texts={k: v for k, v in table.texts.items() if v} or None,
    )
    if meta is not None:
        _restore_hidden(meta, sheet.title, index, project, template, report)
    return project


def _fresh_id(used: set[str]) -> str:
    pid = new_id()
    while pid in used:
        pid = new_id()
    return pid


def iter_issue_lines(report: XlsxImportReport) -> Iterator[str]:
    """The report as lines for a console or a dialog, errors first."""
    for issue in sorted(report.issues, key=lambda i: i.kind != "error"):
        yield ("错误  " if issue.kind == "error" else "提示  ") + str(issue)

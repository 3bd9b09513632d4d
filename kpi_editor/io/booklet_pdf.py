"""Import a published booklet PDF into a :class:`Booklet`, from the page geometry.

A text extraction loses the grid (merged cells flattened, cells shifted, STRUCTURE.md §2); the
PDF itself still has it. pdfplumber gives the ruling lines and every character with its position:
the ruled cells are rebuilt from the lines (merged cells are the cells with no rule inside), each
character goes to the cell it sits in, and the table is read by its labels (项目名称, 资金来源,
一级指标 …), its columns by the header row. A merged 一级/二级 cell covers its rows, so nothing
needs filling down. A table continued on the next page is joined to its first part.

Pages without a grid are the front matter: the cover (the largest type), 编制说明 (heading
sizes), the 目录 (code, name, dot leader, page number). Tables are given to units by the 目录's
page numbers and the numbers printed in the page footers.

Reads our own export and a PDF that LibreOffice or Excel prints from our workbook. Everything it
cannot read is reported with its page; a file that is not a readable booklet PDF raises one
FileFormatError naming the file and the page. Work is bounded: at most `MAX_PAGES` pages, and
every compressed stream is inflated with a cap, so a compression bomb is refused, not inflated.
"""

from __future__ import annotations

import contextvars
import io
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfminer.pdftypes
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import PdfminerException
from pydantic import ValidationError

from kpi_editor.domain.bounds import BoundsError, parse_amount
from kpi_editor.domain.currency import from_currency
from kpi_editor.domain.model import (
    FUNDING_FIELDS,
    Booklet,
    Department,
    Funding,
    Indicator,
    PrefaceSection,
    Project,
)
from kpi_editor.domain.targets import row_from_cells
from kpi_editor.domain.template import Currency, FormTemplate, available_templates
from kpi_editor.io.booklet_text import GUESSED, KIND_NAMES, NOTED, UNREADABLE
from kpi_editor.io.errors import FileFormatError, ImportCancelled, clip

MAX_PAGES = 20_000  # ten times the 10× sample; a page tree longer than that is not a booklet
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_STREAM_BYTES = 64 * 1024 * 1024  # one inflated stream (a page of the sample is about 20 KB)
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # everything inflated while reading one file
MAX_CHARS_PER_PAGE = 200_000

Progress = Callable[[int, int], bool]  # (pages read, pages in all) -> False to cancel

# Issue kinds (GUESSED, UNREADABLE, NOTED) and their names are the text import's.


@dataclass(frozen=True)
class PdfImportIssue:
    page: int  # 1-based page of the PDF
    kind: str
    message: str


@dataclass
class PdfImportReport:
    source: str
    pages: int = 0
    tables: int = 0
    issues: list[PdfImportIssue] = field(default_factory=list)

    def add(self, page: int, kind: str, message: str) -> None:
        self.issues.append(PdfImportIssue(page, kind, message))

    def format(self) -> str:
        """One line per issue, ``第 N 页：…``, in page order."""
        ordered = sorted(self.issues, key=lambda issue: issue.page)
        return "\n".join(
            f"第 {issue.page} 页：【{KIND_NAMES.get(issue.kind, issue.kind)}】{issue.message}"
            for issue in ordered
        )


# -- bounded inflation ---------------------------------------------------------------------------


class _Inflated(Exception):
    """More bytes inflated than the limits allow: a compression bomb, or not a booklet."""


_BUDGET: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("kpi_pdf_budget", default=None)


def _charge(size: int) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget[0] += size
        if budget[0] > MAX_TOTAL_BYTES:
            raise _Inflated(f"解压后的数据超过 {MAX_TOTAL_BYTES // 2**20} MB")


class _BoundedDecompressor:
    def __init__(self) -> None:
        self._d = zlib.decompressobj()
        self._size = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, MAX_STREAM_BYTES + 1 - self._size)
        self._size += len(out)
        if self._size > MAX_STREAM_BYTES or self._d.unconsumed_tail:
            raise _Inflated(f"一个压缩数据流解压后超过 {MAX_STREAM_BYTES // 2**20} MB")
        _charge(len(out))
        return out

    def flush(self) -> bytes:
        return self._d.flush()


class _BoundedZlib:
    """What pdfminer's stream decoder uses as ``zlib``: inflation stops at the limits."""

    error = zlib.error

    @staticmethod
    def decompressobj() -> _BoundedDecompressor:
        return _BoundedDecompressor()

    @staticmethod
    def decompress(data: bytes) -> bytes:
        d = _BoundedDecompressor()
        out = d.decompress(data)
        rest = d.flush()
        if not d._d.eof:
            raise zlib.error("incomplete or truncated stream")
        return out + rest


# pdfminer inflates every FlateDecode stream whole (zlib.decompress), with no limit.
pdfminer.pdftypes.zlib = _BoundedZlib  # type: ignore[attr-defined,assignment]


# -- page geometry ---------------------------------------------------------------------------------


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class _Cell:
    x0: float
    x1: float
    top: float
    bottom: float
    c0: int = 0
    c1: int = 0
    r0: int = 0
    r1: int = 0
    text: str = ""


@dataclass
class _Line:
    text: str
    x0: float
    top: float
    size: float


@dataclass
class _PageData:
    number: int
    width: float
    height: float
    cells: list[_Cell]
    above: list[_Line]  # text lines above the grid (title, 续表 line), or every line without a grid
    below: list[_Line]  # text lines below the grid (footer)
    has_images: bool

    @property
    def grid_top(self) -> float:
        return min((c.top for c in self.cells), default=self.height)


_TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 2,
    "join_tolerance": 2,
    "intersection_tolerance": 2,
    "edge_min_length": 3,
}


def _norm(text: str) -> str:
    """A label as compared: full-width forms folded, spaces removed, no colon at the end."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).rstrip(":")


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(levels: list[float], v: float) -> int:
    return min(range(len(levels)), key=lambda i: abs(levels[i] - v))


def _lines(chars: list[_Char], *, spaces: bool) -> list[_Line]:
    """Characters grouped into lines (top to bottom), each read left to right.

    With `spaces`, a gap wider than a third of the type size reads as a space (the 目录's code and
    name, the footer); inside a cell the text is taken as drawn.
    """
    out: list[_Line] = []
    ordered = sorted(chars, key=lambda c: (c.top, c.x0))
    rows: list[list[_Char]] = []
    for ch in ordered:
        if rows and abs(ch.top - rows[-1][0].top) <= max(rows[-1][0].size, ch.size) * 0.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    for row in rows:
        row.sort(key=lambda c: c.x0)
        parts: list[str] = []
        for prev, ch in zip([None, *row], row, strict=False):
            if (
                spaces
                and prev is not None
                and ch.x0 - prev.x1 > ch.size / 3
                and ch.text != " "
                and prev.text != " "
            ):
                parts.append(" ")
            parts.append(ch.text)
        out.append(_Line("".join(parts), row[0].x0, row[0].top, max(c.size for c in row)))
    return out


def _space(char: dict[str, Any]) -> str:
    """The character's text; LibreOffice maps an ASCII space in Chinese text to U+3000 in its
    ToUnicode table, but draws it narrow: a narrow ideographic space is a space."""
    text = str(char["text"])
    if text == "\u3000" and float(char["x1"]) - float(char["x0"]) < 0.6 * float(char["size"]):
        return " "
    return text


def _read_page(page: Page, number: int) -> _PageData:
    chars = [
        _Char(
            _space(c), float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"])
        )
        for c in page.chars
        if c.get("upright", True)
    ]
    if len(chars) > MAX_CHARS_PER_PAGE:
        raise _PageError(number, f"一页中有 {len(chars)} 个字符，不像绩效目标表")
    tables = page.find_tables(_TABLE_SETTINGS)
    cells: list[_Cell] = []
    if tables:
        table = max(tables, key=lambda t: len(t.cells))
        cells = [
            _Cell(float(x0), float(x1), float(top), float(bottom)) for x0, top, x1, bottom in table.cells
        ]
    has_images = bool(page.images)
    if not cells or len(cells) < 4:
        return _PageData(
            number, float(page.width), float(page.height), [], _lines(chars, spaces=True), [], has_images
        )
    xs = _cluster([c.x0 for c in cells] + [c.x1 for c in cells], 2.0)
    ys = _cluster([c.top for c in cells] + [c.bottom for c in cells], 2.0)
    for cell in cells:
        cell.c0, cell.c1 = _index(xs, cell.x0), _index(xs, cell.x1) - 1
        cell.r0, cell.r1 = _index(ys, cell.top), _index(ys, cell.bottom) - 1
    top, bottom = ys[0], ys[-1]
    inside: dict[int, list[_Char]] = {}
    above: list[_Char] = []
    below: list[_Char] = []
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        if cy < top:
            above.append(ch)
            continue
        if ch.text == " ":
            # A space at a line's end may hang past the cell's edge: it belongs where it starts.
            cx = ch.x0 + 0.01
        if cy > bottom:
            below.append(ch)
            continue
        for k, cell in enumerate(cells):
            if cell.x0 <= cx <= cell.x1 and cell.top <= cy <= cell.bottom:
                inside.setdefault(k, []).append(ch)
                break
    for k, cell in enumerate(cells):
        cell.text = "".join(line.text for line in _lines(inside.get(k, []), spaces=False))
    return _PageData(
        number,
        float(page.width),
        float(page.height),
        cells,
        _lines(above, spaces=True),
        _lines(below, spaces=True),
        has_images,
    )


class _PageError(Exception):
    def __init__(self, page: int, message: str) -> None:
        super().__init__(message)
        self.page = page
        self.message = message


# -- tables ----------------------------------------------------------------------------------------

_FOOTER_AT = 0.93  # of the page height: below it is the footer
_FOOTER_NUMBER = re.compile(r"^-\s*(\d+)\s*-|第\s*(\d+)\s*页")
# A name too long for its leader has no dots left, only the gap before the page number.
_TOC_ENTRY = re.compile(r"^(\d{6})\s*(.+?)(?:\s*[.…·]{2,}\s*|\s+)(\d+)$")
_YEAR = re.compile(r"(\d{4})年")


@dataclass
class _Columns:
    """Where the template's columns are on the page: key → x of the header cell's centre."""

    template: FormTemplate
    centres: dict[str, float]


@dataclass
class _Table:
    page: int  # PDF page of its first part
    printed: int | None  # the page number printed in its footer
    name: str = ""
    unit_name: str = ""
    funding: dict[str, Decimal | None] = field(default_factory=dict)
    rows: list[Indicator] = field(default_factory=list)
    columns: _Columns | None = None
    fiscal_year: int | None = None
    yuan: bool = False  # the amount header says 元: amounts are ×10,000 of the model's 万元
    texts: dict[str, str] = field(default_factory=dict)  # a form's text rows (年度目标 …)


def _footer_number(page: _PageData) -> int | None:
    for line in reversed(page.below or page.above):
        match = _FOOTER_NUMBER.search(line.text.strip())
        if match:
            return int(match.group(1) or match.group(2))
    return None


def _template_for(labels: list[str]) -> FormTemplate | None:
    """The template whose indicator column labels this header row carries."""
    found = {_norm(t) for t in labels}
    best: tuple[int, FormTemplate] | None = None
    for template in available_templates().values():
        wanted = {_norm(c.label) for c in template.columns}
        if wanted <= found and (best is None or len(wanted) > best[0]):
            best = (len(wanted), template)
    return best[1] if best else None


class _TableReader:
    """Reads table pages in order; a page without 项目名称 continues the table before it."""

    def __init__(self, report: PdfImportReport) -> None:
        self.report = report
        self.tables: list[_Table] = []
        self._project_labels = {_norm(t.labels.project_name) for t in available_templates().values()}
        self._unit_labels = {_norm(t.labels.unit) for t in available_templates().values()}
        self._column_labels = {_norm(c.label) for t in available_templates().values() for c in t.columns}
        self._text_labels = {
            _norm(spec.label): spec.key for t in available_templates().values() for spec in t.project_texts
        }

    def page(self, page: _PageData) -> None:
        rows: dict[int, list[_Cell]] = {}
        for cell in page.cells:
            rows.setdefault(cell.r0, []).append(cell)
        for cells in rows.values():
            cells.sort(key=lambda c: c.c0)
        starts_table = any(c.c0 == 0 and _norm(c.text) in self._project_labels for c in page.cells)
        if starts_table:
            self.tables.append(_Table(page=page.number, printed=_footer_number(page)))
        elif not self.tables:
            self.report.add(
                page.number, UNREADABLE, "这一页的表格不属于任何一张绩效目标表（找不到“项目名称”），已跳过。"
            )
            return
        table = self.tables[-1]
        # A continued part without its own header row has the first part's columns (same page layout).
        columns = None if starts_table else table.columns
        in_indicators = not starts_table
        amount_from: int | None = None
        for r in sorted(rows):
            cells = rows[r]
            texts = [_norm(c.text) for c in cells]
            if cells and cells[0].c0 == 0 and texts[0] in self._text_labels:
                # A text row of the form (年度目标, 财政部门审核意见), before or after the indicators.
                table.texts[self._text_labels[texts[0]]] = "".join(c.text for c in cells[1:]).strip()
                continue
            if sum(1 for t in texts if t in self._column_labels) >= 3:
                template = _template_for([c.text for c in cells])
                if template is None:
                    self.report.add(
                        page.number, UNREADABLE, f"表头“{clip(' '.join(texts), 40)}”不是已知表样的指标列。"
                    )
                    return
                centres = {}
                for column in template.columns:
                    cell = next(c for c in cells if _norm(c.text) == _norm(column.label))
                    centres[column.key] = (cell.x0 + cell.x1) / 2
                columns = table.columns = _Columns(template, centres)
                in_indicators = True
                continue
            if not in_indicators:
                amount_from = self._head_row(page, table, cells, texts, amount_from)
                continue
            if columns is None:
                self.report.add(page.number, UNREADABLE, "续页的表格没有表头，也接不上前一张表，已跳过。")
                return
            for key, why in self._indicator_row(table, columns, r, page.cells):
                self.report.add(page.number, UNREADABLE, f"{why}（{key}列此格未读取）")

    def _head_row(
        self, page: _PageData, table: _Table, cells: list[_Cell], texts: list[str], amount_from: int | None
    ) -> int | None:
        """项目名称, 部门（单位）, the funding header and rows; returns the amount column once known."""
        first = texts[0] if cells and cells[0].c0 == 0 else ""
        rest = "".join(c.text for c in cells if c.c0 > 0)
        if first in self._project_labels:
            table.name = rest
            return amount_from
        if first in self._unit_labels:
            table.unit_name = rest
            return amount_from
        header = next((c for c in cells if c.c0 > 0 and _YEAR.search(c.text)), None)
        if header is not None and any("资金来源" in t for t in texts):
            year = _YEAR.search(header.text)
            table.fiscal_year = int(year.group(1)) if year else None
            table.yuan = _norm(header.text).endswith(("(元)", "（元）"))
            return header.c0
        if amount_from is None:
            if rest.strip():
                self.report.add(page.number, UNREADABLE, f"表头中的一行“{clip(rest, 20)}”读不懂，已跳过。")
            return amount_from
        labels = [c for c in cells if 0 < c.c0 < amount_from]
        amounts = [c for c in cells if c.c0 >= amount_from]
        if not labels:
            return amount_from
        label = labels[-1].text
        field_name = _funding_field(label, table.fiscal_year)
        if field_name is None:
            self.report.add(page.number, UNREADABLE, f"资金来源行“{clip(label, 20)}”不认识，已跳过。")
            return amount_from
        text = amounts[0].text.strip() if amounts else ""
        amount = _amount(text, page.number, label, self.report)
        if amount is not None and table.yuan:
            amount = from_currency(amount, Currency(unit="元"))
        table.funding[field_name] = amount
        return amount_from

    @staticmethod
    def _indicator_row(table: _Table, columns: _Columns, r: int, cells: list[_Cell]) -> list[tuple[str, str]]:
        """Read one indicator row into `table`; returns the cells that could not be read."""
        if not any(c.r0 == r and c.c0 > 0 for c in cells):
            return []
        values: dict[str, str] = {}
        for key, centre in columns.centres.items():
            # A merged 一级/二级 cell covers every row of its group: its text is each row's label.
            covering = next((c for c in cells if c.r0 <= r <= c.r1 and c.x0 <= centre <= c.x1), None)
            values[key] = covering.text if covering is not None else ""
        row, problems = row_from_cells(values, columns.template)
        table.rows.append(row)
        return problems


def _funding_field(label: str, year: int | None) -> str | None:
    """The funding field a row label names: a template's own label first, then its key words."""
    text = _norm(label)
    if year is not None:
        for template in available_templates().values():
            for row in template.funding_rows:
                if text == _norm(template.funding_label(row.field, year)):
                    return row.field
    text = text.removeprefix("其中")
    for word, name in (
        ("非财政", "non_fiscal"),
        ("其他资金", "non_fiscal"),
        ("上级补助", "superior"),
        ("本级安排", "local"),
        ("结转", "carryover"),
        ("财政拨款", "fiscal"),
        ("合计", "total"),
        ("资金总额", "total"),
    ):
        if word in text:
            return name
    return None


def _amount(text: str, page: int, label: str, report: PdfImportReport) -> Decimal | None:
    cleaned = text.replace(",", "").replace("，", "").strip()
    if not cleaned:
        return None
    # The one boundary for amounts: abs() of 9E+999999999 raised decimal.Overflow here.
    try:
        return parse_amount(cleaned)
    except BoundsError as exc:
        report.add(
            page, UNREADABLE, f"“{clip(label, 16)}”的金额“{clip(text, 20)}”无法读取（{exc}），已留空。"
        )
        return None


# -- front matter ----------------------------------------------------------------------------------


@dataclass
class _Front:
    title: str = ""
    compiler: str = ""
    date: str = ""
    preface_title: str = ""
    preface: list[PrefaceSection] = field(default_factory=list)
    toc: list[tuple[str, str, int]] = field(default_factory=list)  # code, name, printed start page


def _blank_page(page: _PageData) -> bool:
    """A page left blank for two-sided printing (此页无正文, at most a footer)."""
    body = [line for line in page.above if line.text.strip() and line.top < page.height * _FOOTER_AT]
    return _norm("".join(line.text for line in body)) in ("", "此页无正文")


def _front_page(page: _PageData, index: int, front: _Front, report: PdfImportReport) -> None:
    # The footer (page number, fingerprint) sits in the bottom margin.
    body = [line for line in page.above if line.text.strip() and line.top < page.height * _FOOTER_AT]
    if not body or _norm("".join(line.text for line in body)) == "此页无正文":
        return
    entries = [m for m in (_TOC_ENTRY.match(line.text.strip()) for line in body) if m]
    if entries or _norm(body[0].text) == "目录":
        for m in entries:
            front.toc.append((m.group(1), m.group(2).strip(), int(m.group(3))))
        return
    largest = max(line.size for line in body)
    smallest = min(line.size for line in body)
    # Sizes are compared with each other: a print scaled to fit (LibreOffice) shrinks them all.
    if index == 0 and largest >= 1.4 * smallest:
        title = [line for line in body if line.size >= largest - 0.5]
        rest = [line for line in body if line.size < largest - 0.5]
        front.title = "".join(line.text.strip() for line in title)
        front.compiler = rest[0].text.strip() if rest else ""
        front.date = rest[1].text.strip() if len(rest) > 1 else ""
        return
    if front.preface_title or largest >= 1.3 * smallest:
        _preface(body, front)
        return
    report.add(
        page.number, NOTED, f"这一页不是表格、封面、编制说明或目录（“{clip(body[0].text, 20)}”），已跳过。"
    )


def _preface(body: list[_Line], front: _Front) -> None:
    levels = _cluster([line.size for line in body], 0.3)

    def level(line: _Line) -> int:
        return _index(levels, line.size)

    top, paragraph_size = len(levels) - 1, 0
    left = min(line.x0 for line in body if level(line) == paragraph_size)
    section: PrefaceSection | None = front.preface[-1] if front.preface else None
    paragraphs: list[str] = section.body.split("\n") if section is not None and section.body else []
    for line in body:
        size = level(line)
        text = line.text.strip()
        if size == top and levels[top] > levels[0] * 1.3 and not front.preface_title:
            front.preface_title = text
        elif size > paragraph_size:
            if section is not None:
                section.body = "\n".join(paragraphs)
            section = PrefaceSection(heading=text)
            front.preface.append(section)
            paragraphs = []
        elif section is not None:
            # A paragraph opens indented; a wrapped line continues the one before.
            indented = line.x0 > left + line.size or line.text[:1].isspace()
            if indented or not paragraphs:
                paragraphs.append(text)
            else:
                paragraphs[-1] += text
    if section is not None:
        section.body = "\n".join(paragraphs)


# -- the booklet -----------------------------------------------------------------------------------


def _pages(pdf: PDF, source: str) -> Iterator[tuple[int, int, Page]]:
    """(page number, pages in all, page)."""
    try:
        # Counted before any page is read (walking the page tree is cheap, reading pages is not),
        # whatever the file's /Count claims.
        count = 0
        for index, _ in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            if index > MAX_PAGES:
                raise FileFormatError(
                    source, f"页数超过 {MAX_PAGES} 页，不像绩效目标汇编，未导入。", place=f"第 {index} 页"
                )
            count = index
        for index, obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            yield index, count, Page(pdf, obj, page_number=index)
    except (FileFormatError, _Inflated):
        raise
    except Exception as exc:
        raise FileFormatError(
            source,
            f"页面目录损坏，文件可能不完整（{clip(str(exc) or type(exc).__name__, 60)}）",
            place="页面目录",
        ) from None


def read_booklet_pdf(
    data: bytes | Path, source: str, progress: Progress | None = None
) -> tuple[Booklet, PdfImportReport]:
    """Read a booklet PDF (bytes or a path); `source` names the file in messages.

    `progress(pages read, pages in all)` is called before each page; returning False stops the
    import (ImportCancelled)."""
    report = PdfImportReport(source)
    token = _BUDGET.set([0])
    try:
        return _read(data, source, report, progress)
    except _Inflated as exc:
        raise FileFormatError(source, f"{exc}，可能是恶意构造的文件，未导入。", place="压缩数据") from None
    finally:
        _BUDGET.reset(token)


def _open(data: bytes | Path, source: str) -> PDF:
    try:
        return PDF.open(data if isinstance(data, Path) else io.BytesIO(data))
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
            raise FileFormatError(
                source, "文件已加密，需要密码才能打开。请导入未加密的 PDF。", place="文件头"
            ) from None
        if isinstance(inner, _Inflated):
            raise inner from None
        raise FileFormatError(
            source,
            f"不是可读取的 PDF 文件，或文件已损坏（{clip(str(inner) or type(inner).__name__, 60)}）",
            place="文件头",
        ) from None


def _close(pdf: Any) -> None:
    """Close a PDF that may be damaged: pdfplumber's close() parses every page again, and a
    damaged page's error would replace the one-line message already on its way."""
    try:
        pdf.close()
    except Exception:
        stream = getattr(pdf, "stream", None)
        if stream is not None and not getattr(pdf, "stream_is_external", True):
            stream.close()


def _read(
    data: bytes | Path, source: str, report: PdfImportReport, progress: Progress | None = None
) -> tuple[Booklet, PdfImportReport]:
    pdf = _open(data, source)
    front = _Front()
    reader = _TableReader(report)
    text_pages = 0
    scanned: list[int] = []
    try:
        for index, count, page in _pages(pdf, source):
            report.pages = index
            if progress is not None and progress(index - 1, count) is False:
                page.close()
                raise ImportCancelled(f"已取消读取 {source}")
            try:
                data_page = _read_page(page, index)
            except (_PageError, _Inflated, FileFormatError):
                raise
            except Exception as exc:
                raise _PageError(
                    index,
                    f"无法读取这一页（{clip(str(exc) or type(exc).__name__, 60)}），文件可能已损坏或不完整",
                ) from None
            finally:
                page.close()
            has_text = bool(
                data_page.cells or any(line.text.strip() for line in data_page.above + data_page.below)
            )
            if has_text:
                text_pages += 1
            elif data_page.has_images:
                scanned.append(index)
            if data_page.cells:
                reader.page(data_page)
            elif has_text and not reader.tables:
                _front_page(data_page, index - 1, front, report)
            elif has_text and not _blank_page(data_page):
                report.add(index, NOTED, "这一页没有表格，已跳过。")
    except _PageError as exc:
        raise FileFormatError(source, exc.message, place=f"第 {exc.page} 页") from None
    finally:
        _close(pdf)
    if report.pages == 0:
        raise FileFormatError(source, "文件中没有任何页面。", place="页面目录")
    if text_pages == 0:
        what = "每一页都是图片（扫描件）" if scanned else "没有任何文字"
        raise FileFormatError(
            source, f"{what}，无法按表格读取。请使用由电子文档生成的 PDF。", place="第 1 页"
        )
    for page_number in scanned:
        report.add(page_number, UNREADABLE, "这一页只有图片（扫描件），没有文字，无法读取。")
    tables = [t for t in reader.tables if t.name or t.rows]
    if not tables:
        raise FileFormatError(
            source, "找不到任何“部门（单位）预算项目支出绩效目标表”的表格，这不是绩效目标汇编。", place="全文"
        )
    report.tables = len(tables)
    return _assemble(tables, front, source, report), report


def _assemble(tables: list[_Table], front: _Front, source: str, report: PdfImportReport) -> Booklet:
    template = (
        next((t.columns.template for t in tables if t.columns), None) or available_templates()["xiqu-2026"]
    )
    year = next((t.fiscal_year for t in tables if t.fiscal_year), None)
    if year is None and (found := _YEAR.search(front.title)):
        year = int(found.group(1))
    if year is None:
        raise FileFormatError(
            source, "表头和封面中都找不到预算年度（如“2026年预算申请数”）。", place=f"第 {tables[0].page} 页"
        )
    groups = _by_department(tables, front, report)
    departments: list[Department] = []
    for code, name, own in groups:
        projects: list[Project] = []
        for n, table in enumerate(own, start=1):
            if not table.rows:
                report.add(
                    table.page,
                    UNREADABLE,
                    f"表“{clip(table.name, 20) or '（无项目名称）'}”没有读到任何指标行。",
                )
            funding = Funding(**{f: table.funding.get(f) for f in FUNDING_FIELDS})
            projects.append(
                Project(
                    id=f"{code}-{n:02d}",
                    name=table.name,
                    unit_name=table.unit_name,
                    funding=funding,
                    indicators=table.rows,
                    texts={k: v for k, v in table.texts.items() if v} or None,
                )
            )
        departments.append(Department(code=code, name=name, projects=projects))
    try:
        return Booklet(
            fiscal_year=year,
            template_id=template.id,
            title=front.title,
            compiler=front.compiler,
            date=front.date,
            preface_title=front.preface_title,
            preface=front.preface,
            departments=departments,
        )
    except ValidationError as exc:
        problem = exc.errors()[0]
        raise FileFormatError(source, f"内容无法作为汇编导入（{problem['msg']}）。", place="封面") from exc


def _by_department(
    tables: list[_Table], front: _Front, report: PdfImportReport
) -> list[tuple[str, str, list[_Table]]]:
    """Tables grouped by unit: by the 目录's start pages when the footers carry page numbers,
    else by the unit name printed in the tables (with made-up codes, reported)."""
    toc = sorted(front.toc, key=lambda e: e[2])
    if toc and all(t.printed is not None for t in tables):
        groups: list[tuple[str, str, list[_Table]]] = [(code, name, []) for code, name, _ in toc]
        for table in tables:
            assert table.printed is not None
            at = max((i for i, (_, _, start) in enumerate(toc) if start <= table.printed), default=None)
            if at is None:
                report.add(
                    table.page, GUESSED, f"表“{clip(table.name, 20)}”在目录第一个单位之前，归入第一个单位。"
                )
                at = 0
            groups[at][2].append(table)
        for (code, name, own), (_, _, start) in zip(groups, toc, strict=True):
            if not own:
                report.add(1, NOTED, f"目录中的单位 {code} {name}（第 {start} 页）没有读到任何表。")
        return groups
    if toc:
        report.add(1, GUESSED, "页脚没有页码，无法按目录的页码分单位；按表中的“部门（单位）”分组。")
    by_name: list[tuple[str, str, list[_Table]]] = []
    for table in tables:
        if by_name and by_name[-1][1] == table.unit_name:
            by_name[-1][2].append(table)
        else:
            known = next((e for e in toc if e[1] == table.unit_name), None)
            code = known[0] if known else f"{len(by_name) + 1:06d}"
            if known is None:
                report.add(
                    table.page,
                    GUESSED,
                    f"单位“{clip(table.unit_name, 20)}”不在目录中，编码暂记为 {code}，请核对。",
                )
            by_name.append((code, table.unit_name, [table]))
    return by_name


def import_booklet_pdf(path: str | Path, progress: Progress | None = None) -> tuple[Booklet, PdfImportReport]:
    """Read a published booklet PDF. Raises FileFormatError naming the file and the place.

    What 文件 ▸ 导入 PDF 汇编本 calls, in a worker: the booklet and a report of every place that
    could not be read or was a guess, by page (``report.format()``).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileFormatError(path, f"无法读取文件：{exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise FileFormatError(path, f"文件超过 {MAX_FILE_BYTES // 2**20} MB，不像绩效目标汇编，未导入。")
    return read_booklet_pdf(path, str(path), progress)

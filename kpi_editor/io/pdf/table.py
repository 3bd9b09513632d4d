"""One project's 部门（单位）预算项目支出绩效目标表 as a ReportLab flowable, in the official layout.

The grid (STRUCTURE.md §2): a block-label column c0, then the template's columns. 项目名称 and
部门（单位） are merged across; 项目资金来源 is merged down over the funding rows; 总体绩效目标 is
merged down over the indicator rows; 一级 and 二级 are merged down over their groups.

ReportLab's Table cannot split inside a row span the way the official booklet does, so the table
paginates itself. A continued part opens with a 续表 line naming the project and the column header
row, repeats 总体绩效目标 and the 一级/二级 labels of the rows it carries, and never holds a single
row when the table has more (the row before it moves along); a row taller than a page is split
inside its cells. Cell text is broken into lines once, by `cjk.break_lines`, and drawn directly:
the prepared table does not depend on the page it lands on, so it is cached across exports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

from kpi_editor.domain.currency import format_amount
from kpi_editor.domain.model import Funding, Project
from kpi_editor.domain.targets import column_text
from kpi_editor.domain.template import Currency, FormTemplate
from kpi_editor.io.pdf.cjk import break_lines
from kpi_editor.io.pdf.fonts import FontFace, FontSet

FONT_SIZE = 10.0
LEADING = 13.0
PAD = 3.0
MIN_ROW = 18.0
TITLE_SIZE = 16.0
TITLE_SPACE = 14.0  # between the title line and the grid
CAPTION_SPACE = 6.0  # between the 续表 line and the grid
BLOCK_WEIGHT = 1.4  # relative width of the c0 block-label column
RULE = 0.5  # thin ruled borders
MERGED_KEYS = ("level1", "level2")
# Columns of words, set left and wrapped like 三级指标; the rest (指标性质, 度量单位, 权重 …) centred.
TEXT_TYPES = ("name", "value", "explanation", "scoring", "text")
CONTINUED = "续表"
# Rows of a table kept together at a page break: a page never carries one row of a longer table.
KEEP_ROWS = 2

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class MissingChars:
    """Characters no font can draw, and the cell they are in."""

    department: str
    project_id: str
    project_name: str
    cell: str
    chars: str


@dataclass(frozen=True)
class TextBlock:
    """Text broken into lines, each line a sequence of (font name, text) runs, ready to draw."""

    lines: tuple[tuple[tuple[str, str], ...], ...]
    widths: tuple[float, ...]
    size: float
    leading: float
    align: Align

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading

    @property
    def text_lines(self) -> list[str]:
        return ["".join(t for _, t in line) for line in self.lines]

    def split(self, count: int) -> tuple[TextBlock, TextBlock]:
        """The first `count` lines and the rest."""
        a = TextBlock(self.lines[:count], self.widths[:count], self.size, self.leading, self.align)
        b = TextBlock(self.lines[count:], self.widths[count:], self.size, self.leading, self.align)
        return a, b


Cell = TextBlock | None


class Typesetter:
    """Breaks cell text into `TextBlock`s with the export's faces; labels are cached by text."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._labels: dict[tuple[str, float, str, float, str], TextBlock] = {}

    def block(
        self,
        text: str,
        width: float,
        *,
        align: Align = "left",
        face: FontFace | None = None,
        size: float = FONT_SIZE,
        leading: float = LEADING,
        balance: bool = False,
    ) -> TextBlock:
        primary = face or self.fonts.body
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        runs = self.fonts.runs(text, primary)
        if len(runs) <= 1:
            name = primary.name

            def measure(s: str) -> float:
                w: float = stringWidth(s, name, size)
                return w
        else:
            faces = {ch: f.name for f, run in runs for ch in run}

            def measure(s: str) -> float:
                return float(sum(stringWidth(ch, faces.get(ch, primary.name), size) for ch in s))

        lines = break_lines(text, width, measure, balance=balance)
        out: list[tuple[tuple[str, str], ...]] = []
        for line in lines:
            out.append(tuple((f.name, t) for f, t in self.fonts.runs(line, primary)))
        widths = tuple(measure(line.rstrip(" ")) for line in lines)
        return TextBlock(tuple(out), widths, size, leading, align)

    def label(
        self, text: str, width: float, *, face: FontFace | None = None, size: float = FONT_SIZE
    ) -> TextBlock:
        """A centred, balanced label (一级/二级, headers): the same text is broken only once."""
        key = (text, width, (face or self.fonts.body).name, size, self.fonts.key)
        block = self._labels.get(key)
        if block is None:
            block = self._labels[key] = self.block(
                text,
                width,
                align="center",
                face=face,
                size=size,
                leading=size * LEADING / FONT_SIZE,
                balance=True,
            )
        return block


@dataclass
class Styles:
    """The faces of one export and the typesetter that uses them."""

    fonts: FontSet
    typesetter: Typesetter

    @classmethod
    def make(cls, fonts: FontSet) -> Styles:
        return cls(fonts=fonts, typesetter=Typesetter(fonts))


@dataclass
class IndicatorRow:
    """One row of the 总体绩效目标 block: merged labels plus the wrapped cells of the other columns."""

    labels: dict[int, str]  # column index → 一级/二级 text (merged down over equal neighbours)
    cells: dict[int, Cell]  # column index → content
    height: float


Span = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class PreparedTable:
    """Everything about one project's table that does not depend on where it lands on the page."""

    project_id: str
    project_name: str
    col_widths: list[float]
    title: TextBlock
    title_height: float
    caption: tuple[TextBlock, TextBlock]  # the continued part's line: project name, 续表
    caption_height: float
    head: list[list[Cell]]  # 项目名称 … indicator header row, full width
    head_heights: list[float]
    head_spans: list[Span]
    block_label: str  # 总体绩效目标
    rows: list[IndicatorRow]
    styles: Styles
    label_heights: dict[tuple[str, int], float] = field(default_factory=dict)
    missing: list[MissingChars] = field(default_factory=list)
    # Rows after the indicators (a form's 财政部门审核意见): on the last part only.
    tail: list[list[Cell]] = field(default_factory=list)
    tail_heights: list[float] = field(default_factory=list)
    # Drawn parts by (encoding token, first?, first row, row count): PDF operators and the font
    # subsets they use (see encoding.py); replayed when the same part lands on a page again.
    drawn: dict[tuple[object, ...], tuple[str, frozenset[tuple[str, int]]]] = field(default_factory=dict)

    # Fitted row heights by (first row, row count): the page-fit search asks for them again and again.
    fitted: dict[tuple[int, int], tuple[float, ...]] = field(default_factory=dict)

    def run_of(self, rows: Sequence[IndicatorRow]) -> tuple[int, int] | None:
        """(first index, count) when `rows` are consecutive rows of this table, else None (a row
        split inside its cells is a new object)."""
        if not rows:
            return None
        first = self._index.get(id(rows[0]))
        if first is None or self.rows[first] is not rows[0]:
            return None
        if first + len(rows) > len(self.rows) or self.rows[first + len(rows) - 1] is not rows[-1]:
            return None
        return first, len(rows)

    def __post_init__(self) -> None:
        # The rows live as long as the table, so their ids are theirs.
        self._index = {id(r): i for i, r in enumerate(self.rows)}

    def label_block(self, text: str, col: int) -> TextBlock:
        return self.styles.typesetter.label(text, self.col_widths[col] - 2 * PAD)

    def label_height(self, text: str, col: int) -> float:
        key = (text, col)
        if key not in self.label_heights:
            self.label_heights[key] = self.label_block(text, col).height + 2 * PAD
        return self.label_heights[key]


def amount_text(value: Decimal | None) -> str:
    """An amount exactly as stored (``25`` stays 25, ``25.50`` stays 25.50); absent is empty.

    Never in exponent form: ``str(Decimal("1E+2"))`` is ``1E+2``, a clerk reads 100.
    """
    return "" if value is None else format(value, "f")


def printed_funding_fields(template: FormTemplate, funding: Funding) -> list[str]:
    """The funding rows a table prints: the rows it has, as the source printed them.

    A row left out of a table (``None``) is left out of the print, as the official booklet prints a
    three-row block (合计 / 财政拨款 / 本级安排) for the tables that have only those; a 0 prints 0.
    合计 always prints, and a table with no amount at all prints every row, blank, as a form.
    """
    fields: list[str] = [spec.field for spec in template.funding_rows]
    if all(funding.get(f) is None for f in fields):
        return fields
    return [f for i, f in enumerate(fields) if i == 0 or funding.get(f) is not None]


def column_widths(template: FormTemplate, width: float) -> list[float]:
    weights = [BLOCK_WEIGHT, *(c.width for c in template.columns)]
    total = sum(weights)
    return [width * w / total for w in weights]


def _row_height(cells: Sequence[Cell]) -> float:
    return max([MIN_ROW] + [c.height + 2 * PAD for c in cells if c is not None])


def prepare_table(
    project: Project,
    department_code: str,
    template: FormTemplate,
    fiscal_year: int,
    styles: Styles,
    width: float,
) -> PreparedTable:
    """Lay out the cells of one project's table and check every character against the fonts."""
    cols = column_widths(template, width)
    ncols = len(cols)
    labels = template.labels
    fonts = styles.fonts
    ts = styles.typesetter
    missing: list[MissingChars] = []

    def check(text: str, cell: str) -> None:
        chars = fonts.missing(text)
        if chars:
            missing.append(MissingChars(department_code, project.id, project.name, cell, chars))

    def label(text: str, w: float, cell: str) -> TextBlock:
        check(text, cell)
        return ts.label(text, w - 2 * PAD)

    def text(value: str, w: float, cell: str, align: Align = "left") -> TextBlock:
        check(value, cell)
        return ts.block(value, w - 2 * PAD, align=align)

    # Funding block: labels over c1..c2, amounts over c3..last (the booklet's usual grid).
    mid = 3 if ncols > 4 else 2
    label_w = sum(cols[1:mid])
    amount_w = sum(cols[mid:])
    across = sum(cols[1:])

    head: list[list[Cell]] = []
    head_heights: list[float] = []
    spans: list[Span] = []

    def row(cells: list[Cell]) -> None:
        head.append(cells + [None] * (ncols - len(cells)))
        head_heights.append(_row_height(cells))

    for name, value, cell in (
        (labels.project_name, project.name, "项目名称"),
        (labels.unit, project.unit_name, "部门（单位）"),
    ):
        spans.append(((1, len(head)), (ncols - 1, len(head))))
        row([label(name, cols[0], cell), text(value, across, cell)])

    funding_top = len(head)
    block = label(labels.funding_block, cols[0], "项目资金来源")
    src = label(labels.funding_source, label_w, "资金来源")
    amt = label(template.amount_header(fiscal_year), amount_w, "预算申请数")
    row([None, src] + [None] * (mid - 2) + [amt])
    for field_name in printed_funding_fields(template, project.funding):
        name = template.funding_label(field_name, fiscal_year)
        amount_wan = project.funding.get(field_name)
        currency = template.currency
        # 万元 as entered; a form in 元 prints ×10,000 with its decimals and separators.
        shown = amount_text(amount_wan) if currency == Currency() else format_amount(amount_wan, currency)
        amount = text(shown, amount_w, name, align="center")
        row([None, label(name, label_w, name)] + [None] * (mid - 2) + [amount])
    head[funding_top][0] = block
    for r in range(funding_top, len(head)):
        if mid > 2:
            spans.append(((1, r), (mid - 1, r)))
        spans.append(((mid, r), (ncols - 1, r)))
    spans.append(((0, funding_top), (0, len(head) - 1)))
    # The c0 funding label must fit in the merged cell.
    need = block.height + 2 * PAD - sum(head_heights[funding_top:])
    if need > 0:
        head_heights[-1] += need

    # The form's text rows before the indicators (年度目标, 实施期绩效目标): a label, the text across.
    texts = project.texts or {}
    for spec in template.project_texts:
        if spec.place == "before_indicators":
            spans.append(((1, len(head)), (ncols - 1, len(head))))
            row([label(spec.label, cols[0], spec.label), text(texts.get(spec.key, ""), across, spec.label)])

    header: list[Cell] = [label(labels.indicator_block, cols[0], "总体绩效目标")]
    header += [label(c.label, w, c.label) for c, w in zip(template.columns, cols[1:], strict=True)]
    head.append(header)
    head_heights.append(_row_height(header[1:]))

    rows: list[IndicatorRow] = []
    for number, indicator in enumerate(project.indicators, start=1):
        merged: dict[int, str] = {}
        cells: dict[int, Cell] = {}
        for j, column in enumerate(template.columns, start=1):
            value = column_text(indicator, column.key, template)
            where = f"第{number}条指标的{column.label}"
            if column.key in MERGED_KEYS:
                check(value, where)
                merged[j] = value
            elif column.type in TEXT_TYPES:
                cells[j] = text(value, cols[j], where)
            else:
                cells[j] = label(value, cols[j], where)
        rows.append(IndicatorRow(labels=merged, cells=cells, height=_row_height(list(cells.values()))))

    tail: list[list[Cell]] = []
    for spec in template.project_texts:
        if spec.place == "after_indicators":
            tail.append(
                [label(spec.label, cols[0], spec.label), text(texts.get(spec.key, ""), across, spec.label)]
            )

    full = sum(cols)
    check(labels.title, "表名")
    title = ts.block(
        labels.title, full, align="center", face=fonts.title, size=TITLE_SIZE, leading=TITLE_SIZE * 1.3
    )
    mark = ts.block(CONTINUED, full, align="right")
    name_block = ts.block(
        f"{labels.project_name.rstrip('：:')}：{project.name}", full - mark.widths[0] - 4 * PAD, align="left"
    )
    return PreparedTable(
        project_id=project.id,
        project_name=project.name,
        col_widths=cols,
        title=title,
        title_height=title.height + TITLE_SPACE,
        caption=(name_block, mark),
        caption_height=name_block.height + CAPTION_SPACE,
        head=head,
        head_heights=head_heights,
        head_spans=spans,
        block_label=labels.indicator_block,
        rows=rows,
        styles=styles,
        missing=missing,
        tail=tail,
        # A row for the bureau to write in by hand keeps room for a few lines.
        tail_heights=[max(_row_height(line), MIN_ROW * 3) for line in tail],
    )


def _groups(rows: Sequence[IndicatorRow], col: int) -> list[tuple[int, int, str]]:
    """Runs of equal labels in `col` as (first, last, text); a 二级 run also breaks with its 一级."""
    out: list[tuple[int, int, str]] = []
    previous: tuple[str, ...] | None = None
    for i, r in enumerate(rows):
        key = tuple(text for c, text in sorted(r.labels.items()) if c <= col)
        if out and key == previous:
            first, _, text = out[-1]
            out[-1] = (first, i, text)
        else:
            out.append((i, i, r.labels[col]))
        previous = key
    return out


class CellTooTall(Exception):
    """A head or merged label cell taller than a whole page: it cannot be split, so it cannot be laid out."""

    def __init__(self, project_id: str, project_name: str) -> None:
        super().__init__(project_name)
        self.project_id = project_id
        self.project_name = project_name


def draw_blocks(
    canv: Any,
    items: Sequence[tuple[TextBlock, float, float, float, float]],
    used: set[tuple[str, int]] | None = None,
) -> None:
    """Draw text blocks, each in its cell (x0, x1, top, bottom), vertically centred.

    The operators are written straight into one text object: ReportLab's text-object API
    measured every run again and was most of the drawing time. The bytes come from the font's
    own subset encoding (`splitString`), exactly as ReportLab's text objects do it.
    """
    doc = canv._doc
    escape = canv._escape
    code = ["BT"]
    current: tuple[str, int, float] | None = None
    for block, x0, x1, top, bottom in items:
        if not block.lines:
            continue
        size = block.size
        y_top = min(top - PAD, (top + bottom) / 2 + block.height / 2)
        # The first baseline sits a line's descent-and-gap above the bottom of the first line.
        y = y_top - block.leading + (block.leading - size) / 2 + size * 0.14
        for runs, w in zip(block.lines, block.widths, strict=True):
            if block.align == "left":
                x = x0 + PAD
            elif block.align == "right":
                x = x1 - PAD - w
            else:
                x = (x0 + x1) / 2 - w / 2
            code.append(f"1 0 0 1 {fp_str(x)} {fp_str(y)} Tm")
            for name, chunk in runs:
                font = getFont(name)
                for subset, data in font.splitString(chunk, doc):
                    if current != (name, subset, size):
                        code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf")
                        current = (name, subset, size)
                        if used is not None:
                            used.add((name, subset))
                    code.append(f"({escape(data)}) Tj")
            y -= block.leading
    code.append("ET")
    canv._code.append("\n".join(code))


class ProjectTable(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A project's table, or the part of it that lands on one page."""

    def __init__(
        self,
        prepared: PreparedTable,
        rows: list[IndicatorRow],
        *,
        first: bool,
        frame_height: float,
        on_draw: Callable[[ProjectTable], None] | None = None,
        last: bool = True,
    ) -> None:
        super().__init__()
        self.prepared = prepared
        self.rows = rows
        self.first = first
        self.last = last  # the part that ends the table: it carries the tail rows
        self.frame_height = frame_height
        self.on_draw = on_draw
        self._heights = self._fit(rows)

    # -- geometry --------------------------------------------------------------------------

    def _head_height(self) -> float:
        p = self.prepared
        if self.first:
            return p.title_height + sum(p.head_heights)
        return p.caption_height + p.head_heights[-1]

    def _fit(self, rows: Sequence[IndicatorRow]) -> list[float]:
        """Row heights, grown where a merged label needs more room than its rows give it."""
        p = self.prepared
        at = p.run_of(rows)
        if at is not None and at in p.fitted:
            return list(p.fitted[at])
        heights = self._fitted(rows)
        if at is not None:
            p.fitted[at] = tuple(heights)
        return heights

    def _fitted(self, rows: Sequence[IndicatorRow]) -> list[float]:
        p = self.prepared
        heights = [r.height for r in rows]
        if not rows:
            return heights
        for col in sorted(rows[0].labels):
            for first, last, text in _groups(rows, col):
                short = p.label_height(text, col) - sum(heights[first : last + 1])
                if short > 0:
                    heights[last] += short
        short = p.label_height(p.block_label, 0) - sum(heights) - p.head_heights[-1]
        if short > 0:
            heights[-1] += short
        return heights

    def _tail_height(self) -> float:
        return sum(self.prepared.tail_heights) if self.last else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.prepared.col_widths)
        self.height = self._head_height() + sum(self._heights) + self._tail_height()
        return self.width, self.height

    def _part(self, rows: list[IndicatorRow], first: bool, last: bool = False) -> ProjectTable:
        return ProjectTable(
            self.prepared, rows, first=first, frame_height=self.frame_height, on_draw=self.on_draw, last=last
        )

    def _fresh_page(self, availHeight: float) -> bool:
        return availHeight >= self.frame_height - 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._head_height()
        # The most leading rows that fit; their height only grows with their number.
        fits, most = 0, len(self.rows)
        while fits < most:
            k = (fits + most + 1) // 2
            if sum(self._fit(self.rows[:k])) <= room:
                fits = k
            else:
                most = k - 1
        n = len(self.rows)
        if fits >= n and sum(self._fit(self.rows)) + self._tail_height() > room:
            fits = n - 1  # the tail goes on with at least the last row
            if fits < 1:
                if self._fresh_page(availHeight):
                    raise CellTooTall(self.prepared.project_id, self.prepared.project_name)
                return []
        if fits >= n:
            return [self]
        # Keep rows together: the part carried over holds at least KEEP_ROWS rows (the rows
        # before it move along), and a first part too short to keep them waits for a fresh page.
        if 0 < n - fits < KEEP_ROWS and fits > 1:
            fits = max(1, n - KEEP_ROWS)
        if 0 < fits < min(KEEP_ROWS, n) and not self._fresh_page(availHeight):
            return []
        if fits > 0:
            return [
                self._part(self.rows[:fits], self.first),
                self._part(self.rows[fits:], False, self.last),
            ]
        if not self.rows:
            return []
        # Not even one row fits: move to a fresh page when the row would fit there,
        # otherwise split the row inside its cells.
        one = sum(self._fit(self.rows[:1]))
        fresh = self.frame_height - self._head_height()
        if one <= fresh and not self._fresh_page(availHeight):
            return []
        parts = self._split_row(self.rows[0], room)
        if parts is None:
            if self._fresh_page(availHeight):
                # Already on a page of its own: ReportLab would only raise a bare LayoutError.
                raise CellTooTall(self.prepared.project_id, self.prepared.project_name)
            return []
        top, rest = parts
        head = self._part([top], self.first)
        if sum(head._heights) > room:
            # A merged 一级/二级 label taller than the page grows every piece of its row again.
            if self._fresh_page(availHeight):
                raise CellTooTall(self.prepared.project_id, self.prepared.project_name)
            return []
        return [head, self._part([rest, *self.rows[1:]], False, self.last)]

    def _split_row(self, row: IndicatorRow, room: float) -> tuple[IndicatorRow, IndicatorRow] | None:
        inner = room - 2 * PAD
        if inner < LEADING:
            return None
        count = int(inner // LEADING)
        top: dict[int, Cell] = {}
        rest: dict[int, Cell] = {}
        for col, cell in row.cells.items():
            if cell is None or cell.height <= inner:
                top[col], rest[col] = cell, None
            else:
                top[col], rest[col] = cell.split(count)
        return (
            IndicatorRow(
                labels=dict(row.labels), cells=top, height=min(room, _row_height(list(top.values())))
            ),
            IndicatorRow(labels=dict(row.labels), cells=rest, height=_row_height(list(rest.values()))),
        )

    # -- drawing ---------------------------------------------------------------------------

    def _grid(self) -> tuple[list[list[Cell]], list[float], list[Span]]:
        """The cells, row heights and merged ranges ((col, row), (col, row)) of this part."""
        p = self.prepared
        ncols = len(p.col_widths)
        data: list[list[Cell]] = []
        heights: list[float] = []
        spans: list[Span] = []
        if self.first:
            data.extend(list(r) for r in p.head)
            heights.extend(p.head_heights)
            spans.extend(p.head_spans)
        else:
            # A continued part repeats the column header row, 总体绩效目标 merged down from it.
            data.append(list(p.head[-1]))
            heights.append(p.head_heights[-1])
        block_top = len(data) - 1
        top = len(data)
        for r in self.rows:
            line: list[Cell] = [None] * ncols
            for col, cell in r.cells.items():
                line[col] = cell
            data.append(line)
        heights.extend(self._heights)
        spans.append(((0, block_top), (0, len(data) - 1)))
        if self.last and p.tail:
            ncols_span = len(p.col_widths) - 1
            for line, height in zip(p.tail, p.tail_heights, strict=True):
                spans.append(((1, len(data)), (ncols_span, len(data))))
                data.append(list(line) + [None] * (len(p.col_widths) - len(line)))
                heights.append(height)
        if self.rows:
            for col in sorted(self.rows[0].labels):
                for first, last, text in _groups(self.rows, col):
                    if text:
                        data[top + first][col] = p.label_block(text, col)
                    if last > first:
                        spans.append(((col, top + first), (col, top + last)))
        return data, heights, spans

    def _draw_key(self) -> tuple[object, ...] | None:
        """Identifies this part for replay, or None (not a plain run of the prepared rows)."""
        token = getattr(self.canv, "kpi_encoding", None)
        at = self.prepared.run_of(self.rows)
        if token is None or at is None:
            return None
        return (token, self.first, self.last, *at)

    def draw(self) -> None:
        if self.on_draw is not None:
            self.on_draw(self)
        p = self.prepared
        canv = self.canv
        key = self._draw_key()
        if key is not None and key in p.drawn:
            code, fonts = p.drawn[key]
            for name, subset in fonts:
                getFont(name).getSubsetInternalName(subset, canv._doc)  # puts the subset on the page
            canv._code.append(code)
            return
        mark = len(canv._code)
        used: set[tuple[str, int]] = set()
        self._draw(used)
        if key is not None:
            p.drawn[key] = ("\n".join(canv._code[mark:]), frozenset(used))

    def _draw(self, used: set[tuple[str, int]]) -> None:
        p = self.prepared
        canv = self.canv
        width = sum(p.col_widths)
        data, heights, spans = self._grid()
        grid = sum(heights)
        items: list[tuple[TextBlock, float, float, float, float]] = []
        # The title (or the 续表 line) goes first so that text extraction reads the page top to bottom.
        if self.first:
            items.append((p.title, -PAD, width + PAD, grid + p.title_height, grid + TITLE_SPACE))
        else:
            name, mark = p.caption
            items.append((name, -PAD, width, grid + p.caption_height, grid + CAPTION_SPACE))
            items.append((mark, 0, width + PAD, grid + p.caption_height, grid + CAPTION_SPACE))
        # Drawn directly rather than through platypus.Table: the geometry is already known, and
        # Table's per-cell style machinery was a third of the export time.
        xs = [0.0]
        for w in p.col_widths:
            xs.append(xs[-1] + w)
        ys = [grid]
        for h in heights:
            ys.append(ys[-1] - h)
        origin: dict[tuple[int, int], tuple[int, int]] = {}
        covered: set[tuple[int, int]] = set()
        for (c0, r0), (c1, r1) in spans:
            origin[(c0, r0)] = (c1, r1)
            covered.update((c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1))
        path = canv.beginPath()
        for r, line in enumerate(data):
            for c, cell in enumerate(line):
                if (c, r) in covered and (c, r) not in origin:
                    continue
                c1, r1 = origin.get((c, r), (c, r))
                x0, x1, top, bottom = xs[c], xs[c1 + 1], ys[r], ys[r1 + 1]
                path.rect(x0, bottom, x1 - x0, top - bottom)
                if cell is not None:
                    items.append((cell, x0, x1, top, bottom))
        draw_blocks(canv, items, used)
        canv.saveState()
        canv.setLineWidth(RULE)
        canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()

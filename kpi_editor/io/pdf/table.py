"""One project's 部门（单位）预算项目支出绩效目标表 as a ReportLab flowable, in the official layout.

The grid (STRUCTURE.md §2): a block-label column c0, then the template's columns. 项目名称 and
部门（单位） are merged across; 项目资金来源 is merged down over the funding rows; 总体绩效目标 is
merged down over the indicator rows; 一级 and 二级 are merged down over their groups.

ReportLab's Table cannot split inside a row span the way the official booklet does, so the table
paginates itself: a continued part repeats 总体绩效目标 and the 一级/二级 labels of the rows it
carries (the header row is not repeated), and a row taller than a page is split inside its cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeAlias

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from kpi_editor.domain.model import Project
from kpi_editor.domain.template import FormTemplate
from kpi_editor.io.pdf.fonts import FontFace, FontSet

FONT_SIZE = 10.0
LEADING = 13.0
PAD = 3.0
MIN_ROW = 18.0
TITLE_SIZE = 16.0
TITLE_SPACE = 14.0  # between the title line and the grid
BLOCK_WEIGHT = 1.4  # relative width of the c0 block-label column
RULE = 0.5  # thin ruled borders
MERGED_KEYS = ("level1", "level2")

# A Paragraph or plain text (ReportLab is untyped, so this cannot be spelled more precisely).
Cell: TypeAlias = Any


@dataclass(frozen=True)
class MissingChars:
    """Characters no font can draw, and the cell they are in."""

    department: str
    project_id: str
    project_name: str
    cell: str
    chars: str


@dataclass
class Styles:
    fonts: FontSet
    label: ParagraphStyle
    text: ParagraphStyle
    title: ParagraphStyle

    @classmethod
    def make(cls, fonts: FontSet) -> Styles:
        base = {"fontName": fonts.body.name, "fontSize": FONT_SIZE, "leading": LEADING, "wordWrap": "CJK"}
        return cls(
            fonts=fonts,
            label=ParagraphStyle("kpi-label", alignment=TA_CENTER, **base),
            text=ParagraphStyle("kpi-text", alignment=TA_LEFT, **base),
            title=ParagraphStyle(
                "kpi-table-title",
                fontName=fonts.title.name,
                fontSize=TITLE_SIZE,
                leading=TITLE_SIZE * 1.3,
                alignment=TA_CENTER,
                wordWrap="CJK",
            ),
        )


@dataclass
class IndicatorRow:
    """One row of the 总体绩效目标 block: merged labels plus the wrapped cells of the other columns."""

    labels: dict[int, str]  # column index → 一级/二级 text (merged down over equal neighbours)
    cells: dict[int, Cell]  # column index → content
    height: float


@dataclass
class PreparedTable:
    """Everything about one project's table that does not depend on where it lands on the page."""

    project_id: str
    project_name: str
    col_widths: list[float]
    title: Paragraph
    title_height: float
    head: list[list[Cell]]  # 项目名称 … indicator header row, full width
    head_heights: list[float]
    head_spans: list[tuple[tuple[int, int], tuple[int, int]]]
    block_label: str  # 总体绩效目标
    rows: list[IndicatorRow]
    styles: Styles
    label_heights: dict[tuple[str, int], float] = field(default_factory=dict)
    missing: list[MissingChars] = field(default_factory=list)

    def label_height(self, text: str, col: int) -> float:
        key = (text, col)
        if key not in self.label_heights:
            para = _label(self.styles, text)
            self.label_heights[key] = para.wrap(self.col_widths[col] - 2 * PAD, 1e6)[1] + 2 * PAD
        return self.label_heights[key]


class CellParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph that remembers its line breaks for the last width.

    Every cell is measured once when the table is prepared and again when ReportLab draws it
    (and prepared tables are reused across exports): breaking CJK lines is the costly part.
    """

    _wrapped: tuple[float, Any, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self._wrapped
        if cached is not None and cached[0] == availWidth:
            self.width, self.blPara, self.height = cached
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.blPara, height)
        return width, height


# Labels (一级/二级, funding rows, headers) repeat in every table: one paragraph per text.
_LABELS: dict[tuple[str, str, str], Paragraph] = {}


# One parsed fragment per style: plain text needs no markup parser, only a copy with its text.
_PLAIN_FRAGS: dict[tuple[str, str], Any] = {}


def _para(styles: Styles, text: str, style: ParagraphStyle, face: FontFace | None = None) -> Paragraph:
    markup = styles.fonts.markup(text, face)
    if "<" in markup or "&" in markup:
        return CellParagraph(markup, style)
    # What ParaParser would produce for plain text, without parsing it (a third of the layout time).
    key = (style.name, styles.fonts.key)
    frag = _PLAIN_FRAGS.get(key)
    if frag is None:
        frag = _PLAIN_FRAGS[key] = ParaParser().parse("x", style)[1][0]
    cleaned = cleanBlockQuotedText(markup)
    return CellParagraph(cleaned, style, frags=[frag.clone(text=cleaned)])


def _label(styles: Styles, text: str) -> Paragraph:
    key = (text, styles.label.name, styles.fonts.key)
    para = _LABELS.get(key)
    if para is None:
        para = _LABELS[key] = _para(styles, text, styles.label)
    return para


def amount_text(value: Decimal | None) -> str:
    """An amount exactly as stored (``25`` stays 25, ``25.50`` stays 25.50); absent is empty.

    Never in exponent form: ``str(Decimal("1E+2"))`` is ``1E+2``, a clerk reads 100.
    """
    return "" if value is None else format(value, "f")


def column_widths(template: FormTemplate, width: float) -> list[float]:
    weights = [BLOCK_WEIGHT, *(c.width for c in template.columns)]
    total = sum(weights)
    return [width * w / total for w in weights]


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
    missing: list[MissingChars] = []

    def check(text: str, cell: str) -> None:
        chars = styles.fonts.missing(text)
        if chars:
            missing.append(MissingChars(department_code, project.id, project.name, cell, chars))

    def para(text: str, style: ParagraphStyle, cell: str) -> Paragraph:
        check(text, cell)
        return _label(styles, text) if style is styles.label else _para(styles, text, style)

    def height(cells: Sequence[tuple[Cell, float]]) -> float:
        h = MIN_ROW
        for cell, w in cells:
            if isinstance(cell, Paragraph):
                h = max(h, cell.wrap(w - 2 * PAD, 1e6)[1] + 2 * PAD)
        return h

    # Funding block: labels over c1..c2, amounts over c3..last (the booklet's usual grid).
    mid = 3 if ncols > 4 else 2
    label_w = sum(cols[1:mid])
    amount_w = sum(cols[mid:])
    across = sum(cols[1:])

    head: list[list[Cell]] = []
    head_heights: list[float] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []

    def row(cells: list[Cell], measured: Sequence[tuple[Cell, float]]) -> None:
        head.append(cells + [""] * (ncols - len(cells)))
        head_heights.append(height(measured))

    for label, text, cell in (
        (labels.project_name, project.name, "项目名称"),
        (labels.unit, project.unit_name, "部门（单位）"),
    ):
        lp = para(label, styles.label, cell)
        vp = para(text, styles.text, cell)
        spans.append(((1, len(head)), (ncols - 1, len(head))))
        row([lp, vp], [(lp, cols[0]), (vp, across)])

    funding_top = len(head)
    block = para(labels.funding_block, styles.label, "项目资金来源")
    src = para(labels.funding_source, styles.label, "资金来源")
    amt = para(template.amount_header(fiscal_year), styles.label, "预算申请数")
    row([block, src] + [""] * (mid - 2) + [amt], [(src, label_w), (amt, amount_w)])
    for spec in template.funding_rows:
        text = template.funding_label(spec.field, fiscal_year)
        lp = para(text, styles.label, text)
        value = amount_text(project.funding.get(spec.field))
        row([""] + [lp] + [""] * (mid - 2) + [value], [(lp, label_w)])
    for r in range(funding_top, len(head)):
        if mid > 2:
            spans.append(((1, r), (mid - 1, r)))
        spans.append(((mid, r), (ncols - 1, r)))
    spans.append(((0, funding_top), (0, len(head) - 1)))
    # The c0 funding label must fit in the merged cell.
    need = height([(block, cols[0])]) - sum(head_heights[funding_top:])
    if need > 0:
        head_heights[-1] += need

    header = [para(labels.indicator_block, styles.label, "总体绩效目标")]
    header += [para(c.label, styles.label, c.label) for c in template.columns]
    row(header, [(p, w) for p, w in zip(header[1:], cols[1:], strict=True)])

    rows: list[IndicatorRow] = []
    for number, indicator in enumerate(project.indicators, start=1):
        merged: dict[int, str] = {}
        cells: dict[int, Cell] = {}
        measured: list[tuple[Cell, float]] = []
        for j, column in enumerate(template.columns, start=1):
            if column.key == "level1":
                text = indicator.level1
            elif column.key == "level2":
                text = indicator.level2
            elif column.key == "name":
                text = indicator.name
            elif column.key == "value":
                text = indicator.value
            else:
                text = indicator.extra.get(column.key, "")
            where = f"第{number}条指标的{column.label}"
            if column.key in MERGED_KEYS:
                check(text, where)
                merged[j] = text
            else:
                p = para(text, styles.text if column.key in ("name", "value") else styles.label, where)
                cells[j] = p
                measured.append((p, cols[j]))
        rows.append(IndicatorRow(labels=merged, cells=cells, height=height(measured)))

    title = para(labels.title, styles.title, "表名")
    title_height = title.wrap(sum(cols), 1e6)[1] + TITLE_SPACE
    return PreparedTable(
        project_id=project.id,
        project_name=project.name,
        col_widths=cols,
        title=title,
        title_height=title_height,
        head=head,
        head_heights=head_heights,
        head_spans=spans,
        block_label=labels.indicator_block,
        rows=rows,
        styles=styles,
        missing=missing,
    )


def _groups(rows: Sequence[IndicatorRow], col: int) -> list[tuple[int, int, str]]:
    """Runs of equal labels in `col` as (first, last, text); a 二级 run also breaks with its 一级."""
    out: list[tuple[int, int, str]] = []
    for i, r in enumerate(rows):
        key = tuple(r.labels[c] for c in sorted(r.labels) if c <= col)
        if out and i > 0 and key == tuple(rows[i - 1].labels[c] for c in sorted(r.labels) if c <= col):
            first, _, text = out[-1]
            out[-1] = (first, i, text)
        else:
            out.append((i, i, r.labels[col]))
    return out


class CellTooTall(Exception):
    """A head or merged label cell taller than a whole page: it cannot be split, so it cannot be laid out."""

    def __init__(self, project_id: str, project_name: str) -> None:
        super().__init__(project_name)
        self.project_id = project_id
        self.project_name = project_name


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
    ) -> None:
        super().__init__()
        self.prepared = prepared
        self.rows = rows
        self.first = first
        self.frame_height = frame_height
        self.on_draw = on_draw
        self._heights = self._fit(rows)

    # -- geometry --------------------------------------------------------------------------

    def _head_height(self) -> float:
        p = self.prepared
        return p.title_height + sum(p.head_heights) if self.first else 0.0

    def _fit(self, rows: Sequence[IndicatorRow]) -> list[float]:
        """Row heights, grown where a merged label needs more room than its rows give it."""
        p = self.prepared
        heights = [r.height for r in rows]
        if not rows:
            return heights
        for col in sorted(rows[0].labels):
            for first, last, text in _groups(rows, col):
                short = p.label_height(text, col) - sum(heights[first : last + 1])
                if short > 0:
                    heights[last] += short
        header = p.head_heights[-1] if self.first else 0.0
        short = p.label_height(p.block_label, 0) - sum(heights) - header
        if short > 0:
            heights[-1] += short
        return heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.prepared.col_widths)
        self.height = self._head_height() + sum(self._heights)
        return self.width, self.height

    def _part(self, rows: list[IndicatorRow], first: bool) -> ProjectTable:
        return ProjectTable(
            self.prepared, rows, first=first, frame_height=self.frame_height, on_draw=self.on_draw
        )

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._head_height()
        fits = 0
        for k in range(1, len(self.rows) + 1):
            if sum(self._fit(self.rows[:k])) > room:
                break
            fits = k
        if fits >= len(self.rows):
            return [self]
        if fits > 0:
            return [self._part(self.rows[:fits], self.first), self._part(self.rows[fits:], False)]
        if not self.rows:
            return []
        # Not even one row fits: move to a fresh page when the row would fit there,
        # otherwise split the row inside its cells.
        one = sum(self._fit(self.rows[:1]))
        fresh = self.frame_height - self._head_height()
        if one <= fresh and availHeight < self.frame_height - 1:
            return []
        parts = self._split_row(self.rows[0], room)
        if parts is None:
            if availHeight >= self.frame_height - 1:
                # Already on a page of its own: ReportLab would only raise a bare LayoutError.
                raise CellTooTall(self.prepared.project_id, self.prepared.project_name)
            return []
        top, rest = parts
        head = self._part([top], self.first)
        if sum(head._heights) > room:
            # A merged 一级/二级 label taller than the page grows every piece of its row again.
            if availHeight >= self.frame_height - 1:
                raise CellTooTall(self.prepared.project_id, self.prepared.project_name)
            return []
        return [head, self._part([rest, *self.rows[1:]], False)]

    def _split_row(self, row: IndicatorRow, room: float) -> tuple[IndicatorRow, IndicatorRow] | None:
        inner = room - 2 * PAD
        if inner < LEADING:
            return None
        top: dict[int, Cell] = {}
        rest: dict[int, Cell] = {}
        for col, cell in row.cells.items():
            w = self.prepared.col_widths[col] - 2 * PAD
            if not isinstance(cell, Paragraph) or cell.wrap(w, 1e6)[1] <= inner:
                top[col], rest[col] = cell, ""
                continue
            pieces = cell.split(w, inner)
            if len(pieces) != 2:
                return None
            first_piece, second_piece = pieces
            assert isinstance(first_piece, Paragraph) and isinstance(second_piece, Paragraph)
            top[col], rest[col] = first_piece, second_piece

        def measured(cells: dict[int, Cell]) -> float:
            h = MIN_ROW
            for col, cell in cells.items():
                if isinstance(cell, Paragraph):
                    w = self.prepared.col_widths[col] - 2 * PAD
                    h = max(h, cell.wrap(w, 1e6)[1] + 2 * PAD)
            return h

        return (
            IndicatorRow(labels=dict(row.labels), cells=top, height=min(room, measured(top))),
            IndicatorRow(labels=dict(row.labels), cells=rest, height=measured(rest)),
        )

    # -- drawing ---------------------------------------------------------------------------

    def _grid(self) -> tuple[list[list[Cell]], list[float], list[tuple[tuple[int, int], tuple[int, int]]]]:
        """The cells, row heights and merged ranges ((col, row), (col, row)) of this part."""
        p = self.prepared
        ncols = len(p.col_widths)
        data: list[list[Cell]] = []
        heights: list[float] = []
        spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
        if self.first:
            data.extend(list(r) for r in p.head)
            heights.extend(p.head_heights)
            spans.extend(p.head_spans)
        block_top = len(data) - 1 if self.first else len(data)
        top = len(data)
        for r in self.rows:
            line: list[Cell] = [""] * ncols
            for col, cell in r.cells.items():
                line[col] = cell
            data.append(line)
        heights.extend(self._heights)
        if self.rows:
            if not self.first:
                data[0][0] = _label(p.styles, p.block_label)
            spans.append(((0, block_top), (0, len(data) - 1)))
            for col in sorted(self.rows[0].labels):
                for first, last, text in _groups(self.rows, col):
                    data[top + first][col] = _label(p.styles, text)
                    if last > first:
                        spans.append(((col, top + first), (col, top + last)))
        return data, heights, spans

    def draw(self) -> None:
        if self.on_draw is not None:
            self.on_draw(self)
        p = self.prepared
        canv = self.canv
        width = sum(p.col_widths)
        data, heights, spans = self._grid()
        grid = sum(heights)
        if self.first:
            # The title goes first so that text extraction reads the page top to bottom.
            h = p.title.wrap(width, 1e6)[1]
            p.title.drawOn(canv, 0, grid + TITLE_SPACE + (p.title_height - TITLE_SPACE - h))
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
        canv.setFont(p.styles.fonts.body.name, FONT_SIZE)
        for r, line in enumerate(data):
            for c, cell in enumerate(line):
                if (c, r) in covered and (c, r) not in origin:
                    continue
                c1, r1 = origin.get((c, r), (c, r))
                x0, x1, top, bottom = xs[c], xs[c1 + 1], ys[r], ys[r1 + 1]
                path.rect(x0, bottom, x1 - x0, top - bottom)
                middle = (top + bottom) / 2
                if isinstance(cell, Paragraph):
                    _, h = cell.wrap(x1 - x0 - 2 * PAD, 1e6)
                    cell.drawOn(canv, x0 + PAD, min(top - PAD - h, middle - h / 2))
                elif cell:
                    canv.drawCentredString((x0 + x1) / 2, middle - FONT_SIZE * 0.35, cell)
        canv.saveState()
        canv.setLineWidth(RULE)
        canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()

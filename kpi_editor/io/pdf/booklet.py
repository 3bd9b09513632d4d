"""The compiled booklet (cover, 编制说明, 目录, tables by department) and smaller scopes, as PDF.

Layout is one pass: table pages are numbered from 1 (as in the official booklet), so the 目录 only
needs each department's first table page, which is known when that table is drawn. The 目录 page
numbers are PDF form XObjects referenced while the 目录 is laid out and defined once the last
table has been placed, so they are always the pages the tables really landed on.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.template import FormTemplate, TemplateError, load_template
from kpi_editor.io.atomic import atomic_output
from kpi_editor.io.errors import ExportCancelled, clip
from kpi_editor.io.pdf import encoding
from kpi_editor.io.pdf.cjk import install_line_rules
from kpi_editor.io.pdf.fonts import FontError, FontSet, resolve_fonts
from kpi_editor.io.pdf.table import (
    CellTooTall,
    MissingChars,
    PreparedTable,
    ProjectTable,
    Styles,
    prepare_table,
)

PAGE_W, PAGE_H = A4
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.0 * cm
MARGIN_BOTTOM = 2.2 * cm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
# Frames add 6pt of padding on every side by default; the table must fit inside that.
FRAME_PAD = 6.0
CONTENT_W = FRAME_W - 2 * FRAME_PAD
CONTENT_H = FRAME_H - 2 * FRAME_PAD


class PdfExportError(Exception):
    """The PDF could not be written; the message says why, in Chinese."""


# Where two-sided printing starts content on a right-hand (odd) page.
Duplex = Literal["off", "front", "units", "tables"]
DUPLEX_CHOICES: tuple[Duplex, ...] = ("off", "front", "units", "tables")
BLANK_MARK = "此页无正文"


@dataclass(frozen=True)
class PdfOptions:
    body_font: Path | None = None  # Song-style face for text; None = system SimSun/UMing, else bundled
    title_font: Path | None = None  # Hei-style face for titles
    summary_chart: bool = False  # a page charting 合计 by department, after the 目录
    # Two-sided printing: "front" keeps the back of the cover blank and starts 编制说明, 目录 and
    # table page 1 on right-hand pages; "units" also starts every unit there, "tables" every table.
    duplex: Duplex = "off"
    # A blank left-hand page says 此页无正文 (the government-print habit) or is left empty.
    mark_blank_pages: bool = True


@dataclass(frozen=True)
class DepartmentStart:
    code: str
    name: str
    page: int  # the number printed in the footer (and in the 目录)
    pdf_page: int  # 1-based position in the file


@dataclass
class PdfResult:
    path: Path
    pages: int
    projects: int
    missing: list[MissingChars] = field(default_factory=list)
    departments: list[DepartmentStart] = field(default_factory=list)
    fonts: tuple[str, ...] = ()
    blank_pages: list[int] = field(default_factory=list)  # 1-based PDF pages left blank (duplex)


Progress = Callable[[int, int], bool]


# Prepared tables by content: re-exporting after one project changed lays out only that one.
_CACHE: dict[tuple[Any, ...], PreparedTable] = {}
# ReportLab keeps global state (font registry, line rules) and the cache shares paragraphs.
_LOCK = threading.Lock()


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


class _Doc(BaseDocTemplate):  # type: ignore[misc]  # ReportLab has no type hints
    def __init__(self, filename: str | IO[bytes], **kw: Any) -> None:
        super().__init__(filename, **kw)
        self.first_body_page: int | None = None
        self.first_front_page: int | None = None
        self.body_font = ""
        # Small print for a page's footer, by PDF page: the fingerprint of what the page shows.
        self.marks: dict[int, str] = {}
        # Pages left blank so that what follows starts on a right-hand page: page → 此页无正文?
        self.blank: dict[int, bool] = {}
        # Faces whose glyph codes are kept stable across exports (booklet and unit scopes).
        self.stable_faces: tuple[str, ...] = ()

    def _endBuild(self) -> None:
        # The codes are remembered after the last page and before saving: saving forgets them.
        self._doSave = 0
        super()._endBuild()
        if self.stable_faces:
            encoding.remember(self.pdf_document, self.stable_faces)
        self.canv.save()

    def beforeDocument(self) -> None:
        if self.stable_faces:
            # The canvas lets go of its document when saved: keep it for `encoding.remember`.
            self.pdf_document = self.canv._doc
            self.canv.kpi_encoding = encoding.seed(self.pdf_document, self.stable_faces)

    def body_number(self, pdf_page: int) -> int:
        # Numbering starts on the first table page; a blank page before it is not page 1.
        if self.first_body_page is None:
            self.first_body_page = pdf_page
        return pdf_page - self.first_body_page + 1

    def front_number(self, pdf_page: int) -> int:
        if self.first_front_page is None:
            self.first_front_page = pdf_page
        return pdf_page - self.first_front_page + 1

    def handle_rectoStart(self, mark: bool) -> None:
        """Called at the top of a fresh page: when it is a left-hand (even) page, leave it blank."""
        if self.page % 2 == 0:
            self.blank[self.page] = mark
            self.handle_pageBreak()


class _RectoStart(ActionFlowable):  # type: ignore[misc]
    """What follows starts on a right-hand page (placed right after a page break)."""

    def __init__(self, mark: bool) -> None:
        super().__init__(("rectoStart", mark))


def _footer(kind: str) -> Callable[[Canvas, Any], None]:
    # Drawn when the page ends: only then is it known whether the page stayed blank and which
    # table it carries (a blank page counts in the numbering but prints no number).
    def draw(canv: Canvas, doc: Any) -> None:
        page = canv.getPageNumber()
        canv.saveState()
        if page in doc.blank:
            if doc.blank[page]:
                canv.setFont(doc.body_font, 12)
                canv.drawCentredString(PAGE_W / 2, PAGE_H / 2, BLANK_MARK)
            canv.restoreState()
            return
        number = str(doc.body_number(page)) if kind == "body" else _roman(doc.front_number(page))
        text = f"- {number} -"
        canv.setFont(doc.body_font, 9)
        canv.drawCentredString(PAGE_W / 2, MARGIN_BOTTOM / 2, text)
        mark = doc.marks.get(page)
        if mark:
            canv.setFont(doc.body_font, 7)
            canv.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM / 2, mark)
        canv.restoreState()

    return draw


class _FooterMark(Flowable):  # type: ignore[misc]
    """Zero-size: puts `text` in the footer of the page it lands on."""

    def __init__(self, text: str, marks: dict[int, str]) -> None:
        super().__init__()
        self.text, self.marks = text, marks

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.marks[self.canv.getPageNumber()] = self.text


class _TocEntry(Flowable):  # type: ignore[misc]
    """`<code>  <name> ......... <page>`; the page number is a form filled in at the end."""

    HEIGHT = 24.0
    NUMBER_W = 30.0

    def __init__(self, code: str, name: str, form: str, fonts: FontSet) -> None:
        super().__init__()
        self.code, self.name, self.form, self.fonts = code, name, form, fonts
        self.size = 12.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.HEIGHT

    def draw(self) -> None:
        c = self.canv
        font = self.fonts.body.name
        base = 7.0
        c.setFont(font, self.size)
        c.drawString(0, base, self.code)
        name_x = 60.0
        limit = self.width - self.NUMBER_W - name_x - 12
        size = self.size
        while stringWidth(self.name, font, size) > limit and size > 7:
            size -= 0.5
        c.setFont(font, size)
        c.drawString(name_x, base, self.name)
        dots_from = name_x + stringWidth(self.name, font, size) + 4
        dots_to = self.width - self.NUMBER_W - 2
        c.setFont(font, self.size)
        dot = stringWidth(".", font, self.size)
        count = max(int((dots_to - dots_from) / dot), 3)
        c.drawRightString(dots_to, base, "." * count)
        c.doForm(self.form)


class _DefineForms(Flowable):  # type: ignore[misc]
    """Placed after the last table: writes the 目录 page numbers, now that they are known."""

    def __init__(self, numbers: Callable[[], dict[str, int]], width: float, font: str) -> None:
        super().__init__()
        self.numbers, self.form_width, self.font = numbers, width, font

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        c = self.canv
        for form, page in self.numbers().items():
            c.beginForm(form)
            c.setFont(self.font, 12)
            c.drawRightString(self.form_width, 7.0, str(page))
            c.endForm()


class _Bookmark(Flowable):  # type: ignore[misc]
    """A zero-size outline entry for front matter."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


def _select(
    booklet: Booklet, departments: Sequence[str] | None, project_ids: Sequence[str] | None
) -> list[tuple[Department, list[Project]]]:
    by_code = {d.code: d for d in booklet.departments}
    unknown = [c for c in departments or () if c not in by_code]
    if unknown:
        raise PdfExportError(f"找不到部门（单位）编码：{'、'.join(unknown)}；请检查导出范围")
    known_ids = {p.id for _, p in booklet.projects()}
    missing = [i for i in project_ids or () if i not in known_ids]
    if missing:
        raise PdfExportError(f"找不到项目：{'、'.join(missing)}；请检查导出范围")
    whole = departments is None and project_ids is None
    codes = set(departments or ())
    ids = set(project_ids or ())
    chosen: list[tuple[Department, list[Project]]] = []
    for dept in sorted(booklet.departments, key=lambda d: d.code):
        projects = [p for p in dept.projects if whole or dept.code in codes or p.id in ids]
        if projects:
            chosen.append((dept, projects))
    if not chosen:
        raise PdfExportError("导出范围内没有任何项目")
    return chosen


# Characters that end the name of an administrative place (攀枝花市西区, 某某县, 某某省).
_PLACE_ENDS = "省市区县州旗盟"


def short_names(names: Sequence[str]) -> list[str]:
    """Department names without the place name most of them share (``攀枝花市西区民政局`` → ``民政局``).

    The place is the longest prefix at least half the names start with, cut back to its last
    省/市/区/县…; it is dropped wherever it occurs (``中共攀枝花市西区区委党校`` → ``中共区委党校``).
    Names with no shared place are kept whole.
    """
    place = ""
    if len(names) >= 2:
        for length in range(max(map(len, names)), 1, -1):
            counts: dict[str, int] = {}
            for name in names:
                if len(name) >= length:
                    counts[name[:length]] = counts.get(name[:length], 0) + 1
            prefix, count = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
            if count * 2 >= len(names) and count >= 2:
                cut = max(prefix.rfind(ch) for ch in _PLACE_ENDS)
                place = prefix[: cut + 1]
                break
    return [(name.replace(place, "") if place else name) or name for name in names]


def _summary(chosen: list[tuple[Department, list[Project]]], fonts: FontSet) -> Drawing:
    """Horizontal bars, one per department, labelled with its short name and its 合计."""
    font = fonts.body.name
    names = short_names([d.name for d, _ in chosen])
    sums = [sum((p.funding.total or Decimal(0) for p in ps), Decimal(0)) for _, ps in chosen]
    height = CONTENT_H - 80
    drawing = Drawing(CONTENT_W, height)
    chart = HorizontalBarChart()
    chart.y, chart.height = 20, height - 30
    size = max(4.0, min(9.0, chart.height / max(len(names), 1) * 0.8))
    label_w = min(max(stringWidth(n, font, size) for n in names), CONTENT_W * 0.4)
    chart.x = label_w + 8
    chart.width = CONTENT_W - chart.x - 45  # room for the amount printed after the longest bar
    # The first category is drawn at the bottom; reversed, the list reads in code order from the top.
    chart.data = [[float(v) for v in reversed(sums)]]  # plot coordinates only
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.valueAxis.gridStrokeColor = colors.lightgrey
    chart.bars[0].fillColor = colors.Color(0.55, 0.62, 0.72)
    chart.bars.strokeWidth = 0
    chart.barSpacing = 0
    chart.groupSpacing = size * 0.25
    # The amounts as the 目录 would print them (exact Decimal, 2 places), not float repr.
    chart.barLabelArray = [[f"{v.quantize(Decimal('0.01'))}" for v in reversed(sums)]]
    chart.barLabelFormat = "values"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = max(4.0, size - 1)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    drawing.add(String(CONTENT_W, 4, "万元", fontName=font, fontSize=8, textAnchor="end"))
    return drawing


def cover_lines(title: str, font: str, size: float, width: float) -> list[str]:
    """The cover title's lines: a newline in the title forces a break; otherwise a title too long
    for one line breaks after a 年, as the official cover does (``…西区2026年`` / ``区本级…``),
    at the 年 that leaves the longer line shortest. Lines still too long wrap on their own.
    """
    lines = [line.strip() for line in title.splitlines() if line.strip()]
    if len(lines) != 1 or stringWidth(lines[0], font, size) <= width:
        return lines
    text = lines[0]
    best: tuple[float, int] | None = None
    for at, ch in enumerate(text[:-1], start=1):
        if ch != "年":
            continue
        longest = max(stringWidth(text[:at], font, size), stringWidth(text[at:], font, size))
        if longest <= width and (best is None or longest < best[0]):
            best = (longest, at)
    return lines if best is None else [text[: best[1]], text[best[1] :]]


def _front_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    hei, song = fonts.title.name, fonts.body.name
    return {
        "cover": ParagraphStyle(
            "c", fontName=hei, fontSize=26, leading=38, alignment=TA_CENTER, wordWrap="CJK"
        ),
        "cover2": ParagraphStyle(
            "c2", fontName=hei, fontSize=16, leading=24, alignment=TA_CENTER, wordWrap="CJK"
        ),
        "h1": ParagraphStyle(
            "h1", fontName=hei, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=18, wordWrap="CJK"
        ),
        "h2": ParagraphStyle("h2", fontName=hei, fontSize=13, leading=22, spaceBefore=8, wordWrap="CJK"),
        "body": ParagraphStyle(
            "b",
            fontName=song,
            fontSize=12,
            leading=22,
            firstLineIndent=24,
            alignment=TA_JUSTIFY,
            wordWrap="CJK",
        ),
    }


def export_pdf(
    booklet: Booklet,
    path: str | Path,
    *,
    template: FormTemplate | None = None,
    departments: Sequence[str] | None = None,
    project_ids: Sequence[str] | None = None,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
) -> PdfResult:
    """Write `booklet` (or the chosen departments / projects) to `path` as PDF.

    The whole booklet gets a cover, 编制说明 and 目录; a department scope gets a 目录 of its
    departments; a project scope gets only the tables. `progress(done, total)` returning False
    cancels (ExportCancelled). The file appears only when complete; on any failure nothing is
    left behind and PdfExportError (or ExportCancelled) says why.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise PdfExportError(f"无法写入 {target}：文件夹不存在")
    try:
        with atomic_output(target) as handle:
            result = _locked(booklet, handle, template, departments, project_ids, options, progress)
    except OSError as exc:
        raise PdfExportError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    result.path = target
    return result


def render_pdf(
    booklet: Booklet,
    *,
    template: FormTemplate | None = None,
    departments: Sequence[str] | None = None,
    project_ids: Sequence[str] | None = None,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, PdfResult]:
    """The same PDF as `export_pdf`, in memory (print preview, printing, the live preview dock).

    It shares the layout cache with the exports, so re-rendering after an edit lays out only the
    changed project. The result's `path` is empty.
    """
    buffer = io.BytesIO()
    result = _locked(booklet, buffer, template, departments, project_ids, options, progress)
    return buffer.getvalue(), result


def _locked(
    booklet: Booklet,
    handle: IO[bytes],
    template: FormTemplate | None,
    departments: Sequence[str] | None,
    project_ids: Sequence[str] | None,
    options: PdfOptions | None,
    progress: Progress | None,
) -> PdfResult:
    with _LOCK:
        # ASCII85 stream encoding (ReportLab's default) is slow in pure Python and makes the file
        # a quarter larger; plain binary streams are what every reader expects.
        saved, rl_config.useA85 = rl_config.useA85, 0
        try:
            return _export(
                booklet, handle, template, departments, project_ids, options or PdfOptions(), progress
            )
        finally:
            rl_config.useA85 = saved


def _export(
    booklet: Booklet,
    handle: IO[bytes],
    template: FormTemplate | None,
    departments: Sequence[str] | None,
    project_ids: Sequence[str] | None,
    options: PdfOptions,
    progress: Progress | None,
) -> PdfResult:
    install_line_rules()
    if options.duplex not in DUPLEX_CHOICES:
        raise PdfExportError(f"双面打印选项“{options.duplex}”无效；可选 {'、'.join(DUPLEX_CHOICES)}")
    try:
        form = template or load_template(booklet.template_id)
        fonts = resolve_fonts(options.body_font, options.title_font)
    except (TemplateError, FontError) as exc:
        raise PdfExportError(str(exc)) from exc
    chosen = _select(booklet, departments, project_ids)
    whole = departments is None and project_ids is None
    with_toc = whole or (departments is not None and project_ids is None)
    duplex = options.duplex != "off"

    def recto(mark: bool = options.mark_blank_pages) -> list[Flowable]:
        return [_RectoStart(mark)] if duplex else []

    n_projects = sum(len(ps) for _, ps in chosen)
    total = 2 * n_projects
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None and progress(done, total) is False:
            raise ExportCancelled("已取消导出 PDF，未写入文件")

    styles = Styles.make(fonts)
    front = _front_styles(fonts)
    missing: list[MissingChars] = []

    def check(text: str, cell: str) -> None:
        chars = fonts.missing(text)
        if chars:
            missing.append(MissingChars("", "", "", cell, chars))

    story: list[Flowable] = []
    has_cover = whole and any((booklet.title, booklet.compiler, booklet.date))
    if has_cover:
        check(booklet.title, "封面标题")
        check(booklet.compiler, "封面编制单位")
        check(booklet.date, "封面日期")
        cover = front["cover"]
        lines = cover_lines(booklet.title, cover.fontName, cover.fontSize, CONTENT_W)
        story.append(Spacer(1, CONTENT_H * 0.28 - cover.leading * (len(lines) - 1) / 2))
        story += [Paragraph(fonts.markup(line, fonts.title), cover) for line in lines]
        story += [
            Spacer(1, CONTENT_H * 0.30 - cover.leading * (len(lines) - 1) / 2),
            Paragraph(fonts.markup(booklet.compiler, fonts.title), front["cover2"]),
            Spacer(1, 10),
            Paragraph(fonts.markup(booklet.date, fonts.title), front["cover2"]),
            NextPageTemplate("front"),
            PageBreak(),
            # The back of the cover stays empty: nothing is printed on it, not even 此页无正文.
            *recto(False),
        ]
    if whole and (booklet.preface_title or booklet.preface):
        check(booklet.preface_title, "编制说明标题")
        story += [
            _Bookmark("preface", booklet.preface_title or "编制说明"),
            Paragraph(fonts.markup(booklet.preface_title, fonts.title), front["h1"]),
        ]
        for section in booklet.preface:
            check(section.heading, f"编制说明“{section.heading}”")
            check(section.body, f"编制说明“{section.heading}”正文")
            story.append(Paragraph(fonts.markup(section.heading, fonts.title), front["h2"]))
            for line in section.body.splitlines():
                if line.strip():
                    story.append(Paragraph(fonts.markup(line.strip()), front["body"]))
        story += [PageBreak(), *recto()]

    toc_numbers: dict[str, int] = {}
    starts: list[DepartmentStart] = []
    marks: dict[int, str] = {}
    if with_toc:
        story += [NextPageTemplate("front"), _Bookmark("toc", "目录"), Paragraph("目\u3000录", front["h1"])]
        if whole:
            # Only the whole booklet: a department scope prints less than the booklet's content.
            story.append(_FooterMark(f"本册指纹 {booklet_fingerprint(booklet)}", marks))
        for dept, _ in chosen:
            check(dept.name, f"目录中的部门（单位）{dept.code}")
            story.append(_TocEntry(dept.code, dept.name, f"toc{dept.code}", fonts))
        story += [PageBreak(), *recto()]
    if options.summary_chart:
        title = "各部门（单位）项目资金合计（万元）"
        story += [
            NextPageTemplate("front"),
            _Bookmark("summary", "资金合计图"),
            Paragraph(title, front["h1"]),
            _summary(chosen, fonts),
            PageBreak(),
            *recto(),
        ]
    if story:
        # The page break that ends the front matter opens the first numbered table page.
        at = max(i for i, f in enumerate(story) if isinstance(f, PageBreak))
        story.insert(at, NextPageTemplate("body"))

    doc = _Doc(
        handle,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title="".join(booklet.title.splitlines()) or form.labels.title,
        author=booklet.compiler,
        subject=form.name,
        creator="kpi-editor",
        invariant=1,
        # Otherwise every page starts in Helvetica, an unembedded standard font.
        initialFontName=fonts.body.name,
    )
    doc.body_font = fonts.body.name
    doc.marks = marks
    faces = tuple(dict.fromkeys(f.name for f in (fonts.body, fonts.title, *fonts.fallbacks)))
    if whole:
        # Only the whole booklet: it is the export made again and again, and a unit's or a
        # project's PDF then stays as small as its own characters make it.
        doc.stable_faces = faces
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="f")
    doc.addPageTemplates(
        [
            PageTemplate("cover", [frame]),
            PageTemplate("front", [frame], onPageEnd=_footer("front")),
            PageTemplate("body", [frame], onPageEnd=_footer("body")),
        ]
    )
    # The first page template is the first page's: the cover, the 目录, or a table.
    first = 0 if has_cover else 1 if with_toc else 2
    doc.pageTemplates.insert(0, doc.pageTemplates.pop(first))

    def on_draw(part: ProjectTable) -> None:
        canv = part.canv
        page = canv.getPageNumber()
        # Every page of a table, continuations too, so each printed sheet can be traced.
        doc.marks[page] = f"指纹 {prints[part.prepared.project_id]}"
        if not part.first:
            return
        key = f"p{part.prepared.project_id}"
        dept = owner[part.prepared.project_id]
        if f"toc{dept.code}" not in toc_numbers:
            toc_numbers[f"toc{dept.code}"] = doc.body_number(page)
            starts.append(DepartmentStart(dept.code, dept.name, doc.body_number(page), page))
            canv.bookmarkPage(f"d{dept.code}")
            canv.addOutlineEntry(f"{dept.code} {dept.name}", f"d{dept.code}", level=0, closed=True)
        canv.bookmarkPage(key)
        canv.addOutlineEntry(part.prepared.project_name or "（未命名项目）", key, level=1)
        step()

    owner: dict[str, Department] = {}
    prints: dict[str, str] = {}
    used: set[tuple[Any, ...]] = set()
    first_table = True
    for dept, projects in chosen:
        for index, project in enumerate(projects):
            owner[project.id] = dept
            # Outside the layout cache: it covers the department's name, which the table does not.
            prints[project.id] = project_fingerprint(project, dept)
            key = (project.model_dump_json(), dept.code, form, booklet.fiscal_year, fonts.key, CONTENT_W)
            prepared = _CACHE.get(key)
            if prepared is None:
                prepared = prepare_table(project, dept.code, form, booklet.fiscal_year, styles, CONTENT_W)
                _CACHE[key] = prepared
            used.add(key)
            missing.extend(prepared.missing)
            if not first_table:
                story.append(PageBreak())
                if options.duplex == "tables" or (options.duplex == "units" and index == 0):
                    story += recto()
            first_table = False
            story.append(
                ProjectTable(prepared, prepared.rows, first=True, frame_height=CONTENT_H, on_draw=on_draw)
            )
            step()
    for stale in set(_CACHE) - used:
        del _CACHE[stale]
    if with_toc:
        story.append(_DefineForms(lambda: toc_numbers, CONTENT_W, fonts.body.name))

    try:
        doc.build(story)
    except CellTooTall as exc:
        raise PdfExportError(
            f"项目「{clip(exc.project_name, 31)}」（{exc.project_id}）有单元格内容过长"
            "（项目名称、部门（单位）或合并的一级/二级指标），一整页也放不下，无法排版；请缩短后再导出"
        ) from None
    except LayoutError as exc:
        raise PdfExportError(f"无法排版：{exc}") from exc
    return PdfResult(
        path=Path(),
        pages=doc.page,
        projects=n_projects,
        missing=missing,
        departments=starts,
        fonts=tuple(dict.fromkeys(f.family for f in (fonts.body, fonts.title))),
        blank_pages=sorted(doc.blank),
    )

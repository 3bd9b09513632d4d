"""The review report as a PDF: a summary by unit, then each unit's projects with status and lines.

Fonts come from ``kpi_editor.io.pdf.fonts`` (embedded TrueType, per-character fallback), line
breaking from ``kpi_editor.io.pdf.cjk``. Each project is one table whose two header rows repeat
when it runs onto the next page; a row taller than a page is split inside its cells.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from io import BytesIO
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LayoutError,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.io.errors import clip
from kpi_editor.io.pdf.cjk import install_line_rules
from kpi_editor.io.pdf.fonts import FontSet, resolve_fonts
from kpi_editor.io.pdf.limits import too_long
from kpi_editor.io.pdf.streaming import CompressingCanvas
from kpi_editor.io.report.content import DepartmentEntry, ProjectEntry, ReportLine, ReviewReport, display_time

PAGE_W, PAGE_H = A4
MARGIN = 1.8 * cm
WIDTH = PAGE_W - 2 * MARGIN
FONT_SIZE = 9.5
LEADING = 12.5
GRID = colors.HexColor("#555555")
HEADER_BG = colors.HexColor("#D9E1F2")
STATUS_BG = {
    EffectiveStatus.APPROVED: colors.HexColor("#E2EFDA"),
    EffectiveStatus.RETURNED: colors.HexColor("#FCE4D6"),
    EffectiveStatus.PENDING: colors.HexColor("#F2F2F2"),
    EffectiveStatus.CHANGED: colors.HexColor("#FFF2CC"),
}
# ReportLab re-examines every cell of a table each time it splits it at a page: a table of n rows
# costs n²/page. Long tables are cut into tables of this many rows, each repeating its header,
# which keeps the report linear (a project with 7,000 findings took 25 s, a 300× booklet 200 s).
CHUNK_ROWS = 200
# 类别 | 位置 | 内容 | 提出人／规则 | 状态, as shares of the width.
LINE_COLUMNS = (0.11, 0.2, 0.43, 0.17, 0.09)
SUMMARY_COLUMNS = (0.11, 0.25, 0.07, 0.07, 0.07, 0.1, 0.085, 0.105, 0.07, 0.07)


class _CachedParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph that keeps its line breaks for the last width it was wrapped to.

    A long table is measured again at every page split and once more when drawn: breaking CJK
    lines is the costly part, and the width never changes.
    """

    _wrapped: tuple[float, Any, float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self._wrapped
        if cached is not None and cached[0] == availWidth:
            _, self.blPara, self.width, self.height = cached
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.blPara, width, height)
        return width, height


class _Deferred(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """Flowables made only when the layout reaches them (a department's tables), then dropped.

    It claims more height than the frame has left, so ReportLab asks it to split, and the split
    is the real flowables, which take its place in the story.
    """

    def __init__(self, make: Callable[[], list[Any]]) -> None:
        super().__init__()
        self._make = make

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # ReportLab places the first piece of a split at once, unsplit: an empty one.
        return [Spacer(0, 0), *self._make()]


class ReportLayoutError(Exception):
    """The report cannot be laid out (a cell taller than a page)."""


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        base: dict[str, Any] = {
            "fontName": fonts.body.name,
            "fontSize": FONT_SIZE,
            "leading": LEADING,
            "wordWrap": "CJK",
        }
        self.text = ParagraphStyle("report-text", **base)
        self.center = ParagraphStyle("report-center", alignment=TA_CENTER, **base)
        self.bold = ParagraphStyle("report-bold", **{**base, "fontName": fonts.title.name})
        self.title = ParagraphStyle(
            "report-title",
            fontName=fonts.title.name,
            fontSize=16,
            leading=22,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )
        self.heading = ParagraphStyle(
            "report-heading",
            fontName=fonts.title.name,
            fontSize=12.5,
            leading=17,
            spaceBefore=10,
            wordWrap="CJK",
        )

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        chosen = style or self.text
        primary = self.fonts.title if chosen.fontName == self.fonts.title.name else self.fonts.body
        # Measured on every split and again when drawn: CellParagraph keeps its line breaks.
        return _CachedParagraph(self.fonts.markup(text, primary), chosen)


def _grid(s: _Styles, extra: list[tuple[Any, ...]]) -> TableStyle:
    return TableStyle(
        [
            # Short fixed words (headers, 类别, 状态) are plain strings: wrapping every one as a CJK
            # paragraph would double the time of the whole report.
            ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.name),
            ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            *extra,
        ]
    )


def _chunks(rows: list[list[Any]]) -> list[list[list[Any]]]:
    return [rows[i : i + CHUNK_ROWS] for i in range(0, len(rows), CHUNK_ROWS)] or [[]]


def _summary_tables(report: ReviewReport, s: _Styles) -> list[Table]:
    header = [
        s.p(h, s.center)
        for h in (
            "单位编码",
            "单位名称",
            "项目",
            "通过",
            "退回",
            "已修改待复审",
            "未审核",
            "未解决意见",
            "错误",
            "警告",
        )
    ]
    rows: list[list[Any]] = []
    totals = [0] * 8
    for d in report.departments:
        counts = d.summary_counts()
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        rows.append([s.p(d.code, s.center), s.p(d.name), *(s.p(str(c), s.center) for c in counts)])
    units = f"{len(report.departments)}个单位"
    rows.append([s.p("合计", s.center), s.p(units), *(s.p(str(c), s.center) for c in totals)])
    tables = []
    for chunk in _chunks(rows):
        table = Table(
            [header, *chunk], colWidths=[w * WIDTH for w in SUMMARY_COLUMNS], repeatRows=1, splitInRow=1
        )
        table.setStyle(_grid(s, [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
        tables.append(table)
    tables[-1].setStyle([("BACKGROUND", (0, -1), (-1, -1), HEADER_BG)])
    return tables


def _line_row(line: ReportLine, s: _Styles) -> list[Any]:
    return [
        line.kind,
        s.p(line.place),
        s.p(line.text),
        s.p(line.source),
        # 在审核后修改 is wider than the column; the usual two-character states are not.
        s.p(line.state, s.center) if len(line.state) > 4 else line.state,
    ]


def _project_tables(project: ProjectEntry, s: _Styles) -> list[Table]:
    total = f"　合计 {project.total} 万元" if project.total else ""
    stamp = f"（{project.stamp}）" if project.stamp else ""
    head = f"{project.name}　【{project.status_label}】{stamp}{total}　指纹 {project.fingerprint}"
    lines = [_line_row(line, s) for line in project.lines]
    extra: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), STATUS_BG[project.status]),
        ("BACKGROUND", (0, 1), (-1, 1), HEADER_BG),
    ]
    if not lines:
        lines.append(["无审核意见、无校验问题", "", "", "", ""])
        extra.append(("SPAN", (0, 2), (-1, 2)))
    tables = []
    for n, chunk in enumerate(_chunks(lines)):
        title = s.p(head if n == 0 else f"{head}（续）", s.bold)
        rows: list[list[Any]] = [
            [title, "", "", "", ""],
            ["类别", "位置", "内容", "提出人／规则", "状态"],
            *chunk,
        ]
        table = Table(rows, colWidths=[w * WIDTH for w in LINE_COLUMNS], repeatRows=2, splitInRow=1)
        table.setStyle(_grid(s, extra))
        tables.append(table)
    return tables


def _department_flowables(department: DepartmentEntry, s: _Styles) -> list[Any]:
    stats = (
        f"{len(department.projects)}个项目：审核通过{department.status_count(EffectiveStatus.APPROVED)}个，"
        f"退回修改{department.status_count(EffectiveStatus.RETURNED)}个，"
        f"已修改待复审{department.status_count(EffectiveStatus.CHANGED)}个，"
        f"未审核{department.status_count(EffectiveStatus.PENDING)}个；"
        f"未解决意见{department.open_comments}条，错误{department.count('错误')}个，警告{department.count('警告')}个。"
    )
    out: list[Any] = [KeepTogether([s.p(f"{department.code}　{department.name}", s.heading), s.p(stats)])]
    out.append(Spacer(1, 4))
    if department.lines:
        for chunk in _chunks([_line_row(line, s) for line in department.lines]):
            table = Table(
                [["类别", "位置", "内容", "规则", "级别"], *chunk],
                colWidths=[w * WIDTH for w in LINE_COLUMNS],
                repeatRows=1,
                splitInRow=1,
            )
            table.setStyle(_grid(s, [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
            out.append(table)
        out.append(Spacer(1, 6))
    for project in department.projects:
        out += [*_project_tables(project, s), Spacer(1, 6)]
    return out


def _first_too_long(report: ReviewReport) -> str | None:
    for department in report.departments:
        for project in department.projects:
            for what, text in [
                ("项目名称", project.name),
                *(("审核意见或校验问题", line.text) for line in project.lines),
            ]:
                why = too_long(text)
                if why is not None:
                    return f"审核报告无法排版：单位 {department.code} 的项目「{clip(project.name, 30)}」的{what}{why}；请精简后再生成"
    return None


def review_report_pdf(report: ReviewReport, fonts: FontSet | None = None) -> bytes:
    """The report PDF as bytes (files are streamed by `write_review_report`)."""
    buffer = BytesIO()
    write_review_report_pdf(report, buffer, fonts)
    return buffer.getvalue()


def write_review_report_pdf(report: ReviewReport, handle: BinaryIO, fonts: FontSet | None = None) -> None:
    """Lay out the report and write it into `handle`; departments are laid out one at a time."""
    problem = _first_too_long(report)
    if problem is not None:
        raise ReportLayoutError(problem)
    install_line_rules()
    chosen = fonts or resolve_fonts()
    s = _Styles(chosen)

    def footer(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(chosen.body.name, 8)
        canvas.drawCentredString(PAGE_W / 2, 1.0 * cm, f"第 {doc.page} 页")
        canvas.drawRightString(PAGE_W - MARGIN, 1.0 * cm, f"汇编本指纹 {report.fingerprint}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        handle,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=report.title,
        author="kpi-editor",
        creator="kpi-editor",
        # Otherwise every page starts in Helvetica, an unembedded standard font.
        initialFontName=chosen.body.name,
    )
    story: list[Any] = [
        s.p(report.title, s.title),
        Spacer(1, 6),
        s.p(f"生成时间：{display_time(report.created)}　汇编本指纹：{report.fingerprint}", s.center),
        Spacer(1, 10),
        *_summary_tables(report, s),
    ]
    if report.general:
        story += [s.p("全册问题", s.heading)]
        story += [s.p(f"【{line.state}】{line.text}（{line.source}）") for line in report.general]
    for department in report.departments:
        story.append(PageBreak())
        story.append(_Deferred(partial(_department_flowables, department, s)))
    try:
        doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=CompressingCanvas)
    except LayoutError:
        raise ReportLayoutError(
            "审核报告无法排版：有单元格内容过长，一整页也放不下（多为过长的项目名称或审核意见），请缩短后再生成"
        ) from None

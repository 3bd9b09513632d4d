"""The review report as a PDF: a summary by unit, then each unit's projects with status and lines.

Fonts come from ``kpi_editor.io.pdf.fonts`` (embedded TrueType, per-character fallback), line
breaking from ``kpi_editor.io.pdf.cjk``. Each project is one table whose two header rows repeat
when it runs onto the next page; a row taller than a page is split inside its cells.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
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
from kpi_editor.io.pdf.cjk import install_line_rules
from kpi_editor.io.pdf.fonts import FontSet, resolve_fonts
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
# 类别 | 位置 | 内容 | 提出人／规则 | 状态, as shares of the width.
LINE_COLUMNS = (0.11, 0.2, 0.43, 0.17, 0.09)
SUMMARY_COLUMNS = (0.11, 0.25, 0.07, 0.07, 0.07, 0.1, 0.085, 0.105, 0.07, 0.07)


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
        return Paragraph(self.fonts.markup(text, primary), chosen)


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


def _summary_table(report: ReviewReport, s: _Styles) -> Table:
    header = [
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
    ]
    rows: list[list[Any]] = [[s.p(h, s.center) for h in header]]
    totals = [0] * 8
    for d in report.departments:
        counts = d.summary_counts()
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        rows.append([s.p(d.code, s.center), s.p(d.name), *(s.p(str(c), s.center) for c in counts)])
    units = f"{len(report.departments)}个单位"
    rows.append([s.p("合计", s.center), s.p(units), *(s.p(str(c), s.center) for c in totals)])
    table = Table(rows, colWidths=[w * WIDTH for w in SUMMARY_COLUMNS], repeatRows=1, splitInRow=1)
    table.setStyle(
        _grid(s, [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("BACKGROUND", (0, -1), (-1, -1), HEADER_BG)])
    )
    return table


def _line_row(line: ReportLine, s: _Styles) -> list[Any]:
    return [
        line.kind,
        s.p(line.place),
        s.p(line.text),
        s.p(line.source),
        # 在审核后修改 is wider than the column; the usual two-character states are not.
        s.p(line.state, s.center) if len(line.state) > 4 else line.state,
    ]


def _project_table(project: ProjectEntry, s: _Styles) -> Table:
    total = f"　合计 {project.total} 万元" if project.total else ""
    stamp = f"（{project.stamp}）" if project.stamp else ""
    head = f"{project.name}　【{project.status_label}】{stamp}{total}　指纹 {project.fingerprint}"
    rows: list[list[Any]] = [[s.p(head, s.bold), "", "", "", ""]]
    rows.append(["类别", "位置", "内容", "提出人／规则", "状态"])
    rows += [_line_row(line, s) for line in project.lines]
    extra: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), STATUS_BG[project.status]),
        ("BACKGROUND", (0, 1), (-1, 1), HEADER_BG),
    ]
    if not project.lines:
        rows.append(["无审核意见、无校验问题", "", "", "", ""])
        extra.append(("SPAN", (0, 2), (-1, 2)))
    table = Table(rows, colWidths=[w * WIDTH for w in LINE_COLUMNS], repeatRows=2, splitInRow=1)
    table.setStyle(_grid(s, extra))
    return table


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
        table = Table(
            [["类别", "位置", "内容", "规则", "级别"]] + [_line_row(line, s) for line in department.lines],
            colWidths=[w * WIDTH for w in LINE_COLUMNS],
            repeatRows=1,
            splitInRow=1,
        )
        table.setStyle(_grid(s, [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
        out += [table, Spacer(1, 6)]
    for project in department.projects:
        out += [_project_table(project, s), Spacer(1, 6)]
    return out


def review_report_pdf(report: ReviewReport, fonts: FontSet | None = None) -> bytes:
    install_line_rules()
    chosen = fonts or resolve_fonts()
    s = _Styles(chosen)
    buffer = BytesIO()

    def footer(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(chosen.body.name, 8)
        canvas.drawCentredString(PAGE_W / 2, 1.0 * cm, f"第 {doc.page} 页")
        canvas.drawRightString(PAGE_W - MARGIN, 1.0 * cm, f"汇编本指纹 {report.fingerprint}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
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
        _summary_table(report, s),
    ]
    if report.general:
        story += [s.p("全册问题", s.heading)]
        story += [s.p(f"【{line.state}】{line.text}（{line.source}）") for line in report.general]
    for department in report.departments:
        story.append(PageBreak())
        story += _department_flowables(department, s)
    try:
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    except LayoutError:
        raise ReportLayoutError(
            "审核报告无法排版：有单元格内容过长，一整页也放不下（多为过长的项目名称或审核意见），请缩短后再生成"
        ) from None
    return buffer.getvalue()

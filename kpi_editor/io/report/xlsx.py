"""The review report as a workbook: a 汇总 sheet (one row per unit) and a 审核明细 sheet.

审核明细 has one row per comment or finding, with the unit and project repeated on every row so a
reviewer can filter and sort; a project with nothing to say still gets one row, so every project
and its status appear. Row heights are computed from the text (openpyxl never sets them, and
wrapped Chinese would be clipped when printed).
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.io.report.content import ReportLine, ReviewReport, display_time
from kpi_editor.io.xlsx import layout

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
STATUS_FILL = {
    EffectiveStatus.APPROVED: PatternFill("solid", fgColor="E2EFDA"),
    EffectiveStatus.RETURNED: PatternFill("solid", fgColor="FCE4D6"),
    EffectiveStatus.CHANGED: PatternFill("solid", fgColor="FFF2CC"),
}
BODY = Font(name=layout.FONT_NAME, size=layout.BODY_SIZE)
BOLD = Font(name=layout.FONT_NAME, size=layout.BODY_SIZE, bold=True)
TITLE = Font(name=layout.FONT_NAME, size=layout.TITLE_SIZE, bold=True)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")

SUMMARY_COLUMNS = [
    ("单位编码", 9.0),
    ("单位名称", 34.0),
    ("项目数", 7.0),
    ("审核通过", 9.0),
    ("退回修改", 9.0),
    ("已修改待复审", 12.0),
    ("未审核", 8.0),
    ("未解决意见", 10.0),
    ("错误", 7.0),
    ("警告", 7.0),
]
DETAIL_COLUMNS = [
    ("单位编码", 9.0),
    ("单位名称", 18.0),
    ("项目名称", 24.0),
    ("合计（万元）", 13.0),
    ("审核状态", 12.0),
    ("类别", 9.0),
    ("位置", 20.0),
    ("内容", 44.0),
    ("提出人／规则", 17.0),
    ("状态", 7.0),
    ("表格指纹", 15.5),
]
CENTERED_DETAIL = {0, 3, 4, 5, 9, 10}


def _clean(value: Any) -> Any:
    # Control characters pasted into a name or comment are illegal in the workbook's XML.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _put(ws: Worksheet, row: int, col: int, value: Any, font: Font = BODY, align: Alignment = WRAP) -> None:
    cell = ws.cell(row=row, column=col, value=_clean(value))
    if isinstance(value, str):
        cell.data_type = "s"  # text that starts with "=" is a clerk's words, not a formula
    cell.font = font
    cell.alignment = align
    cell.border = BORDER


def _title(ws: Worksheet, report: ReviewReport, columns: int, subtitle: str) -> int:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    ws.cell(row=1, column=1, value=_clean(report.title)).font = TITLE
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = layout.TITLE_HEIGHT
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)
    ws.cell(row=2, column=1, value=_clean(subtitle)).font = BODY
    return 3


def _header(ws: Worksheet, row: int, columns: list[tuple[str, float]]) -> None:
    for col, (label, width) in enumerate(columns, start=1):
        _put(ws, row, col, label, BOLD, CENTER)
        ws.cell(row=row, column=col).fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[row].height = layout.row_height_for([(label, w) for label, w in columns])


def _page_setup(ws: Worksheet, header_row: int, fingerprint: str) -> None:
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.right.text = f"汇编本指纹 {fingerprint}"
    for part in (ws.oddFooter.center, ws.oddFooter.right):
        part.font = layout.FONT_NAME
        part.size = 8


def _summary(ws: Worksheet, report: ReviewReport) -> None:
    subtitle = f"生成时间：{display_time(report.created)}　汇编本指纹：{report.fingerprint}"
    header_row = _title(ws, report, len(SUMMARY_COLUMNS), subtitle)
    _header(ws, header_row, SUMMARY_COLUMNS)
    row = header_row
    totals = [0] * 8
    for department in report.departments:
        row += 1
        counts = department.summary_counts()
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        _put(ws, row, 1, department.code, align=CENTER)
        _put(ws, row, 2, department.name)
        for col, value in enumerate(counts, start=3):
            _put(ws, row, col, value, align=CENTER)
        ws.row_dimensions[row].height = layout.row_height_for([(department.name, SUMMARY_COLUMNS[1][1])])
    row += 1
    _put(ws, row, 1, "合计", BOLD, CENTER)
    _put(ws, row, 2, f"{len(report.departments)}个单位", BOLD)
    for col, value in enumerate(totals, start=3):
        _put(ws, row, col, value, BOLD, CENTER)
    if report.general:
        row += 2
        ws.cell(row=row, column=1, value="全册问题").font = BOLD
        for line in report.general:
            row += 1
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(SUMMARY_COLUMNS))
            _put(ws, row, 1, line.state, align=CENTER)
            _put(ws, row, 2, f"{line.text}（{line.source}）")
    ws.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(SUMMARY_COLUMNS))}{header_row + len(report.departments)}"
    )
    _page_setup(ws, header_row, report.fingerprint)


def _details(ws: Worksheet, report: ReviewReport) -> None:
    header_row = _title(
        ws, report, len(DETAIL_COLUMNS), "每条审核意见和校验问题一行；没有意见和问题的项目也列出一行。"
    )
    _header(ws, header_row, DETAIL_COLUMNS)
    widths = [w for _, w in DETAIL_COLUMNS]
    row = header_row
    for department in report.departments:
        for unit_line in department.lines:
            row += 1
            values = [department.code, department.name, "（单位）", "", "", unit_line.kind, unit_line.place]
            values += [unit_line.text, unit_line.source, unit_line.state, ""]
            _detail_row(ws, row, values, widths, None)
        for project in department.projects:
            lines: list[ReportLine | None] = [*project.lines] or [None]
            for line in lines:
                row += 1
                head = [department.code, department.name, project.name, project.total, project.status_label]
                tail = (
                    ["", "", "无审核意见、无校验问题", "", "", project.fingerprint]
                    if line is None
                    else [line.kind, line.place, line.text, line.source, line.state, project.fingerprint]
                )
                _detail_row(ws, row, head + tail, widths, project.status)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(DETAIL_COLUMNS))}{max(row, header_row + 1)}"
    _page_setup(ws, header_row, report.fingerprint)


def _detail_row(
    ws: Worksheet, row: int, values: list[str], widths: list[float], status: EffectiveStatus | None
) -> None:
    for col, value in enumerate(values, start=1):
        _put(ws, row, col, value, align=CENTER if col - 1 in CENTERED_DETAIL else WRAP)
    if status in STATUS_FILL:
        ws.cell(row=row, column=5).fill = STATUS_FILL[status]
    ws.row_dimensions[row].height = layout.row_height_for(list(zip(values, widths, strict=True)))


def review_report_xlsx(report: ReviewReport) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None  # a new Workbook always has one sheet
    summary.title = "汇总"
    _summary(summary, report)
    _details(workbook.create_sheet("审核明细"), report)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

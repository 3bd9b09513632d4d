"""The review report as a workbook: a 汇总 sheet (one row per unit) and a 审核明细 sheet.

审核明细 has one row per comment or finding, with the unit and project repeated on every row so a
reviewer can filter and sort; a project with nothing to say still gets one row, so every project
and its status appear. Row heights are computed from the text (openpyxl never sets them, and
wrapped Chinese would be clipped when printed).

Both sheets are written row by row through openpyxl's write-only mode straight into the output
file: the report of a 100× booklet has 1.5 million rows, which an in-memory workbook cannot hold.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from contextlib import suppress
from copy import copy
from io import BytesIO
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

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


# A cell to write: its value and how it looks (font, alignment, fill, bordered).
_Look = tuple[Font, Alignment, PatternFill | None, bool]
_Cell = tuple[Any, _Look]


def _look(
    font: Font = BODY, align: Alignment = WRAP, fill: PatternFill | None = None, border: bool = True
) -> _Look:
    return (font, align, fill, border)


class _Rows:
    """Appends styled rows to a write-only sheet; each look is registered once, then copied."""

    def __init__(
        self, ws: Any, columns: list[tuple[str, float]], styles: dict[tuple[int, int, int, bool], StyleArray]
    ) -> None:
        self.ws = ws
        self.row = 0
        self.styles = styles
        for col, (_, width) in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(col)].width = width

    def add(self, cells: list[_Cell], height: float | None = None) -> int:
        self.row += 1
        if height is not None:
            # Row attributes are written with the row: set before it is appended.
            self.ws.row_dimensions[self.row].height = height
        line = []
        for value, look in cells:
            cell = WriteOnlyCell(self.ws, _clean(value))
            if isinstance(value, str):
                cell.data_type = "s"  # text that starts with "=" is a clerk's words, not a formula
            key = id(look[0]), id(look[1]), id(look[2]), look[3]  # looks are module constants
            style = self.styles.get(key)
            if style is None:
                font, align, fill, border = look
                cell.font, cell.alignment = font, align
                if fill is not None:
                    cell.fill = fill
                if border:
                    cell.border = BORDER
                self.styles[key] = copy(cell._style)
            else:
                cell._style = copy(style)
            line.append(cell)
        self.ws.append(line)
        self.ws.row_dimensions.pop(self.row, None)  # written with its row
        return self.row


_TITLE_LOOK = _look(TITLE, Alignment(horizontal="center", vertical="center"), border=False)
_SUBTITLE_LOOK = _look(BODY, Alignment(), border=False)


def _title(rows: _Rows, report: ReviewReport, columns: int, subtitle: str) -> int:
    rows.ws.merged_cells.ranges.add(CellRange(min_col=1, min_row=1, max_col=columns, max_row=1))
    rows.ws.merged_cells.ranges.add(CellRange(min_col=1, min_row=2, max_col=columns, max_row=2))
    rows.add([(report.title, _TITLE_LOOK)], layout.TITLE_HEIGHT)
    rows.add([(subtitle, _SUBTITLE_LOOK)])
    return 3


def _header(rows: _Rows, columns: list[tuple[str, float]]) -> None:
    look = _look(BOLD, CENTER, HEADER_FILL)
    rows.add(
        [(label, look) for label, _ in columns], layout.row_height_for([(label, w) for label, w in columns])
    )


def _page_setup(ws: Any, header_row: int, fingerprint: str) -> None:
    setup = ws.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.orientation = "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    ws.print_title_rows = f"{header_row}:{header_row}"
    footer = ws.HeaderFooter.oddFooter
    footer.center.text = "第 &P 页，共 &N 页"
    footer.right.text = f"汇编本指纹 {fingerprint}"
    for part in (footer.center, footer.right):
        part.font = layout.FONT_NAME
        part.size = 8


def _top(ws: Any, header_row: int) -> None:
    """What the sheet's XML carries before its rows: it must be set before the first row."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = f"A{header_row + 1}"


def _summary(ws: Any, report: ReviewReport, styles: dict[tuple[int, int, int, bool], StyleArray]) -> None:
    header_row = 3
    _top(ws, header_row)
    rows = _Rows(ws, SUMMARY_COLUMNS, styles)
    subtitle = f"生成时间：{display_time(report.created)}　汇编本指纹：{report.fingerprint}"
    _title(rows, report, len(SUMMARY_COLUMNS), subtitle)
    _header(rows, SUMMARY_COLUMNS)
    totals = [0] * 8
    center, wrap = _look(align=CENTER), _look()
    for department in report.departments:
        counts = department.summary_counts()
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        cells: list[_Cell] = [(department.code, center), (department.name, wrap)]
        cells += [(value, center) for value in counts]
        rows.add(cells, layout.row_height_for([(department.name, SUMMARY_COLUMNS[1][1])]))
    bold_center, bold = _look(BOLD, CENTER), _look(BOLD)
    cells = [("合计", bold_center), (f"{len(report.departments)}个单位", bold)]
    rows.add(cells + [(value, bold_center) for value in totals])
    if report.general:
        rows.add([])
        rows.add([("全册问题", _look(BOLD, Alignment(), border=False))])
        for line in report.general:
            row = rows.row + 1
            ws.merged_cells.ranges.add(
                CellRange(min_col=2, min_row=row, max_col=len(SUMMARY_COLUMNS), max_row=row)
            )
            rows.add([(line.state, center), (f"{line.text}（{line.source}）", wrap)])
    ws.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(SUMMARY_COLUMNS))}{header_row + len(report.departments)}"
    )
    _page_setup(ws, header_row, report.fingerprint)


def _details(ws: Any, report: ReviewReport, styles: dict[tuple[int, int, int, bool], StyleArray]) -> None:
    header_row = 3
    _top(ws, header_row)
    rows = _Rows(ws, DETAIL_COLUMNS, styles)
    _title(rows, report, len(DETAIL_COLUMNS), "每条审核意见和校验问题一行；没有意见和问题的项目也列出一行。")
    _header(rows, DETAIL_COLUMNS)
    widths = [w for _, w in DETAIL_COLUMNS]
    for department in report.departments:
        for unit_line in department.lines:
            values = [department.code, department.name, "（单位）", "", "", unit_line.kind, unit_line.place]
            values += [unit_line.text, unit_line.source, unit_line.state, ""]
            _detail_row(rows, values, widths, None)
        for project in department.projects:
            lines: list[ReportLine | None] = [*project.lines] or [None]
            for line in lines:
                head = [department.code, department.name, project.name, project.total, project.status_label]
                tail = (
                    ["", "", "无审核意见、无校验问题", "", "", project.fingerprint]
                    if line is None
                    else [line.kind, line.place, line.text, line.source, line.state, project.fingerprint]
                )
                _detail_row(rows, head + tail, widths, project.status)
    last = max(rows.row, header_row + 1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(DETAIL_COLUMNS))}{last}"
    _page_setup(ws, header_row, report.fingerprint)


_DETAIL_LOOKS = [
    _look(align=CENTER if col in CENTERED_DETAIL else WRAP) for col in range(len(DETAIL_COLUMNS))
]
_STATUS_LOOKS = {status: _look(align=CENTER, fill=fill) for status, fill in STATUS_FILL.items()}


def _detail_row(rows: _Rows, values: list[str], widths: list[float], status: EffectiveStatus | None) -> None:
    cells: list[_Cell] = [(value, _DETAIL_LOOKS[col]) for col, value in enumerate(values)]
    if status in _STATUS_LOOKS:
        cells[4] = (values[4], _STATUS_LOOKS[status])
    rows.add(cells, layout.row_height_for(list(zip(values, widths, strict=True))))


def write_review_report_xlsx(report: ReviewReport, handle: BinaryIO) -> None:
    """Stream the report workbook into `handle` (a file opened for writing)."""
    workbook = Workbook(write_only=True)
    styles: dict[tuple[int, int, int, bool], StyleArray] = {}
    summary = workbook.create_sheet("汇总")
    _summary(summary, report, styles)
    summary.close()
    details = workbook.create_sheet("审核明细")
    _details(details, report, styles)
    details.close()
    archive = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(workbook, archive).save()
    except BaseException:
        with suppress(Exception):  # else its __del__ writes into a closed file at exit
            archive.close()
        raise


def review_report_xlsx(report: ReviewReport) -> bytes:
    """The report workbook as bytes (small reports; files are streamed by `write_review_report`)."""
    buffer = BytesIO()
    write_review_report_xlsx(report, buffer)
    return buffer.getvalue()

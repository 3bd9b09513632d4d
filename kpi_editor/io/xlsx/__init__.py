"""Excel workbooks in the official table layout: export (one sheet per department) and import."""

from kpi_editor.io.errors import ExportCancelled
from kpi_editor.io.xlsx.export import build_workbook, export_xlsx
from kpi_editor.io.xlsx.importer import XlsxImportIssue, XlsxImportReport, import_xlsx, iter_issue_lines

__all__ = [
    "ExportCancelled",
    "XlsxImportIssue",
    "XlsxImportReport",
    "build_workbook",
    "export_xlsx",
    "import_xlsx",
    "iter_issue_lines",
]

"""Official-format PDF: one project's table, a department, or the compiled booklet (no Qt)."""

from kpi_editor.io.errors import ExportCancelled
from kpi_editor.io.pdf.booklet import (
    DepartmentStart,
    PdfExportError,
    PdfOptions,
    PdfResult,
    export_pdf,
)
from kpi_editor.io.pdf.fonts import FontError
from kpi_editor.io.pdf.table import MissingChars

__all__ = [
    "DepartmentStart",
    "ExportCancelled",
    "FontError",
    "MissingChars",
    "PdfExportError",
    "PdfOptions",
    "PdfResult",
    "export_pdf",
]

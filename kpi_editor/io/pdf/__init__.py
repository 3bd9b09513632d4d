"""Official-format PDF: one project's table, a department, or the compiled booklet (no Qt)."""

from kpi_editor.io.errors import ExportCancelled
from kpi_editor.io.pdf.booklet import (
    DUPLEX_CHOICES,
    DepartmentStart,
    PdfExportError,
    PdfOptions,
    PdfResult,
    export_pdf,
    render_pdf,
)
from kpi_editor.io.pdf.fonts import FontError
from kpi_editor.io.pdf.table import MissingChars

__all__ = [
    "DUPLEX_CHOICES",
    "DepartmentStart",
    "ExportCancelled",
    "FontError",
    "MissingChars",
    "PdfExportError",
    "PdfOptions",
    "PdfResult",
    "export_pdf",
    "render_pdf",
]

"""PDF pages as images, for the print preview and the live preview dock (no Qt here).

Pages are rendered by PDFium through pypdfium2 (pinned; pdfplumber, which reads booklet PDFs,
depends on it anyway): the engine Chrome uses and the one inside Qt's own QtPdf module, which
PySide6 ships only in the 175 MB PySide6-Addons wheel. The GUI wraps `Raster.data` in a QImage
(``QImage(r.data, r.width, r.height, r.stride, QImage.Format.Format_ARGB32)``: B, G, R, A bytes
are Qt's ARGB32 on the little-endian machines we ship for; keep `r` alive while the image is used), and prints with the same pages at the printer's resolution.
A grey page (``gray=True``: one byte a pixel, ``Format_Grayscale8``) is a quarter of the memory:
what printing at 600 dpi uses, since the booklet has no colour.

PDFium is not thread-safe, not even across documents: every call goes through one lock, so the
preview (GUI thread) and a print job (worker) can render at the same time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kpi_editor.io.errors import FileFormatError

POINTS_PER_INCH = 72.0
_PDFIUM = threading.RLock()


@dataclass(frozen=True)
class Raster:
    """One rendered page: B, G, R, A bytes per pixel (opaque), or one grey byte, top row first."""

    width: int
    height: int
    stride: int  # bytes per row
    data: bytes


class PdfPages:
    """An open PDF (our own export, in memory) whose pages are rendered on demand."""

    def __init__(self, data: bytes, source: str = "预览") -> None:
        with _PDFIUM:
            try:
                self._pdf = pdfium.PdfDocument(data)
            except pdfium.PdfiumError as exc:
                raise FileFormatError(source, f"无法打开 PDF：{exc}") from None
            self._count = len(self._pdf)
        self.source = source

    def __len__(self) -> int:
        return self._count

    def size(self, index: int) -> tuple[float, float]:
        """Width and height of page `index` (0-based) in points."""
        with _PDFIUM:
            page = self._pdf[index]
            try:
                width, height = page.get_size()
            finally:
                page.close()
        return float(width), float(height)

    def render(self, index: int, dpi: float = 96.0, *, gray: bool = False) -> Raster:
        """Page `index` (0-based) at `dpi`, white background, text and lines anti-aliased."""
        if not 0 <= index < self._count:
            raise IndexError(f"没有第 {index + 1} 页（共 {self._count} 页）")
        with _PDFIUM:
            page = self._pdf[index]
            bitmap = page.render(
                scale=dpi / POINTS_PER_INCH,
                fill_color=(255, 255, 255, 255),
                force_bitmap_format=pdfium_c.FPDFBitmap_Gray if gray else pdfium_c.FPDFBitmap_BGRA,
                rev_byteorder=False,
            )
            try:
                return Raster(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            finally:
                bitmap.close()
                page.close()

    def close(self) -> None:
        with _PDFIUM:
            self._pdf.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

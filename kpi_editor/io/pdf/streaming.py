"""A ReportLab canvas whose memory grows with the finished PDF, not with its text.

ReportLab keeps every page's content stream as uncompressed text until the document is saved,
then formats every object into a list of byte strings and joins them into one more copy before
writing: for the 35,000 pages of a 100× booklet, 1.4 GB of page text and twice the file again at
the end. This canvas compresses each page when it is closed (the same FlateDecode stream
ReportLab would write) and, when saving into a file, writes each formatted object straight to it.
"""

from __future__ import annotations

import threading
import zlib
from typing import Any, BinaryIO

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

# The writer is swapped in for ReportLab's module-level PDFFile while one document is saved.
_SAVING = threading.Lock()


class CompressingCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    def showPage(self) -> None:
        super().showPage()
        pages: list[Any] = self._doc.Pages.pages
        page = pages[-1] if pages else None
        stream = getattr(page, "stream", None)
        if page is None or not stream or page.Contents or not page.compression:
            return
        data = stream.encode("utf8") if isinstance(stream, str) else bytes(stream)
        contents = PDFStream(
            PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}), zlib.compress(data)
        )
        contents.__Comment__ = "page stream"
        page.Contents = contents
        page.stream = None

    def save(self) -> None:
        out = self._filename
        if not callable(getattr(out, "write", None)):
            super().save()
            return
        with _SAVING:
            original = pdfdoc.PDFFile
            pdfdoc.PDFFile = _direct_file(out)
            try:
                super().save()
            finally:
                pdfdoc.PDFFile = original


def _direct_file(out: BinaryIO) -> type[pdfdoc.PDFFile]:
    class DirectFile(pdfdoc.PDFFile):  # type: ignore[misc]
        """ReportLab's output collector, writing each object as it is formatted."""

        def __init__(self, pdfVersion: Any = pdfdoc.PDF_VERSION_DEFAULT) -> None:
            super().__init__(pdfVersion)
            header: list[bytes] = self.strings  # what the base class added before we took over
            for chunk in header:
                out.write(chunk)
            self.strings: list[bytes] = []
            self.write = out.write

        def format(self, document: Any) -> bytes:
            return b""  # already written

    return DirectFile

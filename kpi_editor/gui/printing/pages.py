"""The pages of one rendered PDF (the export's bytes) as Qt images, rendered on demand."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from kpi_editor.io.pdf.raster import PdfPages, Raster

if TYPE_CHECKING:
    from kpi_editor.io.pdf import PdfResult

CACHED = 12  # page images kept: the shown page and its neighbours at a zoom or two


def to_qimage(raster: Raster, gray: bool = False) -> QImage:
    """A QImage that owns its pixels (the raster's bytes may go)."""
    fmt = QImage.Format.Format_Grayscale8 if gray else QImage.Format.Format_ARGB32
    return QImage(raster.data, raster.width, raster.height, raster.stride, fmt).copy()


class PageImages:
    """The PDF `data` (with the export's `result`): page sizes and images at any resolution."""

    def __init__(self, data: bytes, result: PdfResult) -> None:
        self.data = data
        self.result = result
        self.pdf = PdfPages(data)
        self.blank = frozenset(result.blank_pages)  # 1-based
        self._sizes: dict[int, tuple[float, float]] = {}
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()

    def __len__(self) -> int:
        return len(self.pdf)

    def size(self, index: int) -> tuple[float, float]:
        """Page `index` (0-based) in points."""
        if index not in self._sizes:
            self._sizes[index] = self.pdf.size(index)
        return self._sizes[index]

    def image(self, index: int, dpi: float) -> QImage:
        key = (index, round(dpi * 4))  # quarter-dpi steps: a zoom that barely moved reuses the image
        image = self._images.get(key)
        if image is None:
            image = to_qimage(self.pdf.render(index, dpi))
            self._images[key] = image
            while len(self._images) > CACHED:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(key)
        return image

    def close(self) -> None:
        self._images.clear()
        self.pdf.close()


__all__ = ["PageImages", "to_qimage"]

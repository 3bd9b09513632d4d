"""Pages on a grey desk, as a print preview shows them: white sheets with a shadow."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 16  # around and between sheets, in logical pixels
DESK = QColor("#7f8590")
SHADOW = QColor(0, 0, 0, 70)


class PageView(QWidget):
    """Sheets of `sizes` (logical pixels) one below the other, each with its image (drawn to fit).

    `painted` is emitted the first time new images reach the screen: the moment a preview is
    really redrawn, which the live preview measures."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.sizes: list[QSize] = []
        self.images: list[QImage] = []
        self._fresh = False

    def set_pages(self, sizes: list[QSize], images: list[QImage]) -> None:
        self.sizes = sizes
        self.images = images
        self._fresh = bool(images)
        # In a resizable scroll area: at least the sheets' size (scroll bars beyond it), else the view's.
        self.setMinimumSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        if not self.sizes:
            return QSize(0, 0)
        width = max(s.width() for s in self.sizes) + 2 * MARGIN
        height = sum(s.height() for s in self.sizes) + MARGIN * (len(self.sizes) + 1)
        return QSize(width, height)

    def sheet_rects(self) -> list[QRectF]:
        rects = []
        top = MARGIN
        for size in self.sizes:
            left = (self.width() - size.width()) / 2
            rects.append(QRectF(left, top, size.width(), size.height()))
            top += size.height() + MARGIN
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), DESK)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for rect, image in zip(self.sheet_rects(), self.images, strict=False):
            if not rect.intersects(QRectF(event.rect())):
                continue
            painter.fillRect(rect.translated(3, 3), SHADOW)
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.drawImage(rect, image)
        painter.end()
        if self._fresh:
            self._fresh = False
            self.painted.emit()


__all__ = ["PageView"]

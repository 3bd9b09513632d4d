"""打印预览: the pages the PDF export makes, with thumbnails, zoom, page navigation and the duplex
layout, and 打印… from there.

The dialog shows what it is given (`set_pages`); the feature lays the pages out (in a worker) and
lays them out again when the duplex choice changes (`layoutChanged`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.gui.actions import make_action
from kpi_editor.gui.printing.pages import PageImages
from kpi_editor.gui.printing.view import DESK, MARGIN, PageView

SCREEN_DPI = 96.0  # 100 % shows a page at its printed size on a 96 dpi screen
THUMB_WIDTH = 110  # logical pixels
ZOOMS = (25, 50, 75, 100, 125, 150, 200, 300, 400)
FIT_WIDTH, FIT_PAGE = "width", "page"
Index = QModelIndex | QPersistentModelIndex


def duplex_choices(tr: Any) -> list[tuple[str, str]]:
    """The export's duplex layouts (`DUPLEX_CHOICES`), as the preview and printing name them."""
    return [
        ("off", tr("单面")),
        ("front", tr("双面：编制说明、目录和正文从右页起")),
        ("units", tr("双面：每个单位从右页起")),
        ("tables", tr("双面：每张表从右页起")),
    ]


class ThumbnailModel(QAbstractListModel):
    """One row a page: its number, and a small image rendered when the list first shows it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.pages: PageImages | None = None
        self._pixmaps: dict[int, QPixmap] = {}
        self._ratio = parent.devicePixelRatioF()

    def set_pages(self, pages: PageImages | None) -> None:
        self.beginResetModel()
        self.pages = pages
        self._pixmaps.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() or self.pages is None else len(self.pages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pages = self.pages
        if pages is None or not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(row)
            if pixmap is None:
                pixmap = self._thumbnail(pages, row)
                self._pixmaps[row] = pixmap
            return pixmap
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(Qt.GlobalColor.white)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row + 1 in pages.blank:
                return self.tr("第 {page} 页（双面打印留空的背页）").format(page=row + 1)
            return self.tr("第 {page} 页").format(page=row + 1)
        return None

    def _thumbnail(self, pages: PageImages, row: int) -> QPixmap:
        """The page, small, on a sheet with a rim: a blank page must still show as a page."""
        width, _ = pages.size(row)
        image = pages.image(row, THUMB_WIDTH * self._ratio * 72 / width)
        pixmap = QPixmap.fromImage(image)
        painter = QPainter(pixmap)
        painter.setPen(QColor("#5f6670"))
        painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
        painter.end()
        pixmap.setDevicePixelRatio(self._ratio)
        return pixmap


class PrintPreviewDialog(QDialog):
    """Thumbnails on the left, the page on the right; a toolbar to print, move and zoom."""

    printRequested = Signal()
    layoutChanged = Signal(str, bool)  # duplex, mark blank pages

    def __init__(self, title: str, duplex: str, mark_blank: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.pages: PageImages | None = None
        # While a layout or a print made from this dialog runs, the dialog stays (its progress
        # dialog, a child, offers 取消); the feature says when.
        self.busy: Callable[[], bool] = lambda: False
        self.current = 0
        self.zoom: str | int = FIT_WIDTH
        self._render_timer = QTimer(self, singleShot=True, interval=0)
        self._render_timer.timeout.connect(self._show_page)

        self.print_action = make_action(self, self.tr("打印…"), self.printRequested.emit)
        self.first_action = make_action(self, self.tr("首页"), lambda: self.go_to(0))
        self.previous_action = make_action(self, self.tr("上一页"), lambda: self.go_to(self.current - 1))
        self.next_action = make_action(self, self.tr("下一页"), lambda: self.go_to(self.current + 1))
        self.last_action = make_action(self, self.tr("末页"), lambda: self.go_to(self.count - 1))
        self.zoom_out_action = make_action(self, self.tr("缩小"), lambda: self.step_zoom(-1))
        self.zoom_in_action = make_action(self, self.tr("放大"), lambda: self.step_zoom(1))
        for action, tip in (
            (self.first_action, "Home"),
            (self.previous_action, "PgUp"),
            (self.next_action, "PgDn"),
            (self.last_action, "End"),
            (self.zoom_out_action, "Ctrl+-"),
            (self.zoom_in_action, "Ctrl+="),
        ):
            action.setToolTip(f"{action.text()} ({tip})")

        self.page_spin = QSpinBox(self)
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.setMinimumWidth(self.page_spin.fontMetrics().horizontalAdvance("88888") + 28)
        self.page_spin.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_count_label = QLabel(self)
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.addItem(self.tr("适合宽度"), FIT_WIDTH)
        self.zoom_combo.addItem(self.tr("整页"), FIT_PAGE)
        for percent in ZOOMS:
            self.zoom_combo.addItem(f"{percent}%", percent)
        self.zoom_combo.activated.connect(lambda i: self.set_zoom(self.zoom_combo.itemData(i)))
        self.duplex_combo = QComboBox(self)
        for key, label in duplex_choices(self.tr):
            self.duplex_combo.addItem(label, key)
        self.duplex_combo.setCurrentIndex(max(0, self.duplex_combo.findData(duplex)))
        self.duplex_combo.setToolTip(self.tr("双面打印时，哪些内容从右页（正面）开始；需要时插入空白背页"))
        self.blank_check = QCheckBox(self.tr("空白背页印“此页无正文”"), self)
        self.blank_check.setChecked(mark_blank)
        self.duplex_combo.activated.connect(self._layout_changed)
        self.blank_check.toggled.connect(self._layout_changed)

        toolbar = QToolBar(self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.print_action)
        toolbar.addSeparator()
        toolbar.addActions([self.first_action, self.previous_action])
        toolbar.addWidget(self.page_spin)
        toolbar.addWidget(self.page_count_label)
        toolbar.addActions([self.next_action, self.last_action])
        toolbar.addSeparator()
        toolbar.addAction(self.zoom_out_action)
        toolbar.addWidget(self.zoom_combo)
        toolbar.addAction(self.zoom_in_action)
        self.toolbar = toolbar
        # The layout on a row of its own: the duplex choices are long, the window may be narrow.
        layout_row = QHBoxLayout()
        layout_row.setContentsMargins(6, 0, 6, 0)
        duplex_label = QLabel(self.tr("版式(&L)："), self)
        duplex_label.setBuddy(self.duplex_combo)
        layout_row.addWidget(duplex_label)
        layout_row.addWidget(self.duplex_combo)
        layout_row.addSpacing(12)
        layout_row.addWidget(self.blank_check)
        layout_row.addStretch(1)

        self.thumbnails = QListView(self)
        self.thumbnail_model = ThumbnailModel(self)
        self.thumbnails.setModel(self.thumbnail_model)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.thumbnails.setSpacing(6)
        self.thumbnails.setFixedWidth(THUMB_WIDTH + 56)
        desk = self.thumbnails.palette()
        desk.setColor(QPalette.ColorRole.Base, DESK)
        self.thumbnails.setPalette(desk)
        self.thumbnails.selectionModel().currentChanged.connect(self._thumbnail_chosen)

        self.view = PageView(self)
        self.page_area = _PageScroll(self)
        self.page_area.setWidget(self.view)
        self.page_area.setWidgetResizable(True)  # the desk fills the view; the sheet sits centred on it
        self.page_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.page_area.zoomed.connect(self.step_zoom)
        self.page_area.resized.connect(self._refit)

        pages_row = QHBoxLayout()
        pages_row.addWidget(self.thumbnails)
        pages_row.addWidget(self.page_area, 1)

        self.status_label = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addLayout(layout_row)
        layout.addLayout(pages_row, 1)
        layout.addLayout(bottom)

        # Page keys move between pages wherever the focus is in the dialog (the thumbnails too).
        for page_key, slot in (
            (Qt.Key.Key_PageUp, lambda: self.go_to(self.current - 1)),
            (Qt.Key.Key_PageDown, lambda: self.go_to(self.current + 1)),
            (Qt.Key.Key_Home, lambda: self.go_to(0)),
            (Qt.Key.Key_End, lambda: self.go_to(self.count - 1)),
        ):
            QShortcut(QKeySequence(page_key), self, slot)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.step_zoom(1))
        QShortcut(QKeySequence("Ctrl+="), self, lambda: self.step_zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.step_zoom(-1))
        self.resize(self._preferred_size())
        self._update_controls()

    # -- the pages ------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    def set_pages(self, pages: PageImages) -> None:
        """Show `pages` (the dialog owns them now), staying near the page that was shown."""
        old = self.pages
        self.pages = pages
        self.thumbnail_model.set_pages(pages)
        if old is not None:
            old.close()
        self.current = min(self.current, len(pages) - 1)
        self.page_spin.setMaximum(len(pages))
        self.page_count_label.setText(self.tr(" / {count} 页").format(count=len(pages)))
        self.setEnabled(True)
        self.go_to(self.current, force=True)

    def go_to(self, index: int, *, force: bool = False) -> None:
        if self.pages is None or not len(self.pages):
            return
        index = max(0, min(len(self.pages) - 1, index))
        if index == self.current and not force:
            return
        self.current = index
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        model_index = self.thumbnail_model.index(index)
        if self.thumbnails.currentIndex() != model_index:
            self.thumbnails.setCurrentIndex(model_index)
        self.thumbnails.scrollTo(model_index)
        self.page_area.verticalScrollBar().setValue(0)
        self._show_page()
        self._update_controls()

    def _thumbnail_chosen(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            self.go_to(index.row())

    # -- zoom -------------------------------------------------------------------------------------

    def set_zoom(self, zoom: str | int) -> None:
        self.zoom = zoom
        self.zoom_combo.setCurrentIndex(max(0, self.zoom_combo.findData(zoom)))
        self._show_page()
        self._update_controls()

    def step_zoom(self, direction: int) -> None:
        percent = round(self.zoom_percent())
        if direction > 0:
            self.set_zoom(next((z for z in ZOOMS if z > percent), ZOOMS[-1]))
        else:
            self.set_zoom(next((z for z in reversed(ZOOMS) if z < percent), ZOOMS[0]))

    def zoom_percent(self) -> float:
        """The zoom as a percentage of the printed size, fitted modes included."""
        if self.pages is None:
            return 100.0
        if isinstance(self.zoom, int):
            return float(self.zoom)
        width, height = self.pages.size(self.current)
        viewport = self.page_area.viewport().size()
        by_width = (viewport.width() - 2 * MARGIN) / (width / 72 * SCREEN_DPI)
        if self.zoom == FIT_WIDTH:
            return max(10.0, 100 * by_width)
        by_height = (viewport.height() - 2 * MARGIN) / (height / 72 * SCREEN_DPI)
        return max(10.0, 100 * min(by_width, by_height))

    def _refit(self) -> None:
        if isinstance(self.zoom, str):
            self._render_timer.start()  # after the resize settles, once

    def _show_page(self) -> None:
        pages = self.pages
        if pages is None:
            return
        width, height = pages.size(self.current)
        scale = self.zoom_percent() / 100 * SCREEN_DPI / 72  # logical pixels a point
        ratio = self.devicePixelRatioF()
        image = pages.image(self.current, scale * 72 * ratio)
        self.view.set_pages([QSize(round(width * scale), round(height * scale))], [image])
        self.status_label.setText(self._status())

    def _status(self) -> str:
        pages = self.pages
        assert pages is not None
        parts = [self.tr("第 {page} 页，共 {count} 页").format(page=self.current + 1, count=len(pages))]
        if pages.blank:
            parts[0] += self.tr("，其中 {blank} 页为双面打印留空的背页").format(blank=len(pages.blank))
        if self.current + 1 in pages.blank:
            parts.append(self.tr("本页留空"))
        parts.append(self.tr("缩放 {percent}%").format(percent=round(self.zoom_percent())))
        return " · ".join(parts)

    def _update_controls(self) -> None:
        count = self.count
        self.first_action.setEnabled(self.current > 0)
        self.previous_action.setEnabled(self.current > 0)
        self.next_action.setEnabled(self.current < count - 1)
        self.last_action.setEnabled(self.current < count - 1)
        percent = self.zoom_percent()
        self.zoom_out_action.setEnabled(percent > ZOOMS[0])
        self.zoom_in_action.setEnabled(percent < ZOOMS[-1])
        self.print_action.setEnabled(count > 0)
        self.blank_check.setEnabled(self.duplex_combo.currentData() != "off")

    # -- the layout ---------------------------------------------------------------------------------

    @property
    def duplex(self) -> str:
        return str(self.duplex_combo.currentData())

    def _layout_changed(self) -> None:
        self._update_controls()
        self.layoutChanged.emit(self.duplex, self.blank_check.isChecked())

    # -- the window ---------------------------------------------------------------------------------

    def _preferred_size(self) -> QSize:
        screen = self.screen().availableGeometry()
        return QSize(min(1100, screen.width() - 80), min(860, screen.height() - 80))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy():
            event.ignore()
            return
        self._release()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self.busy():
            return
        self._release()
        super().done(result)

    def _release(self) -> None:
        if self.pages is not None:
            self.thumbnail_model.set_pages(None)
            self.view.set_pages([], [])
            self.pages.close()
            self.pages = None


class _PageScroll(QScrollArea):
    """The page's scroll area: Ctrl+wheel zooms; a resize refits a fitted zoom."""

    zoomed = Signal(int)
    resized = Signal()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomed.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.resized.emit()


__all__ = ["PrintPreviewDialog", "ThumbnailModel", "duplex_choices"]

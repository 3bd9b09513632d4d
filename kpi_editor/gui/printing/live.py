"""实时预览: the current project's table as the PDF export prints it, redrawn after each edit.

An edit (or moving to another project) is debounced by 50 ms, on the leading edge: the first edit
after a pause is laid out at once, edits that follow within 50 ms of each other (fast typing, a
paste, replace-all) wait until they pause for 50 ms. A worker lays out a copy of that one project
(the export's own layout, in memory: the same pages as 导出 PDF of the project) and renders its
pages at the dock's width; the dock then shows them. Edits that arrive while a page is being laid
out are caught up with right after it. Nothing runs while the dock is hidden.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from kpi_editor.app.document import Document
from kpi_editor.app.jobs import Job
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import FormTemplate
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.printing.view import MARGIN, PageView
from kpi_editor.gui.scope import pdf_options

DELAY_MS = 50


class LivePreview(QWidget):
    """The dock's widget. `redrawn` is emitted when freshly laid-out pages are on the screen."""

    redrawn = Signal()

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("livePreview")
        self.context = context
        self.active = False
        self.job: Job | None = None
        self._pending = False
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = PageView(self)
        self.view.painted.connect(self.redrawn)
        self.area = _Area(self)
        self.area.setWidget(self.view)
        self.area.setWidgetResizable(True)
        # Always there, so the page's width (the dock's less the bar) never flips with its height.
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.resized.connect(self.schedule)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.area, 1)
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._last_change = 0.0
        self.timer.timeout.connect(self._start)
        context.documentChanged.connect(self._document_changed)
        context.currentChanged.connect(lambda _path: self.schedule())
        context.settingsChanged.connect(self.schedule)
        self._show_nothing()

    def sizeHint(self) -> QSize:
        return QSize(420, 600)

    def set_active(self, active: bool) -> None:
        """The dock was shown (start following edits) or hidden (stop)."""
        self.active = active
        if active:
            self.schedule()
        else:
            self.timer.stop()
            self._last_change = 0.0

    def schedule(self) -> None:
        if not self.active:
            return
        now = time.monotonic()
        after_a_pause = now - self._last_change >= DELAY_MS / 1000 and not self.timer.isActive()
        self._last_change = now
        # At once (when this edit's own handling is done), or when the changes pause.
        self.timer.start(0 if after_a_pause else DELAY_MS)

    def _document_changed(self, document: Document | None) -> None:
        self.stop()
        if document is not None:
            for signal in (document.itemChanged, document.inserted, document.removed, document.moved):
                signal.connect(self._changed)
            document.wasReset.connect(self.schedule)
        if document is None:
            self._show_nothing()
        else:
            self.schedule()

    def _changed(self, *_args: Any) -> None:
        self.schedule()

    # -- laying out --------------------------------------------------------------------------------

    def _start(self) -> None:
        if self.job is not None:
            self._pending = True  # caught up with when this one is done
            return
        document, path = self.context.document, self.context.current_project()
        if document is None or path is None:
            self._show_nothing()
            return
        department = document.booklet.departments[path[0]]
        project = department.projects[path[1]]
        # One project in a booklet of its own: the layout is the export's for that project.
        booklet = document.booklet.model_copy(
            update={
                "departments": [department.model_copy(update={"projects": [project.model_copy(deep=True)]})]
            }
        )
        width = max(160, self.area.viewport().width() - 2 * MARGIN)
        work = _work(booklet, project.id, document.template, self.context, width, self.devicePixelRatioF())
        self.job = Job(work, self)
        self.job.completed.connect(self._completed)
        self._project_name = project.name or self.tr("（未命名项目）")
        self.job.start()

    def _completed(self, outcome: str, detail: object) -> None:
        job = self.job
        if job is not None:
            job.wait()
            job.deleteLater()
        self.job = None
        if outcome == "done" and isinstance(detail, tuple):
            sizes, images = detail
            self.view.set_pages(sizes, images)
            self.caption.setText(
                self.tr("{name}　共 {pages} 页（与导出 PDF 相同）").format(
                    name=self._project_name, pages=len(images)
                )
            )
        elif outcome == "failed":
            self.caption.setText(self.tr("无法预览：{error}").format(error=detail))
        if self._pending:
            self._pending = False
            self._start()

    def _show_nothing(self) -> None:
        self.view.set_pages([], [])
        self.caption.setText(self.tr("选中一个项目，这里显示它打印出来的样子，随修改更新。"))

    def stop(self) -> None:
        """Wait for a layout in progress (the document is closing, or the window)."""
        self.timer.stop()
        self._pending = False
        if self.job is not None:
            self.job.completed.disconnect(self._completed)
            self.job.wait()
            self.job.deleteLater()
            self.job = None


def _work(
    booklet: Booklet,
    project_id: str,
    template: FormTemplate,
    context: EditorContext,
    width: int,
    ratio: float,
) -> Callable[[Callable[[int, int], bool]], tuple[list[QSize], list[QImage]]]:
    options = pdf_options(context.settings)

    def work(_progress: Callable[[int, int], bool]) -> tuple[list[QSize], list[QImage]]:
        from kpi_editor.gui.printing.pages import to_qimage
        from kpi_editor.io.pdf import render_pdf
        from kpi_editor.io.pdf.raster import PdfPages

        data, _result = render_pdf(booklet, template=template, project_ids=[project_id], options=options)
        sizes, images = [], []
        with PdfPages(data) as pages:
            for index in range(len(pages)):
                page_width, page_height = pages.size(index)
                sizes.append(QSize(width, round(width * page_height / page_width)))
                images.append(to_qimage(pages.render(index, width * ratio * 72 / page_width)))
        return sizes, images

    return work


class _Area(QScrollArea):
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.resized.emit()


__all__ = ["DELAY_MS", "LivePreview"]

"""The status line's counts: units, projects, Σ合计 and the booklet's errors and warnings."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from kpi_editor.app.document import Document
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.widgets import format_amount

SETTLE_MS = 120


class CountsLabel(QLabel):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Counts are a whole-booklet sum: one update after a burst of keystrokes, not one per key.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.refresh)
        context.documentChanged.connect(self._document_changed)

    def _document_changed(self, document: Document | None) -> None:
        if document is not None:
            document.findingsChanged.connect(self._findings_changed)
        self.refresh()

    def _findings_changed(self, _changed: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        document = self.context.document
        if document is None:
            self.setText("")
            return
        booklet = document.booklet
        counts = document.finding_counts()
        self.setText(
            self.tr(
                "{departments} 个单位 · {projects} 个项目 · Σ合计 {total} 万元 · {errors} 个错误 · {warnings} 个警告"
            ).format(
                departments=len(booklet.departments),
                projects=booklet.project_count,
                total=format_amount(booklet.total()),
                errors=counts.errors,
                warnings=counts.warnings,
            )
        )
        self.setToolTip(
            self.tr("另有 {advice} 条写法建议（问题面板中选“全部（含建议）”查看）").format(
                advice=counts.advice
            )
        )

"""The reviewer's side of the window: review mode, the 审核 dock, fingerprints, compare, merge and
the review report."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.jobs import JobRunner
from kpi_editor.gui.review.panel import ReviewPanel

BOOKLET_FINGERPRINT_MS = 1500
DOCK_WIDTH = 440


class ReviewFeature(QObject):
    def __init__(self, context: EditorContext, window: QMainWindow, jobs: JobRunner) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.jobs = jobs
        self.document: Document | None = None
        self.panel = ReviewPanel(context, window)
        self.dock = QDockWidget(self.tr("审核"), window)
        self.dock.setObjectName("reviewDock")
        self.dock.setWidget(self.panel)

        self.fingerprint_label = QLabel(window)
        self.fingerprint_label.setToolTip(
            self.tr("内容指纹：与打印页脚上的指纹相同，即为同一版本的内容（不含审核状态）")
        )
        self._project_fp = ""
        self._booklet_fp = ""
        self.booklet_timer = QTimer(self)
        self.booklet_timer.setSingleShot(True)
        self.booklet_timer.setInterval(BOOKLET_FINGERPRINT_MS)
        self.booklet_timer.timeout.connect(self.update_booklet_fingerprint)

        self.review_action = QAction(self.tr("审核模式"), self)
        self.review_action.setCheckable(True)
        self.review_action.setStatusTip(self.tr("表格内容只读，只能修改审核状态和审核意见"))
        self.review_action.toggled.connect(self.set_review_mode)
        self.compare_action = make_action(self, self.tr("比较版本…"), lambda: self.compare())
        self.merge_action = make_action(self, self.tr("汇编合并…"), lambda: self.merge())
        self.report_action = make_action(self, self.tr("导出审核报告…"), lambda: self.export_report())
        context.documentChanged.connect(self.set_document)
        context.currentChanged.connect(self._current_changed)
        self.set_document(None)

    def menu_actions(self) -> list[QAction | None]:
        """The 审核 menu; None is a separator."""
        return [
            self.review_action,
            self.dock.toggleViewAction(),
            None,
            self.compare_action,
            self.merge_action,
            self.report_action,
        ]

    # -- document and selection ---------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        self.document = document
        for action in (self.review_action, self.compare_action, self.report_action):
            action.setEnabled(document is not None)
        self._project_fp = ""
        self._booklet_fp = ""
        if document is not None:
            # Review mode is the window's: it carries over to the next document opened.
            document.set_review_mode(self.review_action.isChecked())
            for signal in (document.itemChanged, document.inserted, document.removed, document.moved):
                signal.connect(self._content_changed)
            self.update_booklet_fingerprint()
        self._show_mode(self.review_action.isChecked() and document is not None)
        self._show_fingerprints()

    def _current_changed(self, _path: ItemPath) -> None:
        self.update_project_fingerprint()

    # -- review mode --------------------------------------------------------------------------------

    def set_review_mode(self, on: bool) -> None:
        if self.document is not None:
            self.document.set_review_mode(on)
        if on and not self.dock.isVisible():
            self.dock.show()
            self.window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self._show_mode(on and self.document is not None)

    def _show_mode(self, on: bool) -> None:
        self.context.show_message(
            self.tr("审核模式：表格内容只读，只能修改审核状态和审核意见") if on else "", 0 if on else 1
        )

    # -- fingerprints -------------------------------------------------------------------------------

    def _content_changed(self, path: ItemPath, *rest: object) -> None:
        # A keystroke changes one project: recompute its fingerprint (cheap) now and the whole
        # booklet's once typing pauses.
        if rest and rest[0] == "review":
            return
        self._booklet_fp = ""
        self.booklet_timer.start()
        current = self.context.current_project()
        if current is not None and tuple(path[:2]) == current:
            self.update_project_fingerprint()
        else:
            self._show_fingerprints()

    def update_project_fingerprint(self) -> None:
        path = self.context.current_project()
        document = self.document
        if document is None or path is None:
            self._project_fp = ""
        else:
            department = document.booklet.departments[path[0]]
            self._project_fp = project_fingerprint(department.projects[path[1]], department)
        self._show_fingerprints()

    def update_booklet_fingerprint(self) -> None:
        self.booklet_timer.stop()
        self._booklet_fp = booklet_fingerprint(self.document.booklet) if self.document is not None else ""
        self._show_fingerprints()

    def _show_fingerprints(self) -> None:
        if self.document is None:
            self.fingerprint_label.setText("")
            return
        parts = []
        if self._project_fp:
            parts.append(self.tr("项目指纹 {fp}").format(fp=self._project_fp))
        parts.append(self.tr("全册指纹 {fp}").format(fp=self._booklet_fp or "…"))
        self.fingerprint_label.setText(" · ".join(parts))

    # -- compare, merge, report ------------------------------------------------------------------------

    def compare(self, other: Path | None = None) -> Any:
        from kpi_editor.gui.review.compare import CompareDialog

        if self.document is None:
            return None
        dialog = CompareDialog(self.document, self.context.prompts, self.window)
        if other is not None:
            dialog.compare_with_file(other)
        elif self.document.path is not None and self.document.path.exists():
            dialog.compare_with_saved()
        elif not dialog.choose_file():
            dialog.deleteLater()
            return None
        dialog.show()
        return dialog

    def merge(self, paths: list[Path] | None = None) -> Any:
        from kpi_editor.gui.review.merge import MergeDialog

        dialog = MergeDialog(self.context, self.window)
        if paths:
            dialog.add_paths(paths)
        dialog.show()
        return dialog

    def export_report(self) -> Any:
        document = self.document
        if document is None or self.jobs.busy:
            return None
        stem = document.file_stem
        folder = self.context.work_folder()
        target = self.context.prompts.export_path(
            str(folder / f"{stem}-审核报告.xlsx"), self.tr("Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)")
        )
        if target is None:
            return None
        fmt: Literal["pdf", "xlsx"] = "pdf" if target.suffix.lower() == ".pdf" else "xlsx"
        if target.suffix.lower() not in (".pdf", ".xlsx"):
            target = target.with_name(target.name + ".xlsx")
        snapshot = document.booklet.model_copy(deep=True)
        findings = list(document.findings())

        def work(_progress: Any) -> Any:
            from kpi_editor.io.report import write_review_report

            return write_review_report(snapshot, target, fmt, findings=findings)

        return self.jobs.run(work, self.tr("正在导出审核报告 {name}…").format(name=target.name), target)


__all__ = ["ReviewFeature"]

"""The reviewer's side of the window: review mode, the 审核 dock, statuses (one project or the
tree's selection, Ctrl+1 / Ctrl+2 / Ctrl+3), progress counts, fingerprints, compare, merge, the
submissions view, submission files, return letters and the review report."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.operations import Outcome
from kpi_editor.domain.engine import Severity
from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
from kpi_editor.domain.progress import unit_progress
from kpi_editor.domain.review import ReviewStatus
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.jobs import JobRunner
from kpi_editor.gui.marks import edited_text, status_icon, status_text
from kpi_editor.gui.review.panel import ReviewPanel

BOOKLET_FINGERPRINT_MS = 1500
PROGRESS_MS = 150
DOCK_WIDTH = 440
# The status keys. Ctrl+0 is 实际大小 (gui/zoom.py), so 未审核 takes the next free digit.
STATUS_KEYS = {
    ReviewStatus.APPROVED: "Ctrl+1",
    ReviewStatus.RETURNED: "Ctrl+2",
    ReviewStatus.PENDING: "Ctrl+3",
}


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
        self.status_actions = {
            status: make_action(
                self,
                self.tr("改为未审核") if status is ReviewStatus.PENDING else status_text(status),
                partial(self.set_status, status),
                STATUS_KEYS[status],
                tip=self.tr("设置所选项目（或所选单位的全部项目）的审核状态"),
            )
            for status in (ReviewStatus.APPROVED, ReviewStatus.RETURNED, ReviewStatus.PENDING)
        }
        for status, action in self.status_actions.items():
            action.setIcon(status_icon(status))
        self.compare_action = make_action(self, self.tr("比较版本…"), lambda: self.compare())
        self.merge_action = make_action(self, self.tr("汇编合并…"), lambda: self.merge())
        self.submissions_action = make_action(self, self.tr("提交情况…"), lambda: self.submissions())
        self.export_submission_action = make_action(
            self,
            self.tr("导出本单位提交文件…"),
            lambda: self.export_submission(),
            tip=self.tr("把当前单位（或所选的几个单位）存为带提交信息的文件，报送财政局"),
        )
        self.letters_action = make_action(self, self.tr("生成审核意见书…"), lambda: self.letters())
        self.report_action = make_action(self, self.tr("导出审核报告…"), lambda: self.export_report())

        # The status bar's progress counts, once edits pause.
        self.progress_label = QLabel(window)
        self.progress_timer = QTimer(self)
        self.progress_timer.setSingleShot(True)
        self.progress_timer.setInterval(PROGRESS_MS)
        self.progress_timer.timeout.connect(self.update_progress)
        context.documentChanged.connect(self.set_document)
        context.currentChanged.connect(self._current_changed)
        self.set_document(None)

    def menu_actions(self) -> list[QAction | None]:
        """The 审核 menu; None is a separator."""
        return [
            self.review_action,
            self.dock.toggleViewAction(),
            None,
            *self.status_actions.values(),
            None,
            self.compare_action,
            self.merge_action,
            self.submissions_action,
            None,
            self.export_submission_action,
            self.letters_action,
            self.report_action,
        ]

    # -- document and selection ---------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        self.document = document
        for action in (
            self.review_action,
            self.compare_action,
            self.report_action,
            self.submissions_action,
            self.export_submission_action,
            self.letters_action,
        ):
            action.setEnabled(document is not None)
        self._project_fp = ""
        self._booklet_fp = ""
        if document is not None:
            # Review mode is the window's: it carries over to the next document opened.
            document.set_review_mode(self.review_action.isChecked())
            for signal in (document.itemChanged, document.inserted, document.removed, document.moved):
                signal.connect(self._content_changed)
                signal.connect(self._schedule_progress)
            self.update_booklet_fingerprint()
        self._show_mode(self.review_action.isChecked() and document is not None)
        self._show_fingerprints()
        self._update_status_actions()
        self.update_progress()

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
        self._update_status_actions()
        self.update_progress()

    def _update_status_actions(self) -> None:
        on = self.document is not None and self.review_action.isChecked()
        for action in self.status_actions.values():
            action.setEnabled(on)

    # -- statuses and progress ----------------------------------------------------------------------

    def reviewer(self) -> str:
        """Who signs a status: the name in the panel (the settings' 审核人 unless changed there)."""
        return self.panel.author_edit.text().strip() or self.context.settings.comment_author()

    def set_status(self, status: ReviewStatus) -> Outcome:
        """Give `status` to the tree's selected projects and units (or the current project)."""
        ops = self.context.ops
        targets = self.context.selected_or_current()
        if ops is None:
            return Outcome()
        if not targets:
            self.context.show_message(self.tr("请先在左侧树中选择项目或单位"), 5000)
            return Outcome()
        outcome = ops.set_statuses(targets, status, self.reviewer())
        if outcome.done:
            count = self._last_step_size()
            self.context.show_message(
                self.tr("已将 {count} 个项目设为“{status}”（可撤销：Ctrl+Z）").format(
                    count=count, status=status_text(status)
                ),
                5000,
            )
        elif outcome.refused:
            self.context.show_message(outcome.refused, 5000)
        else:
            self.context.show_message(
                self.tr("所选项目已是“{status}”，未改动").format(status=status_text(status)), 5000
            )
        return outcome

    def _last_step_size(self) -> int:
        document = self.document
        if document is None or document.undo_stack.index() == 0:
            return 0
        step = document.undo_stack.command(document.undo_stack.index() - 1)
        return max(1, step.childCount())

    def update_progress(self) -> None:
        """审核通过 120 · 退回修改 8 · 已修改待复审 3 · 未审核 196, shown in review mode or once the
        file carries any status."""
        self.progress_timer.stop()
        document = self.document
        if document is None:
            self.progress_label.setText("")
            self.progress_label.hide()
            return
        statuses = self.context.statuses
        assert statuses is not None  # made with the document
        counts = statuses.counts()
        shown = document.review_mode or counts.total > counts.pending
        self.progress_label.setVisible(shown)
        self.progress_label.setText(counts.describe() if shown else "")
        tip = self.tr("审核进度（按当前内容：审核后被修改的项目计为已修改待复审）")
        if counts.edited:
            tip += "\n" + self.tr("其中 {count} 个项目{edited}，待复审").format(
                count=counts.edited, edited=edited_text()
            )
        self.progress_label.setToolTip(tip)

    def _schedule_progress(self, *_args: object) -> None:
        self.progress_timer.start()

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

    def submissions(self) -> Any:
        """The submissions view: expected units, who submitted, when, which version, who is missing."""
        from kpi_editor.gui.review.submissions import SubmissionsDialog

        if self.document is None:
            return None
        dialog = SubmissionsDialog(self.context, self.window)
        dialog.show()
        return dialog

    # -- what goes out: submission files, letters, the report -----------------------------------------

    def chosen_units(self) -> list[str]:
        """Codes of the units the user is on: those of the tree's selection, else the current
        unit, else the only one a clerk's file has."""
        document = self.document
        if document is None:
            return []
        departments = document.booklet.departments
        rows = sorted({path[0] for path in self.context.selected_or_current()})
        if not rows and len(departments) == 1:
            rows = [0]
        return [departments[d].code for d in rows]

    def export_submission(self) -> list[Path]:
        """文件 ▸ 导出本单位提交文件…: the current unit (or each selected unit) as a file with its
        submission manifest; asks first when its tables still have errors."""
        from kpi_editor.io.submission import (
            export_submission,
            split_booklet,
            split_plan,
            submission_file_name,
        )

        document = self.document
        if document is None:
            return []
        codes = self.chosen_units()
        if not codes:
            self.context.prompts.info(
                self.tr("导出本单位提交文件"), self.tr("请先在左侧树中选择要导出的单位（可以选多个）。")
            )
            return []
        wanted = set(codes)
        errors = sum(
            1
            for department, project in document.booklet.projects()
            if department.code in wanted
            for f in document.project_findings(project.id)
            if f.severity is Severity.ERROR
        )
        if errors:
            choice = self.context.prompts.export_with_errors(errors)
            if choice == "view":
                self.context.findingsRequested.emit()
                return []
            if choice != "export":
                return []
        booklet = document.booklet
        submitter = self.context.settings.comment_author()
        folder = self.context.work_folder()
        try:
            if len(codes) == 1:
                department = booklet.department(codes[0])
                assert department is not None
                target = self.context.prompts.export_path(
                    str(folder / submission_file_name(department)), self.tr("提交文件 (*.kpi.json)")
                )
                if target is None:
                    return []
                if not target.name.endswith(".json"):
                    target = target.with_name(target.name + ".kpi.json")
                manifest = export_submission(booklet, codes[0], target, submitter)
                summary = manifest.validation
                self.context.show_message(
                    self.tr(
                        "已导出提交文件 {path}：{projects} 个项目，错误 {errors} 个，警告 {warnings} 个"
                    ).format(
                        path=target,
                        projects=manifest.projects,
                        errors=summary.errors,
                        warnings=summary.warnings,
                    ),
                    10000,
                )
                return [target]
            chosen = self.context.prompts.folder_path(
                self.tr("选择保存 {count} 个提交文件的文件夹").format(count=len(codes)), str(folder)
            )
            if chosen is None:
                return []
            existing = [path for _code, path in split_plan(booklet, chosen, codes) if path.exists()]
            if existing and not self.context.prompts.confirm(
                self.tr("导出本单位提交文件"),
                self.tr("文件夹中已有 {count} 个同名文件（如 {name}）。覆盖它们吗？").format(
                    count=len(existing), name=existing[0].name
                ),
            ):
                return []
            files = split_booklet(booklet, chosen, submitter, codes=codes, overwrite=True)
        except OSError as exc:
            self.context.prompts.error(self.tr("导出失败"), self.tr("无法写入：{error}").format(error=exc))
            return []
        self.context.show_message(
            self.tr("已导出 {count} 个提交文件到 {folder}").format(count=len(files), folder=chosen), 10000
        )
        return [f.path for f in files]

    def letters(self) -> Any:
        """审核 ▸ 生成审核意见书…: for the chosen units, else every unit with returned projects."""
        from kpi_editor.gui.review.outputs import LettersDialog

        document = self.document
        if document is None:
            return None
        chosen = self.chosen_units()
        if not chosen:
            chosen = [d.code for d in document.booklet.departments if unit_progress(d).counts.returned]
        dialog = LettersDialog(self.context, self.jobs, chosen, self.reviewer(), self.window)
        dialog.show()
        return dialog

    def export_report(self) -> Any:
        """审核 ▸ 导出审核报告…: the chosen units (default all) and statuses."""
        from kpi_editor.gui.review.outputs import ReportDialog

        if self.document is None or self.jobs.busy:
            return None
        dialog = ReportDialog(self.context, self.jobs, self.chosen_units(), self.window)
        dialog.show()
        return dialog


__all__ = ["ReviewFeature"]

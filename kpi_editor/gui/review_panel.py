"""The reviewer's side of the main window: review mode, status and comments, fingerprints.

``ReviewPanel`` (a dock) shows the selected project's status and every comment on it or on its
rows. ``ReviewController`` wires the panel, the 审核 menu, the tree's status filter and the
fingerprint label into the main window, so the window itself only creates it and tells it when
the document changes.

Outside review mode the panel still lists the comments and lets the clerk tick them resolved;
status, new comments and deletions need review mode, in which the content is read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app import review_commands as rc
from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.settings import os_user_name
from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
from kpi_editor.domain.model import Project
from kpi_editor.domain.review import ReviewStatus
from kpi_editor.gui.review_marks import comment_icon, status_icon, status_text

if TYPE_CHECKING:
    from kpi_editor.gui.main_window import MainWindow

BOOKLET_FINGERPRINT_MS = 1500
ALL_STATUSES = "all"


class ReviewPanel(QWidget):
    """Status selector and comment list of one project."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.path: ItemPath | None = None
        self.row: int | None = None  # the indicator row a new comment is about
        self.review_mode = False
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        form = QFormLayout()
        self.status_combo = QComboBox(self)
        for status in ReviewStatus:
            self.status_combo.addItem(status_icon(status), status_text(status), status.value)
        self.status_combo.activated.connect(self._status_chosen)
        form.addRow(self.tr("审核状态"), self.status_combo)
        layout.addLayout(form)
        self.comments = QTreeWidget(self)
        self.comments.setHeaderLabels([self.tr("已处理"), self.tr("位置"), self.tr("审核意见")])
        self.comments.setRootIsDecorated(False)
        self.comments.setWordWrap(True)
        self.comments.header().setStretchLastSection(True)
        self.comments.header().resizeSection(0, 56)
        self.comments.header().resizeSection(1, 190)
        self.comments.itemChanged.connect(self._item_checked)
        layout.addWidget(self.comments, 1)
        self.target_label = QLabel(self)
        layout.addWidget(self.target_label)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("写下审核意见，例如：指标值应量化，请补充具体数量"))
        self.text_edit.setFixedHeight(64)
        layout.addWidget(self.text_edit)
        buttons = QHBoxLayout()
        self.author_edit = QLineEdit(os_user_name(), self)
        self.author_edit.setPlaceholderText(self.tr("审核人"))
        self.add_button = QPushButton(self.tr("添加意见"), self)
        self.add_button.clicked.connect(self.add_comment)
        self.delete_button = QPushButton(self.tr("删除所选意见"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(QLabel(self.tr("审核人"), self))
        buttons.addWidget(self.author_edit, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._filling = False
        self.refresh()

    def project(self) -> Project | None:
        if self.document is None or self.path is None:
            return None
        item = self.document.item(self.path)
        return item if isinstance(item, Project) else None

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.itemChanged.disconnect(self._item_changed)
        self.document = document
        self.path = None
        self.row = None
        if document is not None:
            document.itemChanged.connect(self._item_changed)
        self.refresh()

    def set_current(self, path: ItemPath | None, row: int | None = None) -> None:
        self.path = path
        self.row = row
        self.refresh()

    def set_review_mode(self, on: bool) -> None:
        self.review_mode = on
        self.refresh()

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if self.path is not None and path[:2] == self.path and (field == "review" or len(path) == 2):
            self.refresh()

    def refresh(self) -> None:
        project = self.project()
        self._filling = True
        self.comments.clear()
        if project is None:
            self.title.setText(self.tr("选择一个项目以查看审核状态和审核意见"))
            self.status_combo.setEnabled(False)
        else:
            self.title.setText(project.name)
            status = project.review_status
            self.status_combo.setCurrentIndex(list(ReviewStatus).index(status))
            self.status_combo.setEnabled(self.review_mode)
            for c in project.review.comments if project.review is not None else []:
                where = (
                    self.tr("第{row}行 {name}").format(
                        row=c.indicator + 1, name=_row_name(project, c.indicator)
                    )
                    if c.indicator is not None
                    else self.tr("整个项目")
                )
                signed = f"{c.author} {c.time[5:16].replace('T', ' ')}".strip()
                item = QTreeWidgetItem(["", f"{where}\n{signed}", c.text])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if c.resolved else Qt.CheckState.Unchecked)
                item.setIcon(1, comment_icon(not c.resolved))
                item.setToolTip(2, c.text)
                self.comments.addTopLevelItem(item)
        # Wrapped comments need their row heights measured at the column's actual width.
        self.comments.doItemsLayout()
        self._filling = False
        has = project is not None
        self.add_button.setEnabled(has and self.review_mode)
        self.delete_button.setEnabled(has and self.review_mode)
        self.text_edit.setEnabled(has and self.review_mode)
        self.author_edit.setEnabled(self.review_mode)
        if project is not None and self.row is not None and self.row < len(project.indicators):
            self.target_label.setText(
                self.tr("新意见针对：第{row}行 {name}").format(
                    row=self.row + 1, name=_row_name(project, self.row)
                )
            )
        else:
            self.target_label.setText(self.tr("新意见针对：整个项目（在表格中选中一行可针对该行）"))

    def _status_chosen(self, index: int) -> None:
        if self.document is None or self.path is None:
            return
        if not self.review_mode:
            self.refresh()
            return
        rc.set_status(self.document, self.path, ReviewStatus(self.status_combo.itemData(index)))

    def add_comment(self) -> bool:
        if self.document is None or self.path is None or not self.review_mode:
            return False
        project = self.project()
        row = self.row if project is not None and self.row is not None else None
        if row is not None and project is not None and row >= len(project.indicators):
            row = None
        added = rc.add_comment(
            self.document, self.path, self.text_edit.toPlainText(), self.author_edit.text().strip(), row
        )
        if added:
            self.text_edit.clear()
        return added

    def delete_selected(self) -> None:
        if self.document is None or self.path is None or not self.review_mode:
            return
        rows = sorted(
            (self.comments.indexOfTopLevelItem(i) for i in self.comments.selectedItems()), reverse=True
        )
        if not rows:
            return
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("删除审核意见"))
        for row in rows:
            rc.delete_comment(self.document, self.path, row)
        stack.endMacro()

    def _item_checked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or self.document is None or self.path is None:
            return
        index = self.comments.indexOfTopLevelItem(item)
        resolved = item.checkState(0) == Qt.CheckState.Checked
        # Deferred: the command refreshes this list, which must not happen inside its own signal.
        QTimer.singleShot(0, lambda: self._set_resolved(index, resolved))

    def _set_resolved(self, index: int, resolved: bool) -> None:
        if self.document is not None and self.path is not None:
            rc.set_resolved(self.document, self.path, index, resolved)


def _row_name(project: Project, row: int) -> str:
    if row >= len(project.indicators):
        return ""
    indicator = project.indicators[row]
    return indicator.name or indicator.level2


class ReviewController(QObject):
    """Adds review mode, the 审核 menu, the status filter and fingerprints to the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: Document | None = None
        self.panel = ReviewPanel(window)
        self.settings_changed()
        self.dock = QDockWidget(self.tr("审核"), window)
        self.dock.setObjectName("reviewDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [440], Qt.Orientation.Horizontal)
        self.dock.hide()

        self.status_filter = QComboBox(window)
        self.status_filter.addItem(self.tr("全部"), ALL_STATUSES)
        for status in ReviewStatus:
            self.status_filter.addItem(status_icon(status), status_text(status), status.value)
        self.status_filter.setToolTip(self.tr("按审核状态筛选项目"))
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        # The tree's tool row (封面按钮, 仅显示有问题的项目 …) is the first item of its column.
        top = window.only_findings_check.parentWidget().layout().itemAt(0).layout()
        top.insertWidget(top.count() - 1, QLabel(self.tr("审核状态"), window))
        top.insertWidget(top.count() - 1, self.status_filter)

        self.fingerprint_label = QLabel(window)
        self.fingerprint_label.setToolTip(
            self.tr("内容指纹：与打印页脚上的指纹相同，即为同一版本的内容（不含审核状态）")
        )
        window.statusBar().addPermanentWidget(self.fingerprint_label)
        self._project_fp = ""
        self._booklet_fp = ""
        self.booklet_timer = QTimer(self)
        self.booklet_timer.setSingleShot(True)
        self.booklet_timer.setInterval(BOOKLET_FINGERPRINT_MS)
        self.booklet_timer.timeout.connect(self.update_booklet_fingerprint)

        self.review_action = QAction(self.tr("审核模式"), window)
        self.review_action.setCheckable(True)
        self.review_action.setStatusTip(self.tr("表格内容只读，只能修改审核状态和审核意见"))
        self.review_action.toggled.connect(self.set_review_mode)
        self.compare_action = QAction(self.tr("比较版本…"), window)
        self.compare_action.triggered.connect(lambda _checked=False: self.compare())
        self.merge_action = QAction(self.tr("汇编合并…"), window)
        self.merge_action.triggered.connect(lambda _checked=False: self.merge())
        self.report_action = QAction(self.tr("导出审核报告…"), window)
        self.report_action.triggered.connect(lambda _checked=False: self.export_report())
        menu = window.menuBar().addMenu(self.tr("审核(&R)"))
        menu.addAction(self.review_action)
        menu.addAction(self.dock.toggleViewAction())
        menu.addSeparator()
        menu.addActions([self.compare_action, self.merge_action, self.report_action])
        self.set_document(None)

    def settings_changed(self) -> None:
        """New comments are signed with the 审核人 from the settings (or the OS user name)."""
        self.panel.author_edit.setText(self.window.settings.comment_author())

    # -- document and selection ---------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            for signal in self._content_signals(self.document):
                signal.disconnect(self._content_changed)
        self.document = document
        self.panel.set_document(document)
        has = document is not None
        for action in (self.review_action, self.compare_action, self.report_action):
            action.setEnabled(has)
        self.status_filter.setEnabled(has)
        self.status_filter.setCurrentIndex(0)
        self._project_fp = ""
        self._booklet_fp = ""
        if document is not None:
            rc.set_review_mode(document, self.review_action.isChecked())
            for signal in self._content_signals(document):
                signal.connect(self._content_changed)
            selection = self.window.tree.selectionModel()
            selection.currentChanged.connect(self._current_changed)
            self.update_booklet_fingerprint()
        self.apply_review_mode()
        self._show_fingerprints()

    @staticmethod
    def _content_signals(document: Document) -> list[Any]:
        return [document.itemChanged, document.inserted, document.removed, document.moved]

    def current_project_path(self) -> ItemPath | None:
        path = self.window.current_path()
        return path[:2] if len(path) >= 2 else None

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        path = self.window.current_path()
        row = path[2] if len(path) == 3 else None
        self.panel.set_current(path[:2] if len(path) >= 2 else None, row)
        self._connect_table()
        self.update_project_fingerprint()

    def _connect_table(self) -> None:
        # The indicator table's model is replaced with each document: follow its selection.
        selection = self.window.project_page.table.selectionModel()
        if selection is not None and selection is not getattr(self, "_table_selection", None):
            self._table_selection = selection
            selection.currentChanged.connect(self._table_row_changed)

    def _table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.panel.path is not None and current.isValid():
            self.panel.set_current(self.panel.path, current.row())

    # -- review mode --------------------------------------------------------------------------------

    def set_review_mode(self, on: bool) -> None:
        if self.document is not None:
            rc.set_review_mode(self.document, on)
        if on and not self.dock.isVisible():
            self.dock.show()
            self.window.resizeDocks([self.dock], [440], Qt.Orientation.Horizontal)
        self.apply_review_mode()

    def apply_review_mode(self) -> None:
        """Make every content editor read-only (or editable again) and disable structure edits."""
        window = self.window
        on = rc.in_review_mode(self.document)
        self.panel.set_review_mode(on)
        for page in (window.booklet_page, window.department_page, window.project_page):
            for edit in page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit):
                edit.setReadOnly(on)
        for button in window.project_page.buttons.values():
            button.setEnabled(not on)
        # Page buttons that change content (they also refuse in review mode, but a clerk should see it).
        for page, name in (
            (window.booklet_page, "addSectionButton"),
            (window.booklet_page, "removeSectionButton"),
            (window.department_page, "addProjectButton"),
            (window.department_page, "moveUpButton"),
            (window.department_page, "moveDownButton"),
            (window.project_page, "fillTotalsButton"),
        ):
            page.findChild(QAbstractButton, name).setEnabled(not on)
        table = window.project_page.table
        editor = table.focusWidget() if table.state() == table.State.EditingState else None
        if on and editor is not None:
            # A cell editor left open would have every further key refused with a message box;
            # what it already committed stays.
            table.itemDelegate().closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        window.tree.setDragEnabled(not on)
        has = self.document is not None
        for name in (
            "add_department_action",
            "add_project_action",
            "duplicate_action",
            "delete_action",
            "move_up_action",
            "move_down_action",
            "add_row_action",
            "paste_rows_action",
            "fill_totals_action",
        ):
            getattr(window, name).setEnabled(has and not on)
        window.statusBar().showMessage(
            self.tr("审核模式：表格内容只读，只能修改审核状态和审核意见") if on else "", 0 if on else 1
        )

    def blocks_content(self) -> bool:
        """True in review mode; the window refuses structure edits (insert, remove, move) then."""
        if rc.in_review_mode(self.document):
            self.window.statusBar().showMessage(rc.review_refusal(), 8000)
            return True
        return False

    # -- status filter ----------------------------------------------------------------------------

    def show_all_statuses(self) -> None:
        """Switch the status filter back to 全部 (a project it hides is being selected)."""
        self.status_filter.setCurrentIndex(0)

    def _filter_changed(self, _index: int) -> None:
        value = self.status_filter.currentData()
        self.window.proxy.review_status = None if value in (None, ALL_STATUSES) else ReviewStatus(value)
        self.window.proxy.invalidate()
        if value not in (None, ALL_STATUSES):
            self.window.tree.expandToDepth(0)

    # -- fingerprints -------------------------------------------------------------------------------

    def _content_changed(self, path: ItemPath, *_rest: object) -> None:
        # A keystroke changes one project: recompute its fingerprint (cheap) now and the whole
        # booklet's once typing pauses.
        if _rest and _rest[0] == "review":
            return
        self._booklet_fp = ""
        self.booklet_timer.start()
        current = self.current_project_path()
        if current is not None and tuple(path[:2]) == current:
            self.update_project_fingerprint()
        else:
            self._show_fingerprints()

    def update_project_fingerprint(self) -> None:
        path = self.current_project_path()
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
        from kpi_editor.gui.compare_view import CompareDialog

        if self.document is None:
            return None
        dialog = CompareDialog(self.document, self.window.prompts, self.window)
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
        from kpi_editor.gui.dialogs.merge_dialog import MergeDialog

        dialog = MergeDialog(self.window, self.window.prompts)
        if paths:
            dialog.add_paths(paths)
        dialog.show()
        return dialog

    def export_report(self) -> Any:
        document = self.document
        window = self.window
        if document is None or (window.job is not None and window.job.isRunning()):
            return None
        stem = document.file_stem
        folder = document.path.parent if document.path else Path.home()
        target = window.prompts.export_path(
            str(folder / f"{stem}-审核报告.xlsx"), self.tr("Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)")
        )
        if target is None:
            return None
        fmt = "pdf" if target.suffix.lower() == ".pdf" else "xlsx"
        if target.suffix.lower() not in (".pdf", ".xlsx"):
            target = target.with_name(target.name + ".xlsx")
        snapshot = document.booklet.model_copy(deep=True)
        findings = list(document.findings())

        def work(_progress: Any) -> Any:
            from kpi_editor.io.report import write_review_report

            return write_review_report(snapshot, target, fmt, findings=findings)

        return window.run_job(work, self.tr("正在导出审核报告 {name}…").format(name=target.name), target)

"""The main window: tree of departments/projects/rows, the editor of the selection, findings below.

All questions to the user go through ``self.prompts`` (tests replace it). Every change goes
through the document's undo stack; the window title shows ``*`` while the stack is not clean.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.commands import Insert, Move, Remove, duplicate
from kpi_editor.app.document import (
    Document,
    ItemPath,
    discard_autosave,
    find_recoverable,
    lock_owner,
)
from kpi_editor.app.jobs import Job
from kpi_editor.app.settings import Settings
from kpi_editor.domain.engine import Finding
from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.review import ReviewStatus
from kpi_editor.domain.skeleton import required_rows
from kpi_editor.domain.template import load_template
from kpi_editor.gui.dialogs.prompts import Prompts
from kpi_editor.gui.dialogs.settings_dialog import SettingsDialog
from kpi_editor.gui.editors import BookletPage, DepartmentPage, ProjectPage
from kpi_editor.gui.findings_panel import FindingsPanel
from kpi_editor.gui.forms import load_form
from kpi_editor.gui.icons import app_icon
from kpi_editor.gui.indicator_model import ROW_MIME, parse_tsv, rows_from_table, rows_to_tsv
from kpi_editor.gui.review_panel import ReviewController
from kpi_editor.gui.tree_model import BookletTreeModel, format_amount
from kpi_editor.io.errors import FileFormatError
from kpi_editor.paths import sample_path

WELCOME, BOOKLET, DEPARTMENT, PROJECT = range(4)


class FindingsFilter(QSortFilterProxyModel):
    """Shows only departments and projects with findings when switched on (indicator rows stay)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.only_findings = False
        self.review_status: ReviewStatus | None = None  # 审核 status filter; None shows all

    def source(self) -> BookletTreeModel:
        model = self.sourceModel()
        assert isinstance(model, BookletTreeModel)
        return model

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.only_findings and self.review_status is None:
            return True
        model = self.source()
        path = (*model.path(parent), row)
        document = model.document
        if len(path) == 1:
            department = document.booklet.departments[row]
            return any(self._shows(p) for p in department.projects)
        if len(path) == 2:
            return self._shows(document.booklet.departments[path[0]].projects[row])
        return True

    def _shows(self, project: Project) -> bool:
        if self.only_findings and not self.source().document.project_findings(project.id):
            return False
        return self.review_status is None or project.review_status is self.review_status


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings.load()
        self.prompts = prompts or Prompts(self)
        self.document: Document | None = None
        self.tree_model: BookletTreeModel | None = None
        self.undo_group = QUndoGroup(self)
        self.job: Job | None = None
        self._search_hits: list[tuple[ItemPath, str | None]] = []
        self._search_pos = -1
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(120)
        self._status_timer.timeout.connect(self._findings_settled)
        self.setWindowIcon(app_icon())
        self.resize(1400, 900)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.review = ReviewController(self)
        self._update_title()
        self._update_actions()
        self._restore_geometry()

    # -- construction ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.booklet_button = QToolButton(left)
        self.booklet_button.setText(self.tr("封面与编制说明"))
        self.booklet_button.clicked.connect(self.show_booklet_page)
        self.only_findings_check = QCheckBox(self.tr("仅显示有问题的项目"), left)
        self.only_findings_check.toggled.connect(self._toggle_only_findings)
        top.addWidget(self.booklet_button)
        top.addWidget(self.only_findings_check)
        top.addStretch(1)
        left_layout.addLayout(top)
        self.search_bar = QWidget(left)
        search_layout = QHBoxLayout(self.search_bar)
        search_layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit(self.search_bar)
        self.search_edit.setPlaceholderText(self.tr("查找名称、指标和指标值（回车查找下一个）"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.find_next)
        self.search_edit.textChanged.connect(self._search_changed)
        self.search_label = QLabel(self.search_bar)
        search_layout.addWidget(self.search_edit, 1)
        search_layout.addWidget(self.search_label)
        self.search_bar.hide()
        left_layout.addWidget(self.search_bar)
        self.tree = QTreeView(left)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        left_layout.addWidget(self.tree, 1)
        self.proxy = FindingsFilter(self)

        self.pages = QStackedWidget(self)
        self.welcome = load_form("welcome", self.pages)
        self.booklet_page = BookletPage(self.pages)
        self.department_page = DepartmentPage(self.pages)
        self.project_page = ProjectPage(self.pages)
        for page in (self.welcome, self.booklet_page, self.department_page, self.project_page):
            self.pages.addWidget(page)
        self.welcome.findChild(QWidget, "newButton").clicked.connect(self.new_file)  # type: ignore[attr-defined]
        self.welcome.findChild(QWidget, "openButton").clicked.connect(lambda: self.open_file())  # type: ignore[attr-defined]
        self.welcome.findChild(QWidget, "sampleButton").clicked.connect(  # type: ignore[attr-defined]
            lambda: self.open_file(sample_path())
        )
        self.recent_list: QListWidget = self.welcome.findChild(QListWidget, "recentList")
        self.recent_list.itemActivated.connect(lambda item: self.open_file(Path(item.text())))
        self.department_page.add_project.connect(self.add_project)
        self.department_page.move_requested.connect(self.move_current)
        page = self.project_page
        page.buttons["addRow"].clicked.connect(self.add_row)
        page.buttons["insertRow"].clicked.connect(self.insert_row)
        page.buttons["duplicateRow"].clicked.connect(self.duplicate_rows)
        page.buttons["deleteRow"].clicked.connect(self.delete_rows)
        page.buttons["moveUp"].clicked.connect(lambda: self.move_rows(-1))
        page.buttons["moveDown"].clicked.connect(lambda: self.move_rows(1))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 880])
        self.setCentralWidget(splitter)

        self.findings_panel = FindingsPanel(self)
        self.findings_panel.activated.connect(self.go_to_finding)
        self.findings_dock = QDockWidget(self.tr("问题"), self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)

        self.undo_view = QUndoView(self.undo_group, self)
        self.undo_view.setEmptyLabel(self.tr("<打开时的状态>"))
        self.history_dock = QDockWidget(self.tr("操作历史"), self)
        self.history_dock.setObjectName("historyDock")
        self.history_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()

        status = self.statusBar()
        self.count_label = QLabel(status)
        status.addPermanentWidget(self.count_label)
        self.pages.setCurrentIndex(WELCOME)
        self._refresh_recent()

    def _action(
        self, text: str, slot: Callable[..., Any], shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("新建(&N)…"), self.new_file, QKeySequence.StandardKey.New)
        self.open_action = self._action(self.tr("打开(&O)…"), self.open_file, QKeySequence.StandardKey.Open)
        self.save_action = self._action(self.tr("保存(&S)"), self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(self.tr("另存为(&A)…"), self.save_as, "Ctrl+Shift+S")
        self.close_action = self._action(
            self.tr("关闭(&C)"), self.close_document, QKeySequence.StandardKey.Close
        )
        self.export_pdf_action = self._action(self.tr("导出 PDF…"), lambda: self.export("pdf"))
        self.export_xlsx_action = self._action(self.tr("导出 Excel…"), lambda: self.export("xlsx"))
        self.import_xlsx_action = self._action(self.tr("导入 Excel 工作簿…"), self.import_xlsx_file)
        self.import_text_action = self._action(self.tr("导入汇编文本…"), self.import_text_file)
        self.about_action = self._action(self.tr("关于(&A)"), self.show_about)
        self.quit_action = self._action(self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(self.tr("查找(&F)…"), self.show_search, QKeySequence.StandardKey.Find)
        self.find_next_action = self._action(
            self.tr("查找下一个"), self.find_next, QKeySequence.StandardKey.FindNext
        )
        self.add_department_action = self._action(self.tr("新建单位"), self.add_department)
        self.add_project_action = self._action(self.tr("新建项目"), self.add_project, "Ctrl+Shift+N")
        self.duplicate_action = self._action(self.tr("创建副本"), self.duplicate_current, "Ctrl+D")
        self.delete_action = self._action(
            self.tr("删除"), self.delete_current, QKeySequence.StandardKey.Delete
        )
        self.move_up_action = self._action(self.tr("上移"), lambda: self.move_current(-1), "Ctrl+Up")
        self.move_down_action = self._action(self.tr("下移"), lambda: self.move_current(1), "Ctrl+Down")
        self.add_row_action = self._action(self.tr("添加指标行"), self.add_row, "Ctrl+Return")
        self.copy_rows_action = self._action(
            self.tr("复制指标行"), self.copy_rows, QKeySequence.StandardKey.Copy
        )
        self.paste_rows_action = self._action(
            self.tr("粘贴指标行"), self.paste_rows, QKeySequence.StandardKey.Paste
        )
        self.fill_totals_action = self._action(
            self.tr("由分项计算财政拨款与合计"), self.project_page.fill_totals
        )
        self.revalidate_action = self._action(self.tr("重新检查全册"), self._revalidate, "F5")
        self.settings_action = self._action(self.tr("设置…"), self.edit_settings)
        # The table and tree own these shortcuts while they have focus.
        for action in (self.copy_rows_action, self.paste_rows_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(action)
            self.project_page.table.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(self.tr("最近打开(&R)"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addActions([self.save_action, self.save_as_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_xlsx_action, self.import_text_action])
        file_menu.addActions([self.export_pdf_action, self.export_xlsx_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_department_action, self.add_project_action, self.duplicate_action])
        edit_menu.addActions([self.delete_action, self.move_up_action, self.move_down_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_row_action, self.copy_rows_action, self.paste_rows_action])
        edit_menu.addAction(self.fill_totals_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.find_next_action])
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.findings_dock.toggleViewAction())
        view_menu.addAction(self.history_dock.toggleViewAction())
        view_menu.addAction(self.revalidate_action)
        tools_menu = bar.addMenu(self.tr("工具(&T)"))
        tools_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.about_action)
        self._refresh_recent()

    # -- documents ----------------------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Show `document` (already loaded) and forget the previous one, which the caller has saved."""
        old = self.document
        if old is not None:
            old.stateChanged.disconnect(self._update_title)
            old.findingsChanged.disconnect(self._schedule_status)
            old.editRejected.disconnect(self._edit_rejected)
            self.undo_group.removeStack(old.undo_stack)
            old.release()
        self.document = document
        self.booklet_page.set_document(document)
        self.project_page.set_document(document)
        self.findings_panel.set_document(document)
        if document is None:
            self.tree_model = None
            self.proxy.setSourceModel(None)  # type: ignore[arg-type]
            self.tree.setModel(None)  # type: ignore[arg-type]
            self.pages.setCurrentIndex(WELCOME)
        else:
            document.set_autosave_interval(self.settings.autosave_interval_s)
            document.stateChanged.connect(self._update_title)
            document.findingsChanged.connect(self._schedule_status)
            document.editRejected.connect(self._edit_rejected)
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
            self.tree_model = BookletTreeModel(document, self)
            self.proxy.setSourceModel(self.tree_model)
            self.tree.setModel(self.proxy)
            header = self.tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.resizeSection(1, 110)
            header.resizeSection(2, 80)
            self.tree.selectionModel().currentChanged.connect(self._current_changed)
            self.show_booklet_page()
        if old is not None:
            old.deleteLater()
        self._update_title()
        self._update_status()
        self._update_actions()
        self.review.set_document(document)
        self._refresh_recent()

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True means go ahead."""
        if self.document is None or not self.document.modified:
            return True
        choice = self.prompts.save_changes(self.document.display_name or self.tr("未命名"))
        if choice == "save":
            return self.save()
        return choice == "discard"

    def new_file(self) -> None:
        if not self.maybe_save():
            return
        choice = self.prompts.new_booklet()
        if choice is None:
            return
        template_id, year = choice
        template = load_template(template_id)
        booklet = Booklet(fiscal_year=year, template_id=template_id, title=template.labels.title)
        self.set_document(Document(booklet, None))

    def open_file(self, path: Path | None = None) -> bool:
        if path is None:
            path = self.prompts.open_path(
                str(Path(self.settings.last_file).parent) if self.settings.last_file else ""
            )
            if path is None:
                return False
        if not self.maybe_save():
            return False
        owner = lock_owner(path)
        if owner is not None and not self.prompts.confirm(
            self.tr("文件已被打开"),
            self.tr(
                "“{path}”已在另一个编辑器窗口（进程 {pid}）中打开。同时编辑会互相覆盖修改。仍要打开吗？"
            ).format(path=path, pid=owner),
        ):
            return False
        try:
            document = Document.open(path)
        except FileFormatError as exc:
            self.prompts.error(self.tr("无法打开文件"), str(exc))
            return False
        except OSError as exc:
            self.prompts.error(
                self.tr("无法打开文件"), self.tr("{path}：{error}").format(path=path, error=exc)
            )
            return False
        self.set_document(document)
        self.settings.add_recent(path)
        self._save_settings()
        self._refresh_recent()
        return True

    def recover_autosaves(self) -> bool:
        """Offer the autosaves a crashed instance left behind; True when one was recovered."""
        for info in find_recoverable():
            answer = self.prompts.recover(info)
            if answer is None:
                continue
            if answer is False:
                discard_autosave(info)
                continue
            try:
                document = Document.recover(info)
            except FileFormatError as exc:
                self.prompts.error(self.tr("无法恢复"), str(exc))
                continue
            self.set_document(document)
            return True
        return False

    def save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        suggested = str(self.document.path or Path.home() / f"{self.document.booklet.fiscal_year}.kpi.json")
        path = self.prompts.save_path(suggested)
        return self._save_to(path) if path is not None else False

    def _save_to(self, path: Path) -> bool:
        assert self.document is not None
        try:
            self.document.save(path)
        except OSError as exc:
            self.prompts.error(
                self.tr("保存失败"),
                self.tr("无法写入 {path}：{error}。原文件未改动。").format(path=path, error=exc),
            )
            return False
        self.settings.add_recent(path)
        self._save_settings()
        self._refresh_recent()
        self.statusBar().showMessage(self.tr("已保存到 {path}").format(path=path), 5000)
        return True

    def import_xlsx_file(self, path: Path | None = None) -> bool:
        """File ▸ 导入 Excel 工作簿: the workbook becomes a new unsaved document."""
        from kpi_editor.io.xlsx import import_xlsx, iter_issue_lines

        path = path or self.prompts.import_path(self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return False
        try:
            booklet, report = import_xlsx(path)
        except FileFormatError as exc:
            self.prompts.error(self.tr("无法导入"), str(exc))
            return False
        errors = sum(1 for issue in report.issues if issue.kind == "error")
        summary = self.tr("读入{projects}个项目；{errors}个错误，{notes}条提示。").format(
            projects=booklet.project_count, errors=errors, notes=len(report.issues) - errors
        )
        return self._open_imported(booklet, path, summary, list(iter_issue_lines(report)))

    def import_text_file(self, path: Path | None = None) -> bool:
        """File ▸ 导入汇编文本: the published booklet's text becomes a new unsaved document."""
        from kpi_editor.io.booklet_text import import_booklet_text

        path = path or self.prompts.import_path(self.tr("文本文件 (*.txt)"))
        if path is None:
            return False
        try:
            booklet, report = import_booklet_text(path)
        except FileFormatError as exc:
            self.prompts.error(self.tr("无法导入"), str(exc))
            return False
        summary = self.tr("读入{projects}个项目；{issues}处需要核对。").format(
            projects=booklet.project_count, issues=len(report.issues)
        )
        lines = report.format().splitlines() if report.issues else []
        return self._open_imported(booklet, path, summary, lines)

    def _open_imported(self, booklet: Booklet, source: Path, summary: str, lines: list[str]) -> bool:
        if not self.maybe_save():
            return False
        document = Document(booklet, None)
        # Nothing of it is on disk yet: closing must ask to save.
        document.undo_stack.resetClean()
        self.set_document(document)
        self.statusBar().showMessage(self.tr("已导入 {path}").format(path=source), 8000)
        if lines:
            self.prompts.import_report(source.name, summary, lines)
        return True

    def show_about(self) -> None:
        from kpi_editor.gui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_document(None)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None and self.job.isRunning():
            self.job.cancel()
            self.job.wait()
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode()
        self._save_settings()
        self.set_document(None)
        event.accept()

    def _restore_geometry(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self.statusBar().showMessage(self.tr("无法保存设置：{error}").format(error=exc), 5000)

    def _refresh_recent(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        self.recent_list.clear()
        for text in self.settings.recent_files:
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, p=text: self.open_file(Path(p)))
            self.recent_list.addItem(text)
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.apply_settings(dialog)

    def apply_settings(self, dialog: SettingsDialog) -> None:
        """Take what an accepted settings dialog shows, save it and apply what applies at once."""
        dialog.apply_to(self.settings)
        self._save_settings()
        if self.document is not None:
            self.document.set_autosave_interval(self.settings.autosave_interval_s)
        self.review.settings_changed()

    # -- title and status ------------------------------------------------------------------------------

    def _update_title(self) -> None:
        app_name = self.tr("绩效目标表编辑器")
        if self.document is None:
            self.setWindowTitle(app_name)
            self.setWindowModified(False)
            return
        name = self.document.display_name or self.tr("未命名")
        self.setWindowTitle(f"{name}[*] — {app_name}")
        self.setWindowModified(self.document.modified)

    def _schedule_status(self, _changed: object = None) -> None:
        # Counts and the findings-only tree filter are whole-booklet passes: coalesce a burst of
        # keystrokes into one update instead of paying for it on every key.
        self._status_timer.start()

    def _findings_settled(self) -> None:
        self._update_status()
        if self.only_findings_check.isChecked():
            self.proxy.invalidate()

    def _update_status(self) -> None:
        document = self.document
        if document is None:
            self.count_label.setText("")
            return
        booklet = document.booklet
        errors, warnings = document.counts()
        self.count_label.setText(
            self.tr(
                "{departments} 个单位 · {projects} 个项目 · Σ合计 {total} 万元 · {errors} 个错误 · {warnings} 个警告"
            ).format(
                departments=len(booklet.departments),
                projects=booklet.project_count,
                total=format_amount(booklet.total()),
                errors=errors,
                warnings=warnings,
            )
        )

    def _update_actions(self) -> None:
        has = self.document is not None
        for action in (
            self.save_action,
            self.save_as_action,
            self.close_action,
            self.export_pdf_action,
            self.export_xlsx_action,
            self.find_action,
            self.find_next_action,
            self.add_department_action,
            self.add_project_action,
            self.duplicate_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
            self.add_row_action,
            self.copy_rows_action,
            self.paste_rows_action,
            self.fill_totals_action,
            self.revalidate_action,
        ):
            action.setEnabled(has)
        self.booklet_button.setEnabled(has)
        self.only_findings_check.setEnabled(has)

    def _edit_rejected(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.prompts.warning(self.tr("无法修改"), message)

    def _revalidate(self) -> None:
        if self.document is not None:
            self.document.validate_all()

    # -- selection and navigation ----------------------------------------------------------------------

    def current_path(self) -> ItemPath:
        if self.tree_model is None:
            return ()
        index = self.proxy.mapToSource(self.tree.currentIndex())
        return self.tree_model.path(index)

    def select_path(self, path: ItemPath) -> None:
        if self.tree_model is None:
            return
        source = self.tree_model.index_for(path)
        # A finding or search hit must always be reachable: drop the tree filters that hide it, the
        # only-findings one first, then the 审核 status one.
        if self.only_findings_check.isChecked() and not self.proxy.mapFromSource(source).isValid():
            self.only_findings_check.setChecked(False)
        if not self.proxy.mapFromSource(source).isValid():
            self.review.show_all_statuses()
        index = self.proxy.mapFromSource(source)
        if len(path) > 1:
            self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        self.tree.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(index)

    def show_booklet_page(self) -> None:
        if self.document is None:
            return
        self.tree.selectionModel().clearCurrentIndex()
        self.tree.clearSelection()
        self.pages.setCurrentIndex(BOOKLET)
        self.findings_panel.set_current_project(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.document is None or self.tree_model is None:
            return
        path = self.tree_model.path(self.proxy.mapToSource(current))
        booklet = self.document.booklet
        if not path:
            self.pages.setCurrentIndex(BOOKLET)
            self.findings_panel.set_current_project(None)
            return
        department = booklet.departments[path[0]]
        if len(path) == 1:
            self.department_page.set_department(self.document, department)
            self.pages.setCurrentIndex(DEPARTMENT)
            self.findings_panel.set_current_project(None)
            return
        project = department.projects[path[1]]
        self.project_page.set_project(project)
        self.pages.setCurrentIndex(PROJECT)
        self.findings_panel.set_current_project(project.id)
        if len(path) == 3:
            self.project_page.select_cell(path[2], None)
            self.tree.setFocus()

    def go_to_finding(self, finding: Finding) -> None:
        """Select the tree item and the cell or field a finding points to."""
        if self.document is None or finding.project_id is None:
            if self.document is not None and finding.department:
                for d, department in enumerate(self.document.booklet.departments):
                    if department.code == finding.department:
                        self.select_path((d,))
                        break
            return
        path = self.document.project_path(finding.project_id)
        if path is None:
            return
        self.select_path(path)
        if finding.indicator is not None:
            self.project_page.select_cell(finding.indicator, finding.field)
        elif finding.field:
            self.project_page.focus_field(finding.field)

    # -- structure edits -------------------------------------------------------------------------------------

    def _push(self, command: Any) -> bool:
        """Push a structure edit; False (and the selection must stay) when review mode refuses it."""
        assert self.document is not None
        if self.review.blocks_content():
            return False
        self.document.undo_stack.push(command)
        return True

    def add_department(self) -> None:
        if self.document is None:
            return
        path = self.current_path()
        row = path[0] + 1 if path else len(self.document.booklet.departments)
        department = Department(code="", name=self.tr("新单位"))
        if self._push(Insert(self.document, (), row, [department], self.tr("新建单位"))):
            self.select_path((row,))

    def add_project(self) -> None:
        if self.document is None:
            return
        path = self.current_path()
        if not path:
            if not self.document.booklet.departments:
                self.add_department()
            path = self.current_path() or (0,)
        department = self.document.booklet.departments[path[0]]
        row = path[1] + 1 if len(path) >= 2 else len(department.projects)
        project = Project(
            name=self.tr("新项目"),
            unit_name=department.name,
            indicators=required_rows(self.document.template),
        )
        if self._push(Insert(self.document, path[:1], row, [project], self.tr("新建项目"))):
            self.select_path((path[0], row))

    def duplicate_current(self) -> None:
        if self.document is None:
            return
        if self.project_page.table.hasFocus():
            self.duplicate_rows()
            return
        path = self.current_path()
        if not path:
            return
        item = self.document.item(path)
        clone = duplicate(item)
        if isinstance(clone, Project):
            clone.name = self.tr("{name}（副本）").format(name=clone.name)
        if self._push(Insert(self.document, path[:-1], path[-1] + 1, [clone], self.tr("创建副本"))):
            self.select_path((*path[:-1], path[-1] + 1))

    def delete_current(self) -> None:
        if self.document is None:
            return
        if self.project_page.table.hasFocus():
            self.delete_rows()
            return
        path = self.current_path()
        if not path:
            return
        self._push(Remove(self.document, path[:-1], path[-1], 1, self.tr("删除")))

    def move_current(self, step: int) -> None:
        if self.document is None:
            return
        if self.project_page.table.hasFocus():
            self.move_rows(step)
            return
        path = self.current_path()
        if not path:
            return
        parent, row = path[:-1], path[-1]
        target = row + step
        if not 0 <= target < len(self.document.children(parent)):
            return
        if self._push(Move(self.document, parent, row, parent, target + 1 if step > 0 else target)):
            self.select_path((*parent, target))

    # -- indicator rows ----------------------------------------------------------------------------------

    def _project_path(self) -> ItemPath | None:
        return self.project_page.path() if self.pages.currentIndex() == PROJECT else None

    def add_row(self) -> None:
        path = self._project_path()
        if self.document is None or path is None:
            return
        row = len(self.document.children(path))
        if self._push(Insert(self.document, path, row, [Indicator()], self.tr("添加指标行"))):
            self.project_page.select_cell(row, None)

    def insert_row(self) -> None:
        path = self._project_path()
        if self.document is None or path is None:
            return
        rows = self.project_page.selected_rows()
        row = rows[0] if rows else 0
        level = self.document.children(path)[row] if rows else None
        template_row = Indicator(level1=level.level1, level2=level.level2) if level else Indicator()
        if self._push(Insert(self.document, path, row, [template_row], self.tr("插入指标行"))):
            self.project_page.select_cell(row, "name")

    def duplicate_rows(self) -> None:
        path = self._project_path()
        rows = self.project_page.selected_rows()
        if self.document is None or path is None or not rows:
            return
        items = [copy.deepcopy(self.document.children(path)[r]) for r in rows]
        if self._push(Insert(self.document, path, rows[-1] + 1, items, self.tr("复制指标行"))):
            self.project_page.select_rows(rows[-1] + 1, rows[-1] + len(items))

    def delete_rows(self) -> None:
        path = self._project_path()
        rows = self.project_page.selected_rows()
        if self.document is None or path is None or not rows or self.review.blocks_content():
            return
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("删除{count}个指标行").format(count=len(rows)))
        for row in reversed(rows):
            stack.push(Remove(self.document, path, row, 1))
        stack.endMacro()

    def move_rows(self, step: int) -> None:
        path = self._project_path()
        rows = self.project_page.selected_rows()
        if self.document is None or path is None or len(rows) != 1:
            return
        row, target = rows[0], rows[0] + step
        if not 0 <= target < len(self.document.children(path)):
            return
        if self._push(Move(self.document, path, row, path, target + 1 if step > 0 else target)):
            self.project_page.select_cell(target, None)

    def copy_rows(self) -> None:
        path = self._project_path()
        rows = self.project_page.selected_rows()
        if self.document is None or path is None or not rows or self.project_page.model is None:
            return
        items: list[Indicator] = [self.document.children(path)[r] for r in rows]
        data = QMimeData()
        data.setText(rows_to_tsv(items, self.project_page.model.keys))
        data.setData(ROW_MIME, json.dumps({"rows": rows, "items": [i.model_dump() for i in items]}).encode())
        QGuiApplication.clipboard().setMimeData(data)
        self.statusBar().showMessage(self.tr("已复制{count}行").format(count=len(items)), 3000)

    def paste_rows(self, data: QMimeData | None = None) -> None:
        """Insert rows from the clipboard (our own rows or tab-separated text from Excel) below the current row."""
        path = self._project_path()
        if self.document is None or path is None or self.project_page.model is None:
            return
        data = data or QGuiApplication.clipboard().mimeData()
        if data is None:
            return
        if data.hasFormat(ROW_MIME):
            payload = json.loads(bytes(data.data(ROW_MIME).data()).decode())
            items = [Indicator.model_validate(item) for item in payload["items"]]
        else:
            items = rows_from_table(parse_tsv(data.text()), self.project_page.model.keys)
        if not items:
            self.statusBar().showMessage(self.tr("剪贴板中没有可粘贴的行"), 3000)
            return
        rows = self.project_page.selected_rows()
        row = rows[-1] + 1 if rows else len(self.document.children(path))
        text = self.tr("粘贴{count}行").format(count=len(items))
        if self._push(Insert(self.document, path, row, items, text)):
            self.project_page.select_rows(row, row + len(items) - 1)

    # -- search ------------------------------------------------------------------------------------------

    def show_search(self) -> None:
        self.search_bar.show()
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _search_changed(self, _text: str) -> None:
        self._search_hits = []
        self._search_pos = -1
        self.search_label.clear()

    def search(self, text: str) -> list[tuple[ItemPath, str | None]]:
        """Every place `text` occurs: department names, project names and units, indicator cells."""
        if self.document is None or not text:
            return []
        needle = text.casefold()
        hits: list[tuple[ItemPath, str | None]] = []
        for d, department in enumerate(self.document.booklet.departments):
            if needle in f"{department.code} {department.name}".casefold():
                hits.append(((d,), None))
            for p, project in enumerate(department.projects):
                if needle in project.name.casefold():
                    hits.append(((d, p), "name"))
                elif needle in project.unit_name.casefold():
                    hits.append(((d, p), "unit_name"))
                for i, indicator in enumerate(project.indicators):
                    for key in ("level1", "level2", "name", "value"):
                        if needle in getattr(indicator, key).casefold():
                            hits.append(((d, p, i), key))
                            break
        return hits

    def find_next(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            return
        if not self._search_hits:
            self._search_hits = self.search(text)
            self._search_pos = -1
        if not self._search_hits:
            self.search_label.setText(self.tr("未找到"))
            return
        self._search_pos = (self._search_pos + 1) % len(self._search_hits)
        path, key = self._search_hits[self._search_pos]
        self.search_label.setText(f"{self._search_pos + 1}/{len(self._search_hits)}")
        self.select_path(path[:2])
        if len(path) == 3:
            self.project_page.select_cell(path[2], key)
            self.search_edit.setFocus()

    def _toggle_only_findings(self, on: bool) -> None:
        self.proxy.only_findings = on
        self.proxy.invalidate()

    # -- export --------------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Export the booklet (or the current department / project) in a worker thread."""
        if self.document is None or (self.job is not None and self.job.isRunning()):
            return
        scope = self._ask_scope()
        if scope is None:
            return
        departments, project_ids, label = scope
        booklet = self.document.booklet
        suffix = ".pdf" if kind == "pdf" else ".xlsx"
        stem = self.document.file_stem
        suggested = str(
            (self.document.path.parent if self.document.path else Path.home()) / f"{stem}{label}{suffix}"
        )
        file_filter = self.tr("PDF 文件 (*.pdf)") if kind == "pdf" else self.tr("Excel 工作簿 (*.xlsx)")
        target = self.prompts.export_path(suggested, file_filter)
        if target is None:
            return
        snapshot = booklet.model_copy(deep=True)
        template = self.document.template
        work = self._export_work(kind, snapshot, target, template, departments, project_ids)
        self.run_job(work, self.tr("正在导出 {name}…").format(name=target.name), target)

    def _export_work(
        self,
        kind: str,
        booklet: Booklet,
        target: Path,
        template: Any,
        departments: list[str] | None,
        project_ids: list[str] | None,
    ) -> Callable[[Callable[[int, int], bool]], Any]:
        if kind == "pdf":
            from kpi_editor.io.pdf import PdfOptions, export_pdf
            from kpi_editor.paths import resource_dir

            # "auto" lets the exporter prefer the system's SimSun/SimHei, as the issue asks.
            chosen = {"uming": "uming.ttc", "wqy-microhei": "wqy-microhei.ttc"}.get(self.settings.pdf_font)
            options = PdfOptions(body_font=resource_dir() / "fonts" / chosen if chosen else None)

            def work(progress: Callable[[int, int], bool]) -> Any:
                return export_pdf(
                    booklet,
                    target,
                    template=template,
                    departments=departments,
                    project_ids=project_ids,
                    options=options,
                    progress=progress,
                )

            return work
        from kpi_editor.io.xlsx.export import export_xlsx

        def work_xlsx(progress: Callable[[int, int], bool]) -> Any:
            return export_xlsx(
                booklet,
                target,
                template=template,
                departments=departments,
                project_ids=project_ids,
                progress=progress,
            )

        return work_xlsx

    def _ask_scope(self) -> tuple[list[str] | None, list[str] | None, str] | None:
        """Booklet, current department or current project, by the tree selection."""
        assert self.document is not None
        path = self.current_path()
        if not path:
            return None, None, ""
        department = self.document.booklet.departments[path[0]]
        if len(path) == 1:
            return [department.code], None, f"-{department.code}"
        project = department.projects[path[1]]
        choice = self.prompts.export_scope(department.name, project.name)
        if choice is None:
            return None
        if choice == "project":
            return None, [project.id], f"-{department.code}-{path[1] + 1}"
        if choice == "department":
            return [department.code], None, f"-{department.code}"
        return None, None, ""

    def run_job(self, work: Callable[[Callable[[int, int], bool]], Any], label: str, target: Path) -> Job:
        job = Job(work, self)
        dialog = QProgressDialog(label, self.tr("取消"), 0, 0, self)
        dialog.setWindowTitle(self.tr("导出"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def completed(outcome: str, detail: object) -> None:
            dialog.reset()
            dialog.deleteLater()
            if outcome == "done":
                self.statusBar().showMessage(self.tr("已导出到 {path}").format(path=target), 8000)
            elif outcome == "cancelled":
                self.statusBar().showMessage(self.tr("导出已取消，未写入文件"), 8000)
            else:
                self.prompts.error(self.tr("导出失败"), str(detail))

        job.progressed.connect(progressed)
        job.completed.connect(completed)
        self.job = job
        job.start()
        return job

"""The main window: wiring only. Features live in their packages and share an `EditorContext`.

Left: the tree (``gui/tree``) with the search bar (``gui/search``); right: the pages of the current
item (``gui/pages``); docks: findings (``gui/findings``), review (``gui/review``), the live print
preview (``gui/printing``), the indicator library (``gui/library``) and the undo history. Menus
bind the features' actions; files (``gui/files``), exports (``gui/exports``) and printing
(``gui/printing``) add theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QToolButton, QUndoView, QWidget

from kpi_editor.app.document import Document
from kpi_editor.app.settings import Settings
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.annual.feature import AnnualFeature
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.dialogs.prompts import Prompts
from kpi_editor.gui.exports.feature import ExportActions
from kpi_editor.gui.files.feature import FileActions
from kpi_editor.gui.findings.panel import FindingsPanel
from kpi_editor.gui.findings.status import CountsLabel
from kpi_editor.gui.icons import app_icon
from kpi_editor.gui.jobs import JobRunner
from kpi_editor.gui.library.feature import DOCK_WIDTH, LibraryFeature
from kpi_editor.gui.pages.stack import PageStack
from kpi_editor.gui.printing.feature import PrintFeature
from kpi_editor.gui.review.feature import ReviewFeature
from kpi_editor.gui.search.bar import SearchBar
from kpi_editor.gui.tree.actions import StructureActions
from kpi_editor.gui.tree.panel import TreePanel
from kpi_editor.gui.zoom import Zoom

PREFERRED_SIZE = QSize(1400, 900)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.context = EditorContext(settings or Settings.load(), prompts or Prompts(self), self)
        self.setWindowIcon(app_icon())
        context = self.context
        self.jobs = JobRunner(context, self)
        self.undo_group = QUndoGroup(self)
        # Built in this order: the tree hears navigation requests before the pages do.
        self.files = FileActions(context, self, self.jobs)
        self.annual = AnnualFeature(context, self)
        self.tree = TreePanel(context, self)
        self.structure = StructureActions(context, self.tree)
        self.search = SearchBar(context, self.tree)
        self.tree.add_bar(self.search)
        self.pages = PageStack(context, self.files.welcome, self)
        self.structure.rows = self.pages.project
        self.findings = FindingsPanel(context, self)
        self.counts = CountsLabel(context, self)
        self.review = ReviewFeature(context, self, self.jobs)
        self.exports = ExportActions(context, self.jobs)
        self.printing = PrintFeature(context, self, self.jobs)
        self.zoom = Zoom(context, self)
        self.library = LibraryFeature(context, self)
        self.library.attach(self.pages.project.table, self.pages.project.child(QToolButton, "suggestButton"))
        self._build_layout()
        self._build_actions()
        self._build_menus()
        context.documentChanged.connect(self._document_changed)
        context.message.connect(self.statusBar().showMessage)
        context.findingsRequested.connect(self._show_findings)
        self._document_changed(None)
        self._restore_geometry()

    # -- construction ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 880])
        self.setCentralWidget(splitter)
        self.findings_dock = self._dock(self.tr("问题"), "findingsDock", self.findings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.undo_view = QUndoView(self.undo_group, self)
        self.undo_view.setEmptyLabel(self.tr("<打开时的状态>"))
        self.history_dock = self._dock(self.tr("操作历史"), "historyDock", self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review.dock)
        self.resizeDocks([self.review.dock], [440], Qt.Orientation.Horizontal)
        self.review.dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.printing.dock)
        self.printing.dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.library.dock)
        self.resizeDocks([self.library.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.library.dock.hide()
        status = self.statusBar()
        status.addPermanentWidget(self.review.progress_label)
        status.addPermanentWidget(self.review.fingerprint_label)
        status.addPermanentWidget(self.counts)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _build_actions(self) -> None:
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.quit_action = make_action(self, self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit)
        self.settings_action = make_action(self, self.tr("设置…"), self.edit_settings)
        self.about_action = make_action(self, self.tr("关于(&A)"), self.show_about)
        self.guide_action = make_action(
            self, self.tr("使用说明(&G)"), self.show_guide, QKeySequence.StandardKey.HelpContents
        )
        self.revalidate_action = make_action(self, self.tr("重新检查全册"), self._revalidate, "F5")
        # Delete and Ctrl+- on the tree remove its item; in the table Delete clears cells and
        # Ctrl+- removes rows (the page's own actions). Ctrl+- is 缩小 everywhere else.
        self.tree.view.addAction(self.structure.delete_action)
        self.zoom.yield_ctrl_minus_to([self.tree.view, self.pages.project.table])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = self.files
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([files.new_action, self.annual.rollover_action, files.open_action])
        file_menu.addMenu(files.recent_menu)
        file_menu.addActions([files.save_action, files.save_as_action, files.close_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [
                files.import_xlsx_action,
                files.import_text_action,
                files.import_pdf_action,
                files.convert_action,
            ]
        )
        file_menu.addActions([self.exports.export_pdf_action, self.exports.export_xlsx_action])
        file_menu.addAction(self.review.export_submission_action)
        file_menu.addSeparator()
        file_menu.addActions([self.printing.preview_action, self.printing.print_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(self.structure.actions)
        edit_menu.addSeparator()
        project = self.pages.project
        edit_menu.addActions([project.add_row_action, project.insert_row_action, project.remove_rows_action])
        edit_menu.addActions([project.copy_rows_action, project.paste_rows_action])
        edit_menu.addAction(project.fill_totals_action)
        edit_menu.addAction(self.library.suggest_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.search.find_action, self.search.find_next_action])
        edit_menu.addAction(self.search.replace_action)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addActions(
            [
                self.findings_dock.toggleViewAction(),
                self.history_dock.toggleViewAction(),
                self.printing.live_action,
                self.library.toggle_action,
                self.revalidate_action,
            ]
        )
        view_menu.addSeparator()
        view_menu.addActions(self.zoom.actions)  # the actions live in the menu: their keys work
        tools_menu = bar.addMenu(self.tr("工具(&T)"))
        tools_menu.addAction(self.library.add_library_action)
        tools_menu.addAction(self.settings_action)
        self._add_menu(self.tr("审核(&R)"), self.review.menu_actions())
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addActions([self.guide_action, self.about_action])
        department = self.pages.department
        department.add_project.connect(self.structure.add_project)
        department.move_requested.connect(self.structure.move)

    def _add_menu(self, title: str, actions: list[QAction | None]) -> QMenu:
        menu = self.menuBar().addMenu(title)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    # -- the document -----------------------------------------------------------------------------

    def _document_changed(self, document: Document | None) -> None:
        for stack in self.undo_group.stacks():
            self.undo_group.removeStack(stack)
        if document is not None:
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
            document.stateChanged.connect(self._update_title)
            document.editRejected.connect(self._edit_rejected)
        self.revalidate_action.setEnabled(document is not None)
        self._update_title()

    def _update_title(self) -> None:
        app_name = self.tr("绩效目标表编辑器")
        document = self.context.document
        if document is None:
            self.setWindowTitle(app_name)
            self.setWindowModified(False)
            return
        name = document.display_name or self.tr("未命名")
        self.setWindowTitle(f"{name}[*] — {app_name}")
        self.setWindowModified(document.modified)

    def _edit_rejected(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.context.prompts.warning(self.tr("无法修改"), message)

    def _show_findings(self) -> None:
        self.findings_dock.show()
        self.findings_dock.raise_()

    def _revalidate(self) -> None:
        if self.context.document is not None:
            self.context.document.validate_all()

    # -- dialogs ----------------------------------------------------------------------------------

    def edit_settings(self) -> None:
        from kpi_editor.gui.dialogs.settings_dialog import SettingsDialog

        settings = self.context.settings
        dialog = SettingsDialog(settings, self)
        if not dialog.exec():
            return
        language = settings.language
        dialog.apply_to(settings)
        self.context.apply_settings()
        if settings.language != language and self.context.prompts.confirm(
            self.tr("界面语言"), self.tr("界面语言在重新启动后切换。现在重新启动编辑器吗？")
        ):
            self.restart()

    def restart(self) -> bool:
        """Close (asking to save) and start the editor again on the same file."""
        from kpi_editor.gui.app import relaunch

        document = self.context.document
        files = [document.path] if document is not None and document.path is not None else []
        if not self.close():
            return False
        return relaunch(files)

    def show_guide(self) -> None:
        from kpi_editor.gui.dialogs.guide import GuideDialog

        dialog = GuideDialog(self)
        dialog.show()  # beside the window, not in front of the work

    def show_about(self) -> None:
        from kpi_editor.gui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    # -- closing ------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.jobs.stop()
        self.printing.stop()
        if not self.context.maybe_save():
            event.ignore()
            return
        settings = self.context.settings
        settings.geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        settings.window_state = bytes(self.saveState().toBase64().data()).decode()
        self.context.save_settings()
        self.context.set_document(None)
        self.library.stop()  # after the last save: it may have started remembering the file
        event.accept()

    def _restore_geometry(self) -> None:
        settings = self.context.settings
        if not settings.geometry or not self.restoreGeometry(
            QByteArray.fromBase64(settings.geometry.encode())
        ):
            self.resize(PREFERRED_SIZE)
        if settings.window_state:
            self.restoreState(QByteArray.fromBase64(settings.window_state.encode()))
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (at 150 % scaling 1400×900 is not), never off it."""
        available = self.screen().availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), available.width() - frame.width())
        height = min(self.height(), available.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        geometry = self.frameGeometry()
        if not available.contains(geometry):
            geometry.moveCenter(available.center())
            self.move(max(available.left(), geometry.left()), max(available.top(), geometry.top()))


__all__ = ["MainWindow"]

"""The indicator library in the window: the 指标库 dock, 推荐指标…, suggestions on skeleton rows,
and the personal library fed by every save.

The index is built in a worker thread the first time something needs it (the dock is shown, the
dialog opened, a project with skeleton rows shown) and then shared; a library file that cannot be
used is left out with one message (the status line, and a line in the dock and the dialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow, QTableView, QToolButton

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.domain.suggest import LibraryIndex
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.library.dialog import SuggestDialog
from kpi_editor.gui.library.inplace import RowSuggester, is_skeleton
from kpi_editor.gui.library.panel import LibraryPanel
from kpi_editor.gui.library.store import LibraryStore
from kpi_editor.io.errors import FileFormatError

DOCK_WIDTH = 420


class LibraryFeature(QObject):
    def __init__(self, context: EditorContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.document: Document | None = None
        self.store = LibraryStore(self)
        self.panel = LibraryPanel(context, window)
        self.dock = QDockWidget(self.tr("指标库"), window)
        self.dock.setObjectName("libraryDock")
        self.dock.setWidget(self.panel)
        self.dock.visibilityChanged.connect(self._dock_visible)
        self.dialog: SuggestDialog | None = None
        self.rows = RowSuggester(context, self._index_for_rows, self)
        self._shown_errors: set[str] = set()
        self._checked = False  # the open document has looked at the library files (see _request)

        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText(self.tr("指标库"))
        self.toggle_action.setShortcut("F9")
        self.toggle_action.setStatusTip(
            self.tr("搜索指标库：其他单位写过的指标和共性指标，可直接插入当前项目")
        )
        self.suggest_action = make_action(
            self,
            self.tr("推荐指标…"),
            lambda: self.suggest(),
            "Ctrl+Shift+R",
            tip=self.tr("按项目名称和已有的指标，推荐各二级指标下的常用指标，勾选后一次插入"),
        )
        self.add_library_action = make_action(self, self.tr("添加指标库文件…"), lambda: self.add_library())
        self.panel.addLibraryRequested.connect(self.add_library)
        self.store.ready.connect(self._index_ready)
        self.store.remembered.connect(self._remembered)
        context.documentChanged.connect(self._document_changed)
        context.currentChanged.connect(self._current_changed)
        context.saved.connect(self._saved)
        self._document_changed(None)

    def attach(self, table: QTableView, button: QAbstractButton | None = None) -> None:
        """Plug in the project page's indicator table (suggestions on its skeleton rows) and its
        推荐指标 button."""
        self.rows.attach(table)
        if isinstance(button, QToolButton):
            button.setDefaultAction(self.suggest_action)
        elif button is not None:
            button.clicked.connect(lambda: self.suggest())

    def stop(self) -> None:
        self.store.stop()

    # -- the document -------------------------------------------------------------------------------

    def _document_changed(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.reviewModeChanged.disconnect(self._update_actions)
        self.document = document
        self._checked = False
        if document is not None:
            document.reviewModeChanged.connect(self._update_actions)
            if self.dock.isVisible():
                self._request()
        self._show_index()
        self._update_actions()

    def _current_changed(self, path: ItemPath) -> None:
        self._update_actions()
        document = self.document
        if document is None or len(path) < 2 or document.review_mode:
            return
        # A project with rows waiting for their indicator: the clerk will soon want suggestions.
        if any(is_skeleton(row) for row in document.item(path[:2]).indicators):
            self._request()

    def _update_actions(self, *_args: object) -> None:
        document = self.document
        on_project = document is not None and self.context.current_project() is not None
        self.suggest_action.setEnabled(on_project and document is not None and not document.review_mode)
        self.add_library_action.setEnabled(document is not None)
        self.panel.update_actions()

    # -- the index ----------------------------------------------------------------------------------

    def index(self) -> LibraryIndex | None:
        """The index for the open document's template when built (a newer one may be on its way:
        the requests on opening a document or showing the dock look at the files); asks for one
        otherwise."""
        if self.document is None:
            return None
        self._request()
        return self.store.current(self.document.template)

    def _request(self) -> None:
        """Build the index if there is none; the first time a document needs it, also when a
        library file changed since (a bureau file added, another file saved). Saving the open
        document itself does not rebuild it: its own rows are already in front of the clerk, and
        a rebuild of a 10× library holds the window up for moments."""
        if self.document is not None:
            self.store.request(self.document.template, refresh=not self._checked)
            self._checked = True

    def _index_for_rows(self) -> LibraryIndex | None:
        return self.index()

    def _dock_visible(self, visible: bool) -> None:
        if visible and self.document is not None:
            self._request()
            self._show_index()

    def _index_ready(self) -> None:
        self._show_index()
        self._report_errors()
        if self.dialog is not None and self.dialog.index is None:
            self.dialog.set_index(self.index())
            self.dialog.show_problems(self.store.errors)
        self.rows.index_ready()

    def _show_index(self) -> None:
        document = self.document
        index = self.store.current(document.template) if document is not None else None
        self.panel.set_index(index, document, loading=self.store.loading)
        self.panel.show_problems(self.store.errors if document is not None else [])

    def _report_errors(self) -> None:
        new = [error for error in self.store.errors if error not in self._shown_errors]
        if new:
            self._shown_errors.update(new)
            more = (
                self.tr("（另有{count}个，见“指标库”面板）").format(count=len(new) - 1)
                if len(new) > 1
                else ""
            )
            self.context.show_message(
                self.tr("指标库文件无法使用，已跳过：{error}{more}").format(error=new[0], more=more), 15000
            )

    # -- 推荐指标… ------------------------------------------------------------------------------------

    def suggest(self, project: ItemPath | None = None) -> SuggestDialog | None:
        """Open the 推荐指标 dialog for `project` (the current one); window-modal, nothing changes
        until the clerk ticks rows and presses 插入所选."""
        project = project or self.context.current_project()
        document = self.document
        if document is None or project is None:
            return None
        if document.review_mode:
            refusal = self.context.ops.refusal() if self.context.ops is not None else ""
            self.context.prompts.warning(self.tr("无法修改"), refusal)
            return None
        dialog = SuggestDialog(self.context, project, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        index = self.index()
        dialog.set_index(index, loading=index is None)
        dialog.show_problems(self.store.errors)
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        dialog.show()
        return dialog

    def _dialog_closed(self, dialog: SuggestDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # -- library files ------------------------------------------------------------------------------

    def add_library(self, path: Path | None = None) -> bool:
        """添加指标库文件…: a bureau's library, checked first; a file that cannot be used is said
        so in one message and nothing is added."""
        document = self.document
        if document is None:
            return False
        path = path or self.context.prompts.import_path(self.tr("指标库文件 (*.library.json *.json)"))
        if path is None:
            return False
        try:
            target = self.store.add_file(path, document.template)
        except FileFormatError as exc:
            self.context.prompts.error(self.tr("无法添加指标库"), str(exc))
            return False
        except OSError as exc:
            self.context.prompts.error(
                self.tr("无法添加指标库"), self.tr("{path}：{error}").format(path=path, error=exc)
            )
            return False
        self.store.request(document.template)
        self.context.show_message(
            self.tr("已添加指标库 {name}，正在重新载入…").format(name=target.name), 8000
        )
        self._show_index()
        return True

    # -- the personal library -----------------------------------------------------------------------

    def _saved(self, path: Path) -> None:
        if self.document is not None:
            self.store.remember(Path(path), self.document.template)

    def _remembered(self, error: str) -> None:
        if error:
            # The save itself succeeded; only the personal library missed it.
            self.context.show_message(self.tr("个人指标库未能更新：{error}").format(error=error), 8000)


__all__ = ["DOCK_WIDTH", "LibraryFeature"]

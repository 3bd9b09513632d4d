"""Suggestions in place: editing the 三级 cell of a skeleton row drops a list of suggestions below it.

A new project starts with one empty row per required 二级 (only 一级/二级 filled). The clerk's
next move is to click into that row's 三级 cell and type, so that is where the suggestions
appear, as a browser or WPS offers completions: the best rows for that 二级 and this project
(`LibraryIndex.suggest`), narrowed to library rows containing what the clerk types. ↓/↑ choose,
Enter or a click fills the row (三级 + 指标值, `plan_fill_row`, one undo step: the typed letters
are given back first), Esc closes the list, and typing on without choosing is plain typing.

The list never takes the keyboard (it has no focus), so the cell's editor, an input method
included, works as before; it is a child of the table's viewport placed under the editor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QListView,
    QPlainTextEdit,
    QTableView,
)

from kpi_editor.app.document import ItemPath
from kpi_editor.domain.model import Indicator
from kpi_editor.domain.suggest import LibraryIndex, Suggestion
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.library.edits import fill_row
from kpi_editor.gui.library.results import SuggestionDelegate, SuggestionListModel

SHOWN = 6  # suggestions in the list
POPUP_WIDTH = 460


def is_skeleton(row: Indicator) -> bool:
    """A row waiting for its indicator: a 二级 and nothing else written."""
    return bool(row.level2.strip()) and not row.name.strip() and not row.value.strip()


class RowSuggester(QObject):
    def __init__(
        self,
        context: EditorContext,
        index_for: Callable[[], LibraryIndex | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.index_for = index_for  # the index when it is built; asks for it to be built otherwise
        self.table: QTableView | None = None
        self.editor: QPlainTextEdit | None = None
        self.row: ItemPath | None = None
        self.level2 = ""
        self.base: list[Suggestion] = []  # for this project and 二级, before the clerk types
        self.popup: QListView | None = None
        self._filtering = False  # our event filter is on the editor
        self._app_filter = False  # and on the application, while the list shows
        self.model = SuggestionListModel(self)

    def attach(self, table: QTableView) -> None:
        """Watch `table` (the project page's indicator table) for editors opened on skeleton rows."""
        self.table = table
        table.viewport().installEventFilter(self)
        popup = QListView(table.viewport())
        popup.setObjectName("rowSuggestions")
        popup.setModel(self.model)
        popup.setItemDelegate(SuggestionDelegate(popup))
        popup.setUniformItemSizes(True)
        popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        popup.setFrameShape(QFrame.Shape.Box)
        popup.setMouseTracking(True)
        popup.clicked.connect(self._clicked)
        popup.hide()
        self.popup = popup

    # -- the editor ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.table is not None and watched is self.table.viewport():
            if kind == QEvent.Type.ChildPolished:
                child = event.child()  # type: ignore[attr-defined]
                if isinstance(child, QPlainTextEdit) and child is not self.editor:
                    # Shown by the view, before a key that opened it reaches it: the row is as it was.
                    self._editor_opened(child)
            return False
        if watched is self.editor:
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(event)  # (through the application's filter, see _show)
            if kind in (QEvent.Type.Move, QEvent.Type.Resize):
                self._place()
            elif kind == QEvent.Type.Hide:
                self._close()
        return False

    def _editor_opened(self, editor: QPlainTextEdit) -> None:
        table, document = self.table, self.context.document
        project = self.context.current_project()
        if table is None or document is None or project is None:
            return
        index = table.currentIndex()  # the cell being edited: edits start on the current cell
        keys = [column.key for column in document.template.columns]
        if not index.isValid() or "name" not in keys or index.column() != keys.index("name"):
            return
        rows: list[Indicator] = document.child_items(project)
        if not 0 <= index.row() < len(rows) or not is_skeleton(rows[index.row()]):
            return
        self._close()
        self.editor = editor
        self.row = (*project, index.row())
        self.level2 = rows[index.row()].level2
        self.base = []
        self._filtering = False
        editor.textChanged.connect(self._refresh)
        editor.destroyed.connect(self._editor_gone)
        if self.popup is not None:
            # A click on the list would hand the keyboard to the table (the nearest parent that takes
            # focus), and the table closes the editor before the click picks; with the editor as the
            # list's focus proxy, the editor keeps it.
            self.popup.setFocusProxy(editor)
        QTimer.singleShot(0, self._editor_shown)

    def _editor_shown(self) -> None:
        if self.editor is not None:
            self._refresh()

    def _editor_gone(self) -> None:
        self.editor = None
        self._close()

    def index_ready(self) -> None:
        """The library finished loading: an editor still open gets its list now."""
        if self.editor is not None:
            self._refresh()

    # -- the list ------------------------------------------------------------------------------------

    def _refresh(self) -> None:
        editor, document = self.editor, self.context.document
        if editor is None or document is None or self.row is None or self.popup is None:
            return
        if not self._filtering:
            self._filtering = True
            editor.installEventFilter(self)  # where it moves, and when it closes
        index = self.index_for()
        if index is None:
            return  # asked for; index_ready comes back here
        year = document.booklet.fiscal_year
        if not self.base:
            project = document.item(self.row[:2])
            suggestions = index.suggest(project, year, top=SHOWN, level2=[self.level2])
            self.base = list(suggestions.by_level2.get(self.level2, ()))
        typed = editor.toPlainText().strip()
        if typed:
            items = [s for s in self.base if typed in s.name]
            names = {s.name for s in items}
            for found in index.search(typed, year, level2=self.level2, limit=SHOWN):
                if found.name not in names and len(items) < SHOWN:
                    items.append(found)
                    names.add(found.name)
        else:
            items = list(self.base)
        self.model.notes = {self.level2: index.level2_explanation(self.level2)}
        self.model.set_items(items)
        if items:
            self._show()
        else:
            self._hide()

    def _show(self) -> None:
        assert self.popup is not None
        self._place()
        self.popup.show()
        self.popup.raise_()
        # ↓/↑/Enter/Esc must reach the list before the delegate's own filter on the editor takes
        # Enter and Esc; which of two filters on the editor runs first depends on when the view
        # (re)installs its delegate's, so the keys are taken at the application while the list shows.
        app = QCoreApplication.instance()
        if app is not None and not self._app_filter:
            app.installEventFilter(self)
            self._app_filter = True
            self.context.show_message(
                self.tr("推荐指标：↓/↑ 选择，回车或单击填入整行，Esc 关闭列表，继续输入则照常输入"), 8000
            )

    def _hide(self) -> None:
        if self.popup is not None:
            self.popup.hide()
        app = QCoreApplication.instance()
        if app is not None and self._app_filter:
            app.removeEventFilter(self)
            self._app_filter = False

    def _place(self) -> None:
        editor, popup, table = self.editor, self.popup, self.table
        if editor is None or popup is None or table is None:
            return
        viewport = table.viewport()
        rows = max(self.model.rowCount(), 1)
        height = popup.sizeHintForRow(0) * rows + 2 * popup.frameWidth() if self.model.rowCount() else 40
        width = min(max(POPUP_WIDTH, editor.width()), viewport.width())
        cell = editor.geometry()
        x = min(cell.left(), max(viewport.width() - width, 0))
        below = viewport.height() - cell.bottom() - 1
        if height <= below or below >= cell.top():
            y, height = cell.bottom() + 1, min(height, max(below, 60))
        else:
            height = min(height, cell.top())
            y = cell.top() - height
        popup.setGeometry(x, y, width, height)

    def _close(self) -> None:
        self._hide()
        if self.popup is not None:
            self.popup.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr: no proxy
        if self.editor is not None:
            self.editor.removeEventFilter(self)
            try:
                self.editor.textChanged.disconnect(self._refresh)
                self.editor.destroyed.disconnect(self._editor_gone)
            except (RuntimeError, TypeError):
                pass  # the editor is already being destroyed
        self.editor = None
        self.row = None

    @property
    def visible(self) -> bool:
        return self.popup is not None and self.popup.isVisible()

    def _key(self, event: QKeyEvent) -> bool:
        popup = self.popup
        if popup is None or not popup.isVisible():
            return False
        key = event.key()
        current = popup.currentIndex()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            row = (
                current.row() + step if current.isValid() else (0 if step > 0 else self.model.rowCount() - 1)
            )
            if 0 <= row < self.model.rowCount():
                popup.setCurrentIndex(self.model.index(row))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid() and not event.modifiers():
            self.pick(current.row())
            return True
        if key == Qt.Key.Key_Escape:
            self._hide()  # the first Esc closes the list; the next one is the cell's own
            return True
        return False

    def _clicked(self, index: QModelIndex) -> None:
        self.pick(index.row())

    def pick(self, number: int) -> bool:
        """Fill the row with suggestion `number` of the list: the typed letters are given back,
        the editor closes, and the row takes the suggestion in one undo step."""
        suggestion = self.model.suggestion(number)
        editor, row, table = self.editor, self.row, self.table
        if suggestion is None or editor is None or row is None or table is None:
            return False
        original = getattr(editor, "original", "")
        self._close()
        if editor.toPlainText() != original:
            editor.setPlainText(original)  # commits through the delegate, ending the typing step
        table.itemDelegate().closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        outcome = fill_row(self.context, row, suggestion)
        if outcome:
            self.context.show_message(
                self.tr("已填入“{name}”：请把指标值中的□换成数字（Ctrl+Z 可撤销）").format(
                    name=suggestion.name
                ),
                8000,
            )
        return outcome.done


__all__ = ["RowSuggester", "is_skeleton"]

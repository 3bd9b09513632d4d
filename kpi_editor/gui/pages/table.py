"""The indicator table as Excel and WPS hands know it.

Typing on a selected cell replaces its text (a pinyin input method too); F2 or a double click edits
in place; Enter commits and moves down (Shift+Enter, Alt+Enter: a line break inside the cell);
Delete and Backspace clear the selected cells; Ctrl+- removes the selected rows. The view only
decides what a key means; the page turns it into an operation.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QTableView, QWidget


class IndicatorTableView(QTableView):
    clearRequested = Signal()  # Delete / Backspace on selected cells

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Typing starts an edit (AnyKeyPressed); F2, a double click or a second click edit in place.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        # True while an editor opens because the user typed: it starts empty, so the key replaces.
        self.replacing = False

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool:
        self.replacing = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        try:
            return bool(super().edit(index, trigger, event))  # type: ignore[arg-type]  # Qt passes None
        finally:
            self.replacing = False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # Qt opens an editor for an input method's first preedit and forwards the rest; a commit
        # with no preedit before it (some input methods, pasted text) would open an empty editor
        # and drop the text. Open it and hand the commit over.
        if (
            self.state() != QAbstractItemView.State.EditingState
            and event.commitString()
            and not event.preeditString()
            and self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.AnyKeyPressed, event)
        ):
            editor = self.indexWidget(self.currentIndex())
            if editor is not None:
                QApplication.sendEvent(editor, event)
                editor.setFocus()
            return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not editing and plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_down()
            return
        if not editing and plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clearRequested.emit()
            return
        super().keyPressEvent(event)

    def move_down(self) -> None:
        """The cell below the current one becomes current (Enter, after an edit too)."""
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        below = model.index(min(current.row() + 1, model.rowCount() - 1), current.column())
        self.setCurrentIndex(below)
        self.scrollTo(below)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = bool(editor.property("enterPressed"))
        super().closeEditor(editor, hint)
        if moves:
            self.move_down()


__all__ = ["IndicatorTableView"]

"""Editors for indicator cells.

一级/二级 are chosen from the template (二级 limited to the row's 一级); 三级 and 指标值 are wrapping
text editors that commit on every change, so findings update while the clerk types and one
editing session is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kpi_editor.app.commands import new_session
from kpi_editor.domain.template import FormTemplate

Index = QModelIndex | QPersistentModelIndex


_LINE_BREAK = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WrapEditor(QPlainTextEdit):
    """Multi-line text in a cell. Enter finishes; Shift+Enter or Alt+Enter (Excel's) inserts a
    line break."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = new_session()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)

        self.original = ""  # the cell's text when the editor opened: Esc goes back to it

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_enter(event):
            if event.modifiers() & _LINE_BREAK:
                self.insertPlainText("\n")
                return
            event.ignore()  # let the delegate's event filter close the editor
            return
        super().keyPressEvent(event)


class IndicatorDelegate(QStyledItemDelegate):
    """Chooses the editor by column key: template combos for 一级/二级, wrapping text otherwise."""

    def __init__(self, template: FormTemplate, keys: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.keys = keys

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        key = self.keys[index.column()]
        if key in ("level1", "level2"):
            combo = QComboBox(parent)
            if key == "level1":
                choices = list(self.template.level1_names)
            else:
                level1 = (
                    index.sibling(index.row(), self.keys.index("level1")).data()
                    if "level1" in self.keys
                    else None
                )
                choices = list(self.template.level2_names(level1 or None)) or list(
                    self.template.level2_names()
                )
            current = index.data(Qt.ItemDataRole.EditRole) or ""
            if current and current not in choices:
                choices.insert(0, current)  # keep what the file says, so opening the editor changes nothing
            combo.addItems(choices)
            combo.activated.connect(lambda _i, c=combo: self._finish(c))
            return combo
        editor = WrapEditor(parent)
        editor.textChanged.connect(lambda e=editor: self.commitData.emit(e))
        return editor

    def _finish(self, editor: QWidget, *, down: bool = False) -> None:
        self.commitData.emit(editor)
        # The view moves to the cell below after an Enter (Excel's habit), not after a click away.
        editor.setProperty("enterPressed", down)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findText(text), 0))
        elif isinstance(editor, WrapEditor) and not editor.property("opened"):
            editor.setProperty("opened", True)
            editor.original = text
            # Typing on a selected cell replaces its text; F2 or a double click edits it in place.
            view = self.parent()
            shown = "" if getattr(view, "replacing", False) else text
            editor.blockSignals(True)
            editor.setPlainText(shown)
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            editor.blockSignals(False)
        elif isinstance(editor, WrapEditor) and editor.toPlainText() != text:
            # Only when different: the model echoes our own per-keystroke commits back.
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value, session = editor.currentText(), None
        elif isinstance(editor, WrapEditor):
            value, session = editor.toPlainText(), editor.session
        else:
            return
        if value == (index.data(Qt.ItemDataRole.EditRole) or ""):
            return
        set_cell = getattr(model, "set_cell", None)
        if set_cell is not None:
            set_cell(index, value, session)
        else:
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        if isinstance(editor, WrapEditor):
            rect = rect.adjusted(0, 0, 0, max(0, 64 - rect.height()))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, WrapEditor)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if _is_enter(event) and not event.modifiers() & _LINE_BREAK:
                self._finish(editor, down=True)
                return True
            if event.key() == Qt.Key.Key_Escape:
                # Excel's Esc: the cell goes back to what it held (the session's step drops out).
                editor.setPlainText(editor.original)
                self._finish(editor)
                return True
        return bool(super().eventFilter(editor, event))

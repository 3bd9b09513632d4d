"""Editors for indicator cells, by the type of the template's column.

一级/二级 are chosen from the template (二级 limited to the row's 一级); 三级, 指标值 and other text
columns are wrapping text editors that commit on every change, so findings update while the clerk
types and one editing session is one undo step. Structured columns get their own editors:
指标性质 and 度量单位 drop-downs limited by the row's 二级 kind (定性 only where the form allows it,
units from the kind's list, free units only where the list is a suggestion), 权重 a spin box,
指标方向性 and 绩效标准 drop-downs, the 指标值 of a form in parts a one-line editor; each commits once,
when it closes.
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
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kpi_editor.app.commands import new_session
from kpi_editor.domain.targets import SYMBOLS
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


# A weight spin box at its minimum shows nothing: the row has no weight yet.
NO_WEIGHT = -1.0


class WeightSpin(QDoubleSpinBox):
    """权重/分值 in points, 0–100 in steps of 1 (two decimals allowed); empty below 0."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(NO_WEIGHT, 100.0)
        self.setDecimals(2)
        self.setSingleStep(1.0)
        self.setSpecialValueText(" ")
        self.setFrame(False)

    def text_value(self) -> str:
        if self.value() <= NO_WEIGHT:
            return ""
        text = f"{self.value():.2f}".rstrip("0").rstrip(".")
        return text or "0"


class IndicatorDelegate(QStyledItemDelegate):
    """Chooses the editor by column type: template combos for 一级/二级 and the structured columns,
    a spin box for weights, wrapping text otherwise."""

    def __init__(self, template: FormTemplate, keys: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.keys = keys

    def _level2(self, index: Index) -> str:
        if "level2" not in self.keys:
            return ""
        return str(index.sibling(index.row(), self.keys.index("level2")).data() or "")

    def _combo(
        self, parent: QWidget, items: list[tuple[str, str]], current: str, editable: bool
    ) -> QComboBox:
        """A drop-down of (shown, stored) items that commits when one is picked."""
        combo = QComboBox(parent)
        combo.setEditable(editable)
        for shown, stored in items:
            combo.addItem(shown, stored)
        if current and combo.findText(current) < 0:
            combo.insertItem(0, current, current)  # keep what the file says: opening changes nothing
        combo.activated.connect(lambda _i, c=combo: self._finish(c))
        line = combo.lineEdit()
        if editable and line is not None:
            line.returnPressed.connect(lambda c=combo: self._finish(c, down=True))
        return combo

    def _structured_editor(self, parent: QWidget, index: Index, kind: str) -> QWidget | None:
        template = self.template
        current = str(index.data(Qt.ItemDataRole.EditRole) or "")
        level2 = self._level2(index)
        if kind == "comparator":
            items = [("", "")] + [(SYMBOLS[c], SYMBOLS[c]) for c in template.comparators_for(level2)]
            return self._combo(parent, items, current, editable=False)
        if kind == "unit":
            units, strict = template.units_for(level2)
            return self._combo(parent, [("", "")] + [(u, u) for u in units], current, editable=not strict)
        if kind == "direction":
            labels = dict(template.direction_labels)
            items = [("", "")] + [(labels[d], labels[d]) for d in ("positive", "negative")]
            return self._combo(parent, items, current, editable=False)
        if kind == "basis":
            items = [("", "")] + [(b, b) for b in template.basis_choices]
            return self._combo(parent, items, current, editable=not template.basis_choices)
        if kind == "weight":
            spin = WeightSpin(parent)
            spin.editingFinished.connect(lambda s=spin: self.commitData.emit(s))
            return spin
        if kind == "number":
            line = QLineEdit(parent)
            line.setFrame(False)
            line.returnPressed.connect(lambda e=line: self._finish(e, down=True))
            return line
        return None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        key = self.keys[index.column()]
        column = self.template.column(key)
        if column is not None and column.type not in ("level1", "level2", "name", "value", "text"):
            editor = self._structured_editor(parent, index, column.type)
            if editor is not None:
                return editor
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
            found = editor.findText(text)
            if found >= 0 or not editor.isEditable():
                editor.setCurrentIndex(max(found, 0))
            else:
                editor.setEditText(text)
        elif isinstance(editor, WeightSpin):
            if editor.property("opened"):
                return
            editor.setProperty("opened", True)
            try:
                editor.setValue(float(text) if text else NO_WEIGHT)
            except ValueError:
                editor.setValue(NO_WEIGHT)
        elif isinstance(editor, QLineEdit):
            if editor.property("opened"):
                return
            editor.setProperty("opened", True)
            # Typing on a selected cell replaces its text, as in the wrapping editor.
            view = self.parent()
            editor.setText("" if getattr(view, "replacing", False) else text)
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
        elif isinstance(editor, WeightSpin):
            value, session = editor.text_value(), None
        elif isinstance(editor, QLineEdit):
            value, session = editor.text(), None
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

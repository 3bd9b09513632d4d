"""The project page: name, unit, funding, and the indicator table with its row actions.

Every change is an operation (``app/operations.py``); the fields and the table follow the document
when an undo changes it.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.operations import Outcome
from kpi_editor.domain.model import FUNDING_FIELDS, Indicator, Project
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.pages.base import Page
from kpi_editor.gui.pages.delegates import IndicatorDelegate
from kpi_editor.gui.pages.indicator_model import ROW_MIME, IndicatorTableModel
from kpi_editor.gui.widgets import AmountEdit
from kpi_editor.io.tsv import parse_tsv, rows_from_table, rows_to_tsv

ROW_BUTTONS = ("addRow", "insertRow", "duplicateRow", "deleteRow", "moveUp", "moveDown")


class ProjectPage(Page):
    CONTENT_BUTTONS = ("fillTotalsButton", *(f"{name}Button" for name in ROW_BUTTONS))

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__("project_editor", context, parent)
        self.project: Project | None = None
        self.model: IndicatorTableModel | None = None
        self.name_edit = self.child(QLineEdit, "nameEdit")
        self.unit_edit = self.child(QLineEdit, "unitEdit")
        self.bind_text(self.name_edit, "name", self.path)
        self.bind_text(self.unit_edit, "unit_name", self.path)
        self.amounts: dict[str, AmountEdit] = {}
        self.amount_labels: dict[str, QLabel] = {}
        for field in FUNDING_FIELDS:
            edit = self.child(AmountEdit, f"{field}Edit")
            self.amounts[field] = edit
            self.amount_labels[field] = self.child(QLabel, f"{field}Label")
            edit.textEdited.connect(lambda _text, f=field: self._amount_edited(f))
            edit.editingFinished.connect(lambda f=field: self._amount_finished(f))
        self.child(QAbstractButton, "fillTotalsButton").clicked.connect(self.fill_totals)
        self.table = self.child(QTableView, "indicatorView")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Row heights follow wrapped text, which depends on column widths; Qt does not redo them
        # when a column (the stretched 指标值 one, on every window resize) changes width.
        # Done once the widths settle: a page laid out while hidden gets its widths in several steps.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.table.horizontalHeader().sectionResized.connect(lambda *_section: self._fit_timer.start(0))
        self.buttons = {name: self.child(QAbstractButton, f"{name}Button") for name in ROW_BUTTONS}
        self.buttons["addRow"].clicked.connect(self.add_row)
        self.buttons["insertRow"].clicked.connect(self.insert_row)
        self.buttons["duplicateRow"].clicked.connect(self.duplicate_rows)
        self.buttons["deleteRow"].clicked.connect(self.delete_rows)
        self.buttons["moveUp"].clicked.connect(lambda: self.move_rows(-1))
        self.buttons["moveDown"].clicked.connect(lambda: self.move_rows(1))
        self.add_row_action = make_action(self, self.tr("添加指标行"), self.add_row, "Ctrl+Return")
        self.copy_rows_action = make_action(
            self, self.tr("复制指标行"), self.copy_rows, QKeySequence.StandardKey.Copy, local=True
        )
        self.paste_rows_action = make_action(
            self, self.tr("粘贴指标行"), self.paste_rows, QKeySequence.StandardKey.Paste, local=True
        )
        self.fill_totals_action = make_action(self, self.tr("由分项计算财政拨款与合计"), self.fill_totals)
        # The table owns copy and paste while it has focus; the menu's entries act on it too.
        for action in (self.copy_rows_action, self.paste_rows_action):
            self.table.addAction(action)

    # -- document and project ---------------------------------------------------------------------

    def path(self) -> ItemPath | None:
        return self.model.project_path() if self.model is not None else None

    def _fit_rows(self) -> None:
        self.table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def document_changed(self, document: Document | None) -> None:
        self.project = None
        old = self.model
        if document is None or self.context.ops is None:
            self.model = None
            self.table.setModel(None)
        else:
            document.itemChanged.connect(self._item_changed)
            self.model = IndicatorTableModel(document, self.context.ops, self)
            self.table.setModel(self.model)
            self.table.setItemDelegate(IndicatorDelegate(document.template, self.model.keys, self.table))
            self.table.selectionModel().currentChanged.connect(self._table_current_changed)
            header = self.table.horizontalHeader()
            widths = [column.width for column in document.template.columns]
            unit = 600 / sum(widths)
            for column, width in enumerate(widths[:-1]):
                header.resizeSection(column, int(width * unit))
            year = document.booklet.fiscal_year
            for field, label in self.amount_labels.items():
                try:
                    label.setText(document.template.funding_label(field, year))
                except KeyError:
                    label.setText(field)
        if old is not None:
            old.deleteLater()
        has = document is not None
        for action in (
            self.add_row_action,
            self.copy_rows_action,
            self.paste_rows_action,
            self.fill_totals_action,
        ):
            action.setEnabled(has)

    def set_read_only(self, on: bool) -> None:
        super().set_read_only(on)
        for action in (self.add_row_action, self.paste_rows_action, self.fill_totals_action):
            action.setEnabled(self.document is not None and not on)
        editor = self.table.focusWidget() if self.table.state() == QTableView.State.EditingState else None
        if on and editor is not None:
            # A cell editor left open would have every further key refused with a message box;
            # what it already committed stays.
            self.table.itemDelegate().closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def set_project(self, project: Project) -> None:
        if project is not self.project:
            self.end_sessions()
        self.project = project
        assert self.model is not None
        self.model.set_project(project)
        self.show_text(self.name_edit, project.name)
        self.show_text(self.unit_edit, project.unit_name)
        for field, edit in self.amounts.items():
            if not edit.hasFocus():
                edit.set_value(project.funding.get(field))

    def _table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.context.set_row(current.row() if current.isValid() else None)

    # -- selection ----------------------------------------------------------------------------------

    def select_cell(self, row: int, key: str | None) -> None:
        if self.model is None or not 0 <= row < self.model.rowCount():
            return
        column = self.model.keys.index(key) if key in self.model.keys else 0
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()

    def focus_field(self, field: str) -> None:
        edit = self.amounts.get(field) or {"name": self.name_edit, "unit_name": self.unit_edit}.get(field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def selected_rows(self) -> list[int]:
        selection = self.table.selectionModel()
        if selection is None:
            return []
        rows = {index.row() for index in selection.selectedIndexes()}
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows.add(current.row())
        return sorted(rows)

    def select_rows(self, first: int, last: int) -> None:
        if self.model is None or self.model.rowCount() == 0:
            return
        last = min(last, self.model.rowCount() - 1)
        first = min(first, last)
        selection = self.table.selectionModel()
        self.table.setCurrentIndex(self.model.index(first, 0))
        for row in range(first, last + 1):
            selection.select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def show_outcome(self, outcome: Outcome) -> Outcome:
        """Select what an operation on this project's rows says to show next."""
        if outcome.done and outcome.rows is not None:
            first, last = outcome.rows
            if outcome.column is not None:
                self.select_cell(first, outcome.column)
            else:
                self.select_rows(first, last)
        return outcome

    # -- funding ------------------------------------------------------------------------------------

    def _amount_edited(self, field: str) -> None:
        path = self.path()
        if self.context.ops is None or path is None:
            return
        try:
            value = self.amounts[field].value()
        except ValueError:
            return  # "-" or "." on the way to a number: wait for the next key
        self.context.ops.set_amount(path, field, value, self.session(f"funding.{field}"))

    def _amount_finished(self, field: str) -> None:
        self._sessions.pop(f"funding.{field}", None)
        # A refused value stays visible while typing; leaving the field shows what the document holds.
        if self.project is not None:
            self.amounts[field].set_value(self.project.funding.get(field))

    def fill_totals(self) -> Outcome:
        path = self.path()
        if self.context.ops is None or path is None:
            return Outcome()
        return self.context.ops.fill_totals(path)

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if self.project is None or len(path) != 2 or path != self.path():
            return
        if field == "name":
            self.show_text(self.name_edit, self.project.name)
        elif field == "unit_name":
            self.show_text(self.unit_edit, self.project.unit_name)
        elif field.startswith("funding."):
            name = field.removeprefix("funding.")
            edit = self.amounts[name]
            value = self.project.funding.get(name)
            try:
                shown = edit.value()
            except ValueError:
                shown = None
            if shown != value or (
                value is not None and edit.text() != format(value, "f") and not edit.hasFocus()
            ):
                edit.set_value(value)

    # -- rows ---------------------------------------------------------------------------------------

    def has_focus(self) -> bool:
        return self.table.hasFocus()

    def _rows_op(self) -> tuple[ItemPath, list[int]] | None:
        path = self.path()
        if self.context.ops is None or path is None:
            return None
        return path, self.selected_rows()

    def add_row(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        outcome = self.context.ops.add_row(target[0])
        if outcome.done and outcome.rows is not None:
            self.select_cell(outcome.rows[0], None)
        return outcome

    def insert_row(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.show_outcome(self.context.ops.insert_row(*target))

    def duplicate_rows(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.show_outcome(self.context.ops.duplicate_rows(*target))

    def delete_rows(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.context.ops.delete_rows(*target)

    def move_rows(self, step: int) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.show_outcome(self.context.ops.move_rows(*target, step))

    def copy_rows(self) -> None:
        target = self._rows_op()
        if target is None or self.model is None or self.document is None or not target[1]:
            return
        items: list[Indicator] = [self.document.child_items(target[0])[r] for r in target[1]]
        data = QMimeData()
        data.setText(rows_to_tsv(items, self.model.keys))
        payload = {"rows": target[1], "items": [i.model_dump() for i in items]}
        data.setData(ROW_MIME, json.dumps(payload).encode())
        QGuiApplication.clipboard().setMimeData(data)
        self.context.show_message(self.tr("已复制{count}行").format(count=len(items)), 3000)

    def paste_rows(self, data: QMimeData | None = None) -> Outcome:
        """Insert rows from the clipboard (our own rows or tab-separated text from Excel) below the
        current row."""
        target = self._rows_op()
        if target is None or self.model is None or self.context.ops is None:
            return Outcome()
        data = data or QGuiApplication.clipboard().mimeData()
        if data is None:
            return Outcome()
        if data.hasFormat(ROW_MIME):
            payload = json.loads(bytes(data.data(ROW_MIME).data()).decode())
            items = [Indicator.model_validate(item) for item in payload["items"]]
        else:
            items = rows_from_table(parse_tsv(data.text()), self.model.keys)
        if not items:
            self.context.show_message(self.tr("剪贴板中没有可粘贴的行"), 3000)
            return Outcome()
        return self.show_outcome(self.context.ops.paste_rows(target[0], target[1], items))


__all__ = ["ProjectPage"]

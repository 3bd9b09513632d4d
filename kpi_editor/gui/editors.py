"""The right-hand editors: booklet front matter, a department, a project with its indicator table.

Layouts come from ``forms/*.ui``; every change is pushed as a command. Typing in a field is one
editing session (one undo step); the fields follow the document when an undo changes it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.commands import EditRejected, Insert, Remove, SetField, new_session, push_edit
from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.app.review_commands import in_review_mode, review_refusal
from kpi_editor.domain.model import FUNDING_FIELDS, Department, PrefaceSection, Project
from kpi_editor.gui.delegates import AmountEdit, IndicatorDelegate
from kpi_editor.gui.forms import load_form
from kpi_editor.gui.indicator_model import IndicatorTableModel
from kpi_editor.gui.tree_model import format_amount


class _Page(QWidget):
    def __init__(self, form_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = load_form(form_name, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.document: Document | None = None
        self._sessions: dict[str, int] = {}

    def child(self, kind: type, name: str) -> Any:
        widget = self.form.findChild(kind, name)
        if widget is None:
            raise LookupError(f"{name} missing from form")
        return widget

    def session(self, field: str) -> int:
        """One session per field until the field loses focus or another item is shown."""
        if field not in self._sessions:
            self._sessions[field] = new_session()
        return self._sessions[field]

    def end_sessions(self) -> None:
        self._sessions.clear()

    def bind_text(self, edit: QLineEdit | QPlainTextEdit, field: str, path_of: Any) -> None:
        def edited(*_args: object) -> None:
            path = path_of()
            if self.document is not None and path is not None:
                text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
                push_edit(self.document, path, field, text, self.session(field))

        if isinstance(edit, QLineEdit):
            edit.textEdited.connect(edited)
            edit.editingFinished.connect(lambda: self._sessions.pop(field, None))
        else:
            edit.textChanged.connect(edited)

    @staticmethod
    def show_text(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
        current = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        if current != text:  # rewriting the same text would move the cursor while typing
            edit.blockSignals(True)
            if isinstance(edit, QLineEdit):
                edit.setText(text)
            else:
                edit.setPlainText(text)
            edit.blockSignals(False)


class BookletPage(_Page):
    FIELDS = ("title", "compiler", "date", "preface_title")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("booklet_editor", parent)
        self.edits = {
            "title": self.child(QLineEdit, "titleEdit"),
            "compiler": self.child(QLineEdit, "compilerEdit"),
            "date": self.child(QLineEdit, "dateEdit"),
            "preface_title": self.child(QLineEdit, "prefaceTitleEdit"),
        }
        for field, edit in self.edits.items():
            self.bind_text(edit, field, lambda: ())
        self.year_label: QLabel = self.child(QLabel, "yearLabel")
        self.sections: QListWidget = self.child(QListWidget, "sectionList")
        self.heading_edit: QLineEdit = self.child(QLineEdit, "headingEdit")
        self.body_edit: QPlainTextEdit = self.child(QPlainTextEdit, "bodyEdit")
        self.bind_text(self.heading_edit, "heading", self._section_path)
        self.bind_text(self.body_edit, "body", self._section_path)
        self.sections.currentRowChanged.connect(self._show_section)
        self.child(QAbstractButton, "addSectionButton").clicked.connect(self._add_section)
        self.child(QAbstractButton, "removeSectionButton").clicked.connect(self._remove_section)

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.itemChanged.disconnect(self._item_changed)
            self.document.inserted.disconnect(self._sections_changed)
            self.document.removed.disconnect(self._sections_changed)
        self.document = document
        self.end_sessions()
        if document is None:
            return
        document.itemChanged.connect(self._item_changed)
        document.inserted.connect(self._sections_changed)
        document.removed.connect(self._sections_changed)
        booklet = document.booklet
        for field, edit in self.edits.items():
            self.show_text(edit, getattr(booklet, field))
        self.year_label.setText(
            self.tr("{year}年 · {template}").format(year=booklet.fiscal_year, template=document.template.name)
        )
        self._sections_changed(PREFACE)

    def _section_path(self) -> ItemPath | None:
        row = self.sections.currentRow()
        return (*PREFACE, row) if row >= 0 else None

    def _sections_changed(self, parent: ItemPath, *_rows: int) -> None:
        if parent != PREFACE or self.document is None:
            return
        row = self.sections.currentRow()
        self.sections.blockSignals(True)
        self.sections.clear()
        for section in self.document.booklet.preface:
            self.sections.addItem(section.heading or self.tr("（无标题）"))
        self.sections.blockSignals(False)
        count = self.sections.count()
        self.sections.setCurrentRow(min(max(row, 0), count - 1) if count else -1)
        self._show_section(self.sections.currentRow())

    def _show_section(self, row: int) -> None:
        self._sessions.pop("heading", None)
        self._sessions.pop("body", None)
        enabled = self.document is not None and row >= 0
        self.heading_edit.setEnabled(enabled)
        self.body_edit.setEnabled(enabled)
        section = self.document.booklet.preface[row] if enabled and self.document else PrefaceSection()
        self.show_text(self.heading_edit, section.heading)
        self.show_text(self.body_edit, section.body)

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if self.document is None:
            return
        if path == () and field in self.edits:
            self.show_text(self.edits[field], getattr(self.document.booklet, field))
        elif path[:1] == PREFACE and len(path) == 2:
            section = self.document.booklet.preface[path[1]]
            item = self.sections.item(path[1])
            if item is not None:
                item.setText(section.heading or self.tr("（无标题）"))
            if path[1] == self.sections.currentRow():
                self.show_text(self.heading_edit, section.heading)
                self.show_text(self.body_edit, section.body)

    def _refused(self) -> bool:
        """Review mode: the front matter is content too; say so instead of changing it."""
        if self.document is not None and in_review_mode(self.document):
            self.document.editRejected.emit(review_refusal())
            return True
        return False

    def _add_section(self) -> None:
        if self.document is None or self._refused():
            return
        row = self.sections.currentRow() + 1 if self.sections.count() else 0
        section = PrefaceSection(heading=self.tr("新的一节"))
        self.document.undo_stack.push(
            Insert(self.document, PREFACE, row, [section], self.tr("添加编制说明一节"))
        )
        self.sections.setCurrentRow(row)

    def _remove_section(self) -> None:
        row = self.sections.currentRow()
        if self.document is not None and row >= 0 and not self._refused():
            self.document.undo_stack.push(Remove(self.document, PREFACE, row, 1, self.tr("删除编制说明一节")))


class DepartmentPage(_Page):
    add_project = Signal()
    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("department_editor", parent)
        self.department: Department | None = None
        self.code_edit: QLineEdit = self.child(QLineEdit, "codeEdit")
        self.name_edit: QLineEdit = self.child(QLineEdit, "nameEdit")
        self.summary: QLabel = self.child(QLabel, "summaryLabel")
        self.bind_text(self.code_edit, "code", self.path)
        self.bind_text(self.name_edit, "name", self.path)
        self.child(QAbstractButton, "addProjectButton").clicked.connect(self.add_project)
        self.child(QAbstractButton, "moveUpButton").clicked.connect(lambda: self.move_requested.emit(-1))
        self.child(QAbstractButton, "moveDownButton").clicked.connect(lambda: self.move_requested.emit(1))

    def path(self) -> ItemPath | None:
        if self.document is None:
            return None
        for d, department in enumerate(self.document.booklet.departments):
            if department is self.department:
                return (d,)
        return None

    def set_department(self, document: Document, department: Department) -> None:
        if self.document is not document:
            if self.document is not None:
                self.document.itemChanged.disconnect(self._item_changed)
            document.itemChanged.connect(self._item_changed)
        self.document = document
        if department is not self.department:
            self.end_sessions()
        self.department = department
        self.show_text(self.code_edit, department.code)
        self.show_text(self.name_edit, department.name)
        total = department.total()
        self.summary.setText(
            self.tr("{count}个项目，合计 {total} 万元").format(
                count=len(department.projects), total=format_amount(total)
            )
        )

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if (
            self.department is not None
            and self.document is not None
            and len(path) <= 2
            and path[:1] == self.path()
        ):
            self.set_department(self.document, self.department)


class ProjectPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("project_editor", parent)
        self.project: Project | None = None
        self.model: IndicatorTableModel | None = None
        self.name_edit: QLineEdit = self.child(QLineEdit, "nameEdit")
        self.unit_edit: QLineEdit = self.child(QLineEdit, "unitEdit")
        self.bind_text(self.name_edit, "name", self.path)
        self.bind_text(self.unit_edit, "unit_name", self.path)
        self.amounts: dict[str, AmountEdit] = {}
        self.amount_labels: dict[str, QLabel] = {}
        for field in FUNDING_FIELDS:
            edit: AmountEdit = self.child(AmountEdit, f"{field}Edit")
            self.amounts[field] = edit
            self.amount_labels[field] = self.child(QLabel, f"{field}Label")
            edit.textEdited.connect(lambda _text, f=field: self._amount_edited(f))
            edit.editingFinished.connect(lambda f=field: self._amount_finished(f))
        self.child(QAbstractButton, "fillTotalsButton").clicked.connect(self.fill_totals)
        self.table: QTableView = self.child(QTableView, "indicatorView")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Row heights follow wrapped text, which depends on column widths; Qt does not redo them
        # when a column (the stretched 指标值 one, on every window resize) changes width.
        # Done once the widths settle: a page laid out while hidden gets its widths in several steps.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.table.horizontalHeader().sectionResized.connect(lambda *_section: self._fit_timer.start(0))
        self.buttons = {
            name: self.child(QAbstractButton, f"{name}Button")
            for name in ("addRow", "insertRow", "duplicateRow", "deleteRow", "moveUp", "moveDown")
        }

    def path(self) -> ItemPath | None:
        return self.model.project_path() if self.model is not None else None

    def _fit_rows(self) -> None:
        self.table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.itemChanged.disconnect(self._item_changed)
        self.document = document
        self.project = None
        self.end_sessions()
        old = self.model
        if document is None:
            self.model = None
            self.table.setModel(None)  # type: ignore[arg-type]
        else:
            document.itemChanged.connect(self._item_changed)
            self.model = IndicatorTableModel(document, self)
            self.table.setModel(self.model)
            self.table.setItemDelegate(IndicatorDelegate(document.template, self.model.keys, self.table))
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

    def _amount_edited(self, field: str) -> None:
        path = self.path()
        if self.document is None or path is None:
            return
        edit = self.amounts[field]
        try:
            value = edit.value()
        except ValueError:
            return  # "-" or "." on the way to a number: wait for the next key
        if value is not None and value < 0:
            # Refused as typed (a file may still carry one: the funding.negative finding reports it).
            self.document.editRejected.emit(
                self.tr("“{field}”不能为负数：请填写0或正数（万元）。").format(
                    field=self.amount_labels[field].text()
                )
            )
            return
        push_edit(self.document, path, f"funding.{field}", value, self.session(f"funding.{field}"))

    def _amount_finished(self, field: str) -> None:
        self._sessions.pop(f"funding.{field}", None)
        # A refused value stays visible while typing; leaving the field shows what the document holds.
        if self.project is not None:
            self.amounts[field].set_value(self.project.funding.get(field))

    def fill_totals(self) -> None:
        """财政拨款 = 上级补助 + 本级安排 + 结转; 合计 = 财政拨款 + 非财政拨款, as one undo step."""
        path = self.path()
        if self.document is None or path is None or self.project is None:
            return
        funding = self.project.funding
        parts = [funding.superior, funding.local, funding.carryover]
        fiscal = (
            sum((p for p in parts if p is not None), Decimal(0))
            if any(p is not None for p in parts)
            else funding.fiscal
        )
        total_parts = [fiscal, funding.non_fiscal]
        total = sum((p for p in total_parts if p is not None), Decimal(0))
        # Commands are built (and validated) before the macro opens: a refused value (review mode)
        # must not leave an empty, never-closed macro on the stack.
        try:
            commands = [
                SetField(self.document, path, field, value)
                for field, value in (("funding.fiscal", fiscal), ("funding.total", total))
            ]
        except EditRejected as exc:
            self.document.editRejected.emit(str(exc))
            return
        changes = [command for command in commands if command.new != command.old]
        if not changes:
            return
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("由分项计算合计"))
        for command in changes:
            stack.push(command)
        stack.endMacro()

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

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()

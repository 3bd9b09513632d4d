"""The unit page: its code and name, its projects' count and total."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.domain.model import Department
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.pages.base import Page
from kpi_editor.gui.widgets import format_amount


class DepartmentPage(Page):
    CONTENT_BUTTONS = ("addProjectButton", "moveUpButton", "moveDownButton")
    add_project = Signal()
    move_requested = Signal(int)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__("department_editor", context, parent)
        self.department: Department | None = None
        self.code_edit = self.child(QLineEdit, "codeEdit")
        self.name_edit = self.child(QLineEdit, "nameEdit")
        self.summary = self.child(QLabel, "summaryLabel")
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

    def document_changed(self, document: Document | None) -> None:
        self.department = None
        if document is not None:
            document.itemChanged.connect(self._item_changed)

    def set_department(self, department: Department) -> None:
        if department is not self.department:
            self.end_sessions()
        self.department = department
        self.show_text(self.code_edit, department.code)
        self.show_text(self.name_edit, department.name)
        self.summary.setText(
            self.tr("{count}个项目，合计 {total} 万元").format(
                count=len(department.projects), total=format_amount(department.total())
            )
        )

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if self.department is not None and len(path) <= 2 and path[:1] == self.path():
            self.set_department(self.department)

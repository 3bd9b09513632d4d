"""The right-hand side: the welcome page, or the page of the tree's current item."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.pages.booklet import BookletPage
from kpi_editor.gui.pages.department import DepartmentPage
from kpi_editor.gui.pages.project import ProjectPage

WELCOME, BOOKLET, DEPARTMENT, PROJECT = range(4)


class PageStack(QStackedWidget):
    def __init__(self, context: EditorContext, welcome: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.welcome = welcome
        self.booklet = BookletPage(context, self)
        self.department = DepartmentPage(context, self)
        self.project = ProjectPage(context, self)
        for page in (welcome, self.booklet, self.department, self.project):
            self.addWidget(page)
        self.setCurrentIndex(WELCOME)
        context.documentChanged.connect(self._document_changed)
        context.currentChanged.connect(self._current_changed)
        context.navigateRequested.connect(self._navigate)

    def _document_changed(self, document: Document | None) -> None:
        self.setCurrentIndex(WELCOME if document is None else BOOKLET)

    def _current_changed(self, path: ItemPath) -> None:
        document = self.context.document
        if document is None:
            return
        if not path:
            self.setCurrentIndex(BOOKLET)
            return
        department = document.booklet.departments[path[0]]
        if len(path) == 1:
            self.department.set_department(department)
            self.setCurrentIndex(DEPARTMENT)
            return
        self.project.set_project(department.projects[path[1]])
        self.setCurrentIndex(PROJECT)
        if len(path) == 3:
            # A row chosen in the tree: show it in the table, keep typing in the tree.
            focus = QApplication.focusWidget()
            self.project.select_cell(path[2], None)
            if focus is not None:
                focus.setFocus()

    def _navigate(self, path: ItemPath, field: str | None) -> None:
        """After the tree has shown the item: the row's cell, the project's field, a cover field."""
        if not path or path[:1] == PREFACE:
            self.setCurrentIndex(BOOKLET)
            self.booklet.focus_field(path, field)
        elif len(path) == 3:
            self.project.select_cell(path[2], field)
        elif len(path) == 2 and field:
            self.project.focus_field(field)

    def project_path(self) -> ItemPath | None:
        return self.project.path() if self.currentIndex() == PROJECT else None

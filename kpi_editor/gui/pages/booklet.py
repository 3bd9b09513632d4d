"""The booklet page: cover (title, compiler, date, fiscal year) and the 编制说明 sections."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QWidget

from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.domain.model import PrefaceSection
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.pages.base import Page


class BookletPage(Page):
    FIELDS = ("title", "compiler", "date", "preface_title")
    CONTENT_BUTTONS = ("addSectionButton", "removeSectionButton")

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__("booklet_editor", context, parent)
        self.edits = {
            "title": self.child(QLineEdit, "titleEdit"),
            "compiler": self.child(QLineEdit, "compilerEdit"),
            "date": self.child(QLineEdit, "dateEdit"),
            "preface_title": self.child(QLineEdit, "prefaceTitleEdit"),
        }
        for field, edit in self.edits.items():
            self.bind_text(edit, field, lambda: ())
        self.year_label = self.child(QLabel, "yearLabel")
        self.sections = self.child(QListWidget, "sectionList")
        self.heading_edit = self.child(QLineEdit, "headingEdit")
        self.body_edit = self.child(QPlainTextEdit, "bodyEdit")
        self.bind_text(self.heading_edit, "heading", self._section_path)
        self.bind_text(self.body_edit, "body", self._section_path)
        self.sections.currentRowChanged.connect(self._show_section)
        self.child(QAbstractButton, "addSectionButton").clicked.connect(self.add_section)
        self.child(QAbstractButton, "removeSectionButton").clicked.connect(self.remove_section)

    def document_changed(self, document: Document | None) -> None:
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

    def add_section(self) -> None:
        if self.context.ops is None:
            return
        row = self.sections.currentRow() + 1 if self.sections.count() else 0
        if self.context.ops.add_section(row):
            self.sections.setCurrentRow(row)

    def remove_section(self) -> None:
        row = self.sections.currentRow()
        if self.context.ops is not None and row >= 0:
            self.context.ops.remove_section(row)

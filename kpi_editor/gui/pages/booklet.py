"""The booklet page: cover (title, compiler, date; the fiscal year and the template, each changed
after a preview of what the change does) and the 编制说明 sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.domain.model import PrefaceSection
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.pages.base import Page

if TYPE_CHECKING:
    from kpi_editor.gui.dialogs.change_preview import ChangePreviewDialog


class BookletPage(Page):
    FIELDS = ("title", "compiler", "date", "preface_title")
    CONTENT_BUTTONS = ("addSectionButton", "removeSectionButton", "changeYearButton", "changeTemplateButton")

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
        self.child(QAbstractButton, "changeYearButton").clicked.connect(self.change_year)
        self.child(QAbstractButton, "changeTemplateButton").clicked.connect(self.change_template)

    def document_changed(self, document: Document | None) -> None:
        if document is None:
            return
        document.itemChanged.connect(self._item_changed)
        document.inserted.connect(self._sections_changed)
        document.removed.connect(self._sections_changed)
        booklet = document.booklet
        for field, edit in self.edits.items():
            self.show_text(edit, getattr(booklet, field))
        self._show_year()
        self._sections_changed(PREFACE)

    def _show_year(self) -> None:
        if self.document is not None:
            self.year_label.setText(
                self.tr("{year}年 · {template}").format(
                    year=self.document.booklet.fiscal_year, template=self.document.template.name
                )
            )

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
        elif path == () and field in ("fiscal_year", "template_id"):
            self._show_year()
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

    def focus_field(self, path: ItemPath, field: str | None) -> None:
        """Show a cover field or a 编制说明 section (a finding, a report line) with its text selected."""
        if path[:1] == PREFACE and len(path) == 2:
            if 0 <= path[1] < self.sections.count():
                self.sections.setCurrentRow(path[1])
            edit: QLineEdit | QPlainTextEdit | None = (
                self.heading_edit if field == "heading" else self.body_edit if field == "body" else None
            )
        else:
            edit = self.edits.get(field or "")
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    # -- another fiscal year or template ------------------------------------------------------------

    def change_year(self) -> QDialog | None:
        """更改预算年度…: the report of what moves first, then one undo step."""
        from kpi_editor.gui.dialogs.change_preview import FiscalYearDialog

        return self._preview(FiscalYearDialog)

    def change_template(self) -> QDialog | None:
        from kpi_editor.gui.dialogs.change_preview import TemplateDialog

        return self._preview(TemplateDialog)

    def _preview(self, kind: type[ChangePreviewDialog]) -> QDialog | None:
        ops = self.context.ops
        if ops is None:
            return None
        refused = ops.refusal()
        if refused:
            self.context.prompts.warning(self.tr("无法修改"), refused)
            return None
        dialog = kind(self.context, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, without a nested event loop
        return dialog

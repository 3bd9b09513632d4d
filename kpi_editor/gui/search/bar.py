"""查找 (Ctrl+F): a bar above the tree; Enter (or F3) goes to the next place the text occurs.
替换 (Ctrl+H) opens the 查找和替换 dialog (`kpi_editor.gui.search.replace`)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from kpi_editor.app.document import Document
from kpi_editor.domain.search import Hit, find
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.search.replace import ReplaceDialog


class SearchBar(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._hits: list[Hit] = []
        self._pos = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("查找名称、指标和指标值（回车查找下一个）"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(self._text_changed)
        self.label = QLabel(self)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.label)
        self.hide()
        self.find_action = make_action(
            self, self.tr("查找(&F)…"), self.show_bar, QKeySequence.StandardKey.Find
        )
        self.find_next_action = make_action(
            self, self.tr("查找下一个"), self.find_next, QKeySequence.StandardKey.FindNext
        )
        # Ctrl+H as in Excel and WPS (Qt's StandardKey.Replace is unset on some desktops).
        self.replace_action = make_action(self, self.tr("替换(&H)…"), self.show_replace, "Ctrl+H")
        self.replace_dialog: ReplaceDialog | None = None
        context.documentChanged.connect(self._document_changed)
        self._document_changed(None)

    def _document_changed(self, document: Document | None) -> None:
        self._text_changed("")
        for action in (self.find_action, self.find_next_action, self.replace_action):
            action.setEnabled(document is not None)

    def show_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def show_replace(self) -> None:
        """The 查找和替换 dialog (one per window, kept between uses), with the bar's text."""
        if self.context.document is None:
            return
        if self.replace_dialog is None:
            self.replace_dialog = ReplaceDialog(self.context, self.window())
        self.replace_dialog.open_for(self.edit.text().strip())

    def _text_changed(self, _text: str) -> None:
        self._hits = []
        self._pos = -1
        self.label.clear()

    def search(self, text: str) -> list[Hit]:
        document = self.context.document
        return find(document.booklet, text) if document is not None else []

    def find_next(self) -> None:
        text = self.edit.text().strip()
        if not text:
            return
        if not self._hits:
            self._hits = self.search(text)
            self._pos = -1
        if not self._hits:
            self.label.setText(self.tr("未找到"))
            return
        self._pos = (self._pos + 1) % len(self._hits)
        hit = self._hits[self._pos]
        self.label.setText(f"{self._pos + 1}/{len(self._hits)}")
        self.context.navigate(hit.path, hit.field if len(hit.path) == 3 else None)
        if len(hit.path) == 3:
            self.edit.setFocus()

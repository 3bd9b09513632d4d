"""What the right-hand pages share: a form from ``forms/``, text fields bound to the document's
fields (typing in a field is one editing session, one undo step), and read-only in review mode."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kpi_editor.app.commands import new_session
from kpi_editor.app.document import Document, ItemPath
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.forms import W, child, load_form


class Page(QWidget):
    # Buttons of the form that change content: disabled in review mode.
    CONTENT_BUTTONS: tuple[str, ...] = ()
    # The form's own widget classes (its .ui names them as custom widgets).
    CUSTOM_WIDGETS: tuple[type[QWidget], ...] = ()

    def __init__(self, form_name: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = load_form(form_name, self, self.CUSTOM_WIDGETS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.document: Document | None = None
        self._sessions: dict[str, int] = {}
        context.documentChanged.connect(self._switch_document)

    def child(self, kind: type[W], name: str) -> W:
        return child(self.form, kind, name)

    def _switch_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.reviewModeChanged.disconnect(self.set_read_only)
        self.document = document
        self.end_sessions()
        if document is not None:
            document.reviewModeChanged.connect(self.set_read_only)
        self.document_changed(document)
        self.set_read_only(document.review_mode if document is not None else False)

    def document_changed(self, document: Document | None) -> None:
        """Rebuild what depends on the document (connect its signals, fill the fields)."""

    def set_read_only(self, on: bool) -> None:
        """Review mode: the content is read-only; what the fields show stays selectable."""
        for edit in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            edit.setReadOnly(on)
        for name in self.CONTENT_BUTTONS:
            self.child(QAbstractButton, name).setEnabled(not on)

    def session(self, field: str) -> int:
        """One session per field until the field loses focus or another item is shown."""
        if field not in self._sessions:
            self._sessions[field] = new_session()
        return self._sessions[field]

    def end_sessions(self) -> None:
        self._sessions.clear()

    def bind_text(
        self, edit: QLineEdit | QPlainTextEdit, field: str, path_of: Callable[[], ItemPath | None]
    ) -> None:
        def edited(*_args: object) -> None:
            path = path_of()
            ops = self.context.ops
            if ops is not None and path is not None:
                text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
                ops.set_field(path, field, text, self.session(field))

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

"""What every feature of the window shares, instead of the window itself.

As git-cola's widgets take a ``context``, each feature (tree, pages, findings, search, review, files,
exports) is built with an `EditorContext`: the open document and its `Operations` (the one edit
path), the user's settings, `prompts` (the one seam for questions, which tests replace), the item
the user is on, a status line, and the document's life cycle (open, save, close, ask to save).
Features talk to each other only through it: a feature that wants a cell shown calls `navigate`;
the tree and the pages listen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from kpi_editor.app.autosave import AutosaveInfo, discard_autosave, find_recoverable
from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.locks import lock_owner
from kpi_editor.app.operations import Operations
from kpi_editor.app.settings import Settings
from kpi_editor.io.errors import FileFormatError


class EditorContext(QObject):
    # The document shown changed (the new one, or None); features rebuild their views.
    documentChanged = Signal(object)
    # The tree's current item: () for the booklet page, (d,), (d, p) or (d, p, i).
    currentChanged = Signal(object)
    # The current row of the project page's table (int), or None.
    rowChanged = Signal(object)
    # Show this item and, when given, this field of it (a finding, a search hit).
    navigateRequested = Signal(object, object)
    # Show the booklet's errors (the findings panel filters to errors, the window raises its dock).
    findingsRequested = Signal()
    message = Signal(str, int)  # a status-line message and how long to show it (ms, 0 = until replaced)
    recentChanged = Signal()
    settingsChanged = Signal()
    # The document was written to this path (a save, or save as); what learns from saved files listens.
    saved = Signal(object)

    def __init__(self, settings: Settings, prompts: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.prompts = prompts
        self.document: Document | None = None
        self.ops: Operations | None = None
        self.current: ItemPath = ()
        self.row: int | None = None

    # -- where the user is ------------------------------------------------------------------------

    def set_current(self, path: ItemPath) -> None:
        self.current = path
        self.row = path[2] if len(path) == 3 else None
        self.currentChanged.emit(path)

    def set_row(self, row: int | None) -> None:
        if row != self.row:
            self.row = row
            self.rowChanged.emit(row)

    def current_project(self) -> ItemPath | None:
        return self.current[:2] if len(self.current) >= 2 else None

    def navigate(self, path: ItemPath, field: str | None = None) -> None:
        self.navigateRequested.emit(path, field)

    def show_message(self, text: str, ms: int = 5000) -> None:
        self.message.emit(text, ms)

    # -- the document's life cycle ----------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Show `document` (already loaded) and forget the previous one, which the caller has saved."""
        old = self.document
        if old is not None:
            old.release()
        self.document = document
        self.ops = Operations(document) if document is not None else None
        self.current = ()
        self.row = None
        if document is not None:
            document.set_autosave_delay(self.settings.autosave_delay_s)
        self.documentChanged.emit(document)
        if old is not None:
            old.deleteLater()

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True means go ahead."""
        if self.document is None or not self.document.modified:
            return True
        choice = self.prompts.save_changes(self.document.display_name or self.tr("未命名"))
        if choice == "save":
            return self.save()
        return bool(choice == "discard")

    def save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        suggested = str(self.document.path or Path.home() / f"{self.document.booklet.fiscal_year}.kpi.json")
        path = self.prompts.save_path(suggested)
        return self.save_to(path) if path is not None else False

    def save_to(self, path: Path) -> bool:
        assert self.document is not None
        try:
            self.document.save(path)
        except OSError as exc:
            self.prompts.error(
                self.tr("保存失败"),
                self.tr("无法写入 {path}：{error}。原文件未改动。").format(path=path, error=exc),
            )
            return False
        self.remember(path)
        self.show_message(self.tr("已保存到 {path}").format(path=path), 5000)
        self.saved.emit(path)
        return True

    def open_path(self, path: Path) -> bool:
        """Open a project file, after asking to save the current one; False when nothing opened.

        Whatever the route (the 打开 dialog, a recent file, the command line, a double-click), an
        autosave a crashed editor left of this file is offered first; the choice is never made
        silently."""
        if not self.maybe_save():
            return False
        owner = lock_owner(path)
        if owner is not None and not self.prompts.confirm(
            self.tr("文件已被打开"),
            self.tr(
                "“{path}”已在另一个编辑器窗口（进程 {pid}）中打开。同时编辑会互相覆盖修改。仍要打开吗？"
            ).format(path=path, pid=owner),
        ):
            return False
        for info in find_recoverable(path):
            answer = self.prompts.recover(info)
            if answer is None:
                break  # 以后再说: the autosave stays, the file opens as it is on disk
            if answer and self._recover(info):
                self.remember(path)
                return True
            if not answer:
                discard_autosave(info)
        try:
            document = Document.open(path)
        except FileFormatError as exc:
            self.prompts.error(self.tr("无法打开文件"), str(exc))
            return False
        except OSError as exc:
            self.prompts.error(
                self.tr("无法打开文件"), self.tr("{path}：{error}").format(path=path, error=exc)
            )
            return False
        self.set_document(document)
        self.remember(path)
        return True

    def open_unsaved(self, document: Document, message: str = "") -> bool:
        """Show a document that exists only in memory (imported, merged): closing asks where to save."""
        if not self.maybe_save():
            document.deleteLater()
            return False
        document.undo_stack.resetClean()
        self.set_document(document)
        if message:
            self.show_message(message, 8000)
        return True

    def recover_autosaves(self) -> bool:
        """At start-up: offer every autosave crashed editors left behind; True when one was
        recovered (the rest stay for later)."""
        for info in find_recoverable():
            answer = self.prompts.recover(info)
            if answer is None:
                continue
            if not answer:
                discard_autosave(info)
            elif self._recover(info):
                return True
        return False

    def _recover(self, info: AutosaveInfo) -> bool:
        try:
            document = Document.recover(info)
        except FileFormatError as exc:
            self.prompts.error(self.tr("无法恢复"), str(exc))
            return False
        self.set_document(document)
        return True

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_document(None)
        return True

    # -- settings ----------------------------------------------------------------------------------

    def remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.save_settings()
        self.recentChanged.emit()

    def save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self.show_message(self.tr("无法保存设置：{error}").format(error=exc), 5000)

    def apply_settings(self) -> None:
        """The settings changed (the settings dialog was accepted): save and apply them."""
        self.save_settings()
        if self.document is not None:
            self.document.set_autosave_delay(self.settings.autosave_delay_s)
        self.settingsChanged.emit()


__all__ = ["EditorContext"]

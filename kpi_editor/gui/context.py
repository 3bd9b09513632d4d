"""What every feature of the window shares, instead of the window itself.

As git-cola's widgets take a ``context``, each feature (tree, pages, findings, search, review, files,
exports) is built with an `EditorContext`: the open document and its `Operations` (the one edit
path), the user's settings, `prompts` (the one seam for questions, which tests replace), the item
the user is on, a status line, and the document's life cycle (open, save, close, ask to save).
Features talk to each other only through it: a feature that wants a cell shown calls `navigate`;
the tree and the pages listen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal

from kpi_editor.app.autosave import AutosaveInfo, discard_autosave, find_recoverable
from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.app.locks import lock_owner
from kpi_editor.app.operations import Operations
from kpi_editor.app.settings import Settings
from kpi_editor.app.statuses import ReviewStatuses
from kpi_editor.io.errors import FileFormatError
from kpi_editor.paths import resource_dir


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
        self.statuses: ReviewStatuses | None = None  # the document's effective review statuses
        self.current: ItemPath = ()
        self.row: int | None = None
        # The tree's selected units, projects and rows (several with Shift/Ctrl+click), for batch
        # actions: asked when needed, so it names the items as they are after any edit.
        self._selection: Callable[[], tuple[ItemPath, ...]] = tuple

    # -- where the user is ------------------------------------------------------------------------

    def set_current(self, path: ItemPath) -> None:
        self.current = path
        self.row = path[2] if len(path) == 3 else None
        self.currentChanged.emit(path)

    def set_row(self, row: int | None) -> None:
        if row != self.row:
            self.row = row
            self.rowChanged.emit(row)

    @property
    def selection(self) -> tuple[ItemPath, ...]:
        return self._selection()

    def set_selection_source(self, source: Callable[[], tuple[ItemPath, ...]]) -> None:
        """Where `selection` comes from (the tree)."""
        self._selection = source

    def selected_or_current(self) -> list[ItemPath]:
        """The units and projects a batch action is for: the tree's selection, else the current
        unit or project (a row counts as its project); empty on the booklet page."""
        paths = list(self.selection) or ([self.current] if self.current else [])
        return sorted({p[:2] for p in paths if p and p[:1] != PREFACE})

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
        # Approving projects with errors asks the user first, whichever view approves them (a
        # context with no one to ask, as in a benchmark, approves as a script does).
        ask = getattr(self.prompts, "approve_with_errors", None)
        self.ops = Operations(document, ask) if document is not None else None
        # Made before any view hears of the document, so it forgets a status before they ask.
        self.statuses = ReviewStatuses(document) if document is not None else None
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
        if self.document.path is None or _installed(self.document.path):
            # The bundled sample is the program's, not the clerk's: 保存 asks where to put a copy.
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        document = self.document
        known = document.path or document.suggested_path  # a new year's file: beside its source
        name = known.name if known is not None else f"{document.booklet.fiscal_year}.kpi.json"
        path = self.prompts.save_path(str(self.work_folder() / name))
        return self.save_to(path) if path is not None else False

    def work_folder(self) -> Path:
        """Where save and export dialogs start: the document's folder (a new year's file not saved
        yet: its source's), never the program's own (the bundled sample lives there), else the
        user's documents folder."""
        document = self.document
        known = (document.path or document.suggested_path) if document is not None else None
        if known is not None and not _installed(known):
            return known.parent
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

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
        current = self.document
        if current is not None and current.path is not None and _same_file(current.path, path):
            self.show_message(self.tr("“{name}”已经打开").format(name=path.name), 5000)
            return True  # already here: nothing to reopen, nothing to lose
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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _installed(path: Path) -> bool:
    """True for a file inside the program's own resources (the bundled sample)."""
    try:
        return path.resolve().is_relative_to(resource_dir().resolve())
    except OSError:
        return False


__all__ = ["EditorContext"]

"""The open document: the booklet, its undo stack, its findings, autosave and the file lock.

Every change goes through a command on ``undo_stack`` (see ``commands.py``); commands call the
mutation methods here, which tell the item models exactly what changed (Anki-style: views refresh
only what changed) and revalidate the touched project at once. The whole booklet, with its
cross-project rules, is revalidated after a short pause.

Items are addressed by paths of row numbers: ``()`` the booklet, ``(d,)`` a department, ``(d, p)`` a
project, ``(d, p, i)`` an indicator row; ``PREFACE + (s,)`` a 编制说明 section. Row paths stay valid
because the undo stack replays changes in order.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from kpi_editor.app.autosave import Autosave, AutosaveInfo, discard_autosave
from kpi_editor.app.locks import FileLock
from kpi_editor.domain import engine
from kpi_editor.domain.edits import PREFACE, ItemPath, children_at, item_at, set_field_value
from kpi_editor.domain.engine import Finding, FindingCounts, count_findings
from kpi_editor.domain.model import Booklet, Project
from kpi_editor.domain.review import ProjectReview, shift_after_insert, shift_after_remove
from kpi_editor.domain.template import load_template
from kpi_editor.io import projectfile

BOOKLET_REVALIDATE_MS = 600
AUTOSAVE_DELAY_S = 3  # the default; the settings' 自动保存 delay replaces it
AUTOSAVE_MAX_WAIT_S = 30


class Document(QObject):
    # Structural notifications, before and after the booklet changes: (parent path, first, last).
    aboutToInsert = Signal(object, int, int)
    inserted = Signal(object, int, int)
    aboutToRemove = Signal(object, int, int)
    removed = Signal(object, int, int)
    # (source parent, row, destination parent, destination row as in QAbstractItemModel.beginMoveRows)
    aboutToMove = Signal(object, int, object, int)
    moved = Signal(object, int, object, int)
    itemChanged = Signal(object, str)  # item path, field ("" when several fields changed)
    aboutToReset = Signal()
    wasReset = Signal()
    # Project ids whose findings changed, or None when the whole booklet was revalidated.
    findingsChanged = Signal(object)
    stateChanged = Signal()  # path, modified flag or title changed
    editRejected = Signal(str)
    reviewModeChanged = Signal(bool)
    # `template` was replaced (template_id changed, or its undo): views rebuild columns and labels.
    templateChanged = Signal()

    def __init__(self, booklet: Booklet, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.booklet = booklet
        self.template = load_template(booklet.template_id)
        self.path = path
        # Where 另存为 proposes to save a document that has no file yet (a new year's booklet).
        self.suggested_path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._findings: dict[str, list[Finding]] = {}
        self._counts: dict[str, FindingCounts] = {}
        # Review mode: the content is read-only, only status and comments change (app/operations.py
        # refuses everything else in one place).
        self.review_mode = False
        self._global_findings: list[Finding] = []
        self.changed_by_last_pass: set[str] = set()  # project ids; see validate_all
        self.global_findings_changed = False  # the booklet-wide findings, by the same pass
        self._project_paths: dict[str, ItemPath] | None = None  # see project_path
        # While many edits make one step (a plan, its undo): the projects to revalidate at the end,
        # by id (their paths may shift within the step), and whether the whole booklet is due.
        self._deferred: dict[str, None] | None = None
        self._deferred_all = False
        # Rules only the whole-booklet pass can see (duplicates across projects, unit lists …):
        # kept on a project when only that project is revalidated.
        self._booklet_rules = {rule.code for rule in engine.RULES if rule.scope == "booklet"}
        self._booklet_timer = QTimer(self)
        self._booklet_timer.setSingleShot(True)
        self._booklet_timer.setInterval(BOOKLET_REVALIDATE_MS)
        self._booklet_timer.timeout.connect(self.validate_all)
        # Autosave a few seconds after the last edit (debounced), and at least every
        # AUTOSAVE_MAX_WAIT_S while the clerk keeps typing.
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_S * 1000)
        self._autosave_timer.timeout.connect(self.autosave)
        self._unsaved_since: float | None = None
        self._autosave = Autosave()
        self._file_lock: FileLock | None = None
        self.recovered_from: AutosaveInfo | None = None
        self.validate_all()

    # -- files ------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> Document:
        """Load `path`; raises FileFormatError (and changes nothing) when it cannot be read."""
        booklet = projectfile.load_booklet(path)
        document = cls(booklet, path, parent)
        document.lock_file()
        return document

    @classmethod
    def recover(cls, info: AutosaveInfo, parent: QObject | None = None) -> Document:
        booklet = projectfile.load_booklet(info.data_path)
        document = cls(booklet, info.original, parent)
        document.recovered_from = info
        document.lock_file()
        # The recovered text differs from the file on disk until it is saved again.
        document.undo_stack.resetClean()
        document.stateChanged.emit()
        # Ours from now on: our own autosave takes over (and the crashed editor's goes), so a second
        # crash still leaves exactly one copy to recover.
        document.autosave()
        return document

    def lock_file(self) -> bool:
        """Take the "open in an editor" lock; False when another live instance holds it."""
        if self.path is None:
            return True
        self._file_lock = FileLock(self.path)
        if not self._file_lock.acquire():
            self._file_lock = None
            return False
        return True

    def save(self, path: Path | None = None) -> None:
        """Write atomically to `path` (or the current path); marks the stack clean."""
        target = path or self.path
        if target is None:
            raise ValueError("document has no path")
        projectfile.save_booklet(self.booklet, target)
        if target != self.path:
            self._release_lock()
            self.path = target
            self.lock_file()
        self.discard_autosave()
        self.undo_stack.setClean()
        self.stateChanged.emit()

    def set_review_mode(self, on: bool) -> None:
        if on != self.review_mode:
            self.review_mode = on
            self.reviewModeChanged.emit(on)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else ""

    @property
    def file_stem(self) -> str:
        """The file name without ``.kpi.json``, to name exports after; ``booklet`` before the first save."""
        return self.path.name.removesuffix(".kpi.json").removesuffix(".json") if self.path else "booklet"

    def release(self) -> None:
        """Called when the document is closed (saved, or its changes discarded by the user): drop
        locks, timers and autosaves, the recovered one included."""
        self._autosave_timer.stop()
        self._booklet_timer.stop()
        self.discard_autosave()
        self._release_lock()

    def _release_lock(self) -> None:
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            # Saved, or undone back to what is on disk: nothing left to recover.
            self.discard_autosave()
        else:
            self._schedule_autosave()
        self.stateChanged.emit()

    def set_autosave_delay(self, seconds: int) -> None:
        self._autosave_timer.setInterval(seconds * 1000)

    def _schedule_autosave(self) -> None:
        if not self.modified:
            return
        now = time.monotonic()
        if not self._autosave_timer.isActive() or self._unsaved_since is None:
            self._unsaved_since = now
        elif now - self._unsaved_since > AUTOSAVE_MAX_WAIT_S:
            return  # typing without a pause: let the pending write happen
        self._autosave_timer.start()

    def autosave_paths(self) -> tuple[Path, Path]:
        return self._autosave.paths()

    def autosave(self) -> Path | None:
        """Write the unsaved state to the state dir; an editor started after a crash offers it."""
        self._autosave_timer.stop()
        self._unsaved_since = None
        if not self.modified:
            return None
        written = self._autosave.write(self.booklet, self.path)
        if self.recovered_from is not None:
            # Our own autosave now holds everything the recovered one did, and more.
            discard_autosave(self.recovered_from)
            self.recovered_from = None
        return written

    def discard_autosave(self) -> None:
        self._autosave_timer.stop()
        self._unsaved_since = None
        self._autosave.discard()
        if self.recovered_from is not None:
            discard_autosave(self.recovered_from)
            self.recovered_from = None

    # -- reading ----------------------------------------------------------------------------------

    def item(self, path: ItemPath) -> Any:
        return item_at(self.booklet, path)

    def child_items(self, parent: ItemPath) -> list[Any]:
        return children_at(self.booklet, parent)

    def project_path(self, project_id: str) -> ItemPath | None:
        # Built once per structural change: views look up the project of every findings update.
        if self._project_paths is None:
            self._project_paths = {
                project.id: (d, p)
                for d, department in enumerate(self.booklet.departments)
                for p, project in enumerate(department.projects)
            }
        return self._project_paths.get(project_id)

    def _structure_changed(self, parent: ItemPath) -> None:
        if parent[:1] != PREFACE and len(parent) <= 1:
            self._project_paths = None

    # -- mutations (called by commands only) ---------------------------------------------------

    def set_field(self, path: ItemPath, field: str, value: Any) -> None:
        # Values are validated by the command before they reach the stack.
        set_field_value(self.item(path), field, value)
        if path == () and field == "template_id":
            self._reload_template()
        self.itemChanged.emit(path, field)
        self._touched(path)
        if path == () and field in ("template_id", "fiscal_year"):
            # Every project's findings depend on these: the checker's verdict follows at once.
            if self._deferred is not None:
                self._deferred_all = True
            else:
                self.validate_all()

    def _reload_template(self) -> None:
        """The booklet names another template (a template change or its undo): load it, before
        the views hear of the change, so that they rebuild with the new one."""
        self.template = load_template(self.booklet.template_id)
        self.templateChanged.emit()

    def insert(self, parent: ItemPath, row: int, items: Sequence[Any]) -> None:
        container = self.child_items(parent)
        self.aboutToInsert.emit(parent, row, row + len(items) - 1)
        container[row:row] = list(items)
        self._structure_changed(parent)
        shifted = self._shift_comments(parent, lambda review: shift_after_insert(review, row, len(items)))
        self.inserted.emit(parent, row, row + len(items) - 1)
        if shifted:
            self.itemChanged.emit(parent, "review")
        if parent != PREFACE and len(parent) <= 1:
            paths = (
                [(parent[0], p) for p in range(row, row + len(items))]
                if parent
                else [(d, p) for d in range(row, row + len(items)) for p in range(len(container[d].projects))]
            )
            for path in paths:
                self._validate_project(path, emit=False)
            if self._deferred is None:
                self.findingsChanged.emit({self.item(path).id for path in paths})
        self._touched(parent)

    def remove(self, parent: ItemPath, row: int, count: int) -> list[Any]:
        container = self.child_items(parent)
        self.aboutToRemove.emit(parent, row, row + count - 1)
        taken = container[row : row + count]
        del container[row : row + count]
        self._structure_changed(parent)
        shifted = self._shift_comments(parent, lambda review: shift_after_remove(review, row, count))
        self.removed.emit(parent, row, row + count - 1)
        if shifted:
            self.itemChanged.emit(parent, "review")
        if parent != PREFACE and len(parent) <= 1:
            projects = taken if parent else [p for department in taken for p in department.projects]
            for project in projects:
                self._findings.pop(project.id, None)
                self._counts.pop(project.id, None)
            self.findingsChanged.emit({project.id for project in projects})
        self._touched(parent)
        return taken

    def move(self, source: ItemPath, row: int, destination: ItemPath, destination_row: int) -> None:
        """Move one item; `destination_row` counts rows before the move (Qt's convention)."""
        self.aboutToMove.emit(source, row, destination, destination_row)
        item = self.child_items(source).pop(row)
        if source == destination and destination_row > row:
            destination_row -= 1
        self.child_items(destination).insert(destination_row, item)
        self._structure_changed(source)
        self._structure_changed(destination)
        final = destination_row
        # Indicator rows only move within their project (the views refuse other drops).
        shifted = self._shift_comments(source, lambda review: _follow_move(review, row, final))
        self.moved.emit(source, row, destination, destination_row)
        if shifted:
            self.itemChanged.emit(source, "review")
        self._touched(source)
        if destination != source:
            self._touched(destination)

    def set_review(self, project: ItemPath, review: ProjectReview | None) -> None:
        """Put a copy of `review` on the project; views refresh its marks and those of the rows that
        had or get comments. Not a content change: nothing is revalidated."""
        target: Project = self.item(project)
        rows = _commented_rows(target.review) | _commented_rows(review)
        target.review = review.model_copy(deep=True) if review is not None else None
        self.itemChanged.emit(project, "review")
        for row in sorted(rows):
            if row < len(target.indicators):
                self.itemChanged.emit((*project, row), "review")
        self._schedule_autosave()

    def _shift_comments(self, parent: ItemPath, shift: Callable[[ProjectReview], None]) -> bool:
        """Apply `shift` to the row comments of the project whose rows changed; True if any moved."""
        if not _is_rows(parent):
            return False
        review = self.item(parent).review
        if review is None or not _commented_rows(review):
            return False
        before = [c.indicator for c in review.comments]
        shift(review)
        return before != [c.indicator for c in review.comments]

    # -- validation --------------------------------------------------------------------------------

    def _touched(self, path: ItemPath) -> None:
        if path[:1] != PREFACE and len(path) >= 2:
            self._validate_project(path[:2])
        self._booklet_timer.start()
        self._schedule_autosave()

    @contextmanager
    def validating_once(self) -> Iterator[None]:
        """Many edits as one step (a plan, its undo and redo): each project they touch is
        revalidated once when the step is done, and the views hear of it once, instead of after
        every edit (a template change of the sample is 3,778 edits)."""
        if self._deferred is not None:
            yield  # already inside a step
            return
        self._deferred, self._deferred_all = {}, False
        try:
            yield
        finally:
            pending, everything = self._deferred, self._deferred_all
            self._deferred, self._deferred_all = None, False
            if everything:
                self.validate_all()
            elif pending:
                for project_id in pending:
                    path = self.project_path(project_id)
                    if path is not None:
                        self._validate_project(path, emit=False)
                self.findingsChanged.emit(set(pending))

    def _validate_project(self, path: ItemPath, *, emit: bool = True) -> None:
        department = self.booklet.departments[path[0]]
        project = department.projects[path[1]]
        if self._deferred is not None:
            self._deferred[project.id] = None
            return
        findings = engine.validate_project(project, self.template, self.booklet.fiscal_year, department)
        kept = [f for f in self._findings.get(project.id, ()) if f.rule in self._booklet_rules]
        self._findings[project.id] = findings + kept
        self._counts.pop(project.id, None)
        if emit:
            self.findingsChanged.emit({project.id})

    def validate_all(self) -> None:
        self._booklet_timer.stop()
        findings = engine.validate_booklet(self.booklet, self.template)
        by_project: dict[str, list[Finding]] = {}
        global_findings: list[Finding] = []
        for finding in findings:
            if finding.project_id is None:
                global_findings.append(finding)
            else:
                by_project.setdefault(finding.project_id, []).append(finding)
        # What the pass changed (mostly cross-project rules: each edit already revalidated its own
        # project), so that views refresh the rows of those projects only.
        old = self._findings
        self.changed_by_last_pass = {
            project_id
            for project_id in old.keys() | by_project.keys()
            if old.get(project_id, []) != by_project.get(project_id, [])
        }
        self.global_findings_changed = global_findings != self._global_findings
        self._findings = by_project
        self._counts = {}
        self._global_findings = global_findings
        self.findingsChanged.emit(None)

    def findings(self) -> list[Finding]:
        """All findings in booklet order."""
        result = list(self._global_findings)
        for _department, project in self.booklet.projects():
            result.extend(self._findings.get(project.id, ()))
        return result

    def global_findings(self) -> list[Finding]:
        """Findings about the booklet as a whole (no project), from the last whole-booklet pass."""
        return self._global_findings

    def project_findings(self, project_id: str) -> list[Finding]:
        return self._findings.get(project_id, [])

    def counts(self) -> tuple[int, int]:
        """(errors, warnings) in the whole booklet: what the checker counts (advice left out)."""
        counts = self.finding_counts()
        return counts.errors, counts.warnings

    def finding_counts(self) -> FindingCounts:
        """Errors, warnings and advice in the whole booklet, from per-project counts kept up to date."""
        total = count_findings(self._global_findings)
        errors, warnings, advice = total.errors, total.warnings, total.advice
        for project_id in self._findings:
            counted = self._counts.get(project_id)
            if counted is None:
                counted = self._counts[project_id] = count_findings(self._findings[project_id])
            errors += counted.errors
            warnings += counted.warnings
            advice += counted.advice
        return FindingCounts(errors, warnings, advice)


def _is_rows(parent: ItemPath) -> bool:
    """True when `parent` is a project, i.e. its children are indicator rows."""
    return parent[:1] != PREFACE and len(parent) == 2


def _commented_rows(review: ProjectReview | None) -> set[int]:
    if review is None:
        return set()
    return {c.indicator for c in review.comments if c.indicator is not None}


def _follow_move(review: ProjectReview, row: int, final: int) -> None:
    """Row `row` now sits at `final`: its comments go with it, the rows in between close up."""
    for c in review.comments:
        if c.indicator is None:
            continue
        if c.indicator == row:
            c.indicator = final
        elif row < c.indicator <= final:
            c.indicator -= 1
        elif final <= c.indicator < row:
            c.indicator += 1


__all__ = ["PREFACE", "Document", "ItemPath"]

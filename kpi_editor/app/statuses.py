"""The open document's effective review statuses, kept up to date as it is edited.

A status costs a fingerprint of its table (``approval.effective_status``), and the window asks for
them all the time: the tree's 审核 column and unit roll-ups on every repaint, sorting and filtering
by status, the status bar's counts after every pause in typing. This cache computes each project's
once and forgets it when an edit touches the project (its rows, its fields, its review) or its unit
(a unit's code and name are printed on its tables); counts are then sums over the cache.

It listens to the document's own signals, and is created before any view connects to them
(``EditorContext.set_document``), so a view reading a status in its slot reads the new one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QObject

from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.domain.approval import effective_status
from kpi_editor.domain.model import Department, Project
from kpi_editor.domain.progress import StatusCounts, UnitProgress, rollup_status
from kpi_editor.domain.review import EffectiveStatus


class ReviewStatuses(QObject):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.document = document
        # By id() of the project and of the department: the objects stay in the booklet while
        # cached (a file may even repeat a project id); a structural change forgets them first.
        self._statuses: dict[int, EffectiveStatus] = {}
        self._units: dict[int, UnitProgress] = {}
        document.itemChanged.connect(self._changed)
        document.inserted.connect(self._structure_changed)
        document.removed.connect(self._structure_changed)
        document.moved.connect(self._moved)
        document.wasReset.connect(self.clear)

    def of(self, department: Department, project: Project) -> EffectiveStatus:
        """The project's effective status (已修改待复审 once edited after its status was given)."""
        status = self._statuses.get(id(project))
        if status is None:
            status = self._statuses[id(project)] = effective_status(project, department)
        return status

    def unit(self, department: Department) -> UnitProgress:
        """As ``progress.unit_progress``: the unit's counts and its roll-up (3/5 通过)."""
        key = id(department)
        progress = self._units.get(key)
        if progress is None:
            counts = self._count(self.of(department, p) for p in department.projects)
            progress = self._units[key] = UnitProgress(
                department.code, department.name, counts, rollup_status(counts)
            )
        return progress

    def counts(self) -> StatusCounts:
        """As ``progress.booklet_progress(...)[1]``: the whole booklet's counts."""
        return self._count(self.of(d, p) for d, p in self.document.booklet.projects())

    @staticmethod
    def _count(statuses: Iterable[EffectiveStatus]) -> StatusCounts:
        tally = Counter(statuses)
        return StatusCounts(
            approved=tally[EffectiveStatus.APPROVED],
            returned=tally[EffectiveStatus.RETURNED],
            pending=tally[EffectiveStatus.PENDING],
            changed=tally[EffectiveStatus.CHANGED],
            # 已修改待复审 is exactly 在审核后修改: a status given to other content.
            edited=tally[EffectiveStatus.CHANGED],
        )

    # -- forgetting ---------------------------------------------------------------------------------

    def clear(self) -> None:
        self._statuses.clear()
        self._units.clear()

    def forget(self, path: ItemPath) -> None:
        """Forget what an edit at `path` may have changed: its project's status, those of every
        project of a unit (its code and name, its list of projects), or everything (the list of
        units: objects come and go)."""
        if path[:1] == PREFACE:
            return
        if not path:
            self.clear()
            return
        department = self.document.booklet.departments[path[0]]
        self._units.pop(id(department), None)
        projects = department.projects if len(path) == 1 else department.projects[path[1] : path[1] + 1]
        for project in projects:
            self._statuses.pop(id(project), None)

    def _changed(self, path: ItemPath, _field: str) -> None:
        if path:  # the booklet's own fields (cover, 编制说明) are on no table
            self.forget(path)

    def _structure_changed(self, parent: ItemPath, _first: int, _last: int) -> None:
        self.forget(parent)

    def _moved(self, source: ItemPath, _row: int, destination: ItemPath, _final: int) -> None:
        self.forget(source)
        self.forget(destination)


__all__ = ["ReviewStatuses"]

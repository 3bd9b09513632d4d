"""One QAbstractItemModel over the document: department → project → indicator rows.

The model copies nothing: row counts and cell text come straight from the booklet. It keeps a thin
node per department and per project (built lazily, one department at a time) only because Qt
needs a stable pointer for each parent; an indicator row's pointer is its project's node.
The document's structural signals keep the nodes in step and drive begin/end Insert/Remove/Move.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.app.operations import Operations
from kpi_editor.app.statuses import ReviewStatuses
from kpi_editor.domain.bounds import escape_controls
from kpi_editor.domain.engine import Finding, Severity
from kpi_editor.domain.model import Department, Project
from kpi_editor.domain.progress import UnitProgress, status_sort_key
from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.gui.icons import icon, severity_icon
from kpi_editor.gui.marks import (
    edited_text,
    project_mark,
    project_tooltip,
    row_mark,
    row_tooltip,
    status_icon,
    status_short,
    status_text,
)
from kpi_editor.gui.widgets import format_amount

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-kpi-editor-tree-path"
NAME, TOTAL, ISSUES, REVIEW = range(4)
Role = Qt.ItemDataRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# What findings change in a cell: its icon, its count text and its tooltip.
_FINDINGS_ROLES = [Role.DisplayRole, Role.DecorationRole, Role.ToolTipRole]


def count_text(errors: int, warnings: int) -> str:
    parts = []
    if errors:
        parts.append(f"✖{errors}")
    if warnings:
        parts.append(f"⚠{warnings}")
    return " ".join(parts)


class _Node:
    """A parent in the tree: the root (booklet), a department or a project."""

    __slots__ = ("_children", "item", "parent")

    def __init__(self, item: Any, parent: _Node | None) -> None:
        self.item = item
        self.parent = parent
        self._children: list[_Node] | None = None

    def children(self) -> list[_Node]:
        if self._children is None:
            items = self.item.departments if self.parent is None else self.item.projects
            self._children = [_Node(child, self) for child in items]
        return self._children

    @property
    def built(self) -> bool:
        return self._children is not None

    def row(self) -> int:
        assert self.parent is not None
        return self.parent.children().index(self)

    def depth(self) -> int:
        return 0 if self.parent is None else 1 + self.parent.depth()


class BookletTreeModel(QAbstractItemModel):
    def __init__(
        self,
        document: Document,
        ops: Operations,
        parent: QObject | None = None,
        statuses: ReviewStatuses | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.ops = ops
        # The window's shared cache (made before this model connects to the document, so it is
        # up to date in every slot here); a model made alone gets its own.
        self.statuses = statuses if statuses is not None else ReviewStatuses(document)
        self._root = _Node(document.booklet, None)
        self._department_counts: dict[int, tuple[int, int]] = {}
        document.aboutToInsert.connect(self._about_to_insert)
        document.inserted.connect(self._inserted)
        document.aboutToRemove.connect(self._about_to_remove)
        document.removed.connect(self._removed)
        document.aboutToMove.connect(self._about_to_move)
        document.moved.connect(self._moved)
        document.itemChanged.connect(self._item_changed)
        document.aboutToReset.connect(self.beginResetModel)
        document.wasReset.connect(self._reset)
        document.findingsChanged.connect(self._findings_changed)

    # -- paths and indexes ---------------------------------------------------------------------

    def _node(self, parent: ItemPath) -> _Node:
        node = self._root
        for row in parent:
            node = node.children()[row]
        return node

    def path(self, index: Index) -> ItemPath:
        if not index.isValid():
            return ()
        node: _Node = index.internalPointer()
        rows = [index.row()]
        while node.parent is not None:
            rows.append(node.row())
            node = node.parent
        return tuple(reversed(rows))

    def index_for(self, path: ItemPath, column: int = 0) -> QModelIndex:
        index = QModelIndex()
        for row in path:
            index = self.index(row, column if len(path) == 1 else 0, index)
        if path and column:
            index = index.siblingAtColumn(column)
        return index

    def item(self, index: Index) -> Any:
        node: _Node = index.internalPointer()
        if node.parent is None:
            return self.document.booklet.departments[index.row()]
        if node.parent.parent is None:
            return node.item.projects[index.row()]
        return node.item.indicators[index.row()]

    # -- QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._root)
        node: _Node = parent.internalPointer()
        if node.depth() >= 2:
            return QModelIndex()
        return self.createIndex(row, column, node.children()[parent.row()])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.document.booklet.departments)
        if parent.column() != 0:
            return 0
        node: _Node = parent.internalPointer()
        if node.parent is None:
            return len(self.document.booklet.departments[parent.row()].projects)
        if node.parent.parent is None:
            return len(node.item.projects[parent.row()].indicators)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return (self.tr("名称"), self.tr("合计（万元）"), self.tr("问题"), self.tr("审核"))[section]
        if orientation == Qt.Orientation.Horizontal and role == Role.ToolTipRole and section == REVIEW:
            return self.tr("审核状态；单位一行是其项目的审核进度（通过数/项目数）")
        return None

    # -- review statuses ---------------------------------------------------------------------------

    def status(self, department: Department, project: Project) -> EffectiveStatus:
        """The project's effective status (已修改待复审 once edited after its status was given)."""
        return self.statuses.of(department, project)

    def progress(self, department: Department) -> UnitProgress:
        return self.statuses.unit(department)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self.document.review_mode:
            # Review mode: content is read-only, so nothing is renamed, dragged or dropped.
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        depth = len(self.path(index))
        if index.column() == NAME and depth in (1, 2):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index)
        if role == SORT_ROLE:
            return self._sort_key(index, item, index.column())
        column = index.column()
        if isinstance(item, Department):
            return self._department_data(item, column, role)
        if isinstance(item, Project):
            return self._project_data(index.internalPointer().item, item, column, role)
        return self._indicator_data(index, item, column, role)

    def _sort_key(self, index: Index, item: Any, column: int) -> Any:
        """What a click on a column header sorts by: code (units) or name (projects), 合计, errors
        and warnings, or the status (已修改待复审, 未审核, 退回修改, 审核通过: what needs the
        reviewer first). Rows keep their order (the filter sees to it)."""
        if isinstance(item, Department):
            if column == NAME:
                return item.code
            if column == TOTAL:
                return float(item.total())
            if column == REVIEW:
                # What needs the reviewer first, then the unit with more of it left to review.
                counts = self.progress(item).counts
                return (status_sort_key(self.progress(item).rollup), -(counts.pending + counts.changed))
            return self._department_count(item)
        if isinstance(item, Project):
            if column == NAME:
                return item.name
            if column == TOTAL:
                return float(item.funding.total or 0)
            if column == REVIEW:
                return (status_sort_key(self.status(index.internalPointer().item, item)), 0)
            return _count(self.document.project_findings(item.id))
        return 0

    def _department_data(self, department: Department, column: int, role: int) -> Any:
        if role in (Role.DisplayRole, Role.EditRole):
            if column == NAME:
                return (
                    department.name
                    if role == Role.EditRole
                    else f"{department.code} {escape_controls(department.name)}"
                )
            if column == TOTAL:
                return format_amount(department.total())
            if column == ISSUES:
                return count_text(*self._department_count(department))
        if role == Role.DecorationRole and column == NAME:
            errors, warnings = self._department_count(department)
            if errors:
                return severity_icon("error")
            if warnings:
                return severity_icon("warning")
            return icon("department")
        if role == Role.ToolTipRole and column in (NAME, ISSUES):
            errors, warnings = self._department_count(department)
            return self.tr("{count}个项目；{errors}个错误，{warnings}个警告").format(
                count=len(department.projects), errors=errors, warnings=warnings
            )
        if column == REVIEW:
            return self._department_review(department, role)
        if role == Role.TextAlignmentRole and column == TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _department_review(self, department: Department, role: int) -> Any:
        """The unit's roll-up: its badge and 3/5 通过; the tooltip counts every status."""
        if role not in (Role.DisplayRole, Role.DecorationRole, Role.ToolTipRole) or not department.projects:
            return None
        progress = self.progress(department)
        if role == Role.DisplayRole:
            return progress.label
        if role == Role.DecorationRole:
            return status_icon(progress.rollup)
        edited = (
            self.tr("；其中{count}个{edited}").format(count=progress.counts.edited, edited=edited_text())
            if progress.counts.edited
            else ""
        )
        return f"{status_text(progress.rollup)}：{progress.counts.describe()}{edited}"

    def _project_data(self, department: Department, project: Project, column: int, role: int) -> Any:
        if column == REVIEW and role in (Role.DisplayRole, Role.DecorationRole):
            status = self.status(department, project)
            if status is EffectiveStatus.PENDING:
                return None
            return status_short(status) if role == Role.DisplayRole else status_icon(status)
        if role in (Role.DisplayRole, Role.EditRole):
            if column == NAME:
                return (
                    project.name
                    if role == Role.EditRole
                    else escape_controls(project.name) or self.tr("（未命名项目）")
                )
            if column == TOTAL:
                return format_amount(project.funding.total)
            if column == ISSUES:
                return count_text(*_count(self.document.project_findings(project.id)))
        if role == Role.DecorationRole and column == TOTAL and project.review is not None:
            return project_mark(project)  # a comment bubble by the amount
        findings = self.document.project_findings(project.id)
        if role == Role.DecorationRole and column == NAME:
            return _worst_icon(findings) or icon("project")
        if role == Role.ToolTipRole and project.review is not None:
            status = self.status(department, project)
            return project_tooltip(project, status) + ("\n\n" + _tooltip(findings) if findings else "")
        if role == Role.ToolTipRole and findings:
            return _tooltip(findings)
        if role == Role.TextAlignmentRole and column == TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _indicator_data(self, index: Index, indicator: Any, column: int, role: int) -> Any:
        if role == Role.DisplayRole and column == NAME:
            label = " · ".join(part for part in (indicator.level2, indicator.name) if part)
            return escape_controls(label) or self.tr("（空行）")
        if role == Role.DisplayRole and column == TOTAL:
            return escape_controls(indicator.value)
        if role in (Role.DecorationRole, Role.ToolTipRole) and column == TOTAL:
            owner: Project = index.internalPointer().item
            if role == Role.DecorationRole:
                return row_mark(owner, index.row())
            return row_tooltip(owner, index.row())
        if role in (Role.DecorationRole, Role.ToolTipRole, Role.DisplayRole) and column in (NAME, ISSUES):
            project: Project = index.internalPointer().item
            findings = [f for f in self.document.project_findings(project.id) if f.indicator == index.row()]
            if role == Role.DecorationRole and column == NAME:
                return _worst_icon(findings)
            if role == Role.ToolTipRole:
                comments = row_tooltip(project, index.row())
                parts = [text for text in (comments, _tooltip(findings) if findings else None) if text]
                return "\n\n".join(parts) or None
            if role == Role.DisplayRole:
                return count_text(*_count(findings))
        return None

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:
        if role != Role.EditRole or not index.isValid() or index.column() != NAME:
            return False
        return self.ops.set_field(self.path(index), "name", str(value)).done

    # -- drag and drop: moves go through the undo stack ------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        paths = sorted({self.path(index) for index in indexes if index.isValid()})
        data.setData(MIME_TYPE, json.dumps([list(p) for p in paths[:1]]).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        source, destination, destination_row = target
        self.ops.move(source[:-1], source[-1], destination, destination_row)
        # False: the view must not delete the source rows itself, the Move command already did.
        return False

    def _drop_target(self, data: QMimeData, row: int, parent: Index) -> tuple[ItemPath, ItemPath, int] | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            paths = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
            source = tuple(int(r) for r in paths[0])
        except (ValueError, IndexError, TypeError):
            return None
        destination = self.path(parent)
        if len(destination) != len(source) - 1:
            # Dropped onto a sibling: insert before it.
            if len(destination) == len(source):
                row, destination = destination[-1], destination[:-1]
            else:
                return None
        if len(source) == 3 and destination != source[:-1]:
            return None  # indicator rows stay in their project
        if row < 0:
            row = len(self.document.child_items(destination))
        return source, destination, row

    # -- document notifications ------------------------------------------------------------------

    @staticmethod
    def _is_tree(parent: ItemPath) -> bool:
        return parent[:1] != PREFACE and len(parent) <= 2

    def _about_to_insert(self, parent: ItemPath, first: int, last: int) -> None:
        if self._is_tree(parent):
            self.beginInsertRows(self.index_for(parent), first, last)

    def _inserted(self, parent: ItemPath, first: int, last: int) -> None:
        if not self._is_tree(parent):
            return
        if len(parent) < 2:
            node = self._node(parent)
            if node.built:
                items = self.document.child_items(parent)[first : last + 1]
                node.children()[first:first] = [_Node(item, node) for item in items]
        self._department_counts.clear()
        self.endInsertRows()

    def _about_to_remove(self, parent: ItemPath, first: int, last: int) -> None:
        if self._is_tree(parent):
            self.beginRemoveRows(self.index_for(parent), first, last)

    def _removed(self, parent: ItemPath, first: int, last: int) -> None:
        if not self._is_tree(parent):
            return
        if len(parent) < 2:
            node = self._node(parent)
            if node.built:
                del node.children()[first : last + 1]
        self._department_counts.clear()
        self.endRemoveRows()

    def _about_to_move(self, source: ItemPath, row: int, destination: ItemPath, destination_row: int) -> None:
        if self._is_tree(source):
            self.beginMoveRows(self.index_for(source), row, row, self.index_for(destination), destination_row)

    def _moved(self, source: ItemPath, row: int, destination: ItemPath, final_row: int) -> None:
        if not self._is_tree(source):
            return
        if len(source) < 2:
            source_node, destination_node = self._node(source), self._node(destination)
            if source_node.built:
                # The moved node keeps its identity: indexes of its rows point at it, and Qt does
                # not remap the descendants of moved rows. An unbuilt destination is built (it
                # already lists the moved item) and then given this node in its place.
                moving = source_node.children().pop(row)
                was_built = destination_node.built
                siblings = destination_node.children()
                moving.parent = destination_node
                if was_built:
                    siblings.insert(final_row, moving)
                else:
                    siblings[final_row] = moving
            elif destination_node.built:
                item = self.document.child_items(destination)[final_row]
                destination_node.children().insert(final_row, _Node(item, destination_node))
        self._department_counts.clear()
        self.endMoveRows()

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if not path or path[:1] == PREFACE:
            return
        for depth in range(1, min(len(path), 3) + 1):
            # A project's 合计 also changes its department's total, and its status the roll-up.
            index = self.index_for(path[:depth])
            self.dataChanged.emit(index, index.siblingAtColumn(REVIEW))
        if len(path) == 1 and field in ("code", "name"):
            # A unit's code and name are printed on its tables: approvals of them no longer hold.
            department_index = self.index_for(path)
            count = self.rowCount(department_index)
            if count:
                self.dataChanged.emit(
                    self.index(0, REVIEW, department_index), self.index(count - 1, REVIEW, department_index)
                )

    def _reset(self) -> None:
        self._root = _Node(self.document.booklet, None)
        self._department_counts.clear()
        self.endResetModel()

    def _findings_changed(self, project_ids: set[str] | None) -> None:
        """Refresh the finding marks of the projects whose findings changed, their departments and,
        where a department's node is built, their indicator rows. Nothing else: with the tree
        expanded, every row a dataChanged range spans costs the view and the proxy a walk through
        Python (index, flags, rowCount), so refreshing every row on each whole-booklet pass cost
        ~250 ms on the sample and seconds on a 10× booklet although the pass changes a few projects."""
        self._department_counts.clear()
        changed = self.document.changed_by_last_pass if project_ids is None else project_ids
        if not changed:
            return
        by_department: dict[int, list[int]] = {}
        for path in sorted(filter(None, map(self.document.project_path, changed))):
            by_department.setdefault(path[0], []).append(path[1])
        departments = self.document.booklet.departments
        nodes = self._root.children()
        for d, rows in by_department.items():
            department_index = self.index(d, NAME)
            for first, last in _runs(rows):
                self._emit_findings_columns(department_index, first, last)
            if not nodes[d].built:
                continue  # no view has opened it: no index of its indicator rows exists anywhere
            for p in rows:
                count = len(departments[d].projects[p].indicators)
                if count:
                    self._emit_findings_columns(self.index(p, NAME, department_index), 0, count - 1)
        for first, last in _runs(list(by_department)):
            self._emit_findings_columns(QModelIndex(), first, last)

    def _emit_findings_columns(self, parent: QModelIndex, first: int, last: int) -> None:
        """Rows ``first … last`` of `parent` in the two columns that show findings (the icon in 名称
        and the count in 问题); 合计 shows amounts, values and comment marks, which findings leave alone."""
        for column in (NAME, ISSUES):
            self.dataChanged.emit(
                self.index(first, column, parent), self.index(last, column, parent), _FINDINGS_ROLES
            )

    def _department_count(self, department: Department) -> tuple[int, int]:
        key = id(department)
        cached = self._department_counts.get(key)
        if cached is None:
            errors = warnings = 0
            for project in department.projects:
                e, w = _count(self.document.project_findings(project.id))
                errors += e
                warnings += w
            cached = self._department_counts[key] = (errors, warnings)
        return cached


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows: one dataChanged per run."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _count(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity == Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
    return errors, warnings


def _worst_icon(findings: list[Finding]) -> Any:
    severities = {f.severity for f in findings}
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        if severity in severities:
            return severity_icon(severity)
    return None


def _tooltip(findings: list[Finding], limit: int = 8) -> str:
    lines = [f"[{f.rule}] {f.message}" for f in findings[:limit]]
    if len(findings) > limit:
        lines.append(f"… (+{len(findings) - limit})")
    return "\n".join(lines)

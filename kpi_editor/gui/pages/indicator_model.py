"""The indicator rows of one project as a table (columns from the form template).

Reads the project's list directly; edits become commands on the document's stack. Cells with
findings carry the severity icon and the messages as a tooltip.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.operations import Operations
from kpi_editor.domain.engine import Finding, Severity
from kpi_editor.domain.model import Indicator, Project
from kpi_editor.gui.icons import severity_icon
from kpi_editor.io.tsv import BASE_FIELDS, cell_text, rows_to_tsv

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
ROW_MIME = "application/x-kpi-editor-indicator-rows"


def field_of(key: str) -> str:
    return key if key in BASE_FIELDS else f"extra:{key}"


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, document: Document, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.ops = ops
        self.project: Project | None = None
        self.keys = [column.key for column in document.template.columns]
        self.labels = [column.label for column in document.template.columns]
        document.aboutToInsert.connect(self._about_to_insert)
        document.inserted.connect(self._inserted)
        document.aboutToRemove.connect(self._about_to_remove)
        document.removed.connect(self._removed)
        document.aboutToMove.connect(self._about_to_move)
        document.moved.connect(self._moved)
        document.itemChanged.connect(self._item_changed)
        document.aboutToReset.connect(self.beginResetModel)
        document.wasReset.connect(self._was_reset)
        document.findingsChanged.connect(self._findings_changed)
        document.templateChanged.connect(self._template_changed)
        self._pending: str | None = None  # "insert"/"remove"/"move" when a signal concerns us

    def set_project(self, project: Project | None) -> None:
        if project is self.project:
            return
        self.beginResetModel()
        self.project = project
        self.endResetModel()

    def project_path(self) -> ItemPath | None:
        if self.project is None:
            return None
        for d, department in enumerate(self.document.booklet.departments):
            for p, project in enumerate(department.projects):
                if project is self.project:
                    return (d, p)
        return None

    # -- table ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.project is None:
            return 0
        return len(self.project.indicators)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:
        if role != Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.labels[section]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self.document.review_mode:
            # Review mode: the reviewer reads the table; only status and comments change.
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def cell_findings(self, row: int, key: str) -> list[Finding]:
        if self.project is None:
            return []
        result = []
        for finding in self.document.project_findings(self.project.id):
            if finding.indicator != row:
                continue
            # A finding about the row as a whole (or a field without a column) marks the first cell.
            if finding.field == key or (key == self.keys[0] and finding.field not in self.keys):
                result.append(finding)
        return result

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or self.project is None:
            return None
        indicator = self.project.indicators[index.row()]
        key = self.keys[index.column()]
        if role in (Role.DisplayRole, Role.EditRole):
            return cell_text(indicator, key)
        if role == Role.DecorationRole:
            findings = self.cell_findings(index.row(), key)
            if findings:
                worst = min(findings, key=lambda f: _RANK.get(f.severity, 3))
                return severity_icon(worst.severity)
            return None
        if role == Role.ToolTipRole:
            findings = self.cell_findings(index.row(), key)
            text = cell_text(indicator, key)
            if key == "level2" and text:
                # What the 二级 measures, from the template: the clerk's first question.
                explanation = self.document.template.explanation_of(text)
                text = f"{text}：{explanation}" if explanation else text
            if key == "value" and indicator.previous_value is not None:
                # 上年指标值: the rollover kept last year's value as the clerk's reference.
                previous = self.tr("上年：{value}").format(
                    value=indicator.previous_value or self.tr("（空）")
                )
                text = f"{text}\n{previous}" if text else previous
            if findings:
                messages = "\n".join(f"[{f.rule}] {f.message}" for f in findings)
                return f"{text}\n\n{messages}" if text else messages
            return text or None
        return None

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:
        return self.set_cell(index, value, None) if role == Role.EditRole else False

    def set_cell(self, index: Index, value: Any, session: int | None) -> bool:
        path = self.project_path()
        if path is None or not index.isValid():
            return False
        return self.ops.set_field(
            (*path, index.row()), field_of(self.keys[index.column()]), str(value), session
        ).done

    # -- rows: drag and drop within the table ---------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if self.project is not None:
            picked = [self.project.indicators[r] for r in rows]
            data.setData(
                ROW_MIME, json.dumps({"rows": rows, "items": [i.model_dump() for i in picked]}).encode()
            )
            data.setText(rows_to_tsv(picked, self.keys))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        path = self.project_path()
        if path is None or not data.hasFormat(ROW_MIME):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        payload = json.loads(bytes(data.data(ROW_MIME).data()).decode())
        items = [Indicator.model_validate(item) for item in payload["items"]]
        self.ops.drop_rows(path, payload["rows"], items, row, action == Qt.DropAction.MoveAction)
        return False  # the command changed the rows; the view must not remove anything

    # -- document notifications ------------------------------------------------------------------

    def _mine(self, parent: ItemPath) -> bool:
        return len(parent) == 2 and self.project is not None and parent == self.project_path()

    def _about_to_insert(self, parent: ItemPath, first: int, last: int) -> None:
        if self._mine(parent):
            self._pending = "insert"
            self.beginInsertRows(QModelIndex(), first, last)

    def _inserted(self, parent: ItemPath, first: int, last: int) -> None:
        if self._pending == "insert":
            self._pending = None
            self.endInsertRows()

    def _about_to_remove(self, parent: ItemPath, first: int, last: int) -> None:
        if self._mine(parent):
            self._pending = "remove"
            self.beginRemoveRows(QModelIndex(), first, last)
        elif self.project is not None and len(parent) < 2:
            # The project itself (or its department) is going away.
            removed = self.document.child_items(parent)[first : last + 1]
            projects = removed if len(parent) == 1 else [p for d in removed for p in d.projects]
            if any(p is self.project for p in projects):
                self.set_project(None)

    def _removed(self, parent: ItemPath, first: int, last: int) -> None:
        if self._pending == "remove":
            self._pending = None
            self.endRemoveRows()

    def _about_to_move(self, source: ItemPath, row: int, destination: ItemPath, destination_row: int) -> None:
        if self._mine(source):
            self._pending = "move"
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination_row)

    def _moved(self, source: ItemPath, row: int, destination: ItemPath, final_row: int) -> None:
        if self._pending == "move":
            self._pending = None
            self.endMoveRows()

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if len(path) == 3 and self._mine(path[:2]):
            key = field.removeprefix("extra:")
            column = self.keys.index(key) if key in self.keys else 0
            index = self.index(path[2], column)
            self.dataChanged.emit(index, index)

    def _template_changed(self) -> None:
        # Another form: other columns (指标性质, 度量单位 …); the rows are the same objects.
        self.beginResetModel()
        self.keys = [column.key for column in self.document.template.columns]
        self.labels = [column.label for column in self.document.template.columns]
        self.endResetModel()

    def _was_reset(self) -> None:
        self.project = None
        self.endResetModel()

    def _findings_changed(self, project_ids: set[str] | None) -> None:
        if self.project is None or not self.project.indicators:
            return
        if project_ids is None or self.project.id in project_ids:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.project.indicators) - 1, len(self.keys) - 1),
                [Role.DecorationRole, Role.ToolTipRole],
            )


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


__all__ = ["ROW_MIME", "IndicatorTableModel", "field_of"]

"""The indicator rows of one project as a table (columns from the form template).

Reads the project's list directly; edits become commands on the document's stack. Cells with
findings carry the severity icon and the messages as a tooltip. One column per template column
(指标性质, 度量单位, 权重 … with their own editors, see ``delegates.py``), then any free column the
rows carry that the template does not know (a file of another version of the form): shown, kept,
read-only.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.operations import Operations
from kpi_editor.domain.bounds import escape_controls
from kpi_editor.domain.edits import Edit, EditError, EditPlan, SetValue, set_field_value
from kpi_editor.domain.engine import Finding, Severity
from kpi_editor.domain.model import Indicator, Project
from kpi_editor.domain.targets import cell_edits, column_text, displayed_keys
from kpi_editor.domain.template import version_note
from kpi_editor.gui.icons import severity_icon
from kpi_editor.io.tsv import BASE_FIELDS, rows_to_tsv

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
ROW_MIME = "application/x-kpi-editor-indicator-rows"


def field_of(key: str) -> str:
    return key if key in BASE_FIELDS else f"extra:{key}"


# Fields whose change shows in every part column of the row (the printed 指标值 and its parts).
_ROW_WIDE = ("target", "value", "period", "level2", "")


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, document: Document, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.ops = ops
        self.project: Project | None = None
        self._columns()
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
        if orientation == Qt.Orientation.Horizontal and role == Role.ToolTipRole:
            if self.keys[section] in self.read_only_keys:
                note = version_note(self.document.booklet.template_version, self.template)
                reason = note or self.tr("本程序的表样没有这一列：内容保留在文件中，只读，不会打印。")
                return self.tr("“{key}”列：{reason}").format(key=self.keys[section], reason=reason)
            return None
        if role != Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.labels[section]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self.document.review_mode or self.keys[index.column()] in self.read_only_keys:
            # Review mode: the reviewer reads the table; only status and comments change. A column
            # of another version of the form is kept as it is.
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
            field = self.value_key if finding.field == "value" else finding.field
            # A finding about the row as a whole (or a field without a column) marks the first cell.
            if field == key or (key == self.keys[0] and field not in self.keys):
                result.append(finding)
        return result

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or self.project is None:
            return None
        indicator = self.project.indicators[index.row()]
        key = self.keys[index.column()]
        if role == Role.EditRole:
            return column_text(indicator, key, self.template)
        if role == Role.DisplayRole:
            # A control character from a unit's file (ESC, U+202E reordering what follows) is shown
            # as its escape; the editor still holds the text as it is.
            return escape_controls(column_text(indicator, key, self.template))
        if role == Role.DecorationRole:
            findings = self.cell_findings(index.row(), key)
            if findings:
                worst = min(findings, key=lambda f: _RANK.get(f.severity, 3))
                return severity_icon(worst.severity)
            return None
        if role == Role.ToolTipRole:
            findings = self.cell_findings(index.row(), key)
            text = column_text(indicator, key, self.template)
            if key == "level2" and text:
                # What the 二级 measures, from the template: the clerk's first question.
                explanation = self.template.explanation_of(text)
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
        """Store what was typed into a cell, read as its column reads it. An edit of one field is
        typing (a session's keystrokes merge into one undo step); a part of a target is stored with
        what follows from it (the printed 指标值), as one step."""
        path = self.project_path()
        if path is None or not index.isValid():
            return False
        key = self.keys[index.column()]
        plan = self.cell_plan(index.row(), [(key, str(value))])
        if plan is None:
            return False
        if len(plan.edits) == 1 and isinstance(edit := plan.edits[0], SetValue):
            # One field (the text of 三级, 指标值, 指标解释, 实施期指标值 …): typing in one session merges.
            return self.ops.set_field(edit.path, edit.field, edit.value, session).done
        return self.ops.apply_plan(plan).done

    def cell_plan(self, row: int, cells: list[tuple[str, str]], text: str = "") -> EditPlan | None:
        """The edits that put `cells` (column key, text) into row `row`, as one plan; None (and the
        reason shown, as for any refused edit) when a text cannot go into its column."""
        path = self.project_path()
        if path is None or self.project is None:
            return None
        indicator = self.project.indicators[row].model_copy(deep=True)
        edits: list[Edit] = []
        try:
            for key, value in cells:
                for field, new in cell_edits(indicator, self.template, key, value):
                    edits.append(SetValue((*path, row), field, new))
                    set_field_value(indicator, field, new)  # the next cell reads this one's result
        except EditError as exc:
            self.document.editRejected.emit(str(exc))
            return None
        label = self.labels[self.keys.index(cells[0][0])] if cells else ""
        return EditPlan(text or self.tr("修改{field}").format(field=label), edits)

    def cell_text(self, row: int, key: str) -> str:
        assert self.project is not None
        return column_text(self.project.indicators[row], key, self.template)

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
            data.setText(rows_to_tsv(picked, self.keys, self.template))
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
            if key in _ROW_WIDE:
                # The parts and the printed 指标值 go together; 二级 decides what the parts may be.
                first, last = self.index(path[2], 0), self.index(path[2], len(self.keys) - 1)
                self.dataChanged.emit(first, last)
                return
            column = self.keys.index(key) if key in self.keys else 0
            index = self.index(path[2], column)
            self.dataChanged.emit(index, index)

    def _columns(self) -> None:
        document = self.document
        self.template = document.template
        self.keys = displayed_keys(document.template, document.booklet)
        known = {column.key: column.label for column in document.template.columns}
        # A free column the template does not know is named by its key and marked read-only.
        self.labels = [known.get(key, self.tr("{key}（只读）").format(key=key)) for key in self.keys]
        self.read_only_keys = {key for key in self.keys if key not in known}
        # Findings about the printed 指标值 mark the 指标值 column of a form that prints it in parts.
        self.value_key = "value" if "value" in self.keys else ("number" if "number" in self.keys else "")

    def _template_changed(self) -> None:
        # Another form: other columns (指标性质, 度量单位 …); the rows are the same objects.
        self.beginResetModel()
        self._columns()
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

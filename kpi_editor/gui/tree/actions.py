"""Structure edits on the tree's current item: new unit, new project, duplicate, delete, move.

Each action calls one operation (``app/operations.py``) and then shows what it returned.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from kpi_editor.app.document import Document
from kpi_editor.app.operations import Outcome
from kpi_editor.domain.model import Department, Indicator, Project
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.tree.panel import TreePanel


class RowTarget(Protocol):
    """The indicator table, when it has focus, takes 删除/创建副本/上移/下移 for its selected rows."""

    def has_focus(self) -> bool: ...
    def remove_rows(self) -> Outcome: ...
    def duplicate_rows(self) -> Outcome: ...
    def move_rows(self, step: int) -> Outcome: ...


class StructureActions(QObject):
    def __init__(self, context: EditorContext, tree: TreePanel) -> None:
        super().__init__(tree)
        self.context = context
        self.tree = tree
        self.rows: RowTarget | None = None
        self.add_department_action = make_action(self, self.tr("新建单位"), self.add_department)
        self.add_project_action = make_action(self, self.tr("新建项目"), self.add_project, "Ctrl+Shift+N")
        self.duplicate_action = make_action(self, self.tr("创建副本"), self.duplicate, "Ctrl+D")
        self.delete_action = make_action(
            self, self.tr("删除"), self.delete, [QKeySequence.StandardKey.Delete, "Ctrl+-"], local=True
        )
        self.move_up_action = make_action(self, self.tr("上移"), lambda: self.move(-1), "Ctrl+Up")
        self.move_down_action = make_action(self, self.tr("下移"), lambda: self.move(1), "Ctrl+Down")
        self.actions = [
            self.add_department_action,
            self.add_project_action,
            self.duplicate_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
        ]
        context.documentChanged.connect(self._document_changed)
        self._document_changed(None)

    def _document_changed(self, document: Document | None) -> None:
        if document is not None:
            document.reviewModeChanged.connect(self._update)
        self._update()

    def _update(self, _on: object = None) -> None:
        document = self.context.document
        editable = document is not None and not document.review_mode
        for action in self.actions:
            action.setEnabled(editable)

    def _show(self, outcome: Outcome) -> Outcome:
        if outcome.done and outcome.select is not None:
            self.tree.select_path(outcome.select)
        return outcome

    def add_department(self) -> Outcome:
        if self.context.ops is None:
            return Outcome()
        return self._show(self.context.ops.add_department(self.tree.current_path()[:1]))

    def add_project(self) -> Outcome:
        if self.context.ops is None:
            return Outcome()
        return self._show(self.context.ops.add_project(self.tree.current_path()))

    def _rows(self) -> RowTarget | None:
        return self.rows if self.rows is not None and self.rows.has_focus() else None

    def duplicate(self) -> Outcome:
        if (rows := self._rows()) is not None:
            return rows.duplicate_rows()
        path = self.tree.current_path()
        if self.context.ops is None or not path:
            return Outcome()
        return self._show(self.context.ops.duplicate(path))

    def delete(self) -> Outcome:
        """删除 (Delete or Ctrl+- on the tree): the current unit, project or row, after asking when
        it takes content with it."""
        if (rows := self._rows()) is not None:
            return rows.remove_rows()
        path = self.tree.current_path()
        document = self.context.document
        if self.context.ops is None or document is None or not path:
            return Outcome()
        question = self._question(document.item(path), path)
        if question and not self.context.prompts.confirm(self.tr("删除"), question):
            return Outcome()
        return self.context.ops.delete(path)

    def _question(self, item: object, path: tuple[int, ...]) -> str:
        undo = self.tr("删除后可以撤销（Ctrl+Z）。")
        if isinstance(item, Department):
            if not item.projects:
                return ""
            rows = sum(len(p.indicators) for p in item.projects)
            return (
                self.tr("删除单位“{code} {name}”及其{projects}个项目（共{rows}个指标行）？").format(
                    code=item.code, name=item.name, projects=len(item.projects), rows=rows
                )
                + undo
            )
        if isinstance(item, Project):
            return (
                self.tr("删除项目“{name}”及其{rows}个指标行？").format(
                    name=item.name, rows=len(item.indicators)
                )
                + undo
            )
        if isinstance(item, Indicator) and (item.name.strip() or item.value.strip()):
            return (
                self.tr("删除第{row}行“{name}”？").format(row=path[-1] + 1, name=item.name or item.value)
                + undo
            )
        return ""

    def move(self, step: int) -> Outcome:
        if (rows := self._rows()) is not None:
            return rows.move_rows(step)
        path = self.tree.current_path()
        if self.context.ops is None or not path:
            return Outcome()
        return self._show(self.context.ops.move_by(path, step))


__all__ = ["RowTarget", "StructureActions"]

"""Picked suggestions into the document: one `EditPlan`, one undo step, through `context.ops`."""

from __future__ import annotations

from collections.abc import Sequence

from kpi_editor.app.document import ItemPath
from kpi_editor.app.operations import Outcome
from kpi_editor.domain.edits import EditPlan, InsertItems, SetValue
from kpi_editor.domain.suggest import Suggestion, plan_fill_row, plan_insert
from kpi_editor.gui.context import EditorContext


def first_row(plan: EditPlan) -> int | None:
    """Where the plan's first row ends up once every later insertion has moved it down."""
    row: int | None = None
    for edit in plan.edits:
        if isinstance(edit, InsertItems):
            if row is None:
                row = edit.row
            elif edit.row <= row:
                row += len(edit.items)
        elif isinstance(edit, SetValue) and row is None and len(edit.path) == 3:
            row = edit.path[2]
    return row


def insert_picked(context: EditorContext, project: ItemPath, picked: Sequence[Suggestion]) -> Outcome:
    """The picked rows into their 二级 blocks of `project` (a skeleton row of the block first), as
    one step; the first of them is shown with its 指标值 selected (its □ are for the clerk)."""
    document, ops = context.document, context.ops
    if document is None or ops is None or not picked:
        return Outcome()
    plan = plan_insert(document.booklet, project, picked, document.template)
    outcome = ops.apply_plan(plan)
    row = first_row(plan)
    if outcome and row is not None:
        context.navigate((*project, row), "value")
    return outcome


def fill_row(context: EditorContext, row: ItemPath, suggestion: Suggestion) -> Outcome:
    """A skeleton row takes a suggestion (三级, 指标值 and the template's extra columns), one step."""
    document, ops = context.document, context.ops
    if document is None or ops is None:
        return Outcome()
    outcome = ops.apply_plan(plan_fill_row(document.booklet, row, suggestion, document.template))
    if outcome:
        context.navigate(row, "value")
    return outcome


__all__ = ["fill_row", "first_row", "insert_picked"]

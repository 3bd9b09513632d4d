"""Every edit is a QUndoCommand on the document's one QUndoStack.

Values are validated with the pydantic model *before* a command is built (``EditRejected`` carries
a message for the user), so the stack never holds an edit the model would refuse. Consecutive
changes to one cell in one editing session merge into one undo step.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from kpi_editor.app.document import Document
from kpi_editor.app.review_commands import in_review_mode, review_refusal
from kpi_editor.domain.edits import PREFACE, EditError, ItemPath, field_value, validated_value
from kpi_editor.domain.model import Department, Project, new_id
from kpi_editor.domain.review import ProjectReview

_sessions = itertools.count(1)
_MERGE_ID = 1  # SetField's QUndoCommand.id(); sessions and cells are told apart in mergeWith


def new_session() -> int:
    """A token for one editing session of one cell (an editor's lifetime); its edits merge."""
    return next(_sessions)


def field_label(field: str) -> str:
    labels = {
        "title": QCoreApplication.translate("commands", "标题"),
        "compiler": QCoreApplication.translate("commands", "编制单位"),
        "date": QCoreApplication.translate("commands", "日期"),
        "preface_title": QCoreApplication.translate("commands", "编制说明标题"),
        "fiscal_year": QCoreApplication.translate("commands", "预算年度"),
        "heading": QCoreApplication.translate("commands", "节标题"),
        "body": QCoreApplication.translate("commands", "正文"),
        "code": QCoreApplication.translate("commands", "单位编码"),
        "name": QCoreApplication.translate("commands", "名称"),
        "unit_name": QCoreApplication.translate("commands", "部门（单位）"),
        "level1": QCoreApplication.translate("commands", "一级指标"),
        "level2": QCoreApplication.translate("commands", "二级指标"),
        "value": QCoreApplication.translate("commands", "指标值"),
        "funding.total": QCoreApplication.translate("commands", "合计"),
        "funding.fiscal": QCoreApplication.translate("commands", "财政拨款"),
        "funding.superior": QCoreApplication.translate("commands", "上级补助"),
        "funding.local": QCoreApplication.translate("commands", "本级安排"),
        "funding.carryover": QCoreApplication.translate("commands", "上年结转资金"),
        "funding.non_fiscal": QCoreApplication.translate("commands", "非财政拨款"),
    }
    return labels.get(field, field.removeprefix("extra:"))


class EditRejected(ValueError):
    """An edit the model refuses; ``str()`` is the message shown to the user."""


def validated(document: Document, path: ItemPath, field: str, value: Any) -> Any:
    """Run the pydantic validator of the field on a copy; return the value as the model stores it."""
    if in_review_mode(document):
        raise EditRejected(review_refusal())
    try:
        return validated_value(document.item(path), field, value)
    except EditError as exc:
        raise EditRejected(
            QCoreApplication.translate("commands", "“{field}”的值无效：{reason}").format(
                field=field_label(field), reason=exc
            )
        ) from exc


class SetField(QUndoCommand):
    def __init__(
        self, document: Document, path: ItemPath, field: str, value: Any, session: int | None = None
    ):
        super().__init__(
            QCoreApplication.translate("commands", "修改{field}").format(field=field_label(field))
        )
        self.document = document
        self.path = path
        self.field = field
        self.session = session
        self.new = validated(document, path, field, value)
        self.old = self._current()

    def _current(self) -> Any:
        return field_value(self.document.booklet, self.path, self.field)

    def id(self) -> int:
        # Only edits made inside one editing session may merge; -1 tells Qt never to merge.
        return _MERGE_ID if self.session is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or (other.session, other.path, other.field) != (
            self.session,
            self.path,
            self.field,
        ):
            return False
        self.new = other.new
        # Typed back to where the session started: Qt drops the step, nothing is left to undo.
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.document.set_field(self.path, self.field, self.new)

    def undo(self) -> None:
        self.document.set_field(self.path, self.field, self.old)


class Insert(QUndoCommand):
    def __init__(self, document: Document, parent: ItemPath, row: int, items: Sequence[Any], text: str = ""):
        super().__init__(
            text or QCoreApplication.translate("commands", "插入{count}行").format(count=len(items))
        )
        self.document = document
        self.parent_path = parent
        self.row = row
        self.items = list(items)

    def redo(self) -> None:
        self.document.insert(self.parent_path, self.row, self.items)

    def undo(self) -> None:
        self.document.remove(self.parent_path, self.row, len(self.items))


class Remove(QUndoCommand):
    def __init__(self, document: Document, parent: ItemPath, row: int, count: int, text: str = ""):
        super().__init__(text or QCoreApplication.translate("commands", "删除{count}行").format(count=count))
        self.document = document
        self.parent_path = parent
        self.row = row
        self.count = count
        self.taken: list[Any] = []
        self.review: ProjectReview | None = None

    def redo(self) -> None:
        if len(self.parent_path) == 2 and self.parent_path != PREFACE:
            # Comments on removed rows go to the project; undo puts them back on their rows.
            review = self.document.item(self.parent_path).review
            self.review = review.model_copy(deep=True) if review is not None else None
        self.taken = self.document.remove(self.parent_path, self.row, self.count)

    def undo(self) -> None:
        self.document.insert(self.parent_path, self.row, self.taken)
        if self.review is not None:
            self.document.set_review(self.parent_path, self.review)


class Move(QUndoCommand):
    """Move one item; `destination_row` is counted before the move, as in beginMoveRows."""

    def __init__(
        self, document: Document, source: ItemPath, row: int, destination: ItemPath, destination_row: int
    ):
        super().__init__(QCoreApplication.translate("commands", "移动"))
        self.document = document
        self.source = source
        self.row = row
        self.destination = destination
        self.destination_row = destination_row
        self.final_row = (
            destination_row - 1 if source == destination and destination_row > row else destination_row
        )

    def redo(self) -> None:
        self.document.move(self.source, self.row, self.destination, self.destination_row)

    def undo(self) -> None:
        back = self.row + 1 if self.source == self.destination and self.row > self.final_row else self.row
        self.document.move(self.destination, self.final_row, self.source, back)


def is_noop_move(source: ItemPath, row: int, destination: ItemPath, destination_row: int) -> bool:
    return source == destination and destination_row in (row, row + 1)


def push_edit(document: Document, path: ItemPath, field: str, value: Any, session: int | None = None) -> bool:
    """Push a validated SetField; a refused value is reported through ``document.editRejected``.

    Consecutive edits of one cell in one editing `session` merge on the stack (``SetField.id``/
    ``mergeWith``); Qt never merges into the command at the clean index, so saving starts a new step.
    """
    try:
        command = SetField(document, path, field, value, session)
    except EditRejected as exc:
        document.editRejected.emit(str(exc))
        return False
    top = _merge_target(document.undo_stack, command)
    if top is not None and command.new != top.old:
        # Merged here rather than by push(): a pushed command belongs to the stack's Python wrapper,
        # which (PySide6 6.11) keeps every merged-away command alive, one per keystroke, until the
        # stack itself dies. This one is never pushed and is freed on return.
        top.mergeWith(command)
        top.redo()
    elif command.new != command.old:
        # A new step, or typed back to where the session started (Qt drops the obsolete step).
        document.undo_stack.push(command)
    return True


def _merge_target(stack: QUndoStack, command: SetField) -> SetField | None:
    """The command ``stack.push(command)`` would merge `command` into, or ``None``.

    Qt's rule: the last command, same id() (never -1), not at the clean index. No redo steps may
    follow it (push would drop them first). Only editing sessions merge, and no session edit is made
    inside a macro, whose children this cannot see.
    """
    index = stack.index()
    if command.id() == -1 or index == 0 or index != stack.count() or index == stack.cleanIndex():
        return None
    top = stack.command(index - 1)
    if not isinstance(top, SetField) or top.id() != command.id():
        return None
    if (top.session, top.path, top.field) != (command.session, command.path, command.field):
        return None
    return top


def duplicate(item: Any) -> Any:
    """A deep copy for duplicate/paste; projects get a fresh id so findings stay apart."""
    clone = copy.deepcopy(item)
    if isinstance(clone, Project):
        clone.id = new_id()
    elif isinstance(clone, Department):
        for project in clone.projects:
            project.id = new_id()
    return clone


__all__ = [
    "PREFACE",
    "EditRejected",
    "Insert",
    "Move",
    "Remove",
    "SetField",
    "duplicate",
    "field_label",
    "is_noop_move",
    "new_session",
    "push_edit",
    "validated",
]

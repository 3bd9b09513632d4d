"""The undo commands: every change to a document is one of these on its one QUndoStack.

Commands are built only by ``app/operations.py``, which validates values before a command exists
(``EditRejected`` carries the message for the user), refuses content edits in review mode and
pushes. A command changes the booklet through the document's mutation methods, which tell the
views exactly what changed. Consecutive changes to one cell in one editing session merge.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kpi_editor.app.document import Document
from kpi_editor.domain.edits import PREFACE, EditError, ItemPath, field_value, validated_value
from kpi_editor.domain.labels import field_name
from kpi_editor.domain.model import Department, Project, new_id
from kpi_editor.domain.review import ProjectReview
from kpi_editor.domain.template import TemplateError, load_template

_sessions = itertools.count(1)
MERGE_ID = 1  # SetField's QUndoCommand.id(); sessions and cells are told apart in mergeWith


def new_session() -> int:
    """A token for one editing session of one cell (an editor's lifetime); its edits merge."""
    return next(_sessions)


def field_label(field: str) -> str:
    """The field's name for the user (``funding.total`` → 合计), translated."""
    return QCoreApplication.translate("labels", field_name(field))


class EditRejected(ValueError):
    """An edit the model refuses; ``str()`` is the message shown to the user."""


def validated(document: Document, path: ItemPath, field: str, value: Any) -> Any:
    """Run the pydantic validator of the field on a copy; return the value as the model stores it."""
    try:
        result = validated_value(document.item(path), field, value)
        if path == () and field == "template_id":
            load_template(result)  # the document loads it on redo: a missing template is refused here
    except (EditError, TemplateError) as exc:
        raise EditRejected(
            QCoreApplication.translate("commands", "“{field}”的值无效：{reason}").format(
                field=field_label(field), reason=exc
            )
        ) from exc
    return result


class SetField(QUndoCommand):
    def __init__(
        self, document: Document, path: ItemPath, field: str, value: Any, session: int | None = None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("commands", "修改{field}").format(field=field_label(field))
        )
        self.document = document
        self.path = path
        self.field = field
        self.session = session
        self.new = validated(document, path, field, value)
        self.old = field_value(document.booklet, path, field)

    def id(self) -> int:
        # Only edits made inside one editing session may merge; -1 tells Qt never to merge.
        return MERGE_ID if self.session is not None else -1

    def same_cell(self, other: SetField) -> bool:
        return (other.session, other.path, other.field) == (self.session, self.path, self.field)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or not self.same_cell(other):
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
    def __init__(
        self, document: Document, parent: ItemPath, row: int, items: Sequence[Any], text: str = ""
    ) -> None:
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
    def __init__(self, document: Document, parent: ItemPath, row: int, count: int, text: str = "") -> None:
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
    ) -> None:
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


class SetReview(QUndoCommand):
    """Replace a project's review state (``None`` when it goes back to empty).

    The whole ``ProjectReview`` (a small object) is swapped rather than patched, so undo restores
    exactly what was there, including ``None`` for a project nobody had reviewed: an untouched
    clerk's file saves as before.
    """

    def __init__(self, document: Document, path: ItemPath, review: ProjectReview | None, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.path = path
        project: Project = document.item(path)
        self.old = project.review.model_copy(deep=True) if project.review is not None else None
        self.new = None if review is None or review.is_empty else review.model_copy(deep=True)

    def redo(self) -> None:
        self.document.set_review(self.path, self.new)

    def undo(self) -> None:
        self.document.set_review(self.path, self.old)


class ApplyPlan(QUndoCommand):
    """An `EditPlan` as one undo step. Its edits are made one by one as the step is built (each
    records the value the edits before it left), so the first push has nothing left to do; undo
    and redo replay them in a batch that revalidates each touched project once."""

    def __init__(self, document: Document, text: str, edits: Sequence[QUndoCommand]) -> None:
        super().__init__(text)
        self.document = document
        self.edits = list(edits)
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        with self.document.validating_once():
            for edit in self.edits:
                edit.redo()

    def undo(self) -> None:
        with self.document.validating_once():
            for edit in reversed(self.edits):
                edit.undo()


def is_noop_move(source: ItemPath, row: int, destination: ItemPath, destination_row: int) -> bool:
    return source == destination and destination_row in (row, row + 1)


def duplicate(item: Any) -> Any:
    """A deep copy for duplicate/paste; projects get a fresh id so findings stay apart, and no
    review state: a copy was never reviewed (a copy of an approved table would show as approved,
    and the reviewer's comments are about the original)."""
    clone = copy.deepcopy(item)
    projects = (
        [clone] if isinstance(clone, Project) else clone.projects if isinstance(clone, Department) else []
    )
    for project in projects:
        project.id = new_id()
        project.review = None
    return clone


__all__ = [
    "MERGE_ID",
    "ApplyPlan",
    "EditRejected",
    "Insert",
    "Move",
    "Remove",
    "SetField",
    "SetReview",
    "duplicate",
    "field_label",
    "is_noop_move",
    "new_session",
    "validated",
]

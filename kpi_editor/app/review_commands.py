"""Review state edits (status and comments) as undoable commands, and the review-mode switch.

A reviewer's changes go on the document's one undo stack like every other edit, so they mark the
document modified and undo with Ctrl+Z. Each command swaps the project's whole ``ProjectReview``
(a small object) rather than patching it: undo then restores exactly what was there, including
``None`` for a project nobody had reviewed, so an untouched clerk's file saves as before.

Review mode is a dynamic property on the document (``reviewMode``) so that the content commands
and the item models can refuse content edits without knowing about the review panel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.domain.model import Project
from kpi_editor.domain.review import ProjectReview, ReviewComment, ReviewStatus, comment

REVIEW_MODE = "reviewMode"


def in_review_mode(document: Document | None) -> bool:
    return bool(document is not None and document.property(REVIEW_MODE))


def set_review_mode(document: Document, on: bool) -> None:
    document.setProperty(REVIEW_MODE, on)


def review_refusal() -> str:
    return QCoreApplication.translate(
        "review",
        "审核模式下表格内容只读：只能修改审核状态和审核意见。请在“审核”菜单中关闭审核模式后再修改内容。",
    )


class SetReview(QUndoCommand):
    """Replace a project's review state (``None`` when it goes back to empty)."""

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


def _working_copy(document: Document, path: ItemPath) -> ProjectReview:
    project: Project = document.item(path)
    return project.review.model_copy(deep=True) if project.review is not None else ProjectReview()


def _push(document: Document, path: ItemPath, review: ProjectReview, text: str) -> bool:
    command = SetReview(document, path, review, text)
    if command.new == command.old:
        return False
    document.undo_stack.push(command)
    return True


def set_status(document: Document, path: ItemPath, status: ReviewStatus) -> bool:
    """Set a project's review status; False when nothing changed."""
    review = _working_copy(document, path)
    review.status = status
    text = QCoreApplication.translate("review", "审核状态：{status}").format(status=status.value)
    return _push(document, path, review, text)


def add_comment(
    document: Document, path: ItemPath, text: str, author: str = "", indicator: int | None = None
) -> bool:
    """Add a reviewer comment on the project or on indicator row ``indicator`` (0-based)."""
    text = text.strip()
    if not text:
        return False
    review = _working_copy(document, path)
    review.comments.append(comment(text, author=author, indicator=indicator))
    return _push(document, path, review, QCoreApplication.translate("review", "添加审核意见"))


def set_resolved(document: Document, path: ItemPath, index: int, resolved: bool) -> bool:
    """Mark comment ``index`` resolved (allowed outside review mode: the clerk answers it)."""
    review = _working_copy(document, path)
    review.comments[index].resolved = resolved
    text = (
        QCoreApplication.translate("review", "审核意见已处理")
        if resolved
        else QCoreApplication.translate("review", "审核意见改为未处理")
    )
    return _push(document, path, review, text)


def delete_comment(document: Document, path: ItemPath, index: int) -> bool:
    review = _working_copy(document, path)
    del review.comments[index]
    return _push(document, path, review, QCoreApplication.translate("review", "删除审核意见"))


def comments_on_row(project: Project, row: int) -> list[ReviewComment]:
    if project.review is None:
        return []
    return [c for c in project.review.comments if c.indicator == row]


__all__ = [
    "REVIEW_MODE",
    "SetReview",
    "add_comment",
    "comments_on_row",
    "delete_comment",
    "in_review_mode",
    "review_refusal",
    "set_resolved",
    "set_review_mode",
    "set_status",
]

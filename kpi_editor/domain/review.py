"""Review state a finance-bureau reviewer keeps on each project: a status and comments.

Stored on ``Project.review`` (``None`` until a reviewer touches the project, so a clerk's file
without review state saves exactly as before). This module imports nothing from ``model`` so that
``model`` can import it.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from kpi_editor.domain.bounds import MAX_ROW_INDEX


class ReviewStatus(StrEnum):
    """The value stored in the file is the Chinese label itself: it is what the reviewer sees."""

    PENDING = "未审核"
    APPROVED = "审核通过"
    RETURNED = "退回修改"


class ReviewComment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author: str = ""
    time: str = Field(description="ISO 8601, e.g. 2026-03-05T14:30:00+08:00")
    text: str = ""
    resolved: bool = False
    # 0-based row of project.indicators the comment is about; None: about the whole project.
    indicator: int | None = Field(default=None, ge=0, le=MAX_ROW_INDEX)


class ProjectReview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ReviewStatus = ReviewStatus.PENDING
    comments: list[ReviewComment] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.status is ReviewStatus.PENDING and not self.comments

    @property
    def open_comments(self) -> list[ReviewComment]:
        return [c for c in self.comments if not c.resolved]


def now_iso() -> str:
    """Local time with its UTC offset, to the second: what a comment records."""
    return datetime.now().astimezone().replace(microsecond=0).isoformat()


def comment(
    text: str, author: str = "", indicator: int | None = None, time: str | None = None
) -> ReviewComment:
    """A new unresolved comment stamped with the current time unless ``time`` is given."""
    return ReviewComment(author=author, time=time or now_iso(), text=text, indicator=indicator)


def shift_after_insert(review: ProjectReview | None, row: int, count: int = 1) -> None:
    """Keep row comments on their row when ``count`` indicator rows are inserted at ``row``."""
    if review is None:
        return
    for c in review.comments:
        if c.indicator is not None and c.indicator >= row:
            c.indicator += count


def shift_after_remove(review: ProjectReview | None, row: int, count: int = 1) -> None:
    """Keep row comments on their row when rows ``row … row+count-1`` are removed.

    A comment on a removed row becomes a comment on the project: the reviewer's words are kept.
    """
    if review is None:
        return
    for c in review.comments:
        if c.indicator is None or c.indicator < row:
            continue
        c.indicator = None if c.indicator < row + count else c.indicator - count

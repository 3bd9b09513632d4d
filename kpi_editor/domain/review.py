"""Review state a finance-bureau reviewer keeps on each project: a status and comments.

Stored on ``Project.review`` (``None`` until a reviewer touches the project, so a clerk's file
without review state saves exactly as before). This module imports nothing from ``model`` so that
``model`` can import it.

A status given by a reviewer is stamped with who gave it, when, and the fingerprint of the table
it was given to (``kpi_editor.domain.approval``), so an edit afterwards can be told from the
approved content. Every field added after schema version 2 is optional with a ``None`` default:
older files load, and a file that uses none of them saves byte-identically.

The clerk's side of a comment (replies, resolved by whom and when) lives on the comment itself;
the pure functions at the end return changed copies and never modify their input.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class ReviewStatus(StrEnum):
    """The value stored in the file is the Chinese label itself: it is what the reviewer sees."""

    PENDING = "未审核"
    APPROVED = "审核通过"
    RETURNED = "退回修改"


# The statuses a reviewer gives to a particular content (and that an edit therefore invalidates).
GIVEN_STATUSES = frozenset({ReviewStatus.APPROVED, ReviewStatus.RETURNED})


class EffectiveStatus(StrEnum):
    """The status a project is shown, counted, filtered and reported with.

    The three statuses a reviewer gives, plus 已修改待复审: a status was given and the content is no
    longer what it was given to (``kpi_editor.domain.approval.effective_status``). It is never
    stored: it follows from the stamp, so undoing the edit brings the given status back. Values
    equal the `ReviewStatus` labels, so the two compare equal as text.
    """

    PENDING = "未审核"
    APPROVED = "审核通过"
    RETURNED = "退回修改"
    CHANGED = "已修改待复审"


class CommentReply(BaseModel):
    """An answer to a comment: the clerk saying what was done, or the reviewer following up."""

    model_config = ConfigDict(extra="forbid")

    author: str = ""
    time: str = Field(description="ISO 8601")
    text: str = ""


class ReviewComment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author: str = ""
    time: str = Field(description="ISO 8601, e.g. 2026-03-05T14:30:00+08:00")
    text: str = ""
    resolved: bool = False
    # 0-based row of project.indicators the comment is about; None: about the whole project.
    indicator: int | None = Field(default=None, ge=0)
    # The field it points at, as edits address it: ``value`` of its row, ``funding.total``, ``name``.
    field: str | None = None
    # Who marked it resolved and when (None for comments resolved before this was recorded).
    resolved_by: str | None = None
    resolved_at: str | None = None
    replies: list[CommentReply] | None = None

    def key(self) -> tuple[str, str, str]:
        """What identifies a comment across copies of a file: its author, time and words."""
        return (self.author, self.time, self.text)


class RecordedChange(BaseModel):
    """One content change since the status was given, recorded when a resubmission was merged
    (see ``diff.Change``)."""

    model_config = ConfigDict(extra="forbid")

    text: str  # one line of Chinese, as ``Change.describe()`` prints it
    field: str | None = None
    row: int | None = Field(default=None, ge=0)  # the indicator row in the new content
    old: str | None = None
    new: str | None = None


class ProjectReview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ReviewStatus = ReviewStatus.PENDING
    comments: list[ReviewComment] = Field(default_factory=list)
    # The stamp of the status: who gave it, when, and ``project_fingerprint(project, department)``
    # of the content it was given to. None on statuses given before stamps were recorded.
    reviewer: str | None = None
    reviewed_at: str | None = None
    fingerprint: str | None = None
    # What changed since the status was given, recorded when a resubmission was merged.
    changes: list[RecordedChange] | None = None

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
    text: str,
    author: str = "",
    indicator: int | None = None,
    time: str | None = None,
    field: str | None = None,
) -> ReviewComment:
    """A new unresolved comment stamped with the current time unless ``time`` is given."""
    return ReviewComment(author=author, time=time or now_iso(), text=text, indicator=indicator, field=field)


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


# -- the clerk's side of a comment ---------------------------------------------------------------


def reply_to(
    review: ProjectReview, index: int, text: str, author: str, time: str | None = None
) -> ProjectReview:
    """A copy of ``review`` with a reply added to comment ``index``."""
    if not text.strip():
        raise ValueError("回复内容不能为空")
    result = review.model_copy(deep=True)
    target = result.comments[index]
    target.replies = [*(target.replies or []), CommentReply(author=author, time=time or now_iso(), text=text)]
    return result


def set_resolved(
    review: ProjectReview, index: int, resolved: bool, by: str, time: str | None = None
) -> ProjectReview:
    """A copy of ``review`` with comment ``index`` marked resolved by ``by`` (or open again)."""
    result = review.model_copy(deep=True)
    target = result.comments[index]
    target.resolved = resolved
    target.resolved_by = by if resolved else None
    target.resolved_at = (time or now_iso()) if resolved else None
    return result


def answered_since(comment_: ReviewComment, since: str | None) -> bool:
    """Whether the comment was replied to or resolved after ``since`` (ISO time; None: ever).

    ISO times of one reviewer's machine compare as text only with the same offset, so they are
    compared as datetimes; text that is not ISO counts as later (it cannot be placed).
    """
    moments = [r.time for r in comment_.replies or []]
    if comment_.resolved and comment_.resolved_at:
        moments.append(comment_.resolved_at)
    if since is None:
        return bool(moments) or comment_.resolved
    return any(_later(moment, since) for moment in moments)


def answered_comments(review: ProjectReview | None) -> list[int]:
    """Indices of the comments replied to or resolved since the status was given (every answered
    comment when no status time is recorded): what the review panel marks as 单位已答复 on a
    resubmission, beside ``review.changes``."""
    if review is None:
        return []
    return [i for i, c in enumerate(review.comments) if answered_since(c, review.reviewed_at)]


def _later(moment: str, since: str) -> bool:
    try:
        a, b = datetime.fromisoformat(moment), datetime.fromisoformat(since)
        if (a.tzinfo is None) != (b.tzinfo is None):
            a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
        return a > b
    except ValueError:
        return True


# -- the bureau's log of submissions -------------------------------------------------------------


class SubmissionRecord(BaseModel):
    """One unit file the bureau merged into its booklet (``Booklet.submissions``, oldest first).

    From it the submissions view says which units have submitted, when, and which version.
    """

    model_config = ConfigDict(extra="forbid")

    unit_code: str
    unit_name: str = ""
    version: int = Field(ge=1)  # 1 for the unit's first file merged into this booklet
    source: str = ""  # the file's name
    received_at: str  # when it was merged (ISO 8601)
    fingerprint: str  # department_fingerprint of the content as received
    projects: int = Field(default=0, ge=0)
    # From the file's submission manifest; None for a file exported without one.
    submitted_at: str | None = None
    submitter: str | None = None
    # Problems the reviewer accepted when merging it (manifest not matching, unit not expected).
    accepted: list[str] | None = None

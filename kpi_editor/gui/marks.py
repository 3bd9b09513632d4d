"""Status badges and comment marks for the tree and the 审核 panel (drawn, so they need no icon
files). Statuses are shown as they are effective (``approval.effective_status``): a project edited
after its status was given shows 已修改待复审 with its own badge."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from kpi_editor.domain.model import Project
from kpi_editor.domain.review import EffectiveStatus, ProjectReview, ReviewComment, ReviewStatus

STATUS_COLORS = {
    EffectiveStatus.PENDING: "#9e9e9e",
    EffectiveStatus.APPROVED: "#2e7d32",
    EffectiveStatus.RETURNED: "#c62828",
    EffectiveStatus.CHANGED: "#6a1b9a",  # violet: apart from the red, green and the orange comments
}


def _pixmap() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def status_icon(status: ReviewStatus | EffectiveStatus) -> QIcon:
    """Grey ring: not reviewed; green tick: approved; red arrow back: returned; violet pencil:
    edited after its status was given (已修改待复审)."""
    return _status_icon(EffectiveStatus(status.value))


@cache
def _status_icon(status: EffectiveStatus) -> QIcon:
    pixmap, painter = _pixmap()
    color = QColor(STATUS_COLORS[status])
    if status is EffectiveStatus.PENDING:
        painter.setPen(QPen(color, 3))
        painter.drawEllipse(QRectF(6, 6, 20, 20))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QRectF(3, 3, 26, 26))
        painter.setPen(
            QPen(
                QColor("white"),
                3.5,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        path = QPainterPath()
        if status is EffectiveStatus.APPROVED:
            path.moveTo(QPointF(9, 16.5))
            path.lineTo(QPointF(14, 21.5))
            path.lineTo(QPointF(23, 11))
        elif status is EffectiveStatus.CHANGED:
            # A pencil: its shaft, and the line it has drawn.
            path.moveTo(QPointF(11, 21))
            path.lineTo(QPointF(21, 11))
            path.moveTo(QPointF(9, 23.5))
            path.lineTo(QPointF(10.5, 21.5))
            path.moveTo(QPointF(15, 23))
            path.lineTo(QPointF(23, 23))
        else:
            path.moveTo(QPointF(22, 22))
            path.lineTo(QPointF(22, 13))
            path.lineTo(QPointF(10, 13))
            path.moveTo(QPointF(14, 9))
            path.lineTo(QPointF(10, 13))
            path.lineTo(QPointF(14, 17))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)


@cache
def comment_icon(open_: bool = True) -> QIcon:
    """A speech bubble: orange while a comment is open, grey once all are resolved."""
    pixmap, painter = _pixmap()
    color = QColor("#ef6c00" if open_ else "#9e9e9e")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(3, 4, 26, 18), 5, 5)
    tail = QPainterPath()
    tail.moveTo(QPointF(9, 21))
    tail.lineTo(QPointF(8, 29))
    tail.lineTo(QPointF(16, 21))
    painter.drawPath(tail)
    painter.setBrush(QColor("white"))
    for x in (10, 16, 22):
        painter.drawEllipse(QPointF(x, 13), 2, 2)
    painter.end()
    return QIcon(pixmap)


def status_text(status: ReviewStatus | EffectiveStatus) -> str:
    return {
        EffectiveStatus.PENDING: QCoreApplication.translate("review", "未审核"),
        EffectiveStatus.APPROVED: QCoreApplication.translate("review", "审核通过"),
        EffectiveStatus.RETURNED: QCoreApplication.translate("review", "退回修改"),
        EffectiveStatus.CHANGED: QCoreApplication.translate("review", "已修改待复审"),
    }[EffectiveStatus(status.value)]


def status_short(status: ReviewStatus | EffectiveStatus) -> str:
    """The tree's narrow column: 通过, 退回, 待复审 (empty for 未审核, which is most projects)."""
    return {
        EffectiveStatus.PENDING: "",
        EffectiveStatus.APPROVED: QCoreApplication.translate("review", "通过"),
        EffectiveStatus.RETURNED: QCoreApplication.translate("review", "退回"),
        EffectiveStatus.CHANGED: QCoreApplication.translate("review", "待复审"),
    }[EffectiveStatus(status.value)]


def edited_text() -> str:
    """The mark of a project whose content changed after its status was given."""
    return QCoreApplication.translate("review", "在审核后修改")


def stamp_text(review: ProjectReview | None) -> str:
    """Who gave the status and when: ``审核通过 · 李审核 · 2026-03-05 10:00``; empty without one."""
    if review is None or review.status is ReviewStatus.PENDING:
        return ""
    parts = [status_text(review.status)]
    if review.reviewer:
        parts.append(review.reviewer)
    if review.reviewed_at:
        parts.append(review.reviewed_at[:16].replace("T", " "))
    return " · ".join(parts)


def comment_line(c: ReviewComment) -> str:
    state = (
        QCoreApplication.translate("review", "已处理")
        if c.resolved
        else QCoreApplication.translate("review", "未处理")
    )
    who = f"{c.author} " if c.author else ""
    return f"【{state}】{who}{c.time[:16].replace('T', ' ')}：{c.text}"


def row_comments(project: Project, row: int) -> list[ReviewComment]:
    if project.review is None:
        return []
    return [c for c in project.review.comments if c.indicator == row]


def project_mark(project: Project) -> QIcon | None:
    """The comment mark of a project: any comment on it or its rows."""
    if project.review is None or not project.review.comments:
        return None
    return comment_icon(bool(project.review.open_comments))


def row_mark(project: Project, row: int) -> QIcon | None:
    comments = row_comments(project, row)
    if not comments:
        return None
    return comment_icon(any(not c.resolved for c in comments))


def project_tooltip(project: Project, status: EffectiveStatus) -> str:
    """Status (as effective: `status`), its stamp and every comment (row comments say their
    row), for the tree's tooltip."""
    review = project.review
    lines = [QCoreApplication.translate("review", "审核状态：{status}").format(status=status_text(status))]
    if status is EffectiveStatus.CHANGED and review is not None:
        lines.append(
            QCoreApplication.translate("review", "{edited}：{stamp}后内容有改动，待复审").format(
                edited=edited_text(), stamp=stamp_text(review)
            )
        )
    elif stamp_text(review):
        lines.append(stamp_text(review))
    for c in review.comments if review is not None else []:
        where = (
            QCoreApplication.translate("review", "第{row}行 ").format(row=c.indicator + 1)
            if c.indicator is not None
            else ""
        )
        lines.append(where + comment_line(c))
    return "\n".join(lines)


def row_tooltip(project: Project, row: int) -> str | None:
    comments = row_comments(project, row)
    if not comments:
        return None
    return "\n".join(
        [QCoreApplication.translate("review", "审核意见：")] + [comment_line(c) for c in comments]
    )

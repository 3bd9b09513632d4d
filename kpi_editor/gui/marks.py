"""Status badges and comment marks for the tree (drawn, so they need no icon files)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from kpi_editor.domain.model import Project
from kpi_editor.domain.review import ReviewComment, ReviewStatus

STATUS_COLORS = {
    ReviewStatus.PENDING: "#9e9e9e",
    ReviewStatus.APPROVED: "#2e7d32",
    ReviewStatus.RETURNED: "#c62828",
}


def _pixmap() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@cache
def status_icon(status: ReviewStatus) -> QIcon:
    """Grey ring: not reviewed; green tick: approved; red arrow back: returned."""
    pixmap, painter = _pixmap()
    color = QColor(STATUS_COLORS[status])
    if status is ReviewStatus.PENDING:
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
        if status is ReviewStatus.APPROVED:
            path.moveTo(QPointF(9, 16.5))
            path.lineTo(QPointF(14, 21.5))
            path.lineTo(QPointF(23, 11))
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


def status_text(status: ReviewStatus) -> str:
    return {
        ReviewStatus.PENDING: QCoreApplication.translate("review", "未审核"),
        ReviewStatus.APPROVED: QCoreApplication.translate("review", "审核通过"),
        ReviewStatus.RETURNED: QCoreApplication.translate("review", "退回修改"),
    }[status]


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


def project_tooltip(project: Project) -> str:
    """Status and every comment (row comments say their row), for the tree's tooltip."""
    review = project.review
    lines = [
        QCoreApplication.translate("review", "审核状态：{status}").format(
            status=status_text(project.review_status)
        )
    ]
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

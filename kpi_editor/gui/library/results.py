"""Suggestions as a list: the model, and a delegate that shows each as the clerk needs to judge it.

Each entry is three lines: the 三级指标 with its 指标值 pattern (``≥□%``: the □ are the numbers to
fill), the 指标解释, and its 二级 with where it came from. The full text is the tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kpi_editor.domain.suggest import Suggestion

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
SUGGESTION_ROLE = Role.UserRole + 1
PADDING = 4
LINE_GAP = 1


class SuggestionListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Suggestion] = []
        self.notes: dict[str, str] = {}  # 二级 → what it measures, for tooltips

    def set_items(self, items: list[Suggestion]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Role.DisplayRole:
            return item.name
        if role == Role.ToolTipRole:
            return self.tooltip(item)
        if role == SUGGESTION_ROLE:
            return item
        return None

    def tooltip(self, item: Suggestion) -> str:
        """Everything about one suggestion, for its tooltip."""
        lines = [item.name]
        if item.value:
            lines.append(self.tr("指标值：{value}").format(value=item.value))
        if item.example and item.example != item.value:
            lines.append(self.tr("常见写法：{example}").format(example=item.example))
        if item.explanation:
            lines.append(self.tr("指标解释：{text}").format(text=item.explanation))
        note = self.notes.get(item.level2, "")
        lines.append(f"{item.level1} › {item.level2}" + (f"：{note}" if note else ""))
        if item.seen:
            lines.append(
                self.tr("来源：{origin}（{count}个项目用过）").format(origin=item.origin, count=item.seen)
            )
        else:
            lines.append(self.tr("来源：{origin}").format(origin=item.origin))
        if item.project_types:
            lines.append(self.tr("项目类型：{types}").format(types="、".join(item.project_types)))
        return "\n".join(lines)

    def suggestion(self, row: int) -> Suggestion | None:
        return self.items[row] if 0 <= row < len(self.items) else None


class SuggestionDelegate(QStyledItemDelegate):
    """Paints name + value, the explanation, then 二级 · origin; every line elided to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        size = small.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(size * 0.9, 7.0))
        return bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        bold, small = self._fonts(option)
        height = QFontMetrics(bold).height() + 2 * QFontMetrics(small).height() + 2 * LINE_GAP
        return QSize(200, height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(SUGGESTION_ROLE)
        if not isinstance(item, Suggestion):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        text = option.text
        option.text = ""
        if style is not None:
            # Background, selection and focus as the platform draws them.
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = text
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        main = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        faint = main if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        accent = main if selected else palette.color(QPalette.ColorRole.Link)
        bold, small = self._fonts(option)
        rect: QRect = option.rect.adjusted(PADDING * 2, PADDING, -PADDING * 2, -PADDING)
        painter.save()
        metrics = QFontMetrics(bold)
        y = rect.top()
        name = metrics.elidedText(item.name, Qt.TextElideMode.ElideRight, int(rect.width() * 0.62))
        painter.setFont(bold)
        painter.setPen(main)
        painter.drawText(
            QRect(rect.left(), y, rect.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft, name
        )
        value = item.value or self.tr("（指标值自拟）")
        left = rect.left() + metrics.horizontalAdvance(name) + metrics.horizontalAdvance("　")
        painter.setFont(option.font)
        painter.setPen(accent if item.value else faint)
        plain = QFontMetrics(option.font)
        value = plain.elidedText(value, Qt.TextElideMode.ElideRight, max(rect.right() - left, 0))
        painter.drawText(
            QRect(left, y, rect.right() - left, metrics.height()), Qt.AlignmentFlag.AlignLeft, value
        )
        y += metrics.height() + LINE_GAP
        painter.setFont(small)
        metrics = QFontMetrics(small)
        if item.explanation:
            second, color = item.explanation, main
        elif item.example and item.example != item.value:
            second, color = self.tr("常见写法：{example}").format(example=item.example), faint
        else:
            second, color = self.tr("（无指标解释）"), faint
        for line, pen in (
            (second, color),
            (f"{item.level2} · {item.origin}", faint),
        ):
            painter.setPen(pen)
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), y, rect.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft, shown
            )
            y += metrics.height() + LINE_GAP
        painter.restore()


__all__ = ["SUGGESTION_ROLE", "SuggestionDelegate", "SuggestionListModel"]

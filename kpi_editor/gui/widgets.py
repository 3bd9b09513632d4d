"""Small widgets several features share."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QKeyEvent, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QTableView, QTreeView, QWidget

from kpi_editor.domain.model import MAX_DECIMALS
from kpi_editor.gui.icons import severity_icon

MARK_COLORS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
CARRIED_COLOR = "#808080"  # an amount still last year's

AMOUNT_PATTERN = rf"^-?\d{{0,12}}(\.\d{{0,{MAX_DECIMALS}}})?$"


def parse_amount(text: str) -> Decimal | None:
    """'' → None; otherwise the exact Decimal typed (no float in between). Raises ValueError."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


def format_amount(value: Decimal | None) -> str:
    """An amount as the clerk typed it (``25.0`` stays ``25.0``); empty for no amount."""
    return "" if value is None else format(value, "f")


class AmountEdit(QLineEdit):
    """A 万元 amount: digits with up to six decimals, kept as typed ("25.0" stays 25.0)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(AMOUNT_PATTERN), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(self.tr("（空）"))

        self._mark: QAction | None = None
        self._messages: list[str] = []
        self._plain_tip = ""  # what the field says about itself (上年数), under its findings
        self._carried = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Excel's habit: typing on a field replaces what it shows (the cursor keys still edit it).
        # A click places the cursor after focusIn, so after a click the selection waits a turn.
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            QTimer.singleShot(0, self.selectAll)
        else:
            self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editingFinished.emit()
            self.focusNextChild()  # Enter goes on to the next amount, as in a form
            return
        super().keyPressEvent(event)

    def set_marks(self, severity: str | None, messages: list[str]) -> None:
        """Show the field's findings: a coloured frame, the severity icon and the messages."""
        if self._mark is not None:
            self.removeAction(self._mark)
            self._mark = None
        self._messages = list(messages) if severity is not None else []
        self._show_tip()
        if severity is None:
            self.setStyleSheet("")
            return
        color = MARK_COLORS.get(severity, MARK_COLORS["info"])
        self.setStyleSheet(f"AmountEdit {{ border: 2px solid {color}; }}")
        self._mark = self.addAction(severity_icon(severity), QLineEdit.ActionPosition.LeadingPosition)

    def set_previous(self, previous: Decimal | None, carried: bool) -> None:
        """Last year's amount (a rolled-over table): while the field still holds it (`carried`) it
        shows grey italic, as a figure the clerk has not confirmed yet; an emptied field offers it
        as its placeholder."""
        if carried != self._carried:
            self._carried = carried
            font = self.font()
            font.setItalic(carried)
            self.setFont(font)
            palette = self.palette()
            text = QPalette().color(QPalette.ColorRole.Text)
            palette.setColor(QPalette.ColorRole.Text, QColor(CARRIED_COLOR) if carried else text)
            self.setPalette(palette)
        if carried:
            self._plain_tip = self.tr("沿用上年金额，改动后取消标记")
        elif previous is not None:
            self._plain_tip = self.tr("上年：{amount} 万元").format(amount=format_amount(previous))
        else:
            self._plain_tip = ""
        self.setPlaceholderText(
            self.tr("上年：{amount}").format(amount=format_amount(previous))
            if previous is not None
            else self.tr("（空）")
        )
        self._show_tip()

    @property
    def carried(self) -> bool:
        return self._carried

    def _show_tip(self) -> None:
        self.setToolTip("\n".join([*self._messages, self._plain_tip] if self._plain_tip else self._messages))

    def value(self) -> Decimal | None:
        return parse_amount(self.text())

    def set_value(self, value: Decimal | None) -> None:
        text = format_amount(value)
        if text != self.text():
            self.setText(text)


class SortCycle(QObject):
    """Header clicks sort ascending, then descending, then back to the document's own order (the
    third click), as in WPS's list views; `sortedChanged` says whether a sort is on."""

    sortedChanged = Signal(bool)

    def __init__(self, view: QTreeView | QTableView) -> None:
        super().__init__(view)
        self.view = view
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._clicked)
        self.header = header
        self._column = -1
        self._order = Qt.SortOrder.AscendingOrder

    def _clicked(self, column: int) -> None:
        if column != self._column:
            self._column, self._order = column, Qt.SortOrder.AscendingOrder
        elif self._order == Qt.SortOrder.AscendingOrder:
            self._order = Qt.SortOrder.DescendingOrder
        else:
            # Column -1 is the source's order, but reversed when descending: back to ascending.
            self._column, self._order = -1, Qt.SortOrder.AscendingOrder
        self.apply()

    def apply(self) -> None:
        model = self.view.model()
        self.header.setSortIndicator(self._column, self._order)
        if model is not None:
            model.sort(self._column, self._order)
        self.sortedChanged.emit(self._column >= 0)

    def reset(self) -> None:
        self._column, self._order = -1, Qt.SortOrder.AscendingOrder
        self.apply()

    @property
    def sorted(self) -> bool:
        return self._column >= 0

"""Small widgets several features share."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from kpi_editor.domain.model import MAX_DECIMALS

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

    def value(self) -> Decimal | None:
        return parse_amount(self.text())

    def set_value(self, value: Decimal | None) -> None:
        text = format_amount(value)
        if text != self.text():
            self.setText(text)

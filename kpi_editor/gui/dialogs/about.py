"""Help ▸ 关于: the app's summary and the full licence text of every bundled font.

The text comes from ``kpi_editor.about`` (shared with ``--version`` and the self-test); this dialog
only lays it out: a summary page, then one page per font with the licence files as shipped.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from kpi_editor.about import APP_NAME, about_text, font_licenses
from kpi_editor.gui.icons import app_icon


def _text_view(text: str, parent: QWidget) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setPlainText(text)
    return view


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于{name}").format(name=APP_NAME))
        self.setWindowIcon(app_icon())
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_text_view(about_text(), self.tabs), self.tr("关于"))
        for font in font_licenses():
            self.tabs.addTab(
                _text_view(font.text(), self.tabs), self.tr("字体许可：{family}").format(family=font.family)
            )
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

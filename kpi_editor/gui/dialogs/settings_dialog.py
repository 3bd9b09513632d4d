"""工具 ▸ 设置: UI language, UI font size, PDF font, autosave delay, reviewer name."""

from __future__ import annotations

from typing import get_args

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from kpi_editor.app.settings import Language, PdfFont, Settings, os_user_name
from kpi_editor.gui.forms import child, load_form

LANGUAGES: tuple[Language, ...] = get_args(Language)
PDF_FONTS: tuple[PdfFont, ...] = get_args(PdfFont)


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = load_form("settings_dialog", self)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        self.setWindowTitle(form.windowTitle())
        self.language_combo = child(form, QComboBox, "languageCombo")
        self.font_size_spin = child(form, QSpinBox, "fontSizeSpin")
        self.font_combo = child(form, QComboBox, "pdfFontCombo")
        self.autosave_spin = child(form, QSpinBox, "autosaveSpin")
        self.reviewer_edit = child(form, QLineEdit, "reviewerEdit")
        self.buttons = child(form, QDialogButtonBox, "buttonBox")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language_combo.setCurrentIndex(LANGUAGES.index(settings.language))
        self.font_size_spin.setValue(settings.ui_font_size)
        self.font_combo.setCurrentIndex(PDF_FONTS.index(settings.pdf_font))
        self.autosave_spin.setValue(settings.autosave_delay_s)
        self.reviewer_edit.setText(settings.reviewer_name)
        user = os_user_name()
        if user:
            self.reviewer_edit.setPlaceholderText(self.tr("留空则使用系统用户名：{user}").format(user=user))
        self.setMinimumWidth(520)

    def apply_to(self, settings: Settings) -> None:
        settings.language = LANGUAGES[self.language_combo.currentIndex()]
        settings.ui_font_size = self.font_size_spin.value()
        settings.pdf_font = PDF_FONTS[self.font_combo.currentIndex()]
        settings.autosave_delay_s = self.autosave_spin.value()
        settings.reviewer_name = self.reviewer_edit.text().strip()

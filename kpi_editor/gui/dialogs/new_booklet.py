"""文件 ▸ 新建: the form template, the fiscal year and (optionally) the clerk's unit."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.domain.template import available_templates
from kpi_editor.gui.dialogs.convert import describe
from kpi_editor.gui.forms import child, load_form


@dataclass(frozen=True)
class NewBooklet:
    template_id: str
    fiscal_year: int
    code: str = ""
    unit: str = ""


class NewBookletDialog(QDialog):
    def __init__(self, year: int, parent: QWidget | None = None, template_id: str = "") -> None:
        super().__init__(parent)
        form = load_form("new_booklet_dialog", self)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        self.setWindowTitle(form.windowTitle())
        self.template_combo = child(form, QComboBox, "templateCombo")
        self.year_spin = child(form, QSpinBox, "yearSpin")
        self.description = child(form, QLabel, "descriptionLabel")
        self.code_edit = child(form, QLineEdit, "codeEdit")
        self.unit_edit = child(form, QLineEdit, "unitEdit")
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self))
        self.buttons = child(form, QDialogButtonBox, "buttonBox")
        for template in available_templates().values():
            self.template_combo.addItem(f"{template.name}（{template.version}）", template.id)
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template_id)))
        self.template_combo.currentIndexChanged.connect(self._describe)
        self.year_spin.setValue(year)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._describe()
        self.setMinimumWidth(520)

    def _describe(self) -> None:
        template = available_templates().get(self.template_combo.currentData())
        self.description.setText(describe(template) if template else "")

    def choice(self) -> NewBooklet:
        return NewBooklet(
            str(self.template_combo.currentData()),
            self.year_spin.value(),
            self.code_edit.text().strip(),
            self.unit_edit.text().strip(),
        )

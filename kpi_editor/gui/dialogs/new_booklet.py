"""File ▸ New: choose the form template and the fiscal year."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from kpi_editor.domain.template import available_templates
from kpi_editor.gui.forms import child, load_form


class NewBookletDialog(QDialog):
    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = load_form("new_booklet_dialog", self)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        self.setWindowTitle(form.windowTitle())
        self.template_combo = child(form, QComboBox, "templateCombo")
        self.year_spin = child(form, QSpinBox, "yearSpin")
        self.description = child(form, QLabel, "descriptionLabel")
        buttons = child(form, QDialogButtonBox, "buttonBox")
        for template in available_templates().values():
            self.template_combo.addItem(template.name, template.id)
        self.template_combo.currentIndexChanged.connect(self._describe)
        self.year_spin.setValue(year)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._describe()

    def _describe(self) -> None:
        template = available_templates().get(self.template_combo.currentData())
        self.description.setText(template.description if template else "")

    def choice(self) -> tuple[str, int]:
        return str(self.template_combo.currentData()), self.year_spin.value()

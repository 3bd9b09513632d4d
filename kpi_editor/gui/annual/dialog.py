"""文件 ▸ 由上年度新建: which table to start from, the new fiscal year, and what becomes of the amounts."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.domain.model import Booklet
from kpi_editor.domain.rollover import MAX_GAP, AmountsMode, Rollover, RolloverError, rollover
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.forms import child, load_form
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import load_booklet


class RolloverDialog(QDialog):
    """Asks, then builds the new year's booklet; `rolled` holds it once accepted. The source is
    never changed: the rollover works on a copy."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        form = load_form("rollover_dialog", self)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        self.setWindowTitle(form.windowTitle())
        self.open_radio = child(form, QRadioButton, "openRadio")
        self.file_radio = child(form, QRadioButton, "fileRadio")
        self.choose_button = child(form, QPushButton, "chooseButton")
        self.source_label = child(form, QLabel, "sourceLabel")
        self.year_spin = child(form, QSpinBox, "yearSpin")
        self.keep_radio = child(form, QRadioButton, "keepRadio")
        self.clear_radio = child(form, QRadioButton, "clearRadio")
        self.note_label = child(form, QLabel, "noteLabel")
        self.error_label = child(form, QLabel, "errorLabel")
        self.buttons = child(form, QDialogButtonBox, "buttonBox")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("新建"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(lambda: self.choose_file())
        self.open_radio.toggled.connect(self._source_changed)
        self.year_spin.valueChanged.connect(self._show_note)
        self.file_path: Path | None = None  # the other file chosen
        self.file_booklet: Booklet | None = None
        self.rolled: Rollover | None = None
        self.source_year: int | None = None
        self.source_file: Path | None = None
        document = context.document
        self.open_radio.setEnabled(document is not None)
        if document is not None:
            name = document.display_name or self.tr("未命名")
            self.open_radio.setText(self.tr("当前打开的文件：{name}").format(name=name))
        else:
            self.file_radio.setChecked(True)
        self._source_changed()
        self.setMinimumWidth(560)

    # -- the source ---------------------------------------------------------------------------------

    def source(self) -> tuple[Booklet, Path | None] | None:
        """The booklet to start from (what the open document shows, unsaved changes included) and
        its file."""
        document = self.context.document
        if self.open_radio.isChecked() and document is not None:
            return document.booklet, document.path or document.suggested_path
        if self.file_booklet is not None:
            return self.file_booklet, self.file_path
        return None

    def choose_file(self, path: Path | None = None) -> bool:
        """选择文件…: read another project file as the source (it is only read)."""
        if path is None:
            last = self.context.settings.last_file
            path = self.context.prompts.open_path(str(Path(last).parent) if last else "")
            if path is None:
                return False
        try:
            booklet = load_booklet(path)
        except FileFormatError as exc:
            self.show_error(str(exc))
            return False
        except OSError as exc:
            self.show_error(self.tr("{path}：{error}").format(path=path, error=exc))
            return False
        self.file_path, self.file_booklet = path, booklet
        self.file_radio.setChecked(True)
        self._source_changed()
        return True

    def _source_changed(self, *_args: object) -> None:
        self.show_error("")
        source = self.source()
        self.ok_button.setEnabled(source is not None)
        self.year_spin.setEnabled(source is not None)
        if source is None:
            self.source_label.setText(self.tr("请选择上年度的项目文件（*.kpi.json）。"))
            self.note_label.clear()
            return
        booklet, path = source
        year = booklet.fiscal_year
        where = str(path) if path is not None else self.tr("（未保存的文件）")
        self.source_label.setText(
            self.tr("{where}：{year}年，{departments}个单位，{projects}个项目").format(
                where=where, year=year, departments=len(booklet.departments), projects=booklet.project_count
            )
        )
        # A year after the source's, and not so far after that it must be a slip.
        self.year_spin.blockSignals(True)
        self.year_spin.setRange(year + 1, min(year + MAX_GAP, 2200))
        self.year_spin.setValue(year + 1)
        self.year_spin.blockSignals(False)
        self._show_note()

    def _show_note(self, *_args: object) -> None:
        source = self.source()
        if source is None:
            return
        path = source[1]
        target = suggested_path(path, source[0].fiscal_year, self.year_spin.value())
        kept = (
            self.tr("原文件 {name} 不会改动。").format(name=path.name)
            if path is not None
            else self.tr("当前的表格不会改动。")
        )
        saved = self.tr("保存时建议的文件名：{name}。").format(name=target.name) if target is not None else ""
        self.note_label.setText(
            kept + self.tr("新年度的表格作为未保存的新文件打开，随后显示改动报告。") + saved
        )

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- running ------------------------------------------------------------------------------------

    def amounts(self) -> AmountsMode:
        return "clear" if self.clear_radio.isChecked() else "keep"

    def run(self) -> bool:
        """新建: build the new year's booklet; a refusal stays in the dialog, in one line."""
        source = self.source()
        if source is None:
            return False
        try:
            self.rolled = rollover(source[0], self.year_spin.value(), self.amounts())
        except RolloverError as exc:
            self.show_error(str(exc))
            return False
        # Kept: opening the result replaces the open document the source may have been.
        self.source_year, self.source_file = source[0].fiscal_year, source[1]
        self.accept()
        return True


def suggested_path(source: Path | None, old_year: int, new_year: int) -> Path | None:
    """Where the new year's file should go: beside the source, named after it with the new year
    (``西区2026.kpi.json`` → ``西区2027.kpi.json``; a name without the year gets ``-2027``)."""
    if source is None:
        return None
    stem = source.name.removesuffix(".kpi.json").removesuffix(".json")
    named = re.compile(rf"(?<!\d){old_year}(?!\d)")
    stem = named.sub(str(new_year), stem) if len(named.findall(stem)) == 1 else f"{stem}-{new_year}"
    return source.with_name(f"{stem}.kpi.json")


__all__ = ["RolloverDialog", "suggested_path"]

"""Another fiscal year or another template for the open document, shown before it is made.

The dialog asks what to change and shows, as the choice changes, the report of what the change
would do (`plan_fiscal_year_change` / `plan_template_change`); 确定 applies the plan through
``context.ops`` as one undo step. Window-modal while it shows the preview, so that the plan cannot go
stale under it; afterwards the cells left for the clerk open in a `ChangeReportDialog`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.domain.changereport import ChangeReport
from kpi_editor.domain.edits import EditPlan
from kpi_editor.domain.retemplate import plan_template_change
from kpi_editor.domain.rollover import RolloverError, plan_fiscal_year_change
from kpi_editor.domain.template import available_templates
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.dialogs.change_report import ChangeReportDialog, ReportView

REFRESH_MS = 200  # the preview follows the spin box once the clerk stops clicking


class ChangePreviewDialog(QDialog):
    """A choice at the top (`controls`), the report of what it would change, 确定 / 取消."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.document is not None
        self.context = context
        self.document = context.document
        self.plan: EditPlan | None = None
        self.report: ChangeReport | None = None
        self.followup: ChangeReportDialog | None = None  # the report after the change, if any
        self.resize(1060, 660)
        layout = QVBoxLayout(self)
        self.controls = QFormLayout()
        layout.addLayout(self.controls)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.view = ReportView(context, self)
        layout.addWidget(self.view, 1)
        note = QLabel(self.tr("确定后一次完成，可以撤销（Ctrl+Z）。"), self)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出报告…"), self)
        self.export_button.clicked.connect(self._export)
        self.apply_button = QPushButton(self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.export_button)
        buttons.addWidget(note, 1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    def schedule_refresh(self) -> None:
        self.apply_button.setEnabled(False)  # until the preview shows what 确定 would do
        self._timer.start()

    def compute(self) -> tuple[EditPlan, ChangeReport]:
        """The plan and report for the current choice; raises ValueError with the user's message."""
        raise NotImplementedError

    def refresh(self) -> None:
        self._timer.stop()
        try:
            self.plan, self.report = self.compute()
        except ValueError as exc:
            self.plan = self.report = None
            self.error_label.setText(str(exc))
            self.error_label.show()
            self.view.setEnabled(False)
            self.apply_button.setEnabled(False)
            self.export_button.setEnabled(False)
            return
        self.error_label.hide()
        self.view.setEnabled(True)
        self.view.set_report(self.report)
        self.apply_button.setEnabled(bool(self.plan))
        self.export_button.setEnabled(True)

    def _export(self) -> None:
        name = self.tr("{stem}-变更报告.json").format(stem=self.document.file_stem)
        self.view.export(self.context.work_folder() / name)

    def apply(self) -> bool:
        """确定: the plan as one undo step; the cells to check stay listed beside the table."""
        if self._timer.isActive():
            self.refresh()
        ops = self.context.ops
        if (
            self.plan is None
            or self.report is None
            or ops is None
            or self.context.document is not self.document
        ):
            return False
        outcome = ops.apply_plan(self.plan)
        if not outcome:
            return False
        self.accept()
        self.context.show_message(
            self.tr("已完成：{what}（可撤销）").format(what=self.plan.description), 8000
        )
        if self.report.to_check:
            self.followup = ChangeReportDialog(self.context, self.report, self.parentWidget())
            self.followup.show()
        return True


class FiscalYearDialog(ChangePreviewDialog):
    """更改预算年度: the year, and whether the years in the text move with it."""

    MOVE_CHOICES = (None, True, False)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("更改预算年度"))
        year = self.document.booklet.fiscal_year
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2200)
        self.year_spin.setSuffix(self.tr(" 年"))
        self.year_spin.setValue(year + 1)
        self.year_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.text_combo = QComboBox(self)
        self.text_combo.addItems(
            [
                self.tr("自动：内容中的年份随年度顺延，内容已是新年度时不动"),
                self.tr("顺延内容中的年份（封面、编制说明、指标）"),
                self.tr("只改预算年度，内容不动（改正填错的年度）"),
            ]
        )
        self.text_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.controls.addRow(self.tr("当前预算年度"), QLabel(self.tr("{year}年").format(year=year), self))
        self.controls.addRow(self.tr("新的预算年度"), self.year_spin)
        self.controls.addRow(self.tr("内容中的年份"), self.text_combo)
        self.year_spin.valueChanged.connect(self.schedule_refresh)
        self.text_combo.currentIndexChanged.connect(self.schedule_refresh)
        self.refresh()

    def compute(self) -> tuple[EditPlan, ChangeReport]:
        year = self.year_spin.value()
        self.apply_button.setText(self.tr("改为{year}年").format(year=year))
        if year == self.document.booklet.fiscal_year:
            raise ValueError(self.tr("新的预算年度与当前相同。"))
        move = self.MOVE_CHOICES[self.text_combo.currentIndex()]
        try:
            change = plan_fiscal_year_change(
                self.document.booklet, year, self.document.template, move_text=move
            )
        except RolloverError as exc:
            raise ValueError(str(exc)) from exc
        return change.plan, change.report


class TemplateDialog(ChangePreviewDialog):
    """更换表样: another form template; the 一级/二级 labels that map are mapped, the rest listed."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("更换表样"))
        current = self.document.template
        self.template_combo = QComboBox(self)
        for template in available_templates().values():
            self.template_combo.addItem(template.name, template.id)
        others = [
            i for i in range(self.template_combo.count()) if self.template_combo.itemData(i) != current.id
        ]
        self.template_combo.setCurrentIndex(others[0] if others else 0)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.controls.addRow(self.tr("当前表样"), QLabel(current.name, self))
        self.controls.addRow(self.tr("新的表样"), self.template_combo)
        self.controls.addRow(self.tr("说明"), self.description)
        self.template_combo.currentIndexChanged.connect(self.schedule_refresh)
        self.apply_button.setText(self.tr("换用此表样"))
        self.refresh()

    def compute(self) -> tuple[EditPlan, ChangeReport]:
        template = available_templates()[str(self.template_combo.currentData())]
        self.description.setText(template.description)
        if template.id == self.document.template.id:
            raise ValueError(self.tr("这就是当前的表样。"))
        change = plan_template_change(self.document.booklet, template, self.document.template)
        return change.plan, change.report


__all__ = ["ChangePreviewDialog", "FiscalYearDialog", "TemplateDialog"]

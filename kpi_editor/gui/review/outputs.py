"""What the reviewer sends out: return letters (审核意见书) and the review report, for chosen units.

Both dialogs start from the units the reviewer is on (the tree's selection or the current unit)
and write in a worker job (``gui/jobs.py``), on a copy of the booklet, as the PDF export does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document
from kpi_editor.app.jobs import Job
from kpi_editor.domain.progress import unit_progress
from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.jobs import JobRunner
from kpi_editor.gui.marks import status_icon, status_text


class UnitChooser(QWidget):
    """The booklet's units, each with a tick and its progress (3/5 通过，退回 1)."""

    def __init__(self, document: Document, chosen: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.returned: set[str] = set()
        for department in document.booklet.departments:
            progress = unit_progress(department)
            if progress.counts.returned:
                self.returned.add(department.code)
            text = self.tr("{code} {name}（{label}，退回 {returned}）").format(
                code=department.code,
                name=department.name,
                label=progress.label,
                returned=progress.counts.returned,
            )
            item = QListWidgetItem(status_icon(progress.rollup), text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, department.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = department.code in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        for text, pick in (
            (self.tr("全选"), lambda _code: True),
            (self.tr("只选有退回项目的"), lambda code: code in self.returned),
            (self.tr("全不选"), lambda _code: False),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, p=pick: self.check(p))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def check(self, pick: Any) -> None:
        for item in self.items():
            on = bool(pick(item.data(Qt.ItemDataRole.UserRole)))
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self.items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    @property
    def everything(self) -> bool:
        return len(self.chosen()) == self.list.count()


class LettersDialog(QDialog):
    """审核 ▸ 生成审核意见书…: one PDF, a letter per chosen unit (returned projects, comments,
    errors, the deadline), signed by the reviewer with the date."""

    def __init__(
        self,
        context: EditorContext,
        jobs: JobRunner,
        chosen: Sequence[str],
        reviewer: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert context.document is not None
        self.context = context
        self.jobs = jobs
        self.document = context.document
        self.job: Job | None = None
        self.setWindowTitle(self.tr("生成审核意见书"))
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "每个勾选的单位一份意见书（合在一个 PDF 中，各自另起一页），列出退回修改的项目及其审核意见和错误。"
                ),
                self,
            )
        )
        self.units = UnitChooser(self.document, chosen, self)
        layout.addWidget(self.units, 1)
        form = QFormLayout()
        self.reviewer_edit = QLineEdit(reviewer, self)
        form.addRow(self.tr("审核人"), self.reviewer_edit)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        form.addRow(self.tr("日期"), self.date_edit)
        deadline_row = QHBoxLayout()
        self.deadline_edit = QDateEdit(QDate.currentDate().addDays(10), self)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy年M月d日")
        self.blank_deadline = QCheckBox(self.tr("留空（打印后手写）"), self)
        self.blank_deadline.toggled.connect(lambda on: self.deadline_edit.setEnabled(not on))
        self.blank_deadline.setChecked(True)
        deadline_row.addWidget(self.deadline_edit)
        deadline_row.addWidget(self.blank_deadline)
        deadline_row.addStretch(1)
        form.addRow(self.tr("修改期限"), deadline_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.write_button = buttons.addButton(self.tr("生成…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.clicked.connect(self.write)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.units.list.itemChanged.connect(self._update)
        self._update()

    def _update(self, *_args: object) -> None:
        self.write_button.setEnabled(bool(self.units.chosen()))

    def write(self) -> Job | None:
        """Ask where, then write the letters in a worker job; the dialog closes once it starts."""
        codes = self.units.chosen()
        if not codes or self.jobs.busy:
            return None
        document = self.document
        suffix = codes[0] if len(codes) == 1 else self.tr("{count}个单位").format(count=len(codes))
        target = self.context.prompts.export_path(
            str(self.context.work_folder() / f"{document.file_stem}-审核意见书-{suffix}.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        snapshot = document.booklet.model_copy(deep=True)
        findings = list(document.findings())
        reviewer = self.reviewer_edit.text().strip()
        date = self.date_edit.date().toString(Qt.DateFormat.ISODate)
        deadline = (
            None
            if self.blank_deadline.isChecked()
            else self.deadline_edit.date().toString(Qt.DateFormat.ISODate)
        )

        def work(_progress: Any) -> Any:
            from kpi_editor.io.report.letter import write_letters

            return write_letters(snapshot, codes, target, reviewer, date, deadline, findings)

        self.job = self.jobs.run(work, self.tr("正在生成审核意见书 {name}…").format(name=target.name), target)
        self.accept()
        return self.job


ReportFormat = Literal["pdf", "xlsx"]


class ReportDialog(QDialog):
    """审核 ▸ 导出审核报告…: the chosen units and statuses, as XLSX or PDF."""

    def __init__(
        self, context: EditorContext, jobs: JobRunner, chosen: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert context.document is not None
        self.context = context
        self.jobs = jobs
        self.document = context.document
        self.job: Job | None = None
        self.setWindowTitle(self.tr("导出审核报告"))
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("报告包含的单位："), self))
        everyone = [d.code for d in self.document.booklet.departments]
        self.units = UnitChooser(self.document, chosen or everyone, self)
        layout.addWidget(self.units, 1)
        layout.addWidget(QLabel(self.tr("只列出这些审核状态的项目："), self))
        row = QHBoxLayout()
        self.status_checks: dict[EffectiveStatus, QCheckBox] = {}
        for status in EffectiveStatus:
            check = QCheckBox(status_text(status), self)
            check.setIcon(status_icon(status))
            check.setChecked(True)
            check.toggled.connect(self._update)
            self.status_checks[status] = check
            row.addWidget(check)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.write_button = buttons.addButton(self.tr("导出…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.clicked.connect(self.write)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.units.list.itemChanged.connect(self._update)
        self._update()

    def statuses(self) -> set[EffectiveStatus]:
        return {status for status, check in self.status_checks.items() if check.isChecked()}

    def _update(self, *_args: object) -> None:
        self.write_button.setEnabled(bool(self.units.chosen()) and bool(self.statuses()))

    def write(self) -> Job | None:
        document = self.document
        codes = self.units.chosen()
        statuses = self.statuses()
        if not codes or not statuses or self.jobs.busy:
            return None
        departments = None if self.units.everything else codes
        chosen_statuses = None if len(statuses) == len(EffectiveStatus) else statuses
        suffix = "" if departments is None else f"-{codes[0]}" if len(codes) == 1 else f"-{len(codes)}个单位"
        target = self.context.prompts.export_path(
            str(self.context.work_folder() / f"{document.file_stem}-审核报告{suffix}.xlsx"),
            self.tr("Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)"),
        )
        if target is None:
            return None
        fmt: ReportFormat = "pdf" if target.suffix.lower() == ".pdf" else "xlsx"
        if target.suffix.lower() not in (".pdf", ".xlsx"):
            target = target.with_name(target.name + ".xlsx")
        snapshot = document.booklet.model_copy(deep=True)
        findings = list(document.findings())

        def work(_progress: Any) -> Any:
            from kpi_editor.io.report import write_review_report

            return write_review_report(
                snapshot, target, fmt, findings=findings, departments=departments, statuses=chosen_statuses
            )

        self.job = self.jobs.run(work, self.tr("正在导出审核报告 {name}…").format(name=target.name), target)
        self.accept()
        return self.job

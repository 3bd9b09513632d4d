"""The annual cycle in the window: 文件 ▸ 由上年度新建… builds next year's booklet from this year's
(``domain/rollover.py``) and opens it as a new unsaved document, never over the source, then shows
the report: what changed, what was kept as history, and the cells left for the clerk."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kpi_editor.app.document import Document
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.annual.dialog import RolloverDialog, suggested_path
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.dialogs.change_report import ChangeReportDialog


class AnnualFeature(QObject):
    def __init__(self, context: EditorContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.report_dialog: ChangeReportDialog | None = None
        self.rollover_action = make_action(
            self,
            self.tr("由上年度新建(&Y)…"),
            lambda: self.new_from_previous(),
            tip=self.tr("以上年度的表格为底稿新建下一年度：年份顺延，金额和指标值留作上年参考"),
        )

    def new_from_previous(self) -> RolloverDialog:
        """Ask (window-modal, without a nested event loop); 新建 opens the new year's booklet."""
        dialog = RolloverDialog(self.context, self.window)
        dialog.accepted.connect(lambda: self.open_result(dialog))
        dialog.open()
        return dialog

    def open_result(self, dialog: RolloverDialog) -> bool:
        """The new year's booklet as a new unsaved document (closing the current one asks to save
        it first), its save dialog pointing beside the source, then the report."""
        result = dialog.rolled
        if result is None or dialog.source_year is None:
            return False
        year = result.booklet.fiscal_year
        document = Document(result.booklet)
        document.suggested_path = suggested_path(dialog.source_file, dialog.source_year, year)
        message = self.tr("已新建{year}年度（未保存）：待核对{count}个单元格").format(
            year=year, count=len(result.report.to_check)
        )
        if not self.context.open_unsaved(document, message):
            return False
        target = document.suggested_path
        stem = target.name.removesuffix(".kpi.json") if target is not None else str(year)
        self.report_dialog = ChangeReportDialog(
            self.context,
            result.report,
            self.window,
            source=dialog.source_file,
            export_name=self.tr("{stem}-新年度报告.json").format(stem=stem),
        )
        self.report_dialog.destroyed.connect(self._report_closed)
        self.report_dialog.show()
        return True

    def _report_closed(self) -> None:
        self.report_dialog = None


__all__ = ["AnnualFeature"]

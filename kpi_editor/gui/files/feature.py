"""Files: new, open, save, close, recent files, the welcome page, and what becomes a new unsaved
document: imports (a workbook, a published booklet's text or its PDF) and 表样转换 (the booklet in
another form)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidget, QMenu, QPushButton, QWidget

from kpi_editor.app.document import Document
from kpi_editor.app.jobs import Job
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.skeleton import new_booklet
from kpi_editor.domain.template import load_template, version_note
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.dialogs.change_report import ChangeReportDialog
from kpi_editor.gui.dialogs.convert import ConvertDialog
from kpi_editor.gui.forms import child, load_form
from kpi_editor.gui.jobs import JobRunner
from kpi_editor.io.errors import FileFormatError
from kpi_editor.paths import sample_path


class FileActions(QObject):
    def __init__(self, context: EditorContext, parent: QWidget, jobs: JobRunner) -> None:
        super().__init__(parent)
        self.context = context
        self.jobs = jobs
        self.new_action = make_action(self, self.tr("新建(&N)…"), self.new_file, QKeySequence.StandardKey.New)
        self.open_action = make_action(
            self, self.tr("打开(&O)…"), lambda: self.open_file(), QKeySequence.StandardKey.Open
        )
        self.save_action = make_action(self, self.tr("保存(&S)"), context.save, QKeySequence.StandardKey.Save)
        self.save_as_action = make_action(self, self.tr("另存为(&A)…"), context.save_as, "Ctrl+Shift+S")
        self.close_action = make_action(
            self, self.tr("关闭(&C)"), context.close_document, QKeySequence.StandardKey.Close
        )
        self.import_xlsx_action = make_action(
            self, self.tr("导入 Excel 工作簿…"), lambda: self.import_xlsx_file()
        )
        self.import_text_action = make_action(self, self.tr("导入汇编文本…"), lambda: self.import_text_file())
        self.import_pdf_action = make_action(
            self, self.tr("导入 PDF 汇编本…"), lambda: self.import_pdf_file()
        )
        self.convert_action = make_action(
            self,
            self.tr("表样转换(&T)…"),
            lambda: self.convert_file(),
            tip=self.tr("把本汇编转换为另一地区或另一版本的表样，先看对应报告，结果作为新文档打开"),
        )
        self.convert_report: ChangeReportDialog | None = None
        self.recent_menu = QMenu(self.tr("最近打开(&R)"), parent)
        self.welcome = load_form("welcome", parent)
        child(self.welcome, QPushButton, "newButton").clicked.connect(self.new_file)
        child(self.welcome, QPushButton, "openButton").clicked.connect(lambda: self.open_file())
        child(self.welcome, QPushButton, "sampleButton").clicked.connect(
            lambda: self.open_file(sample_path())
        )
        self.recent_list = child(self.welcome, QListWidget, "recentList")
        self.recent_list.itemActivated.connect(lambda item: self.open_file(Path(item.text())))
        context.recentChanged.connect(self.refresh_recent)
        context.documentChanged.connect(self._document_changed)
        self.refresh_recent()
        self._document_changed(None)

    def _document_changed(self, document: Document | None) -> None:
        for action in (self.save_action, self.save_as_action, self.close_action, self.convert_action):
            action.setEnabled(document is not None)
        note = version_note(document.booklet.template_version, document.template) if document else None
        if note:
            # Whatever route opened it: the clerk learns why some columns are read-only.
            self.context.show_message(note, 15000)

    def convert_file(self) -> ConvertDialog | None:
        """表样转换…: ask (window-modal, no nested event loop), showing the mapping report; 转换 opens
        the converted booklet as a new unsaved document."""
        if self.context.document is None:
            return None
        dialog = ConvertDialog(self.context, self.context_window())
        dialog.accepted.connect(lambda: self.open_converted(dialog))
        dialog.open()
        return dialog

    def context_window(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def open_converted(self, dialog: ConvertDialog) -> bool:
        conversion = dialog.conversion
        source = dialog.document
        if conversion is None:
            return False
        template = load_template(conversion.booklet.template_id)
        document = Document(conversion.booklet)
        folder = source.path.parent if source.path is not None else self.context.work_folder()
        document.suggested_path = folder / f"{source.file_stem}-{template.id}.kpi.json"
        report = conversion.report
        message = self.tr("已转换为“{name}”（未保存）：待核对{count}个单元格").format(
            name=template.name, count=len(report.to_check)
        )
        if not self.context.open_unsaved(document, message):
            return False
        if report.to_check:
            self.convert_report = ChangeReportDialog(
                self.context,
                report,
                self.context_window(),
                source=source.path,
                export_name=self.tr("{stem}-表样转换报告.json").format(stem=source.file_stem),
            )
            self.convert_report.show()
        return True

    def new_file(self) -> bool:
        if not self.context.maybe_save():
            return False
        settings = self.context.settings
        choice = self.context.prompts.new_booklet(settings.last_template)
        if choice is None:
            return False
        settings.last_template = choice.template_id
        template = load_template(choice.template_id)
        booklet = new_booklet(template, choice.fiscal_year, choice.code, choice.unit)
        self.context.set_document(Document(booklet, None))
        self.context.navigate((0, 0))  # the project is ready to fill
        return True

    def open_file(self, path: Path | None = None) -> bool:
        if path is None:
            last = self.context.settings.last_file
            path = self.context.prompts.open_path(str(Path(last).parent) if last else "")
            if path is None:
                return False
        return self.context.open_path(path)

    def import_xlsx_file(self, path: Path | None = None) -> bool:
        """文件 ▸ 导入 Excel 工作簿: the workbook becomes a new unsaved document."""
        from kpi_editor.io.xlsx import import_xlsx, iter_issue_lines

        path = path or self.context.prompts.import_path(self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return False
        try:
            booklet, report = import_xlsx(path, template_id="auto")  # the form is read from its header
        except FileFormatError as exc:
            self.context.prompts.error(self.tr("无法导入"), str(exc))
            return False
        errors = sum(1 for issue in report.issues if issue.kind == "error")
        summary = self.tr("读入{projects}个项目；{errors}个错误，{notes}条提示。").format(
            projects=booklet.project_count, errors=errors, notes=len(report.issues) - errors
        )
        return self._open_imported(booklet, path, summary, list(iter_issue_lines(report)))

    def import_text_file(self, path: Path | None = None) -> bool:
        """文件 ▸ 导入汇编文本: the published booklet's text becomes a new unsaved document."""
        from kpi_editor.io.booklet_text import import_booklet_text

        path = path or self.context.prompts.import_path(self.tr("文本文件 (*.txt)"))
        if path is None:
            return False
        try:
            booklet, report = import_booklet_text(path)
        except FileFormatError as exc:
            self.context.prompts.error(self.tr("无法导入"), str(exc))
            return False
        summary = self.tr("读入{projects}个项目；{issues}处需要核对。").format(
            projects=booklet.project_count, issues=len(report.issues)
        )
        lines = report.format().splitlines() if report.issues else []
        return self._open_imported(booklet, path, summary, lines)

    def import_pdf_file(self, path: Path | None = None) -> Job | None:
        """文件 ▸ 导入 PDF 汇编本: a published booklet PDF, read in a worker (seconds for a whole
        booklet), becomes a new unsaved document; a file that is no booklet leaves the open one."""
        if self.jobs.busy:
            return None
        path = path or self.context.prompts.import_path(self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return None
        source = path

        def work(progress: Any) -> Any:
            from kpi_editor.io.booklet_pdf import import_booklet_pdf

            return import_booklet_pdf(source, progress)

        def done(result: Any) -> None:
            booklet, report = result
            summary = self.tr("读入{projects}个项目（{pages}页）；{issues}处需要核对。").format(
                projects=booklet.project_count, pages=report.pages, issues=len(report.issues)
            )
            lines = report.format().splitlines() if report.issues else []
            self._open_imported(booklet, source, summary, lines)

        return self.jobs.run(
            work,
            self.tr("正在读取 {name}…").format(name=path.name),
            title=self.tr("导入"),
            done=done,
            cancelled=self.tr("导入已取消，当前文档未改动"),
            failed=self.tr("无法导入"),
        )

    def _open_imported(self, booklet: Booklet, source: Path, summary: str, lines: list[str]) -> bool:
        message = self.tr("已导入 {path}").format(path=source)
        if not self.context.open_unsaved(Document(booklet, None), message):
            return False
        if lines:
            self.context.prompts.import_report(source.name, summary, lines)
        return True

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        self.recent_list.clear()
        for text in self.context.settings.recent_files:
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, p=text: self.open_file(Path(p)))
            self.recent_list.addItem(text)
        self.recent_menu.setEnabled(bool(self.context.settings.recent_files))


__all__ = ["FileActions"]

"""导出 PDF / Excel: the booklet, the current unit or the current project, in a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from kpi_editor.app.document import Document
from kpi_editor.app.jobs import Job
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import FormTemplate
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.jobs import JobRunner
from kpi_editor.gui.scope import ask_scope, go_ahead_despite_problems, pdf_options

if TYPE_CHECKING:
    from kpi_editor.io.pdf import PdfOptions  # ReportLab loads with the first export, not at start-up

Work = Callable[[Callable[[int, int], bool]], Any]


class ExportActions(QObject):
    def __init__(self, context: EditorContext, jobs: JobRunner) -> None:
        super().__init__(jobs)
        self.context = context
        self.jobs = jobs
        self.export_pdf_action = make_action(self, self.tr("导出 PDF…"), lambda: self.export("pdf"))
        self.export_xlsx_action = make_action(self, self.tr("导出 Excel…"), lambda: self.export("xlsx"))
        context.documentChanged.connect(self._document_changed)
        self._document_changed(None)

    def _document_changed(self, document: Document | None) -> None:
        for action in (self.export_pdf_action, self.export_xlsx_action):
            action.setEnabled(document is not None)

    def export(self, kind: str) -> Job | None:
        """Export the booklet (or the current department / project) in a worker thread."""
        document = self.context.document
        if document is None or self.jobs.busy:
            return None
        scope = ask_scope(self.context, document)
        if scope is None:
            return None
        departments, project_ids, label = scope
        if not go_ahead_despite_problems(self.context, document, departments, project_ids):
            return None
        suffix = ".pdf" if kind == "pdf" else ".xlsx"
        folder = self.context.work_folder()
        suggested = str(folder / f"{document.file_stem}{label}{suffix}")
        file_filter = self.tr("PDF 文件 (*.pdf)") if kind == "pdf" else self.tr("Excel 工作簿 (*.xlsx)")
        target = self.context.prompts.export_path(suggested, file_filter)
        if target is None:
            return None
        snapshot = document.booklet.model_copy(deep=True)
        work = self._work(kind, snapshot, target, document.template, departments, project_ids)
        return self.jobs.run(work, self.tr("正在导出 {name}…").format(name=target.name), target)

    def pdf_options(self) -> PdfOptions:
        """The PDF font from the settings."""
        return pdf_options(self.context.settings)

    def _work(
        self,
        kind: str,
        booklet: Booklet,
        target: Path,
        template: FormTemplate,
        departments: list[str] | None,
        project_ids: list[str] | None,
    ) -> Work:
        if kind == "pdf":
            from kpi_editor.io.pdf import export_pdf

            options = self.pdf_options()

            def work(progress: Callable[[int, int], bool]) -> Any:
                return export_pdf(
                    booklet,
                    target,
                    template=template,
                    departments=departments,
                    project_ids=project_ids,
                    options=options,
                    progress=progress,
                )

            return work
        from kpi_editor.io.xlsx.export import export_xlsx

        def work_xlsx(progress: Callable[[int, int], bool]) -> Any:
            return export_xlsx(
                booklet,
                target,
                template=template,
                departments=departments,
                project_ids=project_ids,
                progress=progress,
            )

        return work_xlsx


__all__ = ["ExportActions"]

"""文件 ▸ 打印预览… / 打印… (Ctrl+P) and 视图 ▸ 实时预览: the export's pages on screen and on paper.

Both ask the export's question (the project, its unit or the booklet), lay the pages out in a
worker on a copy of the booklet (`render_pdf`: the bytes 导出 PDF writes) and then show them
(`PrintPreviewDialog`) or print them (`printer.print_work`, another worker).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from kpi_editor.app.document import Document
from kpi_editor.app.jobs import Job
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import FormTemplate
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.jobs import JobRunner
from kpi_editor.gui.printing.live import LivePreview
from kpi_editor.gui.scope import ask_scope, go_ahead_despite_problems, pdf_options

if TYPE_CHECKING:  # the PDF stack (ReportLab, PDFium) loads with the first preview, not at start-up
    from kpi_editor.gui.printing.pages import PageImages
    from kpi_editor.gui.printing.preview import PrintPreviewDialog
    from kpi_editor.gui.printing.printer import Printed


@dataclass(frozen=True)
class Layout:
    """What is printed: a copy of the booklet and the scope, and how the print is named."""

    booklet: Booklet
    template: FormTemplate
    departments: list[str] | None
    project_ids: list[str] | None
    title: str  # 全册, a unit, a project: for the preview's title
    doc_name: str  # the print queue's name for the job: the export's file name without .pdf


class PrintFeature(QObject):
    def __init__(self, context: EditorContext, window: QWidget, jobs: JobRunner) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.jobs = jobs
        self.preview_action = make_action(self, self.tr("打印预览…"), lambda: self.preview())
        self.print_action = make_action(
            self, self.tr("打印(&P)…"), lambda: self.print_scope(), QKeySequence.StandardKey.Print
        )
        # The layout chosen in the preview, kept for the next preview or print of this session.
        self.duplex = "off"
        self.mark_blank = True
        self.dialog: PrintPreviewDialog | None = None
        self.live = LivePreview(context, window)
        self.dock = QDockWidget(self.tr("实时预览"), window)
        self.dock.setObjectName("livePreviewDock")
        self.dock.setWidget(self.live)
        self.dock.visibilityChanged.connect(self.live.set_active)
        self.live_action = self.dock.toggleViewAction()
        self.live_action.setStatusTip(self.tr("在窗口右侧显示当前项目打印出来的样子，随修改更新"))
        context.documentChanged.connect(self._document_changed)
        self._document_changed(None)

    def _document_changed(self, document: Document | None) -> None:
        for action in (self.preview_action, self.print_action):
            action.setEnabled(document is not None)

    # -- the actions ----------------------------------------------------------------------------

    def preview(self) -> Job | None:
        """打印预览: lay the chosen tables out, then show them."""
        layout = self._layout()
        if layout is None:
            return None
        return self._render(layout, lambda pages: self._open_preview(layout, pages))

    def print_scope(self) -> Job | None:
        """打印 (Ctrl+P): lay the chosen tables out, then the print dialog; tables with errors say
        how many first, as an export does."""
        layout = self._layout()
        if layout is None:
            return None
        document = self.context.document
        if document is not None and not go_ahead_despite_problems(
            self.context, document, layout.departments, layout.project_ids
        ):
            return None
        return self._render(layout, lambda pages: self.print_pages(pages, layout, None, own=True))

    def _layout(self) -> Layout | None:
        document = self.context.document
        if document is None or self.jobs.busy:
            return None
        scope = ask_scope(self.context, document, "print")
        if scope is None:
            return None
        departments, project_ids, suffix = scope
        booklet = document.booklet
        if project_ids is not None:
            title = next(p.name for _, p in booklet.projects() if p.id == project_ids[0]) or self.tr("项目")
        elif departments is not None:
            department = booklet.department(departments[0])
            title = f"{department.code} {department.name}" if department is not None else departments[0]
        else:
            title = self.tr("全册")
        return Layout(
            booklet.model_copy(deep=True),
            document.template,
            departments,
            project_ids,
            title,
            f"{document.file_stem}{suffix}",
        )

    def _render(
        self, layout: Layout, then: Callable[[PageImages], Any], parent: QWidget | None = None
    ) -> Job | None:
        """Lay `layout` out in a worker with the current duplex choice; `then(pages)` shows them."""
        options = pdf_options(self.context.settings, self.duplex, self.mark_blank)  # type: ignore[arg-type]

        def work(progress: Callable[[int, int], bool]) -> Any:
            from kpi_editor.io.pdf import render_pdf

            return render_pdf(
                layout.booklet,
                template=layout.template,
                departments=layout.departments,
                project_ids=layout.project_ids,
                options=options,
                progress=progress,
            )

        def done(result: Any) -> None:
            from kpi_editor.gui.printing.pages import PageImages

            data, pdf_result = result
            then(PageImages(data, pdf_result))

        return self.jobs.run(
            work,
            self.tr("正在排版 {title}…").format(title=layout.title),
            title=self.tr("打印"),
            done=done,
            cancelled=self.tr("已取消排版，没有打印"),
            failed=self.tr("无法排版"),
            parent=parent,
        )

    # -- the preview ------------------------------------------------------------------------------

    def _open_preview(self, layout: Layout, pages: PageImages) -> None:
        from kpi_editor.gui.printing.preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(layout.title, self.duplex, self.mark_blank, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printRequested.connect(
            lambda: (
                dialog.pages is not None and self.print_pages(dialog.pages, layout, dialog.current, dialog)
            )
        )

        def relayout(duplex: str, mark_blank: bool) -> None:
            self.duplex, self.mark_blank = duplex, mark_blank
            self._render(layout, dialog.set_pages, dialog)

        dialog.busy = lambda: self.jobs.busy

        dialog.layoutChanged.connect(relayout)
        dialog.finished.connect(lambda _result: self._preview_closed(dialog))
        dialog.set_pages(pages)
        self.dialog = dialog
        dialog.open()

    def _preview_closed(self, dialog: PrintPreviewDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # -- printing ------------------------------------------------------------------------------------

    def print_pages(
        self,
        pages: PageImages,
        layout: Layout,
        current: int | None,
        parent: QWidget | None = None,
        *,
        own: bool = False,
    ) -> Job | None:
        """The print dialog for `pages` (the preview's, or laid out for 打印; `own`: close them
        after), then the print job."""
        from PySide6.QtPrintSupport import QPrinter

        from kpi_editor.gui.printing.printer import (
            PrintError,
            chosen_pages,
            delivery_for,
            prepare,
            print_work,
            sequence,
        )

        try:
            if self.jobs.busy or not len(pages):
                return None
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare(printer, pages.size(0), layout.doc_name, self.duplex != "off")
            if not self.context.prompts.print_setup(printer, len(pages), current, parent):
                return None
            try:
                delivery = delivery_for(printer)
            except PrintError as exc:
                self.context.prompts.error(self.tr("无法打印"), str(exc))
                return None
            chosen = chosen_pages(printer, len(pages), current or 0)
            if not chosen:
                self.context.prompts.warning(self.tr("无法打印"), self.tr("所选页码范围内没有页面。"))
                return None
            copies = printer.copyCount() if delivery.repeat_copies else 1
            if delivery.repeat_copies:
                printer.setCopyCount(1)  # the copies are in the job itself
            two_sided = printer.duplex() != QPrinter.DuplexMode.DuplexNone
            sides = sequence(chosen, copies, printer.collateCopies(), two_sided)
            work = print_work(pages.data, printer, sides, delivery, printer.resolution())
        finally:
            if own:
                pages.close()

        def done(printed: Printed) -> None:
            if printed.job:
                text = self.tr("已交给打印机“{where}”：{pages} 页（打印任务 {job}）")
            elif delivery.kind == "file":
                text = self.tr("已打印到 {where}：{pages} 页")
            else:
                text = self.tr("已交给打印机“{where}”：{pages} 页")
            self.context.show_message(
                text.format(where=printed.where, pages=printed.pages, job=printed.job), 10000
            )

        return self.jobs.run(
            work,
            self.tr("正在打印 {title}（{pages} 页）…").format(title=layout.title, pages=len(sides)),
            title=self.tr("打印"),
            done=done,
            cancelled=delivery.cancelled_text(),
            failed=self.tr("打印失败"),
            parent=parent,
        )

    def stop(self) -> None:
        """The window is closing: no layout of the live preview may outlive it."""
        self.live.stop()


__all__ = ["Layout", "PrintFeature"]

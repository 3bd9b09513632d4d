"""打印预览, 打印 (a real QPrinter printing to a PDF file), the live preview dock and 导入 PDF 汇编本,
driven through the window's menus with scripted prompts."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpi_editor.domain.diff import diff_booklets
from kpi_editor.gui.scope import pdf_options
from kpi_editor.io.pdf import PdfOptions, export_pdf
from kpi_editor.io.pdf.raster import PdfPages

PRINT_DPI = 72  # the test printer's resolution: small rasters, quick jobs


def wait_job(window: Any, qtbot: Any) -> None:
    """Until the window's job is over and its outcome has been handled."""
    job = window.jobs.job
    assert job is not None
    qtbot.waitUntil(lambda: job.isFinished(), timeout=60_000)
    qtbot.wait(0)
    QApplication.processEvents()


def open_preview(window: Any, qtbot: Any) -> Any:
    window.printing.preview_action.trigger()
    qtbot.waitUntil(
        lambda: window.printing.dialog is not None and window.printing.dialog.isVisible(), timeout=60_000
    )
    return window.printing.dialog


def to_pdf(target: Path, *, ranges: str = "", copies: int = 1) -> Any:
    """What a user does in the print dialog: 打印到文件 (PDF), maybe a page range and copies."""

    def setup(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(PRINT_DPI)
        printer.setCopyCount(copies)
        if ranges:
            from PySide6.QtGui import QPageRanges

            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setPageRanges(QPageRanges.fromString(ranges))
        return True

    return setup


def image_rows(reader: PdfReader, page: int) -> tuple[int, int, bytes]:
    """The one image on `page` of a printed PDF: width, height and its grey pixels."""
    resources = reader.pages[page]["/Resources"]
    [image] = [x.get_object() for x in resources["/XObject"].values()]
    return int(image["/Width"]), int(image["/Height"]), image.get_data()


def grey_rows(pages: PdfPages, index: int, dpi: float) -> tuple[int, int, bytes]:
    raster = pages.render(index, dpi, gray=True)
    data = b"".join(
        raster.data[r * raster.stride : r * raster.stride + raster.width] for r in range(raster.height)
    )
    return raster.width, raster.height, data


# -- the preview ------------------------------------------------------------------------------------


def test_preview_shows_the_pages_the_export_makes(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    booklet = opened.context.document.booklet
    opened.tree.select_path((1,))
    dialog = open_preview(opened, qtbot)
    expected = export_pdf(
        booklet,
        tmp_path / "u.pdf",
        departments=[booklet.departments[1].code],
        options=pdf_options(opened.context.settings),
    )
    assert len(dialog.pages) == expected.pages == dialog.thumbnail_model.rowCount() > 2
    assert dialog.pages.data == (tmp_path / "u.pdf").read_bytes()
    screen = dialog.screen().availableGeometry()  # offscreen: 800×600
    assert dialog.isVisible() and dialog.isEnabled()
    assert dialog.width() >= min(1000, screen.width() - 80) and dialog.height() >= min(
        800, screen.height() - 80
    )
    for widget in (
        dialog.thumbnails,
        dialog.page_area,
        dialog.page_spin,
        dialog.zoom_combo,
        dialog.duplex_combo,
    ):
        assert widget.isVisible() and widget.isEnabled() and widget.width() > 40 and widget.height() > 15
    assert dialog.windowTitle().endswith(booklet.departments[1].name)
    # The page is drawn: a sheet as wide as the view (fit width), with the table's black on white.
    [sheet] = dialog.view.sheet_rects()
    assert sheet.width() > dialog.page_area.viewport().width() * 0.8
    image = dialog.view.images[0]
    assert (
        image.width() >= sheet.width() and image.pixelColor(image.width() // 2, image.height() // 2).isValid()
    )
    grabbed = dialog.page_area.grab().toImage()
    assert grabbed.width() > 300

    # Page keys, wherever the focus is in the dialog.
    dialog.page_area.setFocus()
    QTest.keyClick(dialog.page_area, Qt.Key.Key_PageDown)
    assert (
        dialog.current == 1 and dialog.page_spin.value() == 2 and dialog.thumbnails.currentIndex().row() == 1
    )
    QTest.keyClick(dialog.page_area, Qt.Key.Key_End)
    assert dialog.current == len(dialog.pages) - 1 and not dialog.next_action.isEnabled()
    QTest.keyClick(dialog.thumbnails, Qt.Key.Key_PageUp)
    assert dialog.current == len(dialog.pages) - 2
    QTest.keyClick(dialog.page_area, Qt.Key.Key_Home)
    assert dialog.current == 0 and not dialog.previous_action.isEnabled()
    dialog.next_action.trigger()
    assert dialog.current == 1
    dialog.thumbnails.setCurrentIndex(dialog.thumbnail_model.index(2))
    assert dialog.current == 2 and dialog.page_spin.value() == 3
    dialog.page_spin.setValue(1)
    assert dialog.current == 0

    # Zoom: 100 % is the printed size on a 96 dpi screen; steps, Ctrl+wheel, fit the whole page.
    dialog.set_zoom(100)
    assert dialog.view.sheet_rects()[0].width() == round(expected_width(dialog, 100))
    dialog.zoom_in_action.trigger()
    assert dialog.zoom == 125 and dialog.zoom_combo.currentText() == "125%"
    assert dialog.view.sheet_rects()[0].width() == round(expected_width(dialog, 125))
    assert dialog.view.width() > dialog.page_area.viewport().width()  # scrolls sideways now
    wheel = QWheelEvent(
        QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(dialog.page_area.viewport(), wheel)
    assert dialog.zoom == 100
    dialog.set_zoom("page")
    sheet = dialog.view.sheet_rects()[0]
    assert sheet.height() <= dialog.page_area.viewport().height() and sheet.width() < 700
    dialog.close_button.click()
    assert opened.printing.dialog is None


def expected_width(dialog: Any, percent: int) -> float:
    width, _ = dialog.pages.size(dialog.current)
    return width / 72 * 96 * percent / 100


def test_preview_duplex_layout_is_the_exports(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    opened.tree.select_path(())
    dialog = open_preview(opened, qtbot)
    booklet = opened.context.document.booklet
    single = export_pdf(booklet, tmp_path / "a.pdf", options=pdf_options(opened.context.settings))
    assert len(dialog.pages) == single.pages and not dialog.pages.blank
    assert not dialog.blank_check.isEnabled()
    dialog.duplex_combo.setCurrentIndex(dialog.duplex_combo.findData("tables"))
    dialog.duplex_combo.activated.emit(dialog.duplex_combo.currentIndex())
    dialog.reject()  # Esc while the pages are being laid out again: the dialog stays for them
    assert dialog.isVisible() and opened.jobs.busy
    two_sided = export_pdf(
        booklet, tmp_path / "b.pdf", options=pdf_options(opened.context.settings, "tables")
    )
    qtbot.waitUntil(lambda: len(dialog.pages) == two_sided.pages, timeout=60_000)
    assert dialog.pages.data == (tmp_path / "b.pdf").read_bytes()
    assert sorted(dialog.pages.blank) == two_sided.blank_pages and dialog.blank_check.isEnabled()
    blank = two_sided.blank_pages[0] - 1
    dialog.go_to(blank)
    assert "本页留空" in dialog.status_label.text()
    assert opened.printing.duplex == "tables"  # the next preview or print starts from it
    dialog.close()


# -- printing ------------------------------------------------------------------------------------------


def test_print_from_the_preview_writes_every_page_at_the_printers_resolution(
    opened: Any, qtbot: Any, prompts: Any, tmp_path: Path
) -> None:
    opened.tree.select_path((1,))
    dialog = open_preview(opened, qtbot)
    target = tmp_path / "printed.pdf"
    prompts.printer_setup = to_pdf(target)
    dialog.print_action.trigger()
    wait_job(opened, qtbot)
    assert ("print_setup", (len(dialog.pages), 0)) in prompts.asked
    reader = PdfReader(target)
    assert len(reader.pages) == len(dialog.pages)
    with PdfPages(dialog.pages.data) as pages:
        width, height = pages.size(0)
        assert image_rows(reader, 0) == grey_rows(pages, 0, PRINT_DPI)  # the very pixels, lossless
    assert image_rows(reader, 0)[:2] == (
        math.ceil(width / 72 * PRINT_DPI),
        math.ceil(height / 72 * PRINT_DPI),
    )
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert "已打印到" in opened.statusBar().currentMessage()


def test_a_page_range_prints_only_those_pages(opened: Any, qtbot: Any, prompts: Any, tmp_path: Path) -> None:
    opened.tree.select_path(())
    dialog = open_preview(opened, qtbot)
    target = tmp_path / "range.pdf"
    prompts.printer_setup = to_pdf(target, ranges="2-3,6")
    dialog.print_action.trigger()
    wait_job(opened, qtbot)
    reader = PdfReader(target)
    assert len(reader.pages) == 3
    with PdfPages(dialog.pages.data) as pages:
        for printed, page in zip(range(3), (1, 2, 5), strict=True):
            assert image_rows(reader, printed) == grey_rows(pages, page, PRINT_DPI)


def test_copies_to_a_file_are_in_the_file(opened: Any, qtbot: Any, prompts: Any, tmp_path: Path) -> None:
    opened.tree.select_path((1,))
    dialog = open_preview(opened, qtbot)
    target = tmp_path / "copies.pdf"
    prompts.printer_setup = to_pdf(target, ranges="1-2", copies=2)
    dialog.print_action.trigger()
    wait_job(opened, qtbot)
    reader = PdfReader(target)
    assert len(reader.pages) == 4  # collated: 1 2 1 2
    assert image_rows(reader, 0) == image_rows(reader, 2) != image_rows(reader, 1)


def test_ctrl_p_on_a_project_asks_the_scope_and_prints_its_table(
    opened: Any, qtbot: Any, prompts: Any, tmp_path: Path
) -> None:
    opened.tree.select_path((0, 0))
    prompts.scope = "project"
    target = tmp_path / "project.pdf"
    prompts.printer_setup = to_pdf(target)
    QTest.keyClick(opened.tree.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_job(opened, qtbot)  # the layout
    wait_job(opened, qtbot)  # the print
    assert ("print_scope", opened.context.document.booklet.departments[0].projects[0].name) in prompts.asked
    assert prompts.asked[-1][0] == "print_setup" and prompts.asked[-1][1][1] is None  # no current page
    assert len(PdfReader(target).pages) == 1


def test_cancelling_a_print_writes_nothing(
    opened: Any, qtbot: Any, prompts: Any, tmp_path: Path, recording_job: Any
) -> None:
    opened.tree.select_path(())
    dialog = open_preview(opened, qtbot)
    target = tmp_path / "cancelled.pdf"
    target.write_bytes(b"the old file")
    prompts.printer_setup = to_pdf(target)
    recording_job.cancel_at = 3
    dialog.print_action.trigger()
    job = recording_job.instances[-1]
    qtbot.waitUntil(lambda: bool(job.outcome), timeout=60_000)
    job.wait()
    assert job.outcome == [("cancelled", None)]
    assert job.seen[-1][0] == 3 < job.seen[-1][1]  # stopped at the fourth of many pages
    assert target.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")) == ["cancelled.pdf"]
    QApplication.processEvents()
    assert opened.statusBar().currentMessage() == "打印已取消，未写入文件"
    assert "error" not in prompts.kinds()


def test_a_printer_that_fails_prints_nothing_and_says_so(
    opened: Any, qtbot: Any, prompts: Any, tmp_path: Path
) -> None:
    opened.tree.select_path((1,))
    dialog = open_preview(opened, qtbot)
    # A folder where the file should go: every page is painted, then the file cannot be written.
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    prompts.printer_setup = to_pdf(folder)
    dialog.print_action.trigger()
    wait_job(opened, qtbot)
    errors = [text for kind, text in prompts.asked if kind == "error"]
    assert len(errors) == 1 and str(folder) in errors[0] and errors[0].endswith("未写入文件。")
    assert list(folder.iterdir()) == [] and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    # A folder that does not exist: refused before anything is painted.
    prompts.printer_setup = to_pdf(tmp_path / "missing" / "x.pdf")
    dialog.print_action.trigger()
    errors = [text for kind, text in prompts.asked if kind == "error"]
    assert len(errors) == 2 and "文件夹不存在" in errors[1]


# -- the live preview ---------------------------------------------------------------------------------


def test_live_preview_follows_edits(opened: Any, qtbot: Any) -> None:
    live = opened.printing.live
    opened.printing.live_action.trigger()
    assert opened.printing.dock.isVisible() and live.active
    with qtbot.waitSignal(live.redrawn, timeout=30_000):
        opened.tree.select_path((0, 0))
    project = opened.context.document.booklet.departments[0].projects[0]
    assert project.name in live.caption.text() and len(live.view.images) == 1
    assert live.view.sheet_rects()[0].width() >= live.area.viewport().width() - 40
    before = live.view.images[0].copy()
    # A clerk types in the 指标值 cell: every keystroke is an edit; a quick burst is laid out once.
    table, model = opened.pages.project.table, opened.pages.project.model
    index = model.index(0, 3)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    redraws: list[float] = []
    live.redrawn.connect(lambda: redraws.append(time.perf_counter()))
    started = time.perf_counter()
    with qtbot.waitSignal(live.redrawn, timeout=30_000):
        for ch in "二〇二六年召开三十次":
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
    print(f"burst of 10 keys → redrawn live preview: {(redraws[0] - started) * 1000:.0f} ms")
    qtbot.wait(120)  # nothing more comes: the burst was one layout
    assert len(redraws) == 1 and project.indicators[0].value.endswith("二〇二六年召开三十次")
    assert live.view.images[0] != before
    assert live.view.images[0] == export_page(opened, project.id, live)  # the export's page, exactly
    # Another project: its table.
    with qtbot.waitSignal(live.redrawn, timeout=30_000):
        opened.tree.select_path((2, 0))
    assert opened.context.document.booklet.departments[2].projects[0].name in live.caption.text()
    # Hidden, it does nothing.
    opened.printing.live_action.trigger()
    assert not live.active
    opened.context.ops.set_field((2, 0, 0), "value", "1次")
    assert not live.timer.isActive() and live.job is None


def export_page(window: Any, project_id: str, live: Any) -> Any:
    """The PDF export's first page of the project, rendered as the dock renders it."""
    from kpi_editor.gui.printing.pages import to_qimage
    from kpi_editor.io.pdf import render_pdf

    document = window.context.document
    data, _ = render_pdf(
        document.booklet,
        template=document.template,
        project_ids=[project_id],
        options=pdf_options(window.context.settings),
    )
    with PdfPages(data) as pages:
        width, _ = pages.size(0)
        dpi = live.view.sizes[0].width() * live.devicePixelRatioF() * 72 / width
        return to_qimage(pages.render(0, dpi))


# -- 导入 PDF 汇编本 ----------------------------------------------------------------------------------


def test_import_pdf_opens_the_same_content(
    opened: Any, qtbot: Any, prompts: Any, tmp_path: Path, small_file: Path
) -> None:
    from kpi_editor.io.projectfile import load_booklet

    original = opened.context.document
    pdf = tmp_path / "booklet.pdf"
    export_pdf(original.booklet, pdf, options=PdfOptions(duplex="units"))
    prompts.paths = [pdf]
    opened.files.import_pdf_action.trigger()
    wait_job(opened, qtbot)
    document = opened.context.document
    assert document is not original and document.path is None and document.modified
    assert diff_booklets(load_booklet(small_file), document.booklet) == []
    assert "已导入" in opened.statusBar().currentMessage()


@pytest.mark.parametrize("content", [b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF", b"not a pdf"])
def test_a_broken_pdf_gives_one_message_and_keeps_the_document(
    opened: Any, qtbot: Any, prompts: Any, tmp_path: Path, content: bytes
) -> None:
    document = opened.context.document
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(content)
    prompts.paths = [broken]
    opened.files.import_pdf_action.trigger()
    wait_job(opened, qtbot)
    errors = [text for kind, text in prompts.asked if kind == "error"]
    assert len(errors) == 1 and str(broken) in errors[0]
    assert opened.context.document is document and not document.modified
    assert "import_report" not in prompts.kinds() and "save_changes" not in prompts.kinds()


def test_copies_order_and_blank_sides_between_two_sided_copies(gui_app: Any) -> None:
    from kpi_editor.gui.printing.printer import chosen_pages, sequence

    assert sequence([0, 1, 2], 2, collate=True, two_sided=False) == [0, 1, 2, 0, 1, 2]
    # Two-sided, an odd count: the second copy must not start on the back of the first's last sheet.
    assert sequence([0, 1, 2], 2, collate=True, two_sided=True) == [0, 1, 2, None, 0, 1, 2]
    assert sequence([0, 1], 3, collate=False, two_sided=True) == [0, 0, 0, 1, 1, 1]
    printer = QPrinter()
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert chosen_pages(printer, 4, 0) == [3, 2, 1, 0]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert chosen_pages(printer, 4, 2) == [2]
    printer.setPageOrder(QPrinter.PageOrder.FirstPageFirst)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 9)  # beyond the last page: only the pages there are
    assert chosen_pages(printer, 4, 0) == [2, 3]

"""Printing the export's pages on a system printer (QPrinter), each page rendered at the
printer's resolution, with nothing half-done when it fails or is cancelled.

Qt cannot abort every job once it has begun: on Windows the spooler drops a job the program
aborts (`QPrinter.abort`, GDI's AbortDoc), but with CUPS (Linux, 统信/麒麟, macOS) Qt writes a spool
file and hands it to CUPS when the painter ends, whatever happened before. So, outside Windows,
pages are painted into a spool file of our own and handed to CUPS with `lp` only once every page
is there; a print to a PDF file goes the same way and replaces the file atomically at the end.
A cancel or a failure before then leaves the printer without a page and the file as it was.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintEngine, QPrinter

from kpi_editor.io.atomic import atomic_output
from kpi_editor.io.pdf.raster import PdfPages

MAX_DPI = 600  # laser printers' own resolution; finer rasters only grow the job
# Qt's PPK_CupsOptions (qcups_p.h): the options the print dialog's 属性 page set, as key, value, …
CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)
Progress = Callable[[int, int], bool]


class PrintError(Exception):
    """A printer or a file refused the job; the message says what and that nothing was printed."""


class PrintCancelled(Exception):
    """The user pressed 取消 before the job went to the printer."""


@dataclass(frozen=True)
class Delivery:
    """Where painted pages go: straight to the printer (Windows), to CUPS with `lp`, or to a file."""

    kind: Literal["direct", "cups", "file"]
    printer_name: str = ""
    target: Path | None = None
    lp_args: list[str] = field(default_factory=list)
    # Whether the job holds the copies itself: the PDF writer knows no copies; CUPS and most
    # Windows drivers make them from one job.
    repeat_copies: bool = False

    def cancelled_text(self) -> str:
        if self.kind == "file":
            return QCoreApplication.translate("printing", "打印已取消，未写入文件")
        return QCoreApplication.translate("printing", "打印已取消，打印机没有收到任何一页")

    def nothing_done_text(self) -> str:
        if self.kind == "file":
            return QCoreApplication.translate("printing", "未写入文件。")
        return QCoreApplication.translate("printing", "打印机没有收到任何一页。")


@dataclass(frozen=True)
class Printed:
    """What a finished job printed: sides of paper painted (blank ones included) and where."""

    pages: int
    where: str
    job: str = ""  # the CUPS request id


def prepare(printer: QPrinter, page_size: tuple[float, float], title: str, duplex: bool) -> None:
    """Defaults before the print dialog: the PDF's paper (A4) with no margin of Qt's own (the pages
    carry theirs), grey (the booklet has no colour: a quarter of the data), two-sided when the
    layout is, the document's name for the queue."""
    width, height = page_size
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setDocName(title)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if duplex else QPrinter.DuplexMode.DuplexNone)


def chosen_pages(printer: QPrinter, count: int, current: int) -> list[int]:
    """The 0-based pages the print dialog chose: all, the current one, or a range such as 2-5,8."""
    match printer.printRange():
        case QPrinter.PrintRange.CurrentPage:
            pages = [current]
        case QPrinter.PrintRange.PageRange:
            ranges = printer.pageRanges()
            if not ranges.isEmpty():
                pages = [p - 1 for r in ranges.toRangeList() for p in range(r.from_, r.to + 1)]
            else:
                pages = list(range(printer.fromPage() - 1, printer.toPage()))
        case _:
            pages = list(range(count))
    pages = [p for p in pages if 0 <= p < count]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def sequence(pages: list[int], copies: int, collate: bool, two_sided: bool) -> list[int | None]:
    """Sides to paint, copies made by us: collated copies run the pages again (a blank side between
    copies when two-sided and the count is odd, so a copy never starts on the back of the last);
    uncollated ones repeat each page."""
    if copies <= 1:
        return list(pages)
    if not collate:
        return [p for p in pages for _ in range(copies)]
    out: list[int | None] = []
    for n in range(copies):
        if n and two_sided and len(pages) % 2:
            out.append(None)
        out.extend(pages)
    return out


def delivery_for(printer: QPrinter) -> Delivery:
    """How this printer gets its pages (read before the job: the spool file changes the printer)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        name = printer.outputFileName()
        if not name:
            raise PrintError(QCoreApplication.translate("printing", "没有指定要打印到的文件。"))
        target = Path(name)
        if not target.parent.is_dir():
            raise PrintError(
                QCoreApplication.translate("printing", "无法打印到 {path}：文件夹不存在。").format(
                    path=target
                )
            )
        return Delivery("file", target=target, repeat_copies=True)
    name = printer.printerName()
    if sys.platform == "win32":
        return Delivery("direct", printer_name=name, repeat_copies=not printer.supportsMultipleCopies())
    args = ["-d", name, "-t", printer.docName() or "kpi-editor"]
    if printer.copyCount() > 1:
        args += ["-n", str(printer.copyCount()), "-o", f"collate={str(printer.collateCopies()).lower()}"]
    sides = {
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    }.get(printer.duplex(), "one-sided")
    args += ["-o", f"sides={sides}", "-o", f"media={printer.pageLayout().pageSize().key()}"]
    options = printer.printEngine().property(CUPS_OPTIONS) or []
    for key, value in zip(options[0::2], options[1::2], strict=False):
        args += ["-o", f"{key}={value}"]
    return Delivery("cups", printer_name=name, lp_args=args)


def print_work(
    data: bytes, printer: QPrinter, sides: list[int | None], delivery: Delivery, dpi: int
) -> Callable[[Progress], Printed]:
    """The job: paint `sides` (page indices, None for a blank side) of the PDF `data` at `dpi`
    (the printer's, at most MAX_DPI), then hand the result over; runs in a worker thread (Qt paints
    on a QPrinter from any thread)."""
    resolution = min(dpi, MAX_DPI)
    gray = printer.colorMode() == QPrinter.ColorMode.GrayScale

    def work(progress: Progress) -> Printed:
        try:
            return deliver(progress)
        except PrintCancelled:
            raise
        except PrintError as exc:
            raise PrintError(f"{exc}{delivery.nothing_done_text()}") from None
        except Exception as exc:  # a worker must report, never die: Qt or the disk refused
            raise PrintError(f"{exc or type(exc).__name__}。{delivery.nothing_done_text()}") from None

    def deliver(progress: Progress) -> Printed:
        with tempfile.TemporaryDirectory(prefix="kpi-print-") as folder:
            spool = Path(folder) / "print.pdf"
            if delivery.kind != "direct":
                printer.setOutputFileName(str(spool))
            _paint(data, printer, sides, delivery, resolution, gray, progress)
            if delivery.kind == "file":
                assert delivery.target is not None
                _copy(spool, delivery.target)
                return Printed(len(sides), str(delivery.target))
            if delivery.kind == "cups":
                return Printed(len(sides), delivery.printer_name, _submit(spool, delivery))
            return Printed(len(sides), delivery.printer_name)

    return work


def _paint(
    data: bytes,
    printer: QPrinter,
    sides: list[int | None],
    delivery: Delivery,
    resolution: int,
    gray: bool,
    progress: Progress,
) -> None:
    name = delivery.printer_name or str(delivery.target)
    with PdfPages(data) as pages:
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(
                QCoreApplication.translate(
                    "printing", "无法开始打印：打印机“{name}”不可用或拒绝了打印任务。"
                ).format(name=name)
            )
        finished = False
        try:
            for n, index in enumerate(sides):
                if not progress(n, len(sides)):
                    raise PrintCancelled
                if n and not printer.newPage():
                    raise PrintError(
                        QCoreApplication.translate("printing", "打印机“{name}”不接受第 {page} 页。").format(
                            name=name, page=n + 1
                        )
                    )
                if index is not None:
                    _draw(painter, printer, pages, index, resolution, gray)
            progress(len(sides), len(sides))
            finished = True
        finally:
            if not finished and delivery.kind == "direct":
                printer.abort()  # the spooler drops the job: no page comes out
            ended = painter.end()
    if not ended:
        raise PrintError(
            QCoreApplication.translate("printing", "打印任务没有写完（打印机“{name}”或磁盘出错）。").format(
                name=name
            )
        )


def _draw(
    painter: QPainter, printer: QPrinter, pages: PdfPages, index: int, resolution: int, gray: bool
) -> None:
    """Page `index` on the sheet at its own size (smaller only if the paper is), centred, rendered
    with as many pixels as the printer prints (up to `resolution` dpi)."""
    device_dpi = printer.resolution()
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Inch)  # exact: pixels would round A4 down
    width, height = pages.size(index)
    scale = min(1.0, paper.width() * 72 / width, paper.height() * 72 / height)
    if scale > 0.999:  # the PDF's A4 and Qt's differ in the fourth decimal
        scale = 1.0
    target = QRectF(0, 0, width / 72 * device_dpi * scale, height / 72 * device_dpi * scale)
    target.moveCenter(QPointF(paper.width() * device_dpi / 2, paper.height() * device_dpi / 2))
    raster = pages.render(index, scale * min(device_dpi, resolution), gray=gray)
    fmt = QImage.Format.Format_Grayscale8 if gray else QImage.Format.Format_ARGB32
    image = QImage(raster.data, raster.width, raster.height, raster.stride, fmt)  # `raster` outlives it
    painter.drawImage(target, image)


def _copy(spool: Path, target: Path) -> None:
    try:
        with atomic_output(target) as handle, spool.open("rb") as source:
            shutil.copyfileobj(source, handle, 1 << 20)
    except OSError as exc:
        raise PrintError(
            QCoreApplication.translate("printing", "无法写入 {path}：{error}。").format(
                path=target, error=exc.strerror or exc
            )
        ) from None


def _submit(spool: Path, delivery: Delivery) -> str:
    """Hand the finished spool file to CUPS; the request id it gives, e.g. ``HP-42``."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError(
            QCoreApplication.translate(
                "printing", "找不到 CUPS 的 lp 命令，无法把打印任务交给打印机“{name}”。"
            ).format(name=delivery.printer_name)
        )
    try:
        done = subprocess.run(
            [lp, *delivery.lp_args, "--", str(spool)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintError(
            QCoreApplication.translate("printing", "无法把打印任务交给打印机“{name}”：{error}").format(
                name=delivery.printer_name, error=exc
            )
        ) from None
    if done.returncode != 0:
        raise PrintError(
            QCoreApplication.translate("printing", "打印机“{name}”拒绝了打印任务：{error}").format(
                name=delivery.printer_name, error=(done.stderr or done.stdout).strip() or done.returncode
            )
        )
    words = done.stdout.split()
    # lp says "request id is HP-42 (1 file(s))"; the id is what lpstat and 取消打印 name.
    return words[words.index("is") + 1] if "is" in words[:-1] else ""


__all__ = [
    "MAX_DPI",
    "Delivery",
    "PrintCancelled",
    "PrintError",
    "Printed",
    "chosen_pages",
    "delivery_for",
    "prepare",
    "print_work",
    "sequence",
]

"""The indicator library in the window: loading it, the 指标库 panel per keystroke, 推荐指标, the
list on a skeleton row, and what remembering a save in the personal library costs the save.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_library_gui.py [--repeat 5]

Libraries: the shipped one (共性 set + the sample's rows, ~3,000 rows) and the shipped one plus a
bureau file built from the 10× corpus with every copy's 三级 names made distinct (~36,000 more
rows), as `bench_library.py` builds it. Keystroke: one character sent to the panel's search box
→ the list refilled and repainted (all GUI-thread time). Load: from the request to the index
being ready in the worker thread, with the longest gap the GUI thread's 10 ms timer saw meanwhile
(how much the worker holds up the window: Python lets another thread run between bytecodes, not
during one long C call such as pydantic validating a big file). Save: `EditorContext.save` on the sample and on a
10× booklet, with the personal-library hook and without it; the worker's own time after it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import print_table, scaled

WORDS = ["满意度", "培训人次", "会议", "完成时间", "验收合格率"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-library-gui-"))
    os.environ["KPI_EDITOR_CONFIG_DIR"] = str(tmp / "config")
    os.environ["KPI_EDITOR_STATE_DIR"] = str(tmp / "state")

    from bench_library import SAMPLE, _distinct_copy
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kpi_editor.app.settings import Settings
    from kpi_editor.domain.template import load_template
    from kpi_editor.gui.app import install_font
    from kpi_editor.gui.library.store import bureau_folder, personal_folder
    from kpi_editor.gui.main_window import MainWindow
    from kpi_editor.io.libraryfile import booklet_library, save_library
    from kpi_editor.io.projectfile import load_booklet, save_booklet

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_font(app)  # type: ignore[arg-type]
    template = load_template("xiqu-2026")
    sample = load_booklet(SAMPLE)
    sample_copy = tmp / "xiqu-2026.kpi.json"
    save_booklet(sample, sample_copy)
    big_booklet = tmp / "tenfold.kpi.json"
    save_booklet(scaled(sample, 10), big_booklet)
    big_library = booklet_library([(_distinct_copy(sample, 10), None)], template, name="10×")

    def wait(condition: object, limit: float = 120.0) -> None:
        start = time.perf_counter()
        while not condition() and time.perf_counter() - start < limit:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.001)

    def load(window: MainWindow) -> tuple[float, float, int]:
        """Seconds to a ready index, the longest GUI-thread gap meanwhile, the dock's first showing,
        the library's rows."""
        gaps: list[int] = []
        clock = QElapsedTimer()
        clock.start()
        ticker = QTimer()
        ticker.setInterval(10)
        ticker.timeout.connect(lambda: gaps.append(clock.restart()))
        ticker.start()
        start = time.perf_counter()
        window.library.store.request(template)
        wait(lambda: not window.library.store.loading)
        seconds = time.perf_counter() - start
        ticker.stop()
        index = window.library.store.index
        assert index is not None, window.library.store.errors
        start = time.perf_counter()
        window.library.dock.show()
        app.processEvents()
        shown = time.perf_counter() - start
        return seconds, (max(gaps) if gaps else 0) / 1000, shown, len(index.library.rows)

    def keystrokes(window: MainWindow, **filters: str) -> list[float]:
        panel = window.library.panel
        if "level2" in filters:
            panel.level2_combo.setCurrentIndex(panel.level2_combo.findData(filters["level2"]))
        times = []
        for _ in range(args.repeat):
            for word in WORDS:
                panel.search_edit.clear()
                app.processEvents()
                for ch in word:
                    start = time.perf_counter()
                    QTest.sendKeyEvent(
                        QTest.KeyAction.Click,
                        panel.search_edit,
                        Qt.Key.Key_unknown,
                        ch,
                        Qt.KeyboardModifier.NoModifier,
                    )
                    panel.view.viewport().repaint()
                    times.append(time.perf_counter() - start)
        panel.level2_combo.setCurrentIndex(0)
        panel.search_edit.clear()
        return times

    def dialog_open(window: MainWindow) -> list[float]:
        times = []
        for path in [(d, 0) for d in range(0, 40, 4)]:
            window.tree.select_path(path)
            start = time.perf_counter()
            dialog = window.library.suggest()
            assert dialog is not None
            dialog.repaint()
            times.append(time.perf_counter() - start)
            dialog.reject()
            app.processEvents()
        return times

    def skeleton_list(window: MainWindow) -> list[float]:
        times = []
        window.tree.select_path((0, 0))
        window.structure.add_project()
        page = window.pages.project
        table = page.table
        for row in range(6):
            for _ in range(args.repeat):
                page.select_cell(row, "name")
                start = time.perf_counter()
                QTest.keyClick(table, Qt.Key.Key_F2)
                wait(lambda: window.library.rows.visible, 5)
                times.append(time.perf_counter() - start)
                editor = table.indexWidget(table.currentIndex())
                QTest.keyClick(editor, Qt.Key.Key_Escape)
                QTest.keyClick(editor, Qt.Key.Key_Escape)
        assert window.context.document is not None
        window.context.document.undo_stack.undo()
        return times

    def saves(window: MainWindow, path: Path) -> dict[str, float]:
        document = window.context.document
        if document is not None:
            document.undo_stack.setClean()
        if document is None or document.path != path:
            assert window.files.open_file(path)
        context = window.context
        document = context.document
        assert document is not None
        plain, hooked, worker = [], [], []
        for _ in range(args.repeat):
            context.saved.disconnect(window.library._saved)
            start = time.perf_counter()
            assert context.save_to(path)
            plain.append(time.perf_counter() - start)
            context.saved.connect(window.library._saved)
            start = time.perf_counter()
            assert context.save_to(path)
            hooked.append(time.perf_counter() - start)
            wait(lambda: not window.library.store.remembering)
            worker.append(time.perf_counter() - start)
        return {
            "plain": statistics.median(plain),
            "hooked": statistics.median(hooked),
            "worker": statistics.median(worker),
        }

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.1f} (max {max(values) * 1000:.1f})"

    columns: dict[str, dict[str, str]] = {}
    saved: dict[str, str] = {}
    for label in ("shipped library", "shipped + 10× bureau library"):
        if label.startswith("shipped +"):
            bureau_folder().mkdir(parents=True, exist_ok=True)
            save_library(big_library, bureau_folder() / "tenfold.library.json")
        window = MainWindow(Settings())
        window.show()
        assert window.files.open_file(sample_copy)
        window.tree.select_path((3, 1))
        seconds, gap, shown, rows = load(window)
        column = {
            "library rows": str(rows),
            "load + index in the worker, s": f"{seconds:.2f}",
            "longest GUI-thread gap while it builds, ms": f"{gap * 1000:.0f}",
            "dock shown with the most used rows, ms": f"{shown * 1000:.0f}",
            "panel keystroke → list repainted, ms": ms(keystrokes(window)),
            "panel keystroke, 二级 = 数量指标, ms": ms(keystrokes(window, level2="数量指标")),
            "推荐指标 dialog open (suggest + fill), ms": ms(dialog_open(window)),
            "skeleton row: F2 → list shown, ms": ms(skeleton_list(window)),
        }
        columns[label] = column
        window.library.dock.hide()
        if label == "shipped library":
            for name, path in (("sample", sample_copy), ("10× booklet", big_booklet)):
                figures = saves(window, path)
                saved[name] = (
                    f"{figures['plain'] * 1000:.0f} ms without, {figures['hooked'] * 1000:.0f} ms with the hook; "
                    f"worker done after {figures['worker'] * 1000:.0f} ms"
                )
            shutil.rmtree(personal_folder())  # the next column loads what a bureau sends, no more
        assert window.context.document is not None
        window.context.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        app.processEvents()
    labels = list(columns["shipped library"])
    print_table(
        "indicator library in the window (median, max)",
        [
            (name, columns["shipped library"][name], columns["shipped + 10× bureau library"][name])
            for name in labels
        ],
        ("", "shipped library", "shipped + 10× bureau library"),
    )
    print_table("save with the personal library hook (median)", list(saved.items()), ("file", "save"))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

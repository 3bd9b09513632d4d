"""Editor window timings on the bundled sample and a 10× copy (medians; not a test).

    QT_QPA_PLATFORM=offscreen python3 bench/bench_gui.py

open→shown: from Document.open to a shown window with the tree populated and the first project
selected; scroll: one full pass of the tree with every department expanded, per page step;
keystroke: one character typed into an indicator cell editor → findings updated (panel, tree);
revalidate: the debounced whole-booklet pass (engine + findings panel + tree marks, all GUI-thread
time) with every project expanded in the tree, where a row refreshed needlessly costs the most.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kpi_editor.app.commands import duplicate  # noqa: E402
from kpi_editor.app.settings import Settings  # noqa: E402
from kpi_editor.gui.main_window import MainWindow  # noqa: E402
from kpi_editor.io.projectfile import load_booklet, save_booklet  # noqa: E402
from kpi_editor.paths import sample_path  # noqa: E402

REPEATS = 5


def make_tenfold(directory: Path) -> Path:
    booklet = load_booklet(sample_path())
    copies = [duplicate(d) for _ in range(9) for d in booklet.departments]
    for n, department in enumerate(copies):
        department.code = f"{900000 + n:06d}"
    booklet.departments.extend(copies)
    path = directory / "tenfold.kpi.json"
    save_booklet(booklet, path)
    return path


def open_window(app: QApplication, path: Path) -> tuple[float, MainWindow]:
    start = time.perf_counter()
    window = MainWindow(Settings())
    assert window.files.open_file(path)
    window.show()
    window.tree.select_path((0, 0))
    app.processEvents()
    return time.perf_counter() - start, window


def scroll_pass(app: QApplication, window: MainWindow) -> float:
    tree = window.tree.view
    tree.expandToDepth(0)
    app.processEvents()
    bar = tree.verticalScrollBar()
    steps = 0
    start = time.perf_counter()
    bar.setValue(0)
    while bar.value() < bar.maximum() and steps < 400:
        bar.setValue(bar.value() + bar.pageStep())
        tree.viewport().repaint()
        steps += 1
    return (time.perf_counter() - start) / max(steps, 1)


def keystrokes(app: QApplication, window: MainWindow, count: int = 40) -> list[float]:
    page = window.pages.project
    table = page.table
    index = page.model.index(0, 3)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    app.processEvents()
    times = []
    for i in range(count):
        ch = "显著提高"[i % 4]
        start = time.perf_counter()
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
        app.processEvents()
        times.append(time.perf_counter() - start)
    table.closeEditor(editor, table.itemDelegate().EndEditHint.NoHint)
    document = window.context.document
    assert document is not None
    document.undo_stack.undo()
    return times


def revalidate(app: QApplication, window: MainWindow) -> float:
    window.tree.view.expandAll()
    app.processEvents()
    document = window.context.document
    assert document is not None
    start = time.perf_counter()
    document.validate_all()
    app.processEvents()
    return time.perf_counter() - start


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KPI_EDITOR_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["KPI_EDITOR_STATE_DIR"] = str(Path(tmp) / "state")
        from kpi_editor.gui.app import install_font

        install_font(app)  # type: ignore[arg-type]
        tenfold = make_tenfold(Path(tmp))
        rows = []
        for label, path in (("sample (327 projects)", sample_path()), ("10× copy (3270 projects)", tenfold)):
            opens, scrolls, keys, passes = [], [], [], []
            for _ in range(REPEATS):
                seconds, window = open_window(app, path)
                opens.append(seconds)
                keys.extend(keystrokes(app, window))
                scrolls.append(scroll_pass(app, window))
                passes.append(revalidate(app, window))
                assert window.context.document is not None
                window.context.document.undo_stack.setClean()
                window.close()
                window.deleteLater()
                app.processEvents()
            medians = (opens, scrolls, keys, passes)
            rows.append((label, *(statistics.median(m) for m in medians)))
    print(
        f"{'document':<28}{'open→shown (s)':>16}{'scroll step (ms)':>18}{'keystroke→findings (ms)':>26}"
        f"{'revalidate, expanded (ms)':>28}"
    )
    for label, opened, scroll, key, whole in rows:
        print(f"{label:<28}{opened:>16.3f}{scroll * 1000:>18.2f}{key * 1000:>26.2f}{whole * 1000:>28.1f}")


if __name__ == "__main__":
    main()

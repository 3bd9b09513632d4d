"""Live preview dock: a keystroke in an indicator cell → the redrawn page on screen, in the window.

The real editor window with the sample (and a 10× copy) open and 视图 ▸ 实时预览 shown; one
Chinese character is typed into the 指标值 cell of a median project and of the longest (28 rows,
two pages), and the time is taken from the key event to the dock's `redrawn` signal (emitted by
the page's paintEvent once the new pages are painted): the edit's own handling, the layout in a
worker (`render_pdf` of that one project) and the rasterising. One keystroke after a pause is laid
out at once; in a burst (five keys 20 ms apart) the dock waits until typing pauses for 50 ms, so
the burst is timed from its last key to the page showing all five. Medians and the slowest of
`--repeat` keystrokes (bursts) per project. Not a test.

    QT_QPA_PLATFORM=offscreen python bench/bench_live_preview.py [--repeat N]
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from common import print_table, run_scales, scaled

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kpi_editor.app.settings import Settings
    from kpi_editor.gui.app import install_font
    from kpi_editor.io.projectfile import load_booklet, save_booklet
    from kpi_editor.paths import sample_path

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KPI_EDITOR_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["KPI_EDITOR_STATE_DIR"] = str(Path(tmp) / "state")
        app = QApplication.instance() or QApplication([])
        install_font(app)  # type: ignore[arg-type]
        from kpi_editor.gui.main_window import MainWindow

        booklet = scaled(load_booklet(sample_path()), factor)
        path = Path(tmp) / "booklet.kpi.json"
        save_booklet(booklet, path)
        window = MainWindow(Settings())
        window.resize(1400, 900)
        window.show()
        assert window.files.open_file(path)
        window.printing.dock.show()
        live = window.printing.live
        painted: list[float] = []
        live.redrawn.connect(lambda: painted.append(time.perf_counter()))

        def wait_redrawn(count: int) -> None:
            # The event loop itself, not a processEvents() spin: a spinning GUI thread would hold
            # the GIL and slow the worker three times over, which the real window never does.
            loop = QEventLoop()
            live.redrawn.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)
            if len(painted) < count:
                loop.exec()
            live.redrawn.disconnect(loop.quit)
            assert len(painted) >= count, "the live preview was not redrawn"

        def pause(ms: int) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        def wait_idle() -> None:
            """Until the dock has nothing left to lay out (the burst's last page is on screen)."""
            end = time.perf_counter() + 30
            while (
                live.timer.isActive() or live.job is not None or live._pending
            ) and time.perf_counter() < end:
                pause(1)
            pause(30)  # the last layout's paint event

        projects = sorted(
            ((d, p) for d, dep in enumerate(booklet.departments) for p in range(len(dep.projects))),
            key=lambda dp: len(booklet.departments[dp[0]].projects[dp[1]].indicators),
        )
        cases = {"median project": projects[len(projects) // 2], "longest project": projects[-1]}
        out: dict[str, float] = {}
        for label, (d, p) in cases.items():
            window.tree.select_path((d, p))
            wait_redrawn(len(painted) + 1)
            page = window.pages.project
            table, model = page.table, page.model
            index = model.index(0, 3)
            table.setFocus()
            table.setCurrentIndex(index)
            table.edit(index)
            editor = table.indexWidget(index)
            assert editor is not None
            times = []
            for i in range(repeat):
                before = len(painted)
                start = time.perf_counter()
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click,
                    editor,
                    Qt.Key.Key_unknown,
                    "改动"[i % 2],
                    Qt.KeyboardModifier.NoModifier,
                )
                wait_redrawn(before + 1)
                times.append(painted[before] - start)
            bursts = []
            for _ in range(repeat):
                for ch in "快速连续输入"[:5]:
                    last = time.perf_counter()
                    QTest.sendKeyEvent(
                        QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
                    )
                    pause(20)
                wait_idle()
                bursts.append(painted[-1] - last)
            table.closeEditor(editor, table.itemDelegate().EndEditHint.NoHint)
            out[f"{label}: keystroke → redrawn, median"] = statistics.median(times)
            out[f"{label}: keystroke, slowest"] = max(times)
            out[f"{label}: burst's last key → redrawn, median"] = statistics.median(bursts)
            out[f"{label}: burst, slowest"] = max(bursts)
        window.context.document.undo_stack.setClean()
        window.close()
        return out


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=20)
    rows = [(k, *(f"{runs[f][k] * 1000:.0f} ms" for f in (1, 10))) for k in runs[1]]
    print_table(
        f"Live preview dock: one typed character → the page redrawn ({repeat} keystrokes each)",
        rows,
        ("step", "sample (327 projects)", "10× copy"),
    )


if __name__ == "__main__":
    main()

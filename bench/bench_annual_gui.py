"""The annual cycle in the window (offscreen), on the sample and a 10× copy (medians; not a test).

rollover → shown: 由上年度新建's 新建 to the new unsaved document shown with its report dialog;
year / template change: the cover's preview dialog built (the plan and its report shown), 确定
(the plan applied as one undo step, the views refreshed), and its undo. Each scale runs in a fresh
subprocess. Usage: QT_QPA_PLATFORM=offscreen python bench/bench_annual_gui.py [--repeat N]
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import print_table, run_scales, scaled

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Answers:
    """The window's questions answered without a dialog: discard, never ask twice."""

    def save_changes(self, _name: str) -> str:
        return "discard"

    def __getattr__(self, _name: str) -> object:
        return lambda *args, **kwargs: None


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kpi_editor.app.settings import Settings
    from kpi_editor.gui.app import install_font
    from kpi_editor.gui.main_window import MainWindow
    from kpi_editor.io.projectfile import load_booklet, save_booklet
    from kpi_editor.paths import sample_path

    tmp = Path(tempfile.mkdtemp())
    os.environ["KPI_EDITOR_CONFIG_DIR"] = str(tmp / "config")
    os.environ["KPI_EDITOR_STATE_DIR"] = str(tmp / "state")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_font(app)  # type: ignore[arg-type]
    source = tmp / "xiqu-2026.kpi.json"
    booklet = scaled(load_booklet(sample_path()), factor)
    save_booklet(booklet, source)
    window = MainWindow(Settings(), Answers())  # type: ignore[arg-type]
    window.show()
    results: dict[str, float] = {}

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    def reopen() -> None:
        # Closed first: opening the file this window already has open would warn of its own lock.
        assert window.context.close_document()
        assert window.context.open_path(source)
        settle()

    def roll() -> None:
        dialog = window.annual.new_from_previous()
        assert dialog.run()
        settle()
        assert window.annual.report_dialog is not None
        window.annual.report_dialog.close()

    times = []
    for _ in range(repeat):
        reopen()
        start = time.perf_counter()
        roll()
        times.append(time.perf_counter() - start)
    results["rollover → shown with its report"] = statistics.median(times)

    for label, open_dialog in (
        ("year change", lambda: window.pages.booklet.change_year()),
        ("template change", lambda: window.pages.booklet.change_template()),
    ):
        reopen()
        document = window.context.document
        assert document is not None
        previews, applies, undos = [], [], []
        for _ in range(repeat):
            start = time.perf_counter()
            dialog = open_dialog()
            settle()
            previews.append(time.perf_counter() - start)
            start = time.perf_counter()
            assert dialog.apply()
            settle()
            applies.append(time.perf_counter() - start)
            if dialog.followup is not None:
                dialog.followup.close()
            start = time.perf_counter()
            document.undo_stack.undo()
            settle()
            undos.append(time.perf_counter() - start)
        results[f"{label}: preview shown"] = statistics.median(previews)
        results[f"{label}: 确定 (one step)"] = statistics.median(applies)
        results[f"{label}: undo"] = statistics.median(undos)
        results[f"{label}: edits"] = float(len(dialog.plan.edits)) if dialog.plan else 0.0
    results["projects"] = booklet.project_count
    results["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=3)
    counts = ("projects", "peak MB", "year change: edits", "template change: edits")
    keys = [k for k in runs[1] if k not in counts]
    rows = [(k, *(f"{runs[f][k]:.2f} s" for f in (1, 10))) for k in keys]
    for k in counts[:1] + counts[2:]:
        rows.append((k, *(str(int(runs[f][k])) for f in (1, 10))))
    rows.append(("peak memory", *(f"{runs[f]['peak MB']:.0f} MB" for f in (1, 10))))
    print_table(f"annual cycle in the window (median of {repeat})", rows, ("step", "sample", "10× copy"))


if __name__ == "__main__":
    main()

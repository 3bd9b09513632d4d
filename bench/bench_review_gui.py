"""The review loop in the window, on the corpus and a 10× copy (medians; not a test).

    QT_QPA_PLATFORM=offscreen python3 bench/bench_review_gui.py [--repeat N]

Every unit expanded in the tree, the 审核 dock shown, review mode on. approve all: Ctrl+1 on every
unit (the error check before approving, one undo step, the tree's 审核 column and roll-ups, the
panel and the status-bar counts repainted); undo: Ctrl+Z of that step; edit → flagged: one amount
of an approved project changed, until the tree shows 待复审; sort / filter by status: a click on the
审核 header, and the 已修改待复审 filter, with every project approved; counts: the status bar's
progress counts; merge 4 resubmissions: 汇编合并 of four units' changed files into the booklet,
review state carried over.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import CORPUS, median_time, print_table, run_scales, scaled


class Answers:
    """What the window asks, answered: approve projects with errors too, replace on merge."""

    def approve_with_errors(self, blockers: Any, total: int) -> str:
        return "all"

    def confirm(self, title: str, text: str) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kpi_editor.app.document import Document
    from kpi_editor.app.settings import Settings
    from kpi_editor.domain.review import EffectiveStatus, ReviewStatus
    from kpi_editor.gui.main_window import MainWindow
    from kpi_editor.gui.tree.model import REVIEW
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.submission import export_submission, submission_file_name

    app = QApplication.instance() or QApplication([])
    booklet = scaled(import_booklet_text(CORPUS)[0], factor)
    window = MainWindow(Settings(reviewer_name="李审核"), Answers())  # type: ignore[arg-type]
    window.resize(1500, 900)
    window.show()
    context = window.context
    context.open_unsaved(Document(booklet))
    document, ops = context.document, context.ops
    assert document is not None and ops is not None
    window.review.review_action.setChecked(True)
    window.tree.view.expandToDepth(0)
    app.processEvents()
    units = [(d,) for d in range(len(booklet.departments))]
    stack = document.undo_stack
    results: dict[str, float] = {"projects": booklet.project_count}

    def approve_all() -> None:
        assert ops.set_statuses(units, ReviewStatus.APPROVED, "李审核")
        window.review.update_progress()
        app.processEvents()

    def undo() -> None:
        stack.undo()
        window.review.update_progress()
        app.processEvents()

    approved, undone = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        approve_all()
        approved.append(time.perf_counter() - start)
        start = time.perf_counter()
        undo()
        undone.append(time.perf_counter() - start)
    results["approve all"] = sorted(approved)[len(approved) // 2]
    results["undo"] = sorted(undone)[len(undone) // 2]
    approve_all()

    model = window.tree.model
    assert model is not None
    window.review.review_action.setChecked(False)
    project = document.item((1, 0))

    def edit() -> None:
        assert ops.set_amount((1, 0), "total", (project.funding.total or Decimal(0)) + 1)
        app.processEvents()
        assert model.data(model.index_for((1, 0), REVIEW)) == "待复审"
        stack.undo()
        app.processEvents()

    results["edit → flagged (and undo)"] = median_time(edit, repeat)
    header = window.tree.view.header()

    def sort() -> None:
        for _ in range(3):  # ascending, descending, back to the booklet's order
            header.sectionClicked.emit(REVIEW)
            app.processEvents()

    results["sort by status (per click)"] = median_time(sort, repeat) / 3
    combo = window.tree.status_filter

    def filtered() -> None:
        combo.setCurrentIndex(combo.findData(EffectiveStatus.CHANGED.value))
        app.processEvents()
        combo.setCurrentIndex(0)
        app.processEvents()

    results["filter 已修改待复审 (and back)"] = median_time(filtered, repeat)
    results["status-bar counts"] = median_time(window.review.update_progress, repeat)

    with tempfile.TemporaryDirectory() as folder:
        files = []
        for d in range(1, 5):
            unit = document.booklet.model_copy(deep=True)
            changed = unit.departments[d].projects[0]
            changed.funding.total = (changed.funding.total or Decimal(0)) + 5
            path = Path(folder) / submission_file_name(unit.departments[d])
            export_submission(unit, unit.departments[d].code, path, "单位填报人")
            files.append(path)
        window.review.review_action.setChecked(True)
        dialog = window.review.merge(files)

        def merge() -> None:
            assert dialog.run_merge() is not None

        results["merge 4 resubmissions"] = median_time(merge, repeat)
        dialog.close()
    results["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    return results


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=3)
    rows = [("projects", *(str(int(runs[f]["projects"])) for f in (1, 10)))]
    for key in runs[1]:
        if key not in ("projects", "peak MB"):
            rows.append((key, *(f"{runs[f][key] * 1000:.0f} ms" for f in (1, 10))))
    rows.append(("peak memory", *(f"{runs[f]['peak MB']:.0f} MB" for f in (1, 10))))
    print_table(f"review loop in the window (median of {repeat})", rows, ("step", "corpus", "10× copy"))


if __name__ == "__main__":
    main()

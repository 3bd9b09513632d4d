"""查找和替换 timings on the corpus and a 10× copy (medians; not a test).

    QT_QPA_PLATFORM=offscreen python3 bench/bench_replace.py [--repeat N]

find: `find_replacements` over the whole booklet (2026年 → 2027年, and % → ％, which matches most
指标值); dialog recount: what the dialog does when typing pauses (find + the preview model with
every place named); replace all / undo: `Operations.apply_plan` on an open document (one undo step,
each project revalidated) and Ctrl+Z of that step.
"""

from __future__ import annotations

import os
import resource
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import CORPUS, median_time, print_table, run_scales, scaled

QUERIES = (("2026年", "2027年"), ("%", "％"))


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kpi_editor.app.document import Document
    from kpi_editor.app.settings import Settings
    from kpi_editor.domain.replace import Query, find_replacements
    from kpi_editor.gui.context import EditorContext
    from kpi_editor.gui.search.replace import ReplaceDialog
    from kpi_editor.io.booklet_text import import_booklet_text

    app = QApplication.instance() or QApplication([])
    booklet = scaled(import_booklet_text(CORPUS)[0], factor)
    context = EditorContext(Settings(), prompts=None)
    context.set_document(Document(booklet))
    assert context.document is not None and context.ops is not None
    dialog = ReplaceDialog(context)
    dialog.open_for()
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData("booklet"))
    results: dict[str, float] = {}
    for text, replacement in QUERIES:
        query = Query(text, replacement)
        found = find_replacements(context.document.booklet, query)
        results[f"cells {text}"] = len(found.matches)
        results[f"find {text}"] = median_time(
            lambda q=query: find_replacements(context.document.booklet, q), repeat
        )
        dialog.find_edit.setText(text)
        dialog.replace_edit.setText(replacement)
        results[f"dialog recount {text}"] = median_time(dialog.refresh, repeat)
        applied, undone = [], []
        stack = context.document.undo_stack
        for _ in range(repeat):
            start = time.perf_counter()
            assert context.ops.apply_plan(found.plan())
            applied.append(time.perf_counter() - start)
            start = time.perf_counter()
            stack.undo()
            undone.append(time.perf_counter() - start)
        results[f"replace all {text}"] = sorted(applied)[len(applied) // 2]
        results[f"undo {text}"] = sorted(undone)[len(undone) // 2]
    app.processEvents()
    results["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=5)
    rows = []
    for key in runs[1]:
        if key.startswith("cells"):
            rows.append((key.replace("cells", "matching cells:"), *(str(int(runs[f][key])) for f in (1, 10))))
        elif key != "peak MB":
            rows.append((key, *(f"{runs[f][key] * 1000:.1f} ms" for f in (1, 10))))
    rows.append(("peak memory", *(f"{runs[f]['peak MB']:.0f} MB" for f in (1, 10))))
    print_table(f"find and replace (median of {repeat})", rows, ("step", "corpus", "10× copy"))


if __name__ == "__main__":
    main()

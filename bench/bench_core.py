"""Core benchmark: import, load, validate (booklet and one project) and save, on the corpus and a 10× copy.

Each scenario runs in a fresh subprocess so its peak memory (max RSS) is its own.
Usage: python bench/bench_core.py [--repeat N]
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from common import CORPUS, median_time, print_table, run_scales, scaled


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from kpi_editor.domain.engine import validate_booklet, validate_project
    from kpi_editor.domain.template import load_template
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.projectfile import load_booklet, save_booklet

    results: dict[str, float] = {}
    results["import text"] = (
        median_time(lambda: import_booklet_text(CORPUS), repeat) if factor == 1 else float("nan")
    )
    booklet = scaled(import_booklet_text(CORPUS)[0], factor)
    template = load_template(booklet.template_id)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.kpi.json"
        results["save"] = median_time(lambda: save_booklet(booklet, path, backup=False), repeat)
        results["load"] = median_time(lambda: load_booklet(path), repeat)
        results["validate booklet"] = median_time(lambda: validate_booklet(booklet), repeat)

        def load_and_validate() -> None:
            validate_booklet(load_booklet(path))

        results["load + validate"] = median_time(load_and_validate, repeat)
    projects = [p for _, p in booklet.projects()]
    # One project as the editor validates it on each keystroke: the median over every project.
    per_project = []
    for department, project in booklet.projects():
        start = time.perf_counter()
        validate_project(project, template, booklet.fiscal_year, department)
        per_project.append(time.perf_counter() - start)
    per_project.sort()
    results["validate one project (median)"] = per_project[len(per_project) // 2]
    results["validate one project (max)"] = per_project[-1]
    results["projects"] = len(projects)
    results["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=5)
    keys = [k for k in runs[1] if k not in ("projects", "peak MB")]
    # The 10× copy exists only in memory, so its import from text is not timed ("—").
    rows = [
        (k, *(f"{runs[f][k] * 1000:.2f} ms" if runs[f][k] == runs[f][k] else "—" for f in (1, 10)))
        for k in keys
    ]
    rows.append(("projects", *(str(int(runs[f]["projects"])) for f in (1, 10))))
    rows.append(("peak memory", *(f"{runs[f]['peak MB']:.0f} MB" for f in (1, 10))))
    print_table(f"core benchmark (median of {repeat})", rows, ("step", "corpus", "10× copy"))


if __name__ == "__main__":
    main()

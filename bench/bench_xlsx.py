"""XLSX benchmark: export the corpus booklet in the official layout and import it back, on the corpus
and a 10× copy (targets: ≤ 2 s each for the corpus, linear scaling).

Each size runs in a fresh subprocess so its peak memory (max RSS) is its own. CPU time is shown
beside wall time: on the shared 2-core machine wall time mostly measures the other processes.
Usage: python bench/bench_xlsx.py [--repeat N]
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import CORPUS, print_table, run_scales, scaled


def median_times(func: Callable[[], object], repeat: int) -> list[float]:
    """Median wall and CPU seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return [statistics.median(walls), statistics.median(cpus)]


def scenario(factor: int, repeat: int) -> dict[str, Any]:
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.xlsx import build_workbook, export_xlsx, import_xlsx

    booklet = scaled(import_booklet_text(CORPUS)[0], factor)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "booklet.xlsx"
        results["build workbook (in memory)"] = median_times(lambda: build_workbook(booklet), repeat)
        results["export (build + save)"] = median_times(lambda: export_xlsx(booklet, path), repeat)
        results["import"] = median_times(lambda: import_xlsx(path), repeat)
        read, report = import_xlsx(path)
        if read.model_dump() != booklet.model_dump() or report.issues:
            raise SystemExit("the round trip is not lossless")
        results["file MB"] = path.stat().st_size / 1048576
    results["projects"] = booklet.project_count
    results["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=3)
    timed = ("build workbook (in memory)", "export (build + save)", "import")
    rows = []
    for k in timed:
        (wall1, cpu1), (wall10, cpu10) = runs[1][k], runs[10][k]
        rows.append(
            (
                k,
                f"{wall1:.2f} s",
                f"{cpu1:.2f} s",
                f"{wall10:.2f} s",
                f"{cpu10:.2f} s",
                f"{cpu10 / cpu1:.1f}×",
            )
        )
    for label, key, unit in (
        ("projects", "projects", ""),
        ("file size", "file MB", " MB"),
        ("peak memory", "peak MB", " MB"),
    ):
        rows.append((label, f"{runs[1][key]:.1f}{unit}", "", f"{runs[10][key]:.1f}{unit}", "", ""))
    header = ("step", "corpus wall", "corpus CPU", "10× wall", "10× CPU", "10×/1× CPU")
    print_table(f"xlsx benchmark (median of {repeat})", rows, header)


if __name__ == "__main__":
    main()

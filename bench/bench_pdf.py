"""PDF benchmark: the corpus booklet and its 10× copy, cold (new process, empty layout cache),
warm re-export after one project changed, and peak memory.

Each scale runs in a fresh subprocess so its peak memory (max RSS) is its own. CPU time is shown
beside wall time because the machine is shared: wall time includes other people's load.
Usage: python bench/bench_pdf.py [--repeat N]
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from pathlib import Path

from common import CORPUS, print_table, run_scales, scaled


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.pdf import booklet as pdf_booklet
    from kpi_editor.io.pdf import export_pdf
    from kpi_editor.io.pdf.fonts import resolve_fonts

    booklet = scaled(import_booklet_text(CORPUS)[0], factor)
    resolve_fonts()  # font loading is a one-off per process, reported separately below
    out: dict[str, list[float]] = {"cold wall": [], "cold cpu": [], "warm wall": [], "warm cpu": []}
    pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "b.pdf"
        for i in range(repeat):
            pdf_booklet._CACHE.clear()
            w, c = time.perf_counter(), time.process_time()
            pages = export_pdf(booklet, target).pages
            out["cold wall"].append(time.perf_counter() - w)
            out["cold cpu"].append(time.process_time() - c)
            _, project = next(booklet.projects())
            project.indicators[0].value = f"改动{i}"
            w, c = time.perf_counter(), time.process_time()
            export_pdf(booklet, target)
            out["warm wall"].append(time.perf_counter() - w)
            out["warm cpu"].append(time.process_time() - c)
        size = target.stat().st_size
    result = {k: statistics.median(v) for k, v in out.items()}
    result.update(pages=pages, projects=booklet.project_count, mb=size / 1e6)
    result["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=3)
    rows = [
        (k, *(f"{runs[f][k]:.2f} s" for f in (1, 10)))
        for k in ("cold wall", "cold cpu", "warm wall", "warm cpu")
    ]
    rows.append(("projects", *(str(int(runs[f]["projects"])) for f in (1, 10))))
    rows.append(("pages", *(str(int(runs[f]["pages"])) for f in (1, 10))))
    rows.append(("file size", *(f"{runs[f]['mb']:.1f} MB" for f in (1, 10))))
    rows.append(("peak memory", *(f"{runs[f]['peak MB']:.0f} MB" for f in (1, 10))))
    print_table(
        f"PDF export (median of {repeat}; warm = re-export after one project changed)",
        rows,
        ("step", "corpus", "10× copy"),
    )


if __name__ == "__main__":
    main()

"""Print preview benchmark: an edit to the redrawn preview page, and the booklet for the preview.

Edit → page: change one indicator value of a project, lay out that project's table to PDF bytes
in memory (`render_pdf`, the booklet's own layout) and rasterise its first page at 96 dpi with
pypdfium2 (`PdfPages.render`): what the live preview dock does after each edit. Measured for a
median project and the longest (28 rows, two pages), and for the whole booklet (print preview of
the booklet: render in memory, then one page). CPU beside wall time: the machine is shared.
Usage: python bench/bench_preview.py [--repeat N]
"""

from __future__ import annotations

import statistics
import time

from common import CORPUS, print_table, run_scales, scaled


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.pdf import render_pdf
    from kpi_editor.io.pdf.fonts import resolve_fonts
    from kpi_editor.io.pdf.raster import PdfPages

    booklet = scaled(import_booklet_text(CORPUS)[0], factor)
    resolve_fonts()
    projects = sorted((p for _, p in booklet.projects()), key=lambda p: len(p.indicators))
    cases = {"median project": projects[len(projects) // 2], "longest project": projects[-1]}
    out: dict[str, list[float]] = {}
    for label, project in cases.items():
        render_pdf(booklet, project_ids=[project.id])  # warm: the window has drawn it before
        for i in range(repeat * 3):
            project.indicators[0].value = f"改动{i}"
            w, c = time.perf_counter(), time.process_time()
            data, _ = render_pdf(booklet, project_ids=[project.id])
            with PdfPages(data) as pages:
                pages.render(0, dpi=96)
            out.setdefault(f"{label} wall", []).append(time.perf_counter() - w)
            out.setdefault(f"{label} cpu", []).append(time.process_time() - c)
    for i in range(repeat):
        w = time.perf_counter()
        data, result = render_pdf(booklet)
        with PdfPages(data) as pages:
            pages.render(result.departments[0].pdf_page - 1, dpi=96)
        out.setdefault("booklet wall", []).append(time.perf_counter() - w)
        _, project = next(booklet.projects())
        project.indicators[0].value = f"再改{i}"
    return {k: statistics.median(v) for k, v in out.items()}


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=3)
    keys = list(runs[1])
    rows = [(k, *(f"{runs[f][k] * 1000:.0f} ms" for f in (1, 10))) for k in keys]
    print_table(
        f"Edit → redrawn preview page (median of {repeat * 3}; booklet: median of {repeat})",
        rows,
        ("step", "corpus", "10× copy"),
    )


if __name__ == "__main__":
    main()

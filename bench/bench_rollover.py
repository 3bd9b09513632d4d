"""Annual-cycle benchmark: rollover, fiscal-year and template change plans, diff across years.

On the sample (the corpus as shipped) and a 10× copy, each scale in a fresh subprocess. The year
reader caches cells by text and the 10× copy repeats the sample's texts, so every timed run starts
with the caches cleared: the figures are what a clerk's first rollover costs, not a warm repeat.
Usage: python bench/bench_rollover.py [--repeat N]
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable

from common import median_time, print_table, run_scales, scaled


def cold(func: Callable[[], object]) -> Callable[[], object]:
    from kpi_editor.domain.yearshift import neutral_form, read_cell

    def run() -> object:
        read_cell.cache_clear()
        neutral_form.cache_clear()
        return func()

    return run


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from kpi_editor.domain.diff import diff_booklets
    from kpi_editor.domain.retemplate import plan_template_change
    from kpi_editor.domain.rollover import plan_fiscal_year_change, rollover
    from kpi_editor.io.projectfile import load_booklet
    from kpi_editor.paths import sample_path

    booklet = scaled(load_booklet(sample_path()), factor)
    results: dict[str, float] = {}
    results["rollover (keep amounts)"] = median_time(cold(lambda: rollover(booklet, 2027)), repeat)
    results["rollover (clear amounts)"] = median_time(cold(lambda: rollover(booklet, 2027, "clear")), repeat)
    results["fiscal-year change plan"] = median_time(
        cold(lambda: plan_fiscal_year_change(booklet, 2027)), repeat
    )
    results["template change plan"] = median_time(lambda: plan_template_change(booklet, "mof-2021"), repeat)
    rolled = rollover(booklet, 2027).booklet
    results["diff across years"] = median_time(cold(lambda: diff_booklets(booklet, rolled)), repeat)
    start = time.perf_counter()
    rollover(rolled, 2028)
    results["rollover 2027 → 2028 (once)"] = time.perf_counter() - start
    results["projects"] = booklet.project_count
    results["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=5)
    keys = [k for k in runs[1] if k not in ("projects", "peak MB")]
    rows = [(k, *(f"{runs[f][k] * 1000:.1f} ms" for f in (1, 10))) for k in keys]
    rows.append(("projects", *(str(int(runs[f]["projects"])) for f in (1, 10))))
    rows.append(("peak memory", *(f"{runs[f]['peak MB']:.0f} MB" for f in (1, 10))))
    print_table(f"annual cycle (median of {repeat}, caches cleared)", rows, ("step", "sample", "10× copy"))


if __name__ == "__main__":
    main()

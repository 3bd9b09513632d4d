"""Forms benchmark: converting between templates, validating a structured form, XLSX round trip.

On the sample and a 10× copy, each scale in a fresh subprocess: the sample converted to the 2021
framework (labels, values read into parts, rows reordered) and back, to Sichuan's 元; the converted
booklet validated (weights, units and the rest) and written to and read from a workbook in its
layout (checked equal to what was written).
Usage: python bench/bench_templates.py [--repeat N]
"""

from __future__ import annotations

import resource
import tempfile
from pathlib import Path

from common import median_time, print_table, run_scales, scaled


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from kpi_editor.domain.engine import validate_booklet
    from kpi_editor.domain.retemplate import convert_booklet, plan_template_change
    from kpi_editor.io.projectfile import load_booklet
    from kpi_editor.io.xlsx import export_xlsx, import_xlsx
    from kpi_editor.paths import sample_path

    booklet = scaled(load_booklet(sample_path()), factor)
    results: dict[str, float] = {}
    results["plan xiqu → national-2021"] = median_time(
        lambda: plan_template_change(booklet, "national-2021"), repeat
    )
    results["convert xiqu → national-2021"] = median_time(
        lambda: convert_booklet(booklet, "national-2021"), repeat
    )
    national = convert_booklet(booklet, "national-2021").booklet
    results["convert national-2021 → xiqu"] = median_time(
        lambda: convert_booklet(national, "xiqu-2026"), repeat
    )
    results["convert xiqu → sichuan-2023 (元)"] = median_time(
        lambda: convert_booklet(booklet, "sichuan-2023"), repeat
    )
    results["validate xiqu"] = median_time(lambda: validate_booklet(booklet), repeat)
    results["validate national-2021"] = median_time(lambda: validate_booklet(national), repeat)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.xlsx"
        results["export national-2021 xlsx"] = median_time(lambda: export_xlsx(national, path), 1)
        results["import it back"] = median_time(lambda: import_xlsx(path, template_id="auto"), 1)
        back, _ = import_xlsx(path, template_id="auto")
        assert back == national, "the round trip changed the booklet"
    results["projects"] = booklet.project_count
    results["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def main() -> None:
    runs, repeat = run_scales(__file__, scenario, default_repeat=3)
    keys = [k for k in runs[1] if k not in ("projects", "peak MB")]
    rows = [(k, *(f"{runs[f][k] * 1000:.0f} ms" for f in (1, 10))) for k in keys]
    rows.append(("projects", *(str(int(runs[f]["projects"])) for f in (1, 10))))
    rows.append(("peak memory", *(f"{runs[f]['peak MB']:.0f} MB" for f in (1, 10))))
    print_table(f"forms (median of {repeat}; xlsx once)", rows, ("step", "sample", "10× copy"))


if __name__ == "__main__":
    main()

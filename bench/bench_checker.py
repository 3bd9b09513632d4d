"""Checker benchmark: recall per defect family and false alarms on harmless edits (the kept case set,
``checker_cases.jsonl.gz``), the volume of findings on the real booklet, and validation times.

Usage:
  python bench/bench_checker.py                 measure this checkout
  python bench/bench_checker.py --against DIR   measure another checkout's checker (e.g. an export
                                                of main) on the same cases
  python bench/bench_checker.py --regenerate    rebuild the kept case set (seeded) from this checker
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

parser = argparse.ArgumentParser()
parser.add_argument("--against", type=Path, help="measure the kpi_editor of this checkout instead")
parser.add_argument(
    "--regenerate", action="store_true", help="rewrite checker_cases.jsonl.gz from this checker"
)
parser.add_argument("--repeat", type=int, default=11, help="timing repeats")
args = parser.parse_args()
# The checker measured is this checkout's, or the other checkout's: its package goes first on the
# path, and checker_cases imports it before common puts this checkout on the path too.
sys.path.insert(0, str(args.against.resolve() if args.against else Path(__file__).resolve().parents[1]))
import checker_cases  # noqa: E402
from common import median_time, print_table, scaled  # noqa: E402

import kpi_editor  # noqa: E402
from kpi_editor.domain.edits import PREFACE, Edit, SetValue, apply_plan  # noqa: E402
from kpi_editor.domain.engine import validate_booklet, validate_project  # noqa: E402
from kpi_editor.domain.model import Booklet  # noqa: E402
from kpi_editor.domain.template import load_template  # noqa: E402
from kpi_editor.io.projectfile import load_booklet  # noqa: E402
from kpi_editor.paths import sample_path  # noqa: E402


def _severity(finding: Any) -> str:
    return str(finding.severity)


def _counted(findings: list[Any]) -> Counter[tuple[str, str]]:
    """(rule, severity) → count, errors and warnings only."""
    return Counter((f.rule, _severity(f)) for f in findings if _severity(f) in ("error", "warning"))


def _path_of(edit: Edit) -> tuple[int, ...]:
    return edit.path if isinstance(edit, SetValue) else edit.parent


def working_copy(base: Booklet, edits: list[Edit]) -> Booklet:
    """`base` with only the parts the edits touch copied, so that each case stays cheap."""
    departments = list(base.departments)
    preface = base.preface
    for edit in edits:
        path = _path_of(edit)
        if path[:1] == PREFACE:
            preface = [s.model_copy() for s in base.preface]
            continue
        if path and departments[path[0]] is base.departments[path[0]]:
            department = departments[path[0]]
            departments[path[0]] = department.model_copy(update={"projects": list(department.projects)})
        if len(path) >= 2:
            projects = departments[path[0]].projects
            if projects[path[1]] is base.departments[path[0]].projects[path[1]]:
                projects[path[1]] = projects[path[1]].model_copy(deep=True)
    return base.model_copy(update={"departments": departments, "preface": preface})


def baseline() -> Booklet:
    booklet = load_booklet(sample_path())
    apply_plan(booklet, checker_cases.baseline_edits(booklet))
    return booklet


def regenerate() -> None:
    booklet = baseline()
    findings = validate_booklet(booklet)
    counted = {f.project_id for f in findings if _severity(f) in ("error", "warning")}
    clean = {p.id for _, p in booklet.projects() if p.id not in counted}
    assert not [f for f in findings if f.project_id is None and _severity(f) in ("error", "warning")]
    cases = checker_cases.generate(booklet, clean)
    checker_cases.write_cases(cases)
    print(
        f"{len(clean)} clean tables of {booklet.project_count}; {len(cases)} cases → {checker_cases.CASES_FILE}"
    )


def measure_cases() -> None:
    booklet = baseline()
    template = load_template(booklet.template_id)
    year = booklet.fiscal_year
    cases = checker_cases.read_cases()
    whole_before = _counted(validate_booklet(booklet, template))
    project_before: dict[tuple[int, int], Counter[tuple[str, str]]] = {}
    rows: dict[tuple[str, str], dict[str, int]] = defaultdict(Counter)  # (family, kind) → tallies
    families: dict[str, dict[str, int]] = defaultdict(Counter)
    caught_by: dict[str, Counter[str]] = defaultdict(Counter)
    false_errors: list[str] = []
    for case in cases:
        copy = working_copy(booklet, case.edits)
        apply_plan(copy, case.edits)
        if case.scope == "booklet" or case.project is None:
            before, after = whole_before, _counted(validate_booklet(copy, template))
        else:
            d, p = case.project
            if case.project not in project_before:
                department = booklet.departments[d]
                project_before[case.project] = _counted(
                    validate_project(department.projects[p], template, year, department)
                )
            department = copy.departments[d]
            before = project_before[case.project]
            after = _counted(validate_project(department.projects[p], template, year, department))
        new = after - before
        tally = rows[(case.family, case.kind)]
        family = families[case.family]
        tally["cases"] += 1
        family["cases"] += 1
        if case.harmless:
            errors = sum(n for (rule, sev), n in new.items() if sev == "error")
            warnings = sum(n for (rule, sev), n in new.items() if sev == "warning")
            tally["new errors"] += errors
            tally["new warnings"] += warnings
            tally["cases with a new error"] += bool(errors)
            tally["cases with a new warning"] += bool(warnings)
            family["cases with a new error"] += bool(errors)
            family["cases with a new warning"] += bool(warnings)
            if errors:
                false_errors.append(f"{case.id} {case.kind}: {sorted(r for (r, s) in new if s == 'error')}")
            continue
        intended = {rule for rule, _ in new} & set(case.expected)
        as_error = any(sev == "error" and rule in case.expected for rule, sev in new)
        for key, hit in (("intended", bool(intended)), ("as error", as_error), ("any", bool(new))):
            tally[key] += hit
            family[key] += hit
        for rule in intended:
            caught_by[case.family][rule] += 1

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f}%" if whole else "—"

    defect_rows = []
    for family, t in families.items():
        if family == "无害改写":
            continue
        defect_rows.append(
            (
                family,
                str(t["cases"]),
                pct(t["intended"], t["cases"]),
                pct(t["as error"], t["cases"]),
                pct(t["any"], t["cases"]),
            )
        )
    total = Counter()
    for family, t in families.items():
        if family != "无害改写":
            total.update(t)
    defect_rows.append(
        (
            "all defects",
            str(total["cases"]),
            pct(total["intended"], total["cases"]),
            pct(total["as error"], total["cases"]),
            pct(total["any"], total["cases"]),
        )
    )
    print_table(
        "recall per defect family (one defect injected into one clean table of the sample)",
        defect_rows,
        ("family", "cases", "by its rule", "as an error", "any error/warning"),
    )
    kind_rows = [
        (family, kind, str(t["cases"]), pct(t["intended"], t["cases"]), pct(t["any"], t["cases"]))
        for (family, kind), t in rows.items()
        if family != "无害改写"
    ]
    print_table(
        "recall per defect kind", kind_rows, ("family", "kind", "cases", "by its rule", "any error/warning")
    )
    harmless_rows = [
        (kind, str(t["cases"]), str(t["cases with a new error"]), str(t["cases with a new warning"]))
        for (family, kind), t in rows.items()
        if family == "无害改写"
    ]
    h = families["无害改写"]
    harmless_rows.append(
        (
            "all harmless edits",
            str(h["cases"]),
            str(h["cases with a new error"]),
            str(h["cases with a new warning"]),
        )
    )
    print_table(
        "harmless edits (must raise no error)",
        harmless_rows,
        ("edit", "cases", "with a new error", "with a new warning"),
    )
    if false_errors:
        print("\nfalse errors:")
        for line in false_errors[:30]:
            print("  " + line)
    print(
        f"\n{len(cases)} cases ({sum(1 for c in cases if not c.harmless)} defects, {sum(1 for c in cases if c.harmless)} harmless)"
    )


def measure_volume() -> None:
    booklet = load_booklet(sample_path())
    findings = validate_booklet(booklet)
    by_level = Counter(_severity(f) for f in findings)
    problem_projects = {
        f.project_id for f in findings if _severity(f) in ("error", "warning") and f.project_id
    }
    rows = [
        ("errors", str(by_level["error"])),
        ("warnings", str(by_level["warning"])),
        ("errors + warnings", str(by_level["error"] + by_level["warning"])),
        ("advice (建议)", str(by_level["info"])),
        ("projects with an error or warning", f"{len(problem_projects)} of {booklet.project_count}"),
    ]
    print_table("findings on the real booklet (the bundled sample)", rows, ("measure", "value"))
    per_rule = Counter((f.rule, _severity(f)) for f in findings)
    print_table(
        "by rule",
        [(rule, sev, str(n)) for (rule, sev), n in per_rule.most_common()],
        ("rule", "level", "findings"),
    )


def _cpu_time(func: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return statistics.median(times)


def measure_speed(repeat: int) -> None:
    booklet = load_booklet(sample_path())
    template = load_template(booklet.template_id)
    validate_booklet(booklet)  # warm the parsers' caches, as a running editor has them
    big = scaled(booklet, 10)
    validate_booklet(big)
    per_project = []
    for department, project in booklet.projects():
        start = time.perf_counter()
        validate_project(project, template, booklet.fiscal_year, department)
        per_project.append(time.perf_counter() - start)
    per_project.sort()
    ms = 1000
    rows = [
        (
            "whole sample (327 projects)",
            f"{median_time(lambda: validate_booklet(booklet), repeat) * ms:.1f} ms",
            f"{_cpu_time(lambda: validate_booklet(booklet), repeat) * ms:.1f} ms",
            "≤ 60 ms",
        ),
        ("one project, median", f"{per_project[len(per_project) // 2] * ms:.3f} ms", "", "≤ 2 ms"),
        ("one project, 95th percentile", f"{per_project[int(len(per_project) * 0.95)] * ms:.3f} ms", "", ""),
        ("one project, slowest", f"{per_project[-1] * ms:.3f} ms", "", ""),
        (
            "10× copy (3,270 projects)",
            f"{median_time(lambda: validate_booklet(big), 3) * ms:.0f} ms",
            f"{_cpu_time(lambda: validate_booklet(big), 3) * ms:.0f} ms",
            "≤ 800 ms",
        ),
    ]
    print_table(
        f"validation time (median of {repeat}; CPU time excludes other processes' load)",
        rows,
        ("what", "wall", "CPU", "target"),
    )


def main() -> None:
    print(f"checker: {Path(kpi_editor.__file__).parent}")
    if args.regenerate:
        regenerate()
    measure_cases()
    measure_volume()
    measure_speed(args.repeat)


if __name__ == "__main__":
    main()

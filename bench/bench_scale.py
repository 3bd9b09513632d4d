"""Scale benchmark: every command at 1×, 10× and 100× the corpus, and the 300× duplicated booklet.

Usage: python bench/bench_scale.py [--factors 1,10,100] [--repeat N]

Each command runs as a real ``kpi`` process, so its peak memory (max RSS, from wait4) is its own:
stats, validate, fingerprint, diff, export --xlsx / --pdf, report --xlsx / --pdf and import-xlsx
of the workbook the export wrote (the program must read back every workbook it writes). The
"duplicated" rows are the corpus's first unit with every table's indicator rows repeated 300×
(the review report was quadratic in them) and the whole corpus with its rows repeated 10×.
The 100× run takes about a quarter of an hour.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import CORPUS, REPO, print_table, scaled


def _kpi(*args: str) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of one kpi run."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "kpi_editor.cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"kpi {' '.join(args)} failed ({code}): {err.decode(errors='replace')[-300:]}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, code


def _measure(repeat: int, *args: str) -> tuple[float, float]:
    runs = [_kpi(*args) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def _commands(folder: Path, name: str) -> list[tuple[str, list[str]]]:
    book = str(folder / f"{name}.kpi.json")
    changed = str(folder / f"{name}-changed.kpi.json")
    out = folder / name
    return [
        ("stats", ["stats", book]),
        ("validate", ["validate", book]),
        ("fingerprint --projects", ["fingerprint", "--projects", book]),
        ("diff (3 changes)", ["diff", book, changed]),
        ("export --xlsx", ["export", book, "--xlsx", f"{out}.xlsx"]),
        ("import-xlsx (read back)", ["import-xlsx", f"{out}.xlsx", "-o", f"{out}-read.kpi.json"]),
        ("export --pdf", ["export", book, "--pdf", f"{out}.pdf"]),
        ("report --xlsx", ["report", book, "--xlsx", f"{out}-report.xlsx"]),
        ("report --pdf", ["report", book, "--pdf", f"{out}-report.pdf"]),
    ]


def prepare(folder: Path, factors: list[int]) -> None:
    """Write every booklet of the benchmark (and a changed copy for diff) into `folder`.

    Run in a child process: a parent holding the 100× booklet would lend its memory to the
    measured commands (a forked child's max RSS counts the parent's pages until exec).
    """
    from decimal import Decimal

    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.projectfile import save_booklet

    corpus = import_booklet_text(CORPUS)[0]
    books = {f"{factor}×": scaled(corpus, factor) for factor in factors}
    first = corpus.model_copy(deep=True)
    first.departments = first.departments[:1]
    for project in first.departments[0].projects:
        project.indicators = project.indicators * 300
    books["rows 300× (1 unit)"] = first
    rows10 = corpus.model_copy(deep=True)
    for _, project in rows10.projects():
        project.indicators = project.indicators * 10
    books["rows 10× (corpus)"] = rows10
    for n, (label, booklet) in enumerate(books.items()):
        save_booklet(booklet, folder / f"b{n}.kpi.json", backup=False)
        changed = booklet.model_copy(deep=True)
        projects = [p for _, p in changed.projects()]
        projects[0].funding.total = Decimal("1.5")
        projects[len(projects) // 2].indicators[0].value += "。"
        projects[-1].name += "（二期）"
        save_booklet(changed, folder / f"b{n}-changed.kpi.json", backup=False)
        (folder / f"b{n}.label").write_text(label, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",")]
    if args.prepare:
        prepare(args.prepare, factors)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run(
            [sys.executable, __file__, "--factors", args.factors, "--prepare", str(folder)],
            check=True,
            cwd=REPO,
        )
        names = {
            (folder / f"b{n}.label").read_text(encoding="utf-8"): f"b{n}"
            for n in range(len(list(folder.glob("b*.label"))))
        }
        labels = list(names)
        results: dict[str, dict[str, tuple[float, float]]] = {}
        for label in labels:
            for step, command in _commands(folder, names[label]):
                results.setdefault(step, {})[label] = _measure(args.repeat, *command)
                seconds, peak = results[step][label]
                print(f"  {label:20} {step:24} {seconds:8.2f} s {peak:8.0f} MB", file=sys.stderr, flush=True)
    header = ("command", *(f"{label} s / MB" for label in labels))
    rows = [
        (step, *(f"{by[label][0]:.2f} / {by[label][1]:.0f}" for label in labels))
        for step, by in results.items()
    ]
    print_table(f"kpi commands at scale (wall seconds / peak MB, median of {args.repeat})", rows, header)


if __name__ == "__main__":
    main()

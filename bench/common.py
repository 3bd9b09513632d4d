"""Shared by the benchmark scripts: the corpus, the 10× copy, and a table of medians."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kpi_editor.domain.model import Booklet  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "xiqu-2026-booklet.txt"


def scaled(booklet: Booklet, factor: int) -> Booklet:
    """`factor` copies of every department under new codes (first digit bumped), projects renamed apart."""
    departments = []
    for copy in range(factor):
        for department in booklet.departments:
            clone = department.model_copy(deep=True)
            if copy:
                # Unit serials in the corpus stay below 100, so +100·k never collides.
                clone.code = f"{department.code[:3]}{int(department.code[3:]) + 100 * copy:03d}"
                for project in clone.projects:
                    project.id = f"{project.id}-x{copy}"
            departments.append(clone)
    departments.sort(key=lambda d: d.code)
    return booklet.model_copy(update={"departments": departments})


def median_time(func: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def print_table(title: str, rows: list[tuple[str, ...]], header: tuple[str, ...]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def run_scales(
    script: str,
    scenario: Callable[[int, int], dict[str, Any]],
    default_repeat: int,
    factors: tuple[int, ...] = (1, 10),
) -> tuple[dict[int, dict[str, Any]], int]:
    """Run `scenario(factor, repeat)` once per scale, each in a fresh subprocess of `script`.

    A fresh process per scale keeps each one's peak memory (max RSS) its own. In the child the
    scenario's result is printed as JSON and the process exits; the parent returns every result.
    """
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=default_repeat)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(scenario(args.child, args.repeat)))
        sys.exit(0)
    runs = {}
    for factor in factors:
        out = subprocess.run(
            [sys.executable, script, "--child", str(factor), "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        runs[factor] = json.loads(out.stdout.strip().splitlines()[-1])
    return runs, args.repeat

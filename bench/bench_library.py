"""Indicator library: how good the suggestions are, and how fast building, suggesting and searching are.

Quality: each department of the bundled sample is held out in turn; the library is built from the
other departments (plus the shipped 共性 set), every held-out project is stripped to its name, and
for each 二级 the clerk really filled we ask whether one of the top 3 / top 5 suggestions matches
a 三级指标 the clerk wrote: character-level similarity (rapidfuzz ``fuzz.ratio``, the normalised
Indel similarity, 0–100) of at least --threshold (default 60). The baseline always suggests the
library's most frequent rows of that 二级.

Speed: building the library from the sample; a library of the 10× corpus (every copy's 三级
names made distinct, so it really has ~36,000 rows): loading it, indexing it, suggesting for one
project, and searching as a clerk types.

Usage: python bench/bench_library.py [--threshold 60] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import REPO, median_time, print_table, scaled
from rapidfuzz import fuzz

from kpi_editor.domain.library import (
    Library,
    adapt_library,
    build_library,
    canonical_level2,
    merge_libraries,
    render,
)
from kpi_editor.domain.model import Booklet, Project
from kpi_editor.domain.suggest import LibraryIndex
from kpi_editor.domain.template import FormTemplate, load_template
from kpi_editor.io.libraryfile import common_library, load_library, save_library
from kpi_editor.io.projectfile import load_booklet

SAMPLE = REPO / "resources" / "samples" / "xiqu-2026.kpi.json"
# The required 二级 of the form, and 社会效益指标 for the required group "one kind of 效益".
REPORTED = ("数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标")


def _library(booklet: Booklet, template: FormTemplate) -> Library:
    common = common_library()
    built, _ = build_library(
        [(booklet, None)], template, project_types=common.project_types, explanations=common
    )
    return merge_libraries([adapt_library(common, template), built])


def _real_names(project: Project, template: FormTemplate) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for indicator in project.indicators:
        level2 = canonical_level2(indicator.level2, template)
        if level2 and indicator.name.strip():
            names.setdefault(level2, []).append(indicator.name.strip())
    return names


def _baseline(library: Library, fiscal_year: int) -> dict[str, list[str]]:
    by_level2: dict[str, list[str]] = {}
    for row in sorted(library.rows, key=lambda r: -r.seen):
        if row.seen:
            by_level2.setdefault(row.level2, []).append(render(row.name, fiscal_year))
    return by_level2


def quality(threshold: float) -> tuple[dict[str, Counter[str]], Counter[str]]:
    template = load_template("xiqu-2026")
    booklet = load_booklet(SAMPLE)
    year = booklet.fiscal_year
    hits: dict[str, Counter[str]] = {key: Counter() for key in ("ours@3", "ours@5", "base@3", "base@5")}
    totals: Counter[str] = Counter()
    for held in booklet.departments:
        rest = booklet.model_copy(update={"departments": [d for d in booklet.departments if d is not held]})
        library = _library(rest, template)
        index = LibraryIndex(library, template)
        baseline = _baseline(library, year)
        for project in held.projects:
            real = _real_names(project, template)
            stripped = Project(id=project.id, name=project.name, unit_name=project.unit_name)
            ours = index.suggest(stripped, year, top=5, level2=[n for n in REPORTED if n in real])
            for level2 in REPORTED:
                if level2 not in real:
                    continue
                totals[level2] += 1
                mine = [s.name for s in ours.by_level2.get(level2, ())]
                theirs = baseline.get(level2, [])
                for label, names in (("ours", mine), ("base", theirs)):
                    for k in (3, 5):
                        if any(fuzz.ratio(a, b) >= threshold for a in names[:k] for b in real[level2]):
                            hits[f"{label}@{k}"][level2] += 1
    return hits, totals


def _distinct_copy(booklet: Booklet, factor: int) -> Booklet:
    """The 10× corpus with every project's 三级 names made its own (two characters appended), so
    that rows do not merge back and the library really has ~36,000 rows."""
    big = scaled(booklet, factor)
    marks = (
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北春夏秋冬金木水火土山川江河湖海风云雷电松竹梅兰菊"
    )
    for number, (_department, project) in enumerate(big.projects()):
        suffix = marks[number // len(marks) % len(marks)] + marks[number % len(marks)]
        for indicator in project.indicators:
            indicator.name = f"{indicator.name}{suffix}"
    return big


def speed(repeat: int) -> list[tuple[str, str, str]]:
    template = load_template("xiqu-2026")
    booklet = load_booklet(SAMPLE)
    common = common_library()
    rows: list[tuple[str, str, str]] = []

    def build(b: Booklet) -> Library:
        return build_library([(b, None)], template, project_types=common.project_types, explanations=common)[
            0
        ]

    small = _library(booklet, template)
    rows.append(
        (
            "build from the sample (load + build)",
            f"{median_time(lambda: build(load_booklet(SAMPLE)), repeat) * 1000:.0f}",
            "",
        )
    )
    rows.append(
        (
            "build from the sample (build only)",
            f"{median_time(lambda: build(booklet), repeat) * 1000:.0f}",
            "",
        )
    )
    big_booklet = _distinct_copy(booklet, 10)
    start = time.perf_counter()
    big = merge_libraries([adapt_library(common, template), build(big_booklet)])
    big_build = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.library.json"
        save_library(big, path)
        size = path.stat().st_size
        load = median_time(lambda: load_library(path, template), max(1, repeat // 2))
    index_small = median_time(lambda: LibraryIndex(small, template), repeat)
    start = time.perf_counter()
    big_index = LibraryIndex(big, template)
    index_big = time.perf_counter() - start
    small_index = LibraryIndex(small, template)
    rows.append(
        (f"library rows (sample / 10×: {size / 1e6:.1f} MB file)", str(len(small.rows)), str(len(big.rows)))
    )
    rows.append(("build the 10× library", "", f"{big_build * 1000:.0f}"))
    rows.append(("load the 10× library file", "", f"{load * 1000:.0f}"))
    rows.append(("index the library (once per load)", f"{index_small * 1000:.0f}", f"{index_big * 1000:.0f}"))

    projects = [p for _, p in booklet.projects()][::7]
    for label, make in (
        ("suggest, name only", lambda p: Project(id=p.id, name=p.name)),
        ("suggest, name + its rows", lambda p: p),
    ):
        cells = []
        for index in (small_index, big_index):
            times = []
            for project in projects:
                query = make(project)
                start = time.perf_counter()
                index.suggest(query, 2026, top=5)
                times.append(time.perf_counter() - start)
            cells.append(f"{statistics.median(times) * 1000:.1f} (max {max(times) * 1000:.1f})")
        rows.append((f"{label}: median (max) over {len(projects)} projects", *cells))

    typing = ["满", "满意", "满意度", "培", "培训", "培训 人次", "会议", "完成时间"]
    for label, kwargs in (
        ("search while typing", {}),
        ("search, 二级 = 数量指标", {"level2": "数量指标"}),
        ("search, type = 培训", {"project_type": "培训"}),
    ):
        cells = []
        for index in (small_index, big_index):
            times = []
            for words in typing:
                start = time.perf_counter()
                index.search(words, 2026, limit=200, **kwargs)
                times.append(time.perf_counter() - start)
            cells.append(f"{statistics.median(times) * 1000:.1f} (max {max(times) * 1000:.1f})")
        rows.append((f"{label}: median (max) per keystroke", *cells))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=60.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    hits, totals = quality(args.threshold)
    table = []
    for level2 in (*REPORTED, "all"):
        total = sum(totals.values()) if level2 == "all" else totals[level2]

        def rate(key: str, level2: str = level2, total: int = total) -> str:
            count = sum(hits[key].values()) if level2 == "all" else hits[key][level2]
            return f"{100 * count / total:.1f}"

        table.append((level2, str(total), rate("ours@3"), rate("base@3"), rate("ours@5"), rate("base@5")))
    print_table(
        f"suggestions for held-out departments: % of (project, 二级) with a match (ratio ≥ {args.threshold:g})",
        table,
        ("二级", "cases", "ours top-3", "baseline top-3", "ours top-5", "baseline top-5"),
    )
    if not args.skip_speed:
        print_table("speed, ms", speed(args.repeat), ("operation", "sample library", "10× library"))


if __name__ == "__main__":
    main()

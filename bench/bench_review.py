"""Reviewer workflow benchmark: fingerprint, diff, merge and the review report, on the corpus and a 10× copy.

Usage: python bench/bench_review.py [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
from decimal import Decimal
from pathlib import Path

from common import CORPUS, median_time, print_table, scaled


def scenario(factor: int, repeat: int) -> dict[str, float]:
    from kpi_editor.domain.diff import diff_booklets
    from kpi_editor.domain.engine import validate_booklet
    from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
    from kpi_editor.domain.merge import merge_booklets
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.report import write_review_report

    booklet = scaled(import_booklet_text(CORPUS)[0], factor)
    changed = booklet.model_copy(deep=True)
    changed.departments[3].projects[0].funding.total = Decimal("1.5")
    changed.departments[10].projects[0].indicators[0].value += "。"
    changed.departments[40].projects[0].name += "（二期）"
    parts = [
        (d.code, booklet.model_copy(update={"departments": [d]}).model_copy(deep=True))
        for d in booklet.departments
    ]
    findings = validate_booklet(booklet)

    results: dict[str, float] = {}
    results["booklet fingerprint"] = median_time(lambda: booklet_fingerprint(booklet), repeat)
    results["all project fingerprints"] = median_time(
        lambda: [project_fingerprint(p, d) for d, p in booklet.projects()], repeat
    )
    results["diff identical"] = median_time(lambda: diff_booklets(booklet, booklet), repeat)
    results["diff 3 changes"] = median_time(lambda: diff_booklets(booklet, changed), repeat)
    results["merge split"] = median_time(lambda: merge_booklets(None, parts), repeat)
    results["merge 1 conflict"] = median_time(lambda: merge_booklets(booklet, parts[:1]), repeat)
    # The review loop: a fully reviewed booklet, three units resubmitting with one change each.
    from kpi_editor.domain.approval import batch_status_plan
    from kpi_editor.domain.edits import apply_plan
    from kpi_editor.domain.progress import booklet_progress, submissions_view
    from kpi_editor.domain.review import ReviewStatus
    from kpi_editor.domain.submission import merge_submissions
    from kpi_editor.io.report.letter import write_letters
    from kpi_editor.io.submission import load_submission, split_booklet

    reviewed = booklet.model_copy(deep=True)
    everything = [(d,) for d in range(len(reviewed.departments))]
    apply_plan(reviewed, batch_status_plan(reviewed, everything, ReviewStatus.APPROVED, "审核人"))
    apply_plan(reviewed, batch_status_plan(reviewed, [(3, 0)], ReviewStatus.RETURNED, "审核人"))
    resubmitted = []
    for d in (3, 10, 40):
        part = reviewed.model_copy(update={"departments": []}).model_copy(deep=True)
        part.departments = [reviewed.departments[d].model_copy(deep=True)]
        part.departments[0].projects[0].funding.total = Decimal("1.5")
        resubmitted.append((f"{d}.kpi.json", part))
    results["batch approve all"] = median_time(
        lambda: batch_status_plan(booklet, everything, ReviewStatus.APPROVED, "审核人"), repeat
    )
    results["progress (effective status)"] = median_time(
        lambda: (booklet_progress(reviewed), submissions_view(reviewed)), repeat
    )
    results["merge 3 resubmissions (carry)"] = median_time(
        lambda: merge_booklets(reviewed, resubmitted, replace=True), repeat
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        counter = iter(range(10**6))
        results["split to unit files"] = median_time(
            lambda: split_booklet(booklet, folder / str(next(counter)), "填报人"), max(1, repeat // 2)
        )
        files = sorted((folder / "0").iterdir())
        results["load + merge all unit files"] = median_time(
            lambda: merge_submissions(None, [load_submission(f) for f in files], front_from=str(files[0])),
            max(1, repeat // 2),
        )
        results["letter pdf (1 unit)"] = median_time(
            lambda: write_letters(
                reviewed, [reviewed.departments[3].code], folder / "l.pdf", "审核人", findings=findings
            ),
            repeat,
        )
    with tempfile.TemporaryDirectory() as tmp:
        results["report xlsx"] = median_time(
            lambda: write_review_report(booklet, Path(tmp) / "r.xlsx", "xlsx", findings), repeat
        )
        results["report pdf"] = median_time(
            lambda: write_review_report(booklet, Path(tmp) / "r.pdf", "pdf", findings), max(1, repeat // 2)
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    columns = {factor: scenario(factor, args.repeat) for factor in (1, 10)}
    names = list(columns[1])
    rows = [(name, *(f"{columns[f][name] * 1000:.1f}" for f in (1, 10))) for name in names]
    print_table("reviewer workflow, median ms", rows, ("operation", "corpus (327)", "10× (3270)"))


if __name__ == "__main__":
    main()

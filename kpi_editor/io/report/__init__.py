"""The review report the finance bureau sends back: status, comments and findings per project."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Literal

from kpi_editor.domain.model import Booklet
from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.io.atomic import write_atomic
from kpi_editor.io.report.content import FindingLike, ReviewReport, build_report

ReportFormat = Literal["xlsx", "pdf"]

__all__ = ["ReportFormat", "ReviewReport", "build_report", "write_review_report"]


def write_review_report(
    booklet: Booklet,
    path: str | Path,
    fmt: ReportFormat,
    findings: Sequence[FindingLike] | None = None,
    created: str | None = None,
    departments: Collection[str] | None = None,
    statuses: Collection[EffectiveStatus] | None = None,
) -> ReviewReport:
    """Write the report atomically (a failed write leaves any old file as it was).

    ``findings`` default to ``validate_booklet(booklet)``; ``created`` (ISO time) to now;
    ``departments`` and ``statuses`` narrow it (see ``build_report``).
    """
    if findings is None:
        from kpi_editor.domain.engine import validate_booklet

        findings = validate_booklet(booklet)
    report = build_report(booklet, findings, created, departments, statuses)
    if fmt == "xlsx":
        from kpi_editor.io.report.xlsx import review_report_xlsx

        data = review_report_xlsx(report)
    elif fmt == "pdf":
        from kpi_editor.io.report.pdf import review_report_pdf

        data = review_report_pdf(report)
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    write_atomic(Path(path), data)
    return report

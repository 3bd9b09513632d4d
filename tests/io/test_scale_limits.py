"""Linear layouts and bounded memory: long reports, long cells, streamed workbooks, lazy PDFs.

Timings are measured in bench/bench_scale.py, not here; these tests pin the behaviour that makes
them linear (tables cut into pieces, cells refused above a stated limit, nothing left behind).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.model import Booklet
from kpi_editor.io.errors import ExportCancelled
from kpi_editor.io.pdf import PdfExportError, export_pdf
from kpi_editor.io.pdf.limits import MAX_CELL_CHARS, MAX_CELL_LINES
from kpi_editor.io.projectfile import save_booklet
from kpi_editor.io.report import write_review_report
from kpi_editor.io.report.pdf import CHUNK_ROWS, ReportLayoutError
from kpi_editor.io.xlsx import export_xlsx


@pytest.fixture
def duplicated(sample_booklet: Booklet) -> Booklet:
    """One unit whose first project has its rows repeated 40 times (the issue's duplicated booklet)."""
    department = sample_booklet.departments[0]
    project = department.projects[0]
    project.indicators = project.indicators * 40
    department.projects = [project]
    sample_booklet.departments = [department]
    return sample_booklet


def test_a_project_with_hundreds_of_findings_is_cut_into_tables_with_every_line(
    tmp_path: Path, duplicated: Booklet
) -> None:
    findings = validate_booklet(duplicated)
    project = duplicated.departments[0].projects[0]
    mine = [f for f in findings if f.project_id == project.id]
    assert len(mine) > 2 * CHUNK_ROWS  # ReportLab re-measured every row at every page: quadratic
    path = tmp_path / "报告.pdf"
    write_review_report(duplicated, path, "pdf", findings)
    # Rule codes wrap inside their narrow column: compare without the line breaks.
    text = "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")
    # Each later piece is headed 续 (on every page it runs to); the first piece is not.
    assert text.count("（续）") >= (len(mine) - 1) // CHUNK_ROWS
    assert text.count("value.duplicate_row") == sum(1 for f in mine if f.rule == "value.duplicate_row")


def test_the_review_workbook_of_the_duplicated_booklet_has_a_row_per_finding(
    tmp_path: Path, duplicated: Booklet
) -> None:
    import openpyxl

    findings = validate_booklet(duplicated)
    path = tmp_path / "报告.xlsx"
    report = write_review_report(duplicated, path, "xlsx", findings)
    ws = openpyxl.load_workbook(path, read_only=True)["审核明细"]
    rows = sum(1 for row in ws.iter_rows(min_row=4, values_only=True) if row[0])
    # Findings about the whole booklet go to the summary sheet; every other one has its row.
    assert rows == len(findings) - len(report.general) > 500


@pytest.mark.parametrize(
    ("text", "why"),
    [("绩" * (MAX_CELL_CHARS + 1), "个字"), ("一行\n" * MAX_CELL_LINES, "行")],
)
def test_a_cell_beyond_the_stated_limit_is_refused_naming_it(
    tmp_path: Path, sample_booklet: Booklet, text: str, why: str
) -> None:
    # 300 kB in one 指标值 took 54 s to lay out, 10,000 lines 79 s: time grows with the square.
    project = sample_booklet.departments[1].projects[0]
    project.indicators[2].value = text
    with pytest.raises(PdfExportError) as caught:
        export_pdf(sample_booklet, tmp_path / "汇编.pdf")
    message = str(caught.value)
    assert sample_booklet.departments[1].code in message and project.name in message
    assert "第3行的指标值" in message and why in message and "\n" not in message
    assert not (tmp_path / "汇编.pdf").exists()


def test_a_long_cell_within_the_limit_is_laid_out(tmp_path: Path, sample_booklet: Booklet) -> None:
    department = sample_booklet.departments[0]
    department.projects = department.projects[:1]
    sample_booklet.departments = [department]
    department.projects[0].indicators[0].value = "绩效目标数量指标" * (MAX_CELL_CHARS // 8)
    result = export_pdf(sample_booklet, tmp_path / "长.pdf", project_ids=[department.projects[0].id])
    assert result.pages > 10


def test_the_cli_refuses_a_too_long_cell_on_one_line(tmp_path: Path, sample_booklet: Booklet) -> None:
    sample_booklet.departments[0].projects[0].indicators[0].value = "x\n" * (MAX_CELL_LINES + 5)
    path = tmp_path / "长.kpi.json"
    save_booklet(sample_booklet, path, backup=False)
    done = subprocess.run(
        [sys.executable, "-m", "kpi_editor.cli", "export", str(path), "--pdf", str(tmp_path / "o.pdf")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "上限" in done.stderr


def test_a_too_long_comment_is_refused_in_the_report_pdf(tmp_path: Path, sample_booklet: Booklet) -> None:
    from kpi_editor.domain.review import ProjectReview, comment

    project = sample_booklet.departments[0].projects[0]
    project.review = ProjectReview(comments=[comment("意见" * MAX_CELL_CHARS)])
    with pytest.raises(ReportLayoutError, match="审核意见或校验问题"):
        write_review_report(sample_booklet, tmp_path / "报告.pdf", "pdf")


def test_a_cancelled_streamed_export_leaves_no_temporary_file_anywhere(
    tmp_path: Path, sample_booklet: Booklet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # openpyxl streams each sheet into a temporary file of its own; a cancel must remove them.
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    out = tmp_path / "out"
    out.mkdir()
    calls = 0

    def cancel_half_way(done: int, total: int) -> bool:
        nonlocal calls
        calls += 1
        return done < total // 2

    with pytest.raises(ExportCancelled):
        export_xlsx(sample_booklet, out / "汇编.xlsx", progress=cancel_half_way)
    assert calls > 2
    assert list(out.iterdir()) == [] and list(private.iterdir()) == []


def test_a_loaded_booklets_rows_share_one_set_of_field_names_and_edits_stay_their_own(
    sample_path: Path, tmp_path: Path
) -> None:
    # pydantic's per-instance record of the fields a file named was 300 MB of a 100× booklet;
    # every model of a class shares one set of all its names. An assignment must neither grow
    # that set nor touch another row.
    from kpi_editor.io.projectfile import load_booklet

    booklet = load_booklet(sample_path)
    rows = [row for _, project in booklet.projects() for row in project.indicators]
    assert len({id(row.__pydantic_fields_set__) for row in rows}) == 1
    shared = set(rows[0].__pydantic_fields_set__)
    assert shared == set(type(rows[0]).model_fields)
    rows[0].weight = rows[0].weight  # an assignment through pydantic's own path
    rows[0].value = "改过的值"
    assert rows[0].__pydantic_fields_set__ == shared
    assert rows[1].value != "改过的值"
    # The file still leaves out what it left out (defaults are not written because they are set).
    save_booklet(load_booklet(sample_path), tmp_path / "again.kpi.json", backup=False)
    assert (tmp_path / "again.kpi.json").read_bytes() == sample_path.read_bytes()

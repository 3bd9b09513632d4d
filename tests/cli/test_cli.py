"""The `kpi` command line: the stable contract (output shapes and exit codes) on the real corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kpi_editor.cli import main

CATEGORIES = (
    "funding.",
    "structure.",
    "cost.",
    "time.",
    "value.",
    "satisfaction.",
    "text.",
    "unit.",
    "booklet.",
)
FINDING_KEYS = {
    "severity",
    "level",
    "rule",
    "department",
    "project",
    "project_id",
    "indicator",
    "row",
    "column",
    "field",
    "section",
    "actual",
    "expected",
    "working",
    "fix",
    "message",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory, corpus_path: Path) -> Path:
    out = tmp_path_factory.mktemp("cli") / "xiqu.kpi.json"
    assert main(["import-text", str(corpus_path), "-o", str(out)]) == 0
    return out


def test_import_text_then_stats(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", str(imported), "--json")
    assert code == 0
    assert json.loads(out) == {
        "departments": 72,
        "projects": 327,
        "indicators": 3623,
        "total": "14050.511679",
    }


def test_import_text_reports_on_stderr(
    corpus_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import-text", str(corpus_path), "-o", str(tmp_path / "x.kpi.json"))
    assert code == 0 and out == ""
    assert "327 个项目" in err
    assert "行 437" in err  # a value cell the extraction lost is reported with its line


def test_validate_json_on_the_sample(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(sample_path), "--json")
    findings = json.loads(out)
    assert code == 1  # real clerks' mistakes include errors
    assert findings and all(set(f) == FINDING_KEYS for f in findings)
    # Advice is left out unless asked for (--advice); errors and warnings are what counts.
    assert {f["severity"] for f in findings} == {"error", "warning"}
    assert {f["level"] for f in findings} == {"错误", "警告"}
    for category in CATEGORIES:
        assert any(f["rule"].startswith(category) for f in findings), f"no {category} finding on the corpus"
    row_findings = [f for f in findings if f["indicator"] is not None]
    assert row_findings and all(isinstance(f["indicator"], int) and f["indicator"] >= 1 for f in row_findings)
    assert all(len(f["department"]) == 6 for f in findings if f["department"])


def test_validate_text_output_and_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kpi_editor.domain.model import Booklet
    from kpi_editor.io.projectfile import save_booklet

    empty = tmp_path / "empty.kpi.json"
    save_booklet(Booklet(fiscal_year=2026), empty)
    code, out, err = run(capsys, "validate", str(empty))
    assert code == 0 and out == ""
    assert "0 个错误" in err


@pytest.mark.parametrize("command", ["stats", "validate"])
def test_unreadable_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    bad = tmp_path / "bad.kpi.json"
    bad.write_text('{"schema_version": 1, "booklet": {', encoding="utf-8")
    code, out, err = run(capsys, command, str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err


def test_import_text_of_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import-text", str(tmp_path / "none.txt"), "-o", str(tmp_path / "o.kpi.json"))
    assert code == 2 and "none.txt" in err
    assert not (tmp_path / "o.kpi.json").exists()


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["stats"])
    assert info.value.code == 2


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.kpi.json"
    bad.write_bytes(b"\xff\xfe\x00")
    result = subprocess.run(
        [sys.executable, "-m", "kpi_editor.cli", "validate", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_export_one_department_to_pdf_and_xlsx_then_import_back(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    from kpi_editor.io.projectfile import load_booklet

    pdf, xlsx, back = tmp_path / "d.pdf", tmp_path / "d.xlsx", tmp_path / "back.kpi.json"
    code, _, err = run(
        capsys, "export", str(sample_path), "--pdf", str(pdf), "--xlsx", str(xlsx), "--department", "116001"
    )
    assert code == 0, err
    department = load_booklet(sample_path).department("116001")
    assert department is not None
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert all(p.name[:8] in text.replace("\n", "") for p in department.projects)

    code, _, err = run(capsys, "import-xlsx", str(xlsx), "-o", str(back))
    assert code == 0, err
    imported = load_booklet(back)
    assert [d.code for d in imported.departments] == ["116001"]
    assert imported.departments[0].model_dump() == department.model_dump()


def test_export_refuses_unknown_scope_and_missing_output(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "export", str(sample_path), "--pdf", str(out), "--department", "999999")
    assert code == 2 and "999999" in err and not out.exists()
    code, _, err = run(
        capsys, "export", str(sample_path), "--project", "nope", "--xlsx", str(tmp_path / "x.xlsx")
    )
    assert code == 2 and "nope" in err
    code, _, err = run(capsys, "export", str(sample_path))
    assert code == 2 and "--pdf" in err


def test_import_xlsx_of_a_non_workbook_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    code, _, err = run(capsys, "import-xlsx", str(fake), "-o", str(tmp_path / "o.kpi.json"))
    assert code == 2 and "fake.xlsx" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["--pdf", "--xlsx"])
def test_export_into_a_missing_folder_or_onto_a_folder_exits_2_naming_the_output(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    missing = tmp_path / "nope" / "out.bin"
    code, _, err = run(capsys, "export", str(sample_path), kind, str(missing), "--department", "101001")
    assert code == 2 and str(missing) in err and ".part" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "export", str(sample_path), kind, str(tmp_path), "--department", "101001")
    assert code == 2 and str(tmp_path) in err and ".part" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_an_input_is_refused_and_the_input_kept(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "a.kpi.json"
    project.write_bytes(sample_path.read_bytes())
    before = project.read_bytes()
    workbook = tmp_path / "a.xlsx"
    assert run(capsys, "export", str(project), "--xlsx", str(workbook), "--department", "101001")[0] == 0
    workbook_before = workbook.read_bytes()
    for argv in (
        ("export", str(project), "--xlsx", str(project)),
        ("export", str(project), "--pdf", str(tmp_path / "." / "a.kpi.json")),
        ("report", str(project), "--xlsx", str(project)),
        ("import-xlsx", str(workbook), "-o", str(workbook)),
    ):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert "输入文件" in err and "Traceback" not in err
    assert project.read_bytes() == before
    assert workbook.read_bytes() == workbook_before


def test_department_given_twice_exports_it_once(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.xlsx"
    code, _, _ = run(
        capsys,
        "export",
        str(sample_path),
        "--xlsx",
        str(out),
        "--department",
        "101001",
        "--department",
        "101001",
    )
    assert code == 0
    booklet, _ = __import__("kpi_editor.io.xlsx", fromlist=["import_xlsx"]).import_xlsx(out)
    assert [d.code for d in booklet.departments] == ["101001"]


def test_export_pdf_for_two_sided_printing(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "duplex.pdf"
    code, _, err = run(
        capsys, "export", str(sample_path), "--pdf", str(pdf), "--department", "116001", "--duplex", "tables"
    )
    assert code == 0, err
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert "空白页" in err and "此页无正文" in "".join(pages)
    # Each table starts on a right-hand (odd) page.
    starts = [i + 1 for i, text in enumerate(pages) if "部门（单位）预算项目支出绩效目标表" in text]
    assert starts and all(n % 2 == 1 for n in starts)
    with pytest.raises(SystemExit) as info:
        main(["export", str(sample_path), "--pdf", str(pdf), "--duplex", "both"])
    assert info.value.code == 2 and "--duplex" in capsys.readouterr().err


def test_import_pdf_of_our_export_then_diff_says_same(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, back = tmp_path / "d.pdf", tmp_path / "back.kpi.json"
    code, _, err = run(capsys, "export", str(sample_path), "--pdf", str(pdf), "--department", "116001")
    assert code == 0, err
    code, _, err = run(capsys, "import-pdf", str(pdf), "-o", str(back))
    assert code == 0 and "116001" not in err and "个项目" in err, err
    from kpi_editor.io.projectfile import load_booklet

    original = load_booklet(sample_path).department("116001")
    assert original is not None
    imported = load_booklet(back).department("116001")
    assert imported is not None and imported.model_dump() == original.model_dump()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    code, _, err = run(capsys, "import-pdf", str(bad), "-o", str(back))
    assert code == 2 and err.count("\n") == 1 and str(bad) in err

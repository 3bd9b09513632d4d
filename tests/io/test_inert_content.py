"""Hostile content stays inert: names cannot leave their folder, formulas stay text, ReportLab
markup stays letters, control characters never reach a terminal raw."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from kpi_editor.domain.model import Booklet
from kpi_editor.io.names import safe_name_part, suggested_name, suggested_path
from kpi_editor.io.pdf import export_pdf
from kpi_editor.io.projectfile import save_booklet
from kpi_editor.io.report import write_review_report
from kpi_editor.io.xlsx import export_xlsx, import_xlsx

ESCAPES = "\x1b]0;已被篡改\x07\x1b[2J\x1b[31m红\x9b31m\x85\u202e"


# -- suggested names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "/../../x/evil",
        "..\\..\\evil",
        "../",
        "a/b",
        "C:\\Windows\\x",
        "\x00\x1b[31m",
        "…/..",
        "\u202efdp.exe",
    ],
)
def test_a_suggested_export_name_never_leaves_the_folder(tmp_path: Path, code: str) -> None:
    path = suggested_path(tmp_path, "西区2026", code, suffix=".pdf")
    assert path.parent == tmp_path and path.suffix == ".pdf"
    assert not set(path.name) & set('/\\:*?"<>|\x00\x1b\u202e')
    assert path.resolve().parent == tmp_path.resolve()
    assert not path.name.startswith(".")


def test_suggested_names_keep_what_clerks_write() -> None:
    assert suggested_name("西区2026年绩效目标", "101001", suffix=".xlsx") == "西区2026年绩效目标-101001.xlsx"
    assert suggested_name("汇编（草案）", "116002", "3", suffix=".pdf") == "汇编（草案）-116002-3.pdf"
    assert suggested_name("booklet", suffix="-审核报告.xlsx") == "booklet-审核报告.xlsx"


def test_windows_device_names_and_empty_names_are_avoided() -> None:
    assert suggested_name("CON", suffix=".pdf") == "_CON.pdf"
    assert suggested_name("nul.txt", suffix=".pdf") == "_nul.txt.pdf"
    assert suggested_name("", suffix=".pdf") == "booklet.pdf"
    assert suggested_name("...", "///", suffix=".pdf") == "booklet.pdf"
    assert safe_name_part("  .hidden. ") == "hidden"


def test_a_suggested_name_leaves_room_for_the_backup(tmp_path: Path) -> None:
    name = suggested_name("绩" * 200, "101001", suffix=".pdf")
    assert len(name.encode()) <= 250 and name.endswith(".pdf")
    (tmp_path / name).write_bytes(b"x")  # the system accepts it, and so does its .bak
    (tmp_path / (name + ".bak")).write_bytes(b"x")


# -- formulas and DDE ---------------------------------------------------------------------------

FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","点我")', "+SUM(1,2)", "-2+3", "@SUM(A1)", "=1+1"]


@pytest.fixture
def hostile_booklet(sample_booklet: Booklet) -> Booklet:
    sample_booklet.departments = sample_booklet.departments[:2]
    project = sample_booklet.departments[0].projects[0]
    for indicator, text in zip(project.indicators, FORMULAS, strict=False):
        indicator.value = text
    project.name = '<img src="/etc/passwd"/><a href="http://evil/">链接</a><font color="red">红</font>&amp;'
    sample_booklet.departments[1].name = ESCAPES
    return sample_booklet


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))


def test_formulas_in_cells_are_exported_as_text_and_read_back_as_text(
    tmp_path: Path, hostile_booklet: Booklet
) -> None:
    path = tmp_path / "导出.xlsx"
    export_xlsx(hostile_booklet, path)
    xml = _sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml
    for text in FORMULAS:
        escaped = text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in xml or text in xml
    booklet, _ = import_xlsx(path)
    values = [i.value for i in booklet.departments[0].projects[0].indicators]
    assert values[: len(FORMULAS)] == FORMULAS


def test_formulas_in_the_review_report_are_text(tmp_path: Path, hostile_booklet: Booklet) -> None:
    project = hostile_booklet.departments[0].projects[0]
    from kpi_editor.domain.review import ProjectReview, comment

    project.review = ProjectReview(comments=[comment("=cmd|' /C calc'!A0", author="@SUM(1)")])
    path = tmp_path / "报告.xlsx"
    write_review_report(hostile_booklet, path, "xlsx")
    xml = _sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml


# -- ReportLab markup ---------------------------------------------------------------------------


def test_markup_in_names_is_printed_as_letters_in_the_pdf(tmp_path: Path, hostile_booklet: Booklet) -> None:
    path = tmp_path / "汇编.pdf"
    export_pdf(hostile_booklet, path)
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    assert '<img src="/etc/passwd"/>' in text and "&amp;" in text
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
        assert images == [], "no markup became an image"
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert "/URI" not in action, "no markup became a link"


def test_markup_in_the_review_report_pdf_is_inert(tmp_path: Path, hostile_booklet: Booklet) -> None:
    path = tmp_path / "报告.pdf"
    write_review_report(hostile_booklet, path, "pdf")
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "<img" in text
    assert all(not (page.get("/Annots") or []) for page in reader.pages)


# -- the terminal -------------------------------------------------------------------------------


def _kpi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kpi_editor.cli", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def escaped_file(tmp_path: Path, hostile_booklet: Booklet) -> Path:
    hostile_booklet.departments[0].projects[0].indicators[0].name = ESCAPES
    hostile_booklet.departments[0].projects[1].name = ESCAPES
    path = tmp_path / "篡改.kpi.json"
    save_booklet(hostile_booklet, path, backup=False)
    return path


_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


@pytest.mark.parametrize("command", ["validate", "fingerprint", "diff", "merge", "stats", "validate-json"])
def test_control_characters_reach_the_terminal_escaped(
    tmp_path: Path, escaped_file: Path, sample_path: Path, command: str
) -> None:
    if command == "diff":
        done = _kpi("diff", str(sample_path), str(escaped_file))
    elif command == "merge":
        done = _kpi("merge", str(escaped_file), "-o", str(tmp_path / "汇编.kpi.json"))
    elif command == "fingerprint":
        done = _kpi("fingerprint", "--projects", str(escaped_file))
    elif command == "validate-json":
        done = _kpi("validate", "--json", str(escaped_file))
        findings = json.loads(done.stdout)
        # The JSON stays valid and carries the original characters, escaped the JSON way.
        assert any(ESCAPES in f["message"] for f in findings)
    else:
        done = _kpi(command, str(escaped_file))
    output = done.stdout + done.stderr
    assert not _RAW.search(output.replace("\t", "").replace("\n", ""))
    if command in ("validate", "diff", "fingerprint"):
        assert "\\x1b]0;" in output or "\\u001b]0;" in output


def test_an_unreadable_file_named_with_escapes_is_one_escaped_line(tmp_path: Path) -> None:
    path = tmp_path / "坏\x1b[2J文件\n第二行.kpi.json"
    path.write_text("{", encoding="utf-8")
    done = _kpi("validate", str(path))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "\x1b" not in done.stderr and "\\x1b[2J" in done.stderr

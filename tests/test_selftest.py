"""The installation self-test, run from source: it passes on a good checkout and names what is broken."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from kpi_editor import __version__, paths
from kpi_editor.about import about_text, font_licenses
from kpi_editor.io.projectfile import load_booklet
from kpi_editor.selftest import check_pdf_bytes, check_resources, check_xlsx, main, run_self_test

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    out = tmp_path_factory.mktemp("selftest")
    return run_self_test(out), out


def test_self_test_passes_and_leaves_checked_exports(exports: tuple[list[str], Path]) -> None:
    problems, out = exports
    assert problems == []
    pdfs, workbooks = sorted(out.glob("selftest-*.pdf")), sorted(out.glob("selftest-*.xlsx"))
    assert len(pdfs) == 1 and len(workbooks) == 1
    # The exported department has several projects, so the PDF has several tables.
    assert len(PdfReader(pdfs[0]).pages) >= 2


def test_pdf_check_without_pypdf_agrees_with_pypdf_and_catches_broken_files(
    exports: tuple[list[str], Path],
) -> None:
    pdf = next(exports[1].glob("selftest-*.pdf"))
    data = pdf.read_bytes()
    pages, problems = check_pdf_bytes(data)
    assert problems == [] and pages == len(PdfReader(pdf).pages)

    assert any("%%EOF" in p for p in check_pdf_bytes(data[: len(data) // 2])[1])
    assert any("%PDF" in p for p in check_pdf_bytes(b"PK\x03\x04" + data[4:])[1])
    unembedded = check_pdf_bytes(data.replace(b"/FontFile2", b"/FontFileX"))[1]
    assert any("方框" in p for p in unembedded)


def test_xlsx_check_reports_a_changed_project(exports: tuple[list[str], Path], sample_path: Path) -> None:
    workbook = next(exports[1].glob("selftest-*.xlsx"))
    code = workbook.stem.removeprefix("selftest-")
    department = next(d for d in load_booklet(sample_path).departments if d.code == code)
    assert check_xlsx(workbook, department) == (len(department.projects), [])

    changed = department.model_copy(deep=True)
    changed.projects[0].indicators.pop()
    count, problems = check_xlsx(workbook, changed)
    assert count == len(department.projects)
    assert len(problems) == 1 and changed.projects[0].id in problems[0] and "indicators" in problems[0]


def test_resource_check_names_a_missing_font_licence_template_and_icon(tmp_path: Path) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(REPO / "resources", copy)
    assert check_resources(copy) == []

    (copy / "fonts" / "wqy-microhei.COPYRIGHT.txt").unlink()
    (copy / "templates" / "mof-2021.json").unlink()
    (copy / "icons" / "kpi-editor.ico").unlink()
    problems = check_resources(copy)
    assert len(problems) == 3
    assert "wqy-microhei.ttc" in problems[0] and "许可证" in problems[0]
    assert "mof-2021.json" in problems[1]
    assert "kpi-editor.ico" in problems[2]


def test_main_fails_with_what_is_missing_when_resources_are_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KPI_EDITOR_RESOURCES", str(tmp_path / "nowhere"))
    paths.resource_dir.cache_clear()
    try:
        assert main([]) == 1
    finally:
        monkeypatch.undo()
        paths.resource_dir.cache_clear()
    out = capsys.readouterr().out
    assert "资源文件夹不存在" in out and "示例" in out and "self-test FAILED" in out


def test_kpi_editor_self_test_from_source_exits_zero() -> None:
    """The command a support person runs: `python -m kpi_editor --self-test` (no display needed)."""
    result = subprocess.run(
        [sys.executable, "-m", "kpi_editor", "--self-test"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**_clean_env(), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout and "[失败" not in result.stdout


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "KPI_EDITOR_RESOURCES"}


def test_about_lists_both_bundled_fonts_with_their_licences() -> None:
    fonts = {f.font_file: f for f in font_licenses()}
    assert set(fonts) == {"uming.ttc", "wqy-microhei.ttc"}
    assert fonts["uming.ttc"].license == "Arphic Public License"
    assert [p.name for p in fonts["uming.ttc"].license_files] == ["uming.COPYRIGHT.txt", "ARPHICPL.txt"]
    assert fonts["wqy-microhei.ttc"].license.startswith("Apache-2.0")
    assert "ARPHIC PUBLIC LICENSE" in fonts["uming.ttc"].text()
    text = about_text()
    assert __version__ in text and "MIT" in text and "LGPL" in text


def test_windows_version_resource_matches_the_package_version() -> None:
    text = (REPO / "packaging" / "version_info.txt").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"\d+", __version__)][:4]
    numbers += [0] * (4 - len(numbers))
    assert f"filevers=({', '.join(map(str, numbers))})" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text

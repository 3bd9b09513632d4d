"""`kpi validate` levels and cells, and `kpi fix`: batch quick fixes on the bundled sample."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_editor.cli import main
from kpi_editor.io.projectfile import load_booklet, save_booklet


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def sample_findings(sample_path: Path) -> list[dict[str, object]]:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["validate", str(sample_path), "--json", "--advice"]) == 1
    findings: list[dict[str, object]] = json.loads(buffer.getvalue())
    return findings


def test_json_names_the_cell_and_shows_the_working(sample_findings: list[dict[str, object]]) -> None:
    (fiscal,) = [
        f
        for f in sample_findings
        if f["rule"] == "funding.fiscal_mismatch" and f["project"] == "学生资助（长期）"
    ]
    assert (fiscal["field"], fiscal["row"], fiscal["column"]) == ("fiscal", None, None)
    assert (fiscal["actual"], fiscal["expected"]) == ("0", "42.34564")
    assert fiscal["working"] == "财政拨款 0 ≠ 0＋42.34564＋0 ＝ 42.34564"
    assert fiscal["fix"] == "把财政拨款改为42.34564万元"
    year = next(f for f in sample_findings if f["rule"] == "time.wrong_year")
    assert (year["row"], year["column"], year["field"]) == (3, "value", "value")
    assert year["indicator"] == year["row"]  # the old key stays, for scripts that read it
    (preface,) = [f for f in sample_findings if f["rule"] == "booklet.preface_count"]
    assert (preface["section"], preface["field"], preface["department"]) == (3, "body", None)


def test_advice_is_separate(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(sample_path))
    assert code == 1
    assert "\t建议\t" not in out and "建议\tvalue.vague" not in out
    assert "另有" in err and "条建议（加 --advice 显示）" in err
    counted = out.count("\n")
    code, out, err = run(capsys, "validate", str(sample_path), "--advice")
    assert out.count("\n") > counted and "建议\tvalue.vague" in out


def test_exit_status_counts_warnings_unless_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, Project

    rows = [
        Indicator(level1="项目完成", level2="数量指标", name="召开会议", value="按需召开"),  # a warning
        Indicator(level1="项目完成", level2="质量指标", name="会议质量", value="效果显著"),  # advice
        Indicator(level1="项目完成", level2="时效指标", name="完成时间", value="2026年12月31日前"),
        Indicator(level1="项目完成", level2="成本指标", name="会务费", value="25万元"),
        Indicator(level1="项目效益", level2="社会效益指标", name="代表履职率", value="≥95%"),
        Indicator(level1="满意度指标", level2="服务对象满意度指标", name="代表满意度", value="≥90%"),
    ]
    amount = Decimal(25)
    project = Project(
        name="会议经费",
        unit_name="攀枝花市西区人大办",
        funding=Funding(total=amount, fiscal=amount, local=amount),
        indicators=rows,
    )
    path = tmp_path / "w.kpi.json"
    save_booklet(
        Booklet(
            fiscal_year=2026,
            departments=[Department(code="101001", name="攀枝花市西区人大办", projects=[project])],
        ),
        path,
    )
    assert run(capsys, "validate", str(path))[0] == 1
    assert run(capsys, "validate", str(path), "--fail-on", "error")[0] == 0
    rows[0].value = "2次"
    save_booklet(
        Booklet(
            fiscal_year=2026,
            departments=[Department(code="101001", name="攀枝花市西区人大办", projects=[project])],
        ),
        path,
    )
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (0, "") and "共 0 个错误，0 个警告；另有 1 条建议" in err  # advice never fails


def test_fix_recomputes_funding_and_moves_years(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fixed.kpi.json"
    before = sample_path.read_bytes()
    code, stdout, err = run(
        capsys,
        "fix",
        str(sample_path),
        "--rule",
        "funding.fiscal_mismatch",
        "--rule",
        "time.wrong_year",
        "-o",
        str(out),
    )
    assert code == 0 and stdout == ""
    assert sample_path.read_bytes() == before  # the input is never overwritten without --in-place
    assert "已自动修复 5 处" in err and "把财政拨款改为42.34564万元" in err
    fixed = load_booklet(out)
    code, findings_json, _ = run(capsys, "validate", str(out), "--json")
    rules = {f["rule"] for f in json.loads(findings_json)}
    assert "funding.fiscal_mismatch" not in rules and "time.wrong_year" not in rules
    student = next(p for _, p in fixed.projects() if p.name == "学生资助（长期）")
    assert student.funding.fiscal == Decimal("42.34564")


def test_fix_in_place_keeps_a_backup(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.kpi.json"
    shutil.copy(sample_path, path)
    code, _, err = run(capsys, "fix", str(path), "--rule", "value.duplicate_row", "--in-place")
    assert code == 0 and "已自动修复 13 处" in err
    assert (tmp_path / "s.kpi.json.bak").is_file()
    assert load_booklet(path).indicator_count == load_booklet(sample_path).indicator_count - 13


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--rule", "value.unmeasurable", "-o", "OUT"], "没有自动修复"),
        (["--rule", "time.wrong_year"], "请用 -o 指定输出文件"),
        (["--rule", "time.wrong_year", "-o", "IN"], "就是输入文件"),
    ],
)
def test_fix_refuses_bad_arguments_with_one_line(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    path = tmp_path / "in.kpi.json"
    shutil.copy(sample_path, path)
    argv = [str(path) if a == "IN" else str(tmp_path / "o.kpi.json") if a == "OUT" else a for a in argv]
    code, out, err = run(capsys, "fix", str(path), *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
    assert path.read_bytes() == sample_path.read_bytes()


def test_fix_on_a_broken_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.kpi.json"
    bad.write_text('{"schema_version": 1, "booklet": [', encoding="utf-8")
    code, out, err = run(capsys, "fix", str(bad), "--rule", "all", "-o", str(tmp_path / "o.kpi.json"))
    assert code == 2 and out == "" and err.count("\n") == 1 and str(bad) in err
    assert not (tmp_path / "o.kpi.json").exists()


def test_review_report_leaves_advice_out_unless_asked(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    def states(path: Path) -> set[str]:
        workbook = load_workbook(path, read_only=True)
        return {
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        }

    plain, full = tmp_path / "r.xlsx", tmp_path / "r-advice.xlsx"
    assert run(capsys, "report", str(sample_path), "--xlsx", str(plain))[0] == 0
    assert run(capsys, "report", str(sample_path), "--xlsx", str(full), "--advice")[0] == 0
    assert "value.vague" not in states(plain) and "建议" not in states(plain)
    assert {"value.vague", "建议"} <= states(full)

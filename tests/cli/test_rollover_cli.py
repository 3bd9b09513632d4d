"""`kpi rollover`: next year's file on the sample, its report, and bad input refused with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpi_editor.cli import main
from kpi_editor.io.projectfile import load_booklet


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def wrong_years(capsys: pytest.CaptureFixture[str], path: Path) -> set[tuple[str, int]]:
    _, out, _ = run(capsys, "validate", str(path), "--json")
    return {(f["project_id"], f["indicator"]) for f in json.loads(out) if f["rule"] == "time.wrong_year"}


def test_rollover_then_validate_then_again(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source_bytes = sample_path.read_bytes()
    out, report = tmp_path / "2027.kpi.json", tmp_path / "report.json"
    code, stdout, err = run(
        capsys, "rollover", str(sample_path), "-o", str(out), "--year", "2027", "--report", str(report)
    )
    assert code == 0 and stdout == ""
    assert sample_path.read_bytes() == source_bytes
    assert "由2026年度新建2027年度" in err and "待核对" in err and "→ " + str(out) in err
    assert "“2026年为换届选举年" in err  # every cell to check is on stderr, with its place
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["counts"]["changed_cells"] == len(data["changed"]) > 200
    assert data["counts"]["cells_to_check"] == len(data["to_check"]) > 0
    first = data["changed"][0]
    assert first["where"] == "封面标题" and "2027" in first["new"] and "2026" in first["old"]
    assert all(c["where"] and c["reasons"] for c in data["to_check"])

    booklet = load_booklet(out)
    assert booklet.fiscal_year == 2027 and "2027" in booklet.title and booklet.date == "2027年3月"
    source = wrong_years(capsys, sample_path)
    assert wrong_years(capsys, out) <= source

    out2 = tmp_path / "2028.kpi.json"
    code, _, err = run(capsys, "rollover", str(out), "-o", str(out2), "--year", "2028", "--amounts", "clear")
    assert code == 0 and "由2027年度新建2028年度" in err and "已清空" in err
    assert wrong_years(capsys, out2) <= source
    assert load_booklet(out2).projects().__next__()[1].funding.total is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2025"], "必须晚于"),
        (["--year", "2026"], "必须晚于"),
        (["--year", "2199"], "超过5年"),
        (["--year", "99999"], "不是有效的预算年度"),
    ],
)
def test_bad_years_exit_2_with_one_line_and_nothing_written(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "out.kpi.json"
    code, _, err = run(capsys, "rollover", str(sample_path), "-o", str(out), *args)
    assert code == 2 and message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_hostile_inputs_exit_2_and_write_nothing(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "in.kpi.json"
    copy.write_bytes(sample_path.read_bytes())
    before = copy.read_bytes()
    no_year = tmp_path / "noyear.kpi.json"
    no_year.write_text('{"schema_version": 2, "booklet": {"title": "x"}}', encoding="utf-8")
    absurd = tmp_path / "absurd.kpi.json"  # the year says 2099, every cell says 2026
    absurd.write_text(
        before.decode("utf-8").replace('"fiscal_year": 2026', '"fiscal_year": 2099'), encoding="utf-8"
    )
    cases = [
        ([str(copy), "-o", str(copy)], "就是输入文件"),
        ([str(copy), "-o", str(tmp_path / "x" / ".." / "in.kpi.json")], "就是输入文件"),
        ([str(copy), "-o", str(tmp_path / "o.kpi.json"), "--report", str(copy)], "就是输入文件"),
        (
            [str(copy), "-o", str(tmp_path / "o.kpi.json"), "--report", str(tmp_path / "o.kpi.json")],
            "同一个文件",
        ),
        ([str(copy), "-o", str(tmp_path / "missing" / "o.kpi.json")], "不存在"),
        ([str(no_year), "-o", str(tmp_path / "o.kpi.json")], "预算年度"),
        ([str(absurd), "-o", str(tmp_path / "o.kpi.json")], "大多写的是2026年"),
        ([str(tmp_path / "nofile.kpi.json"), "-o", str(tmp_path / "o.kpi.json")], "不存在"),
    ]
    files = sorted(tmp_path.iterdir())
    for argv, message in cases:
        year = "2100" if argv[0] == str(absurd) else "2027"
        code, _, err = run(capsys, "rollover", *argv, "--year", year)
        assert code == 2, argv
        assert message in err and err.count("\n") == 1 and "Traceback" not in err, err
        assert sorted(tmp_path.iterdir()) == files, argv
    assert copy.read_bytes() == before


def test_diff_across_years_says_what_is_only_the_year(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "2027.kpi.json"
    assert main(["rollover", str(sample_path), "-o", str(out), "--year", "2027"]) == 0
    capsys.readouterr()
    code, stdout, err = run(capsys, "diff", str(sample_path), str(out))
    assert code == 1
    lines = stdout.splitlines()
    assert (
        "[101001] “人民代表大会会议经费” 指标改动 第3行指标值：2026年1-12月 → 2027年1-12月（年份顺延）"
        in lines
    )
    shifted = sum(1 for line in lines if line.endswith("（年份顺延）"))
    assert f"其中 {shifted} 处只是年份随预算年度顺延" in err and shifted > 200
    code, stdout, _ = run(capsys, "diff", str(sample_path), str(out), "--json")
    assert sum(1 for c in json.loads(stdout) if c.get("year_shift")) == shifted

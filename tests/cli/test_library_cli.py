"""`kpi library build|search` and `kpi suggest` on the real corpus: output shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpi_editor.cli import main
from kpi_editor.domain.template import load_template
from kpi_editor.io.libraryfile import load_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_from_the_published_text(
    tmp_path: Path, corpus_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "西区.library.json"
    code, _, err = run(capsys, "library", "build", str(corpus_path), "-o", str(out))
    assert code == 0, err
    assert "读取 327 个项目、3623 行指标" in err
    library = load_library(out, load_template("xiqu-2026"))
    assert library.name == "西区2026" and len(library.projects) == 327


def test_build_refuses_to_overwrite_its_input(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "library", "build", str(sample_path), "-o", str(sample_path))
    assert code == 2 and "就是输入文件" in err


def test_suggest_as_json(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "suggest", str(sample_path), "--project", "101001-01", "--top", "2", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["project"] == "人民代表大会会议经费" and data["project_types"] == ["会议类"]
    groups = data["suggestions"]
    assert {"数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标"} <= set(groups)
    assert all(1 <= len(group) <= 2 for group in groups.values())
    first = groups["数量指标"][0]
    assert set(first) >= {"name", "value", "example", "origin", "reason", "explanation", "comparator", "unit"}


def test_suggest_as_text(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "suggest", str(sample_path), "--project", "101001-01", "--top", "1")
    assert code == 0
    assert out.startswith("「人民代表大会会议经费」（会议类）的推荐指标：")
    assert "项目完成 › 数量指标" in out


def test_suggest_errors_are_one_line(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "suggest", str(sample_path), "--project", "nope")
    assert code == 2 and "没有编号为 nope 的项目" in err
    broken = tmp_path / "坏.library.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(
        capsys, "suggest", str(sample_path), "--project", "101001-01", "--library", str(broken)
    )
    assert code == 2 and err.count("\n") == 1 and str(broken) in err
    code, _, err = run(capsys, "suggest", str(sample_path), "--project", "101001-01", "--top", "0")
    assert code == 2


def test_search_with_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "library", "search", "满意度", "--level2", "服务对象满意度指标", "--limit", "5", "--json"
    )
    assert code == 0
    found = json.loads(out)
    assert len(found) == 5 and all("满意度" in s["name"] for s in found)
    code, out, _ = run(capsys, "library", "search", "--type", "培训类", "--fiscal-year", "2027")
    assert code == 0 and "2027年" in out and "2026年" not in out and "培训" in out

"""kpi merge / diff / fingerprint / report, run in-process on the corpus."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpi_editor.cli import main
from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.review import ProjectReview, ReviewStatus, comment
from kpi_editor.io.projectfile import dumps_booklet, load_booklet, save_booklet


@pytest.fixture
def corpus_file(corpus_booklet: Booklet, tmp_path: Path) -> Path:
    path = tmp_path / "corpus.kpi.json"
    save_booklet(corpus_booklet, path)
    return path


def split_files(booklet: Booklet, folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for department in booklet.departments:
        part = booklet.model_copy(update={"departments": [department]})
        path = folder / f"{department.code}.kpi.json"
        save_booklet(part, path)
        paths.append(path)
    return paths


def test_merge_of_the_split_gives_back_the_booklet(
    corpus_booklet: Booklet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = split_files(corpus_booklet, tmp_path / "units")
    out = tmp_path / "booklet.kpi.json"
    # A new booklet's cover and 编制说明 must be chosen: refused (exit 2, nothing written) until it is.
    assert main(["merge", *map(str, reversed(parts)), "-o", str(out)]) == 2
    assert "--front-from" in capsys.readouterr().err and not out.exists()
    assert main(["merge", *map(str, reversed(parts)), "-o", str(out), "--front-from", str(parts[0])]) == 0
    merged = load_booklet(out)
    # The booklet now also logs the 72 files it received; the content is the corpus exactly.
    assert merged.submissions is not None and len(merged.submissions) == 72
    assert merged.model_copy(update={"submissions": None}) == corpus_booklet
    assert merged.total() == Decimal("14050.511679")
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 72  # one line per unit, saying which file it came from
    assert (
        f"116001 {corpus_booklet.department('116001').name} ← {parts[0].parent}/116001.kpi.json"
        in captured.out
    )  # type: ignore[union-attr]
    assert "327 个项目" in captured.err


def test_merge_conflict_writes_nothing_without_replace(
    corpus_booklet: Booklet, corpus_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # model_copy(update=..., deep=True) does not copy the update's values: copy first, then cut.
    resubmitted = corpus_booklet.model_copy(deep=True)
    resubmitted.departments = [resubmitted.departments[2]]
    resubmitted.departments[0].projects[0].name += "（修订）"
    new_file = tmp_path / "resubmitted.kpi.json"
    save_booklet(resubmitted, new_file)
    before = corpus_file.read_bytes()

    assert main(["merge", str(new_file), "-o", str(corpus_file)]) == 1
    captured = capsys.readouterr()
    assert corpus_file.read_bytes() == before
    assert not corpus_file.with_name(corpus_file.name + ".bak").exists()
    code = resubmitted.departments[0].code
    assert f"单位 {code}" in captured.err and "未写入任何文件" in captured.err and "项目更名" in captured.err
    assert "Traceback" not in captured.err

    assert main(["merge", str(new_file), "-o", str(corpus_file), "--replace"]) == 0
    merged = load_booklet(corpus_file)
    assert merged.department(code) == resubmitted.departments[0]
    assert merged.project_count == 327


def test_merge_refuses_another_fiscal_year(
    corpus_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "2025.kpi.json"
    other.write_text(dumps_booklet(Booklet(fiscal_year=2025)), encoding="utf-8")
    out = tmp_path / "out.kpi.json"
    assert main(["merge", str(corpus_file), str(other), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert str(other) in err and "2025年" in err
    assert not out.exists()


def test_diff_reports_exactly_the_three_changes(
    corpus_booklet: Booklet, corpus_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = corpus_booklet.model_copy(deep=True)
    amount = changed.departments[7].projects[0]
    amount.funding.total = Decimal("123.45")
    indicator = changed.departments[20].projects[1].indicators[2]
    indicator.value = "≥99%"
    renamed = changed.departments[50].projects[0]
    old_name = renamed.name
    renamed.name = "新的项目名称"
    # Review state and ids are not content.
    changed.departments[0].projects[0].review = ProjectReview(status=ReviewStatus.APPROVED)
    changed.departments[0].projects[0].id = "changed-id"
    new_file = tmp_path / "new.kpi.json"
    save_booklet(changed, new_file)

    assert main(["diff", str(corpus_file), str(new_file), "--json"]) == 1
    changes = json.loads(capsys.readouterr().out)
    assert [(c["kind"], c["department"], c["project"], c["field"], c["new"]) for c in changes] == [
        ("funding_changed", changed.departments[7].code, amount.name, "total", "123.45"),
        ("indicator_changed", changed.departments[20].code, changed.departments[20].projects[1].name,
         "indicators[2].value", "≥99%"),
        ("project_renamed", changed.departments[50].code, "新的项目名称", "name", "新的项目名称"),
    ]  # fmt: skip
    assert changes[2]["old"] == old_name
    assert all(set(c) == {"kind", "department", "project", "field", "old", "new"} for c in changes)

    assert main(["diff", str(corpus_file), str(new_file)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3 and "共 3 处不同" in captured.err


def test_diff_of_a_reformatted_file_is_empty(
    corpus_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(corpus_file.read_text(encoding="utf-8"))
    other = tmp_path / "reformatted.kpi.json"
    other.write_text(json.dumps(document, ensure_ascii=True, indent=4, sort_keys=True), encoding="utf-8")
    assert main(["diff", str(corpus_file), str(other), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_fingerprint_of_booklet_and_projects(
    corpus_booklet: Booklet, corpus_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fingerprint", str(corpus_file)]) == 0
    assert capsys.readouterr().out == booklet_fingerprint(corpus_booklet) + "\n"
    assert main(["fingerprint", str(corpus_file), "--projects"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 327
    department, project = next(iter(corpus_booklet.projects()))
    assert lines[0] == f"{project_fingerprint(project, department)}\t{department.code}\t{project.name}"
    assert all(re.match(r"^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2}\t\d{6}\t", line) for line in lines)


def test_report_xlsx_and_pdf(
    corpus_booklet: Booklet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booklet = corpus_booklet.model_copy(deep=True)
    booklet.departments[1].projects[0].review = ProjectReview(
        status=ReviewStatus.RETURNED, comments=[comment("请把满意度指标量化为百分比", "审核人", indicator=0)]
    )
    source = tmp_path / "reviewed.kpi.json"
    save_booklet(booklet, source)
    xlsx = tmp_path / "审核意见.xlsx"
    assert main(["report", str(source), "--xlsx", str(xlsx)]) == 0
    assert "未解决意见 1 条" in capsys.readouterr().err
    rows = list(load_workbook(xlsx, read_only=True)["审核明细"].iter_rows(min_row=4, values_only=True))
    assert any(r[4] == "退回修改" and r[7] == "请把满意度指标量化为百分比" for r in rows)

    # The PDF of the whole corpus is covered in tests/io/test_report.py; two units suffice here.
    small = tmp_path / "two-units.kpi.json"
    save_booklet(booklet.model_copy(update={"departments": booklet.departments[:2]}), small)
    pdf = tmp_path / "审核意见.pdf"
    assert main(["report", str(small), "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and "2 个单位" in capsys.readouterr().err


def test_report_needs_one_output_and_bad_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "x.kpi.json"])
    assert info.value.code == 2
    broken = tmp_path / "broken.kpi.json"
    broken.write_text("{", encoding="utf-8")
    capsys.readouterr()
    for argv in (
        ["diff", str(broken), str(broken)],
        ["fingerprint", str(broken)],
        ["merge", str(broken), "-o", "x"],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and str(broken) in err and "Traceback" not in err

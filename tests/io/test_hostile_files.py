"""Every crash the hostile campaign found, as a file in tests/data/hostile/ and what it must give.

Each file crashed a loader or a command before (a traceback, decimal.Overflow, RecursionError,
zlib.error, NotImplementedError, a hang, a message over several lines). Now it loads and every
command that follows works, or it is refused with one line naming the file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kpi_editor.domain.diff import diff_booklets
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.fingerprint import booklet_fingerprint
from kpi_editor.domain.model import Booklet
from kpi_editor.io.booklet_text import import_booklet_text
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import load_booklet
from kpi_editor.io.report import write_review_report
from kpi_editor.io.xlsx import import_xlsx

DATA = Path(__file__).resolve().parents[1] / "data" / "hostile"

# What each file must give: "loads" (and every command then works) or a word of its one-line refusal.
EXPECTED = {
    "amount-overflow.kpi.json": "金额过大",
    "target-overflow.kpi.json": "数值过大",
    "comment-row-huge.kpi.json": "不能大于",
    "cost-40-digits.kpi.json": "loads",
    "escapes-and-path-code.kpi.json": "loads",
    "nested.kpi.json": "嵌套过深",
    "deflate64.xlsx": "不支持的压缩方式",
    "zip-version-9.9.xlsx": "zip 版本",
    "corrupt-deflate-styles.xlsx": "压缩数据已损坏",
    "meta-nested.xlsx": "loads",
    "meta-wrong-shape.xlsx": "loads",
    "dimension-bomb.xlsx": "没有找到任何绩效目标表",
    "last-row.xlsx": "没有找到任何绩效目标表",
    "merge-bomb.xlsx": "合并单元格过多",
    "external-entity.xlsx": "DTD",
    "billion-laughs.xlsx": "DTD",
    "number-cell-not-a-number.xlsx": "单元格内容已损坏",
    "odd-amounts.txt": "loads",
    # pdfplumber's close() re-parsed the damaged page tree and its error replaced the message.
    "damaged-page-tree.pdf": "页面目录损坏",
}


def test_every_file_has_an_expectation() -> None:
    assert sorted(p.name for p in DATA.iterdir()) == sorted(EXPECTED)


def _load(path: Path) -> Booklet:
    if path.suffix == ".xlsx":
        return import_xlsx(path)[0]
    if path.suffix == ".pdf":
        from kpi_editor.io.booklet_pdf import import_booklet_pdf

        return import_booklet_pdf(path)[0]
    if path.suffix == ".txt":
        booklet, report = import_booklet_text(path)
        assert sum(1 for i in report.issues if "无法读取" in i.message) == 3  # the three odd 合计
        return booklet
    return load_booklet(path)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_file_loads_or_is_refused_on_one_line(name: str, tmp_path: Path) -> None:
    path = DATA / name
    expected = EXPECTED[name]
    if expected != "loads":
        with pytest.raises(FileFormatError) as caught:
            _load(path)
        message = str(caught.value)
        assert expected in message and str(path) in message and "\n" not in message
        return
    booklet = _load(path)
    validate_booklet(booklet)
    booklet_fingerprint(booklet)
    diff_booklets(booklet, booklet)
    write_review_report(booklet, tmp_path / "r.xlsx", "xlsx")


@pytest.mark.parametrize("name", ["amount-overflow.kpi.json", "target-overflow.kpi.json", "nested.kpi.json"])
def test_the_command_line_gives_exit_2_and_one_line(name: str) -> None:
    path = DATA / name
    for command in (["validate"], ["fingerprint"], ["diff", str(path)]):
        done = subprocess.run(
            [sys.executable, "-m", "kpi_editor.cli", *command, str(path)], capture_output=True, text=True
        )
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and str(path) in done.stderr


def test_a_fiscal_year_out_of_range_is_refused_in_chinese(tmp_path: Path, sample_booklet: Booklet) -> None:
    from kpi_editor.io.xlsx import export_xlsx

    path = tmp_path / "表.xlsx"
    export_xlsx(sample_booklet, path, departments=[sample_booklet.departments[0].code])
    for year in (10**12, 1989, -2026):
        with pytest.raises(FileFormatError, match="预算年度必须是1990到2200之间的整数") as caught:
            import_xlsx(path, fiscal_year=year)
        assert "Input should" not in str(caught.value)


@pytest.mark.parametrize("loader", ["project", "text"])
def test_files_far_too_large_are_refused_before_they_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: str
) -> None:
    from kpi_editor.io import booklet_text, projectfile

    path = tmp_path / "大.txt"
    path.write_bytes(b"x" * 4096)
    module = projectfile if loader == "project" else booklet_text
    monkeypatch.setattr(module, "MAX_FILE_BYTES" if loader == "project" else "MAX_TEXT_BYTES", 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before its size was checked"))
    with pytest.raises(FileFormatError, match="文件过大"):
        load_booklet(path) if loader == "project" else import_booklet_text(path)


def test_a_submission_of_a_gigabyte_is_refused_by_its_size_with_the_limit_named(tmp_path: Path) -> None:
    # The campaign's 968 MB submission (copied five-megabyte cells) grew the loader by 914 MB
    # when the limit was 1 GB. A sparse file costs no disk; it must be refused from its size.
    from kpi_editor.io.projectfile import MAX_FILE_BYTES
    from kpi_editor.io.submission import load_submission

    assert MAX_FILE_BYTES >= 2 * 88 * 2**20  # twice the 100× booklet still opens
    path = tmp_path / "105001-大.kpi.json"
    with path.open("wb") as f:
        f.truncate(968 * 2**20)
    with pytest.raises(FileFormatError, match="968 MB，上限 256 MB") as caught:
        load_submission(path)
    assert str(path) in str(caught.value)

"""Hostile booklet texts: one odd cell is one reported issue, the rest of the 300-page text imports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kpi_editor.io.booklet_text import UNREADABLE, import_booklet_text, parse_booklet_text

# Amounts that raised decimal.Overflow or pydantic's ValidationError out of _read_funding.
ODD_AMOUNTS = ["9E+999999999", "1e300", "1E+15", "NaN", "-Infinity", "9" * 5000, "0.0000001", "1.2.3"]


@pytest.fixture(scope="module")
def corpus_lines(corpus_path: Path) -> list[str]:
    return corpus_path.read_text(encoding="utf-8").split("\n")


def _total_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.split("\t")[1:2] == ["合计"]]


@pytest.mark.parametrize("odd", ODD_AMOUNTS)
def test_an_odd_amount_is_one_reported_cell_and_the_booklet_still_imports(
    corpus_lines: list[str], odd: str
) -> None:
    lines = list(corpus_lines)
    at = _total_lines(lines)[100]  # table 101's 合计, somewhere in the middle of the booklet
    cells = lines[at].split("\t")
    amount_col = next(i for i, c in enumerate(cells) if i > 1 and c.strip())
    cells[amount_col] = odd
    lines[at] = "\t".join(cells)
    booklet, report = parse_booklet_text("\n".join(lines), "汇编.txt")
    assert booklet.project_count == 327
    issues = [i for i in report.issues if i.line == at + 1 and i.kind == UNREADABLE]
    assert len(issues) == 1 and "合计" in issues[0].message and "\n" not in issues[0].message
    project = [p for _, p in booklet.projects()][100]
    assert project.funding.total is None
    assert project.funding.fiscal is not None  # the block's other rows are kept
    # The other 326 totals are still there, summing as before less this one.
    assert booklet.total() > Decimal(13000)


def test_every_amount_in_the_booklet_odd_still_imports_every_table(corpus_lines: list[str]) -> None:
    lines = list(corpus_lines)
    for n, at in enumerate(_total_lines(lines)):
        cells = lines[at].split("\t")
        cells = [ODD_AMOUNTS[n % len(ODD_AMOUNTS)] if i > 1 and c.strip() else c for i, c in enumerate(cells)]
        lines[at] = "\t".join(cells)
    booklet, report = parse_booklet_text("\n".join(lines), "汇编.txt")
    assert booklet.project_count == 327
    assert all(p.funding.total is None for _, p in booklet.projects())
    assert sum(1 for i in report.issues if "合计" in i.message and i.kind == UNREADABLE) >= 327


def test_hostile_text_file_on_disk(tmp_path: Path, corpus_lines: list[str]) -> None:
    lines = list(corpus_lines)
    at = _total_lines(lines)[0]
    lines[at] = "\t合计\t\t9E+999999999\t"
    path = tmp_path / "汇编.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    booklet, report = import_booklet_text(path)
    assert booklet.project_count == 327
    assert any(i.line == at + 1 for i in report.issues)

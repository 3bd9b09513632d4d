"""How much text one table cell of a PDF may hold.

A cell taller than a page is split at each page break, and ReportLab lays out the rest of the
cell again at every split: time grows with the square of the cell's length (a 300 kB indicator
value took 54 s, 10,000 short lines in one cell 79 s). A table cell of the official form holds a
sentence or a paragraph, never a book, so a cell beyond these limits is refused with a message
that names it instead; within them every cell is laid out in well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kpi_editor.domain.labels import COLUMN_NAMES
from kpi_editor.domain.model import Department, Project

MAX_CELL_CHARS = 20_000  # about 25 printed pages of one narrow column
MAX_CELL_LINES = 1_000


def too_long(text: str) -> str | None:
    """Why `text` cannot go into one PDF cell, or None when it can."""
    if len(text) > MAX_CELL_CHARS:
        return f"有{len(text):,}个字，超过 PDF 单元格的上限 {MAX_CELL_CHARS:,} 字"
    lines = text.count("\n") + 1
    if lines > MAX_CELL_LINES:
        return f"有{lines:,}行，超过 PDF 单元格的上限 {MAX_CELL_LINES:,} 行"
    return None


def project_cells(project: Project) -> Iterator[tuple[str, str]]:
    """(where, text) of every cell of a project's table, as a clerk would name it."""
    yield "项目名称", project.name
    yield "部门（单位）", project.unit_name
    for number, indicator in enumerate(project.indicators, start=1):
        for key in ("level1", "level2", "name", "value"):
            yield f"第{number}行的{COLUMN_NAMES.get(key, key)}", getattr(indicator, key)
        for key, text in indicator.extra.items():
            yield f"第{number}行的{key}", text


def first_too_long(chosen: Sequence[tuple[Department, Iterable[Project]]]) -> str | None:
    """A one-line message naming the first cell of `chosen` that is too long, or None."""
    for department, projects in chosen:
        for project in projects:
            for where, text in project_cells(project):
                why = too_long(text)
                if why is not None:
                    name = project.name if len(project.name) <= 30 else project.name[:29] + "…"
                    return f"单位 {department.code} 的项目「{name}」{where}{why}，无法排版；请精简或拆成几行后再导出"
    return None

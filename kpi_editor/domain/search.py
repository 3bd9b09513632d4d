"""Finding text in a booklet: every place it occurs, in booklet order.

`places` is the one walk over a booklet's text: 查找 (`find`) and 查找和替换
(`kpi_editor.domain.replace`) both read the booklet through it, so they see the same cells in the
same order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import groupby

from kpi_editor.domain.edits import PREFACE, ItemPath, item_at
from kpi_editor.domain.model import Booklet, Department, Project

ROW_FIELDS = ("level1", "level2", "name", "value")
COVER_FIELDS = ("title", "compiler", "date", "preface_title")
SECTION_FIELDS = ("heading", "body")


class TextKind(Enum):
    """The kinds of text a search can be limited to."""

    CODES = "codes"  # 单位编码
    NAMES = "names"  # 单位名称, 项目名称, a project's 部门（单位）
    LEVELS = "levels"  # 一级指标, 二级指标
    INDICATORS = "indicators"  # 三级指标
    VALUES = "values"  # 指标值
    COVER = "cover"  # 标题, 编制单位, 日期, 编制说明标题
    PREFACE = "preface"  # 编制说明 sections: heading and body


_ROW_KINDS = {"level1": TextKind.LEVELS, "level2": TextKind.LEVELS, "name": TextKind.INDICATORS}
FIND_KINDS = frozenset(
    {TextKind.CODES, TextKind.NAMES, TextKind.LEVELS, TextKind.INDICATORS, TextKind.VALUES}
)


@dataclass(frozen=True)
class Place:
    """One text field of one item: ``path`` as in `kpi_editor.domain.edits`, ``field`` its name."""

    path: ItemPath
    field: str
    text: str


def places(booklet: Booklet, kinds: Collection[TextKind], scope: ItemPath = ()) -> Iterator[Place]:
    """Every text field of the given kinds inside `scope`, in booklet order: the cover and the
    编制说明 (whole booklet only), then each unit, its projects and their rows. `scope` is ``()``
    (the booklet), ``(d,)`` (a unit) or ``(d, p)`` (a project); an item's fields come together."""
    row_fields = [name for name in ROW_FIELDS if _ROW_KINDS.get(name, TextKind.VALUES) in kinds]
    if not scope:
        if TextKind.COVER in kinds:
            for name in COVER_FIELDS:
                yield Place((), name, getattr(booklet, name))
        if TextKind.PREFACE in kinds:
            for s, section in enumerate(booklet.preface):
                for name in SECTION_FIELDS:
                    yield Place((*PREFACE, s), name, getattr(section, name))
        for d, department in enumerate(booklet.departments):
            yield from _department_places(department, (d,), kinds, row_fields)
        return
    item = item_at(booklet, scope)
    if isinstance(item, Department):
        yield from _department_places(item, scope, kinds, row_fields)
    elif isinstance(item, Project):
        yield from _project_places(item, scope, kinds, row_fields)
    else:
        raise ValueError(f"不能在 {scope} 中查找：范围应为全册、一个单位或一个项目")


def _department_places(
    department: Department, path: ItemPath, kinds: Collection[TextKind], row_fields: list[str]
) -> Iterator[Place]:
    if TextKind.CODES in kinds:
        yield Place(path, "code", department.code)
    if TextKind.NAMES in kinds:
        yield Place(path, "name", department.name)
    for p, project in enumerate(department.projects):
        yield from _project_places(project, (*path, p), kinds, row_fields)


def _project_places(
    project: Project, path: ItemPath, kinds: Collection[TextKind], row_fields: list[str]
) -> Iterator[Place]:
    if TextKind.NAMES in kinds:
        yield Place(path, "name", project.name)
        yield Place(path, "unit_name", project.unit_name)
    for i, indicator in enumerate(project.indicators):
        row = (*path, i)
        for name in row_fields:
            yield Place(row, name, getattr(indicator, name))


@dataclass(frozen=True)
class Hit:
    path: ItemPath  # (d,) a unit, (d, p) a project, (d, p, i) an indicator row
    field: str | None  # the field the text is in; None for a unit's code and name


def find(booklet: Booklet, text: str) -> list[Hit]:
    """Unit codes and names, project names (else their 部门（单位）), and indicator cells (the first
    matching cell of a row), case-insensitively."""
    needle = text.casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    for path, group in groupby(places(booklet, FIND_KINDS), key=lambda place: place.path):
        fields = list(group)
        if len(path) == 1:
            # A unit is one line of the tree: its code and name are found together ("116002 西区").
            if needle in " ".join(place.text for place in fields).casefold():
                hits.append(Hit(path, None))
            continue
        first = next((place for place in fields if needle in place.text.casefold()), None)
        if first is not None:
            hits.append(Hit(path, first.field))
    return hits

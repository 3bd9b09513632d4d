"""Finding text in a booklet: every place it occurs, in booklet order."""

from __future__ import annotations

from dataclasses import dataclass

from kpi_editor.domain.edits import ItemPath
from kpi_editor.domain.model import Booklet

ROW_FIELDS = ("level1", "level2", "name", "value")


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
    for d, department in enumerate(booklet.departments):
        if needle in f"{department.code} {department.name}".casefold():
            hits.append(Hit((d,), None))
        for p, project in enumerate(department.projects):
            if needle in project.name.casefold():
                hits.append(Hit((d, p), "name"))
            elif needle in project.unit_name.casefold():
                hits.append(Hit((d, p), "unit_name"))
            for i, indicator in enumerate(project.indicators):
                for key in ROW_FIELDS:
                    if needle in getattr(indicator, key).casefold():
                        hits.append(Hit((d, p, i), key))
                        break
    return hits

"""The rows a new project starts with, from the form template."""

from __future__ import annotations

from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.template import FormTemplate


def required_rows(template: FormTemplate) -> list[Indicator]:
    """One empty row per required 二级 and one of each required group, in template order."""
    rows = [
        Indicator(level1=template.parent_of(spec.name) or "", level2=spec.name)
        for spec in template.required_level2()
    ]
    present = {row.level2 for row in rows}
    for group in template.required_groups:
        if not present.intersection(group.any_of):
            name = group.any_of[0]
            rows.append(Indicator(level1=template.parent_of(name) or "", level2=name))
            present.add(name)
    order = {name: i for i, name in enumerate(template.level2_names())}
    rows.sort(key=lambda row: order.get(row.level2, len(order)))
    return rows


def new_booklet(template: FormTemplate, fiscal_year: int, code: str = "", unit: str = "") -> Booklet:
    """A booklet to start from: the clerk's unit with one project whose rows follow the template."""
    project = Project(name="新项目", unit_name=unit, indicators=required_rows(template))
    department = Department(code=code, name=unit or "新单位", projects=[project])
    return Booklet(
        fiscal_year=fiscal_year,
        template_id=template.id,
        template_version=template.version,
        title=template.labels.title,
        departments=[department],
    )


def block_insertion_row(rows: list[Indicator], level2: str, template: FormTemplate) -> int:
    """Where a new row of `level2` goes: after the last row of its 二级 block; a 二级 the project
    has no row of yet goes after the blocks that come before it in the template (else at the end)."""
    for index in range(len(rows) - 1, -1, -1):
        if rows[index].level2 == level2:
            return index + 1
    order = {name: i for i, name in enumerate(template.level2_names())}
    rank = order.get(level2)
    if rank is None:
        return len(rows)
    for index in range(len(rows) - 1, -1, -1):
        if order.get(rows[index].level2, len(order)) <= rank:
            return index + 1
    return 0

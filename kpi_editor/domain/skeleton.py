"""The rows a new project starts with, from the form template."""

from __future__ import annotations

from kpi_editor.domain.model import Indicator
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

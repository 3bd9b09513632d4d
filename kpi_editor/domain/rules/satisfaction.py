"""满意度指标: a percentage, at least the template's threshold.

A form with 指标性质 | 指标值 | 度量单位 columns states the percentage in parts (≥ | 95 | %): the
structured target is read first, the printed text only when the row has none.
"""

from __future__ import annotations

from decimal import Decimal

from kpi_editor.domain.amounts import parse_percents
from kpi_editor.domain.model import Target
from kpi_editor.domain.rules import ProjectContext, fmt_amount, quote, row_label


def _floors(value: str, target: Target | None) -> list[Decimal] | None:
    """The satisfaction levels a row promises; None when it states no percentage at all."""
    if target is not None and target.number is not None:
        # Upper bounds (不满意率≤5%) are not the satisfaction level itself.
        if target.unit.strip() not in ("%", "％") or target.comparator in ("<=", "<"):
            return None
        return [target.number]
    # Upper bounds (不满意率≤5%) are not the satisfaction level itself.
    found = [p.value for p in parse_percents(value) if p.comparator not in ("<=", "<")]
    return found or None


def check(ctx: ProjectContext) -> None:
    minimum = ctx.index.satisfaction_min
    for row in ctx.rows_of_kind("satisfaction"):
        value = row.indicator.value
        if not value.strip():
            continue  # value.empty reports it
        where = row_label(row.index)
        floors = _floors(value, row.indicator.target)
        if floors is None:
            ctx.report(
                "satisfaction.not_percent",
                f"{where}满意度指标值{quote(value)}不是百分比，请写成“≥{fmt_amount(minimum)}%”这样的形式。",
                indicator=row.index,
                field="value",
            )
            continue
        level = floors[0]
        if level < minimum:
            ctx.report(
                "satisfaction.below_threshold",
                f"{where}满意度目标{fmt_amount(level)}%低于规定的{fmt_amount(minimum)}%，"
                f"请提高到不低于{fmt_amount(minimum)}%。",
                indicator=row.index,
                field="value",
            )

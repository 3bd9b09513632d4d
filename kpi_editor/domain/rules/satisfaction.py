"""满意度指标: a percentage, at least the template's threshold."""

from __future__ import annotations

from kpi_editor.domain.amounts import parse_percents
from kpi_editor.domain.rules import ProjectContext, fmt_amount, quote, row_label


def check(ctx: ProjectContext) -> None:
    minimum = ctx.index.satisfaction_min
    for row in ctx.rows_of_kind("satisfaction"):
        value = row.indicator.value
        if not value.strip():
            continue  # value.empty reports it
        where = row_label(row.index)
        # Upper bounds (不满意率≤5%) are not the satisfaction level itself.
        floors = [p for p in parse_percents(value) if p.comparator not in ("<=", "<")]
        if not floors:
            ctx.report(
                "satisfaction.not_percent",
                f"{where}满意度指标值{quote(value)}不是百分比，请写成“≥{fmt_amount(minimum)}%”这样的形式。",
                indicator=row.index,
                field="value",
            )
            continue
        target = floors[0]
        if target.value < minimum:
            ctx.report(
                "satisfaction.below_threshold",
                f"{where}满意度目标{fmt_amount(target.value)}%低于规定的{fmt_amount(minimum)}%，"
                f"请提高到不低于{fmt_amount(minimum)}%。",
                indicator=row.index,
                field="value",
            )

"""时效指标: deadlines must fall in the fiscal year (a 2025年12月31日 left over from last year's form)."""

from __future__ import annotations

from kpi_editor.domain.amounts import years_in
from kpi_editor.domain.rules import ProjectContext, quote, row_label


def check(ctx: ProjectContext) -> None:
    year = ctx.fiscal_year
    for row in ctx.rows_of_kind("time"):
        other = sorted({y for y in years_in(row.indicator.value) if y != year})
        if other:
            named = "、".join(f"{y}年" for y in other)
            ctx.report(
                "time.wrong_year",
                f"{row_label(row.index)}时效指标值{quote(row.indicator.value)}写的是{named}，"
                f"不是预算年度{year}年，请改为{year}年内的时间（如“{year}年12月31日前”）。",
                indicator=row.index,
                field="value",
            )

"""成本指标: the money the cost rows name should add up to the project's 合计.

Each cost row commits to the amount its 指标值 states (or, failing that, its 三级 name:
``…工作等经费4万元``). Unit prices never count. When some rows are marked as the whole
(项目总成本, 工作经费总额 …), only they count, since the other rows are parts of it. A cell that
is nothing but a number is read in 万元 like the funding column, unless that is more than the
whole budget, in which case the clerk meant 元 (81000 in a 20万元 project). Rows that each
restate the whole budget count once.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kpi_editor.domain.amounts import money_total_wan, parse_bare_number
from kpi_editor.domain.rules import ProjectContext, Row, fmt_amount, quote, row_label

_WHOLE_RE = re.compile(r"总成本|总经费|总费用|总额|总投资|总支出|总预算|合计|共计|总计")


def row_amount(row: Row, total: Decimal | None) -> tuple[Decimal | None, bool]:
    """(amount in 万元, whether it was a bare number without a unit)."""
    value = row.indicator.value
    amount = money_total_wan(value)
    if amount is not None:
        return amount, False
    bare = parse_bare_number(value)
    if bare is not None:
        _, number = bare
        if total is not None and number > total and number / 10000 <= total:
            return number / 10000, True
        return number, True
    return money_total_wan(row.indicator.name), False


def check(ctx: ProjectContext) -> None:
    rows = ctx.rows_of_kind("cost")
    if not rows:
        return  # a missing 成本指标 is reported by structure.missing_level2
    total = ctx.project.funding.total
    total_label = ctx.index.funding_labels.get("total", "合计")
    amounts: list[tuple[Row, Decimal]] = []
    for row in rows:
        amount, bare = row_amount(row, total)
        if amount is None:
            continue
        amounts.append((row, amount))
        if bare:
            ctx.report(
                "cost.bare_number",
                f"{row_label(row.index)}成本指标值{quote(row.indicator.value)}没有写单位，"
                f"按{fmt_amount(amount)}万元计算；请写明单位，如“{fmt_amount(amount)}万元”。",
                indicator=row.index,
                field="value",
            )
    first = rows[0].index
    if not amounts:
        names = "、".join(quote(r.indicator.name, 12) for r in rows[:3])
        ctx.report(
            "cost.no_amount",
            f"成本指标（{names}）都没有写金额，无法与{total_label}核对；"
            f"请在指标值中写明成本金额，如“{fmt_amount(total) if total is not None else '25'}万元”。",
            indicator=first,
            field="value",
        )
        return
    if total is None:
        return  # funding.missing_total already asks for it
    whole = [(r, a) for r, a in amounts if _WHOLE_RE.search(r.indicator.name + r.indicator.value)]
    counted = whole or amounts
    committed = sum((a for _, a in counted), Decimal(0))
    if len(counted) > 1 and all(a == total for _, a in counted):
        committed = total  # every row restates the whole budget (成本控制 ≤4万元 / 预算资金 4万元)
    parts = "＋".join(f"{fmt_amount(a)}" for _, a in counted)
    rows_text = "、".join(row_label(r.index) for r, _ in counted)
    summed = (
        f"{rows_text}成本指标金额{parts}＝{fmt_amount(committed)}万元"
        if len(counted) > 1
        else (f"{rows_text}成本指标金额{fmt_amount(committed)}万元")
    )
    if committed > total:
        ctx.report(
            "cost.over_total",
            f"{summed}，超过了{total_label}{fmt_amount(total)}万元，请核对成本金额或资金来源。",
            indicator=counted[0][0].index,
            field="value",
        )
    elif committed < total:
        ctx.report(
            "cost.short_of_total",
            f"{summed}，少于{total_label}{fmt_amount(total)}万元（差{fmt_amount(total - committed)}万元），"
            f"请补全成本构成或核对资金来源。",
            indicator=counted[0][0].index,
            field="value",
        )

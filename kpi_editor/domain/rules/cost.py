"""成本指标: the money the cost rows name should add up to the project's 合计.

Each cost row commits to the amount its 指标值 states (or, failing that, its 三级 name:
``…工作等经费4万元``). Unit prices never count. When some rows are marked as the whole
(项目总成本, 工作经费总额 …), only they count, since the other rows are parts of it. A cell that
is nothing but a number is read in 万元 like the funding column, unless that is more than the
whole budget, in which case the clerk meant 元 (81000 in a 20万元 project). Rows that each
restate the whole budget count once.

When the sum misses 合计 by a factor of exactly 10,000 the slip is the unit, not the amount:
a funding block typed in 元 (合计 250000 for cost rows of 25万元) or a cost row in 元 that
means 万元 (25元 in a 25万元 project). Both have a certain fix.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kpi_editor.domain.amounts import MoneyMention, money_total_wan, parse_bare_number, parse_money_amounts
from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.rules import (
    BookletContext,
    CostSum,
    ProjectContext,
    QuickFix,
    Row,
    fmt_amount,
    quote,
    row_label,
)
from kpi_editor.domain.rules.funding import YUAN_PER_WAN, in_yuan_fix

_WHOLE_RE = re.compile(r"总成本|总经费|总费用|总额|总投资|总支出|总预算|合计|共计|总计")
# A cost target is a cap: these words before (or 以上 after) an amount make it a floor.
_FLOOR_BEFORE: dict[str, str] = {
    "\\geq": "\\leq",
    "\\ge": "\\le",
    "≥": "≤",
    "＞": "≤",
    ">=": "≤",
    ">": "≤",
    "≧": "≤",
    "不得低于": "不得超过",
    "不得少于": "不得超过",
    "不低于": "不超过",
    "不少于": "不超过",
    "不小于": "不超过",
    "至少": "不超过",
}
_FLOOR_BEFORE_RE = re.compile("|".join(re.escape(w) for w in sorted(_FLOOR_BEFORE, key=len, reverse=True)))
_FLOOR_AFTER_RE = re.compile(r"\s*(及以上|以上)")
_CLAUSE_RE = re.compile(r"[，,。；;、]")


def row_amount(row: Row, total: Decimal | None) -> tuple[Decimal | None, str | None]:
    """(amount in 万元, the unit assumed for a bare number without one: "元", "万元" or None)."""
    value = row.indicator.value
    amount = money_total_wan(value)
    if amount is not None:
        return amount, None
    bare = parse_bare_number(value)
    if bare is not None:
        _, number = bare
        if total is not None and number > total and number / 10000 <= total:
            return number / 10000, "元"
        return number, "万元"
    return money_total_wan(row.indicator.name), None


def check(ctx: ProjectContext) -> None:
    rows = ctx.rows_of_kind("cost")
    if not rows:
        return  # a missing 成本指标 is reported by structure.missing_level2
    total = ctx.project.funding.total
    total_label = ctx.index.funding_labels.get("total", "合计")
    amounts: list[tuple[Row, Decimal]] = []
    for row in rows:
        _check_floor(ctx, row)
        amount, bare_unit = row_amount(row, total)
        if amount is None:
            continue
        amounts.append((row, amount))
        if bare_unit:
            written = row.indicator.value.strip() + bare_unit
            ctx.report(
                "cost.bare_number",
                f"{row_label(row.index)}成本指标值{quote(row.indicator.value)}没有写单位，"
                f"按{fmt_amount(amount)}万元计算；请写明单位，如“{fmt_amount(amount)}万元”。",
                indicator=row.index,
                field="value",
                actual=row.indicator.value.strip(),
                expected=written,
                fix=QuickFix(f"改为“{written}”", (SetValue((row.index,), "value", written),)),
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
    ctx.cost = CostSum(tuple(counted), committed)
    if committed == total or total == 0:
        return
    parts = "＋".join(f"{fmt_amount(a)}" for _, a in counted)
    rows_text = "、".join(row_label(r.index) for r, _ in counted)
    summed = (
        f"{rows_text}成本指标金额{parts}＝{fmt_amount(committed)}万元"
        if len(counted) > 1
        else (f"{rows_text}成本指标金额{fmt_amount(committed)}万元")
    )
    working = (
        f"成本 {parts}"
        + (f" ＝ {fmt_amount(committed)}" if len(counted) > 1 else "")
        + (f" {'＞' if committed > total else '＜'} {total_label} {fmt_amount(total)}")
    )
    # Off by exactly 10,000: the unit slipped. Either the funding block is in 元 (合计 250000 for
    # 25万元 of costs) or a cost cell says 元 for 万元 (25元 in a 25万元 project); when both fit,
    # the reading that leaves a project of plausible size wins.
    yuan_block = committed * YUAN_PER_WAN == total
    slip = _unit_slip(counted, total, committed)
    if slip is not None and (not yuan_block or total / YUAN_PER_WAN < ctx.template.thresholds.total_min):
        row, new_value, new_amount = slip
        ctx.report(
            "cost.unit_slip",
            f"{summed}，少于{total_label}{fmt_amount(total)}万元；{row_label(row.index)}的金额以“元”计，"
            f"若按“万元”计正好等于{total_label}，像是把万元写成了元；请改为{quote(new_value, 40)}。",
            indicator=row.index,
            field="value",
            actual=row.indicator.value,
            expected=new_value,
            working=f"{working}；按万元计 {fmt_amount(new_amount)} ＝ {total_label} {fmt_amount(total)}",
            fix=QuickFix(
                f"把“元”改为“万元”：{quote(new_value, 24)}", (SetValue((row.index,), "value", new_value),)
            ),
        )
        return
    if yuan_block:
        funding_label = ctx.index.funding_labels.get("fiscal", "财政拨款")
        ctx.report(
            "funding.in_yuan",
            f"{total_label}{fmt_amount(total)}万元正好是{summed}的1万倍：资金来源像是按元填写的；"
            f"请把{total_label}、{funding_label}等各行除以10000，即{total_label}{fmt_amount(committed)}万元。",
            field="total",
            actual=fmt_amount(total),
            expected=fmt_amount(committed),
            working=f"{total_label} {fmt_amount(total)} ＝ 成本 {fmt_amount(committed)} × 10000",
            fix=in_yuan_fix(
                ctx.project.funding,
                f"资金来源各行除以10000（元→万元），{total_label}改为{fmt_amount(committed)}万元",
            ),
        )
        return
    if committed > total:
        ctx.report(
            "cost.over_total",
            f"{summed}，超过了{total_label}{fmt_amount(total)}万元，请核对成本金额或资金来源。",
            indicator=counted[0][0].index,
            field="value",
            actual=fmt_amount(committed),
            expected=fmt_amount(total),
            working=working,
        )
    else:
        ctx.report(
            "cost.short_of_total",
            f"{summed}，少于{total_label}{fmt_amount(total)}万元（差{fmt_amount(total - committed)}万元），"
            f"请补全成本构成或核对资金来源。",
            indicator=counted[0][0].index,
            field="value",
            actual=fmt_amount(committed),
            expected=fmt_amount(total),
            working=working,
        )


def _yuan_mentions(text: str) -> list[MoneyMention]:
    """Amounts written in plain 元 that count towards the row's total (not unit prices)."""
    return [
        m
        for m in parse_money_amounts(text)
        if m.text.endswith("元") and not m.text.endswith(("万元", "千元", "亿元")) and not m.is_unit_price
    ]


def _unit_slip(
    counted: list[tuple[Row, Decimal]], total: Decimal, committed: Decimal
) -> tuple[Row, str, Decimal] | None:
    """The one row whose 元 amounts, read as 万元, make the cost rows add up to 合计 exactly."""
    for row, amount in counted:
        value = row.indicator.value
        mentions = _yuan_mentions(value)
        if not mentions:
            continue
        new_value = value
        for mention in reversed(mentions):  # right to left, so earlier spans stay valid
            start, end = mention.span
            new_value = new_value[:start] + mention.text[:-1] + "万元" + new_value[end:]
        new_amount = money_total_wan(new_value)
        if new_amount is not None and committed - amount + new_amount == total:
            return row, new_value, new_amount
    return None


def _check_floor(ctx: ProjectContext, row: Row) -> None:
    value = row.indicator.value
    for mention in parse_money_amounts(value):
        if mention.comparator not in (">=", ">") or mention.is_unit_price:
            continue
        capped = _as_cap(value, mention)
        ctx.report(
            "cost.floor",
            f"{row_label(row.index)}成本指标值{quote(value)}把金额写成了下限（{quote(mention.text, 12)}以上），"
            f"成本指标应控制上限，请改为{quote(capped, 30) if capped else '“≤' + mention.text + '”'}。",
            indicator=row.index,
            field="value",
            actual=value,
            expected=capped,
            fix=QuickFix(f"改为上限：{quote(capped, 24)}", (SetValue((row.index,), "value", capped),))
            if capped
            else None,
        )
        return


def _as_cap(value: str, mention: MoneyMention) -> str | None:
    """`value` with the floor word next to `mention` turned into a cap (≥ → ≤, 不低于 → 不超过)."""
    start, end = mention.span
    before = [m for m in _FLOOR_BEFORE_RE.finditer(value, max(0, start - 10), start) if start - m.end() <= 4]
    if before and not _CLAUSE_RE.search(value, before[-1].end(), start):
        match = before[-1]
        return value[: match.start()] + _FLOOR_BEFORE[match.group()] + value[match.end() :]
    after = _FLOOR_AFTER_RE.match(value, end)
    if after:
        return value[: after.start(1)] + "以内" + value[after.end(1) :]
    return None


def check_booklet(ctx: BookletContext) -> None:
    """A cost row copied from another project: the same row, naming that project's 合计, short of ours."""
    restating: dict[tuple[str, str], ProjectContext] = {}
    for project_ctx in ctx.projects:
        total = project_ctx.project.funding.total
        if project_ctx.cost is None or total is None:
            continue
        for row, amount in project_ctx.cost.rows:
            if amount == total:
                restating.setdefault(_row_key(row), project_ctx)
    if not restating:
        return
    for project_ctx in ctx.projects:
        cost = project_ctx.cost
        total = project_ctx.project.funding.total
        if cost is None or total is None or cost.committed >= total:
            continue
        for row, amount in cost.rows:
            source = restating.get(_row_key(row))
            if source is None or source is project_ctx or amount >= total:
                continue
            other = source.project
            where = (
                "本单位"
                if source.department_code == project_ctx.department_code
                else f"单位{source.department_code}"
            )
            total_label = ctx.index.funding_labels.get("total", "合计")
            ctx.report(
                "cost.copied_amount",
                f"{row_label(row.index)}成本指标{quote(row.indicator.name, 16)}：{quote(row.indicator.value, 16)}"
                f"与{where}项目“{other.name}”的成本指标一字不差，金额{fmt_amount(amount)}万元正是该项目的{total_label}，"
                f"而本项目{total_label}为{fmt_amount(total)}万元；像是复制后没有改金额，请按本项目填写成本。",
                department=project_ctx.department_code,
                project=project_ctx.project,
                indicator=row.index,
                field="value",
                actual=fmt_amount(amount),
                expected=fmt_amount(total),
                working=f"成本 {fmt_amount(cost.committed)} ＜ {total_label} {fmt_amount(total)}；"
                f"{fmt_amount(amount)} ＝ “{other.name}”的{total_label}",
            )
            break


def _row_key(row: Row) -> tuple[str, str]:
    return "".join(row.indicator.name.split()), "".join(row.indicator.value.split())

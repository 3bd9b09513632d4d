"""Structured columns: 权重/分值 against the form's rule, 度量单位 against the 二级's kind, 定性 only
where the form allows it, 指标性质 against 指标方向性, and template hints left in 三级 names.

Forms without these columns have nothing here to check: every test starts from the template.
"""

from __future__ import annotations

from decimal import Decimal

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.rules import ProjectContext, QuickFix, Row, fmt_amount, quote, row_label
from kpi_editor.domain.targets import SYMBOLS, template_hint
from kpi_editor.domain.template import WeightRule


def check(ctx: ProjectContext) -> None:
    template = ctx.template
    for row in ctx.rows:
        if template_hint(row.indicator.name) is not None:
            _report_hint(ctx, row)
    if template.weights is not None and template.column("weight") is not None:
        _check_weights(ctx, template.weights)
    if not template.structured:
        return
    for row in ctx.rows:
        target = row.indicator.target
        if target is None or row.level2 is None:
            continue
        if target.comparator == "qualitative":
            if row.level2 not in ctx.index.qualitative:
                ctx.report(
                    "target.qualitative",
                    f"{row_label(row.index)}{row.level2}的指标性质是“定性”：本表样的{row.level2}应为定量指标，"
                    f"请选择 ≥、≤ 或 =，并填写指标值和度量单位。",
                    indicator=row.index,
                    field="comparator",
                    actual="定性",
                )
            continue
        _check_unit(ctx, row)
        if row.indicator.direction == "negative" and target.comparator in (">=", ">"):
            ctx.report(
                "target.direction",
                f"{row_label(row.index)}是反向指标（越小越好），指标性质却是“{SYMBOLS[target.comparator]}”："
                f"反向指标通常写成“≤”（如投诉率≤5%）；请核对指标性质或指标方向性。",
                indicator=row.index,
                field="comparator",
                actual=SYMBOLS[target.comparator],
                expected="≤",
            )


def _check_unit(ctx: ProjectContext, row: Row) -> None:
    target = row.indicator.target
    assert target is not None and row.level2 is not None
    units, strict = ctx.template.units_for(row.level2)
    if not strict or (target.number is None and target.date is None):
        return
    unit = "日期" if target.date is not None else target.unit.strip()
    if unit in units:
        return
    shown = f"“{unit}”" if unit else "空白"
    ctx.report(
        "target.unit_kind",
        f"{row_label(row.index)}{row.level2}的度量单位是{shown}，不合{row.level2}的要求："
        f"应为{'、'.join(units)}之一。",
        indicator=row.index,
        field="unit",
        actual=unit,
        expected="、".join(units),
    )


def _report_hint(ctx: ProjectContext, row: Row) -> None:
    name = row.indicator.name
    hint = template_hint(name)
    assert hint is not None
    cleaned = name.replace(hint, "", 1).strip()
    fix = QuickFix(f"删去提示“{hint}”", (SetValue((row.index,), "name", cleaned),)) if cleaned else None
    ctx.report(
        "text.name_hint",
        f"{row_label(row.index)}三级指标{quote(name)}中留有表样的填写提示“{hint}”："
        f"请删去，并把目标写在指标值中。",
        indicator=row.index,
        field="name",
        actual=name,
        expected=cleaned or None,
        fix=fix,
    )


def _check_weights(ctx: ProjectContext, rule: WeightRule) -> None:
    rows = [r for r in ctx.rows if r.indicator.name.strip() or r.indicator.value.strip()]
    weighted = [(r, r.indicator.weight) for r in rows if r.indicator.weight is not None]
    if not rows:
        return
    reserved = "".join(f"，另有{p.label}{fmt_amount(p.points)}分" for p in rule.reserved)
    if not weighted:
        if rule.required:
            ctx.report(
                "weight.missing",
                f"本表的指标都没有填写权重（分值）：各行权重合计应为{fmt_amount(rule.total)}分{reserved}。",
                indicator=rows[0].index,
                field="weight",
            )
        return
    if rule.required:
        for row in rows:
            if row.indicator.weight is None:
                ctx.report(
                    "weight.missing",
                    f"{row_label(row.index)}没有填写权重（分值）。",
                    indicator=row.index,
                    field="weight",
                )
    total = sum((w for _, w in weighted), Decimal(0))
    if total != rule.total:
        parts = "＋".join(fmt_amount(w) for _, w in weighted)
        ctx.report(
            "weight.total",
            f"各行权重合计{fmt_amount(total)}分，应为{fmt_amount(rule.total)}分{reserved}；"
            f"请调整各行的权重。",
            indicator=weighted[-1][0].index,
            field="weight",
            actual=fmt_amount(total),
            expected=fmt_amount(rule.total),
            working=f"{parts} ＝ {fmt_amount(total)} ≠ {fmt_amount(rule.total)}",
        )
    for band in rule.level1:
        members = [(r, w) for r, w in weighted if r.level1 == band.name]
        points = sum((w for _, w in members), Decimal(0))
        if band.min <= points <= band.max:
            continue
        if not members and band.min == 0:
            continue
        first = members[0][0].index if members else None
        ctx.report(
            "weight.level1",
            f"{band.name}的权重合计{fmt_amount(points)}分，本表样要求在{fmt_amount(band.min)}–"
            f"{fmt_amount(band.max)}分之间。",
            indicator=first,
            field="weight" if first is not None else None,
            actual=fmt_amount(points),
            expected=f"{fmt_amount(band.min)}–{fmt_amount(band.max)}",
            working=f"{band.name}：{'＋'.join(fmt_amount(w) for _, w in members) or '0'} ＝ {fmt_amount(points)}",
        )

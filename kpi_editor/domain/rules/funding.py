"""项目资金来源: the funding rows must add up, no amount may be negative, and the block must be
of a plausible size.

Rows the table leaves out are absent (``None``), not zero: a 3-row block 合计/财政拨款/本级安排
is fine when it adds up, and a breakdown with no rows at all is not checked.

When the rows disagree, the finding names the row most likely wrong: the one the other two
levels contradict. 财政拨款 40 with parts 5+30+3 = 38 and 合计 38 is a wrong 财政拨款 (and the
certain fix is 38); with 合计 40 it is the parts that fall 2 short, and no fix is certain.
The arithmetic itself is `Funding.fiscal_from_parts` / `total_from_parts`.
"""

from __future__ import annotations

from decimal import Decimal

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.model import FUNDING_FIELDS, Funding
from kpi_editor.domain.rules import BookletContext, ProjectContext, QuickFix, fmt_amount

PARTS = ("superior", "local", "carryover")
# The 元 → 万元 factor; a block typed in 元 is exactly this many times too large.
YUAN_PER_WAN = Decimal(10000)


def check(ctx: ProjectContext) -> None:
    funding = ctx.project.funding
    labels = ctx.index.funding_labels

    def label(field: str) -> str:
        return labels.get(field, field)

    for field in FUNDING_FIELDS:
        value = funding.get(field)
        if value is not None and value < 0:
            ctx.report(
                "funding.negative",
                f"{label(field)}为负数（{fmt_amount(value)}万元），请填写0或正数。",
                field=field,
                actual=fmt_amount(value),
            )

    total = funding.total
    if total is None:
        if any(funding.get(f) is not None for f in FUNDING_FIELDS):
            ctx.report(
                "funding.missing_total",
                f"资金来源的{label('total')}为空，请填写{label('total')}（万元）。",
                field="total",
            )
        else:
            ctx.report(
                "funding.missing_total",
                f"资金来源各行都为空，请至少填写{label('total')}和{label('fiscal')}（万元）。",
                field="total",
            )
        return

    if total == 0 and all(not funding.get(f) for f in FUNDING_FIELDS):
        ctx.report(
            "funding.all_zero",
            f"资金来源各行都是0，{label('total')}为0万元的项目不能申报；请填写本项目的预算金额（万元）。",
            field="total",
            actual="0",
        )
        return

    _check_arithmetic(ctx, funding)

    maximum = ctx.index.template.thresholds.total_max
    if total >= maximum:
        ctx.report(
            "funding.implausible",
            f"{label('total')}{fmt_amount(total)}万元（{fmt_amount(total / YUAN_PER_WAN)}亿元）"
            f"超出本表样的合理规模（{fmt_amount(maximum)}万元），资金栏以万元为单位；"
            f"若按元填写，应为{fmt_amount(total / YUAN_PER_WAN)}万元，请核对金额与单位。",
            field="total",
            actual=fmt_amount(total),
            expected=f"<{fmt_amount(maximum)}",
        )


def _sum_text(funding: Funding, fields: tuple[str, ...]) -> str:
    return "＋".join(fmt_amount(funding.get(f) or Decimal(0)) for f in fields if funding.get(f) is not None)


def _check_arithmetic(ctx: ProjectContext, funding: Funding) -> None:
    labels = ctx.index.funding_labels

    def name(field: str) -> str:
        return labels.get(field, field)

    total = funding.total
    assert total is not None
    parts = funding.fiscal_from_parts()
    # No 财政拨款 row: its breakdown stands in for it in the 合计 check.
    fiscal = funding.fiscal if funding.fiscal is not None else parts
    expected_total = funding.total_from_parts(fiscal)
    fiscal_ok = funding.fiscal is None or parts is None or funding.fiscal == parts
    total_ok = expected_total is None or total == expected_total
    listed = tuple(f for f in PARTS if funding.get(f) is not None)
    parts_names = "、".join(name(f) for f in listed)

    if not fiscal_ok:
        assert funding.fiscal is not None and parts is not None
        working = f"{name('fiscal')} {fmt_amount(funding.fiscal)} ≠ {_sum_text(funding, PARTS)} ＝ {fmt_amount(parts)}"
        total_via_parts = funding.total_from_parts(parts)
        if total == total_via_parts:
            # 合计 agrees with the parts: 财政拨款 is the odd one out, and 合计 is fine.
            ctx.report(
                "funding.fiscal_mismatch",
                f"{name('fiscal')}{fmt_amount(funding.fiscal)}万元不等于{parts_names}之和"
                f"（{_sum_text(funding, PARTS)}＝{fmt_amount(parts)}万元）；{name('total')}"
                f"{fmt_amount(total)}万元与分项一致，最可能是{name('fiscal')}填错，请改为{fmt_amount(parts)}万元。",
                field="fiscal",
                actual=fmt_amount(funding.fiscal),
                expected=fmt_amount(parts),
                working=working,
                fix=QuickFix(
                    f"把{name('fiscal')}改为{fmt_amount(parts)}万元",
                    (SetValue((), "funding.fiscal", parts),),
                ),
            )
            return
        gap = funding.fiscal - parts
        if total_ok:
            # 合计 and 财政拨款 agree: the breakdown is what is off.
            empty = [f for f in PARTS if not funding.get(f)]
            hint = (
                f"（{'、'.join(name(f) for f in empty)}为空或0，是否漏填？）"
                if gap > 0 and len(empty) == 1
                else ""
            )
            field = empty[0] if gap > 0 and len(empty) == 1 else "fiscal"
            more_less = "少" if gap > 0 else "多"
            ctx.report(
                "funding.fiscal_mismatch",
                f"{name('fiscal')}{fmt_amount(funding.fiscal)}万元不等于{parts_names}之和"
                f"（{_sum_text(funding, PARTS)}＝{fmt_amount(parts)}万元），分项{more_less}了"
                f"{fmt_amount(abs(gap))}万元{hint}；{name('total')}与{name('fiscal')}一致，"
                f"请核对{parts_names}。",
                field=field,
                actual=fmt_amount(parts),
                expected=fmt_amount(funding.fiscal),
                working=working,
            )
            return
        # Nothing agrees with anything: report both sums, name no culprit.
        ctx.report(
            "funding.fiscal_mismatch",
            f"{name('fiscal')}{fmt_amount(funding.fiscal)}万元不等于{parts_names}之和"
            f"（{_sum_text(funding, PARTS)}＝{fmt_amount(parts)}万元），{name('total')}也与两者都不一致，"
            f"请逐行核对资金来源。",
            field="fiscal",
            actual=fmt_amount(funding.fiscal),
            expected=fmt_amount(parts),
            working=working,
        )

    if not total_ok:
        assert expected_total is not None
        fiscal_shown = fmt_amount(fiscal or Decimal(0))
        non_fiscal = (
            f"＋{name('non_fiscal')}{fmt_amount(funding.non_fiscal)}万元"
            if funding.non_fiscal is not None
            else ""
        )
        working = (
            f"{name('total')} {fmt_amount(total)} ≠ {fiscal_shown}"
            + (f"＋{fmt_amount(funding.non_fiscal)}" if funding.non_fiscal is not None else "")
            + f" ＝ {fmt_amount(expected_total)}"
        )
        # 财政拨款 is confirmed by its own breakdown (or is the breakdown): 合计 is the odd one out.
        confirmed = fiscal_ok and parts is not None
        if confirmed:
            ctx.report(
                "funding.total_mismatch",
                f"{name('total')}{fmt_amount(total)}万元不等于{name('fiscal')}{fiscal_shown}万元{non_fiscal}"
                f"＝{fmt_amount(expected_total)}万元；{name('fiscal')}与其分项一致，最可能是{name('total')}填错，"
                f"请改为{fmt_amount(expected_total)}万元（若是{name('non_fiscal')}漏填，请改{name('non_fiscal')}）。",
                field="total",
                actual=fmt_amount(total),
                expected=fmt_amount(expected_total),
                working=working,
                fix=QuickFix(
                    f"把{name('total')}改为{fmt_amount(expected_total)}万元",
                    (SetValue((), "funding.total", expected_total),),
                ),
            )
        else:
            ctx.report(
                "funding.total_mismatch",
                f"{name('total')}{fmt_amount(total)}万元不等于{name('fiscal')}{fiscal_shown}万元{non_fiscal}"
                f"＝{fmt_amount(expected_total)}万元，请核对{name('total')}、{name('fiscal')}和{name('non_fiscal')}。",
                field="total",
                actual=fmt_amount(total),
                expected=fmt_amount(expected_total),
                working=working,
            )


def in_yuan_fix(funding: Funding, label: str) -> QuickFix | None:
    """Every filled funding row divided by 10,000 (元 → 万元), when each stays within 6 decimals."""
    edits = []
    for field in FUNDING_FIELDS:
        value = funding.get(field)
        if value is None or value == 0:
            continue
        scaled = (value / YUAN_PER_WAN).normalize()
        exponent = scaled.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > 6:
            return None
        if isinstance(exponent, int) and exponent > 0:
            scaled = scaled.quantize(Decimal(1))
        edits.append(SetValue((), f"funding.{field}", scaled))
    return QuickFix(label, tuple(edits)) if edits else None


def check_booklet(ctx: BookletContext) -> None:
    """A 合计 thousands of times the unit's usual size: most likely typed in 元."""
    ratio = ctx.index.template.thresholds.magnitude_ratio
    everything = sorted(t for p in ctx.projects if (t := p.project.funding.total) is not None and t > 0)
    if len(everything) < 3:
        return
    booklet_median = everything[len(everything) // 2]
    by_unit: dict[str | None, list[ProjectContext]] = {}
    for project_ctx in ctx.projects:
        by_unit.setdefault(project_ctx.department_code, []).append(project_ctx)
    total_label = ctx.index.funding_labels.get("total", "合计")
    for unit in by_unit.values():
        totals = [p.project.funding.total for p in unit]
        for i, project_ctx in enumerate(unit):
            total = totals[i]
            if total is None or total <= 0:
                continue
            others = sorted(t for j, t in enumerate(totals) if j != i and t is not None and t > 0)
            if len(others) >= 2:
                reference, what = others[len(others) // 2], f"本单位其他{len(others)}个项目的中位数"
            else:
                reference, what = booklet_median, "全册项目的中位数"
            if total < ratio * reference:
                continue
            times = (total / reference).quantize(Decimal(1))
            ctx.report(
                "funding.magnitude",
                f"{total_label}{fmt_amount(total)}万元是{what}（{fmt_amount(reference)}万元）的{times}倍；"
                f"资金栏以万元为单位，若按元填写，应为{fmt_amount(total / YUAN_PER_WAN)}万元，请核对金额与单位。",
                department=project_ctx.department_code,
                project=project_ctx.project,
                field="total",
                actual=fmt_amount(total),
                working=f"{fmt_amount(total)} ÷ {fmt_amount(reference)} ≈ {times} ≥ {fmt_amount(ratio)}",
            )

"""项目资金来源: the funding rows must add up, and no amount may be negative.

Rows the table leaves out are absent (``None``), not zero: a 3-row block 合计/财政拨款/本级安排
is fine when it adds up, and a breakdown with no rows at all is not checked.
"""

from __future__ import annotations

from decimal import Decimal

from kpi_editor.domain.model import FUNDING_FIELDS
from kpi_editor.domain.rules import ProjectContext, fmt_amount


def check(ctx: ProjectContext) -> None:
    funding = ctx.project.funding
    labels = ctx.index.funding_labels

    def label(field: str) -> str:
        return labels.get(field, field)

    def shown(field: str) -> str:
        value = funding.get(field)
        return f"{label(field)}（{'空' if value is None else fmt_amount(value) + '万元'}）"

    for field in FUNDING_FIELDS:
        value = funding.get(field)
        if value is not None and value < 0:
            ctx.report(
                "funding.negative",
                f"{label(field)}为负数（{fmt_amount(value)}万元），请填写0或正数。",
                field=field,
            )

    parts = ("superior", "local", "carryover")
    from_parts = funding.fiscal_from_parts()
    # No 财政拨款 row: its breakdown stands in for it in the 合计 check.
    fiscal = funding.fiscal if funding.fiscal is not None else from_parts

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

    expected = funding.total_from_parts(fiscal)
    if expected is not None and total != expected:
        ctx.report(
            "funding.total_mismatch",
            f"{shown('total')}不等于{label('fiscal')}（{fmt_amount(fiscal or Decimal(0))}万元）"
            f"加{shown('non_fiscal')}之和{fmt_amount(expected)}万元，请核对资金来源各行。",
            field="total",
        )

    if funding.fiscal is not None and from_parts is not None and funding.fiscal != from_parts:
        listed = "、".join(shown(f) for f in parts if funding.get(f) is not None)
        ctx.report(
            "funding.fiscal_mismatch",
            f"{shown('fiscal')}不等于{listed}之和{fmt_amount(from_parts)}万元，"
            f"请核对{label('superior')}、{label('local')}和{label('carryover')}。",
            field="fiscal",
        )

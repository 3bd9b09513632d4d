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
    present_parts = [funding.get(f) for f in parts if funding.get(f) is not None]
    fiscal = funding.fiscal
    if fiscal is None and present_parts:
        # No 财政拨款 row: its breakdown stands in for it in the 合计 check.
        fiscal = sum((v for v in present_parts if v is not None), Decimal(0))

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

    if fiscal is not None or funding.non_fiscal is not None:
        expected = (fiscal or Decimal(0)) + (funding.non_fiscal or Decimal(0))
        if total != expected:
            ctx.report(
                "funding.total_mismatch",
                f"{shown('total')}不等于{label('fiscal')}（{fmt_amount(fiscal or Decimal(0))}万元）"
                f"加{shown('non_fiscal')}之和{fmt_amount(expected)}万元，请核对资金来源各行。",
                field="total",
            )

    if funding.fiscal is not None and present_parts:
        expected = sum((v for v in present_parts if v is not None), Decimal(0))
        if funding.fiscal != expected:
            listed = "、".join(shown(f) for f in parts if funding.get(f) is not None)
            ctx.report(
                "funding.fiscal_mismatch",
                f"{shown('fiscal')}不等于{listed}之和{fmt_amount(expected)}万元，"
                f"请核对{label('superior')}、{label('local')}和{label('carryover')}。",
                field="fiscal",
            )

"""上年指标值: a target set lower than last year's is a question for the clerk, not an error.

Rows carried over by the rollover keep last year's 指标值 (`Indicator.previous_value`). When this
year's target and last year's both state a number in the same unit, a lower floor (``≥95%`` after
``≥98%``, ``1次`` after ``2次``) or a higher cap (``≤8%`` after ``≤5%``) is a target relaxed, which
a reviewer will ask about. Deadlines and money are left out: a new date or a new budget is not a
weaker target.
"""

from __future__ import annotations

from kpi_editor.domain.amounts import parse_target
from kpi_editor.domain.rules import ProjectContext, fmt_amount, quote, row_label

# Indicators where less is better (投诉率 2% after 3% is an improvement): a plain number there is a cap.
_LESS_IS_BETTER = (
    "投诉", "事故", "发案", "案件", "差错", "故障", "失误", "违规", "违纪", "不合格", "不满意", "流失",
    "死亡", "伤亡", "超标", "逾期", "延误", "损失", "误差", "空置", "返工", "欠费", "下降", "降低",
    "减少", "压减", "控制",
)  # fmt: skip
_UPPER = ("<=", "<")


def check(ctx: ProjectContext) -> None:
    for row in ctx.rows:
        indicator = row.indicator
        previous = indicator.previous_value
        if previous is None or previous == indicator.value or row.kind in ("time", "cost"):
            continue
        old, new = parse_target(previous), parse_target(indicator.value)
        if old is None or new is None or old.number is None or new.number is None or old.unit != new.unit:
            continue
        capped = old.comparator in _UPPER
        if capped != (new.comparator in _UPPER):
            continue  # a floor became a cap or the reverse: not comparable as numbers
        text = indicator.name + indicator.value
        cap = capped or (old.comparator in (None, "=", "~") and any(w in text for w in _LESS_IS_BETTER))
        relaxed = new.number > old.number if cap else new.number < old.number
        if not relaxed:
            continue
        how = "上限比上年放宽" if cap else "低于上年"
        ctx.report(
            "value.below_previous",
            f"{row_label(row.index)}{quote(indicator.name)}的目标{quote(indicator.value)}{how}"
            f"（上年指标值{quote(previous)}，{fmt_amount(old.number)}{old.unit} → {fmt_amount(new.number)}{new.unit}）。"
            f"目标比上年降低时审核会问原因：请确认并在指标值或说明中写明理由，或恢复到不低于上年的水平。",
            indicator=row.index,
            field="value",
        )

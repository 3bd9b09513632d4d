"""Years: 时效指标 deadlines must fall in the fiscal year, and last year's dates must not linger
in other rows (a 2025年12月31日 left over from last year's form).

Years are read in every spelling clerks use: 2025年, 2025-12-31, 25年底前, 二○二五年 (with ○
U+25CB, what input methods give, as well as 〇), and, in 时效指标, 去年/上年. A comparison base
(较2025年增长, 比上年提高) is not a deadline. When the only wrong year is last year's and the
fiscal year is not named at all, the fix is certain: write the fiscal year in its place.
"""

from __future__ import annotations

from kpi_editor.domain.amounts import YearMention, year_mentions, year_text
from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.rules import ProjectContext, QuickFix, Row, quote, row_label


def _moved(value: str, wrong: list[YearMention], year: int) -> str:
    for mention in reversed(wrong):  # right to left, so earlier spans stay valid
        start, end = mention.span
        value = value[:start] + year_text(year, mention.style, value[start:end]) + value[end:]
    return value


def _named(mentions: list[YearMention], value: str) -> str:
    """2025年, or 25年（2025年） for a year not written out in digits."""
    names = (
        f"{m.year}年" if m.style == "digits" else f"“{value[m.span[0] : m.span[1]]}”（{m.year}年）"
        for m in mentions
    )
    return "、".join(dict.fromkeys(names))


def _fix(row: Row, wrong: list[YearMention], year: int) -> tuple[str, QuickFix]:
    moved = _moved(row.indicator.value, wrong, year)
    return moved, QuickFix(f"改为{quote(moved, 24)}", (SetValue((row.index,), "value", moved),))


def check(ctx: ProjectContext) -> None:
    year = ctx.fiscal_year
    for row in ctx.rows:
        if not row.indicator.value:
            continue
        if row.kind == "time":
            _check_time_row(ctx, row, year)
        elif row.kind is not None:
            _check_other_row(ctx, row, year)


def _check_time_row(ctx: ProjectContext, row: Row, year: int) -> None:
    value = row.indicator.value
    mentions = [m for m in year_mentions(value, year) if not m.compared]
    wrong = [m for m in mentions if m.year != year]
    if not wrong:
        return
    certain = all(m.year == year - 1 for m in wrong) and not any(m.year == year for m in mentions)
    fixed = _fix(row, wrong, year) if certain else None
    ctx.report(
        "time.wrong_year",
        f"{row_label(row.index)}时效指标值{quote(value)}写的是{_named(wrong, value)}，"
        f"不是预算年度{year}年，请改为{year}年内的时间（如"
        f"{quote(fixed[0], 30) if fixed else '“' + str(year) + '年12月31日前”'}）。",
        indicator=row.index,
        field="value",
        actual=value,
        expected=fixed[0] if fixed else None,
        working=f"{'、'.join(str(m.year) for m in wrong)} ≠ 预算年度 {year}",
        fix=fixed[1] if fixed else None,
    )


def _check_other_row(ctx: ProjectContext, row: Row, year: int) -> None:
    """Last year's date used as this year's time frame (2025年完成培训20次 in a 2026 form)."""
    value = row.indicator.value
    mentions = [m for m in year_mentions(value, year) if m.style != "relative"]
    if not mentions or any(m.year == year for m in mentions):
        return
    stale = [m for m in mentions if m.year == year - 1 and m.deadline and not m.compared]
    if not stale:
        return
    fixed = _fix(row, stale, year)
    ctx.report(
        "time.stale_year",
        f"{row_label(row.index)}指标值{quote(value)}以{_named(stale, value)}为完成时间，"
        f"像是沿用了上年的表；预算年度是{year}年，请改为{quote(fixed[0], 30)}或写明为何是上年。",
        indicator=row.index,
        field="value",
        actual=value,
        expected=fixed[0],
        working=f"{stale[0].year} ＝ 预算年度 {year} − 1",
        fix=fixed[1],
    )

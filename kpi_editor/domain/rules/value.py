"""Indicator cells: filled in (a placeholder is not a value), not repeated or contradicted,
measurable, plausible, and not copied from another project or unit.

Vague wording is a warning where the template wants a quantity (数量, 时效 …) and advice (建议)
on the 二级 the template marks qualitative (效益, 质量), where descriptive targets are customary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from kpi_editor.domain.amounts import is_measurable, money_total_wan, parse_percents, parse_target
from kpi_editor.domain.edits import RemoveItems
from kpi_editor.domain.model import Project
from kpi_editor.domain.rules import (
    BookletContext,
    ProjectContext,
    QuickFix,
    Row,
    fmt_amount,
    quote,
    row_label,
    row_range,
)

_DIGIT_RE = re.compile(r"\d")
_END_PUNCTUATION = "。.；;，,"


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Cell text without any whitespace, for comparing cells as a reader sees them."""
    return "".join(text.split()) if text else text


def _group(row: Row) -> str:
    level2 = row.indicator.level2.strip()
    return f"（{level2}）" if level2 else ""


def _is_placeholder(ctx: ProjectContext, name: str, value: str) -> bool:
    words = ctx.index.placeholder_words
    if len(value) > ctx.index.placeholder_max:
        return False
    bare = value.rstrip(_END_PUNCTUATION)
    if bare not in words:
        return False
    # 安全事故 → 无, 是否发生投诉 → 无 answer the question.
    return not (bare == "无" and any(w in name for w in ctx.index.absence_words))


def _removable(ctx: ProjectContext, row: Row) -> bool:
    """Whether deleting `row` leaves every required 二级 and group of the template present."""
    others = {r.level2 for r in ctx.rows if r is not row and r.level2}
    if row.level2 is None or row.level2 in others:
        return True
    if row.level2 in ctx.index.required_set:
        return False
    return all(others.intersection(g.any_of) for g in ctx.index.groups if row.level2 in g.any_of)


def check(ctx: ProjectContext) -> None:
    seen: dict[tuple[str, str], int] = {}
    index = ctx.index
    vague = index.vague_words
    cost_amounts: bool | None = None
    for row in ctx.rows:
        indicator = row.indicator
        name, value = _norm(indicator.name), _norm(indicator.value)
        if not name:
            ctx.report(
                "value.empty",
                f"{row_label(row.index)}{_group(row)}的三级指标为空，请填写指标名称。",
                indicator=row.index,
                field="name",
            )
        if not value:
            ctx.report(
                "value.empty",
                f"{row_label(row.index)}{_group(row)}{quote(indicator.name) if name else ''}的指标值为空，"
                f"请填写含数字的目标值（如数量、比例或完成时间）。",
                indicator=row.index,
                field="value",
            )
            continue
        if _is_placeholder(ctx, name, value):
            _report_placeholder(ctx, row)
            continue
        if name:
            key = (name, value)
            first = seen.setdefault(key, row.index)
            if first != row.index:
                ctx.report(
                    "value.duplicate_row",
                    f"{row_label(row.index)}与{row_label(first)}完全相同（{quote(indicator.name, 16)}："
                    f"{quote(indicator.value, 16)}），请删除重复的一行或改写。",
                    indicator=row.index,
                    field="name",
                    fix=QuickFix(f"删除重复的{row_label(row.index)}", (RemoveItems((), row.index),)),
                )
                continue
            if name == value and _DIGIT_RE.search(name):
                ctx.report(
                    "value.repeats_name",
                    f"{row_label(row.index)}{_group(row)}的三级指标与指标值都是{quote(indicator.value)}："
                    f"三级指标应写考核什么（如“完成时间”“会议经费”），指标值写目标；请改写三级指标。",
                    indicator=row.index,
                    field="name",
                    actual=indicator.name,
                )
                continue
        _check_rate(ctx, row)
        if row.kind == "satisfaction":
            continue  # satisfaction targets have their own rules
        if is_measurable(indicator.value, vague):
            continue
        if row.kind == "time" and any(w in value for w in index.time_words):
            continue  # 全年, 按月: a period is a time frame
        if row.kind == "cost":
            if money_total_wan(indicator.name) is not None:
                continue  # the amount stands in the 三级 name
            if cost_amounts is None:
                cost_amounts = any(
                    money_total_wan(r.indicator.value) is not None
                    or money_total_wan(r.indicator.name) is not None
                    for r in ctx.rows_of_kind("cost")
                )
            if not cost_amounts:
                continue  # cost.no_amount asks for the amount once for the whole block
            _report_vague(ctx, row, vague, "value.vague")  # a cost-control remark beside the amounts
            continue
        qualitative = row.level2 in index.qualitative
        target = indicator.target
        if not qualitative and target is not None and target.comparator == "qualitative":
            continue  # marked 定性 where the form wants a number: target.qualitative says so
        _report_vague(ctx, row, vague, "value.vague" if qualitative else "value.unmeasurable")
    _check_contradictions(ctx)
    _check_names_are_project(ctx)


def _report_vague(ctx: ProjectContext, row: Row, vague: tuple[str, ...], code: str) -> None:
    value = row.indicator.value
    tail = _vague_tail(code, _group(row), value, vague, ctx.fiscal_year)
    ctx.report(code, row_label(row.index) + tail, indicator=row.index, field="value", actual=value)


@lru_cache(maxsize=16384)
def _vague_tail(code: str, group: str, value: str, vague: tuple[str, ...], year: int) -> str:
    """The message after the row label; cached, since the same vague cells recur on every pass."""
    used = [w for w in vague if w in _norm(value)]
    why = f"“{'”“'.join(used[:3])}”是描述性用语，" if used else ""
    if code == "value.vague":
        return (
            f"{group}指标值{quote(value)}是描述性文字：{why}"
            f"本栏可以定性描述，但写成可核验的目标更好（如“≥95%”“20次”“较上年提高5%”），建议量化。"
        )
    return (
        f"{group}指标值{quote(value)}无法衡量：{why}"
        f"没有数量、比例、时间或次数，请改为可考核的目标（如“≥95%”“20次”“{year}年12月31日前”）。"
    )


def _report_placeholder(ctx: ProjectContext, row: Row) -> None:
    value = row.indicator.value.strip()
    level2 = row.level2 or row.indicator.level2.strip() or "该二级指标"
    if row.level2 in ctx.index.required_set:
        ctx.report(
            "value.placeholder",
            f"{row_label(row.index)}（{level2}）{quote(row.indicator.name)}的指标值只写了{quote(value)}，"
            f"等于没有填写；{level2}是必填的，请填写含数字的目标值（如数量、比例或完成时间）。",
            indicator=row.index,
            field="value",
            actual=value,
        )
        return
    removable = _removable(ctx, row)
    ctx.report(
        "value.not_applicable",
        f"{row_label(row.index)}（{level2}）{quote(row.indicator.name)}的指标值只写了{quote(value)}；"
        f"本项目不适用的可选指标请删除这一行，适用的请填写目标值。",
        indicator=row.index,
        field="value",
        actual=value,
        fix=QuickFix(f"删除不适用的{row_label(row.index)}", (RemoveItems((), row.index),))
        if removable
        else None,
    )


def _check_rate(ctx: ProjectContext, row: Row) -> None:
    """A level such as 完成率 955%: no share of a whole exceeds 100 %."""
    value = row.indicator.value
    if "%" not in value and "％" not in value and "百分之" not in value:
        return
    maximum = ctx.index.template.thresholds.rate_max
    over = [p for p in parse_percents(value) if p.value > maximum and p.comparator not in ("<=", "<")]
    if not over:
        return
    text = row.indicator.name + value
    if any(w in text for w in ctx.index.growth_words):
        return  # 增长150%, 较上年提高120% are changes, not levels
    shown = fmt_amount(over[0].value)
    ctx.report(
        "value.rate_over_100",
        f"{row_label(row.index)}{_group(row)}指标值{quote(value)}中的{shown}%超过了{fmt_amount(maximum)}%："
        f"完成率、覆盖率、满意度这类比率不会超过{fmt_amount(maximum)}%，是否多打了一位？请核对。",
        indicator=row.index,
        field="value",
        actual=f"{shown}%",
        expected=f"≤{fmt_amount(maximum)}%",
        working=f"{shown}% ＞ {fmt_amount(maximum)}%",
    )


def _check_contradictions(ctx: ProjectContext) -> None:
    """The same 三级指标 twice in one 二级 with different numbers of the same unit."""
    names = [_norm(row.indicator.name) for row in ctx.rows]
    if len(set(names)) == len(names):
        return  # no 三级指标 twice: the usual case, decided cheaply
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in ctx.rows:
        name = _norm(row.indicator.name)
        if name and _norm(row.indicator.value):
            groups[(row.level2 or _norm(row.indicator.level2), name)].append(row)
    for rows in groups.values():
        if len(rows) < 2:
            continue
        first_target: dict[str, tuple[Row, str]] = {}
        for row in rows:
            target = parse_target(row.indicator.value)
            if target is None or target.number is None:
                continue
            reading = f"{target.comparator or ''}{target.number}{target.unit}"
            earlier = first_target.setdefault(target.unit, (row, reading))
            if earlier[1] == reading or earlier[0] is row:
                continue
            other = earlier[0]
            ctx.report(
                "value.contradictory",
                f"{row_label(row.index)}与{row_label(other.index)}是同一个三级指标{quote(row.indicator.name, 16)}，"
                f"目标却不同（{quote(other.indicator.value, 16)}与{quote(row.indicator.value, 16)}），"
                f"请只保留正确的一行。",
                indicator=row.index,
                field="value",
                actual=row.indicator.value,
                expected=other.indicator.value,
                working=f"{row_label(other.index)} {other.indicator.value} ≠ {row_label(row.index)} {row.indicator.value}",
            )
            break


def _check_names_are_project(ctx: ProjectContext) -> None:
    project_name = _norm(ctx.project.name)
    if not project_name:
        return
    named = [row for row in ctx.rows if _norm(row.indicator.name)]
    same = [row for row in named if _norm(row.indicator.name) == project_name]
    if len(same) < 3 or 2 * len(same) < len(named):
        return
    ctx.report(
        "value.name_is_project",
        f"{len(named)}行指标中有{len(same)}行的三级指标就是项目名称{quote(ctx.project.name)}"
        f"（{row_range(same[0].index, same[-1].index)}）：三级指标应写具体考核什么"
        f"（如“召开会议次数”“资金支付时间”），请逐行改写。",
        indicator=same[0].index,
        field="name",
        actual=ctx.project.name,
    )


# -- booklet: copies between projects -------------------------------------------------------------


def _signature(project: Project) -> tuple[tuple[str, str, str], ...]:
    return tuple((_norm(i.level2), _norm(i.name), _norm(i.value)) for i in project.indicators)


def _where(code: str | None, here: str | None) -> str:
    return "本单位" if code == here else f"单位{code}"


def check_booklet(ctx: BookletContext) -> None:
    """Whole indicator sets identical to another project's, or identical but for the cost amounts
    (hashed: one pass, no pairs), and 数量 values copied from another unit's table."""
    first_seen: dict[tuple[tuple[str, str, str], ...], ProjectContext] = {}
    near_seen: dict[tuple[tuple[str, str, str], ...], ProjectContext] = {}
    min_rows = ctx.index.template.thresholds.near_copy_min_rows
    for project_ctx in ctx.projects:
        project = project_ctx.project
        signature = _signature(project)
        if not signature:
            continue
        original = first_seen.setdefault(signature, project_ctx)
        if original is not project_ctx:
            ctx.report(
                "value.copied_set",
                f"全部{len(signature)}行指标与{_where(original.department_code, project_ctx.department_code)}"
                f"的项目“{original.project.name}”完全相同，像是整套复制；请按本项目的实际内容填写指标。",
                department=project_ctx.department_code,
                project=project,
            )
            continue
        cost_rows = [r.index for r in project_ctx.rows if r.kind == "cost"]
        if not cost_rows or len(signature) < min_rows:
            continue
        near = tuple(("", "", "") if i in cost_rows else cell for i, cell in enumerate(signature))
        source = near_seen.setdefault(near, project_ctx)
        if source is not project_ctx:
            ctx.report(
                "value.near_copy",
                f"全部{len(signature)}行指标与{_where(source.department_code, project_ctx.department_code)}"
                f"的项目“{source.project.name}”相同，只有成本金额不同，像是复制后只改了金额；"
                f"请按本项目的实际内容填写数量、质量、效益等指标。",
                department=project_ctx.department_code,
                project=project,
                indicator=cost_rows[0],
                field="value",
            )
    _check_copied_quantities(ctx)


def _check_copied_quantities(ctx: BookletContext) -> None:
    min_chars = ctx.index.template.thresholds.copied_value_min_chars
    first: dict[str, tuple[ProjectContext, Row]] = {}
    for project_ctx in ctx.projects:
        for row in project_ctx.rows:
            if row.kind != "quantity":
                continue
            value = _norm(row.indicator.value)
            if len(value) < min_chars or not _DIGIT_RE.search(value):
                continue
            source = first.setdefault(value, (project_ctx, row))
            other_ctx, other_row = source
            if other_ctx.department_code == project_ctx.department_code:
                continue
            if _norm(other_row.indicator.name) == _norm(row.indicator.name):
                continue  # the same indicator with the same target: a shared standard, not a slip
            ctx.report(
                "value.copied_quantity",
                f"{row_label(row.index)}数量指标{quote(row.indicator.name, 16)}的指标值{quote(row.indicator.value, 20)}"
                f"与单位{other_ctx.department_code}项目“{other_ctx.project.name}”{row_label(other_row.index)}"
                f"{quote(other_row.indicator.name, 16)}的指标值一字不差，像是复制时没有改；请填写本项目的数量。",
                department=project_ctx.department_code,
                project=project_ctx.project,
                indicator=row.index,
                field="value",
                actual=row.indicator.value,
            )

"""Indicator cells: filled in, not repeated, measurable, and not a whole set copied from elsewhere."""

from __future__ import annotations

from functools import lru_cache

from kpi_editor.domain.amounts import is_measurable, money_total_wan
from kpi_editor.domain.model import Project
from kpi_editor.domain.rules import BookletContext, ProjectContext, Row, quote, row_label


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Cell text without any whitespace, for comparing cells as a reader sees them."""
    return "".join(text.split()) if text else text


def _group(row: Row) -> str:
    level2 = row.indicator.level2.strip()
    return f"（{level2}）" if level2 else ""


def check(ctx: ProjectContext) -> None:
    seen: dict[tuple[str, str], int] = {}
    vague = ctx.index.vague_words
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
                )
        if row.kind == "satisfaction":
            continue  # satisfaction targets have their own rules
        if is_measurable(indicator.value, vague):
            continue
        if row.kind == "cost" and money_total_wan(indicator.name) is not None:
            continue  # the amount stands in the 三级 name
        used = [w for w in vague if w in value]
        why = f"“{'”“'.join(used[:3])}”是描述性用语，" if used else ""
        ctx.report(
            "value.unmeasurable",
            f"{row_label(row.index)}{_group(row)}指标值{quote(indicator.value)}无法衡量：{why}"
            f"没有数量、比例、时间或次数，请改为可考核的目标（如“≥95%”“20次”“{ctx.fiscal_year}年12月31日前”）。",
            indicator=row.index,
            field="value",
        )


def _signature(project: Project) -> tuple[tuple[str, str, str], ...]:
    return tuple((_norm(i.level2), _norm(i.name), _norm(i.value)) for i in project.indicators)


def check_booklet(ctx: BookletContext) -> None:
    """Whole indicator sets that are identical to another project's (hashed: one pass, no pairs)."""
    first_seen: dict[tuple[tuple[str, str, str], ...], tuple[str, Project]] = {}
    for department, project in ctx.booklet.projects():
        signature = _signature(project)
        if not signature:
            continue
        original = first_seen.get(signature)
        if original is None:
            first_seen[signature] = (department.code, project)
            continue
        code, other = original
        where = "本单位" if code == department.code else f"单位{code}"
        ctx.report(
            "value.copied_set",
            f"全部{len(signature)}行指标与{where}的项目“{other.name}”完全相同，像是整套复制；"
            f"请按本项目的实际内容填写指标。",
            department=department.code,
            project=project,
        )

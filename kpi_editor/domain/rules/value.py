"""Indicator cells: filled in, not repeated, measurable, and not a whole set copied from elsewhere."""

from __future__ import annotations

from kpi_editor.domain.amounts import is_measurable, money_total_wan
from kpi_editor.domain.model import Project
from kpi_editor.domain.rules import BookletContext, ProjectContext, quote, row_label


def _norm(text: str) -> str:
    return "".join(text.split())


def check(ctx: ProjectContext) -> None:
    seen: dict[tuple[str, str], int] = {}
    vague = ctx.index.vague_words
    for row in ctx.rows:
        indicator = row.indicator
        where = row_label(row.index)
        group = f"（{indicator.level2.strip()}）" if indicator.level2.strip() else ""
        name, value = _norm(indicator.name), _norm(indicator.value)
        if not name:
            ctx.report(
                "value.empty",
                f"{where}{group}的三级指标为空，请填写指标名称。",
                indicator=row.index,
                field="name",
            )
        if not value:
            ctx.report(
                "value.empty",
                f"{where}{group}{quote(indicator.name) if name else ''}的指标值为空，"
                f"请填写含数字的目标值（如数量、比例或完成时间）。",
                indicator=row.index,
                field="value",
            )
        if name and value:
            key = (name, value)
            if key in seen:
                ctx.report(
                    "value.duplicate_row",
                    f"{where}与{row_label(seen[key])}完全相同（{quote(indicator.name, 16)}："
                    f"{quote(indicator.value, 16)}），请删除重复的一行或改写。",
                    indicator=row.index,
                    field="name",
                )
            else:
                seen[key] = row.index
        if not value or row.kind == "satisfaction":
            continue  # empty values and satisfaction targets have their own rules
        if row.kind == "cost" and money_total_wan(indicator.name) is not None:
            continue  # the amount stands in the 三级 name
        if not is_measurable(indicator.value, vague):
            used = [w for w in vague if w in value]
            why = f"“{'”“'.join(used[:3])}”是描述性用语，" if used else ""
            ctx.report(
                "value.unmeasurable",
                f"{where}{group}指标值{quote(indicator.value)}无法衡量：{why}没有数量、比例、时间或次数，"
                f"请改为可考核的目标（如“≥95%”“20次”“{ctx.fiscal_year}年12月31日前”）。",
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

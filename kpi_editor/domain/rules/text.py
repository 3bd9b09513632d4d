"""Cell text: within the template's limits, without leftover LaTeX or stray spaces inside words."""

from __future__ import annotations

import re

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.rules import ProjectContext, QuickFix, Row, quote, row_label

_MARKUP_RE = re.compile(r"\$|\\[A-Za-z]+")
_CJK = r"[\u4e00-\u9fff]"
_STRAY_SPACE_RE = re.compile(rf"{_CJK}[ \t\u3000]+{_CJK}")
_STRAY_GAP_RE = re.compile(rf"(?<={_CJK})[ \t\u3000]+(?={_CJK})")


def check(ctx: ProjectContext) -> None:
    limits = ctx.template.limits
    project = ctx.project
    if not project.name.strip():
        ctx.report("text.missing_project_name", "项目名称为空，请填写项目名称。", field="name")
    elif len(project.name) > limits.project_name_max:
        ctx.report(
            "text.too_long",
            f"项目名称有{len(project.name)}个字，超过表样限制的{limits.project_name_max}个字，请精简。",
            field="name",
        )
    name_max, value_max = limits.name_max, limits.value_max
    for row in ctx.rows:
        indicator = row.indicator
        name, value = indicator.name, indicator.value
        # Most cells are short, plain and spaced correctly: test cheaply before building messages.
        if len(name) > name_max or len(value) > value_max or _suspect(name) or _suspect(value):
            _check_cells(ctx, row, name_max, value_max)


def _suspect(text: str) -> bool:
    return "$" in text or "\\" in text or " " in text or "\t" in text or "\u3000" in text


def _check_cells(ctx: ProjectContext, row: Row, name_max: int, value_max: int) -> None:
    indicator = row.indicator
    where = row_label(row.index)
    cells = (("name", "三级指标", indicator.name, name_max), ("value", "指标值", indicator.value, value_max))
    for field, what, text, limit in cells:
        if len(text) > limit:
            ctx.report(
                "text.too_long",
                f"{where}的{what}有{len(text)}个字，超过表样限制的{limit}个字，请精简或拆成几行。",
                indicator=row.index,
                field=field,
            )
        if _MARKUP_RE.search(text):
            ctx.report(
                "text.markup",
                f"{where}的{what}{quote(text)}含有排版代码（$、\\text、\\times 等），"
                f"打印时会原样出现，请改为普通文字，如“200件×30元/件=6000元”。",
                indicator=row.index,
                field=field,
            )
        elif _STRAY_SPACE_RE.search(text):
            joined = _STRAY_GAP_RE.sub("", text)
            ctx.report(
                "text.stray_space",
                f"{where}的{what}{quote(text)}在汉字之间有空格，请删除多余的空格。",
                indicator=row.index,
                field=field,
                actual=text,
                expected=joined,
                fix=QuickFix(f"删除{where}{what}中汉字之间的空格", (SetValue((row.index,), field, joined),)),
            )

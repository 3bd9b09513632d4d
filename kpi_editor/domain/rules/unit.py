"""Units (部门/单位): six-digit unique codes, unit names that match the unit list, distinct projects.

The name printed on a table is often a shorter form of the listed name. Those forms are
normalised away (``攀枝花市`` dropped, ``中国共产党`` = ``中共``, ``委员会`` = ``委``, ``西区区委`` =
``西区委``, a parenthetical second name ignored, ``区…`` for ``西区…``) so only real differences
are reported.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.model import Department
from kpi_editor.domain.rules import BookletContext, ProjectContext, QuickFix

_CODE_RE = re.compile(r"\d{6}")
_PAREN_RE = re.compile(r"[（(][^（()）]*(?:[)）]|$)")
_SUBSTITUTIONS = (("中国共产党", "中共"), ("攀枝花市", ""), ("攀枝花", ""), ("委员会", "委"), ("区区", "区"))


@lru_cache(maxsize=4096)
def normalise_unit_name(name: str) -> str:
    text = "".join(name.split())
    text = _PAREN_RE.sub("", text)
    for old, new in _SUBSTITUTIONS:
        text = text.replace(old, new)
    return text


def same_unit(a: str, b: str) -> bool:
    """Whether two spellings name the same unit (see the module docstring)."""
    a, b = normalise_unit_name(a), normalise_unit_name(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    # 区土地储备中心 is this district's 西区土地储备中心.
    return short.startswith("区") and long.endswith(short) and len(long) - len(short) <= 3


def check(ctx: ProjectContext) -> None:
    department = ctx.department
    if department is None:
        return
    printed = ctx.project.unit_name.strip()
    if not printed:
        listed = department.name.strip()
        ctx.report(
            "unit.missing_name",
            f"项目表的部门（单位）为空，打印出来的表不知是哪个单位的；请填写“{listed or '单位名称'}”。",
            field="unit_name",
            expected=listed or None,
            fix=QuickFix(f"填写“{listed}”", (SetValue((), "unit_name", listed),)) if listed else None,
        )
        return
    if department.name.strip() and not same_unit(printed, department.name):
        ctx.report(
            "unit.name_mismatch",
            f"项目表上的部门（单位）“{printed}”与单位名单中的“{department.name}”（编码{department.code}）不一致，"
            f"请核对单位名称或所属单位。",
            field="unit_name",
        )


def _other_unit(departments: list[Department], printed: str, own: Department) -> Department | None:
    """The department of the list (not `own`) whose name `printed` is, if any."""
    for department in departments:
        if department is not own and department.name.strip() and same_unit(printed, department.name):
            return department
    return None


def _check_other_units(ctx: BookletContext) -> None:
    """A table that names another unit of the list: it would print under the wrong unit."""
    departments = ctx.booklet.departments
    for project_ctx in ctx.projects:
        own = project_ctx.department
        printed = project_ctx.project.unit_name.strip()
        if own is None or not printed or not own.name.strip() or same_unit(printed, own.name):
            continue
        other = _other_unit(departments, printed, own)
        if other is None:
            continue
        sibling = "同一部门下的另一个单位" if other.code[:3] == own.code[:3] else "单位名单中的另一个单位"
        ctx.report(
            "unit.other_unit",
            f"项目表上的部门（单位）“{printed}”是{sibling}（编码{other.code}），而项目编在“{own.name}”"
            f"（编码{own.code}）下；请把项目移到{other.code}，或把部门（单位）改为“{own.name}”。",
            department=own.code,
            project=project_ctx.project,
            field="unit_name",
            actual=printed,
            expected=own.name,
        )


def check_booklet(ctx: BookletContext) -> None:
    _check_other_units(ctx)
    codes = Counter(d.code for d in ctx.booklet.departments)
    reported: set[str] = set()
    for department in ctx.booklet.departments:
        code = department.code
        if not _CODE_RE.fullmatch(code):
            ctx.report(
                "unit.code_format",
                f"单位“{department.name}”的编码“{code}”不是6位数字，请改为3位部门码加3位单位序号（如116002）。",
                department=code,
                field="code",
            )
        if codes[code] > 1 and code not in reported:
            reported.add(code)
            names = "、".join(f"“{d.name}”" for d in ctx.booklet.departments if d.code == code)
            ctx.report(
                "unit.code_duplicate",
                f"编码{code}被{codes[code]}个单位使用（{names}），单位编码必须唯一，请改正。",
                department=code,
                field="code",
            )
        seen: set[str] = set()
        for project in department.projects:
            key = "".join(project.name.split())
            if not key:
                continue
            if key in seen:
                ctx.report(
                    "unit.project_name_duplicate",
                    f"单位“{department.name}”中有两个名为“{project.name}”的项目，请合并或改用能区分的名称。",
                    department=code,
                    project=project,
                    field="name",
                )
            seen.add(key)

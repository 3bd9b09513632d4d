"""The compiled booklet before printing: the 编制说明 counts, the 目录 names against the tables,
units with no table, and one project compiled into two units.

A project name shared by several units is common (every 街道 has its 综治维稳工作经费); it is
reported only when the two projects also look the same: the same 合计 and mostly the same rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from kpi_editor.domain.edits import PREFACE, SetValue
from kpi_editor.domain.model import Project
from kpi_editor.domain.rules import BookletContext, ProjectContext, QuickFix, fmt_amount
from kpi_editor.domain.rules.unit import same_unit

# 73家预算单位（含二级预算单位）, 327个项目: the counts a preface states.
_UNITS_RE = re.compile(r"(?<![\d.])(?P<n>\d+)\s*[家个](?:[^，,。；;\d]{0,6}?)单位")
_PROJECTS_RE = re.compile(r"(?<![\d.])(?P<n>\d+)\s*个(?:[^，,。；;\d]{0,4}?)项目")
# Rows in common (share of the larger set) from which two same-named projects are the same one.
_SAME_PROJECT_SHARE = Decimal("0.8")


def check_booklet(ctx: BookletContext) -> None:
    _check_preface(ctx)
    _check_units(ctx)
    _check_duplicates(ctx)


def _check_preface(ctx: BookletContext) -> None:
    booklet = ctx.booklet
    if not booklet.departments:
        return
    actual = {"units": len(booklet.departments), "projects": booklet.project_count}
    words = {"units": ("单位", "家"), "projects": ("项目", "个")}
    for number, section in enumerate(booklet.preface):
        body = section.body
        for what, pattern in (("units", _UNITS_RE), ("projects", _PROJECTS_RE)):
            for match in pattern.finditer(body):
                stated = int(match.group("n"))
                real = actual[what]
                if stated == real:
                    continue
                noun, measure = words[what]
                start, end = match.span("n")
                fixed = body[:start] + str(real) + body[end:]
                heading = section.heading.strip() or f"第{number + 1}节"
                ctx.report(
                    "booklet.preface_count",
                    f"编制说明“{heading}”写的是“{match.group()}”，而汇编中有{real}{measure}{noun}"
                    f"（目录也列{actual['units']}个单位、{actual['projects']}个项目）；请改为{real}，"
                    f"或在编制说明中写明未编入的原因。",
                    field="body",
                    section=number,
                    actual=str(stated),
                    expected=str(real),
                    working=f"编制说明 {stated} ≠ 汇编 {real}",
                    fix=QuickFix(
                        f"把编制说明中的“{match.group()}”改为{real}",
                        (SetValue((*PREFACE, number), "body", fixed),),
                    ),
                )


def _check_units(ctx: BookletContext) -> None:
    for department in ctx.booklet.departments:
        if not department.projects:
            ctx.report(
                "booklet.empty_unit",
                f"单位“{department.name or department.code}”（编码{department.code}）没有项目表，"
                f"目录中会列出一个没有表的单位；请添加项目，或从汇编中删除该单位。",
                department=department.code,
                field="name",
            )
            continue
        listed = department.name.strip()
        printed = [p.unit_name.strip() for p in department.projects]
        if not listed or not all(printed):
            continue
        first = printed[0]
        if same_unit(first, listed) or not all(same_unit(first, other) for other in printed[1:]):
            continue
        # A name that is another unit of the list is unit.other_unit's, not a 目录 spelling.
        if any(d is not department and same_unit(first, d.name) for d in ctx.booklet.departments if d.name):
            continue
        ctx.report(
            "booklet.toc_name",
            f"目录中的单位名称“{listed}”（编码{department.code}）与该单位全部{len(printed)}张表上的"
            f"“{first}”不同；请统一为正确的名称（改目录中的单位名称，或改各表的部门（单位））。",
            department=department.code,
            field="name",
            actual=listed,
            expected=first,
        )


def _rows(project: Project) -> set[tuple[str, str]]:
    return {("".join(i.name.split()), "".join(i.value.split())) for i in project.indicators}


def _check_duplicates(ctx: BookletContext) -> None:
    """A project in two units that is the same project: same name, same 合计, mostly the same rows."""
    by_name: dict[str, list[ProjectContext]] = defaultdict(list)
    for project_ctx in ctx.projects:
        key = "".join(project_ctx.project.name.split())
        if key:
            by_name[key].append(project_ctx)
    total_label = ctx.index.funding_labels.get("total", "合计")
    rows: dict[int, set[tuple[str, str]]] = {}  # by id(project), each computed once

    def rows_of(project: Project) -> set[tuple[str, str]]:
        found = rows.get(id(project))
        if found is None:
            found = rows[id(project)] = _rows(project)
        return found

    def alike(a: Project, b: Project) -> tuple[int, int] | None:
        """(rows in common, rows of the larger set) when `a` and `b` look like one project."""
        if a.funding.total is None or a.funding.total != b.funding.total:
            return None
        rows_a, rows_b = rows_of(a), rows_of(b)
        larger, shared = max(len(rows_a), len(rows_b)), len(rows_a & rows_b)
        return (shared, larger) if larger and Decimal(shared) >= _SAME_PROJECT_SHARE * larger else None

    for group in by_name.values():
        for position, later in enumerate(group[1:], start=1):
            b = later.project
            # The first project of the name, earlier and in another unit, that looks the same.
            match = next(
                (
                    (original, found)
                    for original in group[:position]
                    if original.department_code != later.department_code
                    and (found := alike(original.project, b)) is not None
                ),
                None,
            )
            if match is None or b.funding.total is None:
                continue
            original, (shared, larger) = match
            ctx.report(
                "booklet.duplicate_project",
                f"项目“{b.name}”同时编在单位{original.department_code}和单位{later.department_code}中，"
                f"{total_label}都是{fmt_amount(b.funding.total)}万元，{larger}行指标中{shared}行相同，"
                f"像是同一个项目编入了两次；请删除多余的一份，或确认两个单位各有此项目后改用能区分的名称。",
                department=later.department_code,
                project=b,
                field="name",
            )

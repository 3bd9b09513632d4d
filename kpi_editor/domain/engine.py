"""The validation engine: runs every registered rule on a project or a whole booklet.

`validate_project` needs only the project (plus its department for the unit-name check) and runs
on every keystroke; `validate_booklet` adds the rules that compare projects and departments.
The rule codes, severities and titles live in one table, `RULES` (``kpi_editor.domain.rules``).
"""

from __future__ import annotations

from collections.abc import Callable

from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.rules import (
    RULES,
    BookletContext,
    Finding,
    ProjectContext,
    RuleInfo,
    RuleRegistry,
    Severity,
    cost,
    funding,
    previous,
    satisfaction,
    structure,
    template_index,
    text,
    time,
    unit,
    value,
)
from kpi_editor.domain.template import FormTemplate, load_template

__all__ = [
    "BOOKLET_CHECKS",
    "PROJECT_CHECKS",
    "RULES",
    "Finding",
    "RuleInfo",
    "RuleRegistry",
    "Severity",
    "validate_booklet",
    "validate_project",
]

# Category checks in report order: the money first, then the tree, then the cells.
PROJECT_CHECKS: tuple[Callable[[ProjectContext], None], ...] = (
    funding.check,
    structure.check,
    cost.check,
    time.check,
    value.check,
    previous.check,
    satisfaction.check,
    text.check,
    unit.check,
)
BOOKLET_CHECKS: tuple[Callable[[BookletContext], None], ...] = (
    unit.check_booklet,
    value.check_booklet,
)


def validate_project(
    project: Project,
    template: FormTemplate,
    fiscal_year: int,
    department: Department | str | None = None,
) -> list[Finding]:
    """Findings for one project on its own.

    `department` is the project's department (its code goes into every finding and its name is
    compared with the unit name printed on the table) or just its code.
    """
    if isinstance(department, Department):
        ctx = ProjectContext(project, template_index(template, fiscal_year), department, department.code)
    else:
        ctx = ProjectContext(project, template_index(template, fiscal_year), None, department)
    for check in PROJECT_CHECKS:
        check(ctx)
    return ctx.findings


def validate_booklet(booklet: Booklet, template: FormTemplate | None = None) -> list[Finding]:
    """Findings for the whole booklet: booklet-wide ones first, then each project in order.

    The template is the booklet's own (loaded by its id) unless one is given.
    """
    if template is None:
        template = load_template(booklet.template_id)
    index = template_index(template, booklet.fiscal_year)
    booklet_ctx = BookletContext(booklet, index)
    for booklet_check in BOOKLET_CHECKS:
        booklet_check(booklet_ctx)
    by_project: dict[str, list[Finding]] = {}
    general: list[Finding] = []
    for finding in booklet_ctx.findings:
        if finding.project_id is None:
            general.append(finding)
        else:
            by_project.setdefault(finding.project_id, []).append(finding)
    findings = general
    for department, project in booklet.projects():
        ctx = ProjectContext(project, index, department, department.code)
        for check in PROJECT_CHECKS:
            check(ctx)
        findings.extend(ctx.findings)
        findings.extend(by_project.pop(project.id, ()))
    # Findings for projects that share an id with another project cannot be placed; keep them.
    for rest in by_project.values():
        findings.extend(rest)
    return findings

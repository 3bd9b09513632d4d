"""The validation engine: runs every registered rule on a project or a whole booklet.

`validate_project` needs only the project (plus its department for the unit-name check) and runs
on every keystroke; `validate_booklet` adds the rules that compare projects and departments.
The rule codes, severities and titles live in one table, `RULES` (``kpi_editor.domain.rules``);
a template may override a rule's level. Errors and warnings count; advice (`Severity.INFO`, 建议)
is shown on request (`count_findings`, `Finding.counted`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.rules import (
    RULES,
    BookletContext,
    Finding,
    ProjectContext,
    QuickFix,
    RuleInfo,
    RuleRegistry,
    Severity,
    TemplateIndex,
    booklet,
    cost,
    drop_superseded,
    funding,
    previous,
    satisfaction,
    structure,
    target,
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
    "FindingCounts",
    "QuickFix",
    "RuleInfo",
    "RuleRegistry",
    "Severity",
    "count_findings",
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
    target.check,
)
# These run after the project checks and may read what they left in each ProjectContext.
BOOKLET_CHECKS: tuple[Callable[[BookletContext], None], ...] = (
    unit.check_booklet,
    value.check_booklet,
    cost.check_booklet,
    funding.check_booklet,
    booklet.check_booklet,
)


@dataclass(frozen=True, slots=True)
class FindingCounts:
    errors: int = 0
    warnings: int = 0
    advice: int = 0

    @property
    def counted(self) -> int:
        """Errors and warnings: what the status bar, the exit status and the export check count."""
        return self.errors + self.warnings


def count_findings(findings: Iterable[Finding]) -> FindingCounts:
    errors = warnings = advice = 0
    for finding in findings:
        if finding.severity is Severity.ERROR:
            errors += 1
        elif finding.severity is Severity.WARNING:
            warnings += 1
        else:
            advice += 1
    return FindingCounts(errors, warnings, advice)


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
    return drop_superseded(ctx.findings)


def validate_booklet(booklet: Booklet, template: FormTemplate | None = None) -> list[Finding]:
    """Findings for the whole booklet: booklet-wide ones first, then each project in order.

    The template is the booklet's own (loaded by its id) unless one is given.
    """
    if template is None:
        template = load_template(booklet.template_id)
    index = template_index(template, booklet.fiscal_year)
    # A pass allocates tens of thousands of small objects and makes no reference cycles: with the
    # cyclic collector paused it runs a third faster on a big booklet, and frees the same.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _validate_booklet(booklet, index)
    finally:
        if collecting:
            gc.enable()


def _validate_booklet(booklet: Booklet, index: TemplateIndex) -> list[Finding]:
    booklet_ctx = BookletContext(booklet, index)
    for department, project in booklet.projects():
        ctx = ProjectContext(project, index, department, department.code)
        for check in PROJECT_CHECKS:
            check(ctx)
        booklet_ctx.projects.append(ctx)
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
    for ctx in booklet_ctx.projects:
        findings.extend(ctx.findings)
        findings.extend(by_project.pop(ctx.project.id, ()))
    # Findings for projects that share an id with another project cannot be placed; keep them.
    for rest in by_project.values():
        findings.extend(rest)
    return drop_superseded(findings)

"""Quick fixes: findings whose correction is certain, turned into edit plans.

A finding that carries a `QuickFix` (``finding.fix``) can be corrected in one step: recompute
合计 or 财政拨款 from their parts, move a year to the fiscal year, turn 元 into 万元, remove a
duplicated row, fill in the unit name … `fix_plan` gives the `EditPlan` for one finding (the
editor runs it as one undo step); `fix_booklet` applies every fix of the chosen rules (what
``kpi fix`` does). Both re-check first, so a finding that no longer holds fixes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi_editor.domain.edits import Edit, EditPlan, InsertItems, ItemPath, RemoveItems, SetValue, apply_plan
from kpi_editor.domain.engine import RULES, Finding, validate_booklet, validate_project
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.rules import QuickFix
from kpi_editor.domain.template import FormTemplate, load_template

__all__ = ["FIXABLE_RULES", "AppliedFix", "fix_booklet", "fix_plan", "project_path"]

# Rules whose findings may carry a certain fix (not every finding of them does).
FIXABLE_RULES: tuple[str, ...] = tuple(rule.code for rule in RULES if rule.fixable)


@dataclass(frozen=True, slots=True)
class AppliedFix:
    finding: Finding
    label: str


def project_path(booklet: Booklet, project_id: str) -> ItemPath | None:
    """(department row, project row) of the project with this id, or None."""
    for d, department in enumerate(booklet.departments):
        for p, project in enumerate(department.projects):
            if project.id == project_id:
                return (d, p)
    return None


def _absolute(edit: Edit, base: ItemPath) -> Edit:
    if isinstance(edit, SetValue):
        return SetValue(base + edit.path, edit.field, edit.value)
    if isinstance(edit, InsertItems):
        return InsertItems(base + edit.parent, edit.row, edit.items)
    return RemoveItems(base + edit.parent, edit.row, edit.count)


def _plan(fix: QuickFix, base: ItemPath) -> EditPlan:
    return EditPlan(f"快速修复：{fix.label}", [_absolute(edit, base) for edit in fix.edits])


def _same(a: Finding, b: Finding) -> bool:
    return (a.rule, a.project_id, a.indicator, a.field, a.section, a.message) == (
        b.rule,
        b.project_id,
        b.indicator,
        b.field,
        b.section,
        b.message,
    )


def _template(booklet: Booklet, template: FormTemplate | None) -> FormTemplate:
    return template if template is not None else load_template(booklet.template_id)


def fix_plan(booklet: Booklet, finding: Finding, template: FormTemplate | None = None) -> EditPlan | None:
    """The edits that correct `finding` in `booklet`, or None when it has no certain fix or no
    longer holds (the booklet changed since it was found). Nothing is changed here."""
    if finding.fix is None:
        return None
    template = _template(booklet, template)
    if finding.project_id is not None:
        path = project_path(booklet, finding.project_id)
        if path is None:
            return None
        department = booklet.departments[path[0]]
        project = department.projects[path[1]]
        if RULES[finding.rule].scope == "project":
            current = validate_project(project, template, booklet.fiscal_year, department)
        else:
            current = validate_booklet(booklet, template)
        match = next((f for f in current if f.fix is not None and _same(f, finding)), None)
        return _plan(match.fix, path) if match is not None and match.fix is not None else None
    match = next(
        (f for f in validate_booklet(booklet, template) if f.fix is not None and _same(f, finding)), None
    )
    return _plan(match.fix, ()) if match is not None and match.fix is not None else None


def fix_booklet(
    booklet: Booklet, rules: set[str] | frozenset[str], template: FormTemplate | None = None
) -> list[AppliedFix]:
    """Apply, in place, every certain fix of the given rules; the fixes applied, in order.

    One fix at a time and a re-check after each, so fixes that move rows (a removed duplicate)
    never act on stale row numbers.
    """
    template = _template(booklet, template)
    applied: list[AppliedFix] = []
    local = {code for code in rules if RULES[code].scope == "project"}
    if local:
        for d, department in enumerate(booklet.departments):
            for p, project in enumerate(department.projects):
                # Each fix removes its finding; the bound only guards against a fix that does not.
                for _ in range(len(project.indicators) + 10):
                    findings = validate_project(project, template, booklet.fiscal_year, department)
                    target = next((f for f in findings if f.rule in local and f.fix is not None), None)
                    if target is None or target.fix is None:
                        break
                    apply_plan(booklet, _plan(target.fix, (d, p)))
                    applied.append(AppliedFix(target, target.fix.label))
    wide = rules - local
    if wide:
        done: list[Finding] = []
        for _ in range(1000):
            candidates = [
                f
                for f in validate_booklet(booklet, template)
                if f.rule in wide and f.fix is not None and not any(_same(f, g) for g in done)
            ]
            if not candidates:
                break
            target = candidates[0]
            assert target.fix is not None
            base: ItemPath = ()
            if target.project_id is not None:
                found = project_path(booklet, target.project_id)
                if found is None:
                    done.append(target)
                    continue
                base = found
            apply_plan(booklet, _plan(target.fix, base))
            done.append(target)
            applied.append(AppliedFix(target, target.fix.label))
    return applied

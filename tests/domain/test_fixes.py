"""Quick fixes: every fixable rule's fix removes its finding and adds no error; stale findings fix nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi_editor.domain.edits import RemoveItems, SetValue, apply_plan
from kpi_editor.domain.engine import RULES, Finding, Severity, validate_booklet
from kpi_editor.domain.fixes import FIXABLE_RULES, fix_booklet, fix_plan
from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, Project
from kpi_editor.domain.review import ProjectReview, ReviewComment

Factory = Callable[[], tuple[Project, Department]]
Change = Callable[[Project], None]
D = Decimal
T = "2026-03-05T14:30:00+08:00"


def _set(row: int, **cells: str) -> Change:
    def change(project: Project) -> None:
        for key, value in cells.items():
            setattr(project.indicators[row], key, value)

    return change


def _funding(**amounts: str) -> Change:
    def change(project: Project) -> None:
        project.funding = Funding(**{k: D(v) for k, v in amounts.items()})

    return change


def _duplicate(project: Project) -> None:
    project.indicators.insert(1, project.indicators[0].model_copy())


def _no_unit(project: Project) -> None:
    project.unit_name = ""


BROKEN: dict[str, Change] = {
    "funding.total_mismatch": _funding(
        total="30", fiscal="25", superior="0", local="25", carryover="0", non_fiscal="0"
    ),
    "funding.fiscal_mismatch": _funding(total="25", fiscal="40", superior="0", local="25", carryover="0"),
    "funding.in_yuan": _funding(total="250000", fiscal="250000", superior="0", local="250000", carryover="0"),
    "structure.wrong_level1": _set(4, level1="项目完成"),
    "structure.nonstandard_label": _set(4, level2="社会效益"),
    "time.wrong_year": _set(2, value="二○二五年12月31日前"),
    "time.stale_year": _set(0, value="2025年底前召开2次"),
    "cost.unit_slip": _set(3, value="25元"),
    "cost.floor": _set(3, value="不低于25万元"),
    "cost.bare_number": _set(3, value="25"),
    "value.duplicate_row": _duplicate,
    "value.not_applicable": lambda p: p.indicators.insert(
        5, Indicator(level1="项目效益", level2="生态效益指标", name="生态效益", value="此项指标不适用")
    ),
    "text.stray_space": _set(0, name="召开 会议"),
    "text.name_hint": _set(0, name="召开会议次数(≥**次)"),
    "unit.missing_name": _no_unit,
}


def _booklet(project: Project, department: Department) -> Booklet:
    department.projects = [project]
    return Booklet(fiscal_year=2026, departments=[department])


def _errors(findings: list[Finding]) -> set[tuple[str, int | None]]:
    return {(f.rule, f.indicator) for f in findings if f.severity is Severity.ERROR}


def test_every_fixable_rule_has_a_case() -> None:
    assert set(BROKEN) | {"booklet.preface_count"} == set(FIXABLE_RULES)
    assert all(RULES[code].fixable for code in FIXABLE_RULES)


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_fix_removes_the_finding_and_adds_no_error(clean_project: Factory, code: str) -> None:
    project, department = clean_project()
    BROKEN[code](project)
    booklet = _booklet(project, department)
    before = validate_booklet(booklet)
    (finding,) = [f for f in before if f.rule == code]
    assert finding.fix is not None and finding.fix.label
    plan = fix_plan(booklet, finding)
    assert plan is not None and plan.description.startswith("快速修复：") and plan.edits
    apply_plan(booklet, plan)
    after = validate_booklet(booklet)
    assert code not in {f.rule for f in after}
    assert _errors(after) <= _errors(before) - {(code, finding.indicator)}
    # A clean project stays clean once its one defect is fixed.
    assert [f for f in after if f.counted] == []


def test_a_stale_finding_fixes_nothing(clean_project: Factory) -> None:
    project, department = clean_project()
    BROKEN["funding.fiscal_mismatch"](project)
    booklet = _booklet(project, department)
    (finding,) = [f for f in validate_booklet(booklet) if f.rule == "funding.fiscal_mismatch"]
    project.funding.fiscal = D(25)  # corrected by hand meanwhile
    assert fix_plan(booklet, finding) is None
    assert fix_plan(booklet, next(iter(validate_booklet(booklet)), finding)) is None


def test_findings_without_a_certain_fix_have_none(clean_project: Factory) -> None:
    project, department = clean_project()
    project.indicators[0].value = "按需召开"  # vague: only the clerk knows the number
    booklet = _booklet(project, department)
    (finding,) = validate_booklet(booklet)
    assert finding.fix is None and fix_plan(booklet, finding) is None


def test_fix_booklet_applies_every_fix_of_the_rules(clean_project: Factory) -> None:
    project, department = clean_project()
    _duplicate(project)
    _duplicate(project)
    project.indicators[4].value = "2025年12月31日前"  # the 时效 row, after the two copies
    booklet = _booklet(project, department)
    applied = fix_booklet(booklet, {"value.duplicate_row", "time.wrong_year"})
    assert sorted(a.finding.rule for a in applied) == [
        "time.wrong_year",
        "value.duplicate_row",
        "value.duplicate_row",
    ]
    assert [f for f in validate_booklet(booklet) if f.counted] == []


def test_removing_a_row_keeps_review_comments_on_their_rows(clean_project: Factory) -> None:
    project, department = clean_project()
    _duplicate(project)
    project.review = ProjectReview(
        comments=[
            ReviewComment(time=T, indicator=1, text="重复了"),
            ReviewComment(time=T, indicator=4, text="成本偏高"),
        ]
    )
    booklet = _booklet(project, department)
    (finding,) = [f for f in validate_booklet(booklet) if f.rule == "value.duplicate_row"]
    assert finding.fix is not None and finding.fix.edits == (RemoveItems((), 1),)
    plan = fix_plan(booklet, finding)
    assert plan is not None
    apply_plan(booklet, plan)
    # The comment on the removed row becomes a project comment; the cost row's moves up with it.
    assert [(c.indicator, c.text) for c in project.review.comments] == [(None, "重复了"), (3, "成本偏高")]
    assert project.indicators[3].level2 == "成本指标"


def test_fix_of_in_yuan_divides_the_block(clean_project: Factory) -> None:
    project, department = clean_project()
    BROKEN["funding.in_yuan"](project)
    booklet = _booklet(project, department)
    (finding,) = [f for f in validate_booklet(booklet) if f.rule == "funding.in_yuan"]
    plan = fix_plan(booklet, finding)
    assert plan is not None
    assert [(e.path, e.field, e.value) for e in plan.edits if isinstance(e, SetValue)] == [
        ((0, 0), "funding.total", D(25)),
        ((0, 0), "funding.fiscal", D(25)),
        ((0, 0), "funding.local", D(25)),
    ]

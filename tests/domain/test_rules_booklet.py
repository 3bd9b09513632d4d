"""booklet.*: checks before printing, on the bundled sample and on built booklets."""

from __future__ import annotations

from collections.abc import Callable

from kpi_editor.domain.edits import PREFACE, SetValue, apply_plan
from kpi_editor.domain.engine import RULES, Finding, validate_booklet
from kpi_editor.domain.fixes import fix_plan
from kpi_editor.domain.model import Booklet, Department, PrefaceSection, Project

Factory = Callable[[], tuple[Project, Department]]


def _booklet_findings(booklet: Booklet) -> list[Finding]:
    return [f for f in validate_booklet(booklet) if f.rule.startswith("booklet.")]


def test_sample_preface_says_73_units_for_72(sample_booklet: Booklet) -> None:
    (finding,) = _booklet_findings(sample_booklet)
    assert (finding.rule, finding.section, finding.field) == ("booklet.preface_count", 2, "body")
    assert (finding.actual, finding.expected, finding.working) == ("73", "72", "编制说明 73 ≠ 汇编 72")
    assert "73家预算单位" in finding.message and finding.project_id is None
    plan = fix_plan(sample_booklet, finding)
    assert plan is not None
    (edit,) = plan.edits
    assert isinstance(edit, SetValue) and (edit.path, edit.field) == ((*PREFACE, 2), "body")
    apply_plan(sample_booklet, plan)
    assert "72家预算单位（含二级预算单位）327个项目" in sample_booklet.preface[2].body
    assert not _booklet_findings(sample_booklet)


def _two_units(clean_project: Factory) -> Booklet:
    _, department = clean_project()
    second, _ = clean_project()
    second.id, second.name = "p2", "代表视察经费"
    second.indicators[0].value = "4次"
    second.unit_name = "西区政协办公室"
    return Booklet(
        fiscal_year=2026,
        preface=[
            PrefaceSection(heading="三、绩效目标内容", body="对区本级2家预算单位2个项目编制了绩效目标。")
        ],
        departments=[department, Department(code="102001", name="攀枝花市西区政协办公室", projects=[second])],
    )


def test_counts_that_agree_and_an_empty_unit(clean_project: Factory) -> None:
    booklet = _two_units(clean_project)
    assert not _booklet_findings(booklet)
    booklet.departments.append(Department(code="103001", name="攀枝花市西区纪委监委"))
    findings = _booklet_findings(booklet)
    assert [(f.rule, f.department) for f in findings] == [
        ("booklet.preface_count", None),  # now 3 units
        ("booklet.empty_unit", "103001"),
    ]


def test_toc_name_differs_from_every_table_of_the_unit(clean_project: Factory) -> None:
    booklet = _two_units(clean_project)
    unit = booklet.departments[1]
    unit.projects.append(unit.projects[0].model_copy(update={"id": "p3", "name": "委员履职经费"}, deep=True))
    unit.projects[1].indicators[0].value = "6次"
    unit.name = "攀枝花市西区政协委员会办公室"
    findings = [f for f in validate_booklet(booklet) if f.rule in ("booklet.toc_name", "unit.name_mismatch")]
    # One finding for the 目录 entry instead of one per table.
    assert [(f.rule, f.department, f.field) for f in findings] == [("booklet.toc_name", "102001", "name")]
    assert "全部2张表" in findings[0].message and findings[0].expected == "西区政协办公室"
    # Only one of the two tables differs: that table is the odd one, not the 目录.
    unit.projects[1].unit_name = unit.name
    findings = [f for f in validate_booklet(booklet) if f.rule in ("booklet.toc_name", "unit.name_mismatch")]
    assert [(f.rule, f.project_id) for f in findings] == [("unit.name_mismatch", "p2")]


def test_same_project_in_two_units(clean_project: Factory) -> None:
    booklet = _two_units(clean_project)
    copy = booklet.departments[0].projects[0].model_copy(update={"id": "p9"}, deep=True)
    copy.unit_name = "西区政协办公室"
    booklet.departments[1].projects.append(copy)
    findings = [
        f for f in validate_booklet(booklet) if f.project_id == "p9" and not f.rule.startswith("text")
    ]
    assert [f.rule for f in findings] == ["booklet.duplicate_project"]  # value.copied_set is explained by it
    assert "单位101001和单位102001" in findings[0].message


def test_same_name_in_two_units_is_fine_when_the_projects_differ(clean_project: Factory) -> None:
    # Every 街道 has its own 综治维稳工作经费: the same name, other money and rows.
    booklet = _two_units(clean_project)
    other = booklet.departments[1].projects[0]
    other.name = booklet.departments[0].projects[0].name
    for row, value in zip(other.indicators[1:4], ("≥98%", "2026年11月30日前", "会务费25万元"), strict=True):
        row.value = value
    assert "booklet.duplicate_project" not in {f.rule for f in validate_booklet(booklet)}
    other.funding = booklet.departments[0].projects[0].funding.model_copy()
    assert "booklet.duplicate_project" not in {f.rule for f in validate_booklet(booklet)}


def test_every_booklet_rule_is_exercised() -> None:
    covered = {"booklet.preface_count", "booklet.empty_unit", "booklet.toc_name", "booklet.duplicate_project"}
    assert covered == {r.code for r in RULES if r.category == "booklet"}

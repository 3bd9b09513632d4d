"""unit.*: department codes, unit names against the unit list, project names within a unit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.engine import RULES, validate_booklet, validate_project
from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.rules.unit import same_unit
from kpi_editor.domain.template import load_template

Factory = Callable[[], tuple[Project, Department]]


@pytest.mark.parametrize(
    ("listed", "printed"),
    [
        ("攀枝花市西区人民代表大会常务委员会办公室", "西区人民代表大会常务委员会办公室"),
        ("中国共产党攀枝花市西区委员会组织部", "中共攀枝花市西区区委组织部"),
        ("中共攀枝花市西区区委统一战线工作部", "中共攀枝花市西区委员会统一战线工作部"),
        ("攀枝花市西区土地储备中心", "区土地储备中心"),
        ("攀枝花市西区司法局", "攀枝花西区司法局"),
        (
            "攀枝花市西区文化馆(攀枝花市西区考古与西区文物保护中心",
            "攀枝花市西区文化馆（攀枝花市西区考古与文物保护中心）",
        ),
    ],
)
def test_spelling_variants_are_the_same_unit(listed: str, printed: str) -> None:
    assert same_unit(listed, printed)


@pytest.mark.parametrize(
    ("listed", "printed"),
    [
        ("攀枝花市西区发展和改革局", "攀枝花市西区发展和改革委员会"),
        ("攀枝花市西区司法局", "攀枝花市西区审计局"),
        ("攀枝花市西区土地储备中心", "东区土地储备中心"),
    ],
)
def test_real_differences_are_not(listed: str, printed: str) -> None:
    assert not same_unit(listed, printed)


@pytest.mark.parametrize(
    ("code", "printed", "fixed"),
    [
        ("unit.name_mismatch", "攀枝花市西区发展和改革委员会", "攀枝花市西区人民代表大会常务委员会办公室"),
        ("unit.missing_name", "", "西区人大常委会办公室（简称）"),
    ],
)
def test_unit_name_rules_fire_and_not_on_twin(
    clean_project: Factory, code: str, printed: str, fixed: str
) -> None:
    template = load_template("xiqu-2026")
    project, department = clean_project()
    project.unit_name = printed
    findings = [f for f in validate_project(project, template, 2026, department) if f.rule == code]
    assert [(f.field, f.department) for f in findings] == [("unit_name", "101001")]
    project.unit_name = fixed
    if code == "unit.missing_name":
        assert code not in {f.rule for f in validate_project(project, template, 2026, department)}
    else:
        assert validate_project(project, template, 2026, department) == []


def test_unit_name_needs_the_department(clean_project: Factory) -> None:
    project, _ = clean_project()
    project.unit_name = "别的单位"
    assert validate_project(project, load_template("xiqu-2026"), 2026, "101001") == []


def _booklet(*departments: Department) -> Booklet:
    return Booklet(fiscal_year=2026, departments=list(departments))


def _department(code: str, *projects: Project) -> Department:
    return Department(code=code, name="攀枝花市西区人民代表大会常务委员会办公室", projects=list(projects))


def _project(clean_project: Factory, pid: str, name: str, value: str) -> Project:
    project, _ = clean_project()
    project.id, project.name = pid, name
    project.indicators[0].value = value  # distinct sets, so value.copied_set stays out of the way
    return project


@pytest.mark.parametrize(("bad", "good"), [("10101", "101001"), ("10100A", "101001"), ("1010011", "101001")])
def test_code_format(clean_project: Factory, bad: str, good: str) -> None:
    project, _ = clean_project()
    (finding,) = [
        f for f in validate_booklet(_booklet(_department(bad, project))) if f.rule.startswith("unit.")
    ]
    assert (finding.rule, finding.department, finding.field) == ("unit.code_format", bad, "code")
    assert not [
        f for f in validate_booklet(_booklet(_department(good, project))) if f.rule.startswith("unit.")
    ]


def test_code_duplicate(clean_project: Factory) -> None:
    a = _project(clean_project, "a", "会议经费", "2次")
    b = _project(clean_project, "b", "视察经费", "3次")
    findings = [
        f
        for f in validate_booklet(_booklet(_department("101001", a), _department("101001", b)))
        if f.rule.startswith("unit.")
    ]
    assert [f.rule for f in findings] == ["unit.code_duplicate"]
    assert not [
        f
        for f in validate_booklet(_booklet(_department("101001", a), _department("101002", b)))
        if f.rule.startswith("unit.")
    ]


def test_project_name_duplicate(clean_project: Factory) -> None:
    a = _project(clean_project, "a", "会议经费", "2次")
    b = _project(clean_project, "b", "会议 经费", "3次")
    findings = [
        f
        for f in validate_booklet(_booklet(_department("101001", a, b)))
        if f.rule == "unit.project_name_duplicate"
    ]
    assert [(f.project_id, f.field) for f in findings] == [("b", "name")]
    # The same name in two different units is fine.
    assert "unit.project_name_duplicate" not in {
        f.rule for f in validate_booklet(_booklet(_department("101001", a), _department("101002", b)))
    }


def test_missing_name_blocks_and_is_filled_in(clean_project: Factory) -> None:
    project, department = clean_project()
    project.unit_name = " "
    (finding,) = [
        f
        for f in validate_project(project, load_template("xiqu-2026"), 2026, department)
        if f.rule == "unit.missing_name"
    ]
    assert finding.severity.label == "错误" and finding.fix is not None
    assert finding.fix.edits == (SetValue((), "unit_name", department.name),)


def _units(clean_project: Factory, printed: str) -> Booklet:
    project, _ = clean_project()
    project.unit_name = printed
    other, _ = clean_project()
    other.id, other.name = "p2", "社保经办经费"
    other.indicators[0].value = "4次"
    other.unit_name = "攀枝花市西区社会保险事业管理中心"
    third, _ = clean_project()
    third.id, third.name = "p3", "审计经费"
    third.indicators[0].value = "6次"
    third.unit_name = "攀枝花市西区审计局"
    return _booklet(
        Department(code="116001", name="攀枝花市西区人力资源和社会保障局", projects=[project]),
        Department(code="116002", name="攀枝花市西区社会保险事业管理中心", projects=[other]),
        Department(code="118001", name="攀枝花市西区审计局", projects=[third]),
    )


@pytest.mark.parametrize(
    ("printed", "what"),
    [
        ("西区社会保险事业管理中心", "同一部门下的另一个单位"),
        ("攀枝花市西区审计局", "单位名单中的另一个单位"),
    ],
)
def test_a_table_naming_another_unit_of_the_list(clean_project: Factory, printed: str, what: str) -> None:
    findings = [f for f in validate_booklet(_units(clean_project, printed)) if f.rule.startswith("unit.")]
    assert [(f.rule, f.project_id, f.field) for f in findings] == [("unit.other_unit", "p1", "unit_name")]
    assert what in findings[0].message and findings[0].severity.label == "错误"  # name_mismatch explained
    twin = _units(clean_project, "攀枝花市西区人力资源和社会保障局")
    assert not [f for f in validate_booklet(twin) if f.rule.startswith("unit.")]


def test_every_unit_rule_is_exercised() -> None:
    covered = {
        "unit.name_mismatch",
        "unit.missing_name",
        "unit.other_unit",
        "unit.code_format",
        "unit.code_duplicate",
        "unit.project_name_duplicate",
    }
    assert covered == {r.code for r in RULES if r.category == "unit"}

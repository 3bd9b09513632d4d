"""Suggestions from the library for real corpus projects, the search, and the edits picking makes."""

from __future__ import annotations

import re

import pytest
from rapidfuzz import fuzz

from kpi_editor.domain.edits import InsertItems, SetValue, apply_plan
from kpi_editor.domain.engine import validate_project
from kpi_editor.domain.library import Library, adapt_library, build_library, merge_libraries
from kpi_editor.domain.model import Booklet, Department, Project, Target
from kpi_editor.domain.skeleton import required_rows
from kpi_editor.domain.suggest import LibraryIndex, Suggestion, plan_fill_row, plan_insert
from kpi_editor.domain.template import load_template
from kpi_editor.io.libraryfile import common_library

XIQU = load_template("xiqu-2026")
MOF = load_template("mof-2021")
HELD_OUT = "132001"  # a 街道: its 村级公共服务经费补助资金 has twins in the other 街道/镇
ORIGIN_RE = re.compile(r"^(西区2026 · \d{6} · .+|共性指标 · .+)$")


def _library(booklet: Booklet) -> Library:
    common = common_library()
    built, _ = build_library([(booklet, None)], XIQU, project_types=common.project_types, explanations=common)
    return merge_libraries([adapt_library(common, XIQU), built])


@pytest.fixture(scope="module")
def held_out(corpus_booklet: Booklet) -> tuple[Department, LibraryIndex]:
    department = corpus_booklet.department(HELD_OUT)
    assert department is not None
    rest = corpus_booklet.model_copy(
        update={"departments": [d for d in corpus_booklet.departments if d.code != HELD_OUT]}
    )
    return department, LibraryIndex(_library(rest), XIQU)


def _named(department: Department, name: str) -> Project:
    return next(p for p in department.projects if p.name == name)


def test_a_name_alone_gets_suggestions_for_every_required_level2(
    held_out: tuple[Department, LibraryIndex],
) -> None:
    department, index = held_out
    real = _named(department, "村级公共服务经费补助资金")
    result = index.suggest(Project(name=real.name), 2026, top=5)
    for spec in XIQU.required_level2():
        group = result.by_level2[spec.name]
        assert 1 <= len(group) <= 5
        assert len({s.name for s in group}) == len(group)
        for suggestion in group:
            assert suggestion.level2 == spec.name
            assert suggestion.level1 == XIQU.parent_of(spec.name)
            assert ORIGIN_RE.match(suggestion.origin), suggestion.origin
            assert "{" not in suggestion.name + suggestion.value + suggestion.example
    # Its twins in other 街道 are found, and for some 二级 the clerk's own wording is in the top 3
    # (the twins' clerks wrote quite different rows, so not for all).
    picked = [s for s in result.all() if s.reason == "相似项目"]
    assert picked and all("村级公共服务经费" in s.origin for s in picked[:3])
    hits = [
        level2
        for level2, group in result.by_level2.items()
        if any(
            fuzz.ratio(s.name, i.name) >= 60 for s in group[:3] for i in real.indicators if i.level2 == level2
        )
    ]
    assert len(hits) >= 2, hits


def test_years_follow_the_fiscal_year_and_numbers_are_left_to_fill(
    held_out: tuple[Department, LibraryIndex],
) -> None:
    _department, index = held_out
    result = index.suggest(Project(name="人大代表履职培训经费"), 2027, top=5)
    texts = [f"{s.name} {s.value} {s.example}" for s in result.all()]
    assert any("2027年" in t for t in texts)
    assert not any("2026" in t for t in texts)
    satisfaction = result.by_level2["服务对象满意度指标"]
    assert any(s.value == "≥□%" and re.fullmatch(r"≥\d+%", s.example) for s in satisfaction)
    assert "培训类" in result.project_types
    assert any(s.reason == "共性指标" and s.origin == "共性指标 · 培训类" for s in result.all())


def test_suggesting_never_changes_the_project(held_out: tuple[Department, LibraryIndex]) -> None:
    department, index = held_out
    project = department.projects[0]
    before = project.model_dump()
    index.suggest(project, 2026)
    assert project.model_dump() == before


def test_rows_the_project_already_has_are_not_offered_again(
    held_out: tuple[Department, LibraryIndex],
) -> None:
    department, index = held_out
    project = _named(department, "村级公共服务经费补助资金")
    result = index.suggest(project, 2026, top=5)
    for level2, group in result.by_level2.items():
        mine = [i.name for i in project.indicators if i.level2 == level2]
        for suggestion in group:
            assert all(fuzz.ratio(suggestion.name, name) < 80 for name in mine), (level2, suggestion.name)


def test_an_empty_project_name_still_gets_the_common_rows(held_out: tuple[Department, LibraryIndex]) -> None:
    _department, index = held_out
    result = index.suggest(Project(name=""), 2026, top=3)
    assert set(result.by_level2) >= {s.name for s in XIQU.required_level2()}
    assert index.suggest(Project(name="会议"), 2026, top=0).by_level2 == {}


def test_insert_places_rows_at_the_end_of_their_blocks(
    held_out: tuple[Department, LibraryIndex], corpus_booklet: Booklet
) -> None:
    _department, index = held_out
    booklet = corpus_booklet.model_copy(deep=True)
    project = booklet.departments[0].projects[0]  # 人民代表大会会议经费: 数量 … 满意度, no 经济效益
    before = [(i.level2, i.name) for i in project.indicators]
    result = index.suggest(project, 2026, top=2)
    picked = [
        result.by_level2["数量指标"][0],
        result.by_level2["经济效益指标"][0],
        result.by_level2["数量指标"][1],
    ]
    plan = plan_insert(booklet, (0, 0), picked, XIQU)
    assert plan.description == "插入推荐指标（3行）"
    assert all(isinstance(e, InsertItems) for e in plan.edits)
    apply_plan(booklet, plan)
    after = [(i.level2, i.name) for i in project.indicators]
    assert [row for row in after if row not in [(s.level2, s.name) for s in picked]] == before
    levels = [level2 for level2, _ in after]
    # Each block stays in one piece and the new 经济效益 block sits where the template puts it.
    assert levels == sorted(levels, key=list(XIQU.level2_names()).index)
    quantity = [name for level2, name in after if level2 == "数量指标"]
    assert quantity[-2:] == [picked[0].name, picked[2].name]


def test_a_new_projects_skeleton_rows_are_filled_first(held_out: tuple[Department, LibraryIndex]) -> None:
    _department, index = held_out
    project = Project(name="干部教育培训经费", indicators=required_rows(XIQU))
    booklet = Booklet(fiscal_year=2026, departments=[Department(code="101001", projects=[project])])
    result = index.suggest(project, 2026, top=2)
    picked = [group[0] for group in result.by_level2.values()] + [result.by_level2["数量指标"][1]]
    plan = plan_insert(booklet, (0, 0), picked, XIQU)
    skeleton = len(project.indicators)
    apply_plan(booklet, plan)
    assert sum(isinstance(e, InsertItems) for e in plan.edits) == len(picked) - skeleton
    assert all(i.name for i in project.indicators)
    assert [i.level2 for i in project.indicators].count("数量指标") == 2
    assert project.indicators[1].name == result.by_level2["数量指标"][1].name
    # What is left to do is what a reviewer would ask for: the numbers (and money) to fill in.
    open_values = [i.value for i in project.indicators if "□" in i.value]
    assert open_values


def test_fill_row_writes_one_suggestion_into_one_row(held_out: tuple[Department, LibraryIndex]) -> None:
    _department, index = held_out
    project = Project(name="会议经费", indicators=required_rows(XIQU))
    booklet = Booklet(fiscal_year=2026, departments=[Department(code="101001", projects=[project])])
    suggestion = index.suggest(project, 2026, top=1).by_level2["时效指标"][0]
    row = next(i for i, r in enumerate(project.indicators) if r.level2 == "时效指标")
    plan = plan_fill_row(booklet, (0, 0, row), suggestion, XIQU)
    assert [e.field for e in plan.edits if isinstance(e, SetValue)] == ["name", "value"]
    apply_plan(booklet, plan)
    assert project.indicators[row].name == suggestion.name
    findings = validate_project(project, XIQU, 2026, booklet.departments[0])
    assert not [f for f in findings if f.indicator == row and f.rule.startswith("time.")]


def test_the_ministry_template_gets_its_nature_and_unit_columns() -> None:
    suggestion = Suggestion(
        level1="产出指标",
        level2="数量指标",
        name="培训人次",
        value="□人次",
        example="300人次",
        comparator=">=",
        unit="人次",
        explanation="",
        origin="共性指标 · 培训类",
        seen=0,
        project_types=("培训类",),
        reason="共性指标",
    )
    row = suggestion.indicator(MOF)
    assert row.target == Target(comparator=">=", text="□", unit="人次") and row.value == "≥□人次"
    assert suggestion.indicator(XIQU).target is None and suggestion.indicator(XIQU).value == "□人次"
    index = LibraryIndex(adapt_library(common_library(), MOF), MOF)
    result = index.suggest(Project(name="会议经费"), 2026, top=3)
    assert "经济成本指标" in result.by_level2
    assert all(s.level1 == "成本指标" for s in result.by_level2["经济成本指标"])


def test_search_by_words_and_filters(held_out: tuple[Department, LibraryIndex]) -> None:
    _department, index = held_out
    found = index.search("满意度", 2026, level2="服务对象满意度指标", limit=20)
    assert 1 <= len(found) <= 20 and all("满意度" in s.name for s in found)
    assert found[0].seen >= found[-1].seen
    assert index.search("培训 人次", 2026, limit=50)
    assert all(
        "培训" in s.name + s.example + s.explanation or s.seen for s in index.search("培训 人次", 2026)
    )
    by_label = index.search("", 2026, project_type="会议类", limit=500)
    by_name = index.search("", 2026, project_type="会议", limit=500)
    assert by_label == by_name and by_label
    assert all("会议类" in s.project_types for s in by_label)
    assert index.search("", 2026, level1="满意度指标", limit=5)
    assert all(s.level1 == "满意度指标" for s in index.search("", 2026, level1="满意度指标"))
    assert index.search("不存在的指标名称", 2026) == []
    assert index.search("", 2026, limit=7) and len(index.search("", 2026, limit=7)) == 7


def test_level2_explanations_for_tooltips(held_out: tuple[Department, LibraryIndex]) -> None:
    _department, index = held_out
    assert index.level2_explanation("时效指标").startswith("反映")
    assert index.level2_explanation("不存在的指标") == ""
    assert index.project_type_labels["会议"] == "会议类"

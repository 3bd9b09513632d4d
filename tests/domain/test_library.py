"""The indicator library: normalisation, building from the real corpus, the 共性 set, merging."""

from __future__ import annotations

import pytest

from kpi_editor.domain.amounts import is_measurable
from kpi_editor.domain.library import (
    Library,
    LibraryProject,
    LibraryRow,
    adapt_library,
    booklet_label,
    build_library,
    canonical_level2,
    clean_text,
    merge_libraries,
    name_key,
    number_slots,
    project_types_of,
    render,
    with_year_tokens,
)
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import load_template
from kpi_editor.io.libraryfile import common_library

XIQU = load_template("xiqu-2026")
MOF = load_template("mof-2021")


@pytest.fixture(scope="module")
def corpus_library(corpus_booklet: Booklet) -> Library:
    common = common_library()
    library, _ = build_library(
        [(corpus_booklet, None)], XIQU, project_types=common.project_types, explanations=common
    )
    return library


def _pattern(text: str, year: int = 2026) -> str:
    return number_slots(with_year_tokens(clean_text(text), year))


@pytest.mark.parametrize(
    ("printed", "pattern"),
    [
        ("≥90%", "≥{数}%"),
        ("不低于95%", "不低于{数}%"),
        ("预计25万", "预计{数}万"),
        ("3,000元", "{数}元"),
        ("１２次", "{数}次"),  # full-width digits
        ("$\\geq 80\\%$", "≥ {数}%"),  # LaTeX left by the PDF extraction
        ("2026年12月31日前", "{年}年12月31日前"),  # months and days are not slots
        ("2026年1-12月", "{年}年1-12月"),
        ("2026.12.31前", "{年}.12.31前"),
        ("2025-2027年完成3次", "{年-1}-{年+1}年完成{数}次"),
        ("12个月", "{数}个月"),  # a duration is a quantity
        ("预计2026统筹年度参保率达97%", "预计{年}统筹年度参保率达{数}%"),
        ("共2000人", "共{数}人"),  # four digits that are not a year
        ("1949年", "1949年"),  # a year far from the fiscal year stays as written
        ("基 本满意", "基本满意"),  # a stray space inside words
        ("{年}", "年"),  # clerk text can never become a placeholder
    ],
)
def test_values_become_patterns(printed: str, pattern: str) -> None:
    assert _pattern(printed) == pattern


def test_patterns_render_for_any_fiscal_year() -> None:
    assert render("{年-1}-{年+1}年完成{数}次", 2027) == "2026-2028年完成□次"
    assert render("≥{数}%", 2027, slot="90") == "≥90%"
    assert render("{年}年12月31日前", 2030) == "2030年12月31日前"


@pytest.mark.parametrize(
    ("label", "level2"),
    [
        ("服务对象满意度 指标", "服务对象满意度指标"),
        ("服务对象满意度", "服务对象满意度指标"),
        ("经济效益", "经济效益指标"),
        ("生态效益", "生态效益指标"),
        ("可持续发展指标", "可持续影响指标"),
        ("经济成本指标", "成本指标"),
        ("项目完成", None),
    ],
)
def test_corpus_label_variants_map_to_the_template(label: str, level2: str | None) -> None:
    assert canonical_level2(label, XIQU) == level2


def test_booklet_label_is_place_and_year(corpus_booklet: Booklet) -> None:
    assert booklet_label(corpus_booklet) == "西区2026"


def test_corpus_library_rows_are_distinct_and_placed(
    corpus_library: Library, corpus_booklet: Booklet
) -> None:
    rows = corpus_library.rows
    assert len(corpus_library.projects) == 327
    # 3,623 rows, of which 10 have names over the template's 60 characters.
    assert 2700 < len(rows) < 3100
    assert len({(r.level2, name_key(r.name)) for r in rows}) == len(rows)
    assert sum(r.seen for r in rows) <= 3613
    names = set(XIQU.level2_names())
    assert all(r.level2 in names and r.level1 == XIQU.parent_of(r.level2) for r in rows)
    assert all("2026" not in r.name and "2026" not in r.value for r in rows)
    first = corpus_library.projects[0]
    assert first.describe() == "西区2026 · 101001 · 人民代表大会会议经费"


def test_the_most_common_rows_keep_their_typical_value(corpus_library: Library) -> None:
    by_name = {(r.level2, r.name): r for r in corpus_library.rows}
    masses = by_name[("服务对象满意度指标", "群众满意度")]
    assert masses.seen == 42
    assert masses.value == "≥{数}%"
    assert masses.comparator == ">=" and masses.unit == "%"
    assert is_measurable(render(masses.example, 2026))
    year_row = by_name[("时效指标", "{年}年")]  # 13 clerks named the time row after the year
    assert year_row.seen == 13


def test_unmeasurable_values_are_not_offered_as_patterns(corpus_library: Library) -> None:
    vague = XIQU.vague_words
    for row in corpus_library.rows:
        if row.value:
            assert is_measurable(render(row.example, 2026), vague), row
    # 优良 is the fourth most common value of the corpus, and never a pattern.
    assert not any(r.example == "优良" for r in corpus_library.rows)
    assert any(r.value == "" for r in corpus_library.rows)


def test_rows_know_their_project_types_and_borrow_explanations(corpus_library: Library) -> None:
    meeting = [r for r in corpus_library.rows if "会议" in r.project_types]
    assert meeting, "人民代表大会会议经费 and 政协会议经费 are 会议 projects"
    assert any(r.explanation for r in corpus_library.rows), "rows named like a 共性 row get its 指标解释"


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("人民代表大会会议经费", ("会议",)),
        ("西区教师培训费", ("培训",)),
        ("电脑设备更换", ("购置",)),
        ("内网网络维护费", ("运行维护", "信息化")),
        ("高龄长寿补贴", ("补助补贴",)),
        ("走访慰问", ("慰问",)),
        ("政策研究咨询经费", ("课题研究",)),
        ("普法宣传工作", ("宣传",)),
        ("办案费", ()),
    ],
)
def test_project_types_from_names(name: str, kinds: tuple[str, ...]) -> None:
    assert project_types_of(name, common_library().project_types) == kinds


def test_the_common_set_is_complete_and_checkable() -> None:
    common = common_library()
    assert common.template_id is None
    types = {spec.name for spec in common.project_types}
    assert types == {
        "会议",
        "培训",
        "购置",
        "运行维护",
        "信息化",
        "宣传",
        "补助补贴",
        "工程",
        "课题研究",
        "慰问",
    }
    required = {"数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标"}
    for kind in types:
        covered = {r.level2 for r in common.rows if kind in r.project_types or not r.project_types}
        assert required <= covered, kind
    for row in common.rows:
        assert row.level2 in XIQU.level2_names()
        assert set(row.project_types) <= types
        assert row.explanation.startswith("反映") and row.explanation.endswith("。")
        # Every pattern is measurable once the clerk fills its number in.
        assert is_measurable(render(row.value, 2026, slot="9"), XIQU.vague_words), row.name
        assert number_slots(row.example) == row.value, row.name
        assert row.seen == 0 and not row.sources
    keys = [(r.level2, name_key(r.name)) for r in common.rows]
    assert len(set(keys)) == len(keys)


def test_every_level2_of_both_templates_is_explained() -> None:
    for template in (XIQU, MOF):
        for name in template.level2_names():
            assert template.explanation_of(name).startswith("反映"), (template.id, name)


def test_the_common_set_fits_the_ministry_template() -> None:
    adapted = adapt_library(common_library(), MOF)
    assert adapted.template_id == "mof-2021"
    cost = [r for r in adapted.rows if r.name == "人均会议成本"]
    assert cost and cost[0].level2 == "经济成本指标" and cost[0].level1 == "成本指标"
    assert all(r.level2 in MOF.level2_names() for r in adapted.rows)
    assert len(adapted.rows) == len(common_library().rows)


def _tiny(name: str, seen: int, template_id: str | None = "xiqu-2026") -> Library:
    return Library(
        name=name,
        template_id=template_id,
        projects=(LibraryProject(label=name, code="101001", name="会议经费"),),
        rows=(
            LibraryRow(level1="项目完成", level2="数量指标", name="召开会议次数", sources=(0,), seen=seen),
        ),
    )


def test_merging_adds_counts_and_keeps_every_source() -> None:
    merged = merge_libraries([_tiny("甲", 2), _tiny("乙", 3)])
    (row,) = merged.rows
    assert row.seen == 5
    assert [merged.projects[s].label for s in row.sources] == ["甲", "乙"]
    with pytest.raises(ValueError, match="不同表样"):
        merge_libraries([_tiny("甲", 1), _tiny("乙", 1, "mof-2021")])


def test_a_source_outside_the_projects_is_refused() -> None:
    with pytest.raises(ValueError, match="来源项目编号超出范围"):
        Library(rows=(LibraryRow(level2="数量指标", name="x", sources=(3,), seen=1),))

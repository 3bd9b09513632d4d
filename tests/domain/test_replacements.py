"""查找和替换 on the real sample: matches counted against direct counts, plans that change exactly
the matching cells, the Excel/WPS options, scopes and kinds, and refused values left alone."""

from __future__ import annotations

import pytest

from kpi_editor.domain.edits import PREFACE, EditError, SetValue, apply_plan, field_value
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.replace import Query, excerpt, find_replacements, fold_width
from kpi_editor.domain.search import FIND_KINDS, TextKind, find, places
from kpi_editor.io.projectfile import dumps_booklet, loads_booklet

VALUES = frozenset({TextKind.VALUES})
EDUCATION = 25  # 123001 攀枝花市西区教育和体育局: the sample's largest unit (15 projects)


def _values(booklet: Booklet, d: int) -> list[str]:
    return [i.value for p in booklet.departments[d].projects for i in p.indicators]


def test_a_year_in_one_units_values(sample_booklet: Booklet) -> None:
    before = dumps_booklet(sample_booklet)
    query = Query("2026年", "2027年", scope=(EDUCATION,), kinds=VALUES)
    result = find_replacements(sample_booklet, query)
    direct = sum(v.count("2026年") for v in _values(sample_booklet, EDUCATION))
    cells = sum(1 for v in _values(sample_booklet, EDUCATION) if "2026年" in v)
    assert direct > 10
    assert (result.found, result.occurrences, len(result.matches)) == (direct, direct, cells)
    assert all(m.path[0] == EDUCATION and m.field == "value" for m in result.matches)
    assert dumps_booklet(sample_booklet) == before  # finding changes nothing

    plan = result.plan()
    assert len(plan.edits) == cells and plan.description == f"替换“2026年”为“2027年”（{direct}处）"
    apply_plan(sample_booklet, plan)
    # Exactly the unit's values changed, each as str.replace would: every other cell is as it was.
    expected = loads_booklet(before)
    for project in expected.departments[EDUCATION].projects:
        for indicator in project.indicators:
            indicator.value = indicator.value.replace("2026年", "2027年")
    assert dumps_booklet(sample_booklet) == dumps_booklet(expected)
    assert "2026年" in sample_booklet.title  # the cover was out of scope


def test_match_case_counts_latin_letters_only(sample_booklet: Booklet) -> None:
    texts = [p.text for p in places(sample_booklet, VALUES | {TextKind.INDICATORS})]
    any_case = find_replacements(sample_booklet, Query("book", "册"))
    exact = find_replacements(sample_booklet, Query("book", "册", match_case=True))
    assert any_case.found == sum(t.lower().count("book") for t in texts) == 3
    assert exact.found == sum(t.count("book") for t in texts) == 2
    # Chinese has no case: the option changes nothing for it.
    assert (
        find_replacements(sample_booklet, Query("满意度", match_case=True)).found
        == find_replacements(sample_booklet, Query("满意度")).found
        > 300
    )


def test_whole_cell_is_excels_cell_match(sample_booklet: Booklet) -> None:
    values = [p.text for p in places(sample_booklet, VALUES)]
    whole = find_replacements(sample_booklet, Query("100%", "≥100%", kinds=VALUES, whole_cell=True))
    part = find_replacements(sample_booklet, Query("100%", "≥100%", kinds=VALUES))
    assert len(whole.matches) == values.count("100%") == 209
    assert len(part.matches) == sum(1 for v in values if "100%" in v) > 209
    assert {m.new for m in whole.matches} == {"≥100%"}
    apply_plan(sample_booklet, whole.plan())
    assert "≤100%" in [p.text for p in places(sample_booklet, VALUES)]  # parts of cells untouched


def test_full_and_half_width_match_unless_told_apart(sample_booklet: Booklet) -> None:
    values = [p.text for p in places(sample_booklet, VALUES)]
    half = sum(v.count("%") for v in values)
    full = sum(v.count("％") for v in values)
    assert half > 500
    # Typed full-width, found both ways (as Excel does when 区分全/半角 is off) …
    mixed = find_replacements(sample_booklet, Query("％", "%", kinds=VALUES))
    assert mixed.found == half + full
    # … and normalising to half-width changes only the full-width ones.
    assert mixed.occurrences == full
    assert len(mixed.plan().edits) == sum(1 for v in values if "％" in v)
    strict = find_replacements(sample_booklet, Query("％", "%", kinds=VALUES, match_width=True))
    assert strict.found == full
    assert fold_width("２０２６年，ＡＢ　") == "2026年,AB "


def test_scopes_and_kinds(sample_booklet: Booklet) -> None:
    booklet = sample_booklet
    project = find_replacements(booklet, Query("2026年", scope=(0, 0)))
    assert project.matches and {m.path[:2] for m in project.matches} == {(0, 0)}
    everywhere = find_replacements(booklet, Query("2026年"))
    assert {m.path for m in everywhere.matches if m.path[:1] in ((), PREFACE)} == {(), (*PREFACE, 2)}
    assert {m.field for m in everywhere.matches if m.path == ()} == {"title", "date"}
    # The cover and the 编制说明 belong to the whole booklet only.
    unit = find_replacements(booklet, Query("2026年", scope=(0,)))
    assert all(m.path[:1] == (0,) for m in unit.matches)
    cover = find_replacements(booklet, Query("2026年", kinds=frozenset({TextKind.COVER})))
    assert [m.field for m in cover.matches] == ["title", "date"]
    preface = find_replacements(booklet, Query("编制", kinds=frozenset({TextKind.PREFACE})))
    assert {m.field for m in preface.matches} == {"heading", "body"}
    assert all(m.path[:1] == PREFACE for m in preface.matches)
    with pytest.raises(EditError, match="范围"):
        find_replacements(booklet, Query("x", scope=(999,)))
    with pytest.raises(EditError, match="范围"):
        find_replacements(booklet, Query("x", scope=(0, 0, 0)))
    assert find_replacements(booklet, Query("", "x")).matches == []


def test_renaming_a_unit_renames_its_tables_too(sample_booklet: Booklet) -> None:
    department = sample_booklet.departments[EDUCATION]
    names = frozenset({TextKind.NAMES})
    result = find_replacements(
        sample_booklet, Query("教育和体育局", "教育体育局", scope=(EDUCATION,), kinds=names)
    )
    fields = {(m.path, m.field) for m in result.matches}
    assert ((EDUCATION,), "name") in fields
    unit_names = sum(1 for p in department.projects if "教育和体育局" in p.unit_name)
    assert len([f for f in fields if f[1] == "unit_name"]) == unit_names > 10
    apply_plan(sample_booklet, result.plan())
    assert department.name == "攀枝花市西区教育体育局"
    assert department.code == "123001"  # codes are never searched


def test_a_refused_value_is_reported_and_left_out(
    sample_booklet: Booklet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The model takes any text in these fields today; a validator that refuses one must still be
    # honoured: the cell is reported with the reason and left out of the plan.
    from kpi_editor.domain import replace

    real = replace.validated_value

    def refusing(item: object, name: str, value: object) -> object:
        if name == "date":
            raise EditError("日期格式不对")
        return real(item, name, value)

    monkeypatch.setattr(replace, "validated_value", refusing)
    result = find_replacements(sample_booklet, Query("2026年", "2027年", kinds=frozenset({TextKind.COVER})))
    assert [(m.field, m.refused) for m in result.refused] == [("date", "日期格式不对")]
    assert result.plan().edits == [SetValue((), "title", result.matches[0].new)]
    assert result.occurrences == 1 and result.found == 2


def test_text_already_as_wanted_is_not_an_edit(sample_booklet: Booklet) -> None:
    result = find_replacements(sample_booklet, Query("2026年", "2026年"))
    assert result.found > 200 and result.occurrences == 0
    assert not result.plan()


def test_excerpt_shows_the_changed_part_of_a_long_cell(sample_booklet: Booklet) -> None:
    body = find_replacements(sample_booklet, Query("2026年", "2027年", kinds=frozenset({TextKind.PREFACE})))
    match = body.matches[0]
    old, new = excerpt(match.old, match.spans), excerpt(match.new, match.new_spans)
    assert [text for text, found in old if found] == ["2026年"]
    assert [text for text, found in new if found] == ["2027年"]
    assert old[0][0].startswith("…") and old[-1][0].endswith("…")
    assert len("".join(text for text, _ in old)) < 40 < len(match.old)
    assert excerpt("ab2026年cd2026年", [(2, 7), (9, 14)]) == [
        ("ab", False),
        ("2026年", True),
        ("cd", False),
        ("2026年", True),
    ]
    assert field_value(sample_booklet, match.path, match.field) == match.old


def test_find_reads_the_same_walk(sample_booklet: Booklet) -> None:
    """查找 keeps its behaviour on the shared walk: a unit's code and name are found together, a
    project or row once, at its first matching field."""
    assert [h.path for h in find(sample_booklet, "101001 攀枝花")] == [(0,)]
    hits = find(sample_booklet, "人代会")
    assert hits and len({h.path for h in hits}) == len(hits)
    rows = [p for p in places(sample_booklet, FIND_KINDS) if len(p.path) == 3 and "人代会" in p.text]
    assert len([h for h in hits if len(h.path) == 3]) == len({p.path for p in rows})

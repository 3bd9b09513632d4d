"""Compiling submissions: the per-department split merges back into the whole; conflicts never overwrite."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from kpi_editor.domain.diff import ChangeKind
from kpi_editor.domain.fingerprint import booklet_fingerprint
from kpi_editor.domain.merge import BASE_SOURCE, MergeError, merge_booklets
from kpi_editor.domain.model import Booklet, Department, Project


@pytest.fixture
def corpus(corpus_booklet: Booklet) -> Booklet:
    return corpus_booklet  # shared by the session: tests copy it before changing anything


def split(booklet: Booklet) -> list[tuple[str, Booklet]]:
    """One booklet per department, each with the full front matter, as units would submit."""
    parts = []
    for department in booklet.departments:
        part = booklet.model_copy(update={"departments": []}).model_copy(deep=True)
        part.departments = [department.model_copy(deep=True)]
        parts.append((f"{department.code}.kpi.json", part))
    return parts


def test_merging_the_per_department_split_gives_back_the_booklet(corpus: Booklet) -> None:
    parts = split(corpus)
    random.Random(6).shuffle(parts)  # submissions arrive in any order; the booklet is in code order
    result = merge_booklets(None, parts, replace=False)
    assert result.conflicts == [] and not result.blocked
    assert result.booklet == corpus
    assert result.booklet.total() == corpus.total() == Decimal("14050.511679")
    assert booklet_fingerprint(result.booklet) == booklet_fingerprint(corpus)
    assert [(d.code, d.source) for d in result.departments] == [
        (d.code, f"{d.code}.kpi.json") for d in corpus.departments
    ]
    assert sum(d.projects for d in result.departments) == 327


def test_a_department_already_present_is_a_conflict_and_is_kept(corpus: Booklet) -> None:
    code = corpus.departments[5].code
    resubmitted = split(corpus)[5][1]
    project = resubmitted.departments[0].projects[0]
    project.funding.total = (project.funding.total or Decimal(0)) + 1
    before = corpus.model_copy(deep=True)

    result = merge_booklets(corpus, [("重报.kpi.json", resubmitted)], replace=False)

    assert result.blocked
    assert result.booklet == corpus  # nothing overwritten
    assert corpus == before  # inputs untouched
    (conflict,) = result.conflicts
    assert (conflict.code, conflict.existing_source, conflict.new_source) == (
        code,
        BASE_SOURCE,
        "重报.kpi.json",
    )
    assert [(c.kind, c.field) for c in conflict.changes] == [(ChangeKind.FUNDING_CHANGED, "total")]
    assert "共1处不同" in conflict.summary
    assert next(d for d in result.departments if d.code == code).source == BASE_SOURCE


def test_replace_puts_the_new_department_in_and_records_where_it_came_from(corpus: Booklet) -> None:
    resubmitted = split(corpus)[5][1]
    resubmitted.departments[0].projects.pop()
    result = merge_booklets(corpus, [("重报.kpi.json", resubmitted)], replace=True)
    assert not result.blocked and len(result.conflicts) == 1
    code = resubmitted.departments[0].code
    assert result.booklet.department(code) == resubmitted.departments[0]
    assert result.booklet.project_count == corpus.project_count - 1
    entry = next(d for d in result.departments if d.code == code)
    assert (entry.source, entry.replaced) == ("重报.kpi.json", BASE_SOURCE)


def test_the_same_department_twice_among_submissions_is_a_conflict() -> None:
    a = Booklet(
        fiscal_year=2026, departments=[Department(code="101001", name="甲", projects=[Project(name="x")])]
    )
    b = a.model_copy(deep=True)
    b.departments[0].projects[0].name = "y"
    result = merge_booklets(None, [("a.kpi.json", a), ("b.kpi.json", b)])
    assert result.blocked
    assert result.booklet.departments[0].projects[0].name == "x"
    assert (result.conflicts[0].existing_source, result.conflicts[0].new_source) == (
        "a.kpi.json",
        "b.kpi.json",
    )


@pytest.mark.parametrize(
    ("change", "words"),
    [({"fiscal_year": 2025}, ["2025年", "2026年"]), ({"template_id": "mof-2021"}, ["mof-2021", "表样"])],
)
def test_another_year_or_template_is_refused_naming_the_file(
    change: dict[str, object], words: list[str]
) -> None:
    base = Booklet(fiscal_year=2026, departments=[Department(code="101001")])
    other = Booklet.model_validate({"fiscal_year": 2026, "departments": [{"code": "102001"}], **change})
    with pytest.raises(MergeError) as info:
        merge_booklets(base, [("单位乙.kpi.json", other)])
    message = str(info.value)
    assert message.startswith("单位乙.kpi.json：")
    assert all(w in message for w in words)


def test_colliding_project_ids_get_fresh_ones() -> None:
    a = Booklet(
        fiscal_year=2026, departments=[Department(code="101001", projects=[Project(id="p1", name="x")])]
    )
    b = Booklet(
        fiscal_year=2026, departments=[Department(code="102001", projects=[Project(id="p1", name="y")])]
    )
    result = merge_booklets(a, [("b.kpi.json", b)])
    ids = [p.id for _, p in result.booklet.projects()]
    assert ids[0] == "p1" and ids[1] != "p1"
    assert result.renamed_ids == [("b.kpi.json", "p1", ids[1])]
    assert b.departments[0].projects[0].id == "p1"


def test_nothing_to_merge_is_an_error() -> None:
    with pytest.raises(MergeError, match="没有可合并的文件"):
        merge_booklets(None, [])

"""Fingerprint: the printed content decides it; ids, review state and file formatting do not."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from kpi_editor.domain.fingerprint import booklet_fingerprint, canonical_amount, project_fingerprint
from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, PrefaceSection, Project
from kpi_editor.domain.review import ProjectReview, ReviewStatus, comment
from kpi_editor.io.projectfile import dumps_booklet, loads_booklet

PATTERN = re.compile(r"^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2}$")


@pytest.fixture
def corpus(corpus_booklet: Booklet) -> Booklet:
    return corpus_booklet  # shared by the session: tests copy it before changing anything


def small_booklet() -> Booklet:
    return Booklet(
        fiscal_year=2026,
        title="攀枝花市西区2026年区本级部门预算项目绩效目标（草案）",
        compiler="攀枝花市西区财政局编制",
        date="2026年3月",
        preface_title="部门预算项目绩效目标编制说明",
        preface=[PrefaceSection(heading="一、编制依据", body="区财政局按照《预算绩效目标管理办法》……")],
        departments=[
            Department(
                code="116001",
                name="攀枝花市西区人力资源和社会保障局",
                projects=[
                    Project(
                        id="p1",
                        name="人大代表履职经费",
                        unit_name="攀枝花市西区人力资源和社会保障局",
                        funding=Funding(total=Decimal("25"), fiscal=Decimal("25"), local=Decimal("25")),
                        indicators=[
                            Indicator(level1="项目完成", level2="数量指标", name="召开会议", value="2次"),
                            Indicator(
                                level1="满意度指标", level2="服务对象满意度指标", name="满意度", value="≥90%"
                            ),
                        ],
                    )
                ],
            )
        ],
    )


def test_format_and_a_pinned_value() -> None:
    # Pinned: printed footers must keep matching files after upgrades, so the canonical form
    # may not drift silently. Change this value only together with a note in the changelog.
    booklet = small_booklet()
    assert booklet_fingerprint(booklet) == "C4B4-260A-EA"
    project = booklet.departments[0].projects[0]
    assert PATTERN.match(project_fingerprint(project))
    assert project_fingerprint(project) != project_fingerprint(project, booklet.departments[0])


def test_canonical_amount_spells_a_value_once() -> None:
    assert canonical_amount(Decimal("25.0")) == canonical_amount(Decimal("25")) == "25"
    assert canonical_amount(Decimal("1E+2")) == "100"
    assert canonical_amount(Decimal("-0.00")) == "0"
    assert canonical_amount(Decimal("816.995875")) == "816.995875"
    assert canonical_amount(None) is None


def _shuffle_keys(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _shuffle_keys(node[k]) for k in reversed(list(node))}
    if isinstance(node, list):
        return [_shuffle_keys(x) for x in node]
    return node


def test_corpus_fingerprint_ignores_file_formatting(corpus: Booklet) -> None:
    document = json.loads(dumps_booklet(corpus))
    reformatted = json.dumps(_shuffle_keys(document), ensure_ascii=True, indent=7)
    again = loads_booklet(reformatted, "reformatted.kpi.json")
    assert booklet_fingerprint(again) == booklet_fingerprint(corpus)
    for (d1, p1), (d2, p2) in zip(corpus.projects(), again.projects(), strict=True):
        assert project_fingerprint(p1, d1) == project_fingerprint(p2, d2)


def test_corpus_fingerprint_ignores_ids_and_review_state(corpus: Booklet) -> None:
    copy = corpus.model_copy(deep=True)
    for i, (_, project) in enumerate(copy.projects()):
        project.id = f"other-{i}"
        project.review = ProjectReview(
            status=ReviewStatus.RETURNED, comments=[comment("请量化指标值", "张三")]
        )
    assert booklet_fingerprint(copy) == booklet_fingerprint(corpus)


def test_corpus_tables_have_distinct_fingerprints(corpus: Booklet) -> None:
    prints = [project_fingerprint(p, d) for d, p in corpus.projects()]
    assert len(prints) == 327
    assert all(PATTERN.match(fp) for fp in prints)
    assert len(set(prints)) == len(prints)


def _first(b: Booklet) -> Project:
    return b.departments[0].projects[0]


def _append(text: str) -> str:
    return text + "。"


EDITS: dict[str, Callable[[Booklet], None]] = {
    "title": lambda b: setattr(b, "title", _append(b.title)),
    "compiler": lambda b: setattr(b, "compiler", b.compiler.replace("西区", "东区")),
    "date": lambda b: setattr(b, "date", b.date.replace("3月", "4月")),
    "preface body": lambda b: setattr(b.preface[0], "body", b.preface[0].body[:-1]),
    "department name": lambda b: setattr(b.departments[0], "name", _append(b.departments[0].name)),
    "project name": lambda b: setattr(_first(b), "name", _append(_first(b).name)),
    "unit name": lambda b: setattr(_first(b), "unit_name", _first(b).unit_name[1:]),
    "amount": lambda b: setattr(
        _first(b).funding, "total", (_first(b).funding.total or 0) + Decimal("0.000001")
    ),
    "level1": lambda b: setattr(_first(b).indicators[0], "level1", "项目效益"),
    "level2": lambda b: setattr(_first(b).indicators[0], "level2", "质量指标"),
    "name": lambda b: setattr(_first(b).indicators[0], "name", _append(_first(b).indicators[0].name)),
    "value": lambda b: setattr(_first(b).indicators[-1], "value", _first(b).indicators[-1].value + "%"),
    "extra column": lambda b: _first(b).indicators[0].extra.update({"weight": "10"}),
    "row order": lambda b: _first(b).indicators.reverse(),
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_one_character_of_content_changes_the_fingerprint(corpus: Booklet, edit: str) -> None:
    changed = corpus.model_copy(deep=True)
    EDITS[edit](changed)
    assert booklet_fingerprint(changed) != booklet_fingerprint(corpus)
    before, after = _first(corpus), _first(changed)
    front_matter = edit in ("title", "compiler", "date", "preface body")
    printed_on_the_table = not front_matter and edit != "department name"
    assert (project_fingerprint(after) != project_fingerprint(before)) is printed_on_the_table
    with_department = project_fingerprint(after, changed.departments[0])
    assert (with_department != project_fingerprint(before, corpus.departments[0])) is not front_matter

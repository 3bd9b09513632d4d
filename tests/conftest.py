"""Shared fixtures: the real corpus from ../shared/corpus and the bundled sample."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, Project
from kpi_editor.io.booklet_text import import_booklet_text
from kpi_editor.io.projectfile import load_booklet
from kpi_editor.paths import sample_path as _sample_path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "xiqu-2026-booklet.txt"


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    assert CORPUS.is_file(), f"the corpus is missing: {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def sample_path() -> Path:
    path = _sample_path()
    assert path.is_file(), f"the bundled sample is missing: {path}"
    return path


def _clean_project() -> tuple[Project, Department]:
    """A small project that passes every rule of the xiqu-2026 template for fiscal year 2026."""
    project = Project(
        id="p1",
        name="人民代表大会会议经费",
        unit_name="西区人民代表大会常务委员会办公室",
        funding=Funding(
            total=Decimal(25),
            fiscal=Decimal(25),
            superior=Decimal(0),
            local=Decimal(25),
            carryover=Decimal(0),
            non_fiscal=Decimal(0),
        ),
        indicators=[
            Indicator(level1="项目完成", level2="数量指标", name="召开会议", value="2次"),
            Indicator(level1="项目完成", level2="质量指标", name="会议议程完成率", value="100%"),
            Indicator(level1="项目完成", level2="时效指标", name="完成时间", value="2026年12月31日前"),
            Indicator(level1="项目完成", level2="成本指标", name="会务费、印刷费", value="25万元"),
            Indicator(level1="项目效益", level2="社会效益指标", name="代表履职率", value="≥95%"),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", name="代表满意度", value="≥90%"),
        ],
    )
    department = Department(
        code="101001", name="攀枝花市西区人民代表大会常务委员会办公室", projects=[project]
    )
    return project, department


@pytest.fixture
def clean_project() -> Callable[[], tuple[Project, Department]]:
    """A factory of fresh clean (project, department) pairs for rule tests to break one thing in."""
    return _clean_project


@pytest.fixture(scope="session")
def corpus_booklet(corpus_path: Path) -> Booklet:
    """The corpus imported once per session; tests must not modify it (copy it first)."""
    booklet, _report = import_booklet_text(corpus_path)
    return booklet


@pytest.fixture
def sample_booklet(sample_path: Path) -> Booklet:
    """A fresh copy of the bundled sample, free to modify."""
    return load_booklet(sample_path)


Change = Callable[[Project], object]


@pytest.fixture
def rule_twin(
    clean_project: Callable[[], tuple[Project, Department]],
) -> Callable[[str, Change, Change], None]:
    """Check one rule on a pair of projects: it fires on the broken one and not on its corrected twin."""
    from kpi_editor.domain.engine import validate_project
    from kpi_editor.domain.template import load_template

    template = load_template("xiqu-2026")

    def check(code: str, breaks: Change, fixes: Change) -> None:
        bad, department = clean_project()
        breaks(bad)
        assert code in {f.rule for f in validate_project(bad, template, 2026, department)}
        good, department = clean_project()
        fixes(good)
        assert code not in {f.rule for f in validate_project(good, template, 2026, department)}

    return check

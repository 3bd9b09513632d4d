"""Odd cells and amounts never crash the checker, and every quick fix it offers applies cleanly."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_editor.domain.edits import apply_plan
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.fixes import fix_plan
from kpi_editor.domain.model import Booklet, Department, Funding, Project

Factory = Callable[[], tuple[Project, Department]]

# Pieces clerks' cells are made of: digits, units, comparators, years, placeholders, LaTeX.
PIECES = st.sampled_from(
    [
        "25", "0", "2025", "2026", "25年底前", "二○二五年", "去年", "较上年", "万元", "元", "亿元", "%", "≥",
        "≤", "不低于", "不超过", "以上", "以内", "约", "预计", "/", "无", "不适用", "—", " ", "　", "年", "月",
        "12月31日前", "-", "×", "=", "元/人", "共计", "合计", "$\\geq", "\\text{", "}", "满意", "显著", "全年",
        "955", "次", "人", "。", "，", "0.000001", "１２", "百分之九十",
    ]
)  # fmt: skip
CELL = st.lists(PIECES, max_size=6).map("".join)
AMOUNT = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=Decimal(10) ** 9, places=6, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=st.lists(st.tuples(CELL, CELL), min_size=6, max_size=6),
    amounts=st.lists(AMOUNT, min_size=6, max_size=6),
)
def test_odd_cells_never_crash_and_fixes_apply(
    clean_project: Factory, cells: list[tuple[str, str]], amounts: list[Decimal | None]
) -> None:
    project, department = clean_project()
    for row, (name, value) in zip(project.indicators, cells, strict=True):
        row.name, row.value = name, value
    project.funding = Funding(
        **dict(zip(("total", "fiscal", "superior", "local", "carryover", "non_fiscal"), amounts, strict=True))
    )
    department.projects = [project]
    booklet = Booklet(fiscal_year=2026, departments=[department])
    for finding in validate_booklet(booklet):
        assert finding.message.endswith("。")
        if finding.fix is None:
            continue
        plan = fix_plan(booklet, finding)
        assert plan is not None, finding
        trial = booklet.model_copy(deep=True)
        apply_plan(trial, plan)  # never an EditError: a fix only proposes values the model accepts

"""A new fiscal year or another template for an open document: one undo step, the document's template
and findings follow at once, and undo restores everything, on the real sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kpi_editor.app.document import Document
from kpi_editor.app.operations import Operations
from kpi_editor.domain import engine
from kpi_editor.domain.edits import EditPlan, InsertItems, SetValue
from kpi_editor.domain.model import Booklet, Indicator
from kpi_editor.domain.retemplate import plan_template_change
from kpi_editor.domain.rollover import plan_fiscal_year_change
from kpi_editor.domain.template import load_template
from kpi_editor.io.projectfile import dumps_booklet


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_EDITOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KPI_EDITOR_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def document(qapp: Any, sample_booklet: Booklet) -> Any:
    sample_booklet.departments = sample_booklet.departments[:4]
    doc = Document(sample_booklet)
    yield doc
    doc.release()


def rules(document: Document) -> list[tuple[str | None, int | None, str]]:
    return [(f.project_id, f.indicator, f.rule) for f in document.findings()]


def test_template_change_is_one_step_reloads_the_template_revalidates_and_undoes(document: Document) -> None:
    before = dumps_booklet(document.booklet)
    findings_before = rules(document)
    change = plan_template_change(document.booklet, "mof-2021")
    reloads: list[str] = []
    document.templateChanged.connect(lambda: reloads.append(document.template.id))
    assert Operations(document).apply_plan(change.plan)
    stack = document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "表样改为“财政部2021年项目支出绩效目标框架”"
    assert document.booklet.template_id == "mof-2021" and document.template.id == "mof-2021"
    assert reloads == ["mof-2021"]
    # The findings are the new template's verdict, already (no wait for the booklet timer).
    mof = load_template("mof-2021")
    expected = [(f.project_id, f.indicator, f.rule) for f in engine.validate_booklet(document.booklet, mof)]
    assert sorted(rules(document), key=str) == sorted(expected, key=str)
    assert rules(document) != findings_before
    first = document.booklet.departments[0].projects[0].indicators[0]
    assert (first.level1, first.level2) == ("产出指标", "数量指标")

    stack.undo()
    assert dumps_booklet(document.booklet) == before
    assert document.template.id == "xiqu-2026" and reloads == ["mof-2021", "xiqu-2026"]
    assert rules(document) == findings_before
    stack.redo()
    assert document.template.id == "mof-2021" and document.booklet.template_id == "mof-2021"


def test_fiscal_year_change_revalidates_at_once_and_undo_restores_everything(document: Document) -> None:
    before = dumps_booklet(document.booklet)
    wrong_year_before = sum(f.rule == "time.wrong_year" for f in document.findings())
    # Only the year (the clerk corrects a wrong year): the 2026 deadlines become wrong at once.
    change = plan_fiscal_year_change(document.booklet, 2027, move_text=False)
    assert Operations(document).apply_plan(change.plan)
    assert document.booklet.fiscal_year == 2027 and document.undo_stack.count() == 1
    assert sum(f.rule == "time.wrong_year" for f in document.findings()) > wrong_year_before + 10
    document.undo_stack.undo()
    assert dumps_booklet(document.booklet) == before
    assert sum(f.rule == "time.wrong_year" for f in document.findings()) == wrong_year_before

    # With the text moved, the deadlines move with the year: no new stale-year findings.
    change = plan_fiscal_year_change(document.booklet, 2027)
    assert Operations(document).apply_plan(change.plan)
    assert document.booklet.title.startswith("攀枝花市西区2027年")
    assert sum(f.rule == "time.wrong_year" for f in document.findings()) <= wrong_year_before
    document.undo_stack.undo()
    assert dumps_booklet(document.booklet) == before


def test_unknown_template_refused_before_the_stack(document: Document) -> None:
    rejected: list[str] = []
    document.editRejected.connect(rejected.append)
    outcome = Operations(document).set_field((), "template_id", "no-such-form")
    assert not outcome and "no-such-form" in outcome.refused and rejected == [outcome.refused]
    assert document.undo_stack.count() == 0 and document.template.id == "xiqu-2026"


def test_a_plan_revalidates_each_project_once_and_its_undo_too(document: Document) -> None:
    """A template change of the sample is thousands of edits: the views hear of the findings once
    per step, not once per edit, and the findings are the same as one edit at a time gives."""
    change = plan_template_change(document.booklet, "mof-2021")
    heard: list[object] = []
    document.findingsChanged.connect(heard.append)
    assert Operations(document).apply_plan(change.plan)
    assert heard == [None]  # the template changed: one whole-booklet pass
    heard.clear()
    document.undo_stack.undo()
    assert heard == [None]

    project = document.booklet.departments[1].projects[0]
    rows = [(1, 0, i) for i in range(len(project.indicators))]
    plan = EditPlan("清空指标值", [SetValue(path, "value", "") for path in rows])
    heard.clear()
    assert Operations(document).apply_plan(plan)
    assert heard == [{project.id}]
    emptied = rules(document)
    assert sum(f.rule == "value.empty" for f in document.project_findings(project.id)) == len(rows)
    heard.clear()
    document.undo_stack.undo()
    assert heard == [{project.id}] and "value.empty" not in {
        f.rule for f in document.project_findings(project.id)
    }
    document.undo_stack.redo()
    assert rules(document) == emptied


def test_a_refused_edit_undoes_the_plan_before_it_and_a_plan_edits_the_rows_it_inserts(
    document: Document,
) -> None:
    before = dumps_booklet(document.booklet)
    ops = Operations(document)
    row = Indicator(level1="项目完成", level2="数量指标", name="培训人次", value="≥200人次")
    plan = EditPlan(
        "插入并填写",
        [
            InsertItems((0, 0), 0, (row,)),
            SetValue((0, 0, 0), "value", "≥300人次"),
            SetValue((), "fiscal_year", 1066),  # out of the model's range: refused
        ],
    )
    outcome = ops.apply_plan(plan)
    assert not outcome and "插入并填写" in outcome.refused
    assert dumps_booklet(document.booklet) == before and document.undo_stack.count() == 0
    plan.edits.pop()
    assert ops.apply_plan(plan)
    assert document.item((0, 0, 0)).value == "≥300人次"
    for _ in range(2):
        document.undo_stack.undo()
        assert dumps_booklet(document.booklet) == before
        document.undo_stack.redo()
        assert document.item((0, 0, 0)).value == "≥300人次" and document.item((0, 0, 0)).name == "培训人次"

"""Qt's own model checks (qtmodeltester) on every item model, through inserts, moves and removals."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from kpi_editor.app.commands import Insert, Move, Remove, SetField
from kpi_editor.app.document import Document
from kpi_editor.app.operations import Operations
from kpi_editor.domain.model import Indicator, Project
from kpi_editor.gui.findings.panel import ERRORS_ONLY, FindingsModel
from kpi_editor.gui.pages.indicator_model import IndicatorTableModel
from kpi_editor.gui.tree.filter import TreeFilter
from kpi_editor.gui.tree.model import ISSUES, NAME, TOTAL, BookletTreeModel
from kpi_editor.io.projectfile import load_booklet
from kpi_editor.io.tsv import parse_tsv, rows_from_table, rows_to_tsv

# Departments of the sample kept for Qt's Python model tester, which walks every index on every
# signal: small ones, and ones with more than 8 projects, whose insert/remove/revalidation takes the
# model's whole-range dataChanged path (the full sample takes minutes).
KEEP = (0, 1, 11, 25)


@pytest.fixture
def document(gui_app: Any, sample_source: Path) -> Document:
    booklet = load_booklet(sample_source)
    booklet.departments[:] = [booklet.departments[d] for d in KEEP]
    assert max(len(d.projects) for d in booklet.departments) > 8
    doc = Document(booklet)
    yield doc
    doc.release()


def _expand(model: BookletTreeModel) -> None:
    """Build every node, as a fully expanded view does."""
    for d in range(model.rowCount()):
        department = model.index(d, 0)
        for p in range(model.rowCount(department)):
            model.rowCount(model.index(p, 0, department))


def test_tree_model_passes_qt_checks_through_edits(document: Document, qtmodeltester: Any) -> None:
    model = BookletTreeModel(document, Operations(document))
    proxy = TreeFilter()
    proxy.setSourceModel(model)
    proxy.only_findings = True
    proxy.invalidate()
    qtmodeltester.check(model, force_py=True)
    stack = document.undo_stack
    big = len(document.booklet.departments[3].projects)
    # The tester stays connected and checks every signal of the following changes.
    stack.push(Insert(document, (0,), 1, [Project(name="新项目")]))
    stack.push(Move(document, (0,), 0, (1,), 0))  # into a department no view has opened
    stack.push(Remove(document, (), 2, 1))  # 10 projects: whole-range findings refresh
    stack.push(Insert(document, (0, 0), 0, [Indicator(name="行")]))
    stack.push(SetField(document, (0, 0), "name", "改名"))
    stack.push(SetField(document, (2, 3), "funding.total", Decimal("1")))
    stack.push(Move(document, (), 2, (), 0))
    document.validate_all()
    while stack.canUndo():
        stack.undo()
    assert stack.isClean() and len(document.booklet.departments[3].projects) == big
    _expand(model)
    stack.push(Move(document, (3,), 0, (0,), 0))  # both built, the moved project's rows open
    rows = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    assert model.path(rows) == (0, 0, 0) and rows.parent().parent().row() == 0
    stack.push(Remove(document, (), 3, 1))
    document.validate_all()
    stack.undo()
    stack.undo()
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(proxy, force_py=True)


def test_moved_project_keeps_its_rows_indexes(document: Document) -> None:
    """Qt does not remap the descendants of moved rows: their parent must still resolve."""
    model = BookletTreeModel(document, Operations(document))
    department = model.index(0, 0)
    project = model.index(0, 0, department)
    row = QPersistentModelIndex(model.index(1, 0, project))
    assert model.rowCount(model.index(3, 0)) > 8  # never built by a view before the move
    document.undo_stack.push(Move(document, (0,), 0, (3,), 0))
    moved = document.booklet.departments[3].projects[0]
    assert row.isValid() and model.path(row) == (3, 0, 1) and model.item(row) is moved.indicators[1]
    document.undo_stack.undo()
    assert model.path(row) == (0, 0, 1)


def test_tree_model_paths_follow_moves(document: Document) -> None:
    model = BookletTreeModel(document, Operations(document))
    second = document.booklet.departments[1]
    document.undo_stack.push(Move(document, (), 1, (), 0))
    assert model.index(0, 0).data().endswith(second.name)
    index = model.index(0, 0, model.index(0, 0))
    assert model.path(index) == (0, 0) and model.item(index) is second.projects[0]
    document.undo_stack.undo()
    assert model.path(model.index_for((1, 0))) == (1, 0)


def test_indicator_model_passes_qt_checks(document: Document, qtmodeltester: Any) -> None:
    model = IndicatorTableModel(document, Operations(document))
    model.set_project(document.booklet.departments[0].projects[0])
    qtmodeltester.check(model, force_py=True)
    stack = document.undo_stack
    stack.push(Insert(document, (0, 0), 0, [Indicator(name="行")]))
    stack.push(Move(document, (0, 0), 0, (0, 0), 3))
    stack.push(Remove(document, (0, 0), 1, 2))
    assert model.rowCount() == len(document.booklet.departments[0].projects[0].indicators)
    stack.push(Remove(document, (0,), 0, 1))  # the shown project goes away
    assert model.project is None and model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


def test_findings_model_passes_qt_checks(document: Document, qtmodeltester: Any) -> None:
    model = FindingsModel(document)
    qtmodeltester.check(model, force_py=True)
    model.set_filters(ERRORS_ONLY, None, None)
    assert model.rowCount() == sum(1 for f in document.findings() if f.severity == "error")
    qtmodeltester.check(model, force_py=True)


def test_tsv_round_trip_quotes_tabs_and_newlines() -> None:
    keys = ["level1", "level2", "name", "value"]
    rows = [Indicator(level1="项目完成", level2="数量指标", name='甲\t"乙"', value="第一行\n第二行")]
    assert rows_from_table(parse_tsv(rows_to_tsv(rows, keys)), keys) == rows


def test_booklet_revalidation_refreshes_indicator_rows_of_opened_departments(
    document: Document, qtmodeltester: Any
) -> None:
    """The debounced whole-booklet pass must repaint the finding icons of visible indicator rows."""
    model = BookletTreeModel(document, Operations(document))
    # A view opened a project of department 0 (its node is built), none elsewhere.
    model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    changed: list[tuple[tuple[int, ...], int, int, int, int, list[int]]] = []
    model.dataChanged.connect(
        lambda top, bottom, roles: changed.append(
            (model.path(top.parent()), top.row(), bottom.row(), top.column(), bottom.column(), roles)
        )
    )
    # A cross-project rule only this pass sees: project 1 gets project 0's whole indicator set.
    projects = document.booklet.departments[0].projects
    projects[1].indicators = copy.deepcopy(projects[0].indicators)
    document.validate_all()
    assert projects[1].id in document.changed_by_last_pass and len(document.changed_by_last_pass) < 3
    for p, project in enumerate(projects):
        rows = [c for c in changed if c[0] == (0, p)]
        last = len(project.indicators) - 1
        expected = [(0, last, NAME, NAME), (0, last, ISSUES, ISSUES)]
        # Only the rows of the projects whose findings changed.
        assert sorted(c[1:5] for c in rows) == (
            expected if project.id in document.changed_by_last_pass else []
        )
    # Rows of unopened departments have no indexes to refresh.
    assert not [c for c in changed if len(c[0]) == 2 and c[0][0] != 0]
    # Project rows: those whose findings changed, one range per run of neighbours; department rows:
    # those holding them. Every row a range spans costs the expanded view a walk through the model.
    paths = sorted(filter(None, map(document.project_path, document.changed_by_last_pass)))
    for d in range(len(document.booklet.departments)):
        rows = [p for dd, p in paths if dd == d]
        expected = [(p, p, column, column) for p in rows for column in (NAME, ISSUES)]
        assert sorted(c[1:5] for c in changed if c[0] == (d,)) == sorted(expected)
    touched = sorted({d for d, _p in paths})
    assert sorted(c[1:5] for c in changed if c[0] == ()) == sorted(
        (d, d, column, column) for d in touched for column in (NAME, ISSUES)
    )
    # Only the columns that show findings; 合计 (amounts, values, comment marks) is left alone.
    assert all(c[3] == c[4] != TOTAL for c in changed)
    qtmodeltester.check(model, force_py=True)  # opens every department; stays connected
    document.validate_all()
    document.undo_stack.push(SetField(document, (0, 0, 0), "value", ""))  # one project revalidated
    qtmodeltester.check(model, force_py=True)


def test_control_characters_from_a_units_file_are_shown_escaped_and_kept_as_typed(
    opened: Any,
) -> None:
    # A submitted name with a terminal title sequence and a right-to-left override: the tree and
    # the table show the escapes (nothing reordered or hidden); the editor gets the text as it is.
    hostile = "会议\x1b]0;x\x07经费\u202egnp.exe"
    ops = opened.context.ops
    ops.set_field((0, 0), "name", hostile)
    ops.set_field((0, 0, 0), "value", "≥1\u202e次")
    opened.tree.select_path((0, 0))
    tree = opened.tree.model
    project = tree.index(0, NAME, tree.index(0, 0))
    assert project.data() == "会议\\x1b]0;x\\x07经费\\u202egnp.exe"
    assert project.data(Qt.ItemDataRole.EditRole) == hostile
    table = opened.pages.project.model
    value = table.index(0, table.keys.index("value"))
    assert value.data() == "≥1\\u202e次" and value.data(Qt.ItemDataRole.EditRole) == "≥1\u202e次"
    assert opened.context.document.booklet.departments[0].projects[0].name == hostile

"""The debounced whole-booklet pass: after an edit that mends or breaks a cross-project rule, the
findings panel and the tree marks show the new findings, refreshed for the changed projects only."""

from __future__ import annotations

from typing import Any

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.operations import Operations
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.tree.model import ISSUES, NAME, count_text

Change = tuple[ItemPath, int, int, int, int]


def _panel_findings(window: MainWindow) -> list[Any]:
    model = window.findings.model
    assert model is not None
    return [model.finding(row) for row in range(model.rowCount())]


def _counted(findings: list[Any]) -> list[Any]:
    """What the panel shows by default: errors and warnings (advice is one choice away)."""
    return [f for f in findings if f.counted]


def _tree_issues(window: MainWindow, path: ItemPath) -> str:
    model = window.tree.model
    assert model is not None
    return str(model.data(model.index_for(path, ISSUES)) or "")


def _expected_issues(document: Document, project_id: str) -> str:
    findings = document.project_findings(project_id)
    return count_text(
        sum(f.severity == "error" for f in findings), sum(f.severity == "warning" for f in findings)
    )


def _edit_then_pass(window: MainWindow, qtbot: Any, path: ItemPath, field: str, value: str) -> list[Change]:
    """Edit through the undo stack, then let the debounce timer run the pass; returns the tree's
    dataChanged ranges emitted by the pass alone (the edit's own per-project refresh is left out)."""
    document, model = window.context.document, window.tree.model
    assert document is not None and model is not None
    assert Operations(document).set_field(path, field, value)
    changes: list[Change] = []

    def record(top: Any, bottom: Any, _roles: Any) -> None:
        changes.append((model.path(top.parent()), top.row(), bottom.row(), top.column(), bottom.column()))

    model.dataChanged.connect(record)
    with qtbot.waitSignal(document.findingsChanged, timeout=5000, check_params_cb=lambda ids: ids is None):
        pass  # the debounce timer, started by the edit, fires on its own
    model.dataChanged.disconnect(record)
    return changes


def _covers(changes: list[Change], parent: ItemPath, row: int, column: int) -> bool:
    return any(c[0] == parent and c[1] <= row <= c[2] and c[3] <= column <= c[4] for c in changes)


def test_debounced_pass_updates_panel_and_tree_after_fix_and_break(
    opened_sample: MainWindow, qtbot: Any
) -> None:
    opened = opened_sample  # a value copied across the whole sample's projects
    document = opened.context.document
    assert document is not None
    opened.tree.view.expandAll()  # indicator rows have indexes: the pass must refresh theirs too
    # Mend: a project of the sample whose whole indicator set copies another's (value.copied_set).
    copied = next(f for f in document.findings() if f.rule == "value.copied_set")
    assert copied.project_id is not None
    path = document.project_path(copied.project_id)
    assert path is not None
    project = document.item(path)
    Operations(document).set_field((*path, 0), "value", project.indicators[0].value + "（本项目）")
    # The per-keystroke pass sees one project only: it keeps the cross-project finding for now.
    assert copied in _panel_findings(opened)
    changes = _edit_then_pass(opened, qtbot, (*path, 0), "value", project.indicators[0].value + "。")
    assert not [f for f in document.project_findings(project.id) if f.rule == "value.copied_set"]
    assert copied not in _panel_findings(opened) and _panel_findings(opened) == _counted(document.findings())
    assert _tree_issues(opened, path) == _expected_issues(document, project.id)
    assert project.id in document.changed_by_last_pass
    for column in (NAME, ISSUES):
        assert _covers(changes, path[:1], path[1], column) and _covers(changes, (), path[0], column)
        assert _covers(changes, path, len(project.indicators) - 1, column)
    # Only the changed projects (their row, their department's, their indicator rows) in two columns,
    # not the whole expanded tree.
    assert len(changes) <= 2 * 3 * len(document.changed_by_last_pass)

    # Break: a project renamed to its neighbour's name (unit.project_name_duplicate, booklet-wide).
    d, department = next(
        (d, dep) for d, dep in enumerate(document.booklet.departments) if len(dep.projects) > 2
    )
    first, second = department.projects[0], department.projects[1]
    assert first.name != second.name
    before = _tree_issues(opened, (d, 1))
    changes = _edit_then_pass(opened, qtbot, (d, 1), "name", first.name)
    duplicate = [f for f in document.project_findings(second.id) if f.rule == "unit.project_name_duplicate"]
    assert len(duplicate) == 1 and duplicate[0] in _panel_findings(opened)
    assert _panel_findings(opened) == _counted(document.findings())
    assert _tree_issues(opened, (d, 1)) == _expected_issues(document, second.id) != before
    assert _covers(changes, (d,), 1, ISSUES) and _covers(changes, (), d, ISSUES)
    assert not _covers(changes, (d,), 2, ISSUES)  # an unchanged sibling is left alone

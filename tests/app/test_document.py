"""The app layer without widgets: commands, merging, validation before the stack, settings, jobs."""

from __future__ import annotations

import gc
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kpi_editor.app.commands import EditRejected, Move, SetField, new_session
from kpi_editor.app.document import Document
from kpi_editor.app.jobs import Job
from kpi_editor.app.operations import Operations
from kpi_editor.app.settings import MAX_RECENT, Settings
from kpi_editor.domain.model import Booklet, Department
from kpi_editor.domain.skeleton import required_rows
from kpi_editor.domain.template import load_template
from kpi_editor.io.errors import ExportCancelled


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_EDITOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KPI_EDITOR_STATE_DIR", str(tmp_path / "state"))


def push_edit(document: Document, path: Any, field: str, value: Any, session: int | None = None) -> bool:
    """What typing in a cell does: the one edit path's field operation."""
    return Operations(document).set_field(path, field, value, session).done


@pytest.fixture
def document(qapp: Any, clean_project: Any) -> Document:
    project, department = clean_project()
    doc = Document(Booklet(fiscal_year=2026, departments=[department]))
    assert doc.project_findings(project.id) == []
    yield doc
    doc.release()


def test_typing_in_one_cell_merges_and_typing_back_leaves_nothing(document: Document) -> None:
    stack = document.undo_stack
    session = new_session()
    original = document.item((0, 0, 0)).value
    for text in ("3", "3次", "3次以上"):
        push_edit(document, (0, 0, 0), "value", text, session)
    assert stack.count() == 1 and document.item((0, 0, 0)).value == "3次以上"
    push_edit(document, (0, 0, 0), "value", "4次", new_session())  # a new editing session
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert document.item((0, 0, 0)).value == original and stack.isClean()
    stack.redo()
    stack.redo()
    assert document.item((0, 0, 0)).value == "4次" and stack.index() == 2
    while stack.canUndo():
        stack.undo()
    back = new_session()
    push_edit(document, (0, 0, 0), "value", "7次", back)
    assert stack.count() == 1 and not stack.isClean()
    push_edit(document, (0, 0, 0), "value", original, back)  # typed back: the step is dropped
    assert stack.count() == 0 and stack.isClean() and document.item((0, 0, 0)).value == original


def test_funding_edit_revalidates_project_at_once(document: Document) -> None:
    seen: list[object] = []
    document.findingsChanged.connect(seen.append)
    project = document.item((0, 0))
    document.undo_stack.push(SetField(document, (0, 0), "funding.total", Decimal("26")))
    assert seen and {f.rule for f in document.project_findings(project.id)} >= {"funding.total_mismatch"}
    document.undo_stack.undo()
    assert document.project_findings(project.id) == []


def test_invalid_value_rejected_before_the_stack(document: Document) -> None:
    with pytest.raises(EditRejected, match="6位小数"):
        SetField(document, (0, 0), "funding.local", Decimal("0.1234567"))
    with pytest.raises(EditRejected, match="预算年度"):
        SetField(document, (), "fiscal_year", 1800)
    messages: list[str] = []
    document.editRejected.connect(messages.append)
    assert not push_edit(document, (), "fiscal_year", "明年")
    assert messages and document.undo_stack.count() == 0


def test_move_undo_restores_order(document: Document, clean_project: Any) -> None:
    department: Department = document.booklet.departments[0]
    names = [i.name for i in department.projects[0].indicators]
    document.undo_stack.push(Move(document, (0, 0), 0, (0, 0), 4))
    assert [i.name for i in department.projects[0].indicators] == [*names[1:4], names[0], *names[4:]]
    document.undo_stack.undo()
    assert [i.name for i in department.projects[0].indicators] == names
    document.undo_stack.push(Move(document, (0, 0), 5, (0, 0), 1))
    assert [i.name for i in department.projects[0].indicators][1] == names[5]
    document.undo_stack.undo()
    assert [i.name for i in department.projects[0].indicators] == names


def test_required_rows_follow_template() -> None:
    rows = required_rows(load_template("mof-2021"))
    template = load_template("mof-2021")
    assert {r.level2 for r in rows} >= {spec.name for spec in template.required_level2()}
    assert all(template.parent_of(r.level2) == r.level1 for r in rows)


def test_settings_round_trip_and_damaged_file(tmp_path: Path) -> None:
    settings = Settings()
    for i in range(MAX_RECENT + 2):
        settings.add_recent(tmp_path / f"{i}.kpi.json")
    settings.language = "en"
    settings.save()
    loaded = Settings.load()
    assert loaded.language == "en" and len(loaded.recent_files) == MAX_RECENT
    assert loaded.recent_files[0].endswith(f"{MAX_RECENT + 1}.kpi.json")
    Settings.path().write_text("{not json", encoding="utf-8")
    assert Settings.load() == Settings()


def _run(qtbot: Any, job: Job) -> tuple[list[tuple[int, int]], list[tuple[str, object]]]:
    """Start `job`, wait for its outcome; signals are collected in lists (no SignalBlocker that
    queued calls from the worker thread could reach after it is gone)."""
    progress: list[tuple[int, int]] = []
    outcomes: list[tuple[str, object]] = []
    job.progressed.connect(lambda done, total: progress.append((done, total)))
    job.completed.connect(lambda outcome, detail: outcomes.append((outcome, detail)))
    job.start()
    return progress, outcomes


def test_job_reports_progress_and_cancel(qapp: Any, qtbot: Any) -> None:
    def work(progress: Any) -> str:
        for i in range(500):
            if not progress(i, 500):
                raise ExportCancelled
            time.sleep(0.002)
        return "ok"

    job = Job(work)
    progress, outcomes = _run(qtbot, job)
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=5000)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    job.wait()
    assert outcomes == [("cancelled", None)]
    assert progress[:3] == [(0, 500), (1, 500), (2, 500)] and len(progress) < 500
    # Nothing arrives after the outcome: progress was emitted before it, in order.
    seen = len(progress)
    qtbot.wait(50)
    assert len(progress) == seen and len(outcomes) == 1

    whole = Job(lambda progress: [progress(i, 300) for i in range(300)] and "written")
    progress, outcomes = _run(qtbot, whole)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    whole.wait()
    qtbot.wait(20)
    assert outcomes == [("done", "written")] and progress == [(i, 300) for i in range(300)]

    failed = Job(lambda progress: 1 / 0)
    progress, outcomes = _run(qtbot, failed)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    failed.wait()
    assert len(outcomes) == 1 and outcomes[0][0] == "failed" and "division" in str(outcomes[0][1])


def test_job_ignores_progress_reported_after_its_outcome(qapp: Any, qtbot: Any) -> None:
    kept: list[Any] = []

    def work(progress: Any) -> str:
        kept.append(progress)
        return "written"

    job = Job(work)
    progress, outcomes = _run(qtbot, job)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    job.wait()
    assert kept[0](1, 1) is False  # a late call is refused, not emitted
    qtbot.wait(20)
    assert progress == [] and outcomes == [("done", "written")]


def test_merged_edits_and_signals_keep_singleton_refcounts(document: Document) -> None:
    """PySide6 6.12.0 dropped a reference to True per Signal.emit() and to None per QTimer.start()
    and per merged QUndoCommand; on Python 3.11 that aborts the interpreter ("bool_dealloc") after a
    long editing session. Values come from a small set so the rules' lru caches stay warm."""
    values = [f"{n}次" for n in range(1, 9)]
    stack = document.undo_stack

    def session(edits: int) -> None:
        token = new_session()
        for i in range(edits):
            push_edit(document, (0, 0, 0), "value", values[i % len(values)], token)

    def typed_back() -> None:
        token = new_session()
        original = document.item((0, 0, 0)).value
        push_edit(document, (0, 0, 0), "value", "9次" if original != "9次" else "1次", token)
        push_edit(document, (0, 0, 0), "value", original, token)

    session(200)
    typed_back()
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(None)

    def drift() -> tuple[int, int]:
        gc.collect()
        return sys.getrefcount(True) - before[0], sys.getrefcount(None) - before[1]

    # Checked every 100 edits so a leaking binding fails here instead of aborting the interpreter.
    token = new_session()
    for chunk in range(10):  # a leak of one reference per edit or emit shows in the first 100
        for i in range(chunk * 100, chunk * 100 + 99):  # every edit of one session merges
            push_edit(document, (0, 0, 0), "value", values[i % len(values)], token)
        typed_back()  # merges back to its start: Qt drops the obsolete step
        for _ in range(100):
            document.stateChanged.emit()
        true_drift, none_drift = drift()
        # pytest.fail, not assert: a rewritten assert parks None in a dozen locals of its own.
        if abs(true_drift) > 5 or abs(none_drift) > 5:
            pytest.fail(f"after {chunk + 1}00 edits: True {true_drift:+d}, None {none_drift:+d} references")
    assert stack.count() == 2 and stack.command(1).session == token


def test_row_comments_follow_their_rows_through_insert_remove_move_and_undo(document: Document) -> None:
    from kpi_editor.app.commands import Insert, Remove
    from kpi_editor.domain.model import Indicator

    stack = document.undo_stack
    project = document.item((0, 0))
    ops = Operations(document)
    document.set_review_mode(True)
    assert ops.add_comment((0, 0), "目标值偏低", author="审核员", indicator=4)
    assert ops.add_comment((0, 0), "整体意见")
    document.set_review_mode(False)
    commented = project.indicators[4]
    changes: list[tuple[object, str]] = []
    document.itemChanged.connect(lambda path, field: changes.append((path, field)))

    def row_of_comment() -> int | None:
        return project.review.comments[0].indicator

    def on_same_row() -> bool:
        row = row_of_comment()
        return row is not None and project.indicators[row] is commented

    stack.push(Insert(document, (0, 0), 1, [Indicator(name="新行"), Indicator(name="新行2")]))
    assert row_of_comment() == 6 and on_same_row()
    assert ((0, 0), "review") in changes  # the review panel and marks refresh
    stack.undo()
    assert row_of_comment() == 4 and on_same_row()
    stack.push(Insert(document, (0, 0), 5, [Indicator(name="下面")]))  # below: nothing moves
    assert row_of_comment() == 4
    stack.undo()

    stack.push(Remove(document, (0, 0), 0, 2))
    assert row_of_comment() == 2 and on_same_row()
    stack.undo()
    assert row_of_comment() == 4 and on_same_row()

    stack.push(Remove(document, (0, 0), 3, 2))  # the commented row goes: its comment stays on the project
    assert row_of_comment() is None and project.review.comments[0].text == "目标值偏低"
    assert project.review.comments[1].indicator is None
    stack.undo()
    assert row_of_comment() == 4 and on_same_row()

    stack.push(Move(document, (0, 0), 4, (0, 0), 0))  # the commented row moves to the top
    assert row_of_comment() == 0 and on_same_row()
    stack.undo()
    assert row_of_comment() == 4 and on_same_row()
    stack.push(Move(document, (0, 0), 0, (0, 0), 6))  # a row above moves below it
    assert row_of_comment() == 3 and on_same_row()
    stack.undo()
    assert row_of_comment() == 4 and on_same_row()
    while stack.canUndo():
        stack.undo()
    assert project.review is None and stack.isClean()


def test_typing_keeps_one_command_alive_and_merges_like_qt(document: Document) -> None:
    """PySide6 6.11 keeps the Python object of every command Qt deletes after a merge alive until
    the stack goes; typing merges before pushing, so 2,000 keystrokes leave one command, not 2,000."""
    stack = document.undo_stack
    original = document.item((0, 0, 0)).value
    token = new_session()
    gc.collect()
    before = sum(1 for o in gc.get_objects() if isinstance(o, SetField))
    for i in range(2000):
        push_edit(document, (0, 0, 0), "value", f"{i % 50 + 100}次", token)
    gc.collect()
    alive = sum(1 for o in gc.get_objects() if isinstance(o, SetField)) - before
    assert alive == 1 and stack.count() == 1 and document.item((0, 0, 0)).value == "149次"
    assert stack.command(0).old == original and stack.command(0).new == "149次"
    stack.undo()
    assert document.item((0, 0, 0)).value == original and stack.isClean()
    stack.redo()
    assert document.item((0, 0, 0)).value == "149次"
    # Qt's rules kept: no merge into the step at the clean index (saved) …
    stack.setClean()
    push_edit(document, (0, 0, 0), "value", "7次", token)
    assert stack.count() == 2 and stack.command(1).old == "149次"
    # … nor across a redo step: typing after an undo replaces it.
    stack.undo()
    push_edit(document, (0, 0, 0), "value", "8次", token)
    assert stack.count() == 2 and stack.index() == 2 and stack.command(1).new == "8次"
    push_edit(document, (0, 0, 0), "value", "9次", token)
    assert stack.count() == 2 and stack.command(1).new == "9次" and stack.canUndo() and not stack.canRedo()
    # Another cell or another session is a step of its own.
    push_edit(document, (0, 0, 1), "value", "99%", token)
    push_edit(document, (0, 0, 0), "value", "10次", new_session())
    assert stack.count() == 4

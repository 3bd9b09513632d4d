"""Drive the real MainWindow on the bundled sample (offscreen)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kpi_editor.app.autosave import find_recoverable
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.pages.stack import PROJECT
from kpi_editor.io.projectfile import dumps_booklet, load_booklet

REPO = Path(__file__).resolve().parents[2]


def consistent_project(window: MainWindow) -> tuple[tuple[int, int], Any]:
    """A project whose funding has no finding at all, to break and mend."""
    document = window.context.document
    assert document is not None
    for d, department in enumerate(document.booklet.departments):
        for p, project in enumerate(department.projects):
            findings = document.project_findings(project.id)
            if project.funding.total and not any(f.rule.startswith("funding.") for f in findings):
                return (d, p), project
    raise AssertionError("the sample has no project with clean funding")


def type_text(widget: Any, text: str) -> None:
    """Per-character key events with text (safe for Chinese, unlike keyClicks)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def funding_rules_in_panel(window: MainWindow, project_id: str) -> list[str]:
    model = window.findings.model
    assert model is not None
    return [
        model.finding(r).rule
        for r in range(model.rowCount())
        if model.finding(r).project_id == project_id and model.finding(r).rule.startswith("funding.")
    ]


def test_open_sample_shows_tree_counts_and_findings(opened_sample: MainWindow) -> None:
    opened = opened_sample
    document = opened.context.document
    assert document is not None and opened.tree.model is not None
    assert opened.tree.model.rowCount() == len(document.booklet.departments) == 72
    assert "327 个项目" in opened.counts.text()
    assert "14050.511679" in opened.counts.text()
    errors, warnings = document.counts()
    assert f"{errors} 个错误" in opened.counts.text() and f"{warnings} 个警告" in opened.counts.text()
    panel = opened.findings
    assert panel.model is not None and panel.model.rowCount() == sum(f.counted for f in document.findings())
    panel.severity_combo.setCurrentIndex(2)  # 全部（含建议）
    assert panel.model.rowCount() == len(document.findings()) > errors + warnings
    assert not opened.isWindowModified() and opened.windowTitle().startswith("xiqu-2026.kpi.json[*]")


def test_funding_edit_finding_appears_and_disappears(opened: MainWindow, qtbot: Any) -> None:
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    assert opened.pages.currentIndex() == PROJECT
    edit = opened.pages.project.amounts["total"]
    original = edit.text()
    assert Decimal(original) == project.funding.total
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, str(project.funding.total + 1))
    assert project.funding.total == Decimal(original) + 1
    assert "funding.total_mismatch" in funding_rules_in_panel(opened, project.id)
    assert opened.isWindowModified()
    # The tree marks the project with an error icon and the count.
    index = opened.tree.model.index_for(path, 2)
    assert "✖" in index.data()
    assert opened.context.document.undo_stack.count() == 1  # the typing merged into one step
    edit.selectAll()
    qtbot.keyClicks(edit, original)
    assert project.funding.total == Decimal(original)
    assert funding_rules_in_panel(opened, project.id) == []
    assert "✖" not in (opened.tree.model.index_for(path, 2).data() or "")


def test_rejected_amount_is_shown_and_not_stacked(opened: MainWindow, prompts: Any) -> None:
    from kpi_editor.app.operations import Operations

    path, _project = consistent_project(opened)
    assert not Operations(opened.context.document).set_field(path, "funding.total", Decimal("1.1234567"))
    assert prompts.kinds() == ["warning"] and "6位小数" in prompts.asked[0][1]
    assert opened.context.document.undo_stack.count() == 0


def test_add_delete_rows_and_undo_redo_to_clean(opened: MainWindow) -> None:
    path, project = consistent_project(opened)
    before = dumps_booklet(opened.context.document.booklet)
    opened.tree.select_path(path)
    rows = len(project.indicators)
    opened.pages.project.add_row()
    assert len(project.indicators) == rows + 1 and opened.pages.project.model.rowCount() == rows + 1
    assert "value.empty" in {f.rule for f in opened.context.document.project_findings(project.id)}
    opened.pages.project.select_rows(0, 1)
    opened.pages.project.delete_rows()
    assert len(project.indicators) == rows - 1
    stack = opened.context.document.undo_stack
    assert opened.isWindowModified()
    while stack.canUndo():
        stack.undo()
    assert stack.isClean() and not opened.isWindowModified()
    assert dumps_booklet(opened.context.document.booklet) == before
    stack.redo()
    assert len(project.indicators) == rows + 1
    stack.redo()
    assert len(project.indicators) == rows - 1 and opened.pages.project.model.rowCount() == rows - 1


def _block_of(project: Any, row: int) -> list[str]:
    """The 二级 of a row and of its neighbours: a pasted row must sit inside its block."""
    rows = project.indicators
    return [rows[i].level2 for i in (row - 1, row) if 0 <= i < len(rows)]


def test_paste_rows_from_excel_lands_in_their_blocks(opened: MainWindow) -> None:
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    rows = len(project.indicators)
    opened.pages.project.select_rows(rows - 1, rows - 1)  # the last (满意度) row is selected
    data = QMimeData()
    data.setText(
        '项目完成\t数量指标\t培训人次\t≥200人次\r\n项目效益\t社会效益指标\t"群众知晓率\n（全年）"\t≥90%\r\n'
    )
    opened.pages.project.paste_rows(data)
    assert len(project.indicators) == rows + 2
    names = [row.name for row in project.indicators]
    first, second = names.index("培训人次"), names.index("群众知晓率\n（全年）")
    trained = project.indicators[first]
    assert (trained.level1, trained.level2, trained.value) == ("项目完成", "数量指标", "≥200人次")
    # After the last row of its own 二级 block, not after the selected row.
    assert _block_of(project, first) == ["数量指标", "数量指标"]
    assert all(row.level2 != "数量指标" for row in project.indicators[first + 1 :])
    assert (
        project.indicators[second].value == "≥90%" and project.indicators[second - 1].level2 == "社会效益指标"
    )
    assert opened.pages.project.model.index(first, 2).data() == "培训人次"
    opened.context.document.undo_stack.undo()  # one step
    assert len(project.indicators) == rows


def test_paste_a_cell_overwrites_the_selection_like_excel(opened: MainWindow) -> None:
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    page = opened.pages.project
    rows = len(project.indicators)
    column = page.model.keys.index("value")
    selection = page.table.selectionModel()
    page.table.setCurrentIndex(page.model.index(0, column))
    selection.select(page.model.index(1, column), selection.SelectionFlag.Select)
    data = QMimeData()
    data.setText("≥95%\r\n")  # one cell copied in Excel
    page.paste_rows(data)
    assert len(project.indicators) == rows  # no row inserted
    assert [project.indicators[r].value for r in (0, 1)] == ["≥95%", "≥95%"]
    assert opened.context.document.undo_stack.count() == 1
    data.setText("甲\t乙\r\n丙\t丁\r\n")  # a block: from the top-left selected cell
    name = page.model.keys.index("name")
    page.table.setCurrentIndex(page.model.index(2, name))
    page.paste_rows(data)
    assert [(project.indicators[r].name, project.indicators[r].value) for r in (2, 3)] == [
        ("甲", "乙"),
        ("丙", "丁"),
    ]
    opened.context.document.undo_stack.undo()
    opened.context.document.undo_stack.undo()
    assert opened.context.document.undo_stack.isClean()


def test_copy_rows_round_trip_through_clipboard(opened: MainWindow) -> None:
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    opened.pages.project.select_rows(0, 1)
    opened.pages.project.copy_rows()
    text = QApplication.clipboard().text()
    assert text.splitlines()[0].split("\t")[2] == project.indicators[0].name
    copied = [project.indicators[r].model_dump() for r in (0, 1)]
    rows = len(project.indicators)
    opened.pages.project.paste_rows()
    assert len(project.indicators) == rows + 2
    dumps = [row.model_dump() for row in project.indicators]
    for original in copied:
        at = [i for i, d in enumerate(dumps) if d == original]
        assert len(at) == 2 and _block_of(project, at[1])[0] == original["level2"]


def test_type_chinese_in_cell_one_undo_step(opened: MainWindow, qtbot: Any) -> None:
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    table = opened.pages.project.table
    index = opened.pages.project.model.index(0, 2)
    original = project.indicators[0].name
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert editor is not None
    editor.selectAll()
    type_text(editor, "会议")
    event = QInputMethodEvent()
    event.setCommitString("次数")  # what a pinyin input method sends on commit
    QApplication.sendEvent(editor, event)
    assert project.indicators[0].name == "会议次数"  # committed live, keystroke by keystroke
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert table.indexWidget(index) is None
    assert project.indicators[0].name == "会议次数"
    stack = opened.context.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert project.indicators[0].name == original and stack.isClean()


def test_level2_choices_follow_level1(opened: MainWindow) -> None:
    from PySide6.QtWidgets import QComboBox

    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    table = opened.pages.project.table
    row = next(i for i, ind in enumerate(project.indicators) if ind.level1 == "满意度指标")
    index = opened.pages.project.model.index(row, 1)
    table.edit(index)
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["服务对象满意度指标"]
    table.closeEditor(combo, table.itemDelegate().EndEditHint.NoHint)


def test_save_and_reload_identical(opened: MainWindow, small_file: Path) -> None:
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    opened.pages.project.name_edit.setFocus()
    type_text(opened.pages.project.name_edit, "（调整）")
    assert project.name.endswith("（调整）")
    assert opened.isWindowModified()
    assert opened.context.save()
    assert not opened.isWindowModified() and opened.context.document.undo_stack.isClean()
    reloaded = load_booklet(small_file)
    assert dumps_booklet(reloaded) == dumps_booklet(opened.context.document.booklet)
    assert reloaded.find_project(project.id)[1].name == project.name


def test_broken_file_is_refused_and_the_edited_document_kept(
    opened: MainWindow, prompts: Any, tmp_path: Path
) -> None:
    document = opened.context.document
    opened.structure.add_department()
    edited = dumps_booklet(document.booklet)
    units = opened.tree.model.rowCount()
    broken = tmp_path / "broken.kpi.json"
    broken.write_text('{"schema_version": 1, "booklet": {"fiscal_year": "明年"', encoding="utf-8")
    prompts.save_choice = "discard"  # the clerk agreed to leave the edits, then the file is broken
    assert not opened.files.open_file(broken)
    assert prompts.kinds() == ["save_changes", "error"] and "broken.kpi.json" in prompts.asked[1][1]
    assert opened.context.document is document and document.modified and opened.isWindowModified()
    assert dumps_booklet(document.booklet) == edited
    assert opened.tree.model is not None and opened.tree.model.rowCount() == units


def test_close_asks_cancel_keeps_save_writes(opened: MainWindow, prompts: Any, small_file: Path) -> None:
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    opened.pages.project.add_row()
    prompts.save_choice = "cancel"
    assert not opened.context.close_document()
    assert not opened.close()  # closing the window asks the same question
    assert opened.context.document is not None and opened.isWindowModified()
    prompts.save_choice = "save"
    assert opened.close()
    assert opened.context.document is None
    assert len(load_booklet(small_file).find_project(project.id)[1].indicators) == len(project.indicators)


def test_move_project_by_drag_and_drop_and_undo(opened: MainWindow) -> None:
    model = opened.tree.model
    department = opened.context.document.booklet.departments[0]
    names = [p.name for p in department.projects]
    assert len(names) >= 2
    data = model.mimeData([model.index_for((0, 0))])
    model.dropMimeData(data, Qt.DropAction.MoveAction, len(names), 0, model.index_for((0,)))
    assert [p.name for p in department.projects] == [*names[1:], names[0]]
    assert model.index_for((0, len(names) - 1)).data() == names[0]
    opened.context.document.undo_stack.undo()
    assert [p.name for p in department.projects] == names


def test_new_project_starts_with_required_rows(opened: MainWindow) -> None:
    opened.tree.select_path((0,))
    opened.structure.add_project()
    project = opened.context.document.booklet.departments[0].projects[-1]
    assert [i.level2 for i in project.indicators] == [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "服务对象满意度指标",
    ]
    assert opened.pages.currentIndex() == PROJECT and opened.pages.project.project is project


def test_search_finds_values_and_selects_cell(opened: MainWindow) -> None:
    opened.search.show_bar()
    opened.search.edit.setText("人代会")
    opened.search.find_next()
    assert "/" in opened.search.label.text()
    hits = opened.search.search("人代会")
    assert hits
    d, p, *_ = hits[0].path
    assert opened.tree.current_path()[:2] == (d, p)


def test_double_click_finding_selects_cell(opened: MainWindow) -> None:
    model = opened.findings.model
    row = next(r for r in range(model.rowCount()) if model.finding(r).indicator is not None)
    finding = model.finding(row)
    opened.findings.view.doubleClicked.emit(model.index(row, 0))
    path = opened.context.document.project_path(finding.project_id)
    assert opened.tree.current_path() == path
    assert opened.pages.project.table.currentIndex().row() == finding.indicator


def test_filters_errors_rule_current_project_and_tree(opened: MainWindow) -> None:
    panel = opened.findings
    panel.severity_combo.setCurrentIndex(1)
    assert panel.model.rowCount() and all(
        panel.model.finding(r).severity == "error" for r in range(panel.model.rowCount())
    )
    panel.severity_combo.setCurrentIndex(0)
    rule_index = panel.rule_combo.findData("value.unmeasurable")
    panel.rule_combo.setCurrentIndex(rule_index)
    assert {panel.model.finding(r).rule for r in range(panel.model.rowCount())} == {"value.unmeasurable"}
    panel.rule_combo.setCurrentIndex(0)
    path, project = consistent_project(opened)
    opened.tree.select_path(path)
    panel.current_project_check.setChecked(True)
    assert {panel.model.finding(r).project_id for r in range(panel.model.rowCount())} <= {project.id}
    opened.tree.only_findings_check.setChecked(True)
    shown = opened.tree.proxy.rowCount()
    document = opened.context.document
    assert shown == sum(
        1 for d in document.booklet.departments if any(document.project_findings(p.id) for p in d.projects)
    )


def test_new_booklet_from_template(window: MainWindow, prompts: Any) -> None:
    window.files.new_file()
    document = window.context.document
    assert document is not None and document.booklet.fiscal_year == 2027
    # The clerk starts on a project whose rows are the template's required 二级.
    assert document.booklet.project_count == 1 and window.pages.currentIndex() == PROJECT
    assert window.tree.current_path() == (0, 0)
    window.structure.add_department()
    window.structure.add_project()
    assert document.booklet.project_count == 2
    prompts.paths.append(Path(window.context.settings.path()).parent / "new.kpi.json")


def test_recover_autosave_after_crash(
    window: MainWindow, sample_file: Path, prompts: Any, user_dirs: Path
) -> None:
    # A separate process edits the file, autosaves, then dies without cleaning up.
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from kpi_editor.app.document import Document
        from kpi_editor.app.commands import SetField
        doc = Document.open(Path({str(sample_file)!r}))
        doc.undo_stack.push(SetField(doc, (0, 0), "name", "崩溃前的修改"))
        doc.autosave()
        os._exit(3)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 3, result.stderr
    infos = find_recoverable()
    assert len(infos) == 1 and infos[0].original == sample_file.resolve()
    assert window.context.recover_autosaves()
    assert prompts.kinds() == ["recover"]
    document = window.context.document
    assert document.booklet.departments[0].projects[0].name == "崩溃前的修改"
    assert document.path == sample_file.resolve() and window.isWindowModified()
    assert window.context.save()
    assert load_booklet(sample_file).departments[0].projects[0].name == "崩溃前的修改"
    assert find_recoverable() == []


def test_open_file_held_by_another_instance_warns(
    window: MainWindow, sample_file: Path, prompts: Any
) -> None:
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from kpi_editor.app.locks import FileLock
        lock = FileLock(Path({str(sample_file)!r}))
        assert lock.acquire()
        print("locked", flush=True)
        sys.stdin.readline()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        prompts.confirm_answer = False
        assert not window.files.open_file(sample_file)
        assert prompts.kinds() == ["confirm"] and str(holder.pid) in prompts.asked[0][1]
        assert window.context.document is None
    finally:
        holder.communicate("\n", timeout=30)
    prompts.asked.clear()
    assert window.files.open_file(sample_file) and prompts.kinds() == []


def test_recent_files_and_geometry_persist(
    window: MainWindow, sample_file: Path, gui_app: Any, qtbot: Any
) -> None:
    assert window.files.open_file(sample_file)
    window.resize(700, 500)
    size = window.size()
    window.close()
    settings = json.loads(window.context.settings.path().read_text(encoding="utf-8"))
    assert settings["recent_files"] == [str(sample_file.resolve())] and settings["geometry"]
    again = MainWindow(None, window.context.prompts)
    qtbot.addWidget(again)
    # Restoring clamps to the screen (offscreen: 800 px, narrower than the menu bar's minimum).
    screen = again.screen().availableGeometry()
    assert again.height() == size.height() and again.width() == min(size.width(), screen.width() - 2)
    assert again.files.recent_menu.actions()[0].text() == str(sample_file.resolve())


def test_indicator_rows_fit_their_text_once_the_page_is_laid_out(opened: MainWindow, qtbot: Any) -> None:
    """Rows sized while the page was hidden (narrow columns) were left several lines too tall."""
    from PySide6.QtWidgets import QHeaderView

    opened.tree.select_path((2, 2))
    table = opened.pages.project.table
    qtbot.wait(50)
    shown = [table.rowHeight(r) for r in range(table.model().rowCount())]
    table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
    assert shown == [table.rowHeight(r) for r in range(table.model().rowCount())]


def test_opening_the_file_already_open_just_shows_it(
    opened: MainWindow, prompts: Any, small_file: Path
) -> None:
    document = opened.context.document
    opened.structure.add_department()  # unsaved work must not be asked about, nor reloaded away
    assert opened.files.open_file(small_file)
    assert opened.context.document is document and document.modified
    assert prompts.kinds() == []  # not "open in another editor (our own pid)", not "save changes?"

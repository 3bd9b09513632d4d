"""The indicator library in the real window, on the sample's first units: the 指标库 dock, the
推荐指标 dialog, suggestions on a new project's skeleton rows, bad library files, and the
personal library a save feeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from kpi_editor.domain.model import Indicator, Project
from kpi_editor.domain.suggest import LibraryIndex
from kpi_editor.gui.library.store import bureau_folder, personal_folder
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.io.libraryfile import load_library
from kpi_editor.io.projectfile import dumps_booklet

TRAINING = (3, 1)  # 党员教育培训经费
NO_QUANTITY = (2, 3)  # 保密检查建设: no 数量指标 row yet


def type_chinese(widget: QWidget, text: str) -> None:
    """Characters as a keyboard layout sends them, one key event each."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def commit(widget: QWidget, text: str, pinyin: str = "") -> None:
    """What a pinyin input method sends: the letters being composed (pre-edit), then the
    characters the clerk picks (commit)."""
    if pinyin:
        QApplication.sendEvent(widget, QInputMethodEvent(pinyin, []))
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def snapshot(window: MainWindow) -> str:
    assert window.context.document is not None
    return dumps_booklet(window.context.document.booklet)


def wait_index(window: MainWindow, qtbot: Any) -> LibraryIndex:
    document = window.context.document
    assert document is not None
    window.library.store.request(document.template)
    qtbot.waitUntil(lambda: not window.library.store.loading, timeout=20000)
    index = window.library.store.current(document.template)
    assert index is not None
    return index


def show_panel(window: MainWindow, qtbot: Any) -> Any:
    if not window.library.dock.isVisible():
        window.library.toggle_action.trigger()  # 视图 ▸ 指标库
    assert window.library.dock.isVisible()
    wait_index(window, qtbot)
    return window.library.panel


def project(window: MainWindow, path: tuple[int, int]) -> Project:
    assert window.context.document is not None
    item: Project = window.context.document.item(path)
    return item


def assert_usable(widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    assert widget.width() >= 20 and widget.height() >= 16, (widget, widget.size())


def test_view_menu_toggles_the_panel_and_it_is_a_real_usable_dock(opened: MainWindow, qtbot: Any) -> None:
    view_menu = next(a.menu() for a in opened.menuBar().actions() if a.text().startswith("视图"))
    assert opened.library.toggle_action in view_menu.actions()
    edit_menu = next(a.menu() for a in opened.menuBar().actions() if a.text().startswith("编辑"))
    assert opened.library.suggest_action in edit_menu.actions()
    assert not opened.library.dock.isVisible()
    panel = show_panel(opened, qtbot)
    opened.tree.select_path(TRAINING)
    for widget in (panel.search_edit, panel.level1_combo, panel.level2_combo, panel.type_combo, panel.view):
        assert_usable(widget)
    assert panel.view.height() > 200 and panel.width() >= 300
    # With nothing typed the panel lists the most used rows, each drawn three lines high.
    assert panel.model.rowCount() == 200
    assert panel.view.sizeHintForRow(0) >= 3 * panel.fontMetrics().height()
    assert_usable(panel.insert_button)
    opened.library.toggle_action.trigger()
    assert not opened.library.dock.isVisible()


def test_search_keeps_up_with_chinese_typed_and_committed_by_an_input_method(
    opened: MainWindow, qtbot: Any
) -> None:
    panel = show_panel(opened, qtbot)
    panel.search_edit.setFocus()
    commit(panel.search_edit, "培训")
    assert panel.search_edit.text() == "培训"
    index = opened.library.store.index
    assert index is not None
    assert panel.model.items == index.search("培训", 2026, limit=200)
    names = [s.name for s in panel.model.items]
    assert len(names) > 50 and all("培训" in name for name in names[:50])  # names with the words first
    type_chinese(panel.search_edit, "合格率")
    assert panel.search_edit.text() == "培训合格率"
    found = panel.model.items
    assert found and found[0].name == "培训合格率"
    assert "找到" in panel.count_label.text()
    # Each result shows what the clerk judges it by.
    first = found[0]
    assert first.value == "≥□%" and first.explanation.startswith("反映") and " · " in first.origin
    tip = panel.model.data(panel.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert first.explanation in tip and first.origin in tip and "质量指标" in tip


def test_filters_by_level1_level2_and_project_type(opened: MainWindow, qtbot: Any) -> None:
    panel = show_panel(opened, qtbot)
    panel.level1_combo.setCurrentIndex(panel.level1_combo.findData("满意度指标"))
    assert [panel.level2_combo.itemData(i) for i in range(1, panel.level2_combo.count())] == [
        "服务对象满意度指标"
    ]
    assert panel.model.items and {s.level1 for s in panel.model.items} == {"满意度指标"}
    panel.level1_combo.setCurrentIndex(0)
    panel.level2_combo.setCurrentIndex(panel.level2_combo.findData("时效指标"))
    assert {s.level2 for s in panel.model.items} == {"时效指标"}
    assert panel.level2_label.isVisible() and "时效指标：" in panel.level2_label.text()
    panel.level2_combo.setCurrentIndex(0)
    panel.type_combo.setCurrentIndex(panel.type_combo.findText("会议类"))
    assert panel.model.items and all("会议类" in s.project_types for s in panel.model.items)
    common = [s for s in panel.model.items if s.origin.startswith("共性指标")]
    assert any(s.name == "组织召开会议次数" for s in common)


def test_insert_from_the_panel_lands_in_its_level2_block_as_one_undo_step(
    opened: MainWindow, qtbot: Any
) -> None:
    document = opened.context.document
    assert document is not None
    stack = document.undo_stack
    panel = show_panel(opened, qtbot)
    opened.tree.select_path(TRAINING)
    before = snapshot(opened)
    rows = list(project(opened, TRAINING).indicators)
    last_quality = max(i for i, row in enumerate(rows) if row.level2 == "质量指标")
    panel.search_edit.setFocus()
    commit(panel.search_edit, "培训合格率")
    assert panel.selected() is not None and panel.selected().name == "培训合格率"
    assert panel.insert_button.isEnabled() and "质量指标" in panel.insert_button.toolTip()
    count = stack.count()
    panel.view.setFocus()
    # Double-click on the result, as a clerk does.
    rect = panel.view.visualRect(panel.model.index(0))
    # (QTest's double click counts as one only after a click, as the clerk's second click does.)
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    after = project(opened, TRAINING).indicators
    assert len(after) == len(rows) + 1
    new = after[last_quality + 1]
    assert (new.level1, new.level2, new.name, new.value) == ("项目完成", "质量指标", "培训合格率", "≥□%")
    assert (
        after[: last_quality + 1] == rows[: last_quality + 1]
        and after[last_quality + 2 :] == rows[last_quality + 1 :]
    )
    assert stack.count() == count + 1
    # The table shows the new row with its 指标值 selected, the keyboard stays in the panel.
    assert opened.pages.project.table.currentIndex().row() == last_quality + 1
    assert QApplication.focusWidget() is panel.view
    stack.undo()
    assert snapshot(opened) == before


def test_suggest_dialog_changes_nothing_until_picked_then_inserts_in_one_step(
    opened: MainWindow, qtbot: Any
) -> None:
    document = opened.context.document
    assert document is not None
    stack = document.undo_stack
    opened.tree.select_path(NO_QUANTITY)
    wait_index(opened, qtbot)
    before = snapshot(opened)
    count = stack.count()
    button = opened.pages.project.child(QWidget, "suggestButton")
    assert_usable(button)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = opened.library.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.width() >= 900 and dialog.height() >= 500
    assert_usable(dialog.tree)
    assert dialog.tree.viewport().height() > 300
    heads = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert heads[0].startswith("项目完成 › 数量指标（本项目尚未填写）")
    assert any(h.startswith("项目完成 › 质量指标") and "尚未" not in h for h in heads)
    rows = dialog.rows()
    assert rows and all(item.checkState(0) == Qt.CheckState.Unchecked for item in rows)
    assert any("□" in item.text(1) for item in rows)  # numbers left for the clerk
    assert all(item.text(3) for item in rows)  # where each came from
    assert not dialog.insert_button.isEnabled()
    assert snapshot(opened) == before and stack.count() == count
    quantity = dialog.tree.topLevelItem(0)
    cost = next(dialog.tree.topLevelItem(i) for i in range(len(heads)) if "› 成本指标" in heads[i])
    quantity.child(0).setCheckState(0, Qt.CheckState.Checked)
    cost.child(0).setCheckState(0, Qt.CheckState.Checked)
    picked = dialog.picked()
    assert [s.level2 for s in picked] == ["数量指标", "成本指标"]
    assert dialog.insert_button.isEnabled() and "2" in dialog.count_label.text()
    assert snapshot(opened) == before  # ticking is not inserting
    old = list(project(opened, NO_QUANTITY).indicators)
    QTest.mouseClick(dialog.insert_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert stack.count() == count + 1
    rows_now = project(opened, NO_QUANTITY).indicators
    assert len(rows_now) == len(old) + 2
    # 数量指标 goes first, before the 质量 block (template order); 成本 after the last 成本 row.
    assert rows_now[0].level2 == "数量指标" and rows_now[0].name == picked[0].name
    last_cost = max(i for i, row in enumerate(old) if row.level2 == "成本指标")
    assert rows_now[last_cost + 2].name == picked[1].name and rows_now[last_cost + 2].level2 == "成本指标"
    stack.undo()
    assert snapshot(opened) == before


def test_suggest_dialog_cancelled_changes_nothing(opened: MainWindow, qtbot: Any) -> None:
    opened.tree.select_path(TRAINING)
    wait_index(opened, qtbot)
    before = snapshot(opened)
    dialog = opened.library.suggest()
    assert dialog is not None
    dialog.set_all_checked(True)
    assert len(dialog.picked()) >= 10
    dialog.reject()
    assert snapshot(opened) == before
    assert opened.context.document is not None and opened.context.document.undo_stack.count() == 0


def test_review_mode_refuses_every_library_insert(opened: MainWindow, prompts: Any, qtbot: Any) -> None:
    document = opened.context.document
    assert document is not None
    panel = show_panel(opened, qtbot)
    opened.tree.select_path(TRAINING)
    dialog = opened.library.suggest()
    assert dialog is not None
    dialog.set_all_checked(True)
    opened.review.review_action.setChecked(True)  # (a stale dialog: the window allows it only before)
    before = snapshot(opened)
    assert not opened.library.suggest_action.isEnabled()
    assert not opened.pages.project.child(QWidget, "suggestButton").isEnabled()
    commit(panel.search_edit, "培训合格率")
    assert not panel.insert_button.isEnabled()
    prompts.asked.clear()
    assert not panel.insert_selected()
    assert not dialog.insert_checked()
    assert opened.library.suggest() is None
    assert snapshot(opened) == before and document.undo_stack.count() == 0
    warnings = [text for kind, text in prompts.asked if kind == "warning"]
    assert len(warnings) == 3 and all("审核模式" in text for text in warnings)


def test_skeleton_row_offers_suggestions_in_place_and_fills_in_one_step(
    opened: MainWindow, qtbot: Any
) -> None:
    document = opened.context.document
    assert document is not None
    stack = document.undo_stack
    opened.tree.select_path(TRAINING)
    opened.structure.add_project()
    path = opened.context.current_project()
    assert path == (TRAINING[0], TRAINING[1] + 1)
    name_edit = opened.pages.project.name_edit
    name_edit.setFocus()
    name_edit.selectAll()
    commit(name_edit, "干部教育培训经费")
    new = project(opened, path)
    assert new.name == "干部教育培训经费"
    assert all(row.level2 and not row.name for row in new.indicators)  # the skeleton
    wait_index(opened, qtbot)
    before = snapshot(opened)
    count = stack.count()
    page = opened.pages.project
    page.select_cell(0, "name")  # the 数量指标 row's 三级 cell
    table = page.table
    commit(table, "培训", "peixun")  # the clerk starts typing in the cell
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QPlainTextEdit) and editor.toPlainText() == "培训"
    suggester = opened.library.rows
    qtbot.waitUntil(lambda: suggester.visible)
    popup = suggester.popup
    assert popup is not None and popup.width() >= 300 and popup.height() >= 60
    offered = [s.name for s in suggester.model.items]
    assert offered and all(s.level2 == "数量指标" for s in suggester.model.items)
    assert any("培训" in name for name in offered)
    # ↓ picks the first, Enter fills the row.
    QTest.keyClick(editor, Qt.Key.Key_Down)
    choice = suggester.model.items[0]
    QTest.keyClick(editor, Qt.Key.Key_Return)
    row = project(opened, path).indicators[0]
    assert (row.level2, row.name, row.value) == ("数量指标", choice.name, choice.value)
    assert not suggester.visible
    assert stack.count() == count + 1  # the letters typed gave way to the suggestion: one step
    assert table.currentIndex().row() == 0 and page.model is not None
    assert page.model.keys[table.currentIndex().column()] == "value"
    stack.undo()
    assert snapshot(opened) == before


def test_in_place_list_stays_out_of_the_way(opened: MainWindow, qtbot: Any) -> None:
    """Esc closes the list and typing goes on as typing; a row with content gets no list."""
    document = opened.context.document
    assert document is not None
    opened.tree.select_path(TRAINING)
    opened.structure.add_project()
    path = opened.context.current_project()
    assert path is not None
    wait_index(opened, qtbot)
    page = opened.pages.project
    page.select_cell(1, "name")  # 质量指标
    table = page.table
    QTest.keyClick(table, Qt.Key.Key_F2)
    suggester = opened.library.rows
    qtbot.waitUntil(lambda: suggester.visible)
    assert {s.level2 for s in suggester.model.items} == {"质量指标"}
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QPlainTextEdit)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert not suggester.visible and table.state() == table.State.EditingState
    type_chinese(editor, "验收合格")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert project(opened, path).indicators[1].name == "验收合格"
    # A row that has its indicator: editing it offers nothing.
    page.select_cell(1, "name")
    QTest.keyClick(table, Qt.Key.Key_F2)
    QApplication.processEvents()
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QPlainTextEdit) and editor.toPlainText() == "验收合格"
    assert not suggester.visible
    QTest.keyClick(editor, Qt.Key.Key_Escape)


def bad_library(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_and_hostile_library_files_give_one_message_and_the_panel_works(
    opened: MainWindow, qtbot: Any, prompts: Any
) -> None:
    broken = bad_library(
        bureau_folder(), "区财政局.library.json", '{"kind": "kpi-indicator-library", "schema_'
    )
    deep = bad_library(personal_folder(), "深.library.json", "[" * 100_000 + "]" * 100_000)
    panel = show_panel(opened, qtbot)
    label = panel.problem_label
    assert label.isVisible() and "2个指标库文件无法使用" in label.text()
    assert broken.name in label.toolTip() and deep.name in label.toolTip()
    assert "不是有效的 JSON" in label.toolTip() and "第1行" in label.toolTip()
    status = opened.statusBar().currentMessage()
    assert "指标库文件无法使用" in status and "另有1个" in status
    assert not [kind for kind, _ in prompts.asked if kind == "error"]  # no box at every start
    # The shipped library still answers.
    commit(panel.search_edit, "满意度")
    assert panel.model.rowCount() > 10
    opened.tree.select_path(TRAINING)
    assert panel.insert_selected()


def test_adding_a_library_file_checks_it_first(
    opened: MainWindow, qtbot: Any, prompts: Any, tmp_path: Path
) -> None:
    panel = show_panel(opened, qtbot)
    other = tmp_path / "其他表样.library.json"
    other.write_text(
        json.dumps(
            {
                "kind": "kpi-indicator-library",
                "schema_version": 1,
                "library": {"template_id": "mof-2021", "rows": []},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    prompts.paths = [other]
    QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    errors = [text for kind, text in prompts.asked if kind == "error"]
    assert len(errors) == 1 and other.name in errors[0] and "不能混用" in errors[0]
    assert not bureau_folder().exists() or not list(bureau_folder().iterdir())
    # A good bureau library: copied, loaded, its rows found.
    good = tmp_path / "区财政局2026.library.json"
    good.write_text(
        json.dumps(
            {
                "kind": "kpi-indicator-library",
                "schema_version": 1,
                "library": {
                    "name": "区财政局共性指标",
                    "template_id": "xiqu-2026",
                    "rows": [
                        {
                            "level2": "数量指标",
                            "name": "巡察覆盖村（社区）数",
                            "value": "≥{数}个",
                            "explanation": "反映巡察工作覆盖面。",
                        }
                    ],
                },
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert opened.library.add_library(good)
    # Kept with the libraries of its form: files of another form neither offer it nor complain.
    assert (bureau_folder() / "xiqu-2026" / good.name).is_file()
    qtbot.waitUntil(lambda: not opened.library.store.loading, timeout=20000)
    commit(panel.search_edit, "巡察覆盖")
    assert [s.name for s in panel.model.items] == ["巡察覆盖村（社区）数"]
    assert panel.model.items[0].value == "≥□个"


def test_a_save_feeds_the_personal_library(opened: MainWindow, qtbot: Any, small_file: Path) -> None:
    document = opened.context.document
    assert document is not None
    opened.tree.select_path(TRAINING)
    row = Indicator(level1="项目完成", level2="数量指标", name="开展党员轮训期数", value="4期")
    assert opened.context.ops is not None
    opened.context.ops.insert(TRAINING, 0, [row])
    assert opened.context.save()
    store = opened.library.store
    qtbot.waitUntil(lambda: not store.remembering, timeout=20000)
    remembered = list(personal_folder().glob("*.library.json"))
    assert [p.name for p in remembered] == ["xiqu-2026-small.library.json"]
    library = load_library(remembered[0], document.template)
    assert any(r.name == "开展党员轮训期数" and r.value == "{数}期" for r in library.rows)
    # The next document (the same file opened again) finds it.
    assert opened.files.open_file(small_file)
    panel = show_panel(opened, qtbot)
    commit(panel.search_edit, "党员轮训期数")
    assert [s.name for s in panel.model.items] == ["开展党员轮训期数"]
    assert panel.model.items[0].origin == "西区2026 · 106001 · 党员教育培训经费"  # the clerk's own project


def test_a_click_on_a_suggestion_fills_the_row(opened: MainWindow, qtbot: Any) -> None:
    opened.tree.select_path(TRAINING)
    opened.structure.add_project()
    path = opened.context.current_project()
    assert path is not None
    wait_index(opened, qtbot)
    page = opened.pages.project
    cost = next(i for i, row in enumerate(project(opened, path).indicators) if row.level2 == "成本指标")
    page.select_cell(cost, "name")
    QTest.keyClick(page.table, Qt.Key.Key_F2)
    suggester = opened.library.rows
    qtbot.waitUntil(lambda: suggester.visible)
    popup = suggester.popup
    assert popup is not None
    second = suggester.model.items[1]
    QTest.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(suggester.model.index(1)).center()
    )
    row = project(opened, path).indicators[cost]
    assert (row.level2, row.name, row.value) == ("成本指标", second.name, second.value)
    assert not suggester.visible and not suggester._app_filter  # the keys are the editor's again
    assert page.table.state() != page.table.State.EditingState

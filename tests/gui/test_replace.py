"""查找和替换 (Ctrl+H) through the real dialog on the real window: typed as an input method types,
counted and previewed against the booklet, replaced as one undo step, refused in review mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPushButton, QTableView, QWidget

from kpi_editor.app.document import PREFACE, Document
from kpi_editor.domain.search import TextKind
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.search.replace import HTML_ROLE, MatchModel, ReplaceDialog
from kpi_editor.io.projectfile import dumps_booklet

UNIT = 4  # 107001 中共攀枝花市西区委员会宣传部: nine projects, 2026年 in six of their 指标值


def type_as_input_method(widget: QWidget, text: str) -> None:
    """Digits as key presses, Chinese as a pinyin input method commits it (keyClicks aborts on it)."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def open_dialog(window: MainWindow) -> ReplaceDialog:
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "编辑(&E)")
    action = next(a for a in edit_menu.actions() if a.text() == "替换(&H)…")
    assert action is window.search.replace_action
    assert action.shortcut() == QKeySequence("Ctrl+H") and action.isEnabled()
    action.trigger()
    dialog = window.search.replace_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def document(window: MainWindow) -> Document:
    assert window.context.document is not None
    return window.context.document


def values(window: MainWindow, d: int) -> list[str]:
    return [i.value for p in document(window).booklet.departments[d].projects for i in p.indicators]


def search(
    window: MainWindow, dialog: ReplaceDialog, qtbot: Any, find: str, replace: str, scope: str
) -> None:
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData(scope))
    dialog.find_edit.clear()
    dialog.replace_edit.clear()
    type_as_input_method(dialog.find_edit, find)
    type_as_input_method(dialog.replace_edit, replace)
    assert (dialog.find_edit.text(), dialog.replace_edit.text()) == (find, replace)
    # The count follows the typing once it pauses.
    qtbot.waitUntil(lambda: dialog.replacement.query.replacement == replace, timeout=2000)


def test_the_dialog_is_real_and_whole(opened: MainWindow) -> None:
    opened.tree.select_path((UNIT, 0))
    dialog = open_dialog(opened)
    assert dialog.isWindow() and dialog.windowTitle() == "查找和替换"
    assert dialog.width() > 600 and dialog.height() > 400  # not the 22×22 box of a misloaded form
    controls = [
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QCheckBox),
        *dialog.findChildren(QPushButton),
        *dialog.findChildren(QTableView),
    ]
    assert len(controls) >= 14
    for control in controls:
        assert control.isVisible() and control.window() is dialog, control
        assert control.width() > 20 and control.height() > 15, (control, control.size())
    # What can be used before anything is typed: the inputs, the scope, the kinds that apply here.
    for control in (
        dialog.find_edit,
        dialog.replace_edit,
        dialog.scope_combo,
        dialog.case_check,
        dialog.whole_check,
    ):
        assert control.isEnabled()
    # The scope starts at the item the user is on; cover and 编制说明 belong to the whole booklet.
    assert dialog.scope_combo.currentData() == "project"
    assert (
        dialog.scope_combo.currentText()
        == f"当前项目：{document(opened).booklet.departments[UNIT].projects[0].name}"
    )
    assert not dialog.kind_checks[TextKind.COVER].isEnabled()
    assert dialog.count_label.text() == "请输入查找内容。"
    assert not dialog.replace_all_button.isEnabled()
    tiny = [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and (w.width() < 50 or w.height() < 50)
    ]
    assert tiny == []


def test_scope_defaults_from_where_the_user_is(opened: MainWindow) -> None:
    opened.tree.select_path((UNIT,))
    dialog = open_dialog(opened)
    assert dialog.scope_combo.currentData() == "unit"
    dialog.close()
    opened.tree.show_booklet_page()
    dialog = open_dialog(opened)
    assert dialog.scope_combo.currentData() == "booklet"
    model = dialog.scope_combo.model()
    project_item = model.item(dialog.scope_combo.findData("project"))  # type: ignore[attr-defined]
    assert not project_item.isEnabled()  # no current project on the booklet page


def test_count_preview_replace_all_and_one_step_undo(
    opened: MainWindow, qtbot: Any, qtmodeltester: Any
) -> None:
    opened.tree.select_path((UNIT, 0))
    dialog = open_dialog(opened)
    dialog.kind_checks[TextKind.INDICATORS].setChecked(False)
    search(opened, dialog, qtbot, "2026年", "2027年", "unit")
    cells = [v for v in values(opened, UNIT) if "2026年" in v]
    occurrences = sum(v.count("2026年") for v in cells)
    assert len(cells) >= 5
    assert dialog.count_label.text() == f"找到 {occurrences} 处（{len(cells)} 个单元格）"
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(cells)
    assert [model.index(r, MatchModel.OLD).data() for r in range(model.rowCount())] == cells
    first = model.index(0, MatchModel.NEW)
    assert first.data() == cells[0].replace("2026年", "2027年")
    assert "107001 ▸" in model.index(0, MatchModel.PLACE).data() and "指标值" in model.index(0, 0).data()
    # The changed part is marked in both columns.
    assert "2026年</span>" in model.index(0, MatchModel.OLD).data(HTML_ROLE)
    assert "2027年</span>" in first.data(HTML_ROLE)

    stack = document(opened).undo_stack
    before = dumps_booklet(document(opened).booklet)
    steps = stack.count()
    dialog.replace_all_button.click()
    assert (
        dialog.count_label.text()
        == f"已全部替换：{occurrences} 处，{len(cells)} 个单元格（可撤销：Ctrl+Z）。"
    )
    assert stack.count() == steps + 1
    assert [v for v in values(opened, UNIT) if "2026年" in v] == []
    after = dumps_booklet(document(opened).booklet)
    assert sum(1 for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b) == len(
        cells
    )
    assert opened.isWindowModified()
    opened.undo_action.trigger()
    assert dumps_booklet(document(opened).booklet) == before and stack.isClean()
    qtbot.waitUntil(lambda: dialog.count_label.text().startswith(f"找到 {occurrences} 处"), timeout=2000)
    opened.redo_action.trigger()
    assert dumps_booklet(document(opened).booklet) == after


def test_find_next_shows_the_cell_and_replace_does_one(opened: MainWindow, qtbot: Any) -> None:
    opened.tree.select_path((UNIT, 0))
    dialog = open_dialog(opened)
    search(opened, dialog, qtbot, "2026年", "2027年", "unit")
    matches = dialog.replacement.matches
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_Return)  # Enter is 查找下一个, the default button
    first = matches[0]
    assert opened.context.current[:2] == first.path[:2]
    table = opened.pages.project.table
    current = table.currentIndex()
    assert (current.row(), current.data()) == (first.path[2], first.old)
    assert "当前第 1 个" in dialog.count_label.text()
    # A second thought about the replacement keeps the match current.
    dialog.replace_edit.setText("2028年")
    qtbot.waitUntil(lambda: dialog.replacement.query.replacement == "2028年", timeout=2000)
    assert "当前第 1 个" in dialog.count_label.text()
    stack = document(opened).undo_stack
    steps = stack.count()
    dialog.replace_button.click()  # the current match, then on to the next
    assert document(opened).item(first.path).value == first.old.replace("2026年", "2028年")
    assert stack.count() == steps + 1
    assert len(dialog.replacement.matches) == len(matches) - 1
    second = matches[1]
    assert opened.context.current[:2] == second.path[:2]
    assert table.currentIndex().row() == second.path[2]
    opened.undo_action.trigger()
    assert document(opened).item(first.path).value == first.old


def test_the_whole_booklet_includes_cover_and_preface(opened: MainWindow, qtbot: Any) -> None:
    opened.tree.show_booklet_page()
    dialog = open_dialog(opened)
    search(opened, dialog, qtbot, "2026年", "2027年", "booklet")
    places = {m.path[:1] for m in dialog.replacement.matches}
    assert () in places and PREFACE in places
    preface = next(n for n, m in enumerate(dialog.replacement.matches) if m.path[:1] == PREFACE)
    assert dialog.model.index(preface, MatchModel.PLACE).data().startswith("编制说明 ▸ 第")
    dialog.go_to(preface)
    assert opened.context.current == ()  # the 编制说明 is on the booklet page
    match = dialog.replacement.matches[preface]
    page = opened.pages.booklet
    assert opened.pages.currentWidget() is page and page.sections.currentRow() == match.path[1]
    shown = page.body_edit if match.field == "body" else page.heading_edit
    text = shown.toPlainText() if match.field == "body" else shown.text()
    # The dialog keeps the keyboard (as Excel's does); in the window the field is the one shown.
    assert opened.focusWidget() is shown and "2026年" in text
    booklet = document(opened).booklet
    title = booklet.title
    dialog.replace_all_button.click()
    assert booklet.title == title.replace("2026年", "2027年")
    assert all("2026年" not in s.body for s in booklet.preface)
    assert document(opened).undo_stack.count() == 1
    opened.undo_action.trigger()
    assert booklet.title == title


def test_review_mode_refuses(opened: MainWindow, qtbot: Any, prompts: Any) -> None:
    opened.tree.select_path((UNIT, 0))
    dialog = open_dialog(opened)
    search(opened, dialog, qtbot, "2026年", "2027年", "unit")
    assert dialog.replace_all_button.isEnabled()
    opened.review.review_action.setChecked(True)
    assert not dialog.replace_all_button.isEnabled() and not dialog.replace_button.isEnabled()
    assert dialog.review_label.isVisible() and dialog.find_next_button.isEnabled()
    before = dumps_booklet(document(opened).booklet)
    # What the greyed buttons would do is refused by the one edit path, with its message.
    dialog.replace_all()
    dialog.find_next()
    dialog.replace_current()
    assert dumps_booklet(document(opened).booklet) == before
    assert document(opened).undo_stack.count() == 0
    warnings = [text for kind, text in prompts.asked if kind == "warning"]
    assert len(warnings) == 2 and all("审核模式下表格内容只读" in text for text in warnings)


def test_replace_moves_on_when_the_new_text_still_matches(opened: MainWindow, qtbot: Any) -> None:
    """年 → 年度 leaves 年 in the cell: 替换 must go on to the next cell, not replace this one again."""
    opened.tree.select_path((UNIT, 0))
    dialog = open_dialog(opened)
    search(opened, dialog, qtbot, "2026年", "2026年度", "unit")
    matches = dialog.replacement.matches
    first, second, third = matches[:3]
    dialog.replace_button.click()  # nothing current yet: goes to the first match, as Excel does
    assert document(opened).undo_stack.count() == 0
    dialog.replace_button.click()
    dialog.replace_button.click()
    assert document(opened).item(first.path).value == first.new
    assert document(opened).item(second.path).value == second.new
    assert document(opened).undo_stack.count() == 2
    # Both replaced cells still match (年度 holds 年); the third is now the current one.
    assert [(m.path, m.field) for m in dialog.replacement.matches] == [(m.path, m.field) for m in matches]
    assert "当前第 3 个" in dialog.count_label.text()
    assert opened.pages.project.table.currentIndex().row() == third.path[2]


def test_the_list_follows_rows_and_projects_removed_under_it(opened: MainWindow, qtbot: Any) -> None:
    opened.tree.select_path((UNIT, 0))
    dialog = open_dialog(opened)
    search(opened, dialog, qtbot, "2026年", "2027年", "unit")
    before = len(dialog.replacement.matches)
    last = dialog.replacement.matches[-1]
    assert opened.context.ops is not None and opened.context.ops.delete(last.path[:2])
    # Found again at once, so no listed place points past the end of a unit.
    cells = [v for v in values(opened, UNIT) if "2026年" in v]
    assert len(dialog.replacement.matches) == len(cells) < before
    for row in range(dialog.model.rowCount()):
        assert dialog.model.index(row, MatchModel.PLACE).data().startswith("107001 ▸")
    opened.undo_action.trigger()
    assert len(dialog.replacement.matches) == before


def test_the_dialog_works_on_the_next_document(opened: MainWindow, qtbot: Any, small_file: Any) -> None:
    """Open A, use the dialog, close A (the dialog goes), open B: the dialog edits B, not A."""
    opened.tree.select_path((UNIT, 0))
    dialog = open_dialog(opened)
    search(opened, dialog, qtbot, "2026年", "2027年", "unit")
    assert opened.files.close_action.isEnabled()
    opened.files.close_action.trigger()
    assert not dialog.isVisible() and not opened.search.replace_action.isEnabled()
    other = small_file.with_name("second.kpi.json")
    other.write_bytes(small_file.read_bytes())
    assert opened.files.open_file(other)
    opened.tree.select_path((UNIT, 0))
    assert open_dialog(opened) is dialog
    assert dialog.scope_combo.currentData() == "project"  # opened again: the scope of where the user is
    assert dialog.find_edit.text() == "2026年"  # the text stays, as in Excel
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData("unit"))
    qtbot.waitUntil(lambda: len(dialog.replacement.matches) > 0, timeout=2000)
    dialog.replace_all_button.click()
    assert [v for v in values(opened, UNIT) if "2026年" in v] == []
    assert document(opened).path == other and document(opened).undo_stack.count() == 1

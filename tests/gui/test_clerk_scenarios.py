"""End-to-end scenarios a budget clerk and a reviewer go through, on the real MainWindow."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from kpi_editor.domain.model import Target
from kpi_editor.gui.dialogs.new_booklet import NewBooklet
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.pages.stack import DEPARTMENT, PROJECT
from kpi_editor.io.projectfile import dumps_booklet


def type_text(widget: Any, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def open_combo(table: Any) -> Any:
    from PySide6.QtWidgets import QComboBox

    combos = [c for c in table.findChildren(QComboBox) if c.isVisible()]
    assert len(combos) == 1
    return combos[0]


def snapshot(window: MainWindow) -> str:
    assert window.context.document is not None
    return dumps_booklet(window.context.document.booklet)


def test_content_buttons_in_review_mode_are_disabled_and_their_actions_refused(
    opened: MainWindow, prompts: Any
) -> None:
    """In review mode every page button that changes content is greyed out, and what the button
    would do (called directly, as a shortcut or a stale click could) is refused with a message."""
    assert opened.context.document is not None
    stack = opened.context.document.undo_stack
    pages = opened.pages
    buttons = [
        (pages.project, "fillTotalsButton", pages.project.fill_totals),
        (pages.project, "addRowButton", pages.project.add_row),
        (pages.project, "deleteRowButton", pages.project.delete_rows),
        (pages.department, "addProjectButton", pages.department.add_project.emit),
        (pages.department, "moveUpButton", lambda: pages.department.move_requested.emit(-1)),
        (pages.booklet, "addSectionButton", pages.booklet.add_section),
        (pages.booklet, "removeSectionButton", pages.booklet.remove_section),
    ]
    opened.tree.select_path((1, 0))
    pages.project.select_rows(0, 0)
    opened.context.document.item((1, 0)).funding.local += 1  # something for 由分项计算 to compute
    before = snapshot(opened)
    opened.review.review_action.setChecked(True)
    for page, name, act in buttons:
        assert not page.child(QAbstractButton, name).isEnabled(), name
        if page is pages.department:
            opened.tree.select_path((1,))
        elif page is pages.booklet:
            opened.tree.show_booklet_page()
        prompts.asked.clear()
        act()
        assert snapshot(opened) == before, name
        assert prompts.kinds() == ["warning"] and "审核模式" in prompts.asked[0][1], name
    assert stack.count() == 0 and stack.isClean()
    # No macro left open: a later edit outside review mode is its own step.
    opened.review.review_action.setChecked(False)
    assert all(page.child(QAbstractButton, name).isEnabled() for page, name, _ in buttons)
    opened.structure.add_department()
    assert stack.count() == 1


def test_clerk_builds_a_mof_booklet_undoes_redoes_saves_and_reopens(
    window: MainWindow, prompts: Any, qtbot: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QMimeData

    from kpi_editor.io.projectfile import load_booklet

    prompts.new_choice = NewBooklet("mof-2021", 2027, "116001", "攀枝花市西区人力资源和社会保障局")
    window.files.new_file()
    document = window.context.document
    assert document is not None and document.booklet.template_id == "mof-2021"
    assert [(d.code, d.name, len(d.projects)) for d in document.booklet.departments] == [
        ("116001", "攀枝花市西区人力资源和社会保障局", 1)
    ]
    clean = snapshot(window)
    window.tree.select_path((0,))
    window.structure.add_department()
    assert window.pages.currentIndex() == DEPARTMENT
    page = window.pages.department
    page.code_edit.setFocus()
    type_text(page.code_edit, "116002")
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    type_text(page.name_edit, "北京京剧院")
    assert document.booklet.departments[1].code == "116002"
    assert document.booklet.departments[1].name == "北京京剧院"
    window.structure.add_project()
    assert window.pages.currentIndex() == PROJECT
    project = document.booklet.departments[1].projects[0]
    required = len(project.indicators)
    assert required > 0
    amounts = window.pages.project.amounts
    for field, text in (("superior", "10.5"), ("local", "20.25"), ("non_fiscal", "3")):
        amounts[field].setFocus()
        type_text(amounts[field], text)
    window.pages.project.fill_totals()
    assert project.funding.fiscal == Decimal("30.75") and project.funding.total == Decimal("33.75")
    # 一级/二级 with the combos: 二级 choices follow 一级.
    table = window.pages.project.table
    model = window.pages.project.model
    assert model is not None
    row = len(project.indicators)
    window.pages.project.add_row()
    table.edit(model.index(row, 0))
    combo = open_combo(table)
    combo.setCurrentText("效益指标")
    combo.activated.emit(combo.currentIndex())
    assert project.indicators[row].level1 == "效益指标"
    table.edit(model.index(row, 1))
    combo = open_combo(table)
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert "数量指标" not in choices and choices
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert project.indicators[row].level2 == choices[0]
    # Paste three rows from Excel, one with a line break in a quoted cell.
    data = QMimeData()
    data.setText(
        '产出指标\t数量指标\t"演出\n场次"\t≥\t100\t场\n效益指标\t社会效益指标\t观众\t\t增加\t\n满意度指标\t服务对象满意度指标\t满意度\t≥\t90\t%\n'
    )
    window.pages.project.select_cell(row, None)
    blank = {r.level2 for r in project.indicators if not (r.name or r.value)}
    window.pages.project.paste_rows(data)
    # The skeleton's empty 数量 and 满意度 rows are filled; the 社会效益 row is inserted in its block.
    assert blank >= {"数量指标", "服务对象满意度指标"} and "社会效益指标" not in blank
    assert len(project.indicators) == row + 2
    shows = [r.name for r in project.indicators].index("演出\n场次")
    # mof-2021 prints 指标性质 | 指标值 | 度量单位: the pasted parts are the row's target, and its
    # printed 指标值 follows them.
    assert project.indicators[shows].target == Target(comparator=">=", number=Decimal(100), unit="场")
    assert project.indicators[shows].value == "≥100场" and project.indicators[shows].level2 == "数量指标"
    audience = [r.name for r in project.indicators].index("观众")
    order = list(document.template.level2_names())
    rank = order.index("社会效益指标")
    # No 社会效益 row yet: it goes after the last row of a block that comes before it in the form.
    assert order.index(project.indicators[audience - 1].level2) <= rank
    window.pages.project.select_rows(shows, shows)
    window.pages.project.duplicate_rows()
    window.pages.project.select_rows(shows + 1, shows + 1)
    window.pages.project.move_rows(1)
    window.pages.project.select_rows(shows + 2, shows + 2)
    window.pages.project.delete_rows()
    # Drag the project to the other department through the tree's model.
    tree_model = window.tree.model
    assert tree_model is not None
    mime = tree_model.mimeData([tree_model.index_for((1, 0))])
    # False by design: the Move command moved it, the view must not remove the source row.
    tree_model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, tree_model.index_for((0,)))
    assert len(document.booklet.departments[0].projects) == 2 and not document.booklet.departments[1].projects
    edited = snapshot(window)
    stack = document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert snapshot(window) == clean and not window.isWindowModified()
    while stack.canRedo():
        stack.redo()
    assert snapshot(window) == edited
    target = tmp_path / "new.kpi.json"
    prompts.paths = [target]
    assert window.context.save()
    prompts.asked.clear()
    assert window.context.close_document()
    assert "save_changes" not in prompts.kinds()
    window.files.recent_list.itemActivated.emit(window.files.recent_list.item(0))
    assert window.context.document is not None and window.context.document.path == target
    assert snapshot(window) == edited == dumps_booklet(load_booklet(target))


def test_invalid_amounts_are_refused_visibly_and_change_nothing(opened: MainWindow, prompts: Any) -> None:
    opened.tree.select_path((0, 0))
    before = snapshot(opened)
    edit = opened.pages.project.amounts["total"]
    assert opened.context.document is not None
    funding = opened.context.document.booklet.departments[0].projects[0].funding
    for text in ("abc", "-5"):
        edit.setFocus()
        edit.selectAll()
        type_text(edit, text)
        edit.clearFocus()
        assert snapshot(opened) == before, text
    assert "warning" in prompts.kinds()  # the negative amount is refused out loud
    edit.setFocus()
    edit.selectAll()
    type_text(edit, "1.1234567")  # the 7th decimal is not taken
    edit.clearFocus()
    assert funding.total == Decimal("1.123456") and edit.text() == "1.123456"
    opened.context.document.undo_stack.undo()
    # The field shows the document's value again once the clerk leaves it.
    assert opened.context.document is not None
    shown = edit.value()
    assert shown == opened.context.document.booklet.departments[0].projects[0].funding.total


def test_delete_department_while_its_project_is_edited(opened: MainWindow, qtbot: Any) -> None:
    opened.tree.select_path((0, 0))
    opened.pages.project.name_edit.setFocus()
    type_text(opened.pages.project.name_edit, "甲")
    opened.tree.select_path((0,))
    opened.structure.delete()
    assert opened.context.document is not None
    opened.pages.project.name_edit.setFocus()
    type_text(opened.pages.project.name_edit, "乙")  # the page must not edit a removed project
    opened.context.document.undo_stack.undo()
    opened.context.document.undo_stack.undo()
    assert opened.context.document.undo_stack.isClean()


def test_undo_delete_with_current_project_filter(opened: MainWindow) -> None:
    assert opened.context.document is not None
    opened.findings.current_project_check.setChecked(True)  # type: ignore[attr-defined]
    opened.tree.select_path((0, 0))
    project_id = opened.context.document.booklet.departments[0].projects[0].id
    opened.structure.delete()
    opened.context.document.undo_stack.undo()
    opened.tree.select_path((0, 0))
    model = opened.findings.model
    assert model is not None
    shown = {model.finding(r).project_id for r in range(model.rowCount())}
    assert shown <= {project_id}
    shown_by_default = [f for f in opened.context.document.project_findings(project_id) if f.counted]
    assert model.rowCount() == len(shown_by_default)


def test_search_steps_through_value_hits(opened: MainWindow) -> None:
    opened.search.show_bar()
    opened.search.edit.setText("场次")
    hits = opened.search.search("场次")
    assert len(hits) > 2
    for n in range(3):
        opened.search.find_next()
        assert opened.search.label.text() == f"{n + 1}/{len(hits)}"
        path, key = hits[n].path, hits[n].field
        assert opened.tree.current_path()[:2] == path[:2]
        if len(path) == 3:
            model = opened.pages.project.model
            assert model is not None
            current = opened.pages.project.table.currentIndex()
            assert (current.row(), model.keys[current.column()]) == (path[2], key)


def test_review_mode_toggled_while_a_cell_editor_is_open(opened: MainWindow) -> None:
    opened.tree.select_path((0, 0))
    table = opened.pages.project.table
    model = opened.pages.project.model
    assert model is not None and opened.context.document is not None
    column = model.keys.index("value")
    table.edit(model.index(0, column))
    editor = table.focusWidget()
    before = snapshot(opened)
    opened.review.review_action.setChecked(True)
    # The open editor closes (keeping what was typed before) instead of refusing every later key.
    assert table.state() != table.State.EditingState
    type_text(table.focusWidget() or editor, "X")
    assert snapshot(opened) == before


def test_export_current_project_while_editing(
    opened: MainWindow, prompts: Any, tmp_path: Any, qtbot: Any
) -> None:
    from openpyxl import load_workbook

    opened.tree.select_path((0, 0))
    assert opened.context.document is not None
    name = opened.context.document.booklet.departments[0].projects[0].name
    prompts.scope = "project"
    target = tmp_path / "one.xlsx"
    prompts.paths = [target]
    opened.exports.export("xlsx")
    opened.pages.project.name_edit.setFocus()
    type_text(opened.pages.project.name_edit, "改")
    assert opened.jobs.job is not None
    qtbot.waitUntil(lambda: not opened.jobs.job.isRunning(), timeout=60_000)
    qtbot.wait(50)
    assert target.exists()
    text = " ".join(
        str(cell.value)
        for ws in load_workbook(target).worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value
    )
    assert name in text and f"{name}改" not in text

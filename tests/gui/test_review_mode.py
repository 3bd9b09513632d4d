"""Review mode on the real MainWindow with the sample: read-only content, undoable status/comments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from kpi_editor.app.operations import Operations
from kpi_editor.domain.review import EffectiveStatus, ReviewStatus
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.tree.model import REVIEW, TOTAL
from kpi_editor.io.projectfile import load_booklet

PROJECT = (3, 1)


def enter_review(window: MainWindow, path: tuple[int, ...] = PROJECT) -> None:
    window.review.review_action.setChecked(True)
    window.tree.select_path(path)


def test_review_mode_makes_content_read_only(opened: MainWindow, prompts: Any) -> None:
    document = opened.context.document
    assert document is not None and opened.tree.model is not None
    enter_review(opened)
    project = document.item(PROJECT)
    model = opened.pages.project.model
    assert model is not None and model.rowCount() > 0
    # The views: no editable flag on table cells or tree names, line edits read-only.
    cell = model.index(0, 3)
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    tree_index = opened.tree.model.index_for(PROJECT)
    assert not opened.tree.model.flags(tree_index) & Qt.ItemFlag.ItemIsEditable
    assert opened.pages.project.name_edit.isReadOnly()
    assert opened.pages.project.amounts["total"].isReadOnly()
    assert (
        not opened.pages.project.add_row_action.isEnabled()
        and not opened.pages.project.buttons["deleteRow"].isEnabled()
    )
    # The commands: a content edit that reaches them anyway is refused and changes nothing.
    old_value = project.indicators[0].value
    assert not model.setData(cell, "改了")
    assert not Operations(document).set_field((*PROJECT, 0), "value", "改了")
    assert not Operations(document).set_field(PROJECT, "name", "新名称")
    assert project.indicators[0].value == old_value and project.name != "新名称"
    assert document.undo_stack.count() == 0 and not document.modified
    assert any("审核模式" in text for kind, text in prompts.asked if kind == "warning")
    # Structure edits are refused too.
    rows = len(project.indicators)
    opened.pages.project.add_row()
    assert len(project.indicators) == rows and document.undo_stack.count() == 0
    # Leaving review mode makes the content editable again.
    opened.review.review_action.setChecked(False)
    assert model.flags(cell) & Qt.ItemFlag.ItemIsEditable and not opened.pages.project.name_edit.isReadOnly()
    assert Operations(document).set_field((*PROJECT, 0), "value", "改了")


def test_status_and_comments_are_editable_and_undoable(opened: MainWindow) -> None:
    document = opened.context.document
    assert document is not None and opened.tree.model is not None
    enter_review(opened, (*PROJECT, 2))
    panel = opened.review.panel
    project = document.item(PROJECT)
    assert project.review is None and panel.path == PROJECT and panel.row == 2
    panel.status_combo.setCurrentIndex(2)
    panel.status_combo.activated.emit(2)
    assert project.review.status is ReviewStatus.RETURNED
    assert opened.isWindowModified()
    panel.text_edit.setPlainText("指标值应量化，请写明次数")
    panel.author_edit.setText("财政局张三")
    assert panel.add_comment()
    (comment,) = project.review.comments
    assert (comment.indicator, comment.author, comment.text) == (2, "财政局张三", "指标值应量化，请写明次数")
    assert panel.comments.topLevelItemCount() == 1
    # Marks in the tree: the status badge in the 审核 column and a comment bubble on the project
    # and its row.
    project_index = opened.tree.model.index_for(PROJECT)
    assert opened.tree.model.data(project_index.siblingAtColumn(REVIEW), Qt.ItemDataRole.DecorationRole)
    assert "退回修改" in opened.tree.model.data(project_index, Qt.ItemDataRole.ToolTipRole)
    row_index = opened.tree.model.index(2, TOTAL, project_index)
    assert opened.tree.model.data(row_index, Qt.ItemDataRole.DecorationRole) is not None
    assert "请写明次数" in opened.tree.model.data(row_index, Qt.ItemDataRole.ToolTipRole)
    # Undo takes back the comment, then the status; the file goes back to unmodified.
    document.undo_stack.undo()
    assert project.review.status is ReviewStatus.RETURNED and not project.review.comments
    assert panel.comments.topLevelItemCount() == 0
    document.undo_stack.undo()
    assert project.review is None and not document.modified
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert project.review.comments[0].text == "指标值应量化，请写明次数"


def test_comments_survive_save_and_reload(opened: MainWindow, small_file: Path, qtbot: Any) -> None:
    document = opened.context.document
    assert document is not None
    enter_review(opened)
    assert Operations(document).set_status(PROJECT, ReviewStatus.RETURNED)
    assert Operations(document).add_comment(PROJECT, "绩效目标过于笼统", "审核员", None)
    assert Operations(document).add_comment(PROJECT, "第二行指标值缺单位", "审核员", 1)
    assert Operations(document).set_status((0, 0), ReviewStatus.APPROVED)
    assert opened.context.save()
    reloaded = load_booklet(small_file).departments[PROJECT[0]].projects[PROJECT[1]]
    assert reloaded.review is not None and reloaded.review.status is ReviewStatus.RETURNED
    assert [(c.text, c.indicator, c.resolved) for c in reloaded.review.comments] == [
        ("绩效目标过于笼统", None, False),
        ("第二行指标值缺单位", 1, False),
    ]
    assert load_booklet(small_file).departments[0].projects[0].review.status is ReviewStatus.APPROVED


def test_returned_file_shows_comments_and_clerk_resolves_them(
    opened: MainWindow, small_file: Path, qtbot: Any
) -> None:
    document = opened.context.document
    assert document is not None
    document.set_review_mode(True)
    Operations(document).set_status(PROJECT, ReviewStatus.RETURNED)
    Operations(document).add_comment(PROJECT, "预期产出与资金不匹配", "审核员", 0)
    opened.context.save()
    opened.context.close_document()
    # The clerk opens the returned file without review mode.
    assert opened.files.open_file(small_file)
    assert not opened.review.review_action.isChecked()
    document = opened.context.document
    assert document is not None and opened.tree.model is not None
    # The status filter finds the returned project.
    opened.tree.status_filter.setCurrentIndex(3)
    proxy = opened.tree.proxy
    assert proxy.rowCount() == 1
    department = proxy.index(0, 0)
    assert proxy.rowCount(department) == 1
    opened.tree.status_filter.setCurrentIndex(0)
    assert proxy.rowCount() == len(document.booklet.departments)
    opened.tree.select_path(PROJECT)
    panel = opened.review.panel
    assert panel.comments.topLevelItemCount() == 1
    item = panel.comments.topLevelItem(0)
    assert "预期产出与资金不匹配" in item.text(2) and "第1行" in item.text(1)
    row_index = opened.tree.model.index(0, TOTAL, opened.tree.model.index_for(PROJECT))
    assert "预期产出与资金不匹配" in opened.tree.model.data(row_index, Qt.ItemDataRole.ToolTipRole)
    # Content stays editable for the clerk; the status is not theirs to change.
    assert not panel.status_combo.isEnabled() and not panel.add_button.isEnabled()
    item.setCheckState(0, Qt.CheckState.Checked)
    project = document.item(PROJECT)
    qtbot.waitUntil(lambda: project.review.comments[0].resolved)
    assert opened.isWindowModified()
    document.undo_stack.undo()
    assert not project.review.comments[0].resolved


def test_fingerprints_shown_and_booklet_one_debounced(opened: MainWindow, qtbot: Any) -> None:
    from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint

    document = opened.context.document
    assert document is not None
    opened.tree.select_path(PROJECT)
    department = document.booklet.departments[PROJECT[0]]
    label = opened.review.fingerprint_label
    assert project_fingerprint(department.projects[PROJECT[1]], department) in label.text()
    assert booklet_fingerprint(document.booklet) in label.text()
    Operations(document).set_field(PROJECT, "name", "改名后的项目")
    # The project's follows at once; the booklet's waits for a pause in typing.
    assert project_fingerprint(department.projects[PROJECT[1]], department) in label.text()
    assert opened.review.booklet_timer.isActive() and "全册指纹 …" in label.text()
    qtbot.waitUntil(lambda: booklet_fingerprint(document.booklet) in label.text(), timeout=5000)


def test_export_review_report_xlsx_in_worker(
    opened: MainWindow, prompts: Any, tmp_path: Path, qtbot: Any
) -> None:
    from openpyxl import load_workbook

    document = opened.context.document
    assert document is not None
    document.set_review_mode(True)
    Operations(document).set_status(PROJECT, ReviewStatus.RETURNED)
    Operations(document).add_comment(PROJECT, "请补充满意度指标", "审核员", None)
    target = tmp_path / "审核报告.xlsx"
    prompts.paths.append(target)
    dialog = opened.review.export_report()  # the dialog of units and statuses; everything ticked
    job = dialog.write()
    assert job is not None
    qtbot.waitUntil(lambda: job.isFinished(), timeout=60000)
    cells = [
        c for ws in load_workbook(target).worksheets for row in ws.iter_rows(values_only=True) for c in row
    ]
    assert "请补充满意度指标" in " ".join(str(c) for c in cells if c)


def test_selecting_a_project_hidden_by_the_status_filter_shows_it(opened: MainWindow) -> None:
    """Double-clicking a finding must reveal its cell whatever the tree's filters hide."""
    document = opened.context.document
    assert document is not None
    enter_review(opened)
    Operations(document).set_status(PROJECT, ReviewStatus.APPROVED)
    combo = opened.tree.status_filter
    combo.setCurrentIndex(combo.findData(ReviewStatus.APPROVED.value))
    assert opened.tree.proxy.rowCount() == 1  # only the approved project's department is left
    model = opened.findings.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.finding(r).indicator is not None
        and document.project_path(model.finding(r).project_id) != PROJECT
    )
    finding = model.finding(row)
    opened.findings.view.doubleClicked.emit(model.index(row, 0))
    assert opened.tree.current_path() == document.project_path(finding.project_id)
    assert opened.pages.project.table.currentIndex().row() == finding.indicator
    assert combo.currentData() == "all" and opened.tree.proxy.review_status is None
    # A project the filter shows keeps the filter.
    combo.setCurrentIndex(combo.findData(ReviewStatus.APPROVED.value))
    opened.tree.select_path(PROJECT)
    assert (
        opened.tree.current_path() == PROJECT and opened.tree.proxy.review_status is EffectiveStatus.APPROVED
    )


def test_reviewer_name_from_settings_signs_comments_and_persists(opened: MainWindow) -> None:
    from kpi_editor.app.settings import Settings, os_user_name
    from kpi_editor.gui.dialogs.settings_dialog import SettingsDialog

    panel = opened.review.panel
    assert os_user_name() and panel.author_edit.text() == os_user_name()  # nothing set: the OS user
    dialog = SettingsDialog(opened.context.settings, opened)
    assert dialog.reviewer_edit.text() == "" and os_user_name() in dialog.reviewer_edit.placeholderText()
    dialog.reviewer_edit.setText("  王审核 ")
    dialog.apply_to(opened.context.settings)
    opened.context.apply_settings()
    assert Settings.load().reviewer_name == "王审核" and panel.author_edit.text() == "王审核"
    enter_review(opened)
    panel.text_edit.setPlainText("请补充成本指标的测算依据")
    assert panel.add_comment()
    document = opened.context.document
    assert document is not None
    assert document.item(PROJECT).review.comments[-1].author == "王审核"
    # Shown again next time, and cleared back to the OS user name.
    dialog = SettingsDialog(Settings.load(), opened)
    assert dialog.reviewer_edit.text() == "王审核"
    dialog.reviewer_edit.clear()
    dialog.apply_to(opened.context.settings)
    opened.context.apply_settings()
    assert Settings.load().reviewer_name == "" and panel.author_edit.text() == os_user_name()


def test_review_mode_disables_the_page_buttons_that_change_content(opened: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton

    buttons = [
        opened.pages.booklet.findChild(QAbstractButton, "addSectionButton"),
        opened.pages.booklet.findChild(QAbstractButton, "removeSectionButton"),
        opened.pages.department.findChild(QAbstractButton, "addProjectButton"),
        opened.pages.department.findChild(QAbstractButton, "moveUpButton"),
        opened.pages.department.findChild(QAbstractButton, "moveDownButton"),
        opened.pages.project.findChild(QAbstractButton, "fillTotalsButton"),
    ]
    assert all(b is not None and b.isEnabled() for b in buttons)
    enter_review(opened)
    assert not any(b.isEnabled() for b in buttons)
    opened.review.review_action.setChecked(False)
    assert all(b.isEnabled() for b in buttons)

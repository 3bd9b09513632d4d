"""The review loop's pieces on the real window: bad files in the merge, the clerk's side of a
returned file, the status keys, the filtered report and the submissions view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from kpi_editor.app.operations import Operations
from kpi_editor.domain.progress import SubmissionState
from kpi_editor.domain.review import EffectiveStatus, ReviewStatus
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.io.projectfile import load_booklet
from kpi_editor.io.submission import export_submission, load_submission, submission_file_name

PROJECT = (2, 0)  # 105001's first project: seven rows, one error


def submission(window: MainWindow, d: int, folder: Path) -> Path:
    document = window.context.document
    assert document is not None
    department = document.booklet.departments[d]
    path = folder / submission_file_name(department)
    export_submission(document.booklet, department.code, path, "单位填报人")
    return path


def test_workbooks_pdfs_and_doctored_files_are_refused_or_asked(
    opened: MainWindow, prompts: Any, tmp_path: Path
) -> None:
    # A workbook and a PDF: refused when added, with what to do instead; nothing listed.
    (tmp_path / "105001.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    (tmp_path / "105001.pdf").write_bytes(b"%PDF-1.7\n")
    dialog = opened.review.merge([tmp_path / "105001.xlsx", tmp_path / "105001.pdf"])
    (_kind, message), *_ = [a for a in prompts.asked if a[0] == "error"]
    assert "105001.xlsx" in message and "kpi import-xlsx" in message and "导入 Excel" in message
    assert "105001.pdf" in message and "PDF" in message
    assert dialog.paths == [] and not dialog.merge_button.isEnabled()
    dialog.close()

    # A file edited after it was exported for submission, and a unit nobody expects.
    folder = tmp_path / "in"
    folder.mkdir()
    doctored = submission(opened, 2, folder)
    raw = json.loads(doctored.read_text(encoding="utf-8"))
    raw["booklet"]["departments"][0]["projects"][0]["funding"]["total"] = "999"
    doctored.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    fine = submission(opened, 3, folder)
    (tmp_path / "units.txt").write_text("105001 攀枝花市西区某单位\n", encoding="utf-8")
    prompts.asked.clear()
    dialog = opened.review.merge([doctored, fine])
    prompts.paths.append(tmp_path / "units.txt")
    dialog._choose_units()
    assert "需核实" in dialog.file_list.topLevelItem(0).text(4)
    prompts.confirm_answers = [False, False]  # neither file is confirmed
    document = opened.context.document
    assert document is not None
    before = document.booklet.model_copy(deep=True)
    assert dialog.run_merge() is None and dialog.merged is None
    asked = [text for kind, text in prompts.asked if kind == "confirm"]
    assert len(asked) == 2
    assert doctored.name in asked[0] and "内容指纹与提交信息不符" in asked[0]
    assert fine.name in asked[1] and "不在应报单位名单中" in asked[1]
    assert document.booklet == before  # nothing of the reviewer's booklet changed
    # Confirming the doctored file merges it (the unit is on the list); the other stays out.
    prompts.confirm_answers = [True, False]
    prompts.confirm_answer = True  # and replace 105001
    merged = dialog.run_merge()
    assert merged is not None
    assert merged.department("105001").projects[0].funding.total == 999
    assert merged.department("106001") == before.department("106001")  # the base's, untouched
    notes = [dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())]
    assert any(n.startswith("已确认：") and doctored.name in n for n in notes)
    assert any(n.startswith("未合并：") and fine.name in n for n in notes)
    assert "缺报" not in dialog.summary_label.text()  # 105001, the one listed unit, is there
    record = merged.submissions[-1]  # type: ignore[index]
    assert record.unit_code == "105001" and record.accepted and "内容指纹" in record.accepted[0]


def test_the_clerk_answers_a_returned_file_where_the_comments_point(
    opened: MainWindow, prompts: Any, small_file: Path, tmp_path: Path, qtbot: Any
) -> None:
    document = opened.context.document
    assert document is not None
    ops = Operations(document)
    document.set_review_mode(True)
    assert ops.set_status(PROJECT, ReviewStatus.RETURNED, "李审核")
    assert ops.add_comment(PROJECT, "指标值应量化", "李审核", 4, "value")
    assert ops.add_comment(PROJECT, "合计与成本指标不一致", "李审核", None, "funding.total")
    returned = tmp_path / "returned.kpi.json"
    export_submission(document.booklet, "105001", returned, "财政局")
    assert opened.context.close_document()

    # The clerk opens the returned file: review mode off, the comments say where they point.
    assert opened.files.open_file(returned)
    document = opened.context.document
    assert document is not None and not document.review_mode
    opened.context.settings.reviewer_name = "王填报"
    opened.context.apply_settings()
    opened.tree.select_path((0, 0))
    panel = opened.review.panel
    assert not panel.add_button.isVisible() and not panel.status_combo.isEnabled()
    places = [panel.comments.topLevelItem(i).text(1) for i in range(2)]
    assert places[0].startswith("第5行（") and "指标值" in places[0]
    assert places[1].startswith("资金来源·合计")
    # Double-clicking a comment shows its cell, or the amount it is about.
    panel.comments.doubleClicked.emit(panel.comments.model().index(0, 2))
    table = opened.pages.project.table
    assert table.currentIndex().row() == 4
    assert opened.pages.project.model is not None
    assert opened.pages.project.model.keys[table.currentIndex().column()] == "value"
    panel.comments.doubleClicked.emit(panel.comments.model().index(1, 2))
    qtbot.waitUntil(lambda: opened.pages.project.amounts["total"].hasFocus())
    # The clerk fixes the row, answers the first comment and ticks the second resolved.
    assert opened.context.ops is not None
    assert opened.context.ops.set_field((0, 0, 4), "value", "≥95%")
    panel.comments.setCurrentItem(panel.comments.topLevelItem(0))
    panel.text_edit.setPlainText("已改为“≥95%”")
    assert panel.reply_button.isEnabled()
    panel.reply_button.click()
    panel.comments.topLevelItem(1).setCheckState(0, Qt.CheckState.Checked)
    project = document.item((0, 0))
    qtbot.waitUntil(lambda: project.review.comments[1].resolved)
    first, second = project.review.comments
    assert first.replies and (first.replies[0].author, first.replies[0].text) == ("王填报", "已改为“≥95%”")
    assert (second.resolved_by, bool(second.resolved_at)) == ("王填报", True)
    assert panel.comments.topLevelItem(1).child(0).text(1).startswith("✔ 已处理 王填报")
    reply = panel.comments.topLevelItem(0).child(0)
    assert reply.text(1).startswith("↳ 答复 王填报") and reply.text(2) == "已改为“≥95%”"
    # The edit after the return shows as such in the clerk's tree too.
    assert document.item((0, 0)).review_status is ReviewStatus.RETURNED
    assert opened.tree.model is not None and opened.tree.model.status(
        document.booklet.departments[0], project
    ) is (EffectiveStatus.CHANGED)
    # 导出本单位提交文件…: the clerk's one unit, no need to select it.
    opened.tree.show_booklet_page()
    prompts.export_errors_choice = "export"
    target = tmp_path / "out" / "105001-resubmitted.kpi.json"
    target.parent.mkdir()
    prompts.paths.append(target)
    assert opened.review.export_submission() == [target]
    assert prompts.suggested[-1].endswith(submission_file_name(document.booklet.departments[0]))
    sent = load_submission(target)
    assert sent.manifest is not None and sent.manifest.submitter == "王填报"
    assert sent.booklet.departments[0].projects[0].review == project.review


def test_status_keys_act_on_the_selection_only_in_review_mode(opened: MainWindow, prompts: Any) -> None:
    document = opened.context.document
    assert document is not None
    view = opened.tree.view
    opened.tree.select_path((1, 0))
    QTest.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert document.item((1, 0)).review is None  # outside review mode the keys do nothing
    assert not opened.review.status_actions[ReviewStatus.APPROVED].isEnabled()
    opened.review.review_action.setChecked(True)
    QTest.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert document.item((1, 0)).review_status is ReviewStatus.APPROVED
    assert "已将 1 个项目设为“审核通过”" in opened.statusBar().currentMessage()
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # 实际大小, not a status
    assert document.item((1, 0)).review_status is ReviewStatus.APPROVED
    QTest.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert document.item((1, 0)).review_status is ReviewStatus.RETURNED
    QTest.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert document.item((1, 0)).review is None
    # A row counts as its project; a whole unit gives all its projects the status in one step.
    opened.tree.select_path((2, 3, 1))
    QTest.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert document.item((2, 3)).review_status is ReviewStatus.RETURNED
    steps = document.undo_stack.count()
    opened.tree.select_path((2,))
    prompts.approval_choice = "without_errors"
    QTest.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert document.undo_stack.count() == steps + 1
    statuses = [p.review_status for p in document.booklet.departments[2].projects]
    assert statuses.count(ReviewStatus.APPROVED) == 3  # 105001: four of seven have errors
    document.undo_stack.undo()
    assert [p.review_status for p in document.booklet.departments[2].projects].count(
        ReviewStatus.APPROVED
    ) == 0


def test_the_report_of_chosen_units_and_statuses(
    opened: MainWindow, prompts: Any, tmp_path: Path, qtbot: Any
) -> None:
    document = opened.context.document
    assert document is not None
    ops = Operations(document)
    document.set_review_mode(True)
    assert ops.set_statuses([(2,)], ReviewStatus.APPROVED, "李审核")
    assert ops.set_status((2, 1), ReviewStatus.RETURNED, "李审核")
    assert ops.add_comment((2, 1), "请补充满意度指标", "李审核")
    assert ops.set_status((3, 0), ReviewStatus.RETURNED, "李审核")
    opened.tree.select_path((2,))
    dialog = opened.review.export_report()
    assert dialog.units.chosen() == ["105001"]
    for status, check in dialog.status_checks.items():
        check.setChecked(status is EffectiveStatus.RETURNED)
    target = tmp_path / "退回.xlsx"
    prompts.paths.append(target)
    job = dialog.write()
    assert job is not None
    qtbot.waitUntil(job.isFinished, timeout=60000)
    rows = list(load_workbook(target, read_only=True)["审核明细"].iter_rows(min_row=4, values_only=True))
    assert rows and {(r[0], r[2]) for r in rows} == {("105001", document.item((2, 1)).name)}
    assert any("请补充满意度指标" in str(r[7]) for r in rows)


def test_the_submissions_view_lists_who_is_missing(
    opened: MainWindow, prompts: Any, tmp_path: Path, qtbot: Any
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = [submission(opened, d, folder) for d in (0, 2)]
    dialog = opened.review.merge(files)
    prompts.confirm_answer = True
    assert dialog.run_merge() is not None and dialog.open_result()
    document = opened.context.document
    assert document is not None
    # The unit list expects one unit the booklet does not have and not one it has (110001).
    listed = [d for d in document.booklet.departments if d.code != "110001"]
    (tmp_path / "名单.txt").write_text(
        "单位编码,单位名称\n"
        + "".join(f"{d.code},{d.name}\n" for d in listed)
        + "199001,攀枝花市西区新单位\n",
        encoding="gb18030",
    )
    view = opened.review.submissions()
    assert "汇编本中的 8 个单位" in view.expected_label.text()
    prompts.paths.append(tmp_path / "名单.txt")
    view._choose_list()
    states = {row.code: row.state for row in view.rows}
    assert states["101001"] is states["105001"] is SubmissionState.SUBMITTED
    assert states["102001"] is SubmissionState.NOT_SUBMITTED
    assert (
        states["199001"] is SubmissionState.NOT_SUBMITTED and states["110001"] is SubmissionState.UNEXPECTED
    )
    assert "应报 8 个单位：已提交 2 个，未提交 6 个；名单外 1 个" in view.summary_label.text()
    view.state_filter.setCurrentIndex(view.state_filter.findData(SubmissionState.NOT_SUBMITTED.value))
    shown = [view.table.topLevelItem(i).text(0) for i in range(view.table.topLevelItemCount())]
    assert len(shown) == 6 and "199001" in shown
    submitted = next(r for r in view.rows if r.code == "105001")
    assert submitted.versions == 1 and submitted.last is not None and submitted.last.submitter == "单位填报人"
    # An edit after receiving it is noted; double-clicking a unit shows it in the tree.
    assert opened.context.ops is not None and opened.context.ops.set_field((2, 0), "name", "改过的名称")
    qtbot.waitUntil(lambda: next(r for r in view.rows if r.code == "105001").current is False)
    view.state_filter.setCurrentIndex(0)
    item = next(
        view.table.topLevelItem(i)
        for i in range(view.table.topLevelItemCount())
        if view.table.topLevelItem(i).text(0) == "105001"
    )
    assert "收到后汇编本中又有改动" in item.text(9)
    view.table.itemDoubleClicked.emit(item, 0)
    assert opened.tree.current_path() == (2,)
    assert load_booklet(files[0]).departments[0].code == "101001"


def test_the_status_keys_follow_the_selection_through_edits(opened: MainWindow) -> None:
    """Selected projects stay the ones the reviewer selected when others are added above them."""
    document = opened.context.document
    assert document is not None and opened.tree.model is not None and opened.context.ops is not None
    chosen = [document.item((2, 4)), document.item((2, 5))]
    opened.tree.select_path((2, 4))
    view = opened.tree.view
    index = opened.tree.proxy.mapFromSource(opened.tree.model.index_for((2, 5)))
    view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    assert opened.context.ops.add_project((2, 0))  # a new project above both
    assert opened.context.selection == ((2, 5), (2, 6))
    assert [document.item(p) for p in opened.context.selection] == chosen
    opened.review.review_action.setChecked(True)
    QTest.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert [p.review_status for p in chosen] == [ReviewStatus.RETURNED] * 2
    assert sum(p.review is not None for _d, p in document.booklet.projects()) == 2

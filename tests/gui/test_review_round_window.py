"""A bureau round from the real window, on the first eight units of the sample.

The bureau splits its booklet into unit files (导出本单位提交文件… on the selected units), merges
them through the real 汇编合并 dialog, reviews (Ctrl+1 on the tree's selection, approving a unit
with errors after the question, 退回修改 with row comments from the 审核 panel), writes the letters
(审核 ▸ 生成审核意见书…) and the return files. Three units fix, answer and resubmit, a fourth sends
its file back as it was (the clerks' edits are made with the domain API, as the editor would make
them). The resubmissions are merged into the booklet through the dialog: every untouched approval
is still there, the changed projects are 已修改待复审 with their comments and the units' answers,
and the tree, the panel, the status filter, the sort and the status bar say so; a project edited
after its approval in the window is flagged at once and undoing the edit brings the approval back.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from kpi_editor.domain.approval import effective_status
from kpi_editor.domain.model import Booklet, Indicator
from kpi_editor.domain.progress import booklet_progress
from kpi_editor.domain.review import (
    EffectiveStatus,
    ProjectReview,
    ReviewStatus,
    reply_to,
    set_resolved,
    shift_after_insert,
)
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.tree.model import REVIEW
from kpi_editor.io.projectfile import load_booklet, save_booklet
from kpi_editor.io.submission import export_submission, load_submission, submission_file_name

UNCHANGED, RETURN_A, RETURN_B, EDITS_APPROVED = 1, 2, 3, 4  # 102001, 105001, 106001, 107001
REVIEWER = "李审核"


def select(window: MainWindow, paths: list[tuple[int, ...]]) -> None:
    """Click the first path, Ctrl+click the others (what the tree's extended selection allows)."""
    window.tree.select_path(paths[0])
    view, model = window.tree.view, window.tree.model
    assert model is not None
    for path in paths[1:]:
        index = window.tree.proxy.mapFromSource(model.index_for(path))
        view.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert window.context.selection == tuple(sorted(paths))


def press(window: MainWindow, key: Qt.Key) -> None:
    QTest.keyClick(window.tree.view, key, Qt.KeyboardModifier.ControlModifier)


def later_than(review: ProjectReview | None) -> str:
    """A time after the status was given: when the unit answers."""
    assert review is not None and review.reviewed_at is not None
    return (datetime.fromisoformat(review.reviewed_at) + timedelta(hours=2)).isoformat()


def comment_on_row(window: MainWindow, path: tuple[int, int], row: int, field: str, text: str) -> None:
    """The reviewer selects the cell in the table, picks what the comment is about, types it."""
    window.tree.select_path(path)
    window.pages.project.select_cell(row, None)
    panel = window.review.panel
    assert panel.row == row
    panel.field_combo.setCurrentIndex(panel.field_combo.findData(field))
    panel.text_edit.setPlainText(text)
    assert panel.add_button.isEnabled()
    panel.add_button.click()


def test_the_whole_round_from_the_window(
    opened: MainWindow, prompts: Any, tmp_path: Path, qtbot: Any
) -> None:
    opened.context.settings.reviewer_name = REVIEWER
    opened.context.apply_settings()
    document = opened.context.document
    assert document is not None
    codes = [d.code for d in document.booklet.departments]

    # -- the bureau sends out the forms: one submission file per unit -----------------------------
    select(opened, [(d,) for d in range(len(codes))])
    prompts.paths.append(tmp_path / "units")
    (tmp_path / "units").mkdir()
    files = opened.review.export_submission()
    assert sorted(p.name[:6] for p in files) == sorted(codes)
    assert all(load_submission(p).manifest is not None for p in files)
    (tmp_path / "units.txt").write_text("".join(f"{d.code} {d.name}\n" for d in document.booklet.departments))

    # -- they come back and are merged into a new booklet -----------------------------------------
    dialog = opened.review.merge([tmp_path / "units"])
    dialog.base_check.setChecked(False)
    prompts.paths.append(tmp_path / "units.txt")
    dialog._choose_units()
    assert dialog.run_merge() is not None
    assert "confirm" not in prompts.kinds() and "choose" not in prompts.kinds()  # one cover, no doubt
    assert "应报的 8 个单位都已在汇编本中" in dialog.summary_label.text()
    assert dialog.open_result()
    booklet_file = tmp_path / "booklet.kpi.json"
    prompts.paths.append(booklet_file)
    assert opened.context.save() and booklet_file.is_file()
    document = opened.context.document
    assert document is not None and document.path == booklet_file
    assert document.booklet.project_count == sum(len(load_booklet(p).departments[0].projects) for p in files)

    # -- review: Ctrl+1 on the selection; a unit with errors asks first ---------------------------
    opened.review.review_action.setChecked(True)
    select(opened, [(0,), (UNCHANGED,)])
    press(opened, Qt.Key.Key_1)
    assert "approve_with_errors" not in prompts.kinds()  # 101001 and 102001 have no errors
    select(opened, [(EDITS_APPROVED,)])
    press(opened, Qt.Key.Key_1)
    (blockers, total), *_ = [a for k, a in prompts.asked if k == "approve_with_errors"]
    assert total == len(document.booklet.departments[EDITS_APPROVED].projects) and len(blockers) == 1
    for d in (0, UNCHANGED, EDITS_APPROVED):
        department = document.booklet.departments[d]
        assert all(p.review_status is ReviewStatus.APPROVED for p in department.projects)
        assert all(p.review is not None and p.review.reviewer == REVIEWER for p in department.projects)
    # 105001: one project approved from the panel, two returned with Ctrl+2 and commented on.
    opened.tree.select_path((RETURN_A, 1))
    panel = opened.review.panel
    panel.status_combo.setCurrentIndex(panel.status_combo.findData(ReviewStatus.APPROVED.value))
    panel.status_combo.activated.emit(panel.status_combo.currentIndex())
    assert document.item((RETURN_A, 1)).review_status is ReviewStatus.APPROVED
    select(opened, [(RETURN_A, 0), (RETURN_A, 2)])
    press(opened, Qt.Key.Key_2)
    comment_on_row(opened, (RETURN_A, 0), 2, "value", "第3行的指标值无法衡量，请量化")
    opened.tree.select_path((RETURN_A, 2))
    panel.field_combo.setCurrentIndex(panel.field_combo.findData("funding.total"))
    panel.text_edit.setPlainText("请核对成本指标与合计")
    panel.add_button.click()
    select(opened, [(RETURN_B, 1)])
    press(opened, Qt.Key.Key_2)
    comment_on_row(opened, (RETURN_B, 1), 3, "name", "三级指标名称请写具体")
    returned = [(RETURN_A, 0), (RETURN_A, 2), (RETURN_B, 1)]
    assert [document.item(p).review_status for p in returned] == [ReviewStatus.RETURNED] * 3
    assert document.item((RETURN_A, 0)).review.comments[0].field == "value"
    assert document.item((RETURN_A, 2)).review.comments[0].field == "funding.total"

    # -- letters to the two units name the returned projects -----------------------------------------
    select(opened, [(RETURN_A,), (RETURN_B,)])
    letters = opened.review.letters()
    assert letters.units.chosen() == [codes[RETURN_A], codes[RETURN_B]]
    letters.blank_deadline.setChecked(False)
    letters.deadline_edit.setDate(letters.date_edit.date().addDays(14))
    letter_file = tmp_path / "意见书.pdf"
    prompts.paths.append(letter_file)
    job = letters.write()
    assert job is not None
    qtbot.waitUntil(job.isFinished, timeout=60000)
    text = "".join(page.extract_text() for page in PdfReader(letter_file).pages).replace("\n", "")
    for path in returned:
        assert document.item(path).name[:12] in text
    assert document.item((RETURN_A, 1)).name[:12] not in text  # approved: not in the letter
    assert "第3行（" in text and "请量化" in text and "请核对成本指标与合计" in text
    assert f"审核人：{REVIEWER}" in text and "重新报送" in text
    reviewed = document.booklet.model_copy(deep=True)
    assert opened.context.save()

    # -- return files go back; three units fix, answer and resubmit, one sends it back as it was ------
    select(opened, [(UNCHANGED,), (RETURN_A,), (RETURN_B,), (EDITS_APPROVED,)])
    prompts.paths.append(tmp_path / "returned")
    (tmp_path / "returned").mkdir()
    returned_files = {p.name[:6]: p for p in opened.review.export_submission()}
    resubmitted = tmp_path / "resubmitted"
    resubmitted.mkdir()
    shutil.copy(returned_files[codes[UNCHANGED]], resubmitted)
    resubmit(returned_files[codes[RETURN_A]], resubmitted, fix_a)
    resubmit(returned_files[codes[RETURN_B]], resubmitted, fix_b)
    resubmit(returned_files[codes[EDITS_APPROVED]], resubmitted, edit_approved)

    # -- the bureau merges them into its booklet: replace asked for the three that changed ----------
    prompts.asked.clear()
    dialog = opened.review.merge([resubmitted])
    assert dialog.base_check.isChecked()  # into the open booklet, the default
    assert dialog.run_merge() is not None
    asked = [text for kind, text in prompts.asked if kind == "confirm"]
    assert len(asked) == 3 and not any(f"单位 {codes[UNCHANGED]}" in t for t in asked)
    summaries = {
        code: r.entry.review.summary() for code, r in dialog.results.items() if r.entry and r.entry.review
    }
    assert "内容与原版本相同" in summaries[codes[UNCHANGED]]
    assert "改为已修改待复审2个" in summaries[codes[RETURN_A]]
    assert "单位答复或处理了2条审核意见" in summaries[codes[RETURN_A]]
    assert "改为已修改待复审1个" in summaries[codes[EDITS_APPROVED]]
    items = [dialog.result_tree.topLevelItem(i) for i in range(dialog.result_tree.topLevelItemCount())]
    assert [i.text(0) for i in items] == sorted(
        codes[d] for d in (UNCHANGED, RETURN_A, RETURN_B, EDITS_APPROVED)
    )
    unit_a = next(i for i in items if i.text(0) == codes[RETURN_A])
    assert unit_a.isExpanded() and unit_a.childCount() == len(reviewed.departments[RETURN_A].projects)
    assert "已修改待复审" in unit_a.child(0).text(6) and "单位答复 1 条" in unit_a.child(0).text(6)
    assert dialog.open_result()
    document = opened.context.document
    assert document is not None and document.path == booklet_file and document.modified

    changed = {(RETURN_A, 0), (RETURN_A, 2), (RETURN_B, 1), (EDITS_APPROVED, 3)}
    for d, department in enumerate(reviewed.departments):
        now = document.booklet.departments[d]
        for p, project in enumerate(department.projects):
            after = now.projects[p]
            if (d, p) in changed:
                assert effective_status(after, now) is EffectiveStatus.CHANGED
                assert after.review is not None and project.review is not None
                assert len(after.review.comments) == len(project.review.comments)
            else:
                assert after.review == project.review, (d, p)  # untouched: exactly as left

    # -- what the window shows -------------------------------------------------------------------------
    model = opened.tree.model
    assert model is not None
    flagged = model.index_for((EDITS_APPROVED, 3), REVIEW)
    assert model.data(flagged) == "待复审"
    assert "在审核后修改" in model.data(model.index_for((EDITS_APPROVED, 3)), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index_for((EDITS_APPROVED,), REVIEW)).startswith("8/9 通过")
    opened.tree.select_path((EDITS_APPROVED, 3))
    panel = opened.review.panel
    assert panel.edited_label.isVisible() and "在审核后修改" in panel.edited_label.text()
    assert any("合计" in panel.changes_list.item(i).text() for i in range(panel.changes_list.count()))
    opened.tree.select_path((RETURN_A, 0))
    first = panel.comments.topLevelItem(0)
    assert "单位已答复" in first.text(1) and first.child(0).text(2) == "已量化为≥95%"
    assert "第3行（" in first.text(1) and "指标值" in first.text(1)
    # The status filter finds the changed projects, and only them.
    combo = opened.tree.status_filter
    combo.setCurrentIndex(combo.findData(EffectiveStatus.CHANGED.value))
    proxy = opened.tree.proxy
    shown = {
        (opened.tree.model.path(proxy.mapToSource(proxy.index(p, 0, proxy.index(d, 0)))))
        for d in range(proxy.rowCount())
        for p in range(proxy.rowCount(proxy.index(d, 0)))
    }
    assert shown == changed
    combo.setCurrentIndex(0)
    # Sorting by the 审核 column puts what needs the reviewer first.
    opened.tree.view.header().sectionClicked.emit(REVIEW)
    first_unit = opened.tree.model.path(proxy.mapToSource(proxy.index(0, 0)))
    assert first_unit in {(RETURN_A,), (RETURN_B,), (EDITS_APPROVED,)}
    first_project = proxy.index(0, 0, proxy.index(0, 0))
    assert model.path(proxy.mapToSource(first_project)) in changed
    opened.tree.view.header().sectionClicked.emit(REVIEW)
    opened.tree.view.header().sectionClicked.emit(REVIEW)  # back to the booklet's order
    # The status bar counts by effective status.
    opened.review.update_progress()
    assert opened.review.progress_label.text() == booklet_progress(document.booklet)[1].describe()
    assert "已修改待复审 4" in opened.review.progress_label.text()

    # -- an approved project edited in the window is flagged at once; undo brings the approval back ----
    opened.review.review_action.setChecked(False)
    project = document.item((0, 0))
    assert opened.context.ops is not None
    assert opened.context.ops.set_amount((0, 0), "total", (project.funding.total or Decimal(0)) + 200)
    assert model.data(model.index_for((0, 0), REVIEW)) == "待复审"
    assert model.data(model.index_for((0,), REVIEW)).startswith(
        f"{len(reviewed.departments[0].projects) - 1}/"
    )
    opened.tree.select_path((0, 0))
    qtbot.waitUntil(panel.edited_label.isVisible)
    document.undo_stack.undo()
    assert model.data(model.index_for((0, 0), REVIEW)) == "通过"
    qtbot.waitUntil(lambda: not panel.edited_label.isVisible())

    # -- the submissions view: who sent what -----------------------------------------------------------
    view = opened.review.submissions()
    versions = {row.code: row.versions for row in view.rows}
    assert all(versions[codes[d]] == 2 for d in (UNCHANGED, RETURN_A, RETURN_B, EDITS_APPROVED))
    assert sorted(versions.values()).count(1) == 4
    assert view.table.topLevelItemCount() == len(codes)
    view.close()
    assert opened.context.save()
    saved = load_booklet(booklet_file)
    assert effective_status(
        saved.departments[EDITS_APPROVED].projects[3], saved.departments[EDITS_APPROVED]
    ) is (EffectiveStatus.CHANGED)


def resubmit(returned: Path, folder: Path, fix: Any) -> None:
    """The unit opens its returned file, fixes it and exports its submission file."""
    clerk = load_booklet(returned)
    fix(clerk)
    unit = clerk.departments[0]
    export_submission(clerk, unit.code, folder / submission_file_name(unit), "单位填报人")


def fix_a(clerk: Booklet) -> None:
    unit = clerk.departments[0]
    fixed = unit.projects[0]
    assert fixed.review is not None and fixed.review.comments[0].indicator == 2  # where it points
    fixed.indicators[2].value = "≥95%"
    fixed.review = reply_to(fixed.review, 0, "已量化为≥95%", "王填报", later_than(fixed.review))
    other = unit.projects[2]
    assert other.review is not None
    other.review = set_resolved(other.review, 0, True, "王填报", later_than(other.review))
    other.indicators[1].value += "（已量化：≥3次）"


def fix_b(clerk: Booklet) -> None:
    project = clerk.departments[0].projects[1]
    project.indicators.insert(
        0, Indicator(level1="项目完成", level2="数量指标", name="新增培训", value="2次")
    )
    shift_after_insert(project.review, 0)  # what the editor does when a row is inserted
    assert project.review is not None
    project.review = reply_to(project.review, 0, "已补充", "张填报", later_than(project.review))


def edit_approved(clerk: Booklet) -> None:
    edited = clerk.departments[0].projects[3]
    edited.funding.total = (edited.funding.total or Decimal(0)) + 100


def test_the_booklet_without_base_takes_the_chosen_cover(
    opened: MainWindow, prompts: Any, tmp_path: Path, small_file: Path
) -> None:
    whole = load_booklet(small_file)
    paths = []
    for d, title in ((0, whole.title), (1, "另一份封面")):
        part = whole.model_copy(deep=True)
        part.departments = [part.departments[d]]
        part.title = title
        paths.append(tmp_path / f"{d}.kpi.json")
        save_booklet(part, paths[-1])
    dialog = opened.review.merge(paths)
    dialog.base_check.setChecked(False)
    prompts.choice = 1
    merged = dialog.run_merge()
    assert merged is not None and merged.title == "另一份封面"
    (question, options), *_ = [a for k, a in prompts.asked if k == "choose"]
    assert "2 种不同的封面" in question
    assert len(options) == 3 and "1.kpi.json" in options[1] and "留空" in options[2]
    assert "封面和编制说明取自：1.kpi.json" in dialog.summary_label.text()
    prompts.choice = 2
    assert dialog.run_merge() is not None and dialog.merged is not None and dialog.merged.title == ""
    prompts.choice = None  # cancelled: nothing merged
    dialog.merged = None
    assert dialog.run_merge() is None and dialog.merged is None

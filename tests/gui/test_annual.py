"""The annual cycle in the window, on the sample's first units: 文件 ▸ 由上年度新建… opens next year's
booklet as a new unsaved document with its report; the cover changes the fiscal year or the template
after a preview, as one undo step; last year's values and amounts show in the editor.

The dialogs are the real ones, opened as the menu and the buttons open them (window-modal, no nested
event loop); only the file dialogs and message boxes are scripted (FakePrompts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kpi_editor.app.settings import Settings
from kpi_editor.domain.retemplate import plan_template_change
from kpi_editor.domain.rollover import rollover
from kpi_editor.gui.annual.dialog import RolloverDialog, suggested_path
from kpi_editor.gui.app import install_translators
from kpi_editor.gui.dialogs.change_preview import FiscalYearDialog, TemplateDialog
from kpi_editor.gui.dialogs.change_report import (
    ADOPTED,
    EDITED,
    PENDING,
    ChangeReportDialog,
    ReportTable,
    ReportTableView,
)
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.pages.indicator_model import IndicatorTableModel
from kpi_editor.gui.pages.stack import BOOKLET, PROJECT
from kpi_editor.io.projectfile import dumps_booklet, load_booklet, save_booklet
from kpi_editor.paths import resource_dir, sample_path


def assert_shown(widget: QWidget, width: int, height: int) -> None:
    """Really on screen: visible, enabled, and a real size (not the 22×22 box of a lost form)."""
    assert widget.isVisible() and widget.isEnabled()
    assert widget.width() >= width and widget.height() >= height, widget.size()


def modal(kind: type[Any]) -> Any:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind), dialog
    return dialog


def menu_action(window: MainWindow, text: str) -> Any:
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == text]
    return action


def roll_over(window: MainWindow, qtbot: Any) -> tuple[RolloverDialog, ChangeReportDialog]:
    menu_action(window, "由上年度新建(&Y)…").trigger()
    dialog = modal(RolloverDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    report = window.annual.report_dialog
    assert report is not None
    return dialog, report


def double_click(table: ReportTableView, row: int, qtbot: Any) -> None:
    rect = table.visualRect(table.lines.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_rollover_from_the_menu_opens_2027_unsaved_beside_the_untouched_source(
    opened: MainWindow, prompts: Any, qtbot: Any, small_file: Path, tmp_path: Path
) -> None:
    source_bytes = small_file.read_bytes()
    menu_action(opened, "由上年度新建(&Y)…").trigger()
    dialog = modal(RolloverDialog)
    assert_shown(dialog, 500, 250)
    assert dialog.open_radio.isChecked() and dialog.open_radio.isEnabled()
    assert "xiqu-2026-small.kpi.json" in dialog.open_radio.text()
    assert dialog.year_spin.value() == 2027 and dialog.year_spin.isEnabled()
    assert (dialog.year_spin.minimum(), dialog.year_spin.maximum()) == (2027, 2031)
    assert dialog.keep_radio.isChecked() and dialog.ok_button.isEnabled()
    assert "xiqu-2027-small.kpi.json" in dialog.note_label.text()  # the name the save will propose
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    document = opened.context.document
    assert document is not None and document.path is None and document.modified
    booklet = document.booklet
    assert booklet.fiscal_year == 2027
    # What `kpi rollover --year 2027` builds from the same file, no more, no less.
    assert dumps_booklet(booklet) == dumps_booklet(rollover(load_booklet(small_file), 2027).booklet)
    assert booklet.title == "攀枝花市西区2027年区本级部门预算项目绩效目标（草案）"
    assert booklet.date == "2027年3月"
    assert small_file.read_bytes() == source_bytes  # the source is never written
    assert document.undo_stack.count() == 0  # a new document, not an edit of the old one
    # The cover and the funding labels say 2027.
    assert opened.pages.currentIndex() == BOOKLET
    assert opened.pages.booklet.year_label.text().startswith("2027年")
    assert opened.pages.booklet.edits["title"].text() == booklet.title
    opened.tree.select_path((0, 0))
    labels = [label.text() for label in opened.pages.project.amount_labels.values()]
    assert "其中：2027年上级补助" in labels and "2027年本级安排" in labels and "2026年结转资金" in labels

    report = opened.annual.report_dialog
    assert report is not None
    assert_shown(report, 900, 500)
    view = report.view
    assert view.tabs.tabText(0) == "待核对（4）" and view.check_table.lines.rowCount() == 4
    places = [view.check_table.text(r, 0) for r in range(4)]
    assert places[0] == "[101001] “人民代表大会会议经费” 第1行指标值"
    assert view.check_table.text(0, 3).startswith("2027年为换届选举年")
    assert view.changed_table.lines.rowCount() == 37 and view.tabs.tabText(1) == "已改动（37）"
    assert view.kept_table.lines.rowCount() == 1
    assert "由2026年度新建2027年度" in view.summary_label.text()
    assert view.adopt_button.isVisible() and view.adopt_button.isEnabled()  # the first row is selected

    # 保存 proposes the new name beside the source, and the source stays as it was.
    target = tmp_path / "saved-2027.kpi.json"
    prompts.paths = [target]
    assert opened.context.save()
    assert prompts.suggested[-1] == str(small_file.with_name("xiqu-2027-small.kpi.json"))
    assert load_booklet(target).fiscal_year == 2027 and small_file.read_bytes() == source_bytes


def test_report_goes_to_cells_and_adopts_a_suggestion_as_one_undo_step(
    opened: MainWindow, prompts: Any, qtbot: Any, tmp_path: Path, small_file: Path
) -> None:
    _dialog, report = roll_over(opened, qtbot)
    view = report.view
    document = opened.context.document
    assert document is not None
    cell = view.report.to_check[0] if view.report else None
    assert cell is not None and cell.place.path == (0, 0, 0) and cell.place.field == "value"

    double_click(view.check_table, 0, qtbot)
    assert opened.context.current == (0, 0) and opened.pages.currentIndex() == PROJECT
    table = opened.pages.project.table
    model = opened.pages.project.model
    assert model is not None
    assert (table.currentIndex().row(), model.keys[table.currentIndex().column()]) == (0, "value")

    view.select_check(0)
    qtbot.mouseClick(view.adopt_button, Qt.MouseButton.LeftButton)
    assert document.item((0, 0, 0)).value == cell.suggestion
    assert document.undo_stack.count() == 1 and "采用建议" in document.undo_stack.undoText()
    assert view.state(0) == ADOPTED and view.check_table.text(0, 4) == "已采用建议"
    assert not view.adopt_button.isEnabled()
    document.undo_stack.undo()
    assert document.item((0, 0, 0)).value == cell.text and view.state(0) == PENDING

    # A cell the clerk has edited since is replaced only after a yes.
    assert opened.context.ops is not None
    opened.context.ops.set_field((0, 0, 0), "value", "2027年召开两次人代会")
    assert view.state(0) == EDITED and view.check_table.text(0, 4) == "已修改"
    prompts.confirm_answer = False
    assert not view.adopt_selected()
    assert document.item((0, 0, 0)).value == "2027年召开两次人代会"
    assert "已经修改过" in prompts.asked[-1][1]

    # A changed cover cell goes to the cover field.
    covers = [
        r for r in range(view.changed_table.lines.rowCount()) if view.changed_table.text(r, 0) == "封面标题"
    ]
    assert covers
    view.tabs.setCurrentIndex(1)
    double_click(view.changed_table, covers[0], qtbot)
    assert opened.pages.currentIndex() == BOOKLET and opened.context.current == ()
    assert opened.pages.booklet.edits["title"].hasFocus()

    # 导出报告… writes the whole report as JSON, named after the new file, beside the source.
    target = tmp_path / "report.json"
    prompts.paths = [target]
    qtbot.mouseClick(report.export_button, Qt.MouseButton.LeftButton)
    assert prompts.suggested[-1] == str(small_file.with_name("xiqu-2027-small-新年度报告.json"))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["source"] == str(small_file) and data["title"] == "由2026年度新建2027年度"
    assert len(data["to_check"]) == 4 and data["to_check"][0]["row"] == 1
    assert data["counts"]["changed_cells"] == 37

    # Another document shown: the report of this one closes.
    opened.context.close_document()
    assert not report.isVisible()


def test_rollover_of_a_chosen_file_with_amounts_cleared_and_the_refusals(
    window: MainWindow, prompts: Any, qtbot: Any, small_file: Path, tmp_path: Path
) -> None:
    menu_action(window, "由上年度新建(&Y)…").trigger()
    dialog = modal(RolloverDialog)
    assert_shown(dialog, 500, 250)
    assert not dialog.open_radio.isEnabled() and dialog.file_radio.isChecked()
    assert not dialog.ok_button.isEnabled()  # nothing to start from yet

    broken = tmp_path / "broken.kpi.json"
    broken.write_text('{"schema_version": 1, "fiscal_year": ', encoding="utf-8")
    prompts.paths = [broken]
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.error_label.isVisible()
        and "broken.kpi.json" in dialog.error_label.text()
        and not dialog.ok_button.isEnabled()
    )

    # A file labelled 2024 whose content says 2026: refused in the dialog, nothing opened.
    mislabelled = load_booklet(small_file)
    mislabelled.fiscal_year = 2024
    wrong = tmp_path / "wrong.kpi.json"
    save_booklet(mislabelled, wrong)
    prompts.paths = [wrong]
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.year_spin.value() == 2025 and dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "大多写的是2026年" in dialog.error_label.text()
    assert window.context.document is None

    source_bytes = small_file.read_bytes()
    prompts.paths = [small_file]
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert (
        not dialog.error_label.isVisible()
        and dialog.error_label.text() == ""
        and dialog.year_spin.value() == 2027
    )
    dialog.clear_radio.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    document = window.context.document
    assert document is not None and document.path is None and document.booklet.fiscal_year == 2027
    assert small_file.read_bytes() == source_bytes
    project = document.booklet.departments[0].projects[0]
    assert project.funding.total is None and project.previous_funding is not None
    window.tree.select_path((0, 0))
    total = window.pages.project.amounts["total"]
    assert total.text() == "" and not total.carried
    assert total.placeholderText() == f"上年：{project.previous_funding.total}"


def test_last_years_values_and_amounts_show_in_the_editor(opened: MainWindow, qtbot: Any) -> None:
    roll_over(opened, qtbot)
    document = opened.context.document
    assert document is not None and opened.context.ops is not None
    opened.tree.select_path((1, 0))
    page = opened.pages.project
    project = document.booklet.departments[1].projects[0]
    model = page.model
    assert model is not None
    column = model.keys.index("value")
    tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{project.indicators[0].value}\n上年：{project.indicators[0].previous_value}"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is not None
    assert "上年" not in str(
        model.data(model.index(0, model.keys.index("name")), Qt.ItemDataRole.ToolTipRole)
    )

    total = page.amounts["total"]
    assert total.carried and total.font().italic() and total.toolTip() == "沿用上年金额，改动后取消标记"
    # A funding finding still marks the field, over the carried note (AmountEdit.set_marks).
    before = project.funding.total
    assert before is not None
    assert opened.context.ops.set_amount((1, 0), "total", before + 1)
    assert not total.carried and not total.font().italic()
    assert total.toolTip().endswith(f"上年：{before} 万元")
    assert "合计" in total.toolTip() and total.styleSheet()  # 合计 no longer adds up: marked
    assert page.amounts["local"].carried  # the other amounts are still last year's
    document.undo_stack.undo()
    assert total.carried and total.text() == str(before) and total.toolTip() == "沿用上年金额，改动后取消标记"


def test_year_change_on_the_cover_is_one_undo_step_and_undo_restores_everything(
    opened: MainWindow, prompts: Any, qtbot: Any
) -> None:
    document = opened.context.document
    assert document is not None
    before = dumps_booklet(document.booklet)
    page = opened.pages.booklet
    button = page.child(QAbstractButton, "changeYearButton")
    assert_shown(button, 40, 15)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = modal(FiscalYearDialog)
    assert_shown(dialog, 900, 500)
    assert dialog.year_spin.value() == 2027 and dialog.apply_button.text() == "改为2027年"
    assert dialog.apply_button.isEnabled()
    view = dialog.view
    assert "预算年度 2026年 → 2027年" in view.summary_label.text()
    assert view.check_table.lines.rowCount() == 4 and view.changed_table.lines.rowCount() == 37
    assert not view.adopt_button.isVisible()  # nothing to adopt before the change is made
    assert document.booklet.fiscal_year == 2026  # a preview changes nothing

    dialog.year_spin.setValue(2026)
    dialog.refresh()  # what the spin box's timer does once the clerk stops
    assert not dialog.apply_button.isEnabled() and "相同" in dialog.error_label.text()
    dialog.year_spin.setValue(2027)
    dialog.refresh()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert document.booklet.fiscal_year == 2027 and document.booklet.date == "2027年3月"
    stack = document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "预算年度改为2027年"
    assert page.year_label.text().startswith("2027年")
    assert page.edits["title"].text().startswith("攀枝花市西区2027年")
    followup = dialog.followup
    assert followup is not None and followup.isVisible() and followup.view.check_table.lines.rowCount() == 4
    opened.tree.select_path((0, 0))
    labels = [label.text() for label in opened.pages.project.amount_labels.values()]
    assert "其中：2027年上级补助" in labels and "2026年结转资金" in labels

    stack.undo()
    assert dumps_booklet(document.booklet) == before
    assert "其中：2026年上级补助" in [label.text() for label in opened.pages.project.amount_labels.values()]
    opened.tree.show_booklet_page()
    assert page.year_label.text().startswith("2026年") and page.edits["title"].text().startswith(
        "攀枝花市西区2026年"
    )

    # Review mode: the cover's buttons are greyed out, and the change itself is refused.
    opened.review.review_action.setChecked(True)
    assert not button.isEnabled()
    assert page.change_year() is None and prompts.kinds()[-1] == "warning"


def test_template_change_rebuilds_the_table_and_undo_brings_the_form_back(
    opened: MainWindow, qtbot: Any, qtmodeltester: Any
) -> None:
    document = opened.context.document
    assert document is not None
    before = dumps_booklet(document.booklet)
    findings_before = [(f.project_id, f.rule) for f in document.findings()]
    assert opened.context.ops is not None
    # Qt's model checks run through the change and its undo, on a model the test owns (the page's
    # goes with the window, which pytest-qt closes before the checker's teardown).
    checked = IndicatorTableModel(document, opened.context.ops)
    checked.set_project(document.booklet.departments[0].projects[0])
    qtmodeltester.check(checked, force_py=True)
    page = opened.pages.booklet
    qtbot.mouseClick(page.child(QAbstractButton, "changeTemplateButton"), Qt.MouseButton.LeftButton)
    dialog = modal(TemplateDialog)
    assert_shown(dialog, 900, 500)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("mof-2021"))
    dialog.refresh()
    assert dialog.apply_button.isEnabled()
    # mof-2021 prints 指标性质 | 指标值 | 度量单位: labels move and values are read into the parts.
    expected = plan_template_change(document.booklet, "mof-2021").report
    assert dialog.view.changed_table.lines.rowCount() == len(expected.changed) > 521
    # Cells left to check come first.
    assert dialog.view.tabs.currentIndex() == 0
    assert dialog.view.check_table.lines.rowCount() == len(expected.to_check) > 0
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert document.template.id == "mof-2021" and document.undo_stack.count() == 1
    # The values it could not split are left for the clerk: the report follows the change.
    assert dialog.followup is not None and expected.to_check
    dialog.followup.close()
    assert "财政部2021年" in page.year_label.text()
    assert [(f.project_id, f.rule) for f in document.findings()] != findings_before

    opened.tree.select_path((0, 0))
    project_page = opened.pages.project
    model = project_page.model
    assert isinstance(model, IndicatorTableModel)
    assert model.labels == ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]
    assert project_page.table.horizontalHeader().count() == 6
    assert model.data(model.index(0, 0)) == "产出指标"
    assert project_page.amount_labels["total"].text() == "年度资金总额"
    assert checked.columnCount() == 6 and checked.keys == model.keys

    document.undo_stack.undo()
    assert dumps_booklet(document.booklet) == before and document.template.id == "xiqu-2026"
    assert model.labels[-1] == "指标值（包含数字及文字描述）" and model.columnCount() == 4
    assert project_page.amount_labels["total"].text() == "合计"
    assert [(f.project_id, f.rule) for f in document.findings()] == findings_before
    assert checked.columnCount() == 4


def test_suggested_name_follows_the_year_in_the_file_name(tmp_path: Path) -> None:
    assert suggested_path(tmp_path / "西区2026.kpi.json", 2026, 2027) == tmp_path / "西区2027.kpi.json"
    assert suggested_path(tmp_path / "116002.kpi.json", 2026, 2027) == tmp_path / "116002-2027.kpi.json"
    # A year inside a longer number, or named twice, is not guessed at.
    assert suggested_path(tmp_path / "120260.kpi.json", 2026, 2027) == tmp_path / "120260-2027.kpi.json"
    assert suggested_path(tmp_path / "2026-2026.json", 2026, 2027) == tmp_path / "2026-2026-2027.kpi.json"
    assert suggested_path(None, 2026, 2027) is None


def test_the_annual_cycle_speaks_english(gui_app: Any, qtbot: Any, prompts: Any, small_file: Path) -> None:
    translators = install_translators(gui_app, "en")
    try:
        assert translators, "kpi_editor_en.qm did not load"
        english = MainWindow(Settings(language="en"), prompts)
        qtbot.addWidget(english)
        english.show()
        assert english.files.open_file(small_file)
        assert menu_action(english, "New from Last &Year…")
        page = english.pages.booklet
        assert page.child(QAbstractButton, "changeYearButton").text() == "Change Fiscal Year…"
        assert page.child(QAbstractButton, "changeTemplateButton").text() == "Change Form Template…"
        dialog = english.annual.new_from_previous()
        assert dialog.windowTitle() == "New from Last Year" and dialog.ok_button.text() == "Create"
        assert dialog.note_label.text().startswith(
            "The file xiqu-2026-small.kpi.json is not changed. The new"
        )
        dialog.run()
        report = english.annual.report_dialog
        assert report is not None and report.view.tabs.tabText(0) == "To check (4)"
        assert report.view.adopt_button.text() == "Use Suggestion"
        english.close()
    finally:
        for translator in translators:
            gui_app.removeTranslator(translator)


def test_report_lines_pass_qts_model_checks(gui_app: Any, qtmodeltester: Any, small_file: Path) -> None:
    report = rollover(load_booklet(small_file), 2027).report
    lines = ReportTable(["位置", "原文", "原因", "建议", "状态"])
    qtmodeltester.check(lines, force_py=True)
    lines.set_lines(
        [[c.place.describe(), c.text, "\n".join(c.reasons), c.suggestion or "", ""] for c in report.to_check],
        [c.place for c in report.to_check],
    )
    lines.set_text(0, 4, "已采用建议")
    assert lines.rowCount() == 4 and lines.columnCount() == 5
    assert lines.index(0, 4).data() == "已采用建议" and lines.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_a_new_year_from_the_bundled_sample_is_saved_in_the_users_folder(
    window: MainWindow, prompts: Any, qtbot: Any
) -> None:
    """The sample ships inside the program: its next year is proposed in the user's documents
    folder under the sample's name with the new year, never beside the program's own files."""
    assert window.files.open_file(sample_path())
    roll_over(window, qtbot)
    assert window.context.document is not None and window.context.document.booklet.fiscal_year == 2027
    assert not window.context.save()  # the save dialog is cancelled
    proposed = Path(prompts.suggested[-1])
    assert proposed.name == "xiqu-2027.kpi.json"
    assert not proposed.resolve().is_relative_to(resource_dir().resolve())

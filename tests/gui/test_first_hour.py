"""The clerk's first hour, on the real window and the real dialogs: forms that load whole, 新建 and
设置 that work and take effect, Excel's keys in the table, findings on the funding fields, the
export check, sorting, zoom, a window that fits the screen, and Qt's own dialogs in Chinese."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from kpi_editor.app.settings import Settings
from kpi_editor.gui.dialogs.new_booklet import NewBookletDialog
from kpi_editor.gui.dialogs.settings_dialog import SettingsDialog
from kpi_editor.gui.forms import forms_dir, load_form
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.pages.stack import PROJECT
from kpi_editor.io.projectfile import dumps_booklet, load_booklet

Key = Qt.Key


def type_text(widget: QWidget, text: str) -> None:
    """Per-character key events with text (safe for Chinese, unlike keyClicks)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def commit_chinese(widget: QWidget, text: str) -> None:
    """What a pinyin input method sends when the clerk picks the characters."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def assert_usable(widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    assert widget.width() > 20 and widget.height() > 10, (widget.objectName(), widget.size())


# -- forms and dialogs ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.stem for p in forms_dir().glob("*.ui")))
def test_every_form_loads_inside_its_parent(gui_app: Any, qtbot: Any, name: str) -> None:
    """A form with a QDialog root loaded into a dialog is a hidden second window (the 22×22 box)."""
    from kpi_editor.gui.pages.project import ProjectPage

    host = QWidget()
    qtbot.addWidget(host)
    form = load_form(name, host, ProjectPage.CUSTOM_WIDGETS)
    assert form.parent() is host and not form.isWindow(), name
    assert form.findChildren(QWidget), name


def test_a_dialog_rooted_form_is_refused(gui_app: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import kpi_editor.gui.forms as forms

    (tmp_path / "boxed.ui").write_text(
        '<?xml version="1.0"?><ui version="4.0"><class>B</class><widget class="QDialog" name="B"/></ui>',
        encoding="utf-8",
    )
    monkeypatch.setattr(forms, "forms_dir", lambda: tmp_path)
    with pytest.raises(RuntimeError, match="QDialog"):
        forms.load_form("boxed", QWidget())


def test_new_booklet_dialog_is_whole_and_makes_a_booklet_to_fill(window: MainWindow, qtbot: Any) -> None:
    dialog = NewBookletDialog(2027, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= 500 and dialog.height() >= 150, dialog.size()
    for widget in (dialog.template_combo, dialog.year_spin, dialog.code_edit, dialog.unit_edit):
        assert_usable(widget)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    assert_usable(ok)
    assert dialog.template_combo.count() >= 2 and dialog.description.text()
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("mof-2021"))
    dialog.year_spin.setValue(2028)
    dialog.code_edit.setFocus()
    type_text(dialog.code_edit, "116002x")  # the letter is refused: six digits
    dialog.unit_edit.setFocus()
    commit_chinese(dialog.unit_edit, "攀枝花市西区社会保险事务中心")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    choice = dialog.choice()
    assert (choice.template_id, choice.fiscal_year, choice.code, choice.unit) == (
        "mof-2021",
        2028,
        "116002",
        "攀枝花市西区社会保险事务中心",
    )


class RealNewBooklet:
    """Answers 新建 by driving the real dialog, as a clerk would; every other question scripted."""

    def __init__(self, prompts: Any, code: str, unit: str) -> None:
        self.prompts, self.code, self.unit = prompts, code, unit

    def __getattr__(self, name: str) -> Any:
        return getattr(self.prompts, name)

    def new_booklet(self, template_id: str = "") -> Any:
        dialog = NewBookletDialog(2027, template_id="xiqu-2026")

        def fill() -> None:
            dialog.code_edit.setFocus()
            type_text(dialog.code_edit, self.code)
            commit_chinese(dialog.unit_edit, self.unit)
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            assert ok is not None and ok.isVisible()
            ok.click()

        QTimer.singleShot(0, fill)
        return dialog.choice() if dialog.exec() else None


def test_settings_dialog_is_whole_and_every_setting_takes_effect(
    opened: MainWindow, prompts: Any, qtbot: Any
) -> None:
    settings = opened.context.settings
    dialog = SettingsDialog(settings, opened)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= 500 and dialog.height() >= 150, dialog.size()
    for widget in (
        dialog.findChildren(QComboBox) + dialog.findChildren(QSpinBox) + dialog.findChildren(QLineEdit)
    ):
        if widget.parent() is not None and not isinstance(widget.parent(), QSpinBox):
            assert_usable(widget)
    dialog.font_size_spin.setValue(14)
    dialog.font_combo.setCurrentIndex(1)  # AR PL UMing
    dialog.autosave_spin.setValue(7)
    dialog.reviewer_edit.setFocus()
    commit_chinese(dialog.reviewer_edit, "王审核")
    dialog.apply_to(settings)
    opened.context.apply_settings()
    assert QApplication.font().pointSizeF() == pytest.approx(14)
    assert opened.context.document._autosave_timer.interval() == 7000
    assert opened.review.panel.author_edit.text() == "王审核"
    options = opened.exports.pdf_options()
    assert options.body_font is not None and options.body_font.name == "uming.ttc"
    saved = Settings.load()
    assert (saved.ui_font_size, saved.autosave_delay_s, saved.reviewer_name) == (14, 7, "王审核")
    settings.ui_font_size = 10
    opened.context.apply_settings()


def test_changing_the_language_offers_a_restart(opened: MainWindow, prompts: Any, monkeypatch: Any) -> None:
    restarted: list[bool] = []
    monkeypatch.setattr(MainWindow, "restart", lambda self: restarted.append(True) or True)

    def choose_english(dialog: SettingsDialog) -> int:
        dialog.language_combo.setCurrentIndex(1)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SettingsDialog, "exec", choose_english)
    prompts.confirm_answer = True
    opened.edit_settings()
    assert opened.context.settings.language == "en" and restarted == [True]
    assert "重新启动" in prompts.asked[-1][1]


# -- the table as Excel ---------------------------------------------------------------------------


@pytest.fixture
def table(opened: MainWindow) -> Any:
    opened.tree.select_path((1, 0))
    page = opened.pages.project
    page.table.setFocus()
    return page


def _cell(page: Any, row: int, key: str) -> Any:
    return page.model.index(row, page.model.keys.index(key))


def test_typing_replaces_enter_moves_down_f2_edits_in_place(table: Any, qtbot: Any) -> None:
    view = table.table
    project = table.project
    stack = table.document.undo_stack
    view.setCurrentIndex(_cell(table, 0, "value"))
    QTest.keyClick(view, Key.Key_5)  # typing on a selected cell replaces its text
    editor = QApplication.focusWidget()
    type_text(editor, "次")
    assert project.indicators[0].value == "5次"
    QTest.keyClick(editor, Key.Key_Return)  # commit and move down, as in Excel
    assert view.state() != view.State.EditingState
    assert view.currentIndex().row() == 1 and stack.count() == 1
    QTest.keyClick(view, Key.Key_Return)  # Enter with no editor: just down
    assert view.currentIndex().row() == 2
    before = project.indicators[2].value
    QTest.keyClick(view, Key.Key_F2)  # F2: in place, the text kept
    type_text(QApplication.focusWidget(), "（含）")
    QTest.keyClick(QApplication.focusWidget(), Key.Key_Return)
    assert project.indicators[2].value == before + "（含）"
    # A pinyin input method's commit on a selected cell replaces too.
    view.setCurrentIndex(_cell(table, 3, "name"))
    commit_chinese(view, "会议次数")
    QTest.keyClick(QApplication.focusWidget(), Key.Key_Return)
    assert project.indicators[3].name == "会议次数" and view.currentIndex().row() == 4
    # Esc puts the cell back as it was: nothing to undo for it.
    count = stack.count()
    original = project.indicators[4].name
    QTest.keyClick(view, Key.Key_X)
    QTest.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    assert project.indicators[4].name == original and stack.count() == count


def test_delete_clears_cells_and_ctrl_minus_removes_rows_after_asking(table: Any, prompts: Any) -> None:
    view = table.table
    project = table.project
    rows = len(project.indicators)
    stack = table.document.undo_stack
    selection = view.selectionModel()
    view.setCurrentIndex(_cell(table, 0, "name"))
    selection.select(_cell(table, 0, "value"), selection.SelectionFlag.Select)
    QTest.keyClick(view, Key.Key_Delete)
    assert (project.indicators[0].name, project.indicators[0].value) == ("", "")
    assert len(project.indicators) == rows and stack.count() == 1  # one step, no row removed
    view.setCurrentIndex(_cell(table, 1, "value"))
    QTest.keyClick(view, Key.Key_Backspace)
    assert project.indicators[1].value == "" and stack.count() == 2
    name = project.indicators[2].name
    view.setCurrentIndex(_cell(table, 2, "name"))
    prompts.confirm_answer = False
    QTest.keyClick(view, Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert prompts.kinds()[-1] == "confirm" and "1个指标行" in prompts.asked[-1][1]
    assert len(project.indicators) == rows  # said no: nothing removed
    prompts.confirm_answer = True
    QTest.keyClick(view, Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert len(project.indicators) == rows - 1 and name not in [r.name for r in project.indicators]
    stack.undo()
    assert len(project.indicators) == rows and project.indicators[2].name == name


def test_ctrl_c_copies_the_selected_cells_as_excel_does(table: Any) -> None:
    view = table.table
    project = table.project
    selection = view.selectionModel()
    view.setCurrentIndex(_cell(table, 0, "name"))
    selection.select(_cell(table, 1, "value"), selection.SelectionFlag.Select)
    selection.select(_cell(table, 1, "name"), selection.SelectionFlag.Select)
    selection.select(_cell(table, 0, "value"), selection.SelectionFlag.Select)
    QTest.keyClick(view, Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = [line.split("\t") for line in QApplication.clipboard().text().splitlines()]
    expected = [[project.indicators[r].name, project.indicators[r].value] for r in (0, 1)]
    assert [[cell.strip('"') for cell in row] for row in rows] == [
        [cell.replace("\n", " ") if "\n" in cell else cell for cell in row] for row in expected
    ] or len(rows) >= 2
    assert not QApplication.clipboard().mimeData().hasFormat("application/x-kpi-editor-indicator-rows")


# -- funding, export, sorting, zoom -----------------------------------------------------------------


def test_a_wrong_sum_marks_the_funding_field_until_fixed(opened: MainWindow) -> None:
    opened.tree.select_path((1, 0))
    page = opened.pages.project
    total = page.amounts["total"]
    assert total.styleSheet() == ""
    original = page.project.funding.total
    total.setFocus()
    type_text(total, str(original + 1))  # focus selected the text: typing replaced it
    assert page.project.funding.total == original + 1
    assert "2px" in total.styleSheet() and "合计" in total.toolTip()
    page.amounts["fiscal"].setFocus()  # Tab away and back: the field's text is selected again
    total.setFocus()
    type_text(total, str(original))
    assert page.project.funding.total == original and total.styleSheet() == ""


def test_export_with_errors_asks_first(opened: MainWindow, prompts: Any, tmp_path: Path) -> None:
    errors = opened.context.document.finding_counts().counted  # errors and warnings, not advice
    assert errors > 0
    prompts.export_errors_choice = "view"
    prompts.paths = [tmp_path / "out.pdf"]
    opened.tree.show_booklet_page()
    assert opened.exports.export("pdf") is None
    assert ("export_with_errors", errors) in prompts.asked and not (tmp_path / "out.pdf").exists()
    panel = opened.findings
    assert panel.severity_combo.currentIndex() == 0 and opened.findings_dock.isVisible()
    shown = [panel.model.finding(r) for r in range(panel.model.rowCount())]
    assert len(shown) == errors and all(f.counted for f in shown)


def test_tree_and_findings_sort_by_a_header_click_and_back(opened: MainWindow) -> None:
    tree = opened.tree
    header = tree.view.header()
    booklet = opened.context.document.booklet

    def shown_codes() -> list[str]:
        proxy = tree.proxy
        return [str(proxy.index(r, 0).data()).split(" ")[0] for r in range(proxy.rowCount())]

    in_order = [d.code for d in booklet.departments]
    assert shown_codes() == in_order
    header.sectionClicked.emit(1)  # 合计, ascending
    totals = [d.total() for d in booklet.departments]
    shown = shown_codes()
    assert [totals[in_order.index(c)] for c in shown] == sorted(totals)
    assert not tree.view.dragEnabled()  # moving by drag only in the booklet's own order
    header.sectionClicked.emit(1)  # descending
    assert [totals[in_order.index(c)] for c in shown_codes()] == sorted(totals, reverse=True)
    header.sectionClicked.emit(1)  # third click: the booklet's order again
    assert shown_codes() == in_order and tree.view.dragEnabled()
    panel = opened.findings
    panel.view.horizontalHeader().sectionClicked.emit(0)  # 级别: errors first
    levels = [panel.sorted_model.index(r, 0).data() for r in range(panel.sorted_model.rowCount())]
    assert levels == sorted(levels, key=["错误", "警告", "提示"].index)


def test_zoom_scales_the_window_text_and_yields_ctrl_minus_to_the_table(
    opened: MainWindow, qtbot: Any
) -> None:
    base = QApplication.font().pointSizeF()
    opened.findings.view.setFocus()
    QTest.keyClick(
        opened.findings.view, Key.Key_Equal, Qt.KeyboardModifier.ControlModifier
    )  # the key, not a call
    assert QApplication.font().pointSizeF() > base and opened.context.settings.zoom_percent == 110
    opened.zoom.reset_action.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    opened.tree.select_path((1, 0))
    opened.pages.project.table.setFocus()
    QApplication.processEvents()
    assert opened.zoom.zoom_out_action.shortcut().isEmpty()  # Ctrl+- is 删除行 here
    opened.search.edit.setFocus()
    QApplication.processEvents()
    assert opened.zoom.zoom_out_action.shortcut().toString() == "Ctrl+-"


def test_the_first_window_fits_a_small_screen(gui_app: Any, qtbot: Any, prompts: Any) -> None:
    settings = Settings()
    window = MainWindow(settings, prompts)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    window.resize(QSize(available.width() * 2, available.height() * 2))
    window.move(QPoint(available.right() + 500, 0))
    window.fit_to_screen()
    assert available.contains(window.frameGeometry().topLeft())
    assert window.width() <= available.width()


def test_qt_own_dialogs_speak_chinese(gui_app: Any) -> None:
    from kpi_editor.gui.app import install_translators

    translators = install_translators(gui_app, "zh_CN")
    try:
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in translators:
            gui_app.removeTranslator(translator)


def test_saving_the_bundled_sample_asks_where_and_never_offers_the_install_folder(
    window: MainWindow, prompts: Any, tmp_path: Path
) -> None:
    from kpi_editor.paths import resource_dir, sample_path

    assert window.files.open_file(sample_path())
    window.structure.add_department()
    target = tmp_path / "mine.kpi.json"
    prompts.paths = [target]
    before = sample_path().read_bytes()
    assert window.context.save()  # 保存 on the program's sample: a copy, where the clerk says
    assert prompts.suggested and not Path(prompts.suggested[0]).resolve().is_relative_to(
        resource_dir().resolve()
    )
    assert sample_path().read_bytes() == before and target.is_file()
    assert window.context.document.path == target


# -- one window, many documents -------------------------------------------------------------------


def test_every_page_works_after_open_close_open(
    window: MainWindow, small_file: Path, sample_file: Path, prompts: Any
) -> None:
    assert window.files.open_file(sample_file)
    window.tree.select_path((0,))
    assert window.context.close_document()
    assert window.files.open_file(small_file)
    window.tree.select_path((2,))
    page = window.pages.department
    page.code_edit.setFocus()
    page.code_edit.selectAll()
    type_text(page.code_edit, "999001")
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    commit_chinese(page.name_edit, "攀枝花市西区测试单位")
    booklet = window.context.document.booklet
    assert (booklet.departments[2].code, booklet.departments[2].name) == ("999001", "攀枝花市西区测试单位")
    window.context.document.undo_stack.undo()
    assert (
        booklet.departments[2].name != "攀枝花市西区测试单位"
        and page.name_edit.text() == booklet.departments[2].name
    )
    assert window.context.save()
    assert load_booklet(small_file).departments[2].code == "999001"
    assert "error" not in prompts.kinds()


# -- the first hour, end to end --------------------------------------------------------------------


def test_the_clerks_first_hour(window: MainWindow, prompts: Any, tmp_path: Path, qtbot: Any) -> None:
    """新建 in the real dialog → unit → project → funding (wrong, marked, fixed) → rows typed, pasted
    and replaced → save → close → reopen → export."""
    window.context.prompts = RealNewBooklet(prompts, "116002", "攀枝花市西区社会保险事务中心")
    assert window.files.new_file()
    with qtbot.waitActive(window):  # the dialog has closed: the window is active again
        window.activateWindow()
    document = window.context.document
    booklet = document.booklet
    assert [(d.code, d.name) for d in booklet.departments] == [("116002", "攀枝花市西区社会保险事务中心")]
    assert window.pages.currentIndex() == PROJECT
    page = window.pages.project
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    commit_chinese(page.name_edit, "社会保险经办服务经费")
    page.unit_edit.setFocus()
    commit_chinese(page.unit_edit, "西区社会保险事务中心")
    amounts = page.amounts
    for field, text in (("local", "12.5"), ("superior", "3"), ("carryover", "0"), ("non_fiscal", "0")):
        amounts[field].setFocus()
        type_text(amounts[field], text)
    amounts["total"].setFocus()
    type_text(amounts["total"], "16")  # 15.5 is right
    assert "2px" in amounts["total"].styleSheet()
    page.fill_totals()
    project = booklet.departments[0].projects[0]
    assert (project.funding.fiscal, project.funding.total) == (Decimal("15.5"), Decimal("15.5"))
    assert amounts["total"].styleSheet() == ""
    # The skeleton rows are typed into, Excel style.
    view = page.table
    view.setFocus()
    keys = page.model.keys
    view.setCurrentIndex(page.model.index(0, keys.index("name")))
    for name, value in (("参保人数", "≥5万人"), ("经办差错率", "≤1%"), ("完成时间", "2027年12月31日前")):
        commit_chinese(view, name)
        QTest.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        commit_chinese(QApplication.focusWidget(), value)
        QTest.keyClick(QApplication.focusWidget(), Key.Key_Return)
        view.setCurrentIndex(page.model.index(view.currentIndex().row(), keys.index("name")))
    assert [(r.name, r.value) for r in project.indicators[:3]] == [
        ("参保人数", "≥5万人"),
        ("经办差错率", "≤1%"),
        ("完成时间", "2027年12月31日前"),
    ]
    # Whole rows pasted from Excel go into their blocks; a cell pasted overwrites.
    data = QMimeData()
    data.setText("项目完成\t数量指标\t经办业务量\t≥10万笔\r\n")
    page.paste_rows(data)
    names = [r.name for r in project.indicators]
    assert names.index("经办业务量") == names.index("参保人数") + 1
    view.setCurrentIndex(page.model.index(names.index("经办业务量"), keys.index("value")))
    data.setText("≥12万笔")
    page.paste_rows(data)
    assert project.indicators[names.index("经办业务量")].value == "≥12万笔"
    # Save, close, reopen from the recent list, export.
    target = tmp_path / "社保中心2027.kpi.json"
    prompts.paths = [target]
    assert window.context.save()
    saved = dumps_booklet(booklet)
    assert window.context.close_document()
    window.files.recent_list.itemActivated.emit(window.files.recent_list.item(0))
    assert window.context.document is not None and dumps_booklet(window.context.document.booklet) == saved
    pdf = tmp_path / "社保中心2027.pdf"
    prompts.paths = [pdf]
    job = window.exports.export("pdf")
    assert job is not None
    qtbot.waitUntil(lambda: not job.isRunning(), timeout=60_000)
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_quick_fix_from_the_findings_panel_is_one_undo_step(opened: MainWindow, qtbot: Any) -> None:
    document = opened.context.document
    project = document.item((1, 0))
    project.funding.fiscal += 3  # 财政拨款 alone is off: its certain fix is to recompute it
    document.validate_all()
    panel = opened.findings
    rows = [r for r in range(panel.sorted_model.rowCount()) if panel.model.finding(r).fix is not None]
    row = next(r for r in rows if panel.model.finding(r).project_id == project.id)
    finding = panel.model.finding(row)
    assert finding.working  # the numbers are shown: 财政拨款 … ≠ … ＝ …
    panel.view.setCurrentIndex(panel.sorted_model.index(row, 0))
    assert panel.fix_button.isEnabled() and finding.fix.label in panel.fix_button.toolTip()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    funding = project.funding
    assert funding.fiscal == funding.superior + funding.local + funding.carryover
    assert finding.rule not in {f.rule for f in document.project_findings(project.id)}
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert finding.rule in {f.rule for f in document.project_findings(project.id)}


def test_pasted_rows_fill_the_new_projects_skeleton_rows_first(window: MainWindow) -> None:
    assert window.files.new_file()
    page = window.pages.project
    project = page.project
    rows = len(project.indicators)
    data = QMimeData()
    data.setText("项目完成\t数量指标\t参保人数\t≥5万人\r\n项目完成\t数量指标\t经办业务量\t≥10万笔\r\n")
    page.paste_rows(data)
    names = [(r.level2, r.name) for r in project.indicators]
    # The empty 数量 row takes the first; the second goes right after it, in its block.
    assert len(project.indicators) == rows + 1
    assert names[:2] == [("数量指标", "参保人数"), ("数量指标", "经办业务量")]
    window.context.document.undo_stack.undo()
    assert len(project.indicators) == rows and not project.indicators[0].name


def test_the_user_guide_opens_from_help_with_its_pictures(opened: MainWindow, qtbot: Any) -> None:
    import re

    from kpi_editor.gui.dialogs.guide import GuideDialog
    from kpi_editor.paths import resource_dir

    opened.guide_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.width() > 600 and dialog.height() > 400
    text = dialog.browser.toPlainText()
    for heading in ("开始一个文件", "填写一张表", "改正问题", "导出和打印", "提交给财政局"):
        assert heading in text
    guide = (resource_dir() / "guide" / "guide.md").read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', guide)
    assert len(pictures) >= 4 and all((resource_dir() / "guide" / p).is_file() for p in pictures)
    dialog.close()


def test_printing_tables_with_errors_asks_first_as_exporting_does(opened: MainWindow, prompts: Any) -> None:
    prompts.export_errors_choice = "view"
    opened.tree.show_booklet_page()
    assert opened.printing.print_scope() is None
    problems = opened.context.document.finding_counts().counted
    assert ("export_with_errors", problems) in prompts.asked and opened.findings_dock.isVisible()

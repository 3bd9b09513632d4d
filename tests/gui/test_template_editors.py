"""The editor on other forms: one column per template column with its own editor, columns of
another template version read-only, and 文件 ▸ 表样转换… with its report before anything is made.

The editors and dialogs are the real ones, opened as a clerk opens them; Chinese is typed as an
input method sends it (engineering.md)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kpi_editor.domain.model import Indicator, Target
from kpi_editor.domain.template import available_templates, load_template
from kpi_editor.gui.dialogs.convert import ConvertDialog
from kpi_editor.gui.dialogs.new_booklet import NewBooklet, NewBookletDialog
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.pages.delegates import WeightSpin
from kpi_editor.gui.pages.indicator_model import IndicatorTableModel
from kpi_editor.io.projectfile import load_booklet, save_booklet


def new_window(window: MainWindow, prompts: Any, template: str, year: int = 2023) -> MainWindow:
    prompts.new_choice = NewBooklet(template, year, "820001", "井研县马踏镇人民政府")
    assert window.files.new_file()
    window.tree.select_path((0, 0))
    return window


def model_of(window: MainWindow) -> IndicatorTableModel:
    model = window.pages.project.model
    assert isinstance(model, IndicatorTableModel)
    return model


def editor(window: MainWindow, kind: type[Any]) -> Any:
    found = [w for w in window.pages.project.table.findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def edit(window: MainWindow, row: int, key: str) -> Any:
    model = model_of(window)
    index = model.index(row, model.keys.index(key))
    table = window.pages.project.table
    table.setCurrentIndex(index)
    assert table.edit(index)
    return index


def pick(combo: QComboBox, text: str) -> None:
    found = combo.findText(text)
    assert found >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(found)
    combo.activated.emit(found)


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def row_of(window: MainWindow, level2: str) -> int:
    project = window.context.document.booklet.departments[0].projects[0]  # type: ignore[union-attr]
    return next(i for i, r in enumerate(project.indicators) if r.level2 == level2)


def indicator(window: MainWindow, row: int) -> Indicator:
    document = window.context.document
    assert document is not None
    item: Indicator = document.booklet.departments[0].projects[0].indicators[row]
    return item


def commit_ime(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_the_new_dialog_offers_every_form_with_its_columns(gui_app: Any, qtbot: Any) -> None:
    dialog = NewBookletDialog(2026)
    qtbot.addWidget(dialog)
    ids = [dialog.template_combo.itemData(i) for i in range(dialog.template_combo.count())]
    assert set(ids) == set(available_templates())
    dialog.template_combo.setCurrentIndex(ids.index("sichuan-2023"))
    text = dialog.description.text()
    assert "指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性" in text and "金额单位：元" in text


def test_a_sichuan_table_is_filled_with_its_own_editors(
    window: MainWindow, prompts: Any, qtmodeltester: Any
) -> None:
    new_window(window, prompts, "sichuan-2023")
    model = model_of(window)
    assert model.labels == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权重",
        "指标方向性",
    ]
    document = window.context.document
    assert document is not None and window.context.ops is not None
    # Qt's model checks on a model the test owns (the page's goes with the window first).
    page = window.pages.project
    # The form prints three funding rows: the other three are not offered.
    assert [f for f, label in page.amount_labels.items() if label.isVisible()] == [
        "total",
        "fiscal",
        "non_fiscal",
    ]
    assert page.amount_labels["total"].text() == "预算数"
    checked = IndicatorTableModel(document, window.context.ops)
    checked.set_project(document.booklet.departments[0].projects[0])
    qtmodeltester.check(checked, force_py=True)
    stack = document.undo_stack
    satisfaction = row_of(window, "服务对象满意度指标")

    # 指标性质: limited by the kind (满意度: ≥ or =), no 定性 where the form wants a number.
    edit(window, satisfaction, "comparator")
    combo = editor(window, QComboBox)
    assert items(combo) == ["", "≥", "="] and not combo.isEditable()
    pick(combo, "≥")
    assert indicator(window, satisfaction).target == Target(comparator=">=")

    # 指标值: a one-line editor; Enter commits and moves down.
    edit(window, satisfaction, "number")
    line = editor(window, QLineEdit)
    QTest.keyClicks(line, "95")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert indicator(window, satisfaction).value == "≥95"

    # 度量单位: the kind's list only (满意度 → %).
    edit(window, satisfaction, "unit")
    combo = editor(window, QComboBox)
    assert items(combo) == ["", "%"] and not combo.isEditable()
    pick(combo, "%")
    row = indicator(window, satisfaction)
    assert row.target == Target(comparator=">=", number=Decimal(95), unit="%") and row.value == "≥95%"
    assert model.data(model.index(satisfaction, model.keys.index("number"))) == "95"

    # 权重: a spin box.
    edit(window, satisfaction, "weight")
    spin = editor(window, WeightSpin)
    spin.setValue(10)
    spin.editingFinished.emit()
    assert indicator(window, satisfaction).weight == Decimal(10)

    # 指标方向性: 正向/反向.
    edit(window, satisfaction, "direction")
    combo = editor(window, QComboBox)
    assert items(combo) == ["", "正向指标", "反向指标"]
    pick(combo, "正向指标")
    assert indicator(window, satisfaction).direction == "positive"
    assert stack.count() == 5  # one undo step per editor

    # 时效: dates and durations only; 效益: 定性 allowed.
    time_row = row_of(window, "时效指标")
    edit(window, time_row, "unit")
    assert {"日期", "天", "月", "年"} <= set(items(editor(window, QComboBox)))
    window.pages.project.table.itemDelegate().closeEditor.emit(
        editor(window, QComboBox), QAbstractItemDelegate.EndEditHint.NoHint
    )
    edit(window, row_of(window, "经济效益指标"), "comparator")
    assert "定性" in items(editor(window, QComboBox))

    stack.undo()
    assert indicator(window, satisfaction).direction is None
    while stack.canUndo():
        stack.undo()
    assert indicator(window, satisfaction).target is None and indicator(window, satisfaction).value == ""


def test_a_weight_typed_as_words_is_refused_with_a_message(window: MainWindow, prompts: Any) -> None:
    new_window(window, prompts, "national-2021")
    rejected: list[str] = []
    document = window.context.document
    assert document is not None
    document.editRejected.connect(rejected.append)
    model = model_of(window)
    assert model.labels[-2:] == ["分值", "指标解释"]
    assert not model.set_cell(model.index(0, model.keys.index("weight")), "十分", None)
    assert rejected and "权重" in rejected[0] and document.undo_stack.count() == 0


def test_hunan_period_values_are_typed_as_text_in_one_step(window: MainWindow, prompts: Any) -> None:
    new_window(window, prompts, "hunan-2022", 2022)
    model = model_of(window)
    assert model.labels[3:] == ["实施期指标值及单位", "本年度指标值及单位", "绩效标准"]
    first = 0
    edit(window, first, "period.value")
    text_editor = editor(window, QPlainTextEdit)
    for part in ("三年累计", "完成", "≥300场"):
        commit_ime(text_editor, part)
    QTest.keyClick(text_editor, Qt.Key.Key_Return)
    row = indicator(window, first)
    assert row.period is not None and row.period.value == "三年累计完成≥300场"
    document = window.context.document
    assert document is not None and document.undo_stack.count() == 1  # the session merged
    edit(window, first, "basis")
    combo = editor(window, QComboBox)
    assert items(combo) == ["", "计划标准", "行业标准", "历史标准", "其他标准"]
    pick(combo, "行业标准")
    assert indicator(window, first).basis == "行业标准"


def test_columns_of_another_template_version_are_shown_read_only(
    window: MainWindow, small_file: Path, tmp_path: Path
) -> None:
    booklet = load_booklet(small_file)
    booklet.template_version = "2025.3"
    booklet.departments[0].projects[0].indicators[0].extra = {"备注": "区人大"}
    path = tmp_path / "old.kpi.json"
    save_booklet(booklet, path)
    messages: list[str] = []
    window.context.message.connect(lambda text, _ms: messages.append(text))
    assert window.files.open_file(path)
    assert any("版本 2025.3" in m and "只读" in m for m in messages)
    window.tree.select_path((0, 0))
    model = model_of(window)
    column = model.keys.index("备注")
    assert model.labels[column] == "备注（只读）"
    index = model.index(0, column)
    assert model.data(index) == "区人大"
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "2025.3" in tip and load_template("xiqu-2026").version in tip
    assert not model.set_cell(index, "改", None)
    assert window.context.document is not None and window.context.document.undo_stack.count() == 0


def test_convert_shows_the_report_then_opens_a_new_document(
    opened: MainWindow, small_file: Path, qtbot: Any
) -> None:
    before = small_file.read_bytes()
    file_menu = opened.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == "表样转换(&T)…"]
    action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ConvertDialog)
    assert dialog.isVisible() and dialog.width() >= 900 and dialog.height() >= 500
    dialog.choose("national-2021")
    assert "成本指标单列为一级指标" in dialog.description.text()
    summary = dialog.view.summary_label.text()
    assert summary.startswith("表样 xiqu-2026 → national-2021：") and "待核对" in summary
    assert dialog.view.check_table.lines.rowCount() > 0
    qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
    document = opened.context.document
    assert document is not None and document.template.id == "national-2021"
    assert document.path is None and document.suggested_path is not None
    assert document.suggested_path.name == "xiqu-2026-small-national-2021.kpi.json"
    assert small_file.read_bytes() == before  # the open file was left as it was
    assert opened.files.convert_report is not None and opened.files.convert_report.isVisible()
    opened.tree.select_path((0, 0))
    model = model_of(opened)
    assert model.labels[3:] == ["指标性质", "指标值", "度量单位", "分值", "指标解释"]
    assert model.data(model.index(0, 0)) == "成本指标"  # its rows in the new form's order


def test_the_forms_text_rows_are_fields_of_the_project_page(window: MainWindow, prompts: Any) -> None:
    new_window(window, prompts, "hunan-2022", 2022)
    page = window.pages.project
    assert list(page.text_edits) == ["period_goal", "goal", "review_opinion"]
    label, goal = page.text_edits["goal"]
    assert label.text() == "本年度绩效目标" and goal.isVisible()
    goal.setFocus()
    for part in ("完成", "全年", "演出任务"):
        commit_ime(goal, part)
    document = window.context.document
    assert document is not None
    project = document.booklet.departments[0].projects[0]
    assert project.texts == {"goal": "完成全年演出任务"} and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert project.texts is None and goal.toPlainText() == ""  # a file that never had one saves as before
    # Another form has other rows; the 西区 form has none.
    prompts.new_choice = NewBooklet("xiqu-2026", 2026)
    assert window.files.new_file()
    assert window.pages.project.text_edits == {}

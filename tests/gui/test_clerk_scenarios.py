"""End-to-end scenarios a budget clerk and a reviewer go through, on the real MainWindow."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from kpi_editor.gui.main_window import DEPARTMENT, MainWindow
from kpi_editor.io.projectfile import dumps_booklet


def type_text(widget: Any, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def snapshot(window: MainWindow) -> str:
    assert window.document is not None
    return dumps_booklet(window.document.booklet)


def test_fill_totals_button_in_review_mode_is_refused_not_raised(opened: MainWindow, qtbot: Any) -> None:
    """The 由分项计算 button on the project page must not change content (nor raise) in review mode."""
    opened.select_path((0, 0))
    before = snapshot(opened)
    opened.review.review_action.setChecked(True)
    button = opened.project_page.child(QAbstractButton, "fillTotalsButton")
    if button.isEnabled():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert snapshot(opened) == before
    assert opened.document is not None
    stack = opened.document.undo_stack
    assert stack.count() == 0 and stack.isClean()
    # No macro left open: a later edit outside review mode is its own step.
    opened.review.review_action.setChecked(False)
    opened.add_department()
    assert stack.count() == 1


def test_structure_buttons_in_review_mode_change_nothing(opened: MainWindow, qtbot: Any) -> None:
    """Buttons on the department and booklet pages are content edits too."""
    assert opened.document is not None
    before = snapshot(opened)
    opened.select_path((1,))
    assert opened.pages.currentIndex() == DEPARTMENT
    opened.review.review_action.setChecked(True)
    for name in ("addProjectButton", "moveUpButton", "moveDownButton"):
        button = opened.department_page.child(QAbstractButton, name)
        if button.isEnabled():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert opened.current_path() == (1,), name
    opened.show_booklet_page()
    for name in ("addSectionButton", "removeSectionButton"):
        button = opened.booklet_page.child(QAbstractButton, name)
        if button.isEnabled():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert snapshot(opened) == before
    assert opened.document.undo_stack.count() == 0

"""The English translation really switches the UI (menus, forms, status bar); Chinese is the source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kpi_editor.app.settings import Settings
from kpi_editor.domain.diff import ChangeKind
from kpi_editor.gui.app import install_translators
from kpi_editor.gui.dialogs.settings_dialog import SettingsDialog
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.gui.review.compare import kind_label


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_english_translation_switches_the_window(
    gui_app: Any, qtbot: Any, prompts: Any, sample_file: Path
) -> None:
    chinese = MainWindow(Settings(), prompts)
    qtbot.addWidget(chinese)
    assert menu_titles(chinese)[:2] == ["文件(&F)", "编辑(&E)"]
    translators = install_translators(gui_app, "en")
    try:
        assert translators, "kpi_editor_en.qm did not load"
        english = MainWindow(Settings(language="en"), prompts)
        qtbot.addWidget(english)
        assert menu_titles(english)[:4] == ["&File", "&Edit", "&View", "&Tools"]
        assert (
            english.files.welcome.findChild(QPushButton, "sampleButton").text() == "Open Sample (Xiqu 2026)"
        )
        assert english.files.open_file(sample_file)
        assert "327 projects" in english.counts.text()
        assert english.findings.severity_combo.itemText(1) == "Errors only"
        # Strings added with the reviewer's side, imports and help.
        assert {"&Review", "&Help"} <= set(menu_titles(english))
        review = english.review
        assert review.review_action.text() == "Review Mode"
        assert review.compare_action.text() == "Compare Versions…"
        status_filter = english.tree.status_filter
        assert status_filter.itemText(0) == "All" and status_filter.itemText(2) == "Approved"
        assert review.panel.add_button.text() == "Add Comment"
        # The review loop's menu, the tree's 审核 column and the 已修改待复审 filter.
        assert review.letters_action.text() == "Write Review Letters…"
        assert review.export_submission_action.text() == "Export Submission File…"
        assert status_filter.itemText(4) == "Changed, to re-review"
        assert english.tree.model is not None
        assert english.tree.model.headerData(3, Qt.Orientation.Horizontal) == "Review"
        assert "Import Booklet Text…" in [a.text() for a in english.menuBar().actions()[0].menu().actions()]
        assert kind_label(ChangeKind.PROJECT_ADDED) == "Project added"
        dialog = SettingsDialog(Settings(), english)
        assert dialog.reviewer_edit.toolTip() == "Name that signs new review comments"
        assert [label.text() for label in dialog.findChildren(QLabel) if label.text() == "Reviewer"]
        english.close()
    finally:
        for translator in translators:
            gui_app.removeTranslator(translator)
    assert MainWindow(Settings(), prompts).menuBar().actions()[0].text() == "文件(&F)"

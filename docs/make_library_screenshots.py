"""Take the indicator library's screenshots (docs/screenshots/) from the real window, on the sample.

Run from the repository root under a virtual screen::

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_library_screenshots.py

Pictures: the 指标库 dock with 培训 typed into its search box (library-panel.png), the 推荐指标
dialog for 党员教育培训经费 with three rows ticked (suggest-dialog.png), and a new project's
skeleton row offering its suggestions under the 三级 cell being typed in (skeleton-suggestions.png).
Settings, autosaves and the personal library go to a throwaway folder.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
TRAINING = (3, 1)  # 党员教育培训经费


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kpi-library-shots-"))
    os.environ["KPI_EDITOR_CONFIG_DIR"] = str(scratch / "config")
    os.environ["KPI_EDITOR_STATE_DIR"] = str(scratch / "state")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from kpi_editor.app.settings import Settings
    from kpi_editor.gui.app import create_application
    from kpi_editor.gui.main_window import MainWindow
    from kpi_editor.paths import sample_path

    app = create_application(["kpi-editor"], Settings())  # noqa: F841  # kept alive for the whole run
    SHOTS.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 250) -> None:
        QTest.qWait(ms)

    def grab(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(SHOTS / name))
        print(f"docs/screenshots/{name}")

    def commit(widget: QWidget, text: str) -> None:
        event = QInputMethodEvent()
        event.setCommitString(text)  # what a pinyin input method sends
        QApplication.sendEvent(widget, event)

    sample = scratch / "xiqu-2026.kpi.json"
    shutil.copyfile(sample_path(), sample)
    window = MainWindow(Settings())
    window.resize(1500, 900)
    window.show()
    assert window.files.open_file(sample)
    window.tree.select_path(TRAINING)
    library = window.library
    library.toggle_action.trigger()
    window.resizeDocks([library.dock], [460], Qt.Orientation.Horizontal)
    while library.store.loading:
        settle(50)
    panel = library.panel
    panel.search_edit.setFocus()
    commit(panel.search_edit, "培训")
    panel.view.setCurrentIndex(panel.model.index(1))
    grab(window, "library-panel.png")

    dialog = library.suggest()
    assert dialog is not None
    settle()
    for number in range(3):
        head = dialog.tree.topLevelItem(number)
        if head is not None and head.childCount():
            head.child(0).setCheckState(0, Qt.CheckState.Checked)
    grab(dialog, "suggest-dialog.png")
    dialog.reject()

    library.dock.hide()
    window.structure.add_project()
    settle()
    page = window.pages.project
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    commit(page.name_edit, "干部教育培训经费")
    page.select_cell(0, "name")
    QTest.keyClick(page.table, Qt.Key.Key_F2)
    settle()
    commit(page.table.indexWidget(page.table.currentIndex()), "培训")
    grab(page, "skeleton-suggestions.png")

    assert window.context.document is not None
    window.context.document.undo_stack.setClean()
    window.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

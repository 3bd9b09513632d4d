"""Pictures of the editor on other forms: a Sichuan table with its drop-downs, and 表样转换….

Run from the repository root under a virtual screen::

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_form_screenshots.py

The window is the real program on the filled Sichuan table the tests use (tests/forms_filled.py)
and on the bundled sample; settings and autosaves go to a throwaway folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kpi-form-shots-"))
    os.environ["KPI_EDITOR_CONFIG_DIR"] = str(scratch / "config")
    os.environ["KPI_EDITOR_STATE_DIR"] = str(scratch / "state")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from forms_filled import filled_booklet
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QComboBox

    from kpi_editor.app.settings import Settings
    from kpi_editor.gui.app import create_application
    from kpi_editor.gui.dialogs.convert import ConvertDialog
    from kpi_editor.gui.dialogs.prompts import Prompts
    from kpi_editor.gui.main_window import MainWindow
    from kpi_editor.io.projectfile import save_booklet
    from kpi_editor.paths import sample_path

    app = create_application(["kpi-editor"], Settings())  # noqa: F841  # kept alive for the whole run
    window = MainWindow(Settings(), Prompts())
    window.resize(1500, 900)
    window.show()
    QTest.qWait(300)

    sichuan = scratch / "sichuan-2023.kpi.json"
    save_booklet(filled_booklet("sichuan-2023"), sichuan)
    window.files.open_file(sichuan)
    window.tree.select_path((0, 0))
    page = window.pages.project
    model = page.model
    assert model is not None
    index = model.index(6, model.keys.index("unit"))
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    QTest.qWait(200)
    combo = next(c for c in page.table.findChildren(QComboBox) if c.isVisible())
    combo.showPopup()
    QTest.qWait(300)
    target = SHOTS / "forms-sichuan-editor.png"
    window.grab().save(str(target))
    print(target.relative_to(ROOT))
    combo.hidePopup()
    page.table.itemDelegate().closeEditor.emit(combo)

    window.files.open_file(sample_path())
    window.files.convert_file()
    QTest.qWait(300)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ConvertDialog)
    dialog.choose("national-2021")
    QTest.qWait(300)
    target = SHOTS / "forms-convert-dialog.png"
    dialog.grab().save(str(target))
    print(target.relative_to(ROOT))
    dialog.reject()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

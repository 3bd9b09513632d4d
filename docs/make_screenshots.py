"""Take the user guide's pictures and docs/screenshots from the real window.

Run from the repository root under a virtual screen::

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_screenshots.py

Everything shown is the real program on the bundled sample or on a file started the way the
guide says; nothing is drawn by hand. Settings and autosaves go to a throwaway folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "resources" / "guide"
SHOTS = ROOT / "docs" / "screenshots"


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kpi-shots-"))
    os.environ["KPI_EDITOR_CONFIG_DIR"] = str(scratch / "config")
    os.environ["KPI_EDITOR_STATE_DIR"] = str(scratch / "state")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QMimeData, Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from kpi_editor.app.settings import Settings
    from kpi_editor.gui.app import create_application

    app = create_application(["kpi-editor"], Settings())  # noqa: F841  # kept alive for the whole run
    from kpi_editor.gui.dialogs.new_booklet import NewBooklet, NewBookletDialog
    from kpi_editor.gui.dialogs.prompts import Prompts
    from kpi_editor.gui.dialogs.settings_dialog import SettingsDialog
    from kpi_editor.gui.main_window import MainWindow

    GUIDE.mkdir(parents=True, exist_ok=True)
    SHOTS.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 250) -> None:
        QTest.qWait(ms)

    def grab(widget: QWidget, *targets: Path) -> None:
        settle()
        image = widget.grab()
        for target in targets:
            image.save(str(target))
            print(target.relative_to(ROOT))

    def wait_for(ready: Callable[[], bool], ms: int) -> None:
        for _ in range(ms // 20):
            if ready():
                return
            QTest.qWait(20)
        raise TimeoutError("the window did not get there")

    def commit(widget: QWidget, text: str) -> None:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    # 新建: the dialog as a clerk fills it.
    dialog = NewBookletDialog(2027, template_id="xiqu-2026")
    dialog.code_edit.setText("116002")
    dialog.unit_edit.setText("攀枝花市西区社会保险事务中心")
    dialog.show()
    grab(dialog, GUIDE / "new.png", SHOTS / "new-booklet.png")
    dialog.close()

    settings_dialog = SettingsDialog(Settings())
    settings_dialog.show()
    grab(settings_dialog, SHOTS / "settings.png")
    settings_dialog.close()

    # The first project, half filled, with a funding sum that does not add up.
    class Scripted(Prompts):
        def new_booklet(self, template_id: str = "") -> NewBooklet | None:
            return NewBooklet("xiqu-2026", 2027, "116002", "攀枝花市西区社会保险事务中心")

    window = MainWindow(Settings(), Scripted())
    window.context.prompts = Scripted(window)
    window.resize(1440, 900)
    window.show()
    window.activateWindow()
    window.files.new_file()
    page = window.pages.project
    page.name_edit.setText("社会保险经办服务经费")
    ops = window.context.ops
    assert ops is not None
    from decimal import Decimal

    for field, value in (("local", "12.5"), ("superior", "3"), ("carryover", "0"), ("non_fiscal", "0")):
        ops.set_amount((0, 0), field, Decimal(value))
    ops.set_amount((0, 0), "total", Decimal("16"))
    ops.set_field((0, 0), "name", "社会保险经办服务经费")
    for row, name, value in (
        (0, "参保人数", "≥5万人"),
        (1, "经办差错率", "≤1%"),
        (2, "完成时间", "2027年12月31日前"),
    ):
        ops.set_field((0, 0, row), "name", name)
        ops.set_field((0, 0, row), "value", value)
    window.context.document.validate_all()  # type: ignore[union-attr]
    page.set_project(window.context.document.booklet.departments[0].projects[0])  # type: ignore[union-attr]
    view = page.table
    view.setFocus()
    view.setCurrentIndex(page.model.index(3, page.model.keys.index("name")))  # type: ignore[union-attr]
    commit(view, "人均经办成本")
    grab(window, GUIDE / "table.png")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    # Findings: the funding field marked, the finding selected with its quick fix.
    panel = window.findings
    for row in range(panel.sorted_model.rowCount()):
        finding = panel.model.finding(panel.sorted_model.mapToSource(panel.sorted_model.index(row, 0)).row())  # type: ignore[union-attr]
        if finding.rule.startswith("funding."):
            panel.view.setCurrentIndex(panel.sorted_model.index(row, 0))
            break
    page.amounts["total"].setFocus()
    grab(window, GUIDE / "findings.png", SHOTS / "funding-marked.png")

    # Rows pasted from Excel land in their blocks.
    data = QMimeData()
    data.setText(
        "项目完成\t数量指标\t经办业务量\t≥10万笔\r\n项目效益\t社会效益指标\t参保群众办事时间\t较上年缩短10%\r\n"
    )
    page.table.setFocus()
    page.paste_rows(data)
    grab(window, GUIDE / "paste.png")

    # The check before export.
    box = QMessageBox(
        QMessageBox.Icon.Warning, "导出前检查", "要导出的表中还有 3 个错误和警告，财政局审核时会问到或退回。"
    )
    box.setInformativeText("建议先查看并改正这些问题。")
    box.addButton("查看问题", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("仍然导出", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.show()
    grab(box, GUIDE / "export-check.png")
    box.close()

    # The whole sample, as a reviewer or the bureau opens it.
    window.context.document.undo_stack.setClean()  # type: ignore[union-attr]
    from kpi_editor.paths import sample_path

    window.files.open_file(sample_path())
    window.tree.select_path((2, 1))
    grab(window, SHOTS / "main-window.png")

    # 视图 ▸ 实时预览 on the longest table (two pages), then 打印预览 of the booklet laid out two-sided.
    booklet = window.context.document.booklet  # type: ignore[union-attr]
    longest = max(
        ((d, p) for d, department in enumerate(booklet.departments) for p in range(len(department.projects))),
        key=lambda dp: len(booklet.departments[dp[0]].projects[dp[1]].indicators),
    )
    window.printing.dock.show()
    window.resizeDocks([window.printing.dock], [520], Qt.Orientation.Horizontal)
    window.tree.select_path(longest)
    wait_for(lambda: bool(window.printing.live.view.images), 30_000)
    grab(window, SHOTS / "live-preview.png")
    window.printing.dock.hide()
    window.tree.select_path(())
    window.printing.duplex = "front"
    window.printing.preview_action.trigger()
    wait_for(lambda: window.printing.dialog is not None and window.printing.dialog.isVisible(), 60_000)
    preview = window.printing.dialog
    assert preview is not None
    preview.resize(1280, 860)
    preview.go_to(11)
    preview.set_zoom("page")
    grab(preview, SHOTS / "print-preview.png")
    preview.close()

    window.context.document.undo_stack.setClean()  # type: ignore[union-attr]
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""帮助 ▸ 使用说明: the short user guide (``resources/guide/guide.md`` with its pictures)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kpi_editor.paths import resource_dir


def guide_path() -> QUrl:
    return QUrl.fromLocalFile(str(resource_dir() / "guide" / "guide.md"))


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.resize(900, 720)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(resource_dir() / "guide")])
        self.browser.setSource(guide_path())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

"""视图 ▸ 放大 / 缩小 / 实际大小 and the 界面字号 setting: the whole window's text size.

The UI font is the settings' 界面字号 times the zoom; both are remembered. In the indicator table
and the tree Ctrl+- is 删除行 (Excel's and WPS's habit), so there 缩小 yields the key to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext

STEPS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)


class Zoom(QObject):
    def __init__(self, context: EditorContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.zoom_in_action = make_action(
            self, self.tr("放大"), lambda: self.step(1), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        )
        self.zoom_out_action = make_action(self, self.tr("缩小"), lambda: self.step(-1), "Ctrl+-")
        self.reset_action = make_action(self, self.tr("实际大小"), self.reset, "Ctrl+0")
        self.actions = [self.zoom_in_action, self.zoom_out_action, self.reset_action]
        self._yield_to: Sequence[QWidget] = ()
        context.settingsChanged.connect(self.apply)
        self.apply()

    @property
    def percent(self) -> int:
        return self.context.settings.zoom_percent

    def point_size(self) -> float:
        return self.context.settings.ui_font_size * self.percent / 100

    def apply(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        font = app.font()
        font.setPointSizeF(self.point_size())
        app.setFont(font)
        self.window.setFont(font)

    def set_percent(self, percent: int) -> None:
        percent = max(STEPS[0], min(STEPS[-1], percent))
        if percent != self.percent:
            self.context.settings.zoom_percent = percent
            self.apply()
            self.context.show_message(self.tr("缩放 {percent}%").format(percent=percent), 2000)

    def step(self, direction: int) -> None:
        current = self.percent
        if direction > 0:
            self.set_percent(next((s for s in STEPS if s > current), STEPS[-1]))
        else:
            self.set_percent(next((s for s in reversed(STEPS) if s < current), STEPS[0]))

    def reset(self) -> None:
        self.set_percent(100)

    def yield_ctrl_minus_to(self, widgets: Sequence[QWidget]) -> None:
        """While one of `widgets` has focus, Ctrl+- is theirs (删除行), not 缩小's."""
        self._yield_to = widgets
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = new is not None and any(w is new or w.isAncestorOf(new) for w in self._yield_to)
        self.zoom_out_action.setShortcut(QKeySequence() if inside else QKeySequence("Ctrl+-"))

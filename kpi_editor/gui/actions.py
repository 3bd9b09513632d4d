"""One way to make a menu action bound to a feature's method."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], Any],
    shortcut: Shortcut | list[Shortcut] = "",
    *,
    tip: str = "",
    local: bool = False,
) -> QAction:
    """An action calling `slot()`; `local` keeps the shortcut to the widget the action is added to
    (and its children), so a table and the tree can each own Ctrl+C."""
    action = QAction(text, parent)
    shortcuts = shortcut if isinstance(shortcut, list) else [shortcut] if shortcut else []
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if local:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action

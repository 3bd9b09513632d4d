"""Static layouts drawn in Qt Designer (``forms/*.ui``), loaded at run time with QUiLoader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QWidget

from kpi_editor.gui.widgets import AmountEdit
from kpi_editor.paths import resource_dir

W = TypeVar("W", bound=QObject)


def forms_dir() -> Path:
    # forms/ sits next to resources/ both in a checkout and in a frozen bundle.
    return resource_dir().parent / "forms"


def load_form(name: str, parent: QWidget | None = None, custom: Sequence[type[QWidget]] = ()) -> QWidget:
    """Build the widget tree of ``forms/<name>.ui``; strings go through the installed translators.
    `custom` are the form's own widget classes (besides the shared AmountEdit)."""
    loader = QUiLoader()
    for kind in (AmountEdit, *custom):
        loader.registerCustomWidget(kind)
    file = QFile(str(forms_dir() / f"{name}.ui"))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"界面文件缺失：{file.fileName()}")
    try:
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"界面文件无法加载：{file.fileName()}：{loader.errorString()}")
    if isinstance(widget, QDialog):
        # Loaded into a dialog, a QDialog root is a second, hidden window: the dialog shows as an
        # empty 22×22 box. Forms have a QWidget root; the dialog class wraps it.
        widget.deleteLater()
        raise RuntimeError(f"界面文件的根控件不能是 QDialog：{file.fileName()}")
    return widget


def child(root: QObject, kind: type[W], name: str) -> W:
    """The widget `name` of a loaded form, typed; a form missing it is a build error, not None."""
    widget = root.findChild(kind, name)
    if widget is None:
        raise LookupError(f"界面文件缺少控件 {name}（{kind.__name__}）")
    return widget

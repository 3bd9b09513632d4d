"""Severity and item icons, SVG files in ``resources/icons``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from kpi_editor.paths import resource_dir


@cache
def icon(name: str) -> QIcon:
    path = resource_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path))


def severity_icon(severity: str) -> QIcon:
    return icon({"error": "error", "warning": "warning"}.get(str(severity), "info"))


@cache
def app_icon() -> QIcon:
    """The application's own icon (drawn for the packaged app), not a placeholder."""
    return QIcon(str(resource_dir() / "icons" / "kpi-editor.svg"))

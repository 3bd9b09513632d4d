"""Where the bundled resources live: next to the package in a checkout, inside a frozen bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resource_dir() -> Path:
    override = os.environ.get("KPI_EDITOR_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_path() -> Path:
    """The bundled sample booklet (the 2026 西区 corpus converted to a project file)."""
    return resource_dir() / "samples" / "xiqu-2026.kpi.json"

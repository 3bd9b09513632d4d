"""User settings and per-user directories (platformdirs): recent files, geometry, language, PDF font,
reviewer name.

Stored as one small JSON file in the config dir rather than QSettings so that tests and support
staff can read it, and so that a corrupt file is replaced by defaults instead of crashing the app.
``KPI_EDITOR_CONFIG_DIR`` / ``KPI_EDITOR_STATE_DIR`` override the directories (tests, portable use).
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kpi_editor.io.atomic import write_atomic

APP_NAME = "kpi-editor"
MAX_RECENT = 10

Language = Literal["zh_CN", "en"]
# auto: the system's Song/Hei faces (SimSun/SimHei on Windows), else the bundled ones.
PdfFont = Literal["auto", "uming", "wqy-microhei"]


def config_dir() -> Path:
    override = os.environ.get("KPI_EDITOR_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    override = os.environ.get("KPI_EDITOR_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    recent_files: list[str] = Field(default_factory=list)
    last_file: str | None = None
    geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    language: Language = "zh_CN"
    pdf_font: PdfFont = "auto"
    autosave_delay_s: int = Field(default=3, ge=1, le=600)  # after the last edit
    ui_font_size: int = Field(default=10, ge=8, le=24)  # points
    zoom_percent: int = Field(default=100, ge=50, le=300)
    last_template: str = "xiqu-2026"  # 新建 offers the form the clerk used last
    reviewer_name: str = ""  # 审核人 signed on new comments; empty: the OS user name

    @staticmethod
    def path() -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            return cls.model_validate_json(cls.path().read_bytes())
        except (OSError, ValidationError, ValueError):
            # A missing or damaged settings file must never stop the editor from starting.
            return cls()

    def save(self) -> None:
        target = self.path()
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(self.model_dump(), ensure_ascii=False, indent=2).encode("utf-8"))

    def comment_author(self) -> str:
        """Who new review comments are signed by: the 审核人 set in the settings, else the OS user."""
        return self.reviewer_name.strip() or os_user_name()

    def add_recent(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]
        self.last_file = text


def os_user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return ""

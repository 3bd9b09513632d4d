"""Autosave and crash recovery: the unsaved state of a document, kept in the state folder.

An autosave is a project file plus a small meta file (which file it belongs to, when it was
written) and a lock its editor holds while it runs: an autosave whose lock is free was left by an
editor that is no longer running (a crash), and is offered back.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile

from kpi_editor.app.locks import path_key
from kpi_editor.app.settings import state_dir
from kpi_editor.domain.model import Booklet
from kpi_editor.io import projectfile
from kpi_editor.io.atomic import write_atomic


@dataclass(frozen=True)
class AutosaveInfo:
    data_path: Path  # the autosaved booklet
    meta_path: Path
    original: Path | None  # the file the user was editing, None for an unsaved new booklet
    saved_at: str


def autosave_dir() -> Path:
    return state_dir() / "autosave"


def find_recoverable() -> list[AutosaveInfo]:
    """Autosaves left behind by an instance that is no longer running (a crash)."""
    directory = autosave_dir()
    if not directory.is_dir():
        return []
    result = []
    for meta_path in sorted(directory.glob("*.meta.json")):
        key = meta_path.name.removesuffix(".meta.json")
        lock = QLockFile(str(directory / f"{key}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # its editor is still running
        lock.unlock()
        data_path = directory / f"{key}.kpi.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if not data_path.exists():
            meta_path.unlink(missing_ok=True)
            continue
        original = meta.get("original")
        result.append(
            AutosaveInfo(
                data_path, meta_path, Path(original) if original else None, str(meta.get("saved_at", ""))
            )
        )
    return result


def discard_autosave(info: AutosaveInfo) -> None:
    info.data_path.unlink(missing_ok=True)
    info.meta_path.unlink(missing_ok=True)


class Autosave:
    """The autosave files of one open document."""

    def __init__(self, path: Path | None, owner: object) -> None:
        self._lock: QLockFile | None = None
        self.follow(path, owner)

    def follow(self, path: Path | None, owner: object) -> None:
        """Name the autosave after `path` (the document was saved under a new name)."""
        self.discard()
        self._key = path_key(path) if path else f"new-{os.getpid()}-{id(owner):x}"

    def paths(self) -> tuple[Path, Path, Path]:
        directory = autosave_dir()
        key = self._key
        return directory / f"{key}.kpi.json", directory / f"{key}.meta.json", directory / f"{key}.lock"

    def write(self, booklet: Booklet, original: Path | None) -> Path:
        data_path, meta_path, lock_path = self.paths()
        data_path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            self._lock = QLockFile(str(lock_path))
            self._lock.setStaleLockTime(0)
            self._lock.tryLock(0)
        projectfile.save_booklet(booklet, data_path, backup=False)
        meta = {
            "original": str(original.resolve()) if original else None,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
        }
        write_atomic(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        return data_path

    def discard(self) -> None:
        if not hasattr(self, "_key"):
            return
        data_path, meta_path, _lock = self.paths()
        data_path.unlink(missing_ok=True)
        meta_path.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

"""Autosave and crash recovery: the unsaved state of a document, kept in the state folder.

Every running editor is an *instance* (its pid and start time) and holds a lock named after it
for as long as it runs; each document it has open autosaves under the instance's name, a few
seconds after the last edit. Nothing one instance writes can overwrite another's: a second editor
opening the same file after a crash autosaves beside the crashed one, never over it. An autosave
whose instance lock is free was left by an editor that is no longer running, and is offered back
(恢复 / 丢弃 / 以后再说) whenever its file is opened, by any route, and at start-up.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLockFile

from kpi_editor.app.settings import state_dir
from kpi_editor.domain.model import Booklet
from kpi_editor.io import projectfile
from kpi_editor.io.atomic import write_atomic

_DATA = ".kpi.json"
_META = ".meta.json"
_documents = itertools.count(1)


@dataclass(frozen=True)
class AutosaveInfo:
    data_path: Path  # the autosaved booklet
    meta_path: Path
    original: Path | None  # the file the user was editing, None for an unsaved new booklet
    saved_at: str  # ISO 8601, local time with offset

    @property
    def saved_at_text(self) -> str:
        """The time in the local Chinese form a clerk reads: 2026年12月1日 10:15:32."""
        try:
            moment = datetime.fromisoformat(self.saved_at)
        except ValueError:
            return self.saved_at or "时间不明"
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M:%S}"


def autosave_dir() -> Path:
    return state_dir() / "autosave"


@cache
def instance_name() -> str:
    """This running editor: pid and start time, so a reused pid is another instance."""
    return f"{os.getpid()}-{int(time.time() * 1000):x}"


class _InstanceLock:
    """Held from the first autosave until the process ends; a crash frees it."""

    lock: QLockFile | None = None

    @classmethod
    def hold(cls) -> None:
        if cls.lock is None:
            directory = autosave_dir()
            directory.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(directory / f"{instance_name()}.lock"))
            lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
            lock.tryLock(0)
            cls.lock = lock


def _instance_of(key: str) -> str:
    return key.rsplit("-", 1)[0]


def _instance_running(instance: str) -> bool:
    if instance == instance_name():
        return True
    lock = QLockFile(str(autosave_dir() / f"{instance}.lock"))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True


def find_recoverable(original: Path | None = None) -> list[AutosaveInfo]:
    """Autosaves left behind by editors that are no longer running, newest first; only those of
    `original` when it is given."""
    directory = autosave_dir()
    if not directory.is_dir():
        return []
    wanted = original.resolve() if original is not None else None
    running: dict[str, bool] = {}
    result = []
    for meta_path in directory.glob(f"*{_META}"):
        key = meta_path.name.removesuffix(_META)
        instance = _instance_of(key)
        if instance not in running:
            running[instance] = _instance_running(instance)
        if running[instance]:
            continue
        data_path = directory / f"{key}{_DATA}"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if not data_path.exists() or not isinstance(meta, dict):
            meta_path.unlink(missing_ok=True)
            continue
        path = meta.get("original")
        info = AutosaveInfo(
            data_path, meta_path, Path(path) if isinstance(path, str) else None, str(meta.get("saved_at", ""))
        )
        if wanted is None or info.original == wanted:
            result.append(info)
    result.sort(key=lambda info: info.saved_at, reverse=True)
    return result


def discard_autosave(info: AutosaveInfo) -> None:
    info.data_path.unlink(missing_ok=True)
    info.meta_path.unlink(missing_ok=True)


class Autosave:
    """The autosave files of one open document, named after this instance."""

    def __init__(self) -> None:
        self._key = f"{instance_name()}-{next(_documents)}"

    def paths(self) -> tuple[Path, Path]:
        directory = autosave_dir()
        return directory / f"{self._key}{_DATA}", directory / f"{self._key}{_META}"

    def write(self, booklet: Booklet, original: Path | None) -> Path:
        _InstanceLock.hold()
        data_path, meta_path = self.paths()
        projectfile.save_booklet(booklet, data_path, backup=False)
        meta = {
            "original": str(original.resolve()) if original else None,
            "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        write_atomic(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        return data_path

    def discard(self) -> None:
        data_path, meta_path = self.paths()
        data_path.unlink(missing_ok=True)
        meta_path.unlink(missing_ok=True)

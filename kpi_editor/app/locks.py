"""The "open in an editor" lock: a second instance opening the same file is warned, not silent."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile

from kpi_editor.app.settings import state_dir


def path_key(path: Path) -> str:
    """A short stable name for a file's resolved path (lock and autosave file names)."""
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


class FileLock:
    """Marks a file as open in this process so that a second instance can warn ("already open")."""

    def __init__(self, path: Path) -> None:
        lock_dir = state_dir() / "locks"
        lock_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(lock_dir / f"{path_key(path)}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age

    def acquire(self) -> bool:
        return bool(self._lock.tryLock(0))

    def owner_pid(self) -> int | None:
        # PySide6 returns (pid, hostname, appname); pid is 0 when the file cannot be read.
        info = self._lock.getLockInfo()
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) or None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def lock_owner(path: Path) -> int | None:
    """The pid of another live process that has `path` open, or ``None``."""
    probe = FileLock(path)
    if probe.acquire():
        probe.release()
        return None
    return probe.owner_pid() or -1

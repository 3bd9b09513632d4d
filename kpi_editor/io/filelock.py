"""One writer at a time per file, across processes: an OS lock on a small lock file beside it.

Two ``kpi merge`` runs into the same booklet each read it, add their unit and save: without a
lock the second save silently drops the first run's unit. Holding :func:`file_lock` around the
read-modify-write serialises them; every atomic write takes the same lock, so a save from the
editor waits for a merge in progress (and the other way round).

The lock is ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows, taken on
``.~kpi-<hash>.lock`` in the file's folder. The system releases it when its process dies, so a
crashed writer never leaves a lock that has to be guessed stale; the file itself only names the
holder (pid, host, time) for the message a waiting writer gives up with. The lock is re-entrant
within a thread (a merge holds it, then saves through the atomic writer, which takes it again).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

LOCK_PREFIX = ".~kpi-"
LOCK_SUFFIX = ".lock"
DEFAULT_TIMEOUT = 10.0
_POLL = 0.05
# Windows locks a byte range and refuses reads inside it: lock a byte past what the file holds.
_LOCKED_OFFSET = 1 << 20

_FOLDER_ERRORS = {
    errno.ENOENT: "文件夹不存在",
    errno.EACCES: "没有在该文件夹中写入的权限",
    errno.EPERM: "没有在该文件夹中写入的权限",
    errno.EROFS: "文件夹所在的磁盘是只读的",
    errno.ENOSPC: "磁盘已满",
}

_held: dict[tuple[str, int], int] = {}
_held_guard = threading.Lock()


class FileLockedError(OSError):
    """Another process is writing the file; raised after waiting `timeout` seconds."""


def lock_path_for(target: Path) -> Path:
    """The lock file of `target` (the real file, links followed): short whatever the name's length."""
    real = Path(os.path.realpath(target))
    digest = hashlib.sha256(os.fsencode(real.name)).hexdigest()[:16]
    return real.parent / f"{LOCK_PREFIX}{digest}{LOCK_SUFFIX}"


@contextmanager
def file_lock(target: str | os.PathLike[str], timeout: float = DEFAULT_TIMEOUT) -> Iterator[None]:
    """Hold the write lock of `target`, waiting up to `timeout` seconds for another writer."""
    path = lock_path_for(Path(target))
    key = (os.path.normcase(str(path)), threading.get_ident())
    with _held_guard:
        depth = _held.get(key, 0)
        if depth:
            _held[key] = depth + 1
    if depth:
        try:
            yield
        finally:
            with _held_guard:
                _held[key] -= 1
        return
    fd = _acquire(path, Path(target), timeout)
    with _held_guard:
        _held[key] = 1
    try:
        yield
    finally:
        with _held_guard:
            del _held[key]
        _release(fd, path)


def lock_file_is_free(path: Path) -> bool:
    """Whether no process holds the lock file at `path` (for sweeping abandoned ones)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        if _try_lock(fd):
            _unlock(fd)
            return True
        return False
    finally:
        os.close(fd)


def _acquire(path: Path, target: Path, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            # Name the file the user chose, not the lock file, and say why in Chinese.
            why = _FOLDER_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))
            raise type(exc)(exc.errno, why, str(target)) from None
        try:
            if _try_lock(fd):
                # The holder before us may have removed the file after unlocking it: a lock on a
                # file no longer at `path` guards nothing. Try again on the file now there.
                if _same_file(fd, path):
                    _write_holder(fd)
                    return fd
                _unlock(fd)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if time.monotonic() >= deadline:
            raise FileLockedError(
                errno.EBUSY,
                f"文件正被另一个程序写入（{_holder(path)}），等待 {timeout:g} 秒后仍未结束；请稍后再试",
                str(target),
            )
        time.sleep(_POLL)


def _release(fd: int, path: Path) -> None:
    try:
        if os.name == "posix":
            # Removed while still locked: a waiter that opened it sees another file and retries.
            with suppress(OSError):
                os.unlink(path)
        _unlock(fd)
    finally:
        os.close(fd)
    if os.name != "posix":
        # Windows cannot remove an open file; another process holding it open keeps it, harmlessly.
        with suppress(OSError):
            os.unlink(path)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _write_holder(fd: int) -> None:
    holder = {"pid": os.getpid(), "host": socket.gethostname(), "time": time.time()}
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, json.dumps(holder).encode("utf-8"))


def _holder(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read(4096).decode("utf-8"))
        return f"进程 {int(data['pid'])}，主机 {str(data['host'])[:64]}"
    except (OSError, ValueError, KeyError, TypeError):
        return "另一个进程"


if os.name == "posix":
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]

"""Atomic file output: a temporary file beside the target, fsync, then ``os.replace``.

Every file we write for a user (project files, PDF, XLSX, reports) goes through here, so a
failed, cancelled or killed write never leaves a half-written file or costs the previous version:

* the data goes to a temporary file with a short name of our own (``.~kpi-xxxxxxxx.tmp``, 18
  bytes), so a name of 250 bytes — 82 Chinese characters, which the system accepts — still has
  room for it; it is removed on every failure path, and :func:`sweep_temporaries` removes those a
  killed process left behind;
* the previous version becomes ``<name>.bak`` by a hard link (no byte is copied; where the file
  system has no hard links, by a copy into another temporary file), and the ``.bak`` is only
  replaced after the new file is in place: a failed save leaves the file and its ``.bak`` exactly
  as they were, and no reader ever sees a half-written ``.bak``;
* a symbolic link is followed: the real file is updated and the link kept;
* a read-only file is refused (``ReadOnlyFileError``) instead of being replaced behind its back;
* writers of one file are serialised with an OS lock (``kpi_editor.io.filelock``).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from kpi_editor.io.filelock import LOCK_PREFIX, LOCK_SUFFIX, file_lock, lock_file_is_free

BACKUP_SUFFIX = ".bak"
TEMP_PREFIX = ".~kpi-"
TEMP_SUFFIX = ".tmp"
# What sweep_temporaries removes: our temporary names, and the ``.<name>.xxxxxxxx.part`` names
# of earlier versions (tempfile's 8 random characters).
_TEMP_NAME = re.compile(r"\.~kpi-[a-z0-9_]{8}\.tmp")
_OLD_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.part", re.DOTALL)
_LOCK_NAME = re.compile(re.escape(LOCK_PREFIX) + r"[0-9a-f]{16}" + re.escape(LOCK_SUFFIX))
STALE_AFTER = 3600.0  # seconds: no save takes an hour, so an older temporary file is abandoned
NAME_MAX = 255  # bytes of one file name on every system we run on


class ReadOnlyFileError(PermissionError):
    """The file to be replaced is marked read-only; nothing was written."""


@contextmanager
def atomic_output(target: Path, *, backup: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `target` only when the block finishes without error.

    With `backup`, the previous file is kept as ``<name>.bak`` (see :func:`backup_path`). On any
    exception (including a cancelled export) the temporary files are removed and `target` and its
    ``.bak`` are left as they were.
    """
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    directory = real.parent
    # Name the file the user chose, not our temporary one, when the place cannot take it.
    if not directory.is_dir():
        raise FileNotFoundError(errno.ENOENT, "文件夹不存在", str(target))
    if real.is_dir():
        raise IsADirectoryError(errno.EISDIR, "这是一个文件夹，请给出文件名", str(target))
    with file_lock(real):
        old = _existing(real)
        if old is not None and not old.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise ReadOnlyFileError(
                errno.EACCES,
                "文件是只读的，未保存；请另存为其他文件名，或先取消文件的“只读”属性",
                str(target),
            )
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=directory)
        staged_backup: str | None = None
        try:
            # mkstemp creates 0600; keep the old file's mode, or what a plain open() would give.
            os.chmod(tmp_name, old.st_mode & 0o7777 if old is not None else _default_mode())
            with os.fdopen(fd, "wb") as handle:
                fd = -1
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            if backup and old is not None:
                staged_backup = _stage_backup(real, directory)
            os.replace(tmp_name, real)
        except BaseException as exc:
            if fd >= 0:
                os.close(fd)
            Path(tmp_name).unlink(missing_ok=True)
            if staged_backup is not None:
                Path(staged_backup).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                _name_the_target(exc, target)
            raise
        if staged_backup is not None:
            try:
                os.replace(staged_backup, backup_path(real))
            except OSError:
                # The new file is saved; only the previous version could not be kept (the .bak
                # is a folder, say). Keeping the old .bak is better than failing a good save.
                Path(staged_backup).unlink(missing_ok=True)
        _fsync_directory(directory)


# What a write can run into, said the way a clerk can act on it; the old file is always intact.
_WRITE_ERRORS = {
    errno.ENOSPC: "磁盘空间不足，未保存（原有文件保持不变）；请清理磁盘或另存到其他位置",
    errno.EDQUOT: "磁盘配额已满，未保存（原有文件保持不变）；请清理磁盘或另存到其他位置",
    errno.EROFS: "磁盘是只读的，未保存；请另存到其他位置",
    errno.EACCES: "没有写入权限，未保存；请另存到其他位置",
    errno.EPERM: "没有写入权限，未保存；请另存到其他位置",
}


def _name_the_target(exc: OSError, target: Path) -> None:
    """An error from writing our temporary file names the file the user chose, in Chinese."""
    if exc.errno is None:
        return  # not from the system (OSError("…")): its own words are all it has
    if not exc.filename or Path(exc.filename).name.startswith(TEMP_PREFIX):
        exc.filename = str(target)
    if exc.errno in _WRITE_ERRORS and not isinstance(exc, ReadOnlyFileError):
        exc.strerror = _WRITE_ERRORS[exc.errno]


def write_atomic(target: Path, data: bytes, *, backup: bool = False) -> None:
    with atomic_output(target, backup=backup) as handle:
        handle.write(data)


def backup_path(target: Path) -> Path:
    """Where the previous version of `target` is kept: ``<name>.bak`` beside the real file.

    A name already near the system's 255-byte limit is shortened (whole characters) to make room.
    """
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    name = real.name
    room = NAME_MAX - len(BACKUP_SUFFIX)
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return real.with_name(name + BACKUP_SUFFIX)


def sweep_temporaries(folder: Path, *, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove temporary and lock files a killed save left in `folder`; return what was removed.

    Only our own names (``.~kpi-xxxxxxxx.tmp``, ``.<name>.xxxxxxxx.part`` of earlier versions,
    ``.~kpi-<hash>.lock`` no process holds), only regular files (never a link or a folder), and
    only those not modified for `older_than` seconds, so a save in progress in another window is
    never touched. Errors (a file in use, no permission) leave the file where it is.
    """
    removed: list[Path] = []
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        ours = _TEMP_NAME.fullmatch(name) or _OLD_TEMP_NAME.fullmatch(name)
        lock = _LOCK_NAME.fullmatch(name)
        if not (ours or lock):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_mtime > cutoff:
            continue
        path = Path(entry.path)
        if lock and not lock_file_is_free(path):
            continue
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _stage_backup(real: Path, directory: Path) -> str:
    """The current file under a temporary name: a hard link, or a full copy where links fail."""
    while True:
        name = str(directory / f"{TEMP_PREFIX}{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            os.link(real, name)
            return name
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links here (FAT, some network shares): copy instead
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as out, open(real, "rb") as source:
            shutil.copyfileobj(source, out)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(real, name)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return name


def _existing(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open directories.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

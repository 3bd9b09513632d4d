"""Atomic file output: a temporary file beside the target, fsync, then ``os.replace``.

Every file we write for a user (project files, PDF, XLSX, reports) goes through here, so a
failed or cancelled write never leaves a half-written file or loses the previous one.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

BACKUP_SUFFIX = ".bak"


@contextmanager
def atomic_output(target: Path, *, backup: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `target` only when the block finishes without error.

    With `backup`, the previous file is kept as ``<name>.bak``. On any exception (including a
    cancelled export) the temporary file is removed and `target` is left as it was.
    """
    directory = target.parent
    # Name the file the user chose, not our temporary one, when the place cannot take it.
    if not directory.is_dir():
        raise FileNotFoundError(errno.ENOENT, "文件夹不存在", str(target))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "这是一个文件夹，请给出文件名", str(target))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        # mkstemp creates 0600; keep the old file's mode, or what a plain open() would give.
        os.chmod(tmp_name, _mode_for(target))
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if backup and target.exists():
            shutil.copy2(target, target.with_name(target.name + BACKUP_SUFFIX))
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_directory(directory)


def write_atomic(target: Path, data: bytes, *, backup: bool = False) -> None:
    with atomic_output(target, backup=backup) as handle:
        handle.write(data)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
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

"""Saves that never cost the previous version: failures, kills, full disks, links, read-only
files, long names and concurrent writers, with real processes where it matters."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kpi_editor.domain.model import Booklet
from kpi_editor.io import atomic
from kpi_editor.io.atomic import ReadOnlyFileError, backup_path, sweep_temporaries, write_atomic
from kpi_editor.io.filelock import FileLockedError, file_lock, lock_path_for
from kpi_editor.io.projectfile import dumps_booklet, load_booklet, save_booklet

posix_only = pytest.mark.skipif(os.name != "posix", reason="fork and signals")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~kpi-") or p.name.endswith(".part"))


@pytest.fixture
def versions(sample_booklet: Booklet) -> list[bytes]:
    """Three successive versions of a real project file (the sample, then two edits)."""
    out = [dumps_booklet(sample_booklet).encode()]
    for n in range(2):
        sample_booklet.departments[0].projects[0].name += f"（第{n + 2}版）"
        out.append(dumps_booklet(sample_booklet).encode())
    return out


# -- names ------------------------------------------------------------------------------------------


def test_a_250_byte_chinese_name_saves_and_keeps_its_backup(tmp_path: Path, sample_booklet: Booklet) -> None:
    # 82 Chinese characters + .kpi.json: the old ".NAME.xxxxxxxx.part" name exceeded 255 bytes.
    path = tmp_path / ("绩" * 82 + ".kpi")
    assert len(os.fsencode(path.name)) == 250
    save_booklet(sample_booklet, path)
    sample_booklet.title += "（修订）"
    save_booklet(sample_booklet, path)
    assert load_booklet(path).title.endswith("（修订）")
    assert backup_path(path).name == path.name + ".bak"
    assert "（修订）" not in load_booklet(backup_path(path)).title
    assert _leftovers(tmp_path) == []


def test_a_name_at_the_limit_gets_a_shortened_backup(tmp_path: Path, versions: list[bytes]) -> None:
    path = tmp_path / ("表" * 83 + ".kpi.j")  # 249 + 6 = 255 bytes: no room for ".bak"
    assert len(os.fsencode(path.name)) == 255
    write_atomic(path, versions[0])
    write_atomic(path, versions[1], backup=True)
    bak = backup_path(path)
    assert len(os.fsencode(bak.name)) <= 255 and bak.name.endswith(".bak")
    assert bak.read_bytes() == versions[0] and path.read_bytes() == versions[1]


# -- failures ---------------------------------------------------------------------------------------


def _saved_twice(tmp_path: Path, versions: list[bytes]) -> Path:
    path = tmp_path / "西区.kpi.json"
    write_atomic(path, versions[0])
    write_atomic(path, versions[1], backup=True)
    return path


def test_a_failed_save_leaves_the_file_and_its_backup_byte_identical(
    tmp_path: Path, versions: list[bytes]
) -> None:
    path = _saved_twice(tmp_path, versions)
    with pytest.raises(RuntimeError), atomic.atomic_output(path, backup=True) as handle:
        handle.write(versions[2][:1000])
        raise RuntimeError("serialisation failed half-way")
    assert path.read_bytes() == versions[1] and backup_path(path).read_bytes() == versions[0]
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("where", ["write", "fsync", "link", "replace"])
def test_a_full_disk_at_any_step_costs_nothing(
    tmp_path: Path, versions: list[bytes], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = _saved_twice(tmp_path, versions)
    full = OSError(errno.ENOSPC, "No space left on device")

    def fail(*args: object, **kwargs: object) -> None:
        raise full

    if where == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, handle: object) -> None:
                self.handle = handle

            def __enter__(self) -> Full:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> None:
                raise full

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    elif where == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", fail)
    elif where == "link":
        # No hard links and no room for the copy of the old file either.
        monkeypatch.setattr(atomic.os, "link", fail)
        monkeypatch.setattr(atomic.shutil, "copyfileobj", fail)
    else:
        monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError, match="磁盘空间不足") as caught:
        write_atomic(path, versions[2], backup=True)
    assert caught.value.filename == str(path)  # the user's file, not our temporary one
    assert path.read_bytes() == versions[1] and backup_path(path).read_bytes() == versions[0]
    assert _leftovers(tmp_path) == []


def test_without_hard_links_the_backup_is_copied_into_a_temporary_file_first(
    tmp_path: Path, versions: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved_twice(tmp_path, versions)
    monkeypatch.setattr(atomic.os, "link", lambda *a: (_ for _ in ()).throw(OSError(errno.EPERM, "no links")))
    write_atomic(path, versions[2], backup=True)
    assert path.read_bytes() == versions[2] and backup_path(path).read_bytes() == versions[1]
    assert _leftovers(tmp_path) == []


def test_the_backup_is_the_old_file_itself_not_a_copy(tmp_path: Path, versions: list[bytes]) -> None:
    path = _saved_twice(tmp_path, versions)
    old_inode = path.stat().st_ino
    write_atomic(path, versions[2], backup=True)
    assert backup_path(path).stat().st_ino == old_inode  # hard-linked, never rewritten in place


@pytest.fixture
def small_disk(tmp_path: Path) -> Path:
    """A real 256 kB file system (tmpfs), where the machine allows mounting one."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here; the simulated full disk above still runs")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_really_full_disk_costs_nothing(small_disk: Path) -> None:
    path = small_disk / "西区.kpi.json"
    first, second = b"1" * 60_000, b"2" * 60_000
    write_atomic(path, first)
    write_atomic(path, second, backup=True)  # the .bak is a hard link: it takes no space
    with pytest.raises(OSError) as caught:
        write_atomic(path, b"3" * 400_000, backup=True)
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(path)
    assert path.read_bytes() == second and backup_path(path).read_bytes() == first
    assert _leftovers(small_disk) == []


@posix_only
def test_kill_9_during_saves_never_damages_the_file_or_its_backup(
    tmp_path: Path, versions: list[bytes]
) -> None:
    path = tmp_path / "西区.kpi.json"
    write_atomic(path, versions[0])
    write_atomic(path, versions[1], backup=True)
    rng = random.Random(7)
    for _ in range(15):
        pid = os.fork()
        if pid == 0:  # the child saves as fast as it can until it is killed
            try:
                n = 0
                while True:
                    write_atomic(path, versions[n % 3], backup=True)
                    n += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.001, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert path.read_bytes() in versions
        assert backup_path(path).read_bytes() in versions
    assert all(
        p.name.startswith(".~kpi-")
        for p in tmp_path.iterdir()
        if p.name not in (path.name, path.name + ".bak")
    )
    # What a killed save leaves behind is ours, and the start-up sweep removes it once it is old.
    for left in tmp_path.glob(".~kpi-*"):
        os.utime(left, (time.time() - 7200, time.time() - 7200))
    sweep_temporaries(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, path.name + ".bak"])


# -- links and read-only files ------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="symlinks need privileges on Windows")
def test_saving_through_a_symlink_updates_the_real_file_and_keeps_the_link(
    tmp_path: Path, versions: list[bytes]
) -> None:
    real_dir = tmp_path / "共享"
    real_dir.mkdir()
    real = real_dir / "西区.kpi.json"
    real.write_bytes(versions[0])
    link = tmp_path / "快捷方式.kpi.json"
    link.symlink_to(real)
    write_atomic(link, versions[1], backup=True)
    assert link.is_symlink() and real.read_bytes() == versions[1]
    assert (real_dir / "西区.kpi.json.bak").read_bytes() == versions[0]
    assert not (tmp_path / "快捷方式.kpi.json.bak").exists()


def test_a_read_only_file_is_refused_with_a_message(tmp_path: Path, versions: list[bytes]) -> None:
    path = tmp_path / "西区.kpi.json"
    path.write_bytes(versions[0])
    path.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyFileError) as caught:
            write_atomic(path, versions[1], backup=True)
        assert caught.value.filename == str(path) and "只读" in str(caught.value.strerror)
        assert path.read_bytes() == versions[0] and not backup_path(path).exists()
        assert _leftovers(tmp_path) == []
    finally:
        path.chmod(0o644)


def test_cli_export_onto_a_full_disk_is_one_line_naming_the_file(small_disk: Path, sample_path: Path) -> None:
    # It said "kpi: ：No space left on device": no file, English.
    (small_disk / "filler").write_bytes(b"x" * 200_000)
    out = small_disk / "导出.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "kpi_editor.cli", "export", str(sample_path), "--xlsx", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == f"kpi: {out}：磁盘空间不足，未保存（原有文件保持不变）；请清理磁盘或另存到其他位置"
    )
    assert not out.exists() and _leftovers(small_disk) == []


def test_cli_refuses_a_read_only_output_on_one_line(tmp_path: Path, sample_path: Path) -> None:
    from kpi_editor.cli import main

    out = tmp_path / "汇编.kpi.json"
    out.write_bytes(sample_path.read_bytes())
    out.chmod(0o444)
    try:
        before = out.read_bytes()
        done = subprocess.run(
            [sys.executable, "-m", "kpi_editor.cli", "merge", str(sample_path), "-o", str(out), "--replace"],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2, done.stderr
        last = done.stderr.strip().splitlines()[-1]
        assert str(out) in last and "只读" in last
        assert out.read_bytes() == before
        assert main is not None
    finally:
        out.chmod(0o644)


# -- the sweep --------------------------------------------------------------------------------------


def test_sweep_removes_only_our_old_temporaries(tmp_path: Path) -> None:
    old = time.time() - 2 * atomic.STALE_AFTER
    ours_old = tmp_path / ".~kpi-abcd1234.tmp"
    legacy_old = tmp_path / ".西区.kpi.json.k3j_9x0a.part"
    ours_new = tmp_path / ".~kpi-ffff0000.tmp"  # a save in progress in another window
    user_file = tmp_path / "~kpi-abcd1234.tmp"  # not ours: no leading dot
    user_other = tmp_path / ".~kpi-abcd1234.tmp.txt"
    folder = tmp_path / ".~kpi-dir00000.tmp"
    for p in (ours_old, legacy_old, ours_new, user_file, user_other):
        p.write_bytes(b"x")
    folder.mkdir()
    target = tmp_path / "重要.kpi.json"
    target.write_bytes(b"keep")
    link = tmp_path / ".~kpi-link0000.tmp"
    link.symlink_to(target)
    for p in (ours_old, legacy_old, user_file, user_other, folder):
        os.utime(p, (old, old))
    os.utime(link, (old, old), follow_symlinks=False)
    removed = sweep_temporaries(tmp_path)
    assert sorted(removed) == sorted([ours_old, legacy_old])
    assert ours_new.exists() and user_file.exists() and user_other.exists() and folder.is_dir()
    assert link.is_symlink() and target.read_bytes() == b"keep"


def test_sweep_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert sweep_temporaries(tmp_path / "无") == []


# -- concurrent writers -----------------------------------------------------------------------------


@posix_only
def test_a_second_writer_waits_and_then_refuses_naming_the_holder(tmp_path: Path) -> None:
    target = tmp_path / "汇编.kpi.json"
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        with file_lock(target):
            os.write(write, b"1")
            time.sleep(5)
        os._exit(0)
    os.read(read, 1)
    try:
        started = time.monotonic()
        with pytest.raises(FileLockedError) as caught, file_lock(target, timeout=0.3):
            pass
        assert time.monotonic() - started >= 0.3
        assert f"进程 {pid}" in str(caught.value.strerror) and caught.value.filename == str(target)
        # A writer killed with the lock held leaves nothing to guess: the system released it.
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with file_lock(target, timeout=1):
            pass
        assert not lock_path_for(target).exists()
    finally:
        os.close(read)
        os.close(write)


def test_the_lock_is_reentrant_within_a_thread(tmp_path: Path) -> None:
    target = tmp_path / "汇编.kpi.json"
    with file_lock(target), file_lock(target, timeout=0):
        write_atomic(target, b"x")  # the writer takes the same lock again
    assert target.read_bytes() == b"x" and not lock_path_for(target).exists()


def test_two_merges_into_one_booklet_at_once_keep_both_units(tmp_path: Path, corpus_booklet: Booklet) -> None:
    # Each run read the booklet, added its unit and saved: the second save dropped the first unit.
    parts = []
    for n, department in enumerate(corpus_booklet.departments[:4]):
        one = corpus_booklet.model_copy(update={"departments": [department]})
        path = tmp_path / f"unit{n}.kpi.json"
        save_booklet(one, path, backup=False)
        parts.append(path)
    booklet = tmp_path / "汇编.kpi.json"
    save_booklet(corpus_booklet.model_copy(update={"departments": []}), booklet, backup=False)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "kpi_editor.cli", "merge", str(part), "-o", str(booklet)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for part in parts
    ]
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read() if run.stderr else ""
    merged = load_booklet(booklet)
    assert [d.code for d in merged.departments] == [d.code for d in corpus_booklet.departments[:4]]

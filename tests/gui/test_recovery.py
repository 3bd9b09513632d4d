"""Nothing lost on a crash: a real editor process is killed with SIGKILL a moment after an edit,
and opening the file again, by any route, offers what it had autosaved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from kpi_editor.app.autosave import find_recoverable
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.io.projectfile import load_booklet

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

# A real editor window in a child process: it opens the file as `kpi-editor FILE` would, adds a
# unit named argv[2], waits for its autosave (1 s after the last edit) and then just runs until killed.
CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from kpi_editor.app.settings import Settings
    from kpi_editor.gui.dialogs.prompts import Prompts
    from kpi_editor.gui.main_window import MainWindow

    class Later(Prompts):  # a crashed editor's autosave, if any, is left for later
        def recover(self, info):
            return None

    path, name = Path(sys.argv[1]), sys.argv[2]
    window = MainWindow(Settings(autosave_delay_s=1), Later())
    assert window.files.open_file(path)
    ops = window.context.ops
    ops.add_department((0,))
    edited = time.monotonic()
    ops.set_field((1,), "name", name)
    data, _meta = window.context.document.autosave_paths()
    while not data.exists():
        app.processEvents()
        time.sleep(0.01)
    print(f"autosaved {time.monotonic() - edited:.2f}", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
    """
)


def crash_after_edit(path: Path, name: str, user_dirs: Path) -> float:
    """Run the editor, let it autosave, SIGKILL it; returns seconds from the edit to its autosave."""
    env = {
        **os.environ,
        "KPI_EDITOR_CONFIG_DIR": str(user_dirs / "config"),
        "KPI_EDITOR_STATE_DIR": str(user_dirs / "state"),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), name],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("autosaved"), child.stderr.read() if child.stderr else line
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return float(line.split()[1])


def test_a_killed_editor_loses_nothing_when_the_file_is_opened_again(
    window: MainWindow, small_file: Path, prompts: Any, user_dirs: Path
) -> None:
    lag = crash_after_edit(small_file, "崩溃前新建的单位", user_dirs)
    assert lag < 3  # autosaved within seconds of the last edit (the delay is 1 s)
    assert load_booklet(small_file).departments[1].name != "崩溃前新建的单位"  # never saved
    # Opened directly (`kpi-editor FILE`, a double-click, a recent file): recovery is offered.
    assert window.files.open_file(small_file)
    assert prompts.kinds() == ["recover"]
    info = prompts.asked[0][1]
    assert info.original == small_file.resolve() and "年" in info.saved_at_text
    document = window.context.document
    assert document.booklet.departments[1].name == "崩溃前新建的单位" and document.modified
    assert window.isWindowModified() and document.path == small_file
    assert window.context.save()
    assert load_booklet(small_file).departments[1].name == "崩溃前新建的单位"
    assert find_recoverable(small_file) == []


def test_a_second_editor_never_overwrites_a_crashed_ones_autosave(
    window: MainWindow, small_file: Path, prompts: Any, user_dirs: Path
) -> None:
    crash_after_edit(small_file, "第一个编辑器的单位", user_dirs)
    # The second editor opens the same file, leaves the first autosave for later, edits, crashes.
    crash_after_edit(small_file, "第二个编辑器的单位", user_dirs)
    infos = find_recoverable(small_file)
    assert len(infos) == 2
    names = {load_booklet(info.data_path).departments[1].name for info in infos}
    assert names == {"第一个编辑器的单位", "第二个编辑器的单位"}
    # 以后再说: the file opens as it is on disk and both autosaves stay.
    prompts.recover_answer = None
    assert window.files.open_file(small_file)
    assert prompts.kinds() == ["recover"] and not window.context.document.modified
    assert len(find_recoverable(small_file)) == 2
    assert window.context.close_document()
    # 恢复 the newest; the older one is still offered another time.
    prompts.recover_answer = True
    prompts.asked.clear()
    assert window.files.open_file(small_file)
    assert window.context.document.booklet.departments[1].name == "第二个编辑器的单位"
    left = find_recoverable(small_file)
    assert [load_booklet(i.data_path).departments[1].name for i in left] == ["第一个编辑器的单位"]
    # 丢弃 removes it for good.
    assert window.context.save()
    prompts.recover_answer = False
    assert window.context.close_document()
    assert window.files.open_file(small_file)
    assert find_recoverable(small_file) == []

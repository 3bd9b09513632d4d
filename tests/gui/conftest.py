"""GUI tests drive the real MainWindow offscreen, with user dirs redirected to tmp and scripted prompts."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

import kpi_editor.gui.jobs as jobs_module
from kpi_editor.app.jobs import Job
from kpi_editor.app.settings import Settings
from kpi_editor.gui.dialogs.new_booklet import NewBooklet
from kpi_editor.io.booklet_text import import_booklet_text
from kpi_editor.io.projectfile import load_booklet, save_booklet
from kpi_editor.paths import sample_path as bundled_sample


class FakePrompts:
    """Scripted answers for every question the window asks; records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any]] = []
        self.save_choice = "discard"
        self.confirm_answer = True
        self.confirm_answers: list[bool] = []  # answered first, in order; then confirm_answer
        self.recover_answer: bool | None = True
        self.paths: list[Path] = []
        self.scope = "booklet"
        self.export_errors_choice: str | None = "export"
        self.new_choice: NewBooklet | None = NewBooklet("xiqu-2026", 2027)
        self.suggested: list[str] = []  # what save and export dialogs would have started with
        self.printer_setup: Callable[[Any], bool] | None = None  # None: the print dialog is cancelled
        self.approval_choice: str | None = "all"  # before approving projects with errors
        self.choice: int | None = 0  # the option picked in `choose`

    def save_changes(self, name: str) -> str:
        self.asked.append(("save_changes", name))
        return self.save_choice

    def error(self, title: str, text: str) -> None:
        self.asked.append(("error", text))

    def warning(self, title: str, text: str) -> None:
        self.asked.append(("warning", text))

    def info(self, title: str, text: str) -> None:
        self.asked.append(("info", text))

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append(("confirm", text))
        return self.confirm_answers.pop(0) if self.confirm_answers else self.confirm_answer

    def open_path(self, directory: str = "") -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def save_path(self, suggested: str = "") -> Path | None:
        self.suggested.append(suggested)
        return self.paths.pop(0) if self.paths else None

    def export_path(self, suggested: str, file_filter: str) -> Path | None:
        self.suggested.append(suggested)
        return self.paths.pop(0) if self.paths else None

    def import_path(self, file_filter: str) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def folder_path(self, title: str, directory: str = "") -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def approve_with_errors(self, blockers: Any, total: int) -> str | None:
        self.asked.append(("approve_with_errors", (list(blockers), total)))
        return self.approval_choice

    def choose(self, title: str, text: str, options: list[str]) -> int | None:
        self.asked.append(("choose", (text, options)))
        return self.choice

    def import_report(self, source: str, summary: str, lines: list[str]) -> None:
        self.asked.append(("import_report", (source, summary, lines)))

    def export_scope(self, department: str, project: str, purpose: str = "export") -> str | None:
        self.asked.append(("export_scope" if purpose == "export" else f"{purpose}_scope", project))
        return self.scope

    def print_setup(self, printer: Any, pages: int, current: int | None, parent: Any = None) -> bool:
        """The print dialog: `printer_setup(printer)` sets the QPrinter up as a user would there."""
        self.asked.append(("print_setup", (pages, current)))
        return self.printer_setup(printer) if self.printer_setup is not None else False

    def export_with_errors(self, errors: int) -> str | None:
        self.asked.append(("export_with_errors", errors))
        return self.export_errors_choice

    def new_booklet(self, template_id: str = "") -> NewBooklet | None:
        return self.new_choice

    def recover(self, info: Any) -> bool | None:
        self.asked.append(("recover", info))
        return self.recover_answer

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.asked]


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real config/state dirs."""
    monkeypatch.setenv("KPI_EDITOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KPI_EDITOR_STATE_DIR", str(tmp_path / "state"))
    return tmp_path


@pytest.fixture(scope="session")
def sample_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample; built from the corpus by the importer when the checkout lacks it."""
    if bundled_sample().is_file():
        return bundled_sample()
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "xiqu-2026-booklet.txt"
    booklet, _report = import_booklet_text(corpus)
    target = tmp_path_factory.mktemp("sample") / "xiqu-2026.kpi.json"
    save_booklet(booklet, target)
    return target


@pytest.fixture
def sample_file(sample_source: Path, tmp_path: Path) -> Path:
    """A private copy of the whole sample (72 units, 327 projects): tests save over it."""
    target = tmp_path / "xiqu-2026.kpi.json"
    shutil.copyfile(sample_source, target)
    return target


SMALL_UNITS = 8  # the sample's first eight units: 39 real projects with real findings


@pytest.fixture(scope="session")
def small_source(sample_source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    booklet = load_booklet(sample_source)
    booklet.departments = booklet.departments[:SMALL_UNITS]
    target = tmp_path_factory.mktemp("small") / "xiqu-2026-small.kpi.json"
    save_booklet(booklet, target)
    return target


@pytest.fixture
def small_file(small_source: Path, tmp_path: Path) -> Path:
    """A private copy of the first units of the sample: what most window tests need, and it opens
    in a fraction of the whole sample's time."""
    target = tmp_path / "xiqu-2026-small.kpi.json"
    shutil.copyfile(small_source, target)
    return target


@pytest.fixture(scope="session")
def gui_app(qapp: Any) -> Any:
    from kpi_editor.gui.app import install_font

    install_font(qapp)
    return qapp


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def window(gui_app: Any, qtbot: Any, prompts: FakePrompts) -> Any:
    from kpi_editor.gui.main_window import MainWindow

    win = MainWindow(Settings(), prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    # The active window gets keyboard focus and focus events, as on a clerk's screen.
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    prompts.save_choice = "discard"
    win.close()


@pytest.fixture
def opened(window: Any, small_file: Path) -> Any:
    """The window with the first units of the sample open (the whole sample: `opened_sample`)."""
    assert window.files.open_file(small_file)
    return window


@pytest.fixture
def opened_sample(window: Any, sample_file: Path) -> Any:
    assert window.files.open_file(sample_file)
    return window


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test(qapp: Any) -> Any:
    """Qt's offscreen clipboard frees mime data we set at exit and crashes the interpreter
    (exit 139 after every test passed); real platforms hand it to the system clipboard instead."""
    yield
    qapp.clipboard().clear()


class _RecordingJob(Job):
    """The window's Job, recording progress from the moment it exists (and cancelling on request)."""

    instances: ClassVar[list[_RecordingJob]] = []
    cancel_at: ClassVar[int | None] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: list[tuple[int, int]] = []
        self.outcome: list[tuple[str, object]] = []
        # Direct: the slot runs in the worker during emit, so a cancel is seen by that very progress
        # call; a queued slot could arrive after a small export had already finished.
        self.progressed.connect(self._seen, Qt.ConnectionType.DirectConnection)
        self.completed.connect(lambda outcome, detail: self.outcome.append((outcome, detail)))
        _RecordingJob.instances.append(self)

    def _seen(self, done: int, total: int) -> None:
        self.seen.append((done, total))
        if self.cancel_at is not None and done >= self.cancel_at:
            self.cancel()


@pytest.fixture
def recording_job(monkeypatch: pytest.MonkeyPatch) -> type[_RecordingJob]:
    _RecordingJob.instances = []
    _RecordingJob.cancel_at = None
    monkeypatch.setattr(jobs_module, "Job", _RecordingJob)
    return _RecordingJob

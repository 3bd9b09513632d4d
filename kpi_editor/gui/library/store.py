"""Where the editor's indicator libraries come from, and the index built from them off the GUI thread.

Three sources, merged by `load_libraries`: what the program ships (the 共性 set, the sample's
rows), the libraries a bureau hands out (the clerk adds them with 添加指标库文件…; copies are kept
in ``config_dir()/library``, as a setting the clerk chose; one written for a form template goes in
a folder named after it, so it is neither offered nor an error for another form), and the
personal library (``state_dir()/library``: one small library per file the clerk saved, written
by the editor and rebuilt from those files whenever they are saved again, so it is state, not
configuration).

Loading and indexing the 10× corpus takes seconds, so both run in a worker thread (`Job`); the
index is built once per template and set of library files and shared by the panel, the 推荐指标
dialog and the suggestions on skeleton rows. A file that cannot be used is left out with its
message (`errors`); the rest still loads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kpi_editor.app.jobs import Job
from kpi_editor.app.settings import config_dir, state_dir
from kpi_editor.domain.suggest import LibraryIndex
from kpi_editor.domain.template import FormTemplate
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.libraryfile import SUFFIX, load_libraries, load_library, remember_booklet
from kpi_editor.io.projectfile import load_booklet

Key = tuple[str, tuple[tuple[str, int, int], ...]]


def personal_folder() -> Path:
    """The clerk's own past files as libraries (app data the editor writes)."""
    return state_dir() / "library"


def bureau_folder() -> Path:
    """Libraries the clerk added (a bureau's 共性指标库 …): copies, so a moved original still works."""
    return config_dir() / "library"


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file())
    except OSError:
        return []


def _stamp(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamps)


class LibraryStore(QObject):
    """The index for the open document's template, rebuilt when a library file changes."""

    # The index (or the errors) for the template last requested are in; `index` and `errors` hold them.
    ready = Signal()
    # A save was remembered in the personal library ("" ) or could not be (the message).
    remembered = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index: LibraryIndex | None = None
        self.errors: list[str] = []  # one line per library file left out
        self._key: Key | None = None  # what `index` was built from
        self._wanted: tuple[FormTemplate, Key] | None = None
        self._job: Job | None = None
        self._building: Key | None = None
        self._remember_job: Job | None = None
        self._remember_next: tuple[Path, FormTemplate] | None = None

    # -- the index ----------------------------------------------------------------------------------

    def key(self, template: FormTemplate) -> Key:
        return (template.id, _stamp(self.bureau_files(template) + _files(personal_folder())))

    @staticmethod
    def bureau_files(template: FormTemplate) -> list[Path]:
        """The added libraries for `template`: those written for it (kept in a folder named after
        it, so one for another form is no error here) and those for any form."""
        folder = bureau_folder()
        return _files(folder) + _files(folder / template.id)

    def current(self, template: FormTemplate) -> LibraryIndex | None:
        """The index for `template` if one is built (possibly from older library files)."""
        if self.index is not None and self._key is not None and self._key[0] == template.id:
            return self.index
        return None

    @property
    def loading(self) -> bool:
        return self._job is not None

    def request(self, template: FormTemplate, *, refresh: bool = True) -> None:
        """Make sure an index for `template` is built or being built (`ready` follows when one is);
        with `refresh`, one of today's library files (a file added or saved since rebuilds it)."""
        if not refresh and (self.current(template) is not None or self._building_for(template)):
            return
        key = self.key(template)
        if key == self._key or key == self._building:
            return
        self._wanted = (template, key)
        if self._job is None:
            self._start()

    def _building_for(self, template: FormTemplate) -> bool:
        wanted = self._wanted[1] if self._wanted is not None else None
        return any(key is not None and key[0] == template.id for key in (self._building, wanted))

    def _start(self) -> None:
        assert self._wanted is not None
        template, key = self._wanted
        self._wanted = None
        files = self.bureau_files(template)
        personal = personal_folder()

        def work(_progress: object) -> tuple[LibraryIndex, list[FileFormatError]]:
            loaded = load_libraries(template, files=files, personal_folder=personal)
            return LibraryIndex(loaded.library, template), loaded.errors

        self._building = key
        self._job = Job(work, self)
        self._job.completed.connect(self._built)
        self._job.start()

    def _built(self, outcome: str, detail: object) -> None:
        job, self._job = self._job, None
        key, self._building = self._building, None
        if job is not None:
            job.wait()
            job.deleteLater()
        if outcome == "done" and isinstance(detail, tuple):
            index, errors = detail
            self.index, self._key = index, key
            self.errors = [str(error) for error in errors]
        else:
            # A bug, not a bad file (those are in `errors`): say so and keep the index we had.
            self.errors = [self.tr("指标库无法载入：{error}").format(error=detail)]
        if self._wanted is not None:
            self._start()
        self.ready.emit()

    # -- adding a bureau's library ---------------------------------------------------------------------

    def add_file(self, source: Path, template: FormTemplate) -> Path:
        """Check `source` against `template`, then keep a copy among the added libraries.
        Raises FileFormatError (nothing copied) for a file that cannot be used, OSError when the
        copy cannot be written."""
        library = load_library(source, template)
        folder = bureau_folder() / library.template_id if library.template_id else bureau_folder()
        folder.mkdir(parents=True, exist_ok=True)
        name = source.name if source.name.endswith(SUFFIX) else f"{source.stem}{SUFFIX}"
        target = folder / name
        if source.resolve() != target.resolve():
            partial = target.with_name(f".{target.name}.part")
            shutil.copyfile(source, partial)
            partial.replace(target)
        return target

    # -- the personal library ------------------------------------------------------------------------

    def remember(self, path: Path, template: FormTemplate) -> None:
        """Keep the rows of the file just saved at `path` in the personal library, in a worker
        thread that reads the file back (so the save itself does no extra work)."""
        self._remember_next = (path, template)
        if self._remember_job is None:
            self._start_remember()

    def _start_remember(self) -> None:
        assert self._remember_next is not None
        path, template = self._remember_next
        self._remember_next = None
        folder = personal_folder()

        def work(_progress: object) -> Path:
            return remember_booklet(folder, load_booklet(path), path, template)

        self._remember_job = Job(work, self)
        self._remember_job.completed.connect(self._remembered)
        self._remember_job.start()

    def _remembered(self, outcome: str, detail: object) -> None:
        job, self._remember_job = self._remember_job, None
        if job is not None:
            job.wait()
            job.deleteLater()
        if self._remember_next is not None:
            self._start_remember()
        self.remembered.emit("" if outcome == "done" else str(detail))

    @property
    def remembering(self) -> bool:
        return self._remember_job is not None

    def stop(self) -> None:
        """Wait for the worker threads (the window is closing; a running thread must not be destroyed)."""
        self._wanted = None
        self._remember_next = None
        for job in (self._job, self._remember_job):
            if job is not None:
                job.wait()


__all__ = ["LibraryStore", "bureau_folder", "personal_folder"]

"""Long work (exports) in a worker thread, with progress and cancel.

The job gets a deep copy of the booklet, so the clerk can keep editing while it runs. The work
function receives ``progress(done, total) -> bool``; once cancel is requested it returns False
and the exporter stops (raising ExportCancelled, which we report as cancelled, not failed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from kpi_editor.io.errors import ExportCancelled

Work = Callable[[Callable[[int, int], bool]], Any]


class Job(QThread):
    progressed = Signal(int, int)
    # (outcome, detail): "done" with the work's result, "cancelled", or "failed" with a message.
    completed = Signal(str, object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._finished = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        # A work function that kept the callback must not report after the outcome.
        if self._finished.is_set():
            return False
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as exc:  # reported to the user; a worker thread must never die silently
            self._finished.set()
            if isinstance(exc, ExportCancelled) or self._cancel.is_set():
                self.completed.emit("cancelled", None)
            else:
                self.completed.emit("failed", str(exc) or type(exc).__name__)
            return
        self._finished.set()
        self.completed.emit("done", result)

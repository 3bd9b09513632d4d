"""Long work (exports, reports, printing, a PDF import) in a worker thread behind a progress
dialog with 取消."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from kpi_editor.app.jobs import Job
from kpi_editor.gui.context import EditorContext

Work = Callable[[Callable[[int, int], bool]], Any]


class JobRunner(QObject):
    """Runs one job at a time for the window; the outcome goes to the status line or an error box."""

    def __init__(self, context: EditorContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.job: Job | None = None
        self._handled = True

    @property
    def busy(self) -> bool:
        """A job runs, or its outcome has not been handled yet (the worker ended a moment ago)."""
        return self.job is not None and (self.job.isRunning() or not self._handled)

    def run(
        self,
        work: Work,
        label: str,
        target: Path | None = None,
        *,
        title: str | None = None,
        done: Callable[[Any], None] | None = None,
        cancelled: str | None = None,
        failed: str | None = None,
        parent: QWidget | None = None,
    ) -> Job:
        """Run `work` behind a progress dialog. By default the outcome is an export's (已导出到
        `target`); other work names its dialog `title`, gets its result in `done`, and says what a
        cancel left (`cancelled`) and what failed (`failed`, the error box's title)."""
        job = Job(work, self)
        dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent or self.window)
        dialog.setWindowTitle(title or self.tr("导出"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)

        def progressed(count: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(count)

        def completed(outcome: str, detail: object) -> None:
            self._handled = True
            dialog.reset()
            dialog.deleteLater()
            if outcome == "done":
                if done is not None:
                    done(detail)
                else:
                    self.context.show_message(self.tr("已导出到 {path}").format(path=target), 8000)
            elif outcome == "cancelled":
                self.context.show_message(cancelled or self.tr("导出已取消，未写入文件"), 8000)
            else:
                self.context.prompts.error(failed or self.tr("导出失败"), str(detail))

        job.progressed.connect(progressed)
        job.completed.connect(completed)
        self.job = job
        self._handled = False
        job.start()
        return job

    def stop(self) -> None:
        """Cancel a running job and wait for it (the window is closing)."""
        if self.job is not None and self.job.isRunning():
            self.job.cancel()
            self.job.wait()

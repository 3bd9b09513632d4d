"""File ▸ 导入 (workbook, booklet text) and 导出 from the window, with scripted prompts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kpi_editor.io.projectfile import load_booklet
from kpi_editor.io.xlsx import export_xlsx


@pytest.fixture
def one_department_xlsx(sample_source: Path, tmp_path: Path) -> tuple[Path, int]:
    booklet = load_booklet(sample_source)
    department = booklet.departments[2]
    target = tmp_path / "one-department.xlsx"
    export_xlsx(booklet, target, departments=[department.code])
    return target, len(department.projects)


def _edit_title(window: Any) -> None:
    from kpi_editor.app.operations import Operations

    Operations(window.context.document).set_field((), "title", "改过的标题")
    assert window.context.document.modified


def test_import_text_opens_new_unsaved_document_with_report(
    opened: Any, prompts: Any, corpus_path: Path
) -> None:
    _edit_title(opened)
    prompts.save_choice = "cancel"
    prompts.paths = [corpus_path]
    opened.files.import_text_action.trigger()
    assert opened.context.document.booklet.title == "改过的标题"  # cancelled: the open document stays
    prompts.save_choice = "discard"
    prompts.paths = [corpus_path]
    opened.files.import_text_action.trigger()
    document = opened.context.document
    assert document.path is None and document.modified and document.booklet.project_count == 327
    assert opened.windowTitle().startswith("未命名")
    # The corpus has hundreds of doubtful lines (shifted cells, truncated names): listed, counted.
    [(source, summary, lines)] = [detail for kind, detail in prompts.asked if kind == "import_report"]
    assert source == corpus_path.name and len(lines) > 100 and f"{len(lines)}处" in summary
    assert all(line.startswith("行 ") for line in lines)
    assert prompts.kinds().count("save_changes") == 2


def test_import_xlsx_of_one_department(window: Any, prompts: Any, one_department_xlsx: Any) -> None:
    path, projects = one_department_xlsx
    prompts.paths = [path]
    window.files.import_xlsx_action.trigger()
    document = window.context.document
    assert document is not None and document.path is None and document.modified
    assert len(document.booklet.departments) == 1 and document.booklet.project_count == projects
    assert window.tree.model.rowCount() == 1


def test_import_report_dialog_lists_issues(gui_app: Any, qtbot: Any) -> None:
    from kpi_editor.gui.dialogs.import_report import ImportReportDialog

    dialog = ImportReportDialog(
        "a.xlsx", "读入3个项目；1个错误，1条提示。", ["错误  Sheet1!D14：x", "提示  y"]
    )
    qtbot.addWidget(dialog)
    assert dialog.view.isReadOnly() and dialog.view.toPlainText().splitlines()[0] == "错误  Sheet1!D14：x"
    assert "1个错误" in dialog.summary.text()


@pytest.mark.parametrize("action", ["import_xlsx_action", "import_text_action"])
def test_broken_import_leaves_open_document_intact(
    opened: Any, prompts: Any, tmp_path: Path, action: str
) -> None:
    _edit_title(opened)
    document = opened.context.document
    broken = tmp_path / ("broken.xlsx" if action == "import_xlsx_action" else "broken.txt")
    broken.write_bytes(
        b"PK\x03\x04 not a workbook" if action == "import_xlsx_action" else b"\xff\xfe\x00garbage"
    )
    prompts.paths = [broken]
    getattr(opened.files, action).trigger()
    assert opened.context.document is document and document.modified
    assert document.booklet.title == "改过的标题"
    errors = [text for kind, text in prompts.asked if kind == "error"]
    assert len(errors) == 1 and broken.name in errors[0]
    assert "save_changes" not in prompts.kinds()


def _export_department(window: Any, prompts: Any, qtbot: Any, target: Path, jobs: Any) -> Any:
    window.tree.select_path((4,))
    prompts.paths = [target]
    window.exports.export_pdf_action.trigger()
    job = jobs.instances[-1]
    assert job is window.jobs.job
    qtbot.waitUntil(lambda: bool(job.outcome), timeout=120_000)
    job.wait()
    return job


def test_export_department_pdf_in_worker(
    opened: Any, prompts: Any, qtbot: Any, tmp_path: Path, recording_job: Any
) -> None:
    target = tmp_path / "dept.pdf"
    job = _export_department(opened, prompts, qtbot, target, recording_job)
    assert job.outcome[0][0] == "done", job.outcome
    # Default font setting "auto": a Song face for the body (bundled UMing on a machine without SimSun).
    assert "UMing" in job.outcome[0][1].fonts[0]
    assert job.seen and job.seen[-1][0] == job.seen[-1][1]
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")
    # The window hears the outcome after the job's own record of it (both queued from the worker).
    qtbot.waitUntil(lambda: str(target) in opened.statusBar().currentMessage(), timeout=10_000)


def test_cancelled_export_writes_no_file(
    opened: Any, prompts: Any, qtbot: Any, tmp_path: Path, recording_job: Any
) -> None:
    recording_job.cancel_at = 0
    target = tmp_path / "cancelled.pdf"
    job = _export_department(opened, prompts, qtbot, target, recording_job)
    assert job.outcome == [("cancelled", None)]
    assert not target.exists() and list(tmp_path.glob("cancelled*")) == []
    qtbot.waitUntil(lambda: "取消" in opened.statusBar().currentMessage(), timeout=10_000)

"""What an export or a print covers, and the PDF options the settings give.

The booklet when the tree is on the booklet page, the unit when it is on a unit; on a project (or
one of its rows) the user is asked: the project, its unit or the whole booklet. 导出 and 打印 ask the
same question and lay pages out with the same options, so a print is the export on paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from kpi_editor.app.document import Document
from kpi_editor.app.settings import Settings
from kpi_editor.gui.context import EditorContext
from kpi_editor.paths import resource_dir

if TYPE_CHECKING:
    from kpi_editor.io.pdf import PdfOptions  # ReportLab loads with the first PDF, not at start-up
    from kpi_editor.io.pdf.booklet import Duplex

Scope = tuple[list[str] | None, list[str] | None, str]  # departments, project ids, file-name suffix
Purpose = Literal["export", "print"]
BUNDLED_FONTS = {"uming": "uming.ttc", "wqy-microhei": "wqy-microhei.ttc"}


def ask_scope(context: EditorContext, document: Document, purpose: Purpose = "export") -> Scope | None:
    """Booklet, current department or current project, by the tree selection; None: cancelled."""
    path = context.current
    if not path:
        return None, None, ""
    department = document.booklet.departments[path[0]]
    if len(path) == 1:
        return [department.code], None, f"-{department.code}"
    project = department.projects[path[1]]
    if purpose == "export":
        choice = context.prompts.export_scope(department.name, project.name)
    else:
        choice = context.prompts.export_scope(department.name, project.name, purpose=purpose)
    if choice is None:
        return None
    if choice == "project":
        return None, [project.id], f"-{department.code}-{path[1] + 1}"
    if choice == "department":
        return [department.code], None, f"-{department.code}"
    return None, None, ""


def problems_in(document: Document, departments: list[str] | None, project_ids: list[str] | None) -> int:
    """Errors and warnings in what is exported or printed (the whole booklet's include the
    booklet-wide ones); writing advice holds nothing up."""
    if departments is None and project_ids is None:
        return document.finding_counts().counted
    return sum(
        1
        for department, project in document.booklet.projects()
        if (departments is not None and department.code in departments)
        or (project_ids is not None and project.id in project_ids)
        for finding in document.project_findings(project.id)
        if finding.counted
    )


def go_ahead_despite_problems(
    context: EditorContext, document: Document, departments: list[str] | None, project_ids: list[str] | None
) -> bool:
    """Before an export or a print: tables with errors say how many (查看问题 shows them and stops,
    仍然导出 goes on). True to go on."""
    problems = problems_in(document, departments, project_ids)
    if not problems:
        return True
    choice = context.prompts.export_with_errors(problems)
    if choice == "view":
        context.findingsRequested.emit()
    return bool(choice == "export")


def pdf_options(settings: Settings, duplex: Duplex = "off", mark_blank_pages: bool = True) -> PdfOptions:
    """The PDF font from the settings; "auto" lets the exporter prefer the system's SimSun/SimHei."""
    from kpi_editor.io.pdf import PdfOptions

    chosen = BUNDLED_FONTS.get(settings.pdf_font)
    return PdfOptions(
        body_font=resource_dir() / "fonts" / chosen if chosen else None,
        duplex=duplex,
        mark_blank_pages=mark_blank_pages,
    )


__all__ = [
    "BUNDLED_FONTS",
    "Purpose",
    "Scope",
    "ask_scope",
    "go_ahead_despite_problems",
    "pdf_options",
    "problems_in",
]

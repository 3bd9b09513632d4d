"""What the review report says, independent of the file format it is written in.

Per department, every project with its review status, the reviewer's comments and the validation
findings, each placed where a clerk will look (整个项目, 资金来源·合计, 第3行（社会效益指标／…）).
The status is the effective one (``kpi_editor.domain.approval``): a project edited after its status
was given shows as 已修改待复审, with a line saying what changed. ``departments`` and ``statuses``
narrow the report to some units and some statuses.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from kpi_editor.domain.approval import edited_after_review, effective_status
from kpi_editor.domain.fingerprint import booklet_fingerprint, canonical_amount, project_fingerprint
from kpi_editor.domain.labels import PROJECT_NAMES, field_name
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet, Department, Project
from kpi_editor.domain.review import GIVEN_STATUSES, EffectiveStatus, ReviewComment, ReviewStatus, now_iso
from kpi_editor.domain.template import FormTemplate, load_template

COMMENT = "审核意见"
FINDING = "校验问题"
CHANGE = "审核后改动"
EDITED = "在审核后修改"
SEVERITY_TEXT = {"error": "错误", "warning": "警告", "info": "建议"}  # Severity.label, by value
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_PROJECT_FIELDS = {"name": "项目名称", "unit_name": "部门（单位）", "code": "单位编码"}


class FindingLike(Protocol):
    """The fields of ``kpi_editor.domain.engine.Finding`` the report reads."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def department(self) -> str | None: ...
    @property
    def project_id(self) -> str | None: ...
    @property
    def indicator(self) -> int | None: ...
    @property
    def field(self) -> str | None: ...


@dataclass(frozen=True)
class ReportLine:
    kind: str  # COMMENT, FINDING or CHANGE
    place: str
    text: str
    source: str  # the comment's author and time, or the finding's rule code
    state: str  # 未解决 / 已解决 for comments, 错误 / 警告 / 建议 for findings, 在审核后修改 for changes


@dataclass(frozen=True)
class ProjectEntry:
    name: str
    unit_name: str
    total: str  # Σ of this table, 万元, as printed
    status: EffectiveStatus
    fingerprint: str
    lines: list[ReportLine]
    # For 已修改待复审: the status that was given before the content changed.
    previous: ReviewStatus | None = None
    edited_after_review: bool = False
    stamp: str = ""  # who gave the status and when, e.g. 李审核 2026-03-05 14:30

    @property
    def status_label(self) -> str:
        """``已修改待复审（原为审核通过）``; other statuses as they are."""
        if self.status is EffectiveStatus.CHANGED and self.previous is not None:
            return f"{self.status.value}（原为{self.previous.value}）"
        return self.status.value

    @property
    def open_comments(self) -> int:
        return sum(1 for line in self.lines if line.kind == COMMENT and line.state == "未解决")

    def count(self, severity_text: str) -> int:
        return sum(1 for line in self.lines if line.kind == FINDING and line.state == severity_text)


@dataclass(frozen=True)
class DepartmentEntry:
    code: str
    name: str
    projects: list[ProjectEntry]
    lines: list[ReportLine] = field(default_factory=list)  # findings about the unit, not one project

    def status_count(self, status: EffectiveStatus) -> int:
        return sum(1 for p in self.projects if p.status == status)

    @property
    def open_comments(self) -> int:
        return sum(p.open_comments for p in self.projects)

    def count(self, severity_text: str) -> int:
        own = sum(1 for line in self.lines if line.state == severity_text)
        return own + sum(p.count(severity_text) for p in self.projects)

    def summary_counts(self) -> list[int]:
        """The summary row's numbers: projects, 通过, 退回, 已修改待复审, 未审核, open comments, 错误, 警告."""
        return [
            len(self.projects),
            self.status_count(EffectiveStatus.APPROVED),
            self.status_count(EffectiveStatus.RETURNED),
            self.status_count(EffectiveStatus.CHANGED),
            self.status_count(EffectiveStatus.PENDING),
            self.open_comments,
            self.count("错误"),
            self.count("警告"),
        ]


@dataclass(frozen=True)
class ReviewReport:
    title: str
    fiscal_year: int
    created: str
    fingerprint: str
    departments: list[DepartmentEntry]
    general: list[ReportLine]  # findings about the booklet as a whole


def row_place(project: Project, row: int) -> str:
    if 0 <= row < len(project.indicators):
        indicator = project.indicators[row]
        label = "／".join(part for part in (indicator.level2, indicator.name) if part)
        return f"第{row + 1}行（{label}）" if label else f"第{row + 1}行"
    return f"第{row + 1}行（该行已不存在）"


def finding_place(finding: FindingLike, project: Project | None, template: FormTemplate, year: int) -> str:
    if finding.indicator is not None and project is not None:
        return row_place(project, finding.indicator)
    if finding.field in FUNDING_FIELDS:
        return f"资金来源·{template.funding_label(finding.field, year)}"
    if finding.field in _PROJECT_FIELDS:
        return _PROJECT_FIELDS[finding.field]
    return "整个项目" if project is not None else "整个单位"


def display_time(iso: str) -> str:
    """``2026-03-05T14:30:00+08:00`` → ``2026-03-05 14:30``; text that is not ISO is shown as it is."""
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def who_and_when(author: str | None, time: str | None) -> str:
    return " ".join(part for part in (author, display_time(time) if time else None) if part)


def comment_place(project: Project, comment: ReviewComment, template: FormTemplate, year: int) -> str:
    """Where a comment points, as a clerk finds it: ``第3行（社会效益指标／履职能力）·指标值``,
    ``资金来源·合计``, ``项目名称`` or ``整个项目``."""
    name = comment.field
    if comment.indicator is not None:
        place = row_place(project, comment.indicator)
        return f"{place}·{field_name(name)}" if name else place
    if name and name.removeprefix("funding.") in FUNDING_FIELDS:
        return f"资金来源·{template.funding_label(name.removeprefix('funding.'), year)}"
    if name:
        # Without a row, ``name`` is the project's name, not a row's 三级指标.
        return PROJECT_NAMES.get(name) or field_name(name)
    return "整个项目"


def _comment_line(project: Project, comment: ReviewComment, template: FormTemplate, year: int) -> ReportLine:
    place = comment_place(project, comment, template, year)
    source = who_and_when(comment.author, comment.time)
    if comment.resolved and (comment.resolved_by or comment.resolved_at):
        source += f"；{who_and_when(comment.resolved_by, comment.resolved_at)} 处理"
    text = comment.text
    for reply in comment.replies or []:
        text += f"\n答复（{who_and_when(reply.author, reply.time)}）：{reply.text}"
    return ReportLine(COMMENT, place, text, source, "已解决" if comment.resolved else "未解决")


def _change_lines(department: Department, project: Project) -> list[ReportLine]:
    review = project.review
    if review is None or not edited_after_review(project, department):
        return []
    source = who_and_when(review.reviewer, review.reviewed_at)
    if review.changes:
        return [
            ReportLine(
                CHANGE,
                row_place(project, c.row) if c.row is not None else "整个项目",
                c.text,
                source,
                EDITED,
            )
            for c in review.changes
        ]
    now = project_fingerprint(project, department)
    text = f"{review.status.value}后内容被修改（表格指纹 {review.fingerprint} → {now}），需重新审核"
    return [ReportLine(CHANGE, "整个项目", text, source, EDITED)]


def _finding_line(
    finding: FindingLike, project: Project | None, template: FormTemplate, year: int
) -> ReportLine:
    severity = str(finding.severity)
    return ReportLine(
        FINDING,
        finding_place(finding, project, template, year),
        finding.message,
        finding.rule,
        SEVERITY_TEXT.get(severity, severity),
    )


def _sorted(findings: Sequence[FindingLike]) -> list[FindingLike]:
    return sorted(findings, key=lambda f: _SEVERITY_ORDER.get(str(f.severity), 3))


def _project_entry(
    department: Department,
    project: Project,
    findings: Sequence[FindingLike],
    template: FormTemplate,
    year: int,
) -> ProjectEntry:
    review = project.review
    comments = review.comments if review is not None else []
    status = effective_status(project, department)
    lines = _change_lines(department, project)
    lines += [_comment_line(project, c, template, year) for c in comments]
    lines += [_finding_line(f, project, template, year) for f in _sorted(findings)]
    previous = project.review_status if status is EffectiveStatus.CHANGED else None
    stamp = ""
    if review is not None and review.status in GIVEN_STATUSES:
        stamp = who_and_when(review.reviewer, review.reviewed_at)
    return ProjectEntry(
        name=project.name,
        unit_name=project.unit_name,
        total=canonical_amount(project.funding.total) or "",
        status=status,
        fingerprint=project_fingerprint(project, department),
        lines=lines,
        previous=previous,
        edited_after_review=edited_after_review(project, department),
        stamp=stamp,
    )


def build_report(
    booklet: Booklet,
    findings: Sequence[FindingLike],
    created: str | None = None,
    departments: Collection[str] | None = None,
    statuses: Collection[EffectiveStatus] | None = None,
) -> ReviewReport:
    """Gather the report; ``findings`` are those of ``validate_booklet(booklet)``.

    ``departments`` (unit codes) and ``statuses`` (effective statuses) leave out every other unit
    and project; a unit left with no project is left out, and so are findings about the booklet
    as a whole.
    """
    template = load_template(booklet.template_id)
    year = booklet.fiscal_year
    by_project: dict[str, list[FindingLike]] = {}
    by_department: dict[str, list[FindingLike]] = {}
    general: list[FindingLike] = []
    project_ids = {p.id for _, p in booklet.projects()}
    for finding in findings:
        if finding.project_id is not None and finding.project_id in project_ids:
            by_project.setdefault(finding.project_id, []).append(finding)
        elif finding.department is not None and booklet.department(finding.department) is not None:
            by_department.setdefault(finding.department, []).append(finding)
        else:
            general.append(finding)

    entries = []
    for d in booklet.departments:
        if departments is not None and d.code not in departments:
            continue
        projects = [_project_entry(d, p, by_project.get(p.id, []), template, year) for p in d.projects]
        if statuses is not None:
            projects = [p for p in projects if p.status in statuses]
            if not projects:
                continue
        entries.append(
            DepartmentEntry(
                code=d.code,
                name=d.name,
                projects=projects,
                lines=[
                    _finding_line(f, None, template, year) for f in _sorted(by_department.get(d.code, []))
                ],
            )
        )
    narrowed = departments is not None or statuses is not None
    return ReviewReport(
        title=f"{year}年部门预算项目绩效目标审核意见",
        fiscal_year=year,
        created=created or now_iso(),
        fingerprint=booklet_fingerprint(booklet),
        departments=entries,
        general=[] if narrowed else [_finding_line(f, None, template, year) for f in _sorted(general)],
    )

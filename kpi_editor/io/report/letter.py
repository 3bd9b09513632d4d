"""The return letter (审核意见书) the bureau sends a unit: what to fix, by when, signed.

Per unit, addressed to it: every project whose (effective) status is 退回修改, each with the
reviewer's open comments placed where they point (第3行（社会效益指标／履职能力）) and the
project's open validation errors with their fix, then the required action with a deadline, and
the reviewer's signature with the date. ``build_letter`` gathers it; ``letters_pdf`` lays it out
with the export's embedded TrueType fonts; ``write_letters`` writes one PDF for one or more units,
each letter starting on a new page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    LayoutError,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kpi_editor.domain.approval import effective_status
from kpi_editor.domain.fingerprint import canonical_amount, department_fingerprint, project_fingerprint
from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.progress import unit_progress
from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.domain.rules import RULES
from kpi_editor.domain.template import FormTemplate, load_template
from kpi_editor.io.atomic import write_atomic
from kpi_editor.io.pdf.cjk import install_line_rules
from kpi_editor.io.pdf.fonts import FontSet, resolve_fonts
from kpi_editor.io.report.content import FindingLike, comment_place, finding_place, who_and_when
from kpi_editor.io.report.pdf import ReportLayoutError

COMMENT = "审核意见"
ERROR = "校验错误"
BLANK_DEADLINE = "____年____月____日"


@dataclass(frozen=True)
class LetterItem:
    """One thing the unit must fix."""

    place: str
    text: str
    kind: str  # COMMENT or ERROR
    source: str  # who wrote the comment and when, or the rule code


@dataclass(frozen=True)
class LetterProject:
    name: str
    total: str
    fingerprint: str
    items: list[LetterItem]


@dataclass(frozen=True)
class ReturnLetter:
    title: str
    fiscal_year: int
    code: str
    unit_name: str
    bureau: str
    projects_total: int
    approved: int
    returned: int
    changed: int
    pending: int
    projects: list[LetterProject]  # the returned ones, in booklet order
    reviewer: str
    date: str  # as printed: 2026年3月10日
    deadline: str  # as printed, or BLANK_DEADLINE for the unit to be told by other means
    fingerprint: str  # department_fingerprint of the unit's tables as reviewed


def chinese_date(text: str | Date) -> str:
    """``2026-03-10`` (or a date) → ``2026年3月10日``; other text is kept as written."""
    if isinstance(text, Date):
        return f"{text.year}年{text.month}月{text.day}日"
    match = re.fullmatch(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*", text)
    if match is None:
        return text.strip()
    year, month, day = (int(g) for g in match.groups())
    return f"{year}年{month}月{day}日"


def bureau_name(booklet: Booklet) -> str:
    """The signing bureau: the cover's 编制单位 without its trailing 编制 (攀枝花市西区财政局)."""
    return booklet.compiler.strip().removesuffix("编制").strip() or "财政局"


def _project(
    department: Department,
    project: Project,
    findings: Sequence[FindingLike],
    template: FormTemplate,
    year: int,
) -> LetterProject:
    items: list[LetterItem] = []
    for comment in project.review.comments if project.review is not None else []:
        if comment.resolved:
            continue
        place = comment_place(project, comment, template, year)
        text = comment.text
        for reply in comment.replies or []:
            text += f"\n（单位答复 {who_and_when(reply.author, reply.time)}：{reply.text}）"
        source = "\n".join(part for part in (comment.author, who_and_when(None, comment.time)) if part)
        items.append(LetterItem(place, text, COMMENT, source))
    for finding in findings:
        if str(finding.severity) == "error":
            place = finding_place(finding, project, template, year)
            # A clerk reads the rule's title, not its code.
            rule = RULES.get(finding.rule)
            source = f"校验规则：{rule.title}" if rule is not None else finding.rule
            items.append(LetterItem(place, finding.message, ERROR, source))
    return LetterProject(
        project.name,
        canonical_amount(project.funding.total) or "",
        project_fingerprint(project, department),
        items,
    )


def build_letter(
    booklet: Booklet,
    code: str,
    findings: Sequence[FindingLike],
    reviewer: str,
    date: str | None = None,
    deadline: str | None = None,
) -> ReturnLetter:
    """The letter to unit ``code``; ``findings`` are ``validate_booklet(booklet)``'s (only this
    unit's are used). Raises KeyError for a unit the booklet does not have."""
    department = booklet.department(code)
    if department is None:
        raise KeyError(code)
    template = load_template(booklet.template_id)
    by_project: dict[str, list[FindingLike]] = {}
    for finding in findings:
        if finding.project_id is not None and finding.department in (None, code):
            by_project.setdefault(finding.project_id, []).append(finding)
    returned = [
        _project(department, p, by_project.get(p.id, []), template, booklet.fiscal_year)
        for p in department.projects
        if effective_status(p, department) is EffectiveStatus.RETURNED
    ]
    counts = unit_progress(department).counts
    return ReturnLetter(
        title=f"{booklet.fiscal_year}年部门预算项目绩效目标审核意见书",
        fiscal_year=booklet.fiscal_year,
        code=department.code,
        unit_name=department.name,
        bureau=bureau_name(booklet),
        projects_total=counts.total,
        approved=counts.approved,
        returned=counts.returned,
        changed=counts.changed,
        pending=counts.pending,
        projects=returned,
        reviewer=reviewer,
        date=chinese_date(date) if date else chinese_date(Date.today()),
        deadline=chinese_date(deadline) if deadline else BLANK_DEADLINE,
        fingerprint=department_fingerprint(department),
    )


# -- layout ---------------------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
MARGIN = 2.4 * cm
WIDTH = PAGE_W - 2 * MARGIN
BODY_SIZE = 12
GRID = colors.HexColor("#555555")
HEADER_BG = colors.HexColor("#E7E6E6")
# 序号 | 位置 | 问题及修改要求 | 提出人／规则
ITEM_COLUMNS = (0.07, 0.23, 0.48, 0.22)
NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        body = {"fontName": fonts.body.name, "wordWrap": "CJK"}
        self.title = ParagraphStyle(
            "l-title", fontName=fonts.title.name, fontSize=18, leading=26, alignment=TA_CENTER, wordWrap="CJK"
        )
        self.text = ParagraphStyle(
            "l-text", fontSize=BODY_SIZE, leading=21, firstLineIndent=2 * BODY_SIZE, **body
        )
        self.address = ParagraphStyle(
            "l-address", fontSize=BODY_SIZE, leading=21, **{**body, "fontName": fonts.title.name}
        )
        self.heading = ParagraphStyle(
            "l-heading",
            fontSize=BODY_SIZE,
            leading=20,
            spaceBefore=8,
            spaceAfter=4,
            **{**body, "fontName": fonts.title.name},
        )
        self.cell = ParagraphStyle("l-cell", fontSize=10, leading=14, **body)
        self.cell_center = ParagraphStyle("l-cell-c", fontSize=10, leading=14, alignment=TA_CENTER, **body)
        self.sign = ParagraphStyle("l-sign", fontSize=BODY_SIZE, leading=22, alignment=TA_RIGHT, **body)

    def p(self, text: str, style: ParagraphStyle) -> Paragraph:
        primary = self.fonts.title if style.fontName == self.fonts.title.name else self.fonts.body
        return Paragraph(self.fonts.markup(text, primary), style)


def _items_table(project: LetterProject, s: _Styles) -> Table:
    rows: list[list[Any]] = [
        [s.p(h, s.cell_center) for h in ("序号", "位置", "问题及修改要求", "提出人／规则")]
    ]
    for number, item in enumerate(project.items, start=1):
        label = f"【{item.kind}】{item.text}"
        rows.append(
            [
                s.p(str(number), s.cell_center),
                s.p(item.place, s.cell),
                s.p(label, s.cell),
                s.p(item.source, s.cell),
            ]
        )
    table = Table(rows, colWidths=[w * WIDTH for w in ITEM_COLUMNS], repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                # Cells are paragraphs, but the table still selects its default font (Helvetica,
                # not embedded) for each cell unless told otherwise.
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.name),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _counts_sentence(letter: ReturnLetter) -> str:
    parts = [f"审核通过{letter.approved}个", f"退回修改{letter.returned}个"]
    if letter.changed:
        parts.append(f"已修改待复审{letter.changed}个")
    if letter.pending:
        parts.append(f"尚未审核{letter.pending}个")
    return "，".join(parts)


def _letter_story(letter: ReturnLetter, s: _Styles) -> list[Any]:
    story: list[Any] = [
        s.p(letter.title, s.title),
        Spacer(1, 18),
        s.p(f"{letter.unit_name}（单位编码 {letter.code}）：", s.address),
        Spacer(1, 4),
    ]
    intro = (
        f"你单位报送的{letter.fiscal_year}年部门预算项目支出绩效目标表共{letter.projects_total}个项目。"
        f"经审核，{_counts_sentence(letter)}。"
    )
    if letter.projects:
        intro += "退回修改的项目及需要修改的问题如下："
    else:
        intro += "你单位没有退回修改的项目。"
    story.append(s.p(intro, s.text))
    for number, project in enumerate(letter.projects, start=1):
        total = f"合计{project.total}万元，" if project.total else ""
        head = f"{_numeral(number)}、{project.name}（{total}表格指纹 {project.fingerprint}）"
        if project.items:
            body: Any = _items_table(project, s)
        else:
            body = s.p("审核人未写明具体意见，请与审核人联系。", s.text)
        story += [CondPageBreak(3 * cm), s.p(head, s.heading), body]
    if letter.projects:
        story += [
            Spacer(1, 10),
            s.p(
                "修改要求：请逐条修改上述问题，并在绩效目标表编辑器中答复每条审核意见、将已修改的意见标为已处理；"
                f"修改完成后用“导出本单位提交文件”生成提交文件，于{letter.deadline}前重新报送。"
                "未列出的项目请勿改动，改动后须重新审核。",
                s.text,
            ),
        ]
    story += [
        Spacer(1, 24),
        KeepTogether(
            [
                s.p(f"审核人：{letter.reviewer or '________'}", s.sign),
                s.p(letter.bureau, s.sign),
                s.p(letter.date, s.sign),
            ]
        ),
    ]
    return story


def letters_pdf(letters: Sequence[ReturnLetter], fonts: FontSet | None = None) -> bytes:
    """One PDF, each letter starting on a new page; the footer names the unit and its fingerprint."""
    install_line_rules()
    chosen = fonts or resolve_fonts()
    s = _Styles(chosen)
    buffer = BytesIO()
    current: dict[str, ReturnLetter] = {}

    class _Marker(Spacer):  # type: ignore[misc]  # ReportLab has no type hints
        """Zero-size flowable telling the footer which unit's letter the page belongs to."""

        def __init__(self, letter: ReturnLetter) -> None:
            super().__init__(0, 0)
            self.letter = letter

        def draw(self) -> None:
            current["letter"] = self.letter

    def footer(canvas: Canvas, doc: Any) -> None:
        letter = current.get("letter")
        canvas.saveState()
        canvas.setFont(chosen.body.name, 8)
        canvas.drawCentredString(PAGE_W / 2, 1.2 * cm, f"第 {doc.page} 页")
        if letter is not None:
            canvas.drawRightString(
                PAGE_W - MARGIN, 1.2 * cm, f"{letter.code} 单位表格指纹 {letter.fingerprint}"
            )
        canvas.restoreState()

    story: list[Any] = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story.append(_Marker(letter))
        story += _letter_story(letter, s)
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=letters[0].title if letters else "审核意见书",
        author=letters[0].bureau if letters else "kpi-editor",
        creator="kpi-editor",
        # Otherwise every page starts in Helvetica, an unembedded standard font.
        initialFontName=chosen.body.name,
    )
    frame = Frame(MARGIN, MARGIN, WIDTH, PAGE_H - 2 * MARGIN, id="letter")
    # The footer is drawn when the page ends, so it names the letter the page's text belongs to.
    doc.addPageTemplates([PageTemplate(id="letter", frames=[frame], onPageEnd=footer)])
    try:
        doc.build(story)
    except LayoutError:
        raise ReportLayoutError(
            "审核意见书无法排版：有一条意见或项目名称过长，一整页也放不下，请缩短后再生成"
        ) from None
    return buffer.getvalue()


def write_letters(
    booklet: Booklet,
    codes: Sequence[str],
    path: str | Path,
    reviewer: str,
    date: str | None = None,
    deadline: str | None = None,
    findings: Sequence[FindingLike] | None = None,
) -> list[ReturnLetter]:
    """What 审核 ▸ 生成审核意见书 calls: the letters of units ``codes``, written atomically as one PDF."""
    if findings is None:
        from kpi_editor.domain.engine import validate_booklet

        findings = validate_booklet(booklet)
    letters = [build_letter(booklet, code, findings, reviewer, date, deadline) for code in codes]
    write_atomic(Path(path), letters_pdf(letters))
    return letters

"""The review report: every project with its status, comments and findings, as XLSX and PDF."""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, Project
from kpi_editor.domain.review import ProjectReview, ReviewComment, ReviewStatus
from kpi_editor.io.report import build_report, write_review_report

CREATED = "2026-03-05T14:30:00+08:00"


@dataclass(frozen=True)
class Finding:
    """The shape of ``kpi_editor.domain.engine.Finding`` (only what the report reads)."""

    rule: str
    severity: str
    message: str
    department: str | None
    project_id: str | None
    project_name: str | None
    indicator: int | None
    field: str | None


@pytest.fixture
def corpus(corpus_booklet: Booklet) -> Booklet:
    return corpus_booklet  # shared by the session: tests copy it before changing anything


def reviewed() -> Booklet:
    returned = Project(
        id="p1",
        name="人大代表履职经费",
        unit_name="攀枝花市西区人大办",
        funding=Funding(total=Decimal("25.0")),
        indicators=[
            Indicator(level1="项目完成", level2="数量指标", name="召开会议", value="2次"),
            Indicator(level1="项目效益", level2="社会效益指标", name="履职能力", value="有效提升"),
        ],
        review=ProjectReview(
            status=ReviewStatus.RETURNED,
            comments=[
                ReviewComment(
                    author="李审核", time=CREATED, text="效益指标“有效提升”无法衡量，请量化", indicator=1
                ),
                ReviewComment(author="李审核", time=CREATED, text="=请核对合计", resolved=True),
            ],
        ),
    )
    approved = Project(id="p2", name="机关运行经费", review=ProjectReview(status=ReviewStatus.APPROVED))
    untouched = Project(id="p3", name="信息化建设", funding=Funding(total=Decimal("3")))
    return Booklet(
        fiscal_year=2026,
        departments=[
            Department(code="101001", name="攀枝花市西区人大办", projects=[returned, approved]),
            Department(code="102001", name="攀枝花市西区政协办", projects=[untouched]),
        ],
    )


FINDINGS = [
    Finding(
        "F01", "error", "合计不等于财政拨款加非财政拨款", "101001", "p1", "人大代表履职经费", None, "total"
    ),
    Finding("V01", "warning", "指标值“有效提升”无法衡量", "101001", "p1", "人大代表履职经费", 1, "value"),
    Finding("U02", "warning", "单位名称与单位名录不一致", "102001", None, None, None, "name"),
    Finding("X01", "info", "全册共3个项目", None, None, None, None, None),
]


def test_report_content_places_every_line() -> None:
    booklet = reviewed()
    report = build_report(booklet, FINDINGS, CREATED)
    assert report.fingerprint == booklet_fingerprint(booklet)
    first, second = report.departments
    returned, approved = first.projects
    assert [(p.name, p.status) for p in (*first.projects, *second.projects)] == [
        ("人大代表履职经费", ReviewStatus.RETURNED),
        ("机关运行经费", ReviewStatus.APPROVED),
        ("信息化建设", ReviewStatus.PENDING),
    ]
    assert [(line.kind, line.place, line.state) for line in returned.lines] == [
        ("审核意见", "第2行（社会效益指标／履职能力）", "未解决"),
        ("审核意见", "整个项目", "已解决"),
        ("校验问题", "资金来源·合计", "错误"),
        ("校验问题", "第2行（社会效益指标／履职能力）", "警告"),
    ]
    assert returned.fingerprint == project_fingerprint(
        booklet.departments[0].projects[0], booklet.departments[0]
    )
    assert returned.total == "25" and approved.lines == []
    assert [line.place for line in second.lines] == ["项目名称"]
    assert (first.open_comments, first.count("错误"), second.count("警告")) == (1, 1, 1)
    assert [line.text for line in report.general] == ["全册共3个项目"]


def test_xlsx_lists_every_project_with_status_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "审核意见.xlsx"
    write_review_report(reviewed(), path, "xlsx", FINDINGS, CREATED)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["汇总", "审核明细"]
    summary = [[c.value for c in row] for row in workbook["汇总"].iter_rows(min_row=4, max_row=6)]
    assert summary == [
        ["101001", "攀枝花市西区人大办", 2, 1, 1, 0, 0, 1, 1, 1],
        ["102001", "攀枝花市西区政协办", 1, 0, 0, 0, 1, 0, 0, 1],
        ["合计", "2个单位", 3, 1, 1, 0, 1, 1, 1, 2],
    ]
    details = workbook["审核明细"]
    rows = [[c.value for c in row] for row in details.iter_rows(min_row=4)]
    assert [(r[2], r[4], r[5], r[9]) for r in rows] == [
        ("人大代表履职经费", "退回修改", "审核意见", "未解决"),
        ("人大代表履职经费", "退回修改", "审核意见", "已解决"),
        ("人大代表履职经费", "退回修改", "校验问题", "错误"),
        ("人大代表履职经费", "退回修改", "校验问题", "警告"),
        ("机关运行经费", "审核通过", None, None),
        ("（单位）", None, "校验问题", "警告"),
        ("信息化建设", "未审核", None, None),
    ]
    # A comment starting with "=" stays text, not a formula.
    assert rows[1][7] == "=请核对合计" and details.cell(row=5, column=8).data_type == "s"
    # Long text gets a taller row (openpyxl would leave it at the default and clip it).
    assert all(details.row_dimensions[r].height for r in range(4, 4 + len(rows)))
    assert details.print_title_rows == "$3:$3"


def test_pdf_has_the_chinese_text_with_embedded_fonts(tmp_path: Path) -> None:
    path = tmp_path / "审核意见.pdf"
    write_review_report(reviewed(), path, "pdf", FINDINGS, CREATED)
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    for expected in (
        "2026年部门预算项目绩效目标审核意见",
        "人大代表履职经费",
        "退回修改",
        "效益指标",
        "请量化",
    ):
        assert expected in text.replace("\n", "")
    assert len(reader.pages) == 3  # summary, then one page per unit
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts and all(_embedded_truetype(font) for font in fonts)


def _embedded_truetype(font: Any) -> bool:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_failed_write_leaves_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"old report")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_review_report(reviewed(), path, "xlsx", FINDINGS, CREATED)
    assert path.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_corpus_report_with_real_findings(corpus: Booklet, tmp_path: Path) -> None:
    from kpi_editor.domain.engine import validate_booklet

    booklet = corpus.model_copy(deep=True)
    department, project = next(iter(booklet.projects()))
    project.review = ProjectReview(
        status=ReviewStatus.RETURNED,
        comments=[ReviewComment(author="审核人", time=CREATED, text="请补充满意度指标", indicator=0)],
    )
    findings = validate_booklet(booklet)
    report = write_review_report(booklet, tmp_path / "r.xlsx", "xlsx", findings, CREATED)
    assert sum(len(d.projects) for d in report.departments) == 327
    listed = sum(
        1 for d in report.departments for p in d.projects for line in p.lines if line.kind == "校验问题"
    )
    listed += sum(len(d.lines) for d in report.departments) + len(report.general)
    assert listed == len(findings)
    workbook = load_workbook(BytesIO((tmp_path / "r.xlsx").read_bytes()), read_only=True)
    details = list(workbook["审核明细"].iter_rows(min_row=4, values_only=True))
    assert {row[2] for row in details} >= {p.name for _, p in booklet.projects()}
    assert any(row[7] == "请补充满意度指标" and row[0] == department.code for row in details)
    write_review_report(booklet, tmp_path / "r.pdf", "pdf", findings, CREATED)
    assert PdfReader(tmp_path / "r.pdf").pages[0].extract_text().count("单位") >= 1


def test_xlsx_report_drops_control_characters_a_clerk_pasted(tmp_path: Path) -> None:
    # A value pasted from another program can carry control characters; the workbook's XML cannot.
    booklet = reviewed()
    booklet.departments[0].name = "西区\x07人大办"
    project = booklet.departments[0].projects[0]
    project.name = "人大代表\x00履职经费"
    project.indicators[0].value = "2次\x01"
    project.review.comments[0].text = "请量化\x1b"  # type: ignore[union-attr]
    path = tmp_path / "report.xlsx"
    write_review_report(booklet, path, "xlsx")
    texts = [
        str(cell.value) for ws in load_workbook(path).worksheets for row in ws.iter_rows() for cell in row
    ]
    assert any("西区人大办" in t for t in texts)
    assert any("人大代表履职经费" in t for t in texts)
    assert any("请量化" in t for t in texts)


def test_pdf_report_with_a_name_taller_than_a_page_is_a_clear_error(tmp_path: Path) -> None:
    from kpi_editor.io.report.pdf import ReportLayoutError

    booklet = reviewed()
    booklet.departments[0].projects[0].name = "过长的项目名称" * 1500
    path = tmp_path / "report.pdf"
    path.write_bytes(b"old report")
    with pytest.raises(ReportLayoutError, match="过长"):
        write_review_report(booklet, path, "pdf", [], CREATED)
    assert path.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_comments_name_the_field_they_point_at() -> None:
    from kpi_editor.domain.review import comment
    from kpi_editor.domain.template import load_template
    from kpi_editor.io.report.content import comment_place

    booklet = reviewed()
    project = booklet.departments[0].projects[0]
    template = load_template("xiqu-2026")
    places = [
        comment_place(project, comment("x", indicator=1, field="value", time=CREATED), template, 2026),
        comment_place(project, comment("x", field="funding.superior", time=CREATED), template, 2026),
        comment_place(project, comment("x", field="name", time=CREATED), template, 2026),
        comment_place(project, comment("x", time=CREATED), template, 2026),
    ]
    assert places == [
        "第2行（社会效益指标／履职能力）·指标值",
        "资金来源·其中：2026年上级补助",
        "项目名称",
        "整个项目",
    ]

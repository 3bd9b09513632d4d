"""The return letter: addressed to the unit, every returned project with its comments and errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kpi_editor.domain.approval import batch_status_plan, give_status
from kpi_editor.domain.edits import apply_plan
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.review import ReviewStatus, comment, reply_to, set_resolved
from kpi_editor.io.report.letter import (
    BLANK_DEADLINE,
    _numeral,
    build_letter,
    chinese_date,
    write_letters,
)

AT = "2026-03-05T10:00:00+08:00"
D = 2  # 105001, a unit with 7 projects and real errors


@pytest.fixture
def reviewed(sample_booklet: Booklet) -> Booklet:
    booklet = sample_booklet
    apply_plan(booklet, batch_status_plan(booklet, [(D,)], ReviewStatus.APPROVED, "李审核", AT))
    department = booklet.departments[D]
    for p, row in ((0, 4), (3, 1)):
        project = department.projects[p]
        review = give_status(project, department, ReviewStatus.RETURNED, "李审核", AT)
        assert review is not None
        review.comments = [
            comment(f"第{row + 1}行无法衡量，请量化", "李审核", indicator=row, time=AT),
            comment("已说明的问题", "李审核", time=AT),
            comment("<b>请核对</b> & 合计", "李审核", time=AT),
        ]
        review = set_resolved(review, 1, True, "王填报", AT)
        project.review = reply_to(review, 0, "已改为≥95%", "王填报", "2026-03-12T09:00:00+08:00")
    return booklet


def test_the_letter_lists_returned_projects_open_comments_and_errors(reviewed: Booklet) -> None:
    findings = validate_booklet(reviewed)
    department = reviewed.departments[D]
    letter = build_letter(reviewed, department.code, findings, "李审核", "2026-03-10", "2026-03-20")
    assert (letter.code, letter.unit_name, letter.bureau) == (
        department.code,
        department.name,
        "攀枝花市西区财政局",
    )
    assert [p.name for p in letter.projects] == [department.projects[0].name, department.projects[3].name]
    assert (letter.approved, letter.returned, letter.projects_total) == (5, 2, 7)
    assert (letter.date, letter.deadline) == ("2026年3月10日", "2026年3月20日")
    first = letter.projects[0]
    comments = [i for i in first.items if i.kind == "审核意见"]
    assert [c.text.split("\n")[0] for c in comments] == [
        "第5行无法衡量，请量化",
        "<b>请核对</b> & 合计",
    ]  # resolved left out
    assert comments[0].place.startswith("第5行（") and "单位答复" in comments[0].text
    errors = [f for f in findings if f.project_id == department.projects[0].id and str(f.severity) == "error"]
    listed = [i for i in first.items if i.kind == "校验错误"]
    assert [i.text for i in listed] == [f.message for f in errors]
    assert all(i.source.startswith("校验规则：") for i in listed)
    no_deadline = build_letter(reviewed, department.code, findings, "李审核")
    assert no_deadline.deadline == BLANK_DEADLINE


def test_the_pdf_is_addressed_signed_and_embeds_its_fonts(reviewed: Booklet, tmp_path: Path) -> None:
    department = reviewed.departments[D]
    other = reviewed.departments[D + 1]
    path = tmp_path / "意见书.pdf"
    write_letters(reviewed, [department.code, other.code], path, "李审核", "2026-03-10", "2026-03-20")
    reader = PdfReader(path)
    pages = [page.extract_text().replace("\n", "") for page in reader.pages]
    first = "".join(p for p in pages if department.code in p)
    assert f"{department.name}（单位编码 {department.code}）：" in first
    assert department.projects[0].name in first and department.projects[3].name in first
    assert "请量化" in first and "<b>请核对</b> & 合计" in first and "已说明的问题" not in first
    assert "2026年3月20日前重新报送" in first and "审核人：李审核" in first and "2026年3月10日" in first
    assert department.projects[1].name not in first  # approved: not in the letter
    # The second unit's letter starts on its own page and says it has nothing returned.
    second = [p for p in pages if other.name in p]
    assert second and "你单位没有退回修改的项目" in second[0] and department.name not in second[0]
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts and all(_embedded_truetype(font) for font in fonts)


def _embedded_truetype(font: Any) -> bool:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_dates_and_numerals() -> None:
    assert chinese_date("2026-03-05") == "2026年3月5日" and chinese_date("2026/3/5") == "2026年3月5日"
    assert chinese_date("三月底前") == "三月底前"
    assert [_numeral(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


def test_an_unknown_unit_is_a_key_error(reviewed: Booklet) -> None:
    with pytest.raises(KeyError):
        build_letter(reviewed, "999999", [], "李审核")

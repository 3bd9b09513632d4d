"""Our own export reads back exactly: the whole corpus, and what the visible table cannot show."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, PrefaceSection, Project, Target
from kpi_editor.domain.review import ProjectReview, ReviewStatus, comment
from kpi_editor.io.xlsx import export_xlsx, import_xlsx
from kpi_editor.io.xlsx.layout import META_SHEET


@pytest.fixture(scope="module")
def corpus_xlsx(corpus_booklet: Booklet, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "corpus.xlsx"
    export_xlsx(corpus_booklet, path)
    return path


def test_corpus_round_trip_is_lossless(corpus_booklet: Booklet, corpus_xlsx: Path) -> None:
    booklet, report = import_xlsx(corpus_xlsx)
    assert booklet.project_count == 327
    assert booklet.indicator_count == corpus_booklet.indicator_count
    assert report.own_export and report.issues == []
    assert report.tables == 327 and report.sheets == len(corpus_booklet.departments)
    # Department by department first, so that a failure points at the first difference.
    for original, read in zip(corpus_booklet.departments, booklet.departments, strict=True):
        assert read.model_dump() == original.model_dump()
    assert booklet.model_dump() == corpus_booklet.model_dump()
    assert booklet.total() == Decimal("14050.511679")


def test_corpus_amounts_keep_their_exact_decimals(corpus_booklet: Booklet, corpus_xlsx: Path) -> None:
    booklet, _ = import_xlsx(corpus_xlsx)
    original = [str(p.funding.total) for _, p in corpus_booklet.projects()]
    assert [str(p.funding.total) for _, p in booklet.projects()] == original
    assert "816.995875" in original


def test_edited_cells_win_over_the_hidden_metadata(corpus_booklet: Booklet, tmp_path: Path) -> None:
    path = tmp_path / "first.xlsx"
    export_xlsx(corpus_booklet, path, departments=[corpus_booklet.departments[0].code])
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert ws["A2"].value == "项目名称"
    ws["B2"] = "改过的项目名称"
    ws["D5"] = 30
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    booklet, _ = import_xlsx(edited)
    first = booklet.departments[0].projects[0]
    original = corpus_booklet.departments[0].projects[0]
    assert first.name == "改过的项目名称"
    assert first.funding.total == 30
    assert first.id != original.id  # a renamed table is not silently matched to the old project
    assert booklet.departments[0].projects[1:] == corpus_booklet.departments[0].projects[1:]


def _hidden_state_booklet() -> Booklet:
    review = ProjectReview(
        status=ReviewStatus.RETURNED,
        comments=[comment("成本指标不全", "审核人", 1, "2026-03-05T14:30:00+08:00")],
    )
    project = Project(
        id="abc123",
        name="  项目名前后有空格 ",
        unit_name="某单位",
        funding=Funding(total=Decimal("25.0"), fiscal=Decimal("25.000"), local=Decimal("0.000001")),
        indicators=[
            Indicator(
                level1="产出指标",
                level2="数量指标",
                name="培训人次",
                value="200",
                target=Target(comparator=">=", number=Decimal(200), unit="人次"),
                extra={"nature": "≥", "unit": "人次"},
            ),
            Indicator(
                level1="产出指标",
                level2="数量指标",
                name="=公式样的文字",
                value="=100%",
                extra={"weight": "10"},
            ),
            Indicator(level1="产出指标", level2="", name="", value=""),
            Indicator(),
            Indicator(level1="效益指标", level2="社会效益指标", name="多行\n文字", value="第一行\n第二行"),
        ],
        review=review,
    )
    return Booklet(
        fiscal_year=2027,
        template_id="mof-2021",
        title="某市2027年项目支出绩效目标",
        compiler="某市财政局编制",
        date="2027年2月",
        preface_title="编制说明",
        preface=[PrefaceSection(heading="一、编制依据", body="第一段\n第二段")],
        departments=[Department(code="201003", name="某单位[全称]/测试", projects=[project])],
    )


def test_other_template_targets_review_and_off_template_columns_round_trip(tmp_path: Path) -> None:
    booklet = _hidden_state_booklet()
    path = tmp_path / "mof.xlsx"
    export_xlsx(booklet, path)
    wb = openpyxl.load_workbook(path)
    assert wb[META_SHEET].sheet_state == "hidden"
    # The front sheets (封面, 编制说明, 目录) come first, then one sheet per department.
    assert [w.title for w in wb.worksheets[:3]] == ["封面", "编制说明", "目录"]
    ws = wb.worksheets[3]
    assert ws.title == "201003某单位全称测试"  # [ ] / are not allowed in sheet names
    assert [ws.cell(11, c).value for c in range(2, 8)] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
    ]
    read, report = import_xlsx(path)  # the template comes from the workbook, not the default
    assert report.issues == []
    assert read.model_dump() == booklet.model_dump()


def test_sheet_order_and_empty_departments_come_back_in_booklet_order(tmp_path: Path) -> None:
    booklet = _hidden_state_booklet().model_copy(update={"template_id": "xiqu-2026"})
    source = booklet.departments[0]
    second = source.model_copy(deep=True, update={"code": "301001", "name": "第二单位"})
    second.projects[0].id = "second"
    empty = Department(code="250001", name="没有项目的单位")
    booklet.departments = [second, empty, source]
    path = tmp_path / "order.xlsx"
    export_xlsx(booklet, path)
    wb = openpyxl.load_workbook(path)
    # Front sheets, two departments with projects and the hidden metadata.
    titles = [w.title for w in wb.worksheets]
    assert titles == ["封面", "编制说明", "目录", "301001第二单位", "201003某单位全称测试", META_SHEET]
    wb.move_sheet(wb.worksheets[4], offset=-1)  # the clerk reorders the sheets
    wb.save(path)
    read, report = import_xlsx(path)
    assert report.issues == []
    assert read.model_dump() == booklet.model_dump()

"""The exported workbook itself: layout, merged ranges, print setup, row heights, number formats,
sheet names, scopes, and the atomic, cancellable write."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.template import load_template
from kpi_editor.io.xlsx import ExportCancelled, export_xlsx, layout

CleanProject = Callable[[], tuple[Project, Department]]

LONG_VALUE = (
    "1、门诊救助：特困人员、孤儿、低保对象在定点医疗机构发生的政策范围内门诊费用，按规定比例给予救助；" * 3
)


def _booklet(clean_project: CleanProject) -> Booklet:
    """Two departments; the first has a project with a long value and 6-decimal amounts."""
    first, department = clean_project()
    second, _ = clean_project()
    second.id = "p2"
    second.name = "城乡医疗救助"
    second.funding.total = Decimal("816.995875")
    second.funding.fiscal = Decimal("25.0")
    second.funding.non_fiscal = None
    second.indicators[1] = second.indicators[1].model_copy(update={"value": LONG_VALUE})
    second.indicators.append(
        Indicator(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度", value="=100%")
    )
    department.projects = [first, second]
    third, _ = clean_project()
    third.id = "p3"
    other = Department(
        code="116002", name="攀枝花市西区社会保险事业管理中心（西区医疗保障事务中心）", projects=[third]
    )
    return Booklet(fiscal_year=2026, departments=[department, other])


@pytest.fixture
def exported(clean_project: CleanProject, tmp_path: Path) -> tuple[Booklet, openpyxl.Workbook]:
    booklet = _booklet(clean_project)
    path = tmp_path / "out.xlsx"
    export_xlsx(booklet, path)
    return booklet, openpyxl.load_workbook(path)


def _sheet(wb: openpyxl.Workbook, index: int = 0) -> Worksheet:
    ws = wb.worksheets[index]
    assert isinstance(ws, Worksheet)
    return ws


def test_one_sheet_per_department_named_by_code_within_31_characters(
    exported: tuple[Booklet, openpyxl.Workbook],
) -> None:
    _, wb = exported
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == [
        "101001攀枝花市西区人民代表大会常务委员会办公室",
        "116002攀枝花市西区社会保险事业管理中心（西区医疗保障事务中心"[:31],
    ]
    assert all(len(t) <= 31 for t in visible)
    assert wb.worksheets[-1].title == layout.META_SHEET and wb.worksheets[-1].sheet_state == "hidden"


def test_sheet_names_stay_unique_after_cutting() -> None:
    taken: set[str] = set()
    long = "攀枝花市西区" * 6
    names = [layout.sheet_name("123012", long, taken) for _ in range(3)]
    assert len(set(names)) == 3 and all(len(n) <= 31 for n in names)
    assert layout.sheet_name("1", "a:b/c?d*e[f]g\\h", set()) == "1abcdefgh"


def test_official_layout_and_merged_ranges(exported: tuple[Booklet, openpyxl.Workbook]) -> None:
    booklet, wb = exported
    ws = _sheet(wb)
    project = booklet.departments[0].projects[0]
    assert ws["A1"].value == "部门（单位）预算项目支出绩效目标表"
    assert (ws["A2"].value, ws["B2"].value) == ("项目名称", project.name)
    assert (ws["A3"].value, ws["B3"].value) == ("部门（单位）", project.unit_name)
    assert [ws.cell(r, 2).value for r in range(4, 11)] == [
        "资金来源",
        "合计",
        "财政拨款",
        "其中：2026年上级补助",
        "2026年本级安排",
        "2025年结转资金",
        "非财政拨款",
    ]
    assert ws["D4"].value == "2026年预算申请数（万元）"
    assert [ws.cell(11, c).value for c in range(1, 6)] == [
        "总体绩效目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值（包含数字及文字描述）",
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # Title and name rows across; 项目资金来源 down its 7 rows; label and amount halves of each
    # funding row; 总体绩效目标 down the header and 6 indicator rows; 项目完成 down its 4 rows.
    expected = {"A1:E1", "B2:E2", "B3:E3", "A4:A10", "A11:A17", "B12:B15"}
    expected |= {f"B{r}:C{r}" for r in range(4, 11)} | {f"D{r}:E{r}" for r in range(4, 11)}
    first_table = {m for m in merged if int(m.split(":")[1].lstrip("ABCDE")) <= 17}
    assert first_table == expected
    # The fingerprint's small print, then the second table with its own title.
    assert str(ws["E18"].value).startswith("指纹 ")
    assert ws["A19"].value == "部门（单位）预算项目支出绩效目标表"
    assert "A19:E19" in merged


def test_fonts_borders_and_wrapping(exported: tuple[Booklet, openpyxl.Workbook]) -> None:
    _, wb = exported
    ws = _sheet(wb)
    for ref in ("A2", "B2", "B5", "D5", "E14", "A11"):
        cell = ws[ref]
        assert cell.font.name == "宋体"
        assert cell.alignment.wrap_text
        assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    # Cells covered by a merge keep the outer border (openpyxl reloads them with borders only).
    assert ws["C5"].border.right.style == "thin" and ws["E2"].border.right.style == "thin"
    assert ws["A1"].font.sz == layout.TITLE_SIZE and ws["A1"].font.b


def test_print_setup(exported: tuple[Booklet, openpyxl.Workbook]) -> None:
    _, wb = exported
    ws = _sheet(wb)
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.page_margins.left == pytest.approx(0.6) and ws.page_margins.top == pytest.approx(0.75)
    # Pages are numbered on from sheet to sheet, as the booklet (and the 目录 sheet) numbers them.
    assert ws.oddFooter.center.text == "- &P -" and ws.oddFooter.center.font == "宋体"
    assert ws.page_setup.useFirstPageNumber and ws.page_setup.firstPageNumber == 1
    assert _sheet(wb, 1).page_setup.firstPageNumber == 1 + len(ws.row_breaks.brk) + 1
    # A manual page break after every table (and its fingerprint line) but the last.
    assert [b.id for b in ws.row_breaks.brk] == [18]
    assert _sheet(wb, 1).row_breaks.brk == []


def test_column_widths_fill_the_page(exported: tuple[Booklet, openpyxl.Workbook]) -> None:
    _, wb = exported
    ws = _sheet(wb)
    widths = [ws.column_dimensions[c].width for c in "ABCDE"]
    assert sum(widths) == pytest.approx(layout.TABLE_WIDTH, abs=0.5)
    # 部门（单位） fits column A on one line; the value column is the widest.
    assert layout.text_lines("部门（单位）", widths[0]) == 1
    assert max(widths) == widths[4]


def test_row_heights_are_set_and_grow_with_the_text(exported: tuple[Booklet, openpyxl.Workbook]) -> None:
    _, wb = exported
    ws = _sheet(wb)
    last = ws.max_row
    heights = {r: ws.row_dimensions[r].height for r in range(1, last + 1)}
    small_print = {r for r in heights if str(ws.cell(r, 5).value).startswith(layout.FINGERPRINT_PREFIX + " ")}
    assert all(heights[r] == layout.FINGERPRINT_HEIGHT for r in small_print)
    assert all(
        h is not None and h >= layout.MIN_ROW_HEIGHT for r, h in heights.items() if r not in small_print
    )
    long_row = next(r for r in range(1, last + 1) if ws.cell(r, 5).value == LONG_VALUE)
    short_row = long_row + 1
    lines = layout.text_lines(LONG_VALUE, ws.column_dimensions["E"].width)
    assert lines >= 8
    assert heights[long_row] >= lines * layout.LINE_HEIGHT
    assert heights[long_row] > 4 * heights[short_row]


def test_merged_label_taller_than_its_rows_grows_them(clean_project: CleanProject) -> None:
    from kpi_editor.io.xlsx import build_workbook

    project, department = clean_project()
    project.indicators = project.indicators[:1]  # 总体绩效目标 then spans just two short rows
    wb = build_workbook(Booklet(fiscal_year=2026, departments=[department]))
    ws = wb.worksheets[0]
    block = sum(ws.row_dimensions[r].height for r in (11, 12))
    assert block >= layout.lines_height(layout.text_lines("总体绩效目标", ws.column_dimensions["A"].width))


def test_amounts_are_numbers_shown_with_the_decimals_entered(
    exported: tuple[Booklet, openpyxl.Workbook],
) -> None:
    _, wb = exported
    ws = _sheet(wb)
    assert ws["D5"].data_type == "n" and ws["D5"].value == 25 and ws["D5"].number_format == "0"
    second = 19
    total, fiscal, non_fiscal = (ws.cell(second + r, 4) for r in (4, 5, 9))
    assert total.data_type == "n" and isinstance(total.value, float)
    assert (total.value, total.number_format) == (816.995875, "0.000000")
    assert (fiscal.value, fiscal.number_format) == (25, "0.0")
    assert non_fiscal.value is None  # left out of the table, not zero


def test_text_that_looks_like_a_formula_stays_text(exported: tuple[Booklet, openpyxl.Workbook]) -> None:
    _, wb = exported
    ws = _sheet(wb)
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "=100%")
    assert cell.data_type == "s"


def test_scopes(clean_project: CleanProject, tmp_path: Path) -> None:
    booklet = _booklet(clean_project)
    path = tmp_path / "scope.xlsx"
    export_xlsx(booklet, path, departments=["116002"])
    assert [ws.title for ws in openpyxl.load_workbook(path).worksheets][:-1] == [
        "116002攀枝花市西区社会保险事业管理中心（西区医疗保障事务中心"[:31]
    ]
    export_xlsx(booklet, path, project_ids=["p2"])
    wb = openpyxl.load_workbook(path)
    assert len(wb.worksheets) == 2 and _sheet(wb)["B2"].value == "城乡医疗救助"
    with pytest.raises(ValueError, match="999999"):
        export_xlsx(booklet, path, departments=["999999"])
    with pytest.raises(ValueError, match="没有"):
        export_xlsx(booklet, path, departments=["116002"], project_ids=["p2"])


def test_mof_template_writes_its_own_columns_and_labels(clean_project: CleanProject, tmp_path: Path) -> None:
    booklet = _booklet(clean_project)
    path = tmp_path / "mof.xlsx"
    export_xlsx(booklet, path, template=load_template("mof-2021"), departments=["116002"])
    ws = _sheet(openpyxl.load_workbook(path))
    assert ws["A1"].value == "项目支出绩效目标表"
    assert ws.max_column == 7
    assert "B4:D4" in {str(r) for r in ws.merged_cells.ranges}  # label half of the funding rows


def test_progress_is_reported_and_cancel_leaves_nothing(clean_project: CleanProject, tmp_path: Path) -> None:
    booklet = _booklet(clean_project)
    path = tmp_path / "out.xlsx"
    calls: list[tuple[int, int]] = []
    export_xlsx(booklet, path, progress=lambda done, total: calls.append((done, total)) is None)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    before = path.read_bytes()

    def stop_after_one(done: int, total: int) -> bool:
        return done < 1

    with pytest.raises(ExportCancelled):
        export_xlsx(booklet, path, progress=stop_after_one)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_failed_write_leaves_the_old_file_and_no_temporary(
    clean_project: CleanProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    booklet = _booklet(clean_project)
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old")

    def broken_save(self: openpyxl.Workbook, filename: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        export_xlsx(booklet, path)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_each_table_carries_its_project_fingerprint(exported: tuple[Booklet, openpyxl.Workbook]) -> None:
    from kpi_editor.domain.fingerprint import project_fingerprint

    booklet, wb = exported
    for department in booklet.departments:
        ws = next(ws for ws in wb.worksheets if ws.title.startswith(department.code))
        printed = [
            str(c.value)
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and c.value.startswith(layout.FINGERPRINT_PREFIX + " ")
        ]
        expected = [
            f"{layout.FINGERPRINT_PREFIX} {project_fingerprint(p, department)}" for p in department.projects
        ]
        assert printed == expected
        # The page break falls after the small print, so it stays on its table's page.
        breaks = [b.id for b in ws.row_breaks.brk]
        fingerprint_rows = [
            c.row for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value in expected
        ]
        assert breaks == fingerprint_rows[:-1]


# -- printing like the booklet ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Booklet, openpyxl.Workbook]:
    from kpi_editor.io.projectfile import load_booklet
    from kpi_editor.paths import sample_path

    sample = load_booklet(sample_path())
    # Its front matter, its first units and 119001 with the 28-row table that runs onto a second page.
    kept = [d for i, d in enumerate(sample.departments) if i < 3 or d.code == "119001"]
    booklet = sample.model_copy(update={"departments": kept})
    path = tmp_path_factory.mktemp("xlsx") / "sample.xlsx"
    export_xlsx(booklet, path)
    return booklet, openpyxl.load_workbook(path)


def test_front_sheets_cover_preface_and_a_toc_with_the_printed_page_numbers(
    sample_workbook: tuple[Booklet, openpyxl.Workbook],
) -> None:
    booklet, wb = sample_workbook
    assert [ws.title for ws in wb.worksheets[:3]] == ["封面", "编制说明", "目录"]
    cover = wb["封面"]
    texts = [str(c.value) for row in cover.iter_rows() for c in row if c.value]
    # The long title breaks after 2026年, as the PDF cover does.
    assert texts == [
        "攀枝花市西区2026年",
        "区本级部门预算项目绩效目标（草案）",
        booklet.compiler,
        booklet.date,
    ]
    preface = [str(c.value) for row in wb["编制说明"].iter_rows() for c in row if c.value]
    assert preface[0] == booklet.preface_title and preface[1] == booklet.preface[0].heading
    assert preface[2].startswith("\u3000\u3000" + booklet.preface[0].body[:10])
    toc = wb["目录"]
    entries = [
        (toc.cell(r, 1).value, toc.cell(r, 2).value, toc.cell(r, 8).value) for r in range(2, toc.max_row + 1)
    ]
    assert [(c, n) for c, n, _ in entries] == [(d.code, d.name) for d in booklet.departments]
    sheets = wb.worksheets[3:-1]
    # Each unit's entry is the first page number its sheet prints; the sheets number on.
    assert [p for _, _, p in entries] == [ws.page_setup.firstPageNumber for ws in sheets]
    for ws, after in pairwise(sheets):
        tables = sum(1 for row in ws.iter_rows(min_col=1, max_col=1) if row[0].value == "项目名称")
        breaks = len(ws.row_breaks.brk)
        assert after.page_setup.firstPageNumber == ws.page_setup.firstPageNumber + breaks + 1
        assert breaks >= tables - 1
    assert toc.cell(2, 2).number_format == "@*."  # the dot leader
    assert cover["A2"].font.name == "宋体" == load_template("xiqu-2026").print_font


def test_a_table_longer_than_a_page_breaks_with_its_labels_repeated(
    sample_workbook: tuple[Booklet, openpyxl.Workbook],
) -> None:
    booklet, wb = sample_workbook
    ws = next(ws for ws in wb.worksheets if ws.title.startswith("119001"))
    department = booklet.department("119001")
    assert department is not None
    longest = max(department.projects, key=lambda p: len(p.indicators))
    assert len(longest.indicators) == 28
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == longest.name)
    end = start + 8 + 1 + 28  # name, unit, funding header and 6 rows, column header, the indicators
    inside = [b.id for b in ws.row_breaks.brk if start < b.id < end - 1]
    assert len(inside) == 1
    cut = inside[0] + 1  # the first row of the continued page
    # 总体绩效目标 and the 一级/二级 of the row are written again on the continued page ...
    assert ws.cell(cut, 1).value == "总体绩效目标"
    index = cut - (end - 28)
    indicator = longest.indicators[index]
    assert (ws.cell(cut, 2).value, ws.cell(cut, 3).value) == (indicator.level1, indicator.level2)
    # ... and no merged range crosses the break.
    for merged in ws.merged_cells.ranges:
        assert not (merged.min_row < cut <= merged.max_row), merged
    # Never a single row on either side.
    assert cut - (end - 28) >= 2 and end - cut >= 2

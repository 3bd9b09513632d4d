"""Importing workbooks typed by people in the official layout, one variation per test, and refusing
files that are not safe to read. Each workbook is written here with openpyxl."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from kpi_editor.domain.model import Booklet, Project
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.xlsx import guard, import_xlsx
from kpi_editor.io.xlsx.importer import XlsxImportIssue, XlsxImportReport

FUNDING_2026 = [
    ("合计", 25),
    ("财政拨款", 25),
    ("其中：2026年上级补助", 0),
    ("2026年本级安排", 25),
    ("2025年结转资金", 0),
    ("非财政拨款", 0),
]
INDICATORS = [
    ("项目完成", "数量指标", "召开会议", "2次"),
    ("项目完成", "数量指标", "印发文件", "300份"),
    ("项目完成", "质量指标", "会议议程完成率", "100%"),
    ("项目完成", "时效指标", "完成时间", "2026年12月31日前"),
    ("项目完成", "成本指标", "会务费", "25万元"),
    ("项目效益", "社会效益指标", "代表履职率", "≥95%"),
    ("满意度指标", "服务对象满意度指标", "代表满意度", "≥90%"),
]


def write_table(
    ws: Worksheet,
    top: int,
    *,
    name: str = "人民代表大会会议经费",
    unit: str = "西区人大办",
    funding: list[tuple[str, Any]] | None = None,
    indicators: list[tuple[str, str, str, Any]] | None = None,
    merged: bool = True,
    labels: dict[str, str] | None = None,
    amount_header: str = "2026年预算申请数（万元）",
    title: bool = True,
    blank_rows: bool = False,
) -> int:
    """The official table from row `top` (columns A–E); returns the row after it.

    `merged=False` writes 一级/二级 only on the first row of each group, as a clerk who does not
    merge would, and leaves column A's block labels on their first row.
    """
    lab = {"project": "项目名称", "unit": "部门（单位）", "indicator_value": "指标值（包含数字及文字描述）"}
    lab.update(labels or {})
    funding = FUNDING_2026 if funding is None else funding
    indicators = INDICATORS if indicators is None else indicators
    r = top
    if title:
        ws.cell(r, 1, "部门（单位）预算项目支出绩效目标表")
        if merged:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        r += 1
    for label, value in ((lab["project"], name), (lab["unit"], unit)):
        ws.cell(r, 1, label)
        ws.cell(r, 2, value)
        if merged:
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
        r += 1
    r += blank_rows
    block = r
    ws.cell(r, 1, "项目资金来源")
    ws.cell(r, 2, "资金来源")
    ws.cell(r, 4, amount_header)
    r += 1
    for label, amount in funding:
        ws.cell(r, 2, label)
        if amount is not None:
            ws.cell(r, 4, amount)
        if merged:
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
            ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
        r += 1
    if merged:
        ws.merge_cells(start_row=block, start_column=1, end_row=r - 1, end_column=1)
    r += blank_rows
    block = r
    for col, text in enumerate(
        ("总体绩效目标", "一级指标", "二级指标", "三级指标", lab["indicator_value"]), 1
    ):
        ws.cell(r, col, text)
    r += 1
    first = r
    for i, (l1, l2, name3, value) in enumerate(indicators):
        prev = indicators[i - 1] if i else None
        if merged or prev is None or prev[0] != l1:
            ws.cell(r, 2, l1)
        if merged or prev is None or (prev[0], prev[1]) != (l1, l2):
            ws.cell(r, 3, l2)
        ws.cell(r, 4, name3)
        ws.cell(r, 5, value)
        r += 1
    if merged:
        ws.merge_cells(start_row=block, start_column=1, end_row=r - 1, end_column=1)
        _merge_runs(ws, first, [i[0] for i in indicators], 2)
        _merge_runs(ws, first, [(i[0], i[1]) for i in indicators], 3)
    return r


def _merge_runs(ws: Worksheet, first: int, keys: list[Any], col: int) -> None:
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            if i - 1 > start:
                ws.merge_cells(
                    start_row=first + start, start_column=col, end_row=first + i - 1, end_column=col
                )
                for row in range(first + start + 1, first + i):
                    assert ws.cell(row, col).value is None
            start = i


def new_book() -> tuple[openpyxl.Workbook, Worksheet]:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    return wb, ws


def save(wb: openpyxl.Workbook, tmp_path: Path, name: str = "hand.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def one_sheet(tmp_path: Path, title: str = "Sheet1", **table: Any) -> Path:
    wb, ws = new_book()
    ws.title = title
    write_table(ws, 1, **table)
    return save(wb, tmp_path)


def only_project(booklet: Booklet) -> Project:
    projects = [p for _, p in booklet.projects()]
    assert len(projects) == 1
    return projects[0]


def indicator_rows(project: Project) -> list[tuple[str, str, str, str]]:
    return [(i.level1, i.level2, i.name, i.value) for i in project.indicators]


def assert_standard(project: Project) -> None:
    assert project.name == "人民代表大会会议经费"
    assert project.unit_name == "西区人大办"
    assert indicator_rows(project) == [tuple(str(x) for x in row) for row in INDICATORS]


def messages(report: XlsxImportReport) -> dict[str, str]:
    return {i.cell: i.message for i in report.issues}


def notes(report: XlsxImportReport) -> list[XlsxImportIssue]:
    """The report without the note that a sheet named Sheet1 got the code 000001 (tested on its own)."""
    return [i for i in report.issues if "分配编码" not in i.message]


# -- variations that import ----------------------------------------------------------------------


def test_merged_table_reads_every_field(tmp_path: Path) -> None:
    booklet, report = import_xlsx(one_sheet(tmp_path))
    project = only_project(booklet)
    assert_standard(project)
    assert booklet.fiscal_year == 2026
    f = project.funding
    assert (f.total, f.fiscal, f.superior, f.local, f.carryover, f.non_fiscal) == (25, 25, 0, 25, 0, 0)
    assert report.errors == []
    assert not report.own_export


def test_unmerged_group_labels_are_filled_down(tmp_path: Path) -> None:
    booklet, report = import_xlsx(one_sheet(tmp_path, merged=False))
    assert_standard(only_project(booklet))
    assert report.errors == []


def test_many_tables_on_one_sheet_with_blank_rows_between(tmp_path: Path) -> None:
    wb, ws = new_book()
    ws["A1"] = "2026年部门预算项目支出绩效目标表"  # a heading over all the tables
    r = write_table(ws, 2, name="项目甲")
    r = write_table(ws, r + 2, name="项目乙", merged=False)
    write_table(ws, r + 1, name="项目丙", title=False)
    booklet, report = import_xlsx(save(wb, tmp_path))
    projects = [p for _, p in booklet.projects()]
    assert [p.name for p in projects] == ["项目甲", "项目乙", "项目丙"]
    for project in projects:
        assert len(project.indicators) == len(INDICATORS)
        assert project.funding.total == 25
    assert report.errors == []
    assert [i.cell for i in notes(report)] == ["Sheet1!A1"]


def test_sheet_names_give_codes_in_any_sheet_order_and_others_are_assigned(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "116002社保中心"
    write_table(first, 1, name="社保项目", unit="社保中心")
    write_table(wb.create_sheet("101001人大办"), 1, name="人大项目", unit="人大办")
    write_table(wb.create_sheet("杂项"), 1, name="无编码项目", unit="某单位")
    booklet, report = import_xlsx(save(wb, tmp_path))
    assert [(d.code, d.name, [p.name for p in d.projects]) for d in booklet.departments] == [
        ("116002", "社保中心", ["社保项目"]),
        ("101001", "人大办", ["人大项目"]),
        ("000001", "某单位", ["无编码项目"]),
    ]
    assert "000001" in messages(report)["杂项!A1"]


def test_blank_and_extra_rows_are_skipped_and_reported(tmp_path: Path) -> None:
    wb, ws = new_book()
    ws["A1"] = "附件2"
    ws["E2"] = "单位：万元"
    end = write_table(ws, 4, blank_rows=True)
    ws.cell(end + 2, 1, "填表人：张三")
    booklet, report = import_xlsx(save(wb, tmp_path))
    assert_standard(only_project(booklet))
    assert {i.cell for i in notes(report)} == {"Sheet1!A1", "Sheet1!E2", f"Sheet1!A{end + 2}"}


def test_amounts_typed_as_text(tmp_path: Path) -> None:
    funding = [
        ("合计", "25"),
        ("财政拨款", "25.0"),
        ("其中：2026年上级补助", "０"),
        ("2026年本级安排", "２５"),
        ("2025年结转资金", "-"),
        ("非财政拨款", "0万元"),
    ]
    booklet, report = import_xlsx(one_sheet(tmp_path, funding=funding))
    f = only_project(booklet).funding
    assert (f.total, f.fiscal, f.superior, f.local, f.carryover, f.non_fiscal) == (
        Decimal("25"),
        Decimal("25.0"),
        Decimal("0"),
        Decimal("25"),
        None,
        Decimal("0"),
    )
    assert str(f.fiscal) == "25.0"  # the decimals typed are kept
    guessed = {i.cell for i in notes(report) if i.kind == "guess"}
    assert guessed == {"Sheet1!D7", "Sheet1!D8", "Sheet1!D9", "Sheet1!D10"}
    assert report.errors == []


def test_amount_that_cannot_be_read_names_its_cell(tmp_path: Path) -> None:
    funding = [("合计", "约25"), ("财政拨款", "25000元"), *FUNDING_2026[2:]]
    booklet, report = import_xlsx(one_sheet(tmp_path, funding=funding))
    f = only_project(booklet).funding
    # An amount in 元 is read, exactly, and said so; one that is not an amount is not.
    assert f.total is None and f.fiscal == Decimal("2.5") and f.local == 25
    errors = {i.cell: i.message for i in report.errors}
    assert set(errors) == {"Sheet1!D5"} and "约25" in errors["Sheet1!D5"]
    (note,) = [i.message for i in report.guesses if i.cell == "Sheet1!D6"]
    assert "以元填写" in note and "2.5 万元" in note


def test_absurd_amounts_are_reported_not_crashing(tmp_path: Path) -> None:
    # 1e300 as a number (Decimal.quantize failed) and 30 nines as text (the model refuses 10^15 万元).
    funding = [("合计", 1e300), ("财政拨款", "9" * 30), *FUNDING_2026[2:]]
    indicators = [("项目完成", "数量指标", "召开会议", 1e300)]
    booklet, report = import_xlsx(one_sheet(tmp_path, funding=funding, indicators=indicators))
    project = only_project(booklet)
    assert project.funding.total is None and project.funding.fiscal is None
    assert project.funding.local == 25
    errors = {i.cell: i.message for i in report.errors}
    assert set(errors) == {"Sheet1!D5", "Sheet1!D6"}
    assert all("金额过大" in m for m in errors.values())
    assert project.indicators[0].value == "1" + "0" * 300


def test_numbers_keep_the_decimals_their_format_shows(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, funding=[("合计", 816.995875), ("财政拨款", 25.0), *FUNDING_2026[2:]])
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws["D5"].number_format = "0.000000"
    ws["D6"].number_format = "0.00"
    wb.save(path)
    booklet, _ = import_xlsx(path)
    f = only_project(booklet).funding
    assert str(f.total) == "816.995875"
    assert str(f.fiscal) == "25.00"


def test_label_variants_parentheses_colons_and_spaces(tmp_path: Path) -> None:
    funding = [
        (" 合 计 ", 25),
        ("财政拨款 ", 25),
        ("其中:2026年上级补助", 0),
        ("2026年 本级安排", 25),
        ("2025年结转资金", 0),
        ("非财政拨款", 0),
    ]
    path = one_sheet(
        tmp_path,
        funding=funding,
        labels={
            "project": "项目名称:",
            "unit": "部门(单位)：",
            "indicator_value": "指标值(包含数字及文字描述)",
        },
        amount_header="2026年预算申请数(万元)",
    )
    booklet, report = import_xlsx(path)
    project = only_project(booklet)
    assert_standard(project)
    assert project.funding.superior == 0 and project.funding.local == 25
    assert notes(report) == []


def test_label_and_value_in_one_cell(tmp_path: Path) -> None:
    wb, ws = new_book()
    write_table(ws, 1)
    ws["A2"], ws["B2"] = "项目名称：防汛物资采购", None
    booklet, _ = import_xlsx(save(wb, tmp_path))
    assert only_project(booklet).name == "防汛物资采购"


def test_other_fiscal_year_is_read_from_the_funding_labels(tmp_path: Path) -> None:
    funding = [
        ("合计", 10),
        ("财政拨款", 10),
        ("其中：2027年上级补助", 4),
        ("2027年本级安排", 6),
        ("2026年结转资金", 0),
        ("非财政拨款", 0),
    ]
    booklet, report = import_xlsx(
        one_sheet(tmp_path, funding=funding, amount_header="2027年预算申请数（万元）")
    )
    assert booklet.fiscal_year == 2027
    f = only_project(booklet).funding
    assert (f.superior, f.local, f.carryover) == (4, 6, 0)
    assert notes(report) == []


def test_label_year_disagreeing_with_the_given_year_is_reported(tmp_path: Path) -> None:
    booklet, report = import_xlsx(one_sheet(tmp_path), fiscal_year=2027)
    assert booklet.fiscal_year == 2027
    assert "Sheet1!B7" in {i.cell for i in report.guesses}  # 其中：2026年上级补助


def _with_cached_value(path: Path, formula: str, cached: str | None) -> None:
    """openpyxl writes formulas without a result; put one in as Excel would when saving."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    pattern = f"<f>{formula}</f><v />"
    assert pattern in sheet
    if cached is not None:
        sheet = sheet.replace(pattern, f"<f>{formula}</f><v>{cached}</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formula_is_read_by_its_cached_value(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, funding=[("合计", "=SUM(D6:D7)"), *FUNDING_2026[1:]])
    _with_cached_value(path, "SUM(D6:D7)", "25")
    booklet, report = import_xlsx(path)
    assert only_project(booklet).funding.total == 25
    assert report.errors == []


def test_formula_without_cached_value_is_reported_for_its_cell(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, funding=[("合计", "=SUM(D6:D7)"), *FUNDING_2026[1:]])
    _with_cached_value(path, "SUM(D6:D7)", None)
    booklet, report = import_xlsx(path)
    assert only_project(booklet).funding.total is None
    assert [i.cell for i in report.errors] == ["Sheet1!D5"]
    assert "SUM(D6:D7)" in report.errors[0].message


def test_missing_project_name_and_header_are_reported(tmp_path: Path) -> None:
    wb, ws = new_book()
    write_table(ws, 1, merged=False)
    ws.delete_rows(2)  # the 项目名称 row
    ws.delete_rows(10)  # the 一级指标 … header row, now row 10
    booklet, report = import_xlsx(save(wb, tmp_path))
    project = only_project(booklet)
    assert project.name == "" and project.indicators == []
    assert len([i for i in report.errors if i.cell == "Sheet1!A1"]) == 2
    # Without a header the indicator rows cannot be placed: each of their cells is reported.
    assert {"Sheet1!B10", "Sheet1!C10", "Sheet1!D10", "Sheet1!E10"} <= set(report.cells())


# -- files that are refused ---------------------------------------------------------------------


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("项目名称,金额\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        import_xlsx(path)
    assert str(path) in str(caught.value) and ".xlsx" in str(caught.value)


def test_password_protected_workbook(tmp_path: Path) -> None:
    # Excel saves a password-protected workbook as an encrypted OLE compound file.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    with pytest.raises(FileFormatError, match="密码"):
        import_xlsx(path)


def test_zip_without_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(FileFormatError, match=r"xl/workbook\.xml"):
        import_xlsx(path)


def _refuse_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was parsed before it was checked")

    monkeypatch.setattr(openpyxl, "load_workbook", fail)


def test_zip_bomb_is_refused_from_the_declared_sizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = one_sheet(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(20 * 1024 * 1024))
    _refuse_loading(monkeypatch)
    with pytest.raises(FileFormatError) as caught:
        import_xlsx(path)
    assert caught.value.place == "xl/media/padding.bin"


def test_too_large_uncompressed_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = one_sheet(tmp_path)
    monkeypatch.setattr(guard, "MAX_UNCOMPRESSED_BYTES", 4096)
    _refuse_loading(monkeypatch)
    with pytest.raises(FileFormatError, match="解压后过大"):
        import_xlsx(path)


def test_too_many_cells_is_refused_naming_the_sheet_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = one_sheet(tmp_path)
    monkeypatch.setattr(guard, "MAX_CELLS", 40)
    _refuse_loading(monkeypatch)
    with pytest.raises(FileFormatError, match="单元格过多") as caught:
        import_xlsx(path)
    assert caught.value.place == "xl/worksheets/sheet1.xml"


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    path = one_sheet(tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + bomb, sheet
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(FileFormatError) as caught:
        import_xlsx(path)
    assert str(path) in str(caught.value)


def test_truncated_workbook(tmp_path: Path) -> None:
    path = one_sheet(tmp_path)
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(FileFormatError):
        import_xlsx(path)


def test_workbook_without_any_table(tmp_path: Path) -> None:
    wb, ws = new_book()
    ws["A1"] = "会议纪要"
    with pytest.raises(FileFormatError, match="没有找到任何绩效目标表"):
        import_xlsx(save(wb, tmp_path))


def test_scan_collects_merged_ranges_and_counts_cells(tmp_path: Path) -> None:
    # Read-only openpyxl does not expose merged ranges: the importer takes them from this scan.
    scan = guard.scan_workbook(one_sheet(tmp_path))
    part = scan.parts["xl/worksheets/sheet1.xml"]
    assert {"A1:E1", "B2:E2", "A4:A10", "A11:A18", "B12:B16"} <= set(part.merges)
    # title 1 + name/unit rows 4 + funding header 3 + funding rows 12 + indicator header 5
    # + indicator rows 14 + group labels 3 (一级) and 6 (二级); cells covered by merges hold nothing.
    assert part.cells == 48


def test_a_folder_is_not_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="无法打开文件"):
        import_xlsx(tmp_path)


def test_a_workbook_with_another_extension_says_to_save_it_as_xlsx(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "部门（单位）预算项目支出绩效目标表"
    path = tmp_path / "表格.docx"
    wb.save(path)
    with pytest.raises(FileFormatError) as info:
        import_xlsx(path)
    message = str(info.value)
    assert "表格.docx" in message and "“.docx”" in message and "另存为" in message
    assert "openpyxl" not in message


def test_a_workbook_missing_a_part_is_called_damaged_in_chinese(tmp_path: Path) -> None:
    import zipfile

    whole = tmp_path / "whole.xlsx"
    openpyxl.Workbook().save(whole)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/_rels/workbook.xml.rels":
                target.writestr(item, source.read(item.filename))
    with pytest.raises(FileFormatError) as info:
        import_xlsx(broken)
    assert "broken.xlsx" in str(info.value) and "损坏" in str(info.value)

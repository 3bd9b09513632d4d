"""Every shipped form end to end: a filled table (structured cells included) validates, prints to
PDF and XLSX in that form's layout, and reads back unchanged; and a workbook as real published
tables are made (Sichuan 一体化: 元 with separators, serial dates, >=, hints, blank form rows, a unit
code in the unit name) is recognised from its header row and read as meant, every guess reported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.model import Booklet, Target
from kpi_editor.domain.template import available_templates, load_template
from kpi_editor.io.booklet_pdf import import_booklet_pdf
from kpi_editor.io.pdf import export_pdf
from kpi_editor.io.xlsx import export_xlsx, import_xlsx

# tests/ is on the path (its conftest.py is), so the filled tables of every form import as a module.
from forms_filled import filled_booklet  # isort: skip


D = Decimal
FORMS = sorted(available_templates())


def _text(path: Path) -> str:
    from pypdf import PdfReader

    pages = "".join((page.extract_text() or "") for page in PdfReader(path).pages)
    return pages.replace(" ", "").replace("\n", "")  # labels wrap inside their cells


@pytest.mark.parametrize("form", FORMS)
def test_each_form_validates_prints_and_reads_back_unchanged(form: str, tmp_path: Path) -> None:
    booklet = filled_booklet(form)
    template = load_template(form)
    assert [f for f in validate_booklet(booklet) if f.counted] == []

    xlsx = tmp_path / f"{form}.xlsx"
    export_xlsx(booklet, xlsx)
    back, report = import_xlsx(xlsx, template_id="auto")
    assert report.own_export and report.errors == []
    assert back == booklet  # every row whole: its parts, weights, directions, bases, period values

    pdf = tmp_path / f"{form}.pdf"
    export_pdf(booklet, pdf)
    text = _text(pdf)
    for column in template.columns:
        assert column.label.replace(" ", "") in text, column.label
    for spec in template.project_texts:
        assert spec.label in text
    project = booklet.departments[0].projects[0]
    for value in (project.texts or {}).values():
        assert value[:12] in text
    read, _ = import_booklet_pdf(pdf)
    (got,) = [p for _, p in read.projects()]
    assert got.funding == project.funding and got.texts == project.texts
    assert [(r.level1, r.level2, r.name, r.value) for r in got.indicators] == [
        (r.level1, r.level2, r.name, r.value) for r in project.indicators
    ]


def test_a_form_in_yuan_prints_yuan_and_reads_them_back_as_wan(tmp_path: Path) -> None:
    booklet = filled_booklet("sichuan-2023")
    pdf = tmp_path / "sichuan.pdf"
    export_pdf(booklet, pdf)
    text = _text(pdf)
    assert "2023年预算数（元）" in text and "3,309,840.00" in text
    assert "≤" in text and "反向指标" in text and "定性" in text
    xlsx = tmp_path / "sichuan.xlsx"
    export_xlsx(booklet, xlsx)
    from openpyxl import load_workbook

    ws = load_workbook(xlsx)["820001井研县马踏镇人民政府"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    # 元 with separators: numbers, as Excel sums them, shown as the form prints them.
    amounts = [c.value for c in cells if c.number_format == "#,##0.00"]
    assert amounts == [3309840, 3309840, 0]
    (households,) = [c for c in cells if c.value == 120]
    assert households.data_type == "n"  # 指标值 120 户 is a number too


def published_workbook(path: Path) -> Path:
    """A table as a Sichuan 一体化 export or a clerk's copy of it looks."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "绩效目标"
    rows = [
        ["部门预算项目绩效目标申报表"],
        ["项目名称", "困难群众救助补助资金"],
        ["单位名称", "820001-井研县马踏镇人民政府"],
        ["项目资金", "资金来源", "", "", "2023年预算数（元）"],
        ["", "预算数", "", "", "3,309,840.00"],
        ["", "其中：财政资金", "", "", 3309840],
        ["", "其他资金", "", "", 0],
        ["年度目标", "保障困难群众基本生活"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
            "指标方向性",
        ],
        ["", "产出指标", "数量指标", "帮扶困难群众户数(≥**户)", ">=", 120, "户", 20, "正向指标"],
        ["", "", "质量指标", "救助资金发放准确率", "=", 100, "%", 10, "正向指标"],
        ["", "", "时效指标", "资金发放完成时间", "<=", 45291, "", 10, "反向指标"],
        ["", "", "成本指标", "困难群众救助资金", "≤", 3309840, "元", 10, "反向指标"],
        ["", "", "成本指标", "", "≤", "", "元", "", ""],
        ["", "效益指标", "社会效益指标", "困难群众基本生活保障", "定性", "有效保障", "", 15, "正向指标"],
        ["", "", "可持续影响指标", "长效帮扶机制", "定性", "逐步建立", "", 5, "正向指标"],
        ["", "满意度指标", "服务对象满意度指标", "受助群众满意度", ">=", 95, "%", 10, "正向指标"],
        ["", "", "", "村（社区）满意度", "≥", 90, "%", 10, "正向指标"],
    ]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_published_sichuan_workbook_is_recognised_and_read_as_meant(tmp_path: Path) -> None:
    booklet, report = import_xlsx(published_workbook(tmp_path / "published.xlsx"), template_id="auto")
    assert booklet.template_id == "sichuan-2023" and booklet.fiscal_year == 2023
    notes = [str(i) for i in report.issues]
    assert any("识别为表样“四川省部门预算项目绩效目标申报表" in n for n in notes)
    (department,) = booklet.departments
    assert (department.code, department.name) == ("820001", "井研县马踏镇人民政府")
    (project,) = department.projects
    assert project.unit_name == "井研县马踏镇人民政府"
    # 元 with separators, as text or as a number: 330.984 万元 exactly.
    assert project.funding.total == project.funding.fiscal == D("330.984")
    assert project.texts == {"goal": "保障困难群众基本生活"}
    rows = project.indicators
    assert len(rows) == 8  # the blank form row with only ≤ and 元 preset is skipped, and said so
    assert any("表样的空白行" in n for n in notes)
    assert rows[0].target == Target(comparator=">=", number=D(120), unit="户") and rows[0].weight == D(20)
    assert any("填写提示“(≥**户)”" in n for n in notes)
    time_row = rows[2]
    assert time_row.target is not None and str(time_row.target.date) == "2023-12-31"
    assert time_row.value == "2023年12月31日前" and time_row.direction == "negative"
    assert any("Excel序号 45291" in n for n in notes)
    assert rows[3].target == Target(comparator="<=", number=D(3309840), unit="元")
    assert rows[4].target == Target(comparator="qualitative", text="有效保障")
    assert rows[7].level2 == "服务对象满意度指标"  # filled down under its group
    assert report.errors == []
    findings = {f.rule for f in validate_booklet(booklet) if f.counted}
    # The checker flags the hint left in the name; the published weights follow the form's rule.
    assert "text.name_hint" in findings and not {r for r in findings if r.startswith("weight.")}


def test_ascii_comparators_and_serial_dates_in_a_text_form(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in [
        ["项目名称", "人大会议经费"],
        ["部门（单位）", "西区人大办"],
        ["项目资金来源", "资金来源", "", "2026年预算申请数（万元）"],
        ["", "合计", "", 25],
        ["", "财政拨款", "", 25],
        ["总体绩效目标", "一级指标", "二级指标", "三级指标", "指标值（包含数字及文字描述）"],
        ["", "项目完成", "时效指标", "完成时间", 46387],
        ["", "满意度指标", "服务对象满意度指标", "代表满意度", ">=90%"],
    ]:
        ws.append(row)
    wb.save(tmp_path / "xiqu.xlsx")
    booklet, report = import_xlsx(tmp_path / "xiqu.xlsx", template_id="auto")
    assert booklet.template_id == "xiqu-2026"
    rows = booklet.departments[0].projects[0].indicators
    assert [r.value for r in rows] == ["2026年12月31日", "≥90%"]
    guesses = {i.cell for i in report.guesses}
    assert {"Sheet!E7", "Sheet!E8"} <= guesses


@pytest.mark.parametrize("form", ["sichuan-2023", "hunan-2022"])
def test_amounts_and_text_rows_a_form_does_not_print_survive_its_workbook(
    form: str, sample_booklet: Booklet, tmp_path: Path
) -> None:
    # A 西区 booklet converted to a form with three funding rows keeps its 上级补助 / 本级安排 /
    # 上年结转 "but does not print them" (the conversion report says so); its own workbook must
    # still give them back, and what the sheet prints still wins.
    from kpi_editor.domain.retemplate import convert_booklet

    sample_booklet.departments = sample_booklet.departments[:6]
    converted = convert_booklet(sample_booklet, form).booklet
    printed = {spec.field for spec in load_template(form).funding_rows}
    kept = [
        (project.id, name)
        for _, project in converted.projects()
        for name in ("superior", "local", "carryover")
        if name not in printed and project.funding.get(name)
    ]
    assert len(kept) > 10  # the sample's splits, now unprinted
    project = converted.departments[0].projects[0]
    project.texts = {**(project.texts or {}), "旧表样的文字": "换表样前写的话"}
    xlsx = tmp_path / f"{form}.xlsx"
    export_xlsx(converted, xlsx)
    back, report = import_xlsx(xlsx)
    assert report.own_export and report.errors == []
    assert back == converted

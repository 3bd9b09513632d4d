"""PDF export: the official table, continued tables, fonts, the booklet's 目录 and outline, scopes."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, PrefaceSection, Project, Target
from kpi_editor.domain.template import load_template
from kpi_editor.io.pdf import ExportCancelled, PdfExportError, PdfOptions, export_pdf
from kpi_editor.io.pdf import booklet as pdf_booklet
from kpi_editor.io.pdf.cjk import CANNOT_END, CANNOT_START, install_line_rules
from kpi_editor.io.pdf.fonts import resolve_fonts
from kpi_editor.io.pdf.table import Styles, column_widths

GROUPS = [
    ("项目完成", "数量指标"),
    ("项目完成", "质量指标"),
    ("项目完成", "时效指标"),
    ("项目完成", "成本指标"),
    ("项目效益", "社会效益指标"),
    ("项目效益", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
]
# The longest 指标值 of the corpus (#95 城乡医疗救助) is 216 characters; this one is too.
LONG_VALUE = ("1、门诊救助：特困人员、孤儿、低保对象按政策范围内费用的70%救助，年度封顶线2万元；" * 6)[:216]


def make_project(pid: str, name: str, rows: int, *, value: str | None = None) -> Project:
    indicators = []
    for k in range(rows):
        level1, level2 = GROUPS[min(k * len(GROUPS) // rows, len(GROUPS) - 1)]
        text = value if value is not None and k == rows // 2 else f"{name}目标值{k}：≥{90 + k % 10}%"
        indicators.append(Indicator(level1=level1, level2=level2, name=f"{name}指标{k}", value=text))
    return Project(
        id=pid,
        name=name,
        unit_name="攀枝花市西区测试单位",
        funding=Funding(
            total=Decimal("816.995875"),
            fiscal=Decimal("25.0"),
            superior=Decimal("0"),
            local=Decimal("25"),
            carryover=None,
            non_fiscal=Decimal("791.995875"),
        ),
        indicators=indicators,
    )


def make_booklet(departments: int = 3, projects: int = 3, rows: int = 9) -> Booklet:
    depts = []
    for d in range(departments):
        code = f"{101 + d}001"
        depts.append(
            Department(
                code=code,
                name=f"测试部门{d + 1}",
                projects=[
                    make_project(f"{code}-{j}", f"部门{d + 1}项目{j + 1}", rows + 7 * j)
                    for j in range(projects)
                ],
            )
        )
    # Departments deliberately out of code order: the booklet prints them sorted.
    depts.reverse()
    return Booklet(
        fiscal_year=2026,
        title="攀枝花市西区2026年区本级部门预算项目绩效目标（草案）",
        compiler="攀枝花市西区财政局编制",
        date="2026年3月",
        preface_title="部门预算项目绩效目标编制说明",
        preface=[PrefaceSection(heading="一、编制依据", body="区财政局按照《预算绩效目标管理办法》编制。")],
        departments=depts,
    )


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(pdf: Path) -> list[str]:
    """Text of each page in content-stream order (each cell's lines stay together)."""
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def fingerprints(page: str) -> list[str]:
    return re.findall(r"指纹 ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2})", page)


def footer_number(page: str) -> str | None:
    found = re.findall(r"- (\d+|[IVX]+) -", page)
    return found[-1] if found else None


def assert_in_order(haystack: str, needles: list[str]) -> None:
    cursor = 0
    for needle in needles:
        at = haystack.find(squash(needle), cursor)
        assert at >= 0, f"“{needle}” missing or out of order after position {cursor}"
        cursor = at + len(squash(needle))


def embedded_fonts(pdf: Path) -> list[tuple[str, str, str]]:
    """(name, type, emb) for every font, from poppler's pdffonts."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [subtype words] encoding emb sub uni object ID
        rows.append((parts[0], parts[1], parts[-5]))
    return rows


def toc_entries(pages: list[str]) -> dict[str, int]:
    entries: dict[str, int] = {}
    for page in pages:
        for code, number in re.findall(r"^(\d{6})\s.*?\.{3,}\s*(\d+)\s*$", page, flags=re.M):
            entries[code] = int(number)
    return entries


def check_booklet_pdf(booklet: Booklet, pdf: Path, result: pdf_booklet.PdfResult) -> None:
    """The checks every whole-booklet export must pass (used on hand-made and corpus booklets)."""
    pages = page_texts(pdf)
    assert len(pages) == result.pages
    text = squash("".join(pages))
    needles: list[str] = []
    for dept in sorted(booklet.departments, key=lambda d: d.code):
        for project in dept.projects:
            needles.append(project.name)
            needles.extend(i.value for i in project.indicators if i.value.strip())
    assert_in_order(text, needles)

    toc = toc_entries(pages)
    assert sorted(toc) == sorted(d.code for d in booklet.departments)
    by_number = {footer_number(p): i for i, p in enumerate(pages)}
    starts = {s.code: s for s in result.departments}
    title = squash(load_template(booklet.template_id).labels.title)
    tables_before = 0
    for dept in sorted(booklet.departments, key=lambda d: d.code):
        assert starts[dept.code].page == toc[dept.code]
        index = by_number[str(toc[dept.code])]
        assert index + 1 == starts[dept.code].pdf_page
        first = squash(pages[index])
        # The page opens this department's first table, and exactly the tables of the
        # departments before it come earlier.
        assert first.index(title) < first.index(squash(dept.projects[0].name))
        assert sum(squash(p).count(title) for p in pages[:index]) == tables_before
        tables_before += len(dept.projects)

    # Every table page, continuations too, carries its own project's fingerprint, as
    # `kpi fingerprint --projects` prints it (department included).
    # Pages left blank for two-sided printing carry nothing, not even a fingerprint.
    body = [p for p in pages[result.departments[0].pdf_page - 1 :] if p.strip() not in ("", "此页无正文")]
    assert all(len(fingerprints(p)) == 1 for p in body)
    in_order = [fingerprints(p)[0] for p in body]
    expected = [
        project_fingerprint(project, dept)
        for dept in sorted(booklet.departments, key=lambda d: d.code)
        for project in dept.projects
    ]
    assert list(dict.fromkeys(in_order)) == expected
    assert len(in_order) == len(body)

    fonts = embedded_fonts(pdf)
    assert fonts
    assert all(emb == "yes" for _, _, emb in fonts), fonts
    assert not any("STSong" in name or "Helvetica" in name for name, _, _ in fonts)


@pytest.fixture(scope="module")
def hand_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Booklet, Path, pdf_booklet.PdfResult]:
    booklet = make_booklet()
    path = tmp_path_factory.mktemp("pdf") / "booklet.pdf"
    return booklet, path, export_pdf(booklet, path)


def test_whole_booklet_has_every_name_and_value_in_order_and_a_true_toc(hand_pdf):
    booklet, path, result = hand_pdf
    check_booklet_pdf(booklet, path, result)
    pages = page_texts(path)
    assert squash(booklet.title) in squash(pages[0])
    assert footer_number(pages[0]) is None  # the cover is unnumbered
    assert "编制说明" in pages[1] and "目录" in squash(pages[2])
    # The 目录 carries the whole booklet's fingerprint; cover and 编制说明 carry none.
    assert f"本册指纹 {booklet_fingerprint(booklet)}" in pages[2]
    assert fingerprints(pages[0]) == fingerprints(pages[1]) == []
    # The official cover's break: place and year, then the rest.
    assert pages[0].splitlines()[:2] == ["攀枝花市西区2026年", "区本级部门预算项目绩效目标（草案）"]
    assert [s.code for s in result.departments] == ["101001", "102001", "103001"]
    assert result.missing == []


def test_amounts_print_as_entered(hand_pdf):
    _, path, _ = hand_pdf
    table = page_texts(path)[3]
    assert "816.995875" in table and "25.0" in table and "791.995875" in table
    assert "其中：2026年上级补助" in table and re.search(r"上级补助\s*0\n", table)  # a 0 prints 0
    assert "816.99587500" not in table and "25.00" not in table
    # The table leaves out 结转资金 (None): the print leaves the row out, as the official booklet
    # prints a three-row block for such tables, instead of a blank cell a reader takes for 0.
    assert "2025年结转资金" not in table


def test_a_table_with_no_amount_prints_every_funding_row_as_a_blank_form(tmp_path):
    project = make_project("blank", "新建项目", 6)
    project.funding = Funding()
    booklet = Booklet(
        fiscal_year=2026, departments=[Department(code="120001", name="测试", projects=[project])]
    )
    export_pdf(booklet, tmp_path / "b.pdf", project_ids=["blank"])
    table = page_texts(tmp_path / "b.pdf")[0]
    for label in (
        "合计",
        "财政拨款",
        "其中：2026年上级补助",
        "2026年本级安排",
        "2025年结转资金",
        "非财政拨款",
    ):
        assert label in table


def test_outline_and_metadata(hand_pdf):
    booklet, path, _ = hand_pdf
    reader = PdfReader(path)
    assert reader.metadata.title == booklet.title
    assert reader.metadata.author == booklet.compiler
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[-3:] == ["101001 测试部门1", "102001 测试部门2", "103001 测试部门3"]
    children = [item for item in reader.outline if isinstance(item, list)]
    assert [c.title for c in children[-1]] == [p.name for p in booklet.departments[0].projects]


def test_table_of_28_rows_continues_with_repeated_labels(tmp_path):
    project = make_project("p28", "定点医药机构医保监管经费", 28)
    booklet = Booklet(
        fiscal_year=2026, departments=[Department(code="120001", name="医保局", projects=[project])]
    )
    result = export_pdf(booklet, tmp_path / "t.pdf", project_ids=["p28"])
    pages = page_texts(tmp_path / "t.pdf")
    assert result.pages == len(pages) == 2
    assert_in_order(squash("".join(pages)), [i.value for i in project.indicators])
    second = pages[1]
    # Read back with pypdf too: both pages carry this project's fingerprint and no other.
    expected = project_fingerprint(project, booklet.departments[0])
    reader = PdfReader(tmp_path / "t.pdf")
    assert [fingerprints(page.extract_text()) for page in reader.pages] == [[expected], [expected]]
    carried = [i for i in project.indicators if squash(i.value) in squash(second)]
    # The continuation opens with 续表 and the project's name, then the column header row, and
    # repeats 总体绩效目标 and the 一级/二级 labels of the rows it carries.
    lines = second.splitlines()
    assert lines[0] == "项目名称：定点医药机构医保监管经费 续表"
    assert squash(lines[1] + lines[2]) == "总体绩效目标一级指标二级指标三级指标指标值（包含数字及文字描述）"
    assert carried[0].level1 in second and carried[0].level2 in second
    # Never a single row carried over (or left behind).
    assert len(carried) >= 2 and len(project.indicators) - len(carried) >= 2
    assert "部门（单位）预算项目支出绩效目标表" not in second and "资金来源" not in second


def test_216_character_value_and_a_cell_taller_than_a_page(tmp_path):
    huge = "超长指标值，用于检验单元格跨页拆分。" * 260
    booklet = Booklet(
        fiscal_year=2026,
        departments=[
            Department(
                code="120001",
                name="民政局",
                projects=[
                    make_project("a", "城乡医疗救助", 12, value=LONG_VALUE),
                    make_project("b", "超长单元格", 6, value=huge),
                ],
            )
        ],
    )
    result = export_pdf(booklet, tmp_path / "long.pdf", departments=["120001"])
    text = squash("".join(page_texts(tmp_path / "long.pdf")))
    assert squash(LONG_VALUE) in text
    # Split across pages: a page ends with its number and fingerprint, the continuation starts
    # with 续表, the header row and the repeated labels of the row (总体绩效目标 / 项目完成 /
    # 成本指标), then the rest of the cell, with nothing lost.
    joined = re.sub(
        r"-\d+-指纹[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2}项目名称：超长单元格续表"
        r"总体绩效目标一级指标二级指标三级指标指标值（包含数字及文字描述）项目完成成本指标",
        "",
        text,
    )
    assert joined.count("超长指标值，用于检验单元格跨页拆分。") == 260
    assert result.pages >= 4  # 目录, one table, and at least two pages for the huge cell


def test_missing_character_is_reported_with_project_and_cell(tmp_path):
    project = make_project("m", "生僻字项目", 6)
    project.indicators[2].value = "目标𠀀𪚥完成"  # CJK Extension B: in neither bundled font
    booklet = Booklet(
        fiscal_year=2026, departments=[Department(code="120001", name="测试", projects=[project])]
    )
    result = export_pdf(booklet, tmp_path / "m.pdf")
    assert len(result.missing) == 1
    miss = result.missing[0]
    assert (miss.project_id, miss.project_name, miss.department) == ("m", "生僻字项目", "120001")
    assert miss.cell == "第3条指标的指标值（包含数字及文字描述）"
    assert miss.chars == "𠀀𪚥"


def test_character_missing_from_body_font_falls_back_to_the_other_font(tmp_path):
    fonts = resolve_fonts()
    only_hei = next(chr(c) for c in sorted(fonts.title.glyphs - fonts.body.glyphs) if 0x4E00 <= c <= 0x9FFF)
    project = make_project("f", "回退字体项目", 6)
    project.indicators[0].value = f"含{only_hei}字"
    booklet = Booklet(
        fiscal_year=2026, departments=[Department(code="120001", name="测试", projects=[project])]
    )
    result = export_pdf(booklet, tmp_path / "f.pdf")
    assert result.missing == []
    assert f"含{only_hei}字" in squash("".join(page_texts(tmp_path / "f.pdf")))


def test_no_wrapped_line_starts_with_closing_punctuation():
    install_line_rules()
    styles = Styles.make(resolve_fonts())
    width = 120.0
    for punct in "，。、；：？！）》」”":
        for shift in range(12):
            text = "测" * shift + ("指标值" + punct) * 12
            para = Paragraph(text, ParagraphStyle("t", fontName=styles.fonts.body.name, wordWrap="CJK"))
            para.wrap(width, 1e6)
            lines = [text_of(line) for line in para.blPara.lines]
            assert len(lines) > 2
            assert all(line[:1] not in CANNOT_START for line in lines[1:]), (punct, shift, lines)


def test_cell_lines_keep_brackets_with_their_text_and_labels_end_with_two_characters():
    ts = Styles.make(resolve_fonts()).typesetter
    for shift in range(14):
        for text in (
            "测" * shift + "（含执法）工作经费）。" * 4,
            "测" * shift + "完成“推普周”《经典》活动，" * 4,
        ):
            lines = ts.block(text, 100.0).text_lines
            assert "".join(lines) == text
            assert all(line[:1] not in CANNOT_START for line in lines[1:]), (shift, lines)
            assert all(line[-1:] not in CANNOT_END for line in lines[:-1]), (shift, lines)
    # Numbers stay whole: 0.16万元 does not break inside 0.16.
    lines = ts.block("测" * 7 + "0.16万元", 80.0).text_lines
    assert any(line.startswith("0.16") or "0.16" in line for line in lines)
    # The corpus' 二级 labels in the 二级 column: never a one-character last line.
    cols = column_widths(load_template("xiqu-2026"), pdf_booklet.CONTENT_W)
    for label in ("可持续影响指标", "服务对象满意度指标", "社会效益指标", "经济效益指标"):
        lines = ts.label(label, cols[2] - 6).text_lines
        assert "".join(lines) == label and all(len(line) >= 2 for line in lines), lines


def text_of(line: object) -> str:
    """A wrapped line's text: ReportLab keeps (extra space, [text]) for single-font paragraphs."""
    if isinstance(line, tuple):
        return "".join(line[1])
    return "".join(getattr(w, "text", "") for w in getattr(line, "words", []))


def test_mof_template_prints_its_own_labels(tmp_path):
    project = make_project("x", "部级项目", 8)
    project.funding.carryover = Decimal("0")
    for indicator in project.indicators:
        indicator.target = Target(comparator=">=", number=Decimal(95), unit="%")
        indicator.value = "≥95%"
    booklet = Booklet(
        fiscal_year=2027,
        template_id="mof-2021",
        departments=[Department(code="120001", name="测试", projects=[project])],
    )
    export_pdf(booklet, tmp_path / "mof.pdf", template=load_template("mof-2021"))
    text = squash("".join(page_texts(tmp_path / "mof.pdf")))
    for label in (
        "项目支出绩效目标表",
        "年度绩效目标",
        "指标性质",
        "度量单位",
        "2027年年度资金总额（万元）",
        "2026年结转结余",
    ):
        assert squash(label) in text


def test_scopes(tmp_path):
    booklet = make_booklet()
    result = export_pdf(booklet, tmp_path / "d.pdf", departments=["102001"])
    pages = page_texts(tmp_path / "d.pdf")
    assert "目" in pages[0] and toc_entries(pages) == {"102001": 1}
    # Part of the booklet is not the booklet: no booklet fingerprint on its 目录.
    assert "本册指纹" not in pages[0]
    assert result.projects == 3 and booklet.title not in "".join(pages)
    result = export_pdf(booklet, tmp_path / "p.pdf", project_ids=["103001-0"])
    pages = page_texts(tmp_path / "p.pdf")
    assert result.projects == 1 and result.pages == 1 and footer_number(pages[0]) == "1"
    assert "部门3项目1" in pages[0]
    with pytest.raises(PdfExportError, match="999999"):
        export_pdf(booklet, tmp_path / "x.pdf", departments=["999999"])
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_leaves_no_file(tmp_path):
    booklet = make_booklet()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 12  # cancel while tables are being drawn

    with pytest.raises(ExportCancelled):
        export_pdf(booklet, tmp_path / "c.pdf", progress=progress)
    assert list(tmp_path.iterdir()) == []
    assert seen[-1] == (12, 18)


def test_failure_keeps_the_old_file_and_leaves_no_partial(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    bad_font = tmp_path / "bad.ttf"
    bad_font.write_bytes(b"not a font")
    with pytest.raises(PdfExportError, match=r"bad\.ttf"):
        export_pdf(make_booklet(1, 1), target, options=PdfOptions(body_font=bad_font))
    with pytest.raises(PdfExportError, match="文件夹不存在"):
        export_pdf(make_booklet(1, 1), tmp_path / "missing" / "out.pdf")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.ttf", "out.pdf"]


def test_summary_chart_is_optional(tmp_path):
    booklet = make_booklet()
    plain = export_pdf(booklet, tmp_path / "a.pdf")
    charted = export_pdf(booklet, tmp_path / "b.pdf", options=PdfOptions(summary_chart=True))
    assert charted.pages == plain.pages + 1
    chart = page_texts(tmp_path / "b.pdf")[3]
    assert "各部门（单位）项目资金合计（万元）" in chart
    # Named, not coded; each bar labelled with its department's 合计 (3 × 816.995875).
    assert all(f"测试部门{k}" in chart for k in (1, 2, 3)) and "101001" not in chart
    assert "2450.99" in chart
    assert [s.page for s in charted.departments] == [s.page for s in plain.departments]


def test_re_export_lays_out_only_changed_projects(tmp_path, monkeypatch):
    booklet = make_booklet()
    export_pdf(booklet, tmp_path / "a.pdf")
    calls: list[str] = []
    real = pdf_booklet.prepare_table

    def counting(project, *args, **kwargs):
        calls.append(project.id)
        return real(project, *args, **kwargs)

    monkeypatch.setattr(pdf_booklet, "prepare_table", counting)
    booklet.departments[0].projects[1].indicators[0].value = "改过的值"
    export_pdf(booklet, tmp_path / "b.pdf")
    assert calls == [booklet.departments[0].projects[1].id]
    assert "改过的值" in squash("".join(page_texts(tmp_path / "b.pdf")))
    # A department's new name is not in its tables' layout but is in their fingerprints:
    # nothing is laid out again, yet every footer follows the new name.
    calls.clear()
    dept = booklet.departments[0]
    dept.name = "改名后的部门"
    export_pdf(booklet, tmp_path / "c.pdf")
    assert calls == []
    found = {fp for page in page_texts(tmp_path / "c.pdf") for fp in fingerprints(page)}
    assert {project_fingerprint(p, dept) for p in dept.projects} <= found


def test_cover_title_breaks_where_asked_or_after_the_year():
    fonts = resolve_fonts()
    name, size = fonts.title.name, 26.0
    width = pdf_booklet.CONTENT_W
    title = "攀枝花市西区2026年区本级部门预算项目绩效目标（草案）"
    assert pdf_booklet.cover_lines(title, name, size, width) == [
        "攀枝花市西区2026年",
        "区本级部门预算项目绩效目标（草案）",
    ]
    assert pdf_booklet.cover_lines("攀枝花市西区\n2026年部门预算", name, size, width) == [
        "攀枝花市西区",
        "2026年部门预算",
    ]
    assert pdf_booklet.cover_lines("2026年部门预算", name, size, width) == ["2026年部门预算"]
    # No 年 that leaves both lines short enough: the title wraps by itself.
    long_title = "部门预算项目绩效目标" * 4
    assert pdf_booklet.cover_lines(long_title, name, size, width) == [long_title]


def test_short_names_drop_the_shared_place(corpus_path):
    from kpi_editor.io.booklet_text import import_booklet_text

    booklet, _ = import_booklet_text(corpus_path)
    names = [d.name for d in booklet.departments]
    short = dict(zip(names, pdf_booklet.short_names(names), strict=True))
    assert short["攀枝花市西区民政局"] == "民政局"
    assert short["中共攀枝花市西区区委党校（攀枝花市西区行政学校）"] == "中共区委党校（行政学校）"
    assert short["攀枝花市公安局西区分局"] == "攀枝花市公安局西区分局"
    # Names without a shared place name stay whole.
    assert pdf_booklet.short_names(["测试部门1", "测试部门2"]) == ["测试部门1", "测试部门2"]


def test_poppler_tools_present():
    # The text checks above rely on poppler; fail loudly rather than skip if it is missing.
    assert shutil.which("pdftotext") and shutil.which("pdffonts")


# -- the real corpus -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_pdf(corpus_path, tmp_path_factory):
    from kpi_editor.io.booklet_text import import_booklet_text

    booklet, _ = import_booklet_text(corpus_path)
    path = tmp_path_factory.mktemp("corpus") / "xiqu-2026.pdf"
    return booklet, path, export_pdf(booklet, path)


def test_corpus_booklet_prints_every_name_and_value_in_order_with_a_true_toc(corpus_pdf):
    booklet, path, result = corpus_pdf
    assert result.projects == 327 and len(result.departments) == 72
    check_booklet_pdf(booklet, path, result)
    # About the official booklet's 354 table pages (327 tables + 27 continuation pages).
    table_pages = result.pages - result.departments[0].pdf_page + 1
    assert 327 + 10 <= table_pages <= 327 + 60


def test_corpus_missing_characters_are_all_reported(corpus_pdf, tmp_path):
    booklet, _, result = corpus_pdf
    fonts = resolve_fonts()
    expected = {
        ch
        for _, project in booklet.projects()
        for indicator in project.indicators
        for ch in fonts.missing(indicator.name + indicator.value)
    }
    assert {ch for m in result.missing for ch in m.chars} >= expected
    # And a character no font has is named with its project and cell.
    _, project = next(booklet.projects())
    project.indicators[0].name += "𠀀"
    again = export_pdf(booklet, tmp_path / "again.pdf", project_ids=[project.id])
    assert [(m.project_id, m.cell, m.chars) for m in again.missing] == [
        (project.id, "第1条指标的三级指标", "𠀀")
    ]


@pytest.mark.parametrize("where", ["name", "level2"])
def test_a_cell_taller_than_a_page_is_a_clear_error_naming_the_project(tmp_path: Path, where: str) -> None:
    booklet = make_booklet(departments=1, projects=2)
    project = booklet.departments[0].projects[1]
    huge = "项目名称过长" * 1700  # about 10,000 characters: taller than an A4 page in any column
    if where == "name":
        project.name = huge
    else:
        for indicator in project.indicators:
            if indicator.level2 == project.indicators[0].level2:
                indicator.level2 = huge
    target = tmp_path / "long.pdf"
    target.write_bytes(b"old")
    with pytest.raises(PdfExportError) as info:
        export_pdf(booklet, target)
    assert project.id in str(info.value) and "过长" in str(info.value)
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["long.pdf"]


# -- two-sided printing --------------------------------------------------------------------------


@pytest.mark.parametrize("duplex", ["front", "units", "tables"])
def test_duplex_starts_front_matter_units_or_tables_on_right_hand_pages(tmp_path, duplex):
    booklet = make_booklet()
    path = tmp_path / f"{duplex}.pdf"
    result = export_pdf(booklet, path, options=PdfOptions(duplex=duplex))
    check_booklet_pdf(booklet, path, result)  # the 目录 still names the pages the tables landed on
    pages = page_texts(path)
    assert len(pages) == result.pages
    # The back of the cover is empty (not even 此页无正文); 编制说明 and 目录 open right-hand pages.
    assert pages[1].strip() == "" and 2 in result.blank_pages
    assert "编制说明" in pages[2] and footer_number(pages[2]) == "I"
    toc = next(i for i, p in enumerate(pages) if squash(p).startswith("目录"))
    assert toc % 2 == 0  # 0-based even = odd PDF page = right-hand
    # Every other blank page says so, has no page number and no fingerprint, yet is counted.
    for page in result.blank_pages[1:]:
        assert pages[page - 1].strip() == "此页无正文"
    title = squash(load_template(booklet.template_id).labels.title)
    starts = [i for i, p in enumerate(pages) if title in squash(p)]
    assert starts[0] % 2 == 0 and footer_number(pages[starts[0]]) == "1"
    by_department = [s.pdf_page for s in result.departments]
    if duplex == "tables":
        assert all(i % 2 == 0 for i in starts)
    else:
        assert all(p % 2 == 1 for p in by_department) if duplex == "units" else by_department[0] % 2 == 1
    # Printed numbers run on without a gap: a blank page is counted.
    numbers = [int(n) for p in pages[starts[0] :] if (n := footer_number(p)) and n.isdigit()]
    blanks_in_body = sum(1 for b in result.blank_pages if b > starts[0] + 1)
    assert numbers[-1] == len(numbers) + blanks_in_body


def test_duplex_blank_pages_can_be_left_empty(tmp_path):
    result = export_pdf(
        make_booklet(), tmp_path / "e.pdf", options=PdfOptions(duplex="tables", mark_blank_pages=False)
    )
    pages = page_texts(tmp_path / "e.pdf")
    assert len(result.blank_pages) > 3
    assert all(pages[b - 1].strip() == "" for b in result.blank_pages)
    with pytest.raises(PdfExportError, match="双面"):
        export_pdf(make_booklet(), tmp_path / "x.pdf", options=PdfOptions(duplex="both"))  # type: ignore[arg-type]


# -- what the print preview and the live preview dock use ----------------------------------------


def test_render_in_memory_is_the_export_and_pages_rasterise(tmp_path):
    from kpi_editor.io.errors import FileFormatError
    from kpi_editor.io.pdf import render_pdf
    from kpi_editor.io.pdf.raster import PdfPages

    booklet = make_booklet()
    pid = booklet.departments[0].projects[2].id
    booklet.departments[0].projects[2] = make_project(pid, "四十行的项目", 40)  # two pages
    data, result = render_pdf(booklet, project_ids=[pid])
    export_pdf(booklet, tmp_path / "p.pdf", project_ids=[pid])
    assert data == (tmp_path / "p.pdf").read_bytes()  # the same bytes as the exported file
    assert result.pages == 2 and result.path == Path()
    with PdfPages(data) as pages:
        assert len(pages) == 2 and pages.size(0) == pytest.approx((595.28, 841.89), abs=0.1)
        raster = pages.render(1, dpi=48)
        assert (raster.width, raster.height) == (397, 562) and raster.stride == 4 * raster.width
        pixels = raster.data
        assert len(pixels) == raster.stride * raster.height
        # White paper with black rules and text on it: both are there, and alpha is opaque.
        assert pixels[3::4].count(255) == raster.width * raster.height
        assert 0 < pixels[0::4].count(0) < raster.width * raster.height // 4
        with pytest.raises(IndexError):
            pages.render(2)
    with pytest.raises(FileFormatError):
        PdfPages(b"not a pdf")


def test_corpus_cells_keep_the_line_rules(sample_booklet):
    from kpi_editor.io.pdf.table import prepare_table

    template = load_template(sample_booklet.template_id)
    styles = Styles.make(resolve_fonts())
    cells = 0
    for department, project in sample_booklet.projects():
        table = prepare_table(
            project, department.code, template, sample_booklet.fiscal_year, styles, pdf_booklet.CONTENT_W
        )
        blocks = [c for row in table.head for c in row if c is not None]
        blocks += [c for row in table.rows for c in row.cells.values() if c is not None]
        labels = [table.label_block(t, col) for row in table.rows for col, t in row.labels.items() if t]
        for block in blocks + labels:
            lines = block.text_lines
            cells += 1
            assert all(line[:1] not in CANNOT_START for line in lines[1:]), lines
            assert all(line.rstrip()[-1:] not in CANNOT_END for line in lines[:-1]), lines
        for block in labels:
            assert len(block.text_lines) == 1 or len(block.text_lines[-1].strip()) >= 2, block.text_lines
    assert cells > 15000


def test_a_unit_pdf_after_the_booklet_embeds_only_its_own_characters(tmp_path):
    booklet = make_booklet()
    export_pdf(booklet, tmp_path / "unit-first.pdf", departments=["101001"])
    export_pdf(booklet, tmp_path / "booklet.pdf")  # the booklet's glyph codes are kept for re-export
    export_pdf(booklet, tmp_path / "unit-after.pdf", departments=["101001"])
    assert (tmp_path / "unit-after.pdf").read_bytes() == (tmp_path / "unit-first.pdf").read_bytes()


def test_pages_rasterise_in_grey_for_printing():
    from kpi_editor.io.pdf import render_pdf
    from kpi_editor.io.pdf.raster import PdfPages

    data, _ = render_pdf(make_booklet(), project_ids=[make_booklet().departments[0].projects[0].id])
    with PdfPages(data) as pages:
        colour, grey = pages.render(0, dpi=48), pages.render(0, dpi=48, gray=True)
    assert (grey.width, grey.height) == (colour.width, colour.height)
    assert grey.width <= grey.stride < grey.width + 4 and len(grey.data) == grey.stride * grey.height
    # The same black and white page: as many dark pixels (anti-aliasing differs a little).
    rows = range(grey.height)
    dark_grey = sum(
        sum(1 for v in grey.data[r * grey.stride : r * grey.stride + grey.width] if v < 128) for r in rows
    )
    dark_colour = sum(1 for v in colour.data[0::4] if v < 128)
    assert dark_colour > 1000 and abs(dark_grey - dark_colour) < dark_colour * 0.05

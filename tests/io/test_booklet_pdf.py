"""Reading a booklet PDF back from its page geometry; broken and hostile PDFs."""

from __future__ import annotations

import io
import resource
import time
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from kpi_editor.domain.diff import diff_booklets
from kpi_editor.domain.model import Booklet, Department, Target
from kpi_editor.domain.template import load_template
from kpi_editor.io import booklet_pdf
from kpi_editor.io.booklet_pdf import MAX_PAGES, MAX_STREAM_BYTES, import_booklet_pdf
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.pdf import PdfOptions, export_pdf


def part_of_sample(sample: Booklet, count: int) -> Booklet:
    """The sample's front matter and its first `count` units (long tables and 3-row funding included)."""
    codes = {d.code for d in sorted(sample.departments, key=lambda d: d.code)[:count]}
    # 124004 has the three-row funding block, 119001 the 28-row table that runs onto a second page.
    codes |= {"124004", "119001"}
    return sample.model_copy(update={"departments": [d for d in sample.departments if d.code in codes]})


@pytest.mark.parametrize("duplex", ["off", "tables"])
def test_our_own_export_comes_back_identical(sample_booklet: Booklet, tmp_path: Path, duplex: str) -> None:
    booklet = part_of_sample(sample_booklet, 4)
    pdf = tmp_path / "b.pdf"
    result = export_pdf(booklet, pdf, options=PdfOptions(duplex=duplex))  # type: ignore[arg-type]
    back, report = import_booklet_pdf(pdf)
    assert diff_booklets(booklet, back) == []
    assert report.pages == result.pages and report.tables == booklet.project_count
    assert report.issues == []
    # Ids as the text import makes them: unit code and position.
    assert [p.id for p in back.departments[0].projects][:2] == [
        f"{back.departments[0].code}-01",
        f"{back.departments[0].code}-02",
    ]
    missing = [p.funding.superior for p in back.department("124004").projects]  # type: ignore[union-attr]
    assert missing == [None] * len(missing)


def test_extra_columns_and_another_template(tmp_path: Path, sample_booklet: Booklet) -> None:
    project = sample_booklet.departments[0].projects[0].model_copy(deep=True)
    for indicator in project.indicators:
        # mof-2021 prints 指标性质 | 指标值 | 度量单位 from the row's parts.
        indicator.target = Target(comparator=">=", number=Decimal(95), unit="%")
        indicator.value = "≥95%"
    template = load_template("mof-2021")
    # The form prints only its own funding rows; the others are not part of this table.
    printed = {row.field for row in template.funding_rows}
    for name in ("total", "fiscal", "superior", "local", "carryover", "non_fiscal"):
        if name not in printed:
            setattr(project.funding, name, None)
    booklet = Booklet(
        fiscal_year=2027,
        template_id="mof-2021",
        departments=[Department(code="120001", name="测试单位", projects=[project])],
    )
    pdf = tmp_path / "mof.pdf"
    export_pdf(booklet, pdf, template=template, departments=["120001"])
    back, _ = import_booklet_pdf(pdf)
    assert back.template_id == "mof-2021" and back.fiscal_year == 2027
    assert diff_booklets(booklet, back) == []
    assert back.departments[0].projects[0].indicators[0].target == Target(
        comparator=">=", number=Decimal(95), unit="%"
    )


def test_unreadable_amount_is_reported_with_its_page(
    tmp_path: Path, sample_booklet: Booklet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A table whose 合计 cell says 二十五 (as a hand-made booklet might): kept empty and reported.
    from kpi_editor.io.pdf import booklet as pdf_booklet
    from kpi_editor.io.pdf import table

    booklet = part_of_sample(sample_booklet, 1)
    first = booklet.departments[0].projects[0]
    first.funding.total = Decimal("123.456789")  # no other table has it
    real = table.amount_text
    monkeypatch.setattr(table, "amount_text", lambda v: "二十五" if v == first.funding.total else real(v))
    pdf_booklet._CACHE.clear()
    pdf = tmp_path / "b.pdf"
    result = export_pdf(booklet, pdf)
    pdf_booklet._CACHE.clear()
    back, report = import_booklet_pdf(pdf)
    page = result.departments[0].pdf_page
    assert [(i.page, i.kind) for i in report.issues if "二十五" in i.message] == [(page, "unreadable")]
    assert f"第 {page} 页" in report.format()
    changes = diff_booklets(booklet, back)
    assert [c.field for c in changes if c.field and "total" in c.field]  # the 合计 is empty, not made up
    assert back.departments[0].projects[0].funding.total is None


# -- bad input -------------------------------------------------------------------------------------


def one_line_error(path: Path, *needles: str) -> str:
    start = time.perf_counter()
    with pytest.raises(FileFormatError) as info:
        import_booklet_pdf(path)
    message = str(info.value)
    assert time.perf_counter() - start < 20
    assert "\n" not in message and str(path) in message, message
    for needle in needles:
        assert needle in message, message
    return message


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file with the given objects (1-based, object 1 the catalog) and a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_not_a_pdf_empty_and_missing(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"this is not a pdf at all" * 100)
    one_line_error(garbage, "不是可读取的 PDF")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    one_line_error(empty)
    one_line_error(tmp_path / "missing.pdf", "无法读取文件")


def test_encrypted(tmp_path: Path, sample_booklet: Booklet) -> None:
    plain = tmp_path / "plain.pdf"
    export_pdf(
        part_of_sample(sample_booklet, 1), plain, project_ids=[sample_booklet.departments[0].projects[0].id]
    )
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    one_line_error(locked, "加密")


def test_scanned_and_not_a_booklet(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("L", (400, 560), 255).save(scan, "PDF")
    one_line_error(scan, "扫描件", "第 1 页")
    letter = tmp_path / "letter.pdf"
    canvas = Canvas(str(letter))
    canvas.drawString(100, 700, "Dear reviewer, this is a letter, not a booklet.")
    canvas.save()
    one_line_error(letter, "不是绩效目标汇编")


def test_truncated(tmp_path: Path, sample_booklet: Booklet) -> None:
    pdf = tmp_path / "whole.pdf"
    export_pdf(part_of_sample(sample_booklet, 2), pdf)
    data = pdf.read_bytes()
    for fraction in (0.1, 0.5, 0.97):
        cut = tmp_path / f"cut{fraction}.pdf"
        cut.write_bytes(data[: int(len(data) * fraction)])
        try:
            booklet, report = import_booklet_pdf(cut)
        except FileFormatError as exc:
            assert "\n" not in str(exc) and str(cut) in str(exc)
        else:
            # pdfminer can rebuild a damaged cross-reference table: then what it read is real.
            assert booklet.project_count > 0 and report.pages > 0


def test_compression_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    # About 500 KB that inflates to 512 MB of zeros, eight times the limit on one stream.
    chunk = zlib.compressobj(9)
    block = b"\0" * (1 << 20)
    bomb = b"".join(chunk.compress(block) for _ in range(512)) + chunk.flush()
    assert len(bomb) < 1024 * 1024
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream",
    ]
    path = tmp_path / "bomb.pdf"
    path.write_bytes(raw_pdf(objects))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    one_line_error(path, f"{MAX_STREAM_BYTES // 2**20} MB")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 300  # inflated, it would be 512 MB at least


@pytest.mark.parametrize("lying", [False, True])
def test_huge_page_count_is_refused(tmp_path: Path, lying: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # One empty page more than the limit, with a true page count and with a lying one: refused
    # before any page is read. The limit is lowered for the test (walking 20,001 pages takes the
    # parser seconds); the message names the limit in force.
    assert MAX_PAGES >= 10 * 350  # the 10× sample, 3,500 pages, must still import
    monkeypatch.setattr(booklet_pdf, "MAX_PAGES", 300)
    pages = 301
    count = 1 if lying else pages
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    path = tmp_path / "pages.pdf"
    path.write_bytes(raw_pdf(objects))
    one_line_error(path, "页数超过 300 页")


def test_amounts_are_exact_decimals(tmp_path: Path, sample_booklet: Booklet) -> None:
    booklet = part_of_sample(sample_booklet, 1)
    project = booklet.departments[0].projects[0]
    project.funding.total = Decimal("816.995875")
    pdf = tmp_path / "a.pdf"
    export_pdf(booklet, pdf)
    back, _ = import_booklet_pdf(pdf)
    assert back.find_project(f"{booklet.departments[0].code}-01") is not None
    assert back.departments[0].projects[0].funding.total == Decimal("816.995875")


def test_progress_counts_pages_and_cancel_stops_the_import(sample_booklet: Booklet, tmp_path: Path) -> None:
    from kpi_editor.io.errors import ImportCancelled

    booklet = part_of_sample(sample_booklet, 2)
    pdf = tmp_path / "b.pdf"
    result = export_pdf(booklet, pdf)
    seen: list[tuple[int, int]] = []
    back, _ = import_booklet_pdf(pdf, progress=lambda done, total: seen.append((done, total)) or True)
    assert diff_booklets(booklet, back) == []
    assert seen == [(done, result.pages) for done in range(result.pages)]
    seen.clear()
    with pytest.raises(ImportCancelled):
        import_booklet_pdf(pdf, progress=lambda done, total: seen.append((done, total)) or done < 2)
    assert len(seen) == 3  # stopped before reading the fourth page

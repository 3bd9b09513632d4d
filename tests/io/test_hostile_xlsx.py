"""Hostile workbooks: every fault of the zip, the XML or the hidden metadata is one FileFormatError
(or one reported cell), on one line naming the file and the part; bombs are refused before openpyxl."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import hostile
import openpyxl
import pytest

from kpi_editor.domain.model import Booklet
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.xlsx import export_xlsx, guard, import_xlsx


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, corpus_booklet: Booklet) -> bytes:
    """Our own export of the corpus's first three departments, with a review and a target to restore."""
    booklet = corpus_booklet.model_copy(deep=True)
    booklet.departments = booklet.departments[:3]
    project = booklet.departments[0].projects[0]
    project.indicators[0].extra = {"weight": "10"}
    path = tmp_path_factory.mktemp("xlsx") / "ours.xlsx"
    export_xlsx(booklet, path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def parts(exported: bytes) -> dict[str, bytes]:
    return hostile.zip_parts(exported)


@pytest.fixture(scope="module")
def meta(parts: dict[str, bytes]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(hostile.meta_text(parts))
    return document


def _refused(path: Path) -> FileFormatError:
    with pytest.raises(FileFormatError) as caught:
        import_xlsx(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert "Traceback" not in message
    return caught.value


def _write(tmp_path: Path, data: bytes, name: str = "受损.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refuse_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl saw a file the guard should have refused")

    monkeypatch.setattr(openpyxl, "load_workbook", fail)


# -- the container ---------------------------------------------------------------------------------


@pytest.mark.parametrize("method", [9, 12, 14, 99])
def test_unsupported_compression_is_one_message(tmp_path: Path, exported: bytes, method: int) -> None:
    # 9 Deflate64, 12 bzip2 header on deflate data, 14 LZMA, 99 AES: zipfile raised NotImplementedError.
    error = _refused(_write(tmp_path, hostile.set_compression_method(exported, method)))
    # LZMA and bzip2 decoders may "succeed" on deflate data: then the CRC says it is damaged.
    assert "压缩" in str(error) or "损坏" in str(error)


def test_unsupported_zip_version_is_one_message(tmp_path: Path, exported: bytes) -> None:
    error = _refused(_write(tmp_path, hostile.set_zip_version(exported, 99)))
    assert "zip 版本" in str(error)


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/styles.xml", "docProps/core.xml"])
def test_a_damaged_deflate_stream_names_its_part(
    tmp_path: Path, exported: bytes, part: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # zlib.error escaped from the guard (sheets) or from inside openpyxl (styles): now found first.
    _refuse_openpyxl(monkeypatch)
    error = _refused(_write(tmp_path, hostile.corrupt_entry(exported, part)))
    assert error.place == part


def test_encrypted_entries_are_refused(tmp_path: Path, exported: bytes) -> None:
    data = bytearray(exported)
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1
    assert "加密" in str(_refused(_write(tmp_path, bytes(data))))


# -- bombs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(hostile.bombs()))
def test_bombs_are_refused_before_openpyxl_sees_them(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = hostile.bombs()[name]
    assert len(data) < 2 * 1024 * 1024, "a bomb is a small file"
    if name not in ("last_row", "dimension_bomb"):
        _refuse_openpyxl(monkeypatch)
        _refused(_write(tmp_path, data, f"{name}.xlsx"))
        return
    # A declared size or a far last row is not refused: openpyxl is told not to trust it, and the
    # one real cell costs nothing (it padded the sheet to 16384 × 1048576 empty cells before).
    with pytest.raises(FileFormatError, match="没有找到任何绩效目标表"):
        import_xlsx(_write(tmp_path, data, f"{name}.xlsx"))


def test_our_own_export_is_well_inside_the_cell_limit(tmp_path: Path, exported: bytes) -> None:
    # The limit grows with the compressed size; our export holds about 85 cells per kilobyte.
    scan = guard.scan_workbook(_write(tmp_path, exported))
    assert scan.cells / (len(exported) / 1024) < guard.CELLS_PER_KB * 0.85
    assert scan.cells < scan.cell_limit


def test_expansion_beyond_the_files_allowance_is_refused(
    tmp_path: Path, exported: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2 MB that expand to 300 MB (ratio 150, under the per-part 200) passed the old guard and
    # peaked at 1.9 GB; now a file may expand to 48 MB + 20 × its size. Here: 2 × its size.
    monkeypatch.setattr(guard, "BASE_UNCOMPRESSED_BYTES", 0)
    monkeypatch.setattr(guard, "EXPANSION", 2)
    _refuse_openpyxl(monkeypatch)
    error = _refused(_write(tmp_path, exported))
    assert "炸弹" in str(error) and "上限" in str(error)


# -- XML: entities stay inert ---------------------------------------------------------------------


def test_external_entities_are_never_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse_openpyxl(monkeypatch)
    error = _refused(_write(tmp_path, hostile.bombs()["external_entity"]))
    assert "DTD" in str(error) and "root:" not in str(error)


def test_openpyxl_itself_parses_with_defusedxml() -> None:
    # The second wall behind the guard: openpyxl refuses entities when defusedxml is installed.
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


# -- the hidden metadata ---------------------------------------------------------------------------

WRONG_SHAPES: dict[str, Any] = {
    "departments": {"a": 1},
    "tables": "abc",
    "fiscal_year": True,
    "version": "9" * 5000,
    "title": {"a": [1]},
    "template_id": ["x"],
    "preface": [1, "a", None],
}


@pytest.mark.parametrize("key", sorted(WRONG_SHAPES))
def test_metadata_of_the_wrong_shape_is_ignored_and_reported(
    tmp_path: Path, parts: dict[str, bytes], meta: dict[str, Any], key: str
) -> None:
    changed = {**meta, key: WRONG_SHAPES[key]}
    path = _write(tmp_path, hostile.build_zip(hostile.with_meta_text(parts, json.dumps(changed))))
    booklet, report = import_xlsx(path)
    # Read like a hand-made workbook: every table is still there, nothing of the wrong type leaks in.
    assert booklet.project_count == sum(1 for t in meta["tables"])
    assert booklet.title == ""
    assert not report.own_export
    assert any("隐藏的编辑器数据无法读取" in i.message for i in report.guesses)


@pytest.mark.parametrize(
    "rows",
    ["xyz", [1, None, "a"], [{"i": 0, "extra": [1, 2]}], [{"i": "9" * 5000}], [{"i": -1}], [{"i": 1e308}]],
)
def test_hidden_rows_of_the_wrong_shape_do_not_raise(
    tmp_path: Path, parts: dict[str, bytes], meta: dict[str, Any], rows: Any
) -> None:
    # _restore_hidden raised AttributeError/TypeError on these.
    changed = json.loads(json.dumps(meta))
    for table in changed["tables"]:
        table["rows"] = rows
    booklet, _ = import_xlsx(
        _write(tmp_path, hostile.build_zip(hostile.with_meta_text(parts, json.dumps(changed))))
    )
    assert booklet.project_count == len(meta["tables"])


def test_deeply_nested_metadata_is_ignored(tmp_path: Path, parts: dict[str, bytes]) -> None:
    # RecursionError escaped from json.loads in _read_meta.
    text = '{"format":"kpi-editor-xlsx","version":1,"departments":' + "[" * 100_000 + "]" * 100_000 + "}"
    booklet, report = import_xlsx(_write(tmp_path, hostile.build_zip(hostile.with_meta_text(parts, text))))
    assert booklet.project_count > 0
    assert any("RecursionError" in i.message for i in report.guesses)


def test_a_bad_target_or_review_in_the_metadata_is_reported_not_restored(
    tmp_path: Path, parts: dict[str, bytes], meta: dict[str, Any]
) -> None:
    changed = json.loads(json.dumps(meta))
    first = changed["tables"][0]
    row = first["rows"][0]
    row["target"] = {"comparator": ">=", "number": "9E+999999999"}
    if "indicator" in row:  # the whole row, as the export also keeps it
        row["indicator"]["target"] = row["target"]
    first["review"] = {"status": "通过了", "comments": []}
    booklet, report = import_xlsx(
        _write(tmp_path, hostile.build_zip(hostile.with_meta_text(parts, json.dumps(changed))))
    )
    project = booklet.departments[0].projects[0]
    assert report.own_export and project.id == first["id"]
    assert project.indicators[0].target is None and project.review is None
    assert project.indicators[0].extra == {"weight": "10"}
    assert sum(1 for i in report.guesses if first["name"][:10] in i.message) == 2


def test_metadata_with_every_table_renamed_is_matched_in_linear_time(
    tmp_path: Path, parts: dict[str, bytes], meta: dict[str, Any]
) -> None:
    # Entries that match no table by place were searched one by one for every table (quadratic).
    changed = json.loads(json.dumps(meta))
    for table in changed["tables"]:
        table["name"] += "（改）"
    booklet, _ = import_xlsx(
        _write(tmp_path, hostile.build_zip(hostile.with_meta_text(parts, json.dumps(changed))))
    )
    ids = [p.id for _, p in booklet.projects()]
    assert len(set(ids)) == len(ids) and not set(ids) & {t["id"] for t in meta["tables"]}


# -- random damage: the property ------------------------------------------------------------------


def test_mutated_workbooks_give_a_booklet_or_one_file_format_error(tmp_path: Path, exported: bytes) -> None:
    import random

    rng = random.Random(12)
    base = hostile.zip_parts(exported)
    document = json.loads(hostile.meta_text(base))
    for n in range(30):
        kind = n % 5
        if kind == 0:
            data = hostile.mutate_zip(exported, rng)
        elif kind == 1:
            data = hostile.build_zip(hostile.mutate_cells(base, rng))
        elif kind == 2:
            data = hostile.build_zip(hostile.mutate_sheet_xml(base, rng))
        elif kind == 3:
            data = hostile.build_zip(hostile.with_meta_text(base, hostile.mutate_meta(document, rng)))
        else:
            data = hostile.mutate_bytes(exported, rng)
        path = _write(tmp_path, data, f"m{n}.xlsx")
        try:
            booklet, report = import_xlsx(path)
        except FileFormatError as error:
            assert str(path) in str(error) and "\n" not in str(error)
            continue
        assert all("\n" not in str(issue) for issue in report.issues)
        assert isinstance(booklet, Booklet)


def test_an_amount_cell_of_a_million_digits_is_one_reported_cell(
    tmp_path: Path, parts: dict[str, bytes]
) -> None:
    # Decimal() took it; the first abs() overflowed (adjusted exponent beyond Emax).
    import re

    amount = re.compile(rb'<c r="(D\d+)"([^>]*?)><v>[\d.]+</v></c>')
    sheet = next(n for n in hostile.sheet_names(parts) if amount.search(parts[n]))  # not the front sheets
    xml = parts[sheet]
    match = amount.search(xml)
    assert match is not None
    digits = b"9" * 1_000_001
    cell = b'<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (match.group(1), digits)
    changed = {**parts, sheet: xml[: match.start()] + cell + xml[match.end() :]}
    booklet, report = import_xlsx(_write(tmp_path, hostile.build_zip(changed)))
    issue = next(i for i in report.errors if i.cell.endswith(match.group(1).decode()))
    assert "金额过大" in issue.message and len(issue.message) < 80
    assert booklet.project_count > 0


def test_an_overflowing_amount_in_a_booklet_pdf_is_one_reported_cell() -> None:
    # The PDF importer had its own copy of the amount check, with abs(): decimal.Overflow.
    from kpi_editor.io.booklet_pdf import PdfImportReport, _amount

    report = PdfImportReport("汇编.pdf")
    assert _amount("9E+999999999", 3, "合计", report) is None
    assert _amount("25.5", 3, "合计", report) == Decimal("25.5")
    assert len(report.issues) == 1 and "合计" in report.issues[0].message

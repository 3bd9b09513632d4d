"""Property tests of every loader with structure-aware mutations of real files.

Whatever the mutation, a loader returns a booklet (whose import report is one line per issue)
or raises `FileFormatError` with one line naming the file; what it returns validates,
fingerprints and saves. The mutations come from ``tests/hostile.py`` (shared with the longer
campaign, ``bench/fuzz_campaign.py``); hypothesis draws and shrinks the mutation programs.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.fingerprint import booklet_fingerprint
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import TemplateError, parse_template
from kpi_editor.io.booklet_text import parse_booklet_text
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import dumps_booklet, loads_booklet
from kpi_editor.io.templatefile import read_template
from kpi_editor.io.xlsx import export_xlsx, import_xlsx

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never flakes, the campaign explores
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)


def _usable(booklet: Booklet) -> None:
    """What a loader returns is a booklet the rest of the program can work with."""
    validate_booklet(booklet)
    booklet_fingerprint(booklet)
    assert loads_booklet(dumps_booklet(booklet)) == booklet


def _one_line(error: FileFormatError, name: str) -> None:
    text = str(error)
    assert name in text and "\n" not in text and "\r" not in text
    assert "Traceback" not in text and "Error:" not in text.split("：", 1)[0]


# -- project files --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The bundled sample's first three units, as the JSON document a project file holds."""
    from kpi_editor.paths import sample_path

    data: dict[str, Any] = json.loads(sample_path().read_text(encoding="utf-8"))
    data["booklet"]["departments"] = data["booklet"]["departments"][:3]
    return data


# Hypothesis drives every choice the mutators make through these Random objects, so a failure
# shrinks to the fewest, simplest mutations.
RNG = st.randoms(use_true_random=False)


@FUZZ
@given(rng=RNG, steps=st.integers(1, 5))
def test_mutated_project_files_load_or_give_one_error(
    document: dict[str, Any], rng: random.Random, steps: int
) -> None:
    data = hostile.mutate_json(document, rng, steps)
    try:
        booklet = loads_booklet(data, "篡改.kpi.json")
    except FileFormatError as error:
        _one_line(error, "篡改.kpi.json")
        return
    _usable(booklet)


@FUZZ
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_are_never_a_crash(data: bytes) -> None:
    try:
        loads_booklet(data, "任意.kpi.json")
    except FileFormatError as error:
        _one_line(error, "任意.kpi.json")


@pytest.mark.parametrize("depth", [100, 1000, 100_000])
def test_deep_nesting_is_one_error(depth: int) -> None:
    with pytest.raises(FileFormatError) as caught:
        loads_booklet(hostile.deep_json(depth), "深.kpi.json")
    _one_line(caught.value, "深.kpi.json")


# -- workbooks ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory, corpus_booklet: Booklet) -> bytes:
    small = corpus_booklet.model_copy(deep=True)
    small.departments = small.departments[:2]
    small.departments[0].projects[0].indicators[0].extra = {"weight": "10"}
    path = tmp_path_factory.mktemp("fuzz") / "ours.xlsx"
    export_xlsx(small, path)
    return path.read_bytes()


def _import(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "篡改.xlsx"
    path.write_bytes(data)
    try:
        booklet, report = import_xlsx(path)
    except FileFormatError as error:
        _one_line(error, str(path))
        return
    assert all("\n" not in str(issue) for issue in report.issues)
    _usable(booklet)


@FUZZ
@given(rng=RNG, kind=st.sampled_from(["cells", "sheet", "meta", "zip", "bytes"]))
def test_mutated_workbooks_import_or_give_one_error(
    tmp_path: Path, workbook: bytes, rng: random.Random, kind: str
) -> None:
    parts = hostile.zip_parts(workbook)
    if kind == "cells":
        data = hostile.build_zip(hostile.mutate_cells(parts, rng, count=rng.randint(1, 8)))
    elif kind == "sheet":
        data = hostile.build_zip(hostile.mutate_sheet_xml(parts, rng))
    elif kind == "meta":
        meta = json.loads(hostile.meta_text(parts))
        data = hostile.build_zip(hostile.with_meta_text(parts, hostile.mutate_meta(meta, rng)))
    elif kind == "zip":
        data = hostile.mutate_zip(workbook, rng)
    else:
        data = hostile.mutate_bytes(workbook, rng)
    _import(tmp_path, data)


# -- booklet text ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def text_lines(corpus_path: Path) -> list[str]:
    """The corpus's front matter and first eight tables: every kind of line, small enough to fuzz."""
    lines = corpus_path.read_text(encoding="utf-8").split("\n")
    starts = [
        i for i, line in enumerate(lines) if "".join(line.split()) == "部门（单位）预算项目支出绩效目标表"
    ]
    return lines[: starts[8]]


@FUZZ
@given(rng=RNG, steps=st.integers(1, 12))
def test_mutated_booklet_texts_import_or_give_one_error(
    text_lines: list[str], rng: random.Random, steps: int
) -> None:
    text = hostile.mutate_text_lines(text_lines, rng, steps)
    try:
        booklet, report = parse_booklet_text(text, "汇编.txt")
    except FileFormatError as error:
        _one_line(error, "汇编.txt")
        return
    titles = sum(
        1 for line in text.split("\n") if "".join(line.split()) == "部门（单位）预算项目支出绩效目标表"
    )
    assert booklet.project_count == titles, "a bad cell never costs a table"
    assert all("\n" not in issue.message for issue in report.issues)
    _usable(booklet)


# -- templates ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template_document() -> dict[str, Any]:
    from kpi_editor.domain.template import templates_dir

    document: dict[str, Any] = json.loads((templates_dir() / "xiqu-2026.json").read_text(encoding="utf-8"))
    return document


@FUZZ
@given(rng=RNG, steps=st.integers(1, 4))
def test_mutated_templates_load_or_give_one_error(
    tmp_path: Path, template_document: dict[str, Any], rng: random.Random, steps: int
) -> None:
    path = tmp_path / "篡改模板.json"
    path.write_bytes(hostile.mutate_json(template_document, rng, steps))
    try:
        read_template(path)
    except FileFormatError as error:
        _one_line(error, str(path))
    # The bundled-template parser (domain) keeps its own error type, also on one line.
    try:
        parse_template(path.read_bytes().decode("utf-8", "replace"), "篡改模板.json")
    except TemplateError as error:
        assert "\n" not in str(error)


# -- loaders added since (library, submission, unit list, booklet PDF) ---------------------------------


@pytest.fixture(scope="module")
def library_document() -> dict[str, Any]:
    from kpi_editor.paths import resource_dir

    document: dict[str, Any] = json.loads(
        (resource_dir() / "library" / "common.json").read_text(encoding="utf-8")
    )
    return document


@FUZZ
@given(rng=RNG, steps=st.integers(1, 5))
def test_mutated_libraries_load_or_give_one_error(
    library_document: dict[str, Any], rng: random.Random, steps: int
) -> None:
    from kpi_editor.io.libraryfile import loads_library

    try:
        loads_library(hostile.mutate_json(library_document, rng, steps), "篡改.library.json")
    except FileFormatError as error:
        _one_line(error, "篡改.library.json")


@FUZZ
@given(rng=RNG, steps=st.integers(1, 5), kind=st.sampled_from(["submission", "units"]))
def test_mutated_submissions_and_unit_lists_load_or_give_one_error(
    tmp_path: Path, document: dict[str, Any], rng: random.Random, steps: int, kind: str
) -> None:
    from kpi_editor.io.submission import load_submission, read_unit_list

    if kind == "submission":
        submitted = json.loads(json.dumps(document))
        submitted["booklet"]["departments"] = submitted["booklet"]["departments"][:1]
        code = submitted["booklet"]["departments"][0]["code"]
        submitted["submission"] = {"code": code, "submitter": "填报人", "at": "2026-03-01T10:00:00+08:00"}
        path = tmp_path / "提交.kpi.json"
        path.write_bytes(hostile.mutate_json(submitted, rng, steps))
        load = load_submission
    else:
        lines = [f"{d['code']}\t{d['name']}" for d in document["booklet"]["departments"]]
        path = tmp_path / "名单.txt"
        path.write_bytes(hostile.mutate_text_lines(lines, rng, steps).encode("utf-8", "surrogatepass"))
        load = read_unit_list
    try:
        load(path)
    except FileFormatError as error:
        _one_line(error, str(path))


@pytest.fixture(scope="module")
def booklet_pdf(tmp_path_factory: pytest.TempPathFactory, corpus_booklet: Booklet) -> bytes:
    from kpi_editor.io.pdf import export_pdf

    small = corpus_booklet.model_copy(deep=True)
    small.departments = small.departments[:1]
    path = tmp_path_factory.mktemp("pdf") / "汇编.pdf"
    export_pdf(small, path)
    return path.read_bytes()


@settings(FUZZ, max_examples=25)
@given(rng=RNG)
def test_damaged_booklet_pdfs_import_or_give_one_error(
    tmp_path: Path, booklet_pdf: bytes, rng: random.Random
) -> None:
    from kpi_editor.io.booklet_pdf import import_booklet_pdf

    path = tmp_path / "受损.pdf"
    path.write_bytes(hostile.mutate_bytes(booklet_pdf, rng))
    try:
        booklet, _ = import_booklet_pdf(path)
    except FileFormatError as error:
        _one_line(error, str(path))
        return
    _usable(booklet)


def test_a_template_with_half_a_character_is_one_error(template_document: dict[str, Any]) -> None:
    # Found by the fuzzing above (under pytest-xdist): a \ud800 escape in a label made the content
    # hash raise UnicodeEncodeError out of the parser.
    text = json.dumps(template_document, ensure_ascii=False).replace("合计", "合\\ud800计", 1)
    with pytest.raises(TemplateError, match="不成对") as caught:
        parse_template(text, "坏模板.json")
    assert "\n" not in str(caught.value) and "坏模板.json" in str(caught.value)

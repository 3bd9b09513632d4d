"""Submission files: one per unit with a manifest; the bureau's checks; unit lists; hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpi_editor.domain.fingerprint import department_fingerprint
from kpi_editor.domain.model import Booklet, Department
from kpi_editor.domain.review import ReviewStatus
from kpi_editor.domain.submission import (
    ProblemKind,
    UnitRef,
    check_submission,
    merge_submissions,
    template_version,
)
from kpi_editor.domain.template import load_template
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import dumps_booklet, load_booklet
from kpi_editor.io.submission import (
    export_submission,
    load_submission,
    read_unit_list,
    split_booklet,
    submission_file_name,
)

AT = "2026-03-01T10:00:00+08:00"


@pytest.fixture(scope="module")
def split_dir(tmp_path_factory: pytest.TempPathFactory, corpus_booklet: Booklet) -> Path:
    folder = tmp_path_factory.mktemp("split") / "提交"
    split_booklet(corpus_booklet, folder, "王填报", AT)
    return folder


def test_split_writes_one_sealed_file_per_unit(split_dir: Path, corpus_booklet: Booklet) -> None:
    files = sorted(split_dir.iterdir())
    assert len(files) == 72
    template = load_template(corpus_booklet.template_id)
    for department in corpus_booklet.departments:
        path = split_dir / submission_file_name(department)
        assert path.name.startswith(f"{department.code}-") and path.name.endswith(".kpi.json")
        submission = load_submission(path)
        assert [d.code for d in submission.booklet.departments] == [department.code]
        assert submission.booklet.departments[0] == department
        assert submission.booklet.title == corpus_booklet.title  # the front matter goes along
        manifest = submission.manifest
        assert manifest is not None
        assert (manifest.unit_code, manifest.unit_name, manifest.fiscal_year) == (
            department.code,
            department.name,
            2026,
        )
        assert manifest.template_id == "xiqu-2026" and manifest.template_version == template_version(template)
        assert manifest.fingerprint == department_fingerprint(department)
        assert (manifest.submitter, manifest.submitted_at, manifest.projects) == (
            "王填报",
            AT,
            len(department.projects),
        )
        assert check_submission(submission, template) == []
    # Every version of the program reads a submission as an ordinary project file.
    assert load_booklet(files[0]).departments[0].code == files[0].name[:6]
    totals = sum(
        json.loads(f.read_text(encoding="utf-8"))["submission"]["validation"]["errors"] for f in files
    )
    assert totals > 0  # the corpus has real errors, and the manifests say so


def test_split_refuses_to_overwrite(split_dir: Path, corpus_booklet: Booklet) -> None:
    before = {p: p.read_bytes() for p in split_dir.iterdir()}
    with pytest.raises(FileExistsError):
        split_booklet(corpus_booklet, split_dir, "王填报")
    assert {p: p.read_bytes() for p in split_dir.iterdir()} == before


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        ("116001", "攀枝花市西区人力资源和社会保障局", "116001-攀枝花市西区人力资源和社会保障局.kpi.json"),
        ("116002", "../../etc/passwd", "116002-etc_passwd.kpi.json"),
        ("116003", 'a\\b:c*d?e"f<g>h|i\x00j', "116003-a_b_c_d_e_f_g_h_i_j.kpi.json"),
        ("116004", "  .隐藏. ", "116004-隐藏.kpi.json"),
        ("CON", "", "CON_.kpi.json"),
        ("116005", "名" * 200, "116005-" + "名" * 60 + ".kpi.json"),
    ],
)
def test_file_names_are_safe(code: str, name: str, expected: str) -> None:
    file_name = submission_file_name(Department(code=code, name=name))
    assert file_name == expected
    assert "/" not in file_name and "\\" not in file_name


def test_duplicate_names_get_distinct_files(tmp_path: Path) -> None:
    booklet = Booklet(
        fiscal_year=2026,
        departments=[Department(code="101001", name="甲"), Department(code="101001", name="甲")],
    )
    written = split_booklet(booklet, tmp_path, "x", AT)
    assert [f.path.name for f in written] == ["101001-甲.kpi.json", "101001-甲-2.kpi.json"]


def test_the_bureau_sees_every_kind_of_mismatch(
    split_dir: Path, corpus_booklet: Booklet, tmp_path: Path
) -> None:
    template = load_template("xiqu-2026")
    first, second = corpus_booklet.departments[:2]
    path = split_dir / submission_file_name(first)

    edited = tmp_path / "edited.kpi.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["booklet"]["departments"][0]["projects"][0]["name"] += "（改）"
    edited.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (problem,) = check_submission(load_submission(edited), template)
    assert problem.kind is ProblemKind.MISMATCH and problem.refuses
    assert problem.message.startswith(f"{edited}：") and "内容指纹与提交信息不符" in problem.message

    swapped = tmp_path / "swapped.kpi.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    other = json.loads((split_dir / submission_file_name(second)).read_text(encoding="utf-8"))
    document["booklet"]["departments"] = other["booklet"]["departments"]
    swapped.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (problem,) = check_submission(load_submission(swapped), template)
    assert problem.kind is ProblemKind.MISMATCH and f"提交信息写的是单位 {first.code}" in problem.message
    assert second.code in problem.message

    year = tmp_path / "year.kpi.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["submission"]["fiscal_year"] = 2025
    year.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    kinds = [p.kind for p in check_submission(load_submission(year), template)]
    assert kinds == [ProblemKind.MISMATCH]

    broken = tmp_path / "broken.kpi.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["submission"]["projects"] = "many"
    broken.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (problem,) = check_submission(load_submission(broken), template)
    assert problem.kind is ProblemKind.MISMATCH and "提交信息无法读取" in problem.message

    version = tmp_path / "version.kpi.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["submission"]["template_version"] = "00000000"
    version.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (problem,) = check_submission(load_submission(version), template)
    assert problem.kind is ProblemKind.TEMPLATE_VERSION and not problem.refuses

    expected = [UnitRef(d.code, d.name) for d in corpus_booklet.departments[1:]]
    (problem,) = check_submission(load_submission(path), template, expected)
    assert problem.kind is ProblemKind.UNEXPECTED and first.code in problem.message

    plain = tmp_path / "plain.kpi.json"
    plain.write_text(dumps_booklet(load_booklet(path)), encoding="utf-8")
    (problem,) = check_submission(load_submission(plain), template)
    assert problem.kind is ProblemKind.UNSEALED and not problem.refuses


def test_merge_submissions_refuses_unconfirmed_and_logs_what_went_in(
    split_dir: Path, corpus_booklet: Booklet, tmp_path: Path
) -> None:
    template = load_template("xiqu-2026")
    paths = sorted(split_dir.iterdir())[:3]
    submissions = [load_submission(p) for p in paths]
    expected = [UnitRef(d.code, d.name) for d in corpus_booklet.departments[1:5]]
    outcome = merge_submissions(
        None, submissions, template=template, expected=expected, front_from=str(paths[0])
    )
    assert outcome.blocked and [p.kind for p in outcome.refused] == [ProblemKind.UNEXPECTED]
    allowed = merge_submissions(
        None,
        submissions,
        template=template,
        expected=expected,
        front_from=str(paths[0]),
        allow={ProblemKind.UNEXPECTED},
        received_at="2026-03-02T09:00:00+08:00",
    )
    assert not allowed.blocked
    assert [u.code for u in allowed.missing] == [d.code for d in corpus_booklet.departments[3:5]]
    log = allowed.merge.booklet.submissions
    assert log is not None and [(r.unit_code, r.version, r.submitter) for r in log] == [
        (d.code, 1, "王填报") for d in corpus_booklet.departments[:3]
    ]
    assert log[0].accepted and "不在应报单位名单中" in log[0].accepted[0]
    again = merge_submissions(allowed.merge.booklet, submissions[1:2], template=template, received_at=AT)
    assert not again.blocked and again.merge.conflicts == []  # the same content again
    assert [r.version for r in again.merge.booklet.submissions or []] == [1, 1, 1, 2]


def test_export_submission_keeps_review_state_and_drops_the_bureau_log(
    corpus_booklet: Booklet, tmp_path: Path
) -> None:
    from kpi_editor.domain.review import ProjectReview, SubmissionRecord, comment

    booklet = corpus_booklet.model_copy(deep=True)
    booklet.departments[0].projects[0].review = ProjectReview(
        status=ReviewStatus.RETURNED, comments=[comment("请量化", "李审核", indicator=0, time=AT)]
    )
    booklet.submissions = [SubmissionRecord(unit_code="x", version=1, received_at=AT, fingerprint="F")]
    code = booklet.departments[0].code
    path = tmp_path / "out.kpi.json"
    manifest = export_submission(booklet, code, path, "王填报", AT)
    loaded = load_submission(path)
    assert loaded.manifest == manifest and loaded.booklet.submissions is None
    assert loaded.booklet.departments[0].projects[0].review == booklet.departments[0].projects[0].review


def test_a_workbook_or_pdf_is_refused_with_advice(tmp_path: Path) -> None:
    workbook = tmp_path / "单位.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(FileFormatError) as info:
        load_submission(workbook)
    assert "kpi import-xlsx" in str(info.value) and str(workbook) in str(info.value)
    renamed = tmp_path / "单位.kpi.json"
    renamed.write_bytes(b"PK\x03\x04" + b"\0" * 40)  # a workbook renamed: sniffed by content
    with pytest.raises(FileFormatError, match="Excel 工作簿"):
        load_submission(renamed)
    pdf = tmp_path / "表.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(FileFormatError, match="PDF"):
        load_submission(pdf)


def test_unit_lists(tmp_path: Path, corpus_booklet: Booklet) -> None:
    text = tmp_path / "units.txt"
    text.write_text(
        "单位编码,单位名称\n# 区本级\n101001,攀枝花市西区人大办\n\n102001\t政协办\n103001\n", encoding="utf-8"
    )
    assert read_unit_list(text) == [
        UnitRef("101001", "攀枝花市西区人大办"),
        UnitRef("102001", "政协办"),
        UnitRef("103001"),
    ]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("101001 人大办\n".encode("gb18030"))
    assert read_unit_list(gbk) == [UnitRef("101001", "人大办")]
    booklet_file = tmp_path / "b.kpi.json"
    booklet_file.write_text(dumps_booklet(corpus_booklet), encoding="utf-8")
    assert len(read_unit_list(booklet_file)) == 72
    duplicate = tmp_path / "dup.txt"
    duplicate.write_text("101001 甲\n101001 乙\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="第2行"):
        read_unit_list(duplicate)
    bad = tmp_path / "bad.txt"
    bad.write_text("101001 甲\n不是编码\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="第2行"):
        read_unit_list(bad)
    workbook = tmp_path / "units.xlsx"
    workbook.write_bytes(b"PK\x03\x04")
    with pytest.raises(FileFormatError, match="CSV"):
        read_unit_list(workbook)

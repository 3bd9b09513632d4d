"""Bad input to the review-loop commands: one line naming the file, nothing merged unconfirmed,
no review state lost (in-process; the whole round runs as child processes in test_review_round)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpi_editor.cli import main
from kpi_editor.domain.approval import effective_status, give_status
from kpi_editor.domain.model import Booklet, Department
from kpi_editor.domain.review import EffectiveStatus, ReviewStatus, comment
from kpi_editor.io.projectfile import dumps_booklet, load_booklet, save_booklet
from kpi_editor.io.submission import split_booklet, submission_file_name

AT = "2026-03-05T10:00:00+08:00"


@pytest.fixture
def round_files(sample_booklet: Booklet, tmp_path: Path) -> tuple[Path, Path, list[Path]]:
    """A booklet of the first 5 units (the first project of unit 0 approved, unit 1's returned with
    a comment), its unit list, and 5 fresh submission files of those units."""
    booklet = sample_booklet.model_copy(deep=True)
    booklet.departments = booklet.departments[:5]
    first = booklet.departments[0]
    first.projects[0].review = give_status(first.projects[0], first, ReviewStatus.APPROVED, "李审核", AT)
    second = booklet.departments[1]
    review = give_status(second.projects[0], second, ReviewStatus.RETURNED, "李审核", AT)
    assert review is not None
    review.comments.append(comment("请量化", "李审核", indicator=0, time=AT))
    second.projects[0].review = review
    path = tmp_path / "booklet.kpi.json"
    save_booklet(booklet, path)
    units = tmp_path / "units.txt"
    units.write_text("".join(f"{d.code} {d.name}\n" for d in booklet.departments), encoding="utf-8")
    written = split_booklet(booklet, tmp_path / "in", "王填报", AT)
    return path, units, [w.path for w in written]


def one_line(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert all(w in lines[0] for w in words), err
    assert "Traceback" not in err


def test_a_workbook_given_to_merge_says_import_it_first(
    round_files: tuple[Path, Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booklet, _units, files = round_files
    workbook = tmp_path / "单位甲.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    before = booklet.read_bytes()
    assert main(["merge", str(files[0]), str(workbook), "-o", str(booklet)]) == 2
    one_line(capsys.readouterr().err, str(workbook), "kpi import-xlsx")
    assert booklet.read_bytes() == before


def test_a_tampered_submission_is_refused_until_confirmed(
    round_files: tuple[Path, Path, list[Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    booklet, _units, files = round_files
    document = json.loads(files[1].read_text(encoding="utf-8"))
    document["booklet"]["departments"][0]["projects"][0]["funding"]["total"] = "999"
    files[1].write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = booklet.read_bytes()
    assert main(["merge", str(files[1]), "-o", str(booklet), "--replace"]) == 1
    err = capsys.readouterr().err
    assert f"拒绝：{files[1]}：内容指纹与提交信息不符" in err and "--allow-mismatch" in err
    assert "未写入任何文件" in err and booklet.read_bytes() == before
    assert main(["merge", str(files[1]), "-o", str(booklet), "--replace", "--allow-mismatch"]) == 0
    merged = load_booklet(booklet)
    record = (merged.submissions or [])[-1]
    assert record.accepted and "内容指纹与提交信息不符" in record.accepted[0]
    # The returned project's status became 已修改待复审; its comment is still there.
    project = merged.departments[1].projects[0]
    assert effective_status(project, merged.departments[1]) is EffectiveStatus.CHANGED
    assert project.review is not None and project.review.comments[0].text == "请量化"


def test_a_unit_not_expected_is_refused_until_confirmed(
    round_files: tuple[Path, Path, list[Path]],
    sample_booklet: Booklet,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    booklet, units, _files = round_files
    stranger = split_booklet(
        sample_booklet, tmp_path / "x", "某人", AT, codes=[sample_booklet.departments[9].code]
    )
    path = stranger[0].path
    assert main(["merge", str(path), "-o", str(booklet), "--units", str(units)]) == 1
    err = capsys.readouterr().err
    assert f"拒绝：{path}：单位 {sample_booklet.departments[9].code}" in err and "不在应报单位名单中" in err
    assert load_booklet(booklet).department(sample_booklet.departments[9].code) is None
    assert main(["merge", str(path), "-o", str(booklet), "--units", str(units), "--allow-unexpected"]) == 0
    assert load_booklet(booklet).department(sample_booklet.departments[9].code) is not None


def test_a_manifest_of_another_year_is_refused_and_content_of_another_year_exits_2(
    round_files: tuple[Path, Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booklet, _units, files = round_files
    document = json.loads(files[2].read_text(encoding="utf-8"))
    document["submission"]["fiscal_year"] = 2025
    files[2].write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["merge", str(files[2]), "-o", str(booklet)]) == 1
    assert "提交信息写的是2025年" in capsys.readouterr().err
    other = tmp_path / "2025.kpi.json"
    other.write_text(
        dumps_booklet(Booklet(fiscal_year=2025, departments=[Department(code="999001")])), encoding="utf-8"
    )
    assert main(["merge", str(other), "-o", str(booklet)]) == 2
    one_line(capsys.readouterr().err, str(other), "2025年")


def test_a_new_booklet_needs_its_cover_chosen_and_names_missing_units(
    round_files: tuple[Path, Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _booklet, units, files = round_files
    out = tmp_path / "new.kpi.json"
    assert main(["merge", *map(str, files[:3]), "-o", str(out)]) == 2
    one_line(capsys.readouterr().err, "--front-from", "--blank-front")
    assert main(["merge", str(files[0]), "-o", str(out), "--front-from", "x", "--blank-front"]) == 2
    capsys.readouterr()
    assert not out.exists()
    assert main(["merge", *map(str, files[:3]), "-o", str(out), "--blank-front", "--units", str(units)]) == 0
    err = capsys.readouterr().err
    assert (
        "缺报 2 个单位" in err
        and files[3].name[:6] in err
        and "封面和编制说明取自：（封面和编制说明留空）" in err
    )
    assert load_booklet(out).title == ""
    assert main(["merge", str(files[3]), "-o", str(out), "--front-from", str(files[0])]) == 2
    one_line(capsys.readouterr().err, "已存在")


def test_replace_names_review_state_a_unit_removed(
    round_files: tuple[Path, Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booklet, _units, _files = round_files
    reviewed = load_booklet(booklet)
    clerk = reviewed.model_copy(deep=True)
    clerk.departments = [clerk.departments[1]]
    gone = clerk.departments[0].projects.pop(0)
    clerk_file = tmp_path / "clerk.kpi.json"
    save_booklet(clerk, clerk_file)
    assert main(["merge", str(clerk_file), "-o", str(booklet), "--replace"]) == 0
    err = capsys.readouterr().err
    assert f"项目“{gone.name}”已被单位删除，其审核状态（退回修改）和 1 条审核意见" in err
    assert "没有提交信息" in err  # a plain project file: merged, noted


def test_status_letter_report_split_refuse_bad_arguments(
    round_files: tuple[Path, Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booklet, _units, files = round_files
    for argv, words in [
        (["status", str(booklet), "--set", "通过了", "--all"], ["通过了", "审核通过"]),
        (["status", str(booklet), "--set", "approved"], ["--all"]),
        (["status", str(booklet), "--department", "999999", "--set", "approved"], ["999999"]),
        (["letter", str(booklet), "--department", "999999", "-o", str(tmp_path / "l.pdf")], ["999999"]),
        (["report", str(booklet), "--status", "好", "--xlsx", str(tmp_path / "r.xlsx")], ["好"]),
        (["report", str(booklet), "--department", "999999", "--xlsx", str(tmp_path / "r.xlsx")], ["999999"]),
        (["split", str(booklet), "-o", str(files[0])], ["文件夹"]),
        (["split", str(booklet), "-o", str(files[0].parent)], [str(files[0]), "--overwrite"]),
        (["letter", str(booklet), "--department", "101001", "-o", str(booklet)], ["输入文件"]),
    ]:
        assert main(argv) == 2, argv
        one_line(capsys.readouterr().err, *words)
    assert not (tmp_path / "l.pdf").exists() and not (tmp_path / "r.xlsx").exists()


def test_letter_report_and_status_on_the_round_booklet(
    round_files: tuple[Path, Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booklet, _units, _files = round_files
    reviewed = load_booklet(booklet)
    code = reviewed.departments[1].code
    assert main(["letter", str(booklet), "--department", code, "--department", reviewed.departments[2].code,
                 "-o", str(tmp_path / "l.pdf"), "--reviewer", "李审核"]) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert reviewed.departments[1].projects[0].name in captured.out
    assert "没有退回修改的项目" in captured.err
    assert main(["report", str(booklet), "--status", "returned", "--pdf", str(tmp_path / "r.pdf")]) == 0
    assert "1 个单位、1 个项目" in capsys.readouterr().err
    assert main(["status", str(booklet), "--set", "returned", "--project", reviewed.departments[0].projects[1].id,
                 "--reviewer", "王审核"]) == 0  # fmt: skip
    project = load_booklet(booklet).departments[0].projects[1]
    assert project.review is not None and (project.review.status, project.review.reviewer) == (
        ReviewStatus.RETURNED,
        "王审核",
    )
    assert main(["status", str(booklet), "--set", "approved", "--all", "--even-with-errors"]) == 0
    assert "个项目" in capsys.readouterr().err
    assert main(["status", str(booklet), "--set", "changed", "--all"]) == 2
    one_line(capsys.readouterr().err, "不能手工设置")


def test_split_names_are_safe_for_hostile_unit_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booklet = Booklet(fiscal_year=2026, departments=[Department(code="101001", name="../../出去/看看")])
    source = tmp_path / "b.kpi.json"
    save_booklet(booklet, source)
    assert main(["split", str(source), "-o", str(tmp_path / "out")]) == 0
    (written,) = (tmp_path / "out").iterdir()
    assert written.name == submission_file_name(booklet.departments[0]) == "101001-出去_看看.kpi.json"
    capsys.readouterr()


def test_validate_names_projects_edited_after_review(
    round_files: tuple[Path, Path, list[Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    booklet, _units, _files = round_files
    main(["validate", str(booklet)])
    assert "在审核后修改" not in capsys.readouterr().err
    reviewed = load_booklet(booklet)
    reviewed.departments[0].projects[0].name += "（改）"
    save_booklet(reviewed, booklet)
    main(["validate", str(booklet)])
    err = capsys.readouterr().err
    assert (
        f"在审核后修改\t{reviewed.departments[0].code}「{reviewed.departments[0].projects[0].name}」：审核通过后"
        in err
    )

"""A whole bureau round on the bundled sample, run through real ``kpi`` child processes.

split into 72 submission files → merge them → approve (refused while projects have errors, then
confirmed) → return projects with row comments → letters → return files to three units → the units
fix, answer and resubmit (a fourth sends its file back unchanged) → merge: refused without
--replace, then every untouched approval is still there, every changed project is 已修改待复审 with
its comments and answers → report and progress show it → an approved project edited afterwards in
the booklet is flagged.

The reviewer's comments and the clerks' edits are written with the domain API, as the editor
would; every step that reads or writes the bureau's files is the command line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from kpi_editor.domain.approval import edited_after_review, effective_status, give_status
from kpi_editor.domain.model import Booklet, Indicator
from kpi_editor.domain.review import (
    EffectiveStatus,
    ReviewStatus,
    comment,
    reply_to,
    set_resolved,
    shift_after_insert,
)
from kpi_editor.io.projectfile import load_booklet, save_booklet
from kpi_editor.io.submission import export_submission, submission_file_name

RETURN_A = "105001"  # returns two projects with comments, fixes them
RETURN_B = "106001"  # returns one project, the clerk inserts a row above the commented one
EDITS_APPROVED = "107001"  # all approved; the clerk edits one approved project anyway
UNCHANGED = "112001"  # approved, sends its returned file back as it was
APPROVED = [RETURN_A, RETURN_B, EDITS_APPROVED, UNCHANGED, "101001"]
REVIEWER = "李审核"
AT = "2026-03-05T10:00:00+08:00"
LATER = "2026-03-12T09:30:00+08:00"


def kpi(*args: str | Path, cwd: Path, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("kpi")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "kpi_editor.cli"]
    done = subprocess.run(
        [*command, *map(str, args)], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert done.returncode in ok, f"kpi {' '.join(map(str, args))} → {done.returncode}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done


def index_of(booklet: Booklet, code: str) -> int:
    return next(i for i, d in enumerate(booklet.departments) if d.code == code)


def test_the_whole_round_from_the_command_line(sample_path: Path, tmp_path: Path) -> None:
    # -- the bureau sends out the forms; every unit submits ------------------------------------
    done = kpi("split", sample_path, "-o", "units", "--submitter", "各单位", cwd=tmp_path)
    units = sorted((tmp_path / "units").iterdir())
    assert len(units) == 72 and len(done.stdout.splitlines()) == 72
    (tmp_path / "units.txt").write_text(
        "".join(f"{d.code} {d.name}\n" for d in load_booklet(sample_path).departments), encoding="utf-8"
    )
    first = next(p for p in units if p.name.startswith("101001-"))
    done = kpi(
        "merge", *units, "-o", "booklet.kpi.json", "--front-from", first, "--units", "units.txt", cwd=tmp_path
    )
    assert "应报的 72 个单位都已在汇编本中" in done.stderr
    booklet_file = tmp_path / "booklet.kpi.json"
    assert load_booklet(booklet_file).project_count == 327

    # -- review: approving asks first when projects have errors --------------------------------
    targets = [a for code in APPROVED for a in ("--department", code)]
    before = booklet_file.read_bytes()
    done = kpi(
        "status",
        "booklet.kpi.json",
        "--set",
        "审核通过",
        *targets,
        "--reviewer",
        REVIEWER,
        cwd=tmp_path,
        ok=(1,),
    )
    assert "有错误，未设置任何状态" in done.stderr and booklet_file.read_bytes() == before
    kpi(
        "status",
        "booklet.kpi.json",
        "--set",
        "approved",
        *targets,
        "--reviewer",
        REVIEWER,
        "--even-with-errors",
        cwd=tmp_path,
    )

    # The reviewer returns three projects with comments on rows (the editor's review panel).
    booklet = load_booklet(booklet_file)
    a = booklet.departments[index_of(booklet, RETURN_A)]
    b = booklet.departments[index_of(booklet, RETURN_B)]
    returned = [(a, 0, 2), (a, 2, 1), (b, 1, 3)]
    for department, p, row in returned:
        project = department.projects[p]
        review = give_status(project, department, ReviewStatus.RETURNED, REVIEWER, AT)
        assert review is not None
        review.comments = [
            comment(f"第{row + 1}行的指标值无法衡量，请量化", REVIEWER, indicator=row, time=AT),
            comment("请核对成本指标与合计", REVIEWER, time=AT),
        ]
        project.review = review
    save_booklet(booklet, booklet_file)
    reviewed = load_booklet(booklet_file)

    # -- letters name the returned projects ----------------------------------------------------
    done = kpi(
        "letter", "booklet.kpi.json", "--department", RETURN_A, "--department", RETURN_B, "-o", "意见书.pdf",
        "--reviewer", REVIEWER, "--date", "2026-03-06", "--deadline", "2026-03-20", cwd=tmp_path,
    )  # fmt: skip
    for department, p, _row in returned:
        assert department.projects[p].name in done.stdout
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "意见书.pdf").pages).replace("\n", "")
    assert f"{a.name}（单位编码 {RETURN_A}）" in text and b.name in text
    assert "第3行（" in text and "请量化" in text and "2026年3月20日前重新报送" in text
    assert f"审核人：{REVIEWER}" in text and "2026年3月6日" in text
    # Projects that were approved are not in the letter.
    assert a.projects[1].name not in text

    # -- return files go back to the units; three fix and resubmit, one sends it back as it was
    returns = [a for code in (RETURN_A, RETURN_B, EDITS_APPROVED, UNCHANGED) for a in ("--department", code)]
    kpi("split", "booklet.kpi.json", "-o", "returned", *returns, "--submitter", "财政局", cwd=tmp_path)
    returned_files = {p.name[:6]: p for p in (tmp_path / "returned").iterdir()}
    assert set(returned_files) == {RETURN_A, RETURN_B, EDITS_APPROVED, UNCHANGED}

    clerk = load_booklet(returned_files[RETURN_A])  # the unit opens its returned file
    unit = clerk.departments[0]
    fixed = unit.projects[0]
    assert fixed.review is not None and fixed.review.comments[0].indicator == 2  # where it points
    fixed.indicators[2].value = "≥95%"
    fixed.review = reply_to(fixed.review, 0, "已量化为≥95%", "王填报", LATER)
    fixed.review = set_resolved(fixed.review, 1, True, "王填报", LATER)
    unit.projects[2].indicators[1].value += "（已量化：≥3次）"
    save_booklet(clerk, tmp_path / "clerk-a.kpi.json")

    clerk = load_booklet(returned_files[RETURN_B])
    project = clerk.departments[0].projects[1]
    project.indicators.insert(
        0, Indicator(level1="项目完成", level2="数量指标", name="新增培训", value="2次")
    )
    shift_after_insert(project.review, 0)  # what the editor does when a row is inserted
    assert project.review is not None
    project.review = reply_to(project.review, 0, "已补充", "张填报", LATER)
    save_booklet(clerk, tmp_path / "clerk-b.kpi.json")

    clerk = load_booklet(returned_files[EDITS_APPROVED])
    edited = clerk.departments[0].projects[3]
    edited.funding.total = (edited.funding.total or Decimal(0)) + 100
    save_booklet(clerk, tmp_path / "clerk-c.kpi.json")

    # Each unit exports its submission file as the editor's 导出本单位提交文件… does.
    (tmp_path / "resubmitted").mkdir()
    for name in ("clerk-a", "clerk-b", "clerk-c"):
        clerk = load_booklet(tmp_path / f"{name}.kpi.json")
        unit = clerk.departments[0]
        export_submission(
            clerk, unit.code, tmp_path / "resubmitted" / submission_file_name(unit), "单位填报人"
        )
    shutil.copy(returned_files[UNCHANGED], tmp_path / "resubmitted")
    resubmitted = sorted((tmp_path / "resubmitted").iterdir())
    assert len(resubmitted) == 4

    # -- merge: refused without --replace (nothing written), then review state carried --------
    before = booklet_file.read_bytes()
    done = kpi("merge", *resubmitted, "-o", "booklet.kpi.json", "--units", "units.txt", cwd=tmp_path, ok=(1,))
    assert "未写入任何文件" in done.stderr and booklet_file.read_bytes() == before
    assert f"单位 {UNCHANGED}" not in done.stderr  # identical content is no conflict
    assert done.stderr.count("冲突（未替换）") == 3

    done = kpi(
        "merge", *resubmitted, "-o", "booklet.kpi.json", "--units", "units.txt", "--replace", cwd=tmp_path
    )
    lines = {line[:6]: line for line in done.stdout.splitlines()}
    assert set(lines) == {RETURN_A, RETURN_B, EDITS_APPROVED, UNCHANGED}
    assert "改为已修改待复审2个" in lines[RETURN_A] and "单位答复或处理了2条审核意见" in lines[RETURN_A]
    assert "内容与原版本相同" in lines[UNCHANGED] and "审核状态保留6个" in lines[UNCHANGED]

    merged = load_booklet(booklet_file)
    changed = {(RETURN_A, 0), (RETURN_A, 2), (RETURN_B, 1), (EDITS_APPROVED, 3)}
    kept = 0
    for d, department in enumerate(reviewed.departments):
        now = merged.departments[d]
        assert now.code == department.code
        for p, project in enumerate(department.projects):
            after = now.projects[p]
            if (department.code, p) in changed:
                assert after.review is not None and effective_status(after, now) is EffectiveStatus.CHANGED
                assert after.review.status is project.review_status  # the status given, kept beside the stamp
                assert after.review.fingerprint == project.review.fingerprint  # type: ignore[union-attr]
                assert len(after.review.comments) == len(project.review.comments)  # type: ignore[union-attr]
                assert after.review.changes and edited_after_review(after, now)
            else:
                # Untouched: status, stamp and comments exactly as the reviewer left them.
                assert after.review == project.review and after.id == project.id
                kept += project.review_status is ReviewStatus.APPROVED
    approved_before = sum(1 for _, p in reviewed.projects() if p.review_status is ReviewStatus.APPROVED)
    assert kept == approved_before - 1  # the one approved project the unit edited
    a_now = merged.departments[index_of(merged, RETURN_A)].projects[0].review
    assert (
        a_now is not None
        and a_now.comments[0].replies
        and a_now.comments[0].replies[0].text == "已量化为≥95%"
    )
    assert (a_now.comments[1].resolved, a_now.comments[1].resolved_by) == (True, "王填报")
    b_now = merged.departments[index_of(merged, RETURN_B)].projects[1].review
    assert b_now is not None and b_now.comments[0].indicator == 4  # followed its row down
    c_now = merged.departments[index_of(merged, EDITS_APPROVED)].projects[3].review
    assert c_now is not None and c_now.status is ReviewStatus.APPROVED
    assert any("合计" in c.text for c in c_now.changes or [])

    # -- the reviewer's views: report filtered by status, progress and submissions ------------
    kpi("report", "booklet.kpi.json", "--status", "已修改待复审", "--xlsx", "复审.xlsx", cwd=tmp_path)
    rows = list(
        load_workbook(tmp_path / "复审.xlsx", read_only=True)["审核明细"].iter_rows(
            min_row=4, values_only=True
        )
    )
    assert {(r[0], r[2]) for r in rows} == {
        (code, merged.departments[index_of(merged, code)].projects[p].name) for code, p in changed
    }
    assert any(r[5] == "审核后改动" and "合计" in str(r[7]) for r in rows)
    assert any(r[5] == "审核意见" and "已量化为≥95%" in str(r[7]) for r in rows)

    # -- an approved project edited afterwards in the booklet itself is flagged ----------------
    document = json.loads(booklet_file.read_text(encoding="utf-8"))
    document["booklet"]["departments"][0]["projects"][0]["funding"]["total"] = "200"  # 合计 → 200
    booklet_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    kpi(
        "report",
        "booklet.kpi.json",
        "--status",
        "changed",
        "--department",
        "101001",
        "--xlsx",
        "flag.xlsx",
        cwd=tmp_path,
    )
    rows = list(
        load_workbook(tmp_path / "flag.xlsx", read_only=True)["审核明细"].iter_rows(
            min_row=4, values_only=True
        )
    )
    assert rows and all(r[0] == "101001" for r in rows)
    assert rows[0][4] == "已修改待复审（原为审核通过）"
    assert any(r[9] == "在审核后修改" and "审核通过后内容被修改" in str(r[7]) for r in rows)

    progress = json.loads(
        kpi("progress", "booklet.kpi.json", "--units", "units.txt", "--json", cwd=tmp_path).stdout
    )
    total = progress["total"]
    assert (total["changed"], total["edited_after_review"], total["returned"]) == (5, 5, 0)
    assert total["approved"] == approved_before - 2 and total["total"] == 327
    versions = {s["code"]: s["versions"] for s in progress["submissions"]}
    assert all(versions[code] == 2 for code in (RETURN_A, RETURN_B, EDITS_APPROVED, UNCHANGED))
    assert sum(1 for v in versions.values() if v == 1) == 68
    units_status = {u["code"]: u["status"] for u in progress["units"]}
    assert units_status[UNCHANGED] == "审核通过" and units_status[RETURN_A] == "已修改待复审"

"""Take the review loop's screenshots (docs/screenshots/) from the real window, on the whole sample.

Run from the repository root under a virtual screen::

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_review_screenshots.py

The bureau's round as the tests run it: the sample split into unit files (two units never send
theirs), merged with a unit list, reviewed (approvals, returns with comments on rows and amounts),
return files exported; four units resubmit (fixes and answers, an approved table edited, one file
sent back unchanged) and the resubmissions are merged into the booklet. Pictures: the merge dialog
after the resubmission, the 审核 panel on the approved table edited afterwards, review mode on a
returned project the unit answered, and the 提交情况 view. Settings and files go to a throwaway folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
REVIEWER = "李审核"


class Answers:
    """The questions the round asks, answered as the reviewer would: replace on merge, approve."""

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def confirm(self, title: str, text: str) -> bool:
        return True

    def approve_with_errors(self, blockers: Any, total: int) -> str:
        return "all"

    def save_path(self, suggested: str = "") -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def save_changes(self, name: str) -> str:
        return "discard"

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def later(review: Any) -> str:
    """When the unit answers: six days after the status was given."""
    return (datetime.fromisoformat(review.reviewed_at) + timedelta(days=6, hours=3)).isoformat()


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kpi-review-shots-"))
    os.environ["KPI_EDITOR_CONFIG_DIR"] = str(scratch / "config")
    os.environ["KPI_EDITOR_STATE_DIR"] = str(scratch / "state")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from kpi_editor.app.settings import Settings
    from kpi_editor.domain.model import Indicator
    from kpi_editor.domain.review import ReviewStatus, reply_to, set_resolved, shift_after_insert
    from kpi_editor.gui.app import create_application
    from kpi_editor.gui.main_window import MainWindow
    from kpi_editor.io.projectfile import load_booklet
    from kpi_editor.io.submission import (
        export_submission,
        read_unit_list,
        split_booklet,
        submission_file_name,
    )
    from kpi_editor.paths import sample_path

    settings = Settings(reviewer_name=REVIEWER)
    app = create_application(["kpi-editor"], settings)  # noqa: F841  # kept alive for the whole run
    SHOTS.mkdir(parents=True, exist_ok=True)

    def grab(widget: QWidget, name: str) -> None:
        QTest.qWait(400)
        widget.grab().save(str(SHOTS / name))
        print((SHOTS / name).relative_to(ROOT))

    # The units' first files (two units never send theirs), merged against the unit list.
    sample = load_booklet(sample_path())
    missing = {"123014", "124004"}
    split_booklet(
        sample,
        scratch / "units",
        "各单位填报人",
        codes=[d.code for d in sample.departments if d.code not in missing],
    )
    units_list = scratch / "应报单位.txt"
    units_list.write_text("".join(f"{d.code} {d.name}\n" for d in sample.departments), encoding="utf-8")
    answers = Answers()
    window = MainWindow(settings, answers)  # type: ignore[arg-type]
    window.resize(1500, 900)
    window.show()
    dialog = window.review.merge([scratch / "units"])
    dialog.base_check.setChecked(False)
    dialog.set_expected(read_unit_list(units_list), units_list.name)
    dialog.run_merge()
    dialog.open_result()
    booklet_file = scratch / "西区2026汇编本.kpi.json"
    answers.paths.append(booklet_file)
    window.context.save()

    # The review: approvals, returns with comments on a row's 指标值 and on 合计.
    document = window.context.document
    ops = window.context.ops
    assert document is not None and ops is not None
    at = {d.code: i for i, d in enumerate(document.booklet.departments)}
    a, b, c = at["105001"], at["106001"], at["107001"]
    window.review.review_action.setChecked(True)
    ops.set_statuses([(at["101001"],), (at["102001"],), (c,)], ReviewStatus.APPROVED, REVIEWER)
    ops.set_status((a, 1), ReviewStatus.APPROVED, REVIEWER)
    ops.set_statuses([(a, 0), (a, 2), (b, 1)], ReviewStatus.RETURNED, REVIEWER)
    ops.add_comment((a, 0), "第3行的指标值“高质量完成”无法衡量，请量化（如“≥95%”）", REVIEWER, 2, "value")
    ops.add_comment((a, 0), "成本指标的金额请与合计核对", REVIEWER, None, "funding.total")
    ops.add_comment((a, 2), "请核对成本指标与合计", REVIEWER, None, "funding.total")
    ops.add_comment((b, 1), "三级指标名称请写具体", REVIEWER, 3, "name")
    window.context.save()

    # Return files; the units fix, answer and resubmit, one sends its file back unchanged.
    returned = scratch / "returned"
    returned.mkdir()
    for code in ("102001", "105001", "106001", "107001"):
        department = document.booklet.department(code)
        assert department is not None
        export_submission(document.booklet, code, returned / submission_file_name(department), "财政局")
    resubmitted = scratch / "resubmitted"
    resubmitted.mkdir()
    for path in sorted(returned.iterdir()):
        clerk = load_booklet(path)
        unit = clerk.departments[0]
        when = None
        if unit.code == "105001":
            project = unit.projects[0]
            project.indicators[2].value = "≥95%"
            when = later(project.review)
            project.review = reply_to(project.review, 0, "已量化为“≥95%”", "王填报", when)  # type: ignore[arg-type]
            project.review = set_resolved(project.review, 1, True, "王填报", when)
            other = unit.projects[2]
            other.review = set_resolved(other.review, 0, True, "王填报", when)  # type: ignore[arg-type]
            other.indicators[1].value += "（≥3次）"
        elif unit.code == "106001":
            project = unit.projects[1]
            project.indicators.insert(
                0, Indicator(level1="项目完成", level2="数量指标", name="新增培训", value="2次")
            )
            shift_after_insert(project.review, 0)
            when = later(project.review)
            project.review = reply_to(project.review, 0, "已补充具体名称", "张填报", when)  # type: ignore[arg-type]
        elif unit.code == "107001":
            project = unit.projects[3]
            project.funding.total = (project.funding.total or Decimal(0)) + 100
            when = later(project.review)
        export_submission(clerk, unit.code, resubmitted / submission_file_name(unit), "单位填报人", when)

    # The resubmissions merged into the booklet.
    dialog = window.review.merge([resubmitted])
    dialog.set_expected(read_unit_list(units_list), units_list.name)
    dialog.run_merge()
    dialog.resize(1180, 760)
    grab(dialog, "merge-resubmission.png")
    dialog.open_result()
    window.review.review_action.setChecked(True)

    # The approved table edited afterwards, beside the stamped approvals of its unit.
    tree = window.tree
    assert tree.model is not None
    tree.view.collapseAll()
    tree.select_path((c, 3))
    for d in (a, c):
        tree.view.expand(tree.proxy.mapFromSource(tree.model.index_for((d,))))
    tree.view.scrollTo(tree.proxy.mapFromSource(tree.model.index_for((0,))))
    grab(window, "review-panel.png")
    # A returned project the unit answered: its comments where they point, the replies under them.
    tree.select_path((a, 0))
    window.pages.project.select_cell(2, "value")
    grab(window, "review-mode.png")

    view = window.review.submissions()
    view.set_expected(read_unit_list(units_list), units_list.name)
    view.resize(1180, 640)
    grab(view, "submissions-view.png")
    view.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Review state: saved with the project, absent from files that have none, older files still load."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, Project
from kpi_editor.domain.review import (
    ProjectReview,
    ReviewComment,
    ReviewStatus,
    comment,
    shift_after_insert,
    shift_after_remove,
)
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import SCHEMA_VERSION, dumps_booklet, load_booklet, loads_booklet, save_booklet

# A project file exactly as schema version 1 wrote it (before review state existed).
SCHEMA_1_FILE = """{
 "schema_version": 1,
 "booklet": {
  "fiscal_year": 2026,
  "template_id": "xiqu-2026",
  "title": "攀枝花市西区2026年区本级部门预算项目绩效目标（草案）",
  "compiler": "",
  "date": "",
  "preface_title": "",
  "preface": [],
  "departments": [
   {
    "code": "116001",
    "name": "攀枝花市西区人力资源和社会保障局",
    "projects": [
     {
      "id": "116001-01",
      "name": "人大代表履职经费",
      "unit_name": "攀枝花市西区人力资源和社会保障局",
      "funding": {
       "total": "25.0",
       "fiscal": "816.995875"
      },
      "indicators": [
       {
        "level1": "项目完成",
        "level2": "数量指标",
        "name": "召开会议",
        "value": "2次",
        "extra": {}
       }
      ]
     }
    ]
   }
  ]
 }
}
"""


def reviewed_booklet() -> Booklet:
    project = Project(
        id="p1",
        name="人大代表履职经费",
        funding=Funding(total=Decimal("25")),
        indicators=[
            Indicator(level1="项目完成", level2="数量指标", name="召开会议", value="2次"),
            Indicator(level1="项目效益", level2="社会效益指标", name="履职能力", value="有效提升"),
        ],
        review=ProjectReview(
            status=ReviewStatus.RETURNED,
            comments=[
                comment("效益指标请量化", "李审核", indicator=1, time="2026-03-05T14:30:00+08:00"),
                ReviewComment(
                    author="李审核", time="2026-03-05T14:31:00+08:00", text="整体可以", resolved=True
                ),
            ],
        ),
    )
    return Booklet(
        fiscal_year=2026, departments=[Department(code="116001", name="人社局", projects=[project])]
    )


def test_review_state_survives_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "reviewed.kpi.json"
    booklet = reviewed_booklet()
    save_booklet(booklet, path)
    loaded = load_booklet(path)
    assert loaded == booklet
    review = loaded.departments[0].projects[0].review
    assert review is not None and review.status is ReviewStatus.RETURNED
    assert [(c.indicator, c.resolved, c.author) for c in review.comments] == [
        (1, False, "李审核"),
        (None, True, "李审核"),
    ]
    text = path.read_text(encoding="utf-8")
    assert '"status": "退回修改"' in text and "效益指标请量化" in text
    save_booklet(loaded, path)
    assert path.read_text(encoding="utf-8") == text


def test_a_file_without_review_state_has_no_review_key() -> None:
    booklet = reviewed_booklet()
    booklet.departments[0].projects[0].review = None
    assert '"review"' not in dumps_booklet(booklet)


def test_a_schema_1_file_loads_with_content_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.kpi.json"
    path.write_text(SCHEMA_1_FILE, encoding="utf-8")
    booklet = load_booklet(path)
    project = booklet.departments[0].projects[0]
    assert project.review is None
    assert (project.id, project.name, project.funding.total, project.funding.fiscal) == (
        "116001-01",
        "人大代表履职经费",
        Decimal("25.0"),
        Decimal("816.995875"),
    )
    assert str(project.funding.total) == "25.0"
    assert project.indicators == [
        Indicator(level1="项目完成", level2="数量指标", name="召开会议", value="2次")
    ]
    # Saved again it is a current-version file holding the same document.
    saved = json.loads(dumps_booklet(booklet))
    assert saved["schema_version"] == SCHEMA_VERSION == 2
    assert saved["booklet"] == json.loads(SCHEMA_1_FILE)["booklet"]


def test_an_unknown_status_in_a_file_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.kpi.json"
    path.write_text(dumps_booklet(reviewed_booklet()).replace("退回修改", "待定"), encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        load_booklet(path)
    assert str(path) in str(info.value) and "第1个项目" in str(info.value)


def test_comment_is_stamped_with_local_iso_time() -> None:
    c = comment("请补充", "王")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", c.time)
    assert (c.author, c.text, c.resolved, c.indicator) == ("王", "请补充", False, None)


def test_row_comments_follow_their_rows() -> None:
    review = ProjectReview(comments=[comment("a", indicator=0), comment("b", indicator=2), comment("c")])
    shift_after_insert(review, 1, 2)
    assert [c.indicator for c in review.comments] == [0, 4, None]
    shift_after_remove(review, 0)
    assert [c.indicator for c in review.comments] == [None, 3, None]
    shift_after_remove(review, 1, 2)
    assert [c.indicator for c in review.comments] == [None, 1, None]
    assert [c.text for c in review.comments] == ["a", "b", "c"]  # a removed row's comment is kept


def test_empty_and_open_comments() -> None:
    assert ProjectReview().is_empty
    review = reviewed_booklet().departments[0].projects[0].review
    assert review is not None and not review.is_empty
    assert [c.text for c in review.open_comments] == ["效益指标请量化"]


def test_clerk_replies_and_resolutions_record_who_and_when() -> None:
    from kpi_editor.domain.review import answered_comments, reply_to, set_resolved

    review = ProjectReview(
        status=ReviewStatus.RETURNED,
        reviewed_at="2026-03-05T10:00:00+08:00",
        comments=[
            comment("效益指标请量化", "李审核", indicator=1, time="2026-03-05T10:00:00+08:00"),
            comment("请核对合计", "李审核", time="2026-03-05T10:01:00+08:00"),
            comment("满意度请不低于90%", "李审核", time="2026-03-05T10:02:00+08:00"),
        ],
    )
    answered = reply_to(review, 0, "已改为≥95%", "王填报", "2026-03-12T09:00:00+08:00")
    answered = set_resolved(answered, 1, True, "王填报", "2026-03-12T09:01:00+08:00")
    assert review.comments[0].replies is None and not review.comments[1].resolved  # input untouched
    first, second, _third = answered.comments
    assert first.replies is not None and (first.replies[0].author, first.replies[0].text) == (
        "王填报",
        "已改为≥95%",
    )
    assert (second.resolved, second.resolved_by, second.resolved_at) == (
        True,
        "王填报",
        "2026-03-12T09:01:00+08:00",
    )
    assert answered_comments(answered) == [0, 1]
    # An answer from before the status (an older round) is not news.
    old = reply_to(answered, 2, "上一轮的答复", "王填报", "2026-03-01T09:00:00+08:00")
    assert answered_comments(old) == [0, 1]
    reopened = set_resolved(answered, 1, False, "李审核")
    assert (reopened.comments[1].resolved, reopened.comments[1].resolved_by) == (False, None)
    with pytest.raises(ValueError):
        reply_to(review, 0, "  ", "王填报")
    # Saved and loaded, replies and who resolved survive; a file without them has no such keys.
    booklet = reviewed_booklet()
    booklet.departments[0].projects[0].review = answered
    assert loads_booklet(dumps_booklet(booklet)) == booklet
    assert '"replies"' not in dumps_booklet(reviewed_booklet())
    assert '"resolved_by"' not in dumps_booklet(reviewed_booklet())

"""Progress: counts by effective status, the unit roll-up, the submissions view."""

from __future__ import annotations

from decimal import Decimal

from kpi_editor.domain.approval import batch_status_plan
from kpi_editor.domain.edits import apply_plan
from kpi_editor.domain.fingerprint import department_fingerprint
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.progress import (
    SubmissionState,
    booklet_progress,
    rollup_status,
    status_sort_key,
    submissions_view,
    unit_progress,
)
from kpi_editor.domain.review import EffectiveStatus, ReviewStatus, SubmissionRecord
from kpi_editor.domain.submission import UnitRef

AT = "2026-03-05T14:30:00+08:00"


def test_counts_and_rollup_follow_the_effective_status(corpus_booklet: Booklet) -> None:
    booklet = corpus_booklet.model_copy(deep=True)
    apply_plan(booklet, batch_status_plan(booklet, [(0,), (1,)], ReviewStatus.APPROVED, "李审核", AT))
    apply_plan(booklet, batch_status_plan(booklet, [(2, 0)], ReviewStatus.RETURNED, "李审核", AT))
    booklet.departments[1].projects[0].funding.total = Decimal(200)  # edited after approval
    units, total = booklet_progress(booklet)
    n0, n1 = len(booklet.departments[0].projects), len(booklet.departments[1].projects)
    assert (total.approved, total.returned, total.changed, total.edited) == (n0 + n1 - 1, 1, 1, 1)
    assert total.pending == 327 - n0 - n1 - 1 and total.total == 327
    assert [u.rollup for u in units[:4]] == [
        EffectiveStatus.APPROVED,
        EffectiveStatus.CHANGED,
        EffectiveStatus.RETURNED,
        EffectiveStatus.PENDING,
    ]
    assert units[0].label == f"{n0}/{n0} 通过"
    assert (
        total.describe()
        == f"审核通过 {total.approved} · 退回修改 1 · 已修改待复审 1 · 未审核 {total.pending}"
    )
    assert unit_progress(booklet.departments[3]).counts.pending == len(booklet.departments[3].projects)
    assert rollup_status(unit_progress(booklet.departments[3]).counts) is EffectiveStatus.PENDING
    statuses = sorted(EffectiveStatus, key=status_sort_key)
    assert statuses[0] is EffectiveStatus.CHANGED and statuses[-1] is EffectiveStatus.APPROVED


def test_submissions_view_lists_expected_received_and_missing(corpus_booklet: Booklet) -> None:
    booklet = corpus_booklet.model_copy(deep=True)
    a, b = booklet.departments[:2]
    booklet.submissions = [
        SubmissionRecord(
            unit_code=a.code, version=1, source="a1", received_at=AT, fingerprint=department_fingerprint(a)
        ),
        SubmissionRecord(
            unit_code="999001", unit_name="外单位", version=1, source="x", received_at=AT, fingerprint="F"
        ),
        SubmissionRecord(
            unit_code=a.code,
            version=2,
            source="a2.kpi.json",
            received_at=AT,
            fingerprint=department_fingerprint(a),
            submitted_at="2026-03-04T10:00:00+08:00",
            submitter="王填报",
        ),
    ]
    expected = [UnitRef(a.code, a.name), UnitRef(b.code, b.name), UnitRef("777001", "未建单位")]
    rows = submissions_view(booklet, expected)
    by_code = {r.code: r for r in rows}
    assert by_code[a.code].state is SubmissionState.SUBMITTED and by_code[a.code].versions == 2
    assert by_code[a.code].current is True and "第2版" in by_code[a.code].describe()
    assert "王填报" in by_code[a.code].describe() and "a2.kpi.json" in by_code[a.code].describe()
    assert by_code[b.code].state is SubmissionState.NOT_SUBMITTED and by_code[b.code].in_booklet
    assert by_code["777001"].state is SubmissionState.NOT_SUBMITTED and not by_code["777001"].in_booklet
    assert by_code["999001"].state is SubmissionState.UNEXPECTED
    # The other 70 units of the booklet are in it but not on this list.
    assert sum(1 for r in rows if r.state is SubmissionState.UNEXPECTED) == 71
    a.projects[0].name += "（改）"
    assert submissions_view(booklet, expected)[0].current is False
    # Without a list the booklet's own units are expected.
    default = submissions_view(booklet)
    assert len([r for r in default if r.expected]) == 72


def test_the_submissions_log_does_not_roll_over_to_next_year(corpus_booklet: Booklet) -> None:
    from kpi_editor.domain.rollover import rollover

    booklet = corpus_booklet.model_copy(deep=True)
    a = booklet.departments[0]
    booklet.submissions = [
        SubmissionRecord(
            unit_code=a.code, version=1, source="a", received_at=AT, fingerprint=department_fingerprint(a)
        )
    ]
    result = rollover(booklet, 2027)
    assert result.booklet.submissions is None and booklet.submissions is not None
    assert any("提交记录" in note for note in result.report.notes)

"""The compare view against the saved version of the sample."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kpi_editor.app.operations import Operations
from kpi_editor.domain.diff import ChangeKind
from kpi_editor.gui.main_window import MainWindow


def test_compare_lists_exactly_three_changes(opened: MainWindow, small_file: Path) -> None:
    document = opened.context.document
    assert document is not None
    project = document.item((2, 0))
    other = document.item((5, 1))
    old_total = project.funding.total
    old_value = other.indicators[0].value
    old_name = document.item((7, 0)).name
    assert Operations(document).set_field((2, 0), "funding.total", str(old_total + Decimal("1.5")))
    assert Operations(document).set_field((5, 1, 0), "value", old_value + "（修订）")
    assert Operations(document).set_field((7, 0), "name", old_name + "（更名）")
    dialog = opened.review.compare()
    assert dialog is not None
    kinds = sorted(change.kind for change in dialog.changes)
    assert kinds == sorted(
        [ChangeKind.FUNDING_CHANGED, ChangeKind.INDICATOR_CHANGED, ChangeKind.PROJECT_RENAMED]
    )
    assert dialog.summary_label.text().startswith("共 3 处不同")
    lines = dialog.visible_lines()
    assert len(lines) == 3
    assert any(str(old_total) in line and str(old_total + Decimal("1.5")) in line for line in lines)
    assert any(f"{old_value} → {old_value}（修订）" in line for line in lines)
    assert any(f"{old_name} → {old_name}（更名）" in line for line in lines)
    # Grouped by department: three departments, each with its count.
    tops = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    codes = [document.booklet.departments[d].code for d in (2, 5, 7)]
    assert [t.split()[0] for t in tops] == codes and all(t.endswith("（1）") for t in tops)
    dialog.close()


def test_compare_identical_content_says_same(opened: MainWindow, small_file: Path, tmp_path: Path) -> None:
    # The same booklet written with another key order and indentation still compares as identical.
    import json

    data = json.loads(small_file.read_text(encoding="utf-8"))
    copy = tmp_path / "copy.kpi.json"
    copy.write_text(json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True), encoding="utf-8")
    dialog = opened.review.compare(copy)
    assert dialog.changes == [] and dialog.summary_label.text().startswith("内容相同")
    assert dialog.tree.topLevelItemCount() == 0
    dialog.close()


def test_compare_with_unreadable_file_reports_error(opened: MainWindow, prompts, tmp_path: Path) -> None:
    broken = tmp_path / "broken.kpi.json"
    broken.write_text("{not json", encoding="utf-8")
    dialog = opened.review.compare(broken)
    assert dialog.changes == [] and prompts.kinds()[-1] == "error"
    assert "broken.kpi.json" in prompts.asked[-1][1]
    dialog.close()

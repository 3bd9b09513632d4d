"""汇编合并 from the GUI: conflicts are never overwritten without the user's yes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from kpi_editor.domain.model import Booklet
from kpi_editor.gui.main_window import MainWindow
from kpi_editor.io.projectfile import load_booklet, save_booklet


def split(sample: Path, tmp_path: Path) -> tuple[Booklet, Path, Path, Path]:
    """a: departments 0-1; b: department 1 with a changed amount; c: department 2."""
    whole = load_booklet(sample)
    folder = tmp_path / "submitted"
    folder.mkdir()
    paths = []
    for name, rows in (("a", [0, 1]), ("b", [1]), ("c", [2])):
        part = whole.model_copy(deep=True)
        part.departments = [part.departments[r] for r in rows]
        if name == "b":
            project = part.departments[0].projects[0]
            project.funding.total = (project.funding.total or Decimal(0)) + 10
        path = folder / f"{name}.kpi.json"
        save_booklet(part, path)
        paths.append(path)
    return whole, *paths  # type: ignore[return-value]


def test_conflict_kept_without_yes(
    opened: MainWindow, prompts: Any, small_file: Path, tmp_path: Path
) -> None:
    whole, a, b, c = split(small_file, tmp_path)
    prompts.confirm_answer = False
    dialog = opened.review.merge([a, b, c])
    dialog.base_check.setChecked(False)  # a new booklet from the files alone
    merged = dialog.run_merge()
    assert merged is not None
    asked = [text for kind, text in prompts.asked if kind == "confirm"]
    code = whole.departments[1].code
    assert len(asked) == 1 and code in asked[0] and "a.kpi.json" in asked[0] and "b.kpi.json" in asked[0]
    assert "合计" in asked[0] and "→" in asked[0]  # the difference is shown
    assert [d.code for d in merged.departments] == [d.code for d in whole.departments[:3]]
    assert merged.departments[1] == whole.departments[1]  # a's version kept
    assert dialog.origins[code][0] == "a.kpi.json" and "未采用" in dialog.origins[code][1]
    assert dialog.origins[whole.departments[2].code][0] == "c.kpi.json"
    sources = [dialog.result_tree.topLevelItem(i).text(2) for i in range(3)]
    assert sources == ["a.kpi.json", "a.kpi.json", "c.kpi.json"]
    # Opening the result: a new unsaved document; the open sample is closed after asking.
    assert dialog.open_result()
    document = opened.context.document
    assert document is not None and document.path is None and document.modified
    assert document.booklet.project_count == sum(len(d.projects) for d in whole.departments[:3])


def test_conflict_replaced_with_yes(
    opened: MainWindow, prompts: Any, small_file: Path, tmp_path: Path
) -> None:
    whole, a, b, _c = split(small_file, tmp_path)
    prompts.confirm_answer = True
    dialog = opened.review.merge([a, b])
    dialog.base_check.setChecked(False)
    merged = dialog.run_merge()
    assert merged is not None
    changed = merged.departments[1].projects[0]
    assert changed.funding.total == (whole.departments[1].projects[0].funding.total or 0) + 10
    assert dialog.origins[whole.departments[1].code] == ("b.kpi.json", "替换了“a.kpi.json”中的版本")


def test_other_fiscal_year_refused(
    opened: MainWindow, prompts: Any, small_file: Path, tmp_path: Path
) -> None:
    whole, a, _b, _c = split(small_file, tmp_path)
    other = whole.model_copy(deep=True)
    other.fiscal_year = whole.fiscal_year + 1
    other.departments = other.departments[5:6]
    later = tmp_path / "later.kpi.json"
    save_booklet(other, later)
    dialog = opened.review.merge([a, later])
    dialog.base_check.setChecked(False)
    assert dialog.run_merge() is None and dialog.merged is None
    assert prompts.kinds()[-1] == "error" and "later.kpi.json" in prompts.asked[-1][1]


def test_folder_adds_kpi_files_in_name_order(opened: MainWindow, small_file: Path, tmp_path: Path) -> None:
    _whole, a, _b, _c = split(small_file, tmp_path)
    (a.parent / "notes.txt").write_text("x", encoding="utf-8")
    dialog = opened.review.merge([a.parent])
    assert [p.name for p in dialog.paths] == ["a.kpi.json", "b.kpi.json", "c.kpi.json"]
    dialog.close()

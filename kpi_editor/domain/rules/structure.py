"""The 一级 → 二级 tree: known labels, each 二级 under its own 一级, required 二级 present, in order.

Label findings are reported once per run of rows sharing the label, because in the printed
table such a run is one merged cell.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from kpi_editor.domain.edits import SetValue
from kpi_editor.domain.rules import ProjectContext, QuickFix, Row, loose, quote, row_label, row_range


def _relabel(first: int, last: int, field: str, label: str) -> QuickFix:
    """Write `label` into `field` of rows first..last (one merged cell in the printed table)."""
    edits = tuple(SetValue((i,), field, label) for i in range(first, last + 1))
    return QuickFix(f"{row_range(first, last)}改为“{label}”", edits)


def _runs(rows: list[Row], key: Callable[[Row], str]) -> list[tuple[int, int, str]]:
    """(first index, last index, value) of consecutive rows with the same key."""
    runs: list[tuple[int, int, str]] = []
    for row in rows:
        value = key(row)
        if runs and runs[-1][2] == value and runs[-1][1] == row.index - 1:
            runs[-1] = (runs[-1][0], row.index, value)
        else:
            runs.append((row.index, row.index, value))
    return runs


def _suggest(label: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(loose(label), list(known), n=1, cutoff=0.4)
    return f"，是否应为“{close[0]}”" if close else ""


def _check_labels(ctx: ProjectContext) -> None:
    index = ctx.index
    level1_list = "、".join(index.level1_names)
    for first, last, raw in _runs(ctx.rows, lambda r: r.indicator.level1.strip()):
        where = row_range(first, last)
        resolved = ctx.rows[first].level1
        if not raw:
            ctx.report(
                "structure.missing_label",
                f"{where}的一级指标为空，请填写（{level1_list}）。",
                indicator=first,
                field="level1",
            )
        elif resolved is None:
            ctx.report(
                "structure.unknown_label",
                f"{where}的一级指标{quote(raw)}不在表样中{_suggest(raw, index.level1_names)}？"
                f"请改为表样中的一级指标：{level1_list}。",
                indicator=first,
                field="level1",
            )
        elif resolved != raw:
            ctx.report(
                "structure.nonstandard_label",
                f"{where}的一级指标{quote(raw)}写法不规范，请改为“{resolved}”。",
                indicator=first,
                field="level1",
                actual=raw,
                expected=resolved,
                fix=_relabel(first, last, "level1", resolved),
            )

    level2_names = list(index.parent)
    for first, last, raw in _runs(ctx.rows, lambda r: r.indicator.level2.strip()):
        where = row_range(first, last)
        row = ctx.rows[first]
        if not raw:
            ctx.report(
                "structure.missing_label",
                f"{where}的二级指标为空，请选择表样中的二级指标。",
                indicator=first,
                field="level2",
            )
        elif row.level2 is None:
            ctx.report(
                "structure.unknown_label",
                f"{where}的二级指标{quote(raw)}不在表样中{_suggest(raw, level2_names)}？"
                f"请改为表样中的二级指标：{'、'.join(level2_names)}。",
                indicator=first,
                field="level2",
            )
        elif row.level2 != raw:
            ctx.report(
                "structure.nonstandard_label",
                f"{where}的二级指标{quote(raw)}写法不规范，请改为“{row.level2}”。",
                indicator=first,
                field="level2",
                actual=raw,
                expected=row.level2,
                fix=_relabel(first, last, "level2", row.level2),
            )

    # A known 二级 under a known but different 一级 (社会效益指标 under 项目完成).
    def placement(row: Row) -> str:
        if row.level1 is None or row.level2 is None:
            return ""
        parent = index.parent[row.level2]
        return "" if parent == row.level1 else f"{row.level2}\0{row.level1}"

    for first, last, key in _runs(ctx.rows, placement):
        if not key:
            continue
        level2, level1 = key.split("\0")
        ctx.report(
            "structure.wrong_level1",
            f"{row_range(first, last)}的二级指标“{level2}”应归入一级指标“{index.parent[level2]}”，"
            f"而不是“{level1}”，请改正一级指标。",
            indicator=first,
            field="level1",
            actual=level1,
            expected=index.parent[level2],
            fix=_relabel(first, last, "level1", index.parent[level2]),
        )


def _check_required(ctx: ProjectContext) -> None:
    index = ctx.index
    present = {row.level2 for row in ctx.rows if row.level2}
    for name in index.required:
        if name not in present:
            ctx.report(
                "structure.missing_level2",
                f"缺少必填的二级指标“{name}”（属于一级指标“{index.parent[name]}”），请在该一级指标下添加至少一行。",
                field="level2",
            )
    for group in index.groups:
        if not present.intersection(group.any_of):
            parents = "、".join(dict.fromkeys(index.parent[n] for n in group.any_of))
            ctx.report(
                "structure.missing_group",
                f"缺少{group.description}，请在一级指标“{parents}”下添加（可选：{'、'.join(group.any_of)}）。",
                field="level2",
            )


def _check_order(ctx: ProjectContext) -> None:
    known = [row for row in ctx.rows if row.level2]
    runs: list[tuple[int, int, str]] = []
    for row in known:
        assert row.level2 is not None
        if runs and runs[-1][2] == row.level2:
            runs[-1] = (runs[-1][0], row.index, row.level2)
        else:
            runs.append((row.index, row.index, row.level2))
    seen: dict[str, tuple[int, int]] = {}
    split = False
    for first, last, name in runs:
        if name in seen:
            split = True
            earlier = seen[name]
            ctx.report(
                "structure.split_group",
                f"二级指标“{name}”分成了两段（{row_range(*earlier)}和{row_range(first, last)}），"
                f"请把{row_label(first)}起的这些行移到前一段末尾，或改为正确的二级指标。",
                indicator=first,
                field="level2",
            )
        else:
            seen[name] = (first, last)
    if split:
        return
    order = ctx.index.order
    sequence = [name for _, _, name in runs]
    if sequence != sorted(sequence, key=lambda n: order[n]):
        expected = "、".join(sorted(sequence, key=lambda n: order[n]))
        ctx.report(
            "structure.order",
            f"二级指标的顺序（{'、'.join(sequence)}）与表样不同，建议按表样排列：{expected}。",
            field="level2",
        )


def check(ctx: ProjectContext) -> None:
    if not ctx.labels_clean:
        _check_labels(ctx)
    _check_required(ctx)
    _check_order(ctx)

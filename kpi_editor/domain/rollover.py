"""The annual cycle: next year's booklet from this year's, and a new fiscal year for an open booklet.

`plan_fiscal_year_change` moves the fiscal year of a booklet and every mention of it that refers
to the plan (cover, 编制说明, names, indicator cells), leaving history alone and listing what it
cannot decide (see `kpi_editor.domain.yearshift` for the rules). It returns an `EditPlan` the
editor applies as one undo step, and a `ChangeReport`.

`rollover` builds the new year's booklet: the same units, projects and rows, the years moved,
amounts kept (and shown as last year's while they stay equal to `Project.previous_funding`) or
cleared, every row's old 指标值 kept as its `Indicator.previous_value` (上年指标值), review state
cleared. The old booklet is never modified. Funding labels (``2027年上级补助``, ``2026年结转资金``)
are not stored: the template prints them for the booklet's fiscal year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kpi_editor.domain.changereport import CellChange, CellToCheck, ChangeReport, KeptMention, Place
from kpi_editor.domain.edits import PREFACE, EditPlan, ItemPath, SetValue, apply_plan
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet, Project
from kpi_editor.domain.rules import loose
from kpi_editor.domain.template import FormTemplate, load_template
from kpi_editor.domain.yearshift import Verdict, read_cell

__all__ = [
    "MAX_GAP",
    "AmountsMode",
    "Rollover",
    "RolloverError",
    "YearChange",
    "carried_amount_fields",
    "content_year",
    "plan_fiscal_year_change",
    "rollover",
    "rollover_plan",
]

AmountsMode = Literal["keep", "clear"]
# More years than this between the old table and the new one is a typing slip, not a rollover.
MAX_GAP = 5
_YEAR_MIN, _YEAR_MAX = 1990, 2200  # the model's range for Booklet.fiscal_year


class RolloverError(ValueError):
    """A rollover that cannot be done as asked; ``str()`` is one line of Chinese for the user."""


@dataclass
class YearChange:
    """What changing the year would do: the edits (one undo step) and the report."""

    plan: EditPlan
    report: ChangeReport


@dataclass
class Rollover:
    booklet: Booklet  # the new year's booklet; the old one is untouched
    report: ChangeReport


@dataclass(frozen=True, slots=True)
class _Cell:
    place: Place
    text: str
    time_row: bool


def _cells(booklet: Booklet, template: FormTemplate) -> Iterator[_Cell]:
    """Every text cell of the booklet that can name a year, with its place."""
    for name in ("title", "date", "compiler", "preface_title"):
        yield _Cell(Place((), name), getattr(booklet, name), False)
    for s, section in enumerate(booklet.preface):
        for name in ("heading", "body"):
            yield _Cell(Place((*PREFACE, s), name), getattr(section, name), False)
    kinds = {l2.name: l2.kind for l1 in template.taxonomy for l2 in l1.level2}
    loose_kinds = {loose(name): kind for name, kind in kinds.items()}
    for d, department in enumerate(booklet.departments):
        code = department.code
        yield _Cell(Place((d,), "name", code), department.name, False)
        for p, project in enumerate(department.projects):
            pid, pname = project.id, project.name
            for name in ("name", "unit_name"):
                yield _Cell(Place((d, p), name, code, pid, pname), getattr(project, name), False)
            for i, row in enumerate(project.indicators):
                kind = kinds.get(row.level2) or loose_kinds.get(loose(row.level2))
                time_row = kind == "time"
                for name in ("name", "value"):
                    yield _Cell(Place((d, p, i), name, code, pid, pname, i), getattr(row, name), time_row)
                for key, text in row.extra.items():
                    yield _Cell(Place((d, p, i), f"extra:{key}", code, pid, pname, i), text, time_row)


def _check_year(year: int, what: str) -> None:
    if not _YEAR_MIN <= year <= _YEAR_MAX:
        raise RolloverError(f"{what}{year}年不是有效的预算年度（应在{_YEAR_MIN}—{_YEAR_MAX}年之间）")


def content_year(booklet: Booklet, template: FormTemplate | None = None) -> int | None:
    """The year most of the booklet's cells name, or None when too few name one to tell.

    A booklet whose fiscal year is not its content's year was mislabelled; moving its years would
    move the wrong ones, so the rollover refuses and the editor can offer to correct the year alone.
    """
    template = template or load_template(booklet.template_id)
    years: Counter[int] = Counter()
    for cell in _cells(booklet, template):
        # Every named year counts, whatever its verdict: under a wrong fiscal year all are "history".
        years.update(
            m.year for m in read_cell(cell.text, booklet.fiscal_year, booklet.fiscal_year).mentions if m.year
        )
    total = sum(years.values())
    if total < 5:
        return None
    year, count = years.most_common(1)[0]
    return year if count * 2 > total else None


def plan_fiscal_year_change(
    booklet: Booklet, new_year: int, template: FormTemplate | None = None, *, move_text: bool | None = None
) -> YearChange:
    """The edits that give `booklet` the fiscal year `new_year`, with the report.

    With `move_text` the plan-year mentions move too; without it only the fiscal year (and so the
    printed funding labels) changes: for a booklet whose year was set wrongly. By default (None)
    the text moves unless most of it already names `new_year` (the clerk is correcting the year).
    Cells with an unsure mention are left as they are and listed. Raises `RolloverError` for a
    year outside the model's range.
    """
    _check_year(new_year, "预算年度")
    old_year = booklet.fiscal_year
    template = template or load_template(booklet.template_id)
    plan = EditPlan(f"预算年度改为{new_year}年")
    report = ChangeReport(f"预算年度 {old_year}年 → {new_year}年")
    if new_year == old_year:
        return YearChange(plan, report)
    plan.edits.append(SetValue((), "fiscal_year", new_year))
    report.notes.extend(_label_notes(template, old_year, new_year))
    if move_text is None:
        move_text = content_year(booklet, template) != new_year
        if not move_text:
            report.notes.append(f"内容中的年份大多已是{new_year}年：只改预算年度，内容未动。")
    if move_text:
        _move_years(booklet, template, new_year, plan, report)
    return YearChange(plan, report)


def _move_years(
    booklet: Booklet, template: FormTemplate, new_year: int, plan: EditPlan, report: ChangeReport
) -> None:
    old_year = booklet.fiscal_year
    for cell in _cells(booklet, template):
        reading = read_cell(cell.text, old_year, new_year, cell.time_row)
        if not reading.mentions:
            continue
        for mention in reading.mentions:
            if mention.verdict is Verdict.HISTORY:
                report.kept.append(KeptMention(cell.place, mention.text, mention.reason))
            elif mention.verdict is Verdict.RELATIVE:
                report.relative_mentions += 1
        if reading.unsure:
            reasons = tuple(
                dict.fromkeys(
                    f"“{m.text}”：{m.reason}" for m in reading.mentions if m.verdict is Verdict.UNSURE
                )
            )
            report.to_check.append(CellToCheck(cell.place, cell.text, reasons, reading.suggestion))
        elif reading.new_text is not None:
            moved = [m for m in reading.mentions if m.verdict is Verdict.MOVED]
            report.moved_mentions += len(moved)
            notes = tuple(dict.fromkeys(f"{m.text} → {m.replacement}：{m.reason}" for m in moved))
            plan.edits.append(SetValue(cell.place.path, cell.place.field, reading.new_text))
            report.changed.append(CellChange(cell.place, cell.text, reading.new_text, notes))
    for change in report.changed:
        if change.place.path == () and change.place.field == "date":
            report.notes.append(f"封面日期已按年份顺延为“{change.new}”，请按实际编制日期核对。")


def _label_notes(template: FormTemplate, old_year: int, new_year: int) -> list[str]:
    pairs = [(template.amount_header(old_year), template.amount_header(new_year))]
    for row in template.funding_rows:
        pairs.append(
            (template.funding_label(row.field, old_year), template.funding_label(row.field, new_year))
        )
    changed = [f"{old.strip()} → {new.strip()}" for old, new in pairs if old != new]
    if not changed:
        return []
    return ["资金来源标签随预算年度：" + "；".join(changed) + "。"]


# -- rollover ----------------------------------------------------------------------------------------


def _check_rollover(booklet: Booklet, new_year: int) -> None:
    old_year = booklet.fiscal_year
    _check_year(old_year, "原文件的预算年度")
    _check_year(new_year, "新年度")
    if new_year <= old_year:
        raise RolloverError(f"新年度{new_year}年必须晚于原文件的预算年度{old_year}年")
    if new_year - old_year > MAX_GAP:
        raise RolloverError(
            f"新年度{new_year}年比原文件的预算年度{old_year}年晚{new_year - old_year}年，"
            f"超过{MAX_GAP}年，请检查年份是否输错"
        )
    found = content_year(booklet)
    if found is not None and found != old_year:
        raise RolloverError(
            f"原文件的预算年度是{old_year}年，但其中的年份大多写的是{found}年：请先核对并改正预算年度，再新建下一年度"
        )


def rollover_plan(booklet: Booklet, new_year: int, amounts: AmountsMode = "keep") -> YearChange:
    """The edits that turn a copy of `booklet` into the booklet for `new_year`, with the report.

    Raises `RolloverError` for a target year not after the booklet's, more than `MAX_GAP` years on,
    or a booklet whose fiscal year does not match its content.
    """
    _check_rollover(booklet, new_year)
    old_year = booklet.fiscal_year
    change = plan_fiscal_year_change(booklet, new_year)
    plan, report = change.plan, change.report
    plan.description = f"由{old_year}年度新建{new_year}年度"
    report.title = f"由{old_year}年度新建{new_year}年度"
    reviewed = 0
    for d, department in enumerate(booklet.departments):
        for p, project in enumerate(department.projects):
            path: ItemPath = (d, p)
            plan.edits.append(SetValue(path, "previous_funding", project.funding.model_copy()))
            if amounts == "clear":
                for name in FUNDING_FIELDS:
                    if project.funding.get(name) is not None:
                        plan.edits.append(SetValue(path, f"funding.{name}", None))
            if project.review is not None:
                reviewed += 1
                plan.edits.append(SetValue(path, "review", None))
            for i, row in enumerate(project.indicators):
                plan.edits.append(SetValue((d, p, i), "previous_value", row.value))
    if booklet.submissions:
        # The bureau's log of this year's submission files says nothing about next year's.
        plan.edits.append(SetValue((), "submissions", None))
        report.notes.append(f"提交记录：已清除{old_year}年度的{len(booklet.submissions)}条提交记录。")
    projects = booklet.project_count
    if amounts == "keep":
        report.notes.append(
            f"金额：沿用{old_year}年的金额（{projects}个项目）；未改动的金额显示为上年数，请逐项核实。"
        )
    else:
        report.notes.append(f"金额：已清空（{projects}个项目），{old_year}年的金额留作上年金额参考。")
    report.notes.append(f"每行指标记下了{old_year}年的指标值（上年指标值），供对照。")
    if reviewed:
        report.notes.append(f"审核状态：已清除{reviewed}个项目的审核状态和审核意见。")
    return change


def rollover(booklet: Booklet, new_year: int, amounts: AmountsMode = "keep") -> Rollover:
    """The booklet for `new_year` built from `booklet` (left untouched), with the report."""
    change = rollover_plan(booklet, new_year, amounts)
    new = booklet.model_copy(deep=True)
    apply_plan(new, change.plan)
    return Rollover(new, change.report)


def carried_amount_fields(project: Project) -> tuple[str, ...]:
    """The funding fields still holding last year's amount (equal to `previous_funding`): the ones
    the editor shows as 上年数 until the clerk changes them."""
    previous = project.previous_funding
    if previous is None:
        return ()
    return tuple(
        name
        for name in FUNDING_FIELDS
        if (value := project.funding.get(name)) is not None and value == previous.get(name)
    )

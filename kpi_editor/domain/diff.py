"""What changed between two versions of a booklet, in the words of the printed content.

Projects are matched by id, then by name (first within the same department, then anywhere), then
— for files re-created by hand, whose ids differ — by the similarity of their indicator rows within
the same department. Indicator rows are aligned with ``difflib.SequenceMatcher`` on their
(一级, 二级, 三级) keys, so an inserted row is reported as one added row, not as every row below it
changed.

Across fiscal years (last year's booklet against the one rolled over from it) names and rows are
matched with their years written relative to each booklet's own year, so a carried row whose only
change is 2026年1-12月 → 2027年1-12月 is one change marked ``year_shift`` (上年 → 今年), not a
removed row and an added one.

Amounts are compared by value: ``25`` and ``25.0`` are the same budget and print the same under
the templates' ``0.######`` number format, so they are no change. ``None`` (row left out) and ``0``
print differently and are a change. Review state (status, comments) and project ids are not
content and never appear in a diff.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from kpi_editor.domain.fingerprint import canonical_amount
from kpi_editor.domain.labels import (
    COLUMN_NAMES,
    FRONT_NAMES,
    FUNDING_NAMES,
    PROJECT_NAMES,
    ROW_FIELD_NAMES,
    SECTION_NAMES,
)
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet, Department, Indicator, Project, Target
from kpi_editor.domain.yearshift import neutral_form

# Matching re-created projects by content: at least this share of indicator rows in common.
SIMILARITY_MIN = 0.6


class ChangeKind(StrEnum):
    FRONT_MATTER = "front_matter_changed"
    DEPARTMENT_ADDED = "department_added"
    DEPARTMENT_REMOVED = "department_removed"
    DEPARTMENT_RENAMED = "department_renamed"
    PROJECT_ADDED = "project_added"
    PROJECT_REMOVED = "project_removed"
    PROJECT_RENAMED = "project_renamed"
    PROJECT_MOVED = "project_moved"
    PROJECTS_REORDERED = "projects_reordered"
    UNIT_CHANGED = "unit_changed"
    FUNDING_CHANGED = "funding_changed"
    INDICATOR_ADDED = "indicator_added"
    INDICATOR_REMOVED = "indicator_removed"
    INDICATOR_CHANGED = "indicator_changed"


@dataclass(frozen=True)
class Change:
    """One difference. ``department`` is the unit code, ``project`` the project's (new) name.

    ``field`` says what changed: a funding field (``total`` …), ``name``, ``unit_name``,
    ``indicators[3].value`` (0-based row; of the new version, or of the old one for a removed row),
    a front-matter field or ``preface[1].body``. ``row`` repeats that row index for views.
    """

    kind: ChangeKind
    department: str | None
    project: str | None
    field: str | None
    old: str | None
    new: str | None
    row: int | None = None
    # Across fiscal years: the texts differ only by the year moving with the booklet's (上年 → 今年).
    year_shift: bool = False

    def as_json(self) -> dict[str, str | bool | None]:
        data: dict[str, str | bool | None] = {
            "kind": str(self.kind),
            "department": self.department,
            "project": self.project,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }
        if self.year_shift:
            data["year_shift"] = True
        return data

    def describe(self) -> str:
        """One line of Chinese for the terminal and the compare view."""
        where = "".join(
            part
            for part in (
                f"[{self.department}] " if self.department else "",
                f"“{self.project}” " if self.project else "",
            )
        )
        shift = "（年份顺延）" if self.year_shift else ""
        return f"{where}{_KIND_TEXT[self.kind]}{self._what()}{shift}"

    def _what(self) -> str:
        label = _field_label(self.field)
        old = "（空）" if self.old is None else self.old
        new = "（空）" if self.new is None else self.new
        if self.kind in (ChangeKind.PROJECT_ADDED, ChangeKind.DEPARTMENT_ADDED):
            return f"：{new}"
        if self.kind in (ChangeKind.PROJECT_REMOVED, ChangeKind.DEPARTMENT_REMOVED):
            return f"：{old}"
        if self.kind is ChangeKind.INDICATOR_ADDED:
            return f" {label}：{new}"
        if self.kind is ChangeKind.INDICATOR_REMOVED:
            return f" {label}：{old}"
        return f" {label}：{old} → {new}"


_KIND_TEXT = {
    ChangeKind.FRONT_MATTER: "封面/编制说明改动",
    ChangeKind.DEPARTMENT_ADDED: "新增单位",
    ChangeKind.DEPARTMENT_REMOVED: "删除单位",
    ChangeKind.DEPARTMENT_RENAMED: "单位更名",
    ChangeKind.PROJECT_ADDED: "新增项目",
    ChangeKind.PROJECT_REMOVED: "删除项目",
    ChangeKind.PROJECT_RENAMED: "项目更名",
    ChangeKind.PROJECT_MOVED: "项目移到其他单位",
    ChangeKind.PROJECTS_REORDERED: "项目顺序改变",
    ChangeKind.UNIT_CHANGED: "部门（单位）改动",
    ChangeKind.FUNDING_CHANGED: "金额改动",
    ChangeKind.INDICATOR_ADDED: "新增指标行",
    ChangeKind.INDICATOR_REMOVED: "删除指标行",
    ChangeKind.INDICATOR_CHANGED: "指标改动",
}


def _field_label(field: str | None) -> str:
    if field is None:
        return ""
    if field in FUNDING_NAMES:
        return FUNDING_NAMES[field]
    if field in FRONT_NAMES:
        return FRONT_NAMES[field]
    if field.startswith(("indicators[", "preface[")):
        head, _, rest = field.partition("]")
        number = int(head.partition("[")[2]) + 1
        prefix = f"第{number}行" if field.startswith("indicators") else f"第{number}节"
        column = rest.removeprefix(".")
        name = COLUMN_NAMES.get(column, SECTION_NAMES.get(column, ROW_FIELD_NAMES.get(column, column)))
        return f"{prefix}{name}" if column else prefix
    if field.startswith("texts."):
        return field.removeprefix("texts.")
    return {**PROJECT_NAMES, "department": "所属单位", "order": "顺序"}.get(field, field)


def indicator_text(indicator: Indicator) -> str:
    """A row as one line: ``项目完成 / 数量指标 / 召开会议：2次``."""
    return f"{indicator.level1} / {indicator.level2} / {indicator.name}：{indicator.value}"


# -- matching ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Years:
    """The two booklets' fiscal years; texts compare in their neutral form when they differ."""

    old: int
    new: int

    @property
    def across(self) -> bool:
        return self.old != self.new

    def old_key(self, text: str) -> str:
        return neutral_form(text, self.old) if self.across else text

    def new_key(self, text: str) -> str:
        return neutral_form(text, self.new) if self.across else text

    def shifted(self, old: str | None, new: str | None) -> bool:
        return self.across and old is not None and new is not None and self.old_key(old) == self.new_key(new)


_SAME_YEAR = _Years(0, 0)


@dataclass(frozen=True)
class _Slot:
    code: str
    index: int
    project: Project


def _slots(booklet: Booklet) -> list[_Slot]:
    return [_Slot(d.code, i, p) for d in booklet.departments for i, p in enumerate(d.projects)]


def _row_key(indicator: Indicator, key: Callable[[str], str]) -> tuple[str, str, str, str]:
    return (indicator.level1, indicator.level2, key(indicator.name), key(indicator.value))


def _similarity(a: Project, b: Project, years: _Years) -> float:
    rows_a = [_row_key(i, years.old_key) for i in a.indicators]
    rows_b = [_row_key(i, years.new_key) for i in b.indicators]
    if not rows_a and not rows_b:
        return 0.0
    return SequenceMatcher(None, rows_a, rows_b, autojunk=False).ratio()


def _match(old: list[_Slot], new: list[_Slot], years: _Years) -> dict[int, int]:
    """Map positions in ``new`` to positions in ``old``.

    Each phase looks candidates up in an index (by id, by name, by unit) instead of scanning every
    old project for every new one: two independently created 100× booklets have no id in common.
    """
    pairs: dict[int, int] = {}
    taken: set[int] = set()

    def claim(n: int, o: int) -> None:
        pairs[n] = o
        taken.add(o)

    by_id: dict[str, list[int]] = {}
    for o, slot in enumerate(old):
        by_id.setdefault(slot.project.id, []).append(o)
    for n, slot in enumerate(new):
        candidates = [o for o in by_id.get(slot.project.id, []) if o not in taken]
        if candidates:
            claim(n, candidates[0])

    by_name: dict[tuple[str, ...], list[int]] = {}
    for o, slot in enumerate(old):
        name = years.old_key(slot.project.name)
        by_name.setdefault((name, slot.code), []).append(o)
        by_name.setdefault((name,), []).append(o)
    cursor: dict[tuple[str, ...], int] = {}

    def first_free(key: tuple[str, ...]) -> int | None:
        # The first old position of `key` not taken yet; taken ones are skipped once, for good.
        positions = by_name.get(key, [])
        at = cursor.get(key, 0)
        while at < len(positions) and positions[at] in taken:
            at += 1
        cursor[key] = at
        return positions[at] if at < len(positions) else None

    for same_department in (True, False):
        for n, slot in enumerate(new):
            if n in pairs:
                continue
            name = years.new_key(slot.project.name)
            key = (name, slot.code) if same_department else (name,)
            found = first_free(key)
            if found is not None:
                claim(n, found)

    by_code: dict[str, list[int]] = {}
    for o, slot in enumerate(old):
        by_code.setdefault(slot.code, []).append(o)
    for n, slot in enumerate(new):
        if n in pairs:
            continue
        best, best_score = -1, SIMILARITY_MIN
        for o in by_code.get(slot.code, []):
            if o in taken:
                continue
            score = _similarity(old[o].project, slot.project, years)
            if score >= best_score:
                best, best_score = o, score
        if best >= 0:
            claim(n, best)
    return pairs


# -- comparing -----------------------------------------------------------------------------------


def _front_matter(old: Booklet, new: Booklet, years: _Years) -> Iterator[Change]:
    for field in FRONT_NAMES:
        a, b = str(getattr(old, field)), str(getattr(new, field))
        if a != b:
            shift = field != "fiscal_year" and years.shifted(a, b)
            yield Change(ChangeKind.FRONT_MATTER, None, None, field, a, b, year_shift=shift)
    for i in range(max(len(old.preface), len(new.preface))):
        if i >= len(new.preface):
            yield Change(ChangeKind.FRONT_MATTER, None, None, f"preface[{i}]", old.preface[i].heading, None)
        elif i >= len(old.preface):
            yield Change(ChangeKind.FRONT_MATTER, None, None, f"preface[{i}]", None, new.preface[i].heading)
        else:
            for part in ("heading", "body"):
                a, b = getattr(old.preface[i], part), getattr(new.preface[i], part)
                if a != b:
                    field = f"preface[{i}].{part}"
                    yield Change(
                        ChangeKind.FRONT_MATTER, None, None, field, a, b, year_shift=years.shifted(a, b)
                    )


def _row_changes(
    code: str, name: str, row: int, a: Indicator, b: Indicator, years: _Years = _SAME_YEAR
) -> Iterator[Change]:
    for column in COLUMN_NAMES:
        old_text, new_text = getattr(a, column), getattr(b, column)
        if old_text != new_text:
            yield Change(
                ChangeKind.INDICATOR_CHANGED,
                code,
                name,
                f"indicators[{row}].{column}",
                old_text,
                new_text,
                row,
                years.shifted(old_text, new_text),
            )
    for key in sorted(set(a.extra) | set(b.extra)):
        old_extra, new_extra = a.extra.get(key), b.extra.get(key)
        if old_extra != new_extra:
            field = f"indicators[{row}].extra.{key}"
            shift = years.shifted(old_extra, new_extra)
            yield Change(ChangeKind.INDICATOR_CHANGED, code, name, field, old_extra, new_extra, row, shift)
    old_target, new_target = _target_text(a.target), _target_text(b.target)
    if old_target != new_target:
        field = f"indicators[{row}].target"
        yield Change(ChangeKind.INDICATOR_CHANGED, code, name, field, old_target, new_target, row)
    for column, (old_field, new_field) in _structured_fields(a, b).items():
        if old_field != new_field:
            field = f"indicators[{row}].{column}"
            yield Change(ChangeKind.INDICATOR_CHANGED, code, name, field, old_field, new_field, row)


def _target_text(target: Target | None) -> str | None:
    if target is None:
        return None
    parts = f"{target.comparator or ''}{canonical_amount(target.number) or ''}{target.unit}"
    if target.date is not None or target.text:
        parts += f"{target.date.isoformat() if target.date else ''}{target.text or ''}"
    return parts


def _structured_fields(a: Indicator, b: Indicator) -> dict[str, tuple[str | None, str | None]]:
    """The typed columns of two versions of a row (权重, 指标方向性 …) as comparable text."""

    def period(indicator: Indicator) -> str | None:
        p = indicator.period
        return None if p is None else f"{p.value}|{_target_text(p.target) or ''}"

    return {
        "weight": (canonical_amount(a.weight), canonical_amount(b.weight)),
        "direction": (a.direction, b.direction),
        "basis": (a.basis, b.basis),
        "explanation": (a.explanation, b.explanation),
        "scoring": (a.scoring, b.scoring),
        "period": (period(a), period(b)),
    }


def _indicator_changes(
    code: str, name: str, old: Sequence[Indicator], new: Sequence[Indicator], years: _Years = _SAME_YEAR
) -> Iterator[Change]:
    keys_old = [(i.level1, i.level2, years.old_key(i.name)) for i in old]
    keys_new = [(i.level1, i.level2, years.new_key(i.name)) for i in new]
    matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # Equal keys may still differ in value; a replaced block is paired row by row first.
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            yield from _row_changes(code, name, j1 + k, old[i1 + k], new[j1 + k], years)
        if tag == "equal":
            continue
        for k in range(i1 + paired, i2):
            text = indicator_text(old[k])
            yield Change(ChangeKind.INDICATOR_REMOVED, code, name, f"indicators[{k}]", text, None, k)
        for k in range(j1 + paired, j2):
            text = indicator_text(new[k])
            yield Change(ChangeKind.INDICATOR_ADDED, code, name, f"indicators[{k}]", None, text, k)


def diff_projects(
    code: str, old: Project, new: Project, years: tuple[int, int] | None = None
) -> list[Change]:
    """The content differences of one project; ``code`` is the department it is listed under.

    `years` are the old and new booklets' fiscal years when they differ (see the module text).
    """
    span = _Years(*years) if years else _SAME_YEAR
    name = new.name
    changes: list[Change] = []
    if old.name != new.name:
        shift = span.shifted(old.name, new.name)
        changes.append(
            Change(ChangeKind.PROJECT_RENAMED, code, name, "name", old.name, new.name, year_shift=shift)
        )
    if old.unit_name != new.unit_name:
        shift = span.shifted(old.unit_name, new.unit_name)
        changes.append(
            Change(
                ChangeKind.UNIT_CHANGED,
                code,
                name,
                "unit_name",
                old.unit_name,
                new.unit_name,
                year_shift=shift,
            )
        )
    for field in FUNDING_FIELDS:
        a, b = canonical_amount(old.funding.get(field)), canonical_amount(new.funding.get(field))
        if a != b:
            changes.append(Change(ChangeKind.FUNDING_CHANGED, code, name, field, a, b))
    for key in sorted(set(old.texts or {}) | set(new.texts or {})):
        a, b = (old.texts or {}).get(key), (new.texts or {}).get(key)
        if a != b:
            changes.append(Change(ChangeKind.UNIT_CHANGED, code, name, f"texts.{key}", a, b))
    changes.extend(_indicator_changes(code, name, old.indicators, new.indicators, span))
    return changes


def _positions(slots: list[_Slot]) -> dict[str, list[int]]:
    by_code: dict[str, list[int]] = {}
    for index, slot in enumerate(slots):
        by_code.setdefault(slot.code, []).append(index)
    return by_code


def _department_order(old: Booklet, new: Booklet) -> list[str]:
    codes = [d.code for d in new.departments]
    known = set(codes)
    return codes + [d.code for d in old.departments if d.code not in known]


def diff_booklets(old: Booklet, new: Booklet) -> list[Change]:
    """Every content difference from ``old`` to ``new``; empty when the printed content is the same."""
    years = _Years(old.fiscal_year, new.fiscal_year)
    changes = list(_front_matter(old, new, years))
    old_slots, new_slots = _slots(old), _slots(new)
    pairs = _match(old_slots, new_slots, years)
    matched_old = set(pairs.values())
    # Looked up by code once: scanning every slot (and every department) per code was quadratic.
    old_by_code, new_by_code = _positions(old_slots), _positions(new_slots)
    old_departments = {d.code: d for d in reversed(old.departments)}
    new_departments = {d.code: d for d in reversed(new.departments)}

    for code in _department_order(old, new):
        old_dept, new_dept = old_departments.get(code), new_departments.get(code)
        changes.extend(_department_changes(code, old_dept, new_dept))
        for o in old_by_code.get(code, []):
            if o not in matched_old:
                name = old_slots[o].project.name
                changes.append(Change(ChangeKind.PROJECT_REMOVED, code, name, None, name, None))
        order: list[tuple[int, str]] = []
        for n in new_by_code.get(code, []):
            slot = new_slots[n]
            name = slot.project.name
            if n not in pairs:
                changes.append(Change(ChangeKind.PROJECT_ADDED, code, name, None, None, name))
                continue
            before = old_slots[pairs[n]]
            if before.code != code:
                changes.append(Change(ChangeKind.PROJECT_MOVED, code, name, "department", before.code, code))
            else:
                order.append((before.index, name))
            span = (years.old, years.new) if years.across else None
            changes.extend(diff_projects(code, before.project, slot.project, span))
        if order != sorted(order):
            old_order = "、".join(name for _, name in sorted(order))
            new_order = "、".join(name for _, name in order)
            changes.append(Change(ChangeKind.PROJECTS_REORDERED, code, None, "order", old_order, new_order))
    return changes


def _department_changes(code: str, old: Department | None, new: Department | None) -> Iterator[Change]:
    if old is None and new is not None:
        yield Change(ChangeKind.DEPARTMENT_ADDED, code, None, None, None, new.name)
    elif new is None and old is not None:
        yield Change(ChangeKind.DEPARTMENT_REMOVED, code, None, None, old.name, None)
    elif old is not None and new is not None and old.name != new.name:
        yield Change(ChangeKind.DEPARTMENT_RENAMED, code, None, "name", old.name, new.name)

"""Structured targets: 指标性质 | 指标值 | 度量单位 next to the printed 指标值, and the other typed columns.

`Indicator.value` is always the 指标值 as printed (what the rules read); `Indicator.target` is its
structured reading. Forms that print the parts (指标性质, 指标值, 度量单位 columns) edit the target,
and the printed text follows it (`render`); forms that print one text column edit the text, and
a conversion re-reads it (`read_value`). A reading is only taken when it says everything the text
says: ``≥95%`` → (≥, 95, %), ``2026年12月31日前`` → (≤, 2026-12-31); ``完成培训20次`` stays text.

`column_text` is what a column shows for a row (the table, the exports, the clipboard);
`cell_edits` turns what a clerk typed into one column into the field edits that store it.
Nothing here imports Qt.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, get_args

from kpi_editor.domain.amounts import normalise
from kpi_editor.domain.edits import EditError, set_field_value, validated_value
from kpi_editor.domain.model import Booklet, Direction, Indicator, Nature, PeriodTarget, Target
from kpi_editor.domain.template import DIRECTION_LABELS, FormTemplate

__all__ = [
    "SYMBOLS",
    "cell_edits",
    "column_text",
    "comparator_of",
    "date_text",
    "excel_serial_date",
    "number_text",
    "parse_date",
    "read_number_cell",
    "read_value",
    "render",
    "row_from_cells",
    "template_hint",
    "unknown_columns",
]

# 指标性质 as printed. 约 and the strict < > are rare on forms but occur in free text.
SYMBOLS: dict[str, str] = {
    ">=": "≥",
    "<=": "≤",
    "=": "=",
    ">": ">",
    "<": "<",
    "~": "约",
    "qualitative": "定性",
}
_COMPARATOR_WORDS: dict[str, Nature] = {
    "≥": ">=",
    ">=": ">=",
    "≧": ">=",
    "大于等于": ">=",
    "不低于": ">=",
    "不少于": ">=",
    "至少": ">=",
    "不小于": ">=",
    "≤": "<=",
    "<=": "<=",
    "≦": "<=",
    "小于等于": "<=",
    "不高于": "<=",
    "不超过": "<=",
    "不大于": "<=",
    "=": "=",
    "＝": "=",
    "==": "=",
    "等于": "=",
    ">": ">",
    "大于": ">",
    "<": "<",
    "小于": "<",
    "~": "~",
    "约": "~",
    "预计": "~",
    "≈": "~",
    "定性": "qualitative",
    "qualitative": "qualitative",
}
_NATURES = set(get_args(Nature))


def comparator_of(text: str) -> Nature | None:
    """A 指标性质 cell as clerks write it (``≥``, ``>=``, ``＞＝``, ``不低于``, ``定性``); None when empty.

    Raises `EditError` for anything else."""
    folded = "".join(text.split()).replace("＞", ">").replace("＜", "<").replace("＝", "=")
    if not folded:
        return None
    if folded in _NATURES:
        return folded  # type: ignore[return-value]  # checked against the Literal's values
    found = _COMPARATOR_WORDS.get(folded)
    if found is None:
        raise EditError(f"指标性质“{text.strip()}”无法识别：请填写 ≥、≤、= 或 定性")
    return found


def number_text(number: Decimal) -> str:
    """A number as entered, never in exponent form (``1E+2`` is 100)."""
    text = format(number, "f")
    return "0" if text == "-0" else text


def date_text(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


_DATE_SUFFIX = {"<=": "前", "<": "前", ">=": "后", ">": "后"}


def render(target: Target | None) -> str:
    """The printed 指标值 of a structured target: ``≥95%``, ``2026年12月31日前``, ``约25万元``."""
    if target is None:
        return ""
    if target.comparator == "qualitative":
        return target.text or ""
    if target.date is not None:
        return date_text(target.date) + _DATE_SUFFIX.get(target.comparator or "", "")
    prefix = SYMBOLS.get(target.comparator or "", "")
    if target.number is not None:
        return f"{prefix}{number_text(target.number)}{target.unit}"
    if target.text:
        return f"{prefix}{target.text}{target.unit}"
    return f"{prefix}{target.unit}" if target.unit else prefix


def number_cell(target: Target) -> str:
    """What the 指标值 column of a structured form shows: the number, the date or the words."""
    if target.number is not None:
        return number_text(target.number)
    if target.date is not None:
        return date_text(target.date)
    return target.text or ""


# -- reading text -----------------------------------------------------------------------------------

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# A unit is a measure word (with 万/亿 before it, a per-part after it): %, 次, 人次, 万元, 个工作日,
# 元/人, 平方米; other words after a number (100%办结率) are more than a unit says.
_MEASURES = (
    "个工作日|工作日|个月|平方公里|平方米|立方米|公里|千米|人次|户次|小时|分钟|"
    "[人户次件册份个名张台套亩米吨条家所部本场期项座批头只株棵间首幅篇天日月年周轮处分级星类块辆盏页车元]"
)
_UNIT = rf"(?P<unit>%|‰|[万亿千百]?(?:{_MEASURES})(?:/[^\d\s/，,。；;]{{1,3}}){{0,2}}|万|亿)?"
_PREFIX = r"(?P<cmp>≥|≤|=|>|<|约|预计|至少|不低于|不少于|不小于|不高于|不超过|不大于|大于等于|小于等于)?"
_SUFFIX = r"(?P<suffix>以上|及以上|以下|以内|之内|内)?"
_QUANTITY_RE = re.compile(rf"^{_PREFIX}\s*{_NUMBER}\s*{_UNIT}\s*{_SUFFIX}$")
_SUFFIX_NATURE: dict[str, Nature] = {
    "以上": ">=",
    "及以上": ">=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "内": "<=",
}
_DATE_RE = re.compile(
    r"^(?P<by>于|在)?(?P<y>(?:19|20|21)\d\d)\s*(?:年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?)?"
    r"|[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2}))?\s*(?P<tail>底前|底之前|末前|底|末|前|之前|以前|止|内|后|以后|之后)?$"
)
_BINARY = {"是", "否", "有", "无", "零", "全覆盖"}


def excel_serial_date(number: Decimal | float | int) -> dt.date | None:
    """An Excel serial day number (44561 → 2021-12-31) as a date, for plausible budget years only."""
    try:
        value = Decimal(str(number))
    except InvalidOperation:
        return None
    if value != value.to_integral_value() or not 32874 <= value <= 80353:  # 1990 … 2119
        return None
    return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))


def parse_date(text: str) -> tuple[dt.date, Nature | None] | None:
    """``2026年12月31日前`` → (2026-12-31, ≤); ``2026-06-30`` → (2026-06-30, None); ``2026年底前`` →
    (2026-12-31, ≤). A month or year alone counts only with 底/末 (its last day)."""
    plain = normalise(text)[0].strip()
    match = _DATE_RE.match(plain)
    if match is None:
        return None
    year = int(match.group("y"))
    month_text = match.group("m") or match.group("m2")
    day_text = match.group("d") or match.group("d2")
    tail = match.group("tail") or ""
    end_of = tail.startswith(("底", "末"))
    try:
        if month_text is None:
            if not end_of:
                return None
            date = dt.date(year, 12, 31)
        elif day_text is None:
            if not end_of:
                return None
            month = int(month_text)
            date = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            date = dt.date(year, int(month_text), int(day_text))
    except ValueError:
        return None
    nature: Nature | None = None
    if tail.endswith(("前", "止", "内")):
        nature = "<="
    elif tail.endswith("后"):
        nature = ">="
    return date, nature


_BRACKETED_UNIT_RE = re.compile(r"(?<=\d)\s*[（(]([^\d（）()]{1,6})[）)]$")


def _quantity(plain: str) -> Target | None:
    # ≥2（场）: the unit in brackets, as some forms print it.
    match = _QUANTITY_RE.match(_BRACKETED_UNIT_RE.sub(r"\1", plain))
    if match is None:
        return None
    unit = match.group("unit") or ""
    digits = match.group("num")
    if unit.startswith(("年", "月", "日")) and (len(digits) == 4 or unit != "年"):
        return None  # 2026年, 12月31日: dates, not quantities (3年 is a quantity of years)
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    prefix, suffix = match.group("cmp"), match.group("suffix")
    if prefix and suffix:
        return None  # ≥95%以上 says it twice; leave it to the clerk
    nature = _COMPARATOR_WORDS.get(prefix) if prefix else _SUFFIX_NATURE.get(suffix or "")
    return Target(comparator=nature, number=number, unit=unit)


def read_value(text: str, *, qualitative: bool = False) -> Target | None:
    """The structured reading of a free-text 指标值, or None when the text says more than a
    comparator, a number or date and a unit can hold.

    `qualitative`: the row's 二级 may have a target in words (定性), so a text without numbers
    is read as one."""
    plain = normalise(text)[0].strip()
    if not plain:
        return None
    found = _quantity(plain)
    if found is not None:
        return found
    dated = parse_date(plain)
    if dated is not None:
        date, nature = dated
        return Target(comparator=nature, date=date, unit="日期")
    if plain in _BINARY:
        return Target(text=plain)
    if qualitative and not re.search(r"\d", plain):
        return Target(comparator="qualitative", text=text.strip())
    return None


def read_number_cell(text: str, *, kind: str | None = None) -> Target:
    """The parts a 指标值 cell of a structured form holds: a number, a date or words."""
    plain = normalise(text)[0].strip()
    if not plain:
        return Target()
    digits = plain.replace(",", "")
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?", digits):
        if kind == "time":
            serial = excel_serial_date(Decimal(digits))
            if serial is not None:
                return Target(date=serial)
        return Target(number=Decimal(digits))
    dated = parse_date(plain)
    if dated is not None:
        return Target(date=dated[0])
    return Target(text=text.strip())


# -- what a column shows -----------------------------------------------------------------------------

_DIRECTIONS_BY_TEXT: dict[str, Direction] = {
    "正向指标": "positive",
    "正向": "positive",
    "正": "positive",
    "positive": "positive",
    "反向指标": "negative",
    "反向": "negative",
    "反": "negative",
    "negative": "negative",
}


def _target_parts(indicator: Indicator, period: bool) -> tuple[str, Target | None]:
    if not period:
        return indicator.value, indicator.target
    if indicator.period is None:
        return "", None
    return indicator.period.value, indicator.period.target


def column_text(indicator: Indicator, key: str, template: FormTemplate | None = None) -> str:
    """The text column `key` shows for a row, as the table, the exports and the clipboard show it."""
    if key in ("level1", "level2", "name", "value"):
        text: str = getattr(indicator, key)
        return text
    period = key.startswith("period.")
    part = key.removeprefix("period.")
    if period or part in ("comparator", "number", "unit"):
        value, target = _target_parts(indicator, period)
        if part == "value":
            return value
        if part == "comparator":
            return SYMBOLS.get(target.comparator or "", "") if target else ""
        if part == "number":
            # A row no one has split yet shows its whole 指标值 there: nothing printed is lost.
            return number_cell(target) if target is not None else value
        if part == "unit":
            return target.unit if target is not None and target.date is None else ""
    if key == "weight":
        return number_text(indicator.weight) if indicator.weight is not None else ""
    if key == "direction":
        if indicator.direction is None:
            return ""
        if template is not None:
            return template.direction_label(indicator.direction)
        return DIRECTION_LABELS[indicator.direction]
    if key in ("basis", "explanation", "scoring"):
        found: str | None = getattr(indicator, key)
        return found or ""
    return indicator.extra.get(key, "")


def unknown_columns(booklet: Booklet, template: FormTemplate) -> list[str]:
    """Keys of free columns rows carry that the template has no column for (a file written with
    another version of the form): kept in the file, shown read-only, never mapped to others."""
    known = {c.key for c in template.columns}
    found: dict[str, None] = {}
    for _, project in booklet.projects():
        for row in project.indicators:
            for key in row.extra:
                if key not in known:
                    found.setdefault(key)
    return list(found)


# -- what typing into a column stores ----------------------------------------------------------------


def _seed(value: str, target: Target | None, qualitative: bool) -> Target:
    """The target an edit of one part starts from: the row's own, else its text read (or kept whole)."""
    if target is not None:
        return target
    if not value.strip():
        return Target()
    return read_value(value, qualitative=qualitative) or Target(text=value)


def _words_only(target: Target) -> bool:
    """No parts beyond words: the same as a row no one has split (its text in 指标值)."""
    return target.comparator is None and target.number is None and target.date is None and not target.unit


def _with_part(target: Target, part: str, text: str, kind: str | None) -> Target:
    if part == "comparator":
        nature = comparator_of(text)
        update: dict[str, Any] = {"comparator": nature}
        if nature == "qualitative":
            # Words are what a 定性 target holds: a number typed earlier stays as its text.
            update.update(text=render(target.model_copy(update={"comparator": None})) or None, number=None)
            update.update(date=None, unit="")
        elif target.comparator == "qualitative":
            reread = read_value(target.text or "")
            if reread is not None and reread.comparator is None:
                update.update(number=reread.number, date=reread.date, text=reread.text, unit=reread.unit)
        return target.model_copy(update=update)
    if part == "number":
        cell = read_number_cell(text, kind=kind)
        if target.comparator == "qualitative":
            return target.model_copy(update={"text": text.strip() or None, "number": None, "date": None})
        update = {"number": cell.number, "date": cell.date, "text": cell.text}
        if cell.date is not None:
            update["unit"] = "日期"
        elif target.unit == "日期":
            update["unit"] = ""
        return target.model_copy(update=update)
    unit = text.strip()
    if unit and target.comparator == "qualitative":
        raise EditError("定性指标没有度量单位：请先把指标性质改为 ≥、≤ 或 =")
    return target.model_copy(update={"unit": unit})


def _weight(text: str) -> Decimal | None:
    plain = normalise(text)[0].strip().removesuffix("分").strip()
    if not plain:
        return None
    try:
        number = Decimal(plain)
    except InvalidOperation:
        raise EditError(f"权重“{text.strip()}”不是数字：请填写分值，如 10") from None
    if not number.is_finite():
        raise EditError(f"权重“{text.strip()}”不是数字：请填写分值，如 10")
    return number


def direction_of(text: str, template: FormTemplate | None = None) -> Direction | None:
    folded = "".join(text.split())
    if not folded:
        return None
    labels: dict[Direction, str] = (
        dict(template.direction_labels) if template is not None else DIRECTION_LABELS
    )
    for direction, label in labels.items():
        if folded == label:
            return direction
    found = _DIRECTIONS_BY_TEXT.get(folded)
    if found is None:
        choices = "、".join(labels.values())
        raise EditError(f"指标方向性“{text.strip()}”无法识别：请选择 {choices}")
    return found


def cell_edits(indicator: Indicator, template: FormTemplate, key: str, text: str) -> list[tuple[str, Any]]:
    """The (field, value) edits that store `text` typed or pasted into column `key` of a row.

    Parts of a target (指标性质, 指标值, 度量单位) change the target and the printed 指标值 with it;
    a row with no target yet starts from its own text, so nothing it printed is lost. Raises
    `EditError` with a message for the clerk when the text cannot go into that column."""
    column = template.column(key)
    kind = column.type if column is not None else ("text" if key not in ("level1", "level2", "name") else key)
    if key in ("level1", "level2", "name"):
        return [(key, text)]
    level2 = indicator.level2.strip()
    qualitative = bool((spec := template.level2_spec(level2)) and spec.qualitative)
    row_kind = template.kind_of(level2)
    if column is not None and column.type in ("value", "comparator", "number", "unit"):
        period = column.target == "period"
        value, target = _target_parts(indicator, period)
        if column.type == "value":
            new_value, new_target = text, None
            structured = template.period_structured() if period else template.structured
            if target is not None or structured:
                # The reading follows the text, so it never goes stale behind it.
                new_target = read_value(text, qualitative=qualitative)
        else:
            changed = _with_part(_seed(value, target, qualitative), column.type, text, row_kind)
            new_value = render(changed)
            new_target = None if _words_only(changed) else changed
        if period:
            empty = not new_value and new_target is None
            entry = None if empty else PeriodTarget(value=new_value, target=new_target)
            return [("period", entry)]
        edits: list[tuple[str, Any]] = []
        if new_target != indicator.target:
            edits.append(("target", new_target))
        if new_value != indicator.value:
            edits.append(("value", new_value))
        return edits
    if kind == "weight":
        return [("weight", _weight(text))]
    if kind == "direction":
        return [("direction", direction_of(text, template))]
    if kind == "basis":
        basis = text.strip()
        if basis and template.basis_choices and basis not in template.basis_choices:
            raise EditError(f"绩效标准“{basis}”不在可选项中：请选择 {'、'.join(template.basis_choices)}")
        return [("basis", basis or None)]
    if kind in ("explanation", "scoring"):
        return [(kind, text.strip() or None)]
    if column is None and key in indicator.extra:
        raise EditError(f"“{key}”列不是本表样的列（文件按另一版本的表样填写）：只读保留，不能修改")
    return [(f"extra:{key}", text)]


def field_of(key: str, template: FormTemplate) -> str | None:
    """The one field column `key` edits by itself (so typing in it can merge into one undo step),
    or None when an edit of it may change several fields (the parts of a target)."""
    if key in ("level1", "level2", "name"):
        return key
    column = template.column(key)
    if column is None:
        return f"extra:{key}"
    if column.type == "value" and column.target == "annual" and not template.structured:
        return "value"
    if column.type in ("explanation", "scoring"):
        return column.type
    if column.type == "text":
        return f"extra:{key}"
    return None


def displayed_keys(template: FormTemplate, booklet: Booklet | None = None) -> list[str]:
    """The template's column keys, then free columns rows carry that it does not know."""
    keys = [c.key for c in template.columns]
    if booklet is not None:
        keys.extend(unknown_columns(booklet, template))
    return keys


def comparators_offered(template: FormTemplate, level2: str) -> list[tuple[str, str]]:
    """(value, printed symbol) of the 指标性质 a row of this 二级 may take."""
    return [(c, SYMBOLS[c]) for c in template.comparators_for(level2.strip())]


def units_offered(template: FormTemplate, level2: str) -> tuple[list[str], bool]:
    units, strict = template.units_for(level2.strip())
    return list(units), strict


# A form's 填写提示 left inside a name: (≥**个), （XX人）, (□%) — the stars, crosses or boxes stand
# for the number the clerk was to fill in.
_HINT_RE = re.compile(r"[（(][^（）()]{0,8}?(?:\*{2,}|＊{2,}|[Xx×]{2,}|□+|○{2,})[^（）()]{0,8}?[）)]")


def template_hint(name: str) -> str | None:
    """The form's fill-in hint a 三级 name still holds (``(≥**个)``), or None."""
    match = _HINT_RE.search(name)
    return match.group() if match else None


def row_from_cells(
    cells: Mapping[str, str], template: FormTemplate
) -> tuple[Indicator, list[tuple[str, str]]]:
    """A row read from its printed cells (a workbook, a PDF, the clipboard), keyed by column key,
    and the cells that could not be read as (key, why): every importer builds rows the same way."""
    row = Indicator(
        level1=cells.get("level1", ""),
        level2=cells.get("level2", ""),
        name=cells.get("name", ""),
        value=cells.get("value", ""),
    )
    problems: list[tuple[str, str]] = []
    for key, text in cells.items():
        if key in ("level1", "level2", "name", "value") or not text:
            continue
        try:
            for field, value in cell_edits(row, template, key, text):
                set_field_value(row, field, validated_value(row, field, value))
        except EditError as exc:
            problems.append((key, str(exc)))
    return row, problems

"""The kept set of checker cases: realistic defects injected one at a time into the clean tables of
the bundled sample, and harmless edits that must not raise an error.

A clean table is a project on which the checker (as it was when the set was generated) reports no
error and no warning. Each case is a list of edits on the baseline booklet (the sample with its
编制说明 unit count corrected, so that the baseline itself is clean at booklet level), the defect
family it belongs to and the rules meant to catch it. Generation is seeded, and the result is kept
in ``checker_cases.jsonl.gz`` (JSON lines, gzipped) so later versions of the checker are measured on the same cases;
``bench_checker.py --regenerate`` rewrites it.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from kpi_editor.domain.edits import PREFACE, Edit, InsertItems, RemoveItems, SetValue
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet, Department, Indicator, Project

SEED = 20260315
CASES_FILE = Path(__file__).with_name("checker_cases.jsonl.gz")
# The sample's 编制说明 says 73家 for its 72 units (a real finding); the baseline corrects it.
BASELINE_PREFACE = ("73家预算单位", "72家预算单位")

D = Decimal


@dataclass
class Case:
    id: str
    family: str
    kind: str
    harmless: bool
    scope: str  # "project": validate that project alone; "booklet": validate the whole booklet
    project: tuple[int, int] | None  # (department row, project row) of the table edited
    expected: tuple[str, ...]  # rules meant to catch it (empty for a harmless edit)
    edits: list[Edit] = field(default_factory=list)


# -- (de)serialising edits ------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, Indicator):
        return {"indicator": value.model_dump(mode="json")}
    if isinstance(value, Project):
        return {"project": value.model_dump(mode="json")}
    if isinstance(value, Department):
        return {"department": value.model_dump(mode="json")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "decimal" in value:
            return Decimal(value["decimal"])
        if "indicator" in value:
            return Indicator.model_validate(value["indicator"])
        if "project" in value:
            return Project.model_validate(value["project"])
        if "department" in value:
            return Department.model_validate(value["department"])
    return value


def edit_json(edit: Edit) -> dict[str, Any]:
    if isinstance(edit, SetValue):
        return {"set": list(edit.path), "field": edit.field, "value": _encode(edit.value)}
    if isinstance(edit, InsertItems):
        return {"insert": list(edit.parent), "row": edit.row, "items": [_encode(i) for i in edit.items]}
    return {"remove": list(edit.parent), "row": edit.row, "count": edit.count}


def edit_from_json(data: dict[str, Any]) -> Edit:
    if "set" in data:
        return SetValue(tuple(data["set"]), data["field"], _decode(data["value"]))
    if "insert" in data:
        return InsertItems(tuple(data["insert"]), data["row"], tuple(_decode(i) for i in data["items"]))
    return RemoveItems(tuple(data["remove"]), data["row"], data["count"])


def write_cases(cases: list[Case], path: Path = CASES_FILE) -> None:
    # mtime 0: the same cases give the same bytes, so a regenerated file only differs when they do.
    with path.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as zipped:
        out = io.TextIOWrapper(zipped, encoding="utf-8")
        for case in cases:
            record = {
                "id": case.id,
                "family": case.family,
                "kind": case.kind,
                "harmless": case.harmless,
                "scope": case.scope,
                "project": list(case.project) if case.project else None,
                "expected": list(case.expected),
                "edits": [edit_json(e) for e in case.edits],
            }
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        out.flush()
        out.detach()


def read_cases(path: Path = CASES_FILE) -> list[Case]:
    cases = []
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        data = json.loads(line)
        project = tuple(data["project"]) if data["project"] else None
        cases.append(
            Case(
                id=data["id"],
                family=data["family"],
                kind=data["kind"],
                harmless=data["harmless"],
                scope=data["scope"],
                project=project,  # type: ignore[arg-type]
                expected=tuple(data["expected"]),
                edits=[edit_from_json(e) for e in data["edits"]],
            )
        )
    return cases


def baseline_edits(booklet: Booklet) -> list[Edit]:
    old, new = BASELINE_PREFACE
    return [
        SetValue((*PREFACE, i), "body", s.body.replace(old, new))
        for i, s in enumerate(booklet.preface)
        if old in s.body
    ]


# -- what the injectors see -----------------------------------------------------------------------


@dataclass
class Table:
    path: tuple[int, int]
    department: Department
    project: Project

    def rows(self, level2: str | None = None) -> list[int]:
        return [i for i, r in enumerate(self.project.indicators) if level2 is None or r.level2 == level2]


@dataclass
class Context:
    booklet: Booklet
    rng: random.Random
    tables: list[Table]  # every table of the baseline


Injected = tuple[str, list[Edit]] | None  # (kind, edits) or not applicable
Injector = Callable[[Context, Table], Injected]

_MONEY_WAN_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*万元?")
_PERCENT_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%")
_NUMBER_RE = re.compile(r"(?<![\d.])(\d+)(?![\d.%年月日])")
_REQUIRED = ("数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标")
_BENEFIT = ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _typo(rng: random.Random, value: Decimal) -> Decimal:
    """A slip of the keyboard: an extra or lost zero, a digit off by one, two digits swapped."""
    options: list[Decimal] = [value * 10, value + 1]
    if value >= 2:
        options.append(value - 1)
    if value >= 10 and (value / 10).as_tuple().exponent >= -6:  # type: ignore[operator]
        options.append(value / 10)
    digits = _plain(value)
    swaps = [
        i
        for i in range(len(digits) - 1)
        if digits[i].isdigit() and digits[i + 1].isdigit() and digits[i] != digits[i + 1]
    ]
    if swaps:
        i = rng.choice(swaps)
        options.append(Decimal(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]))
    choice = rng.choice([o for o in options if o != value and o >= 0])
    return Decimal(_plain(choice))


def _set(table: Table, row: int, field_name: str, value: Any) -> SetValue:
    return SetValue((*table.path, row), field_name, value)


def _funding_set(table: Table, field_name: str, value: Decimal) -> SetValue:
    return SetValue(table.path, f"funding.{field_name}", value)


# -- defects --------------------------------------------------------------------------------------


def fiscal_typo(ctx: Context, t: Table) -> Injected:
    f = t.project.funding
    if f.fiscal is None:
        return None
    return "财政拨款笔误", [_funding_set(t, "fiscal", _typo(ctx.rng, f.fiscal))]


def part_typo(ctx: Context, t: Table) -> Injected:
    f = t.project.funding
    parts = [p for p in ("superior", "local", "carryover") if f.get(p)]
    if not parts or f.fiscal is None:
        return None
    part = ctx.rng.choice(parts)
    value = f.get(part)
    assert value is not None
    return "分项笔误", [_funding_set(t, part, _typo(ctx.rng, value))]


def total_typo(ctx: Context, t: Table) -> Injected:
    f = t.project.funding
    if f.total is None:
        return None
    return "合计笔误", [_funding_set(t, "total", _typo(ctx.rng, f.total))]


def block_in_yuan(ctx: Context, t: Table) -> Injected:
    f = t.project.funding
    edits = [_funding_set(t, k, f.get(k) * 10000) for k in FUNDING_FIELDS if f.get(k)]  # type: ignore[operator]
    return ("资金按元填写", edits) if edits else None


def block_all_zero(ctx: Context, t: Table) -> Injected:
    f = t.project.funding
    edits = [_funding_set(t, k, D(0)) for k in FUNDING_FIELDS if f.get(k) is not None]
    return ("资金各行为0", edits) if edits else None


def _single_wan(value: str) -> re.Match[str] | None:
    """The one “X万元”/“X万” amount of a cost cell that states nothing else."""
    matches = list(_MONEY_WAN_RE.finditer(value))
    if len(matches) != 1 or "/" in value or "×" in value or "*" in value or "元/" in value:
        return None
    return matches[0]


def cost_in_yuan(ctx: Context, t: Table) -> Injected:
    for i in t.rows("成本指标"):
        value = t.project.indicators[i].value
        match = _single_wan(value)
        if match and t.project.funding.total == D(match.group(1)):
            start, end = match.span()
            return "成本写成元", [_set(t, i, "value", value[:start] + match.group(1) + "元" + value[end:])]
    return None


def cost_copied(ctx: Context, t: Table) -> Injected:
    total = t.project.funding.total
    cost_rows = t.rows("成本指标")
    if total is None or not cost_rows:
        return None
    sources = []
    for other in ctx.tables:
        o_total = other.project.funding.total
        if other.project is t.project or o_total is None or o_total >= total:
            continue
        for r in other.project.indicators:
            match = _single_wan(r.value) if r.level2 == "成本指标" else None
            if match and D(match.group(1)) == o_total:
                sources.append((other.department.code == t.department.code, r))
    if not sources:
        return None
    same_unit = [r for same, r in sources if same]
    row = ctx.rng.choice(same_unit or [r for _, r in sources])
    first = cost_rows[0]
    edits: list[Edit] = [_set(t, first, "name", row.name), _set(t, first, "value", row.value)]
    for i in reversed(cost_rows[1:]):
        edits.append(RemoveItems(t.path, i))
    return "成本照抄别的项目", edits


_YEAR_VARIANTS = (
    "2025年12月31日前",
    "25年底前",
    "二○二五年12月底前",
    "二〇二五年底前完成",
    "去年底前",
    "2025年全年",
    "2025-12-31前",
)


def time_last_year(ctx: Context, t: Table) -> Injected:
    rows = t.rows("时效指标")
    if not rows:
        return None
    i = ctx.rng.choice(rows)
    value = t.project.indicators[i].value
    if "2026年" in value and ctx.rng.random() < 0.6:
        spelled = ctx.rng.choice(["2025年", "二○二五年", "二〇二五年"])
        return "时效写成上年（改年份）", [_set(t, i, "value", value.replace("2026年", spelled, 1))]
    return "时效写成上年（另写）", [_set(t, i, "value", ctx.rng.choice(_YEAR_VARIANTS))]


def stale_year_elsewhere(ctx: Context, t: Table) -> Injected:
    rows = t.rows("数量指标")
    if not rows:
        return None
    i = ctx.rng.choice(rows)
    prefix = ctx.rng.choice(["2025年完成", "2025年底前完成", "25年底前完成", "2025年12月31日前完成"])
    return "数量行残留上年", [_set(t, i, "value", prefix + t.project.indicators[i].value)]


def drop_required(ctx: Context, t: Table) -> Injected:
    present = [l2 for l2 in _REQUIRED if t.rows(l2)]
    if not present:
        return None
    level2 = ctx.rng.choice(present)
    return f"删去{level2}", [RemoveItems(t.path, i) for i in reversed(t.rows(level2))]


def benefit_under_output(ctx: Context, t: Table) -> Injected:
    present = [l2 for l2 in _BENEFIT if t.rows(l2)]
    if not present:
        return None
    level2 = ctx.rng.choice(present)
    return "效益放在项目完成下", [_set(t, i, "level1", "项目完成") for i in t.rows(level2)]


def empty_value(ctx: Context, t: Table) -> Injected:
    i = ctx.rng.randrange(len(t.project.indicators))
    return "指标值清空", [_set(t, i, "value", "")]


def empty_name(ctx: Context, t: Table) -> Injected:
    i = ctx.rng.randrange(len(t.project.indicators))
    return "三级指标清空", [_set(t, i, "name", "")]


def duplicate_row(ctx: Context, t: Table) -> Injected:
    i = ctx.rng.randrange(len(t.project.indicators))
    return "整行重复", [InsertItems(t.path, i + 1, (t.project.indicators[i].model_copy(),))]


_VAGUE = ("效果显著", "有效提升", "进一步加强", "按需开展", "明显改善", "稳步推进")
_VAGUE_TIME = ("及时", "按时完成", "按计划推进", "尽快完成")


def vague_quantity(ctx: Context, t: Table) -> Injected:
    """A 数量 target written as a description: a stock phrase, or a real clerk's 效益 wording."""
    rows = t.rows("数量指标")
    if not rows:
        return None
    real = [
        r.value
        for o in ctx.tables
        for r in o.project.indicators
        if r.level2 in _BENEFIT
        and r.value.strip()
        and not re.search(r"[\d%％]|[一二两三四五六七八九十百千万]+[次个项人场期件]", r.value)
    ]
    if real and ctx.rng.random() < 0.5:
        return "数量写成描述（真实措辞）", [_set(t, ctx.rng.choice(rows), "value", ctx.rng.choice(real))]
    return "数量写成描述", [_set(t, ctx.rng.choice(rows), "value", ctx.rng.choice(_VAGUE))]


def vague_time(ctx: Context, t: Table) -> Injected:
    rows = t.rows("时效指标")
    return (
        ("时效写成描述", [_set(t, ctx.rng.choice(rows), "value", ctx.rng.choice(_VAGUE_TIME))])
        if rows
        else None
    )


def sibling_set_copied(ctx: Context, t: Table) -> Injected:
    total = t.project.funding.total
    if total is None:
        return None
    candidates = [
        o
        for o in ctx.tables
        if o.project is not t.project
        and len(o.rows("成本指标")) == 1
        and len(o.project.indicators) >= 5
        and o.project.funding.total != total
    ]
    same_unit = [o for o in candidates if o.department.code == t.department.code]
    if not candidates:
        return None
    source = ctx.rng.choice(same_unit or candidates)
    rows = [r.model_copy() for r in source.project.indicators]
    (cost,) = [r for r in rows if r.level2 == "成本指标"]
    cost.value = f"{_plain(total)}万元"
    edits: list[Edit] = [
        RemoveItems(t.path, 0, len(t.project.indicators)),
        InsertItems(t.path, 0, tuple(rows)),
    ]
    return "整套抄兄弟项目只改成本", edits


def quantity_from_other_unit(ctx: Context, t: Table) -> Injected:
    rows = t.rows("数量指标")
    if not rows:
        return None
    i = ctx.rng.choice(rows)
    name = "".join(t.project.indicators[i].name.split())
    pool = [
        r.value
        for o in ctx.tables
        if o.department.code != t.department.code
        for r in o.project.indicators
        if r.level2 == "数量指标"
        and len("".join(r.value.split())) >= 8
        and re.search(r"\d", r.value)
        and "".join(r.name.split()) != name
    ]
    return ("数量值抄自他单位", [_set(t, i, "value", ctx.rng.choice(pool))]) if pool else None


def contradictory_twin(ctx: Context, t: Table) -> Injected:
    rows = [i for i in t.rows("数量指标") if _NUMBER_RE.search(t.project.indicators[i].value)]
    if not rows:
        return None
    i = ctx.rng.choice(rows)
    row = t.project.indicators[i]
    match = _NUMBER_RE.search(row.value)
    assert match
    changed = str(int(match.group(1)) * 2 or 1)
    twin = row.model_copy(update={"value": row.value[: match.start()] + changed + row.value[match.end() :]})
    return "同一三级两个目标", [InsertItems(t.path, i + 1, (twin,))]


def names_are_project(ctx: Context, t: Table) -> Injected:
    return "三级都写成项目名称", [
        _set(t, i, "name", t.project.name) for i in range(len(t.project.indicators))
    ]


def name_repeats_value(ctx: Context, t: Table) -> Injected:
    rows = [
        i
        for i, r in enumerate(t.project.indicators)
        if re.search(r"\d", r.value) and r.level2 != "服务对象满意度指标"
    ]
    if not rows:
        return None
    i = ctx.rng.choice(rows)
    return "三级照抄指标值", [_set(t, i, "name", t.project.indicators[i].value)]


def rate_over_100(ctx: Context, t: Table) -> Injected:
    rows = [
        (i, m)
        for i, r in enumerate(t.project.indicators)
        for m in _PERCENT_RE.finditer(r.value)
        if 10 <= D(m.group(1)) <= 100 and "增" not in r.value and "提高" not in r.value
    ]
    if not rows:
        return None
    i, match = ctx.rng.choice(rows)
    value = t.project.indicators[i].value
    number = match.group(1)
    slipped = number.replace(".", "") + "0" if "." not in number else number.replace(".", "")
    if D(slipped) <= 100:
        slipped = number + "0"
    return "比率多打一位", [_set(t, i, "value", value[: match.start(1)] + slipped + value[match.end(1) :])]


def cost_as_floor(ctx: Context, t: Table) -> Injected:
    for i in t.rows("成本指标"):
        value = t.project.indicators[i].value
        match = _single_wan(value)
        if match is None:
            continue
        start = match.start()
        head = value[:start].rstrip()
        for cap, floor in (("≤", "≥"), ("不超过", "不低于"), ("控制在", "不低于")):
            if head.endswith(cap):
                return "成本写成下限", [
                    _set(t, i, "value", value[: len(head) - len(cap)] + floor + value[len(head) :])
                ]
        return "成本写成下限", [_set(t, i, "value", value[:start] + "≥" + value[start:])]
    return None


def placeholder_required(ctx: Context, t: Table) -> Injected:
    rows = [i for l2 in _REQUIRED for i in t.rows(l2)]
    if not rows:
        return None
    i = ctx.rng.choice(rows)
    return "必填行写占位符", [_set(t, i, "value", ctx.rng.choice(["/", "—", "不适用", "暂无", "无", "-"]))]


def other_unit(ctx: Context, t: Table) -> Injected:
    others = [d for d in ctx.booklet.departments if d.code[:3] != t.department.code[:3] and d.name]
    return (
        ("写成名单中另一单位", [SetValue(t.path, "unit_name", ctx.rng.choice(others).name)])
        if others
        else None
    )


def sibling_unit(ctx: Context, t: Table) -> Injected:
    siblings = [
        d for d in ctx.booklet.departments if d.code[:3] == t.department.code[:3] and d is not t.department
    ]
    return (
        ("写成兄弟单位", [SetValue(t.path, "unit_name", ctx.rng.choice(siblings).name)]) if siblings else None
    )


def no_unit(ctx: Context, t: Table) -> Injected:
    return "未填单位", [SetValue(t.path, "unit_name", "")]


def duplicate_in_other_unit(ctx: Context, t: Table) -> Injected:
    others = [i for i, d in enumerate(ctx.booklet.departments) if d is not t.department]
    target = ctx.rng.choice(others)
    copy = t.project.model_copy(update={"id": f"{t.project.id}-dup"}, deep=True)
    copy.unit_name = ctx.booklet.departments[target].name
    return "同一项目编入两个单位", [
        InsertItems((target,), len(ctx.booklet.departments[target].projects), (copy,))
    ]


# (family, injector, expected rules, scope)
DEFECTS: tuple[tuple[str, Injector, tuple[str, ...], str], ...] = (
    ("资金算术", fiscal_typo, ("funding.fiscal_mismatch", "funding.total_mismatch"), "project"),
    ("资金算术", part_typo, ("funding.fiscal_mismatch", "funding.total_mismatch"), "project"),
    ("资金算术", total_typo, ("funding.total_mismatch",), "project"),
    (
        "金额单位与量级",
        block_in_yuan,
        ("funding.in_yuan", "funding.implausible", "funding.magnitude"),
        "booklet",
    ),
    ("金额单位与量级", block_all_zero, ("funding.all_zero",), "project"),
    ("金额单位与量级", cost_in_yuan, ("cost.unit_slip",), "project"),
    ("金额单位与量级", cost_copied, ("cost.copied_amount",), "booklet"),
    ("年份写法", time_last_year, ("time.wrong_year",), "project"),
    ("年份写法", stale_year_elsewhere, ("time.stale_year",), "project"),
    ("缺二级/错一级", drop_required, ("structure.missing_level2",), "project"),
    ("缺二级/错一级", benefit_under_output, ("structure.wrong_level1",), "project"),
    ("空白与重复", empty_value, ("value.empty",), "project"),
    ("空白与重复", empty_name, ("value.empty",), "project"),
    ("空白与重复", duplicate_row, ("value.duplicate_row",), "project"),
    ("无法衡量", vague_quantity, ("value.unmeasurable",), "project"),
    ("无法衡量", vague_time, ("value.unmeasurable",), "project"),
    ("近似复制", sibling_set_copied, ("value.near_copy",), "booklet"),
    ("近似复制", quantity_from_other_unit, ("value.copied_quantity",), "booklet"),
    ("近似复制", contradictory_twin, ("value.contradictory",), "project"),
    ("近似复制", names_are_project, ("value.name_is_project",), "project"),
    ("近似复制", name_repeats_value, ("value.repeats_name",), "project"),
    ("不合理的值", rate_over_100, ("value.rate_over_100",), "project"),
    ("不合理的值", cost_as_floor, ("cost.floor",), "project"),
    ("不合理的值", placeholder_required, ("value.placeholder",), "project"),
    ("单位名称", other_unit, ("unit.other_unit",), "booklet"),
    ("单位名称", sibling_unit, ("unit.other_unit",), "booklet"),
    ("单位名称", no_unit, ("unit.missing_name",), "project"),
    ("汇编", duplicate_in_other_unit, ("booklet.duplicate_project",), "booklet"),
)


# -- harmless edits -------------------------------------------------------------------------------


def synonym_comparators(ctx: Context, t: Table) -> Injected:
    edits: list[Edit] = []
    for i, r in enumerate(t.project.indicators):
        if "≥" in r.value or "≤" in r.value:
            edits.append(_set(t, i, "value", r.value.replace("≥", "不低于").replace("≤", "不超过")))
    return ("≥/≤ 写成不低于/不超过", edits) if edits else None


def fullwidth_percent(ctx: Context, t: Table) -> Injected:
    edits: list[Edit] = [
        _set(t, i, "value", r.value.replace("%", "％"))
        for i, r in enumerate(t.project.indicators)
        if "%" in r.value
    ]
    return ("百分号写成全角", edits) if edits else None


_NAME_SYNONYMS = (
    ("完成时间", "完成时限"),
    ("满意度", "满意率"),
    ("及时率", "及时性"),
    ("合格率", "达标率"),
    ("次数", "场次"),
)


def synonym_names(ctx: Context, t: Table) -> Injected:
    edits: list[Edit] = []
    for i, r in enumerate(t.project.indicators):
        for old, new in _NAME_SYNONYMS:
            if old in r.name:
                edits.append(_set(t, i, "name", r.name.replace(old, new)))
                break
    return ("三级指标换同义词", edits) if edits else None


def swap_within_group(ctx: Context, t: Table) -> Injected:
    rows = t.project.indicators
    pairs = [
        i for i in range(len(rows) - 1) if rows[i].level2 == rows[i + 1].level2 and rows[i] != rows[i + 1]
    ]
    if not pairs:
        return None
    i = ctx.rng.choice(pairs)
    return "同组内两行换序", [RemoveItems(t.path, i), InsertItems(t.path, i + 1, (rows[i].model_copy(),))]


def rescale(ctx: Context, t: Table) -> Injected:
    """Every funding row and every cost amount times the same factor: still consistent."""
    factor = ctx.rng.choice([D(2), D(3), D(4)])
    f = t.project.funding
    edits: list[Edit] = [_funding_set(t, k, f.get(k) * factor) for k in FUNDING_FIELDS if f.get(k)]  # type: ignore[operator]
    for i in t.rows("成本指标"):
        value = t.project.indicators[i].value
        if _single_wan(value) is None and re.search(r"\d", value):
            return None  # unit prices or several amounts: rescaling them consistently is not a text edit
        match = _single_wan(value)
        if match:
            scaled = _plain(D(match.group(1)) * factor)
            edits.append(_set(t, i, "value", value[: match.start(1)] + scaled + value[match.end(1) :]))
    return (f"资金与成本同乘{factor}", edits) if edits else None


def cost_in_whole_yuan(ctx: Context, t: Table) -> Injected:
    for i in t.rows("成本指标"):
        value = t.project.indicators[i].value
        match = _single_wan(value)
        if match is None:
            continue
        yuan = D(match.group(1)) * 10000
        if yuan != yuan.to_integral_value():
            continue
        start, end = match.span()
        return "成本 X万元 写成 X0000元", [
            _set(t, i, "value", value[:start] + _plain(yuan) + "元" + value[end:])
        ]
    return None


def cost_spellings(ctx: Context, t: Table) -> Injected:
    """预计X万元, 约X万元, X万元以内, 不超过X万元 …: the same commitment, worded otherwise."""
    for i in t.rows("成本指标"):
        value = t.project.indicators[i].value
        match = _single_wan(value)
        if match is None or value.strip() != match.group().strip():
            continue
        amount = match.group(1)
        spelled = ctx.rng.choice(
            [
                f"预计{amount}万元",
                f"约{amount}万元",
                f"{amount}万元以内",
                f"不超过{amount}万元",
                f"控制在{amount}万元以内",
            ]
        )
        return "成本换一种写法", [_set(t, i, "value", spelled)]
    return None


def percent_above(ctx: Context, t: Table) -> Injected:
    edits: list[Edit] = []
    for i, r in enumerate(t.project.indicators):
        match = re.fullmatch(r"\s*≥\s*(\d+(?:\.\d+)?)\s*%\s*", r.value)
        if match:
            number = match.group(1)
            edits.append(
                _set(t, i, "value", ctx.rng.choice([f"{number}%以上", f"{number}%及以上", f"达到{number}%"]))
            )
    return ("≥N% 写成 N%以上", edits) if edits else None


def satisfaction_words(ctx: Context, t: Table) -> Injected:
    for i in t.rows("服务对象满意度指标"):
        value = t.project.indicators[i].value
        match = re.search(r"[≥>]\s*(\d+(?:\.\d+)?)\s*%", value)
        if match:
            return "满意度写成不低于N%", [
                _set(
                    t, i, "value", value[: match.start()] + f"不低于{match.group(1)}%" + value[match.end() :]
                )
            ]
    return None


def time_within_year(ctx: Context, t: Table) -> Injected:
    rows = t.rows("时效指标")
    if not rows:
        return None
    i = ctx.rng.choice(rows)
    value = ctx.rng.choice(
        ["2026年内完成", "2026年底前", "2026年12月31日前完成", "二〇二六年底前", "二○二六年12月前"]
    )
    return "时效写成年内完成", [_set(t, i, "value", value)]


def label_synonym(ctx: Context, t: Table) -> Injected:
    rows = t.rows("服务对象满意度指标")
    return ("二级写成简称", [_set(t, i, "level2", "服务对象满意度") for i in rows]) if rows else None


def counts_in_words(ctx: Context, t: Table) -> Injected:
    words = {
        "1": "一",
        "2": "两",
        "3": "三",
        "4": "四",
        "5": "五",
        "6": "六",
        "7": "七",
        "8": "八",
        "9": "九",
    }
    for i in t.rows("数量指标"):
        value = t.project.indicators[i].value
        match = re.fullmatch(r"\s*([1-9])\s*(次|场|期|个|项|件|批)\s*", value)
        if match:
            return "数量写成汉字", [_set(t, i, "value", words[match.group(1)] + match.group(2))]
    return None


HARMLESS: tuple[Injector, ...] = (
    synonym_comparators,
    fullwidth_percent,
    synonym_names,
    swap_within_group,
    rescale,
    cost_in_whole_yuan,
    cost_spellings,
    percent_above,
    satisfaction_words,
    time_within_year,
    label_synonym,
    counts_in_words,
)


# -- booklet-wide cases ---------------------------------------------------------------------------


def _booklet_cases(ctx: Context, start: int) -> Iterator[Case]:
    booklet = ctx.booklet
    n = start
    for section, body in enumerate(s.body for s in booklet.preface):
        for match in re.finditer(r"(\d+)(家预算单位|个项目)", body):
            for _ in range(10):
                real = int(match.group(1))
                wrong = real + ctx.rng.choice([-3, -2, -1, 1, 2, 3])
                fixed = body[: match.start(1)] + str(wrong) + body[match.end(1) :]
                n += 1
                yield Case(
                    f"c{n:05d}",
                    "汇编",
                    "编制说明数目不符",
                    False,
                    "booklet",
                    None,
                    ("booklet.preface_count",),
                    [SetValue((*PREFACE, section), "body", fixed)],
                )
    small = [i for i, d in enumerate(booklet.departments) if len(d.projects) == 1]
    for d in ctx.rng.sample(small, min(10, len(small))):
        n += 1
        yield Case(
            f"c{n:05d}",
            "汇编",
            "单位没有项目",
            False,
            "booklet",
            None,
            ("booklet.empty_unit",),
            [RemoveItems((d,), 0)],
        )


def generate(booklet: Booklet, clean: set[str]) -> list[Case]:
    """Every case, in a fixed order from a fixed seed; `booklet` is the baseline."""
    rng = random.Random(SEED)
    tables = [
        Table((d, p), department, project)
        for d, department in enumerate(booklet.departments)
        for p, project in enumerate(department.projects)
    ]
    ctx = Context(booklet, rng, tables)
    cases: list[Case] = []
    for table in tables:
        if table.project.id not in clean:
            continue
        for family, injector, expected, scope in DEFECTS:
            made = injector(ctx, table)
            if made is not None:
                kind, edits = made
                cases.append(
                    Case(f"c{len(cases) + 1:05d}", family, kind, False, scope, table.path, expected, edits)
                )
        for harmless in HARMLESS:
            made = harmless(ctx, table)
            if made is not None:
                kind, edits = made
                cases.append(
                    Case(f"c{len(cases) + 1:05d}", "无害改写", kind, True, "project", table.path, (), edits)
                )
    cases.extend(_booklet_cases(ctx, len(cases)))
    return cases

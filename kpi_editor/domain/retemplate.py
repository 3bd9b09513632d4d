"""Another form template for a booklet: the one place where one form is mapped onto another.

Labels: a 二级 keeps its name when the new template has it (数量指标 stays 数量指标 and moves under
that template's 一级, 项目完成 → 产出指标), else it takes the new template's only 二级 of the same kind
(成本指标 → 经济成本指标 under the 一级 成本指标). Values: a form that prints 指标性质 | 指标值 | 度量单位
gets each free-text 指标值 read into those parts where the reading says everything the text says
(``≥95%`` → ≥ | 95 | %, ``2026年12月31日前`` → ≤ | 2026-12-31); a form that prints one text column
drops a reading its text already carries. Money: cost targets in 元 or 万元 follow the new form's
currency exactly (funding is kept in 万元 whatever a form prints). The printed text is never
lost: what cannot be read stays as it was and is listed, with every label the new form lacks,
money in a funding row it does not print and columns one form has and the other lacks.

`plan_template_change` describes the change as an `EditPlan` (one undo step in the editor);
`convert_booklet` applies it to a copy and also puts each table's rows in the new form's order
(成本指标 first in the 2021 framework): a new document, the original untouched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from kpi_editor.domain.changereport import CellChange, CellToCheck, ChangeReport, Place
from kpi_editor.domain.currency import YUAN_PER_WAN
from kpi_editor.domain.edits import EditPlan, SetValue, apply_plan
from kpi_editor.domain.labels import FUNDING_NAMES
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet, Indicator, Project, Target
from kpi_editor.domain.rules import loose, template_index
from kpi_editor.domain.targets import SYMBOLS, number_cell, read_value, render
from kpi_editor.domain.template import FormTemplate, load_template

__all__ = ["Conversion", "TemplateChange", "convert_booklet", "describe_target", "plan_template_change"]

_BUILT_IN_COLUMNS = ("level1", "level2", "name", "value")
# Typed row fields and the column type that prints each.
_ROW_FIELDS = {
    "weight": "权重（分值）",
    "direction": "指标方向性",
    "basis": "绩效标准",
    "explanation": "指标解释",
    "scoring": "评分标准",
}


@dataclass
class TemplateChange:
    plan: EditPlan
    report: ChangeReport


@dataclass
class Conversion:
    booklet: Booklet  # a new booklet on the new template; the original is untouched
    report: ChangeReport
    reordered: int = 0  # tables whose rows were put in the new form's order


def describe_target(target: Target | None) -> str:
    """A reading as the three columns show it: ``≥ | 95 | %``, ``≤ | 2026年12月31日 | 日期``."""
    if target is None:
        return ""
    comparator = SYMBOLS.get(target.comparator or "", "")
    return f"{comparator} | {number_cell(target)} | {target.unit}"


def _mapping(source: FormTemplate, target: FormTemplate) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Source 二级 → (target 一级, target 二级), and source 二级 → why it has no counterpart."""
    by_kind: dict[str, list[str]] = {}
    for l1 in target.taxonomy:
        for l2 in l1.level2:
            by_kind.setdefault(l2.kind, []).append(l2.name)
    mapped: dict[str, tuple[str, str]] = {}
    missing: dict[str, str] = {}
    for l1 in source.taxonomy:
        for l2 in l1.level2:
            parent = target.parent_of(l2.name)
            if parent is not None:
                mapped[l2.name] = (parent, l2.name)
                continue
            same_kind = by_kind.get(l2.kind, []) if l2.kind != "other" else []
            if len(same_kind) == 1:
                mapped[l2.name] = (target.parent_of(same_kind[0]) or "", same_kind[0])
            elif same_kind:
                missing[l2.name] = f"新表样中有多个同类二级指标（{'、'.join(same_kind)}），请选择"
            else:
                missing[l2.name] = f"新表样“{target.name}”没有对应的二级指标"
    return mapped, missing


def _in_currency(reading: Target, unit: str) -> Target:
    """A money reading (元 or 万元) restated in `unit`, exactly."""
    have = "万元" if reading.unit == "万" else reading.unit  # 预计25万: 万 alone is 万元 in a cost row
    if reading.number is None or have not in ("元", "万元") or have == unit:
        return reading
    number = reading.number * YUAN_PER_WAN if unit == "元" else reading.number / YUAN_PER_WAN
    exponent = number.normalize().as_tuple().exponent
    plain = number.normalize() if isinstance(exponent, int) and exponent <= 0 else number.quantize(Decimal(1))
    return reading.model_copy(update={"number": plain, "unit": unit})


class _Planner:
    def __init__(self, booklet: Booklet, source: FormTemplate, target: FormTemplate) -> None:
        self.booklet = booklet
        self.source = source
        self.target = target
        self.plan = EditPlan(f"表样改为“{target.name}”")
        self.report = ChangeReport(f"表样 {source.id} → {target.id}", about_years=False)
        self.mapped, self.missing = _mapping(source, target)
        for l1 in target.taxonomy:
            for l2 in l1.level2:
                self.mapped.setdefault(l2.name, (l1.name, l2.name))
        # The checker's reading of a label (服务对象满意度 指标, 经济效益 for 经济效益指标); a label
        # the old template lacks but the new one has (经济成本指标 typed into a 西区 table) is right.
        self.known = template_index(source, booklet.fiscal_year).loose_level2
        self.pairs: Counter[str] = Counter()
        self.read = 0  # values read into parts
        self.unread = 0
        self.money = 0  # cost targets restated in the new currency
        self.dropped = 0  # readings dropped because the new form prints the text they came from
        self.text_keys = {c.key for c in target.columns if c.type == "text"}
        self.unprinted: Counter[str] = Counter()

    def edit(
        self,
        path: tuple[int, ...],
        field: str,
        old: object,
        new: object,
        place: Place,
        shown: tuple[str, str],
    ) -> None:
        if old == new:
            return
        self.plan.edits.append(SetValue(path, field, new))
        self.report.changed.append(CellChange(place, *shown))

    def run(self) -> TemplateChange:
        source, target = self.source, self.target
        if target.id == source.id:
            return TemplateChange(self.plan, self.report)
        self.plan.edits.append(SetValue((), "template_id", target.id))
        self.plan.edits.append(SetValue((), "template_version", target.version))
        for d, department in enumerate(self.booklet.departments):
            for p, project in enumerate(department.projects):
                self.project(d, p, department.code, project)
        self.notes()
        return TemplateChange(self.plan, self.report)

    def project(self, d: int, p: int, code: str, project: Project) -> None:
        pid, pname = project.id, project.name
        for name in FUNDING_FIELDS:
            value = project.funding.get(name)
            if value and not any(row.field == name for row in self.target.funding_rows):  # 0 loses nothing
                place = Place((d, p), f"funding.{name}", code, pid, pname)
                self.report.to_check.append(
                    CellToCheck(
                        place, str(value), (f"新表样没有“{FUNDING_NAMES[name]}”这一行：金额保留，但不会打印",)
                    )
                )
        for key in project.texts or {}:
            if not any(t.key == key for t in self.target.project_texts):
                self.unprinted[f"表内文字“{key}”"] += 1
        for i, row in enumerate(project.indicators):
            self.row((d, p, i), Place((d, p, i), "", code, pid, pname, i), row)

    def row(self, path: tuple[int, int, int], at: Place, row: Indicator) -> None:
        for key in row.extra:
            if key not in self.text_keys:
                self.unprinted[f"“{key}”列"] += 1
        for name, label in _ROW_FIELDS.items():
            if getattr(row, name) is not None and self.target.column(name) is None:
                self.unprinted[label] += 1
        if row.period is not None and not self.target.has_period:
            self.unprinted["实施期（长期、中期）指标值"] += 1
        level2 = row.level2.strip()
        canonical = (
            level2 if level2 in self.mapped or level2 in self.missing else self.known.get(loose(level2))
        )
        if canonical is None or canonical in self.missing:
            reason = (
                self.missing[canonical]
                if canonical is not None
                else f"二级指标“{row.level2}”不是原表样“{self.source.name}”的指标名称，无法对应"
            )
            self.report.to_check.append(CellToCheck(_at(at, "level2"), row.level2, (reason,)))
            self.value(path, at, row, None)
            return
        new_level1, new_level2 = self.mapped[canonical]
        self.pairs[f"{row.level1}/{row.level2} → {new_level1}/{new_level2}"] += 1
        for field, old, new in (("level1", row.level1, new_level1), ("level2", row.level2, new_level2)):
            self.edit(path, field, old, new, _at(at, field), (old, new))
        self.value(path, at, row, new_level2)

    def value(self, path: tuple[int, int, int], at: Place, row: Indicator, level2: str | None) -> None:
        target = self.target
        spec = target.level2_spec(level2) if level2 else None
        qualitative = bool(spec and spec.qualitative)
        text = row.value
        # A reading is trusted while the text is still what it prints; an edited text is read again.
        reading = row.target if row.target is not None and render(row.target) == text else None
        if reading is None and text.strip():
            reading = read_value(text, qualitative=qualitative and target.structured)
        if (
            reading is not None
            and spec is not None
            and spec.kind == "cost"
            and self.source.currency.unit != target.currency.unit
        ):
            money = _in_currency(reading, target.currency.unit)
            if money != reading:
                self.money += 1
                reading = money
                new_text = render(money)
                self.edit(path, "value", text, new_text, _at(at, "value"), (text, new_text))
                text = new_text
        if target.structured:
            if reading is not None and reading.comparator == "qualitative" and not qualitative:
                reading = None
            if reading is None:
                if text.strip():
                    self.unread += 1
                    self.report.to_check.append(
                        CellToCheck(
                            _at(at, "value"),
                            text,
                            ("无法拆分为指标性质、指标值、度量单位：整段文字放在指标值列，请拆分后填写",),
                        )
                    )
                if row.target is not None:
                    self.edit(
                        path, "target", row.target, None, _at(at, "target"), (describe_target(row.target), "")
                    )
                return
            if reading != row.target:
                self.read += 1
                self.edit(
                    path, "target", row.target, reading, _at(at, "target"), (text, describe_target(reading))
                )
            return
        # One text column: the text is what the form prints and says all a reading of it would
        # (structured forms print their text from the parts), so no reading is kept behind it.
        if row.target is not None:
            self.dropped += 1
            self.plan.edits.append(SetValue(path, "target", None))

    def notes(self) -> None:
        source, target, report = self.source, self.target, self.report
        if self.pairs:
            report.notes.append(
                "指标对应："
                + "；".join(
                    f"{pair}（{count}行）"
                    for pair, count in sorted(self.pairs.items(), key=lambda kv: -kv[1])
                )
                + "。"
            )
        if target.structured:
            report.notes.append(
                f"指标值拆分为指标性质、指标值、度量单位：{self.read}行已拆分，{self.unread}行无法拆分"
                "（原文保留在指标值列，见待核对）。"
            )
        elif self.dropped:
            report.notes.append(f"{self.dropped}行的指标性质、度量单位已由指标值的文字表达，不再另存。")
        if self.money:
            report.notes.append(
                f"{self.money}行成本指标的金额按新表样的单位（{target.currency.unit}）换算，数值精确不变。"
            )
        if source.currency.unit != target.currency.unit:
            report.notes.append(
                f"资金来源按{target.currency.unit}打印（文件中仍以万元精确保存，{source.currency.unit} ↔ "
                f"{target.currency.unit} 换算无舍入）。"
            )
        added = [
            c.label
            for c in target.columns
            if c.key not in _BUILT_IN_COLUMNS
            and c.type not in ("comparator", "number", "unit")
            and source.column(c.key) is None
        ]
        if added:
            report.notes.append(f"新表样增加的列：{'、'.join(added)}（均为空，请填写）。")
        if target.weights is not None:
            rule = target.weights
            reserved = "".join(f"，另有{r.label}{r.points}分" for r in rule.reserved)
            bands = "；".join(f"{b.name}{b.min}–{b.max}分" for b in rule.level1)
            report.notes.append(
                f"新表样按权重（分值）评分：各行合计{rule.total}分{reserved}"
                + (f"（{bands}）" if bands else "")
                + "。"
            )
        texts = [
            t.label for t in target.project_texts if not any(s.key == t.key for s in source.project_texts)
        ]
        if texts:
            report.notes.append(f"新表样增加的文字行：{'、'.join(texts)}（均为空，请填写）。")
        for what, count in self.unprinted.items():
            report.notes.append(f"{what}（{count}处）在新表样中没有：内容保留在文件中，但不会打印。")


def _at(place: Place, field: str) -> Place:
    return Place(place.path, field, place.department, place.project_id, place.project, place.row)


def plan_template_change(
    booklet: Booklet, target: str | FormTemplate, source: FormTemplate | None = None
) -> TemplateChange:
    """The edits that put `booklet` on the template `target` (an id or a template), with the report.

    `source` is the booklet's current template (loaded by its id unless given). Raises
    `kpi_editor.domain.template.TemplateError` for an unknown template id.
    """
    target = load_template(target) if isinstance(target, str) else target
    source = source or load_template(booklet.template_id)
    change = _Planner(booklet, source, target).run()
    if change.plan:
        change.report.notes.append("行的顺序未按新表样调整；换表样后请运行校验。")
    return change


def _order_rows(project: Project, template: FormTemplate) -> dict[int, int] | None:
    """Put a table's rows in the template's 二级 order (stable; a row the template does not know
    stays after the row above it). Row comments follow their rows. Returns where each row went
    (old → new), or None when nothing moved."""
    order = {name: i for i, name in enumerate(template.level2_names())}
    keys: list[int] = []
    last = -1
    for row in project.indicators:
        last = order.get(row.level2.strip(), last)
        keys.append(last)
    new_order = sorted(range(len(keys)), key=lambda i: keys[i])
    if new_order == list(range(len(keys))):
        return None
    project.indicators = [project.indicators[i] for i in new_order]
    moved_to = {old: new for new, old in enumerate(new_order)}
    if project.review is not None:
        for comment in project.review.comments:
            if comment.indicator is not None and comment.indicator in moved_to:
                comment.indicator = moved_to[comment.indicator]
    return moved_to


def _moved(place: Place, moves: dict[tuple[int, int], dict[int, int]]) -> Place:
    """A report's place after its table's rows were reordered, so it still names its cell."""
    if len(place.path) != 3 or place.path[:2] not in moves:
        return place
    row = moves[place.path[:2]][place.path[2]]
    return Place((*place.path[:2], row), place.field, place.department, place.project_id, place.project, row)


def convert_booklet(
    booklet: Booklet, target: str | FormTemplate, source: FormTemplate | None = None
) -> Conversion:
    """A copy of `booklet` on the template `target`, its rows in the new form's order, with the report."""
    target = load_template(target) if isinstance(target, str) else target
    source = source or load_template(booklet.template_id)
    converted = booklet.model_copy(deep=True)
    change = _Planner(converted, source, target).run()
    apply_plan(converted, change.plan)
    moves: dict[tuple[int, int], dict[int, int]] = {}
    for d, department in enumerate(converted.departments):
        for p, project in enumerate(department.projects):
            moved = _order_rows(project, target)
            if moved is not None:
                moves[(d, p)] = moved
    reordered = len(moves)
    report = change.report
    report.changed = [replace(c, place=_moved(c.place, moves)) for c in report.changed]
    report.to_check = [replace(c, place=_moved(c.place, moves)) for c in report.to_check]
    if reordered:
        first = target.level1_names[0]
        change.report.notes.append(
            f"{reordered}张表的指标行已按新表样的顺序排列（{first}在前）；行上的审核意见随行移动。"
        )
    return Conversion(converted, change.report, reordered)

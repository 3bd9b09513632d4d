"""Another form template for an open booklet: map the 一级/二级 labels that map, list what cannot.

Deliberately simple: a 二级 keeps its name when the new template has it (数量指标 stays 数量指标 and
moves under that template's 一级, 项目完成 → 产出指标), else it takes the new template's only 二级
of the same kind (成本指标 → 经济成本指标 under the 一级 成本指标). Anything else — a label the old
template does not know, a kind the new one has several or none of, money in a funding row the new
form does not print, extra columns one form has and the other lacks — is left as it is and listed.
Values are never rewritten (no parsing of 指标值 into 指标性质/度量单位: that is a real conversion).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kpi_editor.domain.changereport import CellChange, CellToCheck, ChangeReport, Place
from kpi_editor.domain.edits import EditPlan, SetValue
from kpi_editor.domain.labels import FUNDING_NAMES
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet
from kpi_editor.domain.rules import loose, template_index
from kpi_editor.domain.template import FormTemplate, load_template

__all__ = ["TemplateChange", "plan_template_change"]

_BUILT_IN_COLUMNS = ("level1", "level2", "name", "value")


@dataclass
class TemplateChange:
    plan: EditPlan
    report: ChangeReport


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


def plan_template_change(
    booklet: Booklet, target: str | FormTemplate, source: FormTemplate | None = None
) -> TemplateChange:
    """The edits that put `booklet` on the template `target` (an id or a template), with the report.

    `source` is the booklet's current template (loaded by its id unless given). Raises
    `kpi_editor.domain.template.TemplateError` for an unknown template id.
    """
    target = load_template(target) if isinstance(target, str) else target
    source = source or load_template(booklet.template_id)
    plan = EditPlan(f"表样改为“{target.name}”")
    report = ChangeReport(f"表样 {source.id} → {target.id}", about_years=False)
    if target.id == source.id:
        return TemplateChange(plan, report)
    plan.edits.append(SetValue((), "template_id", target.id))
    mapped, missing = _mapping(source, target)
    # The checker's reading of a label (服务对象满意度 指标, 经济效益 for 经济效益指标); a label the
    # old template lacks but the new one has (经济成本指标 typed into a 西区 table) is already right.
    known = template_index(source, booklet.fiscal_year).loose_level2
    for l1 in target.taxonomy:
        for l2 in l1.level2:
            mapped.setdefault(l2.name, (l1.name, l2.name))
    pairs: Counter[str] = Counter()
    extra_keys = {c.key for c in target.columns} - set(_BUILT_IN_COLUMNS)
    dropped: Counter[str] = Counter()
    for d, department in enumerate(booklet.departments):
        for p, project in enumerate(department.projects):
            code, pid, pname = department.code, project.id, project.name
            for name in FUNDING_FIELDS:
                value = project.funding.get(name)
                if value and not any(row.field == name for row in target.funding_rows):  # 0 loses nothing
                    place = Place((d, p), f"funding.{name}", code, pid, pname)
                    report.to_check.append(
                        CellToCheck(
                            place,
                            str(value),
                            (f"新表样没有“{FUNDING_NAMES[name]}”这一行：金额保留，但不会打印",),
                        )
                    )
            for i, row in enumerate(project.indicators):
                for key in row.extra:
                    if key not in extra_keys:
                        dropped[key] += 1
                level2 = row.level2.strip()
                canonical = level2 if level2 in mapped or level2 in missing else known.get(loose(level2))
                if canonical is None or canonical in missing:
                    reason = (
                        missing[canonical]
                        if canonical is not None
                        else f"二级指标“{row.level2}”不是原表样“{source.name}”的指标名称，无法对应"
                    )
                    place = Place((d, p, i), "level2", code, pid, pname, i)
                    report.to_check.append(CellToCheck(place, row.level2, (reason,)))
                    continue
                new_level1, new_level2 = mapped[canonical]
                pairs[f"{row.level1}/{row.level2} → {new_level1}/{new_level2}"] += 1
                for field, old, new in (
                    ("level1", row.level1, new_level1),
                    ("level2", row.level2, new_level2),
                ):
                    if old != new:
                        plan.edits.append(SetValue((d, p, i), field, new))
                        place = Place((d, p, i), field, code, pid, pname, i)
                        report.changed.append(CellChange(place, old, new))
    if pairs:
        report.notes.append(
            "指标对应："
            + "；".join(
                f"{pair}（{count}行）" for pair, count in sorted(pairs.items(), key=lambda kv: -kv[1])
            )
            + "。"
        )
    added = [
        c.label
        for c in target.columns
        if c.key not in _BUILT_IN_COLUMNS and c.key not in {s.key for s in source.columns}
    ]
    if added:
        report.notes.append(f"新表样增加的列：{'、'.join(added)}（均为空，请填写）。")
    for key, count in dropped.items():
        report.notes.append(f"“{key}”列（{count}行）在新表样中没有：内容保留在文件中，但不会打印。")
    report.notes.append("指标值未改动，行的顺序未按新表样调整；换表样后请运行校验。")
    return TemplateChange(plan, report)

"""What the rules share: findings, the one registry of rule codes, and the per-project context.

Every rule code is declared once, in `RULES` below, with its severity and Chinese title. The
category modules (funding, structure, cost, time, value, previous, satisfaction, text, unit) report
findings by code through a context; `kpi_editor.domain.engine` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Literal, overload

from kpi_editor.domain.fingerprint import canonical_amount
from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.template import FormTemplate, Kind, RequiredGroup


class Severity(StrEnum):
    ERROR = "error"  # the bureau rejects the table
    WARNING = "warning"  # a reviewer will likely send it back
    INFO = "info"  # worth a look, not a fault


Scope = Literal["project", "booklet"]


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # e.g. "funding.total_mismatch"
    severity: Severity
    message: str  # Chinese: what is wrong, where, how to fix it
    department: str | None  # department code
    project_id: str | None
    project_name: str | None
    indicator: int | None  # 0-based index into project.indicators
    # A funding field name, "level1"/"level2"/"name"/"value" of an indicator row, or
    # "name"/"unit_name" of the project / "code" of the department.
    field: str | None


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    severity: Severity
    title: str
    # "project" rules need nothing but the project (and its department); "booklet" rules compare
    # projects or departments with each other.
    scope: Scope = "project"

    @property
    def category(self) -> str:
        return self.code.split(".", 1)[0]


class RuleRegistry(Sequence[RuleInfo]):
    """The rules in display order; also looked up by code (``RULES["cost.over_total"]``)."""

    def __init__(self, rules: Sequence[RuleInfo]) -> None:
        self._rules = tuple(rules)
        self._by_code = {rule.code: rule for rule in self._rules}
        if len(self._by_code) != len(self._rules):
            raise ValueError("duplicate rule code")

    @overload
    def __getitem__(self, key: int) -> RuleInfo: ...
    @overload
    def __getitem__(self, key: slice) -> Sequence[RuleInfo]: ...
    @overload
    def __getitem__(self, key: str) -> RuleInfo: ...
    def __getitem__(self, key: int | slice | str) -> RuleInfo | Sequence[RuleInfo]:
        if isinstance(key, str):
            return self._by_code[key]
        return self._rules[key]

    def __len__(self) -> int:
        return len(self._rules)

    def __iter__(self) -> Iterator[RuleInfo]:
        return iter(self._rules)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            return key in self._by_code
        return key in self._rules

    def get(self, code: str) -> RuleInfo | None:
        return self._by_code.get(code)

    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    def values(self) -> tuple[RuleInfo, ...]:
        return self._rules

    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.category for rule in self._rules))


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

# The one place where rules are registered.
RULES = RuleRegistry(
    [
        RuleInfo("funding.missing_total", _E, "资金合计为空"),
        RuleInfo("funding.negative", _E, "资金金额为负数"),
        RuleInfo("funding.total_mismatch", _E, "合计不等于财政拨款与非财政拨款之和"),
        RuleInfo("funding.fiscal_mismatch", _E, "财政拨款不等于上级补助、本级安排与结转资金之和"),
        RuleInfo("structure.missing_label", _E, "一级或二级指标为空"),
        RuleInfo("structure.unknown_label", _E, "表样中没有的指标名称"),
        RuleInfo("structure.wrong_level1", _E, "二级指标放在了错误的一级指标下"),
        RuleInfo("structure.missing_level2", _E, "缺少必填的二级指标"),
        RuleInfo("structure.missing_group", _E, "缺少必填的一组指标（如效益指标）"),
        RuleInfo("structure.nonstandard_label", _W, "指标名称写法不规范"),
        RuleInfo("structure.split_group", _W, "同一二级指标分成了几段"),
        RuleInfo("structure.order", _I, "二级指标顺序与表样不同"),
        RuleInfo("time.wrong_year", _E, "时效指标写的不是预算年度"),
        RuleInfo("cost.over_total", _E, "成本指标金额超过资金合计"),
        RuleInfo("cost.short_of_total", _W, "成本指标金额少于资金合计"),
        RuleInfo("cost.no_amount", _W, "成本指标没有写金额"),
        RuleInfo("cost.bare_number", _W, "成本指标金额没有单位"),
        RuleInfo("value.empty", _E, "三级指标或指标值为空"),
        RuleInfo("value.duplicate_row", _E, "同一指标行重复"),
        RuleInfo("value.unmeasurable", _W, "指标值无法衡量"),
        RuleInfo("value.copied_set", _W, "整套指标与另一项目完全相同", "booklet"),
        RuleInfo("value.below_previous", _W, "目标低于上年指标值"),
        RuleInfo("satisfaction.not_percent", _W, "满意度指标值不是百分比"),
        RuleInfo("satisfaction.below_threshold", _W, "满意度目标低于规定标准"),
        RuleInfo("text.missing_project_name", _E, "项目名称为空"),
        RuleInfo("text.too_long", _W, "文字超过表样限制"),
        RuleInfo("text.markup", _W, "单元格中残留排版代码"),
        RuleInfo("text.stray_space", _I, "汉字之间有多余空格"),
        RuleInfo("unit.code_format", _E, "单位编码不是6位数字", "booklet"),
        RuleInfo("unit.code_duplicate", _E, "单位编码重复", "booklet"),
        RuleInfo("unit.missing_name", _W, "项目表未填部门（单位）"),
        RuleInfo("unit.name_mismatch", _W, "单位名称与单位名单不一致"),
        RuleInfo("unit.project_name_duplicate", _W, "同一单位的项目名称重复", "booklet"),
    ]
)


# -- helpers for messages --------------------------------------------------------------------------


def fmt_amount(value: Decimal) -> str:
    """An amount as a clerk writes it: ``25``, ``0.7``, ``816.995875`` (never ``2.5E+1``)."""
    return canonical_amount(value) or ""


def row_label(index: int) -> str:
    """Rows are counted from 1 in messages, as a clerk counts them in the table."""
    return f"第{index + 1}行"


def row_range(first: int, last: int) -> str:
    return row_label(first) if first == last else f"第{first + 1}–{last + 1}行"


def quote(text: str, limit: int = 24) -> str:
    """A cell quoted for a message, shortened when long."""
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[:limit]}…”"


# -- what the rules know about a template, computed once per template and year --------------------

_LOOSE_RE = re.compile(r"[\s:：()（）]")


def loose(label: str) -> str:
    """A label stripped of spaces and punctuation, for matching ``服务对象满意度 指标``."""
    return _LOOSE_RE.sub("", label)


@dataclass(frozen=True, slots=True)
class TemplateIndex:
    template: FormTemplate
    fiscal_year: int
    level1_names: tuple[str, ...]
    parent: dict[str, str]  # 二级 → 一级
    kind: dict[str, Kind]
    order: dict[str, int]  # 二级 → position in the template
    required: tuple[str, ...]
    groups: tuple[RequiredGroup, ...]
    loose_level1: dict[str, str]  # loose label → canonical
    loose_level2: dict[str, str]
    funding_labels: dict[str, str]  # field → label as printed for this year, without 其中：
    vague_words: tuple[str, ...]
    satisfaction_min: Decimal
    # Raw label → canonical label (or None), filled as labels are met.
    level1_memo: dict[str, str | None] = field(default_factory=dict)
    level2_memo: dict[str, str | None] = field(default_factory=dict)


@cache
def template_index(template: FormTemplate, fiscal_year: int) -> TemplateIndex:
    level2 = [l2 for l1 in template.taxonomy for l2 in l1.level2]
    loose_level2: dict[str, str] = {}
    for spec in level2:
        loose_level2[loose(spec.name)] = spec.name
        if spec.name.endswith("指标"):  # 经济效益 for 经济效益指标
            loose_level2.setdefault(loose(spec.name[:-2]), spec.name)
    funding_labels: dict[str, str] = {}
    for row in template.funding_rows:
        label = template.funding_label(row.field, fiscal_year)
        funding_labels[row.field] = re.sub(r"^(其中[:：])?[\s\u3000]*", "", label)
    return TemplateIndex(
        template=template,
        fiscal_year=fiscal_year,
        level1_names=template.level1_names,
        parent={l2.name: l1.name for l1 in template.taxonomy for l2 in l1.level2},
        kind={spec.name: spec.kind for spec in level2},
        order={spec.name: i for i, spec in enumerate(level2)},
        required=tuple(spec.name for spec in template.required_level2()),
        groups=template.required_groups,
        loose_level1={loose(l1.name): l1.name for l1 in template.taxonomy},
        loose_level2=loose_level2,
        funding_labels=funding_labels,
        vague_words=template.vague_words,
        satisfaction_min=template.thresholds.satisfaction_min,
    )


# -- contexts the rules report through -------------------------------------------------------------


class Row:
    """An indicator row with its labels resolved against the template."""

    # A plain slotted class: thousands are built per booklet run and a frozen dataclass is slower.
    __slots__ = ("index", "indicator", "kind", "level1", "level2")

    def __init__(
        self, index: int, indicator: Indicator, level1: str | None, level2: str | None, kind: Kind | None
    ) -> None:
        self.index = index  # position in project.indicators
        self.indicator = indicator
        self.level1 = level1  # canonical 一级, or None when the label is empty or unknown
        self.level2 = level2  # canonical 二级, or None
        self.kind = kind


def _resolve(label: str, exact: dict[str, str] | tuple[str, ...], loose_map: dict[str, str]) -> str | None:
    label = label.strip()
    if label in exact:
        return label
    return loose_map.get(loose(label))


@dataclass(slots=True)
class ProjectContext:
    project: Project
    index: TemplateIndex
    department: Department | None
    department_code: str | None
    findings: list[Finding] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    # Every label is exactly a template label under its own 一级: the label checks have nothing to say.
    labels_clean: bool = True

    def __post_init__(self) -> None:
        index = self.index
        level1_memo, level2_memo = index.level1_memo, index.level2_memo
        parent, kinds = index.parent, index.kind
        clean = True
        rows = self.rows
        for i, indicator in enumerate(self.project.indicators):
            raw1, raw2 = indicator.level1, indicator.level2
            # Labels repeat on every row, so each distinct spelling is resolved once per template.
            try:
                level1 = level1_memo[raw1]
            except KeyError:
                level1 = level1_memo[raw1] = _resolve(raw1, index.level1_names, index.loose_level1)
            try:
                level2 = level2_memo[raw2]
            except KeyError:
                level2 = level2_memo[raw2] = _resolve(raw2, index.parent, index.loose_level2)
            if clean and (level1 != raw1 or level2 != raw2 or level2 is None or parent[level2] != level1):
                clean = False
            rows.append(Row(i, indicator, level1, level2, kinds.get(level2) if level2 else None))
        self.labels_clean = clean

    @property
    def fiscal_year(self) -> int:
        return self.index.fiscal_year

    @property
    def template(self) -> FormTemplate:
        return self.index.template

    def rows_of_kind(self, kind: Kind) -> list[Row]:
        return [row for row in self.rows if row.kind == kind]

    def report(
        self, code: str, message: str, *, indicator: int | None = None, field: str | None = None
    ) -> None:
        self.findings.append(
            Finding(
                rule=code,
                severity=RULES[code].severity,
                message=message,
                department=self.department_code,
                project_id=self.project.id,
                project_name=self.project.name,
                indicator=indicator,
                field=field,
            )
        )


@dataclass(slots=True)
class BookletContext:
    booklet: Booklet
    index: TemplateIndex
    findings: list[Finding] = field(default_factory=list)

    def report(
        self,
        code: str,
        message: str,
        *,
        department: str | None = None,
        project: Project | None = None,
        indicator: int | None = None,
        field: str | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                rule=code,
                severity=RULES[code].severity,
                message=message,
                department=department,
                project_id=project.id if project else None,
                project_name=project.name if project else None,
                indicator=indicator,
                field=field,
            )
        )

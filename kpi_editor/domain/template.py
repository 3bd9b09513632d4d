"""Form templates held as data: labels, funding rows, the 一级 → 二级 taxonomy, limits.

A template is a JSON file in ``resources/templates/``. Nothing about a particular jurisdiction's
form is written in code: the rules, the exports and the editor all read it from here.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kpi_editor.paths import resource_dir

# What a 二级 category means to the rules (time indicators are year-checked, cost indicators
# are summed against 合计, satisfaction values are compared with the threshold …).
Kind = Literal["quantity", "quality", "time", "cost", "benefit", "satisfaction", "other"]
FundingField = Literal["total", "fiscal", "superior", "local", "carryover", "non_fiscal"]


class TemplateError(Exception):
    """A template file that is missing, unreadable or inconsistent."""


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level2Spec(_Spec):
    name: str = Field(min_length=1)
    kind: Kind = "other"
    required: bool = False
    explanation: str = ""  # what it measures (the 二级's tooltip), e.g. 反映……的数量
    # Qualitative targets are customary here (效益, 质量): vague wording is advice (建议), not a warning.
    qualitative: bool = False


class Level1Spec(_Spec):
    name: str = Field(min_length=1)
    level2: tuple[Level2Spec, ...] = Field(min_length=1)


class FundingRowSpec(_Spec):
    field: FundingField
    # ``{year}`` is the fiscal year, ``{prev_year}`` the year before.
    label: str = Field(min_length=1)


class ColumnSpec(_Spec):
    # level1, level2, name, value, or a key of ``Indicator.extra``.
    key: str = Field(min_length=1)
    label: str = Field(min_length=1)
    width: float = Field(gt=0, description="relative width")


class Labels(_Spec):
    title: str = "部门（单位）预算项目支出绩效目标表"
    project_name: str = "项目名称"
    unit: str = "部门（单位）"
    funding_block: str = "项目资金来源"
    funding_source: str = "资金来源"
    funding_amount: str = "{year}年预算申请数（万元）"
    indicator_block: str = "总体绩效目标"


class RequiredGroup(_Spec):
    """At least one of these 二级 must be present (e.g. one kind of 效益)."""

    any_of: tuple[str, ...] = Field(min_length=1)
    description: str = Field(min_length=1)


class Limits(_Spec):
    name_max: int = Field(default=60, gt=0)  # characters in a 三级指标 name
    value_max: int = Field(default=200, gt=0)  # characters in a 指标值
    project_name_max: int = Field(default=60, gt=0)


class Thresholds(_Spec):
    satisfaction_min: Decimal = Field(default=Decimal(85), ge=0, le=100)  # percent
    # A level (完成率, 覆盖率 …) above this percentage is impossible unless it states a growth.
    rate_max: Decimal = Field(default=Decimal(100), gt=0)
    # A project 合计 at or above this (万元) is implausible for the jurisdiction: typed in 元?
    total_max: Decimal = Field(default=Decimal(100000), gt=0)
    # The smallest plausible project 合计 (万元): 25元 is a slip for 25万元, not a 25-yuan project.
    total_min: Decimal = Field(default=Decimal("0.1"), gt=0)
    # A 合计 this many times the median of the unit's other projects is implausible too.
    magnitude_ratio: Decimal = Field(default=Decimal(2000), gt=1)
    # A 数量 value shared with another unit's table counts as copied only from this length on.
    copied_value_min_chars: int = Field(default=8, gt=0)
    # Indicator sets shorter than this are not compared for near-copies (too little to tell).
    near_copy_min_rows: int = Field(default=5, gt=0)


SeverityName = Literal["error", "warning", "info"]


class Checks(_Spec):
    """What the checker reads from the template besides the taxonomy: severities and word lists."""

    # Per-rule severity overrides, e.g. {"text.too_long": "info"}; read as sorted (code, level) pairs.
    rule_severity: tuple[tuple[str, SeverityName], ...] = ()
    # A 指标值 that is only one of these (“无”, “/”, “不适用” …) is as good as empty.
    placeholder_words: tuple[str, ...] = ()
    # 三级 names for which “无” answers the question (安全事故 → 无) instead of holding a place.
    absence_words: tuple[str, ...] = ()
    # Periods a 时效指标 may name instead of a date (全年, 按月 …).
    time_words: tuple[str, ...] = ()
    # Words that make a percentage a change (增长率 150%) rather than a level capped at rate_max.
    growth_words: tuple[str, ...] = ()

    @field_validator("rule_severity", mode="before")
    @classmethod
    def _from_mapping(cls, value: object) -> object:
        if isinstance(value, dict):
            return tuple(sorted(value.items()))
        return value

    def severity_of(self, code: str) -> SeverityName | None:
        for rule, level in self.rule_severity:
            if rule == code:
                return level
        return None


class FormTemplate(_Spec):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    description: str = ""
    labels: Labels = Field(default_factory=Labels)
    funding_rows: tuple[FundingRowSpec, ...] = Field(min_length=1)
    columns: tuple[ColumnSpec, ...] = Field(min_length=2)
    taxonomy: tuple[Level1Spec, ...] = Field(min_length=1)
    required_groups: tuple[RequiredGroup, ...] = ()
    limits: Limits = Field(default_factory=Limits)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    # Words that make a target unmeasurable when nothing countable accompanies them.
    vague_words: tuple[str, ...] = ()
    number_format: str = "0.######"
    checks: Checks = Field(default_factory=Checks)
    # The typeface printed forms name (workbook cells); a machine without it substitutes one,
    # see docs/xlsx/README.md for the fallback.
    print_font: str = Field(default="宋体", min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> FormTemplate:
        seen: set[str] = set()
        for level1 in self.taxonomy:
            if level1.name in seen:
                raise ValueError(f"一级指标“{level1.name}”重复")
            seen.add(level1.name)
        level2_names: set[str] = set()
        for level1 in self.taxonomy:
            for level2 in level1.level2:
                if level2.name in level2_names:
                    raise ValueError(f"二级指标“{level2.name}”在多个一级指标下出现")
                level2_names.add(level2.name)
        for group in self.required_groups:
            unknown = [n for n in group.any_of if n not in level2_names]
            if unknown:
                raise ValueError(f"必填组引用了未定义的二级指标：{'、'.join(unknown)}")
        fields = [row.field for row in self.funding_rows]
        if len(set(fields)) != len(fields):
            raise ValueError("资金来源行重复")
        keys = [c.key for c in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError("列重复")
        for needed in ("name", "value"):
            if needed not in keys:
                raise ValueError(f"缺少必需的列：{needed}")
        rules = [rule for rule, _ in self.checks.rule_severity]
        if len(set(rules)) != len(rules):
            raise ValueError("规则级别重复")
        return self

    # -- lookups used by rules, editors and exports -------------------------------------------

    def funding_label(self, field: str, fiscal_year: int) -> str:
        for row in self.funding_rows:
            if row.field == field:
                return row.label.format(year=fiscal_year, prev_year=fiscal_year - 1)
        raise KeyError(field)

    def amount_header(self, fiscal_year: int) -> str:
        return self.labels.funding_amount.format(year=fiscal_year, prev_year=fiscal_year - 1)

    @property
    def level1_names(self) -> tuple[str, ...]:
        return tuple(level1.name for level1 in self.taxonomy)

    def level2_names(self, level1: str | None = None) -> tuple[str, ...]:
        return tuple(
            level2.name
            for spec in self.taxonomy
            if level1 is None or spec.name == level1
            for level2 in spec.level2
        )

    def level2_spec(self, level2: str) -> Level2Spec | None:
        return self._level2_index().get(level2)

    def parent_of(self, level2: str) -> str | None:
        """The 一级 a 二级 belongs under, or ``None`` when the template does not know it."""
        return self._parent_index().get(level2)

    def explanation_of(self, level2: str) -> str:
        spec = self.level2_spec(level2)
        return spec.explanation if spec else ""

    def kind_of(self, level2: str) -> Kind | None:
        spec = self.level2_spec(level2)
        return spec.kind if spec else None

    def qualitative_level2(self) -> tuple[str, ...]:
        """二级 whose targets may be qualitative (vague wording there is advice)."""
        return tuple(l2.name for l1 in self.taxonomy for l2 in l1.level2 if l2.qualitative)

    def required_level2(self) -> tuple[Level2Spec, ...]:
        return tuple(l2 for l1 in self.taxonomy for l2 in l1.level2 if l2.required)

    def _level2_index(self) -> dict[str, Level2Spec]:
        return _level2_index(self)

    def _parent_index(self) -> dict[str, str]:
        return _parent_index(self)


@cache
def _level2_index(template: FormTemplate) -> dict[str, Level2Spec]:
    return {l2.name: l2 for l1 in template.taxonomy for l2 in l1.level2}


@cache
def _parent_index(template: FormTemplate) -> dict[str, str]:
    return {l2.name: l1.name for l1 in template.taxonomy for l2 in l1.level2}


def templates_dir() -> Path:
    return resource_dir() / "templates"


def parse_template(text: str, source: str) -> FormTemplate:
    """Read a template from JSON text; `source` names the file in the error message."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(
            f"模板文件 {source} 不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）：{exc.msg}"
        ) from exc
    try:
        return FormTemplate.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "（顶层）"
        raise TemplateError(f"模板文件 {source} 有误：{where}：{first['msg']}") from exc


def load_template_file(path: Path) -> FormTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"无法读取模板文件 {path}：{exc}") from exc
    return parse_template(text, str(path))


@cache
def available_templates() -> dict[str, FormTemplate]:
    """Every template shipped in ``resources/templates``, validated, by id."""
    result: dict[str, FormTemplate] = {}
    for path in sorted(templates_dir().glob("*.json")):
        template = load_template_file(path)
        if template.id in result:
            raise TemplateError(f"模板编号“{template.id}”重复：{path}")
        result[template.id] = template
    if not result:
        raise TemplateError(f"在 {templates_dir()} 中找不到任何表样模板")
    return result


def load_template(template_id: str) -> FormTemplate:
    templates = available_templates()
    try:
        return templates[template_id]
    except KeyError:
        known = "、".join(sorted(templates))
        raise TemplateError(f"未知的表样模板“{template_id}”（可用：{known}）") from None

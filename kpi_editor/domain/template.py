"""Form templates held as data: labels, funding rows, the 一级 → 二级 taxonomy, limits.

A template is a JSON file in ``resources/templates/``. Nothing about a particular jurisdiction's
form is written in code: the rules, the exports and the editor all read it from here.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

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


# What a column holds, and so which editor it gets and which field of the row it is:
# level1/level2/name/value are the row's labels and its printed 指标值; comparator (指标性质),
# number (指标值 as a number, date or words) and unit (度量单位) are the parts of its target;
# weight (权重/分值), direction (指标方向性), basis (绩效标准), explanation (指标解释) and
# scoring (评分标准) are fields of their own; text is a free column kept in ``Indicator.extra``.
ColumnType = Literal[
    "level1",
    "level2",
    "name",
    "value",
    "comparator",
    "number",
    "unit",
    "weight",
    "direction",
    "basis",
    "explanation",
    "scoring",
    "text",
]
COLUMN_TYPES: tuple[str, ...] = get_args(ColumnType)
# The annual target, or the longer period some forms set beside it (长期, 中期, 实施期).
TargetSetKey = Literal["annual", "period"]
TARGET_TYPES = ("value", "comparator", "number", "unit")  # the columns that belong to a target set
STRUCTURED_TYPES = ("comparator", "number", "unit")


def column_key(kind: str, target: str = "annual") -> str:
    """The key of a typed column: its type (``comparator``), or ``period.<type>`` for the period set."""
    return kind if target == "annual" else f"{target}.{kind}"


class ColumnSpec(_Spec):
    # The column's key: its type for typed columns (``comparator``, ``period.value``), any other
    # name for a free ``text`` column (the key of ``Indicator.extra``). Older templates give only
    # the key; the type follows from it.
    key: str = Field(min_length=1)
    label: str = Field(min_length=1)
    width: float = Field(gt=0, description="relative width")
    type: ColumnType = "text"
    target: TargetSetKey = "annual"

    @model_validator(mode="before")
    @classmethod
    def _typed(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        kind, key, target = data.get("type"), data.get("key"), data.get("target", "annual")
        if kind is None and isinstance(key, str):
            base = key.removeprefix("period.")
            if base in COLUMN_TYPES and base != "text":
                kind, target = base, ("period" if key.startswith("period.") else "annual")
            else:
                kind = "text"
            data["type"], data["target"] = kind, target
        if isinstance(kind, str) and kind != "text" and kind in COLUMN_TYPES and isinstance(target, str):
            if target != "annual" and kind not in TARGET_TYPES:
                raise ValueError(f"target：“{kind}”列不属于目标组，不能指定 target“{target}”")
            canonical = column_key(kind, target)
            if key is None:
                data["key"] = canonical
            elif key != canonical:
                raise ValueError(f"key：{kind}列的 key 必须是“{canonical}”，不是“{key}”")
        elif kind == "text" and isinstance(key, str) and key.removeprefix("period.") in COLUMN_TYPES:
            raise ValueError(f"key：“{key}”是有类型的列，不能作为文字列的 key")
        return data


class TargetSetSpec(_Spec):
    """A set of targets the form asks for: the year's (always), and a longer period's."""

    key: TargetSetKey
    label: str = Field(min_length=1)  # 年度, 本年度, 长期, 中期, 实施期


class Currency(_Spec):
    """How the form prints money. The model keeps 万元 always; a 元 form shows and reads ×10000."""

    unit: Literal["万元", "元"] = "万元"
    # Decimals printed (a 元 form: 2); None prints each amount with the decimals entered.
    decimals: int | None = Field(default=None, ge=0, le=6)
    thousands: bool = False  # 3,309,840.00

    @model_validator(mode="after")
    def _fits(self) -> Currency:
        if self.unit == "元" and self.decimals is not None and self.decimals > 2:
            raise ValueError("currency.decimals：以元为单位最多2位小数（分）")
        return self


class KindSpec(_Spec):
    """What a 二级 kind's targets may be: the 指标性质 and 度量单位 its drop-downs offer."""

    comparators: tuple[Literal[">=", "<=", "=", ">", "<", "~"], ...] = ()
    units: tuple[str, ...] = ()
    # The unit must be one of `units` (时效 → 日期/天/月/年, 满意度 → %); else they are suggestions.
    strict: bool = False


class WeightRange(_Spec):
    name: str = Field(min_length=1)  # a 一级
    min: Decimal = Field(ge=0)
    max: Decimal = Field(ge=0)


class ReservedPoints(_Spec):
    label: str = Field(min_length=1)  # 预算执行率
    points: Decimal = Field(gt=0)


class WeightRule(_Spec):
    """How a form's 权重/分值 add up: a total (100, or 90 with 10 kept for 预算执行率), ranges per 一级."""

    total: Decimal = Field(gt=0)
    reserved: tuple[ReservedPoints, ...] = ()
    level1: tuple[WeightRange, ...] = ()
    required: bool = True  # every row carries a weight


class ProjectTextSpec(_Spec):
    """A text row of the table outside the indicator grid (年度目标, 财政部门审核意见)."""

    key: str = Field(min_length=1)
    label: str = Field(min_length=1)
    place: Literal["before_indicators", "after_indicators"] = "before_indicators"


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


DirectionKey = Literal["positive", "negative"]
DIRECTION_LABELS: dict[DirectionKey, str] = {"positive": "正向指标", "negative": "反向指标"}
BASIS_CHOICES = ("计划标准", "行业标准", "历史标准", "其他标准")


class FormTemplate(_Spec):
    id: str = Field(min_length=1)
    # The template's own version: a project file records the one it was written with.
    version: str = Field(default="1", min_length=1)
    # A digest of the file's content (everything but this key), filled in on load; a file that
    # states one must match it, so a form edited without a new version is caught.
    content_hash: str = ""
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
    # Structured forms: target sets, money, what each kind of 二级 may state, weights, text rows.
    target_sets: tuple[TargetSetSpec, ...] = (TargetSetSpec(key="annual", label="年度"),)
    currency: Currency = Field(default_factory=Currency)
    units: tuple[str, ...] = ()  # every 度量单位 the form's drop-down offers
    kinds: tuple[tuple[Kind, KindSpec], ...] = ()
    weights: WeightRule | None = None
    project_texts: tuple[ProjectTextSpec, ...] = ()
    direction_labels: tuple[tuple[DirectionKey, str], ...] = tuple(DIRECTION_LABELS.items())
    basis_choices: tuple[str, ...] = BASIS_CHOICES

    @field_validator("kinds", mode="before")
    @classmethod
    def _kinds(cls, value: object) -> object:
        if isinstance(value, dict):
            known = get_args(Kind)
            for key in value:
                if key not in known:
                    raise ValueError(f"kinds.{key}：未知的指标类别“{key}”（可用：{'、'.join(known)}）")
            return tuple(value.items())
        return value

    @field_validator("direction_labels", mode="before")
    @classmethod
    def _directions(cls, value: object) -> object:
        return tuple(value.items()) if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _structured(self) -> FormTemplate:
        sets = [s.key for s in self.target_sets]
        if sets.count("annual") != 1 or len(set(sets)) != len(sets):
            raise ValueError("target_sets：必须有且只有一个 annual（年度），period 至多一个")
        for column in self.columns:
            if column.target not in sets:
                raise ValueError(f"columns.{column.key}：表样没有“{column.target}”目标组（target_sets）")
        types = [c.type for c in self.columns]
        if self.weights is not None:
            if "weight" not in types:
                raise ValueError("weights：有权重规则的表样需要一个 weight（权重/分值）列")
            _check_weight_rule(self.weights, self.level1_names)
        keys = [t.key for t in self.project_texts]
        if len(set(keys)) != len(keys):
            raise ValueError("project_texts：key 重复")
        if len(dict(self.direction_labels)) != 2:
            raise ValueError("direction_labels：需要 positive 与 negative 两个名称")
        return self

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
        if "name" not in keys:
            raise ValueError("缺少必需的列：name")
        if "value" not in keys and "number" not in keys:
            raise ValueError("缺少必需的列：value（指标值）或 number（结构化的指标值）")
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

    # -- structured columns ------------------------------------------------------------------

    def column(self, key: str) -> ColumnSpec | None:
        return next((c for c in self.columns if c.key == key), None)

    @property
    def structured(self) -> bool:
        """Whether the annual target is printed in parts (指标性质 | 指标值 | 度量单位) rather than as text."""
        return any(c.type in STRUCTURED_TYPES and c.target == "annual" for c in self.columns)

    def period_structured(self) -> bool:
        return any(c.type in STRUCTURED_TYPES and c.target == "period" for c in self.columns)

    def target_set_label(self, key: str) -> str:
        return next((s.label for s in self.target_sets if s.key == key), key)

    @property
    def has_period(self) -> bool:
        return any(s.key == "period" for s in self.target_sets)

    def kind_spec(self, kind: str | None) -> KindSpec | None:
        specs: dict[str, KindSpec] = dict(self.kinds)
        return specs.get(kind) if kind else None

    def comparators_for(self, level2: str) -> tuple[str, ...]:
        """The 指标性质 a row of this 二级 may take: its kind's list (all when none), plus 定性
        where the template allows qualitative targets."""
        spec = self.kind_spec(self.kind_of(level2))
        found: tuple[str, ...] = spec.comparators if spec and spec.comparators else (">=", "<=", "=")
        level2_spec = self.level2_spec(level2)
        if level2_spec is not None and level2_spec.qualitative:
            found = (*found, "qualitative")
        return found

    def units_for(self, level2: str) -> tuple[tuple[str, ...], bool]:
        """The 度量单位 offered for a row of this 二级, and whether only those are allowed."""
        spec = self.kind_spec(self.kind_of(level2))
        if spec is not None and spec.units:
            return spec.units, spec.strict
        return self.units, False

    def direction_label(self, direction: str) -> str:
        labels: dict[str, str] = dict(self.direction_labels)
        return labels.get(direction, direction)

    def money_header(self) -> str:
        """元 or 万元, as the form prints its amounts."""
        return self.currency.unit

    def _level2_index(self) -> dict[str, Level2Spec]:
        return _level2_index(self)

    def _parent_index(self) -> dict[str, str]:
        return _parent_index(self)


def _check_weight_rule(rule: WeightRule, level1_names: tuple[str, ...]) -> None:
    """A weight rule that cannot hold is an error in the template, not a finding on every table."""
    seen: set[str] = set()
    for i, band in enumerate(rule.level1):
        where = f"weights.level1[{i}]"
        if band.name not in level1_names:
            raise ValueError(f"{where}.name：一级指标“{band.name}”不在本表样的 taxonomy 中")
        if band.name in seen:
            raise ValueError(f"{where}.name：一级指标“{band.name}”的分值范围重复")
        seen.add(band.name)
        if band.min > band.max:
            raise ValueError(f"{where}：最小分值 {band.min} 大于最大分值 {band.max}")
        if band.min > rule.total:
            raise ValueError(f"{where}.min：最小分值 {band.min} 超过总分 {rule.total}")
    low = sum((b.min for b in rule.level1), Decimal(0))
    if low > rule.total:
        raise ValueError(
            f"weights.level1：各一级指标的最小分值之和 {low} 超过总分 {rule.total}，规则无法满足"
        )
    if rule.level1 and seen == set(level1_names):
        high = sum((b.max for b in rule.level1), Decimal(0))
        if high < rule.total:
            raise ValueError(
                f"weights.level1：各一级指标的最大分值之和 {high} 不到总分 {rule.total}，规则无法满足"
            )


@cache
def _level2_index(template: FormTemplate) -> dict[str, Level2Spec]:
    return {l2.name: l2 for l1 in template.taxonomy for l2 in l1.level2}


@cache
def _parent_index(template: FormTemplate) -> dict[str, str]:
    return {l2.name: l1.name for l1 in template.taxonomy for l2 in l1.level2}


def templates_dir() -> Path:
    return resource_dir() / "templates"


def content_digest(data: dict[str, Any]) -> str:
    """The content hash of a template file's data: SHA-256 of its canonical JSON without
    ``content_hash``, so key order and layout of the file do not matter."""
    canonical = {k: v for k, v in data.items() if k != "content_hash"}
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_template(text: str, source: str) -> FormTemplate:
    """Read a template from JSON text; `source` names the file in the error message."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(
            f"模板文件 {source} 不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）：{exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise TemplateError(f"模板文件 {source} 有误：（顶层）：应是一个 JSON 对象")
    try:
        digest = content_digest(data)
    except UnicodeEncodeError:
        # A \ud800-style escape decodes to half a character that no text can hold.
        raise TemplateError(
            f"模板文件 {source} 有误：含有无效的字符（不成对的 \\uD800–\\uDFFF 转义）"
        ) from None
    stated = data.get("content_hash")
    if stated is not None and stated != digest:
        raise TemplateError(
            f"模板文件 {source} 有误：content_hash：内容与记录的 {stated} 不符（实为 {digest}）；"
            "修改表样后请提高 version 并更新 content_hash"
        )
    try:
        return FormTemplate.model_validate({**data, "content_hash": digest})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = _explain(first)
        if not where or message.startswith(where):
            # A check across keys names its key at the start of its own message.
            raise TemplateError(f"模板文件 {source} 有误：{message}") from exc
        raise TemplateError(f"模板文件 {source} 有误：{where}：{message}") from exc


def _explain(error: Any) -> str:
    """pydantic's English for the errors a template author meets most, in Chinese."""
    kind = error["type"]
    shown = repr(error.get("input"))[:40]
    if kind == "missing":
        return "缺少必填项"
    if kind == "extra_forbidden":
        return "无法识别的键（拼写错误？）"
    if kind in ("literal_error", "enum"):
        expected = (error.get("ctx") or {}).get("expected", "")
        return f"取值 {shown} 无效（可选：{expected}）"
    if kind == "string_too_short":
        return "不能为空"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"类型不对：{shown}"
    return str(error["msg"]).removeprefix("Value error, ")


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


def version_note(recorded: str | None, template: FormTemplate) -> str | None:
    """What to tell the user when a file was written with another version of its template."""
    if recorded is None or recorded == template.version:
        return None
    return (
        f"此文件按表样“{template.name}”的版本 {recorded} 填写，本程序带的是版本 {template.version}："
        "本版本没有的列只读保留，不会改动，也不会对应到其他列。"
    )


def load_template(template_id: str) -> FormTemplate:
    templates = available_templates()
    try:
        return templates[template_id]
    except KeyError:
        known = "、".join(sorted(templates))
        raise TemplateError(f"未知的表样模板“{template_id}”（可用：{known}）") from None

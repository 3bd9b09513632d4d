"""What the rules share: findings, the one registry of rule codes, and the per-project context.

Every rule code is declared once, in `RULES` below, with its severity and Chinese title. The
category modules (funding, structure, cost, time, value, previous, satisfaction, text, unit, and
target for the structured columns: 权重, 度量单位, 指标性质) report
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

from kpi_editor.domain.edits import Edit
from kpi_editor.domain.fingerprint import canonical_amount
from kpi_editor.domain.model import Booklet, Department, Indicator, Project
from kpi_editor.domain.template import FormTemplate, Kind, RequiredGroup, TemplateError


class Severity(StrEnum):
    """Three levels. Errors and warnings are what the checker counts (the exit status of
    ``kpi validate``, the status bar, the check before export); advice is shown on request.
    The member names stay ERROR/WARNING/INFO; INFO is the advice level (建议)."""

    ERROR = "error"  # 错误: blocks a clean submission
    WARNING = "warning"  # 警告: a reviewer would ask
    INFO = "info"  # 建议: writing advice, e.g. vague wording where qualitative targets are allowed

    @property
    def label(self) -> str:
        """错误 / 警告 / 建议, as every view names the level."""
        return SEVERITY_LABELS[self]

    @property
    def counted(self) -> bool:
        """Whether findings of this level count as problems (errors and warnings; not advice)."""
        return self is not Severity.INFO


SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: "错误",
    Severity.WARNING: "警告",
    Severity.INFO: "建议",
}

Scope = Literal["project", "booklet"]


@dataclass(frozen=True, slots=True)
class QuickFix:
    """A correction the checker is sure of: what the button says, and the edits it makes.

    Edit paths are relative to the finding's project (``()`` the project, ``(i,)`` its row i;
    fields as in `kpi_editor.domain.edits`, e.g. ``funding.fiscal``), or, for a finding about no
    project, paths into the booklet. `kpi_editor.domain.fixes.fix_plan` turns them into an
    `EditPlan` on the booklet.
    """

    label: str  # e.g. 把财政拨款改为38万元
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # e.g. "funding.total_mismatch"
    severity: Severity
    message: str  # Chinese: what is wrong, where, how to fix it
    department: str | None  # department code
    project_id: str | None
    project_name: str | None
    indicator: int | None  # 0-based index into project.indicators
    # The cell most likely wrong: a funding field name, "level1"/"level2"/"name"/"value" of the
    # indicator row, "name"/"unit_name" of the project, "code"/"name" of the department, or
    # "heading"/"body" of the 编制说明 section `section`.
    field: str | None
    # The working, for findings about numbers and years: what the cell holds, what it should
    # hold, and the sum or comparison that shows it ("财政拨款 40 ≠ 5＋30＋3 ＝ 38").
    actual: str | None = None
    expected: str | None = None
    working: str | None = None
    fix: QuickFix | None = None  # present only when the correction is certain
    section: int | None = None  # 0-based 编制说明 section, for front-matter findings

    @property
    def counted(self) -> bool:
        """An error or a warning (what the checker counts); False for advice."""
        return self.severity.counted


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    severity: Severity
    title: str
    # "project" rules need nothing but the project (and its department); "booklet" rules compare
    # projects or departments with each other.
    scope: Scope = "project"
    # Rules this one explains away: when it fires, their findings on the same project (or, for a
    # finding about a department, on that department's projects) are dropped as consequences.
    supersedes: tuple[str, ...] = ()
    # Its findings carry a `QuickFix` where the correction is certain (not every finding does).
    fixable: bool = False

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

# The one place where rules are registered. A template may override a rule's level
# (``checks.rule_severity``); `TemplateIndex.severity` holds the levels in force.
RULES = RuleRegistry(
    [
        RuleInfo("funding.missing_total", _E, "资金合计为空"),
        RuleInfo("funding.negative", _E, "资金金额为负数"),
        RuleInfo("funding.all_zero", _E, "资金来源全部为0"),
        RuleInfo("funding.total_mismatch", _E, "合计不等于财政拨款与非财政拨款之和", fixable=True),
        RuleInfo(
            "funding.fiscal_mismatch", _E, "财政拨款不等于上级补助、本级安排与结转资金之和", fixable=True
        ),
        RuleInfo(
            "funding.in_yuan",
            _E,
            "资金来源按元填写（应为万元）",
            supersedes=("funding.implausible", "funding.magnitude", "cost.short_of_total"),
            fixable=True,
        ),
        RuleInfo("funding.implausible", _W, "合计超出合理规模"),
        RuleInfo("funding.magnitude", _W, "合计与本单位其他项目相差悬殊", "booklet"),
        RuleInfo("structure.missing_label", _E, "一级或二级指标为空"),
        RuleInfo("structure.unknown_label", _E, "表样中没有的指标名称"),
        RuleInfo("structure.wrong_level1", _E, "二级指标放在了错误的一级指标下", fixable=True),
        RuleInfo("structure.missing_level2", _E, "缺少必填的二级指标"),
        RuleInfo("structure.missing_group", _E, "缺少必填的一组指标（如效益指标）"),
        RuleInfo("structure.nonstandard_label", _W, "指标名称写法不规范", fixable=True),
        RuleInfo("structure.split_group", _W, "同一二级指标分成了几段"),
        RuleInfo("structure.order", _I, "二级指标顺序与表样不同"),
        RuleInfo("time.wrong_year", _E, "时效指标写的不是预算年度", fixable=True),
        RuleInfo("time.stale_year", _W, "其他指标中残留上年的时间", fixable=True),
        RuleInfo("cost.over_total", _E, "成本指标金额超过资金合计"),
        RuleInfo(
            "cost.unit_slip",
            _E,
            "成本指标金额单位写错（元与万元）",
            supersedes=("cost.short_of_total",),
            fixable=True,
        ),
        RuleInfo("cost.short_of_total", _W, "成本指标金额少于资金合计"),
        RuleInfo(
            "cost.copied_amount",
            _W,
            "成本指标金额像是从另一项目复制",
            "booklet",
            supersedes=("cost.short_of_total",),
        ),
        RuleInfo("cost.floor", _W, "成本指标写成了下限", fixable=True),
        RuleInfo("cost.no_amount", _W, "成本指标没有写金额"),
        RuleInfo("cost.bare_number", _W, "成本指标金额没有单位", fixable=True),
        RuleInfo("value.empty", _E, "三级指标或指标值为空"),
        RuleInfo("value.placeholder", _E, "必填指标只写了占位符"),
        RuleInfo("value.not_applicable", _W, "可选指标写了“不适用”", fixable=True),
        RuleInfo("value.duplicate_row", _E, "同一指标行重复", fixable=True),
        RuleInfo("value.contradictory", _E, "同一三级指标的目标互相矛盾"),
        RuleInfo("value.name_is_project", _E, "三级指标都写成了项目名称"),
        RuleInfo("value.rate_over_100", _E, "比率超过100%"),
        RuleInfo("value.repeats_name", _W, "指标值照抄了三级指标"),
        RuleInfo("value.unmeasurable", _W, "指标值无法衡量"),
        RuleInfo("value.vague", _I, "指标值是描述性文字"),
        RuleInfo("value.copied_set", _W, "整套指标与另一项目完全相同", "booklet"),
        RuleInfo("value.near_copy", _W, "整套指标与另一项目只差成本金额", "booklet"),
        RuleInfo("value.copied_quantity", _W, "数量指标值与其他单位的表相同", "booklet"),
        RuleInfo("value.below_previous", _W, "目标低于上年指标值"),
        RuleInfo("satisfaction.not_percent", _W, "满意度指标值不是百分比"),
        RuleInfo("satisfaction.below_threshold", _W, "满意度目标低于规定标准"),
        RuleInfo("text.missing_project_name", _E, "项目名称为空"),
        RuleInfo("text.too_long", _W, "文字超过表样限制"),
        RuleInfo("text.markup", _W, "单元格中残留排版代码"),
        RuleInfo("text.stray_space", _I, "汉字之间有多余空格", fixable=True),
        RuleInfo("text.name_hint", _W, "三级指标名称中留有表样的填写提示", fixable=True),
        RuleInfo("weight.missing", _W, "指标没有填写权重（分值）"),
        RuleInfo("weight.total", _E, "权重合计不符合表样的规则"),
        RuleInfo("weight.level1", _W, "一级指标的权重超出表样规定的范围"),
        RuleInfo("target.unit_kind", _W, "度量单位与二级指标的类别不符"),
        RuleInfo("target.qualitative", _W, "表样不允许定性的指标写成了定性"),
        RuleInfo("target.direction", _W, "反向指标的指标性质是≥"),
        RuleInfo("unit.code_format", _E, "单位编码不是6位数字", "booklet"),
        RuleInfo("unit.code_duplicate", _E, "单位编码重复", "booklet"),
        RuleInfo("unit.missing_name", _E, "项目表未填部门（单位）", fixable=True),
        RuleInfo("unit.name_mismatch", _W, "单位名称与单位名单不一致"),
        RuleInfo(
            "unit.other_unit",
            _E,
            "项目表写的是单位名单中的另一个单位",
            "booklet",
            supersedes=("unit.name_mismatch",),
        ),
        RuleInfo("unit.project_name_duplicate", _W, "同一单位的项目名称重复", "booklet"),
        RuleInfo(
            "booklet.preface_count", _W, "编制说明中的单位数或项目数与汇编不符", "booklet", fixable=True
        ),
        RuleInfo(
            "booklet.toc_name",
            _W,
            "目录中的单位名称与表上的不同",
            "booklet",
            supersedes=("unit.name_mismatch",),
        ),
        RuleInfo("booklet.empty_unit", _W, "单位没有项目表", "booklet"),
        RuleInfo(
            "booklet.duplicate_project",
            _W,
            "同一项目编入了两个单位",
            "booklet",
            supersedes=("value.copied_set", "value.near_copy"),
        ),
    ]
)


def drop_superseded(findings: list[Finding]) -> list[Finding]:
    """`findings` without those a finding of a superseding rule explains (see `RuleInfo.supersedes`)."""
    by_project: set[tuple[str, str]] = set()
    by_department: set[tuple[str, str]] = set()
    for finding in findings:
        superseded = RULES[finding.rule].supersedes
        if not superseded:
            continue
        for code in superseded:
            if finding.project_id is not None:
                by_project.add((finding.project_id, code))
            elif finding.department is not None:
                by_department.add((finding.department, code))
    if not by_project and not by_department:
        return findings
    return [
        f
        for f in findings
        if (f.project_id is None or (f.project_id, f.rule) not in by_project)
        and (f.department is None or (f.department, f.rule) not in by_department)
    ]


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
    severity: dict[str, Severity]  # rule code → the level in force for this template
    qualitative: frozenset[str]  # 二级 whose targets may be qualitative
    required_set: frozenset[str]
    placeholder_words: frozenset[str]
    placeholder_max: int  # the longest placeholder word, to skip longer cells at once
    absence_words: tuple[str, ...]
    time_words: tuple[str, ...]
    growth_words: tuple[str, ...]
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
        severity=_severities(template),
        qualitative=frozenset(template.qualitative_level2()),
        required_set=frozenset(spec.name for spec in template.required_level2()),
        placeholder_words=frozenset("".join(w.split()) for w in template.checks.placeholder_words),
        placeholder_max=max((len("".join(w.split())) for w in template.checks.placeholder_words), default=0)
        + 1,
        absence_words=template.checks.absence_words,
        time_words=template.checks.time_words,
        growth_words=template.checks.growth_words,
    )


def _severities(template: FormTemplate) -> dict[str, Severity]:
    levels = {rule.code: rule.severity for rule in RULES}
    for code, level in template.checks.rule_severity:
        if code not in levels:
            raise TemplateError(f"表样模板“{template.id}”的规则级别中有未知的规则“{code}”")
        levels[code] = Severity(level)
    return levels


def severity_in(template: FormTemplate, code: str) -> Severity:
    """The level of rule `code` under `template` (its override, or the registry's default)."""
    return _severities(template)[code]


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


@dataclass(frozen=True, slots=True)
class CostSum:
    """What a project's cost rows commit to, as the cost check read them."""

    rows: tuple[tuple[Row, Decimal], ...]  # the rows that count, with their amounts in 万元
    committed: Decimal


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
    # Set by the cost check when the cost rows name amounts and 合计 is filled in; booklet checks read it.
    cost: CostSum | None = None

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
        self,
        code: str,
        message: str,
        *,
        indicator: int | None = None,
        field: str | None = None,
        actual: str | None = None,
        expected: str | None = None,
        working: str | None = None,
        fix: QuickFix | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                rule=code,
                severity=self.index.severity[code],
                message=message,
                department=self.department_code,
                project_id=self.project.id,
                project_name=self.project.name,
                indicator=indicator,
                field=field,
                actual=actual,
                expected=expected,
                working=working,
                fix=fix,
            )
        )


@dataclass(slots=True)
class BookletContext:
    booklet: Booklet
    index: TemplateIndex
    # Every project's context, in booklet order, after the project checks ran on it.
    projects: list[ProjectContext] = field(default_factory=list)
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
        actual: str | None = None,
        expected: str | None = None,
        working: str | None = None,
        fix: QuickFix | None = None,
        section: int | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                rule=code,
                severity=self.index.severity[code],
                message=message,
                department=department,
                project_id=project.id if project else None,
                project_name=project.name if project else None,
                indicator=indicator,
                field=field,
                actual=actual,
                expected=expected,
                working=working,
                fix=fix,
                section=section,
            )
        )

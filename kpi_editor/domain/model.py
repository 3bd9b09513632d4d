"""The document: a booklet of departments, their projects, funding and indicator rows.

Plain pydantic models with no Qt and no file format. Money is `Decimal` in 万元, kept exactly as
entered (``Decimal("25.0")`` stays ``25.0``), so a saved file prints what the clerk typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The bounds live in domain/bounds.py; re-exported here where importers have always found them.
from kpi_editor.domain.bounds import MAX_AMOUNT as MAX_AMOUNT
from kpi_editor.domain.bounds import MAX_DECIMALS as MAX_DECIMALS
from kpi_editor.domain.bounds import check_amount, check_number
from kpi_editor.domain.review import ProjectReview, ReviewStatus, SubmissionRecord


def _check_amount(value: Decimal | None) -> Decimal | None:
    return None if value is None else check_amount(value)


Amount = Annotated[Decimal, Field(description="万元")]


def new_id() -> str:
    """A short random id for a project created by hand."""
    return uuid.uuid4().hex[:12]


# One set of every field name per model class, shared by all its instances (see _Model).
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


class _Model(BaseModel):
    # Unknown keys in a file are an error, not silently dropped data.
    model_config = ConfigDict(extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # pydantic keeps, per instance, the set of the fields its input named (for exclude_unset,
        # which this program never uses): a few hundred bytes a row, 300 MB of a 100× booklet.
        # Every instance shares its class's set of all field names instead. pydantic adds a name
        # to the set on assignment; every name is already there, so the shared set never changes.
        shared = _ALL_FIELDS.get(type(self))
        if shared is None:
            shared = _ALL_FIELDS.setdefault(type(self), set(type(self).model_fields))
        object.__setattr__(self, "__pydantic_fields_set__", shared)


FUNDING_FIELDS: tuple[str, ...] = ("total", "fiscal", "superior", "local", "carryover", "non_fiscal")


class Funding(_Model):
    """项目资金来源, all in 万元; ``None`` when the table leaves the row out."""

    total: Amount | None = None  # 合计
    fiscal: Amount | None = None  # 财政拨款
    superior: Amount | None = None  # 其中：上级补助
    local: Amount | None = None  # 本级安排
    carryover: Amount | None = None  # 上年结转资金
    non_fiscal: Amount | None = None  # 非财政拨款

    _amounts = field_validator(*FUNDING_FIELDS)(_check_amount)

    def get(self, field: str) -> Decimal | None:
        value: Decimal | None = getattr(self, field)
        return value

    # The funding arithmetic of the form: 财政拨款 = 上级补助 + 本级安排 + 结转资金, and
    # 合计 = 财政拨款 + 非财政拨款. Rows the table leaves out (None) are not zeros.

    def fiscal_from_parts(self) -> Decimal | None:
        """上级补助 + 本级安排 + 结转资金, or None when none of the three is filled in."""
        parts = [v for v in (self.superior, self.local, self.carryover) if v is not None]
        return sum(parts, Decimal(0)) if parts else None

    def total_from_parts(self, fiscal: Decimal | None = None) -> Decimal | None:
        """财政拨款 (or `fiscal`) + 非财政拨款, or None when neither is filled in."""
        fiscal = self.fiscal if fiscal is None else fiscal
        parts = [v for v in (fiscal, self.non_fiscal) if v is not None]
        return sum(parts, Decimal(0)) if parts else None

    def filled_totals(self) -> dict[str, Decimal]:
        """财政拨款 and 合计 computed from their parts: what 由分项计算 writes (unchanged ones left out)."""
        fiscal = self.fiscal_from_parts()
        if fiscal is None:
            fiscal = self.fiscal
        total = self.total_from_parts(fiscal)
        result: dict[str, Decimal] = {}
        if fiscal is not None and fiscal != self.fiscal:
            result["fiscal"] = fiscal
        if total is not None and total != self.total:
            result["total"] = total
        return result


Comparator = Literal[">=", "<=", "=", ">", "<", "~"]
# 指标性质 as forms print it: a comparator, or 定性 for a target stated in words.
Nature = Literal[">=", "<=", "=", ">", "<", "~", "qualitative"]
Direction = Literal["positive", "negative"]  # 指标方向性: 正向指标 / 反向指标


def _blank_is_none(value: object) -> object:
    # An emptied cell is absent, not "", so a file that never used the field saves as before.
    return None if isinstance(value, str) and not value.strip() else value


def _check_weight(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    if not value.is_finite() or value < 0 or value > 1000:
        raise ValueError("权重（分值）必须是0到1000之间的数")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError("权重（分值）最多保留2位小数")
    return value


class Target(_Model):
    """A structured reading of an indicator value: 指标性质, 指标值 (a number, a date or words), 度量单位.

    Forms with 指标性质/度量单位 columns fill it directly; otherwise it stays ``None`` and the
    rules parse the printed text on demand. The printed text (`Indicator.value`) is kept beside
    it and never replaced by it (see `kpi_editor.domain.targets`).
    """

    comparator: Nature | None = None
    number: Decimal | None = None
    unit: str = ""
    date: dt.date | None = None  # a deadline (时效: ≤ 2026-12-31)
    text: str | None = None  # a target in words (定性), or a 指标值 that is not a number

    _blank = field_validator("text", mode="before")(_blank_is_none)

    @field_validator("number")
    @classmethod
    def _bounded(cls, value: Decimal | None) -> Decimal | None:
        return None if value is None else check_number(value)


class PeriodTarget(_Model):
    """The 指标值 for the longer period a form sets beside the year (长期, 中期 or 实施期)."""

    value: str = ""
    target: Target | None = None


class Indicator(_Model):
    """One row of the 总体绩效目标 block."""

    level1: str = ""  # 一级指标
    level2: str = ""  # 二级指标
    name: str = ""  # 三级指标
    value: str = ""  # 指标值（包含数字及文字描述）, as printed
    target: Target | None = None
    # Extra columns some forms add (权重, 指标方向性 …), keyed by the template's column key.
    extra: dict[str, str] = Field(default_factory=dict)
    # 上年指标值: the value this row had in last year's table, recorded by the rollover (next
    # year's booklet from this year's) as the reference the clerk and the rules compare with;
    # None (not saved) for a row that was not carried over.
    previous_value: str | None = None
    # The structured columns of forms that have them (None, not saved, where a form has none).
    weight: Decimal | None = None  # 权重 / 分值, in points
    direction: Direction | None = None  # 指标方向性
    basis: str | None = None  # 绩效标准 (取值依据: 计划标准, 行业标准 …)
    explanation: str | None = None  # 指标解释
    scoring: str | None = None  # 评分标准
    period: PeriodTarget | None = None  # 长期/中期/实施期 target beside the annual one

    _blanks = field_validator("weight", "direction", "basis", "explanation", "scoring", mode="before")(
        _blank_is_none
    )
    _weight = field_validator("weight")(_check_weight)


class Project(_Model):
    id: str = Field(default_factory=new_id, min_length=1)
    name: str = ""  # 项目名称
    unit_name: str = ""  # 部门（单位） as printed on the table
    funding: Funding = Field(default_factory=Funding)
    indicators: list[Indicator] = Field(default_factory=list)
    # Reviewer's status and comments; None (not saved) until a reviewer touches the project.
    review: ProjectReview | None = None
    # 上年资金来源: last year's amounts, recorded by the rollover; None (not saved) otherwise. An
    # amount still equal to last year's is shown as carried over (see domain/rollover.py).
    previous_funding: Funding | None = None
    # Text rows some forms add to a table (年度目标, 实施期绩效目标, 财政部门审核意见), keyed by the
    # template's ``project_texts`` keys; None (not saved) when the form has none.
    texts: dict[str, str] | None = None

    @property
    def review_status(self) -> ReviewStatus:
        """The reviewer's status; 未审核 for a project nobody has reviewed."""
        return self.review.status if self.review is not None else ReviewStatus.PENDING


class Department(_Model):
    code: str  # six digits: 3-digit department + 3-digit unit serial, e.g. 116002
    name: str = ""
    projects: list[Project] = Field(default_factory=list)

    def total(self) -> Decimal:
        """Σ合计 of the department's projects, exact (an empty 合计 counts as 0)."""
        return sum((p.funding.total or Decimal(0) for p in self.projects), Decimal(0))


class PrefaceSection(_Model):
    heading: str = ""  # e.g. 一、编制依据
    body: str = ""  # paragraphs separated by newlines


class Booklet(_Model):
    fiscal_year: int = Field(ge=1990, le=2200)
    template_id: str = "xiqu-2026"
    title: str = ""
    compiler: str = ""  # 编制单位, e.g. 攀枝花市西区财政局编制
    date: str = ""  # as printed on the cover, e.g. 2026年3月
    preface_title: str = ""
    preface: list[PrefaceSection] = Field(default_factory=list)
    departments: list[Department] = Field(default_factory=list)
    # The bureau's log of unit files merged into this booklet; None (not saved) until the first.
    submissions: list[SubmissionRecord] | None = None
    # The version of the template the booklet was created or converted with; None in older files.
    template_version: str | None = None

    def projects(self) -> Iterator[tuple[Department, Project]]:
        for department in self.departments:
            for project in department.projects:
                yield department, project

    def find_project(self, project_id: str) -> tuple[Department, Project] | None:
        for department, project in self.projects():
            if project.id == project_id:
                return department, project
        return None

    def department(self, code: str) -> Department | None:
        for department in self.departments:
            if department.code == code:
                return department
        return None

    @property
    def project_count(self) -> int:
        return sum(len(d.projects) for d in self.departments)

    @property
    def indicator_count(self) -> int:
        return sum(len(p.indicators) for _, p in self.projects())

    def total(self) -> Decimal:
        """Σ合计 of all projects, exact."""
        return sum((d.total() for d in self.departments), Decimal(0))

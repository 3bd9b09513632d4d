"""The indicator library: rows other clerks wrote, normalised, and the hand-written 共性指标.

A library row is one 三级指标 as it can be reused: its 一级/二级, the name, the typical 指标值 as a
pattern (years as the fiscal-year placeholder ``{年}``/``{年-1}``, numbers as slots ``{数}``), an
example with the numbers clerks used, the comparator and unit, an explanation (指标解释), the
project types it fits, where it was seen and how often. Libraries are built from booklets
(`build_library`), written by hand (the 共性 set shipped in ``resources/library/``), merged
(`merge_libraries`) and fitted to a form template (`adapt_library`). Reading and writing library
files is `kpi_editor.io.libraryfile`; suggesting from a library is `kpi_editor.domain.suggest`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kpi_editor.domain.amounts import is_measurable, normalise, parse_target
from kpi_editor.domain.model import Booklet, Comparator
from kpi_editor.domain.template import FormTemplate

LIBRARY_KIND = "kpi-indicator-library"
NUMBER = "{数}"  # a number the clerk fills in
SLOT = "□"  # how an unfilled number shows in a cell (the value rule points it out)
# Hostile files must not blow up memory or the one-line messages; real cells are far shorter.
TEXT_MAX = 500


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Text = Field(default="", max_length=TEXT_MAX)


class ProjectTypeSpec(_Spec):
    """A kind of project (会议, 培训 …) and the words in a project name that mark it."""

    name: str = Field(min_length=1, max_length=20)  # 会议
    label: str = Field(min_length=1, max_length=40)  # 会议类
    keywords: tuple[str, ...] = Field(min_length=1)


class LibraryProject(_Spec):
    """A project rows were taken from: 西区2026 · 114001 · 低保工作经费."""

    label: str = Field(default="", max_length=60)  # the booklet: jurisdiction and fiscal year
    code: str = Field(default="", max_length=20)  # unit code
    unit: str = Field(default="", max_length=TEXT_MAX)
    name: str = Field(default="", max_length=TEXT_MAX)
    fiscal_year: int | None = Field(default=None, ge=1990, le=2200)

    def describe(self) -> str:
        return " · ".join(part for part in (self.label, self.code, self.name) if part)


class LibraryRow(_Spec):
    level1: str = Field(default="", max_length=40)
    level2: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=TEXT_MAX)  # years as {年}
    value: str = Text  # pattern: years as {年}, numbers as {数}; "" when no measurable value was seen
    example: str = Text  # the typical value with its numbers, years as {年}
    comparator: Comparator | None = None
    unit: str = Field(default="", max_length=20)
    explanation: str = Text  # 指标解释: 反映……情况
    project_types: tuple[str, ...] = Field(default=(), max_length=20)  # names of ProjectTypeSpec
    sources: tuple[int, ...] = Field(default=(), max_length=1_000_000)  # indexes into Library.projects
    seen: int = Field(default=0, ge=0)  # projects that used it; 0 for a hand-written 共性 row


class Library(_Spec):
    """A set of reusable rows. ``template_id`` None: written for any template (the 共性 set)."""

    name: str = Field(default="", max_length=100)
    template_id: str | None = Field(default=None, max_length=60)
    level2_notes: dict[str, str] = Field(default_factory=dict)  # 二级 → what it measures
    project_types: tuple[ProjectTypeSpec, ...] = ()
    projects: tuple[LibraryProject, ...] = ()
    rows: tuple[LibraryRow, ...] = ()

    @model_validator(mode="after")
    def _sources_exist(self) -> Library:
        count = len(self.projects)
        for number, row in enumerate(self.rows):
            if any(not 0 <= s < count for s in row.sources):
                raise ValueError(f"第{number + 1}条指标的来源项目编号超出范围（共{count}个项目）")
        for name, note in self.level2_notes.items():
            if len(name) > 40 or len(note) > TEXT_MAX:
                raise ValueError("二级指标说明过长")
        return self


# -- text normalisation ---------------------------------------------------------------------------

_CJK = "\u4e00-\u9fff"
_STRAY_SPACE_RE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES_RE = re.compile(r"\s+")
# A year: 19xx–21xx followed by 年 (or 统筹年度 …), by a range to another year (2025-2027年), or by a
# date (2026.12.31).
_YEAR_RE = re.compile(
    rf"(?<!\d)(?:19|20|21)\d{{2}}(?=年|[{_CJK}]{{1,4}}年度|[-—~至到](?:19|20|21)\d{{2}}年|[./-]\d{{1,2}}[./-]\d{{1,2}})"
)
_TOKEN_RE = re.compile(r"\{年([+-]\d)?\}|\{数\}")
# What number slots leave alone: placeholders with the rest of a date ({年}.12.31), far years (1949年).
_KEEP_RE = re.compile(r"\{年(?:[+-]\d)?\}(?:[./-]\d{1,2}[./-]\d{1,2})?|\{数\}|(?<!\d)(?:19|20|21)\d{2}(?=年)")
# Months and days stay as written (12月31日前, 1-12月); every other number becomes a slot.
_NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DATE_AFTER_RE = re.compile(r"\s*(?:[-—~至到]\s*\d{1,2}\s*)?[月日号]")
_KEY_DROP_RE = re.compile(r"[\s，。、,.:：;；()（）\[\]【】“”\"'‘’《》<>〈〉\-—_/\\·…!！?？]+")


def clean_text(text: str) -> str:
    """Cell text as a library keeps it: LaTeX and symbol variants plain, no stray spaces.

    `normalise` drops braces (LaTeX groups), so clerk text can never be taken for a placeholder.
    """
    plain = normalise(text)[0]
    plain = _STRAY_SPACE_RE.sub("", plain)
    return _SPACES_RE.sub(" ", plain).strip()


def with_year_tokens(text: str, fiscal_year: int) -> str:
    """Years near the fiscal year as placeholders: 2026年 → {年}年, 2025年 → {年-1}年 (for 2026)."""

    def token(match: re.Match[str]) -> str:
        offset = int(match.group()) - fiscal_year
        if offset == 0:
            return "{年}"
        if -9 <= offset <= 9:
            return f"{{年{offset:+d}}}"
        return match.group()

    return _YEAR_RE.sub(token, text)


def number_slots(text: str) -> str:
    """Numbers as ``{数}`` slots, keeping year placeholders, months and days (12月31日前, 1-12月)."""
    pieces: list[str] = []
    pos = 0
    for token in _KEEP_RE.finditer(text):
        pieces.append(_slots(text[pos : token.start()]))
        pieces.append(token.group())
        pos = token.end()
    pieces.append(_slots(text[pos:]))
    return "".join(pieces)


def _slots(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _NUMBER_RE.finditer(text):
        if _DATE_AFTER_RE.match(text, match.end()):
            continue
        out.append(text[pos : match.start()])
        out.append(NUMBER)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def render(pattern: str, fiscal_year: int, slot: str = SLOT) -> str:
    """A pattern as a clerk sees it for `fiscal_year`: {年} → 2026, {数} → `slot`."""

    def fill(match: re.Match[str]) -> str:
        if match.group() == NUMBER:
            return slot
        return str(fiscal_year + int(match.group(1) or 0))

    return _TOKEN_RE.sub(fill, pattern)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """What makes two 三级 names the same row: case, spaces and punctuation do not count."""
    return _KEY_DROP_RE.sub("", name).lower()


def canonical_level2(label: str, template: FormTemplate) -> str | None:
    """The template's 二级 a printed label means (经济效益 → 经济效益指标), or None."""
    names = template.level2_names()
    compact = "".join(label.split())
    for candidate in (compact, compact + "指标", compact.removesuffix("指标") + "指标"):
        if candidate in names:
            return candidate
    # 经济成本指标 → 成本指标: a template name inside the label, the longest one.
    inside = [n for n in names if n.removesuffix("指标") in compact]
    if inside:
        return max(inside, key=len)
    # 可持续发展指标 → 可持续影响指标: the longest shared start wins.
    best, best_len = None, 0
    for name in names:
        shared = len(_common_prefix(compact, name))
        if shared > best_len:
            best, best_len = name, shared
    return best if best_len >= 3 else None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def project_types_of(name: str, types: Sequence[ProjectTypeSpec]) -> tuple[str, ...]:
    """The types a project name marks (低保工作经费 → 补助补贴), in the library's order."""
    return tuple(spec.name for spec in types if any(word in name for word in spec.keywords))


def booklet_label(booklet: Booklet) -> str:
    """A short name for where rows came from: 攀枝花市西区财政局编制, 2026 → 西区2026."""
    place = booklet.compiler or booklet.title
    place = re.split(r"财政局|财政厅|财政部|人民政府", place)[0] if place else ""
    # The last county-level name: 攀枝花市西区 → 西区, 四川省成都市武侯区 → 武侯区.
    parts = re.findall(rf"[{_CJK}]+?(?:省|自治区|市|自治州|州|区|县|旗|盟)", place)
    short = parts[-1] if parts else place[:8]
    return f"{short}{booklet.fiscal_year}"


# -- building -------------------------------------------------------------------------------------


@dataclass
class BuildReport:
    """What `build_library` read and what it left out, for the command line and the app."""

    projects: int = 0
    rows_read: int = 0
    rows_kept: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason → rows

    def format(self) -> str:
        parts = [
            f"读取 {self.projects} 个项目、{self.rows_read} 行指标，得到 {self.rows_kept} 条不重复的指标"
        ]
        parts += [f"{reason} {count} 行未收入" for reason, count in self.skipped.most_common()]
        return "；".join(parts)


@dataclass
class _Group:
    level2: str
    names: Counter[str] = field(default_factory=Counter)
    values: Counter[tuple[str, str]] = field(default_factory=Counter)  # (pattern, example)
    sources: dict[int, None] = field(default_factory=dict)  # ordered set of project indexes


def build_library(
    booklets: Iterable[tuple[Booklet, str | None]],
    template: FormTemplate,
    *,
    name: str = "",
    project_types: Sequence[ProjectTypeSpec] = (),
    explanations: Library | None = None,
) -> tuple[Library, BuildReport]:
    """A library of every distinct row of the booklets (each with its label, None: `booklet_label`).

    Rows are grouped by 二级 and normalised name; each keeps its most common measurable value
    as the pattern. Rows the template cannot place, empty names and cells over the template's
    limits are left out and counted in the report. `explanations` lends 指标解释 of rows with
    the same name (the 共性 set's).
    """
    report = BuildReport()
    projects: list[LibraryProject] = []
    groups: dict[tuple[str, str], _Group] = {}
    vague = template.vague_words
    limits = template.limits
    for booklet, label in booklets:
        year = booklet.fiscal_year
        label = label if label is not None else booklet_label(booklet)
        for department, project in booklet.projects():
            index = len(projects)
            projects.append(
                LibraryProject(
                    label=label[:60],
                    code=department.code[:20],
                    unit=(project.unit_name or department.name)[:TEXT_MAX],
                    name=clean_text(project.name)[:TEXT_MAX],
                    fiscal_year=year,
                )
            )
            report.projects += 1
            for indicator in project.indicators:
                report.rows_read += 1
                level2 = canonical_level2(indicator.level2, template)
                row_name = with_year_tokens(clean_text(indicator.name), year)
                if level2 is None:
                    report.skipped["二级指标无法对应表样"] += 1
                    continue
                if not row_name:
                    report.skipped["三级指标为空"] += 1
                    continue
                if len(row_name) > limits.name_max:
                    report.skipped["三级指标超过表样字数"] += 1
                    continue
                group = groups.setdefault((level2, name_key(row_name)), _Group(level2))
                group.names[row_name] += 1
                group.sources.setdefault(index, None)
                value = clean_text(indicator.value)
                if value and len(value) <= limits.value_max and is_measurable(value, vague):
                    example = with_year_tokens(value, year)
                    group.values[(number_slots(example), example)] += 1
    notes = _explanation_lookup(explanations)
    order = {n: i for i, n in enumerate(template.level2_names())}
    rows = [_row(group, template, notes, _year_of(projects, group)) for group in groups.values()]
    rows.sort(key=lambda r: (order.get(r.level2, len(order)), -r.seen, r.name))
    report.rows_kept = len(rows)
    library = Library(
        name=name,
        template_id=template.id,
        project_types=tuple(project_types),
        projects=tuple(projects),
        rows=tuple(_with_types(rows, projects, project_types)),
    )
    return library, report


def _year_of(projects: Sequence[LibraryProject], group: _Group) -> int:
    # The example is parsed for its comparator and unit as it was printed, in its own year.
    first = next(iter(group.sources))
    return projects[first].fiscal_year or 2000


def _row(group: _Group, template: FormTemplate, notes: dict[str, str], year: int) -> LibraryRow:
    row_name = group.names.most_common(1)[0][0]
    pattern = example = ""
    comparator: Comparator | None = None
    unit = ""
    if group.values:
        patterns: Counter[str] = Counter()
        for (p, _e), count in group.values.items():
            patterns[p] += count
        pattern = patterns.most_common(1)[0][0]
        example = max((e for p, e in group.values if p == pattern), key=lambda e: group.values[(pattern, e)])
        target = parse_target(render(example, year))
        if target is not None and target.comparator != "qualitative":
            comparator, unit = target.comparator, target.unit[:20]
    return LibraryRow(
        level1=template.parent_of(group.level2) or "",
        level2=group.level2,
        name=row_name,
        value=pattern,
        example=example,
        comparator=comparator,
        unit=unit,
        explanation=notes.get(name_key(row_name), ""),
        sources=tuple(group.sources),
        seen=len(group.sources),
    )


def _explanation_lookup(library: Library | None) -> dict[str, str]:
    if library is None:
        return {}
    return {name_key(row.name): row.explanation for row in library.rows if row.explanation}


def _with_types(
    rows: list[LibraryRow], projects: Sequence[LibraryProject], types: Sequence[ProjectTypeSpec]
) -> list[LibraryRow]:
    if not types:
        return rows
    per_project = [project_types_of(p.name, types) for p in projects]
    result = []
    for row in rows:
        found: Counter[str] = Counter(t for s in row.sources for t in per_project[s])
        ordered = tuple(spec.name for spec in types if spec.name in found)
        result.append(row.model_copy(update={"project_types": ordered}) if ordered else row)
    return result


# -- combining ------------------------------------------------------------------------------------


def adapt_library(library: Library, template: FormTemplate) -> Library:
    """A library for any template (the 共性 set) fitted to `template`.

    A 二级 the template has keeps its name; otherwise it moves to the template's only 二级 of
    the same kind (成本指标 → 经济成本指标 in the Ministry's form). Rows with no place are left out.
    """
    kinds = _COMMON_KINDS
    by_kind: dict[str, list[str]] = {}
    for l1 in template.taxonomy:
        for l2 in l1.level2:
            by_kind.setdefault(l2.kind, []).append(l2.name)
    names = set(template.level2_names())
    rows = []
    for row in library.rows:
        level2: str | None = row.level2 if row.level2 in names else None
        if level2 is None:
            kind = kinds.get(row.level2)
            candidates = by_kind.get(kind, []) if kind else []
            level2 = candidates[0] if len(candidates) == 1 else None
        if level2 is None:
            continue
        rows.append(row.model_copy(update={"level2": level2, "level1": template.parent_of(level2) or ""}))
    notes = dict(library.level2_notes)
    return library.model_copy(update={"template_id": template.id, "rows": tuple(rows), "level2_notes": notes})


# The 共性 set names its 二级 as the xiqu form does; forms that name them otherwise get them by kind.
_COMMON_KINDS: dict[str, str] = {
    "数量指标": "quantity",
    "质量指标": "quality",
    "时效指标": "time",
    "成本指标": "cost",
    "经济成本指标": "cost",
    "服务对象满意度指标": "satisfaction",
}


def merge_libraries(libraries: Sequence[Library], *, name: str = "") -> Library:
    """One library of several (shipped, bureau, personal): the same row seen in several is one row,
    its counts added, its sources kept. The first library's explanation and pattern win."""
    projects: list[LibraryProject] = []
    rows: dict[tuple[str, str], LibraryRow] = {}
    notes: dict[str, str] = {}
    types: dict[str, ProjectTypeSpec] = {}
    template_ids = {lib.template_id for lib in libraries if lib.template_id is not None}
    if len(template_ids) > 1:
        raise ValueError(f"不能合并不同表样的指标库：{'、'.join(sorted(template_ids))}")
    for library in libraries:
        offset = len(projects)
        projects.extend(library.projects)
        for note_name, note in library.level2_notes.items():
            notes.setdefault(note_name, note)
        for spec in library.project_types:
            types.setdefault(spec.name, spec)
        for row in library.rows:
            shifted = tuple(s + offset for s in row.sources)
            key = (row.level2, name_key(row.name))
            old = rows.get(key)
            if old is None:
                rows[key] = row.model_copy(update={"sources": shifted}) if offset else row
                continue
            rows[key] = old.model_copy(
                update={
                    "sources": old.sources + shifted,
                    "seen": old.seen + row.seen,
                    "explanation": old.explanation or row.explanation,
                    "value": old.value or row.value,
                    "example": old.example if old.value else row.example,
                    "project_types": tuple(dict.fromkeys(old.project_types + row.project_types)),
                }
            )
    return Library(
        name=name,
        template_id=next(iter(template_ids), None),
        level2_notes=notes,
        project_types=tuple(types.values()),
        projects=tuple(projects),
        rows=tuple(rows.values()),
    )


def level2_explanation(level2: str, library: Library) -> str:
    """What a 二级 measures, for its tooltip ("" when the library says nothing about it)."""
    return library.level2_notes.get(level2, "")

"""Suggested indicators for a project, the library search, and the edits that insert picked ones.

`LibraryIndex` is built once per library and template (a worker thread may do it) and answers
two questions fast: `suggest` (for each 二级 of the template, the rows a project like this one
most likely needs) and `search` (the library panel's search box). Both return `Suggestion`s
rendered for the booklet's fiscal year, with the numbers left as ``□`` for the clerk.

Nothing here changes a project. `plan_insert` and `plan_fill_row` describe what picking
suggestions would change as an `EditPlan`, which the editor applies as one undo step.

How suggestions are chosen. Project names are compared by TF-IDF over character 1- and 2-grams
(words such as 经费, 工作, 项目 that every name has count for little). The 20 most similar
library projects vote for rows, each with weight similarity³, so one near-twin outweighs many
loose relatives. Rows are then picked greedily, each time the one that adds the most *not yet
covered* weight: a row covers a similar project when that project has a row whose name is at
least 60 % alike (Indel similarity, rapidfuzz), and covers a share of the whole library in the
same way (how common the indicator is, in any wording). Covered weight is not counted twice, so
the list is varied instead of five spellings of one indicator. The 共性 rows of the project's
types (会议, 培训 …) get a bonus. ``bench/bench_library.py`` measures the result.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from kpi_editor.domain.edits import EditPlan, InsertItems, ItemPath, SetValue, item_at
from kpi_editor.domain.library import (
    SLOT,
    Library,
    LibraryRow,
    name_key,
    project_types_of,
    render,
)
from kpi_editor.domain.model import Booklet, Comparator, Indicator, Project, Target
from kpi_editor.domain.targets import render as printed_target
from kpi_editor.domain.template import FormTemplate

SIMILAR = 60.0  # two 三级 names at least this alike (rapidfuzz ratio, 0–100) are the same indicator
NEIGHBOURS = 20  # similar projects that vote
SHARPNESS = 3.0  # vote weight = similarity ** SHARPNESS
PRIOR = 1.0  # weight of covering the whole library (how common) against the similar projects
PRIOR_ROWS = 60  # most-seen rows per 二级 whose library-wide coverage is computed up front
TYPE_BONUS = 0.15  # a 共性 row of one of the project's types
ALREADY_THERE = 80.0  # a suggestion this alike to a row the project has is not offered

COMMON_ORIGIN = "共性指标"


@dataclass(frozen=True)
class Suggestion:
    """One row a clerk may pick, rendered for a fiscal year."""

    level1: str
    level2: str
    name: str
    value: str  # what is inserted: numbers as □ for the clerk to fill
    example: str  # the value with the numbers clerks used (≥90%)
    comparator: Comparator | None
    unit: str
    explanation: str  # 指标解释, "" when the library has none
    origin: str  # 西区2026 · 114001 · 低保工作经费, or 共性指标 · 会议类
    seen: int  # projects in the library that used it (0: a hand-written 共性 row)
    project_types: tuple[str, ...]  # labels: 会议类 …
    reason: str  # 相似项目 / 常用指标 / 共性指标: why it is offered
    score: float = 0.0

    def indicator(self, template: FormTemplate) -> Indicator:
        """The row to insert, with the template's 指标性质/度量单位 columns filled when it has them
        (the number left as □ for the clerk)."""
        target = None
        value = self.value
        if template.structured and (self.comparator or self.unit):
            target = Target(comparator=self.comparator, text="□", unit=self.unit)
            value = printed_target(target)
        return Indicator(
            level1=template.parent_of(self.level2) or self.level1,
            level2=self.level2,
            name=self.name,
            value=value,
            target=target,
        )


@dataclass(frozen=True)
class ProjectSuggestions:
    """Suggestions for one project, by 二级 in template order (empty lists left out)."""

    project_types: tuple[str, ...]  # labels of the types its name marks: 会议类 …
    by_level2: dict[str, tuple[Suggestion, ...]] = field(default_factory=dict)

    def all(self) -> list[Suggestion]:
        return [s for group in self.by_level2.values() for s in group]


# -- character n-gram TF-IDF over project names ---------------------------------------------------

_IGNORED = set('（）()“”"、，,·- 　')


def _grams(text: str) -> dict[str, int]:
    chars = [c for c in text if c not in _IGNORED]
    counts: dict[str, int] = defaultdict(int)
    for i, c in enumerate(chars):
        counts[c] += 1
        if i:
            counts[chars[i - 1] + c] += 1
    return counts


class _NameIndex:
    """Cosine similarity of TF-IDF vectors of names, through an inverted index."""

    def __init__(self, names: Sequence[str]) -> None:
        self.size = len(names)
        grams = [_grams(n) for n in names]
        df: dict[str, int] = defaultdict(int)
        for g in grams:
            for gram in g:
                df[gram] += 1
        self._idf = {gram: math.log((self.size + 1) / (count + 1)) + 1 for gram, count in df.items()}
        self._unknown = math.log(self.size + 1) + 1
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, g in enumerate(grams):
            for gram, weight in self._vector(g).items():
                self._postings[gram].append((index, weight))

    def _vector(self, grams: dict[str, int]) -> dict[str, float]:
        vector = {gram: count * self._idf.get(gram, self._unknown) for gram, count in grams.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {gram: w / norm for gram, w in vector.items()}

    def similar(self, text: str) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for gram, weight in self._vector(_grams(text)).items():
            for index, other in self._postings.get(gram, ()):
                scores[index] += weight * other
        return scores


# -- the index ------------------------------------------------------------------------------------


@dataclass
class _Level2:
    rows: list[int] = field(default_factory=list)  # indexes into library.rows
    by_project: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    users: int = 0  # mask of the projects that have a row in this 二级
    prior: dict[int, int] = field(default_factory=dict)  # row → mask of projects it covers
    common: list[int] = field(default_factory=list)  # hand-written 共性 rows


class LibraryIndex:
    """A library ready to suggest from and to search, for one form template."""

    def __init__(self, library: Library, template: FormTemplate) -> None:
        self.library = library
        self.template = template
        rows = library.rows
        self._projects = _NameIndex([p.name for p in library.projects])
        self._type_labels = {spec.name: spec.label for spec in library.project_types}
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._level2: dict[str, _Level2] = defaultdict(_Level2)
        for index, row in enumerate(rows):
            block = self._level2[row.level2]
            block.rows.append(index)
            self._by_key[name_key(row.name)].append(index)
            if row.seen == 0 and not row.sources:
                block.common.append(index)
            for source in row.sources:
                block.by_project[source].append(index)
        self._source_mask = [_mask(row.sources) for row in rows]
        for block in self._level2.values():
            block.users = _mask(block.by_project)
            self._prepare_prior(block)
        self._search = _SearchTable(library)

    def _prepare_prior(self, block: _Level2) -> None:
        rows = self.library.rows
        corpus = [i for i in block.rows if rows[i].sources]
        if not corpus:
            return
        choices = [rows[i].name for i in corpus]
        seen_order = sorted(corpus, key=lambda i: -rows[i].seen)[:PRIOR_ROWS]
        for index in dict.fromkeys([*seen_order, *block.common]):
            mask = 0
            for _name, _score, position in process.extract(
                rows[index].name, choices, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None
            ):
                mask |= self._source_mask[corpus[position]]
            block.prior[index] = mask

    # -- suggestions ------------------------------------------------------------------------------

    def suggest(
        self,
        project: Project,
        fiscal_year: int,
        *,
        top: int = 5,
        level2: Iterable[str] | None = None,
    ) -> ProjectSuggestions:
        """For each 二级 of the template (or those in `level2`), up to `top` rows for `project`.

        Uses the project's name and the rows it already has; never changes the project.
        """
        library = self.library
        types = project_types_of(project.name, library.project_types)
        weights = self._neighbours(project)
        wanted = list(level2) if level2 is not None else list(self.template.level2_names())
        result: dict[str, tuple[Suggestion, ...]] = {}
        for name in wanted:
            block = self._level2.get(name)
            if block is None or top <= 0:
                continue
            existing = [i.name for i in project.indicators if i.level2 == name and i.name.strip()]
            picked = self._pick(block, weights, set(types), existing, top)
            if picked:
                result[name] = tuple(
                    self._suggestion(i, gain, why, weights, fiscal_year) for i, gain, why in picked
                )
        labels = tuple(self._type_labels.get(t, t) for t in types)
        return ProjectSuggestions(project_types=labels, by_level2=result)

    def _neighbours(self, project: Project) -> dict[int, float]:
        """The most similar library projects and their vote weights."""
        scores = self._projects.similar(project.name) if project.name.strip() else {}
        # Projects that share rows with what the clerk already wrote are alike too.
        written = {name_key(i.name) for i in project.indicators if i.name.strip()}
        if written:
            share = 0.5 / len(written)
            for key in written:
                for row in self._by_key.get(key, ()):
                    for source in self.library.rows[row].sources:
                        scores[source] = scores.get(source, 0.0) + share
        best = sorted(scores.items(), key=lambda item: -item[1])[:NEIGHBOURS]
        return {index: min(score, 1.0) ** SHARPNESS for index, score in best if score > 0}

    def _pick(
        self,
        block: _Level2,
        weights: dict[int, float],
        types: set[str],
        existing: list[str],
        top: int,
    ) -> list[tuple[int, float, str]]:
        rows = self.library.rows
        near: list[tuple[int, str]] = [
            (project, rows[row].name) for project in weights for row in block.by_project.get(project, ())
        ]
        near_names = [name for _, name in near]
        candidates = dict.fromkeys(
            [row for project in weights for row in block.by_project.get(project, ())]
            + list(block.prior)
            + [
                row
                for row in block.common
                if not rows[row].project_types or types & set(rows[row].project_types)
            ]
        )
        users = block.users.bit_count() or 1
        options: list[tuple[int, set[int], int, float]] = []
        for row in candidates:
            name = rows[row].name
            if existing and any(fuzz.ratio(name, old) >= ALREADY_THERE for old in existing):
                continue
            covers = {
                near[position][0]
                for _n, _s, position in process.extract(
                    name, near_names, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None
                )
            }
            mask = block.prior.get(row, self._source_mask[row])
            bonus = TYPE_BONUS if types & set(rows[row].project_types) and not rows[row].sources else 0.0
            options.append((row, covers, mask, bonus))
        covered: set[int] = set()
        covered_mask = 0
        chosen: list[tuple[int, float, str]] = []
        while options and len(chosen) < top:
            best, best_gain, best_why = -1, 0.0, ""
            for position, (row, covers, mask, bonus) in enumerate(options):
                similar = sum(weights[p] for p in covers - covered)
                common = PRIOR * (mask & ~covered_mask).bit_count() / users
                gain = similar + common + bonus
                if gain > best_gain:
                    if not rows[row].sources:
                        why = "共性指标"
                    else:
                        why = "相似项目" if similar >= common else "常用指标"
                    best, best_gain, best_why = position, gain, why
            if best < 0:
                break
            row, covers, mask, _bonus = options.pop(best)
            covered |= covers
            covered_mask |= mask
            chosen.append((row, best_gain, best_why))
        return chosen

    def _suggestion(
        self, index: int, score: float, reason: str, weights: dict[int, float], fiscal_year: int
    ) -> Suggestion:
        row = self.library.rows[index]
        return Suggestion(
            level1=self.template.parent_of(row.level2) or row.level1,
            level2=row.level2,
            name=render(row.name, fiscal_year),
            value=render(row.value, fiscal_year, SLOT),
            example=render(row.example, fiscal_year),
            comparator=row.comparator,
            unit=row.unit,
            explanation=row.explanation,
            origin=self._origin(row, weights),
            seen=row.seen,
            project_types=tuple(self._type_labels.get(t, t) for t in row.project_types),
            reason=reason,
            score=round(score, 4),
        )

    def _origin(self, row: LibraryRow, weights: dict[int, float]) -> str:
        if not row.sources:
            kinds = "、".join(self._type_labels.get(t, t) for t in row.project_types) or "通用"
            return f"{COMMON_ORIGIN} · {kinds}"
        source = max(row.sources, key=lambda s: weights.get(s, 0.0))
        return self.library.projects[source].describe()

    # -- search -----------------------------------------------------------------------------------

    def search(
        self,
        words: str,
        fiscal_year: int,
        *,
        level1: str | None = None,
        level2: str | None = None,
        project_type: str | None = None,
        limit: int = 200,
    ) -> list[Suggestion]:
        """Rows containing every word (in the name, value, explanation or the projects that used
        them), optionally of one 一级/二级/project type (name or label); names that contain the
        words first, then the most used. For the library panel's search box."""
        found = self._search.find(words, level1, level2, self._type_name(project_type), limit)
        return [self._suggestion(i, 0.0, "检索", {}, fiscal_year) for i in found]

    def _type_name(self, value: str | None) -> str | None:
        if value is None:
            return None
        for name, label in self._type_labels.items():
            if value in (name, label):
                return name
        return value

    def level2_explanation(self, level2: str) -> str:
        """What a 二级 measures, for its tooltip: a bureau library's own note, else the template's."""
        return self.library.level2_notes.get(level2, "") or self.template.explanation_of(level2)

    @property
    def project_type_labels(self) -> dict[str, str]:
        """Project type name → label (会议 → 会议类), for the panel's filter."""
        return dict(self._type_labels)


class _SearchTable:
    def __init__(self, library: Library) -> None:
        projects = library.projects
        rows = library.rows
        self._rows = rows
        # Most used first, so a search can stop once it has enough; one such list per filter value.
        self._order = sorted(range(len(rows)), key=lambda i: (-rows[i].seen, i))
        self._by_level2: dict[str, list[int]] = defaultdict(list)
        self._by_type: dict[str, list[int]] = defaultdict(list)
        for index in self._order:
            self._by_level2[rows[index].level2].append(index)
            for kind in rows[index].project_types:
                self._by_type[kind].append(index)
        self._names = [row.name.lower() for row in rows]
        self._text = [
            " ".join(
                [row.name, row.example, row.explanation, *(projects[s].name for s in row.sources[:8])]
            ).lower()
            for row in rows
        ]

    def find(
        self, words: str, level1: str | None, level2: str | None, project_type: str | None, limit: int
    ) -> list[int]:
        terms = words.lower().split()
        rows = self._rows
        if level2:
            order = self._by_level2.get(level2, [])
        elif project_type:
            order = self._by_type.get(project_type, [])
        else:
            order = self._order
        # One comprehension per word over the shrinking set keeps a keystroke on 36,000 rows fast.
        text = self._text
        for term in terms:
            order = [i for i in order if term in text[i]]
        if level1 or (level2 and project_type):
            order = [
                i
                for i in order
                if (not level1 or rows[i].level1 == level1)
                and (not project_type or project_type in rows[i].project_types)
            ]
        names = self._names
        in_name = [i for i in order if all(term in names[i] for term in terms)]
        if len(in_name) >= limit:
            return in_name[:limit]
        chosen = set(in_name)
        return (in_name + [i for i in order if i not in chosen])[:limit]


def _mask(indexes: Iterable[int]) -> int:
    mask = 0
    for index in indexes:
        mask |= 1 << index
    return mask


# -- what picking suggestions would change --------------------------------------------------------


def _blank(indicator: Indicator) -> bool:
    return not indicator.name.strip() and not indicator.value.strip()


def _fill(path: ItemPath, row: Indicator, current: Indicator) -> list[SetValue]:
    edits = [SetValue(path, "name", row.name), SetValue(path, "value", row.value)]
    if current.level2 != row.level2 or current.level1 != row.level1:
        edits = [SetValue(path, "level1", row.level1), SetValue(path, "level2", row.level2), *edits]
    edits += [SetValue(path, f"extra:{key}", text) for key, text in row.extra.items()]
    if row.target is not None:
        edits.append(SetValue(path, "target", row.target))
    return edits


def plan_insert(
    booklet: Booklet, project_path: ItemPath, picked: Sequence[Suggestion], template: FormTemplate
) -> EditPlan:
    """Put the picked suggestions into the project at `project_path` (department, project) as one step.

    Each goes into its 二级 block: first into a blank row of that block (a new project's skeleton
    row), else after the block's last row; a 二级 the project does not have yet gets a block at
    its place in template order.
    """
    project: Project = item_at(booklet, project_path)
    plan = EditPlan(f"插入推荐指标（{len(picked)}行）")
    # The 二级 of every row as the plan leaves it, to place each insertion after the earlier ones;
    # blank rows as (row number now, the row), renumbered after each insertion.
    level2s = [i.level2 for i in project.indicators]
    blanks = [(index, i) for index, i in enumerate(project.indicators) if _blank(i)]
    order = {name: i for i, name in enumerate(template.level2_names())}
    for suggestion in picked:
        row = suggestion.indicator(template)
        blank = next((b for b in blanks if level2s[b[0]] == row.level2), None)
        if blank is not None:
            blanks.remove(blank)
            plan.edits.extend(_fill((*project_path, blank[0]), row, blank[1]))
            continue
        at = _insertion_row(level2s, row.level2, order)
        plan.edits.append(InsertItems(project_path, at, (row,)))
        level2s.insert(at, row.level2)
        blanks = [(b + 1 if b >= at else b, i) for b, i in blanks]
    return plan


def _insertion_row(level2s: list[str], level2: str, order: dict[str, int]) -> int:
    last = max((i for i, name in enumerate(level2s) if name == level2), default=None)
    if last is not None:
        return last + 1
    rank = order.get(level2, len(order))
    later = [i for i, name in enumerate(level2s) if order.get(name, len(order)) > rank]
    return min(later) if later else len(level2s)


def plan_fill_row(
    booklet: Booklet, row_path: ItemPath, suggestion: Suggestion, template: FormTemplate
) -> EditPlan:
    """Write a picked suggestion into the row at `row_path` (a skeleton row offering suggestions)."""
    current: Indicator = item_at(booklet, row_path)
    plan = EditPlan("填入推荐指标")
    plan.edits.extend(_fill(row_path, suggestion.indicator(template), current))
    return plan


__all__ = [
    "LibraryIndex",
    "ProjectSuggestions",
    "Suggestion",
    "plan_fill_row",
    "plan_insert",
]

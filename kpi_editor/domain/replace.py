"""查找和替换: every place a text occurs in a scope, what it would become, and the plan that does it.

Reads the booklet through `kpi_editor.domain.search.places` (the walk 查找 uses too) and changes
nothing: the result lists each matching cell (item path + field, old → new, where the text was
found) and builds an `EditPlan` of `SetValue` edits, which the editor applies as one undo step (a
script: `apply_plan`). The options are the ones Chinese Excel and WPS offer:
区分大小写, 单元格匹配 (the whole cell, not part of it) and 区分全/半角 (off: ％ matches %, Ａ
matches A). The replacement is literal text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kpi_editor.domain.edits import EditError, EditPlan, ItemPath, SetValue, item_at, validated_value
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.search import Place, TextKind, places

# What 查找和替换 offers to search: names, 三级指标, 指标值, the cover and the 编制说明. Unit codes
# and 一级/二级指标 are left out: they are identifiers and the template's own labels.
REPLACE_KINDS = frozenset(
    {TextKind.NAMES, TextKind.INDICATORS, TextKind.VALUES, TextKind.COVER, TextKind.PREFACE}
)

# Full-width ASCII (！ … ～) and the ideographic space, folded one character to one character, so a
# position in the folded text is the same position in the original.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

Span = tuple[int, int]
Segment = tuple[str, bool]  # a piece of text and whether it is the found (or replaced) part


def fold_width(text: str) -> str:
    """`text` with full-width letters, digits and punctuation as their half-width forms."""
    return text.translate(_WIDTH)


@dataclass(frozen=True)
class Query:
    """What to find, what to put instead, where, and how to compare."""

    text: str
    replacement: str = ""
    scope: ItemPath = ()  # () the booklet, (d,) a unit, (d, p) a project
    kinds: frozenset[TextKind] = REPLACE_KINDS
    match_case: bool = False  # 区分大小写
    whole_cell: bool = False  # 单元格匹配
    match_width: bool = False  # 区分全/半角

    def pattern(self) -> re.Pattern[str] | None:
        """The compiled search (on width-folded text unless `match_width`); None for empty text."""
        if not self.text:
            return None
        needle = self.text if self.match_width else fold_width(self.text)
        return re.compile(re.escape(needle), 0 if self.match_case else re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    """One cell where the text occurs: its place, the text now and after replacing."""

    path: ItemPath
    field: str
    old: str
    new: str
    spans: tuple[Span, ...]  # where the text was found in `old`
    new_spans: tuple[Span, ...]  # where the replacement stands in `new`
    unchanged: int = 0  # occurrences that already read as the replacement
    refused: str = ""  # why the model refuses `new` here (the cell is then left alone)

    @property
    def count(self) -> int:
        return len(self.spans)

    @property
    def changes(self) -> bool:
        return self.new != self.old and not self.refused


@dataclass(frozen=True)
class Replacement:
    """Every match of a query, in booklet order."""

    query: Query
    matches: list[Match] = field(default_factory=list)

    @property
    def found(self) -> int:
        """Occurrences found, in all matching cells."""
        return sum(m.count for m in self.matches)

    @property
    def replaceable(self) -> list[Match]:
        return [m for m in self.matches if m.changes]

    @property
    def refused(self) -> list[Match]:
        return [m for m in self.matches if m.refused]

    @property
    def occurrences(self) -> int:
        """Occurrences replacing would change (refused cells and text already as wanted left out)."""
        return sum(m.count - m.unchanged for m in self.replaceable)

    def plan(self, matches: Iterable[Match] | None = None, description: str = "") -> EditPlan:
        """The edits that replace `matches` (all by default); cells that would not change or that
        the model refuses are left out."""
        chosen = [m for m in (self.matches if matches is None else matches) if m.changes]
        count = sum(m.count - m.unchanged for m in chosen)
        text = description or f"替换“{self.query.text}”为“{self.query.replacement}”（{count}处）"
        return EditPlan(text, [SetValue(m.path, m.field, m.new) for m in chosen])


def find_replacements(booklet: Booklet, query: Query) -> Replacement:
    """Every cell of `query.kinds` in `query.scope` where `query.text` occurs, with its new text.

    A scope that does not exist raises EditError. A new text the model would refuse is kept in the
    result with the reason (`Match.refused`) and left out of the plan.
    """
    pattern = query.pattern()
    if pattern is None:
        return Replacement(query)
    try:
        found = list(places(booklet, query.kinds, query.scope))
    except (IndexError, ValueError) as exc:
        raise EditError(f"找不到查找范围：{query.scope}") from exc
    matches = [m for place in found if (m := _match(booklet, place, pattern, query)) is not None]
    return Replacement(query, matches)


def _match(booklet: Booklet, place: Place, pattern: re.Pattern[str], query: Query) -> Match | None:
    text = place.text
    haystack = text if query.match_width else fold_width(text)
    if query.whole_cell:
        whole = pattern.fullmatch(haystack)
        spans = [whole.span()] if whole is not None else []
    else:
        spans = [m.span() for m in pattern.finditer(haystack)]
    if not spans:
        return None
    pieces: list[str] = []
    new_spans: list[Span] = []
    length = 0
    previous = 0
    for start, end in spans:
        pieces.append(text[previous:start])
        length += start - previous
        pieces.append(query.replacement)
        new_spans.append((length, length + len(query.replacement)))
        length += len(query.replacement)
        previous = end
    pieces.append(text[previous:])
    new = "".join(pieces)
    unchanged = sum(1 for start, end in spans if text[start:end] == query.replacement)
    refused = ""
    if new != text:
        try:
            validated_value(item_at(booklet, place.path), place.field, new)
        except EditError as exc:
            refused = str(exc)
    return Match(place.path, place.field, text, new, tuple(spans), tuple(new_spans), unchanged, refused)


def excerpt(text: str, spans: Iterable[Span], context: int = 12) -> list[Segment]:
    """`text` cut down to the spans and `context` characters on either side of each, with … where
    text is left out; each segment says whether it is a span. For previews of long cells."""
    segments: list[Segment] = []
    previous = 0
    for n, (start, end) in enumerate(spans):
        gap = text[previous:start]
        if n == 0:
            gap = "…" + gap[-context:] if len(gap) > context else gap
        elif len(gap) > 2 * context:
            gap = gap[:context] + "…" + gap[-context:]
        if gap:
            segments.append((gap, False))
        segments.append((text[start:end], True))
        previous = end
    tail = text[previous:]
    if tail:
        segments.append((tail[:context] + "…" if len(tail) > context else tail, False))
    return segments


__all__ = [
    "REPLACE_KINDS",
    "Match",
    "Query",
    "Replacement",
    "Segment",
    "excerpt",
    "find_replacements",
    "fold_width",
]

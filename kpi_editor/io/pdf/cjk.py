"""Chinese line-breaking rules: our own breaker for table cells, and ReportLab's for paragraphs.

Table cells are broken by `break_lines` (no closing mark at a line start, no opening one at a line
end, numbers kept whole, labels balanced). Front matter and reports still use ReportLab's CJK
wrapper, which lets a line start with ，；：？！》”: the official booklet never does. The wrapper
consults ``ALL_CANNOT_START`` (imported by name into ``reportlab.platypus.paragraph``), so both
module globals are extended once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable

import reportlab.lib.textsplit as _textsplit
import reportlab.platypus.paragraph as _paragraph

# Characters that must never begin a line (closing punctuation, full- and half-width).
CANNOT_START = "，。、；：？！）》」』”’〕】〉…—·,.;:?!)]}%％"


def install_line_rules() -> None:
    """Extend ReportLab's can't-start-a-line set (idempotent)."""
    current = _textsplit.ALL_CANNOT_START
    extra = "".join(ch for ch in CANNOT_START if ch not in current)
    if extra:
        _textsplit.ALL_CANNOT_START = current + extra
    _paragraph.ALL_CANNOT_START = _textsplit.ALL_CANNOT_START


# Characters that must never end a line (opening brackets and quotes). ReportLab's CJK wrapper
# has no such rule, and it keeps only one can't-start character on a line ("）。" still broke
# before "。"), so the table cells are broken by `break_lines` below instead.
CANNOT_END = "（《「『“‘〔【〈〖｛［([{"

Measure = Callable[[str], float]


def _units(text: str) -> list[str]:
    """Unbreakable pieces of one paragraph: a run of Latin letters, digits and ASCII signs
    (``2026年`` breaks after 2026, never inside it; ``0.16`` stays whole) or one other character."""
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        if ch.isascii() and not ch.isspace():
            run.append(ch)
            continue
        if run:
            out.append("".join(run))
            run.clear()
        out.append(ch)
    if run:
        out.append("".join(run))
    return out


def _chars(unit: str, width: float, measure: Measure) -> list[str]:
    """A unit wider than a whole line, cut into pieces that fit (it has to break somewhere)."""
    pieces: list[str] = []
    piece = ""
    for ch in unit:
        if piece and measure(piece + ch) > width:
            # The line rules hold inside the cut too: closing marks take the character before them
            # along, and an opening mark goes down with what it opens.
            # A dash or slash inside a date or number range is the better place to cut.
            soft = max(piece.rfind("-"), piece.rfind("/"))
            cut = soft + 1 if soft > 0 else len(piece)
            following = piece[cut] if cut < len(piece) else ch
            while cut > 1 and (following in CANNOT_START or piece[cut - 1] in CANNOT_END):
                cut -= 1
                following = piece[cut]
            pieces.append(piece[:cut])
            piece = piece[cut:]
        piece += ch
    if piece:
        pieces.append(piece)
    return pieces


def _glued(units: list[str]) -> list[str]:
    """Opening marks joined to what follows them, closing marks to what precedes them: a break
    never falls between (“（2025.11.1-2026.2.28），” keeps its brackets whatever the width)."""
    out: list[str] = []
    pending = ""
    for unit in units:
        if unit[-1] in CANNOT_END:
            pending += unit
        elif unit[0] in CANNOT_START and out and not pending:
            out[-1] += unit
        else:
            out.append(pending + unit)
            pending = ""
    if pending:
        out.append(pending)
    return out


def _break_paragraph(text: str, width: float, measure: Measure) -> list[str]:
    units: list[str] = []
    for unit in _glued(_units(text)):
        units.extend(_chars(unit, width, measure) if len(unit) > 1 and measure(unit) > width else [unit])
    lines: list[str] = []
    start, n = 0, len(units)
    while start < n:
        end, used = start, 0.0
        while end < n:
            w = measure(units[end])
            # A space that does not fit stays at the end of the line, unseen: it is part of the
            # text (a reader of the PDF gets it back) but never starts the next line.
            if end > start and used + w > width + 1e-6 and units[end] != " ":
                break
            used += w
            end += 1
        # Kinsoku: push pieces down to the next line until it does not start with a closing mark
        # and this one does not end with an opening mark, keeping at least one piece here.
        while (
            end < n
            and end - 1 > start
            and (units[end][0] in CANNOT_START or units[end - 1][-1] in CANNOT_END)
        ):
            end -= 1
        lines.append("".join(units[start:end]))
        start = end
    return lines or [""]


def break_lines(text: str, width: float, measure: Measure, *, balance: bool = False) -> list[str]:
    """Lines of `text` no wider than `width` (as `measure` reports), by the Chinese line rules.

    Newlines are kept. With `balance` (centred labels), the lines are made as even as the same
    number of lines allows, so a label never ends with a one-character line (可持续影响指/标).
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        broken = _break_paragraph(paragraph, width, measure)
        if balance and len(broken) > 1:
            broken = _balanced(paragraph, width, measure, broken)
        lines.extend(broken)
    return lines


def _balanced(text: str, width: float, measure: Measure, broken: list[str]) -> list[str]:
    """The narrowest breaking of `text` into as many lines as at `width`: the most even one."""
    low, high, best = 0.0, width, broken
    for _ in range(12):
        mid = (low + high) / 2
        trial = _break_paragraph(text, mid, measure)
        if len(trial) == len(broken) and all(measure(line) <= mid + 1e-6 for line in trial):
            best, high = trial, mid
        else:
            low = mid
    return best

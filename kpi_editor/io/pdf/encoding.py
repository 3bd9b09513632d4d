"""Glyph codes that do not change from one export to the next, so drawn tables can be reused.

ReportLab gives each character of a TrueType font its code in the order the document first uses
it, so the bytes a table draws depend on every table drawn before it: after one project changed,
every page had to be drawn again. Here each new document is seeded with the order the last one
ended with (new characters come after it), and the font's internal names are fixed at the start.
A table drawn once then draws the same bytes in any later document of the same faces, and its
content is replayed (`table.ProjectTable.draw`). The price is that a document embeds the glyphs
of every character its faces were seeded with, so only the whole booklet is seeded; a unit's or a
project's PDF (and the preview) is subset as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont

# A process that has printed many different booklets starts over rather than embed them all.
MAX_ORDER = 12_000

_ORDER: dict[str, list[int]] = {}
_GENERATION = [0]


def seed(doc: Any, faces: Sequence[str]) -> tuple[object, ...]:
    """Assign `doc`'s codes in the remembered order; returns the token drawn content is valid for."""
    if sum(len(_ORDER.get(name, ())) for name in faces) > MAX_ORDER:
        _ORDER.clear()
        _GENERATION[0] += 1
    names: list[object] = [_GENERATION[0], *faces]
    for name in faces:
        font = getFont(name)
        order = _ORDER.get(name)
        if order:
            font.splitString("".join(map(chr, order)), doc)
        names.append(font.getSubsetInternalName(0, doc))
    return tuple(names)


def remember(doc: Any, faces: Sequence[str]) -> None:
    """Keep the order `doc` ended with, for the next document to start from."""
    for name in faces:
        state = getFont(name).state.get(doc)
        if state is not None:
            _ORDER[name] = [code for code, _ in sorted(state.assignments.items(), key=lambda kv: kv[1])]

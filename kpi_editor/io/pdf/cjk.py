"""Chinese line-breaking rules for ReportLab paragraphs.

ReportLab's CJK wrapper lets a line start with full-width punctuation such as ，；：？！》”: the
official booklet never does. The wrapper consults ``ALL_CANNOT_START`` (imported by name into
``reportlab.platypus.paragraph``), so both module globals are extended once, on first use.
"""

from __future__ import annotations

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

"""File names the program suggests, built only from safe characters and always inside a folder.

A suggested export name is made of things a file hands us: the document's name, a department
code, a project number. A code such as ``/../../x/evil`` must not suggest a path outside the
document's folder, ``CON`` must not name a Windows device, and a right-to-left override must not
disguise ``fdp.exe`` as ``exe.pdf``. Everything here keeps letters (Chinese included), digits and a
few harmless marks, replaces the rest with ``_``, and leaves room in the name for the ``.bak`` and
temporary names of the atomic writer.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

# Marks that are harmless in a name on Windows, macOS and Linux and that clerks use.
_KEPT_MARKS = set("-_.()（）[]【】、，,·+ ")
# Windows device names, with or without an extension (CON.txt is the console too).
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?")
# The atomic writer adds ".bak" (4 bytes) to the name; 255 bytes is every system's limit.
MAX_NAME_BYTES = 250
PART_CHARS = 80  # one part (a code, a project's number) of a suggested name


def safe_name_part(text: str, limit: int = PART_CHARS) -> str:
    """`text` reduced to safe characters for use inside a file name; ``""`` when nothing is left."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if category[0] in "LN" or (category[0] == "M" and out) or ch in _KEPT_MARKS:
            out.append(ch)
        else:
            # Separators, controls (ESC, C1), format characters (U+202E), symbols: one underscore.
            if out and out[-1] != "_":
                out.append("_")
    cleaned = re.sub(r"\s+", " ", "".join(out))
    # No leading dots (hidden files, "..") or spaces; Windows drops trailing dots and spaces.
    cleaned = cleaned.lstrip(". ").rstrip(". ")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
    return cleaned[:limit].rstrip(". ")


def suggested_name(stem: str, *qualifiers: str, suffix: str, fallback: str = "booklet") -> str:
    """A file name ``<stem>-<qualifier>…<suffix>`` made only of safe characters.

    `suffix` is the program's own (``.pdf``, ``.xlsx``, ``-审核报告.xlsx``) and is kept as given;
    the rest is cleaned and shortened (whole characters) so the name stays within 250 bytes.
    """
    parts = [safe_name_part(stem, 200) or fallback]
    parts += [p for p in (safe_name_part(q) for q in qualifiers) if p]
    name = "-".join(parts)
    if _RESERVED.fullmatch(name) or _RESERVED.fullmatch(parts[0]):
        name = f"_{name}"
    room = MAX_NAME_BYTES - len(os.fsencode(suffix))
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return name.rstrip(". ") + suffix


def suggested_path(folder: Path, stem: str, *qualifiers: str, suffix: str) -> Path:
    """`folder` / :func:`suggested_name`: a path that is always directly inside `folder`."""
    path = folder / suggested_name(stem, *qualifiers, suffix=suffix)
    # By construction the name has no separator; the check keeps it so if this module changes.
    if path.parent != folder or path.name in ("", ".", ".."):
        raise ValueError(f"unsafe suggested name {path.name!r}")
    return path

"""CJK TrueType fonts for the PDF: choosing, registering, and checking glyph coverage.

Only TrueType outlines can be embedded by ReportLab (CFF/OTF fonts are refused and
``UnicodeCIDFont`` embeds nothing), so every face here is a ``TTFont``; ReportLab subsets it.
Before text is written, every character is checked against the face's cmap: a character no
face has is reported, because ReportLab would otherwise drop it without a word.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from kpi_editor.paths import resource_dir


class FontError(Exception):
    """A font that cannot be used (missing, unreadable, or without TrueType outlines)."""


@dataclass(frozen=True)
class FontFace:
    name: str  # the name registered with ReportLab
    path: Path
    index: int
    family: str
    glyphs: frozenset[int]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.glyphs


# Whitespace and control characters never need a glyph: the layout turns them into spacing.
_NO_GLYPH_NEEDED = frozenset(ord(c) for c in " \t\n\r\u3000\u00a0\u200b\ufeff")


@dataclass(frozen=True)
class FontSet:
    """The faces one export uses: Song for body text, Hei for titles, then fallbacks."""

    body: FontFace
    title: FontFace
    fallbacks: tuple[FontFace, ...]

    @property
    def key(self) -> str:
        """Identifies the choice of faces (used to key the layout cache)."""
        return "|".join(f.name for f in (self.body, self.title, *self.fallbacks))

    def missing(self, text: str, primary: FontFace | None = None) -> str:
        """Characters of `text` that neither the primary face nor any fallback can draw."""
        first = primary or self.body
        if not (set(map(ord, text)) - first.glyphs - _NO_GLYPH_NEEDED):
            return ""
        faces = (first, *(f for f in (self.body, self.title, *self.fallbacks) if f is not first))
        out: list[str] = []
        for ch in dict.fromkeys(text):
            code = ord(ch)
            if code in _NO_GLYPH_NEEDED or any(code in f.glyphs for f in faces):
                continue
            out.append(ch)
        return "".join(out)

    def face_of(self, ch: str, primary: FontFace) -> FontFace:
        """The face that draws `ch`: the primary one, else the first fallback that has it."""
        code = ord(ch)
        if code in primary.glyphs or code in _NO_GLYPH_NEEDED:
            return primary
        for face in (self.body, self.title, *self.fallbacks):
            if code in face.glyphs:
                return face
        return primary  # no face has it: reported by `missing`, drawn as the primary's blank

    def runs(self, text: str, primary: FontFace) -> list[tuple[FontFace, str]]:
        """`text` cut into runs drawn by one face each (usually a single run in `primary`)."""
        if not (set(map(ord, text)) - primary.glyphs - _NO_GLYPH_NEEDED):
            return [(primary, text)] if text else []
        out: list[tuple[FontFace, str]] = []
        for ch in text:
            face = self.face_of(ch, primary)
            if out and out[-1][0] is face:
                out[-1] = (face, out[-1][1] + ch)
            else:
                out.append((face, ch))
        return out

    def markup(self, text: str, primary: FontFace | None = None) -> str:
        """Paragraph markup for `text`: escaped, newlines as breaks, and runs the primary face
        lacks switched to the first fallback face that has them."""
        first = primary or self.body
        if not (set(map(ord, text)) - first.glyphs - _NO_GLYPH_NEEDED):
            return escape(text).replace("\n", "<br/>")
        others = [f for f in (self.body, self.title, *self.fallbacks) if f is not first]
        parts: list[str] = []
        run_face: FontFace | None = None
        run: list[str] = []

        def flush() -> None:
            chunk = escape("".join(run)).replace("\n", "<br/>")
            if run_face is None:
                parts.append(chunk)
            else:
                parts.append(f'<font face="{run_face.name}">{chunk}</font>')
            run.clear()

        for ch in text:
            face: FontFace | None = None
            if ord(ch) not in first.glyphs and ord(ch) not in _NO_GLYPH_NEEDED:
                face = next((f for f in others if ord(ch) in f.glyphs), None)
            if face is not run_face and run:
                flush()
            run_face = face
            run.append(ch)
        if run:
            flush()
        return "".join(parts)


def bundled_song() -> tuple[Path, str]:
    return resource_dir() / "fonts" / "uming.ttc", "AR PL UMing CN"


def bundled_hei() -> tuple[Path, str]:
    return resource_dir() / "fonts" / "wqy-microhei.ttc", "WenQuanYi Micro Hei"


def _system_song() -> list[tuple[Path, str | None]]:
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        return [(fonts / "simsun.ttc", "SimSun"), (fonts / "simsun.ttf", None)]
    return [
        (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), "AR PL UMing CN"),
        (Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"), None),
    ]


def _system_hei() -> list[tuple[Path, str | None]]:
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        return [(fonts / "simhei.ttf", None)]
    return [
        (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), "WenQuanYi Micro Hei"),
        (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), "WenQuanYi Zen Hei"),
    ]


@cache
def load_face(path: Path, family: str | None = None) -> FontFace:
    """Register the TrueType face at `path` (for a .ttc, the one named `family`, else the first).

    Raises FontError with a message naming the file when it cannot be used.
    """
    if not path.is_file():
        raise FontError(f"找不到字体文件 {path}")
    last_error: Exception | None = None
    for index in range(32 if path.suffix.lower() == ".ttc" else 1):
        digest = hashlib.sha1(f"{path.resolve()}#{index}".encode()).hexdigest()[:10]
        name = f"kpi-{digest}"
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except TTFError as exc:
            last_error = exc
            break
        except Exception as exc:  # corrupt files raise struct/index errors, not only TTFError
            last_error = exc
            break
        face_family = font.face.familyName.decode("utf-8", "replace")
        if family is not None and face_family != family:
            continue
        _cache_subsets(font)
        pdfmetrics.registerFont(font)
        glyphs = frozenset(font.face.charToGlyph)
        return FontFace(name=name, path=path, index=index, family=face_family, glyphs=glyphs)
    if last_error is not None and family is None:
        raise FontError(f"无法使用字体文件 {path}（需要 TrueType 轮廓的 .ttf/.ttc 字体）：{last_error}")
    raise FontError(f"字体文件 {path} 中没有名为“{family}”的字体")


def _cache_subsets(font: TTFont) -> None:
    """Remember the embedded subsets the face builds: with stable glyph codes (encoding.py) an
    export builds the same 256-glyph subsets as the one before, and building them is slow."""
    build = font.face.makeSubset

    @lru_cache(maxsize=48)
    def cached(subset: tuple[int, ...]) -> bytes:
        data: bytes = build(list(subset))
        return data

    font.face.makeSubset = lambda subset: cached(tuple(subset))


def _first_usable(candidates: Iterable[tuple[Path, str | None]]) -> FontFace | None:
    for path, family in candidates:
        if path.is_file():
            try:
                return load_face(path, family)
            except FontError:
                continue
    return None


def resolve_fonts(body_font: Path | None = None, title_font: Path | None = None) -> FontSet:
    """The faces for one export: the user's choice, else the system's, else the bundled ones.

    A font the user chose explicitly that cannot be used is an error (not silently replaced).
    """
    song_path, song_family = bundled_song()
    hei_path, hei_family = bundled_hei()
    bundled = [load_face(song_path, song_family), load_face(hei_path, hei_family)]
    body = load_face(Path(body_font)) if body_font else None
    if body is None:
        body = _first_usable(_system_song()) or bundled[0]
    title = load_face(Path(title_font)) if title_font else None
    if title is None:
        title = _first_usable(_system_hei()) or bundled[1]
    fallbacks: Sequence[FontFace] = [f for f in bundled if f not in (body, title)]
    return FontSet(body=body, title=title, fallbacks=tuple(fallbacks))

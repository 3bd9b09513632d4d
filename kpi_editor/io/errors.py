"""The one error type for files a user hands us."""

from __future__ import annotations

from pathlib import Path


class FileFormatError(Exception):
    """A file that cannot be read. The message names the file and the place, in Chinese.

    Raised for anything a user can cause (bad JSON, wrong types, a broken workbook); callers show
    ``str(error)`` and keep whatever document they had open.
    """

    def __init__(self, path: str | Path, message: str, *, place: str | None = None) -> None:
        self.path = str(path)
        self.place = place
        self.detail = message
        where = f"（{one_line(place)}）" if place else ""
        # One line whatever the parts hold: a library's multi-line text, a newline in a name.
        super().__init__(f"{one_line(self.path)}{where}：{one_line(message)}")


class ExportCancelled(Exception):
    """The user cancelled an export through its progress callback; nothing was written."""


def one_line(text: str) -> str:
    """`text` with its line breaks (and runs of whitespace around them) as single spaces."""
    if "\n" not in text and "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    return " ".join(text.split())


class ImportCancelled(Exception):
    """The user cancelled an import through its progress callback; nothing was opened."""


def clip(text: str, limit: int) -> str:
    """`text` on one line and at most `limit` characters, for quoting user content in a message.

    A pasted paragraph must not swamp the message that quotes it; the cut is marked with ``…``.
    """
    text = text.strip().replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"

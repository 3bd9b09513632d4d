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
        where = f"（{place}）" if place else ""
        super().__init__(f"{self.path}{where}：{message}")


class ExportCancelled(Exception):
    """The user cancelled an export through its progress callback; nothing was written."""


class ImportCancelled(Exception):
    """The user cancelled an import through its progress callback; nothing was opened."""


def clip(text: str, limit: int) -> str:
    """`text` on one line and at most `limit` characters, for quoting user content in a message.

    A pasted paragraph must not swamp the message that quotes it; the cut is marked with ``…``.
    """
    text = text.strip().replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"

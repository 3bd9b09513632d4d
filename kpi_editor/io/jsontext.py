"""Reading JSON from a file someone else wrote: duplicate keys refused, half-characters found.

Shared by the project-file and library loaders. ``json.loads`` keeps the last of two equal keys
without a word (lost data) and turns a ``\\ud800`` escape into a string no file can hold; these
helpers let the loaders say so, with the place.
"""

from __future__ import annotations

import sys
from typing import Any

# Labels (项目完成, 数量指标 …) and amounts repeat thousands of times in a booklet: one object each
# (a fifth of a 100× booklet's memory).
_SHARED_TEXT = 24


class DuplicateKey(Exception):
    """Two equal keys in one JSON object."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`json.loads`' object hook: a dict of `pairs`, or `DuplicateKey`; short texts interned."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(key)
        if type(value) is str and len(value) <= _SHARED_TEXT:
            value = sys.intern(value)
        result[key] = value
    return result


def first_unencodable(data: Any) -> tuple[Any, ...] | None:
    """The location of the first string (key or value) that UTF-8 cannot encode, or None."""
    # Iterative: the document may be nested as deeply as the JSON parser allowed.
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                return loc
        elif isinstance(node, dict):
            for key, value in reversed(node.items()):
                stack.append(((*loc, key), key))
                stack.append(((*loc, key), value))
        elif isinstance(node, list):
            stack.extend(((*loc, i), item) for i, item in reversed(list(enumerate(node))))
    return None

"""Keep PySide6's reference-count slips on None/True/False from crashing CPython 3.11.

PySide6 6.12 releases one reference too many to the value it returns for some calls made from
Python: ``Signal.emit()`` drops one on ``True``, ``QTimer.start()`` one on ``None``, a merged
QUndoCommand one on ``None``. On CPython ≥ 3.12 these objects are immortal and nothing happens;
on 3.11 each keystroke costs ~10 references and after a long editing session the interpreter
aborts with "bool_dealloc: deallocating True or False". We give the three singletons a refcount
no session can exhaust — what 3.12 does for them anyway.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = False
_HEADROOM = 1 << 40


def pin_singletons() -> None:
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject in release builds.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _PINNED = True

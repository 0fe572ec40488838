"""Work-arounds for defects of the Qt binding, applied once when `ui` is imported.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without giving the caller a new
reference, so every emit from Python takes one reference away from the `True` object.
From Python 3.12 `True` is immortal and nothing happens; on 3.11 its count (a few hundred
after start-up) reaches zero after that many emits and the interpreter aborts with
"bool_dealloc: deallocating True or False". Until the binding is fixed we give `True` and
`False` as many references as an immortal object has, which is what 3.12 does anyway.
"""

from __future__ import annotations

import ctypes
import sys

# The same order of magnitude as CPython 3.12's immortal reference count.
_PINNED_REFERENCES = 1 << 32


def pin_booleans() -> None:
    """Make True and False practically immortal on CPython before 3.12 (a no-op after)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (True, False):
        refcount = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt is the first field
        if refcount.value < _PINNED_REFERENCES:
            refcount.value += _PINNED_REFERENCES


pin_booleans()

"""Work-arounds for defects of the Qt binding, applied once when `ui` is imported.

PySide6 6.12.0 on Python 3.11 hands out `None`, `True` and `False` without giving the
caller a new reference: every `SignalInstance.emit()` (which returns `True`) and every
binding call that returns nothing (`sender()`, `parent()`, `focusWidget()`, `item(n)`
past the end, `index.data()` for an empty role...) takes one reference away. From Python
3.12 these objects are immortal and nothing happens; on 3.11 the count (a few thousand
after start-up) reaches zero after that many calls and the interpreter aborts
("deallocating None") or, earlier, crashes in the garbage collector.

pyproject.toml keeps 6.12.0 out (6.11 is not affected). In case a later 6.12 release or
a hand-made environment brings the defect back, we also give the three singletons as many
references as an immortal object has, which is what Python 3.12 does anyway.
tests/ui/test_pyside_fixes.py checks both calls with the binding that is installed.
"""

from __future__ import annotations

import ctypes
import sys

# The same order of magnitude as CPython 3.12's immortal reference count.
_PINNED_REFERENCES = 1 << 32
_SINGLETONS = (None, True, False)


def pin_singletons() -> None:
    """Make None, True and False practically immortal on CPython before 3.12."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in _SINGLETONS:
        refcount = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt is the first field
        if refcount.value < _PINNED_REFERENCES:
            refcount.value += _PINNED_REFERENCES


pin_singletons()

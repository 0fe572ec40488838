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

A view's headers are made here, not fetched from the view (`own_headers`). The binding
finds the wrapper of a C++ object by its address; a wrapper made while the object was
still being built has the type the object had then (QWidget, QAbstractScrollArea), and as
long as something keeps that wrapper alive, `verticalHeader()` hands it out again and its
QHeaderView methods are missing. Our application-wide event filter (ui.widgets.idle_lock)
receives every header's first events, so it makes such a wrapper each time; anything that
holds on to a frame for a moment (a stack sampler such as bench.sync_gui's watchdog, a
debugger, a kept traceback) then keeps it alive. A wrapper made in Python is registered
with its own type once the header exists, and the reference we keep needs no look-up.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

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


def own_headers(view: QTableView) -> tuple[QHeaderView, QHeaderView]:
    """Give `view` a horizontal and a vertical header made in Python, set up as QTableView
    sets up its own, and return them: use these, never `view.horizontalHeader()`."""
    made = []
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        header = QHeaderView(orientation, view)
        header.setSectionsClickable(True)
        header.setHighlightSections(True)
        made.append(header)
    view.setHorizontalHeader(made[0])
    view.setVerticalHeader(made[1])
    return made[0], made[1]


pin_singletons()

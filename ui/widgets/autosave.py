"""Save a form as it is typed: debounced background writes, and a synchronous last save.

`schedule(value)` restarts a short timer; when it fires, the latest value is saved with
`ctx.tasks.write_database` (one write at a time, announcing `changes`). `flush_now()`
saves the latest unsaved value at once, on the calling (GUI) thread. The form calls it
when it is hidden: closing the window or quitting then never loses a draft. It must be
synchronous there, because the task runner's shutdown cancels writes still queued; the
write is one row and takes a few milliseconds.

Background and synchronous saves share a lock and a generation number, so an older value
never overwrites a newer one whichever finishes last.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.tasks import Session

DEBOUNCE_MS = 800


class Autosaver(QObject):
    """Debounced saving of one record's form; `save(session, value)` does the work."""

    saved = Signal(object)  # the result of `save`, on the GUI thread
    failed = Signal(object)  # the exception

    def __init__(self, ctx: AppContext, save: Callable[[Session, Any], Any], *,
                 changes: set[str], parent: QWidget, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._save = save
        self._changes = changes
        self._parent = parent
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save_in_background)
        self._lock = threading.Lock()
        self._value: Any = None
        self._generation = 0  # of the latest value scheduled
        self._stored = 0  # generation of the latest value written
        self.active = True

    @property
    def pending(self) -> bool:
        """True while a scheduled value has not been written yet."""
        return self._generation != self._stored

    def schedule(self, value: Any) -> None:
        """Remember the form's latest value and save it after a pause in typing."""
        if not self.active:
            return
        self._value = value
        self._generation += 1
        self._timer.start()

    def cancel(self) -> None:
        """Forget any unsaved value (the record is gone or was saved another way)."""
        self._timer.stop()
        self._stored = self._generation

    def _save_in_background(self) -> None:
        value, generation = self._value, self._generation

        def work(database: Any, _progress: object) -> Any:
            with self._lock:
                if generation <= self._stored:
                    return None  # a newer value was already written (by flush_now)
                with database.transaction() as session:
                    result = self._save(session, value)
                self._stored = max(self._stored, generation)  # committed
                return result

        self._ctx.tasks.write_database(work, changes=self._changes,
                                       on_success=self._done, on_failure=self.failed.emit,
                                       parent=self._parent)

    def _done(self, result: Any) -> None:
        if result is not None:
            self.saved.emit(result)

    def flush_now(self) -> bool:
        """Write the unsaved value now, on this thread; True when something was written."""
        self._timer.stop()
        if not self.pending or not self._ctx.has_database:
            return False
        value, generation = self._value, self._generation
        with self._lock:
            if generation <= self._stored:
                return False
            with self._ctx.db.transaction() as session:
                result = self._save(session, value)
            self._stored = max(self._stored, generation)
        self._ctx.changed.emit(frozenset(self._changes))
        self.saved.emit(result)
        return True

    def flush_soon(self) -> None:
        """Save the unsaved value in the background now instead of after the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self._save_in_background()

"""Progress and cancellation for long-running core functions, without Qt.

A worker function takes a `Progress`, calls `report()` as it goes and `check()` between
steps; the UI subclasses nothing, it passes callbacks (see `ui/tasks.py`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from fieldapp.errors import Cancelled


class Progress:
    """Reports how far a job is and tells it when to stop."""

    def __init__(self, on_report: Callable[[int, int, str], None] | None = None) -> None:
        self._on_report = on_report
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Say that `done` of `total` steps are finished, then stop if cancelled."""
        if self._on_report is not None:
            self._on_report(done, total, message)
        self.check()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled when the job was asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

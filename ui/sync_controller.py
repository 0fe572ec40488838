"""Sync with HQ as the application sees it: one sync at a time, on request or on a timer,
with the state the status bar and the sync screen show.

The state is read once (`ui.models.sync_state.load_sync_state`, one session) and handed to
both in the same `SyncView`: the status bar's line and the screen's counts, lists and
failure sentence come from the same read, so they cannot disagree.

The work itself is `sync.client` (no Qt), run through `TaskRunner.network` so a slow link
never blocks the window or the other background work. Automatic sync, when the officer
turns it on, tries every few minutes; while offline it backs off exponentially with
jitter (so a room of laptops coming back online does not knock on HQ at once), and it
stops trying when only a person can help (revoked device, not enrolled).

`sync.client` is imported only inside the worker functions: start-up does not pay for
`requests`.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.context import EVERYTHING, Change

if TYPE_CHECKING:
    from fieldapp.db import Database
    from fieldapp.progress import Progress
    from ui.context import AppContext
    from ui.tasks import Task

log = logging.getLogger(__name__)

AUTO_KEY = "sync/automatic"
INTERVAL_S = 5 * 60  # between automatic syncs while all is well
BACKOFF_BASE_S = 60  # first retry after a failure that may pass by itself
BACKOFF_CAP_S = 60 * 60
JITTER = 0.2  # ± this share of the delay
STATUS_DEBOUNCE_MS = 500
DEVICE_LOST = "device_lost"  # sync.client erased the profile (not imported: see module doc)


def retry_delay(failures: int, *, rng: random.Random | None = None) -> float:
    """Seconds to wait after `failures` failed syncs in a row (≥ 1): doubling, capped, jittered."""
    rng = rng or random.Random()
    delay = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** max(0, failures - 1))
    return delay * rng.uniform(1 - JITTER, 1 + JITTER)


@dataclass(frozen=True)
class SyncView:
    """The sync state in words: one short line for the status bar and its tone, with the
    state it was made from (for the sync screen)."""

    text: str
    tone: str  # "ok", "pending", "offline", "conflict", "error", "off", "busy"
    state: Any = None  # ui.models.sync_state.SyncScreenState when known
    problem: str = ""  # the last failure's sentence (the log's) until a sync succeeds
    last_sync: str = ""  # "Never synced yet." or when the last sync succeeded, for the screen

    @property
    def status(self) -> Any:
        """sync.client.SyncStatus when known."""
        return self.state.status if self.state is not None else None


def never_synced(status: Any) -> bool:
    """No sync has ever succeeded on this laptop (whatever enrollment says)."""
    return status.last_success is None


def last_sync_sentence(status: Any) -> str:
    """When the last sync succeeded, or that none ever did: the screen's sentence, made from
    the same read as the status bar's line."""
    from ui.models.sync_state import local_time

    if never_synced(status):
        return QCoreApplication.translate("SyncController", "Never synced yet.")
    return QCoreApplication.translate("SyncController", "Last successful sync: {0}.").format(
        local_time(status.last_success))


def _read_state(session: Any, progress: Progress) -> Any:
    from ui.models.sync_state import load_sync_state

    return load_sync_state(session, progress)


def _run_sync(db: Database, progress: Progress, *, officer_present: bool) -> Any:
    from sync.client import sync_once

    return sync_once(db, progress=progress, officer_present=officer_present)


class SyncController(QObject):
    """Runs syncs (by hand or automatically) and keeps the sync state for the screens."""

    view_changed = Signal(object)  # SyncView
    started = Signal()
    progressed = Signal(int, int, str)
    finished = Signal(str, str)  # outcome ("ok", "error", "cancelled"), message

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task[Any] | None = None
        self.failures = 0
        self.offline = False
        self.last_error = ""
        self.view = SyncView(self.tr("Sync: not set up yet"), "off")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._automatic_sync)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_DEBOUNCE_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._running = False
        self.quit_app = QCoreApplication.quit  # after a profile erased on HQ's order
        # Whether the window is locked (set by the main window): a sync while it is, is
        # not the officer's, so a device written off as lost erases without a last push.
        self.locked: Callable[[], bool] = lambda: False
        ctx.changed.connect(self._data_changed)

    # Starting and stopping --------------------------------------------------------------

    def start(self) -> None:
        """The database is open: read the state, and schedule automatic sync if it is on."""
        self._running = True
        self.refresh_status()
        self._schedule(10.0)

    def stop(self) -> None:
        """Stop the timers and cancel a sync under way (at exit)."""
        self._running = False
        self._timer.stop()
        self._status_timer.stop()
        if self.task is not None:
            self.task.cancel()

    @property
    def automatic(self) -> bool:
        """Whether syncs start on their own."""
        return str(self.ctx.settings.value(AUTO_KEY, "false")).lower() == "true"

    def set_automatic(self, on: bool) -> None:
        """Turn automatic sync on or off (remembered for the profile)."""
        self.ctx.settings.setValue(AUTO_KEY, "true" if on else "false")
        self.failures = 0
        self._schedule(5.0 if on else None)

    @property
    def busy(self) -> bool:
        """A sync is under way."""
        return self.task is not None

    # Syncing ----------------------------------------------------------------------------

    def sync_now(self) -> Task[Any] | None:
        """Start a sync unless one is running; returns its task."""
        if self.task is not None or not self.ctx.has_database:
            return self.task
        self._timer.stop()
        self._set_view(SyncView(self.tr("Sync: in progress…"), "busy", self.view.state,
                                self.view.problem))
        self.started.emit()
        present = not self.locked()
        self.task = self.ctx.tasks.network(
            lambda db, progress: _run_sync(db, progress, officer_present=present),
            changes=EVERYTHING, on_success=self._synced, on_failure=self._failed,
            on_cancelled=self._cancelled, on_progress=self.progressed.emit)
        return self.task

    def cancel(self) -> None:
        """Stop the sync under way at its next step; what was done stays done."""
        if self.task is not None:
            self.task.cancel()

    def _synced(self, result: Any) -> None:
        self.task = None
        self.failures, self.offline, self.last_error = 0, False, ""
        message = self.tr("Sent {0}, received {1}.").format(result.pushed, result.pulled)
        if result.conflicts:
            message += " " + self.tr("%n conflict(s) to resolve.", "", result.conflicts)
        self.finished.emit("ok", message)
        self.refresh_status()
        self._schedule(INTERVAL_S)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        message = getattr(exc, "message", str(exc))
        self.last_error = message
        if getattr(exc, "code", "") == DEVICE_LOST:
            self._erased(message)
            return
        self.offline = getattr(exc, "code", "") in {"offline", "timeout", "tls", "captive_portal"}
        self.failures += 1
        self.finished.emit("error", message)
        self.refresh_status()
        if getattr(exc, "retry_later", True):
            self._schedule(retry_delay(self.failures))
        else:
            self._timer.stop()  # a person must act first (enroll, HQ reinstates the device)

    def _erased(self, message: str) -> None:
        """HQ wrote this laptop off as lost and sync.client erased the profile: say so in
        a box the officer must close, then close Field Kit (its database is gone)."""
        self.stop()
        self._set_view(SyncView(self.tr("Sync: this profile was erased on HQ's order"),
                                "error", self.view.state, message, self.view.last_sync))
        self.finished.emit("error", message)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Profile erased on HQ's order"),
                          message, QMessageBox.StandardButton.Close,
                          QApplication.activeWindow())
        box.exec()
        self.quit_app()

    def _cancelled(self) -> None:
        self.task = None
        self.finished.emit("cancelled", self.tr("Sync cancelled; what was sent stays sent."))
        self.refresh_status()
        self._schedule(INTERVAL_S)

    def _schedule(self, seconds: float | None) -> None:
        self._timer.stop()
        if seconds is not None and self._running and self.automatic:
            self._timer.start(int(seconds * 1000))

    def _automatic_sync(self) -> None:
        status = self.view.status
        if status is not None and not status.enrolled:
            return  # nothing to try until the officer enrolls; enrolling restarts the timer
        self.sync_now()

    def next_attempt_ms(self) -> int:
        """Milliseconds until the next automatic sync, or -1 when none is planned."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    # State ------------------------------------------------------------------------------

    def _data_changed(self, kinds: frozenset[str]) -> None:
        if self._running and self.task is None and kinds - {Change.SETTINGS}:
            self._status_timer.start()  # pending counts moved

    def refresh_status(self) -> None:
        """Read the sync state (enrollment, pending, conflicts, held, log) in the background."""
        if not self.ctx.has_database:
            return
        self.ctx.tasks.query(_read_state, on_success=self._show_state,
                             on_failure=self._status_failed)

    def _status_failed(self, exc: BaseException) -> None:
        # The status line is a convenience: keep the last one rather than a dialog.
        log.warning("could not read the sync state: %s", exc)

    def _show_state(self, state: Any) -> None:
        status = state.status
        # The sentence the log keeps for the last failed sync (cleared by a success); a
        # failure before anything was logged (not enrolled, no token) is known only here.
        problem = self.last_error or status.last_error
        when = last_sync_sentence(status)
        if self.task is not None:
            self._set_view(SyncView(self.view.text, "busy", state, problem, when))
            return
        if not status.enrolled:
            text = (self.tr("Sync: not set up yet, never synced") if never_synced(status)
                    else self.tr("Sync: not set up yet"))
            self._set_view(SyncView(text, "off", state, problem, when))
            return
        parts: list[str] = []
        tone = "ok"
        pending = sum(status.pending.values())
        if problem:
            parts.append(self.tr("offline") if self.offline else self.tr("error"))
            tone = "offline" if self.offline else "error"
        elif never_synced(status):
            parts.append(self.tr("never synced yet"))  # never "up to date" before a first sync
            tone = "pending"
        if status.conflicts:
            parts.append(self.tr("%n conflict(s) to resolve", "", status.conflicts))
        if status.held:
            parts.append(self.tr("%n change(s) held by HQ", "", status.held))
        if status.held_rows:
            parts.append(self.tr("%n row(s) from HQ not applied", "", status.held_rows))
        if tone == "ok" and parts:
            tone = "conflict"  # the officer has something to decide
        if problem or pending:
            parts.append(self.tr("%n change(s) waiting", "", pending))
            tone = "pending" if tone == "ok" else tone
        text = " · ".join(parts) if parts else self.tr("up to date")
        self._set_view(SyncView(self.tr("Sync: {0}").format(text), tone, state, problem, when))

    def _set_view(self, view: SyncView) -> None:
        self.view = view
        self.view_changed.emit(view)

    def enrolled(self) -> None:
        """The officer has just enrolled: fresh state, and automatic sync may begin."""
        self.failures, self.offline, self.last_error = 0, False, ""
        self.refresh_status()
        self._schedule(1.0)

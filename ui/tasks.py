"""Background work: the one way the UI runs anything that may take more than ~50 ms.

Modelled on Anki's QueryOp/CollectionOp. A screen hands a plain function to the
`TaskRunner`; the function runs on a worker thread with its own Session (opened there,
never shared between threads) and a `fieldapp.progress.Progress`; its result or
exception comes back to the GUI thread by signal, to the callbacks given:

    ctx.tasks.query(lambda session, progress: list_operations(session),
                    on_success=self._show_operations, parent=self)
    ctx.tasks.write(lambda session, progress: save_officer(session, name=n, organisation=o),
                    changes={Change.SETTINGS}, on_success=..., on_failure=..., parent=self)

- `query` reads in a session that commits nothing, on a small pool of its own.
- `write` runs in a transaction (commit on success, rollback on error) on a pool of one
  thread, so writes happen one at a time in the order asked; on success the runner
  announces `changes` (the kinds of data touched) through the application's "changed"
  signal before calling `on_success`.
- `write_database` is for core functions that manage their own transactions and take the
  `Database` itself (demo loading, imports).
- `network` is for work that talks to HQ (sync, enrollment): it takes the `Database`,
  runs on a thread of its own so a slow link never holds up reads or writes, and
  announces `changes` when it ends, whether it succeeded or not (a sync that failed
  half-way may already have applied what it received) -- never during it, so screens
  read a sync's rows once, not after every batch. Its progress reaches the GUI thread at
  most every NETWORK_PROGRESS_S (a stage's last report always): a fast link or small
  batches would otherwise queue a signal per batch on the GUI thread.
- `plain` is for work that needs no database (unwrapping the profile's key, encrypting
  the profile before it is opened): `work(progress)` on a pool of its own.

Threads: the worker never holds the last reference to anything that may reach a widget.
The runner keeps each Task (which holds the work function's closure, the callbacks and
the parent) until its outcome is delivered on the GUI thread; the pool's runnable holds
only a weak reference to it and hands the outcome back through the runner, which lives as
long as the application. A failure's traceback has its frames cleared before it leaves
the worker. So widgets are freed on the GUI thread only (ui.gc_guard does the same for
reference cycles).

Failures: `on_failure(exc)` when given, else the standard error dialog
(`ui.widgets.error_dialog.show_error`). A `Cancelled` job (its Progress was cancelled)
calls `on_cancelled` and nothing else: the officer asked for it. When `parent` is given
and has been destroyed by the time the result arrives, no callback runs.
"""

from __future__ import annotations

import itertools
import logging
import time
import traceback
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar, Unpack

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.errors import Cancelled, FieldAppError
from fieldapp.progress import Progress

if TYPE_CHECKING:
    from fieldapp.db import Database

log = logging.getLogger(__name__)

T = TypeVar("T")
Session = Any  # an SQLAlchemy Session; the UI only passes it on to fieldapp services
SessionWork = Callable[[Session, Progress], T]
DatabaseWork = Callable[["Database", Progress], T]
PlainWork = Callable[[Progress], T]
READ_THREADS = 2
NETWORK_PROGRESS_S = 0.2  # a network task's progress: at most five reports a second


def _throttled(emit: Callable[[int, int, str], None],
               every_s: float) -> Callable[[int, int, str], None]:
    """`emit` (called on the worker thread), skipping a report when one went less than
    `every_s` ago, unless it ends a stage (done >= total)."""
    if every_s <= 0:
        return emit
    last = [float("-inf")]

    def report(done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < every_s:
            return
        last[0] = now
        emit(done, total, message)

    return report


class Task(QObject, Generic[T]):
    """One job in flight: cancel it, or watch `finished` (emitted on the GUI thread)."""

    finished = Signal()
    progressed = Signal(int, int, str)  # done, total, message
    # Emitted from the worker thread; delivered to this object's slot on the GUI thread.
    _worker_progress = Signal(int, int, str)

    def __init__(
        self,
        *,
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        parent_widget: QWidget | None,
        after_success: Callable[[], None] | None = None,
        progress_every_s: float = 0.0,
    ) -> None:
        super().__init__()
        self.work: Callable[[Progress], object] | None = None  # set by the runner
        # Not a method of this Task: the Progress would hold the Task in a cycle, which
        # only the collector frees, maybe on a worker thread (see the module doc).
        self.progress = Progress(on_report=_throttled(self._worker_progress.emit,
                                                      progress_every_s))
        self.done = False
        self.outcome: str = ""  # "succeeded", "failed" or "cancelled" once done
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancelled = on_cancelled
        self._on_progress = on_progress
        self._parent_widget = parent_widget
        self._after_success = after_success
        self._worker_progress.connect(self._deliver_progress)

    def cancel(self) -> None:
        """Ask the job to stop at its next progress check; a job not yet started never runs."""
        self.progress.cancel()

    def _parent_alive(self) -> bool:
        return self._parent_widget is None or shiboken6.isValid(self._parent_widget)

    def _deliver(self, succeeded: bool, value: object) -> None:
        """The outcome, on the GUI thread: callbacks, then `finished` (even if one raised)."""
        try:
            if succeeded:
                self._deliver_result(value)
            else:
                self._deliver_error(value)  # type: ignore[arg-type]
        finally:
            self.finished.emit()
            self._release()

    def _deliver_result(self, result: object) -> None:
        self._finish("succeeded")
        if self._after_success is not None:
            self._after_success()
        if self._on_success is not None and self._parent_alive():
            self._on_success(result)  # type: ignore[arg-type]

    def _deliver_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._finish("cancelled")
            if self._on_cancelled is not None and self._parent_alive():
                self._on_cancelled()
            return
        self._finish("failed")
        if self._parent_alive():
            if self._on_failure is not None:
                self._on_failure(exc)
            else:
                from ui.widgets.error_dialog import show_error

                show_error(self._parent_widget or QApplication.activeWindow(), exc)

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, message: str) -> None:
        if self.done:
            return
        self.progressed.emit(done, total, message)
        if self._on_progress is not None and self._parent_alive():
            self._on_progress(done, total, message)

    def _finish(self, outcome: str) -> None:
        self.done = True
        self.outcome = outcome
        self.work = None  # on the GUI thread: the worker's reference is never the last

    def _release(self) -> None:
        """Let go of the callbacks and the parent (after `finished`, on the GUI thread)."""
        self._on_success = self._on_failure = self._on_cancelled = self._on_progress = None
        self._after_success = None
        self._parent_widget = None


def _execute(task_ref: weakref.ref[Task[Any]]) -> tuple[bool, object]:
    """Run a Task's work on this worker thread: (True, result) or (False, exception).

    The strong references taken here end with this call, before the outcome is sent."""
    task = task_ref()
    if task is None or task.work is None:  # the runner holds it until the outcome: defensive
        return False, Cancelled()
    try:
        task.progress.check()  # cancelled while waiting in the queue: do nothing
        return True, task.work(task.progress)
    except Cancelled as exc:
        return False, exc
    except Exception as exc:  # handed to the GUI thread, which shows or reports it
        if not isinstance(exc, FieldAppError):
            log.error("background task failed", exc_info=exc)
        return False, exc


class _Job(QRunnable):
    """Runs a Task's work on a pool thread; the outcome goes back through the runner."""

    def __init__(self, task: Task[Any], token: int,
                 report: Callable[[int, bool, object], None]) -> None:
        super().__init__()
        self._task = weakref.ref(task)
        self._token = token
        self._report = report

    def run(self) -> None:
        succeeded, value = _execute(self._task)
        if isinstance(value, BaseException):
            _clear_frames(value)
        try:
            self._report(self._token, succeeded, value)
        except RuntimeError:  # the runner is gone: the application quit without waiting
            log.warning("a background job finished after the application closed")


def _clear_frames(exc: BaseException) -> None:
    """Drop the locals of every frame in a failure's tracebacks (its causes included):
    they hold the work's closure (screens, the session...), which must not be freed later
    on this thread by accident."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        current = current.__cause__ or current.__context__


class Callbacks(TypedDict, Generic[T], total=False):
    """What a screen may pass to each TaskRunner method (all optional, all GUI-thread)."""

    on_success: Callable[[T], None] | None
    on_failure: Callable[[BaseException], None] | None
    on_cancelled: Callable[[], None] | None
    on_progress: Callable[[int, int, str], None] | None
    parent: QWidget | None


def _task(callbacks: Callbacks[T], after_success: Callable[[], None] | None = None, *,
          progress_every_s: float = 0.0) -> Task[T]:
    unknown = callbacks.keys() - Callbacks.__optional_keys__
    if unknown:  # a misspelt callback would otherwise be ignored without a word
        raise TypeError(  # i18n: not shown
            f"unknown task callback(s): {', '.join(sorted(unknown))}")
    return Task(on_success=callbacks.get("on_success"), on_failure=callbacks.get("on_failure"),
                on_cancelled=callbacks.get("on_cancelled"),
                on_progress=callbacks.get("on_progress"),
                parent_widget=callbacks.get("parent"), after_success=after_success,
                progress_every_s=progress_every_s)


class TaskRunner(QObject):
    """Runs jobs on two pools (reads; writes one at a time) and tracks them until done."""

    # Emitted from the worker threads: (token, succeeded, result or exception).
    _outcome = Signal(int, bool, object)

    def __init__(
        self,
        database: Callable[[], Database],
        *,
        announce: Callable[[frozenset[str]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._announce = announce
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(READ_THREADS)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(1)
        self._plain = QThreadPool(self)
        self._plain.setMaxThreadCount(1)
        self._active: dict[int, Task[Any]] = {}
        self._tokens = itertools.count(1)
        self._outcome.connect(self._deliver)

    def query(self, work: SessionWork[T], **callbacks: Unpack[Callbacks[T]]) -> Task[T]:
        """Read in the background: `work(session, progress)` in a session that commits nothing."""
        database = self._database()

        def job(progress: Progress) -> T:
            with database.session() as session:
                return work(session, progress)

        return self._start(self._reads, _task(callbacks), job)

    def write(
        self, work: SessionWork[T], *, changes: Iterable[str], **callbacks: Unpack[Callbacks[T]]
    ) -> Task[T]:
        """Write in the background, one write at a time, in one transaction; then announce."""
        database = self._database()

        def job(progress: Progress) -> T:
            with database.transaction() as session:
                return work(session, progress)

        return self._start_write(job, changes, callbacks)

    def write_database(
        self, work: DatabaseWork[T], *, changes: Iterable[str], **callbacks: Unpack[Callbacks[T]]
    ) -> Task[T]:
        """Like `write`, for core functions that take the Database and commit on their own."""
        database = self._database()
        return self._start_write(lambda progress: work(database, progress), changes, callbacks)

    def network(
        self, work: DatabaseWork[T], *, changes: Iterable[str], **callbacks: Unpack[Callbacks[T]]
    ) -> Task[T]:
        """Talk to HQ in the background, one exchange at a time; announce `changes` at the end."""
        database = self._database()
        changed = frozenset(changes)
        task = _task(callbacks, progress_every_s=NETWORK_PROGRESS_S)
        task.finished.connect(lambda: self._announce(changed))
        return self._start(self._network, task, lambda progress: work(database, progress))

    def plain(self, work: PlainWork[T], **callbacks: Unpack[Callbacks[T]]) -> Task[T]:
        """Run `work(progress)`, which needs no database, in the background, one at a time
        (it may run before the database is open)."""
        return self._start(self._plain, _task(callbacks), work)

    def _start_write(
        self, job: Callable[[Progress], T], changes: Iterable[str], callbacks: Callbacks[T]
    ) -> Task[T]:
        changed = frozenset(changes)
        task = _task(callbacks, after_success=lambda: self._announce(changed))
        return self._start(self._writes, task, job)

    def _start(self, pool: QThreadPool, task: Task[T], job: Callable[[Progress], T]) -> Task[T]:
        token = next(self._tokens)
        self._active[token] = task
        task.work = job
        pool.start(_Job(task, token, self._outcome.emit))
        return task

    @Slot(int, bool, object)
    def _deliver(self, token: int, succeeded: bool, value: object) -> None:
        task = self._active.pop(token, None)
        if task is not None:
            task._deliver(succeeded, value)

    @property
    def active(self) -> int:
        """How many jobs are queued or running."""
        return len(self._active)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every job and wait for the threads; True if all stopped in time."""
        for task in list(self._active.values()):
            task.cancel()
        reads_done = self._reads.waitForDone(timeout_ms)
        writes_done = self._writes.waitForDone(timeout_ms)
        network_done = self._network.waitForDone(timeout_ms)
        plain_done = self._plain.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self)  # the outcomes just sent: deliver them now
        return reads_done and writes_done and network_done and plain_done

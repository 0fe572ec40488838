"""ui.tasks: results and errors come back on the GUI thread; cancel, progress, announce."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldapp.errors import StorageError, ValidationError
from fieldapp.services.settings import get_officer, save_officer


def test_query_result_reaches_success_callback_on_gui_thread(qtbot, ctx):
    seen = {}

    def work(session, progress):
        seen["worker_thread"] = QThread.currentThread()
        return get_officer(session).name

    def done(result):
        seen["result"] = result
        seen["callback_thread"] = QThread.currentThread()

    task = ctx.tasks.query(work, on_success=done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == ""
    assert seen["callback_thread"] is QApplication.instance().thread()
    assert seen["worker_thread"] is not QApplication.instance().thread()
    assert task.outcome == "succeeded"


def test_task_failure_reaches_failure_callback(qtbot, ctx):
    failures = []
    successes = []

    def work(session, progress):
        raise ValidationError("name", "Enter your name.")

    task = ctx.tasks.query(work, on_success=successes.append, on_failure=failures.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert successes == []
    assert [type(e) for e in failures] == [ValidationError]
    assert failures[0].message == "Enter your name."
    assert task.outcome == "failed"


def test_failed_write_rolls_back_and_announces_nothing(qtbot, ctx):
    announced = []
    ctx.changed.connect(announced.append)

    def work(session, progress):
        save_officer(session, name="Ana Lima", organisation="OCHA")
        raise RuntimeError("disk went away")

    task = ctx.tasks.write(work, changes={"settings"}, on_failure=lambda exc: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    with ctx.db.session() as session:
        assert get_officer(session).name == ""
    assert announced == []


def test_successful_write_commits_then_announces_what_changed(qtbot, ctx):
    order = []
    ctx.changed.connect(lambda changes: order.append(("changed", changes)))
    task = ctx.tasks.write(
        lambda session, progress: save_officer(session, name="Ana Lima", organisation="OCHA"),
        changes={"settings"},
        on_success=lambda officer: order.append(("success", officer.name)),
    )
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert order == [("changed", frozenset({"settings"})), ("success", "Ana Lima")]
    with ctx.db.session() as session:
        assert get_officer(session).name == "Ana Lima"


def test_unhandled_failure_shows_the_standard_error_dialog(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(session, progress):
        raise StorageError("The disk holding /tmp/x is full. Free some space and try again.")

    task = ctx.tasks.query(work, parent=parent)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    box = parent.findChild(QMessageBox, "errorDialog")
    assert box is not None
    assert box.isVisible()
    assert box.text() == "The disk holding /tmp/x is full. Free some space and try again."
    assert box.detailedText() == ""
    box.close()


def test_unexpected_failure_is_summarised_with_details_behind_a_button(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(session, progress):
        return {}["missing"]

    task = ctx.tasks.query(work, parent=parent)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    box = parent.findChild(QMessageBox, "errorDialog")
    assert "Something went wrong" in box.text()
    assert "KeyError" in box.text()
    assert "Traceback" in box.detailedText()
    assert "Traceback" not in box.text()
    box.close()


def test_progress_reports_arrive_in_order(qtbot, ctx):
    reports = []

    def work(session, progress):
        for step in range(1, 4):
            progress.report(step, 3, f"step {step}")
        return "ok"

    task = ctx.tasks.query(work, on_progress=lambda *r: reports.append(r))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert reports == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_cancel_stops_a_running_job_and_calls_on_cancelled(qtbot, ctx):
    started = threading.Event()
    steps = []
    outcome = []

    def work(session, progress):
        started.set()
        for step in range(1000):
            steps.append(step)
            progress.report(step, 1000)
            time.sleep(0.005)
        return "finished"

    task = ctx.tasks.write_database(
        work, changes={"contact"}, on_success=outcome.append,
        on_cancelled=lambda: outcome.append("cancelled"),
        on_failure=lambda exc: outcome.append(exc),
    )
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcome == ["cancelled"]
    assert task.outcome == "cancelled"
    assert len(steps) < 1000


def test_a_job_cancelled_while_queued_never_runs(qtbot, ctx):
    release = threading.Event()
    ran = []
    first = ctx.tasks.write(lambda s, p: release.wait(5), changes=())
    second = ctx.tasks.write(lambda s, p: ran.append(True), changes=())
    second.cancel()
    release.set()
    with qtbot.waitSignal(second.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: first.done)
    assert ran == []
    assert second.outcome == "cancelled"


def test_writes_run_one_at_a_time_in_order(qtbot, ctx):
    running = []
    overlaps = []
    order = []

    def make(n):
        def work(session, progress):
            if running:
                overlaps.append(n)
            running.append(n)
            time.sleep(0.02)
            order.append(n)
            running.remove(n)
        return work

    tasks = [ctx.tasks.write(make(n), changes=()) for n in range(5)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=5000)
    assert overlaps == []
    assert order == [0, 1, 2, 3, 4]


def test_no_callback_runs_once_the_parent_widget_is_gone(qtbot, ctx):
    release = threading.Event()
    calls = []
    parent = QWidget()
    task = ctx.tasks.query(lambda s, p: release.wait(5), parent=parent,
                           on_success=calls.append, on_failure=calls.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent))
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert calls == []


@pytest.mark.parametrize("method", ["query", "write"])
def test_each_job_gets_its_own_session(qtbot, ctx, method):
    sessions = []

    def work(session, progress):
        sessions.append(session)

    kwargs = {"changes": ()} if method == "write" else {}
    tasks = [getattr(ctx.tasks, method)(work, **kwargs) for _ in range(3)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=5000)
    assert len({id(s) for s in sessions}) == 3


def test_a_misspelt_callback_is_refused_before_anything_runs(ctx):
    ran = []
    with pytest.raises(TypeError, match="on_sucess"):
        ctx.tasks.query(lambda session, progress: ran.append(1), on_sucess=print)
    assert ctx.tasks.active == 0
    assert ran == []


def test_a_widget_held_only_by_a_job_is_freed_on_the_gui_thread(qtbot, ctx):
    """The worker never drops the last reference to what the work or callbacks hold."""
    freed_on = []
    gate = threading.Event()

    class Panel(QWidget):  # a screen whose job outlives every other reference to it
        def __del__(self):
            freed_on.append(threading.current_thread() is threading.main_thread())

    panel = Panel()

    def work(session, progress, panel=panel):
        gate.wait(5)
        return panel.objectName()

    task = ctx.tasks.query(work, on_success=lambda _name, panel=panel: None)
    del panel, work  # the screen was closed: only the job holds it now
    with qtbot.waitSignal(task.finished, timeout=5000):
        gate.set()
    qtbot.waitUntil(lambda: ctx.tasks.active == 0)
    qtbot.wait(50)  # the worker has returned and let go of its references
    del task
    assert freed_on == [True]


def test_finished_tasks_are_freed_on_the_gui_thread(qtbot, ctx):
    """The runner lets a Task go once its outcome is delivered (each keystroke in a
    filter box starts one: none may be kept for ever), by reference counting alone and
    never from a worker thread."""
    import weakref

    freed_on: list[bool] = []
    for _ in range(5):
        task = ctx.tasks.query(lambda session, progress: 1)
        weakref.finalize(task, lambda: freed_on.append(
            threading.current_thread() is threading.main_thread()))
        with qtbot.waitSignal(task.finished, timeout=5000):
            pass
    del task
    qtbot.wait(50)  # the workers have returned; well inside the collector's 1 s period
    assert freed_on == [True] * 5


def test_a_callback_that_raises_still_finishes_the_task(qtbot, ctx, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "excepthook", lambda *args: None)  # PySide reports it there

    def broken(_result):
        raise RuntimeError("bug in a screen")

    task = ctx.tasks.query(lambda session, progress: 1, on_success=broken)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert task.outcome == "succeeded"
    assert ctx.tasks.active == 0


def test_plain_work_runs_off_the_gui_thread_before_any_database(qtbot, qapp):
    from ui.tasks import TaskRunner

    def no_database():
        raise AssertionError("plain work must not ask for the database")

    runner = TaskRunner(no_database, announce=lambda _changes: None)
    seen = {}

    def work(progress):
        seen["worker_thread"] = QThread.currentThread()
        progress.report(1, 2, "half")
        return 42

    task = runner.plain(work, on_success=lambda result: seen.update(result=result),
                        on_progress=lambda done, total, _m: seen.update(progress=(done, total)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == 42
    assert seen["worker_thread"] is not QApplication.instance().thread()
    assert runner.shutdown()

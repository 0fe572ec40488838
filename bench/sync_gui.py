"""Does the window stay responsive during a big sync? `python -m bench.sync_gui` (JSON out;
run with QT_QPA_PLATFORM=offscreen).

The real HQ (`hq.app.create_app` on SQLite, served by tests/sync/conftest.py's
`ServerThread`) runs in a child process by default, as HQ is another machine for a
laptop: `--hq thread` serves it from this process instead, whose request handling then
competes for this process's GIL like a second sync worker would. bench/sync.py's `_fill`
makes the field office (7,700 records, about 12,000 changes at scale 1).

Scenarios (`--scenarios`), each in a process of its own with a fresh HQ:
- `download_contacts` / `download_sync`: device A (plain `sync_once`, outside Qt) pushes the
  data set; a fresh device B is opened in the real main window, enrolled through its Sync
  screen, and syncs through `SyncController.sync_now` with the Contacts (resp. Sync)
  screen showing.
- `upload_contacts` / `upload_sync`: HQ starts empty; device A, filled, is opened in the
  window and pushes its changes through `sync_now`.

While the sync runs a 10 ms QTimer on the GUI thread records the gaps between its ticks,
and typical actions are timed: typing a filter in the contacts list until the list shows
it (the screen's 150 ms typing pause included), and switching screens until the event
loop is free again. A watchdog thread samples the GUI thread's stack (and the network
worker's) whenever a tick is more than 40 ms late, to say what blocked. Figures: gap
p50/p95/p99/max in ms and counts over 100 and 250 ms, during the sync and in the 2 s after
it (when the screens read the new data). Target (issue 17): no gap over 100 ms, p99 <= 50.
The first visit to a screen builds it (imports included): a one-off, with or without sync.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import percentile

TICK_MS = 10
STALL_S = 0.040  # a tick this late: the watchdog samples stacks
AFTER_S = 2.0  # ticks still recorded after the sync, while screens read the new data
ACTION_EVERY_MS = 900
SCENARIOS = ("download_contacts", "download_sync", "upload_contacts", "upload_sync")
PROJECT = str(Path(__file__).resolve().parents[1])


# --- HQ ------------------------------------------------------------------------------------


def _serve(database_url: str, conn: Any) -> None:
    """The child process: HQ with operation MRV and officer Ana; answers "code" and "stop"."""
    from hq import admin
    from hq.app import create_app
    from tests.sync.conftest import ServerThread

    app = create_app(database_url)
    hq_db = app.state.db
    op = admin.add_operation(hq_db, code="MRV", name="Marovia", country="HTI")
    admin.add_officer(hq_db, name="Ana")
    admin.assign(hq_db, officer="Ana", operation="MRV")
    with ServerThread(app) as server:
        conn.send({"url": server.url, "operation_id": op.id})
        while (message := conn.recv()) != "stop":
            if message == "code":
                conn.send(admin.make_enrollment_code(hq_db, officer="Ana")[0])
    hq_db.close()


class Hq:
    """A running HQ, in a child process or in a thread of this one."""

    def __init__(self, database_url: str, *, where: str) -> None:
        if where == "process":
            parent, child = multiprocessing.get_context("spawn").Pipe()
            self._conn = parent
            self._process = multiprocessing.get_context("spawn").Process(
                target=_serve, args=(database_url, child), daemon=True)
            self._process.start()
            hello = parent.recv()
        else:
            parent, child = multiprocessing.Pipe()
            self._conn = parent
            self._process = threading.Thread(target=_serve, args=(database_url, child),
                                             daemon=True)  # type: ignore[assignment]
            self._process.start()
            hello = parent.recv()
        self.url: str = hello["url"]
        self.operation_id: str = hello["operation_id"]

    def code(self) -> str:
        """A fresh enrollment code for officer Ana."""
        self._conn.send("code")
        return self._conn.recv()

    def close(self) -> None:
        self._conn.send("stop")
        self._process.join(timeout=20)


# --- devices -------------------------------------------------------------------------------


def _profile(root: Path, name: str) -> Any:
    from fieldapp.db import Database
    from fieldapp.paths import resolve_profile
    from fieldapp.services.settings import FIRST_RUN_DONE, OFFICER_NAME, set_setting

    db = Database.open(resolve_profile(root / name))
    with db.transaction() as session:
        set_setting(session, OFFICER_NAME, "Ana")
        set_setting(session, FIRST_RUN_DONE, "1")
    return db


def _filled_device(hq: Hq, root: Path, name: str, scale: float) -> Any:
    """An enrolled device that has HQ's operation and the data set, not yet pushed."""
    from bench.sync import _fill
    from sync.client import enroll, sync_once

    db = _profile(root, name)
    enroll(db, hq.url, hq.code())
    sync_once(db)
    _fill(db, hq.operation_id, scale, random.Random(7))
    return db


# --- measuring -----------------------------------------------------------------------------


class TickRecorder:
    """A 10 ms timer on the GUI thread; the gaps between its ticks, tagged by phase."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: dict[str, list[float]] = {"sync": [], "after": []}
        self.phase = ""
        self.last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self, phase: str) -> None:
        self.phase = phase
        self.last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.phase = ""

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.phase:
            self.gaps[self.phase].append((now - self.last) * 1000)
        self.last = now


def _where(frame: Any, depth: int = 6) -> str:
    """The innermost frames of a stack, project frames marked, as one line."""
    parts: list[str] = []
    while frame is not None and len(parts) < depth:
        code = frame.f_code
        file = code.co_filename
        short = file[len(PROJECT) + 1:] if file.startswith(PROJECT) else Path(file).name
        parts.append(f"{short}:{frame.f_lineno}:{code.co_name}")
        frame = frame.f_back
    return " < ".join(parts)


class Watchdog(threading.Thread):
    """Samples the GUI thread's and the other threads' stacks while a tick is late."""

    def __init__(self, recorder: TickRecorder) -> None:
        super().__init__(daemon=True)
        self.recorder = recorder
        self.main_id = threading.main_thread().ident
        self.gui = Counter[str]()
        self.others = Counter[str]()
        self.running = True

    def run(self) -> None:
        while self.running:
            time.sleep(0.005)
            if not self.recorder.phase or time.perf_counter() - self.recorder.last < STALL_S:
                continue
            me = threading.get_ident()
            for ident, frame in sys._current_frames().items():
                if ident == self.main_id:
                    self.gui[_where(frame)] += 5
                elif ident != me and "sync" in _where(frame, 40):
                    self.others[_where(frame, 4)] += 5

    def top(self, counter: Counter[str], n: int = 8) -> list[dict[str, Any]]:
        return [{"ms_sampled": ms, "stack": stack} for stack, ms in counter.most_common(n)]


def _figures(gaps: list[float]) -> dict[str, Any]:
    if not gaps:
        return {}
    return {"ticks": len(gaps), "p50_ms": round(percentile(gaps, 50), 1),
            "p95_ms": round(percentile(gaps, 95), 1), "p99_ms": round(percentile(gaps, 99), 1),
            "max_ms": round(max(gaps), 1), "over_100ms": sum(g > 100 for g in gaps),
            "over_250ms": sum(g > 250 for g in gaps)}


# --- the window ----------------------------------------------------------------------------


def _wait(app: Any, done: Callable[[], bool], timeout: float) -> None:
    """Run the application's event loop (as `app.exec()` would) until `done()`."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    failed: list[bool] = []

    def check() -> None:
        if done():
            loop.quit()
        elif time.monotonic() > deadline:
            failed.append(True)
            loop.quit()

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if failed:
        raise RuntimeError("timed out")  # i18n: not shown


class Session:
    """One device's profile open in the real main window."""

    def __init__(self, app: Any, db: Any) -> None:
        from PySide6.QtCore import QSettings

        from ui.context import AppContext
        from ui.main_window import MainWindow

        self.app = app
        paths = db.paths
        settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
        self.ctx = AppContext(paths=paths, settings=settings, db=db)
        self.window = MainWindow(self.ctx)
        self.window.resize(1366, 768)
        ready = []
        self.window.ready.connect(lambda: ready.append(True))
        self.window.show()
        _wait(app, lambda: bool(ready), 20)

    def enroll(self, hq: Hq) -> None:
        """Enroll through the Sync screen, as the officer does."""
        screen = self.window.show_section("sync")
        screen.url_edit.setText(hq.url)
        screen.code_edit.setText(hq.code())
        screen.enroll_button.click()
        _wait(self.app, lambda: "Enrolled with" in screen.enrolled_label.text(), 30)

    def show(self, section: str) -> None:
        screen = self.window.show_section(section)
        model = getattr(screen, "model", None)
        if model is not None:
            _wait(self.app, lambda: not model.loading, 20)
        _wait(self.app, lambda: not self.ctx.sync.busy and self.ctx.tasks.active == 0, 20)

    def close(self) -> None:
        self.window.close()
        self.ctx.shutdown()
        self.window.deleteLater()
        self.app.processEvents()


class Actions:
    """Typical actions during the sync, one every ACTION_EVERY_MS, each timed."""

    def __init__(self, session: Session, home: str) -> None:
        from PySide6.QtCore import QTimer

        self.s = session
        self.home = home
        self.latencies: dict[str, list[float]] = {}
        self._step = 0
        self._busy = False
        self._timer = QTimer()
        self._timer.setInterval(ACTION_EVERY_MS)
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _record(self, name: str, started: float) -> None:
        self.latencies.setdefault(name, []).append((time.perf_counter() - started) * 1000)
        self._busy = False

    def _next(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._step += 1
        if self.home == "contacts" and self._step % 2:
            self._filter()
        else:
            self._switch()

    def _filter(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtTest import QTest

        screen = self.s.window.screens["contacts"]
        started = time.perf_counter()
        text = random.choice(["Fam", "Amira", "Kofi", "agency3", "+509", "Mei"])

        def loaded() -> None:
            if self._busy:
                screen.model.loaded.disconnect(loaded)
                self._record("filter_typed_to_list_shown", started)

        screen.model.loaded.connect(loaded)
        screen.filter.clear()
        QTest.keyClicks(screen.filter, text)
        # An unchanged filter loads nothing: give up on it after a while.
        QTimer.singleShot(5000, lambda: self._busy and self._give_up(screen, loaded))

    def _give_up(self, screen: Any, loaded: Callable[[], None]) -> None:
        try:
            screen.model.loaded.disconnect(loaded)
        except (RuntimeError, TypeError):
            return
        self._busy = False

    def _switch(self) -> None:
        from PySide6.QtCore import QTimer

        other = "assets" if self.home == "contacts" else "contacts"
        started = time.perf_counter()
        self.s.window.show_section(other)

        def back() -> None:
            self._record(f"switch_to_{other}", started)
            again = time.perf_counter()
            self.s.window.show_section(self.home)
            QTimer.singleShot(0, lambda: self._record(f"switch_to_{self.home}", again))

        QTimer.singleShot(0, back)


def _measure(session: Session, home: str) -> dict[str, Any]:
    """Sync through SyncController.sync_now with `home` showing; ticks and actions timed."""
    session.show(home)
    recorder = TickRecorder()
    watchdog = Watchdog(recorder)
    watchdog.start()
    actions = Actions(session, home)
    controller = session.ctx.sync
    outcome: list[tuple[str, str]] = []
    controller.finished.connect(lambda result, message: outcome.append((result, message)))
    started = time.perf_counter()
    recorder.start("sync")
    controller.sync_now()
    actions.start()
    _wait(session.app, lambda: bool(outcome), 600)
    seconds = time.perf_counter() - started
    actions.stop()
    recorder.phase = "after"
    end = time.monotonic() + AFTER_S
    _wait(session.app, lambda: time.monotonic() > end, AFTER_S + 5)
    recorder.stop()
    watchdog.running = False
    watchdog.join()
    if outcome[0][0] != "ok":
        raise RuntimeError(f"sync failed: {outcome[0][1]}")
    return {
        "sync_seconds": round(seconds, 2),
        "message": outcome[0][1],
        "gaps_during_sync": _figures(recorder.gaps["sync"]),
        "gaps_after_sync": _figures(recorder.gaps["after"]),
        "actions_ms": {name: {"count": len(values), "median": round(percentile(values, 50), 1),
                              "max": round(max(values), 1)}
                       for name, values in sorted(actions.latencies.items())},
        "gui_thread_when_late": watchdog.top(watchdog.gui),
        "sync_thread_when_late": watchdog.top(watchdog.others, 5),
    }


def run_one(name: str, *, scale: float, hq_where: str, root: Path) -> dict[str, Any]:
    """One scenario on a fresh HQ and fresh devices, in this process."""
    from PySide6.QtWidgets import QApplication

    from sync.client import sync_once
    from ui.i18n import Translations

    app = QApplication.instance() or QApplication([])
    Translations(app).apply("en")
    hq = Hq(f"sqlite:///{root / 'hq.sqlite'}", where=hq_where)
    try:
        direction, home = name.split("_")
        if direction == "download":
            device_a = _filled_device(hq, root, "device-a", scale)
            started = time.perf_counter()
            sync_once(device_a)
            pushed = round(time.perf_counter() - started, 2)
            device_a.close()
            session = Session(app, _profile(root, "device-b"))
            session.enroll(hq)
            out = {"device_a_push_outside_qt_seconds": pushed}
        else:
            session = Session(app, _filled_device(hq, root, "device-a", scale))
            out = {}
        out.update(_measure(session, home))
        session.close()
        return out
    finally:
        hq.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of bench.sync's data set (1 = the issue's sizes)")
    parser.add_argument("--hq", choices=("process", "thread"), default="process",
                        help="where HQ runs (see the module docstring)")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a scenario, in this process
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CMCOORD_NO_KEYRING"] = "1"  # the device token goes into the database
    if args.one:
        root = Path(tempfile.mkdtemp(prefix="bench-sync-gui-"))
        try:
            print(json.dumps(run_one(args.one, scale=args.scale, hq_where=args.hq, root=root)))
        finally:
            shutil.rmtree(root, ignore_errors=True)
        return
    # Each scenario in a process of its own: one window per process, as the application.
    report: dict[str, Any] = {"scale": args.scale, "hq": args.hq}
    for name in args.scenarios.split(","):
        done = subprocess.run(
            [sys.executable, "-m", "bench.sync_gui", "--one", name, "--scale", str(args.scale),
             "--hq", args.hq], stdout=subprocess.PIPE, text=True, timeout=900, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{name} failed (see its errors above)")  # i18n: not shown
        report[name] = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

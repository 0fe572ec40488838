"""Killing a sync at random moments (SIGKILL, no clean-up of any kind), then syncing again,
ends with the same data as a sync never interrupted: nothing lost, nothing duplicated,
and the local database file intact (`PRAGMA integrity_check`).

The client runs in a child process (tests/sync/sync_child.py) killed some random moment
after it starts; the server runs in a child process killed mid-push. The random seed is
printed so a failure can be replayed (CMCOORD_KILL_SEED)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite3  # the application's SQLite: its locks are per library
from sqlalchemy import func, select

from bench.hq_server import free_port, start_hq_server
from fieldapp.models import Contact, Operation, OutboxEntry
from fieldapp.progress import Progress
from hq import admin
from hq.db import HqDatabase
from hq.models import Change, RowState
from sync.client import enroll, sync_once
from sync.errors import SyncError
from sync.tokens import TokenStore
from tests.sync.conftest import enrolled, running_hq

ROOT = Path(__file__).resolve().parents[2]
CREATED, EDITED = 300, 100


@pytest.fixture
def rng() -> random.Random:
    seed = int(os.environ.get("CMCOORD_KILL_SEED") or random.randrange(1 << 30))
    print(f"kill seed: {seed}")
    return random.Random(seed)


@pytest.fixture
def hq_sqlite(tmp_path: Path):
    """A running HQ on SQLite (these tests are about the client and process death)."""
    with running_hq(f"sqlite:///{tmp_path / 'hq.sqlite'}") as running:
        yield running


def _offline_work(db, op_id: str) -> None:
    """Many new contacts, then edits of a third of them, each its own outbox entry."""
    with db.transaction() as session:
        session.add_all(Contact(operation_id=op_id, given_name=f"Person {n:03d}",
                                role="Logistics") for n in range(CREATED))
    with db.transaction() as session:
        for contact in session.scalars(select(Contact).order_by(Contact.given_name)
                                       .limit(EDITED)):
            contact.role = f"Edited {contact.given_name}"


def _kill_child_syncs(db, rng: random.Random, *, times: int, push: int, pull: int) -> int:
    """Start a sync in a child process and SIGKILL it at a random moment, `times` times:
    0–20 ms after a random one of its first six batches (so during a request, or while it
    applies what it received, or between two).

    Returns how many kills landed while the sync was still running."""
    interrupted = 0
    for _ in range(times):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.sync_child", str(db.paths.root), str(push),
             str(pull)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        steps = rng.randint(1, 6)
        while steps and child.stdout.readline().strip() == "step":
            steps -= 1
        time.sleep(rng.uniform(0.0, 0.02))
        if child.poll() is None:
            interrupted += 1
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
    return interrupted


def _integrity(db) -> str:
    with sqlite3.connect(db.paths.database) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _count(db, model, *where) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _hq_contacts(hq_db: HqDatabase) -> tuple[int, int, dict[str, str]]:
    """Rows, change-log entries and role by name of the contacts at HQ."""
    with hq_db.read() as session:
        rows = session.scalar(select(func.count()).select_from(RowState)
                              .where(RowState.entity == "contact"))
        log = session.scalar(select(func.count()).select_from(Change)
                             .where(Change.entity == "contact"))
        roles = {s.fields["given_name"]: s.fields["role"] for s in session.scalars(
            select(RowState).where(RowState.entity == "contact"))}
    return rows, log, roles


def _expected_roles() -> dict[str, str]:
    return {f"Person {n:03d}": f"Edited Person {n:03d}" if n < EDITED else "Logistics"
            for n in range(CREATED)}


def test_client_killed_at_random_moments_of_push_and_pull(hq_sqlite, make_profile, rng):
    a = enrolled(hq_sqlite, make_profile, "a")
    b = enrolled(hq_sqlite, make_profile, "b")
    _offline_work(a, hq_sqlite.operation_id)

    hits = _kill_child_syncs(a, rng, times=4, push=20, pull=20)
    assert _integrity(a) == "ok"
    result = sync_once(a, push_batch=20)
    assert _count(a, OutboxEntry) == 0
    rows, log, roles = _hq_contacts(hq_sqlite.db)
    assert (rows, log) == (CREATED, CREATED + EDITED)  # each change applied exactly once
    assert roles == _expected_roles()
    assert result.pushed <= CREATED + EDITED

    hits += _kill_child_syncs(b, rng, times=4, push=20, pull=20)
    assert _integrity(b) == "ok"
    sync_once(b, pull_batch=20)
    with b.session() as session:
        local = dict(session.execute(select(Contact.given_name, Contact.role)).all())
    assert local == _expected_roles()
    assert _count(b, Contact) == CREATED
    assert _count(b, OutboxEntry) == 0
    print(f"kills that landed during a sync: {hits} of 8")
    assert hits >= 2, "the kills should mostly land while a sync runs"


class _HqProcess:
    """`cmcoord-hq serve` in a child process on a fixed port, killed with SIGKILL."""

    def __init__(self, database_url: str, port: int) -> None:
        self.database_url = database_url
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = start_hq_server(self.database_url, self.port, timeout=20)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


PUSH_BATCH = 20


class _Killer:
    """Kills the server 0–20 ms after the client has sent its `at_batch`-th push batch, so
    that it dies in the middle of the push (during a request or between two), never after
    it: at least four batches are still to go."""

    def __init__(self, server: _HqProcess, rng: random.Random, *, at_batch: int) -> None:
        self._server, self._rng, self._at = server, rng, at_batch
        self._sent = 0
        self._timer: threading.Timer | None = None
        self.progress = Progress(on_report=self._reported)

    def _reported(self, done: int, total: int, message: str) -> None:
        if message.startswith("Sent"):
            self._sent += 1
            if self._sent == self._at:
                self._timer = threading.Timer(self._rng.uniform(0, 0.02), self._server.kill)
                self._timer.start()

    def join(self) -> None:
        if self._timer is not None:
            self._timer.join()


def test_server_killed_mid_push_loses_and_duplicates_nothing(tmp_path, make_profile, rng):
    url = f"sqlite:///{tmp_path / 'hq.sqlite'}"
    hq_db = HqDatabase.open(url)  # migrated here, before any server starts
    admin.add_operation(hq_db, code="MRV", name="Marovia response", country="HTI")
    admin.add_officer(hq_db, name="Ana")
    admin.assign(hq_db, officer="Ana", operation="MRV")
    server = _HqProcess(url, free_port())
    server.start()
    try:
        a = make_profile("a")
        code, _ = admin.make_enrollment_code(hq_db, officer="Ana")
        enroll(a, server.url, code, tokens=TokenStore(a))
        sync_once(a)
        with a.session() as session:
            op_id = session.scalar(select(Operation.id))
        _offline_work(a, op_id)
        failures: list[SyncError] = []
        for _ in range(2):
            batches_left = -(-_count(a, OutboxEntry) // PUSH_BATCH)
            if batches_left < 5:
                break  # too little left to be sure of dying in the middle
            killer = _Killer(server, rng, at_batch=rng.randint(1, batches_left - 4))
            try:
                sync_once(a, push_batch=PUSH_BATCH, progress=killer.progress)
            except SyncError as exc:
                failures.append(exc)
            killer.join()
            server.start()
        sync_once(a, push_batch=PUSH_BATCH)
    finally:
        server.kill()
    assert _count(a, OutboxEntry) == 0
    assert _integrity(a) == "ok"
    rows, log, roles = _hq_contacts(hq_db)
    hq_db.close()
    assert (rows, log) == (CREATED, CREATED + EDITED)
    assert roles == _expected_roles()
    print(f"syncs cut by the server dying: {len(failures)} of 2")
    assert failures, "the server should have died during at least one sync"
    assert all(exc.retry_later for exc in failures)

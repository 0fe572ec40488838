"""Small verbs for the sync scenario tests (tests/sync/test_scenarios_*.py): write a row on
a device, read it back, read HQ's copy, run syncs and note their outcomes, and the few
fakes of what cannot run here (a laptop clock set wrong, a link cut at one request).

The scenarios come from the probes of issue 11 (../shared/probes/sync/pNN_*.py); each test
names its probe in a comment.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest

import fieldapp.models.base as model_base
from fieldapp.db import Database
from fieldapp.models import Contact, OutboxEntry, Syncable
from hq import admin
from hq.models import RowState
from sync.client import sync_log, sync_once
from sync.errors import SyncError
from sync.transport import Transport
from tests.sync.conftest import Hq


def add(db: Database, row: Syncable) -> str:
    """Store a new row on a device (as a screen would); returns its id."""
    with db.transaction() as session:
        session.add(row)
    return row.id


def edit(db: Database, model: type[Syncable], row_id: str, **values: Any) -> None:
    """Change fields of a row on a device, in one local transaction."""
    with db.transaction() as session:
        row = session.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)


def get(db: Database, model: type[Syncable], row_id: str) -> Any:
    """A device's copy of a row, or None."""
    with db.session() as session:
        return session.get(model, row_id)


def contact_on_two_devices(hq: Hq, make_profile: Any, **values: Any
                           ) -> tuple[Database, Database, str]:
    """Devices a and b of the officer, both holding one contact of the operation."""
    from tests.sync.conftest import enrolled

    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    contact_id = add(a, Contact(operation_id=hq.operation_id, given_name="Amira", **values))
    sync_once(a)
    sync_once(b)
    return a, b, contact_id


def hq_row(hq: Hq, entity: str, row_id: str) -> RowState | None:
    """HQ's copy of a row, or None."""
    with hq.db.read() as session:
        return session.get(RowState, (entity, row_id))


def outbox_size(db: Database) -> int:
    """Outbox entries of a device, held ones included."""
    with db.session() as session:
        return session.query(OutboxEntry).count()


def officer_in(hq: Hq, name: str, *operations: str) -> None:
    """Add an officer at HQ and assign them to these operations (codes or ids)."""
    admin.add_officer(hq.db, name=name)
    for operation in operations:
        admin.assign(hq.db, officer=name, operation=operation)


def outcome(db: Database, **options: Any) -> str:
    """Sync once: "ok", or the SyncError's code. Any other exception propagates (a test
    that expects every failure to be a SyncError then fails with it)."""
    try:
        sync_once(db, **options)
    except SyncError as exc:
        return exc.code
    return "ok"


def log_results(db: Database, count: int) -> list[str]:
    """The results of the newest `count` sync log entries, oldest first."""
    with db.session() as session:
        return [entry["result"] for entry in reversed(sync_log(session, limit=count))]


@contextmanager
def laptop_clock(offset: timedelta) -> Iterator[None]:
    """Fake: the laptop's clock set `offset` away from the real time, as the device's own
    timestamps see it (fieldapp.models.base.utcnow). A clock off by days cannot be set
    for real in a test, so the module's `datetime` is swapped (as in the probes' clock.py)."""
    real = model_base.datetime

    class Shifted(real):  # type: ignore[misc, valid-type]
        @classmethod
        def now(cls, tz: Any = None) -> datetime:
            return real.now(tz) + offset

    model_base.datetime = Shifted  # type: ignore[misc]
    try:
        yield
    finally:
        model_base.datetime = real  # type: ignore[misc]


@contextmanager
def older_client() -> Iterator[None]:
    """Fake: a client one version behind, without Contact.notes (as probe p10): the
    column is hidden from sync while it runs; leaving the block is the upgrade."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Contact, "__local_columns__", Contact.__local_columns__ | {"notes"})
        yield


def cut_pulls(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake: the link drops on every pull request from now on (until monkeypatch undoes
    it), and pushes do not bring the pull's first page. A cut between the push and the
    pull of one sync cannot be timed on a real link."""
    def cut(self: Transport, path: str, *args: Any) -> Any:
        if "/pull" in path:
            raise SyncError("The connection to HQ was cut during the sync.",
                            code="connection_cut")
        return real(self, path, *args)

    def push_alone(self: Transport, path: str, data: bytes, encoding: str,
                   params: dict[str, Any] | None = None) -> Any:
        return real_push(self, path, data, encoding)  # no pull page in the push's answer

    real = Transport.get_lines
    real_push = Transport.post_encoded
    monkeypatch.setattr(Transport, "get_lines", cut)
    monkeypatch.setattr(Transport, "post_encoded", push_alone)

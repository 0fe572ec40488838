"""Property: three devices edit the same rows at random and sync in random order; once
everyone has synced and every conflict is settled with one fixed rule ("keep HQ's"),
all three devices hold exactly what HQ holds, row for row and field for field."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fieldapp.db import Database
from fieldapp.models import Contact, OutboxEntry
from fieldapp.outbox import encode_value, synced_columns
from fieldapp.paths import resolve_profile
from hq import admin
from hq.models import RowState
from sync.client import enroll, open_conflicts, resolve_conflict, sync_once
from sync.tokens import TokenStore
from tests.sync.conftest import Hq, start_hq

DEVICES = 3
FIELDS = ("role", "location", "notes", "favourite")
VALUES = {"role": ["Logistics", "Chief", "Deputy"], "location": ["Port", "Airport", ""],
          "notes": ["radio 3", "radio 4", "sat only"], "favourite": [True, False]}


@pytest.fixture(scope="module")
def hq_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    """One HQ on SQLite for every example; each example gets its own officer and operation."""
    path = tmp_path_factory.mktemp("hq-property") / "hq.sqlite"
    server, db = start_hq(f"sqlite:///{path}")
    with server:
        yield Hq(server.url, db, "", "")
    db.close()


@pytest.fixture
def template(_migrated_template: Path) -> Path:
    """The migrated empty profile that each device of each example copies."""
    return _migrated_template


device = st.integers(0, DEVICES - 1)
create = st.tuples(st.just("create"), device)
edit = st.tuples(st.just("edit"), device, st.integers(0, 99), st.sampled_from(FIELDS),
                 st.integers(0, 2))
delete = st.tuples(st.just("delete"), device, st.integers(0, 99))
sync = st.tuples(st.just("sync"), device)
# Edits and syncs weigh more than creations and deletions: rows must live a while on
# several devices for edits to meet.
step = st.one_of(create, edit, edit, edit, delete, sync, sync, sync)


def _live_ids(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Contact.id).where(Contact.deleted.is_(False))
                                    .order_by(Contact.id)))


def _play(db: Database, op_id: str, move: tuple, counter: list[int]) -> None:
    kind = move[0]
    if kind == "sync":
        sync_once(db)
        return
    if kind == "create":
        counter[0] += 1
        with db.transaction() as session:
            session.add(Contact(operation_id=op_id, given_name=f"Person {counter[0]}",
                                role="Logistics"))
        return
    ids = _live_ids(db)
    if not ids:
        return
    with db.transaction() as session:
        row = session.get(Contact, ids[move[2] % len(ids)])
        if kind == "delete":
            row.deleted = True
        else:
            options = VALUES[move[3]]
            setattr(row, move[3], options[move[4] % len(options)])


def _settle(devices: list[Database]) -> None:
    """Everyone syncs; every open conflict is resolved "keep HQ's"; until nothing moves."""
    for _ in range(6):
        for db in devices:
            sync_once(db)
        busy = False
        for db in devices:
            with db.transaction() as session:
                for conflict in open_conflicts(session):
                    resolve_conflict(session, conflict.id, choice="hq")
                    busy = True
                busy = busy or session.scalar(select(OutboxEntry.change_id).limit(1)) is not None
        if not busy:
            for db in devices:  # the last writer's changes reach the others
                sync_once(db)
            return
    raise AssertionError("the devices did not settle after six rounds of syncs")


def _hq_rows(hq: Hq, op_id: str) -> dict[str, dict]:
    with hq.db.read() as session:
        return {s.row_id: s.fields for s in session.scalars(
            select(RowState).where(RowState.entity == "contact", RowState.operation_id == op_id))}


def _local_rows(db: Database) -> dict[str, dict]:
    columns = synced_columns(Contact)
    with db.session() as session:
        return {row.id: {c: encode_value(getattr(row, c)) for c in columns}
                for row in session.scalars(select(Contact))}


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(moves=st.lists(step, min_size=12, max_size=40))
def test_three_devices_end_identical_to_hq(hq_once, template, tmp_path, moves):
    tag = uuid.uuid4().hex[:8]
    operation = admin.add_operation(hq_once.db, code=tag[:6].upper(), name=f"Op {tag}",
                                    country="HTI")
    admin.add_officer(hq_once.db, name=f"Officer {tag}")
    admin.assign(hq_once.db, officer=f"Officer {tag}", operation=operation.id)
    devices: list[Database] = []
    try:
        for n in range(DEVICES):
            root = tmp_path / f"{tag}-{n}"
            shutil.copytree(template, root)
            db = Database.open(resolve_profile(Path(root)))
            devices.append(db)
            code, _ = admin.make_enrollment_code(hq_once.db, officer=f"Officer {tag}")
            enroll(db, hq_once.url, code, tokens=TokenStore(db))
            sync_once(db)
        counter = [0]
        for move in moves:
            _play(devices[move[1]], operation.id, move, counter)
        _settle(devices)
        server = _hq_rows(hq_once, operation.id)
        for n, db in enumerate(devices):
            local = _local_rows(db)
            assert set(local) == set(server), f"device {n} holds other rows than HQ"
            for row_id, fields in local.items():
                assert {k: server[row_id].get(k) for k in fields} == fields, \
                    f"device {n} differs from HQ on contact {row_id}"
            with db.session() as session:
                assert open_conflicts(session) == []
    finally:
        for db in devices:
            db.close()

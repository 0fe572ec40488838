"""The client's side of sync in the local database: what to push, applying answers, state.

Everything that writes here runs in one local transaction per HQ answer: acknowledging
a pushed batch, or applying a pulled batch together with its cursor. Rows from HQ are
written inside `remote_writes`, so they make no outbox entries.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, case, delete, inspect, select
from sqlalchemy.orm import Session

from fieldapp.db import Database
from fieldapp.demo import DEMO_COUNTRY
from fieldapp.models import SYNCABLE_MODELS, Conflict, Operation, OutboxEntry, Syncable, SyncState
from fieldapp.models.base import UTCDateTime
from fieldapp.outbox import FieldSession, encode_value, remote_writes
from sync.clashes import ClashGuard, holder, unique_columns

MODELS: dict[str, type[Syncable]] = {m.__sync_entity__: m for m in SYNCABLE_MODELS}
CONFLICT_ENTITY = "conflict"
CREATION_NAMESPACE = uuid.UUID("6f1c2a52-7d0e-4c5b-9d61-0b6c3c1f9a10")  # as at HQ
CURSOR = "pull_cursor"
PENDING_EDITION = "handbook_pending"


def get_state(session: Session, key: str, default: str = "") -> str:
    """A value of the sync client's key/value state."""
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def set_state(session: Session, key: str, value: str) -> None:
    """Store a value of the sync client's state (in the caller's transaction)."""
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def decode_value(model: type[Syncable], key: str, value: Any) -> Any:
    """A JSON value as the column of `model` stores it (ISO text back to dates)."""
    if value is None or not isinstance(value, str):
        return value
    column = inspect(model).columns.get(key)
    if column is None:
        return value
    if isinstance(column.type, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def demo_operation_ids(session: Session) -> set[str]:
    """Ids of demo operations (country XMV): their rows never travel to HQ."""
    return set(session.scalars(select(Operation.id).where(Operation.country == DEMO_COUNTRY)))


def drop_demo_entries(session: Session) -> int:
    """Remove outbox entries of demo operations; the demo is practice data, never synced."""
    ids = demo_operation_ids(session)
    if not ids:
        return 0
    result = session.execute(delete(OutboxEntry).where(OutboxEntry.operation_id.in_(ids)))
    return int(result.rowcount or 0)


def next_push_batch(session: Session, limit: int) -> list[dict[str, Any]]:
    """The next changes to send: operations first, then urgent (life-saving), then oldest."""
    entries = session.scalars(
        select(OutboxEntry).order_by(
            case((OutboxEntry.entity == "operation", 0), else_=1),
            OutboxEntry.priority.desc(), OutboxEntry.created_at, OutboxEntry.change_id,
        ).limit(limit)
    ).all()
    revs: dict[tuple[str, str], int | None] = {}
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        by_entity[entry.entity].append(entry.row_id)
    for entity, ids in by_entity.items():
        model = MODELS.get(entity)
        if model is not None:
            for row_id, rev in session.execute(
                select(model.id, model.rev).where(model.id.in_(ids))
            ):
                revs[(entity, row_id)] = rev
    return [_wire(e, revs.get((e.entity, e.row_id))) for e in entries]


def creation_change_id(entity: str, row_id: str) -> str:
    """The change id HQ derives for a row's creation (see sync.server.schemas)."""
    return str(uuid.uuid5(CREATION_NAMESPACE, f"{entity}:{row_id}"))


def _wire(entry: OutboxEntry, base_rev: int | None) -> dict[str, Any]:
    """An outbox entry as sent. A creation travels as its fields only, under the change id
    both sides derive from the row; `local_id` (never sent) maps the answer back."""
    change: dict[str, Any] = {"entity": entry.entity, "fields": entry.fields,
                              "local_id": entry.change_id, "row_id": entry.row_id}
    if not entry.base and entry.fields.get("id") == entry.row_id \
            and entry.fields.get("operation_id") == entry.operation_id:
        change["change_id"] = creation_change_id(entry.entity, entry.row_id)
        change["implicit"] = True
        return change
    change.update(change_id=entry.change_id, operation_id=entry.operation_id,
                  base=entry.base)
    if base_rev is not None:
        change["base_rev"] = base_rev
    return change


def wire_body(changes: list[dict[str, Any]]) -> dict[str, Any]:
    """The push request body: implicit ids and local bookkeeping left out."""
    sent = []
    for change in changes:
        item = {k: v for k, v in change.items() if k not in ("local_id", "implicit")}
        if change.get("implicit"):
            del item["change_id"], item["row_id"]
        sent.append(item)
    return {"changes": sent}


def acknowledge(session: Session, sent: list[dict[str, Any]], results: list[dict[str, Any]]
                ) -> int:
    """Apply HQ's answer to a pushed batch; returns the number of new conflicts.

    Results come in the order sent; an outbox entry is removed only when its result is
    in the answer. A conflicting
    field goes back to HQ's value (unless the officer changed it again meanwhile) and a
    Conflict row keeps both values for the officer to decide.
    """
    acked: list[str] = []
    conflicts = 0
    with remote_writes(session):
        for change, result in zip(sent, results, strict=False):
            acked.append(change["local_id"])
            model = MODELS.get(change["entity"])
            row = session.get(model, change["row_id"]) if model is not None else None
            if row is not None and isinstance(result.get("rev"), int):
                row.rev = max(row.rev or 0, result["rev"])
            for clash in result.get("conflicts", []):
                if session.get(Conflict, clash["id"]) is not None:
                    continue
                conflicts += 1
                session.add(Conflict(
                    id=clash["id"], entity=change["entity"], row_id=change["row_id"],
                    field=clash["field"], local_value=clash.get("client_value"),
                    server_value=clash.get("server_value"),
                ))
                if row is not None and model is not None:
                    field = clash["field"]
                    taken_by = (holder(session, model, field, clash["server_value"])
                                if field in unique_columns(model) else None)
                    if taken_by not in (None, row.id):
                        continue  # HQ's value is another row's here: keep ours, conflict open
                    if encode_value(getattr(row, field, None)) == clash.get("client_value"):
                        setattr(row, field, decode_value(model, field, clash["server_value"]))
        if acked:
            session.execute(delete(OutboxEntry).where(OutboxEntry.change_id.in_(acked)))
    return conflicts


@dataclass
class Applied:
    """What one pulled batch did: rows written, new unique clashes (see sync.clashes)."""

    rows: int = 0
    clashes: int = 0


def apply_rows(session: Session, rows: list[dict[str, Any]]) -> Applied:
    """Write pulled rows; fields with changes still waiting in the outbox are kept local.

    A row that wants a unique value (RFA reference, operation code) another local row
    holds is kept under a marked alternative and a conflict is recorded: never an error.
    """
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get("entity") in MODELS:
            by_entity[row["entity"]].append(row)
    applied = Applied()
    with remote_writes(session):
        for entity, batch in by_entity.items():
            model = MODELS[entity]
            columns = {c.key for c in inspect(model).column_attrs} - model.__local_columns__
            ids = [r["id"] for r in batch]
            existing = {r.id: r for r in session.scalars(select(model).where(model.id.in_(ids)))}
            pending: dict[str, set[str]] = defaultdict(set)
            for row_id, fields in session.execute(
                select(OutboxEntry.row_id, OutboxEntry.fields)
                .where(OutboxEntry.entity == entity, OutboxEntry.row_id.in_(ids))
            ):
                pending[row_id].update(fields)
            guard = ClashGuard(session, model, batch)
            for data in batch:
                values = {k: decode_value(model, k, v)
                          for k, v in data["fields"].items() if k in columns}
                row = existing.get(data["id"])
                guard.settle(data["id"], values, row, pending[data["id"]])
                if row is None:
                    values["id"] = data["id"]
                    row = model(**values)
                    row.rev = data["rev"]
                    session.add(row)
                    existing[data["id"]] = row
                else:
                    for key, value in values.items():
                        if key not in pending[data["id"]] and getattr(row, key) != value:
                            setattr(row, key, value)
                    row.rev = max(row.rev or 0, data["rev"])
                applied.rows += 1
            guard.heal()
            applied.clashes += len(guard.opened)
    return applied


@contextmanager
def remote_transaction(db: Database) -> Iterator[Session]:
    """One transaction for rows from HQ, with foreign keys unchecked while it runs.

    Rows arrive in HQ's order, so a contact may come before its organisation; the
    references are complete once every batch is in, and the app tolerates a missing one.
    """
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with FieldSession(bind=connection, expire_on_commit=False) as session, \
                    session.begin():
                yield session
        finally:
            connection.rollback()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


LOG_PREFIX = "log:"
KEEP_LOG = 100


def add_log(session: Session, entry: dict[str, Any]) -> None:
    """Record one sync attempt; the newest hundred are kept."""
    set_state(session, f"{LOG_PREFIX}{entry['at']}", json.dumps(entry))
    keys = session.scalars(
        select(SyncState.key).where(SyncState.key.startswith(LOG_PREFIX)).order_by(
            SyncState.key.desc())
    ).all()
    for key in keys[KEEP_LOG:]:
        session.execute(delete(SyncState).where(SyncState.key == key))


def read_log(session: Session, limit: int = 50) -> list[dict[str, Any]]:
    """Past sync attempts, newest first."""
    values = session.scalars(
        select(SyncState.value).where(SyncState.key.startswith(LOG_PREFIX))
        .order_by(SyncState.key.desc()).limit(limit)
    ).all()
    return [json.loads(v) for v in values]

"""The Central Register as devices receive it: every register entry is also a synced row
(entity `register_entry`, of no operation, read by every enrolled device, written only by HQ).

`publish` is called by `hq.register` after every write of an entry, in the same write
transaction: when it commits, the entry's fields are written into `row_states` as HQ's
own change (a new number of the global sequence, no device), as the admin and the lesson
reviewers write theirs, so every device receives it at its next pull. Only the fields
that changed are logged and re-stamped. A retired entry stays a row (status
`retired`): nothing is ever deleted from the register. `publish_many` does the same for
many entries in a few statements (a register filled before this feed existed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, func, insert, select, update
from sqlalchemy.orm import Session

from hq.models import Change, RowState, utcnow

ENTITY = "register_entry"
KIND = "register"  # the change log's kind of HQ's writes of the register
# The entry's fields as devices store them (fieldapp.models.register.RegisterEntry),
# in the order they travel. Not `operation_id` (always null) nor `deleted` (always
# false): a device fills both from its columns' defaults.
FIELDS = (
    "id", "provider", "provider_kind", "provider_state", "capability", "category",
    "quantity", "capacity_value", "capacity_unit", "readiness_hours", "deployment_hours",
    "conditions", "poc_name", "poc_email", "poc_phone", "valid_until", "status", "version",
)
CHUNK = 500
PENDING = "register_feed_pending"  # session.info: entries to publish at commit, by id


def _wire(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def entry_fields(entry: Any) -> dict[str, Any]:
    """The synced fields of a register entry (HQ's `RegisterEntry` or anything with the
    same attributes), as JSON values."""
    fields = {name: _wire(getattr(entry, name)) for name in FIELDS}
    if fields["capacity_value"] is not None:
        fields["capacity_value"] = float(fields["capacity_value"])
    return fields


def publish(session: Session, entry: Any) -> None:
    """Write `entry` (a RegisterEntry just created, edited or retired, flushed) to the
    synced rows, in the caller's write transaction, so devices receive it at their next pull.

    The write happens when the transaction commits (still inside it, under the write
    lock), for every entry published in it at once (`publish_many`): an import of
    thousands of entries costs a few statements, not three per entry, and an entry
    written twice is published once, as it stands at the end."""
    pending = session.info.get(PENDING)
    if pending is None:
        pending = session.info[PENDING] = {}
        event.listen(session, "before_commit", _publish_pending, once=True)
    pending[entry.id] = entry


def _publish_pending(session: Session) -> None:
    pending = session.info.pop(PENDING, None)
    if pending:
        publish_many(session, list(pending.values()))


def _reserve(session: Session, count: int) -> list[int]:
    """`count` new numbers of the global sequence, in order (caller holds the write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        return sorted(session.scalars(select(
            func.nextval(func.pg_get_serial_sequence(Change.__tablename__, "seq")))
            .select_from(func.generate_series(1, count))))
    last = session.scalar(select(func.coalesce(func.max(Change.seq), 0)))
    return list(range(last + 1, last + 1 + count))


def publish_many(session: Session, entries: Iterable[Any]) -> int:
    """`publish` for many entries at once, in a few statements; returns how many rows
    changed. For a large import, or to publish entries written without the feed."""
    wanted = [entry_fields(e) for e in entries]
    published = 0
    for start in range(0, len(wanted), CHUNK):
        published += _publish_chunk(session, wanted[start:start + CHUNK])
    return published


def _publish_chunk(session: Session, wanted: Sequence[dict[str, Any]]) -> int:
    ids = [f["id"] for f in wanted]
    states = {row_id: (fields, revs) for row_id, fields, revs in session.execute(
        select(RowState.row_id, RowState.fields, RowState.field_revs)
        .where(RowState.entity == ENTITY, RowState.row_id.in_(ids)))}
    writes = []
    for fields in wanted:
        old = states.get(fields["id"])
        changed = fields if old is None else {
            k: v for k, v in fields.items() if k not in old[0] or old[0][k] != v}
        if changed:
            writes.append((fields, changed, old))
    if not writes:
        return 0
    seqs = _reserve(session, len(writes))
    now = utcnow()
    session.execute(insert(Change), [
        {"seq": seq, "kind": KIND, "entity": ENTITY, "row_id": fields["id"],
         "operation_id": None, "fields": changed, "created_at": now}
        for seq, (fields, changed, _old) in zip(seqs, writes, strict=True)])
    new, edited = [], []
    for seq, (fields, changed, old) in zip(seqs, writes, strict=True):
        stamp = dict.fromkeys(changed, [seq, None])
        values = {"entity": ENTITY, "row_id": fields["id"], "operation_id": None,
                  "owner_officer_id": None, "deleted": False, "seq": seq,
                  "last_device_id": None, "others_seq": seq, "updated_at": now}
        if old is None:
            new.append({**values, "fields": fields, "field_revs": stamp})
        else:
            edited.append({**values, "fields": {**old[0], **changed},
                           "field_revs": {**old[1], **stamp}})
    if new:
        session.execute(insert(RowState), new)
    if edited:
        session.execute(update(RowState), edited)  # by primary key (entity, row_id)
    return len(writes)

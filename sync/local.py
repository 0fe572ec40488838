"""The client's side of sync in the local database: what to push, applying answers, state.

Everything that writes here runs in one local transaction per HQ answer: acknowledging
a pushed batch, or applying a pulled batch together with its cursor. Rows from HQ are
written inside `remote_writes`, so they make no outbox entries.
"""

from __future__ import annotations

import collections
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Date,
    and_,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from fieldapp.db import Database
from fieldapp.demo import DEMO_COUNTRY
from fieldapp.i18n import N_
from fieldapp.models import (
    SYNCABLE_MODELS,
    Conflict,
    Counter,
    HeldRow,
    Operation,
    OutboxEntry,
    Syncable,
    SyncState,
    utcnow,
)
from fieldapp.models.base import UTCDateTime
from fieldapp.outbox import FieldSession, encode_value, remote_writes, synced_columns
from fieldapp.sync_schema import check_fields, clean_json, printable_name
from sync.clashes import ClashGuard, holder, is_clash, unique_columns

MODELS: dict[str, type[Syncable]] = {m.__sync_entity__: m for m in SYNCABLE_MODELS}
CONFLICT_ENTITY = "conflict"
CREATION_NAMESPACE = uuid.UUID("6f1c2a52-7d0e-4c5b-9d61-0b6c3c1f9a10")  # as at HQ
CURSOR = "pull_cursor"
IN_LIST_SIZE = 500  # ids per SQL `IN (…)` list, well inside SQLite's limit
PENDING_EDITION = "handbook_pending"
HQ_OPERATIONS = "hq_operations"  # JSON list of the operation ids HQ says are this officer's


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
    if not isinstance(value, str):
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


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    """`ids` in slices short enough for one SQL `IN (…)` list."""
    while ids:
        yield ids[:IN_LIST_SIZE]
        ids = ids[IN_LIST_SIZE:]


def drop_demo_entries(session: Session) -> None:
    """Remove outbox entries of practice data: the demo is never synced, whatever is done
    to it. That is every entry of a demo operation, and every edit of a row HQ has never
    seen whose creation is not waiting to go (a demo row moved out of the demo, say)."""
    ids = demo_operation_ids(session)
    if ids:
        session.execute(delete(OutboxEntry).where(OutboxEntry.operation_id.in_(ids)))
    edits = session.execute(  # a conflict's note has no base: it is never an edit
        select(OutboxEntry.change_id, OutboxEntry.entity, OutboxEntry.row_id)
        .where(OutboxEntry.base != {})).all()
    if not edits:
        return
    created = {(e, r) for e, r, b in session.execute(
        select(OutboxEntry.entity, OutboxEntry.row_id, OutboxEntry.base)) if not b}
    by_entity: dict[str, set[str]] = defaultdict(set)
    for _, entity, row_id in edits:
        if (entity, row_id) not in created:
            by_entity[entity].add(row_id)
    unknown: set[tuple[str, str]] = set()
    for entity, row_ids in by_entity.items():
        model = MODELS.get(entity)
        if model is None:
            continue
        for chunk in _chunks(sorted(row_ids)):
            for row_id, in session.execute(select(model.id).where(
                    model.id.in_(chunk), model.rev.is_(None))):
                unknown.add((entity, row_id))
    orphans = [c for c, e, r in edits if (e, r) in unknown]
    for chunk in _chunks(orphans):
        session.execute(delete(OutboxEntry).where(OutboxEntry.change_id.in_(chunk)))


# Holds HQ lifts by itself (an upgrade, a new assignment) are tried again after a backoff
# counted in syncs, never in a tight loop; the others wait for the officer.
TRANSIENT_HOLDS = frozenset({"unknown_entity", "not_in_your_operations", "not_yours",
                             "unknown_operation"})
MAX_BACKOFF_SYNCS = 64
WAITING = "waiting"  # HQ's outcome for a change behind a held change of the same row


def release_holds(session: Session, *, sync_number: int, everything: bool = False) -> int:
    """Send held changes again whose hold may have been lifted at HQ; returns how many.

    `everything` releases every transient hold (HQ was upgraded, or this officer's
    operations changed); otherwise each waits 1, 2, 4 … syncs after its last hold.
    """
    released = 0
    for entry in session.scalars(select(OutboxEntry).where(
            OutboxEntry.held_code.in_(TRANSIENT_HOLDS))):
        wait = min(2 ** max(entry.held_count - 1, 0), MAX_BACKOFF_SYNCS)
        if everything or sync_number >= entry.held_sync + wait:
            entry.held_code = ""
            released += 1
    return released


def push_order(session: Session) -> list[str]:
    """The change ids to send now, in the order HQ must apply them.

    Operations first; then whole rows by their most urgent change (life-saving RFAs), then
    by the row's first change; a row's own changes always in the order they were made
    (the local sequence, never the clock). A held change keeps back the later changes of
    its row (and is itself later than the first held change of its row). Read once per
    sync: changes made meanwhile go with the next one.
    """
    held_rows = select(OutboxEntry.entity, OutboxEntry.row_id,
                       func.min(OutboxEntry.seq).label("held_seq")) \
        .where(OutboxEntry.held_code != "") \
        .group_by(OutboxEntry.entity, OutboxEntry.row_id).subquery()
    waiting = select(OutboxEntry.change_id, OutboxEntry.entity, OutboxEntry.seq,
                     func.max(OutboxEntry.priority).over(
                         partition_by=(OutboxEntry.entity, OutboxEntry.row_id)).label("urgent"),
                     func.min(OutboxEntry.seq).over(
                         partition_by=(OutboxEntry.entity, OutboxEntry.row_id)).label("first")) \
        .outerjoin(held_rows, and_(held_rows.c.entity == OutboxEntry.entity,
                                   held_rows.c.row_id == OutboxEntry.row_id)) \
        .where(or_(held_rows.c.held_seq.is_(None), held_rows.c.held_seq > OutboxEntry.seq)) \
        .subquery()
    return list(session.scalars(select(waiting.c.change_id).order_by(
        waiting.c.entity != "operation",  # false (0) sorts first
        waiting.c.urgent.desc(), waiting.c.first, waiting.c.seq)))


def push_batch(session: Session, order: list[str], limit: int, *,
               held_rows: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """The next `limit` changes of `order` still in the outbox, as sent; removes them from
    `order`. Changes of a row HQ held during this sync (`held_rows`) stay back, and
    changes no longer in the outbox are skipped."""
    batch: list[dict[str, Any]] = []
    while order and len(batch) < limit:
        wanted = order[:limit - len(batch)]
        del order[:len(wanted)]
        entries = {e.change_id: e for e in session.scalars(
            select(OutboxEntry).where(OutboxEntry.change_id.in_(wanted)))}
        for change_id in wanted:
            entry = entries.get(change_id)
            if entry is not None and (entry.entity, entry.row_id) not in held_rows:
                batch.append(_wire(entry))
    return batch


def creation_change_id(entity: str, row_id: str) -> str:
    """The change id HQ derives for a row's creation (see hq.schemas)."""
    return str(uuid.uuid5(CREATION_NAMESPACE, f"{entity}:{row_id}"))


def _wire(entry: OutboxEntry) -> dict[str, Any]:
    """An outbox entry as sent. A creation travels as its fields only, under the change id
    both sides derive from the row; `local_id` (never sent) maps the answer back."""
    change: dict[str, Any] = {"entity": entry.entity, "fields": entry.fields,
                              "local_id": entry.change_id, "row_id": entry.row_id}
    if entry.priority:
        change["urgent"] = True  # never sent: an urgent batch goes alone (see sync.client)
    if not entry.base and entry.fields.get("id") == entry.row_id \
            and entry.fields.get("operation_id") == entry.operation_id:
        change["change_id"] = creation_change_id(entry.entity, entry.row_id)
        change["implicit"] = True
        return change
    change.update(change_id=entry.change_id, operation_id=entry.operation_id,
                  base=entry.base)
    if entry.base_rev is not None:  # what the officer saw when making the edit
        change["base_rev"] = entry.base_rev
    return change


LOCAL_KEYS = ("local_id", "implicit", "urgent")  # bookkeeping of this device, never sent


def wire_body(changes: list[dict[str, Any]]) -> dict[str, Any]:
    """The push request body: implicit ids and local bookkeeping left out."""
    sent = []
    for change in changes:
        item = {k: v for k, v in change.items() if k not in LOCAL_KEYS}
        if change.get("implicit"):
            del item["change_id"], item["row_id"]
        sent.append(item)
    return {"changes": sent}


@dataclass
class Acknowledged:
    """What HQ's answer to one pushed batch did here."""

    applied: int = 0
    conflicts: int = 0
    held: int = 0
    unsettled: list[str] = field(default_factory=list)  # local ids HQ's answer did not settle


def _short(value: Any, limit: int = 500) -> str:
    """HQ's text as it may be stored and shown (see printable_name), or "" if not text."""
    return printable_name(value, limit) if isinstance(value, str) else ""


def _is_rev(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2 ** 63


def acknowledge(session: Session, sent: list[dict[str, Any]], results: list[Any], *,
                sync_number: int) -> Acknowledged:
    """Apply HQ's answer to a pushed batch (results in the order sent).

    Applied or conflicting changes leave the outbox; a held change stays with HQ's code
    and sentence; a result that is not understood (no `rev`, say) or missing keeps its
    change for the next sync. A conflicting field goes back to HQ's value (unless the
    officer changed it again meanwhile) and a Conflict row keeps both values for the
    officer to decide.
    Run it with foreign keys unchecked (`lenient_transaction`): HQ's value may name a row
    the next pull brings.
    """
    done = Acknowledged()
    acked: list[str] = []
    written: list[tuple[dict[str, Any], int, set[str]]] = []  # (change, rev, conflicting)
    created: dict[type[Syncable], list[dict[str, Any]]] = defaultdict(list)
    with remote_writes(session):
        for index, change in enumerate(sent):
            result = results[index] if index < len(results) else None
            if not isinstance(result, dict):
                done.unsettled.append(change["local_id"])
                continue
            if result.get("status") == "held" and result.get("code") == WAITING:
                continue  # behind a held change of its row: it stays and waits with it
            if result.get("status") == "held":
                _hold(session, change["local_id"], result, sync_number=sync_number)
                done.held += 1
                continue
            conflicts = result.get("conflicts", [])
            if not _is_rev(result.get("rev")) or not isinstance(conflicts, list) \
                    or not all(_conflict_ok(change["entity"], c) for c in conflicts):
                done.unsettled.append(change["local_id"])
                continue
            acked.append(change["local_id"])
            written.append((change, result["rev"], {c["field"] for c in conflicts}))
            done.applied += 1
            model = MODELS.get(change["entity"])
            if model is None:
                continue
            if not conflicts:
                if change.get("implicit"):
                    created[model].append({"row": change["row_id"], "hq_rev": result["rev"]})
                continue
            row = session.get(model, change["row_id"])
            if row is not None and row.rev is None and change.get("implicit"):
                # A creation: HQ's row is this one. An edit leaves `rev` alone: HQ's row
                # may hold a colleague's edit this device has not pulled yet.
                row.rev = result["rev"]
            for clash in conflicts:
                if session.get(Conflict, clash["id"]) is not None:
                    continue
                done.conflicts += 1
                session.add(Conflict(
                    id=clash["id"], entity=change["entity"], row_id=change["row_id"],
                    field=clash["field"], local_value=clash.get("client_value"),
                    server_value=clash.get("server_value"),
                ))
                if row is not None:
                    _take_server_value(session, model, row, clash)
        _set_created_revs(session, created)
        for chunk in _chunks(acked):
            session.execute(delete(OutboxEntry).where(OutboxEntry.change_id.in_(chunk)))
        _drop_superseded_kept_fields(session, written)
    return done


def _set_created_revs(session: Session,
                      created: dict[type[Syncable], list[dict[str, Any]]]) -> None:
    """HQ's rev on rows this device created and HQ acknowledged without a conflict: one
    UPDATE per kind of row (a rev makes no outbox entry), as `acknowledge` does for a row
    with a conflict, never replacing a rev the row already has."""
    for model, revs in created.items():
        table = model.__table__
        session.execute(
            update(table).where(table.c.id == bindparam("row"), table.c.rev.is_(None))
            .values(rev=bindparam("hq_rev")), revs)


def _drop_superseded_kept_fields(session: Session,
                                 written: list[tuple[dict[str, Any], int, set[str]]]) -> None:
    """Fields of rows kept back for an upgrade (`unknown_field`) that this device has since
    written at HQ are dropped from the kept rows: HQ's value is now the officer's edit (sent
    by the older version) and HQ never sends a device its own write back, so applying the
    kept value after the upgrade would undo the edit here only. A conflicting field keeps
    HQ's value, as kept."""
    row_ids = sorted({change["row_id"] for change, _, _ in written})
    kept: dict[tuple[str, str], HeldRow] = {}
    for chunk in _chunks(row_ids):
        for held in session.scalars(select(HeldRow).where(
                HeldRow.code == "unknown_field", HeldRow.row_id.in_(chunk))):
            kept[(held.entity, held.row_id)] = held
    for change, rev, conflicting in written:
        held = kept.get((change["entity"], change["row_id"]))
        if held is None or (held.rev is not None and held.rev >= rev):
            continue  # kept from a newer version of the row than this write
        fields = {k: v for k, v in held.fields.items()
                  if k == "id" or k not in change["fields"] or k in conflicting}
        unknown = sorted(set(fields) - {"id"})
        if not unknown:
            session.delete(held)
            del kept[(held.entity, held.row_id)]
        elif len(fields) < len(held.fields):
            held.fields = fields
            held.reason = UNKNOWN_FIELDS.format(names=", ".join(unknown)[:200])


def _conflict_ok(entity: str, clash: Any) -> bool:
    """A conflict from HQ this device can store: ids and a field it knows, clean values."""
    if not isinstance(clash, dict) or not isinstance(clash.get("id"), str) \
            or not 8 <= len(clash["id"]) <= 36 or not isinstance(clash.get("field"), str):
        return False
    if entity not in MODELS:
        return False
    values = {clash["field"]: clash.get("server_value")}
    return not check_fields(entity, values) and clean_json(clash.get("client_value")) is None


def _take_server_value(session: Session, model: type[Syncable], row: Syncable,
                       clash: dict[str, Any]) -> None:
    field_name = clash["field"]
    if field_name not in synced_columns(model):
        return
    taken_by = (holder(session, model, field_name, clash["server_value"])
                if field_name in unique_columns(model) else None)
    if taken_by not in (None, row.id):
        return  # HQ's value is another row's here: keep ours, the conflict stays open
    if encode_value(getattr(row, field_name)) == clash.get("client_value"):
        setattr(row, field_name, decode_value(model, field_name, clash["server_value"]))


def _hold(session: Session, change_id: str, result: dict[str, Any], *, sync_number: int) -> None:
    entry = session.get(OutboxEntry, change_id)
    if entry is None:
        return
    code = _short(result.get("code"), 40) or "held"
    entry.held_code = code
    entry.held_detail = _short(result.get("detail")) or HELD_DETAIL
    entry.held_field = _short(result.get("field"), 60)
    entry.held_at = utcnow()
    entry.held_sync = sync_number
    entry.held_count = (entry.held_count or 0) + 1


# What the officer reads on the Sync screen about a change or row kept back: stored in
# English, translated where shown (sync.held).
HELD_DETAIL = N_("HQ did not accept this change.")
INVALID_ROW = N_("HQ sent a row this version does not understand.")
UNKNOWN_ENTITY = N_("HQ sent a kind of record ({kind}) this version of Field Kit does not "
                    "know; it is kept and applied after an upgrade.")
ID_MISMATCH = N_("HQ sent a row whose id does not match.")
UNKNOWN_FIELDS = N_("HQ sent fields this version of Field Kit does not know ({names}); the "
                    "rest was applied, these come in after an upgrade.")


@dataclass
class Applied:
    """What one pulled batch did: rows written, new unique clashes, rows held back."""

    rows: int = 0
    clashes: int = 0
    held: int = 0


def _problem_of(data: Any) -> tuple[str, str] | None:
    """Why a pulled row cannot be applied at all (code, sentence), or None."""
    if not isinstance(data, dict) or not isinstance(data.get("entity"), str) \
            or not isinstance(data.get("id"), str) or not 1 <= len(data["id"]) <= 36 \
            or not isinstance(data.get("fields"), dict) or not _is_rev(data.get("rev")):
        return "invalid_row", INVALID_ROW
    if data["entity"] not in MODELS:
        return "unknown_entity", UNKNOWN_ENTITY.format(kind=data["entity"][:40])
    problems = [p for p in check_fields(data["entity"], data["fields"])
                if p.field not in _unknown_fields(data["entity"], data["fields"])]
    if data["fields"].get("id", data["id"]) != data["id"]:
        return "invalid_value", ID_MISMATCH
    if problems:
        first = problems[0]
        return "invalid_value", f"{first.field}: {first.message}"
    return None


def _unknown_fields(entity: str, fields: dict[str, Any]) -> set[str]:
    return set(fields) - _synced(MODELS[entity])


def _synced(model: type[Syncable]) -> frozenset[str]:
    """synced_columns(model), read from the mapper once per set of local columns."""
    return _synced_of(model, model.__local_columns__)


@cache
def _synced_of(model: type[Syncable], _local: frozenset[str]) -> frozenset[str]:
    return frozenset(synced_columns(model))


@cache
def _decoders(model: type[Syncable]) -> dict[str, Callable[[str], Any]]:
    """The columns of `model` whose JSON text decode_value turns into a date or time."""
    found: dict[str, Callable[[str], Any]] = {}
    for column in inspect(model).columns:
        if isinstance(column.type, UTCDateTime):
            found[column.key] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            found[column.key] = date.fromisoformat
    return found


def _decoded(model: type[Syncable], fields: dict[str, Any]) -> dict[str, Any]:
    """The synced fields of a pulled row as the columns store them (see decode_value)."""
    columns, decoders = _synced(model), _decoders(model)
    values = {}
    for key, value in fields.items():
        if key in columns:
            decode = decoders.get(key) if isinstance(value, str) else None
            values[key] = decode(value) if decode is not None else value
    return values


def _insert_new(session: Session, model: type[Syncable], rows: list[dict[str, Any]]) -> None:
    """Insert rows this device did not have, in one statement: what the ORM would write for
    `model(**values)` (column defaults filled, an operation is its own operation), without
    building the objects. Made inside `remote_writes`, so they make no outbox entries."""
    if not rows:
        return
    columns = list(inspect(model).columns)
    self_operation = getattr(model, "__operation_is_self__", False)
    complete = []
    for values in rows:
        row = dict.fromkeys(c.key for c in columns)
        row.update(values)
        for column in columns:
            default = column.default
            if row[column.key] is not None or default is None:
                continue
            if default.is_scalar:
                row[column.key] = default.arg
            elif default.is_callable:
                row[column.key] = default.arg(None)
        if self_operation and row["operation_id"] is None:
            row["operation_id"] = row["id"]
        complete.append(row)
    session.execute(insert(model.__table__), complete)


def _keep_raw(session: Session, data: Any, code: str, reason: str) -> None:
    entity = str(data.get("entity", "?"))[:40] if isinstance(data, dict) else "?"
    row_id = str(data.get("id", ""))[:64] if isinstance(data, dict) else ""
    rev = data.get("rev") if isinstance(data, dict) and _is_rev(data.get("rev")) else None
    fields = data.get("fields") if isinstance(data, dict) else None
    raw = fields if isinstance(fields, dict) and clean_json(fields) is None else {}
    if not row_id:
        row_id = f"?{uuid.uuid4()}"
    held = session.scalar(select(HeldRow).where(HeldRow.entity == entity,
                                                HeldRow.row_id == row_id))
    if held is None:
        held = HeldRow(entity=entity, row_id=row_id)
        session.add(held)
    elif held.rev is not None and rev is not None and held.rev > rev:
        return  # a newer version is already kept
    held.rev, held.fields, held.code, held.reason = rev, raw, code, reason
    held.received_at = utcnow()


def apply_rows(session: Session, rows: list[Any], *, gone: list[Any] | None = None) -> Applied:
    """Write pulled rows; fields with changes still waiting in the outbox are kept local.

    Each row is checked first (the same schema HQ checks pushes with). A row this version
    cannot apply (an unknown kind, a bad value) is kept raw in `held_rows` with the reason,
    and the batch goes on; a known row carrying fields this version does not know is
    applied for the fields it knows and kept too, so an upgrade can apply the rest. A row
    that wants a unique value (RFA reference, operation code) another local row holds is
    kept under a marked alternative and a conflict is recorded: never an error. `gone`
    lists rows that left this officer's operations: their copy here is marked deleted.
    """
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    applied = Applied()
    for data in rows:
        problem = _problem_of(data)
        if problem is not None:
            _keep_raw(session, data, *problem)
            applied.held += 1
            continue
        unknown = _unknown_fields(data["entity"], data["fields"])
        if unknown:
            # Only what this version could not store is kept: applied after the upgrade, it
            # can never undo what was applied (or edited here) meanwhile.
            kept = {k: v for k, v in data["fields"].items() if k in unknown or k == "id"}
            _keep_raw(session, {**data, "fields": kept}, "unknown_field",
                      UNKNOWN_FIELDS.format(names=", ".join(sorted(unknown))[:200]))
            applied.held += 1
        by_entity[data["entity"]].append(data)
    with remote_writes(session):
        for entity, batch in by_entity.items():
            _apply_entity(session, MODELS[entity], batch, applied)
        arrived = {(d["entity"], d["id"]) for batch in by_entity.values() for d in batch}
        for item in gone if isinstance(gone, list) else []:
            if isinstance(item, dict) and item.get("entity") in MODELS \
                    and isinstance(item.get("id"), str) \
                    and (item["entity"], item["id"]) not in arrived:
                row = session.get(MODELS[item["entity"]], item["id"])
                if row is not None and not row.deleted:
                    row.deleted = True
    return applied


def _apply_entity(session: Session, model: type[Syncable], batch: list[dict[str, Any]],
                  applied: Applied) -> None:
    entity = model.__sync_entity__
    ids = [r["id"] for r in batch]
    seen = collections.Counter(ids)
    existing = {r.id: r for r in session.scalars(select(model).where(model.id.in_(ids)))}
    pending: dict[str, set[str]] = defaultdict(set)
    for row_id, fields in session.execute(
        select(OutboxEntry.row_id, OutboxEntry.fields)
        .where(OutboxEntry.entity == entity, OutboxEntry.row_id.in_(ids))
    ):
        pending[row_id].update(fields)
    conflicts: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in session.scalars(select(Conflict).where(
            Conflict.entity == entity, Conflict.row_id.in_(ids),
            Conflict.resolved_at.is_(None))):
        if not is_clash(conflict):
            conflicts[conflict.row_id].append(conflict)
    guard = ClashGuard(session, model, batch)
    new_rows: list[dict[str, Any]] = []  # rows new here, arriving once: inserted together
    for data in batch:
        values = _decoded(model, data["fields"])
        row = existing.get(data["id"])
        guard.settle(data["id"], values, row, pending[data["id"]])
        if row is None and seen[data["id"]] == 1:
            values["id"], values["rev"] = data["id"], data["rev"]
            new_rows.append(values)
        elif row is None:
            values["id"] = data["id"]
            row = model(**values)
            row.rev = data["rev"]
            session.add(row)
            existing[data["id"]] = row
        else:
            for key, value in values.items():
                if key not in pending[data["id"]] and getattr(row, key) != value:
                    setattr(row, key, value)
            row.rev = max(data["rev"], row.rev or data["rev"])  # never back to an older one
        for conflict in conflicts[data["id"]]:  # the officer decides on HQ's value of now
            if conflict.field in data["fields"]:
                conflict.server_value = data["fields"][conflict.field]
        applied.rows += 1
    _insert_new(session, model, new_rows)
    guard.heal()
    applied.clashes += len(guard.opened)
    for chunk in _chunks(ids):  # a newer version applied replaces a kept one
        session.execute(delete(HeldRow).where(
            HeldRow.entity == entity, HeldRow.row_id.in_(chunk),
            HeldRow.code != "unknown_field"))


def retry_held_rows(session: Session) -> Applied:
    """Apply again the rows kept back that this version can now apply (after an upgrade)."""
    kept = session.scalars(select(HeldRow).order_by(HeldRow.rev)).all()  # in HQ's order
    ready = []
    for held in kept:
        data = {"entity": held.entity, "id": held.row_id, "rev": held.rev,
                "fields": held.fields}
        if _problem_of(data) is None and not _unknown_fields(held.entity, held.fields):
            ready.append((held, data))
    if not ready:
        return Applied()
    for held, _ in ready:
        session.delete(held)
    session.flush()
    return apply_rows(session, [data for _, data in ready])


@contextmanager
def lenient_transaction(db: Database) -> Iterator[Session]:
    """One local transaction with foreign keys unchecked while it runs.

    Rows arrive in HQ's order, so a contact may come before its organisation, and a
    conflict may name a row the next pull brings; the references are complete once every
    batch is in, and the app tolerates a missing one meanwhile. The engine turns the checks
    back on for the next user of the connection.
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


# The name older scripts (the sync probes) use for it.
remote_transaction = lenient_transaction

LOG_PREFIX = "log:"
KEEP_LOG = 100


LOG_COUNTER = "sync_log"


def add_log(session: Session, entry: dict[str, Any]) -> None:
    """Record one sync attempt under the next local number (never the laptop's clock, which
    may be put back); the newest hundred are kept."""
    counter = session.get(Counter, LOG_COUNTER)
    if counter is None:
        counter = Counter(name=LOG_COUNTER, value=0)
        session.add(counter)
    counter.value += 1
    set_state(session, f"{LOG_PREFIX}{counter.value:010d}", json.dumps(entry))
    keys = session.scalars(
        select(SyncState.key).where(SyncState.key.startswith(LOG_PREFIX)).order_by(
            SyncState.key.desc())
    ).all()
    for key in keys[KEEP_LOG:]:
        session.execute(delete(SyncState).where(SyncState.key == key))


def read_log(session: Session, limit: int) -> list[dict[str, Any]]:
    """Past sync attempts, newest first."""
    values = session.scalars(
        select(SyncState.value).where(SyncState.key.startswith(LOG_PREFIX))
        .order_by(SyncState.key.desc()).limit(limit)
    ).all()
    return [json.loads(v) for v in values]

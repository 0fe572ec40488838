"""Applying pushed changes: one outcome per change, idempotent per device, three-way merge.

Each change of a push is read and checked on its own (`hq.changes`); one that
cannot be applied is *held* (a code and a sentence), writes nothing and is not logged,
and the others go on. For each field of a change: if HQ's value equals the change's base
(the value the device replaced), the new value is applied; if HQ already has the new
value, nothing happens; otherwise a conflict is recorded, HQ's value stays and the device
is told both values. Deleting a row that someone else edited since the device last saw
it, and editing a row HQ holds deleted, are conflicts on the `deleted` field. RFA and
asset histories are rows of their own, so they merge as a union. A change that sets
`operation_id` moves the row between scopes: the old audience is told it is gone.
"""

from __future__ import annotations

import gc
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring_ascii
from typing import Any

from sqlalchemy import JSON, Table, Text, bindparam, cast, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from hq.changes import (
    CONFLICT_ENTITY,
    ChangeIn,
    Held,
    parse_change,
    unknown_row,
    waiting,
)
from hq.lessons import ENTITY as LESSON_ENTITY
from hq.lessons import project_lesson
from hq.models import (
    Change,
    HqOperation,
    RowDeparture,
    RowState,
    ServerConflict,
    utcnow,
)
from hq.overview import EVENT_ENTITY as RFA_EVENT_ENTITY
from hq.overview import RFA_ENTITY, project_rfas
from hq.register_proposals import ENTITY as PROPOSAL_ENTITY
from hq.register_proposals import device_change_held, project_proposal
from hq.scope import (
    PUBLISHED_BY_HQ,
    OfficerScope,
    not_in_your_operations,
    not_yours,
    published_by_hq,
)
from hq.shares import Sharing

_MISSING = object()
OVERVIEW_ENTITIES = frozenset({RFA_ENTITY, RFA_EVENT_ENTITY})
DELETED = "deleted"
OPERATION = "operation"
CHUNK = 500
_ROW_COLUMNS = ("entity", "row_id", "operation_id", "owner_officer_id", "fields", "field_revs",
                "deleted", "seq", "last_device_id", "others_seq")


def next_seq(session: Session, **change: Any) -> Change:
    """Append one event to the global sequence (caller holds the write lock)."""
    row = Change(**change)
    session.add(row)
    session.flush()
    return row


@dataclass(eq=False)
class MergedRow:
    """A `row_states` row while a push merges into it: plain values, written back in few
    statements when the push ends (`stored`: it is in the table; `changed`: it must be
    written)."""

    entity: str
    row_id: str
    operation_id: str | None
    owner_officer_id: str | None
    fields: dict[str, Any]
    field_revs: dict[str, list[Any]]
    deleted: bool
    seq: int
    last_device_id: str | None
    others_seq: int
    updated_at: datetime | None = None
    stored: bool = True
    changed: bool = False

    def values(self) -> dict[str, Any]:
        """The row's columns, as written to `row_states`."""
        values = {name: getattr(self, name) for name in _ROW_COLUMNS}
        values["updated_at"] = self.updated_at or utcnow()
        return values


@dataclass(eq=False)
class _Logged:
    """A change about to be applied: its sequence number, taken before anything is merged,
    and what its change-log row gets once it is (`result` None: held, not logged)."""

    change: ChangeIn
    seq: int
    result: dict[str, Any] | None = None
    operation_id: str | None = None


def apply_push(
    session: Session, *, officer_id: str, device_id: str, changes: list[Any]
) -> list[dict[str, Any]]:
    """Apply a push in order and return one outcome per change, in the order sent.

    The write lock is held for the whole call, so it does its reads and writes in few
    statements: the results of change ids this device already sent in one SELECT, the row
    states the changes touch in one SELECT per entity, sequence numbers for all new changes
    in one statement (in the order sent). Changes are merged in memory; at the end one
    INSERT writes the log entries of the changes applied (with their results; a change
    that ends held is not logged), one INSERT the new rows and one UPDATE the changed ones.
    """
    with _no_cycle_collection():
        return _apply_push(session, officer_id=officer_id, device_id=device_id,
                           changes=changes)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for one push. A push makes tens of thousands of
    dicts that live until it ends (parsed changes, rows, statement parameters); each
    pass of the collector would walk the whole server's heap again and again (a quarter
    of a big push's time). Pushes run one at a time (the write lock); the collector runs
    again, as before, after it."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _apply_push(
    session: Session, *, officer_id: str, device_id: str, changes: list[Any]
) -> list[dict[str, Any]]:
    parsed = [parse_change(raw) for raw in changes]
    valid = [p for p in parsed if isinstance(p, ChangeIn)]
    done = _first_results(session, device_id, [c.change_id for c in valid])
    fresh: dict[str, ChangeIn] = {}
    for change in valid:
        if change.change_id not in done:
            fresh.setdefault(change.change_id, change)
    rows = [c for c in fresh.values() if c.entity != CONFLICT_ENTITY]
    states = _load_rows(session, sorted({(c.entity, c.row_id) for c in rows}))
    scope = OfficerScope(session, officer_id)
    scope.prefetch([_target(c, states.get((c.entity, c.row_id))) for c in rows])
    sharing = Sharing(session, officer_id=officer_id, mine=scope.mine)
    closing = _conflicts(session, [c.row_id for c in fresh.values() if c.entity == CONFLICT_ENTITY])
    logs = _reserve(session, list(fresh.values()), device_id)
    stopped: set[tuple[str, str]] = set()  # rows with a change held in this push
    for item in parsed:
        if isinstance(item, Held):
            if item.key is not None:
                stopped.add(item.key)
            continue
        change = fresh.get(item.change_id)
        if change is not item:
            continue  # already answered (sent before, or twice in this push)
        log = logs[change.change_id]
        key = (change.entity, change.row_id)
        if change.entity == CONFLICT_ENTITY:
            outcome = _resolve(closing.get(change.row_id), change, log, officer_id=officer_id)
        elif key in stopped:
            outcome = waiting(change.entity)
        else:
            outcome = _apply(session, change, log, states, scope=scope, sharing=sharing,
                             officer_id=officer_id, device_id=device_id)
        if isinstance(outcome, Held):
            done[change.change_id] = outcome.answer()  # not logged: sent again, it is new
            stopped.add(key)
        else:
            done[change.change_id] = outcome
    states.update(_load_rows(session, [k for k in sharing.wanted_keys() if k not in states]))
    for key in sharing.share(states):
        states[key].changed = True
    encoded = _write_log(session, list(logs.values()), device_id)
    _store_rows(session, states.values(), encoded=encoded)
    # The overview's projection of RFAs and their history (issue 18), in few statements.
    project_rfas(session, [s for s in states.values()
                           if s.changed and s.entity in OVERVIEW_ENTITIES])
    scope.record_membership()
    return [p.answer() if isinstance(p, Held) else done[p.change_id] for p in parsed]


def _first_results(session: Session, device_id: str, change_ids: list[str]
                   ) -> dict[str, dict[str, Any]]:
    """What this device's changes already applied were answered, by change id."""
    ids = sorted(set(change_ids))
    done: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        for change_id, result in session.execute(
            select(Change.change_id, Change.result).where(
                Change.device_id == device_id, Change.change_id.in_(ids[start:start + CHUNK]))
        ):
            done[change_id] = result or {}
    return done


def _conflicts(session: Session, conflict_ids: list[str]) -> dict[str, ServerConflict]:
    """The conflicts a push closes, by id, read in few statements."""
    ids = sorted(set(conflict_ids))
    found: dict[str, ServerConflict] = {}
    for start in range(0, len(ids), CHUNK):
        for conflict in session.scalars(select(ServerConflict).where(
                ServerConflict.id.in_(ids[start:start + CHUNK]))):
            found[conflict.id] = conflict
    return found


def _target(change: ChangeIn, state: MergedRow | None) -> str | None:
    """The operation a row change writes into (None: no operation)."""
    if change.entity == OPERATION:
        return change.row_id
    if "operation_id" in change.fields:
        return change.fields["operation_id"]
    if state is not None:
        return state.operation_id
    return change.operation_id


def _reserve(session: Session, fresh: list[ChangeIn], device_id: str) -> dict[str, _Logged]:
    """Numbers of the global sequence for the changes about to be applied, in the order
    sent, by change id (caller holds the write lock).

    Their log rows are written once all are applied (`_write_log`); an event HQ itself
    adds meanwhile (a lesson's status set back) must be numbered after them. PostgreSQL's
    sequence sees to it; SQLite numbers a new row max(seq) + 1, so the log row of the last
    change is written now, its result later."""
    if not fresh:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        seqs = sorted(session.scalars(select(
            func.nextval(func.pg_get_serial_sequence(Change.__tablename__, "seq")))
            .select_from(func.generate_series(1, len(fresh)))))
    else:
        last = session.scalar(select(func.coalesce(func.max(Change.seq), 0)))
        seqs = list(range(last + 1, last + 1 + len(fresh)))
        anchor = fresh[-1]
        session.execute(insert(Change).values(
            seq=seqs[-1], kind=_kind(anchor), entity=anchor.entity, row_id=anchor.row_id,
            change_id=anchor.change_id, device_id=device_id, fields=anchor.fields))
    return {change.change_id: _Logged(change, seq) for change, seq in zip(fresh, seqs,
                                                                          strict=True)}


def _kind(change: ChangeIn) -> str:
    return "resolution" if change.entity == CONFLICT_ENTITY else "row"


def _bulk_binds(table: Table, names: tuple[str, ...], postgres: bool) -> dict[str, Any]:
    """Bind parameters `b_<column>` for an executemany over these columns of `table`.

    JSON columns take text already encoded (with json.dumps, as SQLAlchemy would), so a
    value the log and the row share is encoded once."""
    binds: dict[str, Any] = {}
    for name in names:
        column = table.c[name]
        if isinstance(column.type, JSON):
            param = bindparam(f"b_{name}", type_=Text())
            binds[name] = cast(param, JSONB) if postgres else param
        else:
            binds[name] = bindparam(f"b_{name}", type_=column.type)
    return binds


_LOG_COLUMNS = ("seq", "kind", "entity", "row_id", "operation_id", "change_id", "device_id",
                "fields", "result", "created_at")


def _write_log(session: Session, logs: list[_Logged], device_id: str
               ) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """Write the log rows of the changes applied (with their results), in one statement;
    SQLite's early row (`_reserve`) gets its result, or goes if its change was held.

    Returns, per row, the fields its last applied change sent and their encoding."""
    postgres = session.get_bind().dialect.name == "postgresql"
    encoded: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    params = []
    now = utcnow()
    for log in logs:
        if log.result is None:
            continue
        change = log.change
        fields = json.dumps(change.fields)
        encoded[(change.entity, change.row_id)] = (change.fields, fields)
        params.append({"b_seq": log.seq, "b_kind": _kind(change), "b_entity": change.entity,
                       "b_row_id": change.row_id, "b_operation_id": log.operation_id,
                       "b_change_id": change.change_id, "b_device_id": device_id,
                       "b_fields": fields, "b_result": json.dumps(log.result),
                       "b_created_at": now})
    if not postgres and logs:
        anchor = logs[-1]
        if anchor.result is None:
            session.execute(delete(Change).where(Change.seq == anchor.seq))
        else:
            session.execute(update(Change).where(Change.seq == anchor.seq).values(
                result=anchor.result, operation_id=anchor.operation_id))
            params.pop()
    if params:
        table = Change.__table__
        session.execute(insert(table).values(_bulk_binds(table, _LOG_COLUMNS, postgres)),
                        params)
    return encoded


def _load_rows(session: Session, keys: list[tuple[str, str]]
               ) -> dict[tuple[str, str], MergedRow]:
    """The row states of these (entity, row_id) keys, read in few statements (one per
    entity and 500 rows: the primary key serves `entity = ? AND row_id IN (...)`)."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in keys:
        by_entity[entity].append(row_id)
    states: dict[tuple[str, str], MergedRow] = {}
    columns = [getattr(RowState, name) for name in _ROW_COLUMNS]
    for entity, row_ids in sorted(by_entity.items()):
        for start in range(0, len(row_ids), CHUNK):
            for values in session.execute(select(*columns).where(
                    RowState.entity == entity, RowState.row_id.in_(row_ids[start:start + CHUNK]))):
                row = MergedRow(*values)
                states[(row.entity, row.row_id)] = row
    return states


_STATE_COLUMNS = (*_ROW_COLUMNS, "updated_at")


def _store_rows(session: Session, rows: Any, *,
               encoded: dict[tuple[str, str], tuple[dict[str, Any], str]]) -> None:
    """Write the new and changed rows of a push: an INSERT and an UPDATE, each one
    statement executed for many rows. A row whose fields are those its last change sent
    (a creation) takes their encoding from `encoded`."""
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    now = utcnow()
    for row in rows:
        if row.stored and not row.changed:
            continue
        sent = encoded.get((row.entity, row.row_id))
        fields = sent[1] if sent is not None and sent[0] == row.fields \
            else json.dumps(row.fields)
        (changed if row.stored else new).append({
            "b_entity": row.entity, "b_row_id": row.row_id, "b_operation_id": row.operation_id,
            "b_owner_officer_id": row.owner_officer_id, "b_fields": fields,
            "b_field_revs": encode_revs(row.field_revs), "b_deleted": row.deleted,
            "b_seq": row.seq, "b_last_device_id": row.last_device_id,
            "b_others_seq": row.others_seq, "b_updated_at": row.updated_at or now})
    table = RowState.__table__
    postgres = session.get_bind().dialect.name == "postgresql"
    binds = _bulk_binds(table, _STATE_COLUMNS, postgres)
    if new:
        session.execute(insert(table).values(binds), new)
    if changed:
        key = {"entity": binds.pop("entity"), "row_id": binds.pop("row_id")}
        session.execute(update(table).where(table.c.entity == key["entity"],
                                            table.c.row_id == key["row_id"]).values(binds),
                        changed)


def encode_revs(revs: dict[str, list[Any]]) -> str:
    """`json.dumps(revs)`; a new row's fields all share one [seq, device], which is then
    encoded once (the names by json's own string encoder): three times quicker."""
    values = list(revs.values())
    if values and values.count(values[0]) == len(values):
        rev = ": " + json.dumps(values[0])
        return "{" + (rev + ", ").join(map(encode_basestring_ascii, revs)) + rev + "}"
    return json.dumps(revs)


def _hold_for_scope(change: ChangeIn, state: MergedRow, target: str | None, *,
                    scope: OfficerScope, seq: int) -> Held | None:
    """Why a change to a row HQ holds may not be applied, or None."""
    if not scope.may_write(state.operation_id, state.owner_officer_id):
        if state.operation_id is not None:
            return not_in_your_operations(change.entity)
        return not_yours(change.entity, creation=change.is_creation)
    if change.is_creation and target != state.operation_id:
        return not_yours(change.entity, creation=True)  # the id is another scope's row
    if target != state.operation_id:
        return scope.enter(change.entity, target, seq=seq)
    return None


def _apply(
    session: Session, change: ChangeIn, log: _Logged,
    states: dict[tuple[str, str], MergedRow], *, scope: OfficerScope, sharing: Sharing,
    officer_id: str, device_id: str,
) -> dict[str, Any] | Held:
    seq = log.seq
    state = states.get((change.entity, change.row_id))
    if change.entity in PUBLISHED_BY_HQ:  # the Central Register: HQ alone writes it
        return published_by_hq(change.entity)
    if change.entity == PROPOSAL_ENTITY:
        held = device_change_held(change, state)
        if held is not None:
            return held
    target = _target(change, state)
    conflicts: list[dict[str, Any]] = []
    moved_from: tuple[str | None, str | None] | None = None
    if state is None:
        if not change.is_creation:
            return unknown_row(change.entity)  # never a partial row at HQ
        held = scope.enter(change.entity, target, seq=seq)
        if held is not None:
            return held
        state = MergedRow(
            entity=change.entity, row_id=change.row_id, operation_id=target,
            owner_officer_id=officer_id if target is None else None,
            fields={}, field_revs={}, deleted=False, seq=seq, last_device_id=device_id,
            others_seq=0, stored=False,
        )
        states[(change.entity, change.row_id)] = state
        fields: dict[str, Any] = {}
        revs: dict[str, list[Any]] = {}
        applied = dict(change.fields)
    else:
        held = _hold_for_scope(change, state, target, scope=scope, seq=seq)
        if held is not None:
            return held
        fields = dict(state.fields)
        revs = dict(state.field_revs)
        applied, clashes = _merge(fields, revs, change, device_id=device_id)
        for field, server_value in clashes:
            conflicts.append(
                _record_conflict(session, change, state, field, server_value,
                                 officer_id=officer_id, device_id=device_id)
            )
        if target != state.operation_id and all(f != "operation_id" for f, _ in clashes):
            moved_from = (state.operation_id, state.owner_officer_id)
    if moved_from is not None:
        session.add(RowDeparture(seq=seq, entity=change.entity, row_id=change.row_id,
                                 operation_id=moved_from[0], owner_officer_id=moved_from[1]))
        state.operation_id = target
        state.owner_officer_id = officer_id if target is None else None
        applied.setdefault("operation_id", target)
    if applied:
        for field, value in applied.items():
            fields[field] = value
            revs[field] = [seq, device_id]
        state.fields = fields
        state.field_revs = revs
        state.deleted = bool(fields.get(DELETED, False))
        if state.last_device_id != device_id:
            state.others_seq = state.seq
        state.last_device_id = device_id
        state.seq = seq
        state.updated_at = utcnow()
        state.changed = True
        if change.entity == OPERATION:
            _name_operation(session, change.row_id, fields)
        if change.entity == LESSON_ENTITY:  # HQ's review projection of lessons (issue 8)
            _project_lesson(session, state)
        elif change.entity == PROPOSAL_ENTITY:  # the register's proposals page (issue 18)
            project_proposal(session, state)
        sharing.note(state, fields if moved_from is not None else applied, seq)
    result: dict[str, Any] = {
        "change_id": change.change_id,
        "status": "conflict" if conflicts else "applied",
        "rev": state.seq,
        "conflicts": conflicts,
    }
    log.operation_id = state.operation_id
    log.result = result
    return result


def _project_lesson(session: Session, state: MergedRow) -> None:
    """Project a lesson row into HQ's review tables; HQ may set its status back as its own
    change (a new seq, no device), which the row then carries."""
    orm = RowState(**state.values())  # transient: the row is written with the others
    project_lesson(session, orm)
    for name in ("fields", "field_revs", "seq", "others_seq", "last_device_id", "updated_at"):
        setattr(state, name, getattr(orm, name))


def _name_operation(session: Session, operation_id: str, fields: dict[str, Any]) -> None:
    """Keep HQ's list of operations in step with the operation row's code and name."""
    operation = session.get(HqOperation, operation_id)
    if operation is None:
        return
    # check_fields held any name or code the operations table could not store.
    operation.name = fields.get("name") or operation.name
    code = fields.get("code")
    if code and code != operation.code:
        taken = session.scalar(select(HqOperation.id).where(HqOperation.code == code))
        if taken is None:
            operation.code = code


def _merge(
    fields: dict[str, Any], revs: dict[str, list[Any]], change: ChangeIn, *, device_id: str
) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """The fields to apply and the (field, HQ value) pairs in conflict."""
    applied: dict[str, Any] = {}
    clashes: list[tuple[str, Any]] = []
    server_deleted = fields.get(DELETED) is True
    wants = change.fields.get(DELETED, _MISSING)
    if wants is True and not server_deleted:
        seen = change.base_rev or 0
        edited_by_others = any(
            field != DELETED and rev[1] != device_id and rev[0] > seen
            for field, rev in revs.items()
        )
        if edited_by_others:
            clashes.append((DELETED, False))
    elif wants is _MISSING and server_deleted:
        clashes.append((DELETED, True))  # edited here, deleted at HQ: never resurrect silently
    clashed = {field for field, _ in clashes}
    for field, new in change.fields.items():
        if field in clashed:
            continue
        current = fields.get(field, _MISSING)
        base = change.base.get(field, _MISSING)
        if current is _MISSING or current == new:
            if current is _MISSING:
                applied[field] = new
        elif base is not _MISSING and base == current:
            applied[field] = new
        else:
            clashes.append((field, current))
    return applied, clashes


def _record_conflict(
    session: Session, change: ChangeIn, state: MergedRow, field: str, server_value: Any,
    *, officer_id: str, device_id: str,
) -> dict[str, Any]:
    conflict = ServerConflict(
        id=str(uuid.uuid4()), officer_id=officer_id, device_id=device_id,
        change_id=change.change_id,
        entity=change.entity, row_id=change.row_id, operation_id=state.operation_id,
        field=field, base_value=change.base.get(field),
        # Only `deleted` can be missing: an edit of a row HQ holds deleted (keep it: False).
        client_value=change.fields.get(field, False),
        server_value=server_value,
    )
    session.add(conflict)
    return {
        "id": conflict.id, "field": field, "server_value": server_value,
        "client_value": conflict.client_value, "base_value": conflict.base_value,
    }


def _resolve(conflict: ServerConflict | None, change: ChangeIn, log: _Logged, *,
             officer_id: str) -> dict[str, Any]:
    """A device closed a conflict (keep mine / keep HQ's / edit); the value came as a row
    change. Another officer's conflict, or one HQ does not know, changes nothing."""
    if conflict is not None and conflict.officer_id == officer_id and conflict.resolved_at is None:
        conflict.resolved_at = utcnow()
        conflict.resolution = change.fields["resolution"]  # mine, hq or edit (parse_change)
    result = {"change_id": change.change_id, "status": "applied", "rev": log.seq,
              "conflicts": []}
    log.result = result
    return result

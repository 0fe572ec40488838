"""Applying pushed changes: one outcome per change, idempotent per device, three-way merge.

Each change of a push is read and checked on its own (`sync.server.changes`); one that
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

import uuid
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from sync.server.changes import (
    CONFLICT_ENTITY,
    ChangeIn,
    Held,
    parse_change,
    unknown_row,
    waiting,
)
from sync.server.lessons import ENTITY as LESSON_ENTITY
from sync.server.lessons import project_lesson
from sync.server.models import (
    Change,
    HqOperation,
    RowDeparture,
    RowState,
    ServerConflict,
    utcnow,
)
from sync.server.scope import OfficerScope, not_in_your_operations, not_yours
from sync.server.shares import Sharing

_MISSING = object()
DELETED = "deleted"
OPERATION = "operation"
CHUNK = 500


def next_seq(session: Session, **change: Any) -> Change:
    """Append one event to the global sequence (caller holds the write lock)."""
    row = Change(**change)
    session.add(row)
    session.flush()
    return row


def apply_push(
    session: Session, *, officer_id: str, device_id: str, changes: list[Any]
) -> list[dict[str, Any]]:
    """Apply a push in order and return one outcome per change, in the order sent.

    The write lock is held for the whole call, so it does its reads and writes in few
    statements: the results of change ids this device already sent in one SELECT, the log
    entries of all new changes in one INSERT (their sequence numbers in the order sent),
    the row states they touch in one SELECT, the rest at commit. The log entry of a change
    that ends held is removed again before the commit.
    """
    parsed = [parse_change(raw) for raw in changes]
    valid = [p for p in parsed if isinstance(p, ChangeIn)]
    done = _first_results(session, device_id, [c.change_id for c in valid])
    fresh: dict[str, ChangeIn] = {}
    for change in valid:
        if change.change_id not in done:
            fresh.setdefault(change.change_id, change)
    rows = [c for c in fresh.values() if c.entity != CONFLICT_ENTITY]
    states = _row_states(session, sorted({(c.entity, c.row_id) for c in rows}))
    scope = OfficerScope(session, officer_id)
    scope.prefetch([_target(c, states.get((c.entity, c.row_id))) for c in rows])
    sharing = Sharing(session, officer_id=officer_id, mine=scope.mine)
    closing = _conflicts(session, [c.row_id for c in fresh.values() if c.entity == CONFLICT_ENTITY])
    logs = {change_id: _log_entry(change, device_id) for change_id, change in fresh.items()}
    session.add_all(logs.values())
    session.flush()
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
            session.delete(log)  # a held change is not logged: sent again, it is new
            done[change.change_id] = outcome.answer()
            stopped.add(key)
        else:
            done[change.change_id] = outcome
    sharing.share(states)
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


def _target(change: ChangeIn, state: RowState | None) -> str | None:
    """The operation a row change writes into (None: no operation)."""
    if change.entity == OPERATION:
        return change.row_id
    if "operation_id" in change.fields:
        return change.fields["operation_id"]
    if state is not None:
        return state.operation_id
    return change.operation_id


def _log_entry(change: ChangeIn, device_id: str) -> Change:
    """The change-log row of a change about to be applied (its seq comes at flush; the
    operation the row ends in is set once it is applied)."""
    if change.entity == CONFLICT_ENTITY:
        return Change(kind="resolution", entity=CONFLICT_ENTITY, row_id=change.row_id,
                      change_id=change.change_id, device_id=device_id, fields=change.fields)
    return Change(kind="row", entity=change.entity, row_id=change.row_id,
                  change_id=change.change_id, device_id=device_id, fields=change.fields)


def _row_states(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], RowState]:
    """The row states of these (entity, row_id) keys, read in few statements."""
    states: dict[tuple[str, str], RowState] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        for state in session.scalars(
            select(RowState).where(tuple_(RowState.entity, RowState.row_id).in_(chunk))
        ):
            states[(state.entity, state.row_id)] = state
    return states


def _hold_for_scope(change: ChangeIn, state: RowState, target: str | None, *,
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
    session: Session, change: ChangeIn, log: Change,
    states: dict[tuple[str, str], RowState], *, scope: OfficerScope, sharing: Sharing,
    officer_id: str, device_id: str,
) -> dict[str, Any] | Held:
    seq = log.seq
    state = states.get((change.entity, change.row_id))
    target = _target(change, state)
    conflicts: list[dict[str, Any]] = []
    moved_from: tuple[str | None, str | None] | None = None
    if state is None:
        if not change.is_creation:
            return unknown_row(change.entity)  # never a partial row at HQ
        held = scope.enter(change.entity, target, seq=seq)
        if held is not None:
            return held
        state = RowState(
            entity=change.entity, row_id=change.row_id, operation_id=target,
            owner_officer_id=officer_id if target is None else None,
            fields={}, field_revs={}, deleted=False, seq=seq, last_device_id=device_id,
            others_seq=0,
        )
        session.add(state)
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
        if change.entity == OPERATION:
            _name_operation(session, change.row_id, fields)
        if change.entity == LESSON_ENTITY:  # HQ's review projection of lessons (issue 8)
            project_lesson(session, state)
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
    session: Session, change: ChangeIn, state: RowState, field: str, server_value: Any,
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


def _resolve(conflict: ServerConflict | None, change: ChangeIn, log: Change, *,
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

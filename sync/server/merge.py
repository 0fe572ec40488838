"""Applying pushed changes: idempotent per change id, three-way merge per field.

For each field of a change: if HQ's value equals the change's base (the value the
device replaced), the new value is applied; if HQ already has the new value, nothing
happens; otherwise a conflict is recorded, HQ's value stays and the device is told both
values. Deleting a row that someone else edited since the device last saw it, and
editing a row HQ holds deleted, are conflicts on the `deleted` field. RFA and asset
histories are rows of their own, so they merge as a union.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from sync.server.errors import ApiError
from sync.server.lessons import ENTITY as LESSON_ENTITY
from sync.server.lessons import project_lesson
from sync.server.models import Change, HqOperation, RowState, ServerConflict, utcnow
from sync.server.schemas import CONFLICT_ENTITY, ChangeIn
from sync.server.scope import authorize_operations, forbidden, officer_operations

_MISSING = object()
DELETED = "deleted"


def next_seq(session: Session, **change: Any) -> Change:
    """Append one event to the global sequence (caller holds the write lock)."""
    row = Change(**change)
    session.add(row)
    session.flush()
    return row


def apply_push(
    session: Session, *, officer_id: str, device_id: str, changes: list[ChangeIn]
) -> list[dict[str, Any]]:
    """Apply a batch in order and return one result per change; all or nothing (403).

    The write lock is held for the whole call, so it does its reads and writes in few
    statements: the log entries of all new changes in one INSERT (their sequence numbers
    in the order sent), the row states they touch in one SELECT, the rest at commit.
    """
    ids = [c.change_id for c in changes]
    done: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for change_id, result in session.execute(
            select(Change.change_id, Change.result).where(Change.change_id.in_(chunk))
        ):
            done[change_id] = result or {}
    fresh: dict[str, ChangeIn] = {}
    for change in changes:
        if change.change_id not in done:
            fresh.setdefault(change.change_id, change)
    authorize_operations(
        session, officer_id,
        {c.operation_id for c in fresh.values()
         if c.operation_id is not None and c.entity != CONFLICT_ENTITY},
    )
    mine = officer_operations(session, officer_id)
    logs = {change_id: _log_entry(change, device_id) for change_id, change in fresh.items()}
    session.add_all(logs.values())
    session.flush()
    states = _row_states(session, [c for c in fresh.values() if c.entity != CONFLICT_ENTITY])
    for change_id, change in fresh.items():
        if change.entity == CONFLICT_ENTITY:
            result = _resolve(session, change, logs[change_id], officer_id=officer_id)
        else:
            result = _apply(session, change, logs[change_id], states, officer_id=officer_id,
                            device_id=device_id, mine=mine)
        done[change_id] = result
    return [done[c.change_id] for c in changes]


def _log_entry(change: ChangeIn, device_id: str) -> Change:
    """The change-log row of a change about to be applied (its seq comes at flush)."""
    if change.entity == CONFLICT_ENTITY:
        return Change(kind="resolution", entity=CONFLICT_ENTITY, row_id=change.row_id,
                      change_id=change.change_id, device_id=device_id, fields=change.fields)
    return Change(kind="row", entity=change.entity, row_id=change.row_id,
                  operation_id=change.operation_id, change_id=change.change_id,
                  device_id=device_id, fields=change.fields)


def _row_states(session: Session, changes: list[ChangeIn]) -> dict[tuple[str, str], RowState]:
    """The row states the changes touch, by (entity, row_id), read in few statements."""
    keys = sorted({(c.entity, c.row_id) for c in changes})
    states: dict[tuple[str, str], RowState] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for state in session.scalars(
            select(RowState).where(tuple_(RowState.entity, RowState.row_id).in_(chunk))
        ):
            states[(state.entity, state.row_id)] = state
    return states


def _check_scope(state: RowState, change: ChangeIn, *, officer_id: str, mine: set[str]) -> None:
    if state.operation_id is not None:
        if state.operation_id not in mine:
            raise forbidden(state.operation_id)
        if change.operation_id != state.operation_id:
            raise ApiError(
                422, "operation_mismatch",
                f"The {change.entity} {change.row_id} belongs to another operation at HQ.",
            )
    elif state.owner_officer_id != officer_id:
        raise ApiError(404, "not_found", f"HQ has no {change.entity} {change.row_id} of yours.")


def _apply(
    session: Session, change: ChangeIn, log: Change,
    states: dict[tuple[str, str], RowState], *, officer_id: str, device_id: str,
    mine: set[str],
) -> dict[str, Any]:
    seq = log.seq
    state = states.get((change.entity, change.row_id))
    conflicts: list[dict[str, Any]] = []
    if state is None:
        state = RowState(
            entity=change.entity, row_id=change.row_id, operation_id=change.operation_id,
            owner_officer_id=officer_id if change.operation_id is None else None,
            fields={}, field_revs={}, deleted=False, seq=seq, last_device_id=device_id,
            others_seq=0,
        )
        session.add(state)
        states[(change.entity, change.row_id)] = state
        fields: dict[str, Any] = {}
        revs: dict[str, list[Any]] = {}
        applied = dict(change.fields)
    else:
        _check_scope(state, change, officer_id=officer_id, mine=mine)
        fields = dict(state.fields)
        revs = dict(state.field_revs)
        applied, clashes = _merge(fields, revs, change, device_id=device_id)
        for field, server_value in clashes:
            conflicts.append(
                _record_conflict(session, change, state, field, server_value,
                                 officer_id=officer_id, device_id=device_id)
            )
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
        if change.entity == "operation":
            _name_operation(session, change.row_id, fields)
        if change.entity == LESSON_ENTITY:  # HQ's review projection of lessons (issue 8)
            project_lesson(session, state)
    result: dict[str, Any] = {
        "change_id": change.change_id,
        "status": "conflict" if conflicts else "applied",
        "rev": state.seq,
        "conflicts": conflicts,
    }
    log.result = result
    return result


def _name_operation(session: Session, operation_id: str, fields: dict[str, Any]) -> None:
    """Keep HQ's list of operations in step with the operation row's code and name."""
    operation = session.get(HqOperation, operation_id)
    if operation is None:
        return
    operation.name = str(fields.get("name") or operation.name)[:200]
    code = fields.get("code")
    if isinstance(code, str) and code and code != operation.code:
        taken = session.scalar(select(HqOperation.id).where(HqOperation.code == code))
        if taken is None:
            operation.code = code[:12]


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
        if field in clashed or field in ("id",):
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
        client_value=change.fields.get(field, field == DELETED and not server_value),
        server_value=server_value,
    )
    session.add(conflict)
    return {
        "id": conflict.id, "field": field, "server_value": server_value,
        "client_value": conflict.client_value, "base_value": conflict.base_value,
    }


def _resolve(session: Session, change: ChangeIn, log: Change, *, officer_id: str
             ) -> dict[str, Any]:
    """A device closed a conflict (keep mine / keep HQ's / edit); the value came as a row change."""
    conflict = session.get(ServerConflict, change.row_id)
    if conflict is not None and conflict.officer_id == officer_id and conflict.resolved_at is None:
        conflict.resolved_at = utcnow()
        conflict.resolution = str(change.fields.get("resolution", ""))[:16]
    result = {"change_id": change.change_id, "status": "applied", "rev": log.seq,
              "conflicts": []}
    log.result = result
    return result

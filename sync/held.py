"""Changes HQ held and rows from HQ this device could not apply: what the officer sees
of them on the Sync screen and what they can do (send again, discard, save to a file).

A held change stays in the outbox with HQ's code and sentence; the later changes of the
same row wait behind it (listed too, as waiting). Nothing here talks to HQ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldapp.errors import NotFoundError
from fieldapp.i18n import N_, _
from fieldapp.models import HeldRow, Operation, OutboxEntry, utcnow
from sync import local

# Labels and advice are made before the language is known: translated where used.
ENTITY_LABELS = {
    "operation": N_("Operation"), "organisation": N_("Organisation"),
    "contact": N_("Contact"), "asset": N_("Asset"),
    "asset_status_event": N_("Asset status change"), "rfa": N_("RFA"),
    "rfa_event": N_("RFA status change"), "lesson": N_("Lesson"),
    "handbook_bookmark": N_("Bookmark"), "handbook_note": N_("Handbook note"),
    "checklist_tick": N_("Checklist tick"), "conflict": N_("Conflict decision"),
    "register_entry": N_("Central Register entry"),
    "register_proposal": N_("Correction proposed to the Central Register"),
}
ADVICE = {
    "invalid_value": N_("Correct the value in the record and press Send again, or discard "
                        "the change."),
    "invalid_change": N_("Discard the change, or save it to a file for support."),
    "unknown_entity": N_("HQ runs an older version; the change goes again by itself after "
                         "HQ upgrades. You can also save it to a file."),
    "not_in_your_operations": N_("Ask HQ to assign you to the operation, then press Send "
                                 "again; or save the change to a file and discard it."),
    "not_yours": N_("This record belongs to someone else at HQ. Save the change to a file "
                    "and discard it, or ask HQ."),
}
WAITING = N_("Waits behind an earlier change of the same record that HQ held; it goes once "
             "that one is sent or discarded.")
DEFAULT_ADVICE = N_("Press Send again, or save the change to a file and discard it.")


@dataclass(frozen=True)
class HeldChange:
    """An outbox entry HQ held, or one waiting behind a held change of its row."""

    change_id: str
    entity: str
    row_id: str
    label: str
    fields: dict[str, Any]
    code: str
    reason: str
    advice: str
    held_at: datetime | None
    waiting: bool


@dataclass(frozen=True)
class HeldRowView:
    """A row from HQ this device could not apply, as the Sync screen lists it."""

    id: int
    entity: str
    row_id: str
    label: str
    code: str
    reason: str
    received_at: datetime


def _label(session: Session, entity: str, row_id: str, fields: dict[str, Any]) -> str:
    """A name an officer recognises: the record's own name here, else the change's."""
    kind = (_(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS
            else entity.replace("_", " ").capitalize())
    model = local.MODELS.get(entity)
    row = session.get(model, row_id) if model is not None else None

    def value(key: str) -> str:
        return str((getattr(row, key, None) if row is not None else None)
                   or fields.get(key) or "")

    if entity == "contact":
        name = f"{value('given_name')} {value('family_name')}".strip()
    elif entity == "rfa":
        name = value("reference") or value("title")
    else:
        name = next((value(k) for k in ("name", "title", "description", "section_slug",
                                        "item_key") if value(k)), "")
    if not name:
        return f"{kind} {row_id[:8]}"
    # Translators: a record on the Sync screen: its kind ("Contact") and its name, quoted.
    return _("{kind} “{name}”").format(kind=kind, name=name[:80])


def _stored(text: str) -> str:
    """A sentence stored in English, in the current language when the catalog has it (the
    app's own sentences); HQ's own words come out as HQ wrote them."""
    return _(text) if text else ""


def _row_reason(held: HeldRow) -> str:
    """Why a row from HQ was kept back, in the current language (its stored reason is
    English; the two with a placeholder are made again from what was kept)."""
    if held.code == "unknown_entity":
        return _(local.UNKNOWN_ENTITY).format(kind=held.entity)
    names = ", ".join(sorted(set(held.fields or {}) - {"id"}))[:200]
    if held.code == "unknown_field" and names:
        return _(local.UNKNOWN_FIELDS).format(names=names)
    return _stored(held.reason)


def held_changes(session: Session) -> list[HeldChange]:
    """Held changes and the changes waiting behind them, oldest first (local order)."""
    held = session.scalars(select(OutboxEntry).where(OutboxEntry.held_code != "")
                           .order_by(OutboxEntry.seq)).all()
    if not held:
        return []
    first_held: dict[tuple[str, str], int] = {}
    for entry in held:
        first_held.setdefault((entry.entity, entry.row_id), entry.seq)
    behind = [e for e in session.scalars(
        select(OutboxEntry).where(OutboxEntry.held_code == "",
                                  OutboxEntry.row_id.in_({r for _entity, r in first_held})))
        if first_held.get((e.entity, e.row_id), e.seq + 1) < e.seq]
    views = []
    for entry in sorted([*held, *behind], key=lambda e: e.seq):
        waiting = not entry.held_code
        views.append(HeldChange(
            change_id=entry.change_id, entity=entry.entity, row_id=entry.row_id,
            label=_label(session, entry.entity, entry.row_id, entry.fields),
            fields=dict(entry.fields), code=entry.held_code or "waiting",
            reason=_(WAITING) if waiting else _stored(entry.held_detail),
            advice="" if waiting else _(ADVICE.get(entry.held_code, DEFAULT_ADVICE)),
            held_at=entry.held_at, waiting=waiting))
    return views


def held_rows(session: Session) -> list[HeldRowView]:
    """Rows from HQ kept back, oldest first."""
    return [HeldRowView(id=h.id, entity=h.entity, row_id=h.row_id,
                        label=_label(session, h.entity, h.row_id, h.fields), code=h.code,
                        reason=_row_reason(h), received_at=h.received_at)
            for h in session.scalars(select(HeldRow).order_by(HeldRow.id))]


def _held_entry(session: Session, change_id: str) -> OutboxEntry:
    entry = session.get(OutboxEntry, change_id)
    if entry is None:
        raise NotFoundError(_("This change is no longer waiting: it was sent or discarded."))
    return entry


def send_held_again(session: Session, change_id: str) -> None:
    """Lift the hold: the change goes with the next sync (after the officer's fix)."""
    entry = _held_entry(session, change_id)
    entry.held_code = ""
    entry.held_count = 0


def discard_held(session: Session, change_id: str) -> None:
    """Remove this one change from the outbox (the record here stays as it is)."""
    session.delete(_held_entry(session, change_id))
    session.flush()


def discard_held_row(session: Session, held_id: int) -> None:
    """Forget a row from HQ this device kept back."""
    session.execute(delete(HeldRow).where(HeldRow.id == held_id))


def held_report(session: Session) -> bytes:
    """Every held change and held row as UTF-8 JSON, for "Save to a file…"."""
    report = {
        "saved_at": utcnow().isoformat(),
        "held_changes": [
            {"change_id": c.change_id, "record": c.label, "entity": c.entity,
             "row_id": c.row_id, "fields": c.fields, "code": c.code, "reason": c.reason,
             "held_at": c.held_at.isoformat() if c.held_at else None}
            for c in held_changes(session)],
        "held_rows": [
            {"record": _label(session, h.entity, h.row_id, h.fields), "entity": h.entity,
             "row_id": h.row_id, "code": h.code, "reason": h.reason,
             "received_at": h.received_at.isoformat(), "fields": h.fields}
            for h in session.scalars(select(HeldRow).order_by(HeldRow.id))],
    }
    return json.dumps(report, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def archived_operations(session: Session) -> list[str]:
    """Names of operations kept here that HQ no longer assigns to this officer."""
    text = local.get_state(session, local.HQ_OPERATIONS)
    if not text:
        return []
    assigned = set(json.loads(text))
    demo = local.demo_operation_ids(session)
    return [name for op_id, name in session.execute(
                select(Operation.id, Operation.name).where(Operation.rev.is_not(None))
                .order_by(Operation.name))
            if op_id not in assigned and op_id not in demo]

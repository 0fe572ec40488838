"""What the sync screen and the status bar read, on a worker thread, in one go: enrollment
and pending changes, the open conflicts in words (which record, which field, both values),
the changes HQ held and the rows from HQ this laptop could not apply, and the sync log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from fieldapp.errors import NotFoundError
from fieldapp.i18n import SHORT_MOMENT, format_datetime
from fieldapp.services.lookup import item_summary
from fieldapp.services.operations import get_operation
from sync.client import (
    HeldChange,
    HeldRowView,
    SyncStatus,
    held_changes,
    held_rows,
    open_conflicts,
    sync_log,
    sync_status,
)
from sync.releases import Release, newer_release
from ui.tasks import Session

ENTITY_NAMES = {  # what the officer calls each kind of record
    "operation": QT_TRANSLATE_NOOP("SyncScreen", "Operation"),
    "organisation": QT_TRANSLATE_NOOP("SyncScreen", "Organisation"),
    "contact": QT_TRANSLATE_NOOP("SyncScreen", "Contact"),
    "asset": QT_TRANSLATE_NOOP("SyncScreen", "Asset"),
    "asset_status_event": QT_TRANSLATE_NOOP("SyncScreen", "Asset status change"),
    "rfa": QT_TRANSLATE_NOOP("SyncScreen", "Request for assistance"),
    "rfa_event": QT_TRANSLATE_NOOP("SyncScreen", "RFA status change"),
    "lesson": QT_TRANSLATE_NOOP("SyncScreen", "Lesson"),
    "handbook_note": QT_TRANSLATE_NOOP("SyncScreen", "Handbook note"),
    "handbook_bookmark": QT_TRANSLATE_NOOP("SyncScreen", "Handbook bookmark"),
    "checklist_tick": QT_TRANSLATE_NOOP("SyncScreen", "Checklist tick"),
    "register_entry": QT_TRANSLATE_NOOP("SyncScreen", "Central Register entry"),
    "register_proposal": QT_TRANSLATE_NOOP("SyncScreen",
                                           "Correction proposed to the Central Register"),
}
REFERENCES = {  # fields naming another record, and that record's kind
    "operation_id": "operation",
    "organisation_id": "organisation",
    "requesting_org_id": "organisation",
    "contact_id": "contact",
    "poc_contact_id": "contact",
    "asset_id": "asset",
    "tasked_asset_id": "asset",
    "rfa_id": "rfa",
}


@dataclass(frozen=True)
class ConflictView:
    """One open conflict as the screen shows it."""

    id: str
    entity: str
    record: str  # the record's title, or its id when it cannot be summarised
    field: str
    mine: str
    hq: str


@dataclass(frozen=True)
class SyncScreenState:
    """Everything the sync screen and the status bar show, read in one session (so the
    counts, the lists and the log agree with each other)."""

    status: SyncStatus
    conflicts: list[ConflictView]
    log: list[dict[str, Any]]  # newest first, in the order sync.client gives
    held: list[HeldChange]  # oldest first, the changes waiting behind a held one too
    held_rows: list[HeldRowView]
    names: dict[str, str]  # record id -> title, for the ids a held change refers to
    release: Release | None = None  # a newer version HQ announced (issue 19)


def value_text(value: Any) -> str:
    """A stored value as the officer reads it: text as is, nothing as a dash, the rest as JSON."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    return json.dumps(value, ensure_ascii=False)


def field_label(name: str) -> str:
    """A column name as words: "required_from" → "Required from"."""
    return name.replace("_", " ").capitalize()


def _record_title(session: Session, entity: str, row_id: str) -> str:
    try:
        if entity == "operation":
            return get_operation(session, row_id).name
        return item_summary(session, entity, row_id).title
    except NotFoundError:
        return row_id


def _referenced_names(session: Session, changes: list[HeldChange]) -> dict[str, str]:
    names = {}
    for change in changes:
        for name, value in change.fields.items():
            if name in REFERENCES and isinstance(value, str) and value not in names:
                names[value] = _record_title(session, REFERENCES[name], value)
    return names


def load_sync_state(session: Session, _progress: object = None) -> SyncScreenState:
    """Read enrollment, pending changes, conflicts with their records' titles, held changes
    and rows, and the log."""
    conflicts = [
        ConflictView(id=c.id, entity=c.entity, record=_record_title(session, c.entity, c.row_id),
                     field=c.field, mine=value_text(c.local_value), hq=value_text(c.server_value))
        for c in open_conflicts(session)
    ]
    held = held_changes(session)
    return SyncScreenState(status=sync_status(session), conflicts=conflicts,
                           log=sync_log(session, limit=50), held=held,
                           held_rows=held_rows(session),
                           names=_referenced_names(session, held),
                           release=newer_release(session))


def fields_text(fields: dict[str, Any], names: dict[str, str] | None = None) -> str:
    """A change's new values, one "Field: value" line each, as the officer reads them;
    a reference to another record by its title when `names` has it.

    A new record carries every column: its empty ones are left out (they say nothing);
    a change that only empties fields shows them all."""
    names = names or {}
    shown = {name: value for name, value in fields.items() if name != "id"}
    filled = {name: value for name, value in shown.items()
              if value not in (None, "", [], {}, False)}
    lines = []
    for name, value in (filled or shown).items():
        if name in REFERENCES:
            label = field_label(name.removesuffix("_id"))
            lines.append(f"{label}: {names.get(value, value_text(value))}")
        else:
            lines.append(f"{field_label(name)}: {value_text(value)}")
    return "\n".join(lines)


def held_file_name(day: date) -> str:
    """The name offered for a saved report of held changes: held-changes-YYYY-MM-DD.json."""
    return f"held-changes-{day.isoformat()}.json"


def local_time(value: datetime | str | None) -> str:
    """A UTC time (datetime or ISO text) shown in the computer's time zone."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # stored times are UTC
    return format_datetime(moment.astimezone(), form=SHORT_MOMENT)  # month in the language


def size_text(n: int) -> str:
    """Bytes in a unit a person reads at a glance."""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"

"""What the sync screen reads, on a worker thread: enrollment and pending changes, the
open conflicts in words (which record, which field, both values), and the sync log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fieldapp.errors import NotFoundError
from fieldapp.services.lookup import item_summary
from sync.client import SyncStatus, open_conflicts, sync_log, sync_status
from ui.tasks import Session

ENTITY_NAMES = {  # what the officer calls each kind of record
    "operation": "Operation",
    "organisation": "Organisation",
    "contact": "Contact",
    "asset": "Asset",
    "asset_status_event": "Asset status change",
    "rfa": "Request for assistance",
    "rfa_event": "RFA status change",
    "lesson": "Lesson",
    "handbook_note": "Handbook note",
    "handbook_bookmark": "Handbook bookmark",
    "checklist_tick": "Checklist tick",
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
    """Everything the sync screen shows, read in one go."""

    status: SyncStatus
    conflicts: list[ConflictView]
    log: list[dict[str, Any]]


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
        return item_summary(session, entity, row_id).title
    except NotFoundError:
        return row_id


def load_sync_state(session: Session, _progress: object = None) -> SyncScreenState:
    """Read enrollment, pending changes, conflicts with their records' titles, and the log."""
    conflicts = [
        ConflictView(id=c.id, entity=c.entity, record=_record_title(session, c.entity, c.row_id),
                     field=c.field, mine=value_text(c.local_value), hq=value_text(c.server_value))
        for c in open_conflicts(session)
    ]
    return SyncScreenState(status=sync_status(session), conflicts=conflicts,
                           log=sync_log(session, limit=50))


def local_time(value: datetime | str | None) -> str:
    """A UTC time (datetime or ISO text) shown in the computer's time zone."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # stored times are UTC
    return moment.astimezone().strftime("%d %b %Y %H:%M")


def size_text(n: int) -> str:
    """Bytes in a unit a person reads at a glance."""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"

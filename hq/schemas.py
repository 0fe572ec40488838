"""Request and response bodies of the HQ API (pydantic; they are the OpenAPI schema)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from fieldapp.models import SYNCABLE_MODELS
from sync.wire import PROTOCOL

ROW_ENTITIES = frozenset(model.__sync_entity__ for model in SYNCABLE_MODELS)
CONFLICT_ENTITY = "conflict"  # a change that closes a conflict at HQ
MAX_CHANGES_PER_PUSH = 2000
MAX_PULL_LIMIT = 2000
# A row is created once, so its creation needs no random change id on the wire: both
# sides derive it from the row (saves ~20 bytes per new row after gzip).
CREATION_NAMESPACE = uuid.UUID("6f1c2a52-7d0e-4c5b-9d61-0b6c3c1f9a10")


def creation_change_id(entity: str, row_id: str) -> str:
    """The change id of a row's creation, the same on the device and at HQ."""
    return str(uuid.uuid5(CREATION_NAMESPACE, f"{entity}:{row_id}"))


class EnrollIn(BaseModel):
    """An enrollment code from the HQ admin and a name for this device."""

    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=4, max_length=40)
    device_name: str = Field(default="", max_length=200)
    # The device code the device uses now; HQ keeps it if no colleague's device has it.
    device_code: str | None = Field(default=None, pattern=r"^\d{2,4}$")


class OperationOut(BaseModel):
    id: str
    code: str | None
    name: str


class EnrollOut(BaseModel):
    """The device token (shown once) and who the device now belongs to."""

    token: str
    device_id: str
    officer_id: str
    officer_name: str
    operations: list[OperationOut]
    device_code: str  # the DEVICE part of the RFA references this device makes from now on
    protocol: int = PROTOCOL  # the newest sync protocol this HQ speaks


class PushIn(BaseModel):
    """A batch of changes, oldest first (operations first, urgent rows next).

    Only this envelope is checked as a whole: each change is read on its own and one HQ
    cannot apply is held (see ChangeResult), never failing the request.
    """

    model_config = ConfigDict(extra="forbid")
    changes: list[Any] = Field(default_factory=list, max_length=MAX_CHANGES_PER_PUSH)
    # Protocol 3 (sync/wire.py): the same changes in runs, column by column; `changes`
    # is then left out. HQ answers an applied change with its rev alone.
    v: int | None = Field(default=None, ge=2, le=PROTOCOL)
    runs: list[Any] | None = None


class ConflictOut(BaseModel):
    id: str
    field: str
    server_value: Any = None
    client_value: Any = None
    base_value: Any = None


class ChangeResult(BaseModel):
    """What became of one change; a retry of the same change id from the same device gets
    the same answer.

    Results come in the order of the changes sent; `status` and `conflicts` are left out
    when the change was simply applied. A held change has no `rev`: `code` says why
    (invalid_change, unknown_entity, invalid_value, not_in_your_operations, not_yours),
    `detail` says it to the officer, `field` names the field at fault if one is.
    """

    rev: int | None = None
    status: str = "applied"  # applied | conflict | held
    conflicts: list[ConflictOut] = Field(default_factory=list)
    code: str | None = None
    detail: str | None = None
    field: str | None = None


class PushOut(BaseModel):
    """One result per change sent (protocol 3: a change simply applied is its rev alone);
    `page`, when the push asked for it with `since`, is the first page of the pull."""

    results: list[ChangeResult | int]
    page: dict[str, Any] | None = None


class RowOut(BaseModel):
    """The current value of a row at HQ; `rev` is the sequence number of its last write."""

    entity: str
    id: str
    rev: int
    fields: dict[str, Any]


class EditionOut(BaseModel):
    name: str
    sha256: str
    size: int
    url: str


class GoneOut(BaseModel):
    entity: str
    id: str


class ReleaseOut(BaseModel):
    """The newest version of the desktop application HQ announces (issue 19): where the
    officer downloads it. It comes in the pull answers whose cursor is before the
    announcement (`cmcoord-hq release announce`)."""

    version: str = Field(max_length=40)
    url: str = Field(max_length=500)
    notes: str = Field(default="", max_length=2000)
    announced_at: str


class PullOut(BaseModel):
    """Rows changed after the cursor, oldest first; `next` is the cursor to send next.

    With `v=3` the answer is a stream of such pages, one JSON object a line, each with
    `runs` (sync/wire.py) in place of `rows`: see docs/sync-protocol.md.

    `hq` is HQ's version. `operations` (the officer's operation ids) comes when the cursor
    is empty or the officer was assigned or unassigned after it; `gone` lists rows that
    left the officer's scope (moved elsewhere) within the range this batch covers;
    `release` the newest version of the application announced after the cursor.
    """

    rows: list[RowOut]
    next: str
    more: bool
    handbook: EditionOut | None = None
    hq: str | None = None
    operations: list[str] | None = None
    gone: list[GoneOut] | None = None
    release: ReleaseOut | None = None


class HealthOut(BaseModel):
    status: str
    version: str
    database: str

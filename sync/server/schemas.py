"""Request and response bodies of the HQ API (pydantic; they are the OpenAPI schema)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from fieldapp.models import SYNCABLE_MODELS

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


class ChangeIn(BaseModel):
    """One outbox entry: new values and the values they replaced (the base)."""

    model_config = ConfigDict(extra="ignore")
    change_id: str = Field(min_length=8, max_length=36)
    entity: str
    row_id: str = Field(min_length=1, max_length=64)
    operation_id: str | None = Field(default=None, max_length=36)
    fields: dict[str, Any]
    base: dict[str, Any] = Field(default_factory=dict)
    base_rev: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _creation_defaults(cls, data: Any) -> Any:
        """A creation may omit change_id, row_id and operation_id (they are in `fields`)."""
        if isinstance(data, dict) and isinstance(data.get("fields"), dict) \
                and not data.get("base") and isinstance(data["fields"].get("id"), str):
            data = dict(data)
            data.setdefault("row_id", data["fields"]["id"])
            data.setdefault("operation_id", data["fields"].get("operation_id"))
            if "change_id" not in data and isinstance(data.get("entity"), str):
                data["change_id"] = creation_change_id(data["entity"], data["row_id"])
        return data

    @field_validator("entity")
    @classmethod
    def _known_entity(cls, value: str) -> str:
        if value not in ROW_ENTITIES and value != CONFLICT_ENTITY:
            raise ValueError(f"'{value}' is not a kind of row HQ keeps")
        return value

    @field_validator("fields")
    @classmethod
    def _field_names(cls, value: dict[str, Any]) -> dict[str, Any]:
        if any(len(name) > 60 for name in value):
            raise ValueError("a field name is longer than 60 characters")
        return value


class PushIn(BaseModel):
    """A batch of changes, oldest first (operations first, urgent RFAs next)."""

    model_config = ConfigDict(extra="forbid")
    changes: list[ChangeIn] = Field(max_length=MAX_CHANGES_PER_PUSH)


class ConflictOut(BaseModel):
    id: str
    field: str
    server_value: Any = None
    client_value: Any = None
    base_value: Any = None


class ChangeResult(BaseModel):
    """What became of one change; a retry of the same change id gets the same answer.

    Results come in the order of the changes sent; `status` and `conflicts` are left out
    when the change was simply applied.
    """

    rev: int
    status: str = "applied"  # applied | conflict
    conflicts: list[ConflictOut] = Field(default_factory=list)


class PushOut(BaseModel):
    results: list[ChangeResult]


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


class PullOut(BaseModel):
    """Rows changed after the cursor, oldest first; `next` is the cursor to send next."""

    rows: list[RowOut]
    next: str
    more: bool
    handbook: EditionOut | None = None


class HealthOut(BaseModel):
    status: str
    version: str
    database: str

"""The HQ server's own tables (not the client's): people, devices, the change log, row state.

The server stores client rows as JSON documents per (entity, row_id) with, per field,
the sequence number and device of its last write. It needs no table per entity, and a
new client column needs no server migration. Every write takes the next number of one
global sequence: the `seq` of a `changes` row (the append-only log, which also records
the result returned for each client change id, for idempotent retries). A row's `seq`
is the number of its latest write; the pull cursor walks `row_states` by
(seq, entity, row_id).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The same UTC convention and constraint names as the client's tables.
from fieldapp.models.base import NAMING, UTCDateTime, utcnow

# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL gets a real bigint.
SeqType = BigInteger().with_variant(Integer(), "sqlite")
JsonType = JSON().with_variant(JSONB(), "postgresql")


class ServerBase(DeclarativeBase):
    """Base of every HQ table."""

    metadata = MetaData(naming_convention=NAMING)


class Officer(ServerBase):
    """A person who may enroll devices; sees the operations they are assigned to."""

    __tablename__ = "officers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # seq of the last assign/unassign of this officer: a pull whose cursor is before it
    # tells the device its current operations.
    membership_seq: Mapped[int | None] = mapped_column(SeqType, nullable=True)


class HqOperation(ServerBase):
    """An operation known at HQ; its id is the id of the clients' `operation` row.

    `code` is null while an operation first announced by a device has not yet sent its
    own row (the row arrives in the same push, operations first), and for an operation
    proposed offline whose code an admin later gave to an HQ operation. `proposed_by` is
    the officer whose device announced it (null for operations the admin added).
    """

    __tablename__ = "operations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str | None] = mapped_column(String(12), unique=True, nullable=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    proposed_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Membership(ServerBase):
    """An officer assigned to an operation."""

    __tablename__ = "memberships"

    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"), primary_key=True)
    operation_id: Mapped[str] = mapped_column(ForeignKey("operations.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Device(ServerBase):
    """An enrolled laptop; only the sha256 of its token is kept."""

    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The DEVICE part of the RFA references it makes, unique among the devices of the
    # officers sharing an operation with its officer (given at enrollment).
    code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Revoked as lost (`device revoke ID --lost`): told so, it erases its local data.
    lost_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # What the device said it runs (`X-FieldKit-Client`); protocol 1 sends nothing.
    client_protocol: Mapped[int | None] = mapped_column(Integer, nullable=True)
    client_schema: Mapped[str | None] = mapped_column(String(64), nullable=True)
    client_version: Mapped[str | None] = mapped_column(String(40), nullable=True)


class EnrollmentCode(ServerBase):
    """A one-time code an admin gave an officer; only its hash is kept."""

    __tablename__ = "enrollment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class Change(ServerBase):
    """One event of the global sequence (append-only): what changed, from whom.

    For a client change, `change_id` is the device's id for it and `result` what the
    first push was answered; a retry from the same device gets the same answer and changes
    nothing. Change ids are the device's: another device's change with the same id is a
    new change. Changes HQ held are not logged.
    """

    __tablename__ = "changes"
    __table_args__ = (UniqueConstraint("device_id", "change_id"),)

    seq: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # row | resolution | assign | unassign | edition
    entity: Mapped[str] = mapped_column(String(40), default="")
    row_id: Mapped[str] = mapped_column(String(64), default="")
    operation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    change_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JsonType, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RowState(ServerBase):
    """The current value of one client row at HQ, with who wrote each field and when.

    `field_revs` maps a field to [seq, device_id] of its last write. `owner_officer_id`
    scopes rows that belong to no operation (handbook notes, a global contact) to the
    officer whose device created them.
    """

    __tablename__ = "row_states"
    __table_args__ = (
        Index("ix_row_states_cursor", "seq", "entity", "row_id"),
        Index("ix_row_states_operation_seq", "operation_id", "seq"),
    )

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    owner_officer_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    field_revs: Mapped[dict[str, list[Any]]] = mapped_column(JsonType, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(SeqType)
    # Who wrote last, and the seq of the last write by anyone else: a device is not sent
    # back a row that only it has changed since its cursor.
    last_device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    others_seq: Mapped[int] = mapped_column(SeqType, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RowShare(ServerBase):
    """A row of no operation that a row of an operation references (an RFA's contact):
    the operation's members receive it too (read only; its owner keeps writing it)."""

    __tablename__ = "row_shares"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RowDeparture(ServerBase):
    """A row left a scope (an operation, or an officer's rows of no operation) at `seq`:
    devices of that scope whose cursor is before it are told the row is gone for them."""

    __tablename__ = "row_departures"
    __table_args__ = (Index("ix_row_departures_cursor", "seq", "entity", "row_id"),)

    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(SeqType)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    operation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    owner_officer_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ServerConflict(ServerBase):
    """A field a device changed from a value HQ no longer had; HQ's value was kept."""

    __tablename__ = "conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    officer_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    change_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    operation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    field: Mapped[str] = mapped_column(String(60))
    base_value: Mapped[Any] = mapped_column(JsonType, nullable=True)
    client_value: Mapped[Any] = mapped_column(JsonType, nullable=True)
    server_value: Mapped[Any] = mapped_column(JsonType, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class HandbookEdition(ServerBase):
    """A handbook edition published at HQ: a zip of its Markdown folders."""

    __tablename__ = "handbook_editions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(SeqType, index=True)
    archive: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    sections: Mapped[int] = mapped_column(Integer, default=0)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

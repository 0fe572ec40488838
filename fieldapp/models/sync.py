"""Local bookkeeping that never travels as rows: outbox, sync cursor, conflicts, settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.models.base import Base, UTCDateTime, new_id, utcnow


class OutboxEntry(Base):
    """One local change waiting to go to HQ: new values and the values they replaced.

    `seq` is a local counter (never the clock): a row's changes go to HQ in this order.
    `base_rev` is the row's HQ revision when the edit was made. A change HQ held keeps
    HQ's code and sentence in `held_*` and waits for the officer (or, for a hold that
    depends on HQ, for a later sync).
    """

    __tablename__ = "outbox"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    operation_id: Mapped[str | None] = mapped_column(String(36))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    priority: Mapped[int] = mapped_column(Integer, default=0)  # higher goes first
    seq: Mapped[int] = mapped_column(Integer, default=0, index=True)
    base_rev: Mapped[int | None] = mapped_column(Integer, nullable=True)
    held_code: Mapped[str] = mapped_column(String(40), default="")
    held_detail: Mapped[str] = mapped_column(Text, default="")
    held_field: Mapped[str] = mapped_column(String(60), default="")
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    held_sync: Mapped[int] = mapped_column(Integer, default=0)  # sync number when held
    held_count: Mapped[int] = mapped_column(Integer, default=0)  # times HQ held it


class HeldRow(Base):
    """A row from HQ this device could not apply, kept as it came with the reason.

    Applied again at every pull once this version can (after an upgrade, say), so a row
    is never skipped for ever; one per (entity, row_id), the newest version HQ sent.
    """

    __tablename__ = "held_rows"
    __table_args__ = (UniqueConstraint("entity", "row_id", name="uq_held_rows_entity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    rev: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    code: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncState(Base):
    """Key/value state of the sync client (pull cursor, last success, HQ address)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Conflict(Base):
    """A field changed both here and at HQ; HQ's value stays until the officer decides."""

    __tablename__ = "conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    local_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Setting(Base):
    """Per-profile settings of the core: officer name, device code, current operation."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Counter(Base):
    """Running numbers that are never reused (RFA references), one row per name."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)

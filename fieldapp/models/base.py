"""Declarative base, column types and the columns every syncable row carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new row id, made where the row is born (device or server)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without zone (SQLite has none) and hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")  # i18n: not shown
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Base of every client-side table."""

    metadata = MetaData(naming_convention=NAMING)


class Syncable:
    """Columns of a row that travels to HQ and back (see ARCHITECTURE.md, Storage).

    `operation_id` is null for rows that belong to no operation (a global contact).
    Writing a Syncable row through a Session records an outbox entry (fieldapp.outbox).
    """

    __sync_entity__: str  # the name this row travels under, e.g. "contact"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)

    @declared_attr
    def operation_id(cls) -> Mapped[str | None]:  # noqa: N805 - SQLAlchemy passes the class
        return mapped_column(String(36), index=True, nullable=True)

    rev: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    # Columns that never travel: bookkeeping of this device only.
    __local_columns__: frozenset[str] = frozenset({"rev", "updated_at"})

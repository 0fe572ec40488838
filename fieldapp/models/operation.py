"""An operation (emergency response or exercise) and the organisations working in it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.models.base import Base, Syncable
from fieldapp.models.enums import OperationKind, OperationStatus, OrganisationType


class Operation(Syncable, Base):
    """A response the officer works on; its `operation_id` is its own id."""

    __tablename__ = "operations"
    __sync_entity__ = "operation"
    __operation_is_self__ = True

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(12), unique=True)
    country: Mapped[str] = mapped_column(String(3))  # ISO 3166-1 alpha-3
    kind: Mapped[str] = mapped_column(String(32), default=OperationKind.NATURAL_DISASTER)
    hc_rc: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default=OperationStatus.ACTIVE)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    notes: Mapped[str] = mapped_column(Text, default="")


class Organisation(Syncable, Base):
    """An agency, NGO, authority, military or civil defence body; global when no operation."""

    __tablename__ = "organisations"
    __sync_entity__ = "organisation"

    name: Mapped[str] = mapped_column(String(200))
    acronym: Mapped[str] = mapped_column(String(40), default="")
    org_type: Mapped[str] = mapped_column(String(32), default=OrganisationType.OTHER)
    country: Mapped[str] = mapped_column(String(3), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

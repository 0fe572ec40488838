"""A Request for Assistance and its status history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.models.base import Base, Syncable, UTCDateTime, utcnow
from fieldapp.models.enums import AssetCategory, RfaPriority, RfaStatus


class Rfa(Syncable, Base):
    """A request for a military or civil defence capability, from need to completion."""

    __tablename__ = "rfas"
    __sync_entity__ = "rfa"

    reference: Mapped[str] = mapped_column(String(40), unique=True)
    requesting_org_id: Mapped[str | None] = mapped_column(ForeignKey("organisations.id"))
    cluster: Mapped[str] = mapped_column(String(80), default="")
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"))
    capability: Mapped[str] = mapped_column(String(40), default=AssetCategory.OTHER)
    title: Mapped[str] = mapped_column(String(200), default="")
    task_description: Mapped[str] = mapped_column(Text, default="")
    from_place: Mapped[str] = mapped_column(String(200), default="")
    to_place: Mapped[str] = mapped_column(String(200), default="")
    from_lat: Mapped[float | None] = mapped_column(Float)
    from_lon: Mapped[float | None] = mapped_column(Float)
    to_lat: Mapped[float | None] = mapped_column(Float)
    to_lon: Mapped[float | None] = mapped_column(Float)
    required_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    required_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    passengers: Mapped[int | None] = mapped_column(Integer)
    cargo_tonnes: Mapped[float | None] = mapped_column(Float)
    cargo_m3: Mapped[float | None] = mapped_column(Float)
    other_quantity: Mapped[float | None] = mapped_column(Float)
    other_unit: Mapped[str] = mapped_column(String(40), default="")
    priority: Mapped[str] = mapped_column(String(20), default=RfaPriority.OTHER, index=True)
    civilian_means_tried: Mapped[str] = mapped_column(Text, default="")
    last_resort_justification: Mapped[str] = mapped_column(Text, default="")
    capability_unique: Mapped[bool] = mapped_column(Boolean, default=False)
    security_considerations: Mapped[str] = mapped_column(Text, default="")
    proposed_asset_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    tasked_asset_id: Mapped[str | None] = mapped_column(ForeignKey("assets.id"))
    remarks: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default=RfaStatus.DRAFT, index=True)


class RfaEvent(Syncable, Base):
    """One transition of an RFA; the history is the union of these rows."""

    __tablename__ = "rfa_events"
    __sync_entity__ = "rfa_event"

    rfa_id: Mapped[str] = mapped_column(ForeignKey("rfas.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(24), default="")
    to_status: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(200), default="")
    comment: Mapped[str] = mapped_column(Text, default="")

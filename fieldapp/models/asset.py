"""An entry of the MCDA directory and the history of its status."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.models.base import Base, Syncable, UTCDateTime, utcnow
from fieldapp.models.enums import AssetCategory, AssetStatus


class Asset(Syncable, Base):
    """A military or civil defence asset offered or deployed by a provider."""

    __tablename__ = "assets"
    __sync_entity__ = "asset"

    category: Mapped[str] = mapped_column(String(40), default=AssetCategory.OTHER, index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    provider_state: Mapped[str] = mapped_column(String(3), default="")  # ISO alpha-3
    provider_unit: Mapped[str] = mapped_column(String(200), default="")
    capacity_value: Mapped[float | None] = mapped_column(Float)
    capacity_unit: Mapped[str] = mapped_column(String(40), default="")
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default=AssetStatus.OFFERED, index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    place_name: Mapped[str] = mapped_column(String(200), default="")
    available_from: Mapped[date | None] = mapped_column(Date)
    available_to: Mapped[date | None] = mapped_column(Date)
    poc_contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), nullable=True)
    cost_basis: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)


class AssetStatusEvent(Syncable, Base):
    """One status change of an asset: when, by whom, why."""

    __tablename__ = "asset_status_events"
    __sync_entity__ = "asset_status_event"

    asset_id: Mapped[str] = mapped_column(ForeignKey("assets.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(200), default="")
    comment: Mapped[str] = mapped_column(Text, default="")

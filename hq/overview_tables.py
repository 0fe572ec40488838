"""HQ's projection of every operation's RFAs, read by the cross-operation overview (issue 18).

`hq_rfas` holds one row per synced `rfa` row (row_states), with typed, indexed columns the
overview groups and filters by; `hq_rfa_events` one row per synced `rfa_event` row (the
request's status history), from which the dates of the timeline come. Both are kept in
step by every push (`hq.overview.project_rfas`, called by `hq.merge`) and filled from the
rows already synced by migration 0012.

The dates: `requested_at` is the first time the request was submitted, `tasked_at` the
first time it was tasked, `completed_at` when it was completed, each from its history
events (the laptop's clock, UTC); a request whose history did not come (an older laptop)
takes the time HQ first saw it in that status. The `*_week` columns are the Monday of
that date's ISO week, so the timeline groups by a plain column on every database.

`hq_overview_version` is one number, moved on by every push that changes the projection.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hq.models import ServerBase, UTCDateTime, utcnow


class HqRfa(ServerBase):
    """A request for assistance as the overview reads it."""

    __tablename__ = "hq_rfas"
    __table_args__ = (
        Index("ix_hq_rfas_operation_status", "operation_id", "status"),
        Index("ix_hq_rfas_status", "status"),
        Index("ix_hq_rfas_priority", "priority"),
        Index("ix_hq_rfas_capability", "capability"),
        Index("ix_hq_rfas_cluster", "cluster"),
        Index("ix_hq_rfas_needed_by", "required_until"),
        Index("ix_hq_rfas_requested", "requested_at"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    reference: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # the task's first words
    status: Mapped[str] = mapped_column(String(24), default="draft")
    priority: Mapped[str] = mapped_column(String(20), default="other")
    life_saving: Mapped[bool] = mapped_column(Boolean, default=False)
    capability: Mapped[str] = mapped_column(String(40), default="other")
    cluster: Mapped[str] = mapped_column(String(80), default="")
    required_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    required_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    tasked_asset_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    requested_week: Mapped[date | None] = mapped_column(Date, nullable=True)
    tasked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    tasked_week: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    completed_week: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class HqRfaEvent(ServerBase):
    """One status change of a request (a synced `rfa_event` row): the timeline's dates."""

    __tablename__ = "hq_rfa_events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rfa_id: Mapped[str] = mapped_column(String(64), index=True)
    to_status: Mapped[str] = mapped_column(String(24), default="")
    at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class OverviewVersion(ServerBase):
    """One row: a number every push that changes the projection moves on, so the pages
    know whether what they computed earlier still holds (`hq.overview.OverviewCache`)."""

    __tablename__ = "hq_overview_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)

"""HQ tables of the officer roster: profiles and deployments (issue 18).

`hq_roster_profiles` holds what CMCS knows of an officer beyond the name and e-mail of
`officers`: languages with a level, CMCoord skills, phone, home duty station and a note on
availability. `hq_deployments` holds every deployment of an officer to an operation. An
open deployment (not ended) holds the officer's membership of the operation: creating one
assigns, ending the last open one of an officer to an operation unassigns (hq/roster.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hq.models import JsonType, ServerBase, UTCDateTime, utcnow


class RosterProfile(ServerBase):
    """An officer's roster profile; the e-mail address stays in `officers.email`."""

    __tablename__ = "hq_roster_profiles"

    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"), primary_key=True)
    # [{"code": "ar", "level": "fluent"}, ...]: ISO 639-1 codes, levels of roster.LEVELS
    languages: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    skills: Mapped[list[str]] = mapped_column(JsonType, default=list)  # keys of roster.SKILLS
    phone: Mapped[str] = mapped_column(String(40), default="")  # E.164
    duty_station: Mapped[str] = mapped_column(String(200), default="")
    availability_note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")


class Deployment(ServerBase):
    """An officer deployed to an operation in a role, from a date until a planned date.

    `ended_at` is set when a coordinator ends it (never by the clock: a deployment past
    its planned end is shown as overdue to end until someone ends it).
    """

    __tablename__ = "hq_deployments"
    __table_args__ = (Index("ix_hq_deployments_operation_ended", "operation_id", "ended_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"), index=True)
    operation_id: Mapped[str] = mapped_column(ForeignKey("operations.id"))
    role: Mapped[str] = mapped_column(String(40))  # a key of roster.ROLES
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # planned; None: open
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    ended_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

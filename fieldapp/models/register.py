"""The Central Register of MCDA as a laptop holds it, and the officer's correction proposals.

HQ keeps the register (`hq/register.py`); every enrolled device receives its entries
through pull, of no operation, beside the operation's own assets. On the device an entry
is read-only: only a pull writes it (`fieldapp.outbox` refuses any other write). An
officer who sees something wrong proposes a correction instead: a `RegisterProposal` row
of no operation, owned by the officer, pushed like any other row; HQ's registry staff
accept or reject it and their answer comes back on the same row.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.models.base import Base, Syncable, UTCDateTime
from fieldapp.models.enums import AssetCategory

PROVIDER_KINDS = ("member_state", "organisation")
ENTRY_STATUSES = ("active", "suspended", "retired")
PROPOSAL_STATUSES = ("pending", "accepted", "rejected")
# The fields of an entry an officer may propose to change (everything HQ keeps but its
# bookkeeping: the id and the version).
PROPOSABLE_FIELDS = (
    "provider", "provider_kind", "provider_state", "capability", "category", "quantity",
    "capacity_value", "capacity_unit", "readiness_hours", "deployment_hours", "conditions",
    "poc_name", "poc_email", "poc_phone", "valid_until", "status",
)


class RegisterEntry(Syncable, Base):
    """An entry of HQ's Central Register: an asset or capability a Member State or an
    organisation offers. Written on the device by pulls only (`__written_by_hq__`)."""

    __tablename__ = "register_entries"
    __sync_entity__ = "register_entry"
    __written_by_hq__ = True

    provider: Mapped[str] = mapped_column(String(200), default="")
    provider_kind: Mapped[str] = mapped_column(String(16), default="member_state")
    provider_state: Mapped[str] = mapped_column(String(3), default="")  # ISO alpha-3 or ""
    capability: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(40), default=AssetCategory.OTHER, index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    capacity_value: Mapped[float | None] = mapped_column(Float)
    capacity_unit: Mapped[str] = mapped_column(String(40), default="")
    readiness_hours: Mapped[int | None] = mapped_column(Integer)
    deployment_hours: Mapped[int | None] = mapped_column(Integer)
    conditions: Mapped[str] = mapped_column(Text, default="")
    poc_name: Mapped[str] = mapped_column(String(200), default="")
    poc_email: Mapped[str] = mapped_column(String(200), default="")
    poc_phone: Mapped[str] = mapped_column(String(60), default="")
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class RegisterProposal(Syncable, Base):
    """A correction of a register entry proposed by the officer, and HQ's answer.

    Of no operation (owned by the officer). The device writes `entry_id`, `changes`
    (field → proposed value as text) and `comment`; HQ writes `status`, `answer`,
    `answered_by` and `answered_at` (`__hq_fields__`: a local write of them is refused
    here and held at HQ).
    """

    __tablename__ = "register_proposals"
    __sync_entity__ = "register_proposal"
    __hq_fields__ = frozenset({"status", "answer", "answered_by", "answered_at"})

    entry_id: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

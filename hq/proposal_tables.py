"""HQ tables of the register's correction proposals sent from the field (issue 18).

`hq_register_proposals` is a projection of the synced `register_proposal` rows
(row_states), kept in step on every push (`hq.register_proposals.project_proposal`) and
every decision of the registry staff. It is what the proposals page reads: the pending
ones first, by when they arrived. Its status and answer are HQ's: a device only ever
creates a proposal, edits its proposed values or comment while it is pending, or
withdraws it (`deleted`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hq.models import JsonType, ServerBase, UTCDateTime, utcnow


class RegisterProposal(ServerBase):
    """A correction of a register entry an officer proposed from a laptop, and HQ's answer."""

    __tablename__ = "hq_register_proposals"
    __table_args__ = (Index("ix_hq_register_proposals_status_created", "status", "created_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the synced row's id
    entry_id: Mapped[str] = mapped_column(String(36), index=True)
    officer_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    changes: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)  # field -> text
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Withdrawn by its officer (the synced row's tombstone): no longer listed.
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

"""HQ tables of the Central Register of MCDA: entries and their history (issue 18).

`hq_register_entries` is what the registry staff keep (hq.register writes it, and only
through its functions, which log every change in `hq_register_events` and hand the entry
to `hq.register_feed.publish` so that laptops receive it). `hq_register_uploads` holds an
import file between its preview and the officer's confirmation, server-side, so the
confirmed import is the very file that was previewed (re-parsed, never taken from a form).

Full-text search over provider, capability, conditions and the point of contact is made
per dialect by migration 0009, as for lessons (0002): on PostgreSQL a generated
`search_vector` tsvector column ('simple' configuration: names in every script, no
stemming) with a GIN index `ix_hq_register_entries_search_vector`; on SQLite an FTS5 table
`hq_register_entries_fts` (external content, kept in step by triggers) keyed by `pk`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hq.models import SeqType, ServerBase, UTCDateTime, utcnow

# The columns the full-text index covers (SQLite's FTS5 table has them in this order).
SEARCHED = ("provider", "capability", "conditions", "poc_name", "poc_email", "poc_phone")


class RegisterEntry(ServerBase):
    """One offer of the MCDA Directory: who offers what, how fast, on which conditions."""

    __tablename__ = "hq_register_entries"
    __table_args__ = (
        Index("ix_hq_register_entries_status_provider", "status", "provider"),
        Index("ix_hq_register_entries_category_provider", "category", "provider"),
        Index("ix_hq_register_entries_status_valid_until", "status", "valid_until"),
        Index("ix_hq_register_entries_provider_state", "provider_state"),
    )

    pk: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    provider: Mapped[str] = mapped_column(String(200))
    provider_kind: Mapped[str] = mapped_column(String(16))  # member_state | organisation
    provider_state: Mapped[str] = mapped_column(String(3), default="")  # ISO alpha-3
    capability: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40))  # fieldapp AssetCategory value
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    capacity_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    capacity_unit: Mapped[str] = mapped_column(String(40), default="")
    readiness_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    deployment_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    conditions: Mapped[str] = mapped_column(Text, default="")
    poc_name: Mapped[str] = mapped_column(String(200), default="")
    poc_email: Mapped[str] = mapped_column(String(200), default="")
    poc_phone: Mapped[str] = mapped_column(String(60), default="")
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")


class RegisterEvent(ServerBase):
    """The register's history: who did what when; an edit has one row per changed field."""

    __tablename__ = "hq_register_events"

    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(16))  # create|edit|retire|restore|confirm|...
    field: Mapped[str] = mapped_column(String(40), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")


class RegisterUpload(ServerBase):
    """An import file between its preview and its confirmation (kept one hour at most),
    usable only from the web session that uploaded it."""

    __tablename__ = "hq_register_uploads"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # random, in the form
    session_hash: Mapped[str] = mapped_column(String(64))  # the uploader's web session
    name: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

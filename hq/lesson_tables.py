"""HQ tables for lessons observed: the review projection, its log, reviewers, web sessions.

`hq_lessons` is a projection of the synced `lesson` rows (row_states), kept in step on
every push and every reviewer decision. It is what the review queue and the public
library read: typed columns, indexes and full-text search that a JSON document cannot
give. Its `status` and `published_at` are HQ's: a device can only ever make a lesson a
draft or submitted; only a reviewer validates, returns or publishes it.

Full-text search is dialect-specific and made by the migration (0002): on PostgreSQL a
generated `search_vector` tsvector column with a GIN index; on SQLite an FTS5 table
`hq_lessons_fts` over this table (external content, kept in step by triggers), keyed by
the integer `pk`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from hq.models import SeqType, ServerBase, UTCDateTime, utcnow

PUBLIC_WHERE = "status = 'published' AND sensitivity = 'public' AND NOT deleted"


class HqLesson(ServerBase):
    """A lesson as HQ reviews and publishes it."""

    __tablename__ = "hq_lessons"
    __table_args__ = (
        Index("ix_hq_lessons_status_submitted", "status", "submitted_at"),
        # The public library: only published public lessons, newest first.
        Index("ix_hq_lessons_public", "published_at",
              postgresql_where=text(PUBLIC_WHERE), sqlite_where=text(PUBLIC_WHERE)),
        Index("ix_hq_lessons_public_topic", "topic", "published_at", "pk",
              postgresql_where=text(PUBLIC_WHERE), sqlite_where=text(PUBLIC_WHERE)),
        Index("ix_hq_lessons_public_observed", "observed_on",
              postgresql_where=text(PUBLIC_WHERE), sqlite_where=text(PUBLIC_WHERE)),
        Index("ix_hq_lessons_public_language", "language", "published_at", "pk",
              postgresql_where=text(PUBLIC_WHERE), sqlite_where=text(PUBLIC_WHERE)),
    )

    pk: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    operation_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    observed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    exercise_name: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    topic: Mapped[str] = mapped_column(String(60), default="other")
    observation: Mapped[str] = mapped_column(Text, default="")
    discussion: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(Text, default="")
    suggested_owner: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(Text, default="")
    sensitivity: Mapped[str] = mapped_column(String(16), default="internal")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    hq_comment: Mapped[str] = mapped_column(Text, default="")
    # The language it is written in (fieldapp.i18n.LANGS); "en" when the device sent none.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reviewed_by: Mapped[str] = mapped_column(String(200), default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LessonEvent(ServerBase):
    """The review log: every decision and every edit at HQ, with who, when, before, after."""

    __tablename__ = "hq_lesson_events"

    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    lesson_id: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200), default="")  # reviewer name, or "device"
    action: Mapped[str] = mapped_column(String(16))  # submit|validate|return|publish|edit|...
    field: Mapped[str] = mapped_column(String(60), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")


class Reviewer(ServerBase):
    """A staff account at HQ (the table kept its first name): someone who signs in to the
    HQ pages their roles open; only an argon2 hash of the password is kept.

    `roles` is a space-separated set of `hq.staff.ROLES` ("reviewer registry").
    """

    __tablename__ = "hq_reviewers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(200), default="reviewer",
                                       server_default="reviewer")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class WebSession(ServerBase):
    """A signed-in reviewer's browser: the sha256 of the cookie's token, never the token."""

    __tablename__ = "hq_web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    reviewer_id: Mapped[str] = mapped_column(ForeignKey("hq_reviewers.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

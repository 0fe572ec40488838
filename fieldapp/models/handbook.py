"""Handbook sections (an edition, replaced as a whole) and the officer's own marks on them.

Bookmarks, notes and checklist ticks point at a section by its stable `slug`, never by a
row id, so they survive a new edition; they are syncable, the sections are not.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.models.base import Base, Syncable


class HandbookSection(Base):
    """One chapter of the bundled or HQ-published handbook, in one language."""

    __tablename__ = "handbook_sections"
    __table_args__ = (UniqueConstraint("slug", "lang"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80))
    lang: Mapped[str] = mapped_column(String(8), default="en")
    title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    edition: Mapped[str] = mapped_column(String(40))
    body_md: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text, default="")  # plain text, for search


class HandbookWord(Base):
    """A French or Spanish word of the edition filed under its Snowball stem, so a search
    finds its other forms (fieldapp/handbook/words.py); refilled with each edition."""

    __tablename__ = "handbook_words"
    __table_args__ = {"sqlite_with_rowid": False}

    lang: Mapped[str] = mapped_column(Text, primary_key=True)
    stem: Mapped[str] = mapped_column(Text, primary_key=True)
    word: Mapped[str] = mapped_column(Text, primary_key=True)


class HandbookBookmark(Syncable, Base):
    __tablename__ = "handbook_bookmarks"
    __sync_entity__ = "handbook_bookmark"

    section_slug: Mapped[str] = mapped_column(String(80), index=True)
    anchor: Mapped[str] = mapped_column(String(120), default="")
    label: Mapped[str] = mapped_column(String(200), default="")


class HandbookNote(Syncable, Base):
    __tablename__ = "handbook_notes"
    __sync_entity__ = "handbook_note"

    section_slug: Mapped[str] = mapped_column(String(80), index=True)
    anchor: Mapped[str] = mapped_column(String(120), default="")
    body: Mapped[str] = mapped_column(Text, default="")


class ChecklistTick(Syncable, Base):
    """A ticked (or unticked) checklist item of a section, per operation."""

    __tablename__ = "checklist_ticks"
    __sync_entity__ = "checklist_tick"

    section_slug: Mapped[str] = mapped_column(String(80), index=True)
    item_key: Mapped[str] = mapped_column(String(120))
    ticked: Mapped[bool] = mapped_column(Boolean, default=True)

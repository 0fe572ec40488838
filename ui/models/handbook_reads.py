"""What the handbook screen reads, each in one background call: a page, and the marks.

Plain functions of a Session (run through ctx.tasks.query) returning plain data, so the
screen never holds database rows across threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fieldapp.errors import NotFoundError
from fieldapp.handbook.search import matched_words
from fieldapp.handbook.store import (
    NoteView,
    OutlineEntry,
    SectionView,
    current_edition,
    get_section,
    list_bookmarks,
    list_notes,
    notes_for,
    outline,
    ticked_items,
)

NoteRow = tuple[str, str, datetime]  # id, body, last changed (UTC)
BookmarkRow = tuple[str, str, str, str]  # id, slug, anchor, label


@dataclass
class Page:
    """A section as shown: rendered for the operation, its notes, the words to mark."""

    slug: str
    section: SectionView | None  # None: not in this edition (an orphaned note's section)
    ticked: frozenset[str] = frozenset()
    notes: list[NoteRow] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


@dataclass
class Marks:
    """The edition's outline (None when the edition is the one already shown), bookmarks
    and every note."""

    edition: str
    outline: list[OutlineEntry] | None
    bookmarks: list[BookmarkRow]
    notes: list[NoteView]


def read_page(session: Any, slug: str, *, lang: str, operation_id: str | None,
              query: str = "") -> Page:
    """A section (or the place of a removed one), its ticks, notes and matched words."""
    try:
        section = get_section(session, slug, lang=lang, operation_id=operation_id)
    except NotFoundError:
        section = None
    notes = [(n.id, n.body, n.updated_at) for n in notes_for(session, slug)]
    if section is None:
        return Page(slug, None, notes=notes)
    return Page(slug, section, ticked_items(session, slug=slug, operation_id=operation_id),
                notes, matched_words(session, slug, query, lang=section.lang))


def read_marks(session: Any, *, lang: str, known_edition: str | None) -> Marks:
    """Bookmarks and notes, and the outline unless `known_edition` is still current."""
    edition = current_edition(session)
    return Marks(
        edition,
        outline(session, lang=lang) if edition != known_edition else None,
        [(b.id, b.section_slug, b.anchor, b.label) for b in list_bookmarks(session)],
        list_notes(session, lang=lang),
    )

"""The handbook in the database: loading editions, reading sections, the officer's marks.

An edition replaces the previous one in a single transaction, after it has been read
and validated, so a refused edition leaves the current one in place. Bookmarks, notes
and checklist ticks refer to sections by slug and are never touched by a new edition;
a note whose section disappeared is reported as orphaned, not deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldapp.db import Database
from fieldapp.errors import NotFoundError, ValidationError
from fieldapp.handbook.edition import BASE_LANG, Edition, peek_edition_name, read_edition
from fieldapp.handbook.markdown import parse_section, render_html
from fieldapp.models import ChecklistTick, HandbookBookmark, HandbookNote, HandbookSection
from fieldapp.progress import Progress
from fieldapp.services.settings import get_setting, set_setting

EDITION_SETTING = "handbook_edition"


class _SectionRow(Protocol):
    slug: str
    lang: str
    position: int


R = TypeVar("R", bound=_SectionRow)  # a HandbookSection, or a row of some of its columns


def _edition_key(name: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in name.replace("-", ".").split("."))


def load_edition(
    db: Database, source: Path | Edition | None = None, *, progress: Progress | None = None
) -> Edition:
    """Validate an edition (a folder, or the bundled one) and make it current, all or nothing."""
    edition = source if isinstance(source, Edition) else read_edition(source)
    total = len(edition.sections)
    with db.transaction() as session:
        session.execute(delete(HandbookSection))
        for done, section in enumerate(edition.sections, start=1):
            session.add(
                HandbookSection(
                    slug=section.slug,
                    lang=section.lang,
                    title=section.title,
                    position=section.order,
                    edition=edition.name,
                    body_md=section.body_md,
                    body_text=f"{section.title}\n{section.parsed.text}",
                )
            )
            if progress is not None:
                progress.report(done, total, section.title)
        set_setting(session, EDITION_SETTING, edition.name)
    return edition


def ensure_bundled_edition(db: Database) -> bool:
    """Load the bundled edition on first start or when it is newer; True if it loaded."""
    with db.session() as session:
        current = get_setting(session, EDITION_SETTING)
    bundled = peek_edition_name()
    if bundled is None or (current and _edition_key(current) >= _edition_key(bundled)):
        return False
    load_edition(db)
    return True


@dataclass(frozen=True)
class TocEntry:
    """A section in the table of contents."""

    slug: str
    title: str
    position: int
    fallback: bool  # shown in English because the officer's language lacks it


@dataclass(frozen=True)
class SectionView:
    """A section ready to show: HTML with the operation's ticks, and where it came from."""

    slug: str
    title: str
    lang: str
    edition: str
    html: str
    fallback: bool


def in_reading_order(rows: Iterable[R], lang: str) -> list[R]:
    """Of section rows in `lang` and English, each section once (in `lang` where it has one),
    in reading order."""
    best: dict[str, R] = {}
    for row in rows:
        if row.slug not in best or row.lang == lang:
            best[row.slug] = row
    return sorted(best.values(), key=lambda row: row.position)


def table_of_contents(session: Session, *, lang: str = BASE_LANG) -> list[TocEntry]:
    """Every section in reading order, in `lang` where it exists, else in English."""
    rows = session.execute(
        select(HandbookSection.slug, HandbookSection.title, HandbookSection.position,
               HandbookSection.lang)
        .where(HandbookSection.lang.in_({lang, BASE_LANG}))
    )
    return [TocEntry(row.slug, row.title, row.position, row.lang != lang)
            for row in in_reading_order(rows, lang)]


def ticked_items(session: Session, *, slug: str, operation_id: str | None) -> frozenset[str]:
    """Keys of the checklist items ticked in this section for this operation."""
    return frozenset(
        session.scalars(
            select(ChecklistTick.item_key).where(
                ChecklistTick.section_slug == slug,
                ChecklistTick.operation_id == operation_id,
                ChecklistTick.ticked.is_(True),
                ChecklistTick.deleted.is_(False),
            )
        )
    )


def get_section(
    session: Session, slug: str, *, lang: str = BASE_LANG, operation_id: str | None = None
) -> SectionView:
    """A section in `lang` (falling back to English, marked as such), rendered."""
    rows = {
        row.lang: row
        for row in session.scalars(
            select(HandbookSection).where(
                HandbookSection.slug == slug, HandbookSection.lang.in_({lang, BASE_LANG})
            )
        )
    }
    row = rows.get(lang) or rows.get(BASE_LANG)
    if row is None:
        raise NotFoundError(f"The handbook has no section '{slug}' in this edition.")
    ticks = ticked_items(session, slug=slug, operation_id=operation_id)
    return SectionView(
        slug=row.slug,
        title=row.title,
        lang=row.lang,
        edition=row.edition,
        html=render_html(row.body_md, ticked=ticks),
        fallback=row.lang != lang,
    )


def set_tick(
    session: Session, *, slug: str, item_key: str, operation_id: str | None, ticked: bool
) -> None:
    """Tick or untick a checklist item for an operation (a syncable row)."""
    row = session.scalars(
        select(ChecklistTick).where(
            ChecklistTick.section_slug == slug,
            ChecklistTick.item_key == item_key,
            ChecklistTick.operation_id == operation_id,
        )
    ).first()
    if row is None:
        session.add(ChecklistTick(section_slug=slug, item_key=item_key,
                                  operation_id=operation_id, ticked=ticked))
    else:
        row.ticked = ticked


def add_bookmark(session: Session, *, slug: str, anchor: str = "", label: str) -> HandbookBookmark:
    """Bookmark a section (or a heading in it)."""
    bookmark = HandbookBookmark(section_slug=slug, anchor=anchor, label=label.strip() or slug)
    session.add(bookmark)
    return bookmark


def list_bookmarks(session: Session) -> list[HandbookBookmark]:
    """Bookmarks, newest first."""
    return list(session.scalars(
        select(HandbookBookmark).where(HandbookBookmark.deleted.is_(False))
        .order_by(HandbookBookmark.updated_at.desc())
    ))


def remove_bookmark(session: Session, bookmark_id: str) -> None:
    """Remove a bookmark (tombstoned, so the removal syncs)."""
    bookmark = session.get(HandbookBookmark, bookmark_id)
    if bookmark is not None:
        bookmark.deleted = True


def save_note(session: Session, *, slug: str, body: str, note_id: str | None = None,
              anchor: str = "") -> HandbookNote:
    """Create or update a personal note on a section."""
    if not body.strip():
        raise ValidationError("body", "Write something in the note, or delete it.")
    note = session.get(HandbookNote, note_id) if note_id else None
    if note is None:
        note = HandbookNote(section_slug=slug, anchor=anchor, body=body)
        session.add(note)
    else:
        note.body = body
    return note


def delete_note(session: Session, note_id: str) -> None:
    """Delete a note (tombstoned, so the deletion syncs)."""
    note = session.get(HandbookNote, note_id)
    if note is not None:
        note.deleted = True


def notes_for(session: Session, slug: str) -> list[HandbookNote]:
    """The notes on one section, oldest first."""
    return list(session.scalars(
        select(HandbookNote)
        .where(HandbookNote.section_slug == slug, HandbookNote.deleted.is_(False))
        .order_by(HandbookNote.updated_at)
    ))


def current_edition(session: Session) -> str:
    """The name of the edition loaded now ("" before the first one)."""
    return get_setting(session, EDITION_SETTING)


@dataclass(frozen=True)
class OutlineEntry:
    """A section and its headings, for a table-of-contents tree."""

    slug: str
    title: str
    fallback: bool
    headings: tuple[tuple[int, str, str], ...]  # level, text, anchor


def outline(session: Session, *, lang: str = BASE_LANG) -> list[OutlineEntry]:
    """Every section in reading order (in `lang`, else English) with its headings."""
    rows = session.execute(
        select(HandbookSection.slug, HandbookSection.title, HandbookSection.position,
               HandbookSection.lang, HandbookSection.body_md)
        .where(HandbookSection.lang.in_({lang, BASE_LANG}))
    )
    return [
        OutlineEntry(row.slug, row.title, row.lang != lang,
                     tuple(parse_section(row.body_md).headings))
        for row in in_reading_order(rows, lang)
    ]


@dataclass(frozen=True)
class NoteView:
    """A note with the title of its section; `orphaned` when the section is gone."""

    id: str
    slug: str
    section_title: str
    body: str
    updated_at: datetime
    orphaned: bool


def list_notes(session: Session, *, lang: str = BASE_LANG) -> list[NoteView]:
    """Every note, newest first, including those whose section left the edition."""
    titles = {entry.slug: entry.title for entry in table_of_contents(session, lang=lang)}
    notes = session.scalars(
        select(HandbookNote).where(HandbookNote.deleted.is_(False))
        .order_by(HandbookNote.updated_at.desc())
    )
    return [
        NoteView(note.id, note.section_slug, titles.get(note.section_slug, ""), note.body,
                 note.updated_at, note.section_slug not in titles)
        for note in notes
    ]

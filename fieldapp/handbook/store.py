"""The handbook in the database: loading editions, reading sections, the officer's marks.

An edition replaces the previous one in a single transaction, after it has been read
and validated, so a refused edition leaves the current one in place. Bookmarks, notes
and checklist ticks refer to sections by slug and are never touched by a new edition;
a note whose section disappeared is reported as orphaned, not deleted.

A checklist tick and a bookmark are the same thing when made twice (on two devices, or
twice on one), so each has one deterministic id (`tick_id`, `bookmark_id`): ticking on
two laptops writes one row, and unticking on either unticks everywhere. Databases from
before have duplicate rows of one key; the deterministic row decides when it exists, and
unticking or removing writes every duplicate too, so they heal as they are used.
"""

from __future__ import annotations

import json
import uuid
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
from fieldapp.handbook.words import store_vocabulary
from fieldapp.i18n import _
from fieldapp.models import ChecklistTick, HandbookBookmark, HandbookNote, HandbookSection
from fieldapp.progress import Progress
from fieldapp.services.sequence import in_sequence
from fieldapp.services.settings import get_setting, set_setting

EDITION_SETTING = "handbook_edition"
TICK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cmcoord-field-kit:checklist_tick")
BOOKMARK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cmcoord-field-kit:handbook_bookmark")


def _key_id(namespace: uuid.UUID, *parts: str) -> str:
    # JSON of the parts: no choice of separator can make two keys collide.
    return str(uuid.uuid5(namespace, json.dumps(parts, ensure_ascii=False)))


def tick_id(*, slug: str, item_key: str, operation_id: str | None) -> str:
    """The one id of a checklist item's tick in an operation, the same on every device."""
    return _key_id(TICK_NAMESPACE, slug, item_key, operation_id or "")


def bookmark_id(*, slug: str, anchor: str, operation_id: str | None = None) -> str:
    """The one id of a bookmark of a section (or a heading in it), the same on every device."""
    return _key_id(BOOKMARK_NAMESPACE, slug, anchor, operation_id or "")


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
        store_vocabulary(session, ((s.lang, f"{s.title}\n{s.parsed.text}")
                                   for s in edition.sections))
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


def _tick_rows(session: Session, *, slug: str, operation_id: str | None,
               item_key: str | None = None) -> list[ChecklistTick]:
    query = select(ChecklistTick).where(ChecklistTick.section_slug == slug,
                                        ChecklistTick.operation_id == operation_id)
    if item_key is not None:
        query = query.where(ChecklistTick.item_key == item_key)
    return list(session.scalars(query))


def ticked_items(session: Session, *, slug: str, operation_id: str | None) -> frozenset[str]:
    """Keys of the checklist items ticked in this section for this operation.

    An item's deterministic row decides when it exists (ticked and not deleted); an item
    known only from duplicate rows of older versions is ticked when one of them is.
    """
    decided: dict[str, bool] = {}
    legacy: set[str] = set()
    for row in _tick_rows(session, slug=slug, operation_id=operation_id):
        if row.id == tick_id(slug=slug, item_key=row.item_key, operation_id=operation_id):
            decided[row.item_key] = row.ticked and not row.deleted
        elif row.ticked and not row.deleted:
            legacy.add(row.item_key)
    return frozenset(key for key in decided.keys() | legacy if decided.get(key, True))


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
        raise NotFoundError(_("The handbook has no section '{section}' in this edition.").format(
            section=slug))
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
    """Tick or untick a checklist item for an operation (a syncable row, one id per item).

    Unticking also unticks every duplicate row older versions made for the same item, so
    no copy from another device keeps it ticked.
    """
    row_id = tick_id(slug=slug, item_key=item_key, operation_id=operation_id)
    rows = _tick_rows(session, slug=slug, operation_id=operation_id, item_key=item_key)
    mine = session.get(ChecklistTick, row_id)
    if mine is None:
        session.add(ChecklistTick(id=row_id, section_slug=slug, item_key=item_key,
                                  operation_id=operation_id, ticked=ticked))
    else:
        _set_if_changed(mine, section_slug=slug, item_key=item_key, operation_id=operation_id,
                        ticked=ticked, deleted=False)
    if not ticked:
        for row in rows:
            if row is not mine and row.ticked and not row.deleted:
                row.ticked = False


def _set_if_changed(row: object, **values: object) -> None:
    # An unchanged attribute assigned anyway would still be a write to sync.
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _bookmark_key(row: HandbookBookmark) -> tuple[str, str, str | None]:
    return row.section_slug, row.anchor or "", row.operation_id


def _is_deterministic(row: HandbookBookmark) -> bool:
    slug, anchor, operation_id = _bookmark_key(row)
    return row.id == bookmark_id(slug=slug, anchor=anchor, operation_id=operation_id)


def add_bookmark(session: Session, *, slug: str, anchor: str = "", label: str) -> HandbookBookmark:
    """Bookmark a section (or a heading in it); bookmarking it again keeps one bookmark."""
    row_id = bookmark_id(slug=slug, anchor=anchor)
    label = label.strip() or slug
    bookmark = session.get(HandbookBookmark, row_id)
    if bookmark is None:
        bookmark = HandbookBookmark(id=row_id, section_slug=slug, anchor=anchor, label=label)
        session.add(bookmark)
    else:
        _set_if_changed(bookmark, section_slug=slug, anchor=anchor, operation_id=None,
                        label=label, deleted=False)
    return bookmark


def list_bookmarks(session: Session) -> list[HandbookBookmark]:
    """Bookmarks, newest first (in sequence, not by laptop clocks), one per section and
    heading.

    The deterministic row of a key decides whether it is bookmarked; a key known only from
    duplicate rows of older versions is shown once (its newest row).
    """
    rows = session.scalars(
        select(HandbookBookmark).order_by(*in_sequence(HandbookBookmark, newest_first=True))
    ).all()
    decided = {_bookmark_key(row): row for row in rows if _is_deterministic(row)}
    shown: dict[tuple[str, str, str | None], HandbookBookmark] = {}
    for row in rows:
        key = _bookmark_key(row)
        chosen = decided.get(key, row)
        if key not in shown and not chosen.deleted:
            shown[key] = chosen
    place = {row.id: n for n, row in enumerate(rows)}
    return sorted(shown.values(), key=lambda row: place[row.id])


def remove_bookmark(session: Session, row_id: str) -> None:
    """Remove a bookmark (by the id `list_bookmarks` gave) and every duplicate of it
    (tombstoned, so the removal syncs)."""
    bookmark = session.get(HandbookBookmark, row_id)
    if bookmark is None:
        return
    slug, anchor, operation_id = _bookmark_key(bookmark)
    same = select(HandbookBookmark).where(HandbookBookmark.section_slug == slug,
                                          HandbookBookmark.operation_id == operation_id,
                                          HandbookBookmark.deleted.is_(False))
    for row in session.scalars(same):
        if (row.anchor or "") == anchor:
            row.deleted = True


def save_note(session: Session, *, slug: str, body: str, note_id: str | None = None,
              anchor: str = "") -> HandbookNote:
    """Create or update a personal note on a section."""
    if not body.strip():
        raise ValidationError("body", _("Write something in the note, or delete it."))
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
        .order_by(*in_sequence(HandbookNote))
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
        .order_by(*in_sequence(HandbookNote, newest_first=True))
    )
    return [
        NoteView(note.id, note.section_slug, titles.get(note.section_slug, ""), note.body,
                 note.updated_at, note.section_slug not in titles)
        for note in notes
    ]

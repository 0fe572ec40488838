"""Checklist ticks and bookmarks: the same mark made twice is one row with one id, and
unticking or removing it wins over every duplicate older versions made."""

from __future__ import annotations

import shutil
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from fieldapp.db import Database
from fieldapp.handbook.store import (
    add_bookmark,
    bookmark_id,
    list_bookmarks,
    list_notes,
    notes_for,
    remove_bookmark,
    save_note,
    set_tick,
    tick_id,
    ticked_items,
)
from fieldapp.models import ChecklistTick, HandbookBookmark, OutboxEntry
from fieldapp.paths import resolve_profile

SLUG, KEY, OP = "first-72-hours", "find-the-logistics-cluster", "op-1"


@pytest.fixture
def other_db(tmp_path, _migrated_template):
    """A second device's database."""
    root = tmp_path / "other-device"
    shutil.copytree(_migrated_template, root)
    database = Database.open(resolve_profile(root))
    yield database
    database.close()


def _tick(db, *, ticked, key=KEY, operation_id=OP):
    with db.transaction() as session:
        set_tick(session, slug=SLUG, item_key=key, operation_id=operation_id, ticked=ticked)


def _ticked(db, operation_id=OP):
    with db.session() as session:
        return ticked_items(session, slug=SLUG, operation_id=operation_id)


def _legacy_tick(db, *, ticked=True, operation_id=OP):
    """A duplicate row as versions before deterministic ids made it (random id)."""
    with db.transaction() as session:
        session.add(ChecklistTick(id=str(uuid.uuid4()), section_slug=SLUG, item_key=KEY,
                                  operation_id=operation_id, ticked=ticked))


def _ticks(db):
    with db.session() as session:
        return {(row.id, row.ticked) for row in session.scalars(select(ChecklistTick))}


def test_the_same_tick_on_two_devices_has_the_same_id(db, other_db):
    _tick(db, ticked=True)
    _tick(other_db, ticked=True)
    expected = tick_id(slug=SLUG, item_key=KEY, operation_id=OP)
    assert _ticks(db) == _ticks(other_db) == {(expected, True)}
    assert str(uuid.UUID(expected)) == expected


def test_a_ticks_id_depends_on_section_item_and_operation():
    ids = {tick_id(slug=SLUG, item_key=KEY, operation_id=OP),
           tick_id(slug=SLUG, item_key=KEY, operation_id="op-2"),
           tick_id(slug=SLUG, item_key=KEY, operation_id=None),
           tick_id(slug=SLUG, item_key="other-item", operation_id=OP),
           tick_id(slug="other-section", item_key=KEY, operation_id=OP),
           tick_id(slug=SLUG + KEY, item_key="", operation_id=OP)}  # no separator collision
    assert len(ids) == 6
    assert tick_id(slug=SLUG, item_key=KEY, operation_id=None) == \
        tick_id(slug=SLUG, item_key=KEY, operation_id="")


def test_ticking_and_unticking_again_reuses_the_one_row(db):
    _tick(db, ticked=True)
    _tick(db, ticked=True)
    _tick(db, ticked=False)
    assert _ticked(db) == frozenset()
    _tick(db, ticked=True)
    assert _ticked(db) == {KEY}
    assert len(_ticks(db)) == 1


def test_ticking_twice_records_one_creation_only(db):
    _tick(db, ticked=True)
    _tick(db, ticked=True)
    with db.session() as session:
        entries = session.scalars(select(OutboxEntry).where(
            OutboxEntry.entity == "checklist_tick")).all()
    assert [entry.row_id for entry in entries] == \
        [tick_id(slug=SLUG, item_key=KEY, operation_id=OP)]


def test_unticking_unticks_every_legacy_duplicate(db):
    _legacy_tick(db)
    _legacy_tick(db)
    assert _ticked(db) == {KEY}  # old databases keep what they showed
    _tick(db, ticked=False)
    assert _ticked(db) == frozenset()
    assert {ticked for _, ticked in _ticks(db)} == {False}
    assert len(_ticks(db)) == 3  # two healed duplicates and the deterministic row


def test_a_legacy_duplicate_arriving_after_an_untick_does_not_tick_again(db):
    _tick(db, ticked=True)
    _tick(db, ticked=False)
    _legacy_tick(db, ticked=True)  # an old device's copy, pulled later
    assert _ticked(db) == frozenset()


def test_the_deterministic_row_ticks_even_beside_an_unticked_duplicate(db):
    _legacy_tick(db, ticked=False)
    _tick(db, ticked=True)
    assert _ticked(db) == {KEY}


def test_unticking_in_one_operation_leaves_the_others(db):
    _tick(db, ticked=True, operation_id=OP)
    _tick(db, ticked=True, operation_id="op-2")
    _legacy_tick(db, operation_id="op-2")
    _tick(db, ticked=False, operation_id=OP)
    assert _ticked(db, OP) == frozenset()
    assert _ticked(db, "op-2") == {KEY}


def _bookmark(db, *, anchor="", label="First 72 hours"):
    with db.transaction() as session:
        return add_bookmark(session, slug=SLUG, anchor=anchor, label=label).id


def _listed(db):
    with db.session() as session:
        return [(b.id, b.anchor, b.label) for b in list_bookmarks(session)]


def _legacy_bookmark(db, *, anchor="", deleted=False):
    with db.transaction() as session:
        row = HandbookBookmark(id=str(uuid.uuid4()), section_slug=SLUG, anchor=anchor,
                               label="Old copy", deleted=deleted)
        session.add(row)
        return row.id


def test_bookmarking_a_section_twice_or_on_two_devices_is_one_bookmark(db, other_db):
    first = _bookmark(db)
    assert _bookmark(db) == first
    assert _bookmark(other_db) == first == bookmark_id(slug=SLUG, anchor="")
    assert _listed(db) == [(first, "", "First 72 hours")]
    with db.session() as session:
        assert len(session.scalars(select(HandbookBookmark)).all()) == 1


def test_a_heading_and_its_section_are_two_bookmarks(db):
    _bookmark(db)
    heading = _bookmark(db, anchor="first-steps", label="First steps")
    assert heading == bookmark_id(slug=SLUG, anchor="first-steps")
    assert len(_listed(db)) == 2


def test_removing_a_bookmark_removes_every_duplicate(db):
    legacy = [_legacy_bookmark(db), _legacy_bookmark(db)]
    other_heading = _bookmark(db, anchor="first-steps")
    assert [anchor for _, anchor, _ in _listed(db)].count("") == 1  # shown once
    with db.transaction() as session:
        remove_bookmark(session, legacy[0])
    assert [bid for bid, _, _ in _listed(db)] == [other_heading]
    _bookmark(db)
    with db.transaction() as session:
        remove_bookmark(session, bookmark_id(slug=SLUG, anchor=""))
    with db.session() as session:
        alive = session.scalars(select(HandbookBookmark.id)
                                .where(HandbookBookmark.deleted.is_(False))).all()
    assert alive == [other_heading]


def test_a_legacy_bookmark_arriving_after_a_removal_stays_removed(db):
    _bookmark(db)
    with db.transaction() as session:
        remove_bookmark(session, bookmark_id(slug=SLUG, anchor=""))
    _legacy_bookmark(db)  # an old device's copy, pulled later
    assert _listed(db) == []
    again = _bookmark(db, label="Again")
    assert _listed(db) == [(again, "", "Again")]


def test_bookmarks_and_notes_are_listed_in_sequence_not_by_laptop_clocks(db, laptop_clock):
    ahead, behind = timedelta(days=3), -timedelta(days=3)
    laptop_clock(ahead)  # a colleague's laptop, days ahead, as its rows arrive here
    with db.transaction() as session:
        add_bookmark(session, slug="principles", label="From HQ").rev = 7
        save_note(session, slug=SLUG, body="Written first")
    laptop_clock(timedelta(0))
    _bookmark(db, label="Made here first")
    laptop_clock(behind)  # this laptop's clock put back
    with db.transaction() as session:
        add_bookmark(session, slug=SLUG, anchor="x", label="Made here later")
        save_note(session, slug=SLUG, body="Written second")
    laptop_clock(timedelta(0))
    assert [label for _, _, label in _listed(db)] == \
        ["Made here later", "Made here first", "From HQ"]
    with db.session() as session:
        notes = notes_for(session, SLUG)
        assert [n.body for n in notes] == ["Written first", "Written second"]
        assert [n.body for n in list_notes(session)] == ["Written second", "Written first"]
    assert notes[0].updated_at - notes[1].updated_at > timedelta(days=5)  # shown as written

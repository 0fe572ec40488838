"""Row ids are checked at the door, on the real HQ server (SQLite, and PostgreSQL when set).

A pushed change whose row id, operation id or reference to another row is not written as
devices write ids (the text of a UUID: lower-case hex, 8-4-4-4-12) is held on its own,
`invalid_change` with a sentence, and the rest of the push goes on; the device lists it
like any held change. The library and review pages answer 404 for an address naming an
id of another form, even one stored before the check (a lesson with "/" in its id once
reached the feed).
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

import pytest
import requests
from sqlalchemy import func, select, update

from fieldapp.models import Contact, OutboxEntry
from hq import admin
from hq import lessons as hq_lessons
from hq.lesson_tables import HqLesson, LessonEvent
from hq.models import Change, RowState
from hq.reviewers import add_reviewer
from hq.row_ids import is_row_id
from sync.client import held_changes, sync_once, sync_status
from sync.held import ADVICE
from tests.sync.conftest import Hq, enrolled
from tests.sync.test_hq_protocol_v2 import Device, contact, edit, logged, new_id, state
from tests.sync.test_hq_push_reading import creation, outcome
from tests.sync.test_lessons_hq import PASSWORD, Reviewer, submit_lesson

ATOM = "{http://www.w3.org/2005/Atom}"
GOOD = "3f2a6c1e-8b4d-4e0f-9a7b-5c6d7e8f9a0b"
# Text that is no id of ours, each a way it could look almost right.
NOT_IDS = [
    "r", "", GOOD.upper(), GOOD.replace("-", ""), f"{{{GOOD}}}", f"urn:uuid:{GOOD}",
    GOOD + "\n", " " + GOOD, GOOD[:-1], GOOD + "0", GOOD[:8] + "/" + GOOD[9:],
    GOOD[:8] + "_" + GOOD[9:], GOOD[:-1] + "g", GOOD[:-1] + "\x01", GOOD[:-1] + "\u0661",
    "lesson\x01\x1b?#/" + GOOD[:8], "../" + GOOD[3:], "a\ud800b",
]


def held(result: dict[str, Any]) -> tuple[str, str]:
    """The code and sentence of a held result."""
    assert result["status"] == "held", result
    assert "rev" not in result
    return result["code"], result["detail"]


@pytest.fixture
def ana(hq: Hq) -> Device:
    return Device(hq)


# --- the form --------------------------------------------------------------------------------

def test_ids_as_devices_and_hq_make_them_are_row_ids() -> None:
    made = [str(uuid.uuid4()), str(uuid.uuid5(uuid.NAMESPACE_URL, "tick")), GOOD,
            str(uuid.UUID(int=0)), str(uuid.UUID(int=2**128 - 1))]  # bench data: any version
    assert all(is_row_id(value) for value in made)
    assert not any(is_row_id(value) for value in NOT_IDS)
    assert not any(is_row_id(value) for value in (None, 5, uuid.UUID(GOOD), [GOOD]))


# --- pushes ----------------------------------------------------------------------------------

def test_row_ids_written_as_devices_write_them_are_applied(hq: Hq, ana: Device) -> None:
    ids = [new_id(), str(uuid.uuid5(uuid.NAMESPACE_URL, "import")), str(uuid.UUID(int=7))]

    results = ana.push(*(creation(row_id=row_id, operation_id=hq.operation_id)
                         for row_id in ids))

    assert [outcome(r) for r in results] == ["applied"] * 3
    assert all(state(hq, "contact", row_id) is not None for row_id in ids)


@pytest.mark.parametrize("bad", NOT_IDS)
def test_a_row_id_of_another_form_is_held_alone_and_nothing_stored(
        hq: Hq, ana: Device, bad: str) -> None:
    refused = creation(change_id=new_id(), row_id=bad, operation_id=hq.operation_id)
    good_id, good = contact(hq.operation_id)

    results = ana.push(refused, good)

    code, detail = held(results[0])
    assert code == "invalid_change"
    assert "row id" in detail
    assert "UUID" in detail
    assert "field" not in results[0]
    assert outcome(results[1]) == "applied"
    assert logged(hq, refused["change_id"]) == 0
    with hq.db.read() as session:  # only the good one (a lone surrogate cannot be looked up)
        assert session.scalars(select(RowState.row_id).where(RowState.entity == "contact")
                               ).all() == [good_id]


def test_a_creation_whose_id_in_its_fields_is_of_another_form_is_held(
        hq: Hq, ana: Device) -> None:
    [result] = ana.push({"entity": "contact", "fields": {
        "id": "a/b", "operation_id": hq.operation_id, "given_name": "Amira"}})

    code, detail = held(result)
    assert code == "invalid_change"
    assert "row id" in detail  # not a missing change id
    with hq.db.read() as session:
        assert session.scalar(select(func.count()).select_from(RowState)) == \
            session.scalar(select(func.count()).select_from(RowState)
                           .where(RowState.entity == "operation"))


@pytest.mark.parametrize("bad", ["p", "o" * 36, GOOD.upper(), GOOD[:8] + "/" + GOOD[9:]])
def test_an_operation_id_of_another_form_is_held(hq: Hq, ana: Device, bad: str) -> None:
    sent = creation(operation_id=bad)
    in_fields_id, in_fields = contact(bad)

    results = ana.push(sent, in_fields)

    assert [held(r)[0] for r in results] == ["invalid_change"] * 2
    assert all("operation id" in held(r)[1] for r in results)
    assert state(hq, "contact", sent["row_id"]) is None
    assert state(hq, "contact", in_fields_id) is None
    with hq.db.read() as session:  # no operation proposed under that id either
        assert session.get(RowState, ("operation", bad)) is None


def test_moving_a_row_into_an_operation_id_of_another_form_is_held_naming_the_field(
        hq: Hq, ana: Device) -> None:
    row_id, change = contact(hq.operation_id)
    ana.push(change)

    [result] = ana.push(edit("contact", row_id, hq.operation_id, {"operation_id": "x/y"},
                             {"operation_id": hq.operation_id}))

    assert held(result)[0] == "invalid_change"
    assert result["field"] == "operation_id"
    assert state(hq, "contact", row_id).operation_id == hq.operation_id


@pytest.mark.parametrize(("entity", "fields", "field"), [
    ("contact", {"organisation_id": "../org"}, "organisation_id"),
    ("asset", {"poc_contact_id": GOOD.upper()}, "poc_contact_id"),
    ("asset_status_event", {"asset_id": "asset-1", "status": "available"}, "asset_id"),
    ("rfa", {"contact_id": GOOD[:-1] + "\x7f"}, "contact_id"),
    ("rfa", {"requesting_org_id": "wfp"}, "requesting_org_id"),
    ("rfa", {"tasked_asset_id": "a\x1bb"}, "tasked_asset_id"),
    ("rfa", {"proposed_asset_ids": [GOOD, "heli/2"]}, "proposed_asset_ids"),
    ("rfa", {"proposed_asset_ids": {GOOD: GOOD}}, "proposed_asset_ids"),
    ("rfa_event", {"rfa_id": "MRV-11-0001"}, "rfa_id"),
])
def test_a_reference_of_another_form_is_held_naming_its_field(
        hq: Hq, ana: Device, entity: str, fields: dict[str, Any], field: str) -> None:
    row_id = new_id()
    creation_ = {"entity": entity, "fields": {"id": row_id, "operation_id": hq.operation_id,
                                              "deleted": False, **fields}}
    later = edit(entity, row_id, hq.operation_id, {"deleted": True}, {"deleted": False})

    results = ana.push(creation_, later)

    code, detail = held(results[0])
    assert (code, results[0]["field"]) == ("invalid_change", field)
    assert repr(field) in detail
    assert held(results[1])[0] == "waiting"  # the row's later change waits behind it
    assert state(hq, entity, row_id) is None


def test_references_written_as_devices_write_ids_or_empty_are_applied(
        hq: Hq, ana: Device) -> None:
    asset_id, org_id = new_id(), new_id()
    rows = [
        {"entity": "organisation", "fields": {"id": org_id, "operation_id": hq.operation_id,
                                              "name": "WFP", "deleted": False}},
        {"entity": "asset", "fields": {"id": asset_id, "operation_id": hq.operation_id,
                                       "poc_contact_id": None, "deleted": False}},
        {"entity": "rfa", "fields": {"id": new_id(), "operation_id": hq.operation_id,
                                     "requesting_org_id": org_id, "contact_id": None,
                                     "proposed_asset_ids": [asset_id],
                                     "tasked_asset_id": asset_id, "deleted": False}},
        {"entity": "rfa", "fields": {"id": new_id(), "operation_id": hq.operation_id,
                                     "proposed_asset_ids": [], "deleted": False}},
        {"entity": "contact", "fields": {"id": new_id(), "operation_id": None,
                                         "organisation_id": org_id, "deleted": False,
                                         "future_ref_id": "not judged: a newer field"}},
    ]

    results = ana.push(*rows)

    assert [outcome(r) for r in results] == ["applied"] * len(rows)


def test_a_conflict_decision_naming_no_conflict_id_is_held(hq: Hq, ana: Device) -> None:
    [result] = ana.push({"change_id": new_id(), "entity": "conflict", "row_id": "c-1",
                         "fields": {"resolution": "mine"}})

    assert held(result)[0] == "invalid_change"
    with hq.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Change)
                              .where(Change.entity == "conflict")) == 0


def test_a_lesson_id_with_a_slash_or_control_character_never_reaches_the_library(
        hq: Hq, ana: Device) -> None:
    odd = "lesson\x01\x1b?#/" + uuid.uuid4().hex[:8]
    lesson = {"entity": "lesson", "fields": {
        "id": odd, "operation_id": hq.operation_id, "deleted": False, "title": "Fuel",
        "observed_on": "2024-03-01", "topic": "logistics", "status": "submitted",
        "sensitivity": "public", "language": "en"}}

    [result] = ana.push(lesson)

    assert held(result)[0] == "invalid_change"
    with hq.db.read() as session:
        assert session.scalar(select(func.count()).select_from(HqLesson)) == 0
    feed = ET.fromstring(requests.get(hq.url + "/library/feed.atom", timeout=20).content)
    assert list(feed.iter(f"{ATOM}entry")) == []


# --- the device's side -----------------------------------------------------------------------

def test_the_device_lists_a_change_held_for_its_id_like_other_held_changes(
        hq: Hq, make_profile) -> None:
    laptop = enrolled(hq, make_profile, "laptop")
    with laptop.transaction() as session:  # a damaged or tampered profile: not an id of ours
        session.add(Contact(id="amira/1", given_name="Amira", operation_id=hq.operation_id))
        session.add(Contact(given_name="Ben", operation_id=hq.operation_id))

    sync_once(laptop)

    with laptop.session() as session:
        [shown] = held_changes(session)
        status = sync_status(session)
        left = session.scalar(select(func.count()).select_from(OutboxEntry))
    assert (shown.code, shown.row_id, shown.waiting) == ("invalid_change", "amira/1", False)
    assert "row id" in shown.reason
    assert "UUID" in shown.reason
    assert shown.advice == ADVICE["invalid_change"]  # English: no language chosen
    assert shown.label == "Contact “Amira”"
    assert status.held == 1
    assert left == 1  # Ben's creation was applied and left the outbox
    assert state(hq, "contact", "amira/1") is None


# --- pages -----------------------------------------------------------------------------------

def _published(hq: Hq, laptop) -> str:
    """A published lesson from the laptop; its id."""
    lesson_id = submit_lesson(laptop, hq.operation_id)
    sync_once(laptop)
    with hq.db.write() as session:
        hq_lessons.validate(session, lesson_id, reviewer="Marie")
        hq_lessons.publish(session, lesson_id, reviewer="Marie")
    return lesson_id


def _stored_before_the_check(hq: Hq, lesson_id: str, old_id: str) -> None:
    """Give a lesson the id an HQ before this check could have let in."""
    with hq.db.write() as session:
        session.execute(update(HqLesson).where(HqLesson.id == lesson_id).values(id=old_id))
        session.execute(update(LessonEvent).where(LessonEvent.lesson_id == lesson_id)
                        .values(lesson_id=old_id))
        session.execute(update(RowState).where(RowState.entity == "lesson",
                                               RowState.row_id == lesson_id)
                        .values(row_id=old_id))


@pytest.fixture
def laptop(hq: Hq, make_profile):
    return enrolled(hq, make_profile, "laptop")


@pytest.mark.parametrize("old_id", ["lesson-1", "a/b", GOOD.upper(), "x\x01y"])
def test_a_library_address_naming_an_id_of_another_form_is_not_found(
        hq: Hq, laptop, old_id: str) -> None:
    lesson_id = _published(hq, laptop)
    assert requests.get(f"{hq.url}/library/lessons/{lesson_id}", timeout=20).status_code == 200
    _stored_before_the_check(hq, lesson_id, old_id)

    answer = requests.get(f"{hq.url}/library/lessons/{quote(old_id, safe='')}", timeout=20)

    assert answer.status_code == 404, answer.text[:200]


@pytest.mark.parametrize("path", [
    "not-a-lesson", "a%2Fb", "%00", "%01", "%ff", "%C3%A9", "x" * 5000, "..%2F..%2Fetc",
    GOOD.upper(), GOOD + "%20",
])
def test_library_addresses_of_any_text_answer_404_never_500(hq: Hq, path: str) -> None:
    answer = requests.get(f"{hq.url}/library/lessons/{path}", timeout=20)

    assert answer.status_code == 404, answer.text[:200]


def test_review_pages_naming_an_id_of_another_form_are_not_found(hq: Hq, laptop) -> None:
    lesson_id = submit_lesson(laptop, hq.operation_id)
    sync_once(laptop)
    add_reviewer(hq.db, name="Marie", password=PASSWORD)
    marie = Reviewer(hq.url)
    assert marie.sign_in().status_code == 303
    assert marie.get(f"/review/lessons/{lesson_id}").status_code == 200
    rev = marie.rev(lesson_id)
    _stored_before_the_check(hq, lesson_id, "lesson-1")

    page = marie.get("/review/lessons/lesson-1")
    decided = marie.post("/review/lessons/lesson-1/validate", {"rev": rev})

    assert page.status_code == 404
    assert decided.status_code == 404
    with hq.db.read() as session:
        assert session.scalar(select(HqLesson.status).where(HqLesson.id == "lesson-1")) == \
            "submitted"
    for path in ("a%2Fb", "%00", "x" * 5000, GOOD.upper()):
        assert marie.get(f"/review/lessons/{path}").status_code == 404
        assert marie.post(f"/review/lessons/{path}/publish", {"rev": rev}).status_code == 404


def test_an_operation_hq_makes_has_an_id_of_the_form_it_checks(hq: Hq) -> None:
    operation = admin.add_operation(hq.db, code="OPB", name="Operation B", country="MOZ")

    assert is_row_id(operation.id)
    assert is_row_id(hq.operation_id)

"""Row ids are checked at the door, on the real HQ server (SQLite, and PostgreSQL when set).

A pushed change whose row id, operation id or reference to another row is not written as
devices write ids (the text of a UUID: lower-case hex, 8-4-4-4-12) is held on its own,
`invalid_change` with a sentence, and the rest of the push goes on; the device lists it
like any held change. The library and review pages answer 404 for an address naming an
id of another form, even one stored before the check (a lesson with "/" in its id once
reached the feed).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
import requests
from sqlalchemy import select, update

from sync.client import sync_once
from sync.server import admin
from sync.server import lessons as hq_lessons
from sync.server.lesson_tables import HqLesson, LessonEvent
from sync.server.models import RowState
from sync.server.reviewers import add_reviewer
from sync.server.row_ids import is_row_id
from tests.sync.conftest import Hq, enrolled
from tests.sync.test_hq_protocol_v2 import Device
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

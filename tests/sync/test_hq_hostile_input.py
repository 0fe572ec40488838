"""Hostile input to the HQ API and the public library (issue 16), on a real server.

Whatever text a device stores, the Atom feed stays XML; a lone surrogate anywhere in a
push is held or refused (422), never a 500; every integer from outside is range-checked.
"""

from __future__ import annotations

import base64
import html
import json
import re
import uuid
from urllib.parse import quote
from xml.etree import ElementTree as ET

import pytest
import requests
from sqlalchemy import update

from hq import lessons as hq_lessons
from hq.lesson_tables import HqLesson
from hq.reviewers import add_reviewer
from sync.client import sync_once
from sync.tokens import TokenStore
from tests.sync.conftest import enrolled, operation_of
from tests.sync.test_lessons_hq import PASSWORD, Reviewer, submit_lesson

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def device(hq, make_profile):
    return enrolled(hq, make_profile, "laptop")


def _headers(db) -> dict[str, str]:
    token = TokenStore(db).load()
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def _push(hq, db, changes: list[dict]) -> requests.Response:
    body = json.dumps({"changes": changes})  # ASCII: lone surrogates travel as \\ud800
    return requests.post(hq.url + "/api/v1/push", data=body, headers=_headers(db), timeout=20)


def _cursor(raw: list) -> str:
    text = json.dumps(raw)
    return base64.urlsafe_b64encode(text.encode("utf-8", "surrogatepass")).decode().rstrip("=")


def test_the_feed_stays_xml_for_a_lesson_id_stored_before_ids_were_checked(hq, device):
    """HQ now holds such an id at the door (test_hq_row_ids.py); one a push stored before
    is still written safely, and its address answers 404, never a 500."""
    lesson_id = submit_lesson(device, operation_of(device))
    sync_once(device)
    with hq.db.write() as session:
        hq_lessons.validate(session, lesson_id, reviewer="Marie")
    with hq.db.write() as session:
        hq_lessons.publish(session, lesson_id, reviewer="Marie")
    odd = "lesson\x01\x1b?#/" + uuid.uuid4().hex[:8]
    with hq.db.write() as session:  # the id an older HQ let in
        session.execute(update(HqLesson).where(HqLesson.id == lesson_id).values(id=odd))
    feed = requests.get(hq.url + "/library/feed.atom", timeout=20)
    assert feed.status_code == 200
    root = ET.fromstring(feed.content)  # well-formed XML
    [entry] = root.iter(f"{ATOM}entry")
    href = entry.find(f"{ATOM}link").get("href")
    assert href.endswith("/library/lessons/" + quote(odd, safe=""))
    assert requests.get(href, timeout=20).status_code == 404  # no page for such an id
    rows = requests.get(hq.url + "/library/lessons.csv", timeout=20).content.decode("utf-8-sig")
    assert quote(odd, safe="") in rows
    page = requests.get(hq.url + "/library", timeout=20).text
    [link] = re.findall(r'href="(/library/lessons/[^"]+)"', page)
    assert "?" not in link  # the id's "?" and "#" are encoded: the link is the lesson's
    assert requests.get(hq.url + html.unescape(link), timeout=20).status_code == 404


@pytest.mark.parametrize("change", [
    {"entity": "\ud800", "fields": {"id": "x"}},
    {"entity": "lesson\udfff", "fields": {"id": "abc"}},
    {"entity": "lesson", "fields": {"id": "a\ud800b"}},
    {"entity": "lesson", "fields": {"id": "abc", "\ud800": 1}},
    {"entity": "lesson", "row_id": "abc", "change_id": "\ud800" * 8, "fields": {}},
])
def test_a_lone_surrogate_in_a_push_is_held_never_a_500(hq, device, change):
    answer = _push(hq, device, [change])
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "held"


@pytest.mark.parametrize("raw", [
    [2**63, None, None], [2**64 + 5, "contact", "x"], [-1, None, None], [True, None, None],
    [1.5, None, None], [3, "contact", None], [3, "\ud800", "x"], [3, "contact", "x\u0000"],
    [3, {"a": 1}, "x"], [3, "contact", "x" * 65],
])
def test_a_cursor_out_of_range_or_garbled_is_422_never_500(hq, device, raw):
    answer = requests.get(hq.url + "/api/v1/pull", params={"since": _cursor(raw)},
                          headers=_headers(device), timeout=20)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == "invalid_cursor"


def test_the_largest_sequence_is_still_a_cursor(hq, device):
    last = _cursor([2**63 - 1, None, None])
    answer = requests.get(hq.url + "/api/v1/pull", params={"since": last},
                          headers=_headers(device), timeout=20)
    assert answer.status_code == 200, answer.text
    assert answer.json()["rows"] == []


@pytest.mark.parametrize("limit", ["0", "-1", str(2**63), str(2**70), "2001", "1e3", "x"])
def test_a_pull_limit_out_of_range_is_422(hq, device, limit):
    answer = requests.get(hq.url + "/api/v1/pull", params={"limit": limit},
                          headers=_headers(device), timeout=20)
    assert answer.status_code == 422, answer.text


@pytest.mark.parametrize("page", ["0", "-3", str(2**63), str(10**30), "x"])
def test_library_and_review_pages_out_of_range_never_500(hq, page):
    for path in ("/library", "/review"):
        answer = requests.get(hq.url + path, params={"page": page}, timeout=20,
                              allow_redirects=False)
        assert answer.status_code < 500, (path, answer.text[:300])


def test_a_405_names_the_methods_allowed(hq, device):
    answer = requests.request("TRACE", hq.url + "/api/v1/push", headers=_headers(device),
                              timeout=20)
    assert answer.status_code == 405
    assert answer.headers["Allow"] == "POST"
    assert answer.json()["error"] == "method_not_allowed"


def test_every_error_an_endpoint_gives_is_in_the_openapi_document(hq, device):
    spec = requests.get(hq.url + "/openapi.json", timeout=20).json()["paths"]
    assert set(spec["/api/v1/handbook/{name}"]["get"]["responses"]) >= {"200", "401", "404"}
    missing = requests.get(hq.url + "/api/v1/handbook/none", headers=_headers(device),
                           timeout=20)
    assert missing.status_code == 404
    assert set(spec["/api/v1/push"]["post"]["responses"]) >= {"200", "401", "413", "415",
                                                             "422"}
    assert set(spec["/api/v1/enroll"]["post"]["responses"]) >= {"200", "401", "413", "415",
                                                               "422", "429"}


@pytest.mark.parametrize("value", ["\u00b2", "\u0661\u0662", "9" * 40, "12\u00b3"])
def test_odd_digits_in_the_library_query_are_ignored_never_500(hq, value):
    for name in ("year", "page"):
        answer = requests.get(hq.url + "/library", params={name: value}, timeout=20)
        assert answer.status_code == 200, (name, answer.text[:300])


@pytest.mark.parametrize("rev", ["\u00b2", "9" * 40])
def test_a_garbled_revision_in_a_review_form_is_refused_never_500(hq, device, rev):
    lesson_id = submit_lesson(device, operation_of(device))
    sync_once(device)
    add_reviewer(hq.db, name="Marie", password=PASSWORD)
    browser = Reviewer(hq.url)
    assert browser.sign_in().status_code == 303
    browser.get(f"/review/lessons/{lesson_id}")
    answer = browser.post(f"/review/lessons/{lesson_id}/validate", {"rev": rev})
    assert answer.status_code == 409, answer.text[:300]

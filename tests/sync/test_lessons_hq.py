"""Lessons at HQ on a real server: review by signed-in reviewers, the public library.

A real client profile submits lessons through the real sync; a reviewer signs in with a
real HTTP session (cookies, CSRF tokens read from the pages); readers fetch the library,
the feed and the CSV. SQLite always, PostgreSQL too when CMCOORD_TEST_PG_URL is set.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
import time
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import requests
from sqlalchemy import update

from fieldapp.models import Lesson
from fieldapp.services.lessons import LessonInput, create_draft, lesson_view, save_draft, submit
from hq import lessons as hq_lessons
from hq.cli import main as hq_main
from hq.lesson_tables import HqLesson, LessonEvent
from hq.models import RowState
from hq.reviewers import add_reviewer, set_disabled
from sync.client import held_changes, sync_once
from tests.sync.conftest import enrolled
from tests.sync.staff_browser import StaffBrowser

PASSWORD = "correct horse battery staple"
SCRIPT = "<script>alert('x')</script>"
ATOM = "{http://www.w3.org/2005/Atom}"


def _lesson_input(op_id: str | None, **values: object) -> LessonInput:
    base: dict[str, object] = dict(
        title="Helicopter fuel ran short at the forward base", observed_on=date(2024, 11, 3),
        operation_id=op_id, location="Port-Marie", topic="logistics",
        observation="Fuel for the contributed helicopters ran out on day three because "
                    "nobody in the civil-military cell tracked the consumption of JP-8.",
        discussion="The logistics cluster assumed the military tracked it, the military "
                   "assumed the cluster did; the coordination forum never raised it.",
        recommendation="Name one focal point for aviation fuel in the first HuMOCC meeting.",
        suggested_owner="Logistics cluster", keywords="aviation, fuel, helicopters",
        sensitivity="public")
    base.update(values)
    return LessonInput(**base)  # type: ignore[arg-type]


def submit_lesson(db, op_id: str | None, **values: object) -> str:
    """Write and submit a lesson on the device (not synced yet); its id."""
    with db.transaction() as session:
        lesson = create_draft(session, _lesson_input(op_id, **values))
        submit(session, lesson.id)
        return lesson.id


class Reviewer(StaffBrowser):
    """A reviewer's browser: a staff browser whose pages follow redirects, signed in as
    Marie unless told."""

    def get(self, path: str, **kw: object) -> requests.Response:
        kw.setdefault("allow_redirects", True)
        return super().get(path, **kw)

    def sign_in(self, name: str = "Marie", password: str = PASSWORD,
                **kw: object) -> requests.Response:
        return super().sign_in(name, password, **kw)

    def rev(self, lesson_id: str) -> str:
        page = self.get(f"/review/lessons/{lesson_id}")
        return re.search(r'name="rev" value="(\d+)"', page.text).group(1)

    def decide(self, lesson_id: str, action: str, **data: str) -> requests.Response:
        rev = self.rev(lesson_id)
        return self.post(f"/review/lessons/{lesson_id}/{action}", {"rev": rev, **data})


@pytest.fixture
def device(hq, make_profile):
    return enrolled(hq, make_profile, "laptop")


@pytest.fixture
def reviewer(hq) -> Reviewer:
    add_reviewer(hq.db, name="Marie", password=PASSWORD)
    browser = Reviewer(hq.url)
    assert browser.sign_in().status_code == 303
    return browser


def _public(hq, path: str, **params: str) -> requests.Response:
    return requests.get(hq.url + path, params=params, timeout=10)


def _device_lesson(db, lesson_id: str) -> Lesson:
    with db.session() as session:
        return session.get(Lesson, lesson_id)


def _feed_titles(hq) -> list[str]:
    feed = ET.fromstring(_public(hq, "/library/feed.atom").content)
    return [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]


def _csv_rows(hq, **params: str) -> list[list[str]]:
    response = _public(hq, "/library/lessons.csv", **params)
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_submit_validate_publish_reaches_device_and_library(hq, device, reviewer):
    lesson_id = submit_lesson(device, hq.operation_id)
    assert sync_once(device).pushed >= 1

    queue = reviewer.get("/review")
    assert "Helicopter fuel ran short" in queue.text
    assert reviewer.decide(lesson_id, "validate").status_code == 303
    sync_once(device)
    assert _device_lesson(device, lesson_id).status == "validated"
    assert _public(hq, f"/library/lessons/{lesson_id}").status_code == 404  # not yet

    done = reviewer.decide(lesson_id, "publish")
    assert done.status_code == 303
    assert "done=published" in done.headers["location"]
    sync_once(device)
    assert _device_lesson(device, lesson_id).status == "published"

    page = _public(hq, f"/library/lessons/{lesson_id}")
    assert page.status_code == 200
    assert "Name one focal point for aviation fuel" in page.text
    assert "Marovia response" in page.text
    assert lesson_id in _public(hq, "/library").text
    assert lesson_id in _public(hq, "/library", q="JP-8 consumption").text
    assert lesson_id in _public(hq, "/library", q="helicopters").text  # stemmed
    assert lesson_id not in _public(hq, "/library", q="earthquake").text
    assert _feed_titles(hq) == ["Helicopter fuel ran short at the forward base"]
    rows = _csv_rows(hq)
    assert rows[0][0] == "Title"
    assert rows[1][0] == "Helicopter fuel ran short at the forward base"
    assert rows[1][-1].endswith(f"/library/lessons/{lesson_id}")
    with hq.db.read() as session:
        events = [(e.action, e.actor)
                  for e in session.query(LessonEvent).order_by(LessonEvent.id)]
    assert events == [("submit", "Ana"), ("validate", "Marie"), ("publish", "Marie")]


def test_internal_and_unpublished_lessons_are_never_public(hq, device, reviewer):
    internal = submit_lesson(device, hq.operation_id, title="Internal escort incident",
                             sensitivity="internal", keywords="zebracode")
    waiting = submit_lesson(device, hq.operation_id, title="Awaiting review",
                            keywords="zebracode")
    sync_once(device)
    assert reviewer.decide(internal, "validate").status_code == 303
    refused = reviewer.decide(internal, "publish")
    assert refused.status_code == 409
    assert "internal lessons are never published" in refused.text

    # Even a row forced to "published" in the database stays out of sight when internal.
    with hq.db.write() as session:
        session.execute(update(HqLesson).where(HqLesson.id == internal).values(
            status="published", published_at=datetime.now(UTC)))
    for lesson_id in (internal, waiting):
        assert _public(hq, f"/library/lessons/{lesson_id}").status_code == 404
        assert lesson_id not in _public(hq, "/library").text
        assert lesson_id not in _public(hq, "/library", q="zebracode").text
        assert not any(lesson_id in ",".join(row) for row in _csv_rows(hq, q="zebracode"))
    assert _feed_titles(hq) == []
    for variant in (internal.upper(), f"{internal}%20", f"{internal}'%20OR%20'1'='1"):
        assert _public(hq, f"/library/lessons/{variant}").status_code == 404


def test_a_device_cannot_publish_its_own_lesson(hq, device):
    lesson_id = submit_lesson(device, hq.operation_id)
    with device.transaction() as session:  # a tampered or buggy client
        session.get(Lesson, lesson_id).status = "published"
    sync_once(device)
    with hq.db.read() as session:
        assert session.query(HqLesson).filter_by(id=lesson_id).one().status == "submitted"
    assert _public(hq, f"/library/lessons/{lesson_id}").status_code == 404
    sync_once(device)  # HQ tells the device what it really is
    assert _device_lesson(device, lesson_id).status == "submitted"


def test_returned_lesson_comes_back_editable_with_the_comment(hq, device, reviewer):
    lesson_id = submit_lesson(device, hq.operation_id)
    sync_once(device)
    empty = reviewer.decide(lesson_id, "return", comment="  ")
    assert empty.status_code == 422
    assert "Say what the officer should change" in empty.text
    comment = "Say which base, and who ran out first."
    assert reviewer.decide(lesson_id, "return", comment=comment).status_code == 303
    assert sync_once(device).pulled >= 1
    with device.session() as session:
        view = lesson_view(session, lesson_id)
    assert view.status == "returned"
    assert view.hq_comment == comment
    assert view.editable

    with device.transaction() as session:
        data = view.data
        data.location = "Forward base Kilo, Port-Marie"
        save_draft(session, lesson_id, data)
        submit(session, lesson_id)
    sync_once(device)
    queue = reviewer.get("/review")
    assert "Helicopter fuel ran short" in queue.text
    assert "Forward base Kilo" in reviewer.get(f"/review/lessons/{lesson_id}").text


def test_reviewer_edits_are_logged_and_reach_the_device(hq, device, reviewer):
    lesson_id = submit_lesson(device, hq.operation_id)
    sync_once(device)
    rev = reviewer.rev(lesson_id)
    page = reviewer.get(f"/review/lessons/{lesson_id}").text
    fields = {name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1)
              for name in ("title", "location", "suggested_owner", "keywords")}
    parts = {name: _lesson_input(None).__dict__[name]
             for name in ("observation", "discussion", "recommendation")}
    form = {**fields, **{k: v.replace("\n", "\r\n") for k, v in parts.items()},
            "topic": "logistics", "rev": rev,
            "title": "Aviation fuel ran short at the forward base"}
    done = reviewer.post(f"/review/lessons/{lesson_id}/edit", form)
    assert done.status_code == 303
    assert "done=edited" in done.headers["location"]
    history = reviewer.get(f"/review/lessons/{lesson_id}").text
    assert "Helicopter fuel ran short at the forward base" in history  # the before
    with hq.db.read() as session:
        edits = session.query(LessonEvent).filter_by(action="edit").all()
    assert [(e.field, e.actor, e.after) for e in edits] == [
        ("title", "Marie", "Aviation fuel ran short at the forward base")]
    sync_once(device)
    assert _device_lesson(device, lesson_id).title == "Aviation fuel ran short at the forward base"

    too_short = reviewer.post(f"/review/lessons/{lesson_id}/edit",
                              {**form, "rev": reviewer.rev(lesson_id), "observation": "Short."})
    assert too_short.status_code == 422
    assert "Write at least 80 characters of observation" in too_short.text
    stale = reviewer.post(f"/review/lessons/{lesson_id}/validate", {"rev": rev})
    assert stale.status_code == 409
    assert "changed since you opened it" in stale.text


def test_reviewer_sign_in_is_required_and_checked(hq, device):
    lesson_id = submit_lesson(device, hq.operation_id)
    sync_once(device)
    add_reviewer(hq.db, name="Marie", password=PASSWORD)
    anonymous = Reviewer(hq.url)
    to_signin = anonymous.http.get(hq.url + "/review", allow_redirects=False)
    assert to_signin.status_code == 303
    assert to_signin.headers["location"] == "/review/signin?next=/review"
    deep = anonymous.http.get(hq.url + "/review?status=returned&page=2", allow_redirects=False)
    assert deep.headers["location"] == \
        "/review/signin?next=/review%3Fstatus%3Dreturned%26page%3D2"
    assert anonymous.http.get(f"{hq.url}/review/lessons/{lesson_id}",
                              allow_redirects=False).status_code == 303
    blind = anonymous.post(f"/review/lessons/{lesson_id}/validate", {"rev": "1"})
    assert blind.status_code == 303
    assert blind.headers["location"].startswith("/review/signin")

    wrong = anonymous.sign_in(password="not the password at all")
    assert wrong.status_code == 401
    assert "The name or the password is wrong" in wrong.text
    assert "cmcoord_hq_session" not in anonymous.http.cookies
    assert anonymous.sign_in(name="Nobody").status_code == 401

    form = anonymous.get(deep.headers["location"])  # the form keeps the whole address
    kept = html.unescape(re.search(r'name="next" value="([^"]+)"', form.text).group(1))
    back = anonymous.post("/review/signin", {"name": "Marie", "password": PASSWORD,
                                             "next": kept})
    assert back.headers["location"] == "/review?status=returned&page=2"
    anonymous.http.cookies.clear()

    ok = anonymous.sign_in()
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Path=/" in cookie
    assert anonymous.get("/review").status_code == 200
    assert anonymous.post("/review/signout", {}).status_code == 303
    anonymous.http.cookies.set("cmcoord_hq_session", ok.cookies["cmcoord_hq_session"])
    assert anonymous.http.get(hq.url + "/review", allow_redirects=False).status_code == 303

    assert anonymous.sign_in().status_code == 303
    set_disabled(hq.db, name="Marie", disabled=True)
    assert anonymous.http.get(hq.url + "/review", allow_redirects=False).status_code == 303
    assert anonymous.sign_in().status_code == 401
    with hq.db.read() as session:
        assert session.query(HqLesson).filter_by(id=lesson_id).one().status == "submitted"


def test_every_post_needs_the_sessions_csrf_token(hq, device, reviewer):
    lesson_id = submit_lesson(device, hq.operation_id)
    sync_once(device)
    rev = reviewer.rev(lesson_id)
    for token in ("", "forged-token"):
        refused = reviewer.post(f"/review/lessons/{lesson_id}/validate", {"rev": rev},
                                csrf=token)
        assert refused.status_code == 403
        assert reviewer.post("/review/signout", {}, csrf=token).status_code == 403
        for action, data in (("return", {"comment": "Say more."}), ("publish", {}),
                             ("edit", {"title": "Forged title"})):
            refused = reviewer.post(f"/review/lessons/{lesson_id}/{action}",
                                    {"rev": rev, **data}, csrf=token)
            assert refused.status_code == 403, action
    with hq.db.read() as session:
        assert session.query(HqLesson).filter_by(id=lesson_id).one().status == "submitted"
        assert session.query(HqLesson).filter_by(id=lesson_id).one().title != "Forged title"
        assert session.query(LessonEvent).filter_by(actor="Marie").count() == 0
    assert reviewer.get("/review").status_code == 200  # still signed in

    # The sign-in form too: its token must match the cookie set with the form.
    stranger = requests.post(hq.url + "/review/signin", allow_redirects=False,
                             data={"name": "Marie", "password": PASSWORD, "csrf": "x"})
    assert stranger.status_code == 403
    assert "cmcoord_hq_session" not in stranger.cookies


def test_script_in_every_field_is_shown_as_text_everywhere(hq, device, reviewer):
    long_part = f"{SCRIPT} " + "the convoy waited at the checkpoint " * 4
    lesson_id = submit_lesson(
        device, None, title=f"{SCRIPT} title", exercise_name=f"{SCRIPT} exercise",
        location=f"{SCRIPT} location", observation=long_part, discussion=long_part,
        recommendation=long_part, suggested_owner=f"{SCRIPT} owner",
        keywords=f"=HYPERLINK(\"http://evil\") {SCRIPT}")
    sync_once(device)
    reviewer.decide(lesson_id, "validate")
    reviewer.decide(lesson_id, "publish")
    pages = [
        _public(hq, "/library"), _public(hq, "/library", q="convoy checkpoint"),
        _public(hq, f"/library/lessons/{lesson_id}"), reviewer.get("/review?status=published"),
        reviewer.get(f"/review/lessons/{lesson_id}"),
        _public(hq, "/library", q=SCRIPT, topic=SCRIPT, year=SCRIPT, operation=SCRIPT),
    ]
    for page in pages:
        assert page.status_code == 200, page.url
        assert "<script" not in page.text, page.url
    detail = pages[2].text
    for part in ("title", "exercise", "location", "owner"):
        assert f"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {part}" in detail
    headers = pages[2].headers
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none'
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"

    feed = _public(hq, "/library/feed.atom")
    assert b"<script" not in feed.content
    assert _feed_titles(hq) == [f"{SCRIPT} title"]  # parsed back: the text, intact
    row = _csv_rows(hq)[1]
    assert row[0] == f"{SCRIPT} title"
    assert row[9].startswith("'=HYPERLINK")  # no formula runs in a spreadsheet


def test_library_filters_pages_and_odd_queries(hq, device):
    ids = []
    for n in range(23):
        ids.append(submit_lesson(
            device, hq.operation_id if n % 2 else None, title=f"Lesson number {n}",
            exercise_name="" if n % 2 else "Viking 24",
            topic="security_armed_escorts" if n < 5 else "logistics",
            observed_on=date(2023 if n < 3 else 2024, 5, 1)))
    sync_once(device)
    with hq.db.write() as session:
        for lesson_id in ids:
            hq_lessons.validate(session, lesson_id, reviewer="Marie")
            hq_lessons.publish(session, lesson_id, reviewer="Marie")
    first = _public(hq, "/library")
    assert "23 lessons" in first.text
    assert "Page 1 of 2" in first.text
    assert "Lesson number 22" in first.text  # newest first
    second = _public(hq, "/library", page="2")
    assert second.text.count('class="card"') == 3
    escorts = _public(hq, "/library", topic="security_armed_escorts")
    assert "5 lessons" in escorts.text
    assert "3 lessons" in _public(hq, "/library", year="2023").text
    exercise = _public(hq, "/library", operation="exercise:Viking 24")
    assert "12 lessons" in exercise.text
    assert "Viking 24 (exercise)" in exercise.text
    assert "11 lessons" in _public(hq, "/library", operation=hq.operation_id).text
    csv_rows = _csv_rows(hq, topic="security_armed_escorts")
    assert len(csv_rows) == 1 + 5
    for odd in ('"unbalanced', "AND OR NOT", "*", "fuel NEAR(", "-", "'; DROP TABLE x; --",
                "x" * 500, "\u00e9t\u00e9 \u0628\u063a\u062f\u0627\u062f"):
        assert _public(hq, "/library", q=odd).status_code == 200
    assert _public(hq, "/library", page="999999").status_code == 200


def test_reviewer_cli_adds_and_lists(hq, monkeypatch, capsys):
    db_url = str(hq.db.engine.url.render_as_string(hide_password=False))
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert hq_main(["reviewer", "add", "Jon Snow", "--password-stdin", "--database",
                    db_url]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert hq_main(["reviewer", "add", "Too Short", "--password-stdin", "--database",
                    db_url]) == 1
    assert hq_main(["reviewer", "list", "--database", db_url]) == 0
    out, err = capsys.readouterr()
    assert "Account Jon Snow added with the roles reviewer" in out
    assert re.search(r"Jon Snow\s+active\s+reviewer\s+last sign-in never", out)
    assert "at least 12 characters" in err
    browser = Reviewer(hq.url)
    assert browser.sign_in(name="Jon Snow").status_code == 303


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which(
        "google-chrome")


def test_public_library_in_a_real_headless_browser(hq, device, reviewer, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium installed (apt-get install chromium) for the browser check")
    lesson_id = submit_lesson(device, hq.operation_id, title=f"{SCRIPT} in a browser")
    sync_once(device)
    reviewer.decide(lesson_id, "validate")
    reviewer.decide(lesson_id, "publish")
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         f"--user-data-dir={tmp_path / 'chrome'}", "--dump-dom",
         f"{hq.url}/library?q=helicopter"],
        capture_output=True, text=True, timeout=90, check=False).stdout
    assert 'class="card"' in dom
    assert f'href="/library/lessons/{lesson_id}"' in dom
    assert "&lt;script&gt;alert('x')&lt;/script&gt; in a browser" in dom  # shown as text
    assert "<script>" not in dom  # never became an element


def test_migration_projects_lessons_synced_before_it(hq_database_url):
    """Lessons already at HQ enter the review queue; a claimed status is not believed."""
    from sqlalchemy import text

    from hq.db import make_engine, run_migrations

    engine = make_engine(hq_database_url)
    run_migrations(engine, target="0001_hq_initial")
    fields = ('{"title": "Old lesson", "status": "published", "sensitivity": "public", '
              '"observed_on": "2024-03-02", "topic": "no_such_topic", '
              '"observation": "Convoys waited at the checkpoint"}')
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO row_states (entity, row_id, operation_id, fields, field_revs, "
            "deleted, seq, others_seq, updated_at) VALUES ('lesson', 'L1', NULL, :f, '{}', "
            "false, 1, 0, '2025-01-01 00:00:00')"), {"f": fields})
    run_migrations(engine)
    from hq.db import HqDatabase
    from hq.library import LibraryQuery, search_library

    db = HqDatabase(engine)
    with db.write() as session:
        lesson = session.query(HqLesson).filter_by(id="L1").one()
        assert (lesson.status, lesson.topic, lesson.observed_on) == (
            "submitted", "other", date(2024, 3, 2))
        hq_lessons.review_view(session, "L1")  # in the queue
    with db.read() as session:
        assert search_library(session, LibraryQuery(q="checkpoint")).total == 0  # not public
    db.close()


def test_filter_lists_are_refreshed_behind_the_reader(hq, device):
    from hq.library import FacetCache

    lesson_id = submit_lesson(device, None, exercise_name="Viking 24")
    sync_once(device)
    cache = FacetCache(hq.db, ttl=0.0)
    with hq.db.read() as session:
        assert cache.get(session).sources == []
    with hq.db.write() as session:
        hq_lessons.validate(session, lesson_id, reviewer="Marie")
        hq_lessons.publish(session, lesson_id, reviewer="Marie")
    with hq.db.read() as session:
        assert cache.get(session).sources == []  # the stale lists, at once
    for _ in range(100):  # while a thread recomputes them
        with hq.db.read() as session:
            if cache.get(session).sources:
                break
        time.sleep(0.05)
    with hq.db.read() as session:
        assert cache.get(session).sources == [("exercise:Viking 24", "Viking 24 (exercise)")]
    cache.clear()
    with hq.db.read() as session:
        assert cache.get(session).years == [2024]


def test_repeated_wrong_passwords_lock_the_sign_in_for_a_while(hq):
    add_reviewer(hq.db, name="Marie", password=PASSWORD)
    guesser = Reviewer(hq.url)
    for _ in range(5):
        assert guesser.sign_in(password="not-the-password").status_code == 401
    locked = guesser.sign_in()  # even the right password waits now
    assert locked.status_code == 429
    assert "Too many failed sign-ins. Try again in 15 minutes." in locked.text
    assert "cmcoord_hq_session" not in guesser.http.cookies


def test_sign_in_throttle_forgets_old_failures_and_successes_clear_a_name():
    from hq.throttle import SignInThrottle

    now = [1000.0]
    throttle = SignInThrottle(max_failures=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        throttle.failed("name:marie", "address:10.0.0.1")
    assert throttle.wait_seconds("name:marie") == 61
    assert throttle.wait_seconds("name:someone", "address:10.0.0.1") == 61
    now[0] += 30
    assert throttle.wait_seconds("name:marie") == 31
    now[0] += 31
    assert throttle.wait_seconds("name:marie", "address:10.0.0.1") == 0
    throttle.failed("name:ana")
    throttle.failed("name:ana")
    throttle.succeeded("name:ana")
    throttle.failed("name:ana")
    assert throttle.wait_seconds("name:ana") == 0


# --- the language a lesson is written in (issue 15) ------------------------------------


def _publish(hq, *lesson_ids: str) -> None:
    with hq.db.write() as session:
        for lesson_id in lesson_ids:
            hq_lessons.validate(session, lesson_id, reviewer="Marie")
            hq_lessons.publish(session, lesson_id, reviewer="Marie")


def _hq_lesson(hq, lesson_id: str) -> HqLesson | None:
    with hq.db.read() as session:
        return session.query(HqLesson).filter_by(id=lesson_id).one_or_none()


def test_a_french_lesson_reaches_the_library_filtered_by_its_language(hq, device):
    french = submit_lesson(device, hq.operation_id, language="fr",
                           title="Le carburant des h\u00e9licopt\u00e8res a manqu\u00e9")
    english = submit_lesson(device, hq.operation_id, language="en",
                            title="Helicopter fuel ran short")
    sync_once(device)
    assert _hq_lesson(hq, french).language == "fr"
    assert _hq_lesson(hq, english).language == "en"
    with hq.db.read() as session:
        assert session.get(RowState, ("lesson", french)).fields["language"] == "fr"
    _publish(hq, french, english)

    listed = _public(hq, "/library", language="fr")
    assert french in listed.text
    assert english not in listed.text
    assert "1 lesson" in listed.text
    assert "Written in Fran\u00e7ais" in listed.text
    assert '<option value="fr" lang="fr" selected>Fran\u00e7ais</option>' in listed.text
    assert english in _public(hq, "/library", language="en").text
    both = _public(hq, "/library", language="de")  # unknown: no filter, like a topic
    assert french in both.text
    assert english in both.text
    assert [row[0] for row in _csv_rows(hq, language="fr")[1:]] == [
        "Le carburant des h\u00e9licopt\u00e8res a manqu\u00e9"]
    page = _public(hq, f"/library/lessons/{french}").text
    assert '<dt>Written in</dt><dd lang="fr">Fran\u00e7ais</dd>' in page
    sync_once(device)  # HQ's decisions come back; the language stays the officer's
    assert _device_lesson(device, french).language == "fr"
    assert _device_lesson(device, french).status == "published"


def test_a_lesson_in_a_language_hq_does_not_know_is_held_with_the_reason(hq, device):
    with device.transaction() as session:  # a newer or tampered client
        lesson = Lesson(operation_id=hq.operation_id, title="Auf Deutsch", language="de")
        session.add(lesson)
        session.flush()
        lesson_id = lesson.id
    assert sync_once(device).held == 1
    with device.session() as session:
        [held] = held_changes(session)
    assert (held.row_id, held.code) == (lesson_id, "invalid_value")
    assert "The value of 'language' is not one of en, fr, es." in held.reason
    assert _hq_lesson(hq, lesson_id) is None
    with hq.db.read() as session:
        assert session.get(RowState, ("lesson", lesson_id)) is None


def test_an_older_device_that_sends_no_language_leaves_the_lesson_english(hq, device):
    """Fake: a build before the language existed cannot run here; hiding the column from
    sync while it writes and syncs is what that build sends."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Lesson, "__local_columns__", Lesson.__local_columns__ | {"language"})
        lesson_id = submit_lesson(device, hq.operation_id, language="fr")
        sync_once(device)
    with hq.db.read() as session:
        assert "language" not in session.get(RowState, ("lesson", lesson_id)).fields
    assert _hq_lesson(hq, lesson_id).language == "en"


def _hq_downgrade(engine, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    from hq import db as hq_db

    config = Config()
    config.set_main_option("script_location", str(Path(hq_db.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, target)


def test_lesson_language_migration_round_trip(hq_database_url):
    """0006: lessons HQ holds are English, except those a newer device already sent with a
    language (kept in the synced row); down and up again keeps the search triggers."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect, text

    from hq.db import HqDatabase, make_engine, run_migrations
    from hq.models import ServerBase

    engine = make_engine(hq_database_url)
    run_migrations(engine, target="0005_hq_sync_v2")
    with engine.begin() as conn:
        for row_id, fields in (("L1", '{"title": "Fuel", "status": "submitted", '
                                      '"language": "fr"}'),
                               ("L2", '{"title": "Escorts", "status": "submitted"}')):
            conn.execute(text(
                "INSERT INTO row_states (entity, row_id, operation_id, fields, field_revs, "
                "deleted, seq, others_seq, updated_at) VALUES ('lesson', :id, NULL, :f, "
                "'{}', false, 1, 0, '2025-01-01 00:00:00')"), {"id": row_id, "f": fields})
            conn.execute(text(
                "INSERT INTO hq_lessons (id, title, exercise_name, location, topic, "
                "observation, discussion, recommendation, suggested_owner, keywords, "
                "sensitivity, status, hq_comment, deleted, reviewed_by, updated_at) VALUES "
                "(:id, 'Fuel', '', '', 'other', '', '', '', '', '', 'internal', 'submitted', "
                "'', false, '', '2025-01-01 00:00:00')"), {"id": row_id})

    def languages() -> dict[str, str]:
        with engine.connect() as conn:
            return dict(conn.execute(text("SELECT id, language FROM hq_lessons")).all())

    run_migrations(engine)
    assert languages() == {"L1": "fr", "L2": "en"}
    with engine.connect() as conn:
        made_by_hand = ("_fts", "search_vector", "ix_hq_lessons_search")  # per dialect, 0002
        context = MigrationContext.configure(conn, opts={"include_name": lambda name, _k, _p: (
            not any(part in (name or "") for part in made_by_hand))})
        assert compare_metadata(context, ServerBase.metadata) == []

    _hq_downgrade(engine, "0005_hq_sync_v2")
    columns = {c["name"] for c in inspect(engine).get_columns("hq_lessons")}
    assert "language" not in columns
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            triggers = set(conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'hq_lessons'")).scalars())
        assert triggers == {"hq_lessons_fts_ai", "hq_lessons_fts_ad", "hq_lessons_fts_au"}

    run_migrations(engine)
    assert languages() == {"L1": "fr", "L2": "en"}
    HqDatabase(engine).close()

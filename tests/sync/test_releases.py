"""HQ announces a newer version of the desktop application (issue 19): `cmcoord-hq release
announce`, the `release` field of the pull answer, and what the device keeps and shows.
On SQLite, and on PostgreSQL when CMCOORD_TEST_PG_URL is set (the `hq` fixture)."""

from __future__ import annotations

import json

import pytest
import requests

from fieldapp import __version__
from hq import admin
from hq.cli import main
from hq.errors import AdminError
from hq.release_tables import Release
from hq.releases import announce, check_release, history, latest
from sync import local
from sync.client import sync_once
from sync.releases import (
    RELEASE,
    announced_release,
    is_newer,
    newer_release,
    note_release,
    version_key,
)
from sync.tokens import TokenStore
from tests.sync.conftest import enrolled

NEWER = "99.1.0"


def _pull(hq, db, since: str = "") -> dict:
    token = TokenStore(db).load()
    answer = requests.get(f"{hq.url}/api/v1/pull", params={"since": since, "limit": 50},
                          headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_newest_announcement_reaches_a_device_once_and_is_shown(hq, make_profile):
    db = enrolled(hq, make_profile, "laptop")
    with db.session() as session:
        assert newer_release(session) is None  # nothing announced: nothing shown
    cursor_before = _pull(hq, db)["next"]
    assert "release" not in _pull(hq, db, cursor_before)

    announce(hq.db, "99.0.0", "https://example.org/fieldkit/99.0.0/", "First.")
    announce(hq.db, NEWER, "https://example.org/fieldkit/99.1.0/",
             "Faster start.\nArabic fixes.")

    page = _pull(hq, db, cursor_before)
    assert page["release"]["version"] == NEWER  # the newest, not every announcement
    assert page["release"]["url"] == "https://example.org/fieldkit/99.1.0/"
    assert page["release"]["notes"] == "Faster start.\nArabic fixes."
    assert "release" not in _pull(hq, db, page["next"])  # once: the cursor is past it

    result = sync_once(db)
    assert result.requests == 1  # the announcement costs the device no request of its own
    with db.session() as session:
        shown = newer_release(session)
    assert shown is not None
    assert (shown.version, shown.url) == (NEWER, "https://example.org/fieldkit/99.1.0/")
    assert shown.notes == "Faster start.\nArabic fixes."

    sync_once(db)  # the next sync brings nothing new and forgets nothing
    with db.session() as session:
        assert newer_release(session) == shown


def test_a_device_enrolled_after_the_announcement_hears_of_it(hq, make_profile):
    announce(hq.db, NEWER, "https://example.org/fk.zip")
    db = enrolled(hq, make_profile, "new-laptop")  # its first sync has an empty cursor
    with db.session() as session:
        assert newer_release(session).version == NEWER


def test_an_older_or_equal_version_is_not_shown(hq, make_profile):
    db = enrolled(hq, make_profile, "laptop")
    announce(hq.db, __version__, "https://example.org/same")
    sync_once(db)
    with db.session() as session:
        assert announced_release(session).version == __version__  # kept…
        assert newer_release(session) is None  # …but not shown: it is this version


def test_the_announcement_is_stored_at_hq(hq):
    announce(hq.db, "99.0.0", "https://example.org/a")
    announce(hq.db, NEWER, "https://example.org/b", "notes")
    with hq.db.read() as session:
        assert latest(session).version == NEWER
        assert [a.version for a in history(session)] == [NEWER, "99.0.0"]
        assert session.query(Release).count() == 2


@pytest.mark.parametrize(("version", "url", "notes", "code"), [
    ("next", "https://example.org/x", "", "bad_version"),
    ("1.0 beta", "https://example.org/x", "", "bad_version"),
    ("1" * 41, "https://example.org/x", "", "bad_version"),
    ("1.2.0", "ftp://example.org/x", "", "bad_url"),
    ("1.2.0", "javascript:alert(1)", "", "bad_url"),
    ("1.2.0", "https://", "", "bad_url"),
    ("1.2.0", "https://example.org/a b", "", "bad_url"),
    ("1.2.0", "https://example.org/" + "x" * 500, "", "bad_url"),
    ("1.2.0", "https://example.org/x", "n" * 2001, "notes_too_long"),
])
def test_bad_announcements_are_refused(version, url, notes, code):
    with pytest.raises(AdminError) as refused:
        check_release(version, url, notes)
    assert refused.value.code == code


@pytest.mark.parametrize("version", ["1.2", "1.2.3", "1.2.3rc1", "2027.1", "1.0.post2"])
def test_good_versions_pass(version):
    assert check_release(f" {version} ", "https://example.org/x", "")[0] == version


def test_cli_announces_and_lists(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hq.sqlite'}"
    monkeypatch.setenv("CMCOORD_HQ_DATABASE", url)
    assert main(["release", "list"]) == 0
    assert "No version announced yet" in capsys.readouterr().out
    assert main(["release", "announce", "0.3.0", "https://example.org/fk-0.3.0.zip",
                 "--notes", "Portable mode"]) == 0
    assert "Version 0.3.0 announced" in capsys.readouterr().out
    assert main(["release", "announce", "soon", "https://example.org/x"]) == 1
    assert "not a version number" in capsys.readouterr().err
    assert main(["release", "list"]) == 0
    listed = capsys.readouterr().out
    assert "0.3.0  https://example.org/fk-0.3.0.zip  (newest" in listed


def test_the_device_keeps_only_well_formed_announcements(make_profile):
    db = make_profile("laptop")
    with db.transaction() as session:
        for bad in (None, "1.0", {"version": "1.0"}, {"version": 2, "url": "https://x.org"},
                    {"version": "2.0", "url": "file:///etc/passwd"},
                    {"version": "2.0", "url": "javascript:alert(1)"},
                    {"version": "<b>2.0</b>", "url": "https://x.org"},
                    {"version": "2.0", "url": "https://x.org", "notes": 5}):
            note_release(session, bad)
        assert local.get_state(session, RELEASE) == ""
        note_release(session, {"version": "99.0", "url": "https://x.org/d",
                               "notes": "n" * 5000, "announced_at": "2026-12-07T08:00:00"})
        kept = json.loads(local.get_state(session, RELEASE))
    assert kept["version"] == "99.0"
    assert len(kept["notes"]) == 2000
    with db.transaction() as session:  # a damaged state row is no announcement
        local.set_state(session, RELEASE, "{not json")
        assert announced_release(session) is None


@pytest.mark.parametrize(("newer", "older"), [
    ("0.2.0", "0.1.0"), ("0.10.0", "0.9.9"), ("1.0", "1.0rc1"), ("1.0.post1", "1.0"),
    ("1.0rc2", "1.0rc1"), ("2", "1.99.99"), ("1.0.1", "1"),
])
def test_version_order(newer, older):
    assert is_newer(newer, older)
    assert not is_newer(older, newer)


def test_equal_versions_are_not_newer():
    assert version_key("1.0") == version_key("1.0.0")
    assert not is_newer("1.0.0", "1.0")


def test_pull_answer_without_release_where_hq_has_none(hq):
    # an HQ with no announcement sends no `release` field: old devices see nothing new
    code, _ = admin.make_enrollment_code(hq.db, officer=hq.officer)
    enrolled_answer = requests.post(f"{hq.url}/api/v1/enroll",
                                    json={"code": code, "device_name": "x"}, timeout=10)
    token = enrolled_answer.json()["token"]
    page = requests.get(f"{hq.url}/api/v1/pull", headers={"Authorization": f"Bearer {token}"},
                        timeout=10).json()
    assert "release" not in page or page["release"] is None

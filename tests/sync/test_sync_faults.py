"""Bad input and bad links against a real HQ: auth, scoping, size, schema, cut connections,
captive portals, timeouts. A failed response never changes local data."""

from __future__ import annotations

import hashlib
import http.server
import logging
import os
import shutil
import socket
import threading
import uuid

import pytest
import requests
from sqlalchemy import func, select

from bench.link import DROP_RESPONSE, TRUNCATE, LinkEmulator
from fieldapp.handbook.edition import bundled_path, peek_edition_name
from fieldapp.handbook.store import EDITION_SETTING
from fieldapp.models import Contact, OutboxEntry
from fieldapp.services.settings import get_setting
from hq import admin
from hq.models import Change, Device, EnrollmentCode, RowState, ServerBase
from sync import local
from sync.client import enroll, sync_log, sync_once
from sync.errors import SyncError
from sync.tokens import TokenStore
from sync.transport import Transport
from tests.sync.conftest import enrolled, start_hq


def _contacts(db, op_id, count, *, role="Logistics"):
    with db.transaction() as session:
        session.add_all(Contact(operation_id=op_id, given_name=f"Person {n}", role=role)
                        for n in range(count))


def _count(db, model):
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _token(db):
    return TokenStore(db).load()


def test_enrollment_code_is_one_time_and_expires(hq, make_profile):
    a = make_profile("a")
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    enrollment = enroll(a, hq.url, code.lower().replace("-", " "))
    assert enrollment.officer_name == "Ana"
    assert enrollment.token_storage == "database"  # no keyring here: never a plain file
    assert not TokenStore(a).legacy_file.exists()
    assert _token(a)
    with pytest.raises(SyncError, match="already used") as used:
        enroll(make_profile("b"), hq.url, code)
    assert used.value.code == "code_used"
    old, _ = admin.make_enrollment_code(hq.db, officer="Ana", hours=-1)
    with pytest.raises(SyncError, match="expired"):
        enroll(make_profile("c"), hq.url, old)
    with pytest.raises(SyncError, match="not known"):
        enroll(make_profile("d"), hq.url, "AAAA-BBBB-CC")


def test_no_token_and_revoked_device_get_401(hq, make_profile):
    answer = requests.get(f"{hq.url}/api/v1/pull", timeout=5)
    assert answer.status_code == 401
    assert answer.json()["error"] == "token_missing"
    a = enrolled(hq, make_profile, "a")
    [device] = admin.list_devices(hq.db)
    admin.revoke_device(hq.db, device.id[:8])
    _contacts(a, hq.operation_id, 1)
    with pytest.raises(SyncError, match="revoked") as refused:
        sync_once(a)
    assert refused.value.status == 401
    assert refused.value.retry_later is False
    assert _count(a, OutboxEntry) == 1  # kept for after re-enrollment
    with a.session() as session:
        assert sync_log(session)[0]["result"] == "error"


def test_every_api_endpoint_needs_a_known_token_and_secrets_are_kept_hashed(
        hq, make_profile, caplog):
    caplog.set_level(logging.DEBUG)
    a = make_profile("a")
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    enroll(a, hq.url, code)
    token = _token(a)
    sync_once(a)
    for method, path in (("GET", "/api/v1/pull"), ("POST", "/api/v1/push"),
                         ("GET", "/api/v1/handbook/2026.1")):
        for headers, error in (({}, "token_missing"), ({"Authorization": token}, "token_missing"),
                               ({"Authorization": "Bearer not-a-token"}, "token_invalid")):
            answer = requests.request(method, hq.url + path, json={"changes": []},
                                      headers=headers, timeout=5)
            assert (answer.status_code, answer.json()["error"]) == (401, error), (path, headers)
    with hq.db.read() as session:
        assert session.scalars(select(Device.token_hash)).one() == \
            hashlib.sha256(token.encode()).hexdigest()
        clear = code.replace("-", "")
        assert session.scalars(select(EnrollmentCode.code_hash)).one() == \
            hashlib.sha256(clear.encode()).hexdigest()
        for table in ServerBase.metadata.sorted_tables:  # neither is kept anywhere in clear
            for row in session.execute(select(table)):
                assert token not in repr(row), table.name
                assert clear not in repr(row), table.name
    assert "enrolled for officer" in caplog.text  # logged, and without a secret
    assert token not in caplog.text
    assert code not in caplog.text
    assert clear not in caplog.text


def test_another_operations_data_is_held_and_the_rest_applied(hq, make_profile):
    other = admin.add_operation(hq.db, code="OTH", name="Other response", country="PHL")
    admin.add_officer(hq.db, name="Bob")
    admin.assign(hq.db, officer="Bob", operation="OTH")
    a = enrolled(hq, make_profile, "a")
    link = Transport(hq.url, token=_token(a))
    intruders = [{"entity": "contact", "fields": {"id": str(uuid.uuid4()), "deleted": False,
                                                  "operation_id": other.id}}
                 for _ in range(2)]
    mine_id = str(uuid.uuid4())
    mine = {"entity": "contact", "fields": {"id": mine_id, "deleted": False,
                                            "operation_id": hq.operation_id}}
    answer = link.post_json("/api/v1/push", {"changes": [intruders[0], mine, intruders[1]]})
    held = [r for r in answer["results"] if r.get("status") == "held"]
    assert [r["code"] for r in held] == ["not_in_your_operations"] * 2
    assert "rev" not in held[0]
    assert isinstance(answer["results"][1]["rev"], int)
    with hq.db.read() as session:
        assert session.scalar(select(func.count()).select_from(RowState)
                              .where(RowState.operation_id == other.id)) == 1  # its own row
        assert session.get(RowState, ("contact", mine_id)) is not None
    answer = requests.get(f"{hq.url}/api/v1/pull", params={"operation": other.id},
                          headers={"Authorization": f"Bearer {_token(a)}"}, timeout=5)
    assert answer.status_code == 403
    assert answer.json()["error"] == "forbidden_operation"


def test_oversized_body_is_413_and_malformed_is_422(hq_database_url, make_profile):
    server, db = start_hq(hq_database_url, max_body_bytes=4096)
    admin.add_officer(db, name="Ana")
    with server:
        hq_url = server.url
        a = make_profile("a")
        code, _ = admin.make_enrollment_code(db, officer="Ana")
        enroll(a, hq_url, code)
        headers = {"Authorization": f"Bearer {_token(a)}"}
        big = requests.post(f"{hq_url}/api/v1/push", data=b"x" * 5000, headers=headers,
                            timeout=5)
        assert big.status_code == 413
        assert big.json()["error"] == "body_too_large"
        bad = requests.post(f"{hq_url}/api/v1/push", data=b'{"changes": [',
                            headers={**headers, "Content-Type": "application/json"}, timeout=5)
        assert bad.status_code == 422
        assert "not valid JSON" in bad.json()["detail"]
        wrong = requests.post(f"{hq_url}/api/v1/push", json={"changes": {"entity": "spy"}},
                              headers=headers, timeout=5)
        assert wrong.status_code == 422
        assert wrong.json()["error"] == "invalid_request"
        assert "Traceback" not in wrong.text
        spy = requests.post(f"{hq_url}/api/v1/push", json={"changes": [
            {"entity": "spy", "fields": {"id": str(uuid.uuid4())}}, {"entity": "spy"}]},
            headers=headers, timeout=5)
        assert spy.status_code == 200  # one outcome per change, never the whole push
        assert [r["code"] for r in spy.json()["results"]] == ["unknown_entity",
                                                               "invalid_change"]
        with a.transaction() as session:  # incompressible notes: gzip cannot save it
            session.add_all(Contact(given_name=f"P{n}", notes=os.urandom(600).hex())
                            for n in range(20))
        with pytest.raises(SyncError, match="larger than HQ accepts"):
            sync_once(a, push_batch=20)
        assert _count(a, OutboxEntry) == 20
    db.close()


def test_acknowledgement_lost_mid_push_duplicates_nothing(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    _contacts(a, hq.operation_id, 30)
    first_push = {"seen": False}

    def lose_first_push_answer(_n, method, path):
        if method == "POST" and "/push" in path and not first_push["seen"]:
            first_push["seen"] = True
            return DROP_RESPONSE  # HQ applies the batch; the answer never arrives
        return "pass"

    with LinkEmulator(int(hq.url.rsplit(":", 1)[1]), policy=lose_first_push_answer) as link:
        link_db_url(a, link.url)
        with pytest.raises(SyncError) as cut:
            sync_once(a, push_batch=10)
        assert cut.value.code in ("connection_cut", "garbled")
        with a.session() as session:
            [failed] = sync_log(session, limit=1)
        # The lost answer's ten stay; the batches answered beside it (two go at once when
        # they share no row) are recorded, so they are not sent again.
        assert failed["pushed"] in (0, 10, 20)
        assert _count(a, OutboxEntry) == 30 - failed["pushed"]
        result = sync_once(a, push_batch=10)
    assert result.pushed == 30 - failed["pushed"]
    assert _count(a, OutboxEntry) == 0
    with hq.db.read() as session:
        rows = session.scalar(select(func.count()).select_from(RowState)
                              .where(RowState.entity == "contact"))
        log = session.scalar(select(func.count()).select_from(Change)
                             .where(Change.entity == "contact"))
    assert (rows, log) == (30, 30)
    sync_once(b)
    assert _count(b, Contact) == 30


def test_cut_mid_pull_resumes_without_resending_finished_batches(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    _contacts(a, hq.operation_id, 25)
    sync_once(a)
    pulls = {"n": 0}

    def cut_first_pull(_n, method, path):
        if method == "GET" and "/pull" in path:
            pulls["n"] += 1
            if pulls["n"] == 1:
                return TRUNCATE  # the stream of pages ends inside its last page
        return "pass"

    with LinkEmulator(int(hq.url.rsplit(":", 1)[1]), policy=cut_first_pull) as link:
        link_db_url(b, link.url)
        with pytest.raises(SyncError, match="cut|damaged|garbled"):
            sync_once(b, pull_batch=10)
        # The pages that arrived whole were applied, each with its cursor, as they came.
        assert _count(b, Contact) == 20
        result = sync_once(b, pull_batch=10)
    assert result.pulled == 5
    assert _count(b, Contact) == 25


def link_db_url(db, url):
    with db.transaction() as session:
        local.set_state(session, "hq_url", url)


class _Portal(http.server.BaseHTTPRequestHandler):
    def _page(self):
        body = b"<!DOCTYPE html><html><body>Welcome to Hotel Wi-Fi. Log in.</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _page  # noqa: N815 - http.server names them so

    def log_message(self, *_):
        pass


def test_captive_portal_page_gives_one_clear_message(hq, make_profile):
    portal = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    threading.Thread(target=portal.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{portal.server_address[1]}"
        with pytest.raises(SyncError, match="hotel or airport login may be needed"):
            enroll(make_profile("x"), url, "AAAA-BBBB-CC")
        a = enrolled(hq, make_profile, "a")
        _contacts(a, hq.operation_id, 2)
        link_db_url(a, url)
        with pytest.raises(SyncError, match="hotel or airport login") as caught:
            sync_once(a)
        assert caught.value.code == "captive_portal"
        assert _count(a, OutboxEntry) == 2
    finally:
        portal.shutdown()
        portal.server_close()


def test_a_silent_server_times_out_and_a_closed_port_is_offline():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        link = Transport(f"http://127.0.0.1:{silent.getsockname()[1]}", token="t",
                         timeout=(1, 0.3))
        with pytest.raises(SyncError, match="did not answer in time"):
            link.get_json("/api/v1/pull")
        port = silent.getsockname()[1]
    with pytest.raises(SyncError, match="could not reach HQ") as offline:
        Transport(f"http://127.0.0.1:{port}", timeout=(1, 1)).get_json("/api/v1/health")
    assert offline.value.code == "offline"


def test_handbook_edition_published_at_hq_is_downloaded_and_loaded(hq, make_profile, tmp_path):
    a = enrolled(hq, make_profile, "a")
    edition = tmp_path / "edition"
    shutil.copytree(bundled_path(), edition, ignore=shutil.ignore_patterns("*.py"))
    bundled = peek_edition_name()
    newer = f"{bundled}.1"  # 2026.2.1 comes after 2026.2
    for page in edition.glob("*/*.md"):
        page.write_text(page.read_text().replace(f"edition: {bundled}", f"edition: {newer}"))
    admin.publish_handbook(hq.db, edition)
    result = sync_once(a)
    assert result.handbook_edition == newer
    with a.session() as session:
        assert get_setting(session, EDITION_SETTING) == newer
    assert sync_once(a).handbook_edition is None

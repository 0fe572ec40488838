"""Protocol 3 end to end, through the real HQ: the pulled device ends equal to the pushing
one in every synced column, a few changes are one request, an HQ that refuses zstd gets
protocol 2, batches in flight together never reorder a row, HQ refuses bombs and damage."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import requests
import zstandard
from sqlalchemy import select, text

from fieldapp.db import Database
from fieldapp.models import SYNCABLE_MODELS, Asset, Contact, Lesson, OutboxEntry, Rfa
from fieldapp.outbox import synced_columns
from hq.app import create_app
from sync import client, codec, local, wire
from sync.client import sync_once
from tests.sync.conftest import Hq, ServerThread, enrolled, operation_of
from tests.sync.scenario_helpers import add, edit, hq_row, outbox_size

NAMES = ["أمينة الحسن", "Ольга Петрова", "王小明", "Zoë O'Brien 🚁", "", "x" * 100]


def _office(db: Database, operation_id: str) -> None:
    """Rows of every kind, with the values that are easy to get wrong on the wire."""
    with db.transaction() as session:
        shared = Contact(operation_id=None, given_name="Global", family_name="Liaison")
        session.add(shared)
        session.flush()
        contacts = []
        for n, name in enumerate(NAMES * 5):
            contact = Contact(operation_id=operation_id, given_name=name, family_name=f"F{n}",
                              phones=[{"kind": "mobile", "number": f"+50937{n:06d}",
                                       "valid": n % 2 == 0}],
                              emails=[f"p{n}@example.org"] if n % 4 else [],
                              notes="\n".join(["line", "", "tab\there"]) if n % 5 == 0 else "")
            session.add(contact)
            contacts.append(contact)
        session.flush()
        assets = []
        for n in range(12):
            asset = Asset(operation_id=operation_id, category=("air", "sea", "land")[n % 3],
                          description=NAMES[n % len(NAMES)] or "Asset", provider_state="FRA",
                          capacity_value=[None, 0.0, 12.5, 1e-7][n % 4],
                          latitude=18.5 + n / 7 if n % 2 else None,
                          longitude=-72.3 - n / 9 if n % 2 else None,
                          available_from=dt.date(2026, 1, 1 + n) if n % 3 else None,
                          poc_contact_id=contacts[n].id if n % 2 else None)
            session.add(asset)
            assets.append(asset)
        session.flush()
        for n in range(10):
            session.add(Rfa(operation_id=operation_id, reference=f"MRV-11-{n + 1:04d}",
                            title=NAMES[n % len(NAMES)] or "Airlift",
                            priority=("life_saving", "other")[n % 2],
                            contact_id=shared.id if n % 2 else contacts[n].id,
                            proposed_asset_ids=[a.id for a in assets[n:n + 3]],
                            from_lat=18.54321 if n % 2 else None, passengers=n or None,
                            required_from=dt.datetime(2026, 12, 7, 8, n, tzinfo=dt.UTC)))
        for n in range(4):
            session.add(Lesson(operation_id=operation_id, title=f"Lesson {n} {NAMES[n]}",
                               observation="Observed. " * 40, recommendation="Do so."))


def _synced_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced column of every row, as SQLite stores it, by table."""
    found = {}
    with db.session() as session:
        for model in SYNCABLE_MODELS:
            columns = ", ".join(f'"{c}"' for c in sorted(synced_columns(model)))
            found[model.__tablename__] = session.execute(text(
                f"SELECT {columns} FROM {model.__tablename__} ORDER BY id")).all()
    return found


def test_the_pulled_device_ends_equal_in_every_synced_column(hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    _office(a, operation_of(a))
    pushed = sync_once(a)
    pulled = sync_once(b, pull_batch=7)  # many pages in one streamed answer

    assert pushed.held == pulled.held_rows == 0
    assert outbox_size(a) == 0
    assert pulled.requests == 1
    mine, theirs = _synced_rows(a), _synced_rows(b)
    assert sum(map(len, mine.values())) == 58  # every row of _office, and the operation
    assert mine == theirs
    with a.session() as session:
        assert local.get_state(session, client.HQ_PROTOCOL) == "3"


def test_a_sync_with_a_few_changes_is_one_request(hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    theirs = add(b, Contact(operation_id=operation_of(b), given_name="From b"))
    sync_once(b)
    add(a, Contact(operation_id=operation_of(a), given_name="From a"))

    result = sync_once(a)

    assert result.requests == 1  # the push's answer brought the pull's page
    assert result.pushed == 1
    assert result.pulled == 1
    with a.session() as session:
        assert session.get(Contact, theirs).given_name == "From b"


class _RefusesZstd:
    """An HQ before protocol 3 answered 415 to a zstd body: as that, around a real HQ."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.refused = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and (b"content-encoding", b"zstd") in scope["headers"]:
            self.refused += 1
            body = json.dumps({"error": "unsupported_encoding", "detail": "gzip only"}).encode()
            await send({"type": "http.response.start", "status": 415,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)


def test_an_hq_that_refuses_zstd_gets_protocol_2_and_nothing_is_lost(hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    with a.session() as session:
        assert local.get_state(session, client.HQ_PROTOCOL) == "3"
    older = _RefusesZstd(create_app(str(hq.db.engine.url), migrate=False))
    with ServerThread(older) as server:
        with a.transaction() as session:
            local.set_state(session, client.HQ_URL, server.url)
        for n in range(5):
            add(a, Contact(operation_id=operation_of(a), given_name=f"C{n}"))
        result = sync_once(a)
    assert older.refused == 1  # once: the rest of the sync went as protocol 2
    assert result.pushed == 5
    assert outbox_size(a) == 0


def test_batches_in_flight_together_never_reorder_a_row(hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    op = operation_of(a)
    ids = [add(a, Contact(operation_id=op, given_name=f"C{n}")) for n in range(12)]
    for step in range(4):  # each row: its creation and four edits, to be sent in order
        for row_id in ids:
            edit(a, Contact, row_id, notes=f"step {step}")

    result = sync_once(a, push_batch=7)  # rows span batches: those wait for each other

    assert result.held == result.conflicts == 0
    assert outbox_size(a) == 0
    assert all(hq_row(hq, "contact", i).fields["notes"] == "step 3" for i in ids)


def _change(entity: str, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "row_id": str(uuid.uuid4()), "change_id": "x",
            "fields": fields}


def test_only_batches_of_operation_rows_with_no_row_in_common_overlap():
    op = str(uuid.uuid4())
    one, two = _change("contact", operation_id=op), _change("contact", operation_id=op)
    assert client._independent([one], [two])
    assert not client._independent([one], [one, two])  # a row in both
    assert not client._independent([one], [_change("contact", operation_id=None)])
    assert not client._independent([_change("operation", operation_id=op)], [two])
    assert not client._independent([one], [_change("conflict", operation_id=op)])
    assert not client._independent([{**one, "urgent": True}], [two])


def test_batch_size_follows_the_bytes_and_the_link():
    sizer = client._BatchSizer(client.PUSH_BATCH)
    assert sizer.count == client.MAX_PUSH_BATCH  # the first batch is cut to fit
    sizer.sent(1000, 32 * 1024, 0.1)  # 32 bytes a change on a fast link: 64 KB is 2,000
    assert sizer.count == 2000
    sizer.sent(1000, 128 * 1024, 0.1)
    assert sizer.count == 500
    sizer.sent(1000, 64 * 1024, 64.0)  # 1 KB/s: eight seconds of it is 8 KB
    assert sizer.count == 125
    fixed = client._BatchSizer(7)
    fixed.sent(7, 100, 1.0)
    assert fixed.count == 7


def _post(hq: Hq, token: str, data: bytes, encoding: str) -> requests.Response:
    return requests.post(hq.url + "/api/v1/push", data=data, timeout=20, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json",
        "Content-Encoding": encoding})


def _token(db: Database) -> str:
    return client.token_store(db).load()


def test_hq_refuses_a_zstd_bomb_and_a_damaged_body(hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    bomb = zstandard.ZstdCompressor(level=19).compress(
        b'{"runs": [' + b" " * (64 << 20) + b"]}")
    assert len(bomb) < 20_000
    refused = _post(hq, _token(a), bomb, "zstd")
    assert refused.status_code == 413
    damaged = _post(hq, _token(a), codec.compress(b'{"runs": []}', "zstd")[:-3], "zstd")
    assert damaged.status_code == 422
    shape = _post(hq, _token(a), codec.compress(b'{"v": 3, "runs": [5]}', "zstd"), "zstd")
    assert shape.status_code == 422
    assert shape.json()["error"] == "invalid_request"


def test_a_bad_row_in_a_run_is_held_on_its_own(hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    op = operation_of(a)
    good, bad = str(uuid.uuid4()), str(uuid.uuid4())
    body = wire.encode_push([
        {"entity": "contact", "fields": {"id": good, "operation_id": op, "given_name": "A"}},
        {"entity": "contact", "fields": {"id": bad, "operation_id": op, "given_name": 5}},
    ])
    body["runs"][0]["cols"][0].pop()  # the second row's first column is missing
    answer = _post(hq, _token(a), codec.compress(json.dumps(body).encode(), "zstd"), "zstd")
    assert answer.status_code == 200
    first, second = answer.json()["results"]
    assert isinstance(first, int)  # a bare rev: applied
    assert second["code"] == "invalid_change"
    assert hq_row(hq, "contact", good) is not None


def test_the_answer_speaks_zstd_only_to_who_asks(hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    for n in range(30):
        add(a, Contact(operation_id=operation_of(a), given_name=f"Contact number {n}"))
    sync_once(a)
    b = enrolled(hq, make_profile, "b")  # a's own rows are never sent back to a
    headers = {"Authorization": f"Bearer {_token(b)}"}
    for accept, expected in (("zstd, gzip", "zstd"), ("gzip", "gzip")):
        answer = requests.get(hq.url + "/api/v1/pull", params={"v": 3}, timeout=20,
                              headers={**headers, "Accept-Encoding": accept}, stream=True)
        assert answer.headers["Content-Encoding"] == expected
        reader = codec.Inflater(expected, 10**6)
        page = json.loads(reader.feed(answer.raw.read(decode_content=False)))
        assert len(wire.decode_rows(page["runs"])) >= 30
    with a.session() as session:
        assert session.scalar(select(OutboxEntry.change_id)) is None



def test_urgent_changes_end_their_batch_so_the_rest_can_go_two_at_a_time():
    from sync.transport import Transport

    op = str(uuid.uuid4())
    urgent = [{**_change("rfa", operation_id=op), "local_id": f"u{n}", "urgent": True}
              for n in range(2)]
    routine = [{**_change("contact", operation_id=op), "local_id": f"r{n}"} for n in range(3)]
    order = ["later"]
    sent, _body, sized = client._fit(Transport("http://127.0.0.1:9"), urgent + routine, order,
                                     fixed=False)
    assert sent == urgent
    assert not sized  # the next batches are not sized from this one
    assert order == ["r0", "r1", "r2", "later"]  # back at the front, in their order
    order = []
    sent, _body, sized = client._fit(Transport("http://127.0.0.1:9"), routine, order,
                                     fixed=False)
    assert sent == routine
    assert sized
    assert order == []


class _Protocol2Pulls:
    """An HQ before protocol 3 ignored `v=3` and answered a pull in protocol 2: as that,
    around a real HQ (the parameter is dropped before HQ sees it)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/api/v1/pull":
            query = b"&".join(p for p in scope["query_string"].split(b"&")
                              if not p.startswith(b"v="))
            scope = {**scope, "query_string": query}
        await self.app(scope, receive, send)


def test_a_pull_answered_in_protocol_2_is_applied_and_the_device_goes_back_to_it(
        hq: Hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    for n in range(30):
        add(a, Contact(operation_id=operation_of(a), given_name=f"C{n}"))
    sync_once(a)
    older = _Protocol2Pulls(create_app(str(hq.db.engine.url), migrate=False))
    with ServerThread(older) as server:
        with b.transaction() as session:
            local.set_state(session, client.HQ_URL, server.url)
        pulled = sync_once(b, pull_batch=7)  # five protocol 2 pages, one request each
        with b.session() as session:
            assert local.get_state(session, client.HQ_PROTOCOL) == ""  # gzip and v2 pushes
        add(b, Contact(operation_id=operation_of(b), given_name="From b"))
        pushed = sync_once(b)
    assert pulled.pulled == 30
    assert pulled.requests == 5
    assert pushed.pushed == 1
    assert outbox_size(b) == 0
    with b.session() as session:
        assert session.query(Contact).count() == 31

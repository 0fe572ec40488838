"""HQ's side of sync protocol v2, over raw HTTP against the real server (SQLite, PostgreSQL).

Devices here are just tokens (enrolled through the API), so each test says exactly what
went over the wire: one outcome per change (applied, conflict, held with a code), scope
moves and what the old audience is told, shared referenced rows, membership, versions.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from fieldapp import __version__
from hq import admin
from hq.cli import main as hq_cli
from hq.models import Change, HqOperation, RowState
from tests.sync.conftest import Hq

TIMEOUT = 10


class Device:
    """An enrolled device reduced to its token and its pull cursor."""

    def __init__(self, hq: Hq, officer: str = "Ana", *, client: str | None = None) -> None:
        self.hq = hq
        code, _ = admin.make_enrollment_code(hq.db, officer=officer)
        headers = {"X-FieldKit-Client": client} if client else {}
        answer = requests.post(f"{hq.url}/api/v1/enroll", json={"code": code},
                               headers=headers, timeout=TIMEOUT)
        answer.raise_for_status()
        self.device_id = answer.json()["device_id"]
        self.headers = {"Authorization": f"Bearer {answer.json()['token']}",
                        "Content-Type": "application/json", **headers}
        self.cursor = ""
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.gone: set[tuple[str, str]] = set()

    def post(self, changes: Any) -> requests.Response:
        # json.dumps, not requests' json=: NaN and lone surrogates must reach HQ as sent.
        return requests.post(f"{self.hq.url}/api/v1/push", data=json.dumps({"changes": changes}),
                             headers=self.headers, timeout=TIMEOUT)

    def push(self, *changes: Any) -> list[dict[str, Any]]:
        answer = self.post(list(changes))
        assert answer.status_code == 200, answer.text
        results = answer.json()["results"]
        assert len(results) == len(changes)
        return results

    def pull_once(self, *, limit: int = 500) -> dict[str, Any]:
        answer = requests.get(f"{self.hq.url}/api/v1/pull",
                              params={"since": self.cursor, "limit": limit},
                              headers=self.headers, timeout=TIMEOUT)
        assert answer.status_code == 200, answer.text
        batch = answer.json()
        for row in batch["rows"]:
            self.rows[(row["entity"], row["id"])] = row["fields"]
        for gone in batch.get("gone", []):
            self.gone.add((gone["entity"], gone["id"]))
        self.cursor = batch["next"]
        return batch

    def pull(self, *, limit: int = 500) -> list[dict[str, Any]]:
        batches = [self.pull_once(limit=limit)]
        while batches[-1]["more"]:
            batches.append(self.pull_once(limit=limit))
        return batches


def new_id() -> str:
    return str(uuid.uuid4())


def contact(operation_id: str | None, **fields: Any) -> tuple[str, dict[str, Any]]:
    """A contact's id and its creation change."""
    row_id = new_id()
    values = {"id": row_id, "operation_id": operation_id, "deleted": False,
              "given_name": "Amira", "family_name": "H", **fields}
    return row_id, {"entity": "contact", "fields": values}


def edit(entity: str, row_id: str, operation_id: str | None, fields: dict[str, Any],
         base: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"change_id": new_id(), "entity": entity, "row_id": row_id,
            "operation_id": operation_id, "fields": fields, "base": base, **extra}


def state(hq: Hq, entity: str, row_id: str) -> RowState | None:
    with hq.db.read() as session:
        return session.get(RowState, (entity, row_id))


def logged(hq: Hq, change_id: str) -> int:
    with hq.db.read() as session:
        return session.scalar(select(func.count()).select_from(Change)
                              .where(Change.change_id == change_id)) or 0


def second_operation(hq: Hq, code: str = "OPB", *officers: str) -> str:
    operation = admin.add_operation(hq.db, code=code, name=f"Operation {code}", country="MOZ")
    for officer in officers:
        admin.assign(hq.db, officer=officer, operation=code)
    return operation.id


@pytest.fixture
def ben(hq: Hq) -> str:
    """A second officer of MRV."""
    admin.add_officer(hq.db, name="Ben")
    admin.assign(hq.db, officer="Ben", operation="MRV")
    return "Ben"


# --- one outcome per change -------------------------------------------------------------

def test_one_bad_change_is_held_and_the_good_ones_applied(hq: Hq) -> None:
    ana = Device(hq)
    first, good1 = contact(hq.operation_id)
    bad_id, bad = contact(hq.operation_id, favourite="yes")
    second, good2 = contact(hq.operation_id)

    results = ana.push(good1, bad, good2)

    assert isinstance(results[0]["rev"], int)
    assert isinstance(results[2]["rev"], int)
    assert results[1]["status"] == "held"
    assert results[1]["code"] == "invalid_value"
    assert results[1]["field"] == "favourite"
    assert "rev" not in results[1]
    assert "favourite" in results[1]["detail"]
    assert state(hq, "contact", first) is not None
    assert state(hq, "contact", second) is not None
    assert state(hq, "contact", bad_id) is None


@pytest.mark.parametrize(("field", "value"), [
    ("latitude", float("nan")),
    ("quantity", 2**70),
    ("notes", "Fuel \ud800 depot"),
    ("available_from", "next week"),
    ("confirmed_at", "2026-03-01T10:00:00"),
])
def test_a_value_hq_could_not_serve_is_held_and_colleagues_still_pull(
        hq: Hq, ben: str, field: str, value: Any) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    bens.pull()
    row_id = new_id()
    asset = {"entity": "asset", "fields": {"id": row_id, "operation_id": hq.operation_id,
                                           "deleted": False, field: value}}

    [result] = ana.push(asset)

    assert (result["status"], result["code"], result["field"]) == \
        ("held", "invalid_value", field)
    assert state(hq, "asset", row_id) is None
    assert logged(hq, str(uuid.uuid5(uuid.UUID("6f1c2a52-7d0e-4c5b-9d61-0b6c3c1f9a10"),
                                     f"asset:{row_id}"))) == 0
    _, good = contact(hq.operation_id)
    ana.push(good)
    bens.pull()
    assert ("contact", good["fields"]["id"]) in bens.rows


def test_a_held_change_sent_again_after_a_fix_is_applied(hq: Hq) -> None:
    ana = Device(hq)
    row_id, creation = contact(hq.operation_id)
    ana.push(creation)
    change = edit("contact", row_id, hq.operation_id, {"role": "x" * 500}, {"role": ""})

    [held] = ana.push(change)
    [applied] = ana.push(dict(change, fields={"role": "Logistics"}))

    assert held["code"] == "invalid_value"
    assert isinstance(applied["rev"], int)
    assert state(hq, "contact", row_id).fields["role"] == "Logistics"
    assert logged(hq, change["change_id"]) == 1


def test_an_unknown_entity_is_held_without_stopping_the_rest(hq: Hq) -> None:
    ana = Device(hq)
    row_id, good = contact(hq.operation_id)
    newer = {"entity": "drone_flight", "fields": {"id": new_id(), "deleted": False,
                                                  "operation_id": hq.operation_id}}

    results = ana.push(newer, good)

    assert (results[0]["status"], results[0]["code"]) == ("held", "unknown_entity")
    assert "drone_flight" in results[0]["detail"]
    assert isinstance(results[1]["rev"], int)
    assert state(hq, "contact", row_id) is not None


@pytest.mark.parametrize("change", [
    "a string",
    {"entity": "contact"},
    {"entity": "contact", "fields": [], "row_id": "r-1", "change_id": "c" * 12},
    {"entity": "contact", "fields": {"role": "x"}, "base": {"role": ""}, "row_id": "r-1",
     "change_id": "c" * 12, "base_rev": "seven"},
    {"entity": "contact", "fields": {"role": "x"}, "base": {"role": ""}, "row_id": "r-1",
     "change_id": "short"},
    {"entity": "contact", "fields": {"role": "x"}, "base": {"role": ""}, "row_id": "r" * 65,
     "change_id": "c" * 12},
])
def test_a_malformed_change_is_held_as_invalid_change(hq: Hq, change: Any) -> None:
    ana = Device(hq)
    row_id, good = contact(hq.operation_id)

    results = ana.push(change, good)

    assert (results[0]["status"], results[0]["code"]) == ("held", "invalid_change")
    assert isinstance(results[1]["rev"], int)


def test_only_the_envelope_fails_the_whole_request(hq: Hq) -> None:
    ana = Device(hq)
    _, good = contact(hq.operation_id)

    for body in ({"changes": {"entity": "contact"}}, {"changes": [good] * 2001}, [good],
                 {"changes": [good], "extra": 1}):
        answer = requests.post(f"{hq.url}/api/v1/push", data=json.dumps(body),
                               headers=ana.headers, timeout=TIMEOUT)
        assert answer.status_code == 422, body
        assert answer.json()["error"] == "invalid_request"
        assert "Traceback" not in answer.text
    deep = '{"changes": [{"entity": "contact", "fields": {"notes": ' + "[" * 100_000
    answer = requests.post(f"{hq.url}/api/v1/push", data=deep + "]" * 100_000 + "}}]}",
                           headers=ana.headers, timeout=TIMEOUT)
    assert (answer.status_code, answer.json()["error"]) == (422, "invalid_request")
    assert state(hq, "contact", good["fields"]["id"]) is None


def test_a_field_name_with_a_lone_surrogate_is_held_and_answered_as_valid_json(hq: Hq) -> None:
    ana = Device(hq)
    _, bad = contact(hq.operation_id)
    bad["fields"]["na\ud800me"] = "x"

    answer = ana.post([bad])

    assert answer.status_code == 200
    answer.content.decode("utf-8")  # strictly valid UTF-8 back
    assert answer.json()["results"][0]["code"] == "invalid_value"


def test_changes_behind_a_held_change_of_their_row_wait_in_the_same_push(hq: Hq) -> None:
    other = second_operation(hq, "OTH")
    ana = Device(hq)
    row_id, creation = contact(other)
    move = edit("contact", row_id, hq.operation_id, {"operation_id": hq.operation_id},
                {"operation_id": other})
    bad_id, bad = contact(hq.operation_id, quantity=1, favourite="no")
    fix = edit("contact", bad_id, hq.operation_id, {"favourite": True}, {"favourite": False})
    good_id, good = contact(hq.operation_id)

    results = ana.push(creation, move, bad, fix, good)

    assert [(r.get("status"), r.get("code")) for r in results] == [
        ("held", "not_in_your_operations"), ("held", "waiting"), ("held", "invalid_value"),
        ("held", "waiting"), (None, None)]
    assert state(hq, "contact", row_id) is None  # never a partial row
    assert state(hq, "contact", bad_id) is None
    assert state(hq, "contact", good_id) is not None
    assert logged(hq, move["change_id"]) == 0


def test_an_edit_of_a_row_hq_never_received_is_held(hq: Hq) -> None:
    ana = Device(hq)
    row_id = new_id()

    [held] = ana.push(edit("contact", row_id, hq.operation_id, {"deleted": True},
                           {"deleted": False}))

    assert (held["status"], held["code"]) == ("held", "invalid_change")
    assert "creation" in held["detail"]
    assert state(hq, "contact", row_id) is None


# --- idempotency per device -------------------------------------------------------------

def test_a_change_id_replayed_by_another_device_is_a_new_change(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, creation = contact(hq.operation_id, role="Logistics")
    ana.push(creation)
    change = edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"})
    [first] = ana.push(change)

    [replayed] = bens.push(dict(change, fields={"role": "Deputy"}, base={"role": "Chief"}))
    [retried] = ana.push(change)

    assert replayed["rev"] > first["rev"]  # Ben's change, applied on its own
    assert state(hq, "contact", row_id).fields["role"] == "Deputy"
    assert retried == first  # Ana's retry still gets her own first answer
    assert logged(hq, change["change_id"]) == 2


def test_a_change_id_retried_by_the_same_device_changes_nothing(hq: Hq) -> None:
    ana = Device(hq)
    row_id, creation = contact(hq.operation_id, role="Logistics")
    [created] = ana.push(creation)
    change = edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"})
    [first] = ana.push(change)

    [again] = ana.push(dict(change, fields={"role": "Other"}, base={"role": "Chief"}))
    [creation_again] = ana.push(creation)

    assert again == first
    assert creation_again == created
    assert state(hq, "contact", row_id).fields["role"] == "Chief"


# --- creations over existing rows --------------------------------------------------------

def test_a_creation_of_an_existing_row_in_the_same_scope_merges(hq: Hq) -> None:
    ana, again, imported = Device(hq), Device(hq), Device(hq)
    row_id, creation = contact(hq.operation_id, role="Logistics")
    ana.push(creation)

    [same] = again.push(creation)
    [different] = imported.push(dict(creation, fields={**creation["fields"], "role": "Chief"}))

    assert "status" not in same
    assert different["status"] == "conflict"
    assert [c["field"] for c in different["conflicts"]] == ["role"]
    assert state(hq, "contact", row_id).fields["role"] == "Logistics"


def test_a_creation_reusing_another_scopes_row_id_is_held(hq: Hq, ben: str) -> None:
    other = second_operation(hq, "OPB", ben)
    bens = Device(hq, ben)
    row_id, creation = contact(other)
    bens.push(creation)
    ana = Device(hq)
    global_id, global_row = contact(None)
    ana.push(global_row)

    imported = dict(creation, fields={**creation["fields"], "operation_id": hq.operation_id})
    [held_op] = ana.push(imported)
    [held_global] = bens.push(global_row)

    assert (held_op["status"], held_op["code"]) == ("held", "not_in_your_operations")
    assert (held_global["status"], held_global["code"]) == ("held", "not_yours")
    assert state(hq, "contact", row_id).operation_id == other
    assert state(hq, "contact", global_id).owner_officer_id != state(hq, "contact", row_id)


# --- membership -------------------------------------------------------------------------

def test_unassign_holds_changes_and_the_pull_lists_operations(hq: Hq) -> None:
    other = second_operation(hq, "OPB", "Ana")
    ana = Device(hq)
    first = ana.pull()
    assert sorted(first[0]["operations"]) == sorted([hq.operation_id, other])
    row_id, creation = contact(hq.operation_id, role="Logistics")
    ana.push(creation)
    ana.pull()
    assert "operations" not in ana.pull()[0]  # nothing changed for Ana since her cursor

    admin.unassign(hq.db, officer="Ana", operation="MRV")
    batch = ana.pull()[0]
    [held] = ana.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                           {"role": "Logistics"}))
    _, into_old = contact(hq.operation_id)
    other_id, elsewhere = contact(other)
    held_new, applied = ana.push(into_old, elsewhere)

    assert batch["operations"] == [other]
    assert (held["status"], held["code"]) == ("held", "not_in_your_operations")
    assert held_new["code"] == "not_in_your_operations"
    assert isinstance(applied["rev"], int)
    assert state(hq, "contact", row_id).fields["role"] == "Logistics"
    assert state(hq, "contact", other_id) is not None
    assert "operations" not in ana.pull()[0]


def test_an_operation_proposed_on_one_device_is_in_the_operations_of_the_others(
        hq: Hq) -> None:
    laptop, tablet = Device(hq), Device(hq)
    tablet.pull()
    proposed = new_id()
    laptop.push({"entity": "operation", "fields": {
        "id": proposed, "operation_id": proposed, "deleted": False, "name": "Floods",
        "code": "FLD", "country": "MOZ"}})

    batch = tablet.pull()[0]

    assert sorted(batch["operations"]) == sorted([hq.operation_id, proposed])
    assert ("operation", proposed) in tablet.rows
    assert "operations" not in tablet.pull()[0]


def test_officer_unassign_on_the_command_line(hq: Hq, hq_database_url: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert hq_cli(["officer", "unassign", "Ana", "MRV", "--database", hq_database_url]) == 0
    assert "no longer assigned to MRV" in capsys.readouterr().out
    assert hq_cli(["officer", "unassign", "Ana", "MRV", "--database", hq_database_url]) == 1
    assert "not assigned" in capsys.readouterr().err
    assert hq_cli(["officer", "list", "--database", hq_database_url]) == 0
    assert "(no operation)" in capsys.readouterr().out


def test_assign_after_unassign_sends_the_operation_again(hq: Hq) -> None:
    ana = Device(hq)
    row_id, creation = contact(hq.operation_id)
    ana.push(creation)
    ana.pull()
    admin.unassign(hq.db, officer="Ana", operation="MRV")
    ana.pull()

    admin.assign(hq.db, officer="Ana", operation="MRV")
    batches = ana.pull()

    assert batches[0]["operations"] == [hq.operation_id]
    assert ("contact", row_id) in {(r["entity"], r["id"]) for r in batches[0]["rows"]}


# --- scope moves --------------------------------------------------------------------------

def test_a_move_from_no_operation_into_an_operation_reaches_its_members(
        hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, creation = contact(None, notes="Met at the airport")
    ana.push(creation)
    bens.pull()
    assert ("contact", row_id) not in bens.rows

    [moved] = ana.push(edit("contact", row_id, hq.operation_id,
                            {"operation_id": hq.operation_id}, {"operation_id": None}))
    bens.pull()

    assert isinstance(moved["rev"], int)
    assert bens.rows[("contact", row_id)]["notes"] == "Met at the airport"  # in full
    at_hq = state(hq, "contact", row_id)
    assert (at_hq.operation_id, at_hq.owner_officer_id) == (hq.operation_id, None)


def test_a_move_out_of_an_operation_tells_the_old_audience_it_is_gone(
        hq: Hq, ben: str) -> None:
    ana, anas_laptop, bens = Device(hq), Device(hq), Device(hq, ben)
    row_id, creation = contact(hq.operation_id)
    ana.push(creation)
    bens.pull()
    anas_laptop.pull()
    assert ("contact", row_id) in bens.rows

    ana.push(edit("contact", row_id, None, {"operation_id": None},
                  {"operation_id": hq.operation_id}))
    batches = bens.pull()
    anas_laptop.pull()
    [held] = bens.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                            {"role": ""}))

    assert batches[-1]["gone"] == [{"entity": "contact", "id": row_id}]
    assert ("contact", row_id) not in anas_laptop.gone  # still Ana's, on all her devices
    assert anas_laptop.rows[("contact", row_id)]["operation_id"] is None
    assert (held["status"], held["code"]) == ("held", "not_yours")
    at_hq = state(hq, "contact", row_id)
    assert (at_hq.operation_id, at_hq.owner_officer_id) != (hq.operation_id, None)
    assert "gone" not in bens.pull()[0]  # told once


def test_a_move_between_operations_changes_both_audiences(hq: Hq, ben: str) -> None:
    admin.add_officer(hq.db, name="Carl")
    other = second_operation(hq, "OPB", "Ana", "Carl")
    ana, anas_laptop, bens, carls = Device(hq), Device(hq), Device(hq, ben), Device(hq, "Carl")
    row_id, creation = contact(hq.operation_id, role="Liaison")
    ana.push(creation)
    for device in (anas_laptop, bens, carls):
        device.pull()
    assert ("contact", row_id) not in carls.rows

    ana.push(edit("contact", row_id, other, {"operation_id": other},
                  {"operation_id": hq.operation_id}))
    for device in (anas_laptop, bens, carls):
        device.pull()

    assert ("contact", row_id) in bens.gone
    assert carls.rows[("contact", row_id)]["role"] == "Liaison"
    assert ("contact", row_id) not in carls.gone
    assert anas_laptop.rows[("contact", row_id)]["operation_id"] == other
    assert ("contact", row_id) not in anas_laptop.gone
    assert state(hq, "contact", row_id).operation_id == other


def test_gone_is_told_whatever_the_batch_the_move_falls_in(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    ids = []
    for _ in range(3):
        row_id, creation = contact(hq.operation_id)
        ana.push(creation)
        ids.append(row_id)
    bens.pull()
    ana.push(edit("contact", ids[0], None, {"operation_id": None},
                  {"operation_id": hq.operation_id}))
    for _ in range(4):  # later writes, so the move falls in Ben's first small batch
        _, creation = contact(hq.operation_id)
        ana.push(creation)

    batches = bens.pull(limit=1)

    assert len(batches) > 2
    assert bens.gone == {("contact", ids[0])}


def test_a_row_that_left_while_the_officer_was_out_is_gone_when_she_is_back(
        hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, creation = contact(hq.operation_id)
    bens.push(creation)
    ana.pull()
    admin.unassign(hq.db, officer="Ana", operation="MRV")
    bens.push(edit("contact", row_id, None, {"operation_id": None},
                   {"operation_id": hq.operation_id}))
    ana.pull()  # MRV is archived on her laptop: nothing of it is told
    assert ("contact", row_id) not in ana.gone

    admin.assign(hq.db, officer="Ana", operation="MRV")
    ana.pull()

    assert ("contact", row_id) in ana.gone


def test_a_move_into_an_operation_not_mine_is_held(hq: Hq) -> None:
    other = second_operation(hq, "OTH")
    ana = Device(hq)
    row_id, creation = contact(hq.operation_id)
    ana.push(creation)

    [held] = ana.push(edit("contact", row_id, other, {"operation_id": other},
                           {"operation_id": hq.operation_id}))

    assert (held["status"], held["code"]) == ("held", "not_in_your_operations")
    assert state(hq, "contact", row_id).operation_id == hq.operation_id


def test_a_move_into_an_operation_unknown_at_hq_proposes_it(hq: Hq) -> None:
    ana = Device(hq)
    row_id, creation = contact(None)
    ana.push(creation)
    new_operation = new_id()

    [moved] = ana.push(edit("contact", row_id, new_operation, {"operation_id": new_operation},
                            {"operation_id": None}))

    assert isinstance(moved["rev"], int)
    with hq.db.read() as session:
        proposed = session.get(HqOperation, new_operation)
        assert proposed.proposed_by is not None
    assert state(hq, "contact", row_id).operation_id == new_operation


# --- shared references ----------------------------------------------------------------------

def test_rows_of_no_operation_an_rfa_references_reach_its_colleagues(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    contact_id, global_contact = contact(None, given_name="Amina")
    asset_id = new_id()
    asset = {"entity": "asset", "fields": {"id": asset_id, "operation_id": None,
                                           "deleted": False, "description": "Helicopters"}}
    ana.push(global_contact, asset)
    bens.pull()  # Ben's cursor is now past both rows
    assert ("contact", contact_id) not in bens.rows
    rfa_id = new_id()
    rfa = {"entity": "rfa", "fields": {"id": rfa_id, "operation_id": hq.operation_id,
                                       "deleted": False, "reference": "MRV-11-0001",
                                       "contact_id": contact_id,
                                       "proposed_asset_ids": [asset_id]}}

    ana.push(rfa)
    bens.pull()

    assert ("rfa", rfa_id) in bens.rows
    assert bens.rows[("contact", contact_id)]["given_name"] == "Amina"
    assert bens.rows[("asset", asset_id)]["description"] == "Helicopters"
    [held] = bens.push(edit("contact", contact_id, None, {"role": "Chief"}, {"role": ""}))
    assert (held["status"], held["code"]) == ("held", "not_yours")
    state_after = state(hq, "contact", contact_id)
    assert (state_after.operation_id, state_after.owner_officer_id) != (None, None)


def test_an_officer_newly_assigned_receives_the_shared_rows(hq: Hq) -> None:
    ana = Device(hq)
    contact_id, global_contact = contact(None)
    ana.push(global_contact, {"entity": "rfa", "fields": {
        "id": new_id(), "operation_id": hq.operation_id, "deleted": False,
        "reference": "MRV-11-0002", "contact_id": contact_id}})
    admin.add_officer(hq.db, name="Dana")
    danas = Device(hq, "Dana")
    danas.pull()
    assert ("contact", contact_id) not in danas.rows

    admin.assign(hq.db, officer="Dana", operation="MRV")
    danas.pull()

    assert ("contact", contact_id) in danas.rows


def test_a_row_another_officer_cannot_see_is_never_shared_through_a_reference(
        hq: Hq, ben: str) -> None:
    admin.add_officer(hq.db, name="Eve")
    eves = Device(hq, "Eve")
    secret_id, secret = contact(None, given_name="Secret")
    eves.push(secret)
    ana, bens = Device(hq), Device(hq, ben)

    ana.push({"entity": "rfa", "fields": {"id": new_id(), "operation_id": hq.operation_id,
                                          "deleted": False, "reference": "MRV-11-0003",
                                          "contact_id": secret_id}})
    bens.pull()

    assert ("contact", secret_id) not in bens.rows


def test_a_push_naming_a_row_already_shared_still_shares_the_next_one(
        hq: Hq, ben: str) -> None:
    """Rows are shared in id order: one already shared with the operation must not stop the
    rows after it from being shared."""
    ana, bens = Device(hq), Device(hq, ben)
    shared_id, shared = contact(None, given_name="Shared")
    later_id, later = contact(None, given_name="Later")
    shared_id = shared["fields"]["id"] = "00000000-0000-4000-8000-000000000001"
    later_id = later["fields"]["id"] = "ffffffff-ffff-4fff-bfff-ffffffffffff"

    def rfa(reference: str, contact_id: str) -> dict[str, Any]:
        return {"entity": "rfa", "fields": {"id": new_id(), "operation_id": hq.operation_id,
                                            "deleted": False, "reference": reference,
                                            "contact_id": contact_id}}

    ana.push(shared, later, rfa("MRV-11-0004", shared_id))
    bens.pull()
    assert ("contact", shared_id) in bens.rows
    assert ("contact", later_id) not in bens.rows

    ana.push(rfa("MRV-11-0005", shared_id), rfa("MRV-11-0006", later_id))
    bens.pull()

    assert bens.rows[("contact", later_id)]["given_name"] == "Later"


# --- cursor and echo -----------------------------------------------------------------------

def test_a_cut_inside_a_resequenced_range_then_an_own_edit_still_receives_the_row(
        hq: Hq) -> None:
    writer, reader = Device(hq), Device(hq)
    ids = []
    for n in range(6):
        row_id, creation = contact(hq.operation_id, given_name=f"C{n}", role="old")
        writer.push(creation)
        ids.append(row_id)
    reader.pull()
    for row_id in ids:
        writer.push(edit("contact", row_id, hq.operation_id, {"role": "NEW"}, {"role": "old"}))
    admin.add_officer(hq.db, name="Carl")
    admin.assign(hq.db, officer="Carl", operation="MRV")  # every MRV row gets one seq
    reader.pull_once(limit=2)  # ... and the link is cut after the first batch
    unseen = [row_id for row_id in ids if reader.rows[("contact", row_id)]["role"] != "NEW"]
    target = sorted(unseen)[-1]

    reader.push(edit("contact", target, hq.operation_id, {"location": "Airport"},
                     {"location": ""}))
    reader.pull()

    assert reader.rows[("contact", target)]["role"] == "NEW"
    assert sorted(reader.rows[("contact", r)]["role"] for r in ids) == ["NEW"] * 6


def test_a_device_is_not_sent_back_its_own_writes(hq: Hq) -> None:
    ana = Device(hq)
    ana.pull()
    _, creation = contact(hq.operation_id)
    ana.push(creation)

    assert ana.pull()[0]["rows"] == []


# --- versions and the pull answer ----------------------------------------------------------

def test_the_pull_answer_says_hqs_version(hq: Hq) -> None:
    ana = Device(hq)

    batch = ana.pull()[0]

    assert batch["hq"] == __version__
    assert batch["operations"] == [hq.operation_id]  # empty cursor
    assert "gone" not in batch


def test_the_client_header_is_recorded_on_the_device(hq: Hq, hq_database_url: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    old = Device(hq)
    new = Device(hq, client="protocol=2; schema=0005_sync_v2; version=0.9.0")
    old.pull()

    new.headers["X-FieldKit-Client"] = "protocol=2; schema=0006_next; version=0.10.0"
    new.pull()

    devices = {d.id: d for d in admin.list_devices(hq.db)}
    assert (devices[old.device_id].client_protocol, devices[old.device_id].client_schema) == \
        (1, None)
    upgraded = devices[new.device_id]
    assert (upgraded.client_protocol, upgraded.client_schema, upgraded.client_version) == \
        (2, "0006_next", "0.10.0")
    assert hq_cli(["device", "list", "--database", hq_database_url]) == 0
    assert "protocol 2, schema 0006_next, version 0.10.0" in capsys.readouterr().out


# --- conflicts -----------------------------------------------------------------------------

def test_resolving_an_unknown_or_others_conflict_is_a_harmless_no_op(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, creation = contact(hq.operation_id, role="Logistics")
    ana.push(creation)
    ana.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"}))
    [clash] = bens.push(edit("contact", row_id, hq.operation_id, {"role": "Deputy"},
                             {"role": "Logistics"}))
    conflict_id = clash["conflicts"][0]["id"]

    results = ana.push(
        {"change_id": new_id(), "entity": "conflict", "row_id": conflict_id,
         "fields": {"resolution": "hq"}},
        {"change_id": new_id(), "entity": "conflict", "row_id": new_id(),
         "fields": {"resolution": "mine"}})

    assert [("rev" in r, r.get("status")) for r in results] == [(True, None), (True, None)]
    [mine] = bens.push({"change_id": new_id(), "entity": "conflict", "row_id": conflict_id,
                        "fields": {"resolution": "hq"}})
    assert "rev" in mine


# --- operations proposed offline ------------------------------------------------------------

def test_operation_add_takes_the_code_of_an_operation_proposed_offline(
        hq: Hq, hq_database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ana = Device(hq)
    proposed = new_id()
    [created] = ana.push({"entity": "operation", "fields": {
        "id": proposed, "operation_id": proposed, "deleted": False, "name": "Flood response",
        "code": "FLD", "country": "MOZ"}})
    assert isinstance(created["rev"], int)

    assert hq_cli(["operation", "add", "FLD", "Floods (HQ)", "--country", "MOZ",
                   "--database", hq_database_url]) == 0
    out = capsys.readouterr().out
    assert hq_cli(["operation", "list", "--database", hq_database_url]) == 0
    listing = capsys.readouterr().out

    assert "Operation FLD added" in out
    assert "proposed offline" in out
    assert proposed in out
    with hq.db.read() as session:
        codes = {i: c for i, c in session.execute(select(HqOperation.id, HqOperation.code))}
        assert codes[proposed] is None
        assert list(codes.values()).count("FLD") == 1
        assert session.get(HqOperation, proposed).proposed_by is not None
    assert state(hq, "operation", proposed).fields["code"] == "FLD"  # as on the devices
    assert "proposed offline by Ana, FLD on devices" in listing
    assert hq_cli(["operation", "add", "FLD", "Again", "--country", "MOZ",
                   "--database", hq_database_url]) == 1  # an HQ operation's code: refused


# --- cost -----------------------------------------------------------------------------------

def test_a_push_reads_with_the_same_statements_whatever_its_number_of_changes(hq: Hq) -> None:
    with hq.db.read() as session:
        officer_id = admin.find_officer(session, "Ana").id
    global_id, global_row = contact(None)
    apply_push_once(hq, officer_id, [global_row])

    def mixed(count: int) -> list[Any]:
        changes: list[Any] = []
        for n in range(count):
            row_id, creation = contact(hq.operation_id)
            changes += [
                creation,
                edit("contact", row_id, hq.operation_id, {"role": f"R{n}"}, {"role": ""}),
                edit("contact", row_id, None, {"operation_id": None},
                     {"operation_id": hq.operation_id}),
                {"entity": "rfa", "fields": {"id": new_id(), "operation_id": hq.operation_id,
                                             "deleted": False, "reference": f"MRV-{count}-{n}",
                                             "contact_id": global_id}},
                {"change_id": new_id(), "entity": "conflict", "row_id": new_id(),
                 "fields": {"resolution": "hq"}},
                dict(creation, fields={**creation["fields"], "quantity": 2**70}),
                {"entity": "drone_flight", "fields": {"id": new_id()}},
            ]
        return changes

    assert apply_push_once(hq, officer_id, mixed(2)) == apply_push_once(hq, officer_id, mixed(40))


def apply_push_once(hq: Hq, officer_id: str, changes: list[Any]) -> int:
    """The number of SELECT statements one push of these changes costs HQ."""
    from sqlalchemy import event

    from hq.merge import apply_push

    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):  # writes are batched at flush
            statements.append(statement)

    event.listen(hq.db.engine, "before_cursor_execute", count)
    try:
        with hq.db.write() as session:
            apply_push(session, officer_id=officer_id, device_id="counting", changes=changes)
    finally:
        event.remove(hq.db.engine, "before_cursor_execute", count)
    return len(statements)

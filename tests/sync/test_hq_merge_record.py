"""HQ's three-way merge and what HQ keeps of it, over raw HTTP against the real server.

Field by field: the same edit made twice, delete against edit (whose edits count), the
conflicts HQ records and how they are closed, the change log of each push, the row state
(who wrote it, who owns it, where it went), and operations named or re-coded on a device.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from hq import admin
from hq.models import Change, HqOperation, RowDeparture, ServerConflict
from tests.sync.conftest import Hq, start_hq
from tests.sync.test_hq_protocol_v2 import Device, contact, edit, new_id, second_operation, state


@pytest.fixture
def ben(hq: Hq) -> str:
    """A second officer of MRV."""
    admin.add_officer(hq.db, name="Ben")
    admin.assign(hq.db, officer="Ben", operation="MRV")
    return "Ben"


def officer_id(hq: Hq, name: str) -> str:
    with hq.db.read() as session:
        return admin.find_officer(session, name).id


def conflicts(hq: Hq) -> list[ServerConflict]:
    with hq.db.read() as session:
        return list(session.scalars(select(ServerConflict).order_by(ServerConflict.field)))


def log_of(hq: Hq, change_id: str) -> Change:
    with hq.db.read() as session:
        return session.scalars(select(Change).where(Change.change_id == change_id)).one()


def resolution(conflict_id: str, choice: str) -> dict[str, Any]:
    return {"change_id": new_id(), "entity": "conflict", "row_id": conflict_id,
            "fields": {"resolution": choice}}


def shared_contact(hq: Hq, first: Device, *others: Device, **fields: Any) -> tuple[str, int]:
    """A contact of MRV made on `first` and pulled by the others: its id and revision."""
    row_id, creation = contact(hq.operation_id, role="Logistics", **fields)
    [created] = first.push(creation)
    for device in others:
        device.pull()
    return row_id, created["rev"]


# --- the same edit twice ----------------------------------------------------------------

def test_the_same_edit_made_on_two_devices_is_not_a_conflict(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, _ = shared_contact(hq, ana, bens)
    [first] = ana.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                            {"role": "Logistics"}))

    [same] = bens.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                            {"role": "Logistics"}))

    assert same == {"rev": first["rev"]}  # nothing new: HQ's row keeps its revision
    assert conflicts(hq) == []
    at_hq = state(hq, "contact", row_id)
    assert at_hq.fields["role"] == "Chief"
    assert at_hq.field_revs["role"] == [first["rev"], ana.device_id]


def test_a_field_hq_does_not_have_yet_is_added_by_an_edit(hq: Hq) -> None:
    ana = Device(hq)
    row_id, _ = shared_contact(hq, ana)

    [added] = ana.push(edit("contact", row_id, hq.operation_id, {"call_sign": "Alpha 1"},
                            {"call_sign": ""}))

    assert set(added) == {"rev"}
    assert state(hq, "contact", row_id).fields["call_sign"] == "Alpha 1"


def test_a_row_created_again_with_a_value_where_hq_has_none_is_a_conflict(hq: Hq) -> None:
    ana, imported = Device(hq), Device(hq)
    row_id, creation = contact(hq.operation_id, radio=None)
    ana.push(creation)

    [again] = imported.push(dict(creation, fields={**creation["fields"], "radio": "Ch 5"}))

    assert again["status"] == "conflict"
    assert [(c["field"], c["server_value"], c["client_value"]) for c in again["conflicts"]] \
        == [("radio", None, "Ch 5")]
    assert state(hq, "contact", row_id).fields["radio"] is None


def test_a_creation_and_its_edit_in_one_push_are_both_applied(hq: Hq) -> None:
    ana = Device(hq)
    row_id, creation = contact(hq.operation_id, role="Logistics")

    results = ana.push(creation, edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                                      {"role": "Logistics"}))

    assert [set(r) for r in results] == [{"rev"}, {"rev"}]
    assert results[1]["rev"] > results[0]["rev"]
    assert state(hq, "contact", row_id).fields["role"] == "Chief"


def test_a_creation_without_fields_is_an_empty_live_row(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    bens.pull()

    empty_row = new_id()
    [created] = ana.push({"entity": "contact", "row_id": empty_row, "change_id": new_id(),
                          "operation_id": hq.operation_id, "fields": {}})
    bens.pull()

    at_hq = state(hq, "contact", empty_row)
    assert (at_hq.fields, at_hq.field_revs, at_hq.deleted) == ({}, {}, False)
    assert (at_hq.seq, at_hq.last_device_id, at_hq.others_seq) == \
        (created["rev"], ana.device_id, 0)
    assert (at_hq.operation_id, at_hq.owner_officer_id) == (hq.operation_id, None)
    assert bens.rows[("contact", empty_row)] == {}


# --- delete against edit --------------------------------------------------------------------

def test_deleting_after_the_devices_own_edits_is_not_a_conflict(hq: Hq) -> None:
    ana = Device(hq)
    row_id, created = shared_contact(hq, ana)
    ana.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"}))

    [deleted] = ana.push(edit("contact", row_id, hq.operation_id, {"deleted": True},
                              {"deleted": False}, base_rev=created))

    assert set(deleted) == {"rev"}
    assert state(hq, "contact", row_id).deleted is True
    assert conflicts(hq) == []


def test_deleting_after_a_colleagues_edit_the_device_has_seen_is_not_a_conflict(
        hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, _ = shared_contact(hq, ana, bens)
    [edited] = bens.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                              {"role": "Logistics"}))

    [deleted] = ana.push(edit("contact", row_id, hq.operation_id, {"deleted": True},
                              {"deleted": False}, base_rev=edited["rev"]))

    assert set(deleted) == {"rev"}
    assert state(hq, "contact", row_id).deleted is True


def test_deleting_after_a_colleagues_unseen_edit_is_a_conflict_hq_records(
        hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, created = shared_contact(hq, ana, bens)
    bens.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                   {"role": "Logistics"}))
    change = edit("contact", row_id, hq.operation_id, {"deleted": True, "notes": "Left"},
                  {"deleted": False, "notes": ""}, base_rev=created)

    [clash] = ana.push(change)

    assert clash["status"] == "conflict"
    [sent] = clash["conflicts"]
    assert (sent["field"], sent["client_value"], sent["server_value"], sent["base_value"]) == \
        ("deleted", True, False, False)
    [kept] = conflicts(hq)
    assert kept.id == sent["id"]
    assert (kept.officer_id, kept.device_id, kept.change_id) == \
        (officer_id(hq, "Ana"), ana.device_id, change["change_id"])
    assert (kept.entity, kept.row_id, kept.operation_id, kept.field) == \
        ("contact", row_id, hq.operation_id, "deleted")
    assert (kept.client_value, kept.server_value, kept.base_value) == (True, False, False)
    assert (kept.resolved_at, kept.resolution) == (None, "")
    at_hq = state(hq, "contact", row_id)
    assert at_hq.deleted is False
    assert at_hq.fields["notes"] == "Left"  # the rest of the change still merges


def test_a_delete_saying_nothing_of_what_it_saw_counts_every_other_devices_edit(
        hq_database_url: str) -> None:
    server, db = start_hq(hq_database_url)  # an HQ whose first event is a device's write
    admin.add_officer(db, name="Solo")
    try:
        with server:
            running = Hq(server.url, db, "", "Solo")
            laptop, tablet = Device(running, "Solo"), Device(running, "Solo")
            row_id, creation = contact(None)
            [created] = laptop.push(creation)

            [clash] = tablet.push(edit("contact", row_id, None, {"deleted": True},
                                       {"deleted": False}))

            assert created["rev"] == 1
            assert [c["field"] for c in clash["conflicts"]] == ["deleted"]
    finally:
        db.close()


def test_a_colleagues_restore_alone_does_not_stop_a_delete(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, created = shared_contact(hq, ana, bens)
    bens.push(edit("contact", row_id, hq.operation_id, {"deleted": True}, {"deleted": False}))
    bens.push(edit("contact", row_id, hq.operation_id, {"deleted": False}, {"deleted": True}))

    [deleted] = ana.push(edit("contact", row_id, hq.operation_id, {"deleted": True},
                              {"deleted": False}, base_rev=created))

    assert set(deleted) == {"rev"}
    assert state(hq, "contact", row_id).deleted is True


def test_an_edit_of_a_row_deleted_at_hq_is_a_conflict_on_deleted(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, _ = shared_contact(hq, ana, bens)
    ana.push(edit("contact", row_id, hq.operation_id, {"deleted": True}, {"deleted": False}))

    [clash] = bens.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                             {"role": "Logistics"}))

    assert clash["status"] == "conflict"
    assert [(c["field"], c["client_value"], c["server_value"]) for c in clash["conflicts"]] \
        == [("deleted", False, True)]
    [kept] = conflicts(hq)
    assert (kept.field, kept.client_value, kept.server_value, kept.officer_id) == \
        ("deleted", False, True, officer_id(hq, ben))
    at_hq = state(hq, "contact", row_id)
    assert at_hq.deleted is True
    assert at_hq.fields["role"] == "Chief"  # the edit itself still merges


def test_a_restore_sent_for_a_row_deleted_at_hq_is_applied(hq: Hq) -> None:
    ana = Device(hq)
    row_id, _ = shared_contact(hq, ana)
    ana.push(edit("contact", row_id, hq.operation_id, {"deleted": True}, {"deleted": False}))

    [restored] = ana.push(edit("contact", row_id, hq.operation_id, {"deleted": False},
                               {"deleted": True}))

    assert set(restored) == {"rev"}
    assert state(hq, "contact", row_id).deleted is False


# --- conflicts: one record each, closed once by their officer ---------------------------

def test_each_field_in_conflict_is_its_own_record_with_its_own_id(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, _ = shared_contact(hq, ana, bens, location="Port")
    ana.push(edit("contact", row_id, hq.operation_id, {"role": "Chief", "location": "Airport"},
                  {"role": "Logistics", "location": "Port"}))

    [clash] = bens.push(edit("contact", row_id, hq.operation_id,
                             {"role": "Deputy", "location": "Harbour"},
                             {"role": "Logistics", "location": "Port"}))

    sent = {c["field"]: c for c in clash["conflicts"]}
    assert sent["role"]["server_value"] == "Chief"
    assert sent["location"]["server_value"] == "Airport"
    kept = conflicts(hq)
    assert [c.field for c in kept] == ["location", "role"]
    assert len({c.id for c in kept}) == 2
    assert {c.field: c.id for c in kept} == {f: c["id"] for f, c in sent.items()}
    assert [(c.base_value, c.client_value) for c in kept] == [("Port", "Harbour"),
                                                            ("Logistics", "Deputy")]


def test_hq_records_who_closed_a_conflict_how_and_only_once(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, _ = shared_contact(hq, ana, bens)
    ana.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"}))
    [clash] = bens.push(edit("contact", row_id, hq.operation_id, {"role": "Deputy"},
                             {"role": "Logistics"}))
    conflict_id = clash["conflicts"][0]["id"]

    ana.push(resolution(conflict_id, "hq"))  # not Ana's conflict
    assert conflicts(hq)[0].resolved_at is None
    closing = resolution(conflict_id, "mine")
    [closed] = bens.push(closing)
    [closed_kept] = conflicts(hq)
    bens.push(resolution(conflict_id, "hq"))  # already closed: HQ's record stays

    [kept] = conflicts(hq)
    assert kept.resolution == "mine"
    assert kept.resolved_at is not None
    assert kept.resolved_at == closed_kept.resolved_at
    log = log_of(hq, closing["change_id"])
    assert closed == {"rev": log.seq}
    assert (log.kind, log.entity, log.row_id, log.device_id, log.fields) == \
        ("resolution", "conflict", conflict_id, bens.device_id, {"resolution": "mine"})
    assert log.result == {"change_id": closing["change_id"], "status": "applied",
                          "rev": log.seq, "conflicts": []}


# --- the change log and the row state -------------------------------------------------------

def test_the_change_log_keeps_each_change_as_sent_and_its_answer(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, _ = shared_contact(hq, ana, bens)
    mine = edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"})
    theirs = edit("contact", row_id, hq.operation_id, {"role": "Deputy"},
                  {"role": "Logistics"})
    [applied] = ana.push(mine)

    [clash] = bens.push(theirs)
    [again] = bens.push(theirs)  # a retry: the first answer, from the log

    log = log_of(hq, mine["change_id"])
    assert (log.kind, log.entity, log.row_id, log.operation_id, log.device_id, log.fields) == \
        ("row", "contact", row_id, hq.operation_id, ana.device_id, {"role": "Chief"})
    assert log.seq == applied["rev"]
    assert log.result == {"change_id": mine["change_id"], "status": "applied",
                          "rev": log.seq, "conflicts": []}
    clash_log = log_of(hq, theirs["change_id"])
    assert clash_log.result["status"] == "conflict"
    assert clash_log.result["rev"] == applied["rev"]  # HQ's row did not change
    assert again == clash
    assert clash["rev"] == applied["rev"]


def test_the_change_log_of_a_move_names_the_operation_the_row_went_to(hq: Hq) -> None:
    other = second_operation(hq, "OPB", "Ana")
    ana = Device(hq)
    row_id, _ = shared_contact(hq, ana)
    move = edit("contact", row_id, hq.operation_id, {"operation_id": other},
                {"operation_id": hq.operation_id})

    [moved] = ana.push(move)

    log = log_of(hq, move["change_id"])
    assert log.operation_id == other
    assert log.seq == moved["rev"]
    with hq.db.read() as session:
        departure = session.scalars(select(RowDeparture)).one()
    assert (departure.seq, departure.entity, departure.row_id, departure.operation_id,
            departure.owner_officer_id) == (moved["rev"], "contact", row_id,
                                            hq.operation_id, None)


def test_an_edit_sent_with_a_stale_operation_id_stays_where_hq_has_the_row(hq: Hq) -> None:
    other = second_operation(hq, "OPB", "Ana")
    laptop, tablet = Device(hq), Device(hq)
    row_id, _ = shared_contact(hq, laptop, tablet)
    laptop.push(edit("contact", row_id, other, {"operation_id": other},
                     {"operation_id": hq.operation_id}))

    [edited] = tablet.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                                {"role": "Logistics"}))

    assert set(edited) == {"rev"}
    at_hq = state(hq, "contact", row_id)
    assert (at_hq.operation_id, at_hq.fields["role"]) == (other, "Chief")


def test_a_move_with_a_conflicting_field_still_moves(hq: Hq, ben: str) -> None:
    other = second_operation(hq, "OPB", "Ana")
    ana, bens = Device(hq), Device(hq, ben)
    row_id, _ = shared_contact(hq, ana, bens)
    bens.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"}))

    [moved] = ana.push(edit("contact", row_id, other, {"operation_id": other, "role": "Deputy"},
                            {"operation_id": hq.operation_id, "role": "Logistics"}))

    assert [c["field"] for c in moved["conflicts"]] == ["role"]
    at_hq = state(hq, "contact", row_id)
    assert (at_hq.operation_id, at_hq.fields["operation_id"], at_hq.fields["role"]) == \
        (other, other, "Chief")


def test_a_move_from_an_operation_the_row_already_left_is_a_conflict_not_a_move(
        hq: Hq) -> None:
    second = second_operation(hq, "OPB", "Ana")
    third = second_operation(hq, "OPC", "Ana")
    laptop, tablet = Device(hq), Device(hq)
    row_id, _ = shared_contact(hq, laptop, tablet)
    laptop.push(edit("contact", row_id, second, {"operation_id": second},
                     {"operation_id": hq.operation_id}))

    [clash] = tablet.push(edit("contact", row_id, third, {"operation_id": third},
                               {"operation_id": hq.operation_id}))

    assert [(c["field"], c["server_value"]) for c in clash["conflicts"]] == \
        [("operation_id", second)]
    assert state(hq, "contact", row_id).operation_id == second
    with hq.db.read() as session:
        assert len(session.scalars(select(RowDeparture)).all()) == 1  # the laptop's move


def test_a_row_moved_into_an_operation_shares_the_rows_it_names(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    org_id = new_id()
    ana.push({"entity": "organisation", "fields": {"id": org_id, "operation_id": None,
                                                   "deleted": False, "name": "WFP"}})
    row_id, creation = contact(None, organisation_id=org_id)
    ana.push(creation)
    bens.pull()

    ana.push(edit("contact", row_id, hq.operation_id, {"operation_id": hq.operation_id},
                  {"operation_id": None}))
    bens.pull()

    assert bens.rows[("contact", row_id)]["organisation_id"] == org_id
    assert bens.rows[("organisation", org_id)]["name"] == "WFP"


def test_a_creation_reusing_the_id_of_the_officers_own_row_elsewhere_is_held(
        hq: Hq, ben: str) -> None:
    ana, anas_tablet, bens = Device(hq), Device(hq), Device(hq, ben)
    row_id, global_row = contact(None)
    ana.push(global_row)

    [reused] = anas_tablet.push(dict(global_row, fields={**global_row["fields"],
                                                 "operation_id": hq.operation_id}))
    [colleague] = bens.push(edit("contact", row_id, None, {"role": "Chief"}, {"role": ""}))

    assert (reused["code"], colleague["code"]) == ("not_yours", "not_yours")
    assert "elsewhere" in reused["detail"]
    assert "another officer" in colleague["detail"]
    at_hq = state(hq, "contact", row_id)
    assert (at_hq.operation_id, at_hq.owner_officer_id) == (None, officer_id(hq, "Ana"))


def test_a_row_of_no_operation_moved_away_leaves_a_departure_naming_its_owner(
        hq: Hq) -> None:
    ana = Device(hq)
    row_id, creation = contact(None)
    ana.push(creation)
    assert state(hq, "contact", row_id).owner_officer_id == officer_id(hq, "Ana")

    [moved] = ana.push(edit("contact", row_id, hq.operation_id,
                            {"operation_id": hq.operation_id}, {"operation_id": None}))

    with hq.db.read() as session:
        departure = session.scalars(select(RowDeparture)).one()
    assert (departure.seq, departure.operation_id, departure.owner_officer_id) == \
        (moved["rev"], None, officer_id(hq, "Ana"))
    at_hq = state(hq, "contact", row_id)
    assert (at_hq.operation_id, at_hq.owner_officer_id) == (hq.operation_id, None)
    assert at_hq.fields["operation_id"] == hq.operation_id


def test_the_row_state_says_who_wrote_it_last_and_when_others_did(hq: Hq, ben: str) -> None:
    ana, bens = Device(hq), Device(hq, ben)
    row_id, created = shared_contact(hq, ana, bens)
    before = state(hq, "contact", row_id)
    assert (before.seq, before.last_device_id, before.others_seq, before.deleted) == \
        (created, ana.device_id, 0, False)
    assert before.field_revs["given_name"] == [created, ana.device_id]

    [by_ben] = bens.push(edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                              {"role": "Logistics"}))
    [by_ana] = ana.push(edit("contact", row_id, hq.operation_id, {"notes": "radio"},
                             {"notes": ""}))
    [again] = ana.push(edit("contact", row_id, hq.operation_id, {"location": "Port"},
                            {"location": ""}))

    after = state(hq, "contact", row_id)
    assert (after.seq, after.last_device_id, after.others_seq) == \
        (again["rev"], ana.device_id, by_ben["rev"])
    assert after.field_revs["role"] == [by_ben["rev"], bens.device_id]
    assert after.field_revs["notes"] == [by_ana["rev"], ana.device_id]
    assert after.updated_at > before.updated_at
    assert (after.operation_id, after.owner_officer_id) == (hq.operation_id, None)
    with hq.db.read() as session:
        assert session.scalars(select(RowDeparture)).all() == []  # edits are not moves


# --- operations named on a device -------------------------------------------------------------

def operation(hq: Hq, operation_id: str) -> HqOperation:
    with hq.db.read() as session:
        return session.get(HqOperation, operation_id)


def propose(device: Device, code: str, name: str) -> str:
    proposed = new_id()
    device.push({"entity": "operation", "fields": {
        "id": proposed, "operation_id": proposed, "deleted": False, "name": name,
        "code": code, "country": "MOZ"}})
    return proposed


def test_an_operation_proposed_on_a_device_is_listed_at_hq_with_its_name_and_code(
        hq: Hq) -> None:
    ana = Device(hq)

    proposed = propose(ana, "FLD", "Floods")

    at_hq = operation(hq, proposed)
    assert (at_hq.code, at_hq.name, at_hq.proposed_by) == ("FLD", "Floods",
                                                           officer_id(hq, "Ana"))
    assert state(hq, "operation", proposed).operation_id == proposed


def test_an_operation_renamed_and_recoded_on_a_device_is_renamed_at_hq(hq: Hq) -> None:
    ana = Device(hq)
    proposed = propose(ana, "FLD", "Floods")

    ana.push(edit("operation", proposed, proposed, {"name": "Floods 2026", "code": "FLD26"},
                  {"name": "Floods", "code": "FLD"}))
    ana.push(edit("operation", hq.operation_id, hq.operation_id,
                  {"name": "Marovia floods"}, {"name": "Marovia response"}))

    assert (operation(hq, proposed).name, operation(hq, proposed).code) == \
        ("Floods 2026", "FLD26")
    assert (operation(hq, hq.operation_id).name, operation(hq, hq.operation_id).code) == \
        ("Marovia floods", "MRV")


def test_an_operation_code_another_operation_has_is_not_taken_at_hq(hq: Hq) -> None:
    ana = Device(hq)
    proposed = propose(ana, "FLD", "Floods")

    [applied] = ana.push(edit("operation", proposed, proposed, {"code": "MRV", "name": ""},
                              {"code": "FLD", "name": "Floods"}))

    assert isinstance(applied["rev"], int)
    at_hq = operation(hq, proposed)
    assert (at_hq.code, at_hq.name) == ("FLD", "Floods")  # an empty name keeps HQ's
    assert operation(hq, hq.operation_id).code == "MRV"
    assert state(hq, "operation", proposed).fields["code"] == "MRV"  # as on the devices
    ana.push(edit("operation", proposed, proposed, {"code": ""}, {"code": "MRV"}))
    assert operation(hq, proposed).code == "FLD"

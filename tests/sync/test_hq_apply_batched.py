"""HQ applies a push with few statements (issue 17): rows read once and written at its end,
log entries numbered before anything is merged. What a change sees and what is kept must
be as if each change were written on its own: a row made earlier in the same push, a
sequence number HQ takes for itself in the middle of a push, a held last change."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select

from hq.merge import encode_revs
from hq.models import Change, RowShare
from tests.sync.conftest import Hq
from tests.sync.test_hq_protocol_v2 import Device, contact, edit, logged, new_id, state


def lesson(operation_id: str, **fields: Any) -> tuple[str, dict[str, Any]]:
    """A lesson's id and its creation change."""
    row_id = new_id()
    values = {"id": row_id, "operation_id": operation_id, "deleted": False,
              "title": "Fuel at the port", "topic": "logistics", "status": "submitted",
              "sensitivity": "internal", "language": "en", **fields}
    return row_id, {"entity": "lesson", "fields": values}


def test_an_edit_merges_into_the_row_created_earlier_in_the_same_push(hq: Hq) -> None:
    ana = Device(hq)
    row_id, creation = contact(hq.operation_id, role="Logistics")
    first_edit = edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                      {"role": "Logistics"})
    stale_edit = edit("contact", row_id, hq.operation_id, {"role": "Deputy"},
                      {"role": "Logistics"})

    created, edited, clashed = ana.push(creation, first_edit, stale_edit)

    assert edited["rev"] > created["rev"]
    assert clashed["status"] == "conflict"  # merged against "Chief", not the stored nothing
    row = state(hq, "contact", row_id)
    assert row.fields["role"] == "Chief"
    assert row.seq == edited["rev"]
    assert row.field_revs["role"] == [edited["rev"], ana.device_id]
    assert row.field_revs["given_name"] == [created["rev"], ana.device_id]


def test_hq_setting_a_lessons_status_back_mid_push_is_numbered_after_the_push(
        hq: Hq) -> None:
    ana = Device(hq)
    lesson_id, claimed = lesson(hq.operation_id, status="published")  # never believed
    after = [contact(hq.operation_id)[1] for _ in range(3)]

    results = ana.push(claimed, *after)

    revs = [r["rev"] for r in results]
    row = state(hq, "lesson", lesson_id)
    assert row.fields["status"] == "submitted"
    assert row.seq > max(revs[1:])  # HQ's own change comes after every change of the push
    assert revs[0] == row.seq  # the device is answered the row's rev, HQ's change included
    with hq.db.read() as session:
        kinds = session.execute(select(Change.seq, Change.kind).order_by(Change.seq)).all()
    assert [kind for _, kind in kinds][-5:] == ["row", "row", "row", "row", "review"]


def test_a_held_last_change_is_not_logged_and_goes_again_as_new(hq: Hq) -> None:
    ana = Device(hq)
    _, first = contact(hq.operation_id)
    late_id, late_creation = contact(hq.operation_id, role="Logistics")
    early_edit = edit("contact", late_id, hq.operation_id, {"role": "Chief"},
                      {"role": "Logistics"})

    applied, held = ana.push(first, early_edit)  # its row's creation has not come yet
    assert logged(hq, early_edit["change_id"]) == 0
    created, edited = ana.push(late_creation, early_edit)

    assert isinstance(applied["rev"], int)
    assert held["status"] == "held"
    assert edited["rev"] > created["rev"]
    assert state(hq, "contact", late_id).fields["role"] == "Chief"
    assert logged(hq, early_edit["change_id"]) == 1


def test_a_global_contact_made_in_the_push_of_the_rfa_naming_it_is_shared(hq: Hq) -> None:
    ana = Device(hq)
    contact_id, global_contact = contact(None)
    rfa = {"entity": "rfa", "fields": {"id": new_id(), "operation_id": hq.operation_id,
                                       "deleted": False, "reference": "MRV-11-0003",
                                       "contact_id": contact_id}}

    made, named = ana.push(global_contact, rfa)

    row = state(hq, "contact", contact_id)
    assert row.seq == named["rev"] > made["rev"]  # re-sequenced: colleagues receive it
    assert row.others_seq == row.seq
    with hq.db.read() as session:
        shares = session.execute(select(RowShare.entity, RowShare.row_id,
                                        RowShare.operation_id)).all()
    assert shares == [("contact", contact_id, hq.operation_id)]


def test_field_revisions_are_encoded_as_json_encodes_them() -> None:
    device = str(uuid.uuid4())
    for revs in ({}, {"id": [7, device]}, {"id": [7, device], "name": [7, device]},
                 {"id": [7, device], "name": [9, None]}, {"caf\u00e9": [1, "d\u00e9"]}):
        assert encode_revs(revs) == json.dumps(revs)

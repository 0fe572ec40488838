"""Every syncable entity makes the round trip: created on one device, edited on the other,
deleted (tombstone) on the first; after each step both devices and HQ hold the same row."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from fieldapp.models import (
    SYNCABLE_MODELS,
    Asset,
    AssetStatusEvent,
    ChecklistTick,
    Contact,
    HandbookBookmark,
    HandbookNote,
    Lesson,
    Operation,
    Organisation,
    RegisterProposal,
    Rfa,
    RfaEvent,
    new_id,
)
from fieldapp.outbox import encode_value, synced_columns
from hq.models import RowState
from sync.client import sync_once
from tests.sync.conftest import enrolled

WHEN = datetime(2026, 11, 3, 14, 30, 15, 250000, tzinfo=UTC)


def _rows(op_id: str) -> list[tuple[object, dict[str, object]]]:
    """One new row of every syncable entity, and an edit of it (new values by field)."""
    org = Organisation(id=new_id(), operation_id=op_id, name="Marovia Red Cross", acronym="MRC",
                       org_type="ngo", country="HTI")
    contact = Contact(operation_id=op_id, given_name="Amira", family_name="Haddad",
                      organisation_id=org.id, role="Logistics", emails=["a@example.org"],
                      phones=[{"kind": "mobile", "number": "+50937000000", "valid": True}])
    asset = Asset(id=new_id(), operation_id=op_id, category="helicopter", description="Medium lift",
                  provider_state="FRA", capacity_value=2.5, capacity_unit="t", quantity=2,
                  latitude=18.5, longitude=-72.3, available_from=date(2026, 11, 1),
                  confirmed_at=WHEN)
    rfa = Rfa(id=new_id(), operation_id=op_id, reference="MRV-11-0001", title="Airlift of water",
              passengers=3, cargo_tonnes=1.25, required_from=WHEN,
              proposed_asset_ids=[asset.id], priority="life_saving")
    operation = Operation(name="Flood response", code="FLD", country="HTI",
                          start_date=date(2026, 10, 30), timezone="America/Port-au-Prince")
    return [
        (operation, {"notes": "Phase 2 from 15 Nov", "end_date": date(2027, 1, 31)}),
        (org, {"acronym": "MRCS", "notes": "Warehouse at the port"}),
        (contact, {"phones": [{"kind": "sat", "number": "+881600000000", "valid": True}],
                   "favourite": True}),
        (asset, {"capacity_value": 3.0, "available_to": date(2026, 12, 24),
                 "status": "accepted"}),
        (AssetStatusEvent(operation_id=op_id, asset_id=asset.id, status="accepted", at=WHEN,
                          by="Ana"), {"comment": "confirmed by radio"}),
        (rfa, {"title": "Airlift of water and tents", "required_until": WHEN,
               "status": "submitted"}),
        (RfaEvent(operation_id=op_id, rfa_id=rfa.id, from_status="draft",
                  to_status="submitted", at=WHEN, by="Ana"), {"comment": "urgent"}),
        (Lesson(operation_id=op_id, title="Fuel at the airport", observation="Ran out",
                observed_on=date(2026, 11, 2), keywords="fuel, airport"),
         {"recommendation": "Pre-position fuel", "observed_on": date(2026, 11, 4)}),
        (HandbookBookmark(section_slug="principles", anchor="last-resort", label="Last resort"),
         {"label": "Last resort (read first)"}),
        (HandbookNote(section_slug="principles", body="Check with the HC first"),
         {"body": "Check with the HC and the RC first"}),
        (ChecklistTick(operation_id=op_id, section_slug="first-72-hours", item_key="item-3"),
         {"ticked": False}),
        (RegisterProposal(entry_id=new_id(), changes={"quantity": "2"}, comment="Two"),
         {"comment": "Two aircraft, not three",
          "changes": {"quantity": "2", "poc_phone": "+41 22 917 1234"}}),
    ]


def _snapshot(db, model, row_id):
    with db.session() as session:
        row = session.get(model, row_id)
        assert row is not None, f"{model.__sync_entity__} {row_id} missing"
        return {key: encode_value(getattr(row, key)) for key in synced_columns(model)}


def _hq_fields(hq, model, row_id):
    with hq.db.read() as session:
        state = session.get(RowState, (model.__sync_entity__, row_id))
        assert state is not None, f"HQ has no {model.__sync_entity__} {row_id}"
        return state.fields


def _assert_same_everywhere(hq, a, b, rows):
    for row, _ in rows:
        model = type(row)
        mine = _snapshot(a, model, row.id)
        assert _snapshot(b, model, row.id) == mine, model.__sync_entity__
        hq_fields = _hq_fields(hq, model, row.id)
        assert {k: hq_fields.get(k) for k in mine} == mine, model.__sync_entity__


def test_every_entity_is_created_edited_and_deleted_across_devices(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    rows = _rows(hq.operation_id)
    assert {type(r).__sync_entity__ for r, _ in rows} == \
        {m.__sync_entity__ for m in SYNCABLE_MODELS
         if not getattr(m, "__written_by_hq__", False)}, "a syncable entity is not covered"
    with a.transaction() as session:
        for row, _ in rows:
            session.add(row)
            session.flush()  # no ORM relationships: insert in the order given
    sync_once(a)
    assert sync_once(b).pulled == len(rows)
    _assert_same_everywhere(hq, a, b, rows)

    with b.transaction() as session:
        for row, edit in rows:
            stored = session.get(type(row), row.id)
            for key, value in edit.items():
                setattr(stored, key, value)
    assert sync_once(b).pushed == len(rows)
    assert sync_once(a).pulled == len(rows)
    _assert_same_everywhere(hq, a, b, rows)
    for row, edit in rows:
        values = _snapshot(a, type(row), row.id)
        assert {k: values[k] for k in edit} == {k: encode_value(v) for k, v in edit.items()}

    with a.transaction() as session:
        for row, _ in reversed(rows):
            session.get(type(row), row.id).deleted = True
    sync_once(a)
    assert sync_once(b).pulled == len(rows)
    _assert_same_everywhere(hq, a, b, rows)
    for row, _ in rows:
        assert _snapshot(b, type(row), row.id)["deleted"] is True
        with hq.db.read() as session:
            assert session.get(RowState, (type(row).__sync_entity__, row.id)).deleted
    with b.session() as session:  # tombstones: rows stay, marked deleted
        assert session.scalar(select(Contact.deleted)) is True

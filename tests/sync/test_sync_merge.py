"""Two real devices and a real HQ: round trip, field-level merge, conflicts, tombstones."""

from __future__ import annotations

from sqlalchemy import func, select

from fieldapp.models import Conflict, Contact, OutboxEntry, Rfa, RfaEvent
from hq.models import Change, RowState, ServerConflict
from sync.client import open_conflicts, resolve_conflict, sync_once, sync_status
from tests.sync.conftest import enrolled, operation_of


def _add_contact(db, op_id, **values):
    with db.transaction() as session:
        contact = Contact(operation_id=op_id, given_name="Amira", family_name="Haddad",
                          role="Logistics", **values)
        session.add(contact)
    return contact.id


def _edit(db, model, row_id, **values):
    with db.transaction() as session:
        row = session.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)


def _get(db, model, row_id):
    with db.session() as session:
        return session.get(model, row_id)


def _contact_on_two_devices(hq, make_profile):
    """Devices a and b enrolled, and a contact made on a that both have after a sync."""
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    contact_id = _add_contact(a, hq.operation_id)
    sync_once(a)
    sync_once(b)
    assert _get(b, Contact, contact_id) is not None
    return a, b, contact_id


def test_operation_from_hq_reaches_an_enrolled_device(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    assert operation_of(a) == hq.operation_id
    with a.session() as session:
        status = sync_status(session)
    assert status.enrolled
    assert status.officer_name == "Ana"
    assert status.token_storage == "database"
    assert status.pending == {}
    assert status.last_success is not None


def test_round_trip_and_different_fields_on_two_devices_are_both_kept(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    contact_id = _add_contact(a, hq.operation_id, phones=[{"kind": "mobile",
                                                           "number": "+50937000000",
                                                           "valid": True}])
    assert sync_once(a).pushed == 1
    assert sync_once(b).pulled == 1
    assert _get(b, Contact, contact_id).phones[0]["number"] == "+50937000000"

    _edit(a, Contact, contact_id, role="Head of logistics")
    _edit(b, Contact, contact_id, location="Port-Marie airport")
    sync_once(a)
    result = sync_once(b)
    assert result.conflicts == 0
    sync_once(a)
    for db in (a, b):
        row = _get(db, Contact, contact_id)
        assert (row.role, row.location) == ("Head of logistics", "Port-Marie airport")
    with hq.db.read() as session:
        assert session.get(RowState, ("contact", contact_id)).fields["role"] == \
            "Head of logistics"


def test_same_field_changed_differently_is_a_conflict_with_both_values(hq, make_profile):
    a, b, contact_id = _contact_on_two_devices(hq, make_profile)
    _edit(a, Contact, contact_id, role="Chief")
    _edit(b, Contact, contact_id, role="Deputy")
    sync_once(a)
    assert sync_once(b).conflicts == 1

    # HQ's value stays in place on both sides until the officer decides.
    assert _get(b, Contact, contact_id).role == "Chief"
    with hq.db.read() as session:
        assert session.get(RowState, ("contact", contact_id)).fields["role"] == "Chief"
        clash = session.scalars(select(ServerConflict)).one()
        assert (clash.client_value, clash.server_value, clash.base_value) == \
            ("Deputy", "Chief", "Logistics")
    with b.session() as session:
        [conflict] = open_conflicts(session)
        assert (conflict.field, conflict.local_value, conflict.server_value) == \
            ("role", "Deputy", "Chief")
        assert sync_status(session).conflicts == 1

    with b.transaction() as session:
        resolve_conflict(session, conflict.id, choice="mine")
    sync_once(b)
    sync_once(a)
    assert _get(a, Contact, contact_id).role == "Deputy"
    assert _get(b, Contact, contact_id).role == "Deputy"
    with hq.db.read() as session:
        assert session.scalars(select(ServerConflict)).one().resolution == "mine"
    with b.session() as session:
        assert open_conflicts(session) == []


def test_edit_resolution_sends_a_new_value(hq, make_profile):
    a, b, contact_id = _contact_on_two_devices(hq, make_profile)
    _edit(a, Contact, contact_id, notes="radio 3")
    _edit(b, Contact, contact_id, notes="radio 4")
    sync_once(a)
    sync_once(b)
    with b.transaction() as session:
        [conflict] = open_conflicts(session)
        resolve_conflict(session, conflict.id, choice="edit", value="radio 3 or 4")
    sync_once(b)
    sync_once(a)
    assert _get(a, Contact, contact_id).notes == "radio 3 or 4"
    assert _get(b, Contact, contact_id).notes == "radio 3 or 4"
    with hq.db.read() as session:
        assert session.get(RowState, ("contact", contact_id)).fields["notes"] == "radio 3 or 4"
        assert session.scalars(select(ServerConflict)).one().resolution == "edit"
    with b.session() as session:
        assert open_conflicts(session) == []


def test_delete_against_edit_is_a_conflict_never_a_silent_loss(hq, make_profile):
    a, b, contact_id = _contact_on_two_devices(hq, make_profile)
    _edit(a, Contact, contact_id, role="Still here")
    _edit(b, Contact, contact_id, deleted=True)
    sync_once(a)
    assert sync_once(b).conflicts == 1
    with hq.db.read() as session:
        state = session.get(RowState, ("contact", contact_id))
        assert not state.deleted
        assert state.fields["role"] == "Still here"
    sync_once(b)
    row = _get(b, Contact, contact_id)
    assert not row.deleted
    assert row.role == "Still here"
    with b.session() as session:
        [conflict] = open_conflicts(session)
        assert (conflict.field, conflict.local_value, conflict.server_value) == \
            ("deleted", True, False)


def test_edit_of_a_row_deleted_at_hq_does_not_resurrect_it(hq, make_profile):
    a, b, contact_id = _contact_on_two_devices(hq, make_profile)
    _edit(a, Contact, contact_id, deleted=True)
    _edit(b, Contact, contact_id, role="Edited offline")
    sync_once(a)
    assert sync_once(b).conflicts == 1
    with hq.db.read() as session:
        assert session.get(RowState, ("contact", contact_id)).deleted
    assert _get(b, Contact, contact_id).deleted
    with b.transaction() as session:
        [conflict] = open_conflicts(session)
        resolve_conflict(session, conflict.id, choice="mine")  # undelete
    sync_once(b)
    sync_once(a)
    row = _get(a, Contact, contact_id)
    assert not row.deleted
    assert row.role == "Edited offline"


def test_rfa_status_history_merges_as_a_union(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    with a.transaction() as session:
        rfa = Rfa(operation_id=hq.operation_id, reference="MRV-11-0001", title="Airlift")
        session.add(rfa)
    sync_once(a)
    sync_once(b)
    with a.transaction() as session:
        session.add(RfaEvent(operation_id=hq.operation_id, rfa_id=rfa.id, from_status="draft",
                             to_status="submitted", by="Ana on laptop A"))
    with b.transaction() as session:
        session.add(RfaEvent(operation_id=hq.operation_id, rfa_id=rfa.id, from_status="draft",
                             to_status="submitted", comment="radio call", by="Ana on B"))
    for db in (a, b, a):
        sync_once(db)
    for db in (a, b):
        with db.session() as session:
            events = session.scalars(select(RfaEvent.by).where(RfaEvent.rfa_id == rfa.id))
            assert sorted(events) == ["Ana on B", "Ana on laptop A"]


def test_urgent_rfas_are_pushed_first_and_demo_data_never(hq, make_profile):
    from fieldapp.demo import load_demo

    a = enrolled(hq, make_profile, "a")
    load_demo(a)
    with a.transaction() as session:
        routine = [Rfa(operation_id=hq.operation_id, reference=f"MRV-11-{n:04d}",
                       priority="other") for n in range(1, 4)]
        session.add_all(routine)
    with a.transaction() as session:
        urgent = Rfa(operation_id=hq.operation_id, reference="MRV-11-0009",
                     priority="life_saving")
        session.add(urgent)
    sync_once(a, push_batch=1)
    with hq.db.read() as session:
        order = session.scalars(select(Change.row_id).where(Change.entity == "rfa")
                                .order_by(Change.seq)).all()
        assert order[0] == urgent.id
        assert len(order) == 4
        demo_rows = session.scalar(select(func.count()).select_from(RowState)
                                   .where(RowState.operation_id != hq.operation_id))
        assert demo_rows == 0
    with a.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert session.scalar(select(func.count()).select_from(Conflict)) == 0

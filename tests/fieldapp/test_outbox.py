"""Every local write of a syncable row leaves exactly one outbox entry, atomically."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from fieldapp.models import Contact, Counter, Operation, OutboxEntry, Rfa
from fieldapp.outbox import SEQ_COUNTER, URGENT_PRIORITY, remote_writes


def _entries(db) -> list[OutboxEntry]:
    with db.session() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.created_at)))


def test_new_row_records_all_its_fields_and_an_empty_base(db):
    with db.transaction() as session:
        session.add(Contact(given_name="Amara", family_name="Diallo", role="Logistics"))
    [entry] = _entries(db)
    assert entry.entity == "contact"
    assert entry.fields["given_name"] == "Amara"
    assert entry.fields["deleted"] is False
    assert "rev" not in entry.fields
    assert entry.base == {}


def test_edit_records_only_changed_fields_with_the_values_they_replaced(db):
    with db.transaction() as session:
        contact = Contact(given_name="Amara", family_name="Diallo", role="Logistics")
        session.add(contact)
    with db.transaction() as session:
        loaded = session.get(Contact, contact.id)
        loaded.role = "Cluster coordinator"
        loaded.family_name = "Diallo"  # unchanged value: not a change
    entries = _entries(db)
    assert len(entries) == 2
    assert entries[1].fields == {"role": "Cluster coordinator"}
    assert entries[1].base == {"role": "Logistics"}


def test_edit_of_an_unloaded_attribute_still_knows_its_base(db):
    with db.transaction() as session:
        contact = Contact(given_name="Amara", role="Logistics")
        session.add(contact)
    with db.transaction() as session:
        loaded = session.get(Contact, contact.id)
        session.expire(loaded)
        loaded.role = "Liaison"
    assert _entries(db)[-1].base == {"role": "Logistics"}


def test_failure_mid_transaction_leaves_neither_row_nor_outbox_entry(db):
    class BoomError(Exception):
        pass

    with pytest.raises(BoomError), db.transaction() as session:
        session.add(Contact(given_name="Lost"))
        session.flush()  # row and entry are written inside the transaction...
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 1
        raise BoomError  # ...and both go when it rolls back
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_rows_from_hq_make_no_outbox_entry(db):
    with db.transaction() as session, remote_writes(session):
        session.add(Contact(given_name="From", family_name="Geneva", rev=12))
    assert _entries(db) == []


def test_syncable_rows_are_tombstoned_never_deleted(db):
    with db.transaction() as session:
        contact = Contact(given_name="Amara")
        session.add(contact)
    with pytest.raises(TypeError, match="deleted=True"), db.transaction() as session:
        session.delete(session.get(Contact, contact.id))
    with db.transaction() as session:
        session.get(Contact, contact.id).deleted = True
    assert _entries(db)[-1].fields == {"deleted": True}


def test_life_saving_requests_are_queued_as_urgent(db):
    with db.transaction() as session:
        operation = Operation(name="Op", code="OP", country="MOZ")
        session.add(operation)
        session.flush()
        session.add(Rfa(reference="OP-01-0001", operation_id=operation.id,
                        priority="life_saving"))
        session.add(Rfa(reference="OP-01-0002", operation_id=operation.id, priority="other"))
    by_ref = {e.fields.get("reference"): e.priority for e in _entries(db)}
    assert by_ref["OP-01-0001"] == URGENT_PRIORITY
    assert by_ref["OP-01-0002"] == 0


def test_operation_belongs_to_itself(db):
    with db.transaction() as session:
        operation = Operation(name="Op", code="OP", country="MOZ")
        session.add(operation)
    assert operation.operation_id == operation.id
    assert _entries(db)[0].operation_id == operation.id


def test_an_edit_in_the_transaction_that_created_the_row_records_what_it_replaced(db):
    with db.transaction() as session:
        operation = Operation(name="Op", code="OP", country="MOZ")
        session.add(operation)
        session.flush()
        rfa = Rfa(reference="OP-01-0001", operation_id=operation.id)
        session.add(rfa)
        session.flush()
        rfa.required_from = None  # left unset at creation: no change
        rfa.passengers = 12  # left unset at creation: NULL is what it replaced
    entry = _entries(db)[-1]
    assert entry.row_id == rfa.id
    assert entry.fields == {"passengers": 12}
    assert entry.base == {"passengers": None}


def test_changes_are_numbered_one_by_one_in_the_order_made(db):
    with db.transaction() as session:
        first = Contact(given_name="Amara")
        session.add(first)
        session.flush()
        session.add(Contact(given_name="Bruno"))
    with db.transaction() as session:
        session.get(Contact, first.id).role = "Liaison"
    with db.session() as session:
        entries = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        assert [(e.fields.get("given_name"), e.seq) for e in entries] == \
            [("Amara", 1), ("Bruno", 2), (None, 3)]
        assert session.get(Counter, SEQ_COUNTER).value == 3


def test_an_entry_queued_by_hand_goes_after_the_edits_of_its_unit_of_work(db):
    # A conflict's resolution note follows the edit it decided (sync.client).
    with db.transaction() as session:
        contact = Contact(given_name="Amara", role="Logistics")
        session.add(contact)
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Liaison"
        session.add(OutboxEntry(entity="conflict", row_id="c-1", operation_id=None,
                                fields={"resolution": "mine"}, base={}))
    with db.session() as session:
        order = session.scalars(select(OutboxEntry.entity).order_by(OutboxEntry.seq)).all()
    assert order == ["contact", "contact", "conflict"]


def _updated_at(db, contact_id):
    with db.session() as session:
        return session.get(Contact, contact_id).updated_at


def test_an_edit_made_here_refreshes_updated_at(db, laptop_clock):
    laptop_clock(-timedelta(days=2))
    with db.transaction() as session:
        contact = Contact(given_name="Amara", role="Logistics")
        session.add(contact)
    created = _updated_at(db, contact.id)
    laptop_clock(timedelta(0))
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Liaison"
    assert _updated_at(db, contact.id) - created > timedelta(days=1)


def test_a_change_applied_from_hq_refreshes_updated_at_and_makes_no_entry(db, laptop_clock):
    laptop_clock(-timedelta(days=2))
    with db.transaction() as session:
        contact = Contact(given_name="Amara", role="Logistics")
        session.add(contact)
    created = _updated_at(db, contact.id)
    laptop_clock(timedelta(0))
    with db.transaction() as session, remote_writes(session):
        row = session.get(Contact, contact.id)
        row.role = "Cluster coordinator"  # a colleague's edit, pulled
        row.rev = 8
    assert _updated_at(db, contact.id) - created > timedelta(days=1)
    assert len(_entries(db)) == 1


def test_hq_acknowledging_a_row_leaves_its_updated_at_alone(db, laptop_clock):
    laptop_clock(-timedelta(days=2))
    with db.transaction() as session:
        contact = Contact(given_name="Amara")
        session.add(contact)
    created = _updated_at(db, contact.id)
    laptop_clock(timedelta(0))
    with db.transaction() as session, remote_writes(session):
        session.get(Contact, contact.id).rev = 5  # HQ's revision: bookkeeping only
    assert _updated_at(db, contact.id) == created

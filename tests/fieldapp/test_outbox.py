"""Every local write of a syncable row leaves exactly one outbox entry, atomically."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from fieldapp.models import Contact, Operation, OutboxEntry, Rfa
from fieldapp.outbox import URGENT_PRIORITY, remote_writes


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

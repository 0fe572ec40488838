"""What a push sends, on a real profile database: the order of the outbox, the batches cut
from it, each change as it goes on the wire, holds released for another try, and practice
data that never leaves."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from fieldapp.demo import load_demo
from fieldapp.models import Contact, Operation, Organisation, OutboxEntry, Rfa
from fieldapp.outbox import remote_writes
from sync import local


def _order(db) -> list[str]:
    with db.session() as session:
        return local.push_order(session)


def _batch(db, order: list[str], limit: int = 100, held_rows=frozenset()) -> list[dict]:
    with db.session() as session:
        return local.push_batch(session, order, limit, held_rows=set(held_rows))


def _entries(db) -> list[OutboxEntry]:
    with db.session() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _known(db, row) -> None:
    """The row as HQ has it (a revision), with its creation already gone."""
    row.id = row.id or str(uuid.uuid4())
    with db.transaction() as session, remote_writes(session):
        session.merge(row).rev = 3
    with db.transaction() as session:
        session.execute(OutboxEntry.__table__.delete())


def _hold(db, change_id: str, code: str = "invalid_value", *, sync_number: int = 1) -> None:
    with db.transaction() as session:
        [change] = [c for c in local.push_batch(session, [change_id], 1, held_rows=set())]
        local.acknowledge(session, [change], [{"status": "held", "code": code}],
                          sync_number=sync_number)


def test_operations_go_before_anything_made_earlier(db):
    with db.transaction() as session:
        session.add(Contact(given_name="Amira"))
    with db.transaction() as session:
        session.add(Operation(code="NEW", name="New response", country="HTI"))
    sent = _batch(db, _order(db))
    assert [c["entity"] for c in sent] == ["operation", "contact"]


def test_rows_go_by_their_first_change_with_their_later_changes(db):
    with db.transaction() as session:
        amira, ben = Contact(given_name="Amira"), Contact(given_name="Ben")
        session.add(amira)
        session.flush()
        session.add(ben)
    with db.transaction() as session:
        session.get(Contact, amira.id).role = "Chief"
    sent = _batch(db, _order(db))
    assert [(c["row_id"], c["fields"].get("role")) for c in sent] == [
        (amira.id, ""), (amira.id, "Chief"), (ben.id, "")]


def test_a_rows_changes_go_in_their_local_sequence_whatever_order_they_were_stored(db):
    row_id = str(uuid.uuid4())
    with db.transaction() as session:
        for seq, role in [(7, "third"), (3, "first"), (5, "second")]:
            session.add(OutboxEntry(entity="contact", row_id=row_id, fields={"role": role},
                                    base={"role": "x"}, seq=seq))
    sent = _batch(db, _order(db))
    assert [c["fields"]["role"] for c in sent] == ["first", "second", "third"]


def test_a_held_change_keeps_back_only_the_later_changes_of_its_own_row(db):
    shared = str(uuid.uuid4())  # a contact and an organisation that share an id
    with db.transaction() as session:
        held = Contact(id=shared, given_name="Amira")
        session.add(held)
        session.flush()
        session.add(Organisation(id=shared, name="WFP"))
        session.flush()
        session.add(Contact(given_name="Ben"))
    first = _order(db)[0]
    _hold(db, first)
    with db.transaction() as session:
        session.get(Contact, shared).role = "Chief"  # behind the held creation
    sent = _batch(db, _order(db))
    assert sorted((c["entity"], c["fields"].get("given_name") or c["fields"].get("name"))
                  for c in sent) == [("contact", "Ben"), ("organisation", "WFP")]


def test_changes_made_before_the_held_one_still_go(db):
    with db.transaction() as session:
        contact = Contact(given_name="Amira")
        session.add(contact)
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Chief"
    creation, edit = _order(db)
    _hold(db, edit)
    assert [c["local_id"] for c in _batch(db, _order(db))] == [creation]


def test_a_batch_holds_at_most_the_limit_even_when_changes_are_skipped(db):
    with db.transaction() as session:
        held = Contact(given_name="Held")
        session.add(held)
        session.flush()
        session.add_all([Contact(given_name=f"C{n}") for n in range(4)])
    order = _order(db)
    first = _batch(db, order, limit=2, held_rows={("contact", held.id)})
    assert [c["fields"]["given_name"] for c in first] == ["C0", "C1"]
    assert [c["fields"]["given_name"] for c in _batch(db, order, limit=2)] == ["C2", "C3"]
    assert order == []
    assert _batch(db, order, limit=2) == []


def test_a_change_gone_from_the_outbox_since_the_order_was_read_is_skipped(db):
    with db.transaction() as session:
        session.add_all([Contact(given_name="Amira"), Contact(given_name="Ben")])
    order = _order(db)
    with db.transaction() as session:
        session.delete(session.get(OutboxEntry, order[0]))
    assert [c["fields"]["given_name"] for c in _batch(db, order)] == ["Ben"]


def test_a_creation_travels_as_its_fields_under_the_id_both_sides_derive(db):
    with db.transaction() as session:
        contact = Contact(given_name="Amira")
        session.add(contact)
    [change] = _batch(db, _order(db))
    [entry] = _entries(db)
    assert change["change_id"] == local.creation_change_id("contact", contact.id) \
        == str(uuid.uuid5(local.CREATION_NAMESPACE, f"contact:{contact.id}"))
    assert change["implicit"] is True
    assert (change["entity"], change["row_id"], change["local_id"]) == \
        ("contact", contact.id, entry.change_id)
    assert change["fields"]["given_name"] == "Amira"
    [sent] = local.wire_body([change])["changes"]
    assert sent == {"entity": "contact", "fields": change["fields"]}


def test_an_edit_travels_with_its_base_and_the_revision_the_officer_saw(db):
    contact = Contact(given_name="Amira", role="Deputy")
    _known(db, contact)
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Chief"
    [change] = _batch(db, _order(db))
    [entry] = _entries(db)
    [sent] = local.wire_body([change])["changes"]
    assert sent == {"entity": "contact", "fields": {"role": "Chief"}, "row_id": contact.id,
                    "change_id": entry.change_id, "operation_id": None,
                    "base": {"role": "Deputy"}, "base_rev": 3}


def test_an_edit_of_a_row_in_an_operation_names_its_operation(db):
    with db.transaction() as session:
        op = Operation(code="MRV", name="Marovia", country="HTI")
        session.add(op)
        session.flush()
        rfa = Rfa(reference="MRV-1", title="Airlift", operation_id=op.id)
        session.add(rfa)
    _known(db, rfa)
    with db.transaction() as session:
        session.get(Rfa, rfa.id).title = "Sealift"
    [change] = _batch(db, _order(db))
    assert (change["operation_id"], change["base"]) == (op.id, {"title": "Airlift"})


def test_an_entry_without_a_base_that_is_not_its_rows_creation_goes_explicitly(db):
    """A conflict's note (or a creation whose fields disagree with its row) is sent with
    its own change id, never under a derived one."""
    row_id = str(uuid.uuid4())
    with db.transaction() as session:
        session.add_all([
            OutboxEntry(entity="conflict", row_id=row_id, fields={"resolution": "hq"},
                        base={}),
            OutboxEntry(entity="contact", row_id=row_id, operation_id=None,
                        fields={"id": row_id, "operation_id": str(uuid.uuid4())}, base={}),
            OutboxEntry(entity="contact", row_id=row_id, operation_id=None,
                        fields={"id": str(uuid.uuid4()), "operation_id": None}, base={})])
    sent = _batch(db, _order(db))
    assert len(sent) == 3
    for change in sent:
        assert "implicit" not in change
        assert change["change_id"] == change["local_id"]
        assert change["base"] == {}
        assert "base_rev" not in change
        wired = local.wire_body([change])["changes"][0]
        assert wired["change_id"] == change["local_id"]
        assert wired["row_id"] == row_id
        assert "local_id" not in wired


def _held_entry(db, code: str, count: int, at: int) -> None:
    with db.transaction() as session:
        session.add(Contact(given_name="Amira"))
    for n in range(count):
        [change_id] = _order(db)
        _hold(db, change_id, code, sync_number=at)
        if n < count - 1:
            with db.transaction() as session:
                local.release_holds(session, sync_number=at, everything=True)


def _released(db, sync_number: int, everything: bool = False) -> int:
    with db.transaction() as session:
        return local.release_holds(session, sync_number=sync_number, everything=everything)


def test_a_change_held_four_times_waits_eight_syncs(db):
    _held_entry(db, "not_yours", 4, at=100)
    assert _released(db, 107) == 0
    assert _released(db, 108) == 1
    assert len(_order(db)) == 1


def test_the_wait_between_tries_stops_growing_at_64_syncs(db):
    _held_entry(db, "unknown_operation", 9, at=100)
    assert _released(db, 163) == 0
    assert _released(db, 164) == 1


def test_an_hq_upgrade_releases_every_transient_hold_at_once(db):
    _held_entry(db, "not_in_your_operations", 1, at=100)
    _held_entry(db, "unknown_entity", 1, at=100)
    assert _released(db, 100, everything=True) == 2
    assert len(_order(db)) == 2
    assert _released(db, 100, everything=True) == 0


def test_demo_entries_and_orphan_edits_are_dropped_the_rest_stays(db):
    mine = Contact(given_name="Amira")
    _known(db, mine)
    load_demo(db)
    with db.transaction() as session:
        session.get(Contact, mine.id).role = "Chief"  # HQ knows the row: stays
        fresh = Contact(given_name="Ben")  # its creation waits: its edit stays
        session.add(fresh)
    with db.transaction() as session:
        session.get(Contact, fresh.id).role = "Driver"
        orphan = str(uuid.uuid4())  # a row HQ never saw and that is not going
        session.add(Contact(id=orphan, given_name="Orphan"))
    with db.transaction() as session:
        session.execute(OutboxEntry.__table__.delete().where(OutboxEntry.row_id == orphan))
    with db.transaction() as session:
        session.get(Contact, orphan).role = "Ghost"
        session.add(OutboxEntry(entity="conflict", row_id=str(uuid.uuid4()),
                                fields={"resolution": "mine"}, base={}))
    with db.transaction() as session:
        local.drop_demo_entries(session)
    left = _entries(db)
    assert sorted((e.entity, e.fields.get("role") or e.fields.get("given_name")
                   or e.fields.get("resolution")) for e in left) == [
        ("conflict", "mine"), ("contact", "Ben"), ("contact", "Chief"), ("contact", "Driver")]


def test_an_edit_of_a_kind_this_version_does_not_know_is_left_alone(db):
    """A profile last opened by a newer version may hold such an entry: it stays, and
    the orphan edits after it are still dropped."""
    orphan = str(uuid.uuid4())
    with db.transaction() as session:
        session.add(OutboxEntry(entity="mission_log", row_id=orphan, fields={"a": 1},
                                base={"a": 0}, seq=1))
        session.add(Contact(id=orphan, given_name="Orphan"))
    with db.transaction() as session:
        session.execute(OutboxEntry.__table__.delete().where(OutboxEntry.entity == "contact"))
    with db.transaction() as session:
        session.get(Contact, orphan).role = "Ghost"
    with db.transaction() as session:
        local.drop_demo_entries(session)
    assert [e.entity for e in _entries(db)] == ["mission_log"]


def test_more_orphan_edits_than_one_query_takes_are_all_dropped(db):
    with db.transaction() as session:
        contacts = [Contact(given_name=f"C{n}") for n in range(local.IN_LIST_SIZE + 2)]
        session.add_all(contacts)
    with db.transaction() as session:
        session.execute(OutboxEntry.__table__.delete())
    with db.transaction() as session:
        for contact in session.scalars(select(Contact)):
            contact.role = "Ghost"
    with db.transaction() as session:
        local.drop_demo_entries(session)
    assert _entries(db) == []

"""HQ's answer to a pushed batch, applied on a real profile database: what leaves the
outbox, what stays (held, waiting, not understood), the revision a creation gets, and the
conflicts kept for the officer with HQ's value taken where the officer did not change it
again."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from fieldapp.models import Conflict, Contact, OutboxEntry, Rfa
from fieldapp.outbox import remote_writes
from sync import local
from sync.client import held_changes

CONFLICT_ID = "c0ffee00-0000-4000-8000-000000000001"


def _sent(db) -> list[dict]:
    with db.session() as session:
        return local.push_batch(session, local.push_order(session), 100, held_rows=set())


def _answer(db, sent: list[dict], results: list, sync_number: int = 1) -> local.Acknowledged:
    with local.lenient_transaction(db) as session:
        return local.acknowledge(session, sent, results, sync_number=sync_number)


def _waiting(db) -> list[OutboxEntry]:
    with db.session() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _three(db) -> list[dict]:
    with db.transaction() as session:
        for name in ("Amira", "Ben", "Chen"):
            session.add(Contact(given_name=name))
            session.flush()
    return _sent(db)


def _names(entries: list[OutboxEntry]) -> list[str]:
    return [e.fields["given_name"] for e in entries]


def _known_contact(db, **values) -> str:
    row_id = str(uuid.uuid4())
    with db.transaction() as session, remote_writes(session):
        session.add(Contact(id=row_id, rev=3, **values))
    return row_id


def _edit(db, row_id: str, **values) -> dict:
    with db.transaction() as session:
        row = session.get(Contact, row_id)
        for key, value in values.items():
            setattr(row, key, value)
    [change] = [c for c in _sent(db) if c["row_id"] == row_id]
    return change


def _clash(field: str, server, client, **extra) -> dict:
    return {"id": CONFLICT_ID, "field": field, "server_value": server,
            "client_value": client, **extra}


def test_applied_changes_leave_the_outbox_and_are_counted(db):
    sent = _three(db)
    done = _answer(db, sent, [{"rev": 1}, {"rev": 2}, {"rev": 3}])
    assert (done.applied, done.held, done.conflicts, done.unsettled) == (3, 0, 0, [])
    assert _waiting(db) == []


def test_a_creation_takes_hqs_revision(db):
    sent = _three(db)
    _answer(db, sent, [{"rev": 41}, {"rev": 42}, {"rev": 43}])
    with db.session() as session:
        assert sorted(c.rev for c in session.scalars(select(Contact))) == [41, 42, 43]


def test_an_edit_leaves_the_rows_revision_alone(db):
    row_id = _known_contact(db, given_name="Amira")
    change = _edit(db, row_id, role="Chief")
    _answer(db, [change], [{"rev": 90}])
    with db.session() as session:
        assert session.get(Contact, row_id).rev == 3
    assert _waiting(db) == []


def test_an_answer_that_does_not_settle_one_change_settles_the_others(db):
    sent = _three(db)
    done = _answer(db, sent, [{"rev": "1"}, {"rev": 2}, "applied"])
    assert done.unsettled == [sent[0]["local_id"], sent[2]["local_id"]]
    assert done.applied == 1
    assert _names(_waiting(db)) == ["Amira", "Chen"]


def test_changes_hq_gave_no_result_for_stay_for_the_next_sync(db):
    sent = _three(db)
    done = _answer(db, sent, [{"rev": 1}])
    assert done.unsettled == [c["local_id"] for c in sent[1:]]
    assert _names(_waiting(db)) == ["Ben", "Chen"]


def test_a_waiting_change_stays_unmarked_and_the_rest_goes_on(db):
    sent = _three(db)
    done = _answer(db, sent, [{"status": "held", "code": "waiting"}, {"rev": 2},
                              {"status": "applied", "code": "waiting", "rev": 3}])
    assert (done.applied, done.held, done.unsettled) == (2, 0, [])
    [left] = _waiting(db)
    assert (left.fields["given_name"], left.held_code, left.held_count) == ("Amira", "", 0)


def test_held_changes_keep_hqs_code_detail_field_and_the_sync_they_were_held_in(db):
    sent = _three(db)
    done = _answer(db, sent, [
        {"status": "held", "code": "invalid_value", "detail": "x" * 600, "field": "f" * 70},
        {"status": "held"},
        {"rev": 3}], sync_number=7)
    assert (done.held, done.applied) == (2, 1)
    first, second = _waiting(db)
    assert (first.held_code, first.held_detail, first.held_field) == \
        ("invalid_value", "x" * 500, "f" * 60)
    assert (first.held_sync, first.held_count) == (7, 1)
    assert first.held_at is not None
    assert second.held_code == "held"
    assert "HQ" in second.held_detail
    assert second.held_field == ""
    with db.session() as session:
        assert [h.code for h in held_changes(session)] == ["invalid_value", "held"]


def test_a_code_from_hq_is_kept_at_forty_characters(db):
    [change] = _three(db)[:1]
    _answer(db, [change], [{"status": "held", "code": "c" * 50, "detail": 7}])
    [entry] = [e for e in _waiting(db) if e.held_code]
    assert entry.held_code == "c" * 40
    assert "HQ" in entry.held_detail


def test_a_change_held_again_counts_its_holds(db):
    [change] = _three(db)[:1]
    _answer(db, [change], [{"status": "held", "code": "not_yours"}], sync_number=1)
    with db.transaction() as session:
        local.release_holds(session, sync_number=2, everything=True)
    _answer(db, [change], [{"status": "held", "code": "not_yours"}], sync_number=2)
    [entry] = [e for e in _waiting(db) if e.held_code]
    assert (entry.held_count, entry.held_sync) == (2, 2)


def test_a_hold_for_a_change_no_longer_here_is_ignored(db):
    [change] = _three(db)[:1]
    with db.transaction() as session:
        session.delete(session.get(OutboxEntry, change["local_id"]))
    done = _answer(db, [change], [{"status": "held", "code": "not_yours"}])
    assert done.held == 1
    assert all(not e.held_code for e in _waiting(db))


GOOD = {"id": "12345678", "field": "role", "server_value": "Director", "client_value": "Chief"}


@pytest.mark.parametrize("bad", [
    None, "x", {**GOOD, "id": None}, {**GOOD, "id": 5}, {**GOOD, "id": "1234567"},
    {**GOOD, "id": "a" * 37}, {**GOOD, "field": None}, {**GOOD, "field": 5},
    {**GOOD, "server_value": "x" * 5000}, {**GOOD, "client_value": float("nan")},
])
def test_an_answer_with_a_conflict_this_device_cannot_store_keeps_the_change(db, bad):
    row_id = _known_contact(db, given_name="Amira")
    change = _edit(db, row_id, role="Chief")
    done = _answer(db, [change], [{"rev": 9, "conflicts": [GOOD, bad]}])
    assert done.unsettled == [change["local_id"]]
    assert len(_waiting(db)) == 1
    with db.session() as session:
        assert session.scalars(select(Conflict)).all() == []


def test_conflicts_for_a_kind_this_version_does_not_know_keep_the_change(db):
    change = {"entity": "mission_log", "row_id": str(uuid.uuid4()), "local_id": "x"}
    done = _answer(db, [change], [{"rev": 9, "conflicts": [_clash("role", "a", "b")]}])
    assert done.unsettled == ["x"]
    assert _answer(db, [change], [{"rev": 9, "conflicts": "none"}]).unsettled == ["x"]


@pytest.mark.parametrize("conflict_id", ["12345678", "c0ffee00-0000-4000-8000-000000000001"])
def test_a_conflict_is_stored_with_both_values_and_hqs_value_is_taken(db, conflict_id):
    row_id = _known_contact(db, given_name="Amira", role="Deputy")
    change = _edit(db, row_id, role="Chief")
    done = _answer(db, [change], [{"rev": 9, "status": "conflict", "conflicts": [
        {**_clash("role", "Director", "Chief"), "id": conflict_id}]}])
    assert (done.applied, done.conflicts, done.unsettled) == (1, 1, [])
    assert _waiting(db) == []
    with db.session() as session:
        conflict = session.get(Conflict, conflict_id)
        assert (conflict.entity, conflict.row_id, conflict.field) == ("contact", row_id, "role")
        assert (conflict.local_value, conflict.server_value) == ("Chief", "Director")
        assert conflict.resolved_at is None
        assert session.get(Contact, row_id).role == "Director"


def test_a_field_the_officer_changed_again_keeps_the_officers_value(db):
    row_id = _known_contact(db, given_name="Amira", role="Deputy")
    change = _edit(db, row_id, role="Chief")
    with db.transaction() as session:
        session.get(Contact, row_id).role = "Head"
    _answer(db, [change], [{"rev": 9, "conflicts": [_clash("role", "Director", "Chief")]}])
    with db.session() as session:
        assert session.get(Contact, row_id).role == "Head"
        assert session.get(Conflict, CONFLICT_ID).server_value == "Director"


def test_a_conflict_hq_repeats_is_stored_and_counted_once(db):
    row_id = _known_contact(db, given_name="Amira", role="Deputy")
    change = _edit(db, row_id, role="Chief")
    answer = [{"rev": 9, "conflicts": [_clash("role", "Director", "Chief")]}]
    _answer(db, [change], answer)
    again = _edit(db, row_id, role="Chief")  # "keep mine" by hand; HQ answers the same
    done = _answer(db, [again], answer)
    assert (done.applied, done.conflicts) == (1, 0)
    with db.session() as session:
        assert session.get(Contact, row_id).role == "Chief"


def test_a_conflict_on_a_value_another_row_here_holds_keeps_ours(db):
    with db.transaction() as session, remote_writes(session):
        other = Rfa(id=str(uuid.uuid4()), reference="MRV-2", title="Fuel", rev=2)
        mine = Rfa(id=str(uuid.uuid4()), reference="MRV-1", title="Airlift", rev=3)
        session.add_all([other, mine])
    with db.transaction() as session:
        session.get(Rfa, mine.id).title = "Sealift"
    [change] = _sent(db)
    _answer(db, [change], [{"rev": 9, "conflicts": [_clash("reference", "MRV-2", "MRV-1")]}])
    with db.session() as session:
        assert session.get(Rfa, mine.id).reference == "MRV-1"
        assert session.get(Rfa, other.id).reference == "MRV-2"
        assert session.get(Conflict, CONFLICT_ID).resolved_at is None


def test_a_unique_value_no_other_row_holds_is_taken(db):
    with db.transaction() as session, remote_writes(session):
        mine = Rfa(id=str(uuid.uuid4()), reference="MRV-1", title="Airlift", rev=3)
        session.add(mine)
    with db.transaction() as session:
        session.get(Rfa, mine.id).title = "Sealift"
    [change] = _sent(db)
    _answer(db, [change], [{"rev": 9, "conflicts": [_clash("reference", "MRV-7", "MRV-1")]}])
    with db.session() as session:
        assert session.get(Rfa, mine.id).reference == "MRV-7"


def test_hqs_value_of_a_plain_field_is_taken_even_if_another_row_has_it(db):
    taken = _known_contact(db, given_name="Ben", role="Director")
    row_id = _known_contact(db, given_name="Amira", role="Deputy")
    change = _edit(db, row_id, role="Chief")
    _answer(db, [change], [{"rev": 9, "conflicts": [_clash("role", "Director", "Chief")]}])
    with db.session() as session:
        assert session.get(Contact, row_id).role == "Director"
        assert session.get(Contact, taken).role == "Director"


def test_a_conflict_on_a_column_that_never_travels_changes_nothing(db):
    row_id = _known_contact(db, given_name="Amira")
    change = _edit(db, row_id, role="Chief")
    with db.session() as session:
        stamp = session.get(Contact, row_id).updated_at.isoformat()
    when = "2020-03-01T10:00:00+00:00"
    _answer(db, [change], [{"rev": 9, "conflicts": [_clash("updated_at", when, stamp)]}])
    with db.session() as session:
        assert session.get(Contact, row_id).updated_at.isoformat() == stamp


def test_hqs_date_and_time_is_stored_as_one(db):
    with db.transaction() as session, remote_writes(session):
        mine = Rfa(id=str(uuid.uuid4()), reference="MRV-1", title="Airlift", rev=3)
        session.add(mine)
    with db.transaction() as session:
        session.get(Rfa, mine.id).title = "Sealift"
    [change] = _sent(db)
    when = "2026-03-01T10:00:00+00:00"
    _answer(db, [change], [{"rev": 9, "conflicts": [_clash("required_from", when, None)]}])
    with db.session() as session:
        assert session.get(Rfa, mine.id).required_from.isoformat() == when


def test_a_conflict_for_a_row_not_on_this_device_is_stored_alone(db):
    change = {"entity": "contact", "row_id": str(uuid.uuid4()), "local_id": "x",
              "implicit": True}
    done = _answer(db, [change], [{"rev": 9, "conflicts": [_clash("role", "A", None)]}])
    assert (done.applied, done.conflicts) == (1, 1)
    with db.session() as session:
        assert session.get(Contact, change["row_id"]) is None
        assert session.get(Conflict, CONFLICT_ID).row_id == change["row_id"]


def test_new_conflicts_after_one_already_known_are_all_stored_and_counted(db):
    row_id = _known_contact(db, given_name="Amira", role="Deputy", location="Port")
    change = _edit(db, row_id, role="Chief")
    _answer(db, [change], [{"rev": 9, "conflicts": [_clash("role", "Director", "Chief")]}])
    again = _edit(db, row_id, role="Head", location="Camp")
    done = _answer(db, [again], [{"rev": 10, "conflicts": [
        _clash("role", "Director", "Chief"),
        {**_clash("role", "Boss", "Head"), "id": "c0ffee00-0000-4000-8000-000000000002"},
        {**_clash("location", "Airport", "Camp"),
         "id": "c0ffee00-0000-4000-8000-000000000003"}]}])
    assert done.conflicts == 2
    with db.session() as session:
        assert len(session.scalars(select(Conflict)).all()) == 3
        row = session.get(Contact, row_id)
        assert (row.role, row.location) == ("Boss", "Airport")


# --- rows kept back for an upgrade, and the officer's own writes -----------------------------

def _kept(db, row_id: str, *, rev: int | None, code: str = "unknown_field") -> None:
    from fieldapp.models import HeldRow

    with db.transaction() as session:
        session.add(HeldRow(entity="contact", row_id=row_id, rev=rev, code=code,
                            reason="Kept for a later version.",
                            fields={"id": row_id, "notes": "HQ's notes",
                                    "call_sign": "HQ-1"}))


def _kept_fields(db, row_id: str) -> dict | None:
    from fieldapp.models import HeldRow

    with db.session() as session:
        held = session.scalars(select(HeldRow).where(HeldRow.row_id == row_id)).first()
        return None if held is None else dict(held.fields)


def test_an_own_write_drops_the_field_it_wrote_from_an_older_kept_row(db):
    row_id = _known_contact(db, given_name="Amira")
    _kept(db, row_id, rev=4)
    change = _edit(db, row_id, notes="radio 4")
    _answer(db, [change], [{"rev": 5}])
    assert _kept_fields(db, row_id) == {"id": row_id, "call_sign": "HQ-1"}


def test_a_kept_row_newer_than_the_write_keeps_its_fields(db):
    # the answer to a push lost on a cut link, replayed after a pull brought a colleague's
    # later version of the row: HQ's newer value must still be applied after the upgrade
    row_id = _known_contact(db, given_name="Amira")
    _kept(db, row_id, rev=9)
    change = _edit(db, row_id, notes="radio 4")
    _answer(db, [change], [{"rev": 5}])
    assert _kept_fields(db, row_id) == {"id": row_id, "notes": "HQ's notes",
                                        "call_sign": "HQ-1"}


def test_a_row_held_for_another_reason_is_left_as_it_came(db):
    row_id = _known_contact(db, given_name="Amira")
    _kept(db, row_id, rev=4, code="bad_value")
    change = _edit(db, row_id, notes="radio 4")
    _answer(db, [change], [{"rev": 5}])
    assert _kept_fields(db, row_id) == {"id": row_id, "notes": "HQ's notes",
                                        "call_sign": "HQ-1"}

"""Rows pulled from HQ, written to a real profile database: what is stored, what is kept
back in held_rows (and why), what an upgrade applies later, rows that left the officer's
operations, and the sync state and log kept beside them."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

import fieldapp.models.base as model_base
from fieldapp.models import Conflict, Contact, HeldRow, Lesson, Rfa, SyncState
from fieldapp.outbox import remote_writes
from sync import local
from sync.client import resolve_conflict

ID = "5d0c0000-0000-4000-8000-000000000001"


def _row(row_id: str = ID, rev: int = 4, entity: str = "contact", **fields) -> dict:
    return {"entity": entity, "id": row_id, "rev": rev, "fields": {"id": row_id, **fields}}


def _apply(db, rows: list, gone: list | None = None) -> local.Applied:
    with local.lenient_transaction(db) as session:
        return local.apply_rows(session, rows, gone=gone)


def _kept(db) -> list[HeldRow]:
    with db.session() as session:
        return list(session.scalars(select(HeldRow).order_by(HeldRow.id)))


def _contact(db, row_id: str = ID) -> Contact | None:
    with db.session() as session:
        return session.get(Contact, row_id)


def test_a_new_row_is_stored_with_hqs_revision_and_no_outbox_entry(db):
    applied = _apply(db, [_row(given_name="Amira", role="Chief")])
    assert (applied.rows, applied.held, applied.clashes) == (1, 0, 0)
    contact = _contact(db)
    assert (contact.given_name, contact.role, contact.rev) == ("Amira", "Chief", 4)
    with db.session() as session:
        assert session.scalars(select(local.OutboxEntry)).all() == []


def test_a_newer_version_updates_the_row_and_an_older_one_never_lowers_its_revision(db):
    _apply(db, [_row(given_name="Amira", role="Chief")])
    _apply(db, [_row(rev=9, role="Director")])
    assert (_contact(db).role, _contact(db).rev) == ("Director", 9)
    _apply(db, [_row(rev=6, location="Airport")])
    assert (_contact(db).location, _contact(db).rev) == ("Airport", 9)


def test_a_row_made_here_that_hq_sends_back_takes_its_revision(db):
    with db.transaction() as session:
        session.add(Contact(id=ID, given_name="Amira"))
    _apply(db, [_row(rev=5, given_name="Amira")])
    assert _contact(db).rev == 5


def test_fields_with_edits_waiting_here_keep_the_local_value(db):
    with db.transaction() as session, remote_writes(session):
        session.add(Contact(id=ID, given_name="Amira", role="Deputy", rev=3))
    with db.transaction() as session:
        session.get(Contact, ID).role = "Chief"
    _apply(db, [_row(rev=8, role="Director", location="Airport")])
    contact = _contact(db)
    assert (contact.role, contact.location, contact.rev) == ("Chief", "Airport", 8)


def test_the_same_row_twice_in_one_answer_ends_at_its_later_version(db):
    applied = _apply(db, [_row(rev=4, role="Deputy"), _row(rev=6, role="Chief")])
    assert applied.rows == 2
    assert (_contact(db).role, _contact(db).rev) == ("Chief", 6)


def test_dates_and_times_from_hq_are_stored_as_dates_and_times(db):
    lesson_id = str(uuid.uuid4())
    rfa_id = str(uuid.uuid4())
    _apply(db, [_row(lesson_id, entity="lesson", title="Fuel", observed_on="2026-02-03"),
                _row(rfa_id, entity="rfa", reference="MRV-1", title="Airlift",
                     required_from="2026-03-01T10:00:00+00:00")])
    with db.session() as session:
        assert session.get(Lesson, lesson_id).observed_on == date(2026, 2, 3)
        assert session.get(Rfa, rfa_id).required_from.isoformat() == \
            "2026-03-01T10:00:00+00:00"


def test_decode_value_leaves_other_values_and_names_it_does_not_know_alone():
    assert local.decode_value(Contact, "given_name", "2026-02-03") == "2026-02-03"
    assert local.decode_value(Contact, "favourite", "2026-02-03") == "2026-02-03"
    assert local.decode_value(Lesson, "observed_on", None) is None
    assert local.decode_value(Rfa, "passengers", 3) == 3
    assert isinstance(local.decode_value(Rfa, "required_from", "2026-03-01T10:00:00+00:00"),
                      datetime)


@pytest.mark.parametrize("bad", [
    "garbage", {"entity": 7, "id": ID, "rev": 4, "fields": {}},
    {"entity": "contact", "id": 5, "rev": 4, "fields": {}},
    {"entity": "contact", "id": "", "rev": 4, "fields": {}},
    {"entity": "contact", "id": "a" * 37, "rev": 4, "fields": {}},
    {"entity": "contact", "id": ID, "rev": 4, "fields": "none"},
    {"entity": "contact", "id": ID, "rev": "4", "fields": {}},
    {"entity": "contact", "id": ID, "rev": 1.5, "fields": {}},
    {"entity": "contact", "id": ID, "rev": True, "fields": {}},
    {"entity": "contact", "id": ID, "rev": 0, "fields": {}},
    {"entity": "contact", "id": ID, "rev": 2 ** 63, "fields": {}},
])
def test_a_row_this_version_does_not_understand_is_kept_as_invalid(db, bad):
    applied = _apply(db, [bad, _row(ID[:-1] + "2", given_name="Ben")])
    assert (applied.rows, applied.held) == (1, 1)
    [kept] = _kept(db)
    assert kept.code == "invalid_row"
    assert kept.rev is None or kept.rev == bad["rev"]
    assert _contact(db, ID) is None


@pytest.mark.parametrize(("row_id", "rev"), [("a", 1), ("b" * 36, 2 ** 63 - 1)])
def test_ids_up_to_36_characters_and_revisions_up_to_64_bits_are_applied(db, row_id, rev):
    assert _apply(db, [_row(row_id, rev=rev, given_name="Amira")]).rows == 1
    assert _contact(db, row_id).rev == rev


def test_a_row_kept_back_records_what_hq_sent(db):
    before = model_base.utcnow()
    _apply(db, [_row(rev=7, given_name="x" * 121)])
    [kept] = _kept(db)
    assert (kept.entity, kept.row_id, kept.rev, kept.code) == ("contact", ID, 7,
                                                               "invalid_value")
    assert kept.fields == {"id": ID, "given_name": "x" * 121}
    assert "given_name" in kept.reason
    assert kept.received_at >= before - timedelta(seconds=1)


def test_a_row_whose_id_disagrees_with_its_fields_is_kept(db):
    row = {**_row(given_name="Amira"), "fields": {"id": ID[:-1] + "9", "given_name": "A"}}
    _apply(db, [row])
    [kept] = _kept(db)
    assert kept.code == "invalid_value"
    assert _contact(db) is None
    assert _contact(db, ID[:-1] + "9") is None


def test_a_row_without_an_id_among_its_fields_is_applied(db):
    row = _row(given_name="Amira")
    del row["fields"]["id"]
    assert _apply(db, [row]).rows == 1
    assert _contact(db).given_name == "Amira"


def test_what_cannot_even_be_named_is_kept_under_a_placeholder(db):
    _apply(db, ["garbage", {"entity": "k" * 50, "rev": "x", "fields": {"a": float("nan")}},
                {"id": "i" * 70, "fields": {"a": 1}}])
    first, second, third = _kept(db)
    assert (first.entity, first.row_id[:1], first.rev, first.fields) == ("?", "?", None, {})
    assert (second.entity, second.row_id[:1], second.rev, second.fields) == \
        ("k" * 40, "?", None, {})
    assert (third.entity, third.row_id, third.fields) == ("?", "i" * 64, {"a": 1})
    assert len({first.row_id, second.row_id}) == 2


def test_a_kind_this_version_does_not_know_is_named_in_the_reason(db):
    _apply(db, [_row(entity="k" * 40 + "#", title="x")])
    [kept] = _kept(db)
    assert (kept.code, kept.entity) == ("unknown_entity", "k" * 40)
    assert "k" * 40 in kept.reason
    assert "#" not in kept.reason


def test_a_newer_version_of_a_kept_row_replaces_it_and_an_older_one_does_not(db, monkeypatch):
    _apply(db, [_row(rev=5, given_name="x" * 121)])
    [first] = _kept(db)
    _apply(db, [_row(rev=3, given_name="y" * 121)])
    [same] = _kept(db)
    assert (same.id, same.rev, same.fields["given_name"]) == (first.id, 5, "x" * 121)
    real = model_base.datetime

    class Later(real):  # type: ignore[misc, valid-type]
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206
            return real.now(tz) + timedelta(hours=1)

    monkeypatch.setattr(model_base, "datetime", Later)
    _apply(db, [_row(rev=5, given_name="x" * 121)])  # sent again (a pull started over)
    [again] = _kept(db)
    assert again.received_at > first.received_at + timedelta(minutes=30)
    _apply(db, [_row(rev=8, given_name="z" * 121)])
    [newest] = _kept(db)
    assert (newest.id, newest.rev, newest.fields["given_name"]) == (first.id, 8, "z" * 121)


def test_kept_rows_of_different_kinds_with_one_id_stay_apart(db):
    _apply(db, [_row(entity="mission_log", title="a"), _row(given_name="x" * 121),
                _row(ID[:-1] + "2", entity="mission_log", title="b")])
    assert sorted((h.entity, h.row_id) for h in _kept(db)) == [
        ("contact", ID), ("mission_log", ID), ("mission_log", ID[:-1] + "2")]


def test_a_valid_version_of_a_kept_row_removes_it_but_not_a_kept_field(db, monkeypatch):
    _apply(db, [_row(rev=5, given_name="x" * 121), _row(entity="mission_log", title="y")])
    monkeypatch.setattr(Contact, "__local_columns__", Contact.__local_columns__ | {"notes"})
    _apply(db, [_row(rev=6, given_name="Amira", notes="Sat phone")])
    [kept] = [h for h in _kept(db) if h.entity == "contact"]
    assert (kept.code, kept.rev, kept.fields) == ("unknown_field", 6,
                                                  {"id": ID, "notes": "Sat phone"})
    assert "notes" in kept.reason
    _apply(db, [_row(rev=7, given_name="Amira B")])
    assert [h.code for h in _kept(db) if h.entity == "contact"] == ["unknown_field"]
    assert [h.entity for h in _kept(db) if h.code == "unknown_entity"] == ["mission_log"]


def test_the_reason_names_at_most_200_characters_of_unknown_fields(db, monkeypatch):
    names = {f"field_number_{n:03d}": n for n in range(30)}
    applied = _apply(db, [_row(given_name="Amira", **names)])
    assert (applied.rows, applied.held) == (1, 1)
    [kept] = _kept(db)
    assert kept.fields == {"id": ID, **names}
    assert len(kept.reason) == len(local.UNKNOWN_FIELDS.format(names="")) + 200
    assert "field_number_000, field_number_001" in kept.reason


def test_a_retry_with_nothing_newly_applicable_changes_nothing(db, monkeypatch):
    monkeypatch.setattr(Contact, "__local_columns__", Contact.__local_columns__ | {"notes"})
    _apply(db, [_row(given_name="Amira", notes="Sat phone"), _row(given_name="x" * 121,
                                                                     row_id=ID[:-1] + "2")])
    before = [(h.id, h.code) for h in _kept(db)]
    with local.lenient_transaction(db) as session:
        assert local.retry_held_rows(session).rows == 0
    assert [(h.id, h.code) for h in _kept(db)] == before


def test_retried_rows_are_applied_in_hqs_order(db, monkeypatch):
    """Two kept rows that want one RFA reference: the one HQ changed first keeps it."""
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    monkeypatch.delitem(local.MODELS, "rfa")
    _apply(db, [_row(second, rev=9, entity="rfa", reference="MRV-1", title="Late"),
                _row(first, rev=4, entity="rfa", reference="MRV-1", title="Early")])
    monkeypatch.undo()
    with local.lenient_transaction(db) as session:
        assert local.retry_held_rows(session).rows == 2
    with db.session() as session:
        assert session.get(Rfa, first).reference == "MRV-1"
        assert session.get(Rfa, second).reference != "MRV-1"
    assert _kept(db) == []


def test_gone_rows_are_marked_deleted_unless_they_arrived_again(db):
    other, back = ID[:-1] + "2", ID[:-1] + "3"
    _apply(db, [_row(given_name="A"), _row(other, given_name="B"), _row(back, given_name="C")])
    with db.transaction() as session, remote_writes(session):
        session.get(Contact, other).deleted = True
    _apply(db, [_row(back, rev=9, given_name="C")], gone=[
        {"entity": "contact", "id": ID}, {"entity": "contact", "id": other},
        {"entity": "contact", "id": back}, {"entity": "mission_log", "id": ID},
        {"entity": "contact", "id": 5}, "x", {"entity": "contact", "id": str(uuid.uuid4())}])
    assert [_contact(db, i).deleted for i in (ID, other, back)] == [True, True, False]
    _apply(db, [], gone="everything")
    assert _contact(db, back).deleted is False


def test_a_pull_keeps_open_conflicts_current_but_not_closed_ones(db):
    _apply(db, [_row(given_name="Amira", role="Chief")])
    with db.transaction() as session:
        session.add_all([
            Conflict(id="c0ffee00-0000-4000-8000-000000000003", entity="contact",
                     row_id=ID, field="role", local_value="Deputy", server_value="Chief"),
            Conflict(id="c0ffee00-0000-4000-8000-000000000004", entity="contact",
                     row_id=ID, field="location", local_value="Port",
                     server_value="Camp", resolved_at=model_base.utcnow())])
    _apply(db, [_row(rev=8, role="Director", location="Airport")])
    with db.session() as session:
        assert session.get(Conflict, "c0ffee00-0000-4000-8000-000000000003"
                           ).server_value == "Director"
        assert session.get(Conflict, "c0ffee00-0000-4000-8000-000000000004"
                           ).server_value == "Camp"
    with db.transaction() as session:
        resolve_conflict(session, "c0ffee00-0000-4000-8000-000000000003", choice="hq")
    assert _contact(db).role == "Director"


def test_state_keeps_one_value_per_key_with_a_default(db):
    with db.transaction() as session:
        assert local.get_state(session, "hq_url") == ""
        assert local.get_state(session, "hq_url", "none") == "none"
        local.set_state(session, "hq_url", "https://a")
    with db.transaction() as session:
        local.set_state(session, "hq_url", "https://b")
    with db.session() as session:
        assert local.get_state(session, "hq_url") == "https://b"
        assert session.scalars(select(SyncState.value).where(
            SyncState.key == "hq_url")).all() == ["https://b"]


def test_the_sync_log_reads_newest_first_within_the_limit(db):
    with db.transaction() as session:
        for n in range(5):
            local.add_log(session, {"n": n, "result": "ok"})
    with db.transaction() as session:
        local.add_log(session, {"n": 5, "result": "error"})
    with db.session() as session:
        assert [e["n"] for e in local.read_log(session, 3)] == [5, 4, 3]
        assert local.read_log(session, 10)[0] == {"n": 5, "result": "error"}
        assert len(local.read_log(session, 10)) == 6
        local.set_state(session, "pull_cursor", "abc")
        assert len(local.read_log(session, 10)) == 6


def test_a_pulled_row_leaves_the_conflicts_of_another_kind_with_its_id_alone(db):
    _apply(db, [_row(given_name="Amira")])
    with db.transaction() as session:
        session.add(Conflict(id="c0ffee00-0000-4000-8000-000000000005",
                             entity="organisation", row_id=ID, field="deleted",
                             local_value=True, server_value=True))
    _apply(db, [_row(rev=8, deleted=False)])
    with db.session() as session:
        assert session.get(Conflict, "c0ffee00-0000-4000-8000-000000000005"
                           ).server_value is True


def test_a_pulled_reference_another_row_here_holds_is_counted_as_a_clash(db):
    with db.transaction() as session:
        session.add(Rfa(reference="MRV-1", title="Mine"))
    theirs = str(uuid.uuid4())
    applied = _apply(db, [_row(theirs, entity="rfa", reference="MRV-1", title="Theirs"),
                          _row(given_name="Amira")])
    assert (applied.rows, applied.clashes) == (2, 1)
    with db.session() as session:
        assert session.get(Rfa, theirs).reference != "MRV-1"
        assert len(session.scalars(select(Conflict)).all()) == 1


def test_a_newer_version_of_a_pulled_rfa_keeps_its_own_reference(db):
    theirs = str(uuid.uuid4())
    _apply(db, [_row(theirs, entity="rfa", reference="MRV-1", title="Airlift")])
    applied = _apply(db, [_row(theirs, rev=9, entity="rfa", reference="MRV-1",
                               title="Sealift")])
    assert applied.clashes == 0
    with db.session() as session:
        rfa = session.get(Rfa, theirs)
        assert (rfa.reference, rfa.title, rfa.rev) == ("MRV-1", "Sealift", 9)
        assert session.scalars(select(Conflict)).all() == []


def test_a_pending_edit_of_another_kind_with_the_same_id_does_not_keep_a_field_back(db):
    from fieldapp.models import Organisation

    _apply(db, [_row(given_name="Amira")])
    with db.transaction() as session:
        session.add(Organisation(id=ID, name="WFP"))
    with db.transaction() as session:
        session.get(Organisation, ID).deleted = True
    _apply(db, [_row(rev=8, deleted=True)])
    assert _contact(db).deleted is True

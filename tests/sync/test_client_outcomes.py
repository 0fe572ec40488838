"""The device's side of per-change outcomes, on a real profile database: the order
changes go in, HQ's answers applied change by change (held, settled, not understood), and
pulled rows checked one by one (kept back, never aborting the batch)."""

from __future__ import annotations

import json
import math
from datetime import timedelta

import pytest
from sqlalchemy import func, select

import fieldapp.models.base as model_base
from fieldapp.demo import load_demo
from fieldapp.models import Conflict, Contact, HeldRow, Organisation, OutboxEntry, Rfa
from fieldapp.outbox import remote_writes
from sync import local
from sync.client import (
    discard_held,
    held_changes,
    held_report,
    held_rows,
    resolve_conflict,
    send_held_again,
    sync_log,
    sync_status,
)


def _order(db) -> list[tuple[str, dict]]:
    with db.session() as session:
        order = local.push_order(session)
        batch = local.push_batch(session, order, 1000, held_rows=set())
    return [(c["entity"], c["fields"]) for c in batch]


def _entries(db) -> list[OutboxEntry]:
    with db.session() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


class _Clock:
    """The laptop's clock moved by `offset` (what NTP or the officer does to it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch

    def shift(self, offset: timedelta) -> None:
        real = model_base.datetime

        class Shifted(real):  # type: ignore[misc, valid-type]
            @classmethod
            def now(cls, tz=None):  # noqa: ANN001, ANN206
                return real.now(tz) + offset

        self.monkeypatch.setattr(model_base, "datetime", Shifted)


def test_a_clock_put_back_does_not_reorder_one_rows_edits(db, monkeypatch):
    clock = _Clock(monkeypatch)
    with db.transaction() as session:
        contact = Contact(given_name="Amira", role="Logistics")
        session.add(contact)
    clock.shift(timedelta(days=3))
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Head of logistics"
    clock.shift(timedelta(days=-3))
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Deputy head"
    sent = _order(db)
    assert [f.get("role") for _, f in sent] == ["Logistics", "Head of logistics", "Deputy head"]


def test_urgency_moves_the_whole_row_forward_never_one_edit_ahead(db):
    with db.transaction() as session:
        session.add(Contact(given_name="First in"))
        rfa = Rfa(reference="MRV-11-0001", title="Airlift", priority="other")
        session.add(rfa)
    with db.transaction() as session:
        session.get(Rfa, rfa.id).priority = "life_sustaining"
    with db.transaction() as session:
        session.get(Rfa, rfa.id).priority = "life_saving"
    sent = _order(db)
    assert [e for e, _ in sent] == ["rfa", "rfa", "rfa", "contact"]
    assert [f.get("priority") for _, f in sent[:3]] == ["other", "life_sustaining",
                                                        "life_saving"]


def test_base_rev_is_what_the_row_had_when_the_edit_was_made(db):
    with db.transaction() as session, remote_writes(session):
        contact = Contact(given_name="Amira", rev=5)
        session.add(contact)
    with db.transaction() as session:
        session.get(Contact, contact.id).deleted = True
    with db.transaction() as session, remote_writes(session):  # a pull brings rev 9
        session.get(Contact, contact.id).rev = 9
    [change] = _sent(db)
    assert change["base_rev"] == 5


def _sent(db) -> list[dict]:
    with db.session() as session:
        return local.push_batch(session, local.push_order(session), 100, held_rows=set())


def test_a_held_change_stays_and_keeps_back_the_later_changes_of_its_row(db):
    with db.transaction() as session:
        contact = Contact(given_name="Amira")
        other = Contact(given_name="Ben")
        session.add_all([contact, other])
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Chief"
    sent = _sent(db)
    results = [{"rev": 1}, {"rev": 2}, {"status": "held", "code": "invalid_value",
                                        "detail": "role: too long", "field": "role"}]
    by_name = {c["fields"].get("given_name") or c["fields"].get("role"): c for c in sent}
    ordered = [by_name["Amira"], by_name["Ben"], by_name["Chief"]]
    with db.transaction() as session:
        done = local.acknowledge(session, ordered, results, sync_number=1)
    assert (done.applied, done.held, done.unsettled) == (2, 1, [])
    with db.transaction() as session:
        session.get(Contact, contact.id).location = "Airport"  # behind the held one
    assert _sent(db) == []
    with db.session() as session:
        shown = held_changes(session)
        status = sync_status(session)
    assert [(h.code, h.waiting) for h in shown] == [("invalid_value", False), ("waiting", True)]
    assert shown[0].reason == "role: too long"
    assert shown[0].label == "Contact “Amira”"
    assert status.held == 1
    assert status.pending == {"contact": 1}
    with db.transaction() as session:
        send_held_again(session, shown[0].change_id)
    assert [c["fields"] for c in _sent(db)] == [{"role": "Chief"}, {"location": "Airport"}]


def test_discarding_a_held_change_removes_only_that_change(db):
    with db.transaction() as session:
        contact = Contact(given_name="Amira")
        session.add(contact)
    [change] = _sent(db)
    with db.transaction() as session:
        local.acknowledge(session, [change], [{"status": "held", "code": "not_yours",
                                               "detail": "Not yours."}], sync_number=1)
    with db.session() as session:
        [held] = held_changes(session)
        report = json.loads(held_report(session))
    assert report["held_changes"][0]["reason"] == "Not yours."
    with db.transaction() as session:
        discard_held(session, held.change_id)
    assert _entries(db) == []
    with db.session() as session:
        assert session.get(Contact, contact.id).given_name == "Amira"


@pytest.mark.parametrize("result", [{}, {"rev": None}, {"rev": "7"}, {"rev": True},
                                    {"rev": 3, "conflicts": [{"id": 1}]}, "applied"])
def test_a_result_hq_did_not_settle_keeps_its_change(db, result):
    with db.transaction() as session:
        session.add(Contact(given_name="Amira"))
    [change] = _sent(db)
    with db.transaction() as session:
        done = local.acknowledge(session, [change], [result], sync_number=1)
    assert done.unsettled == [change["local_id"]]
    assert len(_entries(db)) == 1


def test_transient_holds_come_back_after_a_backoff_counted_in_syncs(db):
    with db.transaction() as session:
        session.add(Contact(given_name="Amira"))
    [change] = _sent(db)
    held = {"status": "held", "code": "unknown_entity", "detail": "HQ is older."}
    with db.transaction() as session:
        local.acknowledge(session, [change], [held], sync_number=10)
        assert local.release_holds(session, sync_number=10) == 0
        assert local.release_holds(session, sync_number=11) == 1
    [change] = _sent(db)
    with db.transaction() as session:  # held a second time: waits two syncs
        local.acknowledge(session, [change], [held], sync_number=11)
        assert local.release_holds(session, sync_number=12) == 0
        assert local.release_holds(session, sync_number=13) == 1


def test_a_permanent_hold_waits_for_the_officer(db):
    with db.transaction() as session:
        session.add(Contact(given_name="Amira"))
    [change] = _sent(db)
    with db.transaction() as session:
        local.acknowledge(session, [change], [{"status": "held", "code": "invalid_value",
                                               "detail": "x"}], sync_number=1)
        assert local.release_holds(session, sync_number=500, everything=True) == 0


def test_a_conflict_naming_a_row_not_yet_here_is_stored(db):
    """HQ's value of a conflicting field names an organisation this device has not
    pulled: acknowledging must not fail on the foreign key (probe p20)."""
    with db.transaction() as session:
        org = Organisation(name="WFP")
        contact = Contact(given_name="Amira")
        session.add_all([org, contact])
    with db.transaction() as session, remote_writes(session):
        session.get(Contact, contact.id).rev = 3
    with db.transaction() as session:
        session.get(Contact, contact.id).organisation_id = org.id
    edit = [c for c in _sent(db) if c["entity"] == "contact" and c.get("base")]
    answer = [{"rev": 9, "status": "conflict", "conflicts": [{
        "id": "c0ffee00-0000-4000-8000-000000000001", "field": "organisation_id",
        "server_value": "9b1e0000-0000-4000-8000-00000000beef", "client_value": org.id,
        "base_value": None}]}]
    with local.lenient_transaction(db) as session:
        done = local.acknowledge(session, edit, answer, sync_number=1)
    assert done.conflicts == 1
    with db.session() as session:
        assert session.get(Contact, contact.id).organisation_id.endswith("beef")
    with db.transaction() as session:
        resolve_conflict(session, "c0ffee00-0000-4000-8000-000000000001", choice="hq")
    with db.session() as session:
        assert session.get(Conflict, "c0ffee00-0000-4000-8000-000000000001").resolved_at


ROW = {"entity": "contact", "id": "5d0c0000-0000-4000-8000-000000000001", "rev": 4,
       "fields": {"id": "5d0c0000-0000-4000-8000-000000000001", "given_name": "Amira",
                  "operation_id": None, "deleted": False}}


@pytest.mark.parametrize("bad", [
    {"given_name": "\ud800"}, {"given_name": "A\x00B"}, {"favourite": "yes"},
    {"given_name": "x" * 121}, {"deleted": None},
])
def test_a_pulled_row_that_cannot_be_stored_is_kept_and_the_batch_goes_on(db, bad):
    good = {**ROW, "id": ROW["id"][:-1] + "2", "fields": {**ROW["fields"],
                                                           "id": ROW["id"][:-1] + "2"}}
    broken = {**ROW, "fields": {**ROW["fields"], **bad}}
    with local.lenient_transaction(db) as session:
        applied = local.apply_rows(session, [broken, good])
    assert (applied.rows, applied.held) == (1, 1)
    with db.session() as session:
        assert session.get(Contact, good["id"]) is not None
        assert session.get(Contact, ROW["id"]) is None
        [kept] = held_rows(session)
    assert kept.code == "invalid_value"
    assert kept.row_id == ROW["id"]


def test_a_row_with_nan_or_a_huge_number_is_kept_back(db):
    rfa = {"entity": "rfa", "id": "5d0c0000-0000-4000-8000-00000000aaaa", "rev": 4,
           "fields": {"id": "5d0c0000-0000-4000-8000-00000000aaaa", "reference": "MRV-1",
                      "cargo_tonnes": math.nan, "passengers": 2 ** 70, "deleted": False}}
    with local.lenient_transaction(db) as session:
        assert local.apply_rows(session, [rfa]).held == 1
    with db.session() as session:
        assert session.get(Rfa, rfa["id"]) is None


def test_rows_this_version_does_not_know_are_applied_after_an_upgrade(db, monkeypatch):
    """An older version keeps what it cannot store, applies the rest, and applies the
    kept part once it knows it: nothing is skipped for ever (probe p10)."""
    row = {**ROW, "fields": {**ROW["fields"], "notes": "Sat phone after 18:00"}}
    lesson = {"entity": "lesson", "id": "5d0c0000-0000-4000-8000-00000000bbbb", "rev": 5,
              "fields": {"id": "5d0c0000-0000-4000-8000-00000000bbbb", "title": "Fuel",
                         "deleted": False}}
    monkeypatch.setattr(Contact, "__local_columns__",  # the older version: no notes column
                        Contact.__local_columns__ | {"notes"})
    monkeypatch.delitem(local.MODELS, "lesson")  # … and no lessons
    with local.lenient_transaction(db) as session:
        applied = local.apply_rows(session, [row, lesson])
    assert (applied.rows, applied.held) == (1, 2)
    with db.session() as session:
        assert session.get(Contact, ROW["id"]).notes == ""
        assert sorted(h.code for h in held_rows(session)) == ["unknown_entity",
                                                              "unknown_field"]
    monkeypatch.undo()  # the upgrade
    with local.lenient_transaction(db) as session:
        again = local.retry_held_rows(session)
    assert again.rows == 2
    with db.session() as session:
        assert session.get(Contact, ROW["id"]).notes == "Sat phone after 18:00"
        assert session.scalar(select(func.count()).select_from(HeldRow)) == 0


def test_a_pull_applied_twice_changes_nothing(db):
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, [ROW])
    before = _entries(db)
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, [ROW])
    assert _entries(db) == before == []


def test_a_pulled_row_keeps_the_open_conflict_on_hqs_value_of_now(db):
    """So "keep HQ's" writes what HQ has now, never a stale copy (probe p04)."""
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, [{**ROW, "fields": {**ROW["fields"], "role": "Chief"}}])
        session.add(Conflict(id="c0ffee00-0000-4000-8000-000000000002", entity="contact",
                             row_id=ROW["id"], field="role", local_value="Deputy",
                             server_value="Chief"))
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, [{**ROW, "rev": 8,
                                    "fields": {**ROW["fields"], "role": "Director"}}])
    with db.transaction() as session:
        resolve_conflict(session, "c0ffee00-0000-4000-8000-000000000002", choice="hq")
    with db.session() as session:
        assert session.get(Contact, ROW["id"]).role == "Director"
    assert [e.entity for e in _entries(db)] == ["conflict"]  # no stale edit goes to HQ


def test_a_row_that_left_the_officers_operations_is_marked_deleted_here(db):
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, [ROW])
        local.apply_rows(session, [], gone=[{"entity": "contact", "id": ROW["id"]}])
    with db.session() as session:
        assert session.get(Contact, ROW["id"]).deleted is True
    assert _entries(db) == []


def test_demo_data_never_leaves_even_when_made_global(db):
    demo = load_demo(db)
    with db.transaction() as session:
        contact = session.scalars(select(Contact).where(Contact.operation_id == demo)).first()
        contact.operation_id = None
        contact.role = "moved out of the demo"
    with db.transaction() as session:
        local.drop_demo_entries(session)
    assert _entries(db) == []


def test_the_sync_log_keeps_its_order_when_the_clock_goes_back(db, monkeypatch):
    clock = _Clock(monkeypatch)
    with db.transaction() as session:
        clock.shift(timedelta(days=3))
        for n in range(local.KEEP_LOG):
            local.add_log(session, {"at": model_base.utcnow().isoformat(), "n": n})
        clock.shift(timedelta(0))
        local.add_log(session, {"at": model_base.utcnow().isoformat(), "n": "now"})
    with db.session() as session:
        log = sync_log(session, limit=500)
    assert len(log) == local.KEEP_LOG
    assert log[0]["n"] == "now"

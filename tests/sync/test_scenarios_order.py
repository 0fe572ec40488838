"""Scenarios of issue 11 about order and conflicts: edits of one row reach HQ in the order
they were made whatever the laptop's clock or the row's urgency, "keep HQ's" never writes
a stale value, the same checklist item ticked twice is one row, histories and the sync log
do not follow laptop clocks, and a conflict naming a row the device lacks never stops a
sync. A real HQ (SQLite, and PostgreSQL when CMCOORD_TEST_PG_URL is set) and real device
profiles; each test names its probe (../shared/probes/sync/pNN_*.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fieldapp.handbook.store import set_tick, ticked_items
from fieldapp.models import ChecklistTick, Contact, Organisation, Rfa
from fieldapp.services.rfa import create_draft, history, transition
from sync.client import (
    open_conflicts,
    resolve_conflict,
    sync_log,
    sync_once,
    sync_status,
)
from tests.sync.conftest import enrolled
from tests.sync.scenario_helpers import (
    add,
    contact_on_two_devices,
    edit,
    get,
    hq_row,
    laptop_clock,
    log_results,
    outbox_size,
    outcome,
)

SLUG, ITEM = "first-72-hours", "item-1"


# --- p03: the laptop clock jumps back between two edits of one field -------------------


def test_edits_made_across_a_clock_correction_reach_hq_in_the_order_made(hq, make_profile):
    a, b, contact_id = contact_on_two_devices(hq, make_profile, role="Logistics")
    with laptop_clock(timedelta(days=3)):  # the clock is 3 days ahead, then NTP fixes it
        edit(a, Contact, contact_id, role="Head of logistics")
    edit(a, Contact, contact_id, role="Deputy head")

    result = sync_once(a)
    sync_once(b)
    sync_once(a)

    assert result.conflicts == 0
    assert hq_row(hq, "contact", contact_id).fields["role"] == "Deputy head"
    assert get(a, Contact, contact_id).role == "Deputy head"
    assert get(b, Contact, contact_id).role == "Deputy head"


# --- p13: urgency moves whole rows, never one edit ahead of an earlier one -------------


def test_rfa_escalated_twice_ends_at_the_last_priority(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    rfa_id = add(a, Rfa(operation_id=hq.operation_id, reference="MRV-11-0001",
                        title="Airlift", priority="other"))
    sync_once(a)
    sync_once(b)
    edit(a, Rfa, rfa_id, priority="life_sustaining")
    edit(a, Rfa, rfa_id, priority="life_saving")

    result = sync_once(a)
    sync_once(b)

    assert result.conflicts == 0
    assert hq_row(hq, "rfa", rfa_id).fields["priority"] == "life_saving"
    assert get(a, Rfa, rfa_id).priority == "life_saving"
    assert get(b, Rfa, rfa_id).priority == "life_saving"


def test_rfa_drafted_and_escalated_offline_reaches_hq_without_conflict(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    rfa_id = add(a, Rfa(operation_id=hq.operation_id, reference="MRV-11-0002",
                        title="Boats", priority="other"))
    edit(a, Rfa, rfa_id, priority="life_saving")

    result = sync_once(a)

    assert result.conflicts == 0
    fields = hq_row(hq, "rfa", rfa_id).fields
    assert (fields["title"], fields["priority"]) == ("Boats", "life_saving")
    assert outbox_size(a) == 0


# --- p04: "keep HQ's" takes HQ's value of now --------------------------------------------


def test_keep_hq_does_not_revert_a_newer_hq_value(hq, make_profile):
    a, b, contact_id = contact_on_two_devices(hq, make_profile, role="Logistics")
    edit(a, Contact, contact_id, role="Chief")
    edit(b, Contact, contact_id, role="Deputy")
    sync_once(a)
    sync_once(b)  # conflict on b: HQ "Chief", b "Deputy"
    edit(a, Contact, contact_id, role="Director")
    sync_once(a)
    sync_once(b)  # b now has HQ's newer "Director"

    with b.transaction() as session:
        [conflict] = open_conflicts(session)
        assert conflict.server_value == "Director"  # the officer decides on HQ's value of now
        resolve_conflict(session, conflict.id, choice="hq")
    sync_once(b)
    sync_once(a)

    assert hq_row(hq, "contact", contact_id).fields["role"] == "Director"
    assert get(a, Contact, contact_id).role == "Director"
    assert get(b, Contact, contact_id).role == "Director"


# --- p06: the same checklist item ticked on two devices ---------------------------------


def _tick(db, operation_id, *, ticked):
    with db.transaction() as session:
        set_tick(session, slug=SLUG, item_key=ITEM, operation_id=operation_id, ticked=ticked)


def _is_ticked(db, operation_id):
    with db.session() as session:
        return ITEM in ticked_items(session, slug=SLUG, operation_id=operation_id)


def _ticked_offline_on_two_devices(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    _tick(a, hq.operation_id, ticked=True)
    _tick(b, hq.operation_id, ticked=True)
    sync_once(a)
    sync_once(b)
    sync_once(a)
    return a, b


def test_same_checklist_item_ticked_on_two_devices_is_one_row(hq, make_profile):
    a, b = _ticked_offline_on_two_devices(hq, make_profile)

    for db in (a, b):
        with db.session() as session:
            assert session.query(ChecklistTick).count() == 1
        with db.session() as session:
            assert sync_status(session).conflicts == 0


def test_checklist_item_unticked_on_one_device_is_unticked_everywhere(hq, make_profile):
    a, b = _ticked_offline_on_two_devices(hq, make_profile)

    _tick(a, hq.operation_id, ticked=False)
    assert _is_ticked(a, hq.operation_id) is False
    sync_once(a)
    sync_once(b)

    assert _is_ticked(b, hq.operation_id) is False
    assert _is_ticked(a, hq.operation_id) is False


# --- p09: history sorted by HQ sequence, not by laptop clocks ---------------------------


def test_rfa_history_keeps_the_order_of_events_whatever_the_laptop_clocks(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    with a.transaction() as session:
        rfa_id = create_draft(session, operation_id=hq.operation_id, by="Ana on A").id
    sync_once(a)
    sync_once(b)
    with laptop_clock(-timedelta(days=3)), b.transaction() as session:  # b's clock is behind
        transition(session, rfa_id, "cancelled", by="Ana on B", comment="Duplicate request")

    with b.session() as session:  # before the sync: synced events first, then local order
        assert [e.to_status for e in history(session, rfa_id)] == ["draft", "cancelled"]
    sync_once(b)
    sync_once(a)

    for db in (a, b):
        with db.session() as session:
            assert [e.to_status for e in history(session, rfa_id)] == ["draft", "cancelled"]


# --- p16: the sync log after the clock was put back -------------------------------------


def test_sync_log_shows_the_newest_sync_after_the_clock_was_put_back(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    with laptop_clock(timedelta(days=3)):
        for _ in range(100):
            sync_once(a)
    add(a, Contact(operation_id=hq.operation_id, given_name="After the clock fix"))

    sync_once(a)  # the clock is right again

    with a.session() as session:
        entries = sync_log(session, limit=500)
    assert len(entries) <= 100
    assert entries[0]["pushed"] == 1
    assert entries[0]["at"][:10] == datetime.now(UTC).date().isoformat()


# --- p20: a conflict whose HQ value names a row the device has not pulled yet ----------


def _conflict_naming_an_unpulled_organisation(hq, make_profile):
    """a links the contact to its new organisation WFP and syncs; b, not having pulled
    it, links the same contact to its own new organisation: HQ's value names a row b lacks."""
    a, b, contact_id = contact_on_two_devices(hq, make_profile)
    wfp = add(a, Organisation(operation_id=hq.operation_id, name="WFP"))
    edit(a, Contact, contact_id, organisation_id=wfp)
    sync_once(a)
    programme = add(b, Organisation(operation_id=hq.operation_id, name="World Food Programme"))
    edit(b, Contact, contact_id, organisation_id=programme)
    return a, b, contact_id, wfp, programme


def test_conflict_naming_an_unpulled_organisation_does_not_stop_the_sync(hq, make_profile):
    _, b, contact_id, wfp, programme = _conflict_naming_an_unpulled_organisation(
        hq, make_profile)

    # outcome() lets anything but a SyncError through: an IntegrityError fails the test.
    assert [outcome(b) for _ in range(3)] == ["ok", "ok", "ok"]
    assert get(b, Organisation, wfp).name == "WFP"
    with b.session() as session:
        [conflict] = open_conflicts(session)
    assert (conflict.field, conflict.server_value, conflict.local_value) == \
        ("organisation_id", wfp, programme)
    assert outbox_size(b) == 0


def test_every_sync_attempt_is_logged_with_its_real_result(hq, make_profile):
    _, b, _, _, _ = _conflict_naming_an_unpulled_organisation(hq, make_profile)

    outcomes = [outcome(b) for _ in range(3)]

    assert log_results(b, 3) == ["ok" if o == "ok" else "error" for o in outcomes]
    assert outcomes[-1] == "ok"
    with b.session() as session:
        status = sync_status(session)
    assert status.last_error == ""
    assert status.last_success is not None


def test_conflict_naming_an_unpulled_organisation_resolves_with_keep_mine(hq, make_profile):
    a, b, contact_id, _, programme = _conflict_naming_an_unpulled_organisation(
        hq, make_profile)
    sync_once(b)
    with b.transaction() as session:
        [conflict] = open_conflicts(session)
        resolve_conflict(session, conflict.id, choice="mine")

    assert outcome(b) == "ok"
    sync_once(a)

    assert hq_row(hq, "contact", contact_id).fields["organisation_id"] == programme
    assert get(a, Contact, contact_id).organisation_id == programme
    assert get(a, Organisation, programme).name == "World Food Programme"
    with b.session() as session:
        assert open_conflicts(session) == []

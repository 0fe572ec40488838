"""RFA and asset histories follow sequence numbers — HQ's for what it has, then the order
made here — never the laptop clocks that wrote `at`; each line still shows its own `at`."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from fieldapp.models import AssetStatusEvent, RfaEvent, utcnow
from fieldapp.services.assets import AssetInput, asset_history, change_asset_status, create_asset
from fieldapp.services.rfa import create_draft, history, transition

DAYS_BEHIND = timedelta(days=3)


@pytest.fixture
def clock_behind(laptop_clock):
    """Turn this laptop's clock days behind (True) or right again (False)."""
    return lambda on: laptop_clock(-DAYS_BEHIND if on else timedelta(0))


def _set_revs(db, model, revs: dict[str, int]) -> None:
    """As after a sync: HQ gave these rows their sequence number."""
    with db.transaction() as session:
        for row in session.scalars(select(model)):
            status = row.to_status if model is RfaEvent else row.status
            if status in revs:
                row.rev = revs[status]


def _rfa_history(db, rfa_id):
    with db.session() as session:
        return [(e.to_status, e.at) for e in history(session, rfa_id)]


def test_an_event_made_on_a_laptop_days_behind_still_follows_the_draft(db, op_id, clock_behind):
    with db.transaction() as session:
        rfa_id = create_draft(session, operation_id=op_id, by="Ana on A").id
    clock_behind(True)
    with db.transaction() as session:
        transition(session, rfa_id, "cancelled", by="Ana on B", comment="Duplicate request")
    clock_behind(False)
    order = _rfa_history(db, rfa_id)
    assert [status for status, _ in order] == ["draft", "cancelled"]
    assert order[1][1] < order[0][1] - timedelta(days=2)  # the officer's own time is shown


def _pulled(session, rfa_id, op_id, to_status, *, at_offset, by="Ben"):
    """A colleague's move as a pull writes it (its laptop's `at`)."""
    session.add(RfaEvent(rfa_id=rfa_id, operation_id=op_id, from_status="", by=by,
                         to_status=to_status, at=utcnow() + at_offset))


def test_events_hq_has_come_in_hqs_sequence_whatever_their_times(db, op_id):
    with db.transaction() as session:
        rfa_id = create_draft(session, operation_id=op_id, by="Ana").id
        _pulled(session, rfa_id, op_id, "submitted", at_offset=-timedelta(days=6))
        _pulled(session, rfa_id, op_id, "returned", at_offset=timedelta(days=5))
    _set_revs(db, RfaEvent, {"draft": 40, "submitted": 7, "returned": 12})
    assert [status for status, _ in _rfa_history(db, rfa_id)] == \
        ["submitted", "returned", "draft"]


def test_events_not_yet_sent_come_after_hqs_in_the_order_made_here(db, op_id, clock_behind):
    with db.transaction() as session:
        rfa_id = create_draft(session, operation_id=op_id, by="Ana").id
        _pulled(session, rfa_id, op_id, "submitted", at_offset=timedelta(days=2))
    _set_revs(db, RfaEvent, {"draft": 3, "submitted": 5})
    with db.transaction() as session:
        _pulled(session, rfa_id, op_id, "returned", at_offset=timedelta(0), by="Ana")
    clock_behind(True)  # corrected backwards between two edits
    with db.transaction() as session:
        transition(session, rfa_id, "cancelled", by="Ana", comment="Duplicate request")
    clock_behind(False)
    assert [status for status, _ in _rfa_history(db, rfa_id)] == \
        ["draft", "submitted", "returned", "cancelled"]


def _helicopters() -> AssetInput:
    return AssetInput(category="airlift_helicopter", description="Two medium-lift helicopters",
                      provider_state="Norway", provider_unit="Air Wing 3", capacity_value=4.5,
                      capacity_unit="t", quantity=2, latitude=-19.83, longitude=34.84,
                      place_name="Anstrel airport")


def test_asset_history_follows_sequence_and_each_move_starts_where_the_last_ended(
        db, op_id, clock_behind):
    with db.transaction() as session:
        asset_id = create_asset(session, _helicopters(), operation_id=op_id, by="Ana").id
        # A colleague's move, pulled from HQ, stamped by a laptop days ahead.
        session.add(AssetStatusEvent(asset_id=asset_id, operation_id=op_id, status="available",
                                     by="Ben", at=utcnow() + timedelta(days=4)))
    _set_revs(db, AssetStatusEvent, {"offered": 8, "available": 9})
    clock_behind(True)
    with db.transaction() as session:
        change_asset_status(session, asset_id, "committed", by="Ana")
    clock_behind(False)
    with db.transaction() as session:
        change_asset_status(session, asset_id, "deployed", by="Ana")
    with db.session() as session:
        moves = asset_history(session, asset_id)
    assert [(m.from_status, m.status, m.by) for m in moves] == [
        ("", "offered", "Ana"), ("offered", "available", "Ben"),
        ("available", "committed", "Ana"), ("committed", "deployed", "Ana")]
    assert moves[2].at < moves[0].at < moves[1].at  # shown as each laptop wrote them

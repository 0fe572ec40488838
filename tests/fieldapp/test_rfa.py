"""RFA lifecycle, references, validation before submission, matching assets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from fieldapp.db import Database
from fieldapp.errors import FieldAppError, ValidationError, ValidationErrors
from fieldapp.models import Asset, Contact, Operation, Organisation, OutboxEntry, Rfa, utcnow
from fieldapp.models.enums import RfaStatus as S
from fieldapp.services import rfa as service
from fieldapp.services.rfa import RfaInput


@pytest.fixture
def op(make_operation) -> Operation:
    return make_operation("Cyclone", "MYC", "MOZ")


@pytest.fixture
def complete(db, op) -> RfaInput:
    with db.transaction() as session:
        org = Organisation(name="WFP", operation_id=op.id)
        person = Contact(given_name="Ana", family_name="Silva", operation_id=op.id)
        session.add_all([org, person])
    now = utcnow()
    return RfaInput(
        requesting_org_id=org.id, contact_id=person.id, capability="airlift_helicopter",
        title="Airlift of water purification units", task_description="Fly 4 t of kits",
        from_place="Port Amara", to_place="Isla Verde", from_lat=-19.8, from_lon=34.8,
        required_from=now + timedelta(days=1), required_until=now + timedelta(days=3),
        cargo_tonnes=4.0, priority="life_saving",
        civilian_means_tried="UNHAS fleet fully booked; no civilian helicopters in country",
        last_resort_justification="Roads and the port are cut; only helicopters can reach "
        "the island before stocks run out in 48 hours.",
    )


def _draft(db, op, data=None) -> Rfa:
    with db.transaction() as session:
        return service.create_draft(session, operation_id=op.id, data=data, by="Officer A")


def _move(db, rfa_id, to, **kw) -> Rfa:
    with db.transaction() as session:
        return service.transition(session, rfa_id, to, by="Officer A", **kw)


def test_references_count_up_and_are_never_reused_after_delete_or_restart(db, op):
    first = _draft(db, op)
    with db.transaction() as session:
        service.delete_rfa(session, first.id)
    db.close()
    reopened = Database.open(db.paths)
    second = _draft(reopened, op)
    reopened.close()
    code = first.reference.split("-")[1]
    assert first.reference == f"MYC-{code}-0001"
    assert second.reference == f"MYC-{code}-0002"


def test_draft_records_its_creation_in_history(db, op):
    rfa = _draft(db, op)
    with db.session() as session:
        [event] = service.history(session, rfa.id)
    assert (event.from_status, event.to_status, event.by) == ("", S.DRAFT, "Officer A")


def test_submission_lists_every_missing_field(db, op):
    rfa = _draft(db, op)
    with pytest.raises(ValidationErrors) as raised:
        _move(db, rfa.id, S.SUBMITTED)
    fields = {e.field for e in raised.value.errors}
    assert {"requesting_org_id", "contact_id", "title", "task_description", "required_from",
            "required_until", "last_resort_justification", "civilian_means_tried"} <= fields
    with db.session() as session:
        assert service.get_rfa(session, rfa.id).status == S.DRAFT


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"required_until": utcnow() - timedelta(days=1)}, "required_until", "past"),
        ({"required_from": utcnow() + timedelta(days=5)}, "required_until", "before the start"),
        ({"cargo_tonnes": -1.0}, "cargo_tonnes", "negative"),
        ({"last_resort_justification": "   "}, "last_resort_justification", "civilian means"),
    ],
)
def test_submission_explains_each_bad_value(db, op, complete, change, field, words):
    for key, value in change.items():
        setattr(complete, key, value)
    rfa = _draft(db, op, complete)
    with pytest.raises(ValidationErrors) as raised:
        _move(db, rfa.id, S.SUBMITTED)
    assert words in raised.value.for_field(field)


def test_the_full_lifecycle_records_who_when_and_why(db, op, complete):
    rfa = _draft(db, op, complete)
    with db.transaction() as session:
        asset = Asset(category="airlift_helicopter", operation_id=op.id, status="available")
        session.add(asset)
    _move(db, rfa.id, S.SUBMITTED)
    _move(db, rfa.id, S.VALIDATED, comment="Approved at HCT")
    _move(db, rfa.id, S.PASSED_TO_MILITARY)
    _move(db, rfa.id, S.TASKED, asset_id=asset.id)
    done = _move(db, rfa.id, S.COMPLETED)
    assert done.tasked_asset_id == asset.id
    with db.session() as session:
        steps = [(e.from_status, e.to_status) for e in service.history(session, rfa.id)]
    assert steps == [("", S.DRAFT), (S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.VALIDATED),
                     (S.VALIDATED, S.PASSED_TO_MILITARY), (S.PASSED_TO_MILITARY, S.TASKED),
                     (S.TASKED, S.COMPLETED)]


def test_every_allowed_transition_works_and_others_are_refused(db, op, complete):
    for source, targets in service.TRANSITIONS.items():
        for target in S:
            with db.transaction() as session:
                rfa = service.create_draft(session, operation_id=op.id, data=complete,
                                           by="t")
                rfa.status = source  # put it there directly to test this one step
                asset = Asset(category="airlift_helicopter", operation_id=op.id)
                session.add(asset)
            kwargs = {"comment": "because", "asset_id": asset.id}
            if target in targets:
                assert _move(db, rfa.id, target, **kwargs).status == target
            else:
                with pytest.raises(FieldAppError, match="cannot become"):
                    _move(db, rfa.id, target, **kwargs)


def test_return_reject_and_cancel_need_a_reason(db, op, complete):
    rfa = _draft(db, op, complete)
    _move(db, rfa.id, S.SUBMITTED)
    with pytest.raises(ValidationError, match="Say why"):
        _move(db, rfa.id, S.RETURNED, comment=" ")


def test_tasking_needs_an_asset(db, op, complete):
    rfa = _draft(db, op, complete)
    for step in (S.SUBMITTED, S.VALIDATED, S.PASSED_TO_MILITARY):
        _move(db, rfa.id, step)
    with pytest.raises(ValidationError, match="asset"):
        _move(db, rfa.id, S.TASKED)


def test_editing_a_validated_request_sends_it_back_to_draft(db, op, complete):
    rfa = _draft(db, op, complete)
    _move(db, rfa.id, S.SUBMITTED)
    _move(db, rfa.id, S.VALIDATED)
    complete.cargo_tonnes = 6.0
    with db.transaction() as session:
        edited = service.save_draft(session, rfa.id, complete, by="Officer A")
    assert edited.status == S.DRAFT
    with db.session() as session:
        last = service.history(session, rfa.id)[-1]
    assert (last.from_status, last.to_status) == (S.VALIDATED, S.DRAFT)


def test_saving_unchanged_form_changes_nothing(db, op, complete):
    rfa = _draft(db, op, complete)
    with db.session() as session:
        before = len(session.scalars(select(OutboxEntry)).all())
    with db.transaction() as session:
        service.save_draft(session, rfa.id, complete, by="A")
    with db.session() as session:
        assert len(session.scalars(select(OutboxEntry)).all()) == before


def test_a_request_with_the_military_cannot_be_edited(db, op, complete):
    rfa = _draft(db, op, complete)
    for step in (S.SUBMITTED, S.VALIDATED, S.PASSED_TO_MILITARY):
        _move(db, rfa.id, step)
    complete.remarks = "late change"
    with pytest.raises(FieldAppError, match="can no longer be edited"), \
            db.transaction() as session:
        service.save_draft(session, rfa.id, complete, by="A")


def test_matching_lists_available_assets_of_the_category_nearest_first(db, op, complete):
    rfa = _draft(db, op, complete)
    day = complete.required_from.date()
    with db.transaction() as session:
        session.add_all([
            Asset(category="airlift_helicopter", status="available", provider_unit="Far",
                  latitude=-25.9, longitude=32.6, operation_id=op.id),
            Asset(category="airlift_helicopter", status="offered", provider_unit="Near",
                  latitude=-19.9, longitude=34.9, operation_id=None),
            Asset(category="airlift_helicopter", status="deployed", provider_unit="Busy",
                  operation_id=op.id),
            Asset(category="medical", status="available", provider_unit="Wrong kind",
                  operation_id=op.id),
            Asset(category="airlift_helicopter", status="available", provider_unit="Gone",
                  available_to=day - timedelta(days=2), operation_id=op.id),
            Asset(category="airlift_helicopter", status="available", provider_unit="Later",
                  available_from=date(2099, 1, 1), operation_id=op.id),
            Asset(category="airlift_helicopter", status="available", provider_unit="Nowhere",
                  operation_id=op.id),
        ])
    with db.session() as session:
        matches = service.matching_assets(session, service.get_rfa(session, rfa.id))
    assert [m.asset.provider_unit for m in matches] == ["Near", "Far", "Nowhere"]
    assert matches[0].distance_km < 20 < matches[1].distance_km


def test_overdue_means_open_after_the_end_date(db, op, complete):
    rfa = _draft(db, op, complete)
    with db.session() as session:
        loaded = service.get_rfa(session, rfa.id)
        later = complete.required_until + timedelta(hours=1)
        assert service.is_overdue(loaded, now=later)
        loaded.status = S.COMPLETED
        assert not service.is_overdue(loaded, now=later)


def test_list_filters_sorts_and_flags_overdue(db, op, complete):
    drafts = [_draft(db, op, complete) for _ in range(3)]
    _move(db, drafts[0].id, S.SUBMITTED)
    with db.transaction() as session:
        other = service.get_rfa(session, drafts[1].id)
        other.priority = "other"
        other.title = "Bridge repair at Rio Lento"
        other.required_until = utcnow() - timedelta(days=1)
    with db.session() as session:
        everything = service.list_rfas(session, operation_id=op.id)
        submitted = service.list_rfas(session, operation_id=op.id,
                                      where=service.RfaFilter(statuses=(S.SUBMITTED,)))
        bridge = service.list_rfas(session, operation_id=op.id,
                                   where=service.RfaFilter(text="brid"))
        urgent = service.count_rfas(session, operation_id=op.id,
                                    where=service.RfaFilter(priorities=("life_saving",)))
        by_title = service.list_rfas(session, operation_id=op.id, sort="title", descending=True)
        page = service.list_rfas(session, operation_id=op.id, offset=1, limit=1)
    assert [r.reference for r in everything] == sorted(r.reference for r in drafts)
    assert [r.id for r in submitted] == [drafts[0].id]
    assert [r.id for r in bridge] == [drafts[1].id]
    assert bridge[0].overdue
    assert everything[0].requester == "WFP"
    assert urgent == 2
    assert by_title[-1].title == "Airlift of water purification units"
    assert by_title[0].title == "Bridge repair at Rio Lento"
    assert [r.id for r in page] == [everything[1].id]


def test_filter_description_reads_as_words():
    where = service.RfaFilter(statuses=(S.SUBMITTED,), priorities=("life_saving",))
    assert where.describe() == "Status: submitted for validation; priority: life-saving"
    assert service.RfaFilter().describe() == "All requests"

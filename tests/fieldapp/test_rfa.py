"""RFA lifecycle, references, validation before submission, matching assets."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from fieldapp.db import Database
from fieldapp.errors import FieldAppError, NotFoundError, ValidationError, ValidationErrors
from fieldapp.i18n import in_language
from fieldapp.models import (
    Asset,
    Contact,
    Operation,
    Organisation,
    OutboxEntry,
    Rfa,
    RfaEvent,
    utcnow,
)
from fieldapp.models.enums import RfaStatus as S
from fieldapp.services import rfa as service
from fieldapp.services.rfa import RfaInput
from tests.fieldapp.sentences import reads_as_a_sentence


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


def _save_form(db, op, rfa_id, data):
    with db.transaction() as session:
        return service.save_form(session, rfa_id=rfa_id, operation_id=op.id, data=data,
                                 by="Officer A")


def test_a_form_left_blank_takes_no_reference_and_stores_no_draft(db, op):
    assert _save_form(db, op, "new-1", RfaInput(title="  ", proposed_asset_ids=[])) is None
    with db.session() as session:
        assert session.scalars(select(Rfa)).all() == []
    typed = _save_form(db, op, "new-2", RfaInput(title="Water"))
    assert typed.reference.endswith("-0001")  # the blank form used no number


def test_the_first_save_of_a_new_form_creates_the_draft_under_the_form_s_id(db, op):
    first = _save_form(db, op, "form-id", RfaInput(title="Water"))
    again = _save_form(db, op, "form-id", RfaInput(title="Water kits"))
    with db.session() as session:
        rows = session.scalars(select(Rfa)).all()
        [event] = service.history(session, "form-id")
    assert [(r.id, r.title, r.reference) for r in rows] == [
        ("form-id", "Water kits", first.reference)]
    assert again.reference == first.reference
    assert event.to_status == S.DRAFT


def test_discarding_a_form_never_saved_deletes_nothing(db, op):
    kept = _draft(db, op)
    with db.transaction() as session:
        service.delete_rfa(session, "never-saved", missing_ok=True)
        with pytest.raises(NotFoundError):
            service.delete_rfa(session, "never-saved")
    with db.session() as session:
        assert [r.id for r in session.scalars(select(Rfa).where(Rfa.deleted.is_(False)))] == [
            kept.id]


def test_a_saved_then_deleted_draft_keeps_its_reference_taken(db, op):
    first = _save_form(db, op, "a", RfaInput(title="Saved once"))
    with db.transaction() as session:
        service.delete_rfa(session, "a")
    second = _save_form(db, op, "b", RfaInput(title="Next"))
    assert first.reference.endswith("-0001")
    assert second.reference.endswith("-0002")


@pytest.mark.parametrize("data", [
    RfaInput(capability="airlift_helicopter"), RfaInput(priority="life_saving"),
    RfaInput(remarks="x"), RfaInput(capability_unique=True), RfaInput(passengers=0),
    RfaInput(proposed_asset_ids=["asset"]),
])
def test_anything_chosen_or_typed_makes_a_form_worth_saving(data):
    assert not service.is_blank(data)
    assert service.is_blank(RfaInput(cluster=" ", remarks="\n", proposed_asset_ids=[]))


def test_the_offered_start_is_the_next_full_hour():
    now = datetime(2026, 3, 4, 9, 59, 30, tzinfo=UTC)
    assert service.default_from(now) == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    assert service.default_from(datetime(2026, 3, 4, 10, 0, tzinfo=UTC)) == datetime(
        2026, 3, 4, 11, 0, tzinfo=UTC)


def test_the_offered_end_is_a_week_after_the_start_and_never_overdue_at_once():
    start = datetime(2026, 3, 4, 6, 30, tzinfo=UTC)
    now = datetime(2026, 3, 1, 12, 10, tzinfo=UTC)
    assert service.default_until(start, now) == datetime(2026, 3, 11, 6, 30, tzinfo=UTC)
    assert service.default_until(None, now) == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)
    assert service.default_until(None) > utcnow() + timedelta(days=7)


def test_a_start_in_the_past_is_warned_about_not_refused(db, op, complete):
    now = utcnow()
    past = replace(complete, required_from=now - timedelta(hours=2))
    [warning] = service.date_warnings(past, now=now)
    assert warning.field == "required_from"
    assert "past" in warning.message
    assert reads_as_a_sentence(warning.message)
    assert service.date_warnings(replace(complete, required_from=now), now=now) == []
    assert service.date_warnings(replace(complete, required_from=None), now=now) == []
    assert service.submission_errors(past, now=now) == []
    rfa = _draft(db, op, past)
    assert _move(db, rfa.id, S.SUBMITTED, comment="Recording the airlift of this morning"
                 ).status == S.SUBMITTED


def test_draft_records_its_creation_in_history(db, op):
    rfa = _draft(db, op)
    with db.session() as session:
        [event] = service.history(session, rfa.id)
    assert (event.from_status, event.to_status, event.by) == ("", S.DRAFT, "Officer A")


def test_the_apps_history_comment_is_stored_in_english_in_any_language(db, op):
    with in_language("fr"):
        rfa = _draft(db, op)
    with db.session() as session:
        [event] = service.history(session, rfa.id)
    assert event.comment == "Draft created"  # it syncs to HQ; translated only where shown


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



def test_a_deleted_draft_is_gone_from_the_list_and_cannot_be_opened(db, op):
    kept, deleted = _draft(db, op), _draft(db, op)
    with db.transaction() as session:
        service.delete_rfa(session, deleted.id)
    with db.session() as session:
        assert [r.id for r in service.list_rfas(session, operation_id=op.id)] == [kept.id]
        assert service.count_rfas(session, operation_id=op.id) == 1
        with pytest.raises(NotFoundError) as raised:
            service.get_rfa(session, deleted.id)
    assert reads_as_a_sentence(str(raised.value))


def test_only_a_draft_can_be_deleted(db, op, complete):
    rfa = _draft(db, op, complete)
    _move(db, rfa.id, S.SUBMITTED)
    with pytest.raises(FieldAppError) as raised, db.transaction() as session:
        service.delete_rfa(session, rfa.id)
    assert reads_as_a_sentence(str(raised.value))
    with db.session() as session:
        assert not service.get_rfa(session, rfa.id).deleted


def test_no_request_is_drafted_in_a_deleted_operation(db, op):
    with db.transaction() as session:
        session.get(Operation, op.id).deleted = True
    with pytest.raises(NotFoundError) as raised:
        _draft(db, op)
    assert reads_as_a_sentence(str(raised.value))


def test_history_shows_who_why_and_when_for_this_request_only(db, op, complete):
    before = utcnow()
    rfa = _draft(db, op, complete)
    other = _draft(db, op, complete)
    with db.transaction() as session:
        service.transition(session, rfa.id, S.CANCELLED, by="Officer B",
                           comment="  Need met by the Red Cross  ")
    _move(db, other.id, S.SUBMITTED)
    with db.session() as session:
        created, cancelled = service.history(session, rfa.id)
    assert (created.by, created.from_status) == ("Officer A", "")
    assert "created" in created.comment.lower()
    assert (cancelled.by, cancelled.comment) == ("Officer B", "Need met by the Red Cross")
    assert (cancelled.from_status, cancelled.to_status) == (S.DRAFT, S.CANCELLED)
    assert before <= created.at <= cancelled.at <= utcnow()
    assert {created.operation_id, cancelled.operation_id} == {op.id}  # travels with its op


def test_history_leaves_out_an_event_withdrawn_at_hq(db, op):
    rfa = _draft(db, op)
    _move(db, rfa.id, S.CANCELLED, comment="Duplicate")
    with db.transaction() as session:
        session.get(RfaEvent, service.history(session, rfa.id)[-1].id).deleted = True
    with db.session() as session:
        assert [e.to_status for e in service.history(session, rfa.id)] == [S.DRAFT]


def test_a_reason_is_needed_to_cancel_and_the_refusal_names_the_step(db, op):
    rfa = _draft(db, op)
    with pytest.raises(ValidationError) as raised:
        _move(db, rfa.id, S.CANCELLED)
    assert raised.value.field == "comment"
    assert service.status_label(S.CANCELLED).lower() in raised.value.message
    assert reads_as_a_sentence(raised.value.message)


def test_a_refused_step_names_the_current_status_and_the_possible_next_ones(db, op):
    rfa = _draft(db, op)
    with pytest.raises(FieldAppError) as raised:
        _move(db, rfa.id, S.COMPLETED)
    message = str(raised.value)
    for status in (S.DRAFT, S.COMPLETED, S.SUBMITTED, S.CANCELLED):
        assert service.status_label(status).lower() in message
    _move(db, rfa.id, S.CANCELLED, comment="Duplicate")
    with pytest.raises(FieldAppError) as raised:
        _move(db, rfa.id, S.SUBMITTED)
    assert re.search(r"\bnone\b", str(raised.value))


def test_the_next_steps_are_offered_in_lifecycle_order(db, op, complete):
    rfa = _draft(db, op, complete)
    moved = _move(db, rfa.id, S.SUBMITTED)
    assert service.allowed_transitions(moved) == [S.VALIDATED, S.RETURNED, S.REJECTED,
                                                  S.CANCELLED]


def _with_the_military(db, op, complete) -> Rfa:
    rfa = _draft(db, op, complete)
    for step in (S.SUBMITTED, S.VALIDATED, S.PASSED_TO_MILITARY):
        _move(db, rfa.id, step)
    return rfa


def test_tasking_without_an_asset_is_refused_on_the_asset_field(db, op, complete):
    rfa = _with_the_military(db, op, complete)
    with pytest.raises(ValidationError) as raised:
        _move(db, rfa.id, S.TASKED)
    assert raised.value.field == "asset"
    assert reads_as_a_sentence(raised.value.message)


def test_a_deleted_asset_cannot_be_tasked(db, op, complete):
    rfa = _with_the_military(db, op, complete)
    with db.transaction() as session:
        asset = Asset(category="airlift_helicopter", operation_id=op.id, deleted=True)
        session.add(asset)
    with pytest.raises(ValidationError) as raised:
        _move(db, rfa.id, S.TASKED, asset_id=asset.id)
    assert raised.value.field == "asset"
    assert reads_as_a_sentence(raised.value.message)
    with db.session() as session:
        loaded = service.get_rfa(session, rfa.id)
        assert (loaded.status, loaded.tasked_asset_id) == (S.PASSED_TO_MILITARY, None)


def test_editing_a_submitted_request_records_who_sent_it_back_and_why(db, op, complete):
    rfa = _draft(db, op, complete)
    _move(db, rfa.id, S.SUBMITTED)
    complete.remarks = "Two more pallets"
    with db.transaction() as session:
        service.save_draft(session, rfa.id, complete, by="Officer B")
    with db.session() as session:
        last = service.history(session, rfa.id)[-1]
    assert (last.from_status, last.to_status, last.by) == (S.SUBMITTED, S.DRAFT, "Officer B")
    assert "draft" in last.comment.lower()


def test_saving_the_unchanged_form_of_a_submitted_request_keeps_it_submitted(db, op, complete):
    rfa = _draft(db, op, complete)
    _move(db, rfa.id, S.SUBMITTED)
    with db.transaction() as session:
        form = RfaInput.from_rfa(service.get_rfa(session, rfa.id))
        assert service.save_draft(session, rfa.id, form, by="A").status == S.SUBMITTED
    with db.session() as session:
        assert len(service.history(session, rfa.id)) == 2


def test_the_refusal_to_edit_names_the_status(db, op, complete):
    rfa = _with_the_military(db, op, complete)
    complete.remarks = "late change"
    with pytest.raises(FieldAppError) as raised, db.transaction() as session:
        service.save_draft(session, rfa.id, complete, by="A")
    assert service.status_label(S.PASSED_TO_MILITARY).lower() in str(raised.value)
    assert reads_as_a_sentence(str(raised.value))


def test_the_form_reopens_with_the_proposed_assets(db, op, complete):
    with db.transaction() as session:
        asset = Asset(category="airlift_helicopter", operation_id=op.id)
        session.add(asset)
    rfa = _draft(db, op, replace(complete, proposed_asset_ids=[asset.id]))
    with db.session() as session:
        assert RfaInput.from_rfa(service.get_rfa(session, rfa.id)).proposed_asset_ids == \
            [asset.id]


def test_short_fields_are_trimmed_and_long_texts_kept_as_typed(db, op):
    typed = RfaInput(title="  Airlift  ", cluster=" WASH ",
                     task_description="  1. Load\n  2. Fly\n", remarks="\tsee annex ")
    rfa = _draft(db, op, typed)
    with db.session() as session:
        stored = service.get_rfa(session, rfa.id)
        assert (stored.title, stored.cluster) == ("Airlift", "WASH")
        assert (stored.task_description, stored.remarks) == ("  1. Load\n  2. Fly\n",
                                                             "\tsee annex ")


def test_a_request_is_overdue_only_after_its_end_has_passed(db, op, complete):
    rfa = _draft(db, op, complete)
    end = complete.required_until
    with db.session() as session:
        loaded = service.get_rfa(session, rfa.id)
        assert not service.is_overdue(loaded, now=end)
        assert service.is_overdue(loaded, now=end + timedelta(seconds=1))
        [row] = service.list_rfas(session, operation_id=op.id, now=end)
        assert not row.overdue


def test_a_completed_request_past_its_end_is_not_listed_as_overdue(db, op, complete):
    rfa = _draft(db, op, complete)
    with db.transaction() as session:
        service.get_rfa(session, rfa.id).status = S.COMPLETED
    with db.session() as session:
        [row] = service.list_rfas(session, operation_id=op.id,
                                  now=complete.required_until + timedelta(days=1))
    assert not row.overdue


def test_list_filters_by_cluster_and_capability_and_keeps_to_the_operation(
        db, op, complete, make_operation):
    wash = _draft(db, op, replace(complete, cluster="WASH"))
    health = _draft(db, op, replace(complete, cluster="Health", capability="medical"))
    elsewhere = make_operation("Floods", "FLD", "MOZ")
    _draft(db, elsewhere, replace(complete, cluster="WASH"))
    with db.session() as session:
        def ids(**where):
            return [r.id for r in service.list_rfas(
                session, operation_id=op.id, where=service.RfaFilter(**where))]

        assert ids(cluster="WASH") == [wash.id]
        assert ids(capability="medical") == [health.id]
        assert ids(cluster="WASH", capability="medical") == []
        assert ids() == [wash.id, health.id]
        assert service.count_rfas(session, operation_id=op.id,
                                  where=service.RfaFilter(cluster="Logistics")) == 0


def test_list_rows_show_what_the_table_shows(db, op, complete):
    rfa = _draft(db, op, complete)
    bare = _draft(db, op)
    with db.session() as session:
        full, empty = service.list_rfas(session, operation_id=op.id)
    assert (full.id, full.capability, full.priority, full.status) == (
        rfa.id, "airlift_helicopter", "life_saving", S.DRAFT)
    assert (full.required_from, full.required_until) == (complete.required_from,
                                                          complete.required_until)
    assert (empty.id, empty.requester, empty.required_from) == (bare.id, "", None)


def test_rows_that_tie_on_the_sort_column_follow_their_reference(db, op):
    with db.transaction() as session:
        for number in ("0003", "0001", "0002"):
            session.add(Rfa(reference=f"MYC-01-{number}", operation_id=op.id))
    with db.session() as session:
        rows = service.list_rfas(session, operation_id=op.id, sort="priority")
    assert [r.reference for r in rows] == ["MYC-01-0001", "MYC-01-0002", "MYC-01-0003"]


def test_filter_description_keeps_names_and_typed_text_as_written():
    where = service.RfaFilter(statuses=(S.SUBMITTED, S.TASKED),
                              priorities=("life_saving", "other"), cluster="WASH",
                              capability="airlift_helicopter", text="Beira")
    assert where.describe() == (
        "Status: submitted for validation, tasked; priority: life-saving, other; "
        "cluster: WASH; capability: airlift (helicopter); text: \u201cBeira\u201d")
    assert service.RfaFilter(cluster="WASH").describe() == "Cluster: WASH"


def _great_circle_km(lat1, lon1, lat2, lon2):
    """The spherical law of cosines (another formula than the service's, same sphere)."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371.0 * math.acos(math.sin(p1) * math.sin(p2)
                              + math.cos(p1) * math.cos(p2) * math.cos(dl))


def _available(op, unit, **kw) -> Asset:
    return Asset(category="airlift_helicopter", status="available", provider_unit=unit,
                 operation_id=op.id, **kw)


def test_matching_gives_the_distance_from_the_start_of_the_task(db, op, complete):
    rfa = _draft(db, op, replace(complete, from_lat=-19.8, from_lon=34.8))
    with db.transaction() as session:
        session.add(_available(op, "Maputo", latitude=-25.9, longitude=32.6))
    with db.session() as session:
        [match] = service.matching_assets(session, service.get_rfa(session, rfa.id))
    assert match.distance_km == pytest.approx(_great_circle_km(-19.8, 34.8, -25.9, 32.6),
                                              abs=0.01)


def test_matching_measures_from_the_destination_when_the_start_has_no_position(
        db, op, complete):
    rfa = _draft(db, op, replace(complete, from_lat=None, from_lon=None,
                                 to_lat=-20.0, to_lon=35.0))
    with db.transaction() as session:
        session.add(_available(op, "Beira", latitude=-20.0, longitude=35.5))
    with db.session() as session:
        [match] = service.matching_assets(session, service.get_rfa(session, rfa.id))
    assert match.distance_km == pytest.approx(_great_circle_km(-20.0, 35.0, -20.0, 35.5),
                                              abs=0.01)


def test_an_asset_on_the_spot_comes_before_one_close_by(db, op, complete):
    rfa = _draft(db, op, replace(complete, from_lat=-19.8, from_lon=34.8))
    with db.transaction() as session:
        session.add_all([_available(op, "Close", latitude=-19.8, longitude=34.805),
                         _available(op, "Here", latitude=-19.8, longitude=34.8)])
    with db.session() as session:
        matches = service.matching_assets(session, service.get_rfa(session, rfa.id))
    assert [m.asset.provider_unit for m in matches] == ["Here", "Close"]


def test_matching_keeps_assets_available_on_the_first_or_last_day_only(db, op, complete):
    rfa = _draft(db, op, complete)
    first, last = complete.required_from.date(), complete.required_until.date()
    with db.transaction() as session:
        session.add_all([
            _available(op, "Until the first day", available_to=first),
            _available(op, "From the last day", available_from=last),
            _available(op, "Gone the day before", available_to=first - timedelta(days=1)),
            _available(op, "Comes the day after", available_from=last + timedelta(days=1)),
            _available(op, "Through the window", available_from=first - timedelta(days=9),
                       available_to=last + timedelta(days=9)),
        ])
    with db.session() as session:
        units = {m.asset.provider_unit for m in service.matching_assets(
            session, service.get_rfa(session, rfa.id))}
    assert units == {"Until the first day", "From the last day", "Through the window"}


def test_matching_leaves_out_deleted_assets_and_those_of_other_operations(
        db, op, complete, make_operation):
    rfa = _draft(db, op, complete)
    other = make_operation("Floods", "FLD", "MOZ")
    with db.transaction() as session:
        session.add_all([_available(op, "Ours"), _available(op, "Deleted", deleted=True),
                         _available(other, "Theirs")])
    with db.session() as session:
        matches = service.matching_assets(session, service.get_rfa(session, rfa.id))
    assert [m.asset.provider_unit for m in matches] == ["Ours"]


def test_matching_suggests_at_most_fifty_assets(db, op, complete):
    rfa = _draft(db, op, complete)
    with db.transaction() as session:
        session.add_all([_available(op, f"Unit {n}") for n in range(51)])
    with db.session() as session:
        assert len(service.matching_assets(session, service.get_rfa(session, rfa.id))) == 50


def _with_capacity(op, unit, value, capacity_unit, quantity=1, **kw) -> Asset:
    return _available(op, unit, capacity_value=value, capacity_unit=capacity_unit,
                      quantity=quantity, **kw)


def _matches(db, op, data):
    rfa = _draft(db, op, data)
    with db.session() as session:
        return service.matching_assets(session, service.get_rfa(session, rfa.id))


def test_a_four_seat_helicopter_does_not_fit_cargo_and_says_why(db, op, complete):
    with db.transaction() as session:
        session.add(_with_capacity(op, "Light helicopter", 4, "passengers"))
    [match] = _matches(db, op, replace(complete, cargo_tonnes=4.8))
    assert match.fits is False
    assert match.reason == ("Does not fit: its capacity is 4 passengers; the request is "
                            "for 4.8 t of cargo.")


def test_capacity_counts_every_unit_of_the_asset(db, op, complete):
    with db.transaction() as session:
        session.add(_with_capacity(op, "Pair", 2.5, "t per sortie", quantity=2))
    [match] = _matches(db, op, replace(complete, cargo_tonnes=5.0))
    assert match.fits is True
    assert match.reason == "Fits: 2 × 2.5 t per sortie = 5 t for 5 t of cargo."


def test_a_capacity_too_small_says_how_many_rounds_it_takes(db, op, complete):
    with db.transaction() as session:
        session.add(_with_capacity(op, "Small", 1.5, "t per sortie", quantity=2))
    [match] = _matches(db, op, replace(complete, cargo_tonnes=4.8))
    assert match.fits is False
    assert match.reason == ("Too small: 2 × 1.5 t per sortie = 3 t for 4.8 t of cargo; "
                            "about 2 sorties.")
    assert reads_as_a_sentence(match.reason)


@pytest.mark.parametrize(("value", "unit", "data", "fits"), [
    (12, "passengers per sortie", {"passengers": 12, "cargo_tonnes": None}, True),
    (12, "seats", {"passengers": 13, "cargo_tonnes": None}, False),
    (500, "kg", {"cargo_tonnes": 0.5}, True),
    (500, "kg", {"cargo_tonnes": 0.6}, False),
    (20, "m³", {"cargo_m3": 20.0, "cargo_tonnes": None}, True),
    (30, "beds", {"other_quantity": 30.0, "other_unit": "Bed", "cargo_tonnes": None}, True),
    (30, "beds", {"other_quantity": 31.0, "other_unit": "beds", "cargo_tonnes": None}, False),
])
def test_capacity_is_compared_in_the_requested_quantity_s_unit(db, op, complete, value, unit,
                                                               data, fits):
    with db.transaction() as session:
        session.add(_with_capacity(op, "Asset", value, unit))
    [match] = _matches(db, op, replace(complete, **data))
    assert match.fits is fits, match.reason


@pytest.mark.parametrize(("value", "unit", "data", "words"), [
    (None, "", {}, "not recorded"),
    (100, "kVA each", {}, "cannot be compared with 4 t of cargo"),
    (3, "t", {"cargo_tonnes": None},
     "No quantity in the request to compare with its capacity (3 t)."),
])
def test_a_capacity_that_cannot_be_compared_says_so(db, op, complete, value, unit, data,
                                                    words):
    with db.transaction() as session:
        session.add(_with_capacity(op, "Asset", value, unit))
    [match] = _matches(db, op, replace(complete, **data))
    assert match.fits is None
    assert words in match.reason
    assert reads_as_a_sentence(match.reason)


def test_assets_that_fit_come_first_then_unknown_then_too_small(db, op, complete):
    with db.transaction() as session:
        session.add_all([
            _with_capacity(op, "Too small, here", 1, "t", latitude=-19.8, longitude=34.8),
            _with_capacity(op, "Unknown, close", None, "", latitude=-19.8, longitude=34.9),
            _with_capacity(op, "Fits, far", 10, "t", latitude=-25.9, longitude=32.6),
            _with_capacity(op, "Fits, near", 10, "t", latitude=-19.9, longitude=34.8),
        ])
    matches = _matches(db, op, replace(complete, cargo_tonnes=4.8))
    assert [m.asset.provider_unit for m in matches] == [
        "Fits, near", "Fits, far", "Unknown, close", "Too small, here"]


def test_a_one_line_field_over_its_size_is_refused_naming_it_never_cut(db, op_id):
    from fieldapp.errors import ValidationErrors
    from fieldapp.services.rfa import LINE_LIMITS, RfaInput, create_draft, save_draft

    with db.transaction() as session:
        rfa = create_draft(session, operation_id=op_id, data=RfaInput(title="x" * 200),
                           by="Officer")
        assert rfa.title == "x" * 200
    for name, limit in LINE_LIMITS.items():
        too_long = RfaInput(**{name: "y" * (limit + 1)})
        with db.transaction() as session, pytest.raises(ValidationErrors) as raised:
            save_draft(session, rfa.id, too_long, by="Officer")
        assert [e.field for e in raised.value.errors] == [name]
        assert str(limit + 1) in raised.value.errors[0].message
        with db.transaction() as session, pytest.raises(ValidationErrors):
            create_draft(session, operation_id=op_id, data=too_long, by="Officer")
    with db.session() as session:
        assert session.get(type(rfa), rfa.id).title == "x" * 200


def _sentences_start_as_words(message: str) -> bool:
    """Every sentence of a message starts with a word in title case (or an acronym)."""
    starts = [s.split()[0] for s in re.split(r"(?<=[.!?])\s+", message.strip()) if s.split()]
    return all(w.istitle() or w.isupper() for w in starts)


def _plain(reason: str) -> bool:
    """A match's reason: a sentence, no word in capitals (it names no acronym), none running
    into capitals (a unit symbol such as kVA is fine) and no None standing in for a unit."""
    words = re.findall(r"[A-Za-z]+", reason)
    return (reads_as_a_sentence(reason) and _sentences_start_as_words(reason)
            and not any(len(w) > 1 and w.isupper() for w in words)
            and not any(re.search(r"[a-z]{2}[A-Z]", w) for w in words)
            and "None" not in words)


def test_the_history_says_in_words_when_a_draft_was_created_and_sent_back(db, op, complete):
    from tests.fieldapp.sentences import reads_as_a_caption

    rfa = _draft(db, op, complete)
    _move(db, rfa.id, S.SUBMITTED)
    _save_form(db, op, rfa.id, replace(complete, title="Airlift of water kits"))
    with db.session() as session:
        events = service.history(session, rfa.id)
    assert len(events) == 3
    for event in (events[0], events[-1]):  # created; edited after submission
        assert reads_as_a_caption(event.comment), event.comment
    assert events[-1].by == "Officer A"  # who sent it back, through the form


def test_the_first_save_of_a_form_stores_what_was_typed_and_who_typed_it(db, op):
    rfa = _save_form(db, op, "form-id", RfaInput(title="Water", passengers=3))
    with db.session() as session:
        stored = service.get_rfa(session, "form-id")
        [event] = service.history(session, "form-id")
    assert (stored.title, stored.passengers, rfa.reference) == ("Water", 3, stored.reference)
    assert event.by == "Officer A"


def test_the_offered_start_has_no_seconds_or_fractions():
    now = datetime(2026, 3, 4, 9, 12, 30, 123456, tzinfo=UTC)
    assert service.default_from(now) == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def test_the_past_start_warning_starts_each_sentence_as_a_word(complete):
    now = utcnow()
    [warning] = service.date_warnings(replace(complete, required_from=now - timedelta(1)),
                                      now=now)
    assert _sentences_start_as_words(warning.message), warning.message
    assert len(re.split(r"(?<=\.)\s+", warning.message)) == 2


def test_discarding_a_saved_draft_deletes_it(db, op):
    kept = _draft(db, op)
    gone = _draft(db, op)
    with db.transaction() as session:
        service.delete_rfa(session, gone.id, missing_ok=True)
    with db.session() as session:
        assert [r.id for r in session.scalars(select(Rfa).where(Rfa.deleted.is_(False)))] == [
            kept.id]


@pytest.mark.parametrize(("value", "unit", "quantity", "data", "fits", "said"), [
    (2.5, "t, per sortie", 2, {"cargo_tonnes": 5.0}, True, ["5 t"]),
    (20, "cubic metres", 1, {"cargo_m3": 20.0, "cargo_tonnes": None}, True, ["20"]),
    (20, "m³", 1, {"cargo_m3": 30.0, "cargo_tonnes": None}, False, ["20", "30"]),
    (20, "cubic metres", 2, {"cargo_m3": 30.0, "cargo_tonnes": None}, True, ["40 m³"]),
    (20, "m3", 2, {"cargo_m3": 30.0, "cargo_tonnes": None}, True, ["40 m³"]),
    (12, "personnel", 1, {"passengers": 10, "cargo_tonnes": None}, None, ["12", "10"]),
    (12, "seats", 2, {"passengers": 20, "cargo_tonnes": None}, True, ["24 passengers"]),
    (30, "beds", 2, {"other_quantity": 50.0, "other_unit": "beds", "cargo_tonnes": None},
     True, ["60 beds", "50 beds"]),
    (30, "beds", 1, {"other_quantity": 31.0, "other_unit": "beds", "cargo_tonnes": None},
     False, ["30 beds", "31 beds"]),
    (3, "t", 0, {"cargo_tonnes": 4.0}, False, ["3 t", "4 t"]),
    (5, "", 1, {"cargo_tonnes": 4.0}, None, ["5", "4 t"]),
    (3, "kVA", 1, {"other_quantity": 30.0, "other_unit": "", "cargo_tonnes": None}, None,
     ["3 kVA", "30"]),
    (3, "kVA", 1, {"passengers": 12}, None, ["3 kVA", "4 t", "12 passengers"]),
    (1, "t per sortie", 1, {"cargo_tonnes": 4.8}, False, ["5 sorties"]),
    (0, "t per sortie", 1, {"cargo_tonnes": 4.8}, False, ["0 t"]),
    (1, "t per hour", 1, {"cargo_tonnes": 4.8}, False, ["1 t", "4.8 t"]),
    (1, "t", 1, {"cargo_tonnes": 4.8}, False, ["1 t", "4.8 t"]),
])
def test_a_match_s_reason_reads_as_a_sentence_with_its_numbers(
        db, op, complete, value, unit, quantity, data, fits, said):
    with db.transaction() as session:
        session.add(_with_capacity(op, "Asset", value, unit, quantity=quantity))
    [match] = _matches(db, op, replace(complete, **data))
    assert match.fits is fits, match.reason
    assert _plain(match.reason), match.reason
    for words in said:
        assert re.search(rf"(?<![\d.]){re.escape(words)}\b", match.reason) or (
            words.endswith("³") and words in match.reason), (words, match.reason)


def test_a_capacity_that_is_one_unit_of_the_requested_measure_is_said_once(db, op, complete):
    with db.transaction() as session:
        session.add(_with_capacity(op, "Asset", 12, "t"))
    [match] = _matches(db, op, replace(complete, cargo_tonnes=10.0))
    assert match.fits is True
    assert len(re.findall(r"(?<![\d.])12\b", match.reason)) == 1, match.reason


def test_matching_weighs_every_candidate_not_only_the_first_thousands(db, op, complete):
    """3,000 far-away assets were entered first; the one on the spot, entered last, is
    still found and comes first (the directory is never cut before it is weighed)."""
    rfa = _draft(db, op, replace(complete, from_lat=-19.8, from_lon=34.8))
    with db.transaction() as session:
        session.add_all(_available(op, f"Far {n}", latitude=10.0, longitude=10.0)
                        for n in range(3000))
    with db.transaction() as session:
        session.add(_available(op, "Here", latitude=-19.8, longitude=34.8))
    with db.session() as session:
        matches = service.matching_assets(session, service.get_rfa(session, rfa.id), limit=3)
    assert [m.asset.provider_unit for m in matches][0] == "Here"
    assert len(matches) == 3
    assert all(m.asset.provider_unit.startswith("Far") for m in matches[1:])

"""The Central Register on the laptop: the directory listing the operation's assets and the
register's entries together, corrections proposed (checked, then in the outbox), HQ's
answer read back, and "Find matching assets" weighing both.

Register entries are written as a pull writes them (sync.local.apply_rows, HQ's rows)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from fieldapp.errors import NotFoundError, ReadOnlyError, ValidationErrors
from fieldapp.models import OutboxEntry, Rfa
from fieldapp.models.register import RegisterEntry, RegisterProposal
from fieldapp.services.assets import AssetFilter, AssetInput, asset_ids, create_asset
from fieldapp.services.register import (
    REGISTER,
    SHOW_OPERATION,
    SHOW_REGISTER,
    RegisterRow,
    directory_count,
    directory_ids,
    directory_rows,
    entry_label,
    matching_directory,
    proposals_for,
    propose_correction,
    register_detail,
)
from sync import local

TODAY = date.today()


def entry_row(entry_id: str | None = None, rev: int = 1, **fields) -> dict:
    """A register entry as a pull delivers it."""
    entry_id = entry_id or str(uuid.uuid4())
    values = {"id": entry_id, "provider": "Ministry of Defence", "provider_kind": "member_state",
              "provider_state": "NOR", "capability": "Medium helicopters with crews",
              "category": "airlift_helicopter", "quantity": 2, "capacity_value": 3.5,
              "capacity_unit": "t", "readiness_hours": 48, "deployment_hours": 72,
              "conditions": "Bilateral request only", "poc_name": "Ingrid Solberg",
              "poc_email": "ops@mod.example.no", "poc_phone": "+47 23 09 80 00",
              "valid_until": (TODAY + timedelta(days=200)).isoformat(), "status": "active",
              "version": 1}
    values.update(fields)
    return {"entity": "register_entry", "id": entry_id, "rev": rev, "fields": values}


def pushed(db, rev: int) -> None:
    """Everything in the outbox as HQ acknowledges it after a push (each change stored as
    revision `rev`): the device's side of a push, without the network."""
    with local.lenient_transaction(db) as session:
        sent = local.push_batch(session, local.push_order(session), 100, held_rows=set())
        local.acknowledge(session, sent, [{"rev": rev} for _ in sent], sync_number=1)


def pull(db, *rows: dict) -> None:
    with local.lenient_transaction(db) as session:
        applied = local.apply_rows(session, list(rows))
    assert applied.held == 0


@pytest.fixture
def listed(db, op_id):
    """Two assets of the operation and four register entries (one retired, one expired)."""
    with db.transaction() as session:
        helicopter = create_asset(session, AssetInput(
            category="airlift_helicopter", description="Puma helicopter", provider_state="FRA",
            capacity_value=3.0, capacity_unit="t"), operation_id=op_id).id
        hospital = create_asset(session, AssetInput(
            category="medical", description="Field hospital", provider_state="SWE"),
            operation_id=op_id).id
    ids = {name: str(uuid.uuid4()) for name in ("norway", "wfp", "retired", "expired")}
    pull(db,
         entry_row(ids["norway"]),
         entry_row(ids["wfp"], provider="World Food Programme", provider_kind="organisation",
                   provider_state="", capability="Пункт водоочистки (water purification)",
                   category="water_sanitation", capacity_value=None, capacity_unit=""),
         entry_row(ids["retired"], capability="Old sealift vessel", category="sealift",
                   status="retired"),
         entry_row(ids["expired"], provider="中国国际救援队", provider_state="CHN",
                   capability="Urban search and rescue team", category="search_and_rescue",
                   valid_until=(TODAY - timedelta(days=3)).isoformat()))
    return {"helicopter": helicopter, "hospital": hospital, **ids}


def _listed(db, op_id, **kwargs) -> list[str]:
    with db.session() as session:
        return directory_ids(session, operation_id=op_id, **kwargs)


def test_the_list_holds_the_operations_assets_and_the_registers_entries_sorted_together(
        db, op_id, listed):
    ids = _listed(db, op_id, sort="category")
    # airlift_helicopter (asset, then entry by description), medical, search_and_rescue,
    # water_sanitation; the retired sealift vessel is left out
    assert ids == [listed["norway"], listed["helicopter"], listed["hospital"],
                   listed["expired"], listed["wfp"]]
    with db.session() as session:
        assert directory_count(session, operation_id=op_id) == 5
        rows = directory_rows(session, ids)
    assert [type(r).__name__ for r in rows] == ["RegisterRow", "AssetRow", "AssetRow",
                                                "RegisterRow", "RegisterRow"]
    assert rows[0].source == REGISTER


def test_the_show_filter_lists_only_the_operations_assets_or_only_the_register(
        db, op_id, listed):
    mine = _listed(db, op_id, show=SHOW_OPERATION)
    with db.session() as session:
        assert mine == asset_ids(session, operation_id=op_id)  # the list as it always was
        assert directory_count(session, operation_id=op_id, show=SHOW_OPERATION) == 2
        assert directory_count(session, operation_id=op_id, show=SHOW_REGISTER) == 3
    assert set(_listed(db, op_id, show=SHOW_REGISTER)) == {
        listed["norway"], listed["wfp"], listed["expired"]}


def test_retired_entries_are_listed_only_when_asked(db, op_id, listed):
    assert listed["retired"] not in _listed(db, op_id)
    assert listed["retired"] in _listed(db, op_id, include_retired=True)
    with db.session() as session:
        assert directory_count(session, operation_id=op_id, include_retired=True) == 6


def test_words_search_both_the_assets_and_the_register(db, op_id, listed):
    assert _listed(db, op_id, where=AssetFilter(text="helicopter")) == [
        listed["norway"], listed["helicopter"]]
    assert _listed(db, op_id, where=AssetFilter(text="водоочистки")) == [listed["wfp"]]
    # every word, each in any column (the point of contact, the conditions)
    assert _listed(db, op_id, where=AssetFilter(text="Solberg bilateral")) == [
        listed["norway"], listed["expired"], listed["wfp"]]
    assert _listed(db, op_id, where=AssetFilter(text="中国")) == [listed["expired"]]
    assert _listed(db, op_id, where=AssetFilter(text="100%_x")) == []


def test_provider_filter_reads_a_country_or_an_organisations_name(db, op_id, listed):
    assert _listed(db, op_id, where=AssetFilter(provider_state="Norway")) == [listed["norway"]]
    assert _listed(db, op_id, where=AssetFilter(provider_state="food prog")) == [listed["wfp"]]


def test_an_asset_status_filter_leaves_the_register_out(db, op_id, listed):
    assert _listed(db, op_id, where=AssetFilter(status="offered")) == [
        listed["helicopter"], listed["hospital"]]


def test_entries_past_valid_until_are_marked_and_listed_as_entries_to_check(db, op_id, listed):
    with db.session() as session:
        rows = {r.id: r for r in directory_rows(session, [listed["expired"], listed["norway"]])}
    assert rows[listed["expired"]].expired
    assert not rows[listed["norway"]].expired
    assert _listed(db, op_id, where=AssetFilter(stale_only=True, category="search_and_rescue")
                   ) == [listed["expired"]]
    later = TODAY + timedelta(days=300)  # after the Norwegian offer's valid-until
    assert listed["norway"] not in _listed(db, op_id, where=AssetFilter(available_on=later))


def test_sorting_descending_and_paging_cover_both_tables(db, op_id, listed):
    everything = _listed(db, op_id, sort="description", descending=True)
    assert everything[:2] == [listed["wfp"], listed["expired"]]  # "Пункт…", "Urban…"
    paged = (_listed(db, op_id, sort="description", descending=True, limit=2)
             + _listed(db, op_id, sort="description", descending=True, offset=2, limit=10))
    assert paged == everything
    for sort in ("provider", "capacity", "quantity", "status", "place", "available_to",
                 "confirmed_at", "updated_at", "poc", "source"):
        assert sorted(_listed(db, op_id, sort=sort)) == sorted(everything), sort


def test_a_register_entry_cannot_be_written_on_the_laptop(db, listed):
    with pytest.raises(ReadOnlyError), db.transaction() as session:
        session.get(RegisterEntry, listed["norway"]).quantity = 5


# --- proposals ---------------------------------------------------------------------------------

def _outbox(db, entity: str) -> list[OutboxEntry]:
    with db.session() as session:
        return list(session.scalars(select(OutboxEntry).where(OutboxEntry.entity == entity)))


def test_a_proposal_keeps_only_the_changed_fields_written_as_stored_and_goes_to_the_outbox(
        db, listed):
    with db.transaction() as session:
        proposal = propose_correction(session, listed["norway"], {
            "quantity": "03", "capacity_value": "3,5", "poc_email": " ops2@mod.example.no ",
            "provider_state": "Norway", "readiness_hours": "24"},
            comment="Confirmed with the MoD desk officer on 3 December.")
        proposal_id = proposal.id
    (entry,) = _outbox(db, "register_proposal")
    assert entry.row_id == proposal_id
    assert entry.fields["changes"] == {"quantity": "3", "poc_email": "ops2@mod.example.no",
                                       "readiness_hours": "24"}
    assert entry.fields["comment"] == "Confirmed with the MoD desk officer on 3 December."
    assert entry.fields["entry_id"] == listed["norway"]
    with db.session() as session:
        (view,) = proposals_for(session, listed["norway"])
    assert (view.status, view.sent, view.answer) == ("pending", False, "")


def test_a_proposal_with_bad_values_names_each_field_with_a_sentence(db, listed):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        propose_correction(session, listed["norway"], {
            "quantity": "0", "poc_email": "not an address", "category": "submarines",
            "valid_until": "31/12/2027", "poc_phone": "12", "capacity_value": "-1",
            "provider_state": "Atlantis", "readiness_hours": "two days",
            "capability": "", "status": "gone"})
    errors = raised.value
    assert {e.field for e in errors.errors} == {
        "quantity", "poc_email", "category", "valid_until", "poc_phone", "capacity_value",
        "provider_state", "readiness_hours", "capability", "status"}
    # HQ's sentences: the laptop checks with HQ's rules (fieldapp.register_rules)
    assert errors.for_field("quantity") == "The quantity is a whole number from 1 to 1,000,000."
    assert errors.for_field("valid_until") == "The valid-until date is a date written 2027-06-30."
    assert "e-mail" in errors.for_field("poc_email")
    assert _outbox(db, "register_proposal") == []


def test_a_proposal_that_changes_nothing_needs_a_comment(db, listed):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        propose_correction(session, listed["norway"], {"quantity": "2", "capacity_value": "3.5"})
    assert raised.value.for_field("comment") == (
        "Change at least one value, or say in the comment what is wrong.")
    with db.transaction() as session:
        propose_correction(session, listed["norway"], {},
                           comment="The unit was disbanded in November.")
    assert len(_outbox(db, "register_proposal")) == 1


def test_the_same_phone_number_written_otherwise_is_no_change(db, listed):
    pull(db, entry_row(listed["norway"], rev=2, poc_phone="+4723098000"))
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        propose_correction(session, listed["norway"], {"poc_phone": "+47 23 09 80 00"})
    assert raised.value.for_field("comment")  # nothing changed, and no comment
    with db.transaction() as session:
        propose_correction(session, listed["norway"], {"poc_phone": "+47 23 09 81 00"})
    (entry,) = _outbox(db, "register_proposal")
    assert entry.fields["changes"] == {"poc_phone": "+4723098100"}
    with db.session() as session:
        assert register_detail(session, listed["norway"]).poc_phone == "+47 23 09 80 00"


def test_a_member_state_provider_needs_its_country(db, listed):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        propose_correction(session, listed["wfp"], {"provider_kind": "member_state"})
    assert raised.value.for_field("provider_state") == (
        "Give the Member State's country as an ISO code (“NOR”) or its name (“Norway”).")


def test_the_laptop_refuses_what_hq_would_refuse_when_accepting_the_proposal(db, listed):
    """One set of rules (fieldapp.register_rules): HQ's limits and its rules that involve
    two fields, even when only one of them is changed."""
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        propose_correction(session, listed["norway"], {
            "quantity": "1,000,001", "readiness_hours": "9000", "provider_kind": "organisation",
            "conditions": "c" * 5001})
    errors = raised.value
    assert errors.for_field("quantity") == "The quantity is a whole number from 1 to 1,000,000."
    assert errors.for_field("readiness_hours") == (
        "Readiness (hours' notice): a whole number of hours from 0 to 8760.")
    assert errors.for_field("conditions") == "Conditions: at most 5000 characters, please."
    # the country was not changed, but an organisation has none
    assert errors.for_field("provider_state") == (
        "An organisation is not a Member State: leave the country empty, or choose "
        "“Member State”.")
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        propose_correction(session, listed["wfp"], {"capacity_value": "40"})
    assert raised.value.for_field("capacity_unit") == (
        "Give the unit of the capacity (t, beds, m³/day…).")
    with db.transaction() as session:  # as HQ reads it: words for kind and category
        propose_correction(session, listed["wfp"], {
            "capacity_value": "40", "capacity_unit": "m³/day", "category": "Medical",
            "quantity": "1 000", "provider_state": "", "status": "Suspended"})
    (entry,) = _outbox(db, "register_proposal")
    assert entry.fields["changes"] == {"capacity_value": "40", "capacity_unit": "m³/day",
                                       "category": "medical", "quantity": "1000",
                                       "status": "suspended"}


def test_no_proposal_for_an_entry_no_longer_in_the_register(db, listed):
    pull(db, {"entity": "register_entry", "id": listed["wfp"], "rev": 7,
              "fields": {"id": listed["wfp"], "deleted": True}})
    with pytest.raises(NotFoundError), db.transaction() as session:
        propose_correction(session, listed["wfp"], {}, comment="Still offered?")


def test_hqs_answer_comes_back_on_the_proposal(db, listed):
    with db.transaction() as session:
        proposal_id = propose_correction(session, listed["norway"], {"quantity": "1"}).id
    pushed(db, rev=11)
    with db.session() as session:
        (view,) = proposals_for(session)
    assert (view.status, view.sent) == ("pending", True)
    answered = datetime(2026, 12, 8, 9, 30, tzinfo=UTC)
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, [{"entity": "register_proposal", "id": proposal_id, "rev": 12,
                                    "fields": {"id": proposal_id, "status": "rejected",
                                               "answer": "The MoD confirmed two aircraft.",
                                               "answered_by": "Registry desk",
                                               "answered_at": answered.isoformat()}}])
    with db.session() as session:
        detail = register_detail(session, listed["norway"])
    (view,) = detail.proposals
    assert (view.status, view.answer, view.answered_by, view.sent) == (
        "rejected", "The MoD confirmed two aircraft.", "Registry desk", True)
    assert view.answered_at == answered
    assert view.changes == {"quantity": "1"}


def test_the_proposals_status_cannot_be_set_on_the_laptop(db, listed):
    with db.transaction() as session:
        proposal_id = propose_correction(session, listed["norway"], {"quantity": "1"}).id
    with pytest.raises(ReadOnlyError), db.transaction() as session:
        session.get(RegisterProposal, proposal_id).status = "accepted"


# --- Find matching assets ----------------------------------------------------------------------

def _request(op_id: str, **fields) -> Rfa:
    start = datetime.now(UTC) + timedelta(days=2)
    values = {"operation_id": op_id, "capability": "airlift_helicopter",
              "required_from": start, "required_until": start + timedelta(days=5),
              "cargo_tonnes": 5.0}
    values.update(fields)
    return Rfa(**values)


def test_find_matching_assets_lists_register_entries_beside_the_operations_assets(
        db, op_id, listed):
    other = str(uuid.uuid4())
    pull(db, entry_row(other, capability="Heavy-lift helicopter", capacity_value=12.0,
                       readiness_hours=12),
         entry_row(str(uuid.uuid4()), capability="Suspended helicopter offer",
                   status="suspended"))
    with db.session() as session:
        found = matching_directory(session, _request(op_id))
    # 2 × 3.5 t = 7 t and 12 t fit 5 t (register, readiest first); the Puma's 3 t does not
    assert [(m.id, m.source, m.fits) for m in found] == [
        (other, "register", True), (listed["norway"], "register", True),
        (listed["helicopter"], "operation", False)]
    assert found[0].label == ("Central Register · Airlift (helicopter): 2 × Heavy-lift "
                              "helicopter, 12 t (Norway — Ministry of Defence)")
    assert "Ready to move in 12 h." in found[0].reason
    assert found[0].reason == "Fits: 2 × 12 t = 24 t for 5 t of cargo. Ready to move in 12 h."


def test_find_matching_assets_leaves_out_entries_no_longer_valid_when_the_request_starts(
        db, op_id, listed):
    start = datetime.combine(TODAY + timedelta(days=365), datetime.min.time(), UTC)
    with db.session() as session:
        found = matching_directory(session, _request(op_id, required_from=start,
                                                     required_until=start + timedelta(days=2)))
    assert listed["norway"] not in [m.id for m in found]


def test_an_entry_label_names_the_register_and_the_provider(db, listed):
    with db.session() as session:
        label = entry_label(session.get(RegisterEntry, listed["wfp"]))
        detail = register_detail(session, listed["norway"])
    assert label == ("Central Register · Water and sanitation: 2 × Пункт водоочистки "
                     "(water purification) (World Food Programme)")
    assert isinstance(detail.row, RegisterRow)
    assert detail.values["valid_until"] == (TODAY + timedelta(days=200)).isoformat()
    assert detail.values["capacity_value"] == "3.5"


def test_tasking_a_register_entry_tasks_the_operations_own_copy_of_it(db, op_id, listed):
    from fieldapp.models import Asset
    from fieldapp.services.assets import asset_history
    from fieldapp.services.rfa import transition

    with db.transaction() as session:
        rfa = _request(op_id, reference="CYA-T-0001", title="Airlift to Beira",
                       status="passed_to_military", proposed_asset_ids=[listed["norway"]])
        session.add(rfa)
        session.flush()
        rfa_id = rfa.id
    for _ in range(2):  # tasked, then (back through the steps) tasked again: one copy
        with db.transaction() as session:
            session.get(Rfa, rfa_id).status = "passed_to_military"
            transition(session, rfa_id, "tasked", by="Ana", asset_id=listed["norway"])
    with db.session() as session:
        rfa = session.get(Rfa, rfa_id)
        copies = session.scalars(select(Asset).where(Asset.operation_id == op_id,
                                                     Asset.provider_unit == "Ministry of Defence"))
        (copy,) = copies.all()
        history = asset_history(session, copy.id)
    assert rfa.tasked_asset_id == copy.id
    assert (copy.category, copy.description, copy.provider_state, copy.quantity,
            copy.capacity_value, copy.status) == (
        "airlift_helicopter", "Medium helicopters with crews", "NOR", 2, 3.5, "requested")
    assert history[0].comment == "Mobilised from the Central Register"
    with db.session() as session:  # the register's entry is untouched
        assert session.get(RegisterEntry, listed["norway"]).quantity == 2


def test_the_printed_request_lists_a_proposed_register_entry(db, op_id, listed):
    import io

    from pypdf import PdfReader

    from fieldapp.pdf.rfa import load_rfa_document, rfa_pdf
    from fieldapp.services.rfa import RfaInput, create_draft

    with db.transaction() as session:
        rfa_id = create_draft(session, operation_id=op_id, by="Ana", data=RfaInput(
            capability="water_sanitation", title="Drinking water for Beira",
            proposed_asset_ids=[listed["wfp"], listed["hospital"]])).id
    with db.session() as session:
        doc = load_rfa_document(session, rfa_id)
    assert doc.proposed_assets[0] == ("Central Register · Water and sanitation: 2 × Пункт "
                                      "водоочистки (water purification) (World Food Programme)")
    assert doc.proposed_assets[1].startswith("Medical: Field hospital")
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(io.BytesIO(rfa_pdf(doc))).pages)
    assert "Central Register · Water and sanitation" in text
    assert "водоочистки" in text


def test_a_proposal_not_yet_answered_can_be_withdrawn_an_answered_one_not(db, listed):
    from fieldapp.errors import FieldAppError
    from fieldapp.services.register import withdraw_proposal

    with db.transaction() as session:
        first = propose_correction(session, listed["norway"], {"quantity": "1"}).id
        second = propose_correction(session, listed["norway"], {"quantity": "4"}).id
    pushed(db, rev=20)
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, [{"entity": "register_proposal", "id": first, "rev": 21,
                                    "fields": {"id": first, "status": "accepted"}}])
    with pytest.raises(FieldAppError, match="already answered"), db.transaction() as session:
        withdraw_proposal(session, first)
    with db.transaction() as session:
        withdraw_proposal(session, second)
    with db.session() as session:
        assert [p.id for p in proposals_for(session, listed["norway"])] == [first]
    (change,) = _outbox(db, "register_proposal")
    assert (change.row_id, change.fields) == (second, {"deleted": True})

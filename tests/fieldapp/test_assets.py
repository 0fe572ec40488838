"""The asset directory: validation, status history, staleness, links, the paged list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fieldapp.errors import NotFoundError, ValidationError, ValidationErrors
from fieldapp.models import Asset, Rfa, utcnow
from fieldapp.services.assets import (
    AssetFilter,
    AssetInput,
    asset_count,
    asset_detail,
    asset_history,
    asset_ids,
    asset_page,
    change_asset_status,
    confirm_asset,
    create_asset,
    delete_asset,
    is_stale,
    rfas_for_asset,
    update_asset,
)
from fieldapp.services.contacts import ContactInput, create_contact, delete_contact


def _helicopters(**overrides) -> AssetInput:
    values = {"category": "airlift_helicopter", "description": "Two medium-lift helicopters",
              "provider_state": "Norway", "provider_unit": "Air Wing 3", "capacity_value": 4.5,
              "capacity_unit": "t", "quantity": 2, "latitude": -19.83, "longitude": 34.84,
              "place_name": "Anstrel airport"}
    values.update(overrides)
    return AssetInput(**values)


def test_created_asset_is_clean_confirmed_and_has_a_first_history_entry(db, op_id):
    with db.transaction() as session:
        asset = create_asset(session, _helicopters(description="  Two helicopters "),
                             operation_id=op_id, by="Officer A")
    with db.session() as session:
        history = asset_history(session, asset.id)
    assert (asset.provider_state, asset.description, asset.status) == ("NOR", "Two helicopters",
                                                                       "offered")
    assert not is_stale(asset.confirmed_at)
    assert [(e.from_status, e.status, e.by) for e in history] == [("", "offered", "Officer A")]


def test_every_bad_field_is_named(db, op_id):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_asset(session, _helicopters(
            category="spaceship", status="lost", quantity=-1, capacity_value=-2.0,
            latitude=91.0, longitude=-181.0, provider_state="Atlantis", description=" ",
            available_from=date(2026, 5, 2), available_to=date(2026, 5, 1),
            poc_contact_id="nobody"), operation_id=op_id)
    assert {e.field for e in raised.value.errors} == {
        "category", "status", "quantity", "capacity_value", "latitude", "longitude",
        "provider_state", "description", "available_to", "poc_contact_id"}


def test_latitude_without_longitude_is_refused(db, op_id):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_asset(session, _helicopters(longitude=None), operation_id=op_id)
    assert raised.value.for_field("longitude") == "Give both latitude and longitude, or neither."


def test_not_a_number_is_refused(db, op_id):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_asset(session, _helicopters(capacity_value=float("nan")), operation_id=op_id)
    assert raised.value.for_field("capacity_value")


def test_status_changes_are_recorded_with_date_by_and_comment(db, op_id):
    with db.transaction() as session:
        asset = create_asset(session, _helicopters(), operation_id=op_id, by="A")
    with db.transaction() as session:
        change_asset_status(session, asset.id, "available", by="B", comment="Crew ready")
        update_asset(session, asset.id, _helicopters(status="requested"), operation_id=op_id,
                     by="C", comment="RFA CYA-07-0001")
        update_asset(session, asset.id, _helicopters(status="requested", quantity=3),
                     operation_id=op_id, by="D")
    with db.session() as session:
        history = asset_history(session, asset.id)
    assert [(e.from_status, e.status, e.by, e.comment) for e in history] == [
        ("", "offered", "A", "Entered in the directory"),
        ("offered", "available", "B", "Crew ready"),
        ("available", "requested", "C", "RFA CYA-07-0001")]
    assert history[0].at <= history[1].at <= history[2].at


def test_same_status_again_is_refused(db, op_id):
    with db.transaction() as session:
        asset = create_asset(session, _helicopters(), operation_id=op_id)
    with pytest.raises(ValidationError, match="already offered"), db.transaction() as session:
        change_asset_status(session, asset.id, "offered")


def test_stale_after_90_days_and_confirm_makes_current(db, op_id):
    with db.transaction() as session:
        asset = create_asset(session, _helicopters(), operation_id=op_id)
        fresh = create_asset(session, _helicopters(description="Water plant",
                                                   category="water_sanitation"),
                             operation_id=op_id)
        confirm_asset(session, asset.id, now=utcnow() - timedelta(days=91))
    with db.session() as session:
        stale = asset_page(session, operation_id=op_id, where=AssetFilter(stale_only=True))
        assert [row.id for row in stale] == [asset.id]
        assert stale[0].stale
        assert asset_count(session, operation_id=op_id, where=AssetFilter(stale_only=True)) == 1
    with db.transaction() as session:
        confirm_asset(session, asset.id)
    with db.session() as session:
        assert asset_ids(session, operation_id=op_id, where=AssetFilter(stale_only=True)) == []
    assert is_stale(None)
    assert not is_stale(fresh.confirmed_at)


def test_point_of_contact_and_requests_that_named_the_asset(db, op_id):
    with db.transaction() as session:
        poc = create_contact(session, ContactInput(given_name="Ola", family_name="Nordmann",
                                                   emails=["ola@mil.no"]), operation_id=op_id)
        asset = create_asset(session, _helicopters(poc_contact_id=poc.id), operation_id=op_id)
        other = create_asset(session, _helicopters(description="Boat"), operation_id=op_id)
        session.add_all([
            Rfa(reference="CYA-07-0001", operation_id=op_id, title="Lift",
                proposed_asset_ids=[other.id, asset.id]),
            Rfa(reference="CYA-07-0002", operation_id=op_id, title="Lift 2",
                tasked_asset_id=asset.id, status="tasked"),
            Rfa(reference="CYA-07-0003", operation_id=op_id, title="Boat only",
                proposed_asset_ids=[other.id]),
        ])
    with db.session() as session:
        links = rfas_for_asset(session, asset.id)
        detail = asset_detail(session, asset.id)
    assert [(link.reference, link.tasked) for link in links] == [("CYA-07-0001", False),
                                                                 ("CYA-07-0002", True)]
    assert (detail.row.poc_name, detail.poc_email) == ("Ola Nordmann", "ola@mil.no")
    assert len(detail.rfas) == 2
    with db.transaction() as session:
        delete_contact(session, poc.id)
    with db.session() as session:
        assert asset_detail(session, asset.id).row.poc_name == ""


def test_delete_is_a_tombstone(db, op_id):
    with db.transaction() as session:
        asset = create_asset(session, _helicopters(), operation_id=op_id)
    with db.transaction() as session:
        delete_asset(session, asset.id)
    with db.session() as session:
        assert session.get(Asset, asset.id).deleted is True  # kept, so the deletion syncs
        assert asset_count(session, operation_id=op_id) == 0
        with pytest.raises(NotFoundError):
            asset_detail(session, asset.id)


@pytest.fixture
def directory(db, op_id):
    with db.transaction() as session:
        def add(**values):
            return create_asset(session, _helicopters(**values), operation_id=op_id)
        add(description="Helicopters Norway", available_from=date(2026, 3, 1),
            available_to=date(2026, 3, 31))
        add(description="Field hospital", category="medical", provider_state="SWE",
            provider_unit="Role 2", status="available", quantity=1, capacity_value=50.0,
            capacity_unit="beds", place_name="Dondo")
        add(description="Water purification", category="water_sanitation",
            provider_state="DEU", provider_unit="THW", is_global=True,
            available_from=date(2026, 4, 1), latitude=None, longitude=None)
        add(description="Bridge layer", category="engineering", provider_state="FRA",
            status="deployed", available_to=date(2026, 2, 28))
    return op_id


def _described(session, op_id, **kwargs):
    return [row.description for row in asset_page(session, operation_id=op_id, **kwargs)]


@pytest.mark.parametrize(("where", "expected"), [
    (AssetFilter(), ["Helicopters Norway", "Bridge layer", "Field hospital",
                     "Water purification"]),
    (AssetFilter(category="medical"), ["Field hospital"]),
    (AssetFilter(status="deployed"), ["Bridge layer"]),
    (AssetFilter(provider_state="Sweden"), ["Field hospital"]),
    (AssetFilter(available_on=date(2026, 3, 15)), ["Helicopters Norway", "Field hospital"]),
    (AssetFilter(available_on=date(2026, 4, 2)), ["Field hospital", "Water purification"]),
    (AssetFilter(text="purif"), ["Water purification"]),
    (AssetFilter(text="hospital dondo"), ["Field hospital"]),
    (AssetFilter(text="*\"("), []),
])
def test_list_filters(db, directory, where, expected):
    with db.session() as session:
        assert _described(session, directory, where=where) == expected
        assert asset_count(session, operation_id=directory, where=where) == len(expected)


@pytest.mark.parametrize(("sort", "descending", "expected"), [
    ("description", False, ["Bridge layer", "Field hospital", "Helicopters Norway",
                            "Water purification"]),
    ("provider", True, ["Field hospital", "Helicopters Norway", "Bridge layer",
                        "Water purification"]),
    ("capacity", True, ["Field hospital", "Bridge layer", "Helicopters Norway",
                        "Water purification"]),
    ("available_to", False, ["Bridge layer", "Helicopters Norway", "Field hospital",
                             "Water purification"]),
])
def test_list_sorts_with_empty_values_last(db, directory, sort, descending, expected):
    with db.session() as session:
        assert _described(session, directory, sort=sort, descending=descending) == expected


def test_pages_add_up(db, directory):
    with db.session() as session:
        ids = asset_ids(session, operation_id=directory, sort="description")
        pages = [asset_page(session, operation_id=directory, sort="description", offset=o,
                            limit=3) for o in (0, 3)]
    assert [row.id for page in pages for row in page] == ids


def test_global_entries_alone_without_operation(db, directory):
    with db.session() as session:
        assert _described(session, None) == ["Water purification"]

"""Lookups for screens: countries, operations as plain values, summaries of search hits."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.errors import NotFoundError
from fieldapp.models import Asset, Contact, HandbookSection, Lesson, Organisation, Rfa
from fieldapp.search import search
from fieldapp.services.lookup import country_names, item_summary, operation_rows
from fieldapp.services.operations import (
    OperationInput,
    country_code,
    country_name,
    create_operation,
    set_archived,
)


def test_country_names_are_sorted_and_round_trip_through_the_operation_service():
    names = country_names()
    assert len(names) > 240
    assert names == sorted(names, key=str.casefold)
    assert "Mozambique" in names
    for name in names:
        assert country_name(country_code(name)) == name


def test_operation_rows_include_archived_ones_as_plain_values(db):
    with db.transaction() as session:
        kept = create_operation(session, OperationInput("Cyclone Ana", "CYA", "Mozambique",
                                                        start_date=date(2026, 3, 1)))
        gone = create_operation(session, OperationInput("Flood Bravo", "FLB", "Malawi"))
        set_archived(session, gone.id, archived=True)
    with db.session() as session:
        rows = operation_rows(session)
    assert [(r.code, r.archived) for r in rows] == [("CYA", False), ("FLB", True)]
    assert rows[0].id == kept.id
    assert (rows[0].country, rows[0].start_date) == ("MOZ", date(2026, 3, 1))


@pytest.fixture
def records(db):
    with db.transaction() as session:
        org = Organisation(name="World Food Programme", acronym="WFP", org_type="un_agency")
        session.add(org)
        session.flush()
        contact = Contact(given_name="Amara", family_name="Okafor", role="Logistics officer",
                          organisation_id=org.id, emails=["amara@example.org"],
                          phones=[{"kind": "mobile", "number": "+000 555 0101", "valid": True}],
                          call_sign="PAPA 7")
        asset = Asset(description="Two medium-lift helicopters", provider_unit="Air Wing 3",
                      status="deployed", capacity_value=4.5, capacity_unit="t")
        rfa = Rfa(reference="CYA-07-0001", title="Airlift of water units",
                  from_place="Port Alba", to_place="Isla Verde")
        lesson = Lesson(title="Liaison officers early", topic="coordination_mechanisms",
                        observation="The liaison cell met late.")
        gone = Contact(given_name="Gone", family_name="Away", deleted=True)
        section = HandbookSection(slug="rfa", lang="en", title="Requests for assistance",
                                  edition="t", body_md="", body_text="How requests are made.")
        session.add_all([contact, asset, rfa, lesson, gone, section])
    return {"org": org, "contact": contact, "asset": asset, "rfa": rfa, "lesson": lesson,
            "gone": gone}


def test_contact_summary_names_the_organisation_and_skips_empty_fields(db, records):
    with db.session() as session:
        summary = item_summary(session, "contact", records["contact"].id)
    fields = dict(summary.fields)
    assert summary.title == "Amara Okafor"
    assert fields["organisation"] == "World Food Programme"
    assert fields["phones"] == "+000 555 0101 (mobile)"
    assert fields["call_sign"] == "PAPA 7"
    assert "satellite_phone" not in fields


@pytest.mark.parametrize(
    ("kind", "key", "title", "field", "value"),
    [
        ("organisation", "org", "World Food Programme", "acronym", "WFP"),
        ("asset", "asset", "Air Wing 3", "capacity", "4.5 t"),
        ("rfa", "rfa", "CYA-07-0001 — Airlift of water units", "route", "Port Alba → Isla Verde"),
        ("lesson", "lesson", "Liaison officers early", "observation", "The liaison cell met late."),
    ],
)
def test_each_kind_has_a_summary(db, records, kind, key, title, field, value):
    with db.session() as session:
        summary = item_summary(session, kind, records[key].id)
    assert (summary.kind, summary.title) == (kind, title)
    assert dict(summary.fields)[field] == value


def test_handbook_sections_are_summarised_by_slug(db, records):
    with db.session() as session:
        summary = item_summary(session, "handbook", "rfa")
    assert summary.title == "Requests for assistance"
    assert dict(summary.fields)["excerpt"] == "How requests are made."


def test_every_search_hit_kind_can_be_summarised(db, records):
    with db.session() as session:
        hits = search(session, "Okafor") + search(session, "requests")
        assert {hit.kind for hit in hits} >= {"contact", "handbook"}
        for hit in hits:
            assert item_summary(session, hit.kind, hit.id).title == hit.title


@pytest.mark.parametrize(("kind", "item_id"), [("contact", "missing"), ("widget", "x")])
def test_missing_or_unknown_records_raise_not_found(db, records, kind, item_id):
    with db.session() as session, pytest.raises(NotFoundError):
        item_summary(session, kind, item_id)


def test_deleted_records_are_not_found(db, records):
    with db.session() as session, pytest.raises(NotFoundError, match="no longer exists"):
        item_summary(session, "contact", records["gone"].id)

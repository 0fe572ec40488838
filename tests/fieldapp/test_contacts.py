"""Contacts: validation names the field, phones become E.164 or are flagged, tombstones."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fieldapp.errors import NotFoundError, ValidationErrors
from fieldapp.models import Contact, OutboxEntry
from fieldapp.services.contacts import (
    ContactInput,
    Phone,
    contact_detail,
    create_contact,
    create_organisation,
    delete_contact,
    display_phone,
    find_or_create_organisation,
    find_organisation,
    normalise_phone,
    organisation_rows,
    set_favourite,
    update_contact,
)


def _fields(raised: pytest.ExceptionInfo[ValidationErrors]) -> set[str]:
    return {error.field for error in raised.value.errors}


def test_national_number_becomes_e164_with_the_operation_country(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(
            given_name="Amina", family_name="Diallo",
            phones=[Phone("mobile", "82 123 4567"), Phone("office", "+41 22 917 12 34")],
        ), operation_id=op_id)
    assert contact.phones == [
        {"kind": "mobile", "number": "+258821234567", "valid": True},
        {"kind": "office", "number": "+41229171234", "valid": True},
    ]


def test_invalid_number_is_kept_as_typed_and_flagged(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(
            family_name="Mensah", phones=[Phone("mobile", "12  34 ext. 5")]), operation_id=op_id)
    assert contact.phones == [{"kind": "mobile", "number": "12 34 ext. 5", "valid": False}]


def test_radio_entries_are_free_text(db, op_id):
    assert normalise_phone("VHF ch 16", kind="radio", region="MZ") == Phone("radio", "VHF ch 16")


def test_satellite_number_without_region_is_valid_e164():
    assert normalise_phone("+881 6 3141 5926", kind="satellite") == Phone(
        "satellite", "+881631415926", True)


def test_display_groups_e164_for_reading():
    assert display_phone("+41229171234") == "+41 22 917 12 34"
    assert display_phone("12 34 ext. 5") == "12 34 ext. 5"


def test_every_bad_field_is_named(db, op_id):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_contact(session, ContactInput(
            given_name=" ", emails=["amina@wfp", "ok@un.org"], phones=[Phone("fax", "1")],
            role="x" * 201, organisation_id="no-such-org",
        ), operation_id=op_id)
    assert _fields(raised) == {"family_name", "emails", "phones", "role", "organisation_id"}
    assert "amina@wfp" in raised.value.for_field("emails")


def test_global_contact_has_no_operation_and_write_is_in_outbox(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(given_name="Lars", is_global=True),
                                 operation_id=op_id)
    with db.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == contact.id)).one()
    assert contact.operation_id is None
    assert entry.fields["given_name"] == "Lars"


def test_edit_reassigns_lists_so_the_change_reaches_the_outbox(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(given_name="Olga", emails=["o@x.org"]),
                                 operation_id=op_id)
    with db.transaction() as session:
        update_contact(session, contact.id, ContactInput(
            given_name="Olga", emails=["o@x.org", "olga@un.org"]), operation_id=op_id)
    with db.session() as session:
        entries = session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == contact.id)
                                  .order_by(OutboxEntry.created_at)).all()
        stored = session.get(Contact, contact.id)
    assert stored.emails == ["o@x.org", "olga@un.org"]
    assert entries[-1].fields == {"emails": ["o@x.org", "olga@un.org"]}
    assert entries[-1].base == {"emails": ["o@x.org"]}


def test_delete_is_a_tombstone(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(given_name="Gone"), operation_id=op_id)
    with db.transaction() as session:
        delete_contact(session, contact.id)
    with db.session() as session:
        assert session.get(Contact, contact.id).deleted is True
        with pytest.raises(NotFoundError):
            contact_detail(session, contact.id)


def test_favourite_and_detail_with_organisation(db, op_id):
    with db.transaction() as session:
        wfp = create_organisation(session, name="World Food Programme", acronym="WFP",
                                  org_type="un_agency", operation_id=None)
        contact = create_contact(session, ContactInput(
            given_name="Amina", family_name="Diallo", organisation_id=wfp.id,
            emails=["amina@wfp.org"]), operation_id=op_id)
        set_favourite(session, contact.id, favourite=True)
    with db.session() as session:
        detail = contact_detail(session, contact.id)
    assert (detail.name, detail.organisation, detail.org_type, detail.favourite) == (
        "Amina Diallo", "World Food Programme", "un_agency", True)


def test_organisations_are_found_by_name_or_acronym_in_scope(db, op_id):
    with db.transaction() as session:
        wfp = create_organisation(session, name="World Food Programme", acronym="WFP",
                                  org_type="un_agency", operation_id=op_id)
        assert find_organisation(session, "  world food  programme", operation_id=op_id) == wfp
        assert find_organisation(session, "wfp", operation_id=op_id) == wfp
        assert find_organisation(session, "WFP", operation_id=None) is None
        again = find_or_create_organisation(session, "WFP", operation_id=op_id)
        new = find_or_create_organisation(session, "Oxfam", operation_id=op_id)
        names = [row.name for row in organisation_rows(session, operation_id=op_id)]
    assert again.name == "World Food Programme"
    assert new.org_type == "other"
    assert names == ["Oxfam", "World Food Programme"]


def test_duplicate_organisation_and_bad_type_are_refused(db, op_id):
    with db.transaction() as session:
        create_organisation(session, name="Oxfam", operation_id=op_id)
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_organisation(session, name="oxfam", org_type="club", country="Atlantis",
                            operation_id=op_id)
    assert _fields(raised) == {"name", "org_type", "country"}

"""Contacts: validation names the field, phones become E.164 or are flagged, tombstones."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fieldapp.errors import NotFoundError, ValidationErrors
from fieldapp.models import Contact, Organisation, OutboxEntry
from fieldapp.services.assets import AssetInput, create_asset, delete_asset
from fieldapp.services.contacts import (
    ContactInput,
    OrganisationRow,
    Phone,
    contact_detail,
    contact_input,
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
from tests.fieldapp.sentences import reads_as_a_sentence


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
                            acronym="X" * 41, operation_id=op_id)
    assert _fields(raised) == {"name", "org_type", "country", "acronym"}
    with db.transaction() as session:
        assert create_organisation(session, name="Long", acronym="X" * 40,
                                   operation_id=op_id).acronym == "X" * 40


def _amina(session, op_id, **changes) -> Contact:
    wfp = create_organisation(session, name="World Food Programme", acronym="WFP",
                              org_type="un_agency", operation_id=None)
    data = ContactInput(
        given_name="Amina", family_name="Diallo", organisation_id=wfp.id, role="Logistics",
        phones=[Phone("mobile", "82 123 4567"), Phone("radio", "VHF ch 16"),
                Phone("office", "12 ext 5")],
        emails=["amina@wfp.org", "a.diallo@un.org"], call_sign="Papa 1", location="Beira",
        languages="English, Portuguese", notes="Night shift", favourite=True)
    for name, value in changes.items():
        setattr(data, name, value)
    return create_contact(session, data, operation_id=op_id)


def test_detail_shows_every_saved_field_and_the_assets_it_is_contact_for(db, op_id):
    with db.transaction() as session:
        amina = _amina(session, op_id)
        other = create_contact(session, ContactInput(given_name="Jean"), operation_id=op_id)
        truck = create_asset(session, AssetInput(description="Truck", provider_unit="WFP fleet",
                                                 poc_contact_id=amina.id), operation_id=op_id)
        boat = create_asset(session, AssetInput(description="Boat " + "b" * 70,
                                                poc_contact_id=amina.id), operation_id=op_id)
        gone = create_asset(session, AssetInput(description="Gone", poc_contact_id=amina.id),
                            operation_id=op_id)
        delete_asset(session, gone.id)
        create_asset(session, AssetInput(description="Jean's", poc_contact_id=other.id),
                     operation_id=op_id)
        org_id = amina.organisation_id
    with db.session() as session:
        detail = contact_detail(session, amina.id)
        updated_at = session.get(Contact, amina.id).updated_at
    assert detail.__dict__ == {
        "id": amina.id, "given_name": "Amina", "family_name": "Diallo", "name": "Amina Diallo",
        "organisation_id": org_id, "organisation": "World Food Programme",
        "organisation_acronym": "WFP", "org_type": "un_agency", "role": "Logistics",
        "phones": (Phone("mobile", "+258821234567"), Phone("radio", "VHF ch 16"),
                   Phone("office", "12 ext 5", valid=False)),
        "emails": ("amina@wfp.org", "a.diallo@un.org"), "call_sign": "Papa 1",
        "location": "Beira", "languages": "English, Portuguese", "notes": "Night shift",
        "favourite": True, "is_global": False, "updated_at": updated_at,
        "poc_for": ((truck.id, "WFP fleet"), (boat.id, ("Boat " + "b" * 70)[:60])),
    }
    assert updated_at is not None


def test_detail_of_a_global_contact_without_organisation(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(given_name="Lars", is_global=True),
                                 operation_id=op_id)
    with db.session() as session:
        detail = contact_detail(session, contact.id)
    assert (detail.organisation_id, detail.organisation, detail.organisation_acronym,
            detail.org_type, detail.is_global, detail.poc_for) == (None, "", "", "", True, ())


def test_edit_form_opens_with_the_saved_values(db, op_id):
    with db.transaction() as session:
        amina = _amina(session, op_id)
        form = contact_input(amina)
        org_id = amina.organisation_id
    assert form == ContactInput(
        given_name="Amina", family_name="Diallo", organisation_id=org_id, role="Logistics",
        phones=[Phone("mobile", "+258821234567"), Phone("radio", "VHF ch 16"),
                Phone("office", "12 ext 5", valid=False)],
        emails=["amina@wfp.org", "a.diallo@un.org"], call_sign="Papa 1", location="Beira",
        languages="English, Portuguese", notes="Night shift", favourite=True, is_global=False)
    with db.transaction() as session:
        lars = create_contact(session, ContactInput(given_name="Lars", is_global=True),
                              operation_id=op_id)
        assert contact_input(lars).is_global is True


def test_a_phone_saved_without_kind_or_validity_opens_as_a_valid_mobile(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(given_name="Old"), operation_id=op_id)
        contact.phones = [{"number": "+258821234567"}, {"kind": "radio"}]  # an older version's row
        form = contact_input(contact)
    assert form.phones == [Phone("mobile", "+258821234567", True), Phone("radio", "", True)]


def test_editing_without_a_current_operation_keeps_the_contact_in_its_own(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(given_name="Amina"), operation_id=op_id)
    with db.transaction() as session:
        update_contact(session, contact.id, ContactInput(
            given_name="Amina", phones=[Phone("mobile", "82 123 4567")]), operation_id=None)
    with db.session() as session:
        stored = session.get(Contact, contact.id)
        assert (stored.operation_id, stored.phones) == (op_id, [
            {"kind": "mobile", "number": "+258821234567", "valid": True}])


def test_a_missing_organisation_is_created_in_the_operation_with_its_type(db, op_id):
    with db.transaction() as session:
        new = find_or_create_organisation(session, "Oxfam", operation_id=op_id, org_type="ngo")
    with db.session() as session:
        stored = session.get(Organisation, new.id)
        assert (stored.name, stored.operation_id, stored.org_type) == ("Oxfam", op_id, "ngo")


def test_organisation_rows_of_the_operation_and_global_ones_not_deleted(db, op_id,
                                                                        make_operation):
    elsewhere = make_operation("Elsewhere", "ELS", "MWI").id
    with db.transaction() as session:
        wfp = create_organisation(session, name="World Food Programme", acronym="WFP",
                                  org_type="un_agency", operation_id=None)
        army = create_organisation(session, name="FADM", org_type="national_military",
                                   operation_id=op_id)
        create_organisation(session, name="Malawi Red Cross", operation_id=elsewhere)
        create_organisation(session, name="Closed NGO", operation_id=op_id).deleted = True
    with db.session() as session:
        rows = organisation_rows(session, operation_id=op_id)
    assert rows == [OrganisationRow(army.id, "FADM", "", "national_military", False),
                    OrganisationRow(wfp.id, "World Food Programme", "WFP", "un_agency", True)]



def _refused(db, **values) -> list[tuple[str, str]]:
    """(field, message) of each error when creating an organisation with these values."""
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_organisation(session, **values)
    return [(error.field, str(error)) for error in raised.value.errors]


@pytest.mark.parametrize(("values", "field"), [
    ({"name": "  "}, "name"),
    ({"name": "N" * 201}, "name"),
    ({"name": "Oxfam", "org_type": "club"}, "org_type"),
    ({"name": "Oxfam", "acronym": "A" * 41}, "acronym"),
    ({"name": "Oxfam", "country": "Atlantis"}, "country"),
])
def test_each_bad_organisation_value_is_named_on_its_own_field_in_a_sentence(db, op_id,
                                                                            values, field):
    errors = _refused(db, operation_id=op_id, **values)
    assert [f for f, _ in errors] == [field]
    assert all(reads_as_a_sentence(message) for _, message in errors)


def test_organisation_name_of_200_characters_is_kept_and_country_stored_as_its_code(db, op_id):
    with db.transaction() as session:
        long = create_organisation(session, name="N" * 200, operation_id=op_id)
        placed = create_organisation(session, name="INGC", country="Mozambique",
                                     operation_id=op_id)
        nowhere = create_organisation(session, name="Red Cross", operation_id=op_id)
    with db.session() as session:
        assert session.get(Organisation, long.id).name == "N" * 200
        assert session.get(Organisation, placed.id).country == "MOZ"  # ISO alpha-3
        assert session.get(Organisation, nowhere.id).country == ""
        assert session.get(Organisation, nowhere.id).operation_id == op_id


def test_a_contact_outside_any_operation_must_be_made_global(db, op_id):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_contact(session, ContactInput(family_name="Diallo"), operation_id=None)
    assert [(e.field, reads_as_a_sentence(str(e))) for e in raised.value.errors] == \
        [("is_global", True)]
    with db.transaction() as session:
        kept = create_contact(session, ContactInput(family_name="Diallo", is_global=True),
                              operation_id=None)
    with db.session() as session:
        assert session.get(Contact, kept.id).operation_id is None


def test_a_contact_naming_an_organisation_that_is_gone_is_refused_on_that_field(db, op_id):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_contact(session, ContactInput(family_name="Diallo", organisation_id="gone"),
                       operation_id=op_id)
    assert [(e.field, reads_as_a_sentence(str(e))) for e in raised.value.errors] == \
        [("organisation_id", True)]


@pytest.mark.parametrize("name", ["given_name", "family_name", "role", "call_sign",
                                  "location", "languages"])
def test_each_text_field_keeps_its_limit_and_refuses_one_more(db, op_id, name):
    from fieldapp.services.contacts import LIMITS

    limit = LIMITS[name]
    named = {"family_name": "Diallo", "given_name": "Amina"}
    with db.transaction() as session:
        kept = create_contact(session, ContactInput(**{**named, name: "x" * limit}),
                              operation_id=op_id)
    with db.session() as session:
        assert getattr(session.get(Contact, kept.id), name) == "x" * limit
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_contact(session, ContactInput(**{**named, name: "x" * (limit + 1)}),
                       operation_id=op_id)
    assert [(e.field, reads_as_a_sentence(str(e))) for e in raised.value.errors] == [(name, True)]


def test_an_extension_is_kept_after_the_e164_number_and_read_back_grouped():
    for typed in ("+41 22 917 1234 ext. 102", "tel:+41-22-917-1234;ext=102",
                  "+41 22 917 1234 x102", "+41229171234;ext=102"):
        assert normalise_phone(typed) == Phone("mobile", "+41229171234;ext=102", True)
    assert normalise_phone("022 917 1234", region="CH").number == "+41229171234"
    assert display_phone("+41229171234;ext=102") == "+41 22 917 12 34 ext. 102"


def test_the_name_as_written_is_kept_beside_the_structured_parts_and_shown(db, op_id):
    from fieldapp.search import search
    from fieldapp.services.contacts import contact_page

    with db.transaction() as session:
        contact = create_contact(session, ContactInput(
            given_name="David", family_name="Cohen", full_name="  דוד כהן "),
            operation_id=op_id)
        only_written = create_contact(session, ContactInput(full_name="王小明"),
                                      operation_id=op_id)
    with db.session() as session:
        assert contact_input(session.get(Contact, contact.id)).full_name == "דוד כהן"
        assert contact_detail(session, contact.id).name == "דוד כהן"
        rows = {row.id: row.name for row in contact_page(session, operation_id=op_id)}
        assert rows == {contact.id: "דוד כהן", only_written.id: "王小明"}
        assert [hit.title for hit in search(session, "כהן", operation_id=op_id)] == ["דוד כהן"]
        assert [row.name for row in contact_page(session, operation_id=op_id,
                                                 text="Cohen")] == ["דוד כהן"]


def test_the_name_as_written_has_a_limit_of_its_own(db, op_id):
    with db.transaction() as session, pytest.raises(ValidationErrors) as raised:
        create_contact(session, ContactInput(given_name="A", full_name="x" * 201),
                       operation_id=op_id)
    assert _fields(raised) == {"full_name"}
    with db.transaction() as session:
        assert create_contact(session, ContactInput(full_name="x" * 200),
                              operation_id=op_id).full_name == "x" * 200


@pytest.mark.parametrize("region", ["MZ", "KE", "CH", "UA", "HT", "ML", None])
def test_the_phone_fields_examples_are_themselves_accepted(region):
    from fieldapp.services.contacts import example_phone

    international, national = example_phone(region)
    assert international.startswith("+")
    for typed in (international, national):
        assert normalise_phone(typed, region=region or "CH").valid, typed
    assert normalise_phone(national, region=region or "CH").number == \
        normalise_phone(international).number


def test_a_region_without_an_example_number_gives_none():
    from fieldapp.services.contacts import example_phone

    assert example_phone("ZZ") == ("", "")
    international, national = example_phone("MZ")
    assert not national.startswith("+")
    assert international != national


def test_an_empty_email_line_is_skipped_and_the_next_kept(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(
            given_name="Amina", emails=["", "  ", "amina@wfp.org"]), operation_id=op_id)
        assert contact.emails == ["amina@wfp.org"]


def test_a_contact_without_any_name_is_told_so_in_a_sentence(db, op_id):
    with db.transaction() as session, pytest.raises(ValidationErrors) as raised:
        create_contact(session, ContactInput(role="Driver"), operation_id=op_id)
    (error,) = raised.value.errors
    assert error.field == "family_name"
    assert reads_as_a_sentence(error.message)


def test_the_filter_finds_a_name_as_written_in_any_script(db, op_id):
    from fieldapp.services.contacts import contact_page

    with db.transaction() as session:
        hebrew = create_contact(session, ContactInput(
            given_name="David", family_name="Cohen", full_name="דוד כהן"), operation_id=op_id)
        latin_only = create_contact(session, ContactInput(full_name="Wanjiru Kamau"),
                                    operation_id=op_id)
        chinese = create_contact(session, ContactInput(full_name="王小明"), operation_id=op_id)
    assert (latin_only.given_name, latin_only.family_name) == ("Wanjiru", "Kamau")

    def found(typed: str) -> set[str]:
        with db.session() as session:
            return {row.id for row in contact_page(session, operation_id=op_id, text=typed)}

    assert found("כהן") == {hebrew.id}
    assert found("Cohen") == {hebrew.id}
    assert found("wanj") == {latin_only.id}
    assert found("王小明") == {chinese.id}

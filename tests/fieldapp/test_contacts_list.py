"""The paged contact list: scope, filter as you type, sort, pages that add up."""

from __future__ import annotations

import pytest

from fieldapp.models import Operation
from fieldapp.services.contacts import (
    ContactInput,
    Phone,
    contact_count,
    contact_ids,
    contact_page,
    contact_rows,
    create_contact,
    create_organisation,
    delete_contact,
)


@pytest.fixture
def people(db):
    with db.transaction() as session:
        op = Operation(name="Flood Kisumu", code="KSM", country="KEN")
        other = Operation(name="Elsewhere", code="ELS", country="MWI")
        session.add_all([op, other])
        session.flush()
        wfp = create_organisation(session, name="World Food Programme", acronym="WFP",
                                  org_type="un_agency", operation_id=None)
        army = create_organisation(session, name="Kenya Defence Forces", acronym="KDF",
                                   org_type="national_military", operation_id=op.id)

        def add(given, family, **extra):
            data = ContactInput(given_name=given, family_name=family, **extra)
            return create_contact(session, data, operation_id=op.id)

        add("Amina", "Diallo", organisation_id=wfp.id, role="Logistics officer",
            emails=["amina.diallo@wfp.org"], phones=[Phone("mobile", "0712 345678")])
        add("Jean", "Dupont", organisation_id=army.id, role="Liaison officer",
            call_sign="Papa One", favourite=True)
        add("Élodie", "Sécurité", role="Security adviser", is_global=True,
            phones=[Phone("satellite", "+881631415926")])
        add("Zoe", "Adams", organisation_id=wfp.id, role="Air operations",
            phones=[Phone("office", "not a number")])
        gone = add("Gone", "Deleted")
        delete_contact(session, gone.id)
        create_contact(session, ContactInput(given_name="Hidden", family_name="Other"),
                       operation_id=other.id)
    return op


def _names(session, op, **filters):
    return [row.name for row in contact_page(session, operation_id=op.id, **filters)]


def test_list_holds_operation_and_global_contacts_not_deleted_or_other(db, people):
    with db.session() as session:
        names = _names(session, people)
        assert contact_count(session, operation_id=people.id) == 4
    assert names == ["Zoe Adams", "Amina Diallo", "Jean Dupont", "Élodie Sécurité"]


def test_global_scope_alone_when_no_operation(db, people):
    with db.session() as session:
        rows = contact_page(session, operation_id=None)
    assert [row.name for row in rows] == ["Élodie Sécurité"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("am", ["Amina Diallo"]),
    ("Amina di", ["Amina Diallo"]),
    ("wfp", ["Zoe Adams", "Amina Diallo"]),
    ("world food", ["Zoe Adams", "Amina Diallo"]),
    ("amina wfp", ["Amina Diallo"]),
    ("logist", ["Amina Diallo"]),
    ("securite", ["Élodie Sécurité"]),
    ("papa", ["Jean Dupont"]),
    ("kdf", ["Jean Dupont"]),
    ("0712 34", ["Amina Diallo"]),
    ("+254 712", ["Amina Diallo"]),
    ("00881 63", ["Élodie Sécurité"]),
    ("diallo@wfp", ["Amina Diallo"]),
    ("on", ["Jean Dupont"]),  # two letters match any word of a name or call sign ("Papa One")
    ("lo", []),  # ...but not roles or e-mails ("Logistics")
    ("log", ["Amina Diallo"]),
    ("071", ["Amina Diallo"]),  # three digits are the start of a number
    ("9712 34", []),  # digits without the leading 0 have no national reading (+254 712…)
    ("amina 254", ["Amina Diallo"]),  # a word with digits matches numbers
    ("amina 881", []),  # every word must match the same contact
    ('"unbalanced * AND (', []),
    ("   ", ["Zoe Adams", "Amina Diallo", "Jean Dupont", "Élodie Sécurité"]),
])
def test_filter_as_you_type(db, people, typed, expected):
    with db.session() as session:
        assert _names(session, people, text=typed) == expected
        assert contact_count(session, operation_id=people.id, text=typed) == len(expected)


def test_one_letter_matches_the_start_of_names_and_organisations_only(db, people):
    with db.session() as session:
        assert _names(session, people, text="o") == []  # not "officer", ".org", "One"
        assert _names(session, people, text="p") == ["Jean Dupont"]  # call sign "Papa One"
        assert _names(session, people, text="w") == ["Zoe Adams", "Amina Diallo"]  # WFP
        assert _names(session, people, text="z") == ["Zoe Adams"]


def test_filter_by_organisation_type_and_favourites(db, people):
    with db.session() as session:
        assert _names(session, people, org_type="un_agency") == ["Zoe Adams", "Amina Diallo"]
        assert _names(session, people, favourites_only=True) == ["Jean Dupont"]
        assert contact_count(session, operation_id=people.id, favourites_only=True) == 1


@pytest.mark.parametrize(("sort", "descending", "expected"), [
    ("name", True, ["Élodie Sécurité", "Jean Dupont", "Amina Diallo", "Zoe Adams"]),
    ("given_name", False, ["Amina Diallo", "Jean Dupont", "Zoe Adams", "Élodie Sécurité"]),
    ("organisation", False, ["Jean Dupont", "Zoe Adams", "Amina Diallo", "Élodie Sécurité"]),
    ("role", False, ["Zoe Adams", "Jean Dupont", "Amina Diallo", "Élodie Sécurité"]),
    ("call_sign", False, ["Jean Dupont", "Zoe Adams", "Amina Diallo", "Élodie Sécurité"]),
    ("phone", False, ["Amina Diallo", "Élodie Sécurité", "Zoe Adams", "Jean Dupont"]),
])
def test_sort_by_column_with_empty_values_last(db, people, sort, descending, expected):
    with db.session() as session:
        assert _names(session, people, sort=sort, descending=descending) == expected


def test_unknown_sort_column_is_a_programming_error(db, people):
    with db.session() as session, pytest.raises(ValueError, match="sort"):
        contact_page(session, operation_id=people.id, sort="name; DROP TABLE contacts")


def test_pages_add_up_to_the_whole_list(db, people):
    with db.session() as session:
        pages = [contact_page(session, operation_id=people.id, offset=o, limit=3)
                 for o in (0, 3, 6)]
        everything = contact_ids(session, operation_id=people.id)
    assert [row.id for page in pages for row in page] == everything
    assert [len(page) for page in pages] == [3, 1, 0]


def test_rows_by_ids_keep_the_order_and_flag_invalid_phones(db, people):
    with db.session() as session:
        ids = contact_ids(session, operation_id=people.id, sort="name", descending=True)
        rows = contact_rows(session, ids[::-1])
    assert [row.name for row in rows] == ["Zoe Adams", "Amina Diallo", "Jean Dupont",
                                          "Élodie Sécurité"]
    assert [row.has_invalid_phone for row in rows] == [True, False, False, False]
    assert rows[1].phone == "+254712345678"
    assert rows[1].organisation == "World Food Programme"
    assert rows[3].is_global


@pytest.mark.parametrize(("scope", "expected"), [
    ("operation", ["Zoe Adams", "Amina Diallo", "Jean Dupont"]),
    ("global", ["Élodie Sécurité"]),
])
def test_scope_narrows_to_the_operation_or_global_contacts(db, people, scope, expected):
    with db.session() as session:
        assert _names(session, people, scope=scope) == expected
        assert contact_count(session, operation_id=people.id, scope=scope) == len(expected)


def test_a_row_shows_the_first_phone_and_email_role_call_sign_and_favourite(db, people):
    with db.session() as session:
        ids = contact_ids(session, operation_id=people.id)
        rows = {row.name: row for row in contact_rows(session, ids)}
    amina, jean = rows["Amina Diallo"], rows["Jean Dupont"]
    assert (amina.role, amina.phone, amina.email, amina.call_sign, amina.favourite) == (
        "Logistics officer", "+254712345678", "amina.diallo@wfp.org", "", False)
    assert (jean.organisation, jean.org_type, jean.role, jean.phone, jean.email,
            jean.call_sign, jean.favourite, jean.is_global) == (
        "Kenya Defence Forces", "national_military", "Liaison officer", "", "", "Papa One",
        True, False)

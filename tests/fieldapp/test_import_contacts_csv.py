"""Contact import from CSV/HXL, field by field: which column fills which field, how a name
is split, organisations found or created, what matches an existing contact, and what a
merge adds without overwriting."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fieldapp.importexport.common import ImportFileError, WarningKind
from fieldapp.importexport.contacts import apply_import, preview_import
from fieldapp.models import Contact, Organisation
from fieldapp.progress import Progress
from fieldapp.services.contacts import (
    ContactInput,
    Phone,
    create_contact,
    create_organisation,
    delete_contact,
)

SAT = "+881631415926"
OFFICE = "+41227301111"


def _preview(db, text: str, op_id):
    with db.session() as session:
        return preview_import(session, text.encode(), operation_id=op_id)


def _import(db, text: str, op_id, choices=None, progress=None):
    with db.transaction() as session:
        preview = preview_import(session, text.encode(), operation_id=op_id)
        result = apply_import(session, preview, choices or {}, progress=progress or Progress())
    return preview, result


def _contact(db, contact_id: str) -> Contact:
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        session.expunge(contact)
    return contact


def _organisations(db) -> dict[str, tuple[str, str, str | None]]:
    with db.session() as session:
        return {o.name: (o.acronym, o.org_type, o.operation_id)
                for o in session.scalars(select(Organisation))}


def _existing(db, op_id, **values) -> str:
    data = {"given_name": "Amina", "family_name": "Diallo", "emails": ["amina@wfp.org"],
            "phones": [Phone("satellite", SAT)], **values}
    with db.transaction() as session:
        return create_contact(session, ContactInput(**data), operation_id=op_id).id


# --- columns ----------------------------------------------------------------------------------

def test_every_column_fills_its_field(db, op_id):
    header = ("First name,Last name,Organisation,Acronym,Organisation type,Job title,Mobile,"
              "Office phone,Satellite phone,Radio,E-mail,Call sign,Duty station,Languages,"
              "Notes,Favourite,ID")
    row = (f" Amina , Diallo ,World  Food   Programme,WFP,UN agency,Logistics officer,"
           f"+258 84 123 4567,{OFFICE},{SAT},VHF ch 16,amina@wfp.org,Papa 1,Beira,"
           "\"English, Portuguese\",Met in Maputo,yes,8c4b2f4e-1d2a-4c3b-9e8f-0a1b2c3d4e5f")
    (row_,) = _preview(db, f"{header}\n{row}\n", op_id).to_add
    assert (row_.line, row_.organisation, row_.org_acronym, row_.org_type, row_.uid) == (
        2, "World Food Programme", "WFP", "un_agency", "8c4b2f4e-1d2a-4c3b-9e8f-0a1b2c3d4e5f")
    assert row_.data == ContactInput(
        given_name="Amina", family_name="Diallo", role="Logistics officer",
        phones=[Phone("mobile", "+258841234567"), Phone("office", OFFICE),
                Phone("satellite", SAT), Phone("radio", "VHF ch 16")],
        emails=["amina@wfp.org"], call_sign="Papa 1", location="Beira",
        languages="English, Portuguese", notes="Met in Maputo", favourite=True)


def test_hxl_hashtags_fill_the_same_fields(db, op_id):
    text = ("#contact+name+given,#contact+name+family,#org+name,#org+acronym,#org+type,"
            "#contact+role,#contact+phone+office,#contact+phone+sat,#contact+radio,"
            "#contact+email,#contact+callsign,#loc+name,#language,#meta+notes,"
            "#meta+favourite,#meta+id\n"
            f"Amina,Diallo,World Food Programme,WFP,un_agency,Logistics officer,{OFFICE},"
            f"{SAT},VHF 16,amina@wfp.org,Papa 1,Beira,English,Met,x,contact-17\n")
    (row,) = _preview(db, text, op_id).to_add
    assert (row.organisation, row.org_acronym, row.org_type, row.uid) == (
        "World Food Programme", "WFP", "un_agency", "contact-17")
    assert (row.data.given_name, row.data.family_name, row.data.role, row.data.call_sign,
            row.data.location, row.data.languages, row.data.notes, row.data.favourite) == (
        "Amina", "Diallo", "Logistics officer", "Papa 1", "Beira", "English", "Met", True)
    assert [(p.kind, p.number) for p in row.data.phones] == [
        ("office", OFFICE), ("satellite", SAT), ("radio", "VHF 16")]


@pytest.mark.parametrize(("cell", "favourite"), [
    ("1", True), ("Yes", True), ("TRUE", True), ("x", True), ("Oui", True), ("sí", True),
    ("★", True), (" y ", True), ("0", False), ("no", False), ("", False), ("maybe", False),
])
def test_favourite_is_read_from_the_usual_ways_of_saying_yes(db, op_id, cell, favourite):
    (row,) = _preview(db, f"Name,Favourite\nAmina Diallo,{cell}\n", op_id).to_add
    assert row.data.favourite is favourite


def test_several_phones_in_one_cell_are_split_on_semicolons_bars_and_line_breaks(db, op_id):
    text = f'Name,Mobile,Sat phone\nAmina,"{OFFICE}; +258 84 123 4567 | {SAT}\n+15551234567",\n'
    (row,) = _preview(db, text, op_id).to_add
    assert [p.number for p in row.data.phones] == [OFFICE, "+258841234567", SAT, "+15551234567"]
    assert {p.kind for p in row.data.phones} == {"mobile"}


def test_a_phone_with_a_comma_stays_one_phone(db, op_id):
    (row,) = _preview(db, 'Name,Phone\nAmina,"VHF 16, channel 2"\n', op_id).to_add
    assert row.data.phones == [Phone("mobile", "VHF 16, channel 2", valid=False)]


def test_several_emails_in_one_cell_are_split_on_any_separator(db, op_id):
    text = ('Name,E-mail,Mail\n'
            'Amina,"a@wfp.org, b@un.org;c@x.org | d@y.org\ne@z.org f@w.org",g@v.org\n')
    (row,) = _preview(db, text, op_id).to_add
    assert row.data.emails == ["a@wfp.org", "b@un.org", "c@x.org", "d@y.org", "e@z.org",
                               "f@w.org", "g@v.org"]


def test_the_sector_is_kept_in_the_notes(db, op_id):
    text = "Name,Notes,Sector,Cluster\nAmina,Met in Beira,Logistics,Shelter\nJean,,Health,\n"
    amina, jean = _preview(db, text, op_id).to_add
    assert amina.data.notes == "Met in Beira\nSector: Logistics"
    assert jean.data.notes == "Sector: Health"


def test_the_acronym_names_the_organisation_when_there_is_no_name(db, op_id):
    text = "Name,Acronym,Organisation\nAmina,WFP,\nJean,KDF,Kenya Defence Forces\n"
    amina, jean = _preview(db, text, op_id).to_add
    assert (amina.organisation, amina.org_acronym) == ("WFP", "WFP")
    assert (jean.organisation, jean.org_acronym) == ("Kenya Defence Forces", "KDF")


@pytest.mark.parametrize(("given", "family", "full", "name"), [
    ("", "", "Amina Diallo", ("Amina", "Diallo")),
    ("", "", "Jean de la Fontaine", ("Jean de la", "Fontaine")),
    ("", "", "Kwame", ("", "Kwame")),
    ("Amina", "", "Someone Else", ("Amina", "")),
    ("", "Diallo", "Someone Else", ("", "Diallo")),
])
def test_a_full_name_is_split_only_when_no_given_or_family_name_is_given(db, op_id, given,
                                                                         family, full, name):
    (row,) = _preview(db, f"First name,Last name,Full name\n{given},{family},{full}\n",
                      op_id).to_add
    assert (row.data.given_name, row.data.family_name) == name


@pytest.mark.parametrize("cell", ["un_agency", "UN agency", "un AGENCY", " UN agency "])
def test_the_organisation_type_is_read_by_code_or_label(db, op_id, cell):
    (row,) = _preview(db, f"Name,Organisation,Type of organisation\nAmina,WFP,{cell}\n",
                      op_id).to_add
    assert row.org_type == "un_agency"


def test_an_unknown_organisation_type_is_dropped_with_a_warning_and_the_row_kept(db, op_id):
    preview = _preview(db, "Name,Org type\nAmina,UN agency\nJean,Spaceport\n", op_id)
    assert preview.rejected == []
    amina, jean = preview.to_add
    assert (amina.org_type, amina.warnings, jean.org_type) == ("un_agency", (), "")
    (warning,) = jean.warnings
    assert (warning.line, warning.kind, "Spaceport" in warning.message) == (
        3, WarningKind.VALUE_DROPPED, True)


@pytest.mark.parametrize(("text", "line", "where"), [
    ("Role,Location\nLogistics,Kisumu\n", 1, "header"),
    ("Contact list\nRole,Location\n#contact+role,#loc+name\nLogistics,Kisumu\n", 3,
     "HXL row"),
])
def test_a_file_without_a_name_column_imports_nothing(db, op_id, text, line, where):
    with pytest.raises(ImportFileError) as raised:
        _import(db, text, op_id)
    assert raised.value.line == line
    assert where in raised.value.message
    with db.session() as session:
        assert session.scalars(select(Contact)).all() == []


@pytest.mark.parametrize(("text", "named"), [
    ("Organisation,E-mail\nWFP,a@b.org\n,amina.diallo@wfp.org\n", ["WFP", "Amina Diallo"]),
    ("Contact list\nOrganisation,E-mail\n#org+name,#contact+email\nWFP,a@b.org\n", ["WFP"]),
])
def test_a_file_of_emails_or_organisations_names_each_record_after_them(db, op_id, text,
                                                                        named):
    preview, _ = _import(db, text, op_id)
    assert [row.name for row in preview.to_add] == named
    assert all(w.kind == WarningKind.NAME_MADE for row in preview.to_add for w in row.warnings)


@pytest.mark.parametrize("header", ["Given name", "Family name", "Name"])
def test_any_one_name_column_is_enough(db, op_id, header):
    assert len(_preview(db, f"{header}\nDiallo\n", op_id).to_add) == 1


def test_a_global_import_makes_global_contacts(db, op_id):
    _, result = _import(db, "Name,Organisation\nAmina Diallo,WFP\n", None)
    contact = _contact(db, result.contact_ids[0])
    assert contact.operation_id is None
    assert _organisations(db) == {"WFP": ("WFP"[:0], "other", None)}


# --- organisations ----------------------------------------------------------------------------

def test_organisations_the_file_names_are_created_once_and_linked(db, op_id):
    with db.transaction() as session:
        known = create_organisation(session, name="Kenya Red Cross", acronym="KRCS",
                                    org_type="red_cross_red_crescent", operation_id=op_id).id
    text = ("Name,Organisation,Acronym,Org type\nAmina,World Food  Programme,WFP,UN agency\n"
            "Jean,world food programme,,\nKwame,KRCS,,\nAma,Kenya Red Cross,,\n"
            "Kofi,Médecins Sans Frontières,MSF,ngo\n")
    preview, result = _import(db, text, op_id)
    assert preview.new_organisations == ["World Food Programme", "Médecins Sans Frontières"]
    orgs = _organisations(db)
    assert orgs["World Food Programme"] == ("WFP", "un_agency", op_id)
    assert orgs["Médecins Sans Frontières"] == ("MSF", "ngo", op_id)
    assert len(orgs) == 3
    with db.session() as session:
        wfp = session.scalar(select(Organisation.id).where(
            Organisation.name == "World Food Programme"))
    linked = [_contact(db, i).organisation_id for i in result.contact_ids]
    assert linked[:4] == [wfp, wfp, known, known]


def test_a_new_organisation_without_a_type_is_other_and_long_names_are_cut(db, op_id):
    name, acronym = "N" * 250, "A" * 50
    _import(db, f"Name,Organisation,Acronym\nAmina,{name},{acronym}\n", op_id)
    assert _organisations(db) == {"N" * 200: ("A" * 40, "other", op_id)}


def test_an_organisation_named_only_by_a_merged_row_is_created_and_linked(db, op_id):
    existing = _existing(db, op_id)
    preview, _ = _import(db, "Name,E-mail,Organisation\nA. Diallo,amina@wfp.org,WFP\n", op_id)
    assert (preview.new_organisations, len(preview.matches)) == ([], 1)
    assert list(_organisations(db)) == ["WFP"]
    assert _contact(db, existing).organisation_id is not None


# --- matches ----------------------------------------------------------------------------------

def test_matches_are_by_id_email_or_valid_international_phone(db, op_id):
    existing = _existing(db, op_id, phones=[Phone("satellite", SAT), Phone("radio", "VHF 16",
                                                                           valid=False)])
    text = (f"Name,E-mail,Phone,ID\nA,,,{existing.upper()}\nB,AMINA@WFP.ORG,,\n"
            f"C,,{SAT},\nD,,VHF 16,\nE,other@x.org,+15551234567,\n")
    preview = _preview(db, text, op_id)
    assert [(m.line, m.existing_id, m.existing_name) for m in preview.matches] == [
        (2, existing, "Amina Diallo"), (3, existing, "Amina Diallo"),
        (4, existing, "Amina Diallo")]
    assert [m.matched_on for m in preview.matches][0] == "the same id"
    assert SAT in preview.matches[2].matched_on
    assert [row.line for row in preview.to_add] == [5, 6]


def test_contacts_of_other_operations_and_deleted_ones_are_not_matched(db, op_id,
                                                                        make_operation):
    other = make_operation("Flood Kisumu", "KSM", "KEN").id
    _existing(db, other)
    gone = _existing(db, op_id, given_name="Gone", emails=["gone@x.org"], phones=[])
    with db.transaction() as session:
        delete_contact(session, gone)
    global_id = _existing(db, None, given_name="Global", emails=["global@x.org"], phones=[],
                          is_global=True)
    preview = _preview(db, f"Name,E-mail,Phone\nA,amina@wfp.org,\nB,,{SAT}\nC,gone@x.org,\n"
                           "D,global@x.org,\n", op_id)
    assert [(m.line, m.existing_id) for m in preview.matches] == [(5, global_id)]
    preview = _preview(db, "Name,E-mail\nD,global@x.org\nA,amina@wfp.org\n", None)
    assert [(m.line, m.existing_id) for m in preview.matches] == [(2, global_id)]


def test_a_row_repeating_an_earlier_new_row_by_phone_merges_into_the_first(db, op_id):
    text = f"Name,Phone,Role\nAmina,{SAT},\nJean,+15551234567,\nA. Diallo,{SAT},Lead\n" \
           f"Amina D,{SAT},Chief\n"
    preview, result = _import(db, text, op_id)
    assert [(m.line, m.earlier_line) for m in preview.matches] == [(4, 2), (5, 2)]
    assert (result.added, result.merged) == (2, 2)
    amina, jean = (_contact(db, i) for i in result.contact_ids)
    assert (amina.given_name, amina.family_name, amina.role) == ("A.", "Amina", "Lead")
    assert jean.family_name == "Jean"


def test_a_skipped_match_is_counted_and_the_others_merge(db, op_id):
    existing = _existing(db, op_id)
    text = "Name,E-mail,Role,Location\nA,amina@wfp.org,Lead,\nB,amina@wfp.org,,Beira\n"
    _, result = _import(db, text, op_id, choices={2: "skip"})
    assert (result.added, result.merged, result.skipped) == (0, 1, 1)
    assert result.contact_ids == (existing,)
    contact = _contact(db, existing)
    assert (contact.role, contact.location) == ("", "Beira")


# --- merging ----------------------------------------------------------------------------------

def test_a_merge_fills_empty_fields_and_adds_phones_and_emails_without_overwriting(db,
                                                                                  op_id):
    with db.transaction() as session:
        org = create_organisation(session, name="WFP", org_type="un_agency",
                                  operation_id=op_id).id
    existing = _existing(db, op_id, family_name="", role="Logistics", notes="Met in Beira",
                         organisation_id=org, phones=[Phone("mobile", OFFICE)])
    text = ("Given name,Family name,Organisation,Role,E-mail,Satellite,Mobile,Call sign,"
            "Location,Languages,Notes\n"
            f"Aminata,Diallo,UNICEF,Chief,\"AMINA@wfp.org; a.d@un.org\",{SAT},{OFFICE},Papa 1,"
            "Beira,French,Speaks Swahili\n")
    _import(db, text, op_id)
    contact = _contact(db, existing)
    assert (contact.given_name, contact.family_name, contact.role, contact.call_sign,
            contact.location, contact.languages) == ("Amina", "Diallo", "Logistics", "Papa 1",
                                                     "Beira", "French")
    assert contact.organisation_id == org
    assert contact.notes == "Met in Beira\nSpeaks Swahili"
    assert contact.emails == ["amina@wfp.org", "a.d@un.org"]
    assert [p["number"] for p in contact.phones] == [OFFICE, SAT]
    assert contact.satellite_phone == SAT


def test_merging_the_same_notes_again_does_not_repeat_them(db, op_id):
    existing = _existing(db, op_id, notes="Met in Beira\nSpeaks Swahili")
    _import(db, "Name,E-mail,Notes\nA,amina@wfp.org,Speaks Swahili\n", op_id)
    _import(db, "Name,E-mail,Notes\nA,amina@wfp.org,\n", op_id)
    assert _contact(db, existing).notes == "Met in Beira\nSpeaks Swahili"


def test_a_merge_into_a_contact_without_notes_or_organisation_sets_them(db, op_id):
    existing = _existing(db, op_id)
    _import(db, "Name,E-mail,Notes,Organisation\nA,amina@wfp.org,Speaks Swahili,WFP\n", op_id)
    contact = _contact(db, existing)
    assert contact.notes == "Speaks Swahili"
    assert contact.organisation_id is not None


def test_a_merge_keeps_the_satellite_phone_already_known(db, op_id):
    existing = _existing(db, op_id, phones=[Phone("satellite", SAT)])
    _import(db, "Name,E-mail,Sat phone\nA,amina@wfp.org,+881621234567\n", op_id)
    contact = _contact(db, existing)
    assert contact.satellite_phone == SAT
    assert [p["number"] for p in contact.phones] == [SAT, "+881621234567"]


def test_a_merge_adding_a_mobile_to_a_contact_without_satellite_leaves_it_empty(db, op_id):
    existing = _existing(db, op_id, phones=[])
    _import(db, f"Name,E-mail,Mobile\nA,amina@wfp.org,{OFFICE}\n", op_id)
    contact = _contact(db, existing)
    assert (contact.satellite_phone, [p["kind"] for p in contact.phones]) == ("", ["mobile"])


def test_a_merge_with_nothing_new_leaves_the_contact_unchanged(db, op_id):
    existing = _existing(db, op_id)
    before = _contact(db, existing)
    _, result = _import(db, f"Name,E-mail,Sat phone\nA,AMINA@wfp.org,{SAT}\n", op_id)
    after = _contact(db, existing)
    assert result.merged == 1
    assert (after.emails, after.phones, after.updated_at) == (before.emails, before.phones,
                                                              before.updated_at)


def test_progress_is_reported_while_adding_and_merging_and_at_the_end(db, op_id):
    rows = "".join(f"Person {n},p{n}@x.org\n" for n in range(250))
    reports: list[tuple[int, int]] = []
    progress = Progress(on_report=lambda done, total, _: reports.append((done, total)))
    _import(db, f"Name,E-mail\n{rows}Again,p0@x.org\n", op_id, progress=progress)
    assert reports == [(250, 251), (251, 251)]
    reports.clear()
    _import(db, f"Name,E-mail\nNew,new@x.org\n{rows}", op_id, progress=progress)
    assert reports == [(250, 251), (251, 251)]


# --- rows the CSV reader cannot read ----------------------------------------------------------

def test_a_row_with_a_field_missing_or_a_stray_quote_is_rejected_and_the_others_imported(
        db, op_id):
    text = ('Name,E-mail,Role\nAmina,a@b.org,Log\nJean,j@b.org\nofficer,,\n'
            'Kwame "K",k@b.org,Lead\n"Ama"x,ama@b.org,\n')
    preview = _preview(db, text, op_id)
    assert [(r.line, r.reason.split(" where")[0]) for r in preview.rejected[:1]] == [
        (3, "The line has 2 fields")]
    assert [r.line for r in preview.rejected] == [3, 6]
    assert "malformed" in preview.rejected[1].reason
    assert [row.line for row in preview.to_add] == [2, 4, 5]

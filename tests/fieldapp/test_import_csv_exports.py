"""Contact CSVs as Google Contacts, Outlook, Thunderbird and phone apps export them: which
column fills which field, numbered groups, columns left out with a warning, the officer's
own mapping, and a HXL dataset of something else. No database: `read_contacts_csv` only."""

from __future__ import annotations

import pytest

from fieldapp.importexport.common import (
    DecodedText,
    ImportFileError,
    ImportWarning,
    RejectedRow,
    WarningKind,
)
from fieldapp.importexport.contacts_csv import CONTACT_TARGETS, FIELD_KEYS, read_contacts_csv
from fieldapp.importexport.csv_hxl import normal_header
from tests.fieldapp.sentences import reads_as_a_sentence

# Header lines as the programs write them (Google Contacts "Google CSV", both layouts;
# Outlook 2010+ "Comma Separated Values"; Thunderbird "Comma Separated").
GOOGLE = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
    "Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
    "Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,"
    "Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,"
    "Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Phone 3 - Type,"
    "Phone 3 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,"
    "Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,"
    "Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,"
    "Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,"
    "Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,"
    "Organization 1 - Job Description,Website 1 - Type,Website 1 - Value")
GOOGLE_NEW = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,"
    "Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,"
    "Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
    "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value")
OUTLOOK = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department",'
    '"Job Title","Business Street","Business Street 2","Business Street 3","Business City",'
    '"Business State","Business Postal Code","Business Country/Region","Home Street",'
    '"Home Street 2","Home Street 3","Home City","Home State","Home Postal Code",'
    '"Home Country/Region","Other Street","Other Street 2","Other Street 3","Other City",'
    '"Other State","Other Postal Code","Other Country/Region","Assistant\'s Phone",'
    '"Business Fax","Business Phone","Business Phone 2","Callback","Car Phone",'
    '"Company Main Phone","Home Fax","Home Phone","Home Phone 2","ISDN","Mobile Phone",'
    '"Other Fax","Other Phone","Pager","Primary Phone","Radio Phone","TTY/TDD Phone",'
    '"Telex","Account","Anniversary","Assistant\'s Name","Billing Information","Birthday",'
    '"Business Address PO Box","Categories","Children","Directory Server",'
    '"E-mail Address","E-mail Type","E-mail Display Name","E-mail 2 Address",'
    '"E-mail 2 Type","E-mail 2 Display Name","E-mail 3 Address","E-mail 3 Type",'
    '"E-mail 3 Display Name","Gender","Government ID Number","Hobby",'
    '"Home Address PO Box","Initials","Internet Free Busy","Keywords","Language",'
    '"Location","Manager\'s Name","Mileage","Notes","Office Location",'
    '"Organizational ID Number","Other Address PO Box","Priority","Private","Profession",'
    '"Referred By","Sensitivity","Spouse","User 1","User 2","User 3","User 4","Web Page"')
THUNDERBIRD = (
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,"
    "Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,"
    "Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,"
    "Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,"
    "Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,"
    "Custom 3,Custom 4,Notes")


def _row(header: str, **cells: str) -> str:
    """A data line for `header` with these cells (by header text) and the rest empty."""
    names = [name.strip('"') for name in header.split('","' if header[0] == '"' else ",")]
    names = [name.strip('"') for name in names]
    unknown = set(cells) - set(names)
    assert not unknown, unknown
    return ",".join(f'"{cells[name]}"' if name in cells else "" for name in names)


def _read(text: str, choices=None):
    return read_contacts_csv(DecodedText(text, "utf-8", False), choices=choices)


def _cards(text: str, choices=None):
    return [record for record in _read(text, choices).records
            if not isinstance(record, RejectedRow)]


def _maps(text: str, choices=None) -> dict[str, str]:
    return {column.label: column.maps_to for column in _read(text, choices).columns}


def _left_out(contact_file) -> dict[str, str]:
    return {w.message.split("\u201c")[1].split("\u201d")[0]: w.message
            for w in contact_file.warnings if w.kind == WarningKind.COLUMN_LEFT_OUT}


# --- what the file looked like ----------------------------------------------------------------

@pytest.mark.parametrize(("header", "kind"), [
    (GOOGLE, "Google Contacts CSV"), (GOOGLE_NEW, "Google Contacts CSV"),
    (OUTLOOK, "Outlook CSV"), (THUNDERBIRD, "Thunderbird CSV"),
    ("Name,E-mail,Phone", "CSV"), ("Name,Mobile,iPhone,Work Email", "CSV"),
    ("#contact+name,#contact+email", "HXL"),
    ("Prénom,Nom,Société,Titre,Téléphone (bureau),Tél. mobile,Adresse de messagerie",
     "Outlook CSV"),
])
def test_the_kind_of_file_is_named_for_the_officer(header, kind):
    contact_file = _read(f"{header}\n")
    assert (contact_file.kind, contact_file.format) == (kind, "csv")


def test_the_encoding_read_is_passed_on():
    contact_file = read_contacts_csv(DecodedText("Name\nAmina\n", "cp1251", True))
    assert (contact_file.encoding, contact_file.encoding_guessed) == ("cp1251", True)


# --- Google Contacts --------------------------------------------------------------------------

def test_a_google_export_fills_names_emails_phones_organisation_and_address():
    row = _row(GOOGLE, **{
        "Name": "Amina B. Diallo", "Given Name": "Amina", "Additional Name": "Bintou",
        "Family Name": "Diallo", "Notes": "Met in Beira", "Group Membership":
        "* myContacts ::: Logistics Cluster ::: * starred", "E-mail 1 - Type": "* Work",
        "E-mail 1 - Value": "amina@wfp.org", "E-mail 2 - Type": "Home",
        "E-mail 2 - Value": "amina@gmail.com ::: ami@yahoo.fr", "Phone 1 - Type": "Mobile",
        "Phone 1 - Value": "+258 84 123 4567", "Phone 2 - Type": "Work",
        "Phone 2 - Value": "+41 22 730 1111 ::: +41 22 730 2222",
        "Phone 3 - Type": "Satellite", "Phone 3 - Value": "+881631415926",
        "Address 1 - Type": "Work", "Address 1 - Formatted": "Rua 1, Beira",
        "Address 1 - City": "Beira", "Organization 1 - Name": "World Food Programme",
        "Organization 1 - Title": "Logistics officer"})
    (card,) = _cards(f"{GOOGLE}\n{row}\n")
    assert (card.full_name, card.given_name, card.family_name) == (
        "Amina B. Diallo", "Amina Bintou", "Diallo")
    assert card.emails == ["amina@wfp.org", "amina@gmail.com", "ami@yahoo.fr"]
    assert card.phones == [("mobile", "+258 84 123 4567"), ("office", "+41 22 730 1111"),
                           ("office", "+41 22 730 2222"), ("satellite", "+881631415926")]
    assert (card.organisation, card.role, card.location) == (
        "World Food Programme", "Logistics officer", "Rua 1, Beira")
    assert card.notes == "Met in Beira\nGroups: Logistics Cluster"
    assert card.favourite is True


def test_a_google_export_leaves_no_column_with_data_unsaid():
    row = _row(GOOGLE, **{"Name": "Amina", "E-mail 1 - Type": "* Work",
                          "E-mail 1 - Value": "a@wfp.org", "Phone 1 - Type": "Mobile",
                          "Phone 1 - Value": "0712", "Address 1 - Type": "Home",
                          "Address 1 - Street": "Rua 1", "Address 1 - Formatted": "Rua 1",
                          "Birthday": "1980-04-01", "Website 1 - Value": "https://x.org"})
    contact_file = _read(f"{GOOGLE}\n{row}\n")
    assert set(_left_out(contact_file)) == {"Birthday", "Website 1 - Value"}
    maps = {c.label: c.maps_to for c in contact_file.columns}
    assert (maps["E-mail 1 - Type"], maps["Phone 1 - Type"], maps["Address 1 - Street"]) == (
        "email", "phone_mobile", "location")


def test_the_newer_google_layout_is_read_with_labels():
    row = _row(GOOGLE_NEW, **{
        "First Name": "Jean", "Middle Name": "Paul", "Last Name": "Dupont",
        "Organization Name": "UNHCR", "Organization Title": "Protection officer",
        "Labels": "* myContacts ::: Protection", "E-mail 1 - Label": "* Work",
        "E-mail 1 - Value": "dupont@unhcr.org", "Phone 1 - Label": "Mobile",
        "Phone 1 - Value": "+33 6 12 34 56 78", "Phone 2 - Label": "Work Fax",
        "Phone 2 - Value": "+41 22 739 8111"})
    (card,) = _cards(f"{GOOGLE_NEW}\n{row}\n")
    assert (card.given_name, card.family_name, card.organisation, card.role) == (
        "Jean Paul", "Dupont", "UNHCR", "Protection officer")
    assert card.phones == [("mobile", "+33 6 12 34 56 78"), ("office", "+41 22 739 8111")]
    assert (card.emails, card.notes, card.favourite) == (
        ["dupont@unhcr.org"], "Groups: Protection", False)


@pytest.mark.parametrize(("label", "kind"), [
    ("Mobile", "mobile"), ("* Mobile", "mobile"), ("iPhone", "mobile"), ("Work", "office"),
    ("Home", "office"), ("Main", "office"), ("Satellite", "satellite"),
    ("Thuraya", "satellite"), ("Radio", "radio"), ("", "mobile"), ("Grandma", "mobile"),
])
def test_the_type_of_a_numbered_phone_decides_its_kind_row_by_row(label, kind):
    text = f"Name,Phone 4 - Type,Phone 4 - Value\nAmina,{label},0712\n"
    (card,) = _cards(text)
    assert card.phones == [(kind, "0712")]


def test_numbered_groups_of_any_number_are_read():
    text = "Name,E-mail 12 - Value,Phone 7 - Value\nAmina,a@wfp.org,0712\n"
    assert _maps(text) == {"Name": "full_name", "E-mail 12 - Value": "email",
                           "Phone 7 - Value": "phone_mobile"}


def test_a_phone_type_pairs_with_the_value_of_its_own_number():
    text = ("Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n"
            "Amina,Satellite,+881631415926,Mobile,0712\n")
    (card,) = _cards(text)
    assert card.phones == [("satellite", "+881631415926"), ("mobile", "0712")]


def test_an_email_type_is_read_and_kept_nowhere_without_a_warning():
    contact_file = _read("Name,E-mail 1 - Type,E-mail 1 - Value\nAmina,* Work,a@wfp.org\n")
    assert (contact_file.warnings, [c.maps_to for c in contact_file.columns]) == (
        [], ["full_name", "email", "email"])


def test_an_email_type_without_any_email_column_is_left_out():
    contact_file = _read("Name,E-mail 1 - Type\nAmina,* Work\n")
    assert set(_left_out(contact_file)) == {"E-mail 1 - Type"}


# --- Outlook ----------------------------------------------------------------------------------

def test_an_outlook_export_fills_names_company_role_phones_and_emails():
    row = _row(OUTLOOK, **{
        "Title": "Dr", "First Name": "Amina", "Middle Name": "B.", "Last Name": "Diallo",
        "Suffix": "Jr.", "Company": "WFP", "Department": "Supply chain",
        "Job Title": "Logistics officer", "Business City": "Beira",
        "Business Phone": "+258 23 32 1111", "Mobile Phone": "+258 84 123 4567",
        "Radio Phone": "VHF 16", "Home Phone": "+258 21 00 0000",
        "E-mail Address": "amina@wfp.org", "E-mail Type": "SMTP",
        "E-mail Display Name": "Amina Diallo (amina@wfp.org)",
        "E-mail 2 Address": "amina@gmail.com", "Notes": "Speaks Portuguese",
        "Categories": "Logistics;Beira", "Birthday": "0/0/00", "Gender": "Unspecified",
        "Priority": "Normal", "Private": "False", "Sensitivity": "Normal"})
    contact_file = _read(f"{OUTLOOK}\n{row}\n")
    (card,) = list(contact_file.records)
    assert (card.given_name, card.family_name, card.role, card.organisation) == (
        "Amina B.", "Diallo", "Logistics officer", "WFP")
    assert card.phones == [("office", "+258 23 32 1111"), ("office", "+258 21 00 0000"),
                           ("mobile", "+258 84 123 4567"), ("radio", "VHF 16")]
    assert (card.emails, card.location) == (["amina@wfp.org", "amina@gmail.com"], "Beira")
    assert card.notes == "Speaks Portuguese\nGroups: Logistics, Beira"
    assert set(_left_out(contact_file)) == {"Title", "Suffix", "Department"}


def test_outlooks_title_is_a_form_of_address_not_the_role():
    row = _row(OUTLOOK, **{"Title": "Mr", "First Name": "Jean", "Job Title": "Head"})
    contact_file = _read(f"{OUTLOOK}\n{row}\n")
    assert next(iter(contact_file.records)).role == "Head"
    assert "form of address" in _left_out(contact_file)["Title"]


def test_a_french_outlook_export_reads_the_second_titre_as_the_role():
    header = ('"Titre","Prénom","Deuxième prénom","Nom","Suffixe","Société ","Service ",'
              '"Titre","Téléphone (bureau)","Tél. mobile","Adresse de messagerie",'
              '"Type de messagerie","Nom complet de l\'adresse de messagerie",'
              '"Adresse de messagerie 2","Notes"')
    row = ('"M.","Jean","Paul","Dupont","","Croix-Rouge","Logistique","Délégué",'
           '"+41 22 730 4222","+41 79 123 45 67","jdupont@icrc.org","SMTP",'
           '"Jean Dupont (jdupont@icrc.org)","jean@gmail.com","RAS"')
    contact_file = _read(f"{header}\n{row}\n")
    (card,) = list(contact_file.records)
    assert contact_file.kind == "Outlook CSV"
    assert (card.given_name, card.family_name, card.organisation, card.role) == (
        "Jean Paul", "Dupont", "Croix-Rouge", "Délégué")
    assert card.phones == [("office", "+41 22 730 4222"), ("mobile", "+41 79 123 45 67")]
    assert card.emails == ["jdupont@icrc.org", "jean@gmail.com"]
    assert set(_left_out(contact_file)) == {"Titre", "Service"}


@pytest.mark.parametrize(("header", "row"), [
    ("Tratamiento,Nombre,Segundo nombre,Apellidos,Organización,Puesto,Teléfono del trabajo,"
     "Teléfono móvil,Dirección de correo electrónico,Dirección de correo electrónico 2",
     "Sr.,Juan,Carlos,Pérez,OCHA,Oficial,+57 1 111,+57 300 222,jp@un.org,j@gmail.com"),
    ("Anrede,Vorname,Weitere Vornamen,Nachname,Firma,Position,Telefon geschäftlich,"
     "Mobiltelefon,E-Mail-Adresse,E-Mail-Typ,E-Mail: Angezeigter Name,E-Mail 2: Adresse",
     "Herr,Juan,Carlos,Pérez,OCHA,Oficial,+57 1 111,+57 300 222,jp@un.org,SMTP,"
     "Juan (jp@un.org),j@gmail.com"),
])
def test_spanish_and_german_outlook_exports_are_read(header, row):
    contact_file = _read(f"{header}\n{row}\n")
    (card,) = list(contact_file.records)
    assert contact_file.kind == "Outlook CSV"
    assert (card.given_name, card.family_name, card.organisation, card.role) == (
        "Juan Carlos", "Pérez", "OCHA", "Oficial")
    assert card.phones == [("office", "+57 1 111"), ("mobile", "+57 300 222")]
    assert card.emails == ["jp@un.org", "j@gmail.com"]
    assert len(contact_file.warnings) == 1  # the form of address only


# --- Thunderbird and phone apps ---------------------------------------------------------------

def test_a_thunderbird_export_keeps_the_display_name_beside_first_and_last():
    row = _row(THUNDERBIRD, **{
        "First Name": "Amina", "Last Name": "Diallo", "Display Name": "أمينة ديالو",
        "Nickname": "Ami", "Primary Email": "amina@wfp.org", "Secondary Email": "a@gmail.com",
        "Work Phone": "+41 22 730 1111", "Mobile Number": "+258 84 123 4567",
        "Fax Number": "+41 22 730 1112", "Job Title": "Logistics officer",
        "Organization": "WFP", "Work City": "Beira", "Notes": "Met in Beira"})
    contact_file = _read(f"{THUNDERBIRD}\n{row}\n")
    (card,) = list(contact_file.records)
    assert (card.full_name, card.given_name, card.family_name) == (
        "أمينة ديالو", "Amina", "Diallo")
    assert card.emails == ["amina@wfp.org", "a@gmail.com"]
    assert card.phones == [("office", "+41 22 730 1111"), ("office", "+41 22 730 1112"),
                           ("mobile", "+258 84 123 4567")]
    assert (card.role, card.organisation, card.location) == ("Logistics officer", "WFP",
                                                             "Beira")
    assert card.notes == "Met in Beira\nNickname: Ami"
    assert contact_file.warnings == []


def test_a_french_thunderbird_export_is_read_with_its_repeated_ville_columns():
    header = ("Prénom,Nom de famille,Nom à afficher,Surnom,Adresse e-mail principale,"
              "Adresse e-mail secondaire,Nom de l’écran,Tél. professionnel ,Tél. personnel,"
              "Fax,Pager,Portable,Adresse privée,Adresse privée 2,Ville,Pays/État,Code postal,"
              "Pays/Région (domicile),Adresse professionnelle,Adresse professionnelle 2,Ville,"
              "Pays/État,Code postal,Pays/Région (bureau),Profession,Service,Société,Site web 1,"
              "Site web 2,Année de naissance,Mois,Jour,Divers 1,Divers 2,Divers 3,Divers 4,Notes")
    row = ("Awa,Traoré,Awa Traoré,,awa@wfp.org,,,+258 21 482 200,,,,+258 84 765 4321,,,,,,,,,"
           "Maputo,,,,Chargée de logistique,,PAM,,,,,,,,,,")
    contact_file = _read(f"{header}\n{row}\n")
    (card,) = list(contact_file.records)
    assert contact_file.kind == "Thunderbird CSV"
    assert (card.full_name, card.given_name, card.family_name, card.role, card.organisation,
            card.location) == ("Awa Traoré", "Awa", "Traoré", "Chargée de logistique", "PAM",
                               "Maputo")
    assert card.phones == [("office", "+258 21 482 200"), ("mobile", "+258 84 765 4321")]
    assert (card.emails, contact_file.warnings) == (["awa@wfp.org"], [])


def test_a_phone_app_export_reads_its_phone_and_email_labels():
    text = ("First Name,Last Name,Company,Mobile,iPhone,Main,Home,Work Email,Home Email\n"
            "Amina,Diallo,WFP,0711,0712,0713,0714,a@wfp.org,a@gmail.com\n")
    (card,) = _cards(text)
    assert card.phones == [("mobile", "0711"), ("mobile", "0712"), ("office", "0713"),
                           ("office", "0714")]
    assert card.emails == ["a@wfp.org", "a@gmail.com"]


# --- columns and warnings ---------------------------------------------------------------------

def test_every_column_is_listed_in_file_order_with_its_count_sample_and_hashtag():
    text = "Name,Shoe size,E-mail\n#contact+name,,#contact+email\nAmina,42,\nJean,,j@x.org\n"
    columns = _read(text).columns
    assert [(c.label, c.maps_to, c.hashtag, c.index, c.count, c.sample, c.chosen)
            for c in columns] == [
        ("Name", "full_name", "#contact+name", 0, 2, "Amina", False),
        ("Shoe size", "", "", 1, 1, "42", False),
        ("E-mail", "email", "#contact+email", 2, 1, "j@x.org", False)]


def test_a_column_with_data_nothing_maps_is_warned_of_once_on_line_0():
    contact_file = _read("Name,Shoe size,Blank\nAmina,42,\nJean,43,\nKwame,,\n")
    (warning,) = contact_file.warnings
    assert (warning.line, warning.kind) == (0, WarningKind.COLUMN_LEFT_OUT)
    assert all(words in warning.message for words in ("Shoe size", "2 rows", "preview"))
    assert reads_as_a_sentence(warning.message)


def test_a_second_column_for_a_one_value_field_is_warned_of_naming_the_first():
    contact_file = _read("Name,Role,Title\nAmina,Lead,Dr\n")
    message = _left_out(contact_file)["Title"]
    assert "\u201cRole\u201d" in message
    assert "1 row has" in message


def test_an_untagged_column_of_a_hxl_file_is_warned_of_as_untagged():
    contact_file = _read("Name,Notes\n#contact+name,\nAmina,x\n")
    assert "no HXL hashtag" in _left_out(contact_file)["Notes"]


# --- the officer's mapping --------------------------------------------------------------------

def test_the_officers_choice_maps_a_column_and_wins_over_recognition():
    text = "Name,Radio handle,Title\nAmina,Papa 1,Lead\n"
    choices = {normal_header("Radio handle"): "call_sign", "title": "notes"}
    contact_file = _read(text, choices)
    (card,) = list(contact_file.records)
    assert (card.call_sign, card.notes, card.role) == ("Papa 1", "Lead", "")
    assert [(c.maps_to, c.chosen) for c in contact_file.columns] == [
        ("full_name", False), ("call_sign", True), ("notes", True)]
    assert contact_file.warnings == []


def test_a_column_left_out_by_choice_is_not_warned_of_and_not_read():
    contact_file = _read("Name,Shoe size,E-mail\nAmina,42,a@x.org\n",
                         {"shoe size": "", "e mail": ""})
    (card,) = list(contact_file.records)
    assert (contact_file.warnings, card.emails) == ([], [])
    assert [c.chosen for c in contact_file.columns] == [False, True, True]


def test_a_chosen_field_takes_the_place_of_the_column_recognised_for_it():
    contact_file = _read("Name,Position,Job\nAmina,Lead,Chief\n", {"job": "role"})
    (card,) = list(contact_file.records)
    assert card.role == "Chief"
    assert "\u201cJob\u201d" in _left_out(contact_file)["Position"]


def test_a_phone_kind_chosen_by_the_officer_is_not_overruled_by_the_type_column():
    text = "Name,Phone 1 - Type,Phone 1 - Value\nAmina,Mobile,+881631415926\n"
    (card,) = _cards(text, {"phone 1 value": "phone_satellite"})
    assert card.phones == [("satellite", "+881631415926")]


def test_a_file_without_a_name_column_can_be_given_one_by_choice():
    (card,) = _cards("Who,E-mail\nAmina Diallo,a@x.org\n", {"who": "full_name"})
    assert card.full_name == "Amina Diallo"


def test_the_mapping_menu_offers_every_field_once_with_a_label():
    keys = [key for key, _ in CONTACT_TARGETS]
    assert set(keys) == FIELD_KEYS
    assert len(keys) == len(set(keys))
    assert all(label[:1].isupper() for _, label in CONTACT_TARGETS)


# --- bad rows and HXL datasets of something else ----------------------------------------------

def test_bad_rows_come_out_among_the_records_in_line_order():
    records = list(_read('Name,E-mail\nAmina,a@x.org\nJean\nKwame,"k"x\nAma,b@x.org\n')
                   .records)
    assert [(type(r).__name__, r.line) for r in records] == [
        ("CardFields", 2), ("RejectedRow", 3), ("RejectedRow", 4), ("CardFields", 5)]


@pytest.mark.parametrize(("text", "holds"), [
    ("Agency,Sector,Province,Activity\n#org+name,#sector,#adm1+name,#activity\n"
     "WFP,Food security,Sofala,Distribution\n", "who does what where (3W)"),
    ("Facility,Lat,Lon,Beds\n#loc+name,#geo+lat,#geo+lon,#capacity\nBeira Central,-19.8,"
     "34.8,300\n", "places with coordinates"),
])
def test_a_hxl_dataset_that_is_not_contacts_is_refused_saying_what_it_is(text, holds):
    with pytest.raises(ImportFileError) as raised:
        _read(text)
    message = raised.value.message
    assert raised.value.line == 2
    assert all(words in message for words in ("HXL dataset", holds, "#contact+name",
                                              "#adm1+name" if "3W" in holds else "#geo+lat"))


# --- what decoding the file changed -----------------------------------------------------------

def test_a_replaced_byte_is_warned_of_on_the_row_it_falls_in_and_the_rest_on_the_file():
    guessed = ImportWarning(0, WarningKind.ENCODING_GUESSED, "Read as Windows-1252.")
    in_header = ImportWarning(1, WarningKind.REPLACED, "A byte was replaced.")
    in_notes = ImportWarning(4, WarningKind.REPLACED, "A byte was replaced.")
    in_bad_row = ImportWarning(5, WarningKind.REPLACED, "A byte was replaced.")
    decoded = DecodedText('Name,Notes\nAmina,x\nJean,"two\nlines"\nKwame\n', "cp1252", True,
                          (guessed, in_header, in_notes, in_bad_row))
    contact_file = read_contacts_csv(decoded)
    amina, jean, _ = list(contact_file.records)
    assert (amina.warnings, jean.warnings) == ([], [in_notes])
    assert contact_file.warnings == [guessed, in_header, in_bad_row]

"""vCard in and out: what each property becomes, which line an error names, what is written.

Reading goes through the importer's preview (what the officer is shown before anything is
written); writing through `card_text`, `fold` and `escape`, read back by vobject as another
address book would.
"""

from __future__ import annotations

import pytest
import vobject

from fieldapp.importexport.common import ImportFileError
from fieldapp.importexport.contacts import preview_import
from fieldapp.importexport.vcard import CardFields, card_text, escape, fold
from fieldapp.services.contacts import ContactInput, Phone, create_contact


def _card(*properties: str) -> str:
    return "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *properties, "END:VCARD")) + "\r\n"


def _preview(db, op_id, text: str):
    with db.session() as session:
        return preview_import(session, text.encode(), operation_id=op_id)


def _imported(db, op_id, text: str) -> list[ContactInput]:
    """The contacts the preview would add, in file order (nothing rejected or matched)."""
    preview = _preview(db, op_id, text)
    assert (preview.format, preview.rejected, preview.matches) == ("vcard", [], [])
    return [row.data for row in preview.to_add]


def _error(db, op_id, text: str) -> ImportFileError:
    with pytest.raises(ImportFileError) as raised:
        _preview(db, op_id, text)
    return raised.value


# --- reading ---------------------------------------------------------------------------------

TEL_TYPES = [  # (parameters of the TEL line, the kind the officer sees)
    (";TYPE=x-radio", "radio"), (";TYPE=radio", "radio"),
    (";TYPE=x-satellite", "satellite"), (";TYPE=satellite", "satellite"),
    (";TYPE=sat", "satellite"),
    (";TYPE=cell,work", "mobile"), (";TYPE=mobile,work", "mobile"),
    (";TYPE=iphone,work", "mobile"),
    (";TYPE=work", "office"), (";TYPE=voice", "office"), (";TYPE=main", "office"),
    (";TYPE=home", "office"), (";TYPE=fax", "office"), (";TYPE=pager", "office"),
    (";TYPE=text", "office"), (";TYPE=video", "office"),
    ("", "mobile"), (";TYPE=x-unknown", "mobile"),
    (";TYPE=x-radio,cell", "radio"), (";TYPE=sat,cell", "satellite"),  # the rarer kind wins
    (";WORK;VOICE", "office"),  # vCard 2.1 bare types
    (';TYPE="work,voice"', "office"), (";type=WORK", "office"),
    (";TYPE=home;TYPE=cell", "mobile"),
]


def test_tel_types_of_every_version_give_the_phone_kind(db, op_id):
    lines = [f"TEL{params}:{100 + n}" for n, (params, _) in enumerate(TEL_TYPES)]
    (contact,) = _imported(db, op_id, _card("FN:Amina Diallo", *lines))
    assert [(p.kind, p.number) for p in contact.phones] == [
        (kind, str(100 + n)) for n, (_, kind) in enumerate(TEL_TYPES)]


def test_tel_and_mailto_uri_prefixes_are_not_kept(db, op_id):
    (contact,) = _imported(db, op_id, _card(
        "FN:Amina Diallo", "TEL;VALUE=uri;TYPE=cell:tel:+258821234567",
        "TEL;VALUE=uri:tel:12-34", "TEL;VALUE=uri:TEL:12-35",
        "EMAIL:mailto:amina@wfp.org", "EMAIL:MAILTO:diallo@un.org"))
    assert contact.phones == [Phone("mobile", "+258821234567"),
                              Phone("mobile", "12-34", valid=False),
                              Phone("mobile", "12-35", valid=False)]
    assert contact.emails == ["amina@wfp.org", "diallo@un.org"]


def test_structured_name_gives_given_and_middle_names_without_prefix_or_suffix(db, op_id):
    contacts = _imported(db, op_id, _card("N:Diallo;Amina;Fatou;Dr.;PhD")
                         + _card("N:Dupont;Jean") + _card("N:Mensah")
                         + _card("FN:Kwame  Osei Mensah"))
    assert [(c.given_name, c.family_name) for c in contacts] == [
        ("Amina Fatou", "Diallo"), ("Jean", "Dupont"), ("", "Mensah"),
        ("Kwame  Osei", "Mensah")]


def test_title_or_role_gives_the_role_and_the_first_one_wins(db, op_id):
    contacts = _imported(db, op_id, _card("FN:Jean Dupont", "ROLE:Driver")
                         + _card("FN:Amina Diallo", "TITLE:Logistics lead", "ROLE:Driver"))
    assert [c.role for c in contacts] == ["Driver", "Logistics lead"]


def test_call_sign_from_our_property_or_the_common_x_callsign(db, op_id):
    contacts = _imported(db, op_id, _card("FN:Jean Dupont", "X-CALLSIGN:Papa 2")
                         + _card("FN:Amina Diallo", "X-CMCOORD-CALLSIGN:Papa 1"))
    assert [c.call_sign for c in contacts] == ["Papa 2", "Papa 1"]


def test_location_from_the_first_address_or_our_location_property(db, op_id):
    contacts = _imported(db, op_id, _card(
        "FN:Amina Diallo", "ADR;TYPE=work:;;12 Harbour Rd;Beira;Sofala;;Mozambique",
        "ADR;TYPE=home:;;1 Other St;Maputo;;;") + _card(
        "FN:Jean Dupont", "ADR:;;;Beira;;;", "X-CMCOORD-LOCATION:Camp 3\\, sector B"))
    assert [c.location for c in contacts] == [
        "12 Harbour Rd, Beira, Sofala, Mozambique", "Camp 3, sector B"]


def test_notes_are_unescaped_and_several_notes_kept_on_their_own_lines(db, op_id):
    (contact,) = _imported(db, op_id, _card(
        "FN:Amina Diallo", "NOTE:one\\ntwo\\Nthree", "NOTE:a\\, b\\; c\\\\d"))
    assert contact.notes == "one\ntwo\nthree\na, b; c\\d"


def test_a_value_reading_vcard_does_not_end_the_card(db, op_id):
    (contact,) = _imported(db, op_id, _card("FN:Amina Diallo", "NOTE:vCard", "ROLE:Driver"))
    assert (contact.notes, contact.role) == ("vCard", "Driver")


def test_favourite_is_read_from_1_true_or_yes(db, op_id):
    text = "".join(_card(f"FN:Person {value}", f"X-CMCOORD-FAVOURITE:{value}")
                   for value in ("1", "true", "yes", "0"))
    assert [c.favourite for c in _imported(db, op_id, text)] == [True, True, True, False]


def test_binary_values_are_left_out(db, op_id):
    (contact,) = _imported(db, op_id, _card(
        "FN:Amina Diallo", "NOTE:Real note", "NOTE;ENCODING=b:SGVsbG8=",
        "NOTE;ENCODING=BASE64:SGVsbG8=", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ"))
    assert contact.notes == "Real note"


def test_quoted_printable_in_the_card_charset_or_utf8(db, op_id):
    contacts = _imported(db, op_id, _card(
        "N;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;")
        + _card("N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;Ana;;;"))
    assert [(c.given_name, c.family_name) for c in contacts] == [
        ("Jürgen", "Müller"), ("Ana", "Müller")]


def test_quoted_printable_keeps_letters_written_unencoded(db, op_id):
    contacts = _imported(db, op_id, _card(
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Müller;J=C3=BCrgen;;;")
        + _card("N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Müller;Ana;;;"))
    assert [(c.given_name, c.family_name) for c in contacts] == [
        ("Jürgen", "Müller"), ("Ana", "Müller")]


@pytest.mark.parametrize("charset", ["UTF-8", "X-KLINGON"])
def test_quoted_printable_not_in_its_charset_names_the_line(db, op_id, charset):
    text = _card("FN:Amina", f"NOTE;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:caf=E9")
    error = _error(db, op_id, text)
    assert error.line == 4
    assert charset.lower() in error.reason


def test_the_same_id_with_or_without_urn_prefix_matches_the_contact(db, op_id):
    with db.transaction() as session:
        existing = create_contact(session, ContactInput(given_name="Amina"),
                                  operation_id=op_id).id
    preview = _preview(db, op_id, _card("FN:Amina D", f"UID:URN:UUID:{existing}")
                       + _card("FN:A. Diallo", f"UID:{existing}"))
    assert [(m.matched_on, m.existing_id) for m in preview.matches] == [
        ("the same id", existing), ("the same id", existing)]


def test_blank_lines_and_lower_case_names_are_read(db, op_id):
    contacts = _imported(db, op_id, "\r\n  \r\nbegin:vcard\r\nfn:Amina Diallo\r\n"
                                    "end:vcard\r\n\r\nBEGIN:VCARD\r\nFN:Jean Dupont\r\n"
                                    "END:VCARD\r\n")
    assert [c.family_name for c in contacts] == ["Diallo", "Dupont"]


@pytest.mark.parametrize(("text", "line", "key_word"), [
    ("BEGIN:VCARD\nFN:Amina", 1, "END:VCARD"),
    ("\n\nBEGIN:VCARD\nFN:Amina\n", 3, "END:VCARD"),
    ("BEGIN:VCARD\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nFN:Jean\n", 5, "END:VCARD"),
    ("BEGIN:VCARD\nFN:Amina\n\nnot a property\nEND:VCARD\n", 4, "property"),
    ("BEGIN:VCARD\nNOTE:folded\n  on two lines\nnot a property\nEND:VCARD\n", 4, "property"),
    ("BEGIN:VCARD\nFN:Amina\nBEGIN:VCARD\nFN:Jean\nEND:VCARD\n", 3, "END:VCARD"),
    ("BEGIN:VCARD\nFN:Amina\nEND:VCARD\n\nEND:VCARD\n", 5, "BEGIN:VCARD"),
    ("BEGIN:VCARD\nFN:Amina\nEND:VCARD\n\nFN:Jean\n", 5, "BEGIN:VCARD"),
])
def test_broken_structure_names_the_line(db, op_id, text, line, key_word):
    error = _error(db, op_id, text)
    assert error.line == line
    assert key_word in error.reason


def test_a_card_begun_inside_another_names_the_unfinished_card(db, op_id):
    error = _error(db, op_id, "\nBEGIN:VCARD\nFN:Amina\nBEGIN:VCARD\n")
    assert error.line == 4
    assert "line 2" in error.reason


# --- writing ---------------------------------------------------------------------------------

def test_a_line_of_exactly_75_octets_is_not_folded():
    assert fold("N" * 75) == "N" * 75 + "\r\n"


def test_longer_lines_fold_into_75_octet_lines_with_a_leading_space():
    folded = fold("N" * 75 + "O" * 74 + "P")
    assert folded.split("\r\n") == ["N" * 75, " " + "O" * 74, " P", ""]


def test_folding_never_splits_a_character():
    folded = fold("é" * 80)  # two octets each
    assert folded.split("\r\n") == ["é" * 37, " " + "é" * 37, " " + "é" * 6, ""]


def test_escape_protects_separators_and_line_breaks():
    assert escape("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def _full_card(**changes) -> CardFields:
    fields = dict(
        line=0, uid="6f1c7d2e-0000-4000-8000-000000000001", given_name="Amina",
        family_name="Diallo", organisation="World Food Programme", org_type="un_agency",
        role="Logistics", phones=[("mobile", "+258821234567"), ("office", "+41229171234"),
                                  ("satellite", "+881631415926"), ("radio", "VHF ch 16"),
                                  ("fax", "+41229171235"), ("mobile", "+12 ext 5")],
        emails=["amina@wfp.org"], call_sign="Papa 1", location="Beira", languages="English",
        notes="Night shift", favourite=True)
    fields.update(changes)
    return CardFields(**fields)


def test_written_property_names_are_upper_case_and_none_is_empty():
    text = card_text(_full_card(), phone_valid=[True] * 5 + [False])
    lines = text.removesuffix("\r\n").split("\r\n")
    with_acronym = card_text(_full_card(org_acronym="WFP"), phone_valid=[True] * 5 + [False])
    names = [line.split(":")[0].split(";")[0]
             for line in lines + with_acronym.removesuffix("\r\n").split("\r\n")]
    assert all(name == name.upper() for name in names), names
    assert {"BEGIN", "VERSION", "UID", "FN", "N", "ORG", "X-CMCOORD-ORG-TYPE",
            "X-CMCOORD-ORG-ACRONYM", "TITLE", "TEL", "EMAIL", "ADR", "X-CMCOORD-CALLSIGN",
            "X-CMCOORD-LANGUAGES", "NOTE", "X-CMCOORD-FAVOURITE", "END"} == set(names)
    assert not [line for line in lines if line.endswith(":")]  # no acronym: no property
    assert (lines[0], lines[1], lines[-1]) == ("BEGIN:VCARD", "VERSION:4.0", "END:VCARD")


def test_phones_are_written_with_types_address_books_know():
    text = card_text(_full_card(), phone_valid=[True] * 5 + [False])
    card = vobject.readOne(text)
    assert [(tel.params["TYPE"], tel.params["VALUE"], tel.value) for tel in card.tel_list] == [
        (["cell"], ["uri"], "tel:+258821234567"),
        (["work,voice"], ["uri"], "tel:+41229171234"),
        (["x-satellite"], ["uri"], "tel:+881631415926"),
        (["x-radio"], ["text"], "VHF ch 16"),
        (["voice"], ["uri"], "tel:+41229171235"),  # a kind this version does not know
        (["cell"], ["text"], "+12 ext 5"),  # flagged invalid: not a tel: URI
    ]


def test_every_phone_needs_its_validity():
    with pytest.raises(ValueError, match="zip"):
        card_text(_full_card(), phone_valid=[True] * 5)


"""vCard in and out: what each property becomes, what is left out and said, which line a
warning names, what is written.

Reading goes through `read_vcard_file` (the fields of each card as text, before the
importer's validation; a few tests through the preview); writing through `card_text`,
`fold` and `escape`, read back by vobject as another address book would.
"""

from __future__ import annotations

import codecs
import re

import pytest
import vobject

from fieldapp.importexport.common import ImportFileError, RejectedRow, WarningKind, decode_file
from fieldapp.importexport.contacts import preview_import
from fieldapp.importexport.vcard import (
    CardFields,
    ContactFile,
    card_text,
    escape,
    fold,
    looks_like_vcard,
    parse_vcards,
    read_vcard_file,
)
from fieldapp.services.contacts import ContactInput, create_contact
from tests.fieldapp.sentences import reads_as_a_sentence


def _card(*properties: str, version: str = "3.0") -> str:
    return "\r\n".join(("BEGIN:VCARD", f"VERSION:{version}", *properties, "END:VCARD")) + "\r\n"


def _file(content: str | bytes, *, encoding: str | None = None) -> ContactFile:
    data = content.encode() if isinstance(content, str) else content
    return read_vcard_file(data, decode_file(data, encoding=encoding))


def _read(content: str | bytes, **options) -> tuple[list, ContactFile]:
    """Every record of the file, and the file once they are all read."""
    file = _file(content, **options)
    records = list(file.records)
    for warning in file.warnings + [w for r in records for w in getattr(r, "warnings", [])]:
        assert reads_as_a_sentence(warning.message), warning.message
    return records, file


def _cards(content: str | bytes, **options) -> list[CardFields]:
    records, _ = _read(content, **options)
    assert all(isinstance(r, CardFields) for r in records), records
    return records


def _kinds(warnings) -> list[tuple[int, WarningKind]]:
    return [(w.line, w.kind) for w in warnings]


def _preview(db, op_id, text: str):
    with db.session() as session:
        return preview_import(session, text.encode(), operation_id=op_id)


# --- reading: properties ---------------------------------------------------------------------

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


def test_tel_types_of_every_version_give_the_phone_kind():
    lines = [f"TEL{params}:{100 + n}" for n, (params, _) in enumerate(TEL_TYPES)]
    (card,) = _cards(_card("FN:Amina Diallo", *lines))
    assert card.phones == [(kind, str(100 + n)) for n, (_, kind) in enumerate(TEL_TYPES)]


def test_tel_and_mailto_uri_prefixes_are_not_kept():
    (card,) = _cards(_card(
        "FN:Amina Diallo", "TEL;VALUE=uri;TYPE=cell:tel:+258821234567",
        "TEL;VALUE=uri:tel:12-34", "TEL;VALUE=uri:TEL:12.35",
        "EMAIL:mailto:amina@wfp.org", "EMAIL:MAILTO:diallo@un.org"))
    assert [number for _, number in card.phones] == ["+258821234567", "12 34", "12 35"]
    assert card.emails == ["amina@wfp.org", "diallo@un.org"]


def test_phone_extensions_are_kept_on_the_number():
    (card,) = _cards(_card(
        "FN:Amina Diallo", "TEL;VALUE=uri;TYPE=work:tel:+41-22-917-1234;ext=102",
        "TEL;VALUE=uri:tel:+41-22-917-1235;phone-context=example.org;ext=7",
        "TEL;TYPE=work:+41 22 917 1236 ext. 102", "TEL;TYPE=work:+41 22 917 1237 x102"))
    assert [number for _, number in card.phones] == [
        "+41 22 917 1234;ext=102", "+41 22 917 1235;ext=7", "+41 22 917 1236 ext. 102",
        "+41 22 917 1237 x102"]


def test_structured_name_gives_given_and_additional_names_and_family():
    cards = _cards(_card("N:Diallo;Amina;Fatou;Dr.;PhD") + _card("N:Dupont;Jean")
                   + _card("N:Mensah") + _card("N:Cohen;David,Ben;;;")
                   + _card("N:Ba;Aïssatou;Mariam,Khady;;") + _card("N:Smith\\, Jr;Al;;;"))
    assert [(c.given_name, c.family_name) for c in cards] == [
        ("Amina Fatou", "Diallo"), ("Jean", "Dupont"), ("", "Mensah"), ("David Ben", "Cohen"),
        ("Aïssatou Mariam Khady", "Ba"), ("Al", "Smith, Jr")]


@pytest.mark.parametrize(("full_name", "n"), [
    ("דוד כהן", "N:Cohen;David;;;"), ("王伟", "N:Wang;Wei;;;"),
    ("Dr. Amina Diallo", "N:Diallo;Amina;;Dr.;"), ("Amina", "N:Diallo;Amina;;;"),
])
def test_the_display_name_is_kept_with_the_structured_name(full_name, n):
    for order in ((f"FN:{full_name}", n), (n, f"FN:{full_name}")):
        (card,) = _cards(_card(*order))
        assert (card.full_name, card.given_name, card.family_name) == (
            full_name, n.split(";")[1], n[2:].split(";")[0])
        assert card.warnings == []


def test_without_a_display_name_title_and_suffix_make_the_full_name():
    cards = _cards(_card("N:Diallo;Amina;Fatou;Dr.;PhD", version="2.1")
                   + _card("N:Dupont;Jean;;;", version="2.1"))
    assert [c.full_name for c in cards] == ["Dr. Amina Fatou Diallo PhD", ""]


def test_a_title_the_display_name_lacks_is_said_not_kept():
    (card,) = _cards(_card("FN:Amina Diallo", "N:Diallo;Amina;;Dr.;PhD"))
    assert _kinds(card.warnings) == [(1, WarningKind.NOT_KEPT)]
    assert "Dr." in card.warnings[0].message
    assert "FN" in card.warnings[0].message  # the property to look at, as the file writes it


def test_title_or_role_gives_the_role_and_the_first_one_wins_the_other_said():
    cards = _cards(_card("FN:Jean Dupont", "ROLE:Driver")
                   + _card("FN:Amina Diallo", "TITLE:Logistics lead", "ROLE:Driver")
                   + _card("FN:Kwame Mensah", "TITLE:Driver", "ROLE:Driver"))
    assert [c.role for c in cards] == ["Driver", "Logistics lead", "Driver"]
    assert [_kinds(c.warnings) for c in cards] == [[], [(6, WarningKind.NOT_KEPT)], []]
    assert "Driver" in cards[1].warnings[0].message


def test_organisation_is_the_first_part_of_org_and_its_departments_are_said():
    cards = _cards(_card("FN:A", "ORG:World Food Programme;Logistics;Fleet")
                   + _card("FN:B", "ORG:UNICEF;") + _card("FN:C", "ORG:Croix-Rouge\\; Genève")
                   + _card("FN:D", "ORG:Save the Children\\, Sweden")
                   + _card("FN:E", "ORG:Save the Children, Norway"))
    assert [c.organisation for c in cards] == [
        "World Food Programme", "UNICEF", "Croix-Rouge; Genève", "Save the Children, Sweden",
        "Save the Children, Norway"]
    assert [_kinds(c.warnings) for c in cards] == [[(1, WarningKind.NOT_KEPT)], [], [], [], []]
    assert "Logistics" in cards[0].warnings[0].message


def test_call_sign_from_our_property_or_the_common_x_callsign():
    cards = _cards(_card("FN:Jean Dupont", "X-CALLSIGN:Papa 2")
                   + _card("FN:Amina Diallo", "X-CMCOORD-CALLSIGN:Papa 1"))
    assert [c.call_sign for c in cards] == ["Papa 2", "Papa 1"]


def test_location_from_the_first_address_or_our_location_property():
    cards = _cards(_card(
        "FN:Amina Diallo", "ADR;TYPE=work:;;12 Harbour Rd;Beira;Sofala;;Mozambique",
        "ADR;TYPE=home:;;1 Other St;Maputo;;;") + _card(
        "FN:Jean Dupont", "ADR:;;;Beira;;;", "X-CMCOORD-LOCATION:Camp 3\\, sector B"))
    assert [c.location for c in cards] == [
        "12 Harbour Rd, Beira, Sofala, Mozambique", "Camp 3, sector B"]
    assert _kinds(cards[0].warnings) == [(1, WarningKind.NOT_KEPT)]
    assert "1 Other St, Maputo" in cards[0].warnings[0].message


def test_notes_are_unescaped_and_several_notes_kept_on_their_own_lines():
    (card,) = _cards(_card("FN:Amina Diallo", "NOTE:one\\ntwo\\Nthree", "NOTE:a\\, b\\; c\\\\d"))
    assert card.notes == "one\ntwo\nthree\na, b; c\\d"


def test_a_value_reading_vcard_does_not_end_the_card():
    (card,) = _cards(_card("FN:Amina Diallo", "NOTE:vCard", "ROLE:Driver"))
    assert (card.notes, card.role) == ("vCard", "Driver")


def test_favourite_is_read_from_1_true_or_yes():
    text = "".join(_card(f"FN:Person {value}", f"X-CMCOORD-FAVOURITE:{value}")
                   for value in ("1", "true", "YES", "0"))
    assert [c.favourite for c in _cards(text)] == [True, True, True, False]


def test_an_invalid_email_stays_for_validation_to_drop():
    (card,) = _cards(_card("FN:Amina", "EMAIL:amina@wfp.org", "EMAIL:not an address"))
    assert card.emails == ["amina@wfp.org", "not an address"]


def test_apple_groups_read_as_their_property():
    (card,) = _cards(_card("FN:Amina", "item1.EMAIL;type=INTERNET;type=pref:amina@wfp.org",
                           "item1.X-ABLabel:_$!<Other>!$_", "item2.TEL;type=WORK:+41 22",
                           "A.NOTE:Night shift"))
    assert (card.emails, card.phones, card.notes) == (
        ["amina@wfp.org"], [("office", "+41 22")], "Night shift")


def test_photo_logo_sound_and_key_are_said_not_kept_once_per_kind_per_card():
    cards = _cards(_card("FN:Amina", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ",
                         "PHOTO;VALUE=uri:https://example.org/a.jpg", "LOGO;ENCODING=b:iVBO",
                         "SOUND;ENCODING=b:UklG", "KEY;ENCODING=b:MIIC")
                   + _card("FN:Jean", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ"))
    assert [_kinds(c.warnings) for c in cards] == [
        [(1, WarningKind.NOT_KEPT)] * 4, [(10, WarningKind.NOT_KEPT)]]
    assert "photo" in cards[0].warnings[0].message


def test_binary_values_are_left_out_and_said():
    (card,) = _cards(_card("FN:Amina Diallo", "NOTE:Real note", "NOTE;ENCODING=b:SGVsbG8=",
                           "NOTE;ENCODING=BASE64:SGVsbG8="))
    assert card.notes == "Real note"
    assert _kinds(card.warnings) == [(1, WarningKind.NOT_KEPT)] * 2


def test_a_vcard_21_base64_block_runs_to_the_blank_line():
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Amina\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
            "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U\r\n"
            "HRofHh0aHBwgJCwlJB0eIg==\r\n\r\nTEL;CELL:+258821234567\r\nEND:VCARD\r\n")
    (card,), file = _read(text)
    assert card.phones == [("mobile", "+258821234567")]
    assert [w.kind for w in file.warnings] == [WarningKind.COLUMN_LEFT_OUT]  # no junk lines


def test_blank_lines_and_lower_case_names_are_read():
    cards = _cards("\r\n  \r\nbegin:vcard\r\nfn:Amina Diallo\r\nend:vcard\r\n\r\n"
                   "BEGIN:VCARD\r\nFN:Jean Dupont\r\nEND:VCARD\r\n")
    assert [(c.line, c.full_name) for c in cards] == [(3, "Amina Diallo"), (7, "Jean Dupont")]


def test_folded_lines_and_cr_cr_lf_line_ends_are_read():
    text = ("BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Amina\r\r\nNOTE:Works the night\r\r\n  "
            "shift\r\r\n\tin Beira\r\r\nEND:VCARD\r\r\n")
    (card,) = _cards(text)
    assert (card.full_name, card.notes) == ("Amina", "Works the night shiftin Beira")


def test_a_utf16_file_with_bom_is_read():
    text = _card("FN:Олена Коваленко", "ORG:ЮНІСЕФ")
    (card,), file = _read(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert (card.full_name, card.organisation, file.encoding) == (
        "Олена Коваленко", "ЮНІСЕФ", "utf-16")


# --- reading: encodings ----------------------------------------------------------------------

def test_quoted_printable_in_the_card_charset_or_utf8():
    cards = _cards(_card("N;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;")
                   + _card("N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;Ana;;;")
                   + _card("N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8ER=93c;=91=BE=98Y"))
    assert [(c.given_name, c.family_name) for c in cards] == [
        ("Jürgen", "Müller"), ("Ana", "Müller"), ("太郎", "山田")]


def test_quoted_printable_keeps_letters_written_unencoded():
    cards = _cards(_card("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Müller;J=C3=BCrgen;;;")
                   + _card("N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Müller;Ana;;;"))
    assert [(c.given_name, c.family_name) for c in cards] == [
        ("Jürgen", "Müller"), ("Ana", "Müller")]


def test_quoted_printable_soft_line_breaks_join_the_value():
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Amina\r\n"
            "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Sp=C3=A9cialiste bas=C3=A9e =C3=\r\n"
            "=A0 Beira, parle fr=\r\n"
            "an=C3=A7ais=0D=0Aet portugais.\r\nTEL;CELL:+258821234567\r\nEND:VCARD\r\n")
    (card,) = _cards(text)
    assert card.notes == "Spécialiste basée à Beira, parle français\net portugais."
    assert card.phones == [("mobile", "+258821234567")]


def test_a_soft_break_before_end_vcard_does_not_swallow_the_end():
    text = _card("FN:Amina", "NOTE;ENCODING=QUOTED-PRINTABLE:abc=") + _card("FN:Jean")
    assert [(c.full_name, c.notes) for c in _cards(text)] == [("Amina", "abc"), ("Jean", "")]


def test_invalid_quoted_printable_bytes_are_replaced_on_that_card_only():
    text = (_card("FN:Amina", "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:caf=E9 noir")
            + _card("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Ana;;;"))
    first, second = _cards(text)
    assert first.notes == "caf\ufffd noir"
    assert _kinds(first.warnings) == [(1, WarningKind.REPLACED)]
    assert "NOTE" in first.warnings[0].message
    assert (second.family_name, second.warnings) == ("Müller", [])


def test_an_unknown_charset_reads_the_value_in_the_file_encoding_and_says_so():
    (card,) = _cards(_card("FN:Amina", "NOTE;CHARSET=X-KLINGON;ENCODING=QUOTED-PRINTABLE:"
                                       "caf=C3=A9"))
    assert card.notes == "café"
    assert _kinds(card.warnings) == [(1, WarningKind.ENCODING_GUESSED)]
    assert "X-KLINGON" in card.warnings[0].message.upper()


WINDOWS_1251_CARDS = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1251:Коваленко;Олена\r\n"
    "FN;CHARSET=WINDOWS-1251:Олена Коваленко\r\nTEL;CELL:+380 50 765 4321\r\n"
    "ORG;CHARSET=WINDOWS-1251:ЮНІСЕФ\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1251:Шевченко;Андрій\r\n"
    "FN;CHARSET=WINDOWS-1251:Андрій Шевченко\r\nTEL;WORK:+380 44 123 4567\r\nEND:VCARD\r\n")


def test_8bit_values_are_decoded_by_their_charset_in_an_ascii_file():
    cards, file = _read(WINDOWS_1251_CARDS.encode("cp1251"))
    assert [(c.full_name, c.given_name, c.family_name, c.organisation) for c in cards] == [
        ("Олена Коваленко", "Олена", "Коваленко", "ЮНІСЕФ"),
        ("Андрій Шевченко", "Андрій", "Шевченко", "")]
    assert file.encoding_guessed is False  # every value said its charset
    assert WarningKind.ENCODING_GUESSED not in [w.kind for w in file.warnings]
    assert all(c.warnings == [] for c in cards)


def test_8bit_values_with_different_charsets_in_one_file():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:" + "山田;太郎".encode("shift_jis")
            + b"\r\nNOTE;CHARSET=UTF-8:" + "café".encode() + b"\r\nORG;CHARSET=ISO-8859-1:"
            + "Médecins".encode("latin-1") + b"\r\nEND:VCARD\r\n")
    (card,) = _cards(data)
    assert (card.given_name, card.family_name, card.notes, card.organisation) == (
        "太郎", "山田", "café", "Médecins")


def test_a_value_without_charset_uses_the_guessed_file_encoding_and_says_so():
    text = WINDOWS_1251_CARDS + _card("FN:Віталій Бондаренко", "NOTE:Червоний Хрест України",
                                      version="2.1")
    cards, file = _read(text.encode("cp1251"))
    assert cards[2].full_name == "Віталій Бондаренко"
    assert (file.encoding, file.encoding_guessed) == ("cp1251", True)
    assert _kinds(file.warnings)[:1] == [(0, WarningKind.ENCODING_GUESSED)]


def test_bad_bytes_of_a_utf8_file_are_warned_on_their_card():
    data = (_card("FN:Amina Diallo", "NOTE:Zoë et Noël").encode()
            + _card("FN:Jean", "NOTE:caf").encode()[:-13] + b"\xe9\r\nEND:VCARD\r\n")
    (first, second), file = _read(data)
    assert second.notes == "caf\ufffd"
    assert (first.warnings, _kinds(second.warnings)) == ([], [(6, WarningKind.REPLACED)])
    assert WarningKind.REPLACED not in [w.kind for w in file.warnings]


def test_bad_bytes_of_a_value_without_charset_are_warned_when_others_have_one():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:" + "Müller;Jürgen".encode()
            + b"\r\nNOTE:Zo\xc3\xab caf\xe9\r\nEND:VCARD\r\n")
    (card,) = _cards(data)
    assert (card.family_name, card.notes) == ("Müller", "Zoë caf\ufffd")
    assert _kinds(card.warnings) == [(1, WarningKind.REPLACED)]


def test_a_card_with_a_chosen_encoding_reads_in_it():
    data = _card("FN:Олена Коваленко").encode("koi8-r")
    assert _cards(data, encoding="koi8-r")[0].full_name == "Олена Коваленко"


# --- reading: structure ----------------------------------------------------------------------

def test_comment_and_junk_lines_are_skipped_with_a_warning_naming_the_line():
    text = ("# Exported by Contacts 2.1\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Amina\r\n"
            "not a property\r\nEND:VCARD\r\n# 2 contacts\r\nsome junk\r\nEND:VCARD\r\n"
            "FN:Stray\r\nBEGIN:VCARD\r\nFN:Jean\r\nEND:VCARD\r\n")
    cards, file = _read(text)
    assert [c.full_name for c in cards] == ["Amina", "Jean"]
    assert _kinds(file.warnings) == [(n, WarningKind.SKIPPED_LINE) for n in (1, 5, 7, 8, 9, 10)]
    assert "not a property" in file.warnings[1].message


def test_a_card_without_end_is_kept_and_ends_where_the_next_begins():
    cards, file = _read("BEGIN:VCARD\nFN:Amina\nBEGIN:VCARD\nFN:Jean\nEND:VCARD\n")
    assert [(c.line, c.full_name) for c in cards] == [(1, "Amina"), (3, "Jean")]
    assert _kinds(file.warnings) == [(3, WarningKind.SKIPPED_LINE)]
    assert "line 1" in file.warnings[0].message


def test_a_file_cut_short_keeps_its_last_card_with_a_warning():
    cards, file = _read("BEGIN:VCARD\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nFN:Jean\nTEL:+41")
    assert [(c.full_name, c.phones) for c in cards] == [("A", []), ("Jean", [("mobile", "+41")])]
    assert _kinds(file.warnings) == [(5, WarningKind.SKIPPED_LINE)]


def test_spaces_before_begin_are_not_a_folded_line():
    cards = _cards("   BEGIN:VCARD\r\nFN:Amina\r\nEND:VCARD\r\n  BEGIN:VCARD\r\n FN:Jean\r\n"
                   "END:VCARD\r\n")
    assert [c.full_name for c in cards] == ["Amina", "Jean"]


def test_an_empty_card_is_rejected_with_its_line():
    records, _ = _read(_card("FN:Amina") + "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")
    assert isinstance(records[1], RejectedRow)
    assert records[1].line == 5
    assert reads_as_a_sentence(records[1].reason)


@pytest.mark.parametrize("text", [
    "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n", "# only a comment\r\nnot a card\r\n"])
def test_a_file_with_no_card_to_read_is_refused_saying_it_looked_like_a_vcard(text):
    with pytest.raises(ImportFileError) as raised:
        _read(text)
    assert "vCard" in raised.value.message
    assert "header" not in raised.value.message


@pytest.mark.parametrize("text", [
    "BEGIN:VCARD\r\n", "\r\n\r\nBEGIN:VCARD", "   begin:vcard\r\n", "\ufeffBEGIN:VCARD\r\n",
    "# Android contacts\r\nBEGIN:VCARD\r\n", "\t\r\n  BEGIN : VCARD\r\n"])
def test_a_vcard_is_recognised_after_blank_lines_spaces_bom_or_a_comment(text):
    assert looks_like_vcard(text)


@pytest.mark.parametrize("text", ["Name,E-mail\r\nAmina,a@b.org\r\n", "", "FN:Amina\r\n",
                                  "Name\r\nBEGIN:VCARD\r\n"])
def test_other_text_is_not_taken_for_a_vcard(text):
    assert not looks_like_vcard(text)


def test_a_broken_vcard_gets_vcard_messages_not_csv_ones(db, op_id):
    preview = _preview(db, op_id, "  \r\nBEGIN:VCARD\r\nFN:Amina\r\nnot, a, property\r\n"
                                  "END:VCARD\r\n")
    assert preview.format == "vcard"
    assert "field" not in " ".join(r.reason for r in preview.rejected)


# --- reading: what the preview shows of the file -------------------------------------------

@pytest.mark.parametrize(("version", "kind"), [("2.1", "vCard 2.1"), ("3.0", "vCard 3.0"),
                                               ("4.0", "vCard 4.0")])
def test_the_kind_is_the_first_card_version(version, kind):
    assert _file(_card("FN:Amina", version=version) + _card("FN:Jean")).kind == kind


def test_every_property_kind_is_a_column_with_its_field_count_and_sample():
    text = (_card("FN:Amina", "TEL;TYPE=cell:+258 82", "TEL;TYPE=cell:+258 83",
                  "EMAIL:amina@wfp.org", "X-ABUID:5AD380FD", "BDAY:1980-01-01",
                  "PHOTO;ENCODING=b:/9j/", "PRODID:-//Apple Inc.//iPhone OS 17.2//EN")
            + _card("FN:Jean", "TEL;TYPE=work:+41 22", "X-ABUID:6BE491AE", "REV:2024"))
    file = _file(text)
    assert file.columns == []  # nothing read yet
    list(file.records)
    assert [(c.label, c.maps_to, c.count, c.sample) for c in file.columns] == [
        ("VERSION", "", 2, "3.0"), ("FN", "full_name", 2, "Amina"),
        ("TEL", "phone_mobile", 2, "+258 82"), ("EMAIL", "email", 1, "amina@wfp.org"),
        ("X-ABUID", "", 2, "5AD380FD"), ("BDAY", "", 1, "1980-01-01"), ("PHOTO", "", 1, ""),
        ("PRODID", "", 1, "-//Apple Inc.//iPhone OS 17.2//EN"), ("REV", "", 1, "2024")]
    left_out = [w for w in file.warnings if w.kind == WarningKind.COLUMN_LEFT_OUT]
    assert [(w.line, w.message.split()[0]) for w in left_out] == [
        (0, "X-ABUID"), (0, "BDAY"), (0, "PHOTO")]
    assert "2 cards" in left_out[0].message
    assert "1 card " in left_out[1].message


def test_records_are_read_lazily():
    file = _file(_card("FN:Amina") + _card("FN:Jean"))
    assert next(file.records).full_name == "Amina"
    assert file.columns == []


def test_parse_vcards_still_gives_the_cards_of_a_text():
    assert [c.full_name for c in parse_vcards(_card("FN:Amina") + _card("FN:Jean"))] == [
        "Amina", "Jean"]


def test_the_same_id_with_or_without_urn_prefix_matches_the_contact(db, op_id):
    with db.transaction() as session:
        existing = create_contact(session, ContactInput(given_name="Amina"),
                                  operation_id=op_id).id
    preview = _preview(db, op_id, _card("FN:Amina D", f"UID:URN:UUID:{existing}")
                       + _card("FN:A. Diallo", f"UID:{existing}"))
    assert [(m.matched_on, m.existing_id) for m in preview.matches] == [
        ("the same id", existing), ("the same id", existing)]


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



# --- reading: what the officer would see go wrong (each kills a change mutmut made) -------

_SHOUTED = re.compile(r"\b(?:[A-Z]{2,}\s+[A-Z]{2,}|[A-Z]+\s+[A-Z]+\s+[A-Z]+)\b")


def _reads_well(message: str) -> bool:
    """A sentence that says nothing twice in capitals and holds no stray placeholder: the
    quoted parts (the file's own text) aside."""
    said = re.sub(r"\u201c[^\u201d]*\u201d", "\u201c\u201d", message)
    return (reads_as_a_sentence(message) and "XX" not in said and "None" not in said
            and _SHOUTED.search(said) is None)


def _every_message(records, file) -> list[str]:
    return [w.message for w in file.warnings] + [
        w.message for r in records for w in getattr(r, "warnings", [])]


def test_a_file_with_old_mac_line_ends_is_read():
    cards = _cards("BEGIN:VCARD\rVERSION:2.1\rFN:Amina Diallo\rTEL;CELL:+258 82 123\r"
                   "END:VCARD\rBEGIN:VCARD\rFN:Jean Dupont\rEND:VCARD\r")
    assert [(c.full_name, c.phones) for c in cards] == [
        ("Amina Diallo", [("mobile", "+258 82 123")]), ("Jean Dupont", [])]


def test_a_value_ending_in_a_capital_x_keeps_it():
    (card,) = _cards(_card("FN:Amina Diallo", "ORG:Save the Children - Team X"))
    assert card.organisation == "Save the Children - Team X"


def test_spaces_inside_a_folded_value_are_kept():
    (card,) = _cards(_card("FN:Amina", "NOTE:Works the night", "  shift ", " in Beira"))
    assert card.notes == "Works the night shift in Beira"


def test_a_fold_right_after_a_space_keeps_the_space():
    # RFC 6350 folds "between any two characters": our own export folds at 75 octets, so a
    # line may end with the space between two words
    written = card_text(CardFields(line=0, given_name="Amina", notes="x" * 69 + " night shift"),
                        phone_valid=[])
    assert " \r\n " in written
    (card,) = _cards(written)
    assert card.notes == "x" * 69 + " night shift"


def test_quoted_types_with_spaces_give_the_phone_kind():
    (card,) = _cards(_card("FN:Amina", 'TEL;TYPE=" work , voice ":+41 22'))
    assert card.phones == [("office", "+41 22")]


def test_a_value_that_starts_with_the_end_of_its_name_is_kept_whole():
    file = _file(_card("FN:Amina", "X-SIZE-XX:XXL"))
    list(file.records)
    assert ("X-SIZE-XX", "XXL") in [(c.label, c.sample) for c in file.columns]


def test_bad_bytes_of_a_value_with_parameters_are_warned_on_their_card_with_their_line():
    data = (_card("FN:Amina Diallo", "NOTE:Zoë et Noël").encode()
            + _card("FN:Jean", "NOTE;TYPE=work:caf").encode()[:-13] + b"\xe9\r\nEND:VCARD\r\n")
    (first, second), file = _read(data)
    assert second.notes == "caf\ufffd"
    assert (first.warnings, _kinds(second.warnings)) == ([], [(6, WarningKind.REPLACED)])
    assert "line 9" in second.warnings[0].message


def test_a_replaced_byte_names_the_line_of_a_value_with_parameters():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:" + "Müller;Jürgen".encode()
            + b"\r\nNOTE;TYPE=work:Zo\xc3\xab caf\xe9\r\nEND:VCARD\r\n")
    (card,) = _cards(data)
    assert _kinds(card.warnings) == [(1, WarningKind.REPLACED)]
    assert "line 4" in card.warnings[0].message


def test_bad_bytes_outside_any_property_stay_with_the_file():
    data = (b"# Zo\xc3\xab et No\xc3\xabl, caf\xe9\r\n"
            + _card("FN:Amina", "NOTE:Zoë").encode()[:-11] + b"caf\xe9 junk\r\nEND:VCARD\r\n")
    (card,), file = _read(data, encoding="utf-8")
    assert card.warnings == []
    assert sorted(w.line for w in file.warnings if w.kind == WarningKind.REPLACED) == [1, 6]


def test_a_comment_is_said_to_be_a_comment_and_junk_where_it_was():
    text = ("# Exported by Contacts\r\nsome junk\r\nBEGIN:VCARD\r\nFN:Amina\r\nmore junk\r\n"
            "END:VCARD\r\n")
    (_card_read,), file = _read(text)
    comment, between, inside = (w.message for w in file.warnings)
    assert "comment" in comment
    assert "comment" not in between
    assert between.replace("some junk", "") != inside.replace("more junk", "")
    assert all(_reads_well(m) for m in (comment, between, inside)), (comment, between, inside)


@pytest.mark.parametrize("text", [
    "\ufeff  BEGIN:VCARD\r\n", "\r\n\ufeffBEGIN:VCARD\r\n", "\ufeff\r\n\ufeffBEGIN:VCARD\r\n"])
def test_a_vcard_is_recognised_with_a_bom_before_spaces_or_after_a_blank_line(text):
    assert looks_like_vcard(text) is True


@pytest.mark.parametrize("text", ["XBEGIN:VCARD\r\n", "\ufeffXBEGIN:VCARD\r\n",
                                  "Name\r\nBEGIN:VCARD\r\n"])
def test_a_line_almost_begin_vcard_is_not_a_vcard(text):
    assert looks_like_vcard(text) is False


def test_only_the_first_21_lines_are_looked_at_for_begin_vcard():
    assert looks_like_vcard("\r\n" * 20 + "BEGIN:VCARD\r\n") is True
    assert looks_like_vcard("\r\n" * 21 + "BEGIN:VCARD\r\n") is False


def test_charsets_phones_name_are_read_with_the_windows_code_page_they_mean():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=X-SJIS:" + "①山田;太郎".encode("cp932")
            + b"\r\nNOTE;CHARSET=ISO-8859-1:" + "“Médecins” €".encode("cp1252")
            + b"\r\nORG;CHARSET=SHIFT_JIS:" + "①班".encode("cp932") + b"\r\nEND:VCARD\r\n")
    (card,) = _cards(data)
    assert (card.family_name, card.notes, card.organisation) == ("①山田", "“Médecins” €", "①班")
    assert card.warnings == []


def test_a_value_of_a_utf8_file_claiming_another_charset_reads_as_utf8_without_warning():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Zo\xc3\xab\r\nORG;CHARSET=ISO-8859-1:"
            + "Médecins Sans Frontières".encode() + b"\r\nEND:VCARD\r\n")
    (card,) = _cards(data, encoding="utf-8")
    assert (card.organisation, card.warnings) == ("Médecins Sans Frontières", [])


def test_a_soft_break_at_the_end_of_a_value_with_unencoded_letters_is_dropped():
    text = _card("FN:Amina", "NOTE;ENCODING=QUOTED-PRINTABLE:Müller=", version="2.1")
    (card,) = _cards(text, encoding="utf-8")
    assert card.notes == "Müller"


def test_a_shift_jis_character_split_between_an_escape_and_a_raw_byte_is_read_whole():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:" + "山田;太郎".encode("cp932")
            + b"\r\nNOTE;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=82\xcc"
            + "ほか".encode("cp932")
            + b"\r\nEND:VCARD\r\n")
    (card,) = _cards(data)
    assert (card.family_name, card.notes, card.warnings) == ("山田", "のほか", [])


def test_a_utf8_character_split_between_an_escape_and_a_raw_byte_is_read_whole():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Zo\xc3\xab et No\xc3\xabl\r\n"
            b"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3\xbcrgen M\xc3\xbcller\r\n"
            b"END:VCARD\r\n")
    (card,) = _cards(data, encoding="utf-8")
    assert card.notes == "Jürgen Müller"


def test_quoted_printable_mixing_escapes_and_unencoded_letters_in_a_utf8_file():
    text = _card("FN:Amina", "NOTE;ENCODING=QUOTED-PRINTABLE:Zoë=20et=20No=C3=ABl=20à Beira",
                 version="2.1")
    (card,) = _cards(text, encoding="utf-8")
    assert (card.notes, card.warnings) == ("Zoë et Noël à Beira", [])


def test_a_bad_escape_among_unencoded_letters_is_replaced_and_warned():
    text = _card("FN:Amina", "NOTE;ENCODING=QUOTED-PRINTABLE:Zoë caf=E9 noir", version="2.1")
    (card,), file = _read(text, encoding="utf-8")
    assert card.notes == "Zoë caf\ufffd noir"
    assert _kinds(card.warnings) == [(1, WarningKind.REPLACED)]
    assert all(_reads_well(m) for m in _every_message([card], file))


def test_a_bad_raw_byte_before_good_escapes_is_replaced_and_warned():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:M\xc3\xbcller;J\xc3\xbcrgen\r\n"
            b"NOTE;ENCODING=QUOTED-PRINTABLE:caf\xe9 =C3=A9t=C3=A9 Zo\xc3\xab\r\nEND:VCARD\r\n")
    (card,) = _cards(data, encoding="utf-8")
    assert card.notes == "caf\ufffd été Zoë"
    assert _kinds(card.warnings) == [(1, WarningKind.REPLACED)]


def test_raw_bytes_and_escapes_of_a_latin_charset_in_a_utf8_file_read_in_that_charset():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Zo\xc3\xab et No\xc3\xabl\r\n"
            b"NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:caf\xe9 cr=E8me br\xfbl\xe9e\r\n"
            b"END:VCARD\r\n")
    (card,) = _cards(data, encoding="utf-8")
    assert (card.notes, card.warnings) == ("café crème brûlée", [])


def test_quoted_printable_without_charset_is_utf8_even_in_a_windows_1251_file():
    data = (WINDOWS_1251_CARDS + _card("FN:Олена", "NOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9",
                                       "ROLE;ENCODING=QUOTED-PRINTABLE:=C2=EE=E4=B3=E9",
                                       version="2.1")).encode("cp1251")
    cards, file = _read(data, encoding="cp1251")
    assert (cards[2].notes, cards[2].role) == ("Café", "Водій")


def test_family_names_of_several_parts_are_joined_by_a_space():
    (card,) = _cards(_card("N:García,Márquez;Gabriel;;;"))
    assert card.family_name == "García Márquez"


def test_without_a_display_name_a_title_alone_makes_the_full_name():
    cards = _cards(_card("N:Diallo;Amina;;Dr.;") + _card("N:Diallo;Amina;;;PhD"))
    assert [c.full_name for c in cards] == ["Dr. Amina Diallo", "Amina Diallo PhD"]


def test_messages_about_titles_departments_and_roles_read_well():
    records, file = _read(_card("FN:Amina Diallo", "N:Diallo;Amina;;Dr.;PhD",
                                "ORG:World Food Programme;Logistics;Fleet",
                                "TITLE:Logistics lead", "ROLE:Driver"))
    messages = _every_message(records, file)
    assert len(messages) == 3
    assert any("\u201cLogistics, Fleet\u201d" in m for m in messages)  # departments as listed
    assert all(_reads_well(m) for m in messages), messages


def test_a_vcard_21_bare_base64_value_is_left_out_and_said():
    (card,) = _cards(_card("FN:Amina Diallo", "NOTE;BASE64:SGVsbG8=", version="2.1"))
    assert card.notes == ""
    assert _kinds(card.warnings) == [(1, WarningKind.NOT_KEPT)]


def test_a_sample_is_cut_to_80_characters():
    file = _file(_card("FN:Amina", "NOTE:" + "n" * 81))
    list(file.records)
    (note,) = [c for c in file.columns if c.label == "NOTE"]
    assert (len(note.sample), note.sample[-1]) == (80, "\u2026")


def test_cards_without_a_version_are_of_an_unnamed_vcard_kind():
    file = _file("BEGIN:VCARD\r\nFN:Amina\r\nEND:VCARD\r\n")
    assert file.kind == "vCard"


def test_left_out_properties_are_said_in_a_sentence():
    records, file = _read(_card("FN:Amina", "X-ABUID:5AD380FD"))
    assert _kinds(file.warnings) == [(0, WarningKind.COLUMN_LEFT_OUT)]
    assert all(_reads_well(m) for m in _every_message(records, file))


def test_a_file_without_cards_and_one_of_empty_cards_are_refused_for_different_reasons():
    reasons = []
    for text in ("# only a comment\r\nnot a card\r\n",
                 "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n"):
        with pytest.raises(ImportFileError) as raised:
            _read(text)
        assert _reads_well(raised.value.message)
        reasons.append(raised.value.message)
    assert reasons[0] != reasons[1]


def test_spaces_after_a_quoted_printable_soft_break_are_padding():
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Amina\r\n"
            "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 =  \r\nnoir=20\t\r\nEND:VCARD \r\n"
            "BEGIN:VCARD\t\r\nFN:Jean\r\nEND:VCARD\r\n")
    cards, file = _read(text)
    assert [(c.full_name, c.notes) for c in cards] == [("Amina", "café noir"), ("Jean", "")]
    assert file.warnings == []


def test_a_note_about_quoted_printable_ending_in_equals_does_not_swallow_the_next_line():
    (card,) = _cards(_card("FN:Amina", "NOTE:Old phones write QUOTED-PRINTABLE: a line ending in =",
                           "TEL;CELL:+258 82 123"))
    assert card.notes == "Old phones write QUOTED-PRINTABLE: a line ending in ="
    assert card.phones == [("mobile", "+258 82 123")]


def test_a_property_naming_64_does_not_take_the_next_line_for_base64():
    records, file = _read(_card("FN:Amina", "X-PLAN;TYPE=V64:basic", "Amina"))
    assert _kinds(file.warnings)[:1] == [(5, WarningKind.SKIPPED_LINE)]


def test_a_raw_letter_ending_a_quoted_printable_line_is_kept():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Amina\r\n"
            b"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:R=C3=A9union \xc3\xa0\r\n"
            b"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Team X\r\nEND:VCARD\r\n")
    (card,) = _cards(data, encoding="utf-8")
    assert (card.notes, card.organisation, card.warnings) == ("Réunion à", "Team X", [])


def test_folded_lines_continue_properties_beginning_with_b_e_or_x():
    (card,) = _cards(_card("FN:Amina", "EMAIL:amina.diallo@wf", " p.org",
                           "X-CMCOORD-LOCATION:Beira, sec", " tor B"))
    assert (card.emails, card.location) == (["amina.diallo@wfp.org"], "Beira, sector B")


def test_indented_lines_after_lower_case_card_edges_are_not_folded_into_them():
    cards, file = _read("begin:vcard\r\n fn:Amina\r\nend:vcard\r\n x-note:stray\r\n"
                        "BEGIN:VCARD\r\nFN:Jean\r\nEND:VCARD\r\n")
    assert [c.full_name for c in cards] == ["Amina", "Jean"]
    assert _kinds(file.warnings)[:1] == [(4, WarningKind.SKIPPED_LINE)]


def test_a_one_character_junk_line_is_skipped_with_a_warning():
    cards, file = _read(_card("FN:Amina", "x", "TEL:+41"))
    assert cards[0].phones == [("mobile", "+41")]
    assert _kinds(file.warnings)[:1] == [(4, WarningKind.SKIPPED_LINE)]


def test_a_stray_end_on_the_last_line_is_warned_with_its_line():
    _records, file = _read(_card("FN:Amina") + "END:VCARD")
    assert _kinds(file.warnings) == [(5, WarningKind.SKIPPED_LINE)]


def test_a_file_cut_short_in_a_folded_value_keeps_it_and_its_bad_byte_warning():
    data = b"BEGIN:VCARD\r\nFN:Zo\xc3\xab Diallo\r\nNOTE:caf\xe9 au lait,\r\n then tea"
    (card,), file = _read(data, encoding="utf-8")
    assert card.notes == "caf\ufffd au lait,then tea"
    assert _kinds(card.warnings) == [(1, WarningKind.REPLACED)]
    assert WarningKind.REPLACED not in [w.kind for w in file.warnings]

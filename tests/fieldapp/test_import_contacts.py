"""Contact import and export: vCard round trip, CSV/HXL dialects, matches, bad files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import vobject
from sqlalchemy import func, select

from fieldapp.db import Database
from fieldapp.errors import Cancelled
from fieldapp.importexport.common import MAX_BYTES, ImportFileError, WarningKind
from fieldapp.importexport.contacts import apply_import, preview_import
from fieldapp.importexport.contacts_export import export_contacts_csv, export_vcard
from fieldapp.models import Contact, Operation, Organisation
from fieldapp.paths import resolve_profile
from fieldapp.progress import Progress
from fieldapp.services.contacts import (
    ContactInput,
    Phone,
    contact_detail,
    contact_ids,
    create_contact,
    create_organisation,
)
from tests.fieldapp.sentences import reads_as_a_sentence


@pytest.fixture
def op_id(make_operation) -> str:
    return make_operation("Flood Kisumu", "KSM", "KEN").id


def _import(db, source, op_id, choices=None):
    with db.transaction() as session:
        preview = preview_import(session, source, operation_id=op_id)
        result = apply_import(session, preview, choices or {}, progress=Progress())
    return preview, result


def _count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Contact))


def _people(db, op_id):
    with db.session() as session:
        details = [contact_detail(session, i) for i in contact_ids(session, operation_id=op_id)]
    return [replace(d, id="", organisation_id="", updated_at=None) for d in details]


def _fill(db, op_id):
    with db.transaction() as session:
        wfp = create_organisation(session, name="World Food Programme; Kenya, office",
                                  org_type="un_agency", acronym="WFP", operation_id=op_id)
        create_contact(session, ContactInput(
            given_name="Amina Ñ", family_name="Diallo", organisation_id=wfp.id,
            role="Logistics, officer; air", phones=[
                Phone("mobile", "0712 345678"), Phone("satellite", "+881631415926"),
                Phone("radio", "VHF ch 16"), Phone("office", "bad 12")],
            emails=["amina@wfp.org", "a.diallo@un.org"], call_sign="Papa 1",
            location="Kisumu, Nyanza", languages="English, Swahili",
            notes="First line\nsecond line, with ; and \\ " + "long " * 30, favourite=True,
        ), operation_id=op_id)
        create_contact(session, ContactInput(given_name="Ли", family_name="Вэй",
                                             is_global=True), operation_id=op_id)


def test_vcard_round_trip_gives_the_same_contacts(db, op_id, tmp_path):
    _fill(db, op_id)
    with db.session() as session:
        exported = export_vcard(session, operation_id=op_id)
    other = Database.open(resolve_profile(tmp_path / "other"))
    with other.transaction() as session:
        op = Operation(name="Flood Kisumu", code="KSM", country="KEN")
        session.add(op)
        session.flush()
        other_op = op.id
    preview, result = _import(other, exported, other_op)
    assert (len(preview.to_add), preview.matches, preview.rejected) == (2, [], [])
    assert preview.new_organisations == ["World Food Programme; Kenya, office"]
    assert [replace(p, is_global=False) for p in _people(other, other_op)] == [
        replace(p, is_global=False) for p in _people(db, op_id)]
    other.close()


def test_exported_vcard_is_version_4_and_vobject_reads_it(db, op_id):
    _fill(db, op_id)
    with db.session() as session:
        exported = export_vcard(session, operation_id=op_id).decode()
    cards = list(vobject.readComponents(exported))
    assert [card.version.value for card in cards] == ["4.0", "4.0"]
    assert cards[0].fn.value == "Amina Ñ Diallo"
    assert all(len(line.encode()) <= 75 for line in exported.split("\r\n"))


def test_reimporting_an_export_matches_every_contact(db, op_id):
    _fill(db, op_id)
    with db.session() as session:
        exported = export_vcard(session, operation_id=op_id)
    preview, result = _import(db, exported, op_id)
    assert preview.to_add == []
    assert {m.matched_on for m in preview.matches} == {"the same id"}
    assert _count(db) == 2


VCARD_3 = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Mensah;Kwame;;;\r\nFN:Kwame Mensah\r\n"
    "ORG:Kenya Red Cross;Logistics\r\nTITLE:Warehouse lead\r\n"
    "TEL;TYPE=CELL:0722 000111\r\nTEL;TYPE=WORK,VOICE:+254 20 123 4567\r\n"
    "EMAIL;TYPE=INTERNET:kwame@redcross.or.ke\r\nNOTE:Speaks Swahili\\, English\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\n SkZJRgABAQ\r\nEND:VCARD\r\n"
)
VCARD_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
    "TEL;CELL;VOICE:+41 79 123 45 67\r\nEND:VCARD\r\n"
)


def test_vcard_3_and_2_1_are_read(db, op_id):
    preview, _ = _import(db, (VCARD_3 + VCARD_21).encode(), op_id)
    first, second = (row.data for row in preview.to_add)
    assert (first.given_name, first.family_name, first.role) == ("Kwame", "Mensah",
                                                                 "Warehouse lead")
    assert first.phones == [Phone("mobile", "+254722000111"),
                            Phone("office", "+254201234567")]
    assert first.notes == "Speaks Swahili, English"
    assert preview.to_add[0].organisation == "Kenya Red Cross"
    assert (second.given_name, second.family_name) == ("Jürgen", "Müller")


HXL_CSV = (
    "Name,Organisation,Phone,Sat phone,E-mail,Sector,Location\n"
    "#contact+name,#org+name,#contact+phone,#contact+phone+satellite,#contact+email,#sector,"
    "#loc\n"
    "Amina Diallo,WFP,0712 345678,+881631415926,amina@wfp.org,Logistics,Kisumu\n"
    "Jean Dupont,Kenya Defence Forces,+254 722 000 111,,,Protection,Nairobi\n"
)


def test_csv_with_hxl_row_maps_columns_by_hashtag(db, op_id):
    preview, result = _import(db, HXL_CSV.encode(), op_id)
    assert [row.name for row in preview.to_add] == ["Amina Diallo", "Jean Dupont"]
    amina = preview.to_add[0].data
    assert amina.phones == [Phone("mobile", "+254712345678"),
                            Phone("satellite", "+881631415926")]
    assert (amina.location, amina.notes) == ("Kisumu", "Sector: Logistics")
    assert result.added == 2
    with db.session() as session:
        names = set(session.scalars(select(Organisation.name)))
    assert names == {"WFP", "Kenya Defence Forces"}


def test_hashtags_decide_even_when_header_texts_are_foreign(db, op_id):
    text = "Nom,Téléphone\n#contact+name,#contact+phone+office\nAmina Diallo,020 1234567\n"
    preview, _ = _import(db, text.encode(), op_id)
    assert preview.to_add[0].data.phones == [Phone("office", "+254201234567")]


def test_bom_semicolons_excel_quoting_are_accepted(db, op_id):
    text = ('sep=;\r\n"Given name";"Family name";"Role";"E-mail"\r\n'
            '"Amina";"Diallo";"Logistics; air ""ops""\r\nsecond line";"amina@wfp.org"\r\n'
            'Jean;Dupont;;\r\n')
    preview, _ = _import(db, b"\xef\xbb\xbf" + text.encode(), op_id)
    assert [row.name for row in preview.to_add] == ["Amina Diallo", "Jean Dupont"]
    assert preview.to_add[0].data.role == 'Logistics; air "ops"\r\nsecond line'


def test_windows_1252_text_is_accepted(db, op_id):
    text = "Name;Organisation\nÉlodie Sécurité;Médecins Sans Frontières\n"
    preview, _ = _import(db, text.encode("cp1252"), op_id)
    assert preview.to_add[0].name == "Élodie Sécurité"
    assert preview.to_add[0].organisation == "Médecins Sans Frontières"


def test_utf16_excel_unicode_text_is_accepted(db, op_id):
    preview, _ = _import(db, "Name\tE-mail\nAmina\ta@b.org\n".encode("utf-16"), op_id)
    assert preview.to_add[0].data.emails == ["a@b.org"]


def test_bad_rows_are_rejected_with_line_and_reason_others_imported(db, op_id):
    text = ("Name,E-mail,Phone\nAmina Diallo,amina@wfp.org,\n,nobody@x.org,\n"
            "Jean Dupont,not-an-email,\nKwame,,12 ext 5\n")
    preview, result = _import(db, text.encode(), op_id)
    assert preview.rejected == []  # each keeps what it can, and says what it could not
    assert [row.name for row in preview.to_add] == ["Amina Diallo", "Nobody", "Jean Dupont",
                                                    "Kwame"]
    assert [[w.kind for w in row.warnings] for row in preview.to_add] == [
        [], [WarningKind.NAME_MADE], [WarningKind.VALUE_DROPPED], []]
    assert preview.to_add[2].data.emails == []
    assert preview.to_add[3].data.phones == [Phone("mobile", "12 ext 5", valid=False)]
    assert result.added == 4


def test_exported_csv_imports_back(db, op_id):
    _fill(db, op_id)
    with db.session() as session:
        exported = export_contacts_csv(session, operation_id=op_id)
    assert exported.startswith(b"\xef\xbb\xbf")
    assert b"'+254712345678" in exported  # Excel would read +254… as a formula
    with db.transaction() as session:
        session.execute(Contact.__table__.update().values(deleted=True))
    preview, _ = _import(db, exported, op_id)
    assert preview.rejected == []
    amina = next(row for row in preview.to_add if row.data.family_name == "Diallo")
    assert amina.data.phones[0] == Phone("mobile", "+254712345678")
    assert amina.data.emails == ["amina@wfp.org", "a.diallo@un.org"]
    assert amina.org_type == "un_agency"


# --- matches -------------------------------------------------------------------------------

def _existing(db, op_id) -> str:
    with db.transaction() as session:
        return create_contact(session, ContactInput(
            given_name="Amina", family_name="Diallo", emails=["amina@wfp.org"],
            phones=[Phone("mobile", "+254712345678")]), operation_id=op_id).id


def test_same_email_or_phone_is_a_match_merged_by_default(db, op_id):
    existing = _existing(db, op_id)
    text = ("Name,E-mail,Phone,Role\nA. Diallo,AMINA@wfp.org,,Logistics\n"
            "Amina D,,0712 345 678,\nAmina D,amina.d@un.org,0712 345 678,\n")
    preview, result = _import(db, text.encode(), op_id)
    assert [(m.line, m.matched_on, m.existing_id) for m in preview.matches] == [
        (2, "e-mail AMINA@wfp.org", existing), (3, "phone +254712345678", existing),
        (4, "phone +254712345678", existing)]
    assert (result.added, result.merged) == (0, 3)
    with db.session() as session:
        merged = session.get(Contact, existing)
    assert (merged.given_name, merged.role) == ("Amina", "Logistics")  # nothing overwritten
    assert merged.emails == ["amina@wfp.org", "amina.d@un.org"]
    assert _count(db) == 1


def test_skip_choice_leaves_the_contact_alone(db, op_id):
    existing = _existing(db, op_id)
    text = "Name,E-mail,Role\nA. Diallo,amina@wfp.org,Logistics\n"
    preview, result = _import(db, text.encode(), op_id, choices={2: "skip"})
    assert (result.merged, result.skipped) == (0, 1)
    with db.session() as session:
        assert session.get(Contact, existing).role == ""


def test_a_row_repeating_an_earlier_row_merges_into_it(db, op_id):
    text = "Name,E-mail,Phone\nAmina Diallo,amina@wfp.org,\nAmina,amina@wfp.org,0712345678\n"
    preview, result = _import(db, text.encode(), op_id)
    assert [(m.line, m.earlier_line) for m in preview.matches] == [(3, 2)]
    assert (result.added, result.merged) == (1, 1)
    with db.session() as session:
        (contact,) = session.scalars(select(Contact)).all()
    assert contact.phones == [{"kind": "mobile", "number": "+254712345678", "valid": True}]


def test_preview_writes_nothing(db, op_id):
    with db.transaction() as session:
        preview_import(session, HXL_CSV.encode(), operation_id=op_id)
    assert _count(db) == 0


def test_cancelled_apply_imports_nothing(db, op_id):
    rows = "".join(f"Person {n},p{n}@x.org\n" for n in range(600))
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled), db.transaction() as session:
        preview = preview_import(session, f"Name,E-mail\n{rows}".encode(), operation_id=op_id)
        apply_import(session, preview, {}, progress=progress)
    assert _count(db) == 0


# --- files that cannot be imported -----------------------------------------------------------

@pytest.mark.parametrize(("content", "line", "reason"), [
    (b"Role,Location\nLogistics,Kisumu\n", 1, "no name column"),
    (b"Name,E-mail\nAmina,a@b.org\n\"Jean,j@b.org\nKwame,k@b.org\n", 3, "never closed"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 3, "binary data"),
    (bytes(range(1, 9)) * 40, 1, "binary data"),
    (b"", 1, "empty"),
])
def test_malformed_file_names_line_and_reason_and_imports_nothing(db, op_id, content, line,
                                                                  reason):
    with pytest.raises(ImportFileError) as raised, db.transaction() as session:
        preview_import(session, content, operation_id=op_id)
    assert raised.value.line == line
    assert reason in raised.value.message
    assert raised.value.message.startswith(f"Line {line}: ")
    assert _count(db) == 0


@pytest.mark.parametrize(("content", "added", "rejected", "warned"), [
    # a byte no encoding explains: the file is read in the likeliest one, and says so
    (b"Name,E-mail\nAmina,a@b.org\n\x81\x8d\xff broken,x@y.org\n", [2, 3], [],
     [(0, WarningKind.ENCODING_GUESSED)]),
    (b"Name,E-mail,Role\nAmina,a@b.org,Log\nJean,j@b.org\nofficer,,\n", [2, 4], [3], []),
    (b'Name,E-mail\nAmina "Ami" Diallo,a@b.org\n"Jean"x,j@b.org\n', [2], [3], []),
    (b"BEGIN:VCARD\nVERSION:3.0\nFN:Amina\nthis is not a property\nEND:VCARD\n", [1], [],
     [(4, WarningKind.SKIPPED_LINE)]),
    (b"BEGIN:VCARD\nVERSION:3.0\nFN:Amina\nEND:VCARD\nBEGIN:VCARD\nFN:Jean\n", [1, 5], [],
     [(5, WarningKind.SKIPPED_LINE)]),
])
def test_a_partly_broken_file_keeps_what_can_be_read_and_says_what_not(db, op_id, content,
                                                                      added, rejected, warned):
    with db.session() as session:
        preview = preview_import(session, content, operation_id=op_id)
    assert [row.line for row in preview.to_add] == added
    assert [row.line for row in preview.rejected] == rejected
    assert [(w.line, w.kind) for w in preview.warnings] == warned
    assert all(reads_as_a_sentence(r.reason) for r in preview.rejected)


def test_file_over_50_mb_is_refused_before_reading(db, op_id, tmp_path: Path):
    big = tmp_path / "huge.csv"
    with big.open("wb") as out:
        out.write(b"Name,E-mail\n")
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(ImportFileError, match="over 50 MB") as raised, \
            db.transaction() as session:
        preview_import(session, big, operation_id=op_id)
    assert "50.0 MB" not in raised.value.message  # the size must not look like the limit
    with pytest.raises(ImportFileError, match="over 50 MB"), db.transaction() as session:
        preview_import(session, b"x" * (MAX_BYTES + 1), operation_id=op_id)
    assert _count(db) == 0


def test_unreadable_path_is_a_clear_error(db, op_id, tmp_path: Path):
    with pytest.raises(ImportFileError, match="cannot be read"), db.transaction() as session:
        preview_import(session, tmp_path / "missing.vcf", operation_id=op_id)


def _many_rows_csv(n: int) -> bytes:
    rows = [f"Person{i},Tester,person{i}@example.org" for i in range(n)]
    return ("Given name,Family name,Email\n" + "\n".join(rows) + "\n").encode()


def test_reading_a_long_file_reports_progress_to_the_last_line(db, op_id):
    reports: list[tuple[int, int, str]] = []
    with db.session() as session:
        preview = preview_import(session, _many_rows_csv(1000), operation_id=op_id,
                                 progress=Progress(on_report=lambda *r: reports.append(r)))
    assert len(preview.to_add) == 1000
    assert len(reports) >= 5
    assert [done for done, _, _ in reports] == sorted(done for done, _, _ in reports)
    assert reports[-1][0] == reports[-1][1]


def test_reading_stops_when_the_officer_cancels(db, op_id):
    started: list[Progress] = []
    progress = Progress(on_report=lambda *_report: started[0].cancel())  # at the first report
    started.append(progress)
    with db.session() as session, pytest.raises(Cancelled):
        preview_import(session, _many_rows_csv(1000), operation_id=op_id, progress=progress)


def test_the_name_as_written_goes_out_as_fn_and_comes_back(db, op_id, make_operation):
    with db.transaction() as session:
        create_contact(session, ContactInput(given_name="David", family_name="Cohen",
                                             full_name="דוד כהן"), operation_id=op_id)
        exported = export_vcard(session, operation_id=op_id)
    card = vobject.readOne(exported.decode())
    assert (card.fn.value, card.n.value.family, card.n.value.given) == (
        "דוד כהן", "Cohen", "David")
    other = make_operation("Cyclone Ana", "CYA", "MOZ").id
    with db.session() as session:
        (row,) = preview_import(session, exported, operation_id=other).to_add
    assert (row.data.full_name, row.data.given_name, row.data.family_name) == (
        "דוד כהן", "David", "Cohen")

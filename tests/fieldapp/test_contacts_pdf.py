"""The contact sheet PDF: grouped by organisation type, header, page x of y, readable."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from fieldapp.models import Operation
from fieldapp.pdf.common import register_fonts
from fieldapp.pdf.contacts import contact_sheet_pdf
from fieldapp.pdf.scripts import string_width
from fieldapp.pdf.wrapping import address_lines
from fieldapp.services.contacts import ContactInput, Phone, create_contact, create_organisation


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_sheet_groups_contacts_and_prints_numbers_readably(db):
    with db.transaction() as session:
        op = Operation(name="Flood Kisumu", code="KSM", country="KEN")
        session.add(op)
        session.flush()
        wfp = create_organisation(session, name="World Food Programme", acronym="WFP",
                                  org_type="un_agency", operation_id=op.id)
        kdf = create_organisation(session, name="Kenya Defence Forces", acronym="KDF",
                                  org_type="national_military", operation_id=op.id)
        create_contact(session, ContactInput(
            given_name="Jean", family_name="Dupont", organisation_id=kdf.id,
            role="Liaison officer", call_sign="Papa One",
            phones=[Phone("mobile", "0712 345678"), Phone("radio", "VHF ch 16")]),
            operation_id=op.id)
        create_contact(session, ContactInput(
            given_name="Amina", family_name="Diallo", organisation_id=wfp.id, favourite=True,
            emails=["amina@wfp.org"], phones=[Phone("satellite", "+881631415926"),
                                              Phone("office", "12 ext 5")]),
            operation_id=op.id)
        create_contact(session, ContactInput(given_name="Lone", family_name="Ranger",
                                             is_global=True), operation_id=op.id)
        pdf = contact_sheet_pdf(session, operation_id=op.id, printed_on=date(2026, 3, 1))
    pages, text = _text(pdf)
    assert pages == 1
    assert "Contact sheet — Flood Kisumu" in text
    assert "printed 2026-03-01" in text
    assert "Page 1 of 1" in text
    assert text.index("UN agency (1)") < text.index("National military (1)") < text.index(
        "No organisation (1)")
    assert "M +254 712 345678" in text
    assert "S +881 6 314 15926" in text
    assert "O 12 ext 5 (?)" in text
    assert "R VHF ch 16" in text
    assert "Papa One" in text
    assert "amina@wfp.org" in text


def test_many_contacts_fit_on_few_numbered_pages(db, tmp_path):
    with db.transaction() as session:
        op = Operation(name="Cyclone Ana", code="CYA", country="MOZ")
        session.add(op)
        session.flush()
        ngo = create_organisation(session, name="Oxfam", org_type="ngo", operation_id=op.id)
        for number in range(200):
            create_contact(session, ContactInput(
                given_name=f"Person{number:03d}", family_name="Tester", organisation_id=ngo.id,
                role="Logistics officer", emails=[f"p{number}@oxfam.org"],
                phones=[Phone("mobile", f"82 123 4{number:03d}")]), operation_id=op.id)
        target = tmp_path / "sheet.pdf"
        assert contact_sheet_pdf(session, operation_id=op.id, target=target) is None
    pages, text = _text(target.read_bytes())
    assert pages <= 5
    assert f"Page {pages} of {pages}" in text
    assert "Person199 Tester" in text


def test_empty_operation_prints_a_sentence(db):
    with db.transaction() as session:
        op = Operation(name="Quiet", code="QUI", country="FRA")
        session.add(op)
        session.flush()
        pdf = contact_sheet_pdf(session, operation_id=op.id)
    assert "No contacts yet" in _text(pdf)[1]


def _sheet_with(db, *, name: str = "Flood", **contact) -> bytes:
    with db.transaction() as session:
        op = Operation(name=name, code="KAL", country="KEN")
        session.add(op)
        session.flush()
        create_contact(session, ContactInput(given_name="Jean", family_name="Dupont", **contact),
                       operation_id=op.id)
        return contact_sheet_pdf(session, operation_id=op.id)


def test_a_long_operation_name_prints_whole_in_smaller_type_above_the_legend(db):
    name = "Tropical Cyclone Kalindra response and the floods that followed it in 2026"
    _, text = _text(_sheet_with(db, name=name))
    lines = text.splitlines()
    assert f"Contact sheet — {name}" in lines
    assert lines[lines.index(f"Contact sheet — {name}") + 1].startswith("1 contact · printed")


def test_only_an_absurdly_long_operation_name_is_cut(db):
    name = "Tropical Cyclone Kalindra response and the floods that followed it, " * 3
    _, text = _text(_sheet_with(db, name=name.strip()))
    header = next(line for line in text.splitlines() if line.startswith("Contact sheet — "))
    assert header.startswith("Contact sheet — Tropical Cyclone Kalindra")
    assert header.endswith("…")
    assert "1 contact · printed" in text


def test_sheet_prints_in_the_language_asked(db):
    with db.transaction() as session:
        op = Operation(name="Flood Kisumu", code="KSM", country="KEN")
        session.add(op)
        session.flush()
        create_contact(session, ContactInput(given_name="Jean", family_name="Dupont"),
                       operation_id=op.id)
        pdf = contact_sheet_pdf(session, operation_id=op.id, lang="fr")
    pages, text = _text(pdf)
    assert pages == 1
    assert "Fiche des contacts — Flood Kisumu" in text
    assert "1 contact" in text


def test_long_role_and_organisation_wrap_instead_of_being_cut(db):
    role = "Deputy head of the joint civil-military logistics coordination cell (north)"
    _, text = _text(_sheet_with(db, role=role))
    assert role in " ".join(text.split())


def test_e_mail_addresses_break_only_after_at_dot_or_hyphen(db):
    address = "p.raghunathan-logistics.coordinator@humanitarian-response.example.org"
    _, text = _text(_sheet_with(db, emails=[address, "short@wfp.org"]))
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("p.raghunathan"))
    end = next(n for n in range(first, len(lines)) if lines[n].endswith(".org"))
    pieces = lines[first:end + 1]
    assert "".join(pieces) == address
    assert len(pieces) > 1  # the column is narrower than the address
    assert all(piece[-1] in "@.-" for piece in pieces[:-1])
    assert "short@wfp.org" in lines


def test_address_lines_break_at_sensible_points_and_only_where_needed():
    register_fonts()
    width = string_width("logcluster.marovia@", "DejaVuSans", 10)
    assert address_lines("logcluster.marovia@wfp.example", font="DejaVuSans", size=10,
                         width=width) == ["logcluster.marovia@", "wfp.example"]
    assert address_lines("a@b.org", font="DejaVuSans", size=10, width=width) == ["a@b.org"]
    assert address_lines("https://reliefweb.int/updates?view=maps", font="DejaVuSans",
                         size=10, width=width) == ["https://reliefweb.int/", "updates?view=",
                                                   "maps"]


def test_a_piece_wider_than_the_column_is_the_only_thing_cut_between_letters():
    register_fonts()
    width = string_width("abcdefgh", "DejaVuSans", 10)
    assert address_lines("abcdefghijklmnop@x.org", font="DejaVuSans", size=10,
                         width=width) == ["abcdefgh", "ijklmnop", "@x.org"]

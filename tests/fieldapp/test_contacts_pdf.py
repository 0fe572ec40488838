"""The contact sheet PDF: grouped by organisation type, header, page x of y, readable."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from fieldapp.models import Operation
from fieldapp.pdf.contacts import contact_sheet_pdf
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


def test_a_long_operation_name_is_shortened_rather_than_printed_over_the_legend(db):
    long_name = "Tropical Cyclone Kalindra response and the floods that followed it, " * 2
    with db.transaction() as session:
        op = Operation(name=long_name.strip(), code="KAL", country="KEN")
        session.add(op)
        session.flush()
        create_contact(session, ContactInput(given_name="Jean", family_name="Dupont"),
                       operation_id=op.id)
        pdf = contact_sheet_pdf(session, operation_id=op.id)
    _, text = _text(pdf)
    header = next(line for line in text.splitlines() if line.startswith("Contact sheet — "))
    assert header.startswith("Contact sheet — Tropical Cyclone Kalindra")
    assert "…" in header
    assert "followed it, Tropical" not in header
    assert "1 contacts · printed" in text

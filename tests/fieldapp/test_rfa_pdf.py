"""The RFA form and log as PDF (read back with pypdf) and the log as CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfbase import pdfmetrics

from fieldapp.errors import Cancelled
from fieldapp.i18n import language
from fieldapp.models import Contact, Organisation, utcnow
from fieldapp.pdf.common import register_fonts
from fieldapp.pdf.rfa import chunks, load_rfa_document, rfa_pdf
from fieldapp.pdf.rfa_log import export_log, load_log, log_csv, log_pdf
from fieldapp.pdf.wrapping import plain_lines
from fieldapp.progress import Progress
from fieldapp.services import rfa as service
from fieldapp.services.operations import OperationInput, create_operation
from fieldapp.services.rfa import RfaFilter, RfaInput
from fieldapp.services.settings import save_officer

JUSTIFICATION = ("Roads and the port are cut; only helicopters can reach the island before "
                 "stocks run out in 48 hours.")


@pytest.fixture
def op_id(db) -> str:
    with db.transaction() as session:
        operation = create_operation(session, OperationInput("Cyclone Mara", "MYC", "Mozambique"))
        operation.hc_rc = "Jeanne Dupré"
        operation.timezone = "Africa/Maputo"
    return operation.id


def _draft(db, op_id: str, **changes) -> str:
    with db.transaction() as session:
        org = Organisation(name="Médecins Sans Frontières", acronym="MSF", operation_id=op_id)
        session.add(org)
        session.flush()
        person = Contact(given_name="Иван", family_name="Петров", role="Logistics",
                         organisation_id=org.id, operation_id=op_id)
        session.add(person)
        session.flush()
        now = utcnow()
        values = dict(
            requesting_org_id=org.id, contact_id=person.id, capability="airlift_helicopter",
            cluster="Health", title="Airlift of cholera kits to Isla Verde",
            task_description="Fly 4 t of cholera kits from Port Selvane to Isla Verde.",
            from_place="Port Selvane", to_place="Isla Verde", required_from=now + timedelta(days=1),
            required_until=now + timedelta(days=2), cargo_tonnes=4.0, passengers=6,
            priority="life_saving", civilian_means_tried="UNHAS fully booked.",
            last_resort_justification=JUSTIFICATION, security_considerations="No escort.",
        ) | changes
        return service.create_draft(session, operation_id=op_id, data=RfaInput(**values),
                                    by="Officer Amélie").id


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _pdf(db, rfa_id: str, page_size: str = "A4") -> bytes:
    with db.session() as session:
        return rfa_pdf(load_rfa_document(session, rfa_id), page_size=page_size)


def test_form_prints_reference_fields_accents_cyrillic_and_justification(db, op_id):
    rfa_id = _draft(db, op_id)
    with db.transaction() as session:
        service.transition(session, rfa_id, "submitted", by="Officer Amélie", comment="Ready")
        reference = service.get_rfa(session, rfa_id).reference
    text = _text(_pdf(db, rfa_id))
    for expected in (reference, "Request for Assistance", "Cyclone Mara (MYC)",
                     "Médecins Sans Frontières", "Иван Петров", "Airlift (helicopter)",
                     "LIFE-SAVING", "Isla Verde", "6 passengers; 4 t cargo", "UNHAS fully booked",
                     "only helicopters can reach", "Submitted for validation", "Ready",
                     "Requesting organisation", "UN-CMCoord officer", "Validation by the HC/RC",
                     "Jeanne Dupré", "Page 1 of"):
        assert expected in text, expected


def test_form_prints_in_the_language_asked_and_leaves_the_app_language_alone(db, op_id):
    rfa_id = _draft(db, op_id, cargo_tonnes=12.5)
    with db.session() as session:
        french = rfa_pdf(load_rfa_document(session, rfa_id, lang="fr"), lang="fr")
    assert len(PdfReader(io.BytesIO(french)).pages) >= 1
    assert "12,5 t" in _text(french)  # numbers as French writes them
    text = " ".join(_text(french).split())
    for label in ("Demande d'assistance", "Dernier recours", "Brouillon", "Priorité",
                  "Page 1 sur"):
        assert label in text, label
    assert "Last resort" not in text
    with db.session() as session:
        spanish = rfa_pdf(load_rfa_document(session, rfa_id, lang="es"), lang="es")
    text = " ".join(_text(spanish).split())
    for label in ("Solicitud de asistencia", "Último recurso", "Borrador", "Prioridad"):
        assert label in text, label
    assert language() == "en"
    assert "12.5 t" in _text(_pdf(db, rfa_id))


def test_log_prints_and_exports_in_the_language_asked(db, op_id, tmp_path):
    _draft(db, op_id)
    with db.session() as session:
        french = log_pdf(load_log(session, operation_id=op_id), lang="fr")
        target = export_log(session, tmp_path / "log.csv", operation_id=op_id, lang="es")
    assert len(PdfReader(io.BytesIO(french)).pages) == 1
    assert "Registre des RFA" in _text(french)
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert len(lines) == 3
    assert "Referencia" in lines[0]  # the headers in Spanish, the HXL row as it is
    assert lines[1].startswith("#")
    assert "Borrador" in lines[2]
    assert language() == "en"


def test_form_shows_times_in_the_operation_zone(db, op_id):
    rfa_id = _draft(db, op_id)
    assert "(UTC+02:00)" in _text(_pdf(db, rfa_id))  # Africa/Maputo


def test_long_text_flows_onto_more_pages_with_page_numbers(db, op_id):
    rfa_id = _draft(db, op_id, task_description="A long task description sentence. " * 900,
                    last_resort_justification=JUSTIFICATION * 60)
    data = _pdf(db, rfa_id)
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) > 2
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1].extract_text()


def test_control_characters_markup_and_50k_characters_do_not_break_it(db, op_id):
    nasty = "Bad \x00\x07\x1b bytes <b>not bold</b> & <para> " + "x" * 50_000
    rfa_id = _draft(db, op_id, remarks=nasty, title="Title \x0b with <tags>",
                    security_considerations="word " * 10_000)
    text = _text(_pdf(db, rfa_id))
    assert "<b>not bold</b> &" in text
    assert "with <tags>" in text
    assert "\x00" not in text


def test_letter_and_a4_page_sizes(db, op_id):
    rfa_id = _draft(db, op_id)
    a4 = PdfReader(io.BytesIO(_pdf(db, rfa_id, "A4"))).pages[0].mediabox
    letter_box = PdfReader(io.BytesIO(_pdf(db, rfa_id, "Letter"))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == tuple(round(v) for v in A4)
    assert (round(float(letter_box.width)), round(float(letter_box.height))) == tuple(
        round(v) for v in letter)


def test_chunks_split_long_paragraphs_at_spaces_and_keep_every_word():
    text = "alpha beta " * 300 + "\n\nsecond paragraph"
    pieces = chunks(text, 200)
    assert max(len(piece) for piece in pieces) <= 200
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())


def _log_fixture(db, op_id: str) -> None:
    _draft(db, op_id, title="Water trucking to Anstrel", priority="other")
    past = utcnow() - timedelta(days=3)
    _draft(db, op_id, title="Late airlift", required_from=past - timedelta(days=1),
           required_until=past)


def test_log_pdf_lists_filtered_rows_with_filter_in_header(db, op_id):
    _log_fixture(db, op_id)
    where = RfaFilter(priorities=("life_saving",))
    with db.session() as session:
        text = _text(log_pdf(load_log(session, operation_id=op_id, where=where)))
        landscape_box = PdfReader(io.BytesIO(log_pdf(load_log(
            session, operation_id=op_id)))).pages[0].mediabox
    assert "Priority: life-saving" in text
    assert "Late airlift" in text
    assert "(OVERDUE)" in text
    assert "! LIFE-SAVING" in text
    assert "Water trucking" not in text
    assert float(landscape_box.width) == pytest.approx(landscape(A4)[0])


def test_log_pdf_splits_many_rows_over_pages(db, op_id):
    with db.transaction() as session:
        for number in range(450):
            service.create_draft(session, operation_id=op_id, by="A",
                                 data=RfaInput(title=f"Request number {number}"))
    with db.session() as session:
        data = log_pdf(load_log(session, operation_id=op_id))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 5
    assert "Request number 449" in reader.pages[-1].extract_text()
    assert "Reference" in reader.pages[-1].extract_text()  # header row repeats


def test_log_csv_has_bom_header_hxl_row_and_rows(db, op_id, tmp_path):
    _log_fixture(db, op_id)
    target = tmp_path / "log.csv"
    reports: list[tuple[int, int, str]] = []
    progress = Progress(lambda done, total, message: reports.append((done, total, message)))
    with db.session() as session:
        export_log(session, target, operation_id=op_id, where=RfaFilter(text="airlift"),
                   progress=progress)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:7] == ["Reference", "Title", "Requester", "Cluster", "Capability",
                           "Priority", "Status"]
    assert rows[1][0] == "#activity+id"
    assert all(tag.startswith("#") for tag in rows[1])
    titles = {row[1] for row in rows[2:]}
    assert titles == {"Late airlift"}  # "Water trucking" does not mention airlift
    late = next(row for row in rows[2:] if row[1] == "Late airlift")
    assert late[2] == "Médecins Sans Frontières"
    assert late[9] == "yes"
    assert reports[0] == (1, 2, "Reading requests")  # the one matching request was read
    assert reports[-1] == (1, 1, "Saving the file")  # the bar ends full, not half-way


def test_log_export_stops_when_cancelled_and_leaves_no_file(db, op_id, tmp_path):
    _log_fixture(db, op_id)
    progress = Progress()
    progress.cancel()
    out = tmp_path / "out"
    out.mkdir()
    with db.session() as session, pytest.raises(Cancelled):
        export_log(session, out / "log.pdf", operation_id=op_id, progress=progress)
    assert list(out.iterdir()) == []


def test_empty_log_says_so(db, op_id):
    with db.session() as session:
        text = _text(log_pdf(load_log(session, operation_id=op_id,
                                      where=RfaFilter(text="nothing"))))
        assert "No requests match" in text
        assert log_csv(load_log(session, operation_id=op_id)).count(b"\r\n") == 2


def test_contact_e_mails_and_grouped_phones_print_whole_on_one_line(db, op_id):
    rfa_id = _draft(db, op_id)
    with db.transaction() as session:
        person = session.get(Contact, service.get_rfa(session, rfa_id).contact_id)
        person.emails = ["p.raghunathan@wfp.example", "logcluster.marovia@wfp.example"]
        person.phones = [{"kind": "mobile", "number": "+258821234567", "valid": True},
                         {"kind": "office", "number": "+258212345678", "valid": True}]
    lines = _text(_pdf(db, rfa_id)).splitlines()
    assert "p.raghunathan@wfp.example, logcluster.marovia@wfp.example" in lines
    assert "mobile +258 82 123 4567 · office +258 21 234 5678" in lines  # grouped for radio


def _page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_un_cmcoord_officer_block_prints_the_profile_officer(db, op_id):
    rfa_id = _draft(db, op_id)
    with db.transaction() as session:
        save_officer(session, name="Amélie Rousseau", organisation="OCHA Maputo")
    lines = _text(_pdf(db, rfa_id)).splitlines()
    signatures = lines[lines.index("Signatures"):]
    officer = signatures.index("UN-CMCoord officer")
    validation = signatures.index("Validation by the HC/RC")
    # Blocks print side by side; each one's name and organisation follow its title.
    block = " ".join(signatures[officer:validation])
    assert "Name Amélie Rousseau Organisation OCHA Maputo Date" in block
    requesting = " ".join(signatures[:officer])  # a long name wraps in its narrow column
    assert "Organisation Médecins Sans Frontières (MSF) Date" in requesting


@pytest.mark.parametrize("lines", range(0, 64, 3))
def test_signatures_never_stand_alone_on_a_page(db, op_id, lines):
    rfa_id = _draft(db, op_id, remarks="\n".join(f"Remark line {n}" for n in range(lines)))
    with db.transaction() as session:
        service.transition(session, rfa_id, "submitted", by="Officer", comment="Last entry")
    pages = _page_texts(_pdf(db, rfa_id))
    page = next(text for text in pages if "Signatures" in text)
    assert "Last entry" in page  # the end of the history comes with the signatures
    assert page.index("Last entry") < page.index("Signatures") < page.index("Validation by")


def test_log_wraps_long_titles_requesters_and_status_instead_of_cutting_them(db, op_id):
    title = ("Airlift of cholera kits and water purification units from Port Selvane to the "
             "three island clinics before the rains")
    rfa_id = _draft(db, op_id, title=title)
    with db.transaction() as session:
        service.transition(session, rfa_id, "submitted", by="Officer")
    with db.session() as session:
        text = " ".join(_text(log_pdf(load_log(session, operation_id=op_id))).split())
    assert title in text
    assert "Médecins Sans Frontières" in text
    assert "Submitted for validation" in text
    assert "…" not in text


def test_log_cells_wrap_at_spaces_and_cut_only_a_word_longer_than_the_column():
    register_fonts()
    width = pdfmetrics.stringWidth("Airlift of cholera", "DejaVuSans", 7)
    assert plain_lines("Airlift of cholera kits to Isla", font="DejaVuSans", size=7,
                       width=width) == ["Airlift of cholera", "kits to Isla"]
    lines = plain_lines("Supercalifragilisticexpialidocious-airlift now", font="DejaVuSans",
                        size=7, width=width)
    assert len(lines) >= 3
    assert "".join(lines) == "Supercalifragilisticexpialidocious-airlift now"  # every letter
    assert lines[-1].endswith("-airlift now")  # the word's end shares a line with the next
    assert all(pdfmetrics.stringWidth(line, "DejaVuSans", 7) <= width for line in lines)

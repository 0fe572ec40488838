"""Printing sends vector pages: the PDF itself to a PDF printer or to CUPS, and only when
that cannot be, pages rendered in thin bands at the printer's resolution; the officer is
told where the pages went."""

from __future__ import annotations

import io
import os
import stat
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4

from fieldapp.pdf.rfa import HistoryLine, RfaDocument, rfa_pdf
from fieldapp.services import rfa as service
from fieldapp.services.rfa import RfaInput
from ui.screens.rfa import RfaScreen
from ui.widgets.pdf_preview import cups_options, print_pdf, send_to_cups

NOON = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def two_pages() -> bytes:
    doc = RfaDocument(
        operation_name="Cyclone Mara", operation_code="MYC", timezone="UTC", hc_rc="J. Dupré",
        reference="MYC-RFA-0001", status="submitted", printed_at=NOON,
        values={"title": "Airlift of cholera kits", "priority": "routine",
                "remarks": "\n".join(f"Remark {n}" for n in range(30))},
        history=[HistoryLine(NOON, "", "draft", "A", "Created")])
    data = rfa_pdf(doc)
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    return data


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def _images(page) -> list[tuple[int, int]]:
    """(width, height) of each image the page draws."""
    xobjects = page["/Resources"].get("/XObject", {})
    return [(int(x.get_object()["/Width"]), int(x.get_object()["/Height"]))
            for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]


def test_a_pdf_printer_gets_the_vector_pages_themselves(qtbot, qapp, tmp_path, two_pages):
    out = tmp_path / "printed.pdf"
    sent = print_pdf(two_pages, _pdf_printer(out), None)
    assert sent == (2, str(out), True)
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=1)
        assert _images(page) == []  # text and lines, no bitmap
    assert "Remark 29" in reader.pages[1].extract_text()


def test_a_page_range_is_rendered_in_thin_bands_never_a_page_sized_bitmap(qtbot, qapp,
                                                                         tmp_path, two_pages):
    out = tmp_path / "page2.pdf"
    printer = _pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    sent = print_pdf(two_pages, printer, None)
    assert sent.pages == 1
    assert not sent.vector
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
    images = _images(page)
    full_height = round(A4[1] / 72 * 600)  # rendered at 600 dpi, not the PDF engine's 1200
    assert len(images) > 4
    assert all(width == round(A4[0] / 72 * 600) for width, _ in images)
    assert all(height <= full_height / 4 for _, height in images)
    assert sum(height for _, height in images) == full_height  # the bands make up the page
    xobjects = page["/Resources"]["/XObject"].values()
    assert not any("/SMask" in x.get_object() for x in xobjects)  # white paper, not see-through


@pytest.fixture
def fake_lp(tmp_path, monkeypatch):
    """An `lp` on PATH that records its arguments and the job (as CUPS would receive it)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "lp"
    script.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/args\ncat > {tmp_path}/job\n'
                      'exit "${LP_EXIT:-0}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def test_cups_receives_the_pdf_itself_with_copies_and_page_range(fake_lp, two_pages):
    assert send_to_cups(two_pages, printer_name="Office", copies=2, title="MYC-RFA-0001",
                        pages=(2, 2))
    assert (fake_lp / "job").read_bytes() == two_pages
    assert (fake_lp / "args").read_text().split() == [
        "-s", "-n", "2", "-d", "Office", "-t", "MYC-RFA-0001", "-o", "page-ranges=2-2", "-"]


def test_two_sided_and_grey_choices_reach_cups(fake_lp, two_pages):
    duplex, colour = QPrinter.DuplexMode, QPrinter.ColorMode
    options = cups_options(duplex.DuplexShortSide, colour.GrayScale)
    assert options == ["sides=two-sided-short-edge", "print-color-mode=monochrome"]
    assert send_to_cups(two_pages, printer_name="Office", options=options)
    assert (fake_lp / "args").read_text().split()[-5:] == [
        "-o", "sides=two-sided-short-edge", "-o", "print-color-mode=monochrome", "-"]
    assert cups_options(duplex.DuplexLongSide, colour.Color) == ["sides=two-sided-long-edge"]
    assert cups_options(duplex.DuplexAuto, colour.Color) == ["sides=two-sided-long-edge"]
    assert cups_options(duplex.DuplexNone, colour.Color) == []


def test_a_refused_cups_job_is_reported_as_not_sent(fake_lp, monkeypatch, two_pages):
    monkeypatch.setenv("LP_EXIT", "1")
    assert not send_to_cups(two_pages, printer_name="Office")


def test_the_screen_prints_and_tells_the_officer_where_it_went(qtbot, ctx, seeded, db,
                                                              tmp_path):
    ctx.set_current_operation_id(seeded.operation_id)
    screen = RfaScreen(ctx)
    qtbot.addWidget(screen)
    with db.transaction() as session:
        rfa_id = service.create_draft(session, operation_id=seeded.operation_id,
                                      data=RfaInput(title="Printed request"), by="Test").id
    screen.open_item(rfa_id, kind="rfa")
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)
    out = tmp_path / "sent.pdf"
    screen.print_to(_pdf_printer(out), rfa_id)
    qtbot.waitUntil(lambda: "Sent" in screen.form.message.text(), timeout=10000)
    assert screen.form.message.text() == f"Sent 2 pages to {out}."
    assert "Printed request" in PdfReader(out).pages[0].extract_text()

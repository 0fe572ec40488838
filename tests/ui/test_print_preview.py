"""The PDF preview fits the field's laptops: at 1366×768 (100 % and 125 %), 1920×1080 at
150 % and 3840×2160 at 200 % (logical pixels, as Qt lays out), the window and its Close,
Save and Print buttons are on screen, and a big screen still gets a readable page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from fieldapp.pdf.rfa import RfaDocument, rfa_pdf
from ui.widgets.pdf_preview import PREVIEW_SIZE, PdfPreview

SCREENS = {"1366x768 at 100 %": (1366, 768), "1366x768 at 125 %": (1093, 614),
           "1920x1080 at 150 %": (1280, 720), "3840x2160 at 200 %": (1920, 1080)}


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return rfa_pdf(RfaDocument(operation_name="Cyclone Mara", operation_code="MYC",
                               timezone="UTC", hc_rc="", reference="MYC-RFA-0001",
                               status="draft", values={"title": "Airlift"}))


def _inside(widget: QWidget, area: QRect) -> bool:
    corner = widget.mapToGlobal(QPoint(widget.width() - 1, widget.height() - 1))
    return area.contains(widget.mapToGlobal(QPoint(0, 0))) and area.contains(corner)


@pytest.mark.parametrize("size", SCREENS.values(), ids=SCREENS.keys())
def test_the_preview_and_its_buttons_fit_the_screen(qtbot, qapp, pdf, size):
    available = QRect(0, 0, *size)
    preview = PdfPreview(pdf, title="Preview")
    qtbot.addWidget(preview)
    preview.fit_to(available)
    preview.show()
    qtbot.waitExposed(preview)
    assert available.contains(preview.frameGeometry())
    for button in (preview.save_button, preview.print_button, *preview.buttons.buttons()):
        assert _inside(button, available), button.text()
    assert preview.view.height() > size[1] / 2  # most of the window shows the page


def test_a_big_screen_gets_the_preferred_size_centred(qtbot, qapp, pdf):
    available = QRect(100, 50, 1920, 1080)
    preview = PdfPreview(pdf, title="Preview")
    qtbot.addWidget(preview)
    preview.fit_to(available)
    assert preview.size() == PREVIEW_SIZE
    assert abs(preview.frameGeometry().center().x() - available.center().x()) <= 1
    assert abs(preview.frameGeometry().center().y() - available.center().y()) <= 1

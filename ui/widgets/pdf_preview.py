"""Show and print PDFs built by the core (off the GUI thread) as bytes.

`PdfPreview` shows the pages with QPdfView (Qt PDF) when that module is installed;
otherwise `open_externally` writes a temporary file and hands it to the system viewer.
`print_pdf` sends the pages to a QPrinter chosen in QPrintDialog as vector pages when it
can (the PDF itself to a PDF printer or to CUPS), else rendered in bands at the
printer's resolution; without Qt PDF the caller falls back to the system viewer, whose
own Print command does the job.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.files import write_atomically

try:  # Qt PDF is an optional part of some PySide6 builds
    from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installed wheels
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfDocumentRenderOptions = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

HAVE_QT_PDF = QPdfDocument is not None
RENDER_DPI = 600  # what office laser printers print; 1200 would only make the job bigger
BAND_BYTES = 4 * 1024 * 1024  # one rendered band: about 1.7 cm of an A4 page at 600 dpi
LP_TIMEOUT_S = 30
PREVIEW_SIZE = QSize(760, 900)  # an A4 page at a readable width, when the screen allows


def load_document(data: bytes, parent: QWidget | None) -> tuple[QPdfDocument, QBuffer]:
    """PDF bytes opened by Qt PDF (keep the buffer alive as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def temporary_pdf(data: bytes, name: str) -> Path:
    """Write PDF bytes to a fresh temporary file (call off the GUI thread)."""
    folder = Path(tempfile.mkdtemp(prefix="fieldkit-"))
    path = folder / name
    path.write_bytes(data)
    return path


def open_externally(path: Path) -> bool:
    """Open a PDF file in the system's viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PdfPreview(QDialog):
    """A window showing a PDF's pages, with Save and Print buttons for the caller to wire."""

    def __init__(self, data: bytes, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.document, self._buffer = load_document(data, self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        layout.addWidget(self.view, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        bottom = QVBoxLayout()
        bottom.addWidget(self.pages)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.view.setMinimumSize(200, 120)  # the page shrinks; the buttons stay on screen
        screen = (parent.screen() if parent is not None else None) or \
            QGuiApplication.primaryScreen()
        if screen is not None:
            self.fit_to(screen.availableGeometry())

    def fit_to(self, available: QRect) -> None:
        """Take the preferred size, or less to stay inside `available`, centred on it."""
        width = min(PREVIEW_SIZE.width(), int(available.width() * 0.95))
        height = min(PREVIEW_SIZE.height(), int(available.height() * 0.92))
        self.resize(max(width, self.minimumSizeHint().width()),
                    max(height, self.minimumSizeHint().height()))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())


class Printed(NamedTuple):
    """What `print_pdf` sent: how many pages, where, and whether as vector pages."""

    pages: int
    destination: str
    vector: bool


def print_pdf(data: bytes, printer: QPrinter, parent: QWidget) -> Printed:
    """Send the PDF to a printer set up by QPrintDialog, as vector pages where it can.

    A PDF printer (print to file) gets the PDF itself; a CUPS printer (Linux, macOS) gets
    the PDF through `lp`, and CUPS rasterises it for the device at its own resolution.
    Otherwise (Windows' GDI drivers, a page range on a PDF printer, `lp` failing) each
    page is rendered at the printer's resolution (at most RENDER_DPI) in bands a few
    centimetres high, so no page-sized bitmap is ever made or sent.
    """
    document, _buffer = load_document(data, parent)
    try:
        count = document.pageCount()
        pages = _chosen_pages(printer, count)
        whole = pages == list(range(count))
        if whole and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat \
                and printer.outputFileName():
            write_atomically(printer.outputFileName(), data)
            return Printed(count, printer.outputFileName(), vector=True)
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and _cups_lp() \
                and send_to_cups(data, printer_name=printer.printerName(),
                                 copies=printer.copyCount(), title=printer.docName(),
                                 pages=None if whole else (pages[0] + 1, pages[-1] + 1),
                                 options=cups_options(printer.duplex(),
                                                      printer.colorMode())):
            return Printed(len(pages), printer.printerName(), vector=True)
        return Printed(paint_in_bands(document, printer, pages),
                       printer.printerName() or printer.outputFileName(), vector=False)
    finally:
        document.close()


def _chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The page numbers (from 0) the officer chose in the print dialog."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1) - 1
        last = min(printer.toPage() or count, count) - 1
        return list(range(first, last + 1))
    return list(range(count))


def _cups_lp() -> str | None:
    return None if sys.platform == "win32" else shutil.which("lp")


def cups_options(duplex: QPrinter.DuplexMode, colour: QPrinter.ColorMode) -> list[str]:
    """The print dialog's two-sided and grey choices as CUPS job options."""
    sides = {QPrinter.DuplexMode.DuplexAuto: "two-sided-long-edge",
             QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
             QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge"}.get(duplex)
    options = [f"sides={sides}"] if sides else []
    if colour == QPrinter.ColorMode.GrayScale:
        options.append("print-color-mode=monochrome")
    return options


def send_to_cups(data: bytes, *, printer_name: str, copies: int = 1, title: str = "",
                 pages: tuple[int, int] | None = None, options: list[str] | None = None) -> bool:
    """Queue the PDF on a CUPS printer with `lp` (True when CUPS accepted the job);
    `options` are CUPS job options such as "sides=two-sided-long-edge"."""
    command = [_cups_lp() or "lp", "-s", "-n", str(max(copies, 1))]
    command += ["-d", printer_name] if printer_name else []
    command += ["-t", title] if title else []
    command += ["-o", f"page-ranges={pages[0]}-{pages[1]}"] if pages else []
    for option in options or []:
        command += ["-o", option]
    try:
        result = subprocess.run([*command, "-"], input=data, capture_output=True,
                                timeout=LP_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def paint_in_bands(document: QPdfDocument, printer: QPrinter, pages: list[int]) -> int:
    """Render `pages` (numbers from 0) on the printer band by band, at the printer's
    resolution up to RENDER_DPI; the number of pages painted (0: the printer failed)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), RENDER_DPI)
        target = painter.viewport()
        for index, number in enumerate(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(number)
            full = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            scale = min(target.width() / full.width(), target.height() / full.height())
            band = max(1, BAND_BYTES // (full.width() * 4))
            for top in range(0, full.height(), band):
                rows = min(band, full.height() - top)
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(full)
                options.setScaledClipRect(QRect(0, top, full.width(), rows))
                image = _on_white(document.render(number, QSize(full.width(), rows), options))
                painter.drawImage(QRectF(target.left(), target.top() + top * scale,
                                         full.width() * scale, rows * scale), image)
    finally:
        painter.end()
    return len(pages)


def _on_white(image: QImage) -> QImage:
    """The rendered band on opaque white: Qt PDF leaves the paper transparent, which a
    driver would otherwise receive as an extra transparency mask."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper

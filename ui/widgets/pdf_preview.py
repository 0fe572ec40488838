"""Show and print PDFs built by the core (off the GUI thread) as bytes.

`PdfPreview` shows the pages with QPdfView (Qt PDF) when that module is installed;
otherwise `open_externally` writes a temporary file and hands it to the system viewer.
`print_pdf` paints each page, rendered by QPdfDocument at the printer's resolution, on a
QPrinter chosen in QPrintDialog; without Qt PDF it falls back to the system viewer,
whose own Print command does the job.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

try:  # Qt PDF is an optional part of some PySide6 builds
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installed wheels
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

HAVE_QT_PDF = QPdfDocument is not None


def _document(data: bytes, parent: QWidget) -> tuple[QPdfDocument, QBuffer]:
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
        self.resize(760, 900)
        layout = QVBoxLayout(self)
        self.document, self._buffer = _document(data, self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.pages = QLabel(self.tr("{0} pages").format(self.document.pageCount()))
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


def print_pdf(data: bytes, printer: object, parent: QWidget) -> int:
    """Paint every page of the PDF on the printer (a QPrinter set up by QPrintDialog).

    Returns the number of pages printed.
    """
    document, _buffer = _document(data, parent)
    count = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):  # type: ignore[arg-type]
        return 0
    try:
        dpi = printer.resolution()  # type: ignore[attr-defined]
        for number in range(count):
            if number:
                printer.newPage()  # type: ignore[attr-defined]
            points = document.pagePointSize(number)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(number, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
        document.close()
    return count

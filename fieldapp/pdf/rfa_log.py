"""The RFA log: the operation's requests as one table, the tracking matrix for meetings.

Printed (landscape PDF) or exported (CSV with an HXL hashtag row, UTF-8 with BOM for
Excel), narrowed by the same `RfaFilter` as the screen, whose description heads every
page. Nothing is cut: a cell whose text is longer than its column wraps onto more lines.
10,000 requests print in a few seconds: a cell whose text is all in DejaVu is wrapped here
into plain lines and only the others are Paragraphs (which print every script), the table
is built in blocks of rows, and striping is one ROWBACKGROUNDS command; life-saving and
overdue requests are marked in words and colour.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, TableStyle
from sqlalchemy.orm import Session

from fieldapp.files import write_atomically
from fieldapp.importexport.csv_hxl import write_table
from fieldapp.labels import capability_label, priority_label, rfa_status_label
from fieldapp.models import Operation, utcnow
from fieldapp.models.enums import RfaPriority
from fieldapp.pdf.common import (
    FONT,
    FONT_BOLD,
    MARGIN,
    PAGE_SIZES,
    UN_BLUE,
    ZEBRA,
    draw_line,
    escape,
    fit_text,
    numbered_canvas,
    register_fonts,
    styles,
)
from fieldapp.pdf.paragraphs import TextParagraph
from fieldapp.pdf.rfa import ALERT, GRID, LABEL_FILL, local_time
from fieldapp.pdf.scripts import one_font, printable
from fieldapp.pdf.wrapping import plain_lines
from fieldapp.progress import Progress
from fieldapp.services.rfa import RfaFilter, RfaRow, count_rfas, list_rfas

# (header, relative width in mm on A4 landscape)
PDF_COLUMNS = (("Reference", 22), ("Title", 43), ("Requester", 33), ("Cluster", 19),
               ("Capability", 27), ("Priority", 23), ("Status", 44), ("Required from", 25),
               ("Required until", 25))
FONT_SIZE = 7
PADDING = 2.5
CSV_COLUMNS = (
    ("Reference", "#activity+id"), ("Title", "#activity+name"), ("Requester", "#org+name"),
    ("Cluster", "#sector+cluster"), ("Capability", "#service+capability"),
    ("Priority", "#status+priority"), ("Status", "#status"),
    ("Required from", "#date+start"), ("Required until", "#date+end"),
    ("Overdue", "#status+overdue"), ("Last updated (UTC)", "#date+updated"),
)
BLOCK = 400  # rows per table: splitting one 10,000-row table is quadratic in reportlab
FETCH = 2000


@dataclass(frozen=True)
class LogData:
    """The rows of the log and what heads it."""

    operation_name: str
    operation_code: str
    timezone: str
    where: RfaFilter
    rows: list[RfaRow]
    printed_at: datetime


def load_log(session: Session, *, operation_id: str, where: RfaFilter = RfaFilter(),  # noqa: B008
             sort: str = "reference", descending: bool = False,
             progress: Progress | None = None) -> LogData:
    """The operation's requests kept by `where`, in the screen's order, for the log."""
    operation = session.get(Operation, operation_id)
    total = count_rfas(session, operation_id=operation_id, where=where)
    rows: list[RfaRow] = []
    while len(rows) < total:
        page = list_rfas(session, operation_id=operation_id, where=where, sort=sort,
                         descending=descending, offset=len(rows), limit=FETCH)
        if not page:
            break
        rows += page
        if progress is not None:
            progress.report(len(rows), total * 2, "Reading requests")
    return LogData(operation.name if operation else "", operation.code if operation else "",
                   operation.timezone if operation else "UTC", where, rows, utcnow())


def _cut(text: str, room: float, font: str = FONT, size: float = FONT_SIZE) -> str:
    """One line of text that fits `room` points, ended with "…" when cut."""
    text = "".join(ch for ch in " ".join(text.split()) if ch.isprintable())
    return fit_text(text, font, size, room)


def _date(value: datetime | None, timezone: str) -> str:
    return local_time(value, timezone)[:16]


@cache
def _cell_styles() -> dict[str, ParagraphStyle]:
    plain = ParagraphStyle("log_cell", parent=styles()["cell"], fontSize=FONT_SIZE,
                           leading=FONT_SIZE * 1.2)
    return {"plain": plain,
            "life_saving": ParagraphStyle("log_alert_bold", parent=plain, fontName=FONT_BOLD,
                                          textColor=ALERT),
            "overdue": ParagraphStyle("log_alert", parent=plain, textColor=ALERT)}


def _cell(text: str, room: float, *, style: str = "plain") -> str | Paragraph:
    """A cell's text: plain lines when it is all in one font (fast), else a Paragraph;
    either way it wraps to the column instead of being cut."""
    text = " ".join(printable(text).split())
    font = _cell_styles()[style].fontName
    if one_font(text):
        return "\n".join(plain_lines(text, font=font, size=FONT_SIZE, width=room))
    return TextParagraph(text, _cell_styles()[style])


def _cells(row: RfaRow, timezone: str, rooms: list[float]) -> list[str | Paragraph]:
    priority = priority_label(row.priority)
    life_saving = row.priority == RfaPriority.LIFE_SAVING
    if life_saving:
        priority = "! " + priority.upper()
    status = rfa_status_label(row.status) + (" (OVERDUE)" if row.overdue else "")
    values = (row.reference, row.title, row.requester, row.cluster,
              capability_label(row.capability), priority, status,
              _date(row.required_from, timezone), _date(row.required_until, timezone))
    kinds = ["plain"] * len(values)
    kinds[5] = "life_saving" if life_saving else "plain"
    kinds[6] = "overdue" if row.overdue else "plain"
    return [_cell(value, room, style=kind)
            for value, room, kind in zip(values, rooms, kinds, strict=True)]


def _table(rows: list[RfaRow], timezone: str, widths: list[float]) -> LongTable:
    rooms = [width - 2 * PADDING for width in widths]
    data: list[list[str | Paragraph]] = [[name for name, _ in PDF_COLUMNS]]
    data += [_cells(row, timezone, rooms) for row in rows]
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, FONT_SIZE),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, FONT_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("BOX", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for number, row in enumerate(rows, start=1):
        if row.priority == RfaPriority.LIFE_SAVING:
            commands.append(("TEXTCOLOR", (5, number), (5, number), ALERT))
            commands.append(("FONT", (5, number), (5, number), FONT_BOLD, FONT_SIZE))
        if row.overdue:
            commands.append(("TEXTCOLOR", (6, number), (6, number), ALERT))
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _header(log: LogData) -> Callable[[Canvas], None]:
    title = f"RFA log — {log.operation_name}"
    subtitle = (f"{log.where.describe()} · {len(log.rows)} requests · printed "
                f"{log.printed_at:%Y-%m-%d %H:%M} UTC · dates in {log.timezone or 'UTC'}")

    def draw(canvas: Canvas) -> None:
        width, height = canvas._pagesize
        canvas.setFillColor(UN_BLUE)
        draw_line(canvas, MARGIN, height - 11 * mm, _cut(title, width - 2 * MARGIN, FONT_BOLD, 11),
                  font=FONT_BOLD, size=11)
        canvas.setFillColor(colors.grey)
        draw_line(canvas, MARGIN, height - 15.5 * mm, _cut(subtitle, width - 2 * MARGIN, FONT, 7.5),
                  font=FONT, size=7.5)
        canvas.setStrokeColor(GRID)
        canvas.line(MARGIN, height - 17 * mm, width - MARGIN, height - 17 * mm)
    return draw


def log_pdf(log: LogData, *, page_size: str = "A4", progress: Progress | None = None) -> bytes:
    """The RFA log as landscape PDF bytes."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(PAGE_SIZES[page_size]), leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=20 * mm, bottomMargin=15 * mm,
                            title=f"RFA log — {log.operation_name}", author="CMCoord Field Kit")
    scale = doc.width / (sum(w for _, w in PDF_COLUMNS) * mm)
    widths = [w * mm * scale for _, w in PDF_COLUMNS]
    story: list[Flowable] = []
    total = len(log.rows)
    for start in range(0, total, BLOCK):
        if progress is not None:
            progress.report(total + start, total * 2, "Laying out the log")
        story.append(_table(log.rows[start:start + BLOCK], log.timezone, widths))
    if not log.rows:
        story.append(Paragraph(escape(f"No requests match: {log.where.describe()}."),
                               styles()["body"]))
    doc.build(story, canvasmaker=numbered_canvas(_header(log)))
    return out.getvalue()


def csv_rows(log: LogData) -> Iterable[list[str]]:
    """The log's rows as CSV cells (dates ISO 8601 in the operation's zone)."""
    for row in log.rows:
        yield [row.reference, row.title, row.requester, row.cluster,
               capability_label(row.capability), priority_label(row.priority),
               rfa_status_label(row.status), _date(row.required_from, log.timezone),
               _date(row.required_until, log.timezone), "yes" if row.overdue else "",
               f"{row.updated_at:%Y-%m-%d %H:%M}"]


def log_csv(log: LogData) -> bytes:
    """The RFA log as CSV bytes: UTF-8 with BOM, header, HXL hashtag row."""
    return write_table([name for name, _ in CSV_COLUMNS], [tag for _, tag in CSV_COLUMNS],
                       csv_rows(log))


def export_log(session: Session, target: str | Path, *, operation_id: str,
               where: RfaFilter = RfaFilter(), sort: str = "reference",  # noqa: B008
               descending: bool = False, page_size: str = "A4",
               progress: Progress | None = None) -> Path:
    """Write the filtered log to `target` (.csv → CSV, anything else → PDF), atomically."""
    log = load_log(session, operation_id=operation_id, where=where, sort=sort,
                   descending=descending, progress=progress)
    data = (log_csv(log) if str(target).lower().endswith(".csv")
            else log_pdf(log, page_size=page_size, progress=progress))
    if progress is not None:  # read and laid out (a CSV needs no layout): saving is left
        progress.report(1, 1, "Saving the file")
    return write_atomically(target, data)

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
from fieldapp.i18n import N_, _, format_number, ngettext
from fieldapp.importexport.csv_hxl import write_table
from fieldapp.labels import capability_label, cluster_label, priority_label, rfa_status_label
from fieldapp.models import Operation, utcnow
from fieldapp.models.enums import RfaPriority
from fieldapp.pdf.common import (
    AUTHOR,
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
    printing_language,
    register_fonts,
    styles,
)
from fieldapp.pdf.paragraphs import TextParagraph
from fieldapp.pdf.rfa import ALERT, GRID, LABEL_FILL, local_time
from fieldapp.pdf.scripts import one_font, printable
from fieldapp.pdf.wrapping import plain_lines
from fieldapp.progress import Progress
from fieldapp.services.rfa import RfaFilter, RfaRow, count_rfas, list_rfas

# (header, relative width in mm on A4 landscape); headers are translated where printed
PDF_COLUMNS = ((N_("Reference"), 22), (N_("Title"), 43), (N_("Requester"), 33),
               (N_("Cluster"), 19), (N_("Capability"), 27), (N_("Priority"), 23),
               (N_("Status"), 44), (N_("Required from"), 25), (N_("Required until"), 25))
FONT_SIZE = 7
PADDING = 2.5
# (header for people, translated where written; HXL hashtag for machines, never)
CSV_COLUMNS = (
    (N_("Reference"), "#activity+id"), (N_("Title"), "#activity+name"),
    (N_("Requester"), "#org+name"), (N_("Cluster"), "#sector+cluster"),
    (N_("Capability"), "#service+capability"), (N_("Priority"), "#status+priority"),
    (N_("Status"), "#status"), (N_("Required from"), "#date+start"),
    (N_("Required until"), "#date+end"), (N_("Overdue"), "#status+overdue"),
    (N_("Last updated (UTC)"), "#date+updated"),
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
            progress.report(len(rows), total * 2, _("Reading requests"))
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
    status = rfa_status_label(row.status)
    if row.overdue:
        # Translators: a request's status in the log when it is past its date,
        # e.g. "Tasked (OVERDUE)".
        status = _("{status} (OVERDUE)").format(status=status)
    values = (row.reference, row.title, row.requester, cluster_label(row.cluster),
              capability_label(row.capability), priority, status,
              _date(row.required_from, timezone), _date(row.required_until, timezone))
    kinds = ["plain"] * len(values)
    kinds[5] = "life_saving" if life_saving else "plain"
    kinds[6] = "overdue" if row.overdue else "plain"
    return [_cell(value, room, style=kind)
            for value, room, kind in zip(values, rooms, kinds, strict=True)]


def _table(rows: list[RfaRow], timezone: str, widths: list[float]) -> LongTable:
    rooms = [width - 2 * PADDING for width in widths]
    data: list[list[str | Paragraph]] = [[_(name) for name, _width in PDF_COLUMNS]]
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
    title = _title(log)
    count = len(log.rows)
    # Translators: under the log's title; {filter} says which requests are listed
    # ("All requests"), {printed} is a date and time in UTC, {zone} a time zone name.
    subtitle = ngettext(
        "{filter} · {count} request · printed {printed} UTC · dates in {zone}",
        "{filter} · {count} requests · printed {printed} UTC · dates in {zone}", count,
    ).format(filter=log.where.describe(), count=format_number(count),
             printed=f"{log.printed_at:%Y-%m-%d %H:%M}", zone=log.timezone or "UTC")

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


def _title(log: LogData) -> str:
    # Translators: the title of the printed RFA log, e.g. "RFA log — Cyclone Idai".
    return _("RFA log — {operation}").format(operation=log.operation_name)


def log_pdf(log: LogData, *, page_size: str = "A4", progress: Progress | None = None,
            lang: str | None = None) -> bytes:
    """The RFA log as landscape PDF bytes, in `lang` ("fr") when given."""
    register_fonts()
    with printing_language(lang):
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=landscape(PAGE_SIZES[page_size]),
                                leftMargin=MARGIN, rightMargin=MARGIN, topMargin=20 * mm,
                                bottomMargin=15 * mm, title=_title(log), author=AUTHOR)
        scale = doc.width / (sum(w for _name, w in PDF_COLUMNS) * mm)
        widths = [w * mm * scale for _name, w in PDF_COLUMNS]
        story: list[Flowable] = []
        total = len(log.rows)
        for start in range(0, total, BLOCK):
            if progress is not None:
                progress.report(total + start, total * 2, _("Laying out the log"))
            story.append(_table(log.rows[start:start + BLOCK], log.timezone, widths))
        if not log.rows:
            story.append(Paragraph(escape(_("No requests match: {filter}.").format(
                filter=log.where.describe())), styles()["body"]))
        doc.build(story, canvasmaker=numbered_canvas(_header(log)))
        return out.getvalue()


def csv_rows(log: LogData) -> Iterable[list[str]]:
    """The log's rows as CSV cells (dates ISO 8601 in the operation's zone)."""
    for row in log.rows:
        yield [row.reference, row.title, row.requester, cluster_label(row.cluster),
               capability_label(row.capability), priority_label(row.priority),
               rfa_status_label(row.status), _date(row.required_from, log.timezone),
               _date(row.required_until, log.timezone), _("yes") if row.overdue else "",
               f"{row.updated_at:%Y-%m-%d %H:%M}"]


def log_csv(log: LogData, *, lang: str | None = None) -> bytes:
    """The RFA log as CSV bytes: UTF-8 with BOM, header, HXL hashtag row (the header and
    labels in `lang` when given; the hashtags are the same in every language)."""
    with printing_language(lang):
        return write_table([_(name) for name, _tag in CSV_COLUMNS],
                           [tag for _name, tag in CSV_COLUMNS], csv_rows(log))


def export_log(session: Session, target: str | Path, *, operation_id: str,
               where: RfaFilter = RfaFilter(), sort: str = "reference",  # noqa: B008
               descending: bool = False, page_size: str = "A4",
               progress: Progress | None = None, lang: str | None = None) -> Path:
    """Write the filtered log to `target` (.csv → CSV, anything else → PDF), atomically,
    in `lang` ("fr") when given."""
    with printing_language(lang):
        log = load_log(session, operation_id=operation_id, where=where, sort=sort,
                       descending=descending, progress=progress)
        data = (log_csv(log) if str(target).lower().endswith(".csv")
                else log_pdf(log, page_size=page_size, progress=progress))
        if progress is not None:  # read and laid out (a CSV needs no layout): saving is left
            progress.report(1, 1, _("Saving the file"))
    return write_atomically(target, data)

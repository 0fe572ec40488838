"""The Central Register on paper: the listed entries (the page's filters) and one entry.

Built with reportlab and the project's own fonts and helpers (`fieldapp.pdf`), so that a
provider's name prints as it is written in Arabic, Cyrillic or Chinese. The list is in
landscape, grouped by category, one line per entry; an active entry past its valid-until
date says so in words (it survives a black-and-white printer). Every page is headed by the
title, the filters in words and the print date; the footer says "page x of y".
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from fieldapp.i18n import N_, _, format_number, ngettext
from fieldapp.models.enums import AssetCategory
from fieldapp.pdf.common import (
    AUTHOR,
    GRID,
    MARGIN,
    escape,
    numbered_canvas,
    styles,
    title_header,
)
from fieldapp.pdf.listing import (
    CELL_PADDING,
    column_widths,
    group_section,
    list_document,
    list_styles,
    striped_table,
)
from fieldapp.pdf.paragraphs import TextParagraph
from fieldapp.pdf.wrapping import address_markup
from fieldapp.services.contacts import display_phone
from fieldapp.services.operations import country_name
from hq import register
from hq.register import RegisterQuery
from hq.register_tables import RegisterEntry

COLUMNS = (N_("Capability"), N_("Provider"), N_("Quantity / capacity"), N_("Readiness"),
           N_("Deployment"), N_("Conditions"), N_("Point of contact"), N_("Valid until"),
           N_("Status"))
CONTACT_COLUMN = 6
WIDTHS_MM = (48, 36, 22, 18, 21, 39, 39, 21, 17)  # 261 mm: A4 landscape inside the margins


def _hours(value: int | None) -> str:
    # Translators: a number of hours in the printed register, e.g. "48 h".
    return _("{hours} h").format(hours=format_number(value)) if value is not None else "—"


def _provider(entry: RegisterEntry) -> str:
    name = country_name(entry.provider_state) if entry.provider_state else ""
    if name and name.casefold() != entry.provider.casefold():
        return f"{entry.provider} ({name})"
    return entry.provider


def _valid_until(entry: RegisterEntry, today: date) -> str:
    day = entry.valid_until.isoformat() if entry.valid_until else "—"
    if register.past_valid_until(entry, today):
        # Translators: beside a passed valid-until date in the printed register (capitals
        # stand out in black and white).
        return f"{escape(day)} <b>{escape(_('CONFIRM'))}</b>"
    return escape(day)


def _table(entries: list[RegisterEntry], widths: list[float], today: date) -> Table:
    cell, bold, _group = list_styles()
    body = []
    for e in entries:
        contact = "<br/>".join(filter(None, (
            escape(e.poc_name),
            address_markup(e.poc_email, font=cell.fontName, size=cell.fontSize,
                           width=widths[CONTACT_COLUMN] - 2 * CELL_PADDING),
            escape(display_phone(e.poc_phone)))))
        body.append([
            TextParagraph(e.capability, bold), TextParagraph(_provider(e), cell),
            Paragraph(escape(register.entry_summary(e)), cell),
            Paragraph(escape(_hours(e.readiness_hours)), cell),
            Paragraph(escape(_hours(e.deployment_hours)), cell),
            TextParagraph(e.conditions or "—", cell), Paragraph(contact or "—", cell),
            Paragraph(_valid_until(e, today), cell),
            Paragraph(escape(register.status_label(e.status)), cell)])
    return striped_table([_(name) for name in COLUMNS], body, widths)


def register_pdf(session: Session, where: RegisterQuery, *, today: date | None = None) -> bytes:
    """The entries `where` lists, grouped by category, as PDF bytes."""
    day = today or date.today()
    entries = list(register.listed_entries(session, where, today=day))
    out = io.BytesIO()
    title = _("Central Register of MCDA")
    doc = list_document(out, page_size="A4", title=title)
    widths = column_widths(doc, WIDTHS_MM)
    story: list[Flowable] = []
    for category in AssetCategory:
        members = [e for e in entries if e.category == category]
        if members:
            story += group_section(register.category_label(category), len(members),
                                   _table(members, widths, day))
    others = [e for e in entries if e.category not in register.CATEGORIES]
    if others:
        story += group_section(_("Other categories"), len(others), _table(others, widths, day))
    if not entries:
        story.append(Paragraph(escape(_("No entry matches these filters.")), styles()["body"]))
    flagged = sum(1 for e in entries if register.past_valid_until(e, day))
    # Translators: under the printed register's title; {filters} in words ("all current
    # entries"), {flagged} how many are past their valid-until date, {printed} a date.
    subtitle = ngettext(
        "{filters} · {count} entry, {flagged} past valid-until · printed {printed}",
        "{filters} · {count} entries, {flagged} past valid-until · printed {printed}",
        len(entries)).format(filters=where.describe(), count=format_number(len(entries)),
                             flagged=format_number(flagged), printed=day.isoformat())
    doc.build(story, canvasmaker=numbered_canvas(title_header(title, subtitle)))
    return out.getvalue()


def entry_pdf(session: Session, entry_id: str, *, today: date | None = None) -> bytes:
    """One entry with its history, on an A4 page (NotFoundError when there is none)."""
    day = today or date.today()
    entry = register.get_entry(session, entry_id)
    events = register.history(session, entry_id)
    out = io.BytesIO()
    title = _("Central Register of MCDA")
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=22 * mm, bottomMargin=16 * mm, title=title,
                            author=AUTHOR)
    s = styles()
    cell = s["cell"]
    label = s["cell_bold"]
    rows = [
        ("provider", _provider(entry)), ("provider_kind", register.kind_label(
            entry.provider_kind)),
        ("category", register.category_label(entry.category)),
        ("quantity", register.entry_summary(entry)),
        ("readiness_hours", _hours(entry.readiness_hours)),
        ("deployment_hours", _hours(entry.deployment_hours)),
        ("conditions", entry.conditions or "—"), ("poc_name", entry.poc_name or "—"),
        ("poc_email", entry.poc_email or "—"), ("poc_phone", display_phone(entry.poc_phone)
                                                 or "—"),
        ("status", register.status_label(entry.status)),
    ]
    facts = [[Paragraph(escape(register.field_label(name)), label), TextParagraph(value, cell)]
             for name, value in rows]
    facts.append([Paragraph(escape(register.field_label("valid_until")), label),
                  Paragraph(_valid_until(entry, day), cell)])
    table = Table(facts, colWidths=[48 * mm, doc.width - 48 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story: list[Flowable] = [TextParagraph(entry.capability, s["h1"]), table,
                             Spacer(1, 6 * mm), Paragraph(escape(_("History")), s["h2"])]
    for event in events:
        line = f"{event.at:%Y-%m-%d %H:%M} UTC · {event.actor} {register.event_text(event)}"
        if event.field:
            line += f": {event.before or '—'} → {event.after or '—'}"
        story.append(TextParagraph(line, s["small"]))
    # Translators: under the printed entry's title; {id} is the entry's register ID.
    subtitle = _("Entry {id} · version {version} · printed {printed}").format(
        id=entry.id, version=entry.version, printed=day.isoformat())
    doc.build(story, canvasmaker=numbered_canvas(title_header(title, subtitle)))
    return out.getvalue()

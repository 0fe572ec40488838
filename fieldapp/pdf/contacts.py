"""The contact sheet: the operation's contacts on few landscape pages, for the wall.

Grouped by type of organisation (UN agencies first, then government, military, civil
defence, Red Cross / Red Crescent, NGOs, donors), then by organisation and name; each
contact on one compact line with phones (M mobile, O office, S satellite, R radio),
call sign and e-mail. Numbers that did not parse are printed as typed, marked "(?)".
The operation and the print date head every page; the footer says "page x of y".
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.i18n import N_, _, format_number, ngettext
from fieldapp.labels import org_type_label
from fieldapp.models import Operation
from fieldapp.models.enums import OrganisationType as T
from fieldapp.pdf.common import (
    deliver,
    escape,
    numbered_canvas,
    printing_language,
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

GROUP_ORDER = (T.UN_AGENCY, T.HOST_GOVERNMENT, T.NATIONAL_MILITARY, T.FOREIGN_MILITARY,
               T.CIVIL_DEFENCE, T.RED_CROSS, T.NGO, T.DONOR, T.OTHER, "")
# The one-letter marks of phone kinds, explained in every page's header.
KIND_LETTER = {
    # Translators: one letter for a mobile phone; the sheet's header explains it.
    "mobile": N_("M"),
    # Translators: one letter for an office phone.
    "office": N_("O"),
    # Translators: one letter for a satellite phone.
    "satellite": N_("S"),
    # Translators: one letter for a radio.
    "radio": N_("R"),
}
COLUMNS = (N_("Name"), N_("Role"), N_("Organisation"), N_("Phones"), N_("Call sign"),
           N_("E-mail"))
EMAIL_COLUMN = 5
WIDTHS_MM = (40, 50, 28, 62, 18, 63)  # 261 mm: A4 landscape inside the margins


@dataclass(frozen=True)
class SheetLine:
    """One contact as printed."""

    group: str
    name: str
    role: str
    organisation: str
    phones: tuple[str, ...]
    call_sign: str
    emails: tuple[str, ...]
    favourite: bool


def _kind_letter(kind: str) -> str:
    return _(KIND_LETTER[kind]) if kind in KIND_LETTER else "?"


def sheet_lines(session: Session, *, operation_id: str | None,
                limit: int | None = None) -> list[SheetLine]:
    """The contacts of the operation and global ones, in the sheet's order."""
    scope = ("(c.operation_id = :op OR c.operation_id IS NULL)" if operation_id  # i18n: not shown
             else "c.operation_id IS NULL")
    rows = session.execute(text(
        "SELECT c.given_name, c.family_name, c.role, c.phones, c.emails, c.call_sign, "
        "c.favourite, coalesce(o.name, '') AS org, coalesce(o.acronym, '') AS acronym, "
        "coalesce(o.org_type, '') AS org_type FROM contacts c "
        "LEFT JOIN organisations o ON o.id = c.organisation_id "
        f"WHERE c.deleted = 0 AND {scope} "
        "ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE, c.id "
        "LIMIT :limit"), {"op": operation_id, "limit": -1 if limit is None else limit})
    lines = []
    for r in rows:
        phones = tuple(
            f"{_kind_letter(p.get('kind', ''))} {display_phone(p.get('number', ''))}"
            + ("" if p.get("valid", True) else " (?)")
            for p in json.loads(r.phones or "[]"))
        organisation = r.acronym or r.org  # the acronym is what people say and fits the line
        lines.append(SheetLine(r.org_type if r.org_type in set(T) else ("" if not r.org else
                                                                         T.OTHER),
                               f"{r.given_name} {r.family_name}".strip(), r.role, organisation,
                               phones, r.call_sign, tuple(json.loads(r.emails or "[]")),
                               bool(r.favourite)))
    rank = {group: number for number, group in enumerate(GROUP_ORDER)}
    lines.sort(key=lambda line: (rank[line.group], line.organisation.casefold()))  # stable
    return lines


def _group_title(group: str) -> str:
    return org_type_label(group) if group else _("No organisation")


def _table(lines: list[SheetLine], widths: list[float]) -> Table:
    cell, bold, _group = list_styles()
    room = widths[EMAIL_COLUMN] - 2 * CELL_PADDING
    body = [
        [Paragraph(("★ " if line.favourite else "") + escape(line.name), bold),
         TextParagraph(line.role, cell), TextParagraph(line.organisation, cell),
         # A grouped number never breaks inside; a line break comes between numbers.
         Paragraph(" · ".join(escape(p).replace(" ", "\u00a0") for p in line.phones), cell),
         TextParagraph(line.call_sign, cell),
         # One address a line, broken (when it must be) only after @ . - and the like.
         Paragraph("<br/>".join(address_markup(e, font=cell.fontName, size=cell.fontSize,
                                               width=room) for e in line.emails), cell)]
        for line in lines
    ]
    return striped_table([_(name) for name in COLUMNS], body, widths)


def contact_sheet_pdf(session: Session, *, operation_id: str | None,
                      target: str | Path | None = None, page_size: str = "A4",
                      limit: int | None = None, printed_on: date | None = None,
                      lang: str | None = None) -> bytes | None:
    """The contact sheet as PDF bytes, or written to `target` (then None); in `lang`
    ("fr") when given."""
    with printing_language(lang):
        return _contact_sheet(session, operation_id=operation_id, target=target,
                              page_size=page_size, limit=limit, printed_on=printed_on)


def _contact_sheet(session: Session, *, operation_id: str | None, target: str | Path | None,
                   page_size: str, limit: int | None, printed_on: date | None) -> bytes | None:
    operation = session.get(Operation, operation_id) if operation_id else None
    name = operation.name if operation is not None else _("Global contacts")
    lines = sheet_lines(session, operation_id=operation_id, limit=limit)
    out = io.BytesIO()
    # Translators: the sheet's title, e.g. "Contact sheet — Cyclone Idai".
    title = _("Contact sheet — {operation}").format(operation=name)
    doc = list_document(out, page_size=page_size, title=title)
    widths = column_widths(doc, WIDTHS_MM)
    story: list[Flowable] = []
    for group in GROUP_ORDER:
        members = [line for line in lines if line.group == group]
        if members:
            story += group_section(_group_title(group), len(members), _table(members, widths))
    if not lines:
        story.append(Paragraph(escape(_("No contacts yet in this operation.")),
                               styles()["body"]))
    story.append(Spacer(1, 2))
    printed = (printed_on or date.today()).isoformat()
    # Translators: under the sheet's title; the letters M, O, S, R are those of the phone
    # kinds above, {printed} is a date such as "2026-03-01".
    subtitle = ngettext(
        "{count} contact · printed {printed} · M mobile, O office, S satellite, R radio, "
        "(?) unchecked number",
        "{count} contacts · printed {printed} · M mobile, O office, S satellite, R radio, "
        "(?) unchecked number", len(lines)).format(count=format_number(len(lines)),
                                                   printed=printed)
    doc.build(story, canvasmaker=numbered_canvas(title_header(title, subtitle)))
    return deliver(out, target)

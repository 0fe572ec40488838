"""The asset list: the directory entries the screen shows, on landscape pages.

Grouped by category, one compact line per entry: description, provider, capacity and
quantity, status, place, availability window, point of contact, and when it was last
confirmed; an entry not confirmed for 90 days says "CHECK" beside the date (printed in
words, so it survives a black-and-white printer). The operation, the filter and the print
date head every page; the footer says "page x of y".
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph, Table
from sqlalchemy.orm import Session

from fieldapp.i18n import N_, _, format_number, ngettext
from fieldapp.importexport.assets import exported_assets
from fieldapp.labels import asset_status_label, capability_label
from fieldapp.models import Operation, utcnow
from fieldapp.models.enums import AssetCategory
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
from fieldapp.services.assets import AssetFilter, is_stale

COLUMNS = (N_("Description"), N_("Provider"), N_("Capacity"), N_("Status"), N_("Place"),
           N_("Available"), N_("Point of contact"), N_("Confirmed"))
CONTACT_COLUMN = 6
WIDTHS_MM = (62, 38, 26, 20, 30, 30, 32, 23)  # 261 mm: A4 landscape inside the margins


def _capacity(a: dict[str, object]) -> str:
    value = a["capacity_value"]
    capacity = (f"{format_number(value)} {a['capacity_unit']}".strip()
                if isinstance(value, float) else "")
    quantity = a["quantity"]
    count = format_number(quantity) if isinstance(quantity, int | float) else f"{quantity}"
    return f"{count} × {capacity}" if capacity and quantity != 1 else (capacity or count)


def _window(start: object, end: object) -> str:
    if not start and not end:
        # Translators: an asset's availability when no dates limit it.
        return _("any time")
    return f"{start or '…'} – {end or '…'}"


def _confirmed(value: object, now: datetime) -> tuple[str, bool]:
    when = datetime.fromisoformat(str(value)).replace(tzinfo=UTC) if value else None
    # Translators: an asset that was never confirmed by its provider.
    return (when.date().isoformat() if when else _("never")), is_stale(when, now=now)


def filter_summary(where: AssetFilter) -> str:
    """The filter in words, for the page header ("all entries" when there is none)."""
    parts = []
    if where.category:
        parts.append(capability_label(where.category))
    if where.status:
        parts.append(asset_status_label(where.status))
    if where.provider_state:
        # Translators: part of a list's filter in words, e.g. "provider France".
        parts.append(_("provider {state}").format(state=where.provider_state))
    if where.available_on:
        # Translators: part of a list's filter in words; {date} like "2026-03-01".
        parts.append(_("available on {date}").format(date=where.available_on.isoformat()))
    if where.stale_only:
        parts.append(_("to check (not confirmed for 90 days)"))
    if where.text.strip():
        parts.append(f"\u201c{where.text.strip()}\u201d")
    return ", ".join(parts) if parts else _("all entries")


def _table(entries: list[dict[str, object]], widths: list[float], now: datetime) -> Table:
    cell, bold, _group = list_styles()
    body = []
    for a in entries:
        confirmed, stale = _confirmed(a["confirmed_at"], now)
        provider = " ".join(filter(None, (str(a["provider_state"]), str(a["provider_unit"]))))
        body.append([
            TextParagraph(str(a["description"]), bold), TextParagraph(provider, cell),
            Paragraph(escape(_capacity(a)), cell),
            Paragraph(escape(asset_status_label(a["status"])), cell),
            TextParagraph(str(a["place_name"]), cell),
            Paragraph(escape(_window(a["available_from"], a["available_to"])), cell),
            Paragraph("<br/>".join(filter(None, (
                escape(str(a["poc_name"])),
                address_markup(str(a["poc_email"]), font=cell.fontName, size=cell.fontSize,
                               width=widths[CONTACT_COLUMN]
                               - 2 * CELL_PADDING)))), cell),
            # Translators: beside the date an entry was last confirmed when that is over
            # 90 days ago (printed in capitals so it stands out in black and white).
            Paragraph(escape(confirmed) + (f" <b>{escape(_('CHECK'))}</b>" if stale else ""),
                      cell)])
    return striped_table([_(name) for name in COLUMNS], body, widths)


def asset_list_pdf(session: Session, *, operation_id: str | None,
                   where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen
                   target: str | Path | None = None, page_size: str = "A4",
                   printed_on: date | None = None, lang: str | None = None) -> bytes | None:
    """The listed entries as PDF bytes, or written to `target` (then None); in `lang`
    ("fr") when given."""
    with printing_language(lang):
        return _asset_list(session, operation_id=operation_id, where=where, target=target,
                           page_size=page_size, printed_on=printed_on)


def _asset_list(session: Session, *, operation_id: str | None, where: AssetFilter,
                target: str | Path | None, page_size: str,
                printed_on: date | None) -> bytes | None:
    operation = session.get(Operation, operation_id) if operation_id else None
    name = operation.name if operation is not None else _("Global directory")
    now = utcnow()
    entries = list(exported_assets(session, operation_id=operation_id, where=where))
    out = io.BytesIO()
    # Translators: the list's title, e.g. "Asset list — Cyclone Idai".
    title = _("Asset list — {operation}").format(operation=name)
    doc = list_document(out, page_size=page_size, title=title)
    widths = column_widths(doc, WIDTHS_MM)
    story: list[Flowable] = []
    for category in AssetCategory:
        members = [a for a in entries if a["category"] == category]
        if members:
            story += group_section(capability_label(category), len(members),
                                   _table(members, widths, now))
    if not entries:
        story.append(Paragraph(escape(_("No assets match this list.")), styles()["body"]))
    stale = sum(1 for a in entries if _confirmed(a["confirmed_at"], now)[1])
    printed = (printed_on or date.today()).isoformat()
    # Translators: under the list's title; {filter} says which entries are listed ("all
    # entries"), {stale} how many of them to check, {printed} a date such as "2026-03-01".
    subtitle = ngettext("{filter} · {count} entry, {stale} to check · printed {printed}",
                        "{filter} · {count} entries, {stale} to check · printed {printed}",
                        len(entries)).format(filter=filter_summary(where),
                                             count=format_number(len(entries)),
                                             stale=format_number(stale), printed=printed)
    doc.build(story, canvasmaker=numbered_canvas(title_header(title, subtitle)))
    return deliver(out, target)

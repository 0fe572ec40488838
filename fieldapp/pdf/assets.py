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

from fieldapp.importexport.assets import exported_assets
from fieldapp.labels import asset_status_label, capability_label
from fieldapp.models import Operation, utcnow
from fieldapp.models.enums import AssetCategory
from fieldapp.pdf.common import deliver, escape, numbered_canvas, styles, title_header
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

COLUMNS = ("Description", "Provider", "Capacity", "Status", "Place", "Available",
           "Point of contact", "Confirmed")
WIDTHS_MM = (62, 38, 26, 20, 30, 30, 32, 23)  # 261 mm: A4 landscape inside the margins


def _capacity(a: dict[str, object]) -> str:
    value = a["capacity_value"]
    capacity = f"{value:g} {a['capacity_unit']}".strip() if isinstance(value, float) else ""
    quantity = a["quantity"]
    return f"{quantity} × {capacity}" if capacity and quantity != 1 else (
        capacity or f"{quantity}")


def _window(start: object, end: object) -> str:
    if not start and not end:
        return "any time"
    return f"{start or '…'} – {end or '…'}"


def _confirmed(value: object, now: datetime) -> tuple[str, bool]:
    when = datetime.fromisoformat(str(value)).replace(tzinfo=UTC) if value else None
    return (when.date().isoformat() if when else "never"), is_stale(when, now=now)


def filter_summary(where: AssetFilter) -> str:
    """The filter in words, for the page header ("all entries" when there is none)."""
    parts = []
    if where.category:
        parts.append(capability_label(where.category))
    if where.status:
        parts.append(asset_status_label(where.status))
    if where.provider_state:
        parts.append(f"provider {where.provider_state}")
    if where.available_on:
        parts.append(f"available on {where.available_on.isoformat()}")
    if where.stale_only:
        parts.append("to check (not confirmed for 90 days)")
    if where.text.strip():
        parts.append(f"\u201c{where.text.strip()}\u201d")
    return ", ".join(parts) if parts else "all entries"


def _table(entries: list[dict[str, object]], widths: list[float], now: datetime) -> Table:
    cell, bold, _ = list_styles()
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
                               width=widths[COLUMNS.index("Point of contact")]
                               - 2 * CELL_PADDING)))), cell),
            Paragraph(escape(confirmed) + (" <b>CHECK</b>" if stale else ""), cell)])
    return striped_table(COLUMNS, body, widths)


def asset_list_pdf(session: Session, *, operation_id: str | None,
                   where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen
                   target: str | Path | None = None, page_size: str = "A4",
                   printed_on: date | None = None) -> bytes | None:
    """The listed entries as PDF bytes, or written to `target` (then None)."""
    operation = session.get(Operation, operation_id) if operation_id else None
    name = operation.name if operation is not None else "Global directory"
    now = utcnow()
    entries = list(exported_assets(session, operation_id=operation_id, where=where))
    out = io.BytesIO()
    doc = list_document(out, page_size=page_size, title=f"Asset list — {name}")
    widths = column_widths(doc, WIDTHS_MM)
    story: list[Flowable] = []
    for category in AssetCategory:
        members = [a for a in entries if a["category"] == category]
        if members:
            story += group_section(capability_label(category), len(members),
                                   _table(members, widths, now))
    if not entries:
        story.append(Paragraph("No assets match this list.", styles()["body"]))
    stale = sum(1 for a in entries if _confirmed(a["confirmed_at"], now)[1])
    printed = (printed_on or date.today()).isoformat()
    subtitle = (f"{filter_summary(where)} · {len(entries)} entries, {stale} to check · "
                f"printed {printed}")
    doc.build(story, canvasmaker=numbered_canvas(title_header(f"Asset list — {name}", subtitle)))
    return deliver(out, target)

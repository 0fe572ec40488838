"""The asset list: the directory entries the screen shows, on landscape pages.

Grouped by category, one compact line per entry: description, provider, capacity and
quantity, status, place, availability window, point of contact, and when it was last
confirmed; an entry not confirmed for 90 days says "CHECK" beside the date (printed in
words, so it survives a black-and-white printer). The operation, the filter and the print
date head every page; the footer says "page x of y".
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from fieldapp.importexport.assets import exported_assets
from fieldapp.labels import asset_status_label, capability_label
from fieldapp.models import Operation, utcnow
from fieldapp.models.enums import AssetCategory
from fieldapp.pdf.common import (
    FONT,
    FONT_BOLD,
    MARGIN,
    PAGE_SIZES,
    UN_BLUE,
    escape,
    numbered_canvas,
    styles,
)
from fieldapp.services.assets import AssetFilter, is_stale

COLUMNS = ("Description", "Provider", "Capacity", "Status", "Place", "Available",
           "Point of contact", "Confirmed")
WIDTHS_MM = (62, 38, 26, 20, 30, 30, 32, 23)  # 261 mm: A4 landscape inside the margins
GRID = colors.HexColor("#b8c4d0")
HEADER_FILL = colors.HexColor("#e3ecf5")
ZEBRA = colors.HexColor("#f5f8fb")


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
    base = styles()["cell"]
    cell = base.clone("asset_cell", fontSize=7, leading=8.4)
    bold = base.clone("asset_bold", fontSize=7, leading=8.4, fontName=FONT_BOLD)
    body, stale_rows = [], []
    for number, a in enumerate(entries, start=1):
        confirmed, stale = _confirmed(a["confirmed_at"], now)
        if stale:
            stale_rows.append(number)
        provider = " ".join(filter(None, (str(a["provider_state"]), str(a["provider_unit"]))))
        body.append([
            Paragraph(escape(str(a["description"])), bold), Paragraph(escape(provider), cell),
            Paragraph(escape(_capacity(a)), cell),
            Paragraph(escape(asset_status_label(a["status"])), cell),
            Paragraph(escape(str(a["place_name"])), cell),
            Paragraph(escape(_window(a["available_from"], a["available_to"])), cell),
            Paragraph(escape(" ".join(filter(None, (str(a["poc_name"]),
                                                    str(a["poc_email"]))))), cell),
            Paragraph(escape(confirmed) + (" <b>CHECK</b>" if stale else ""), cell)])
    table = Table([[Paragraph(name, bold) for name in COLUMNS], *body], colWidths=widths,
                  repeatRows=1, hAlign="LEFT")
    commands = [("GRID", (0, 0), (-1, -1), 0.3, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]
    commands += [("BACKGROUND", (0, row), (-1, row), ZEBRA)
                 for row in range(2, len(body) + 1, 2)]
    table.setStyle(TableStyle(commands))
    return table


def _header(title: str, subtitle: str) -> Callable[[Canvas], None]:
    def draw(canvas: Canvas) -> None:
        width, height = canvas._pagesize
        canvas.setFillColor(UN_BLUE)
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawString(MARGIN, height - 11 * mm, title)
        canvas.setFillColor(colors.grey)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(width - MARGIN, height - 11 * mm, subtitle)
        canvas.setStrokeColor(GRID)
        canvas.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)
    return draw


def asset_list_pdf(session: Session, *, operation_id: str | None,
                   where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen
                   target: str | Path | None = None, page_size: str = "A4",
                   printed_on: date | None = None) -> bytes | None:
    """The listed entries as PDF bytes, or written to `target` (then None)."""
    operation = session.get(Operation, operation_id) if operation_id else None
    name = operation.name if operation is not None else "Global directory"
    now = utcnow()
    entries = list(exported_assets(session, operation_id=operation_id, where=where))
    out = io.BytesIO() if target is None else str(target)
    doc = SimpleDocTemplate(out, pagesize=landscape(PAGE_SIZES[page_size]),
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=16 * mm,
                            bottomMargin=14 * mm, title=f"Asset list — {name}",
                            author="CMCoord Field Kit")
    scale = doc.width / (sum(WIDTHS_MM) * mm)
    widths = [w * mm * scale for w in WIDTHS_MM]
    group_style = styles()["cell"].clone("asset_group", fontName=FONT_BOLD, fontSize=10,
                                         leading=13, textColor=UN_BLUE, spaceBefore=6,
                                         spaceAfter=2)
    story: list[Flowable] = []
    for category in AssetCategory:
        members = [a for a in entries if a["category"] == category]
        if members:
            story += [CondPageBreak(30 * mm),
                      Paragraph(f"{escape(capability_label(category))} ({len(members)})",
                                group_style),
                      _table(members, widths, now)]
    if not entries:
        story.append(Paragraph("No assets match this list.", styles()["body"]))
    stale = sum(1 for a in entries if _confirmed(a["confirmed_at"], now)[1])
    printed = (printed_on or date.today()).isoformat()
    subtitle = (f"{filter_summary(where)} · {len(entries)} entries, {stale} to check · "
                f"printed {printed}")
    doc.build(story, canvasmaker=numbered_canvas(_header(f"Asset list — {name}", subtitle)))
    return out.getvalue() if isinstance(out, io.BytesIO) else None

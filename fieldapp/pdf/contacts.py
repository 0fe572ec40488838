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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.labels import org_type_label
from fieldapp.models import Operation
from fieldapp.models.enums import OrganisationType as T
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
from fieldapp.services.contacts import display_phone

GROUP_ORDER = (T.UN_AGENCY, T.HOST_GOVERNMENT, T.NATIONAL_MILITARY, T.FOREIGN_MILITARY,
               T.CIVIL_DEFENCE, T.RED_CROSS, T.NGO, T.DONOR, T.OTHER, "")
KIND_LETTER = {"mobile": "M", "office": "O", "satellite": "S", "radio": "R"}
COLUMNS = ("Name", "Role", "Organisation", "Phones", "Call sign", "E-mail")
WIDTHS_MM = (40, 50, 28, 62, 18, 63)  # 261 mm: A4 landscape inside the margins
GRID = colors.HexColor("#b8c4d0")
HEADER_FILL = colors.HexColor("#e3ecf5")
ZEBRA = colors.HexColor("#f5f8fb")


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


def sheet_lines(session: Session, *, operation_id: str | None,
                limit: int | None = None) -> list[SheetLine]:
    """The contacts of the operation and global ones, in the sheet's order."""
    scope = ("(c.operation_id = :op OR c.operation_id IS NULL)" if operation_id
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
            f"{KIND_LETTER.get(p.get('kind', ''), '?')} {display_phone(p.get('number', ''))}"
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
    return org_type_label(group) if group else "No organisation"


def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    base = styles()["cell"]
    cell = ParagraphStyle("sheet", parent=base, fontSize=7, leading=8.4)
    bold = ParagraphStyle("sheet_bold", parent=cell, fontName=FONT_BOLD)
    group = ParagraphStyle("sheet_group", parent=cell, fontName=FONT_BOLD, fontSize=10,
                           leading=13, textColor=UN_BLUE, spaceBefore=6, spaceAfter=2)
    return cell, bold, group


def _table(lines: list[SheetLine], widths: list[float]) -> Table:
    cell, bold, _ = _cell_styles()
    header = [Paragraph(name, bold) for name in COLUMNS]
    body = [
        [Paragraph(("★ " if line.favourite else "") + escape(line.name), bold),
         Paragraph(escape(line.role), cell), Paragraph(escape(line.organisation), cell),
         Paragraph(" · ".join(escape(p).replace(" ", "\u00a0") for p in line.phones), cell),
         Paragraph(escape(line.call_sign), cell),
         Paragraph(", ".join(escape(e) for e in line.emails), cell)]
        for line in lines
    ]
    table = Table([header, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.3, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
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


def contact_sheet_pdf(session: Session, *, operation_id: str | None,
                      target: str | Path | None = None, page_size: str = "A4",
                      limit: int | None = None, printed_on: date | None = None) -> bytes | None:
    """The contact sheet as PDF bytes, or written to `target` (then None)."""
    operation = session.get(Operation, operation_id) if operation_id else None
    name = operation.name if operation is not None else "Global contacts"
    lines = sheet_lines(session, operation_id=operation_id, limit=limit)
    pagesize = landscape(PAGE_SIZES[page_size])
    out = io.BytesIO() if target is None else str(target)
    doc = SimpleDocTemplate(out, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=16 * mm, bottomMargin=14 * mm,
                            title=f"Contact sheet — {name}", author="CMCoord Field Kit")
    scale = doc.width / (sum(WIDTHS_MM) * mm)
    widths = [w * mm * scale for w in WIDTHS_MM]
    _, _, group_style = _cell_styles()
    story: list[Flowable] = []
    for group in GROUP_ORDER:
        members = [line for line in lines if line.group == group]
        if not members:
            continue
        # A heading never stands alone at the foot of a page: start a new one instead.
        story += [CondPageBreak(30 * mm),
                  Paragraph(f"{escape(_group_title(group))} ({len(members)})", group_style),
                  _table(members, widths)]
    if not lines:
        story.append(Paragraph("No contacts yet in this operation.", styles()["body"]))
    story.append(Spacer(1, 2))
    printed = (printed_on or date.today()).isoformat()
    subtitle = f"{len(lines)} contacts · printed {printed} · M mobile, O office, " \
               "S satellite, R radio, (?) unchecked number"
    doc.build(story, canvasmaker=numbered_canvas(_header(f"Contact sheet — {name}", subtitle)))
    return out.getvalue() if isinstance(out, io.BytesIO) else None

"""What the landscape lists share (the contact sheet, the asset list).

Compact pages for the wall: small cell text that wraps (nothing is cut), a blue heading
per group that never stands alone at the foot of a page, and striped tables whose heading
row repeats on every page. The running header (`common.title_header`) takes two lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import IO, NamedTuple

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from fieldapp.i18n import format_number
from fieldapp.pdf.common import (
    AUTHOR,
    FONT_BOLD,
    GRID,
    HEADER_FILL,
    MARGIN,
    PAGE_SIZES,
    UN_BLUE,
    ZEBRA,
    escape,
    styles,
)

CELL_PADDING = 2.5  # points left and right of a cell's text


class ListStyles(NamedTuple):
    """The paragraph styles of a list: plain and bold cells, group headings."""

    cell: ParagraphStyle
    bold: ParagraphStyle
    group: ParagraphStyle


@cache
def list_styles() -> ListStyles:
    """The small cell styles of the lists and their group heading style."""
    cell = ParagraphStyle("list_cell", parent=styles()["cell"], fontSize=7, leading=8.4)
    bold = ParagraphStyle("list_bold", parent=cell, fontName=FONT_BOLD)
    group = ParagraphStyle("list_group", parent=cell, fontName=FONT_BOLD, fontSize=10,
                           leading=13, textColor=UN_BLUE, spaceBefore=6, spaceAfter=2)
    return ListStyles(cell, bold, group)


def list_document(out: IO[bytes] | str, *, page_size: str, title: str) -> SimpleDocTemplate:
    """A landscape document with room for the running header and the page number."""
    return SimpleDocTemplate(out, pagesize=landscape(PAGE_SIZES[page_size]),
                             leftMargin=MARGIN, rightMargin=MARGIN, topMargin=19 * mm,
                             bottomMargin=14 * mm, title=title, author=AUTHOR)


def column_widths(doc: SimpleDocTemplate, widths_mm: Sequence[float]) -> list[float]:
    """Column widths given in mm for A4, scaled to fill the document's frame."""
    scale = doc.width / (sum(widths_mm) * mm)
    return [w * mm * scale for w in widths_mm]


def striped_table(columns: Sequence[str], body: list[list[Flowable]],
                  widths: list[float]) -> Table:
    """A ruled table: a bold heading row that repeats on every page, every other row shaded."""
    bold = list_styles().bold
    table = Table([[Paragraph(name, bold) for name in columns], *body], colWidths=widths,
                  repeatRows=1, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.3, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), ZEBRA)
                 for row in range(2, len(body) + 1, 2)]
    table.setStyle(TableStyle(commands))
    return table


def group_section(title: str, count: int, table: Table) -> list[Flowable]:
    """A group's heading ("title (count)") and its table."""
    heading = f"{escape(title)} ({format_number(count)})"
    # A heading never stands alone at the foot of a page: start a new one instead.
    return [CondPageBreak(30 * mm), Paragraph(heading, list_styles().group), table]

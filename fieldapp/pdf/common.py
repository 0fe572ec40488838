"""What every PDF shares: the bundled fonts, paragraph styles, colours, the running
header and "page x of y", and `escape`, which every Paragraph's text goes through (text
typed by someone goes in a `paragraphs.TextParagraph`, which uses the same markup).

DejaVu Sans covers Latin with accents, Cyrillic, Greek, Arabic, Hebrew and many symbols;
Droid Sans Fallback adds Chinese and Japanese. `escape` (via `fieldapp.pdf.scripts`)
shapes Arabic, puts right-to-left text in visual order, picks the font per run of text
and leaves emoji out, so a name prints as it was typed in any of the field's scripts.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from fieldapp.files import write_atomically
from fieldapp.i18n import _, in_language
from fieldapp.pdf.scripts import (
    draw_string,
    markup,
    printable,
    register_fallback_fonts,
    string_width,
    visual_line,
)

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_MONO = "DejaVuSansMono"
PAGE_SIZES = {"A4": A4, "Letter": letter}
MARGIN = 18 * mm
UN_BLUE = colors.HexColor("#1f5a96")
GRID = colors.HexColor("#b8c4d0")  # table rules and the line under the page header
HEADER_FILL = colors.HexColor("#e3ecf5")  # a table's heading row
ZEBRA = colors.HexColor("#f5f8fb")  # every other row of a long table
# The documents' author: the product's name, the same in every language.
AUTHOR = "CMCoord Field Kit"  # i18n: not shown


@contextmanager
def printing_language(lang: str | None) -> Iterator[None]:
    """Print in `lang` ("fr") inside the block when one is given, else in the language of
    the moment (a request printed in another language on request)."""
    if not lang:
        yield
        return
    with in_language(lang):
        yield


@cache
def register_fonts() -> None:
    """Register the bundled TrueType fonts with reportlab (once per process)."""
    folder = Path(str(resources.files("resources") / "fonts"))
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"),
                       (FONT_ITALIC, "DejaVuSans-Oblique.ttf"),
                       (FONT_MONO, "DejaVuSansMono.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD)
    register_fallback_fonts()


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of our documents."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=4)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5,
                                    leading=11, spaceAfter=0),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=20,
                                leading=25, spaceAfter=10, textColor=UN_BLUE),
        "h1": ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20,
                             spaceBefore=6, spaceAfter=8, textColor=UN_BLUE),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16,
                             spaceBefore=8, spaceAfter=4, textColor=UN_BLUE),
        "h3": ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14,
                             spaceBefore=6, spaceAfter=3),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2,
                                 spaceAfter=2),
        "mono": ParagraphStyle("mono", parent=body, fontName=FONT_MONO, fontSize=8.5),
    }


def escape(text: str) -> str:
    """Plain text as Paragraph markup: escaped, control characters dropped, every script
    printable (shaped, right-to-left in visual order, CJK in its font, no emoji boxes)."""
    register_fonts()
    return markup(text)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text` as one visual line (see `escape`), cut with an ellipsis if needed so that
    it is at most `width` points wide; draw it with `draw_line`."""
    register_fonts()
    text = visual_line(" ".join(printable(text).split()))
    if string_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with its ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if string_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def draw_line(canvas: Canvas, x: float, y: float, text: str, *, font: str, size: float,
              align: str = "left") -> None:
    """Draw a line made by `fit_text` on a canvas, each run of text in its own font."""
    draw_string(canvas, x, y, text, font=font, size=size, align=align)


def title_header(title: str, subtitle: str) -> Callable[[Canvas], None]:
    """A page header for `numbered_canvas`: the blue title, the grey subtitle under it, a
    rule. A long title prints smaller rather than cut (to 8 pt; only then cut)."""

    def draw(canvas: Canvas) -> None:
        width, height = canvas._pagesize
        room = width - 2 * MARGIN
        line = visual_line(" ".join(printable(title).split()))
        size = next((s / 2 for s in range(22, 15, -1)
                     if string_width(line, FONT_BOLD, s / 2) <= room), 8.0)
        canvas.setFillColor(UN_BLUE)
        draw_line(canvas, MARGIN, height - 10 * mm, fit_text(title, FONT_BOLD, size, room),
                  font=FONT_BOLD, size=size)
        canvas.setFillColor(colors.grey)
        draw_line(canvas, MARGIN, height - 14 * mm, fit_text(subtitle, FONT, 7.5, room),
                  font=FONT, size=7.5)
        canvas.setStrokeColor(GRID)
        canvas.line(MARGIN, height - 15.5 * mm, width - MARGIN, height - 15.5 * mm)
    return draw


def numbered_canvas(header: Callable[[Canvas], None] | None = None) -> type[Canvas]:
    """A canvas class that prints "page x of y" (and an optional header) on every page,
    in the language of the moment the document is saved (inside `build`)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, _height = self._pagesize
            self.setFont(FONT, 8)
            self.setFillColor(colors.grey)
            # Translators: the footer of every printed page, e.g. "Page 3 of 5".
            self.drawRightString(width - MARGIN, 10 * mm, _("Page {page} of {total}").format(
                page=self._pageNumber, total=total))
            if header is not None:
                header(self)

    return NumberedCanvas


def deliver(document: io.BytesIO, target: str | Path | None) -> bytes | None:
    """A built PDF as bytes when there is no `target`; else written there whole (None)."""
    if target is None:
        return document.getvalue()
    write_atomically(target, document.getvalue())
    return None

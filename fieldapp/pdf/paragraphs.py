"""`TextParagraph`: a Paragraph of text someone typed, right in every script and direction.

Right-to-left text cannot be put in visual order before the lines are known: reordering a
whole paragraph and letting reportlab wrap it would print its last words on the first
line. So a paragraph with Hebrew or Arabic is wrapped here, in reading order, once its
width is known (`wrap`), and each line is then put in visual order. A paragraph that
starts right to left is also aligned right, as its readers expect.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from fieldapp.pdf.scripts import (
    base_direction,
    has_rtl,
    line_markup,
    markup,
    printable,
    shape,
    string_width,
    visual_line,
)


@cache
def _right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_rtl", parent=style, alignment=TA_RIGHT)


def reading_order_lines(text: str, *, font: str, size: float, width: float) -> list[str]:
    """One logical line of text broken at spaces, in reading order, into lines at most
    `width` points wide as printed (Arabic measured in its joined forms)."""
    space = string_width(" ", font, size)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split():
        wide = string_width(shape(word), font, size)  # joining never crosses a space
        if line and used + space + wide > width:
            lines.append(" ".join(line))
            line, used = [], 0.0
        used += (space if line else 0.0) + wide
        line.append(word)
    if line or not lines:
        lines.append(" ".join(line))
    return lines


class TextParagraph(Paragraph):
    """A Paragraph of plain text (escaped, every script); see the module's docstring."""

    def __init__(self, text: str | None, style: ParagraphStyle | None = None,
                 *args: Any, **kwargs: Any) -> None:
        self._plain: str | None = None
        if text is None or kwargs.get("frags") is not None:  # reportlab splitting a page
            super().__init__(text, style, *args, **kwargs)
            return
        plain = printable(text)
        self._base = base_direction(plain)
        if self._base == "R" and style is not None:
            style = _right_aligned(style)
        if has_rtl(plain):
            self._plain, self._width = plain, -1.0
        super().__init__(markup(plain), style, *args, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._plain is not None and availWidth != self._width:
            self._width = availWidth
            style = self.style
            room = availWidth - style.leftIndent - style.rightIndent - 0.01
            lines = [visual_line(line, self._base)
                     for logical in self._plain.split("\n")
                     for line in reading_order_lines(logical, font=style.fontName,
                                                     size=style.fontSize, width=room)]
            self._setup("<br/>".join(line_markup(line) for line in lines), style,
                        self.bulletText, None, cleanBlockQuotedText)
        return super().wrap(availWidth, availHeight)

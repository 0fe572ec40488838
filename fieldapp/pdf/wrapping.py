"""Text wrapped to a column without Paragraph: long e-mail and web addresses broken where a
reader expects it, never mid-word, and plain one-font text wrapped at spaces (fast enough
for the 10,000-row RFA log).

reportlab breaks lines at spaces and cuts a word that is still too long at any letter,
so "logcluster.marovia@wfp.example" could print as "logcluster.maro" / "via@wfp.example".
An address is laid out here instead: it may break only after "@", ".", "/", "-", "_",
"?", "&", "=" or "#", and only where it must; a single piece longer than the whole
column is the one thing cut between letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldapp.pdf.scripts import markup, string_width

_BREAK_AFTER = re.compile(r"(?<=[@./\-_?&=#])")


def address_lines(address: str, *, font: str, size: float, width: float) -> list[str]:
    """`address` as the fewest lines of at most `width` points, broken at sensible points."""
    address = "".join(address.split())
    lines: list[str] = []
    line = ""
    for piece in (p for p in _BREAK_AFTER.split(address) if p):
        if string_width(line + piece, font, size) <= width:
            line += piece
            continue
        if line:
            lines.append(line)
        line = _cut(piece, lines, lambda text: string_width(text, font, size) <= width)
    if line:
        lines.append(line)
    return lines


def _cut(piece: str, lines: list[str], fits: Callable[[str], bool]) -> str:
    """Only a piece wider than the column is cut between letters: the full lines go to
    `lines`, the rest starts the next line."""
    line = ""
    for char in piece:
        if line and not fits(line + char):
            lines.append(line)
            line = ""
        line += char
    return line


def address_markup(address: str, *, font: str, size: float, width: float) -> str:
    """`address` as Paragraph markup whose lines break only at sensible points."""
    return "<br/>".join(markup(line)
                        for line in address_lines(address, font=font, size=size, width=width))


def plain_lines(text: str, *, font: str, size: float, width: float) -> list[str]:
    """Text in one font wrapped at spaces into lines of at most `width` points; a word
    longer than the whole line is the one thing cut between letters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = _cut(word, lines, lambda text: stringWidth(text, font, size) <= width)
    if line:
        lines.append(line)
    return lines

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
        line = ""
        for char in piece:  # only a piece wider than the column is cut between letters
            if line and string_width(line + char, font, size) > width:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines


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
        line = ""
        for char in word:
            if line and stringWidth(line + char, font, size) > width:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines

"""Every script on paper: right-to-left text put in visual order, a font per run of text.

reportlab draws glyphs left to right in the order it is given and does no shaping of its
own without HarfBuzz, and its bidirectional reordering needs `rlbidi`, which is not on
PyPI. So Arabic is shaped here into its joined presentation forms (`arabic-reshaper`) and
each line of right-to-left text is put in visual order (`python-bidi`) before reportlab
sees it. Each character is then printed in the first bundled font that has it: DejaVu
(Latin, Cyrillic, Greek, Arabic, Hebrew, symbols), else Droid Sans Fallback (Chinese and
Japanese), else FieldKit Hangul (Korean; a subset of NanumGothic). Emoji, which no
bundled font has, are left out rather than printed as boxes; any other character no font
has prints as U+FFFD so the reader sees something is missing.

`markup` reorders each line as given; text someone typed goes in a `TextParagraph`
(fieldapp.pdf.paragraphs), which wraps right-to-left text in reading order first.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display  # the implementation that mirrors brackets
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile
from reportlab.pdfgen.canvas import Canvas

BASE_FONT = "DejaVuSans"  # the family whose cmap decides what needs no fallback
CJK_FONT = "DroidSansFallback"
HANGUL_FONT = "FieldKitHangul"
FALLBACK_FONTS = (CJK_FONT, HANGUL_FONT)  # tried in this order after the base font
_FILES = {BASE_FONT: "DejaVuSans.ttf", CJK_FONT: "DroidSansFallbackFull.ttf",
          HANGUL_FONT: "FieldKitHangul.ttf"}
MISSING = "\ufffd"
# Joiners, variation selectors and keycaps only make sense next to an emoji; dropped.
_EMOJI_PARTS = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0xE0020, 0xE007F))


# Right-to-left blocks (Hebrew to NKo, presentation forms, historic RTL planes) and emoji.
_RTL_OR_EMOJI = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff"
                           "\U0001e800-\U0001efff\u2600-\u27bf\U0001f000-\U0001faff]")


class Run(NamedTuple):
    """A stretch of text printed in one font (None: the paragraph's own font)."""

    font: str | None
    text: str


def _fonts_folder() -> Path:
    return Path(str(resources.files("resources") / "fonts"))


@cache
def register_fallback_fonts() -> None:
    """Register the CJK and Hangul fallback fonts with reportlab (once per process)."""
    for name in FALLBACK_FONTS:
        pdfmetrics.registerFont(TTFont(name, str(_fonts_folder() / _FILES[name])))
        # One weight only: <b> or <i> around such text prints it regular, not an error.
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name,
                                      boldItalic=name)


@cache
def _coverage(font_name: str) -> frozenset[int]:
    """The code points a bundled font has a glyph for."""
    return frozenset(TTFontFile(str(_fonts_folder() / _FILES[font_name])).charToGlyph)


@cache
def _reshaper() -> ArabicReshaper:
    # Vowel marks are kept: dropping them would change how a name is read.
    return ArabicReshaper(configuration={"delete_harakat": False,
                                         "delete_tatweel": False})


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def has_rtl(text: str) -> bool:
    """True if `text` holds any right-to-left letter (Hebrew, Arabic and the like)."""
    return any(_is_rtl(ch) for ch in text)


def base_direction(text: str) -> str | None:
    """"R" or "L" from the first letter with a direction (the bidi rule), None if none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return None


def shape(text: str) -> str:
    """Arabic letters in their joined forms (still in reading order)."""
    shaped = _reshaper().reshape(text)
    # A ligature the base font lacks would print as a box: keep the letters separate.
    if any(ord(ch) not in _coverage(BASE_FONT) for ch in shaped if _is_rtl(ch)):
        shaped = "".join(
            ch if ord(ch) in _coverage(BASE_FONT) else unicodedata.normalize("NFKC", ch)
            for ch in shaped)
    return shaped


def visual_line(line: str, base: str | None = None) -> str:
    """One line of text shaped and in left-to-right drawing order (unchanged if all LTR);
    `base` "R" or "L" sets the paragraph's direction, else its first letter does."""
    if not has_rtl(line):
        return line
    return str(get_display(shape(line), base_dir=base))


def _is_emoji(code: int) -> bool:
    return code in _EMOJI_PARTS or any(low <= code <= high for low, high in _EMOJI_RANGES)


def runs(text: str) -> Iterator[Run]:
    """`text` (one visual line) as runs of the base font and the fallback fonts.

    Characters of DejaVu print in the paragraph's own font, the others in the first
    fallback font that has them, emoji nowhere, anything else as U+FFFD.
    """
    base = _coverage(BASE_FONT)
    fallbacks = [(name, _coverage(name)) for name in FALLBACK_FONTS]
    current: str | None = None
    pending: list[str] = []
    for char in text:
        code = ord(char)
        if code in _EMOJI_PARTS or 0x1F3FB <= code <= 0x1F3FF:
            continue
        font = None if code in base else next(
            (name for name, coverage in fallbacks if code in coverage), MISSING)
        if font == MISSING:
            if _is_emoji(code) or unicodedata.category(char) in ("Mn", "Me", "Cf", "Sk"):
                continue
            font, char = None, MISSING
        if font != current and pending:
            yield Run(current, "".join(pending))
            pending = []
        current = font
        pending.append(char)
    if pending:
        yield Run(current, "".join(pending))


def one_font(text: str) -> bool:
    """True if `text` prints as it is in the base font: left to right, no fallback, no emoji."""
    if text.isascii():  # the common case, and DejaVu has every printable ASCII character
        return True
    base = _coverage(BASE_FONT)
    return all(ord(ch) in base for ch in text) and not _RTL_OR_EMOJI.search(text)


def printable(text: str) -> str:
    """`text` with control characters dropped (line breaks, tabs and no-break spaces kept:
    French and Spanish numbers group digits with them, "1\u202f234")."""
    return "".join(ch for ch in text
                   if ch in "\n\t\u00a0\u202f" or ch.isprintable() or _is_rtl(ch))


def line_markup(visual: str) -> str:
    """One visual line as Paragraph markup: escaped, each run in its font."""
    parts = []
    for run in runs(visual):
        escaped = html.escape(run.text, quote=False)
        parts.append(escaped if run.font is None
                     else f'<font name="{run.font}">{escaped}</font>')
    return "".join(parts)


def markup(text: str) -> str:
    """Plain text as reportlab Paragraph markup that prints in every script."""
    return "<br/>".join(line_markup(visual_line(line)) for line in printable(text).split("\n"))


def string_width(text: str, font: str, size: float) -> float:
    """Width in points of a visual line as `draw_string` prints it."""
    return sum(pdfmetrics.stringWidth(run.text, run.font or font, size) for run in runs(text))


def draw_string(canvas: Canvas, x: float, y: float, text: str, *, font: str, size: float,
                align: str = "left") -> None:
    """Draw one visual line on a canvas, switching fonts per run; `align` left or right."""
    if align == "right":
        x -= string_width(text, font, size)
    for run in runs(text):
        canvas.setFont(run.font or font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font or font, size)
    canvas.setFont(font, size)

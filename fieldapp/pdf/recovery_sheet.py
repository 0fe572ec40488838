"""The recovery key on paper: one page the officer keeps away from the laptop.

It names the profile folder, the computer and the date, shows the key large in a
monospace font, and says in two sentences what it is for and where to keep it. Nothing
else of the profile is on it.
"""

from __future__ import annotations

import io
import platform
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fieldapp.i18n import _
from fieldapp.pdf.common import (
    AUTHOR,
    FONT_BOLD,
    FONT_MONO,
    GRID,
    MARGIN,
    PAGE_SIZES,
    deliver,
    escape,
    printing_language,
    styles,
)

KEY_FILL = colors.HexColor("#f5f8fb")


def recovery_sheet_pdf(recovery_text: str, *, profile_folder: Path | str,
                       target: str | Path | None = None, page_size: str = "A4",
                       printed_on: date | None = None, computer: str | None = None,
                       lang: str | None = None) -> bytes | None:
    """The recovery sheet as PDF bytes, or written to `target` (then None); in `lang`
    ("fr") when given. `computer` defaults to this computer's network name."""
    with printing_language(lang):
        return _recovery_sheet(recovery_text, profile_folder=str(profile_folder),
                               target=target, page_size=page_size,
                               printed_on=printed_on or date.today(),
                               computer=computer if computer is not None else platform.node())


def recovery_sheet_text(recovery_text: str, *, profile_folder: Path | str,
                        printed_on: date | None = None, computer: str | None = None) -> str:
    """The same as plain text, for a .txt file."""
    lines = [_("CMCoord Field Kit — recovery key"), "",
             recovery_text, "",
             *_details(str(profile_folder), printed_on or date.today(),
                       computer if computer is not None else platform.node()), "",
             _explanation()]
    return "\n".join(lines) + "\n"


def _details(folder: str, printed_on: date, computer: str) -> list[str]:
    return [_("Profile folder: {folder}").format(folder=folder),
            _("Computer: {computer}").format(computer=computer or "—"),
            _("Made on: {date}").format(date=printed_on.isoformat())]


def _explanation() -> str:
    return _("This key opens the data of this Field Kit profile if the passphrase is "
             "forgotten or the system keyring is lost. Keep it on paper or on a USB stick "
             "away from the laptop, where no one else can read it.")


def _recovery_sheet(recovery_text: str, *, profile_folder: str, target: str | Path | None,
                    page_size: str, printed_on: date, computer: str) -> bytes | None:
    out = io.BytesIO()
    title = _("Field Kit recovery key")
    doc = SimpleDocTemplate(out, pagesize=PAGE_SIZES.get(page_size, PAGE_SIZES["A4"]),
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=title, author=AUTHOR)
    base = styles()
    key_style = ParagraphStyle("recovery_key", parent=base["body"], fontName=FONT_MONO,
                               fontSize=17, leading=24)
    # Two groups of four per line would split the key; four per line, two lines, reads well.
    groups = recovery_text.split("-")
    key_lines = ["-".join(groups[i:i + 4]) for i in range(0, len(groups), 4)]
    key = Table([[Paragraph("<br/>".join(escape(line) for line in key_lines), key_style)]],
                colWidths=[doc.width])
    key.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, GRID),
                             ("BACKGROUND", (0, 0), (-1, -1), KEY_FILL),
                             ("TOPPADDING", (0, 0), (-1, -1), 10),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                             ("LEFTPADDING", (0, 0), (-1, -1), 12)]))
    label = ParagraphStyle("label", parent=base["body"], fontName=FONT_BOLD)
    story = [Paragraph(escape(title), base["title"]),
             Paragraph(escape(_explanation()), base["body"]),
             Spacer(1, 6 * mm),
             Paragraph(escape(_("Recovery key")), label),
             key,
             Spacer(1, 6 * mm)]
    story += [Paragraph(escape(line), base["body"])
              for line in _details(profile_folder, printed_on, computer)]
    story += [Spacer(1, 6 * mm),
              Paragraph(escape(_("To use it: start Field Kit, choose \"Use the recovery key "
                                 "instead\" and type the key; capitals, spaces and hyphens "
                                 "do not matter.")), base["small"])]
    doc.build(story)
    return deliver(out, target)

"""The handbook (whole, or one chapter) as a PDF with a contents page and page numbers."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from markdown_it.token import Token
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from fieldapp.handbook.markdown import parse_tokens
from fieldapp.i18n import _
from fieldapp.pdf.common import (
    AUTHOR,
    FONT,
    MARGIN,
    PAGE_SIZES,
    deliver,
    escape,
    numbered_canvas,
    styles,
)
from fieldapp.pdf.paragraphs import TextParagraph
from fieldapp.pdf.scripts import has_rtl, markup
from fieldapp.progress import Progress

_INLINE_TAGS = {
    "strong_open": "<b>", "strong_close": "</b>", "em_open": "<i>", "em_close": "</i>",
    "softbreak": " ", "hardbreak": "<br/>",
}


def _plain(token: Token) -> str:
    """An inline token's text without its Markdown (a checklist box as the reader shows it)."""
    text = "".join(child.content if child.type in ("text", "code_inline") else
                   " " if child.type in ("softbreak", "hardbreak") else ""
                   for child in token.children or [])
    if text.startswith(("[ ] ", "[x] ", "[X] ")):
        text = ("☑ " if text[1] in "xX" else "☐ ") + text[4:]
    return text


def _paragraph(token: Token, style: ParagraphStyle, **kwargs: Any) -> Paragraph:
    """A paragraph of the handbook: with its bold and italics; or, when it holds Arabic
    or Hebrew, wrapped in reading order and each line put in visual order (the words of a
    long right-to-left paragraph would otherwise read from the bottom up)."""
    plain = _plain(token)
    if has_rtl(plain):
        return TextParagraph(plain, style, **kwargs)
    return Paragraph(_inline(token), style, **kwargs)


def _inline(token: Token) -> str:
    out: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            text = child.content
            if text.startswith(("[ ] ", "[x] ", "[X] ")):
                text = ("☑ " if text[1] in "xX" else "☐ ") + text[4:]
            out.append(escape(text))
        elif child.type == "code_inline":
            out.append(f'<font name="DejaVuSansMono">{escape(child.content)}</font>')
        elif child.type in _INLINE_TAGS:
            out.append(_INLINE_TAGS[child.type])
    return "".join(out)


class _Doc(BaseDocTemplate):
    def __init__(self, target: Any, *, progress: Progress | None = None, steps: int = 1,
                 **kwargs: Any) -> None:
        super().__init__(target, **kwargs)
        self._progress = progress
        self._steps = max(steps, 1)  # chapter headings to place, over every layout pass
        self._laid_out = 0
        frame = Frame(MARGIN, MARGIN, self.width, self.height - 4, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if self._progress is not None:
            self._progress.check()
        if isinstance(flowable, Paragraph) and hasattr(flowable, "_bookmark"):  # a chapter
            # The title as written: a PDF viewer orders the bookmark's letters itself; the
            # contents page is drawn by reportlab, so it gets the title in visual order.
            title = getattr(flowable, "_title", None) or flowable.getPlainText()
            self._report(title)
            key = getattr(flowable, "_bookmark", None)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0)
            self.notify("TOCEntry", (0, markup(title), self.page, key))

    def _report(self, title: str) -> None:
        self._laid_out += 1
        if self._progress is not None:  # an extra layout pass must not pass 100%
            self._progress.report(min(self._laid_out, self._steps - 1), self._steps, title)


def _table(tokens: list[Token], start: int) -> tuple[Table, int]:
    rows: list[list[Paragraph]] = []
    row: list[Paragraph] = []
    index = start
    header = True
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "tbody_open":
            header = False
        elif token.type == "inline":
            style = styles()["cell_bold" if header else "cell"]
            row.append(_paragraph(token, style))
        index += 1
    width = max(len(r) for r in rows) if rows else 1
    rows = [r + [Paragraph("", styles()["cell"])] * (width - len(r)) for r in rows]
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa7b4")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3ecf5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table, index


def chapter_flowables(title: str, markdown: str, *, key: str) -> list[Flowable]:
    """A chapter's heading and body as reportlab flowables."""
    st = styles()
    heading = TextParagraph(title, st["h1"])
    heading._bookmark = key  # type: ignore[attr-defined]
    heading._title = title  # type: ignore[attr-defined]
    flow: list[Flowable] = [heading]
    tokens = parse_tokens(markdown)
    depth = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "heading_open":
            level = "h2" if token.tag in ("h1", "h2") else "h3"
            flow.append(_paragraph(tokens[index + 1], st[level]))
            index += 1
        elif token.type == "table_open":
            table, index = _table(tokens, index)
            flow += [table, Spacer(1, 6)]
        elif token.type == "inline" and depth > 0:
            bullet = "" if _plain(token).startswith(("☐", "☑")) else "•"
            style = st["bullet"].clone("b", leftIndent=12 * depth, bulletIndent=12 * depth - 10)
            flow.append(_paragraph(token, style, bulletText=bullet or None))
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            flow.append(_paragraph(token, st["body"]))
        elif token.type in ("fence", "code_block"):
            flow.append(Paragraph(escape(token.content), st["mono"]))
        index += 1
    return flow


def handbook_pdf(
    chapters: list[tuple[str, str, str]],
    *,
    edition: str,
    target: str | Path | None = None,
    page_size: str = "A4",
    with_contents: bool = True,
    progress: Progress | None = None,
) -> bytes | None:
    """Chapters (slug, title, markdown) as a PDF: bytes, or written to `target`.

    `progress` hears of each chapter laid out and can cancel the build (raises Cancelled).
    """
    st = styles()
    out = io.BytesIO()
    contents = with_contents and len(chapters) > 1  # a contents page takes two passes
    title = _("UN-CMCoord Field Handbook")
    doc = _Doc(out, progress=progress, steps=len(chapters) * (2 if contents else 1),
               pagesize=PAGE_SIZES[page_size], leftMargin=MARGIN, rightMargin=MARGIN,
               topMargin=MARGIN, bottomMargin=MARGIN + 4, title=title, author=AUTHOR)
    # Translators: under the handbook's title; {edition} like "2026.1", {date} like
    # "2026-03-01".
    edition_line = _("Edition {edition} — printed {date}").format(
        edition=edition, date=date.today().isoformat())
    story: list[Flowable] = [
        Paragraph(escape(title), st["title"]),
        Paragraph(escape(edition_line), st["body"]),
        Spacer(1, 12),
    ]
    if contents:
        toc = TableOfContents()
        toc.levelStyles = [st["body"].clone("toc0", fontName=FONT, fontSize=10.5, leading=16)]
        story += [Paragraph(escape(_("Contents")), st["h2"]), toc, PageBreak()]
    for number, (slug, title, markdown) in enumerate(chapters):
        if number:
            story.append(PageBreak())
        story += chapter_flowables(title, markdown, key=slug)
    doc.multiBuild(story, canvasmaker=numbered_canvas())
    return deliver(out, target)

"""Lessons observed on paper: one lesson, or several selected ones, on the template layout.

Each lesson starts on a new page: title, a table of date, operation or exercise,
location, topic, sensitivity, suggested owner and keywords, then the observation,
discussion and recommendation (long text flows over pages, paragraph by paragraph),
then HQ's status and comment. Every page of an internal lesson carries the banner
"INTERNAL — not for publication" in its header; the footer says "page x of y". All text
is escaped: markup typed by someone prints as the characters typed.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from fieldapp.i18n import N_, _, format_number
from fieldapp.labels import lesson_status_label, topic_label
from fieldapp.models.enums import LessonStatus, Sensitivity
from fieldapp.pdf.common import (
    AUTHOR,
    FONT,
    FONT_BOLD,
    GRID,
    MARGIN,
    PAGE_SIZES,
    UN_BLUE,
    deliver,
    escape,
    numbered_canvas,
    printing_language,
    styles,
)
from fieldapp.pdf.paragraphs import TextParagraph
from fieldapp.progress import Progress
from fieldapp.services.lessons import PARTS, LessonView, lesson_view, lessons_by_ids

INTERNAL_BANNER = N_("INTERNAL \u2014 not for publication")  # translated where printed
# Where a lesson is in its review, after "Status:" in the printout.
_REVIEW_STATE = {
    LessonStatus.DRAFT: N_("draft, not yet sent to Geneva"),
    LessonStatus.SUBMITTED: N_("submitted to Geneva, awaiting review"),
    LessonStatus.VALIDATED: N_("validated by HQ"),
    LessonStatus.RETURNED: N_("returned by HQ"),
    LessonStatus.PUBLISHED: N_("published by HQ"),
}
BANNER_RED = colors.HexColor("#b3261e")
LABEL_FILL = colors.HexColor("#eef3f8")
COMMENT_FILL = colors.HexColor("#fff4d6")


class _PageMarker(Flowable):
    """Invisible; tells the canvas which lesson's pages follow (for the page header)."""

    def __init__(self, *, internal: bool, title: str) -> None:
        super().__init__()
        self.internal = internal
        self.title = title

    def wrap(self, *_size: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._lesson_internal = self.internal  # type: ignore[attr-defined]
        self.canv._lesson_title = self.title  # type: ignore[attr-defined]


def _header(canvas: Canvas) -> None:
    width, height = canvas._pagesize
    canvas.setFillColor(UN_BLUE)
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawString(MARGIN, height - 11 * mm, _("Lesson observed \u2014 CMCoord Field Kit"))
    if getattr(canvas, "_lesson_internal", False):
        canvas.setFillColor(BANNER_RED)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawRightString(width - MARGIN, height - 11 * mm, _(INTERNAL_BANNER))
    canvas.setStrokeColor(GRID)
    canvas.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)


def _banner(width: float) -> Table:
    style = ParagraphStyle("banner", parent=styles()["body"], fontName=FONT_BOLD,
                           fontSize=11, leading=14, textColor=colors.white, alignment=1)
    table = Table([[Paragraph(escape(_(INTERNAL_BANNER)), style)]], colWidths=[width])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), BANNER_RED),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _facts(view: LessonView, width: float) -> Table:
    d = view.data
    cell, bold = styles()["cell"], styles()["cell_bold"]
    source = view.operation_name
    if d.exercise_name:
        # Translators: a lesson's operation and the exercise it came from,
        # e.g. "Cyclone Idai — exercise: Pacific Endeavour".
        source = _("{operation} \u2014 exercise: {exercise}").format(
            operation=source, exercise=d.exercise_name) if source else (
            _("Exercise: {exercise}").format(exercise=d.exercise_name))
    sensitivity = (_("Public \u2014 may be published in the lessons library")
                   if d.sensitivity == Sensitivity.PUBLIC else _(INTERNAL_BANNER))
    rows = [
        (_("Date observed"), d.observed_on.isoformat() if d.observed_on else _("not given")),
        (_("Operation / exercise"), source or _("not given")),
        (_("Location"), d.location or "\u2014"),
        (_("Topic"), topic_label(d.topic) if d.topic else _("not chosen")),
        (_("Sensitivity"), sensitivity),
        (_("Suggested owner"), d.suggested_owner or "\u2014"),
        (_("Keywords"), d.keywords or "\u2014"),
    ]
    table = Table([[Paragraph(escape(label), bold), TextParagraph(value, cell)]
                   for label, value in rows], colWidths=[42 * mm, width - 42 * mm])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.3, GRID),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _paragraphs(value: str) -> list[Flowable]:
    """Text as typed, split at blank lines so long parts flow over pages."""
    body = styles()["body"]
    chunks = [chunk for chunk in value.replace("\r\n", "\n").split("\n\n") if chunk.strip()]
    if not chunks:
        return [Paragraph(f"<i>{escape(_('(empty)'))}</i>", body)]
    return [TextParagraph(chunk.strip("\n"), body) for chunk in chunks]


def _review(view: LessonView, width: float) -> list[Flowable]:
    state = _REVIEW_STATE.get(view.status)
    where = _(state) if state else lesson_status_label(view.status)
    flow: list[Flowable] = [
        Paragraph(escape(_("Review")), styles()["h2"]),
        Paragraph(f"<b>{escape(_('Status:'))}</b> {escape(where)}", styles()["body"])]
    if view.hq_comment.strip():
        box = Table([[Paragraph(f"<b>{escape(_('HQ comment:'))}</b> " + escape(view.hq_comment),
                                styles()["body"])]], colWidths=[width])
        box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), COMMENT_FILL),
                                 ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#d9a400")),
                                 ("TOPPADDING", (0, 0), (-1, -1), 4),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        flow.append(box)
    return [KeepTogether(flow)]


def _lesson_story(view: LessonView, width: float) -> list[Flowable]:
    internal = view.data.sensitivity != Sensitivity.PUBLIC
    story: list[Flowable] = [_PageMarker(internal=internal, title=view.data.title)]
    if internal:
        story += [_banner(width), Spacer(1, 6)]
    title = view.data.title.strip()
    story += [TextParagraph(title, styles()["title"]) if title
              else Paragraph(f"<i>{escape(_('Untitled lesson'))}</i>", styles()["title"]),
              _facts(view, width)]
    for part in PARTS:
        story.append(Paragraph(escape(_(part.label)), styles()["h2"]))
        story += _paragraphs(getattr(view.data, part.field))
    story += [Spacer(1, 4), *_review(view, width)]
    return story


def _build(views: list[LessonView], *, title: str, target: str | Path | None,
           page_size: str, printed_on: date | None,
           progress: Progress | None = None) -> bytes | None:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE_SIZES[page_size], leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=18 * mm, bottomMargin=16 * mm,
                            title=title, author=AUTHOR)
    story: list[Flowable] = []
    for number, view in enumerate(views):
        if progress is not None:
            progress.report(number, len(views), _("Laying out the lessons"))
        if number:
            story.append(PageBreak())
        story += _lesson_story(view, doc.width)
    if not views:
        story.append(Paragraph(escape(_("No lessons selected.")), styles()["body"]))
    printed = (printed_on or date.today()).isoformat()
    # Translators: at the end of the printout; {date} like "2026-03-01".
    story.append(Paragraph(escape(_("Printed {date}").format(date=printed)), ParagraphStyle(
        "printed", parent=styles()["small"], textColor=colors.grey, fontName=FONT,
        spaceBefore=8)))
    doc.build(story, canvasmaker=numbered_canvas(_header))
    return deliver(out, target)


def lesson_pdf(session: Session, lesson_id: str, *, target: str | Path | None = None,
               page_size: str = "A4", printed_on: date | None = None,
               lang: str | None = None) -> bytes | None:
    """One lesson as PDF bytes, or written to `target` (then None); in `lang` ("fr")
    when given."""
    with printing_language(lang):
        view = lesson_view(session, lesson_id)
        # Translators: the PDF's title, e.g. "Lesson observed — Asset offers before needs".
        title = _("Lesson observed \u2014 {title}").format(title=view.data.title)
        return _build([view], title=title, target=target, page_size=page_size,
                      printed_on=printed_on)


def lessons_pdf(session: Session, lesson_ids: list[str], *, target: str | Path | None = None,
                page_size: str = "A4", printed_on: date | None = None,
                progress: Progress | None = None, lang: str | None = None) -> bytes | None:
    """The selected lessons, each from a new page, as PDF bytes or written to `target`;
    in `lang` ("fr") when given."""
    with printing_language(lang):
        views = lessons_by_ids(session, lesson_ids)
        # Translators: the PDF's title; {count} is how many lessons it holds.
        title = _("Lessons observed ({count})").format(count=format_number(len(views)))
        return _build(views, title=title, target=target, page_size=page_size,
                      printed_on=printed_on, progress=progress)

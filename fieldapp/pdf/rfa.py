"""The Request for Assistance form as PDF: what goes on the table at the validation meeting.

Layout (A4 or US Letter, portrait): the operation and reference head every page, a QR
code of the reference sits beside the title; then the request in labelled tables, the
**last-resort justification** boxed and early (it is what the HC/RC reads first), the
task, place, time and quantities, security, proposed assets, remarks, the status with its
history, and three signature blocks (requesting organisation, UN-CMCoord officer with the
profile's name and organisation, HC/RC validation) that never stand alone on a page.
Long texts are cut into table rows so they flow onto the next page instead of
overflowing; every text goes through `common.escape` (every script, markup escaped).

Data is loaded once (`load_rfa_document`) into plain objects, so rendering needs no
Session and can be timed or rebuilt without the database.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from fieldapp.i18n import _, format_number, ngettext
from fieldapp.labels import capability_label, cluster_label, priority_label, rfa_status_label
from fieldapp.models import Asset, Contact, Operation, Organisation, utcnow
from fieldapp.models.enums import RfaPriority
from fieldapp.pdf.common import (
    AUTHOR,
    FONT,
    FONT_BOLD,
    MARGIN,
    PAGE_SIZES,
    UN_BLUE,
    draw_line,
    escape,
    fit_text,
    printing_language,
    styles,
)
from fieldapp.pdf.common import numbered_canvas as _numbered_canvas
from fieldapp.pdf.paragraphs import TextParagraph
from fieldapp.services.contacts import display_phone
from fieldapp.services.register import directory_label
from fieldapp.services.rfa import get_rfa, history
from fieldapp.services.settings import get_officer

GRID = colors.HexColor("#b8c4d0")
LABEL_FILL = colors.HexColor("#e3ecf5")
ALERT = colors.HexColor("#b3261e")
CHUNK = 900  # characters per table row of a long text: one row always fits on a page
KEEP_HISTORY_ROWS = 2  # history rows printed on the signatures' page


@dataclass(frozen=True)
class HistoryLine:
    """One status change as printed."""

    at: datetime
    from_status: str
    to_status: str
    by: str
    comment: str


@dataclass
class RfaDocument:
    """Everything the form prints, loaded from the database (or built by a test)."""

    operation_name: str
    operation_code: str
    timezone: str
    hc_rc: str
    reference: str
    status: str
    values: dict[str, object]  # the Rfa's columns by name
    organisation: str = ""
    contact: str = ""  # name, role, phones and e-mail on lines
    officer: str = ""  # the UN-CMCoord officer of this profile (first-run dialog)
    officer_organisation: str = ""
    proposed_assets: list[str] = field(default_factory=list)
    tasked_asset: str = ""
    history: list[HistoryLine] = field(default_factory=list)
    printed_at: datetime = field(default_factory=utcnow)


def asset_label(asset: Asset) -> str:
    """An asset on one line: capability, description, capacity, provider, place."""
    where = f" — {asset.place_name}" if asset.place_name else ""
    capacity = (f", {format_number(asset.capacity_value)} {asset.capacity_unit}".rstrip()
                if asset.capacity_value is not None else "")
    provider = " ".join(p for p in (asset.provider_state, asset.provider_unit) if p)
    return f"{capability_label(asset.category)}: {asset.description or provider}" \
           f"{capacity} ({provider or _('provider unknown')}){where}"


def _contact_text(contact: Contact, organisation: Organisation | None) -> str:
    lines = [contact.display_name]
    if contact.role or organisation is not None:
        lines.append(", ".join(p for p in (contact.role, organisation.acronym or organisation.name
                                           if organisation else "") if p))
    phones = [f"{p.get('kind', '')} {display_phone(p.get('number', ''))}".strip()
              for p in contact.phones or []]
    lines += [" · ".join(phones)] if phones else []
    lines += [", ".join(contact.emails)] if contact.emails else []
    # Translators: a contact's radio call sign, e.g. "Call sign EAGLE 1".
    lines += [_("Call sign {call_sign}").format(call_sign=contact.call_sign)] \
        if contact.call_sign else []
    return "\n".join(lines)


def load_rfa_document(session: Session, rfa_id: str, *, lang: str | None = None) -> RfaDocument:
    """Read one request, its operation, people, assets and history for printing (the
    asset and contact lines in `lang`, "fr", when given: print with the same `lang`)."""
    with printing_language(lang):
        return _load_rfa_document(session, rfa_id)


def _load_rfa_document(session: Session, rfa_id: str) -> RfaDocument:
    rfa = get_rfa(session, rfa_id)
    operation = session.get(Operation, rfa.operation_id)
    organisation = session.get(Organisation, rfa.requesting_org_id) if rfa.requesting_org_id \
        else None
    contact = session.get(Contact, rfa.contact_id) if rfa.contact_id else None
    contact_org = (session.get(Organisation, contact.organisation_id)
                   if contact is not None and contact.organisation_id else None)
    proposed = []
    for asset_id in rfa.proposed_asset_ids or []:
        asset = session.get(Asset, asset_id)
        if asset is not None:
            if not asset.deleted:
                proposed.append(asset_label(asset))
            continue
        entry = directory_label(session, asset_id)  # a Central Register entry proposed
        if entry is not None:
            proposed.append(entry)
    tasked = session.get(Asset, rfa.tasked_asset_id) if rfa.tasked_asset_id else None
    officer = get_officer(session)
    return RfaDocument(
        operation_name=operation.name if operation else "",
        operation_code=operation.code if operation else "",
        timezone=operation.timezone if operation else "UTC",
        hc_rc=operation.hc_rc if operation else "",
        reference=rfa.reference, status=rfa.status,
        values={column.key: getattr(rfa, column.key) for column in rfa.__table__.columns},
        organisation=(f"{organisation.name} ({organisation.acronym})" if organisation
                      and organisation.acronym else organisation.name if organisation else ""),
        contact=_contact_text(contact, contact_org) if contact is not None else "",
        proposed_assets=proposed,
        tasked_asset=asset_label(tasked) if tasked is not None else "",
        history=[HistoryLine(e.at, e.from_status, e.to_status, e.by, e.comment)
                 for e in history(session, rfa_id)],
        officer=officer.name, officer_organisation=officer.organisation,
    )


# Text helpers ------------------------------------------------------------------------------

def local_time(value: datetime | None, timezone: str) -> str:
    """A stored UTC time in the operation's zone, e.g. "2025-03-04 14:00 (UTC+02:00)"."""
    if value is None:
        return ""
    try:
        zone = ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = value.astimezone(zone)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """Split text into pieces of at most about `size` characters, at line or word breaks."""
    pieces: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        while len(paragraph) > size:
            cut = paragraph.rfind(" ", size // 2, size)
            cut = cut if cut > 0 else size
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip(" ")
        pieces.append(paragraph)
    while pieces and not pieces[-1].strip():
        pieces.pop()
    return pieces


def _number(value: object, unit: str = "") -> str:
    if value is None or value == "":
        return ""
    text = format_number(value) if isinstance(value, int | float) else str(value)
    return f"{text} {unit}".strip()


def _quantities(values: dict[str, object]) -> str:
    """Passengers, cargo and any other quantity on one line: "6 passengers; 4 t cargo"."""
    passengers, tonnes, volume = (values.get(key) for key in ("passengers", "cargo_tonnes",
                                                              "cargo_m3"))
    parts = [
        ngettext("{count} passenger", "{count} passengers", int(passengers)).format(
            count=_number(passengers)) if _number(passengers) else "",
        # Translators: a weight of cargo in tonnes, e.g. "4 t cargo".
        _("{amount} t cargo").format(amount=_number(tonnes)) if _number(tonnes) else "",
        # Translators: a volume of cargo in cubic metres, e.g. "12 m³ cargo".
        _("{amount} m³ cargo").format(amount=_number(volume)) if _number(volume) else "",
        _number(values.get("other_quantity"), str(values.get("other_unit") or "")),
    ]
    return "; ".join(part for part in parts if part)


def _coords(lat: object, lon: object) -> str:
    if lat is None or lon is None:
        return ""
    return f"{lat:.5f}, {lon:.5f}"  # type: ignore[str-format]


# Flowables ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Styles:
    cell: ParagraphStyle
    label: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    alert: ParagraphStyle
    small: ParagraphStyle


def _styles() -> _Styles:
    base = styles()
    return _Styles(
        cell=base["cell"],
        label=ParagraphStyle("rfa_label", parent=base["cell_bold"], fontSize=8,
                             textColor=colors.HexColor("#243b53")),
        heading=ParagraphStyle("rfa_heading", parent=base["h2"], fontSize=11.5, leading=14,
                               spaceBefore=9, spaceAfter=3),
        title=ParagraphStyle("rfa_title", parent=base["title"], fontSize=17, leading=21,
                             spaceAfter=2),
        alert=ParagraphStyle("rfa_alert", parent=base["cell_bold"], textColor=ALERT),
        small=base["small"],
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return TextParagraph(text, style)


def _fields_table(rows: list[tuple[str, str, str, str]], width: float, st: _Styles) -> Table:
    """Label | value | label | value rows (a label of "" spans its value over the row)."""
    label_w = 34 * mm
    value_w = (width - 2 * label_w) / 2
    data, spans = [], []
    for number, (l1, v1, l2, v2) in enumerate(rows):
        if not l2:
            data.append([_p(l1, st.label), _p(v1, st.cell), "", ""])
            spans += [("SPAN", (1, number), (3, number)),
                      ("BACKGROUND", (1, number), (3, number), colors.white)]
        else:
            data.append([_p(l1, st.label), _p(v1, st.cell), _p(l2, st.label), _p(v2, st.cell)])
    table = Table(data, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("BACKGROUND", (2, 0), (2, -1), LABEL_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *spans,
    ]))
    return table


def _text_block(label: str, text: str, width: float, st: _Styles, *, boxed: bool = False,
                empty: str = "—") -> Table:
    """A labelled long text as table rows, so it can split between pages (label repeats)."""
    pieces = chunks(text) or [empty]
    data = [[_p(label, st.label)]] + [[_p(piece, st.cell)] for piece in pieces]
    table = Table(data, colWidths=[width], repeatRows=1, hAlign="LEFT")
    border = (("BOX", (0, 0), (-1, -1), 1.6, UN_BLUE) if boxed
              else ("BOX", (0, 0), (-1, -1), 0.4, GRID))
    table.setStyle(TableStyle([
        border,
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 1), (-1, 1), 3),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def _qr(reference: str, size: float) -> Drawing:
    widget = QrCodeWidget(reference or "-", barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _title_block(doc: RfaDocument, width: float, st: _Styles) -> Table:
    op = f"{doc.operation_name} ({doc.operation_code})" if doc.operation_code else \
        doc.operation_name
    left = [
        _p(op, ParagraphStyle("op", parent=st.cell, textColor=colors.grey)),
        Paragraph(escape(_("Request for Assistance")), st.title),
        _p(_("Military and civil defence assets (MCDA) — UN-CMCoord"), st.small),
        Spacer(1, 4),
        Paragraph(f"<font name='{FONT_BOLD}' size='13'>{escape(doc.reference)}</font>", st.cell),
    ]
    qr_size = 27 * mm
    table = Table([[left, _qr(doc.reference, qr_size)]],
                  colWidths=[width - qr_size - 4, qr_size + 4], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("LINEBELOW", (0, 0), (-1, 0), 1.2, UN_BLUE)]))
    return table


def _history_rows(doc: RfaDocument, st: _Styles) -> list[list[object]]:
    """The history's rows (a long comment continues on rows of its own)."""
    data: list[list[object]] = []
    for line in doc.history:
        change = (f"{rfa_status_label(line.from_status)} → {rfa_status_label(line.to_status)}"
                  if line.from_status else rfa_status_label(line.to_status))
        # The app's own comments ("Draft created") are stored in English and come out in
        # the print's language; what an officer typed is not in the catalog and stays.
        pieces = chunks(_(line.comment) if line.comment else "") or [""]
        data.append([_p(f"{line.at:%Y-%m-%d %H:%M}", st.cell), _p(change, st.cell),
                     _p(line.by, st.cell), _p(pieces[0], st.cell)])
        data += [["", "", "", _p(piece, st.cell)] for piece in pieces[1:]]
    if not doc.history:
        data.append([_p(_("No history recorded."), st.cell), "", "", ""])
    return data


def _history_table(rows: list[list[object]], width: float, st: _Styles, *,
                   heading_row: bool) -> Table:
    widths = [32 * mm, 62 * mm, 34 * mm]
    widths.append(width - sum(widths))
    head = [[_p(h, st.label) for h in (_("When (UTC)"), _("Change"),
                                         # Translators: who made a status change.
                                         _("By"), _("Comment"))]]
    table = Table((head if heading_row else []) + rows, colWidths=widths,
                  repeatRows=1 if heading_row else 0, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        *([("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL)] if heading_row else []),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def _signature_blocks(doc: RfaDocument, width: float, st: _Styles) -> list[Flowable]:
    titles = (_("Requesting organisation"), _("UN-CMCoord officer"),
              _("Validation by the HC/RC"))
    names = (doc.contact.split("\n", 1)[0] if doc.contact else "", doc.officer, doc.hc_rc)
    organisations = (doc.organisation, doc.officer_organisation, "")
    column = width / 3

    def block(title: str, name: str, organisation: str) -> list[Flowable]:
        # Rows grow with a long name; the minimum heights leave room to write by hand.
        lines = Table([[_p(_("Name"), st.cell), _p(name, st.cell)],
                       [_p(_("Organisation"), st.cell), _p(organisation, st.cell)],
                       [_p(_("Date"), st.cell), ""], [_p(_("Signature"), st.cell), ""]],
                      colWidths=[24 * mm, column - 24 * mm - 12],
                      rowHeights=[None, None, 9 * mm, 14 * mm])
        lines.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return [_p(title, st.label), lines]

    table = Table([[block(t, n, o) for t, n, o in zip(titles, names, organisations,
                                                      strict=True)]],
                  colWidths=[column] * 3, hAlign="LEFT")
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID),
                               ("INNERGRID", (0, 0), (-1, -1), 0.6, GRID),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [_p(_("Signatures"), _styles().heading), table]


def _story(doc: RfaDocument, width: float) -> list[Flowable]:
    st = _styles()
    v = doc.values
    tz = doc.timezone or "UTC"
    priority = str(v.get("priority") or "")
    life_saving = priority == RfaPriority.LIFE_SAVING
    summary = _fields_table([
        (_("Status"), rfa_status_label(doc.status), _("Priority"),
         priority_label(priority).upper() if life_saving else priority_label(priority)),
        (_("Title"), str(v.get("title") or ""), "", ""),
        (_("Capability requested"), capability_label(v.get("capability") or ""),
         _("Cluster / sector"), cluster_label(str(v.get("cluster") or ""))),
        (_("Requesting organisation"), doc.organisation, "", ""),
        # Full width: e-mail addresses and phone numbers would otherwise break mid-word.
        (_("Contact person"), doc.contact, "", ""),
    ], width, st)
    if life_saving:
        summary.setStyle(TableStyle([("TEXTCOLOR", (3, 0), (3, 0), ALERT),
                                     ("BACKGROUND", (3, 0), (3, 0), colors.HexColor("#fdecea"))]))
    unique = (_("Yes — no other capability can do this task") if v.get("capability_unique")
              else _("No"))
    story: list[Flowable] = [
        _title_block(doc, width, st), Spacer(1, 8), summary,
        _p(_("Last resort: why civilian means cannot meet the need"), st.heading),
        _text_block(_("Civilian means tried or considered"),
                    str(v.get("civilian_means_tried") or ""), width, st, boxed=True),
        Spacer(1, 3),
        _text_block(_("Justification (why no civilian means can meet the need in time)"),
                    str(v.get("last_resort_justification") or ""), width, st, boxed=True),
        Spacer(1, 3),
        _fields_table([(_("Capability unique"), unique, "", "")], width, st),
        _p(_("Task"), st.heading),
        _text_block(_("Task description"), str(v.get("task_description") or ""), width, st),
        Spacer(1, 3),
        _fields_table([
            # Translators: the place a task starts from / goes to.
            (_("From"), str(v.get("from_place") or ""), _("To"), str(v.get("to_place") or "")),
            (_("From coordinates"), _coords(v.get("from_lat"), v.get("from_lon")),
             _("To coordinates"), _coords(v.get("to_lat"), v.get("to_lon"))),
            (_("Required from"), local_time(v.get("required_from"), tz),  # type: ignore[arg-type]
             _("Required until"), local_time(v.get("required_until"), tz)),  # type: ignore[arg-type]
            (_("Quantities"), _quantities(v), "", ""),
        ], width, st),
        Spacer(1, 3),
        _text_block(_("Security considerations"), str(v.get("security_considerations") or ""),
                    width, st),
        _p(_("Assets"), st.heading),
        _text_block(_("Proposed assets (from the MCDA directory)"),
                    "\n".join(doc.proposed_assets), width, st, empty=_("None proposed.")),
    ]
    if doc.tasked_asset:
        story += [Spacer(1, 3), _fields_table([(_("Tasked asset"), doc.tasked_asset, "", "")],
                                              width, st)]
    story += [
        Spacer(1, 3),
        _text_block(_("Remarks"), str(v.get("remarks") or ""), width, st),
    ]
    # The signatures never stand alone on a page: they keep the end of the history (and
    # the history's heading when it is short) with them.
    history_heading = _p(_("Status: {status} — history").format(
        status=rfa_status_label(doc.status)), st.heading)
    rows = _history_rows(doc, st)
    head, tail = rows[:-KEEP_HISTORY_ROWS], rows[-KEEP_HISTORY_ROWS:]
    ending: list[Flowable] = [
        _history_table(tail, width, st, heading_row=not head),
        Spacer(1, 4),
        *_signature_blocks(doc, width, st),
        Spacer(1, 4),
        # Translators: {zone} is a time zone such as "Africa/Maputo", {printed} a date
        # and time in UTC such as "2026-12-06 14:00".
        _p(_("Times in the operation's zone ({zone}) unless marked UTC. Printed {printed} UTC "
             "with CMCoord Field Kit.").format(zone=tz, printed=f"{doc.printed_at:%Y-%m-%d %H:%M}"),
           st.small),
    ]
    if head:
        story += [history_heading, _history_table(head, width, st, heading_row=True),
                  KeepTogether(ending)]
    else:
        story.append(KeepTogether([history_heading, *ending]))
    return story


def _running_header(doc: RfaDocument) -> Callable[[Canvas], None]:
    left = f"{doc.operation_code} · {_('Request for Assistance')}" if doc.operation_code \
        else _("Request for Assistance")

    def draw(canvas: Canvas) -> None:
        width, height = canvas._pagesize
        room = (width - 2 * MARGIN) / 2 - 3 * mm
        canvas.setFillColor(colors.grey)
        draw_line(canvas, MARGIN, height - 11 * mm, fit_text(left, FONT, 8, room), font=FONT,
                  size=8)
        draw_line(canvas, width - MARGIN, height - 11 * mm, fit_text(doc.reference, FONT, 8, room),
                  font=FONT, size=8, align="right")
        draw_line(canvas, MARGIN, 10 * mm, rfa_status_label(doc.status), font=FONT, size=8)
    return draw


def rfa_pdf(doc: RfaDocument, *, page_size: str = "A4", lang: str | None = None) -> bytes:
    """The request form as PDF bytes (page_size "A4" or "Letter"), in `lang` ("en", "fr",
    "es") when given, else in the application's language."""
    with printing_language(lang):
        out = io.BytesIO()
        template = SimpleDocTemplate(
            out, pagesize=PAGE_SIZES[page_size], leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=16 * mm, bottomMargin=16 * mm,
            # Translators: the PDF's title, e.g. "Request for Assistance MOZ-RFA-0001".
            title=_("Request for Assistance {reference}").format(reference=doc.reference),
            author=AUTHOR, subject=str(doc.values.get("title") or ""))
        template.build(_story(doc, template.width), canvasmaker=_numbered_canvas(
            _running_header(doc)))
        return out.getvalue()

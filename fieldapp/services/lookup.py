"""Read-only lookups the screens need: the country list, operations as plain values, and a
short summary of any record a global-search hit points at.

Everything here returns plain frozen values (no ORM rows), so the UI can keep them after
the worker's session is closed and hand them between threads safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.errors import NotFoundError
from fieldapp.i18n import _
from fieldapp.models import Asset, Contact, HandbookSection, Lesson, Operation, Organisation, Rfa
from fieldapp.models.base import Syncable
from fieldapp.models.enums import OperationStatus

R = TypeVar("R", bound=Syncable)

SUMMARY_TEXT_LIMIT = 400


def country_names() -> list[str]:
    """English short names of every ISO 3166 country, sorted, as `country_name` gives them."""
    return sorted((str(country.name) for country in pycountry.countries), key=str.casefold)


@dataclass(frozen=True)
class OperationRow:
    """An operation as the switcher and the operation form show it."""

    id: str
    name: str
    code: str
    country: str  # ISO alpha-3
    kind: str
    hc_rc: str
    start_date: date | None
    end_date: date | None
    timezone: str
    status: str

    @property
    def archived(self) -> bool:
        """True when the operation is hidden from the switcher."""
        return self.status == OperationStatus.ARCHIVED


def operation_rows(session: Session) -> list[OperationRow]:
    """Every operation that is not deleted, archived ones included, by name."""
    query = select(Operation).where(Operation.deleted.is_(False)).order_by(Operation.name)
    return [
        OperationRow(
            id=op.id, name=op.name, code=op.code, country=op.country, kind=op.kind,
            hc_rc=op.hc_rc, start_date=op.start_date, end_date=op.end_date,
            timezone=op.timezone, status=op.status,
        )
        for op in session.scalars(query)
    ]


@dataclass(frozen=True)
class ItemSummary:
    """Title and main fields of one record, as (field name, text) pairs, empty ones left out.

    Field names are the model's attribute names (e.g. "role", "status"); the UI turns
    them into translated labels.
    """

    kind: str
    id: str
    title: str
    fields: tuple[tuple[str, str], ...]


def item_summary(session: Session, kind: str, item_id: str) -> ItemSummary:
    """A summary of one contact, organisation, asset, RFA, lesson or handbook section.

    `kind` is a `fieldapp.search.SearchHit.kind`; `item_id` is the row id (the slug for a
    handbook section). Raises NotFoundError when the record is gone.
    """
    builder = _BUILDERS.get(kind)
    if builder is None:
        # Translators: {kind} is an internal name such as 'contact', in quotes.
        raise NotFoundError(_("Records of the kind {kind} cannot be opened.").format(
            kind=repr(kind)))
    return builder(session, item_id)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).strip()


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_TEXT_LIMIT else text[: SUMMARY_TEXT_LIMIT - 1] + "…"


def _fields(*pairs: tuple[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple((name, _text(value)) for name, value in pairs if _text(value))


def live_row(session: Session, model: type[R], row_id: str, missing: str) -> R:
    """The row of `model` with this id, or NotFoundError(`missing`) when it is gone or deleted."""
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise NotFoundError(missing)
    return row


def _country(code: str) -> str:
    found = pycountry.countries.get(alpha_3=code) if code else None
    return str(found.name) if found else code


def _contact(session: Session, item_id: str) -> ItemSummary:
    contact = live_row(session, Contact, item_id, _("That contact no longer exists."))
    organisation = (
        session.get(Organisation, contact.organisation_id) if contact.organisation_id else None
    )
    phones = "; ".join(
        f"{p.get('number', '')} ({p.get('kind', '')})" if p.get("kind") else p.get("number", "")
        for p in contact.phones or []
    )
    return ItemSummary("contact", contact.id, contact.display_name, _fields(
        ("organisation", organisation.name if organisation else ""),
        ("role", contact.role),
        ("phones", phones),
        ("emails", ", ".join(contact.emails or [])),
        ("satellite_phone", contact.satellite_phone),
        ("call_sign", contact.call_sign),
        ("location", contact.location),
        ("languages", contact.languages),
        ("notes", _clip(contact.notes)),
    ))


def _organisation(session: Session, item_id: str) -> ItemSummary:
    org = live_row(session, Organisation, item_id, _("That organisation no longer exists."))
    return ItemSummary("organisation", org.id, org.name, _fields(
        ("acronym", org.acronym),
        ("org_type", org.org_type),
        ("country", _country(org.country)),
        ("notes", _clip(org.notes)),
    ))


def _asset(session: Session, item_id: str) -> ItemSummary:
    asset = live_row(session, Asset, item_id, _("That asset no longer exists."))
    capacity = f"{_text(asset.capacity_value)} {asset.capacity_unit}".strip()
    window = " – ".join(_text(d) for d in (asset.available_from, asset.available_to) if d)
    title = asset.provider_unit or _clip(asset.description)[:80]
    return ItemSummary("asset", asset.id, title, _fields(
        ("category", asset.category),
        ("status", asset.status),
        ("description", _clip(asset.description)),
        ("provider_state", _country(asset.provider_state)),
        ("capacity", capacity),
        ("quantity", asset.quantity),
        ("place_name", asset.place_name),
        ("available", window),
    ))


def _rfa(session: Session, item_id: str) -> ItemSummary:
    rfa = live_row(session, Rfa, item_id, _("That request no longer exists."))
    route = " → ".join(p for p in (rfa.from_place, rfa.to_place) if p)
    return ItemSummary("rfa", rfa.id, f"{rfa.reference} — {rfa.title}", _fields(
        ("status", rfa.status),
        ("priority", rfa.priority),
        ("capability", rfa.capability),
        ("route", route),
        ("required_from", rfa.required_from),
        ("task_description", _clip(rfa.task_description)),
    ))


def _lesson(session: Session, item_id: str) -> ItemSummary:
    lesson = live_row(session, Lesson, item_id, _("That lesson no longer exists."))
    return ItemSummary("lesson", lesson.id, lesson.title, _fields(
        ("topic", lesson.topic),
        ("observed_on", lesson.observed_on),
        ("location", lesson.location),
        ("observation", _clip(lesson.observation)),
        ("recommendation", _clip(lesson.recommendation)),
    ))


def _handbook(session: Session, slug: str) -> ItemSummary:
    section = session.scalars(
        select(HandbookSection).where(HandbookSection.slug == slug)
        .order_by(HandbookSection.lang != "en")
    ).first()
    if section is None:
        raise NotFoundError(_("That handbook section is not in this edition."))
    return ItemSummary("handbook", section.slug, section.title, _fields(
        ("edition", section.edition),
        ("excerpt", _clip(section.body_text)),
    ))


_BUILDERS = {
    "contact": _contact,
    "organisation": _organisation,
    "asset": _asset,
    "rfa": _rfa,
    "lesson": _lesson,
    "handbook": _handbook,
}

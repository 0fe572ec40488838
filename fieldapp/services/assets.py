"""The MCDA asset directory: validated entries, status history, currency, the paged list.

Every status change is an AssetStatusEvent (when in UTC, by whom, why), the same pattern
as the RFA history; the first event records the status an entry was created with. The
directory's currency is a known problem, so an entry not confirmed for 90 days is
"stale": `is_stale` says so and the list can show only those. Links: the contact who is
the asset's point of contact, and the RFAs that proposed or tasked it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.orm import Session

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.labels import asset_status_label, history_comment
from fieldapp.models import Asset, AssetStatusEvent, Contact, Rfa, utcnow
from fieldapp.models.enums import AssetCategory, AssetStatus
from fieldapp.search import text_condition
from fieldapp.services.lookup import live_row
from fieldapp.services.operations import country_code
from fieldapp.services.sequence import in_sequence
from fieldapp.services.settings import get_officer

STALE_AFTER = timedelta(days=90)
CATEGORIES = tuple(c.value for c in AssetCategory)
STATUSES = tuple(s.value for s in AssetStatus)
LIMITS = {"provider_unit": 200, "capacity_unit": 40, "place_name": 200, "cost_basis": 200}


@dataclass
class AssetInput:
    """What the asset form submits; `provider_state` may be a code or a country name."""

    category: str = AssetCategory.OTHER
    description: str = ""
    provider_state: str = ""
    provider_unit: str = ""
    capacity_value: float | None = None
    capacity_unit: str = ""
    quantity: int = 1
    status: str = AssetStatus.OFFERED
    latitude: float | None = None
    longitude: float | None = None
    place_name: str = ""
    available_from: date | None = None
    available_to: date | None = None
    poc_contact_id: str | None = None
    cost_basis: str = ""
    notes: str = ""
    is_global: bool = False


def _number_errors(data: AssetInput) -> list[ValidationError]:
    errors = []
    checks = (("quantity", data.quantity, 0, None, _("The quantity cannot be negative.")),
              ("capacity_value", data.capacity_value, 0, None,
               _("The capacity cannot be negative.")),
              ("latitude", data.latitude, -90, 90, _("Latitude is between -90 and 90 degrees.")),
              ("longitude", data.longitude, -180, 180,
               _("Longitude is between -180 and 180 degrees.")))
    for name, value, low, high, message in checks:
        if value is None:
            continue
        if not isinstance(value, int | float) or not math.isfinite(value) or value < low or (
                high is not None and value > high):
            errors.append(ValidationError(name, message))
    if not isinstance(data.quantity, int) or isinstance(data.quantity, bool):
        errors.append(ValidationError("quantity", _("The quantity is a whole number.")))
    if (data.latitude is None) != (data.longitude is None):
        missing = "longitude" if data.longitude is None else "latitude"
        errors.append(ValidationError(missing,
                                      _("Give both latitude and longitude, or neither.")))
    return errors


def validate_asset(session: Session, data: AssetInput, *,
                   operation_id: str | None) -> AssetInput:
    """Check the form; raise ValidationErrors naming every bad field, or return clean data."""
    errors = _number_errors(data)
    if data.category not in CATEGORIES:
        errors.append(ValidationError("category", _("Choose the asset's category.")))
    if data.status not in STATUSES:
        errors.append(ValidationError("status", _("Choose the asset's status.")))
    if not data.description.strip():
        errors.append(ValidationError("description", _("Describe the asset.")))
    for name, limit in LIMITS.items():
        if len(getattr(data, name).strip()) > limit:
            errors.append(ValidationError(name, _("Keep this under {limit} characters.").format(
                limit=limit)))
    state = country_code(data.provider_state) if data.provider_state.strip() else ""
    if state is None:
        errors.append(ValidationError("provider_state",
                                      _("Choose the providing state from the list of "
                                        "countries.")))
    if data.available_from and data.available_to and data.available_to < data.available_from:
        errors.append(ValidationError("available_to",
                                      _("The end of availability is before its start.")))
    if data.poc_contact_id is not None:
        contact = session.get(Contact, data.poc_contact_id)
        if contact is None or contact.deleted:
            errors.append(ValidationError("poc_contact_id", _("That contact no longer exists.")))
    if not data.is_global and operation_id is None:
        errors.append(ValidationError("is_global",
                                      _("Choose an operation first, or make the entry "
                                        "global.")))
    if errors:
        raise ValidationErrors(errors)
    clean = {f.name: getattr(data, f.name) for f in fields(AssetInput)}
    clean.update({name: getattr(data, name).strip() for name in (*LIMITS, "description")},
                 provider_state=state or "")
    return AssetInput(**clean)


def _event(session: Session, asset: Asset, *, status: str, by: str | None,
           comment: str) -> None:
    session.add(AssetStatusEvent(
        asset_id=asset.id, operation_id=asset.operation_id, status=status, at=utcnow(),
        by=by if by is not None else get_officer(session).name, comment=comment.strip()))


def _write(asset: Asset, clean: AssetInput, operation_id: str | None) -> None:
    for f in fields(AssetInput):
        if f.name in ("is_global", "status"):
            continue
        value = getattr(clean, f.name)
        if getattr(asset, f.name) != value:
            setattr(asset, f.name, value)
    scope = None if clean.is_global else operation_id
    if asset.operation_id != scope:
        asset.operation_id = scope


def create_asset(session: Session, data: AssetInput, *, operation_id: str | None,
                 by: str | None = None, comment: str = N_("Entered in the directory"),
                 asset_id: str | None = None) -> Asset:
    """Add an entry (confirmed now) with the first event of its status history.

    The default comment is stored in English and translated where the history is shown.

    `asset_id` is the id an import chose (fieldapp.importexport.common.new_row_id);
    default a new one.
    """
    clean = validate_asset(session, data, operation_id=operation_id)
    asset = Asset(status=clean.status, confirmed_at=utcnow())
    if asset_id is not None:
        asset.id = asset_id
    _write(asset, clean, operation_id)
    session.add(asset)
    session.flush()
    _event(session, asset, status=clean.status, by=by, comment=comment)
    return asset


def update_asset(session: Session, asset_id: str, data: AssetInput, *,
                 operation_id: str | None, by: str | None = None, comment: str = "") -> Asset:
    """Save edits; a new status is recorded in the history like `change_asset_status`."""
    asset = get_asset(session, asset_id)
    clean = validate_asset(session, data, operation_id=operation_id or asset.operation_id)
    _write(asset, clean, operation_id or asset.operation_id)
    if clean.status != asset.status:
        change_asset_status(session, asset_id, clean.status, by=by, comment=comment)
    return asset


def change_asset_status(session: Session, asset_id: str, status: str, *,
                        by: str | None = None, comment: str = "") -> Asset:
    """Move an entry to a status, recording when, who and why; news of it confirms it."""
    asset = get_asset(session, asset_id)
    if status not in STATUSES:
        raise ValidationError("status", _("Choose the asset's status."))
    if status == asset.status:
        # Translators: {status} is an asset status in lower case: offered, available, …
        raise ValidationError("status", _("The asset is already {status}.").format(
            status=asset_status_label(status).lower()))
    _event(session, asset, status=status, by=by, comment=comment)
    asset.status = status
    asset.confirmed_at = utcnow()
    return asset


def confirm_asset(session: Session, asset_id: str, *, now: datetime | None = None) -> Asset:
    """Record that the entry was checked and is still true."""
    asset = get_asset(session, asset_id)
    asset.confirmed_at = now or utcnow()
    return asset


def get_asset(session: Session, asset_id: str) -> Asset:
    """One entry, or NotFoundError."""
    return live_row(session, Asset, asset_id, _("That asset is no longer in the directory."))


def delete_asset(session: Session, asset_id: str) -> None:
    """Remove an entry from the directory (a tombstone, so the deletion reaches HQ)."""
    get_asset(session, asset_id).deleted = True


def asset_input(asset: Asset) -> AssetInput:
    """The form's values for an existing entry."""
    values = {f.name: getattr(asset, f.name) for f in fields(AssetInput) if f.name != "is_global"}
    return AssetInput(**values, is_global=asset.operation_id is None)


def is_stale(confirmed_at: datetime | None, *, now: datetime | None = None) -> bool:
    """True when an entry was never confirmed, or not for 90 days."""
    return confirmed_at is None or confirmed_at < (now or utcnow()) - STALE_AFTER


# --- history and links --------------------------------------------------------------------

@dataclass(frozen=True)
class AssetEvent:
    """One line of the status history: the move, when, who and why."""

    from_status: str
    status: str
    at: datetime
    by: str
    comment: str


def asset_history(session: Session, asset_id: str) -> list[AssetEvent]:
    """The entry's status changes, oldest first: in sequence (as RFA history), never by
    the laptop clocks that wrote `at` (which each line still shows). The app's own comments
    come out in the current language, what an officer typed as typed."""
    events = session.scalars(
        select(AssetStatusEvent).where(AssetStatusEvent.asset_id == asset_id,
                                       AssetStatusEvent.deleted.is_(False))
        .order_by(*in_sequence(AssetStatusEvent))
    ).all()
    history, before = [], ""
    for event in events:
        history.append(AssetEvent(before, event.status, event.at, event.by,
                                  history_comment(event.comment)))
        before = event.status
    return history


@dataclass(frozen=True)
class RfaLink:
    """A request that proposed or tasked the asset."""

    id: str
    reference: str
    title: str
    status: str
    tasked: bool


def rfas_for_asset(session: Session, asset_id: str) -> list[RfaLink]:
    """The live requests that proposed this asset or had it tasked, by reference."""
    proposed = text("EXISTS (SELECT 1 FROM json_each(rfas.proposed_asset_ids) j "
                    "WHERE j.value = :asset)").bindparams(asset=asset_id)
    rows = session.execute(
        select(Rfa.id, Rfa.reference, Rfa.title, Rfa.status, Rfa.tasked_asset_id)
        .where(Rfa.deleted.is_(False), or_(Rfa.tasked_asset_id == asset_id, proposed))
        .order_by(Rfa.reference))
    return [RfaLink(r.id, r.reference, r.title, r.status, r.tasked_asset_id == asset_id)
            for r in rows]


# --- the paged list -------------------------------------------------------------------------

@dataclass(frozen=True)
class AssetFilter:
    """What the asset list (and its exports) is narrowed to; empty means everything."""

    category: str = ""
    status: str = ""
    provider_state: str = ""
    available_on: date | None = None
    text: str = ""
    stale_only: bool = False


@dataclass(frozen=True)
class AssetRow:
    """One line of the asset list: only what the table shows."""

    id: str
    category: str
    description: str
    provider_state: str
    provider_unit: str
    capacity_value: float | None
    capacity_unit: str
    quantity: int
    status: str
    place_name: str
    latitude: float | None
    longitude: float | None
    available_from: date | None
    available_to: date | None
    poc_name: str
    confirmed_at: datetime | None
    stale: bool
    is_global: bool


_POC_NAME = func.trim(Contact.given_name + " " + Contact.family_name)
SORTS: dict[str, tuple[Any, ...]] = {
    "category": (Asset.category,), "description": (Asset.description,),
    "provider": (Asset.provider_state, Asset.provider_unit),
    "provider_unit": (Asset.provider_unit,), "capacity": (Asset.capacity_value,),
    "quantity": (Asset.quantity,), "status": (Asset.status,), "place": (Asset.place_name,),
    "available_from": (Asset.available_from,), "available_to": (Asset.available_to,),
    "confirmed_at": (Asset.confirmed_at,), "updated_at": (Asset.updated_at,),
    "poc": (_POC_NAME,),
}


def _conditions(where: AssetFilter, *, operation_id: str | None,
                now: datetime) -> list[ColumnElement[bool]]:
    scope = (or_(Asset.operation_id == operation_id, Asset.operation_id.is_(None))
             if operation_id else Asset.operation_id.is_(None))
    found: list[ColumnElement[bool]] = [Asset.deleted.is_(False), scope]
    if where.category:
        found.append(Asset.category == where.category)
    if where.status:
        found.append(Asset.status == where.status)
    if where.provider_state:
        found.append(Asset.provider_state == (country_code(where.provider_state) or "?"))
    if where.available_on is not None:
        day = where.available_on
        found += [or_(Asset.available_from.is_(None), Asset.available_from <= day),
                  or_(Asset.available_to.is_(None), Asset.available_to >= day)]
    if where.stale_only:
        found.append(or_(Asset.confirmed_at.is_(None), Asset.confirmed_at < now - STALE_AFTER))
    matching = text_condition("assets", where.text)
    if matching is not None:
        found.append(matching)
    return found


def asset_conditions(where: AssetFilter, *, operation_id: str | None,
                     now: datetime | None = None) -> list[ColumnElement[bool]]:
    """The WHERE conditions of the list for this filter (for a list that joins the
    assets to another table: fieldapp.services.register)."""
    return _conditions(where, operation_id=operation_id, now=now or utcnow())


def asset_ids(session: Session, *, operation_id: str | None,
              where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen, safe as default
              sort: str = "category", descending: bool = False, offset: int = 0,
              limit: int | None = None, now: datetime | None = None) -> list[str]:
    """The ids of the filtered, sorted list (all unless `limit`), for a lazy table model."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort column {sort!r}")  # i18n: not shown
    keys = [k.desc() if descending else k.asc() for k in SORTS[sort]]
    query = (select(Asset.id).where(*_conditions(where, operation_id=operation_id,
                                                 now=now or utcnow()))
             .order_by(*(k.is_(None) for k in SORTS[sort]), *keys, Asset.description, Asset.id)
             .offset(offset).limit(limit))
    if sort == "poc":
        query = query.outerjoin(Contact, Contact.id == Asset.poc_contact_id)
    return list(session.scalars(query))


def asset_rows(session: Session, ids: list[str], *, now: datetime | None = None) -> list[AssetRow]:
    """The list rows of these entries, in the order given (deleted ones left out)."""
    now = now or utcnow()
    query = (select(Asset, _POC_NAME.label("poc"))
             .outerjoin(Contact, (Contact.id == Asset.poc_contact_id) & Contact.deleted.is_(False))
             .where(Asset.id.in_(ids)))
    found = {}
    for asset, poc in session.execute(query):
        found[asset.id] = AssetRow(
            asset.id, asset.category, asset.description, asset.provider_state,
            asset.provider_unit, asset.capacity_value, asset.capacity_unit, asset.quantity,
            asset.status, asset.place_name, asset.latitude, asset.longitude,
            asset.available_from, asset.available_to, poc or "", asset.confirmed_at,
            is_stale(asset.confirmed_at, now=now), asset.operation_id is None)
    return [found[i] for i in ids if i in found]


def asset_page(session: Session, *, operation_id: str | None,
               where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen, safe as default
               sort: str = "category", descending: bool = False, offset: int = 0,
               limit: int = 200) -> list[AssetRow]:
    """One page of the directory entries of the operation and global ones."""
    now = utcnow()
    ids = asset_ids(session, operation_id=operation_id, where=where, sort=sort,
                    descending=descending, offset=offset, limit=limit, now=now)
    return asset_rows(session, ids, now=now)


def asset_count(session: Session, *, operation_id: str | None,
                where: AssetFilter = AssetFilter()) -> int:  # noqa: B008 - frozen
    """How many entries `asset_page` pages through with the same filter."""
    query = select(func.count(Asset.id)).where(
        *_conditions(where, operation_id=operation_id, now=utcnow()))
    return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class AssetDetail:
    """Everything the detail panel shows about one entry, with its links and history."""

    row: AssetRow
    notes: str
    cost_basis: str
    poc_contact_id: str | None
    poc_phone: str
    poc_email: str
    history: tuple[AssetEvent, ...]
    rfas: tuple[RfaLink, ...]
    updated_at: datetime


def asset_detail(session: Session, asset_id: str) -> AssetDetail:
    """One entry with its point of contact, status history and the requests that name it."""
    asset = get_asset(session, asset_id)
    (row,) = asset_rows(session, [asset.id])
    poc = session.get(Contact, asset.poc_contact_id) if asset.poc_contact_id else None
    live = poc is not None and not poc.deleted
    return AssetDetail(
        row=row, notes=asset.notes, cost_basis=asset.cost_basis,
        poc_contact_id=asset.poc_contact_id if live else None,
        poc_phone=(poc.phones[0].get("number", "") if live and poc.phones else ""),
        poc_email=(poc.emails[0] if live and poc.emails else ""),
        history=tuple(asset_history(session, asset.id)),
        rfas=tuple(rfas_for_asset(session, asset.id)), updated_at=asset.updated_at)

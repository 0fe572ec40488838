"""Requests for Assistance: drafts, references, validation, the lifecycle and its history.

A request moves draft → submitted → validated | returned → passed to military → tasked →
completed, or ends rejected or cancelled. Each move is an RfaEvent (who, when in UTC,
comment). Editing a submitted or validated request sends it back to draft, with a
history entry, so nothing reaches the military without validation of what it says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError, NotFoundError, ValidationError, ValidationErrors
from fieldapp.i18n import N_, _, ngettext, pgettext
from fieldapp.labels import capability_label, priority_label
from fieldapp.labels import rfa_status_label as status_label
from fieldapp.models import Asset, Counter, Operation, Organisation, Rfa, RfaEvent, utcnow
from fieldapp.models.enums import AssetCategory, AssetStatus, RfaPriority, RfaStatus
from fieldapp.search import text_condition
from fieldapp.services.lookup import live_row
from fieldapp.services.sequence import in_sequence
from fieldapp.services.settings import device_code

S = RfaStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.CANCELLED}),
    S.SUBMITTED: frozenset({S.VALIDATED, S.RETURNED, S.REJECTED, S.CANCELLED}),
    S.RETURNED: frozenset({S.SUBMITTED, S.CANCELLED}),
    S.VALIDATED: frozenset({S.PASSED_TO_MILITARY, S.CANCELLED}),
    S.PASSED_TO_MILITARY: frozenset({S.TASKED, S.REJECTED, S.CANCELLED}),
    S.TASKED: frozenset({S.COMPLETED, S.CANCELLED}),
    S.COMPLETED: frozenset(),
    S.REJECTED: frozenset(),
    S.CANCELLED: frozenset(),
}
FINAL = frozenset({S.COMPLETED, S.REJECTED, S.CANCELLED})
EDITABLE = frozenset({S.DRAFT, S.RETURNED})
REOPEN_ON_EDIT = frozenset({S.SUBMITTED, S.VALIDATED})
NEEDS_COMMENT = frozenset({S.RETURNED, S.REJECTED, S.CANCELLED})
MIN_JUSTIFICATION = 30
DEFAULT_WINDOW = timedelta(days=7)  # "required until", when ticked, is this after the start


@dataclass
class RfaInput:
    """The fields of the request form; a draft may leave any of them empty."""

    requesting_org_id: str | None = None
    cluster: str = ""
    contact_id: str | None = None
    capability: str = AssetCategory.OTHER
    title: str = ""
    task_description: str = ""
    from_place: str = ""
    to_place: str = ""
    from_lat: float | None = None
    from_lon: float | None = None
    to_lat: float | None = None
    to_lon: float | None = None
    required_from: datetime | None = None
    required_until: datetime | None = None
    passengers: int | None = None
    cargo_tonnes: float | None = None
    cargo_m3: float | None = None
    other_quantity: float | None = None
    other_unit: str = ""
    priority: str = RfaPriority.OTHER
    civilian_means_tried: str = ""
    last_resort_justification: str = ""
    capability_unique: bool = False
    security_considerations: str = ""
    proposed_asset_ids: list[str] | None = None
    remarks: str = ""

    @classmethod
    def from_rfa(cls, rfa: Rfa) -> RfaInput:
        """The form's values for an existing request."""
        values = {f.name: getattr(rfa, f.name) for f in fields(cls)}
        values["proposed_asset_ids"] = list(rfa.proposed_asset_ids or [])
        return cls(**values)


def next_reference(session: Session, operation: Operation) -> str:
    """OPCODE-DEVICE-NNNN; the running number is never reused, even after deletion."""
    name = f"rfa:{operation.id}"
    counter = session.get(Counter, name)
    if counter is None:
        counter = Counter(name=name, value=0)
        session.add(counter)
    counter.value += 1
    return f"{operation.code}-{device_code(session)}-{counter.value:04d}"


def _event(session: Session, rfa: Rfa, *, to_status: str, by: str, comment: str) -> None:
    # `at` is the column default (utcnow), filled as the event is written.
    session.add(RfaEvent(rfa_id=rfa.id, operation_id=rfa.operation_id, from_status=rfa.status,
                         to_status=to_status, by=by, comment=comment))


def _apply(rfa: Rfa, data: RfaInput) -> None:
    for f in fields(RfaInput):
        value = getattr(data, f.name)
        if isinstance(value, str):
            value = value.strip() if f.name not in _LONG_TEXT else value
        if f.name == "proposed_asset_ids":
            value = list(value or [])
        if getattr(rfa, f.name) != value:
            setattr(rfa, f.name, value)


_LONG_TEXT = frozenset({"task_description", "civilian_means_tried", "last_resort_justification",
                        "security_considerations", "remarks"})


LINE_LIMITS = {"title": 200, "from_place": 200, "to_place": 200, "other_unit": 40,
               "cluster": 80}  # what the one-line fields hold (their columns' sizes)


def _check_lengths(data: RfaInput) -> None:
    """Refuse, naming the field, a one-line value longer than it can be stored: it is
    never cut without a word."""
    # Translators: {count} is how many characters the field has now.
    errors = [ValidationError(name, _("Keep this under {limit} characters; it has {count}.")
                              .format(limit=limit, count=len(getattr(data, name))))
              for name, limit in LINE_LIMITS.items() if len(getattr(data, name)) > limit]
    if errors:
        raise ValidationErrors(errors)


def create_draft(
    session: Session, *, operation_id: str, data: RfaInput | None = None, by: str,
    rfa_id: str | None = None,
) -> Rfa:
    """A new draft request with its reference and a first history entry (`rfa_id`: the id
    the form chose for it, so saves queued before this one committed find it)."""
    operation = session.get(Operation, operation_id)
    if operation is None or operation.deleted:
        raise NotFoundError(_("Choose an operation before drafting a request."))
    _check_lengths(data or RfaInput())
    rfa = Rfa(operation_id=operation_id, reference=next_reference(session, operation))
    if rfa_id:
        rfa.id = rfa_id
    _apply(rfa, data or RfaInput())
    session.add(rfa)
    session.flush()
    # Stored in English (it syncs to HQ); translated where the history is shown.
    session.add(RfaEvent(rfa_id=rfa.id, operation_id=operation_id, to_status=S.DRAFT, by=by,
                         comment=N_("Draft created")))
    return rfa


def get_rfa(session: Session, rfa_id: str) -> Rfa:
    """One request, or NotFoundError."""
    return live_row(session, Rfa, rfa_id, _("That request no longer exists."))


def save_draft(session: Session, rfa_id: str, data: RfaInput, *, by: str) -> Rfa:
    """Save the form as typed (no completeness check: drafts may be partial).

    Editing a submitted or validated request returns it to draft with a history entry;
    a request already with the military, or closed, cannot be edited.
    """
    rfa = get_rfa(session, rfa_id)
    before = RfaInput.from_rfa(rfa)
    if before == data:
        return rfa
    _check_lengths(data)
    if rfa.status in REOPEN_ON_EDIT:
        _event(session, rfa, to_status=S.DRAFT, by=by,  # stored in English, like "Draft created"
               comment=N_("Edited after submission: back to draft for validation"))
        rfa.status = S.DRAFT
    elif rfa.status not in EDITABLE:
        # Translators: {status} is a request status in lower case ("passed to military").
        raise FieldAppError(_(
            "A request that is {status} can no longer be edited; cancel it and draft a new "
            "one if the need has changed.").format(status=status_label(rfa.status).lower()))
    _apply(rfa, data)
    return rfa


def is_blank(data: RfaInput) -> bool:
    """True when the form holds nothing the officer chose or typed (all as a new form)."""
    for f in fields(RfaInput):
        value = getattr(data, f.name)
        if isinstance(value, str):
            value = value.strip()
        if f.name == "proposed_asset_ids":
            value = value or None
        if value != getattr(_BLANK, f.name):
            return False
    return True


_BLANK = RfaInput()


def save_form(
    session: Session, *, rfa_id: str, operation_id: str, data: RfaInput, by: str
) -> Rfa | None:
    """Save a request's form; a request not stored yet is created by its first save that
    holds something (taking its reference then). None: blank and never stored, so nothing
    was written and no reference was taken.

    A reference is taken only here, never for a form opened and left blank: numbers are not
    given out for nothing. Once taken it stays taken, even if the draft is deleted: the
    draft (and its tombstone) may already be at HQ or on paper, and HQ must never see two
    requests under one reference (see docs/sync-protocol.md, "Unique values").
    """
    if session.get(Rfa, rfa_id) is None:
        if is_blank(data):
            return None
        return create_draft(session, operation_id=operation_id, data=data, by=by,
                            rfa_id=rfa_id)
    return save_draft(session, rfa_id, data, by=by)


def submission_errors(rfa: Rfa | RfaInput, *, now: datetime | None = None) -> list[ValidationError]:
    """Everything that must be fixed before the request can go for validation."""
    now = now or utcnow()
    errors: list[ValidationError] = []

    def need(field: str, ok: bool, message: str) -> None:
        if not ok:
            errors.append(ValidationError(field, message))

    need("requesting_org_id", bool(rfa.requesting_org_id),
         _("Choose the organisation that asks for the assistance."))
    need("contact_id", bool(rfa.contact_id), _("Choose a contact person for the request."))
    need("capability", rfa.capability in set(AssetCategory),
         _("Choose the capability requested."))
    need("title", bool(rfa.title.strip()), _("Give the request a short title."))
    need("task_description", bool(rfa.task_description.strip()),
         _("Describe the task: what must be done, for whom."))
    need("from_place", bool(rfa.from_place.strip() or rfa.to_place.strip()),
         _("Say where the task takes place (from and/or to)."))
    need("priority", rfa.priority in set(RfaPriority), _("Choose a priority."))
    need("required_from", rfa.required_from is not None,
         _("Say from when the asset is needed."))
    need("required_until", rfa.required_until is not None, _("Say until when it is needed."))
    if rfa.required_until is not None:
        need("required_until", rfa.required_until > now, _("The end date is in the past."))
    if rfa.required_from is not None and rfa.required_until is not None:
        need("required_until", rfa.required_until > rfa.required_from,
             _("The end is before the start."))
    for field in ("passengers", "cargo_tonnes", "cargo_m3", "other_quantity"):
        value = getattr(rfa, field)
        need(field, value is None or value >= 0, _("A quantity cannot be negative."))
    need("last_resort_justification",
         len(rfa.last_resort_justification.strip()) >= MIN_JUSTIFICATION,
         ngettext("Explain why no civilian means can meet the need in time (at least {count} "
                  "character): military assets are a last resort.",
                  "Explain why no civilian means can meet the need in time (at least {count} "
                  "characters): military assets are a last resort.",
                  MIN_JUSTIFICATION).format(count=MIN_JUSTIFICATION))
    need("civilian_means_tried", bool(rfa.civilian_means_tried.strip()),
         _("List the civilian means tried or considered, even if none exist."))
    # The form shows one sentence beside each field: keep the first message for a field.
    first: dict[str, ValidationError] = {}
    for error in errors:
        first.setdefault(error.field, error)
    return list(first.values())


def default_from(now: datetime | None = None) -> datetime:
    """The start offered when the officer ticks "required from": the next full hour (UTC
    hours are whole hours in every zone an operation is likely to use)."""
    now = now or utcnow()
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def default_until(required_from: datetime | None, now: datetime | None = None) -> datetime:
    """The end offered when the officer ticks "required until": a week after the start (or
    after the next full hour), never the current minute, which would be overdue at once."""
    return (required_from or default_from(now)) + DEFAULT_WINDOW


def date_warnings(rfa: Rfa | RfaInput, *, now: datetime | None = None) -> list[ValidationError]:
    """What is allowed but worth a second look: a start already past (say why on submission)."""
    now = now or utcnow()
    if rfa.required_from is not None and rfa.required_from < now:
        return [ValidationError("required_from", _("This start is already past: the request "
                                                   "is needed now. Say why when you submit "
                                                   "it."))]
    return []


def allowed_transitions(rfa: Rfa) -> list[str]:
    """The statuses this request may move to now, in lifecycle order."""
    return [s.value for s in RfaStatus if s in TRANSITIONS[rfa.status]]


def transition(
    session: Session,
    rfa_id: str,
    to_status: str,
    *,
    by: str,
    comment: str = "",
    asset_id: str | None = None,
) -> Rfa:
    """Move a request to a new status, recording who, when and why; refuse what is not allowed."""
    rfa = get_rfa(session, rfa_id)
    if to_status not in TRANSITIONS[rfa.status]:
        allowed = (", ".join(status_label(s).lower() for s in allowed_transitions(rfa))
                   or pgettext("no next steps", "none"))
        # Translators: {status} and {wanted} are request statuses in lower case, {allowed}
        # a list of them (or "none").
        raise FieldAppError(_(
            "A request that is {status} cannot become {wanted} (possible next steps: "
            "{allowed}).").format(status=status_label(rfa.status).lower(),
                                  wanted=status_label(to_status).lower(), allowed=allowed))
    if to_status == S.SUBMITTED:
        errors = submission_errors(rfa)
        if errors:
            raise ValidationErrors(errors)
    if to_status in NEEDS_COMMENT and not comment.strip():
        raise ValidationError("comment", _why_needed(to_status))
    if to_status == S.TASKED:
        if not asset_id:
            raise ValidationError("asset", _("Choose the asset that was tasked."))
        asset = session.get(Asset, asset_id)
        if asset is None:
            # A Central Register entry proposed in the request: the operation tasks its
            # own copy of it (the register itself is HQ's and read-only here).
            from fieldapp.services.register import directory_label, mobilise_entry

            if directory_label(session, asset_id) is not None:
                asset = mobilise_entry(session, asset_id, operation_id=rfa.operation_id)
                asset_id = asset.id
        if asset is None or asset.deleted:
            raise ValidationError("asset", _("That asset is no longer in the directory."))
        rfa.tasked_asset_id = asset_id
    _event(session, rfa, to_status=to_status, by=by, comment=comment.strip())
    rfa.status = to_status
    return rfa


def _why_needed(to_status: str) -> str:
    """What to say for a move that needs a comment (one sentence per status)."""
    if to_status == S.RETURNED:
        return _("Say why the request is returned for changes.")
    if to_status == S.REJECTED:
        return _("Say why the request is rejected.")
    if to_status == S.CANCELLED:
        return _("Say why the request is cancelled.")
    return _("Say why the request is {status}.").format(status=status_label(to_status).lower())


def history(session: Session, rfa_id: str) -> list[RfaEvent]:
    """The request's status changes, oldest first (in sequence; each shows its own `at`).

    Order comes from sequence numbers, never from laptop clocks: changes HQ has, by HQ's
    sequence, then those not yet sent, in the order this device made them. Comments are
    as stored: show them through `fieldapp.labels.history_comment`.
    """
    return list(session.scalars(
        select(RfaEvent).where(RfaEvent.rfa_id == rfa_id, RfaEvent.deleted.is_(False))
        .order_by(*in_sequence(RfaEvent))
    ))


def delete_rfa(session: Session, rfa_id: str, *, missing_ok: bool = False) -> None:
    """Delete a draft (tombstone); its reference number is never given out again.
    `missing_ok`: a form discarded before its first save has nothing to delete."""
    if missing_ok and session.get(Rfa, rfa_id) is None:
        return
    rfa = get_rfa(session, rfa_id)
    if rfa.status not in EDITABLE:
        raise FieldAppError(_("Only a draft can be deleted; cancel the request instead."))
    rfa.deleted = True


def is_overdue(rfa: Rfa, *, now: datetime | None = None) -> bool:
    """Still open after the time it was needed by."""
    return _overdue(rfa.status, rfa.required_until, now or utcnow())


def _overdue(status: str, required_until: datetime | None, now: datetime) -> bool:
    return status not in FINAL and required_until is not None and required_until < now


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class AssetMatch:
    """A directory asset that could meet a request, how far it is, and whether its capacity
    covers the quantity requested (None: cannot tell) with the reason in words."""

    asset: Asset
    distance_km: float | None
    fits: bool | None = None
    reason: str = ""


_TONNES = {"t": 1.0, "tonne": 1.0, "tonnes": 1.0, "ton": 1.0, "tons": 1.0, "mt": 1.0,
           "kg": 0.001}
_PEOPLE = ("passenger", "pax", "seat", "people", "person")  # not "personnel": a team's size
_CUBIC = ("m³", "m3", "cbm")


def _words(text: str) -> list[str]:
    return text.lower().replace(",", " ").split()


def _capacity_kind(unit: str, other_unit: str) -> tuple[str, float] | None:
    """What an asset's capacity unit measures, as a requested quantity ("tonnes",
    "passengers", "m3" or "other"), and the factor to that quantity's unit."""
    words = _words(unit)
    if not words:
        return None
    first = words[0]
    if first in _TONNES:
        return "tonnes", _TONNES[first]
    if first in _CUBIC or "cubic" in words:
        return "m3", 1.0
    if any(w.startswith(_PEOPLE) and not w.startswith("personnel") for w in words):
        return "passengers", 1.0
    wanted = _words(other_unit)
    if wanted and first.rstrip("s") == wanted[0].rstrip("s"):
        return "other", 1.0
    return None


def _requested(rfa: Rfa) -> dict[str, tuple[float, str]]:
    """The quantities a request asks for, by kind, with how to say them."""
    asked: dict[str, tuple[float, str]] = {}
    if rfa.cargo_tonnes:
        # Translators: an amount of cargo in tonnes ("12.5 t of cargo").
        asked["tonnes"] = (rfa.cargo_tonnes, _("{amount} t of cargo").format(
            amount=f"{rfa.cargo_tonnes:g}"))
    if rfa.passengers:
        asked["passengers"] = (float(rfa.passengers), _passengers(rfa.passengers))
    if rfa.cargo_m3:
        # Translators: a volume of cargo in cubic metres ("40 m³ of cargo").
        asked["m3"] = (rfa.cargo_m3, _("{amount} m³ of cargo").format(
            amount=f"{rfa.cargo_m3:g}"))
    if rfa.other_quantity:
        unit = (rfa.other_unit or "").strip()
        asked["other"] = (rfa.other_quantity, f"{rfa.other_quantity:g} {unit}".strip())
    return asked


def _passengers(count: float) -> str:
    # Plural forms need a whole number; a capacity may be 1.5 passengers per seat row.
    return ngettext("{count} passenger", "{count} passengers", math.ceil(count)).format(
        count=f"{count:g}")


class Capacity(Protocol):
    """What capacity_fit reads of an asset (a whole Asset, or a row of those columns)."""

    @property
    def quantity(self) -> int | None: ...
    @property
    def capacity_value(self) -> float | None: ...
    @property
    def capacity_unit(self) -> str | None: ...


def capacity_fit(asset: Capacity, rfa: Rfa) -> tuple[bool | None, str]:
    """Whether the asset's capacity (all its units together) covers the quantity the
    request asks for, and why, in a sentence; None when it cannot be told."""
    return _fit(asset, _requested(rfa), rfa.other_unit or "")


def _fit(asset: Capacity, asked: dict[str, tuple[float, str]],
         other_unit: str) -> tuple[bool | None, str]:
    count = max(asset.quantity or 1, 1)
    unit = (asset.capacity_unit or "").strip()
    if asset.capacity_value is None:
        return None, _("Capacity not recorded: check it with the provider.")
    each = f"{asset.capacity_value:g} {unit}".strip()  # the unit as the officer typed it
    capacity = f"{count} × {each}" if count > 1 else each
    if not asked:
        # Translators: {capacity} is an asset's capacity as typed ("2 × 20 t").
        return None, _("No quantity in the request to compare with its capacity "
                       "({capacity}).").format(capacity=capacity)
    kind = _capacity_kind(unit, other_unit)
    wanted = ", ".join(said for _v, said in asked.values())
    if kind is None:
        # Translators: {wanted} lists what the request asks for ("12 t of cargo, 30
        # passengers").
        return None, _("Its capacity ({capacity}) cannot be compared with {wanted}.").format(
            capacity=capacity, wanted=wanted)
    measure, factor = kind
    if measure not in asked:
        return False, _("Does not fit: its capacity is {capacity}; the request is for "
                        "{wanted}.").format(capacity=capacity, wanted=wanted)
    amount, said = asked[measure]
    total = asset.capacity_value * factor * count
    if measure == "passengers":
        in_all = _passengers(total)
    else:
        base = {"tonnes": "t", "m3": "m³"}.get(measure, unit)
        in_all = f"{total:g} {base}"
    together = (f"{capacity} = {in_all}" if count > 1 or factor != 1.0
                else capacity)
    if total >= amount:
        # Translators: {capacity} is the asset's capacity ("2 × 20 t = 40 t"), {wanted}
        # what the request asks for ("30 t of cargo").
        return True, _("Fits: {capacity} for {wanted}.").format(capacity=together, wanted=said)
    rounds = _rounds(unit, amount, total)
    if rounds:
        # Translators: {rounds} is how many sorties, days, trips… it would take ("about"
        # comes before it: "3 sorties").
        return False, _("Too small: {capacity} for {wanted}; about {rounds}.").format(
            capacity=together, wanted=said, rounds=rounds)
    return False, _("Too small: {capacity} for {wanted}.").format(capacity=together,
                                                                   wanted=said)


# What a capacity "per sortie", "per day"… is counted in, as words the officer may type
# (matched, in English) and how many of them it takes, said in the current language.
_ROUNDS = {
    "sortie": lambda n: ngettext("{count} sortie", "{count} sorties", n),
    "day": lambda n: ngettext("{count} day", "{count} days", n),
    "trip": lambda n: ngettext("{count} trip", "{count} trips", n),
    "flight": lambda n: ngettext("{count} flight", "{count} flights", n),
    "rotation": lambda n: ngettext("{count} rotation", "{count} rotations", n),
    "lift": lambda n: ngettext("{count} lift", "{count} lifts", n),
    "voyage": lambda n: ngettext("{count} voyage", "{count} voyages", n),
}


def _rounds(unit: str, amount: float, total: float) -> str:
    """"3 sorties" when the capacity is per sortie, day, trip…; else ""."""
    words = _words(unit)
    if "per" not in words or total <= 0:
        return ""
    after = words[words.index("per") + 1:] or [""]
    say = _ROUNDS.get(after[0])
    if say is None:
        return ""
    needed = math.ceil(amount / total)
    return say(needed).format(count=needed)


def matching_assets(session: Session, rfa: Rfa, *, limit: int = 50) -> list[AssetMatch]:
    """Assets of the requested category available in the window: those whose capacity
    covers the quantity requested first, then those that cannot be told, then those too
    small or measured otherwise; nearest first within each; each says why.

    Every candidate is weighed (only the columns that decide are read), and only the
    `limit` best are loaded whole: a directory of 20,000 assets is not cut short."""
    query = select(*_FIT_COLUMNS).where(
        Asset.deleted.is_(False),
        Asset.category == rfa.capability,
        Asset.status.in_([AssetStatus.OFFERED, AssetStatus.AVAILABLE]),
        or_(Asset.operation_id == rfa.operation_id, Asset.operation_id.is_(None)),
    )
    if rfa.required_from is not None:
        query = query.where(or_(Asset.available_to.is_(None),
                                Asset.available_to >= rfa.required_from.date()))
    if rfa.required_until is not None:
        query = query.where(or_(Asset.available_from.is_(None),
                                Asset.available_from <= rfa.required_until.date()))
    lat = rfa.from_lat if rfa.from_lat is not None else rfa.to_lat
    lon = rfa.from_lon if rfa.from_lon is not None else rfa.to_lon
    asked, other_unit = _requested(rfa), rfa.other_unit or ""
    weighed = []
    for row in session.execute(query):
        distance = None
        if None not in (lat, lon, row.latitude, row.longitude):
            distance = _km(lat, lon, row.latitude, row.longitude)  # type: ignore[arg-type]
        fits, reason = _fit(row, asked, other_unit)
        weighed.append((_FIT_RANK[fits], distance is None, distance or 0.0, row.id,
                        distance, fits, reason))
    weighed.sort(key=lambda w: w[:4])
    best = weighed[:limit]
    loaded = {asset.id: asset for asset in session.scalars(
        select(Asset).where(Asset.id.in_([w[3] for w in best])))}
    return [AssetMatch(loaded[w[3]], w[4], w[5], w[6]) for w in best]


_FIT_COLUMNS = (Asset.id, Asset.latitude, Asset.longitude, Asset.quantity,
                Asset.capacity_value, Asset.capacity_unit)
_FIT_RANK = {True: 0, None: 1, False: 2}


@dataclass(frozen=True)
class RfaFilter:
    """What the RFA list (and the printed log) is narrowed to."""

    statuses: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    cluster: str = ""
    capability: str = ""
    text: str = ""

    def describe(self) -> str:
        """The filter in words, for the printed log's header."""
        parts = []
        if self.statuses:
            # Translators: {statuses} lists request statuses in lower case.
            parts.append(_("status: {statuses}").format(
                statuses=", ".join(status_label(s).lower() for s in self.statuses)))
        if self.priorities:
            parts.append(_("priority: {priorities}").format(
                priorities=", ".join(priority_label(p).lower() for p in self.priorities)))
        if self.cluster:
            parts.append(_("cluster: {cluster}").format(cluster=self.cluster))
        if self.capability:
            # Translators: {capability} is a capability in lower case ("airlift (helicopter)").
            parts.append(_("capability: {capability}").format(
                capability=capability_label(self.capability).lower()))
        if self.text:
            parts.append(_("text: \u201c{text}\u201d").format(text=self.text))
        described = "; ".join(parts)  # names and typed text keep their case
        return described[:1].upper() + described[1:] if described else _("All requests")


@dataclass(frozen=True)
class RfaRow:
    """One line of the RFA list: only what the table shows."""

    id: str
    reference: str
    title: str
    requester: str
    cluster: str
    capability: str
    priority: str
    status: str
    required_from: datetime | None
    required_until: datetime | None
    updated_at: datetime
    overdue: bool


SORT_COLUMNS = {
    "reference": Rfa.reference, "title": Rfa.title, "requester": Organisation.name,
    "cluster": Rfa.cluster, "capability": Rfa.capability, "priority": Rfa.priority,
    "status": Rfa.status, "required_from": Rfa.required_from,
    "required_until": Rfa.required_until, "updated_at": Rfa.updated_at,
}


def _filtered(query: Any, *, operation_id: str, where: RfaFilter) -> Any:
    query = query.where(Rfa.operation_id == operation_id, Rfa.deleted.is_(False))
    if where.statuses:
        query = query.where(Rfa.status.in_(where.statuses))
    if where.priorities:
        query = query.where(Rfa.priority.in_(where.priorities))
    if where.cluster:
        query = query.where(Rfa.cluster == where.cluster)
    if where.capability:
        query = query.where(Rfa.capability == where.capability)
    matching = text_condition("rfas", where.text)
    return query if matching is None else query.where(matching)


def list_rfas(
    session: Session,
    *,
    operation_id: str,
    where: RfaFilter = RfaFilter(),  # noqa: B008 - frozen dataclass, safe as default
    sort: str = "reference",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    now: datetime | None = None,
) -> list[RfaRow]:
    """The operation's requests, filtered and sorted, optionally one page of them."""
    now = now or utcnow()
    order = SORT_COLUMNS[sort].desc() if descending else SORT_COLUMNS[sort].asc()
    query = _filtered(
        select(Rfa.id, Rfa.reference, Rfa.title, Organisation.name, Rfa.cluster, Rfa.capability,
               Rfa.priority, Rfa.status, Rfa.required_from, Rfa.required_until, Rfa.updated_at)
        .outerjoin(Organisation),  # on the request's one organisation foreign key
        operation_id=operation_id, where=where,
    ).order_by(order, Rfa.reference).offset(offset).limit(limit)
    return [
        RfaRow(*row[:3], row[3] or "", *row[4:],
               overdue=_overdue(row.status, row.required_until, now))
        for row in session.execute(query)
    ]


def count_rfas(
    session: Session,
    *,
    operation_id: str,
    where: RfaFilter = RfaFilter(),  # noqa: B008 - frozen dataclass, safe as default
) -> int:
    """How many requests the filter keeps."""
    query = _filtered(select(func.count()).select_from(Rfa), operation_id=operation_id,
                      where=where)
    return int(session.scalar(query) or 0)

"""The Central Register of MCDA on the laptop: a read-only directory, and corrections.

HQ keeps the register; its entries arrive by pull (`RegisterEntry`, never written here).
The asset screen lists them together with the operation's own assets (`directory_ids`,
`directory_count`, `directory_rows`: one sorted, paged list over both tables, with a
source per row), "Find matching assets" weighs both (`matching_directory`), and an
officer who knows better proposes a correction (`propose_correction`), which travels to
HQ like any other row; HQ's answer comes back on the same row (`proposals_for`); one not
yet answered may be taken back (`withdraw_proposal`).

Retired entries are left out unless asked for; an entry whose valid-until date has passed
is still listed, marked `expired` (the register's "check with the provider").
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, literal, null, or_, select, union_all
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError, ValidationError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.labels import capability_label, label_of
from fieldapp.models import Asset, Contact, Rfa, utcnow
from fieldapp.models.enums import AssetStatus
from fieldapp.models.register import PROPOSABLE_FIELDS, RegisterEntry, RegisterProposal
from fieldapp.register_rules import (
    ACTIVE,
    LIMITS,
    MULTILINE,
    RETIRED,
    check_entry,
    field_label,
    kind_label,
    status_label,
    value_text,
)
from fieldapp.register_rules import MEMBER_STATE as MEMBER_STATE  # re-exported
from fieldapp.register_rules import ORGANISATION as ORGANISATION  # re-exported
from fieldapp.register_rules import SUSPENDED as SUSPENDED  # re-exported
from fieldapp.services.assets import (
    AssetDetail,
    AssetFilter,
    AssetInput,
    AssetRow,
    asset_conditions,
    asset_count,
    asset_detail,
    asset_ids,
    asset_rows,
    create_asset,
)
from fieldapp.services.contacts import display_phone
from fieldapp.services.lookup import live_row
from fieldapp.services.operations import country_code, country_name
from fieldapp.services.rfa import AssetMatch, capacity_fit, matching_assets

OPERATION, REGISTER = "operation", "register"  # a row's source
SHOW_ALL, SHOW_OPERATION, SHOW_REGISTER = "all", "operation", "register"
_PROPOSAL_STATUS = {"pending": N_("Waiting for HQ"), "accepted": N_("Accepted by HQ"),
                    "rejected": N_("Rejected by HQ")}

# What an officer may propose to change, in the order the form shows it, with the longest
# text each holds (None: not free text). HQ's rules: `fieldapp.register_rules`.
FIELDS: dict[str, int | None] = {name: LIMITS.get(name) for name in PROPOSABLE_FIELDS}
COMMENT_LIMIT = 2000
register_status_label = status_label  # "Active", "Suspended", "Retired"
provider_kind_label = kind_label  # "Member State" or "Organisation"


def proposal_status_label(value: str) -> str:
    """Where a proposal stands, in the current language."""
    return label_of(_PROPOSAL_STATUS, value)


def is_expired(valid_until: date | None, *, today: date | None = None) -> bool:
    """True when the entry's valid-until date has passed (the provider should confirm)."""
    return valid_until is not None and valid_until < (today or date.today())


# --- one entry ------------------------------------------------------------------------------

def get_entry(session: Session, entry_id: str) -> RegisterEntry:
    """One register entry, or NotFoundError."""
    return live_row(session, RegisterEntry, entry_id,
                    _("That entry is no longer in the Central Register."))


def entry_values(entry: RegisterEntry) -> dict[str, str]:
    """The entry's correctable fields as the proposal form shows them (text)."""
    return {name: value_text(getattr(entry, name)) for name in FIELDS}


def provider_text(provider: str, provider_state: str) -> str:
    """"Norway — Ministry of Defence"; the state's name alone when it is the provider."""
    state = country_name(provider_state) if provider_state else ""
    if state and provider and provider != state:
        return f"{state} \u2014 {provider}"
    return provider or state


def entry_label(entry: RegisterEntry) -> str:
    """An entry on one line, as the RFA form lists proposed assets: capability, capacity,
    provider, and that it comes from the Central Register."""
    capacity = (f", {entry.capacity_value:g} {entry.capacity_unit}".rstrip()
                if entry.capacity_value is not None else "")
    count = f"{entry.quantity} \u00d7 " if entry.quantity and entry.quantity > 1 else ""
    # Translators: how a Central Register entry is named in lists of assets: {category}
    # is the capability ("Airlift (helicopter)"), {what} what is offered, {provider} who.
    return _("Central Register \u00b7 {category}: {what}{capacity} ({provider})").format(
        category=capability_label(entry.category), what=count + entry.capability,
        capacity=capacity, provider=provider_text(entry.provider, entry.provider_state)
        or _("provider unknown"))


# --- the directory: the operation's assets and the register, one list -----------------------

@dataclass(frozen=True)
class RegisterRow:
    """One register entry as the list shows it."""

    id: str
    category: str
    capability: str
    provider: str
    provider_kind: str
    provider_state: str
    quantity: int
    capacity_value: float | None
    capacity_unit: str
    readiness_hours: int | None
    deployment_hours: int | None
    valid_until: date | None
    status: str
    poc_name: str
    expired: bool
    source: str = REGISTER


DirectoryRow = AssetRow | RegisterRow


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text, re.UNICODE)][:8]


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def register_conditions(where: AssetFilter, *, include_retired: bool,
                        today: date | None = None) -> list[ColumnElement[bool]]:
    """The WHERE conditions of the register's part of the list, read from the asset
    list's filter: category, providing state (or provider name), available on (still
    valid that day), "only entries to check" (valid-until passed), words. An asset status
    chosen in the filter leaves the register out: its entries have their own statuses."""
    today = today or date.today()
    found: list[ColumnElement[bool]] = [RegisterEntry.deleted.is_(False)]
    if not include_retired:
        found.append(RegisterEntry.status != RETIRED)
    if where.status:
        found.append(false())
    if where.category:
        found.append(RegisterEntry.category == where.category)
    if where.provider_state:
        code = country_code(where.provider_state)
        by_name = RegisterEntry.provider.like(_like(where.provider_state.strip()), escape="\\")
        found.append(or_(RegisterEntry.provider_state == code, by_name) if code else by_name)
    if where.available_on is not None:
        found += [RegisterEntry.status == ACTIVE,
                  or_(RegisterEntry.valid_until.is_(None),
                      RegisterEntry.valid_until >= where.available_on)]
    if where.stale_only:
        found.append(RegisterEntry.valid_until < today)
    if where.text.strip():
        words = _words(where.text)
        if not words:
            found.append(false())
        for word in words:  # every word, in any of the columns an officer reads
            pattern = _like(word)
            found.append(or_(*(column.like(pattern, escape="\\") for column in (
                RegisterEntry.capability, RegisterEntry.provider, RegisterEntry.conditions,
                RegisterEntry.poc_name, RegisterEntry.capacity_unit))))
    return found


# The sort keys of the asset list, as each table provides them (None: it has no such value).
def _asset_keys(sort: str) -> tuple[Any, ...]:
    poc = func.trim(Contact.given_name + " " + Contact.family_name)
    return {
        "category": (Asset.category,), "description": (Asset.description,),
        "provider": (Asset.provider_state, Asset.provider_unit),
        "provider_unit": (Asset.provider_unit,), "capacity": (Asset.capacity_value,),
        "quantity": (Asset.quantity,), "status": (Asset.status,),
        "place": (Asset.place_name,), "available_from": (Asset.available_from,),
        "available_to": (Asset.available_to,), "confirmed_at": (Asset.confirmed_at,),
        "updated_at": (Asset.updated_at,), "poc": (poc,),
        "source": (literal(OPERATION),),
    }[sort]


def _register_keys(sort: str) -> tuple[Any, ...]:
    return {
        "category": (RegisterEntry.category,), "description": (RegisterEntry.capability,),
        "provider": (RegisterEntry.provider_state, RegisterEntry.provider),
        "provider_unit": (RegisterEntry.provider,),
        "capacity": (RegisterEntry.capacity_value,), "quantity": (RegisterEntry.quantity,),
        "status": (RegisterEntry.status,), "place": (literal(""),),
        "available_from": (null(),), "available_to": (RegisterEntry.valid_until,),
        "confirmed_at": (RegisterEntry.valid_until,),
        "updated_at": (RegisterEntry.updated_at,), "poc": (RegisterEntry.poc_name,),
        "source": (literal(REGISTER),),
    }[sort]


SORTS = ("category", "description", "provider", "provider_unit", "capacity", "quantity",
         "status", "place", "available_from", "available_to", "confirmed_at", "updated_at",
         "poc", "source")


def directory_ids(session: Session, *, operation_id: str | None,
                  where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen, safe as default
                  show: str = SHOW_ALL, include_retired: bool = False,
                  sort: str = "category", descending: bool = False, offset: int = 0,
                  limit: int | None = None, now: datetime | None = None) -> list[str]:
    """The ids of the list of the operation's assets (and global ones) and the register's
    entries, filtered, sorted together (all unless `limit`), for a lazy table model.

    `show`: SHOW_ALL, SHOW_OPERATION (the asset list as it always was) or SHOW_REGISTER.
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort column {sort!r}")  # i18n: not shown
    now = now or utcnow()
    if show == SHOW_OPERATION and sort != "source":
        return asset_ids(session, operation_id=operation_id, where=where, sort=sort,
                         descending=descending, offset=offset, limit=limit, now=now)
    parts = []
    if show != SHOW_REGISTER:
        keys = _asset_keys(sort)
        mine = select(Asset.id.label("id"), Asset.description.label("tie"),
                      *(k.label(f"k{n}") for n, k in enumerate(keys))).where(
            *asset_conditions(where, operation_id=operation_id, now=now))
        if sort == "poc":
            mine = mine.outerjoin(Contact, Contact.id == Asset.poc_contact_id)
        parts.append(mine)
    if show != SHOW_OPERATION:
        keys = _register_keys(sort)
        parts.append(select(RegisterEntry.id.label("id"),
                            RegisterEntry.capability.label("tie"),
                            *(k.label(f"k{n}") for n, k in enumerate(keys))).where(
            *register_conditions(where, include_retired=include_retired)))
    both = (union_all(*parts) if len(parts) > 1 else parts[0]).subquery("listed")
    columns = [both.c[f"k{n}"] for n in range(len(_asset_keys(sort)))]
    order = [c.desc() if descending else c.asc() for c in columns]
    query = (select(both.c.id)
             .order_by(*(c.is_(None) for c in columns), *order, both.c.tie, both.c.id)
             .offset(offset).limit(limit))
    return list(session.scalars(query))


def directory_count(session: Session, *, operation_id: str | None,
                    where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen
                    show: str = SHOW_ALL, include_retired: bool = False) -> int:
    """How many rows `directory_ids` lists with the same filter."""
    count = 0
    if show != SHOW_REGISTER:
        count += asset_count(session, operation_id=operation_id, where=where)
    if show != SHOW_OPERATION:
        count += int(session.scalar(select(func.count(RegisterEntry.id)).where(
            *register_conditions(where, include_retired=include_retired))) or 0)
    return count


def register_rows(session: Session, ids: list[str], *,
                  today: date | None = None) -> list[RegisterRow]:
    """The list rows of these register entries, in the order given (others left out)."""
    today = today or date.today()
    found = {}
    for e in session.scalars(select(RegisterEntry).where(RegisterEntry.id.in_(ids),
                                                         RegisterEntry.deleted.is_(False))):
        found[e.id] = RegisterRow(
            e.id, e.category, e.capability, e.provider, e.provider_kind, e.provider_state,
            e.quantity, e.capacity_value, e.capacity_unit, e.readiness_hours,
            e.deployment_hours, e.valid_until, e.status, e.poc_name,
            is_expired(e.valid_until, today=today))
    return [found[i] for i in ids if i in found]


def directory_rows(session: Session, ids: list[str]) -> list[DirectoryRow]:
    """The list rows of these ids, assets and register entries, in the order given."""
    found: dict[str, DirectoryRow] = {row.id: row for row in asset_rows(session, ids)}
    found.update((row.id, row) for row in register_rows(
        session, [i for i in ids if i not in found]))
    return [found[i] for i in ids if i in found]


# --- one entry's detail and the officer's proposals ---------------------------------------

@dataclass(frozen=True)
class ProposalView:
    """A correction the officer proposed, and where it stands."""

    id: str
    entry_id: str
    changes: dict[str, str]
    comment: str
    status: str
    answer: str
    answered_by: str
    answered_at: datetime | None
    sent: bool  # False while it waits in the outbox for the next sync


@dataclass(frozen=True)
class RegisterDetail:
    """Everything the detail panel shows about one register entry."""

    row: RegisterRow
    conditions: str
    poc_email: str
    poc_phone: str
    version: int
    values: dict[str, str]
    proposals: tuple[ProposalView, ...]


def _proposal_view(p: RegisterProposal) -> ProposalView:
    return ProposalView(p.id, p.entry_id, dict(p.changes or {}), p.comment or "",
                        p.status or "pending", p.answer or "", p.answered_by or "",
                        p.answered_at, p.rev is not None)


def proposals_for(session: Session, entry_id: str | None = None) -> list[ProposalView]:
    """The corrections proposed from this laptop (for one entry, or all), newest first."""
    query = select(RegisterProposal).where(RegisterProposal.deleted.is_(False))
    if entry_id is not None:
        query = query.where(RegisterProposal.entry_id == entry_id)
    rows = session.scalars(query.order_by(RegisterProposal.updated_at.desc(),
                                          RegisterProposal.id))
    return [_proposal_view(p) for p in rows]


def register_detail(session: Session, entry_id: str) -> RegisterDetail:
    """One entry with the corrections proposed for it from this laptop."""
    entry = get_entry(session, entry_id)
    (row,) = register_rows(session, [entry.id])
    return RegisterDetail(row=row, conditions=entry.conditions or "",
                          poc_email=entry.poc_email or "",
                          poc_phone=display_phone(entry.poc_phone or ""),
                          version=entry.version or 0, values=entry_values(entry),
                          proposals=tuple(proposals_for(session, entry.id)))


def directory_detail(session: Session, item_id: str) -> AssetDetail | RegisterDetail:
    """The detail of a row of the joined list: a register entry's, else an asset's."""
    entry = session.get(RegisterEntry, item_id)
    if entry is not None and not entry.deleted:
        return register_detail(session, item_id)
    return asset_detail(session, item_id)


# --- proposing a correction -----------------------------------------------------------------

def check_correction(entry: RegisterEntry, changes: Mapping[str, str],
                     comment: str) -> dict[str, str]:
    """The fields that really change, as HQ stores them (trimmed text; a country name
    becomes its code, a phone E.164); raise ValidationErrors with a sentence per bad field,
    or when nothing is proposed at all. The entry with the changes must pass HQ's checks
    (`fieldapp.register_rules.check_entry`), so HQ can accept what the laptop sends: a
    field not changed is named too when the change makes it wrong (a Member State with no
    country)."""
    current = entry_values(entry)
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ValueError(f"not a register field: {unknown}")  # i18n: not shown
    proposed = {name: str(text).strip() if name in MULTILINE else " ".join(str(text).split())
                for name, text in changes.items()}
    wanted = {name: text for name, text in proposed.items() if text != current[name]}
    errors: list[ValidationError] = []
    clean = {}
    if wanted:
        checked, refused = check_entry({**current, **wanted})
        # An entry HQ sent is valid; if not, what was already wrong is not the officer's
        already_wrong = {e.field for e in check_entry(current)[1]} if refused else set()
        errors += [e for e in refused if e.field in wanted or e.field not in already_wrong]
        wrong = {e.field for e in errors}
        for name in wanted:
            stored = value_text(checked[name])
            if name not in wrong and stored != current[name]:
                clean[name] = stored
    if len(comment) > COMMENT_LIMIT:
        errors.append(ValidationError("comment", _(
            "Keep this under {limit} characters; it has {count}.").format(
            limit=COMMENT_LIMIT, count=len(comment))))
    if not errors and not clean and not comment.strip():
        errors.append(ValidationError("comment", _(
            "Change at least one value, or say in the comment what is wrong.")))
    if errors:
        raise ValidationErrors(errors)
    return clean


def propose_correction(session: Session, entry_id: str, changes: Mapping[str, str],
                       comment: str = "") -> RegisterProposal:
    """Record a correction of a register entry for HQ's registry staff: the changed fields
    (field → proposed text) and a comment. It goes to HQ with the next sync (through the
    outbox, like every row written here); HQ's answer comes back on the same row."""
    entry = get_entry(session, entry_id)
    clean = check_correction(entry, changes, comment)
    proposal = RegisterProposal(entry_id=entry.id, changes=clean, comment=comment.strip())
    session.add(proposal)
    session.flush()
    return proposal


def withdraw_proposal(session: Session, proposal_id: str) -> RegisterProposal:
    """Take back a proposal HQ has not answered (it leaves HQ's list at the next sync)."""
    proposal = live_row(session, RegisterProposal, proposal_id,
                        _("That proposal was already withdrawn."))
    if proposal.status != "pending":
        raise FieldAppError(_("HQ has already answered this proposal; it stays as a record."))
    proposal.deleted = True
    return proposal


# --- "Find matching assets": the operation's assets and the register ------------------------

@dataclass(frozen=True)
class DirectoryMatch:
    """An asset or register entry that could meet a request: its label, where it comes
    from, how far it is (assets only), whether its capacity covers the request and why."""

    id: str
    source: str
    label: str
    distance_km: float | None
    fits: bool | None
    reason: str


_FIT_RANK = {True: 0, None: 1, False: 2}
_MOBILISED = uuid.UUID("6f1d3c52-8a0e-4c1b-9d57-2b7e0c4a9e13")  # ids of mobilised copies


def matching_entries(session: Session, rfa: Rfa, *, limit: int = 50,
                     today: date | None = None) -> list[tuple[RegisterEntry, bool | None, str]]:
    """Active register entries of the requested category still valid when the request
    starts, those whose capacity covers it first, readiest first; each with whether it
    fits and why. Every candidate is weighed on the columns that decide; only the `limit`
    best are loaded whole."""
    today = today or date.today()
    start = rfa.required_from.date() if rfa.required_from is not None else today
    query = select(RegisterEntry.id, RegisterEntry.quantity, RegisterEntry.capacity_value,
                   RegisterEntry.capacity_unit, RegisterEntry.readiness_hours,
                   RegisterEntry.capability).where(
        RegisterEntry.deleted.is_(False), RegisterEntry.status == ACTIVE,
        RegisterEntry.category == rfa.capability,
        or_(RegisterEntry.valid_until.is_(None), RegisterEntry.valid_until >= max(start, today)))
    weighed = []
    for row in session.execute(query):
        fits, reason = capacity_fit(row, rfa)
        readiness = row.readiness_hours if row.readiness_hours is not None else 10 ** 6
        weighed.append((_FIT_RANK[fits], readiness, row.capability, row.id, fits, reason))
    weighed.sort(key=lambda w: w[:4])
    best = weighed[:limit]
    loaded = {e.id: e for e in session.scalars(
        select(RegisterEntry).where(RegisterEntry.id.in_([w[3] for w in best])))}
    return [(loaded[w[3]], w[4], w[5]) for w in best]


def matching_directory(session: Session, rfa: Rfa, *, limit: int = 50,
                       asset_label: Any = None) -> list[DirectoryMatch]:
    """The operation's assets (`rfa.matching_assets`) and the Central Register's active
    entries that could meet the request, in one list: those whose capacity fits first;
    within each, the operation's assets (nearest first) before the register's (readiest
    first), as the operation's are already in theatre. `asset_label(asset)` names an
    asset (the RFA form's label; default its description)."""
    def name(asset: Asset) -> str:
        return asset_label(asset) if asset_label is not None else asset.description

    found: list[tuple[int, int, int, DirectoryMatch]] = []
    assets: list[AssetMatch] = matching_assets(session, rfa, limit=limit)
    for n, m in enumerate(assets):
        found.append((_FIT_RANK[m.fits], 0, n, DirectoryMatch(
            m.asset.id, OPERATION, name(m.asset), m.distance_km, m.fits, m.reason)))
    for n, (entry, fits, reason) in enumerate(matching_entries(session, rfa, limit=limit)):
        if entry.readiness_hours is not None:
            # Translators: {hours} is the register entry's notice to move, in hours.
            reason = f"{reason} " + _("Ready to move in {hours} h.").format(
                hours=entry.readiness_hours)
        found.append((_FIT_RANK[fits], 1, n, DirectoryMatch(
            entry.id, REGISTER, entry_label(entry), None, fits, reason)))
    found.sort(key=lambda f: f[:3])
    return [f[3] for f in found[:limit]]


def mobilise_entry(session: Session, entry_id: str, *, operation_id: str) -> Asset:
    """The operation's own asset for a register entry it tasks: a copy of the entry in the
    operation's directory (status "requested"; its history says it came from the Central
    Register), so the tasking, its status and its place can be kept there. Tasking the
    same entry again in the operation reuses that copy."""
    entry = get_entry(session, entry_id)
    # The copy's id follows from the operation and the entry: one copy per operation,
    # found again without a search, and the same on any laptop of the operation.
    copy_id = str(uuid.uuid5(_MOBILISED, f"{operation_id}:{entry.id}"))
    existing = session.get(Asset, copy_id)
    if existing is not None:
        existing.deleted = False  # deleted from the operation's list, tasked again
        return existing
    return create_asset(session, AssetInput(
        category=entry.category, description=entry.capability,
        provider_state=entry.provider_state, provider_unit=entry.provider[:200],
        capacity_value=entry.capacity_value, capacity_unit=entry.capacity_unit,
        quantity=max(entry.quantity or 1, 1), status=AssetStatus.REQUESTED,
        available_to=entry.valid_until, notes=entry.conditions),
        operation_id=operation_id, comment=N_("Mobilised from the Central Register"),
        asset_id=copy_id)


def directory_label(session: Session, item_id: str) -> str | None:
    """How an RFA names a proposed register entry (None when the id is not one)."""
    entry = session.get(RegisterEntry, item_id)
    if entry is None or entry.deleted:
        return None
    return entry_label(entry)


def proposal_summary(changes: Mapping[str, str]) -> str:
    """"quantity, poc_email" → the changed fields named for the officer, comma-separated."""
    return ", ".join(field_label(name) for name in FIELDS if name in changes)


def entry_is_listed(session: Session, entry_id: str) -> bool:
    """True when the id is a live register entry (the asset screen's read-only rows)."""
    return bool(session.scalar(select(func.count(RegisterEntry.id)).where(
        and_(RegisterEntry.id == entry_id, RegisterEntry.deleted.is_(False)))))

"""What the RFA form reads, on a worker thread: one request with its pickers' choices,
and the directory assets that match it. Plain data handed back to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fieldapp.errors import FieldAppError
from fieldapp.models import Rfa, new_id
from fieldapp.models.enums import RfaStatus
from fieldapp.services.assets import get_asset
from fieldapp.services.contacts import get_contact, organisation_rows
from fieldapp.services.operations import get_operation
from fieldapp.services.register import directory_label, matching_directory
from fieldapp.services.rfa import (
    RfaInput,
    allowed_transitions,
    get_rfa,
    history,
)
from fieldapp.services.settings import get_officer
from ui.lazy import later
from ui.tasks import Session

# PDF makers, imported (with ReportLab) only when a PDF is made: see ui/lazy.py
asset_label = later("fieldapp.pdf.rfa", "asset_label")


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    from_status: str
    to_status: str
    by: str
    comment: str


@dataclass(frozen=True)
class FormState:
    """One request as the form shows it, with what its pickers offer."""

    rfa_id: str
    operation_id: str
    reference: str
    status: str
    data: RfaInput
    allowed: list[str]
    history: list[HistoryRow]
    timezone: str
    organisations: list[tuple[str, str]]  # (id, label)
    contact_label: str
    assets: dict[str, str] = field(default_factory=dict)  # proposed: id → label
    tasked_asset: str = ""
    stored: bool = True  # False: a new form, not saved yet (no reference taken)


def officer_name(session: Session) -> str:
    """Who is recorded in the history for actions on this profile."""
    return get_officer(session).name or "Officer"  # i18n: not shown (stored; first run asks)


def load_form(session: Session, rfa_id: str) -> FormState:
    """Read a request for the form (worker thread)."""
    rfa = get_rfa(session, rfa_id)
    operation = get_operation(session, rfa.operation_id)
    contact_label = ""
    if rfa.contact_id:
        contact = get_contact(session, rfa.contact_id)
        contact_label = contact.display_name
    assets = {}
    for asset_id in rfa.proposed_asset_ids or []:
        entry = directory_label(session, asset_id)  # a Central Register entry's label
        if entry is not None:
            assets[asset_id] = entry
            continue
        try:
            assets[asset_id] = asset_label(get_asset(session, asset_id))
        except FieldAppError:
            continue  # deleted from the directory since it was proposed
    tasked = asset_label(get_asset(session, rfa.tasked_asset_id)) if rfa.tasked_asset_id else ""
    return FormState(
        rfa_id=rfa.id, operation_id=rfa.operation_id, reference=rfa.reference,
        status=rfa.status, data=RfaInput.from_rfa(rfa), allowed=allowed_transitions(rfa),
        history=[HistoryRow(e.at, e.from_status, e.to_status, e.by, e.comment)
                 for e in history(session, rfa_id)],
        timezone=operation.timezone or "UTC",
        organisations=[(o.id, f"{o.name} ({o.acronym})" if o.acronym else o.name)
                       for o in organisation_rows(session, operation_id=rfa.operation_id)],
        contact_label=contact_label, assets=assets, tasked_asset=tasked)


def new_form(session: Session, operation_id: str) -> FormState:
    """A blank request for the form, not stored: its id is chosen now, its reference is
    taken by its first save that holds something (worker thread)."""
    operation = get_operation(session, operation_id)
    return FormState(
        rfa_id=new_id(), operation_id=operation_id, reference="", status=RfaStatus.DRAFT,
        data=RfaInput(), allowed=[RfaStatus.SUBMITTED], history=[],
        timezone=operation.timezone or "UTC",
        organisations=[(o.id, f"{o.name} ({o.acronym})" if o.acronym else o.name)
                       for o in organisation_rows(session, operation_id=operation_id)],
        contact_label="", stored=False)


FIT_MARKS = {True: "✓", None: "?", False: "✗"}


def find_assets(session: Session, operation_id: str, data: RfaInput) -> list[tuple[str, str]]:
    """The operation's assets and the Central Register's entries matching the form's
    capability, window, place and quantities, each labelled with its distance (register
    entries: "Central Register · …") and, on a second line, whether its capacity fits and
    why (worker thread)."""
    probe = Rfa(operation_id=operation_id, capability=data.capability,
                required_from=data.required_from, required_until=data.required_until,
                from_lat=data.from_lat, from_lon=data.from_lon, to_lat=data.to_lat,
                to_lon=data.to_lon, passengers=data.passengers, cargo_tonnes=data.cargo_tonnes,
                cargo_m3=data.cargo_m3, other_quantity=data.other_quantity,
                other_unit=data.other_unit)
    found = []
    for m in matching_directory(session, probe, asset_label=asset_label):
        distance = f" · {m.distance_km:.0f} km" if m.distance_km is not None else ""
        found.append((m.id, f"{m.label}{distance}\n{FIT_MARKS[m.fits]} {m.reason}"))
    return found

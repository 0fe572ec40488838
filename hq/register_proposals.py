"""Correction proposals of the Central Register from the field: projection, list, decisions.

An officer proposes a correction of a register entry on the laptop: a `register_proposal`
row of no operation (owned by the officer), pushed like any other. Each push that writes
one brings `hq_register_proposals` in step (`project_proposal`, called by hq.merge). A
device writes only the proposal's entry, proposed values and comment, and only while it
is pending (or withdraws it); HQ's fields (status, answer, answered_by, answered_at) are
never taken from a device (`device_change_held`).

Registry staff accept (the proposed values go through `hq.register.edit_entry` with the
action "proposal", so the entry's history says so and every device receives the new
values) or reject with an answer. The decision is written to the projection and to the
synced row as HQ's own change (a new sequence number, no device), so the proposing
laptop receives status and answer at its next pull.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError, NotFoundError, ValidationError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.models.register import PROPOSABLE_FIELDS, PROPOSAL_STATUSES
from fieldapp.models.register import RegisterProposal as DeviceProposal
from hq.changes import INVALID_VALUE, Held
from hq.lessons import write_from_hq
from hq.models import Device, Officer, RowState, utcnow
from hq.proposal_tables import RegisterProposal
from hq.register_feed import ENTITY as ENTRY_ENTITY

ENTITY = DeviceProposal.__sync_entity__
HQ_FIELDS = DeviceProposal.__hq_fields__
PENDING, ACCEPTED, REJECTED = PROPOSAL_STATUSES
# What a new proposal carries in HQ's fields: their defaults, nothing else.
NEW_PROPOSAL = {"status": PENDING, "answer": "", "answered_by": "", "answered_at": None}
MAX_ANSWER_CHARS = 5000
PAGE_SIZE = 50
FIELD_LABELS = {
    "provider": N_("Provider"),
    "provider_kind": N_("Kind of provider"),
    "provider_state": N_("Member State"),
    "capability": N_("Capability"),
    "category": N_("Category"),
    "quantity": N_("Quantity"),
    "capacity_value": N_("Capacity"),
    "capacity_unit": N_("Capacity unit"),
    "readiness_hours": N_("Readiness (hours)"),
    "deployment_hours": N_("Deployment (hours)"),
    "conditions": N_("Conditions and caveats"),
    "poc_name": N_("Point of contact"),
    "poc_email": N_("Email of the point of contact"),
    "poc_phone": N_("Phone of the point of contact"),
    "valid_until": N_("Valid until"),
    "status": N_("Status"),
}


class ProposalError(FieldAppError):
    """A decision that cannot be taken on this proposal now; the message says why."""


class _ChangeLike(Protocol):
    fields: dict[str, Any]
    is_creation: bool


class _RowLike(Protocol):
    row_id: str
    owner_officer_id: str | None
    fields: dict[str, Any]
    deleted: bool
    last_device_id: str | None


# --- the push: what a device may write, and the projection -------------------------------


def device_change_held(change: _ChangeLike, state: _RowLike | None) -> Held | None:
    """Why a device's change of a proposal is not applied (None: it is).

    HQ's fields are never taken from a device, and a proposal HQ has answered is no
    longer edited (it may still be withdrawn: `deleted`)."""
    fields = change.fields
    if state is None or change.is_creation:
        wrong = sorted(k for k in HQ_FIELDS & set(fields) if fields[k] != NEW_PROPOSAL[k])
    else:
        wrong = sorted(HQ_FIELDS & set(fields))
    if wrong:
        return Held(INVALID_VALUE,  # i18n: not shown
                    f"HQ writes the {wrong[0].replace('_', ' ')} of a proposal; it is not "
                    "taken from a laptop. Discard this change.", wrong[0])
    if state is not None and not change.is_creation \
            and state.fields.get("status", PENDING) != PENDING \
            and set(fields) - {"deleted"}:
        return Held(INVALID_VALUE,  # i18n: not shown
                    "HQ has already answered this proposal, so it can no longer be "
                    "changed. Propose a new correction instead, or discard this change.")
    return None


def _changes(value: Any) -> dict[str, str]:
    """A proposal's proposed values as HQ keeps them: known fields, text (never raises)."""
    if not isinstance(value, dict):
        return {}
    return {name: "" if value[name] is None else str(value[name])
            for name in PROPOSABLE_FIELDS if name in value}


def project_proposal(session: Session, state: _RowLike) -> None:
    """Bring `hq_register_proposals` in step with a proposal row a device has just written."""
    proposal = session.get(RegisterProposal, state.row_id)
    fields = state.fields
    if proposal is None:
        proposal = RegisterProposal(id=state.row_id, officer_id=state.owner_officer_id,
                                    device_id=state.last_device_id, status=PENDING,
                                    answer="", answered_by="", created_at=utcnow())
        session.add(proposal)
    proposal.entry_id = str(fields.get("entry_id") or "")
    proposal.changes = _changes(fields.get("changes"))
    proposal.comment = str(fields.get("comment") or "")
    proposal.deleted = bool(state.deleted)


# --- the proposals page ----------------------------------------------------------------


@dataclass(frozen=True)
class FieldLine:
    """One field of the entry beside what the officer proposes for it."""

    name: str
    label: str
    current: str
    proposed: str | None  # None: not part of the proposal

    @property
    def changed(self) -> bool:
        """Whether the proposal changes this field."""
        return self.proposed is not None and self.proposed != self.current


@dataclass(frozen=True)
class ProposalView:
    """A proposal as the page shows it: the entry's current values beside the proposed."""

    proposal: RegisterProposal
    rev: int  # the synced row's seq when read: a decision on an older one is refused
    officer: str
    device: str
    entry_found: bool
    entry_title: str
    lines: list[FieldLine]

    @property
    def changed(self) -> list[FieldLine]:
        """The lines the proposal changes."""
        return [line for line in self.lines if line.changed]


def shown(value: Any) -> str:
    """A field's value as text, as a form would have it ("" for nothing)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _view(proposal: RegisterProposal, rev: int, entry: Mapping[str, Any] | None,
          officer: str, device: str) -> ProposalView:
    current = entry or {}
    lines = [FieldLine(name, _(FIELD_LABELS[name]), shown(current.get(name)),
                       proposal.changes.get(name)) for name in PROPOSABLE_FIELDS]
    title = " — ".join(part for part in (shown(current.get("provider")),
                                         shown(current.get("capability"))) if part)
    return ProposalView(proposal, rev, officer, device, entry is not None, title, lines)


def counts(session: Session) -> dict[str, int]:
    """How many live proposals are in each status."""
    found = dict(session.execute(
        select(RegisterProposal.status, func.count()).where(RegisterProposal.deleted.is_(False))
        .group_by(RegisterProposal.status)).all())
    return {status: int(found.get(status, 0)) for status in PROPOSAL_STATUSES}


def list_proposals(session: Session, *, status: str | None = None, offset: int = 0,
                   limit: int = PAGE_SIZE) -> list[ProposalView]:
    """Live proposals with what each changes: pending first (oldest first: what waits
    longest comes first), then the answered ones, newest answer first. `status` keeps
    only one status."""
    query = select(RegisterProposal).where(RegisterProposal.deleted.is_(False))
    if status is not None:
        query = query.where(RegisterProposal.status == status)
    pending_first = case((RegisterProposal.status == PENDING, 0), else_=1)
    proposals = list(session.scalars(query.order_by(
        pending_first, RegisterProposal.answered_at.desc(), RegisterProposal.created_at,
        RegisterProposal.id).offset(offset).limit(limit)))
    return _views(session, proposals)


def _views(session: Session, proposals: list[RegisterProposal]) -> list[ProposalView]:
    if not proposals:
        return []
    entries = {row_id: fields for row_id, fields in session.execute(
        select(RowState.row_id, RowState.fields).where(
            RowState.entity == ENTRY_ENTITY,
            RowState.row_id.in_(sorted({p.entry_id for p in proposals}))))}
    revs = dict(session.execute(select(RowState.row_id, RowState.seq).where(
        RowState.entity == ENTITY, RowState.row_id.in_([p.id for p in proposals]))).all())
    officers = dict(session.execute(select(Officer.id, Officer.name).where(
        Officer.id.in_(sorted({p.officer_id for p in proposals if p.officer_id})))).all())
    devices = dict(session.execute(select(Device.id, Device.name).where(
        Device.id.in_(sorted({p.device_id for p in proposals if p.device_id})))).all())
    return [_view(p, int(revs.get(p.id, 0)), entries.get(p.entry_id),
                  officers.get(p.officer_id or "", ""), devices.get(p.device_id or "", ""))
            for p in proposals]


def proposal_view(session: Session, proposal_id: str) -> ProposalView:
    """One live proposal, or NotFoundError."""
    proposal = session.get(RegisterProposal, proposal_id)
    if proposal is None or proposal.deleted:
        raise NotFoundError(_("HQ has no proposal at this address."))
    return _views(session, [proposal])[0]


# --- decisions --------------------------------------------------------------------------


def _for_decision(session: Session, proposal_id: str, rev: int | None
                  ) -> tuple[RegisterProposal, RowState]:
    proposal = session.get(RegisterProposal, proposal_id)
    state = session.get(RowState, (ENTITY, proposal_id))
    if proposal is None or state is None or proposal.deleted:
        raise NotFoundError(_("HQ has no proposal at this address (its officer may have "
                              "withdrawn it)."))
    if proposal.status != PENDING:
        raise ProposalError(_("This proposal was already answered by {name}.").format(
            name=proposal.answered_by or "HQ"))
    if rev is not None and state.seq != rev:
        raise ProposalError(_("This proposal changed since you opened it (the officer sent "
                              "a new version). Read it again, then decide."))
    return proposal, state


def _answer(answer: str, *, required: bool) -> str:
    answer = answer.replace("\r\n", "\n").strip()
    if required and not answer:
        raise ValidationErrors([ValidationError(
            "answer", _("Say why the proposal is rejected: the answer is what the officer "
                        "reads."))])
    if len(answer) > MAX_ANSWER_CHARS:
        raise ValidationErrors([ValidationError(
            "answer", _("Keep the answer under {limit} characters (now {count}).").format(
                limit=f"{MAX_ANSWER_CHARS:,}", count=f"{len(answer):,}"))])
    return answer


def _decide(session: Session, proposal: RegisterProposal, state: RowState, *, status: str,
            actor: str, answer: str) -> None:
    now = utcnow()
    proposal.status = status
    proposal.answer = answer
    proposal.answered_by = actor
    proposal.answered_at = now
    write_from_hq(session, state, {"status": status, "answer": answer, "answered_by": actor,
                                   "answered_at": now.isoformat()})


def accept(session: Session, proposal_id: str, *, actor: str, answer: str = "",
           rev: int | None = None) -> RegisterProposal:
    """Apply the proposed values to the entry (its history says "proposal") and answer the
    officer; ValidationErrors when a proposed value is not one the register takes."""
    proposal, state = _for_decision(session, proposal_id, rev)
    answer = _answer(answer, required=False)
    from hq import register  # A's service; imported when first needed

    if session.get(RowState, (ENTRY_ENTITY, proposal.entry_id)) is None:
        raise ProposalError(_("The entry this proposal corrects is not in the register; "
                              "reject the proposal with an answer."))
    if proposal.changes:
        register.edit_entry(session, proposal.entry_id, dict(proposal.changes), actor=actor,
                            version=None, action="proposal")
    _decide(session, proposal, state, status=ACCEPTED, actor=actor, answer=answer)
    return proposal


def reject(session: Session, proposal_id: str, *, actor: str, answer: str,
           rev: int | None = None) -> RegisterProposal:
    """Answer the officer that the entry stays as it is; the answer is required."""
    proposal, state = _for_decision(session, proposal_id, rev)
    _decide(session, proposal, state, status=REJECTED, actor=actor,
            answer=_answer(answer, required=True))
    return proposal

"""The register's correction proposals from the field (role `registry`).

/register/proposals lists them, pending first, each with the entry's current values
beside the proposed ones (the fields it changes highlighted), the officer and when;
a pending one is accepted (the proposed values go into the entry, with an optional
answer) or rejected (with an answer). The officer's laptop receives the decision at its
next sync. Every form carries the session's CSRF token and the proposal's revision (a
decision on a proposal the officer changed meanwhile is refused).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fieldapp.errors import FieldAppError, NotFoundError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.labels import label_of
from hq import register
from hq import register_proposals as proposals
from hq.db import HqDatabase
from hq.reviewers import SignedIn
from hq.roles import REGISTRY
from hq.row_ids import is_row_id
from hq.staff import StaffGate
from hq.web import render

HERE = "/register/proposals"
DONE = {
    "accepted": N_("Accepted: the entry now has the proposed values. The officer's laptop "
                   "receives your answer at its next sync."),
    "rejected": N_("Rejected: the officer's laptop receives your answer at its next sync."),
}
STATUS_LABELS = {
    "pending": N_("Pending"),
    "accepted": N_("Accepted"),
    "rejected": N_("Rejected"),
}
Answer = Annotated[str, Form(max_length=6000)]
Short = Annotated[str, Form(max_length=400)]


def status_label(value: str) -> str:
    """A proposal's status, readable."""
    return label_of(STATUS_LABELS, value)


def value_label(name: str, value: str) -> str:
    """A field's value as the page shows it (a category, kind or status by its name,
    nothing as a dash)."""
    if value == "":
        return "—"
    if name == "category":
        return register.category_label(value)
    if name == "provider_kind":
        return register.kind_label(value)
    if name == "status":
        return register.status_label(value)
    return value


def _rev(value: str) -> int | None:
    """The revision a form was filled against: None when missing, -1 (refused as stale)
    when garbled."""
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) >= 2**63:
        return -1
    return int(value)


def proposals_router(db: HqDatabase, gate: StaffGate) -> APIRouter:
    """The pages, each checking its role through `gate`."""
    router = APIRouter(include_in_schema=False)

    def page(request: Request, who: SignedIn, *, status: str = "", page_number: int = 1,
             http_status: int = 200, done: str = "", error: str = "",
             errors: ValidationErrors | None = None, failed: str = "",
             form: dict[str, str] | None = None) -> HTMLResponse:
        shown_status = status if status in proposals.PROPOSAL_STATUSES else ""
        with db.read() as session:
            counts = proposals.counts(session)
            rows = proposals.list_proposals(
                session, status=shown_status or None,
                offset=(page_number - 1) * proposals.PAGE_SIZE, limit=proposals.PAGE_SIZE)
        total = counts[shown_status] if shown_status else sum(counts.values())
        pages = max(1, -(-total // proposals.PAGE_SIZE))
        return render(request, "proposals.html", http_status=http_status, reviewer=who,
                      title=_("Correction proposals"), status=shown_status, counts=counts,
                      rows=rows, page=page_number, pages=pages,
                      done=_(DONE[done]) if done in DONE else "", error=error,
                      errors=errors, failed=failed, form=form or {},
                      proposal_status_label=status_label, value_label=value_label,
                      here=HERE)

    @router.get(HERE, response_class=HTMLResponse)
    def index(request: Request, status: Annotated[str, Query(max_length=20)] = "",
              page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
              done: Annotated[str, Query(max_length=20)] = "") -> Response:
        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        return page(request, who, status=status, page_number=page_number, done=done)

    def decision(request: Request, proposal_id: str, csrf: str, *, action: str,
                 answer: str, rev: str) -> Response:
        who = gate.post(request, REGISTRY, csrf)
        if isinstance(who, Response):
            return who
        form = {"answer": answer}
        if not is_row_id(proposal_id):  # no proposal has another id: HQ holds them at the door
            return page(request, who, http_status=404, failed=proposal_id,
                        error=_("HQ has no proposal at this address."))
        try:
            with db.write() as session:
                if action == "accept":
                    proposals.accept(session, proposal_id, actor=who.name, answer=answer,
                                     rev=_rev(rev))
                else:
                    proposals.reject(session, proposal_id, actor=who.name, answer=answer,
                                     rev=_rev(rev))
        except NotFoundError as exc:
            return page(request, who, http_status=404, error=exc.message, failed=proposal_id)
        except ValidationErrors as exc:
            return page(request, who, http_status=422, errors=exc, failed=proposal_id,
                        form=form, error=_("Nothing was saved: {reasons}").format(
                            reasons=exc.message))
        except FieldAppError as exc:
            return page(request, who, http_status=409, error=exc.message, failed=proposal_id,
                        form=form)
        done = "accepted" if action == "accept" else "rejected"
        return RedirectResponse(f"{HERE}?done={done}", status_code=303)

    @router.post(HERE + "/{proposal_id}/accept")
    def accept(request: Request, proposal_id: str, csrf: Short = "", rev: Short = "",
               answer: Answer = "") -> Response:
        return decision(request, proposal_id, csrf, action="accept", answer=answer, rev=rev)

    @router.post(HERE + "/{proposal_id}/reject")
    def reject(request: Request, proposal_id: str, csrf: Short = "", rev: Short = "",
               answer: Answer = "") -> Response:
        return decision(request, proposal_id, csrf, action="reject", answer=answer, rev=rev)

    return router

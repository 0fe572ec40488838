"""The roster and deployments pages (role `coordinator`).

- GET /roster: who is deployed where and who is available, with filters (language, skill,
  operation, availability) and sortable columns; a form adds an officer.
- GET /roster/officers/{id}: the officer's profile form, deployments (end, edit) and a
  "Deploy to…" form.
- POST /roster/officers, …/{id}/profile, …/{id}/deployments,
  /roster/deployments/{id}/end, /roster/deployments/{id}/edit: each checks the role and
  the session's CSRF token, writes in one transaction (hq/roster.py) and returns to the
  page with a sentence saying what happened, or shows the form again with the reason per
  field (422).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import StringConstraints

from fieldapp.errors import FieldAppError, NotFoundError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.services.contacts import display_phone
from hq import roster
from hq.db import HqDatabase
from hq.reviewers import SignedIn
from hq.roles import COORDINATOR
from hq.roster_tables import Deployment
from hq.row_ids import is_row_id
from hq.staff import StaffGate
from hq.web import render

DONE = {
    "added": N_("The officer is on the roster. Fill in the profile below."),
    "saved": N_("The profile is saved."),
    "deployed": N_("Deployed. The officer's laptops receive the operation at their next "
                   "sync."),
    "edited": N_("The deployment is changed."),
    "ended": N_("The deployment is ended. Another open deployment keeps the officer in the "
                "operation."),
    "ended_only": N_("The deployment is ended. The officer was already out of the operation."),
    "ended_unassigned": N_("The deployment is ended and the officer has left the "
                           "operation: from their next sync, their laptops keep its data "
                           "archived and no longer sync it."),
}
Short = Annotated[str, Form(max_length=400)]
Long = Annotated[str, Form(max_length=5000)]
Filter = Annotated[str, Query(max_length=40)]
Many = Annotated[list[Annotated[str, StringConstraints(max_length=200)]], Form(max_length=40)]
LANGUAGE_ROWS_FREE = 2  # empty language rows offered below those already filled


def helpers() -> dict[str, Any]:
    """Labels and choices the roster templates use."""
    return {"language_label": roster.language_label, "level_label": roster.level_label,
            "skill_label": roster.skill_label, "deployment_role": roster.role_label,
            "deployment_status": roster.status_label, "SKILLS": roster.SKILLS,
            "DEPLOYMENT_ROLES": roster.ROLES, "LEVELS": roster.LEVELS,
            "display_phone": display_phone}


def roster_router(db: HqDatabase, gate: StaffGate) -> APIRouter:
    """The roster's pages, each checking the role `coordinator` through `gate`."""
    router = APIRouter(include_in_schema=False)

    def roster_page(request: Request, who: SignedIn, query: roster.RosterQuery, *,
                    status: int = 200, errors: ValidationErrors | None = None,
                    form: dict[str, str] | None = None) -> HTMLResponse:
        with db.read() as session:
            found = roster.roster(session, query)
        return render(request, "roster.html", http_status=status, reviewer=who,
                      title=_("Roster"), found=found, query=query, errors=errors,
                      form=form or {}, here="/roster", **helpers())

    @router.get("/roster", response_class=HTMLResponse)
    def index(request: Request, language: Filter = "", skill: Filter = "",
              operation: Filter = "", availability: Filter = "",
              sort: Filter = "") -> Response:
        who = gate.page(request, COORDINATOR)
        if isinstance(who, Response):
            return who
        query = roster.RosterQuery.parse(language=language, skill=skill, operation=operation,
                                         availability=availability, sort=sort)
        return roster_page(request, who, query)

    @router.post("/roster/officers")
    def add_officer(request: Request, csrf: Short = "", name: Short = "",
                    email: Short = "") -> Response:
        who = gate.post(request, COORDINATOR, csrf)
        if isinstance(who, Response):
            return who
        try:
            with db.write() as session:
                officer_id = roster.add_officer(session, name=name, email=email).id
        except ValidationErrors as exc:
            return roster_page(request, who, roster.RosterQuery(), status=422, errors=exc,
                               form={"name": name, "email": email})
        return RedirectResponse(f"/roster/officers/{officer_id}?done=added", status_code=303)

    def officer_page(request: Request, who: SignedIn, officer_id: str, *, status: int = 200,
                     done: str = "", error: str = "", errors: ValidationErrors | None = None,
                     form: dict[str, Any] | None = None, failed: str = "") -> HTMLResponse:
        here = f"/roster/officers/{officer_id}"
        try:
            if not is_row_id(officer_id):
                raise NotFoundError(_("HQ has no officer at this address."))
            with db.read() as session:
                page = roster.officer_page(session, officer_id)
        except NotFoundError as exc:
            return render(request, "error.html", http_status=404, reviewer=who,
                          title=_("Not found"), message=exc.message, here="/roster")
        languages = list(page.profile.languages) if page.profile else []
        rows = len(languages) + LANGUAGE_ROWS_FREE
        return render(request, "roster_officer.html", http_status=status, reviewer=who,
                      title=page.officer.name, page=page, here=here, error=error,
                      done=_(DONE[done]) if done in DONE else "", errors=errors,
                      form=form, failed=failed, language_rows=min(rows, roster.MAX_LANGUAGES),
                      all_languages=[(c, roster.language_label(c))
                                     for c in roster.language_codes()], **helpers())

    @router.get("/roster/officers/{officer_id}", response_class=HTMLResponse)
    def officer(request: Request, officer_id: str,
                done: Annotated[str, Query(max_length=20)] = "") -> Response:
        who = gate.page(request, COORDINATOR)
        if isinstance(who, Response):
            return who
        return officer_page(request, who, officer_id, done=done)

    def write(request: Request, who: SignedIn, officer_id: str, act: Any, *,
              form: dict[str, Any], failed: str = "") -> Response:
        """Run `act(session)` in a write transaction; back to the officer's page with what
        `act` returned as its `done`, or the form again with the reasons."""
        try:
            with db.write() as session:
                done = act(session)
        except ValidationErrors as exc:
            return officer_page(request, who, officer_id, status=422, errors=exc, form=form,
                                failed=failed,
                                error=_("Some fields need attention; nothing was saved."))
        except NotFoundError:
            return officer_page(request, who, officer_id, status=404)
        except FieldAppError as exc:
            return officer_page(request, who, officer_id, status=409, error=exc.message)
        return RedirectResponse(f"/roster/officers/{officer_id}?done={done}",
                                status_code=303)

    @router.post("/roster/officers/{officer_id}/profile")
    def save_profile(request: Request, officer_id: str, csrf: Short = "", email: Short = "",
                     phone: Short = "", duty_station: Short = "",
                     availability_note: Long = "", lang: Many = [],  # noqa: B006 - FastAPI
                     level: Many = [], skill: Many = []) -> Response:  # noqa: B006
        who = gate.post(request, COORDINATOR, csrf)
        if isinstance(who, Response):
            return who
        if not is_row_id(officer_id):
            return officer_page(request, who, officer_id)
        levels = [*level, *[""] * len(lang)]
        data = roster.ProfileInput(email=email, phone=phone, duty_station=duty_station,
                                   availability_note=availability_note,
                                   languages=list(zip(lang, levels, strict=False)),
                                   skills=list(skill))

        def act(session: Any) -> str:
            roster.save_profile(session, officer_id, data, by=who.name)
            return "saved"

        form = {"email": email, "phone": phone, "duty_station": duty_station,
                "availability_note": availability_note, "skills": list(skill),
                "languages": data.languages}
        return write(request, who, officer_id, act, form=form, failed="profile")

    @router.post("/roster/officers/{officer_id}/deployments")
    def deploy(request: Request, officer_id: str, csrf: Short = "", operation: Short = "",
               role: Short = "", starts_on: Short = "", ends_on: Short = "",
               note: Long = "") -> Response:
        who = gate.post(request, COORDINATOR, csrf)
        if isinstance(who, Response):
            return who
        if not is_row_id(officer_id):
            return officer_page(request, who, officer_id)
        data = roster.DeploymentInput(role=role, starts_on=starts_on, ends_on=ends_on,
                                      note=note)

        def act(session: Any) -> str:
            roster.deploy(session, officer_id=officer_id, operation_id=operation, data=data,
                          by=who.name)
            return "deployed"

        form = {"operation": operation, "role": role, "starts_on": starts_on,
                "ends_on": ends_on, "note": note}
        return write(request, who, officer_id, act, form=form, failed="deploy")

    def officer_of(deployment_id: str) -> str | None:
        if not is_row_id(deployment_id):
            return None
        with db.read() as session:
            found = session.get(Deployment, deployment_id)
            return found.officer_id if found is not None else None

    def no_deployment(request: Request, who: SignedIn) -> HTMLResponse:
        return render(request, "error.html", http_status=404, reviewer=who,
                      title=_("Not found"), here="/roster",
                      message=_("HQ has no deployment at this address."))

    @router.post("/roster/deployments/{deployment_id}/end")
    def end(request: Request, deployment_id: str, csrf: Short = "") -> Response:
        who = gate.post(request, COORDINATOR, csrf)
        if isinstance(who, Response):
            return who
        officer_id = officer_of(deployment_id)
        if officer_id is None:
            return no_deployment(request, who)

        def act(session: Any) -> str:
            ended = roster.end_deployment(session, deployment_id, by=who.name)
            if ended.kept:
                return "ended"
            return "ended_unassigned" if ended.unassigned else "ended_only"

        return write(request, who, officer_id, act, form={})

    @router.post("/roster/deployments/{deployment_id}/edit")
    def edit(request: Request, deployment_id: str, csrf: Short = "", role: Short = "",
             starts_on: Short = "", ends_on: Short = "", note: Long = "") -> Response:
        who = gate.post(request, COORDINATOR, csrf)
        if isinstance(who, Response):
            return who
        officer_id = officer_of(deployment_id)
        if officer_id is None:
            return no_deployment(request, who)
        data = roster.DeploymentInput(role=role, starts_on=starts_on, ends_on=ends_on,
                                      note=note)

        def act(session: Any) -> str:
            roster.edit_deployment(session, deployment_id, data, by=who.name)
            return "edited"

        form = {"role": role, "starts_on": starts_on, "ends_on": ends_on, "note": note}
        return write(request, who, officer_id, act, form=form, failed=deployment_id)

    return router

"""Staff accounts and their roles, in the browser (role `admin`).

An admin lists the accounts, adds one (name, a first password, roles), changes an
account's roles, and disables or re-enables it (disabling signs it out everywhere). An
admin cannot take their own admin role away or disable themselves: HQ would otherwise be
left with no one to manage accounts but the command line.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fieldapp.i18n import N_, _
from hq.db import HqDatabase
from hq.errors import AdminError
from hq.lesson_tables import Reviewer
from hq.reviewers import add_reviewer, change_roles, list_reviewers, set_disabled
from hq.roles import ADMIN, ROLES, parse_roles, role_label
from hq.staff import StaffGate
from hq.web import render

Short = Annotated[str, Form(max_length=400)]
Roles = Annotated[list[str], Form(max_length=len(ROLES))]
DONE = {
    "added": N_("The account is added. Give its name and password to its owner in person "
                "or by phone, never in the same message."),
    "roles": N_("The roles are saved; they apply from the account's next page."),
    "disabled": N_("The account is disabled and signed out everywhere."),
    "enabled": N_("The account is active again."),
}


def accounts_router(db: HqDatabase, gate: StaffGate) -> APIRouter:
    """/accounts: the list, the new-account form, roles, disable and enable."""
    router = APIRouter(include_in_schema=False)

    def page(request: Request, who: object, *, status: int = 200, error: str = "",
             done: str = "", form: dict[str, object] | None = None) -> HTMLResponse:
        accounts = [(a, parse_roles(a.roles)) for a in list_reviewers(db)]
        return render(request, "accounts.html", http_status=status, reviewer=who,
                      title=_("Staff accounts"), accounts=accounts, roles=ROLES,
                      role_label=role_label, error=error,
                      done=_(DONE[done]) if done in DONE else "",
                      form=form or {"name": "", "roles": ()}, here="/accounts")

    @router.get("/accounts", response_class=HTMLResponse)
    def accounts(request: Request) -> Response:
        who = gate.page(request, ADMIN)
        if isinstance(who, Response):
            return who
        return page(request, who, done=request.query_params.get("done", "")[:20])

    @router.post("/accounts/new", response_class=HTMLResponse)
    def add(request: Request, csrf: Short = "", name: Short = "", password: Short = "",
            roles: Roles = ()) -> Response:
        who = gate.post(request, ADMIN, csrf)
        if isinstance(who, Response):
            return who
        form = {"name": name, "roles": tuple(roles)}
        if not roles:
            return page(request, who, status=422, form=form,
                        error=_("Choose at least one role: an account without a role "
                                "opens no page."))
        try:
            add_reviewer(db, name=name, password=password, roles=tuple(roles))
        except AdminError as exc:
            return page(request, who, status=422, form=form, error=_account_error(exc))
        return RedirectResponse("/accounts?done=added", status_code=303)  # i18n: not shown

    def name_of(account_id: str) -> str:
        """The name of the account with this id ("" when there is none)."""
        with db.read() as session:
            account = session.get(Reviewer, account_id[:36])
            return account.name if account is not None else ""

    @router.post("/accounts/{account_id}/roles", response_class=HTMLResponse)
    def roles_(request: Request, account_id: str, csrf: Short = "",
               roles: Roles = ()) -> Response:
        who = gate.post(request, ADMIN, csrf)
        if isinstance(who, Response):
            return who
        name = name_of(account_id)
        if account_id == who.reviewer_id and ADMIN not in roles:
            return page(request, who, status=409,
                        error=_("You cannot take your own administrator role away. "
                                "Another administrator can."))
        try:
            change_roles(db, name=name, grant=tuple(roles),
                         revoke=tuple(set(ROLES) - set(roles)))
        except AdminError as exc:
            return page(request, who, status=404, error=_account_error(exc))
        return RedirectResponse("/accounts?done=roles", status_code=303)  # i18n: not shown

    def switch(request: Request, account_id: str, csrf: str, *, disabled: bool) -> Response:
        who = gate.post(request, ADMIN, csrf)
        if isinstance(who, Response):
            return who
        name = name_of(account_id)
        if disabled and account_id == who.reviewer_id:
            return page(request, who, status=409,
                        error=_("You cannot disable your own account. Another "
                                "administrator can."))
        try:
            set_disabled(db, name=name, disabled=disabled)
        except AdminError as exc:
            return page(request, who, status=404, error=_account_error(exc))
        done = "disabled" if disabled else "enabled"
        return RedirectResponse(f"/accounts?done={done}", status_code=303)  # i18n: not shown

    @router.post("/accounts/{account_id}/disable", response_class=HTMLResponse)
    def disable(request: Request, account_id: str, csrf: Short = "") -> Response:
        return switch(request, account_id, csrf, disabled=True)

    @router.post("/accounts/{account_id}/enable", response_class=HTMLResponse)
    def enable(request: Request, account_id: str, csrf: Short = "") -> Response:
        return switch(request, account_id, csrf, disabled=False)

    return router


REFUSALS = {
    "name_taken": N_("An account with this name already exists. Choose another name."),
    "short_password": N_("The password is too short: use at least 12 characters. A few "
                         "words in a row are easy to remember and hard to guess."),
    "no_name": N_("Give the account a name (up to 200 characters)."),
    "no_account": N_("There is no such account. Reload the page."),
}


def _account_error(exc: AdminError) -> str:
    """The sentence an admin reads for a refused change (the service speaks English to
    the command line; the page says it in the reader's language)."""
    return _(REFUSALS.get(exc.code, N_("The account could not be changed. Reload the page "
                                       "and try again.")))

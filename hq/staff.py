"""The gate of HQ's staff pages: who is signed in, and whether their roles open a page.

Every staff page starts with `gate.page(request, ROLE)` (GET) or
`gate.post(request, ROLE, csrf)` (a form): each returns the signed-in account, or the
answer to send instead — the sign-in page for a browser that is not signed in (a GET comes
back to its page afterwards), 403 for an account without the role, 403 for a form whose
CSRF token is not the session's. Routers take the answer back with `isinstance(who,
Response)`.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fieldapp.i18n import _
from hq.db import HqDatabase
from hq.reviewers import SignedIn, csrf_ok, signed_in
from hq.roles import STAFF_PREFIXES, role_label
from hq.web import render

SESSION_COOKIE = "cmcoord_hq_session"
SIGNIN_PATH = "/review/signin"


def is_secure(request: Request) -> bool:
    """True when the page came over https (its cookies are then Secure)."""
    return request.url.scheme == "https"


def safe_next(target: str) -> str:
    """Only a path of the staff pages: never another site (no open redirect)."""
    if (target.startswith(STAFF_PREFIXES) and not target.startswith("//")
            and "\\" not in target):
        return target
    return ""


def expired_form(request: Request, who: SignedIn | None) -> HTMLResponse:
    """403 for a form whose CSRF token is missing or not the session's."""
    return render(request, "error.html", http_status=403, reviewer=who, title=_("Refused"),
                  message=_("This form has expired or did not come from this site. Go back, "
                            "reload the page and try again."))


def wrong_role(request: Request, who: SignedIn, role: str) -> HTMLResponse:
    """403 for a signed-in account whose roles do not open the page."""
    message = _("Your account does not have the role “{role}” that this page needs. "
                "An administrator can give it to you.").format(role=role_label(role))
    return render(request, "error.html", http_status=403, reviewer=who, title=_("Refused"),
                  message=message)


class StaffGate:
    """Checks the session cookie, the account's roles and the forms' CSRF tokens."""

    def __init__(self, db: HqDatabase) -> None:
        self.db = db

    def current(self, request: Request) -> SignedIn | None:
        """The live session the request's cookie names, or None."""
        with self.db.read() as session:
            return signed_in(session, request.cookies.get(SESSION_COOKIE))

    @staticmethod
    def to_signin(request: Request) -> RedirectResponse:
        """To the sign-in page; a GET comes back to its own address afterwards."""
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        query = f"?next={quote(target, safe='/')}" if request.method == "GET" else ""
        return RedirectResponse(f"{SIGNIN_PATH}{query}", status_code=303)

    def page(self, request: Request, role: str) -> SignedIn | Response:
        """The account viewing a page `role` opens, or the answer to send instead."""
        who = self.current(request)
        if who is None:
            return self.to_signin(request)
        if not who.has(role):
            return wrong_role(request, who, role)
        return who

    def post(self, request: Request, role: str, csrf: str) -> SignedIn | Response:
        """The account sending a form of a page `role` opens (CSRF checked), or the answer
        to send instead."""
        who = self.page(request, role)
        if isinstance(who, Response):
            return who
        if not csrf_ok(who.csrf_token, csrf):
            return expired_form(request, who)
        return who

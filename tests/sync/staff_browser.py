"""A staff member's browser on the HQ pages (cookies, CSRF token read from the last page),
and accounts with given roles, for the tests of every staff page."""

from __future__ import annotations

import re

import requests

from hq.db import HqDatabase
from hq.reviewers import add_reviewer

PASSWORD = "correct horse battery staple"


class StaffBrowser:
    """A browser signed in (or not) to HQ's staff pages."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()
        self.csrf = ""

    def get(self, path: str, **kw: object) -> requests.Response:
        kw.setdefault("allow_redirects", False)
        response = self.http.get(self.base + path, **kw)
        found = re.search(r'name="csrf" value="([^"]+)"', response.text)
        if found:
            self.csrf = found.group(1)
        return response

    def post(self, path: str, data: dict[str, str] | None = None, *, csrf: str | None = None,
             follow: bool = False, **kw: object) -> requests.Response:
        body = {"csrf": self.csrf if csrf is None else csrf, **(data or {})}
        return self.http.post(self.base + path, data=body, allow_redirects=follow, **kw)

    def sign_in(self, name: str, password: str = PASSWORD, *,
                next: str | None = None) -> requests.Response:
        """Fill the sign-in form (`next`: the page to come back to); 303 when it worked."""
        self.get("/review/signin")
        fields = {"name": name, "password": password}
        return self.post("/review/signin", fields if next is None else {**fields, "next": next})


def staff(db: HqDatabase, base: str, name: str, *roles: str) -> StaffBrowser:
    """A new account with `roles`, signed in in a new browser."""
    add_reviewer(db, name=name, password=PASSWORD, roles=roles)
    browser = StaffBrowser(base)
    assert browser.sign_in(name).status_code == 303
    return browser

"""Every staff route of HQ, found in the application itself (so a page added later is
covered without a new test): signed out, it sends the browser to sign in; signed in
without the role of its section, it answers 403 and changes nothing."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute

from hq.app import create_app
from hq.roles import ADMIN, COORDINATOR, REGISTRY, REVIEWER, ROLES
from tests.sync.staff_browser import StaffBrowser, staff

SECTION_ROLE = {"/review": REVIEWER, "/register": REGISTRY, "/overview": COORDINATOR,
                "/roster": COORDINATOR, "/accounts": ADMIN}
OPEN = {"/review/signin", "/review/signout"}  # signing in and out needs no role


def _section(path: str) -> str | None:
    return next((prefix for prefix in SECTION_ROLE
                 if path == prefix or path.startswith((prefix + "/", prefix + "."))), None)


def _flat(routes: list[Any]) -> Iterator[Any]:
    """Every route, including those of included routers (FastAPI 0.16x keeps them in
    their router; HQ's routers have no prefix)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        yield from _flat(inner.routes) if inner is not None else (route,)


def staff_routes(database_url: str) -> list[tuple[str, str, str]]:
    """(method, concrete path, role) of every staff route the application mounts."""
    app = create_app(database_url)
    try:
        found = []
        for route in _flat(app.routes):
            if not isinstance(route, APIRoute) or route.path in OPEN:
                continue
            section = _section(route.path)
            if section is None:
                continue
            path = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), route.path)
            found += [(method, path, SECTION_ROLE[section]) for method in route.methods
                      if method in ("GET", "POST")]
        return found
    finally:
        app.state.db.close()


def _send(browser: StaffBrowser, method: str, path: str) -> object:
    """A GET, or a POST of an empty form (with a file for an upload, so that it gets past
    the form's validation to the gate)."""
    if method == "GET":
        return browser.get(path)
    if path.endswith("/import"):
        return browser.post(path, {}, files={"file": ("x.csv", b"a,b\n")})
    return browser.post(path, {})


def test_every_section_has_routes(hq_database_url):
    sections = {_section(path) for _method, path, _role in staff_routes(hq_database_url)}
    assert sections == set(SECTION_ROLE)


def test_signed_out_browsers_are_sent_to_sign_in_everywhere(hq):
    browser = StaffBrowser(hq.url)
    for method, path, _role in staff_routes(hq.db.engine.url.render_as_string(False)):
        answer = _send(browser, method, path)
        assert answer.status_code == 303, (method, path, answer.status_code)
        assert answer.headers["location"].startswith("/review/signin"), (method, path)


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_route_refuses_an_account_without_its_role(hq, role):
    browser = staff(hq.db, hq.url, f"Only {role}", role)
    browser.get("/review/signin")  # any page: the session's CSRF token is sent with forms
    routes = staff_routes(hq.db.engine.url.render_as_string(False))
    for method, path, needed in routes:
        if needed == role:
            continue
        answer = _send(browser, method, path)
        assert answer.status_code == 403, (role, method, path, answer.status_code)

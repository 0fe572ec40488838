"""Reviewer sign-in under attack (issue 16): a stranger's wrong passwords slow down the
stranger, never lock the reviewer out from elsewhere; X-Forwarded-For is believed only
from a proxy named in the configuration.

"Elsewhere" is a second loopback address: Linux routes all of 127.0.0.0/8 to lo, so a
client bound to 127.0.0.2 reaches the server on 127.0.0.1 with a different address.
"""

from __future__ import annotations

import re

import httpx
import pytest

from hq.app import create_app
from hq.cli import build_parser, uvicorn_options
from hq.reviewers import SignInLimits, add_reviewer
from tests.sync.conftest import Hq, ServerThread

PASSWORD = "correct horse battery staple"


class Browser:
    """A browser at one client address, with its cookies and the sign-in form's token."""

    def __init__(self, base: str, address: str = "127.0.0.1",
                 headers: dict[str, str] | None = None) -> None:
        transport = httpx.HTTPTransport(local_address=address)
        self.http = httpx.Client(base_url=base, transport=transport, headers=headers,
                                 timeout=20)

    def sign_in(self, name: str = "Marie", password: str = PASSWORD,
                headers: dict[str, str] | None = None) -> httpx.Response:
        page = self.http.get("/review/signin")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        return self.http.post("/review/signin", headers=headers,
                              data={"name": name, "password": password, "csrf": csrf})


def test_a_strangers_wrong_passwords_do_not_lock_the_reviewer_out_elsewhere(hq):
    add_reviewer(hq.db, name="Marie", password=PASSWORD)
    Browser(hq.url, "127.0.0.2").sign_in()  # Marie's usual address, once
    stranger = Browser(hq.url, "127.0.0.1")
    for _ in range(5):
        assert stranger.sign_in(password="not-the-password").status_code == 401
    assert stranger.sign_in().status_code == 429  # the stranger's address waits
    marie = Browser(hq.url, "127.0.0.2")
    assert marie.sign_in().status_code == 303
    assert "cmcoord_hq_session" in marie.http.cookies
    newcomer = Browser(hq.url, "127.0.0.3")  # a colleague at a third address
    assert newcomer.sign_in().status_code == 303


def test_rotating_x_forwarded_for_does_not_escape_the_limit(hq):
    add_reviewer(hq.db, name="Marie", password=PASSWORD)
    guesser = Browser(hq.url)
    answers = [guesser.sign_in(password="wrong-password",
                               headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
               for n in range(7)]
    assert answers == [401] * 5 + [429] * 2


def test_serve_trusts_forwarded_headers_only_from_named_proxies():
    default = uvicorn_options(build_parser().parse_args(["serve"]))
    assert default["proxy_headers"] is False
    named = uvicorn_options(build_parser().parse_args(
        ["serve", "--forwarded-allow-ips", "10.0.0.5"]))
    assert named["proxy_headers"] is True
    assert named["forwarded_allow_ips"] == "10.0.0.5"


def test_limits_grow_slower_with_repeated_failures_and_spare_known_addresses():
    now = [0.0]
    limits = SignInLimits(clock=lambda: now[0])
    for _ in range(5):
        limits.failed(name="marie", address="203.0.113.9")
    first = limits.wait_seconds(name="marie", address="203.0.113.9")
    assert 0 < first <= 15 * 60 + 1
    assert limits.wait_seconds(name="marie", address="198.51.100.7") == 0
    now[0] += first
    for _ in range(5):  # back for more after the wait: the next wait is longer
        limits.failed(name="marie", address="203.0.113.9")
    assert limits.wait_seconds(name="marie", address="203.0.113.9") > first
    # Distributed guessing of one name: new addresses wait, Marie's known one does not.
    limits.succeeded(name="marie", address="192.0.2.1")
    for n in range(200):
        limits.failed(name="marie", address=f"10.1.{n // 4}.{n}")
    assert limits.wait_seconds(name="marie", address="10.9.9.9") > 0
    assert limits.wait_seconds(name="marie", address="192.0.2.1") == 0
    assert limits.wait_seconds(name="ana", address="10.9.9.9") == 0


@pytest.fixture
def hq(hq_database_url):
    """HQ served by uvicorn with the options `cmcoord-hq serve` gives it by default."""
    app = create_app(hq_database_url)
    options = uvicorn_options(build_parser().parse_args(["serve"]))
    served = {k: v for k, v in options.items() if k not in ("host", "port", "log_level")}
    try:
        with ServerThread(app, **served) as server:
            yield Hq(server.url, app.state.db, "", "")
    finally:
        app.state.db.close()

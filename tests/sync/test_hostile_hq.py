"""The client does not trust HQ's answer: a hostile or broken server on 127.0.0.1 (a plain
http.server, written here) answers with a gzip bomb, a trickle, a foreign URL, a captive
portal page, a cut gzip stream — each ends as one SyncError, and the token never leaves
for another origin."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

import pytest

from fieldapp import __version__, migrations
from sync import local
from sync.client import HQ_URL, sync_once
from sync.errors import SyncError
from sync.tokens import TokenStore
from sync.transport import MAX_ANSWER_BYTES, Transport

TOKEN = "device-secret-token"
Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


@dataclass
class Seen:
    """One request the hostile server received."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass
class HostileServer:
    """A ThreadingHTTPServer answering each path with a handler; records every request."""

    routes: dict[str, Handler] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    keep_alive: bool = False
    connections: int = 0

    def start(self) -> HostileServer:
        owner = self

        class _Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if self.keep_alive else "HTTP/1.0"

            def setup(self) -> None:
                owner.connections += 1
                super().setup()

            def _answer(self) -> None:
                path = self.path.split("?", 1)[0]
                owner.seen.append(Seen(self.command, path, dict(self.headers.items())))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                route = owner.routes.get(path)
                if route is None:
                    send(self, 404, b'{"error": "not_found"}')
                    return
                route(self)

            do_GET = do_POST = _answer  # noqa: N815 - http.server names them so

            def log_message(self, *_: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def servers() -> Iterator[Callable[[], HostileServer]]:
    """Start as many hostile servers as a test needs; all stopped afterwards."""
    started: list[HostileServer] = []

    def start(*, keep_alive: bool = False) -> HostileServer:
        started.append(HostileServer(keep_alive=keep_alive).start())
        return started[-1]

    yield start
    for server in started:
        server.stop()


def send(handler: http.server.BaseHTTPRequestHandler, status: int, body: bytes, *,
         kind: str = "application/json", headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


@cache
def gzip_bomb() -> bytes:
    """About 200 KB of gzip that inflates to three times MAX_ANSWER_BYTES of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1024 * 1024)
    parts = [packer.compress(block) for _ in range(3 * MAX_ANSWER_BYTES // len(block))]
    return b"".join(parts) + packer.flush()


def trickle(server: HostileServer, *, every: float) -> Handler:
    """Headers at once, then one byte of a 1,000-byte body every `every` seconds."""

    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.flush()
        for _ in range(1000):
            if server.stopping.wait(every):
                return
            try:
                handler.wfile.write(b" ")
                handler.wfile.flush()
            except OSError:  # the client gave up: what the test expects
                return

    return answer


def test_a_gzip_bomb_is_refused_once_the_inflated_answer_passes_the_cap(servers):
    hq = servers()
    bomb = gzip_bomb()
    assert len(bomb) < MAX_ANSWER_BYTES // 100
    hq.routes["/api/v1/pull"] = lambda h: send(h, 200, bomb, headers={"Content-Encoding": "gzip"})
    link = Transport(hq.url, token=TOKEN)
    with pytest.raises(SyncError, match="larger than Field Kit accepts") as refused:
        link.get_json("/api/v1/pull")
    assert refused.value.code == "too_large"
    assert link.traffic.bytes_down <= len(bomb)


def test_an_answer_just_under_the_cap_still_inflates_whole(servers):
    hq = servers()
    body = b'{"rows": [], "next": "x"}'.ljust(MAX_ANSWER_BYTES, b" ")
    hq.routes["/api/v1/pull"] = lambda h: send(h, 200, gzip.compress(body, 1),
                                               headers={"Content-Encoding": "gzip"})
    assert Transport(hq.url, token=TOKEN).get_json("/api/v1/pull") == {"rows": [], "next": "x"}


def test_a_server_trickling_one_byte_every_two_seconds_ends_at_the_deadline(servers):
    hq = servers()
    hq.routes["/api/v1/pull"] = trickle(hq, every=2.0)
    started = time.monotonic()
    link = Transport(hq.url, token=TOKEN, deadline=started + 3.0)
    with pytest.raises(SyncError, match="did not answer in time") as late:
        link.get_json("/api/v1/pull")
    assert late.value.code == "timeout"
    assert 2.9 < time.monotonic() - started < 3.9  # the next byte was due at 4 s


def test_a_server_silent_after_its_headers_ends_at_the_deadline_not_the_read_timeout(servers):
    hq = servers()
    hq.routes["/api/v1/pull"] = trickle(hq, every=60.0)
    started = time.monotonic()
    link = Transport(hq.url, token=TOKEN, deadline=started + 1.0)  # read timeout stays 90 s
    with pytest.raises(SyncError) as late:
        link.get_json("/api/v1/pull")
    assert late.value.code == "timeout"
    assert time.monotonic() - started < 2.5


def test_nothing_is_sent_once_the_deadline_has_passed(servers):
    hq = servers()
    link = Transport(hq.url, token=TOKEN, deadline=time.monotonic() - 0.1)
    with pytest.raises(SyncError) as late:
        link.post_json("/api/v1/push", {"changes": []})
    assert late.value.code == "timeout"
    assert hq.seen == []


def _enrolled_with(make_profile, hq: HostileServer):
    db = make_profile("a")
    TokenStore(db).save(TOKEN)
    with db.transaction() as session:
        local.set_state(session, HQ_URL, hq.url)
    return db


@pytest.mark.parametrize("where", ["http://{other}/edition.zip", "//{other}/edition.zip",
                                   "http://{other}/api/v1/handbook/2026.9"])
def test_a_handbook_url_on_another_host_is_refused_and_gets_no_request(
        servers, make_profile, where):
    hq, other = servers(), servers()
    url = where.format(other=f"127.0.0.1:{other.port}")
    other.routes["/edition.zip"] = lambda h: send(h, 200, b"PK", kind="application/zip")
    pull = {"rows": [], "next": "c1", "more": False,
            "handbook": {"name": "2026.9", "url": url, "sha256": "0" * 64}}
    hq.routes["/api/v1/pull"] = lambda h: send(h, 200, json.dumps(pull).encode())
    db = _enrolled_with(make_profile, hq)
    with pytest.raises(SyncError, match="outside HQ") as refused:
        sync_once(db)
    assert refused.value.code == "foreign_url"
    assert other.seen == []  # not even a connection that could carry the token
    assert [(s.method, s.path) for s in hq.seen] == [("GET", "/api/v1/pull")]
    assert hq.seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    with db.session() as session:  # asking again cannot help: the announcement is dropped
        assert local.get_state(session, local.PENDING_EDITION) == ""
        assert local.read_log(session, 1)[0]["result"] == "error"


@pytest.mark.parametrize("where", [
    "https://127.0.0.1:{hq}/x",      # another scheme
    "http://localhost:{hq}/x",       # another host name, even for the same machine
    "http://127.0.0.1:{other}/x",    # another port
    "http://ana:pw@127.0.0.1:{hq}/x",  # credentials in the URL
    "/\\127.0.0.1:{other}/x",        # a backslash some parsers read as "//"
])
def test_the_transport_refuses_every_other_origin_before_sending(servers, where):
    hq, other = servers(), servers()
    link = Transport(hq.url, token=TOKEN)
    with pytest.raises(SyncError) as refused:
        link.get_bytes(where.format(hq=hq.port, other=other.port))
    assert refused.value.code == "foreign_url"
    assert (hq.seen, other.seen) == ([], [])


def test_hqs_own_absolute_and_relative_urls_are_fetched(servers):
    hq = servers()
    hq.routes["/api/v1/handbook/2026.9"] = lambda h: send(h, 200, b"PK-edition",
                                                          kind="application/zip")
    link = Transport(hq.url + "/", token=TOKEN)
    assert link.get_bytes(f"{hq.url}/api/v1/handbook/2026.9") == b"PK-edition"
    assert link.get_bytes(f"HTTP://127.0.0.1:{hq.port}/api/v1/handbook/2026.9") == b"PK-edition"
    assert link.get_bytes("/api/v1/handbook/2026.9") == b"PK-edition"
    assert len(hq.seen) == 3


def test_a_redirect_is_not_followed_and_its_target_gets_nothing(servers):
    hq, other = servers(), servers()
    hq.routes["/api/v1/pull"] = lambda h: send(
        h, 302, b"", headers={"Location": f"{other.url}/login"})
    with pytest.raises(SyncError, match="hotel or airport login") as portal:
        Transport(hq.url, token=TOKEN).get_json("/api/v1/pull")
    assert portal.value.code == "captive_portal"
    assert other.seen == []


@pytest.mark.parametrize("kind", ["text/html; charset=utf-8", "application/octet-stream"])
def test_a_captive_portal_page_gives_one_clear_message(servers, kind):
    hq = servers()
    page = b"<!DOCTYPE html><html><body>Airport Wi-Fi: accept the terms.</body></html>"
    hq.routes["/api/v1/push"] = lambda h: send(h, 200, page, kind=kind)
    with pytest.raises(SyncError, match="hotel or airport login may be needed") as portal:
        Transport(hq.url, token=TOKEN).post_json("/api/v1/push", {"changes": []})
    assert portal.value.code == "captive_portal"


def test_a_truncated_gzip_answer_is_garbled(servers):
    hq = servers()
    whole = gzip.compress(json.dumps({"rows": [{"n": n} for n in range(2000)]}).encode())
    hq.routes["/api/v1/pull"] = lambda h: send(h, 200, whole[: len(whole) // 2],
                                               headers={"Content-Encoding": "gzip"})
    with pytest.raises(SyncError, match="cut off or damaged") as cut:
        Transport(hq.url, token=TOKEN).get_json("/api/v1/pull")
    assert cut.value.code == "garbled"


def test_every_request_says_which_protocol_schema_and_version_it_speaks(servers):
    hq = servers()
    hq.routes["/api/v1/pull"] = lambda h: send(h, 200, b"{}")
    hq.routes["/api/v1/push"] = lambda h: send(h, 200, b'{"results": []}')
    hq.routes["/api/v1/handbook/x"] = lambda h: send(h, 200, b"PK", kind="application/zip")
    link = Transport(hq.url, token=TOKEN)
    link.get_json("/api/v1/pull")
    link.post_json("/api/v1/push", {"changes": []})
    link.get_bytes("/api/v1/handbook/x")
    Transport(hq.url).get_json("/api/v1/pull")  # enrollment has no token yet
    expected = f"protocol=3; schema={migrations.HEAD}; version={__version__}"
    assert [s.headers.get("X-FieldKit-Client") for s in hq.seen] == [expected] * 4


@pytest.mark.parametrize("kept_alive", [False, True])
def test_a_server_trickling_its_headers_ends_at_the_deadline(servers, kept_alive):
    hq = servers(keep_alive=kept_alive)
    hq.routes["/api/v1/health"] = lambda h: send(h, 200, b"{}")

    def slow_headers(handler: http.server.BaseHTTPRequestHandler) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}":
            if hq.stopping.wait(1.0):
                return
            try:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
            except OSError:
                return

    hq.routes["/api/v1/pull"] = slow_headers
    started = time.monotonic()
    link = Transport(hq.url, token=TOKEN, deadline=started + 2.0)
    link.get_json("/api/v1/health")  # kept alive: the pull reuses its connection
    with pytest.raises(SyncError) as late:
        link.get_json("/api/v1/pull")
    assert late.value.code == "timeout"
    assert time.monotonic() - started < 2.9
    assert kept_alive == (hq.connections == 1)

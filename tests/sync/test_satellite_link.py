"""bench/link.py's SatelliteLink: timings follow the satellite-link model, counts are exact.

A tiny ASGI app served by the project's ServerThread (real uvicorn on 127.0.0.1) answers
`/bytes/N` with N bytes and `/stream` with 10 KB, a pause of 1 s, then 10 KB more.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from bench.link import SatelliteLink
from tests.sync.conftest import ServerThread

PART = 10_000
PAUSE = 1.0
second_part_sent: list[float] = []  # when /stream began sending its second part


async def _app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    more = True
    while more:  # read the whole body, whatever its framing
        message = await receive()
        more = message.get("more_body", False)
    path = scope["path"]
    size = 2 * PART if path == "/stream" else int(path.rsplit("/", 1)[1])
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", str(size).encode())]})
    if path != "/stream":
        await send({"type": "http.response.body", "body": b"x" * size})
        return
    await send({"type": "http.response.body", "body": b"a" * PART, "more_body": True})
    await asyncio.sleep(PAUSE)
    second_part_sent.append(time.monotonic())
    await send({"type": "http.response.body", "body": b"b" * PART})


@pytest.fixture(scope="module")
def server_port() -> Iterator[int]:
    with ServerThread(_app) as server:
        yield server.port


def _timed_get(url: str) -> float:
    started = time.monotonic()
    answer = requests.get(url, timeout=30)
    assert answer.status_code == 200
    return time.monotonic() - started


def _transfer(size: int, kbit: float) -> float:
    """Seconds the link needs for `size` bytes of body (plus ~150 B of HTTP head)."""
    return (size + 150) * 8 / (kbit * 1000)


def test_a_download_takes_the_link_time_plus_connect_and_round_trip(server_port: int) -> None:
    with SatelliteLink(server_port, kbit=448, rtt_ms=700) as link:
        seconds = _timed_get(f"{link.url}/bytes/60000")
    # one RTT for the handshake, half up with the request, half down with the answer
    assert seconds == pytest.approx(_transfer(60_000, 448) + 2 * 0.7, abs=0.2)
    assert link.stats.connections == 1


def test_two_downloads_in_parallel_share_the_link(server_port: int) -> None:
    with SatelliteLink(server_port, kbit=448, rtt_ms=100) as link:
        url = f"{link.url}/bytes/60000"
        single = _timed_get(url)
        times: list[float] = []
        threads = [threading.Thread(target=lambda: times.append(_timed_get(url)))
                   for _ in range(2)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        both = time.monotonic() - started
    assert single == pytest.approx(_transfer(60_000, 448) + 0.2, abs=0.15)
    assert both == pytest.approx(2 * _transfer(60_000, 448) + 0.2, abs=0.2)
    assert max(times) == pytest.approx(both, abs=0.05)
    assert link.stats.connections == 3


def test_a_second_request_on_a_kept_alive_connection_pays_no_connect(server_port: int) -> None:
    with SatelliteLink(server_port, rtt_ms=500) as link, requests.Session() as session:
        timings = []
        for _ in range(2):
            started = time.monotonic()
            assert session.get(f"{link.url}/bytes/100", timeout=10).content == b"x" * 100
            timings.append(time.monotonic() - started)
    assert timings[0] == pytest.approx(1.0, abs=0.1)
    assert timings[1] == pytest.approx(0.5, abs=0.1)
    assert (link.stats.connections, link.stats.requests) == (1, 2)


def test_a_streamed_answer_arrives_as_the_server_sends_it(server_port: int) -> None:
    second_part_sent.clear()
    with SatelliteLink(server_port, kbit=448, rtt_ms=200) as link:
        answer = requests.get(f"{link.url}/stream", stream=True, timeout=10)
        received = b""
        first_part_at = None
        for chunk in answer.iter_content(1000):  # a divisor of PART: reads end on it
            received += chunk
            if first_part_at is None and len(received) >= PART:
                first_part_at = time.monotonic()
        last_part_at = time.monotonic()
    assert received == b"a" * PART + b"b" * PART
    assert first_part_at < second_part_sent[0]
    # the second part: the pause, minus what the link took on the first, plus its own time
    assert last_part_at - first_part_at == pytest.approx(PAUSE, abs=0.25)


def _exchange(port: int, request: bytes) -> bytes:
    """Send `request` on one connection, then read until the other end closes."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(request)
        received = b""
        while True:
            try:
                data = sock.recv(1 << 16)
            except ConnectionResetError:
                break
            if not data:
                break
            received += data
    return received


def test_bytes_and_requests_are_counted_as_they_cross(server_port: int) -> None:
    body = b"GET /bytes/1 HTTP/1.1\r\n\r\n"  # a body that looks like a request is not one
    request = (
        b"POST /bytes/5 HTTP/1.1\r\nHost: x\r\nContent-Length: " + str(len(body)).encode()
        + b"\r\n\r\n" + body
        + b"POST /bytes/6 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
        + b"GET /bytes/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    with SatelliteLink(server_port) as link:
        received = _exchange(link.port, request)
    assert received.count(b"HTTP/1.1 200") == 3
    assert received.endswith(b"x" * 7)
    assert (link.stats.bytes_up, link.stats.bytes_down) == (len(request), len(received))
    assert (link.stats.requests, link.stats.connections, link.stats.drops) == (3, 1, 0)


def test_drop_every_bytes_cuts_the_connection_that_passes_the_budget(server_port: int) -> None:
    request = b"GET /bytes/60000 HTTP/1.1\r\nHost: x\r\n\r\n"
    with SatelliteLink(server_port, kbit=10_000, drop_every_bytes=50_000) as link:
        cut = _exchange(link.port, request)
        assert link.stats.drops == 1
        whole = requests.get(f"{link.url}/bytes/20000", timeout=10)  # a new budget
    assert len(request) + len(cut) == 50_000
    assert whole.content == b"x" * 20_000
    assert (link.stats.drops, link.stats.requests, link.stats.connections) == (1, 2, 2)
    assert link.stats.bytes_down > len(cut) + 20_000


def test_a_cut_answer_does_not_hold_the_link_for_what_never_crossed(server_port: int) -> None:
    """The server hands over 200 KB at once; the link cuts after 20 KB. What was still
    with the sender (TCP's window holds it back) never occupies the link, so the next
    request waits for at most one round trip of it, not for the 180 KB."""
    with SatelliteLink(server_port, kbit=448, rtt_ms=200, drop_every_bytes=20_000) as link:
        with pytest.raises(requests.RequestException):
            requests.get(f"{link.url}/bytes/200000", timeout=30).raise_for_status()
        seconds = _timed_get(f"{link.url}/bytes/1000")
    assert link.stats.drops == 1
    assert seconds < _transfer(1_000, 448) + 2 * 0.2 + 0.2 + 0.5  # not + 180 KB (3.2 s)

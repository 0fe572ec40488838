"""HQ against hostile request bodies, over raw sockets to the real server (issue 16).

The token is checked before a byte of the body is read: a request that sends its headers
and nothing else is answered 401 at once (a server reading first would wait for the body).
A gzip body is inflated as it arrives with a cap in bytes, and refused 413 the moment the
cap is passed, before the rest has even been sent. Enrollment has a small cap of its own.
"""

from __future__ import annotations

import gzip
import json
import socket
import time
import zlib
from urllib.parse import urlsplit

import pytest

from hq.bodies import ENROLL_MAX_BODY
from tests.sync.conftest import Hq, start_hq
from tests.sync.test_hq_protocol_v2 import Device

ANSWER_WITHIN = 5.0  # seconds; a server waiting for the rest of a body never answers


def bomb(inflated: int = 64 * 1024 * 1024) -> bytes:
    """About 63 KB of gzip inflating to `inflated` bytes of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1024 * 1024)
    parts = [packer.compress(block) for _ in range(inflated // len(block))]
    return b"".join(parts) + packer.flush()


def raw_post(url: str, path: str, body: bytes, *, headers: dict[str, str] | None = None,
             declared: int | None = None) -> tuple[int, dict[str, object], float]:
    """POST `body` with Content-Length `declared` (default: its length, more means the
    rest is never sent); the status, the JSON answer and the seconds it took."""
    where = urlsplit(url)
    head = {"Host": where.netloc, "Content-Type": "application/json",
            "Content-Length": str(len(body) if declared is None else declared),
            **(headers or {})}
    request = (f"POST {path} HTTP/1.1\r\n"
               + "".join(f"{k}: {v}\r\n" for k, v in head.items()) + "\r\n").encode()
    started = time.monotonic()
    with socket.create_connection((where.hostname, where.port), timeout=ANSWER_WITHIN) as sock:
        sock.sendall(request + body)
        answer = b""
        try:
            while (b"\r\n\r\n" not in answer
                   or len(answer.partition(b"\r\n\r\n")[2]) < _length(answer)):
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
        except TimeoutError:
            pytest.fail(f"no answer within {ANSWER_WITHIN} s: HQ waited for the body")
    took = time.monotonic() - started
    status_line, _, rest = answer.partition(b"\r\n")
    payload = rest.partition(b"\r\n\r\n")[2]
    return int(status_line.split()[1]), json.loads(payload or b"{}"), took


def _length(answer: bytes) -> int:
    for line in answer.partition(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def test_a_push_without_a_token_is_401_before_its_body_is_read(hq: Hq) -> None:
    hostile = bomb()
    # Headers only: the body is announced and never sent.
    status, answer, took = raw_post(hq.url, "/api/v1/push", b"", declared=len(hostile),
                                    headers={"Content-Encoding": "gzip"})
    assert (status, answer["error"]) == (401, "token_missing")
    assert took < ANSWER_WITHIN
    status, answer, _ = raw_post(hq.url, "/api/v1/push", hostile[:1000], declared=len(hostile),
                                 headers={"Content-Encoding": "gzip",
                                          "Authorization": "Bearer not-a-token"})
    assert (status, answer["error"]) == (401, "token_invalid")


def test_a_gzip_bomb_with_a_token_is_413_as_soon_as_it_inflates_past_the_cap(hq: Hq) -> None:
    device = Device(hq)
    hostile = bomb()
    # A third of the bomb inflates far past 8 MiB; the rest is never sent.
    status, answer, _ = raw_post(hq.url, "/api/v1/push", hostile[: len(hostile) // 3],
                                 declared=len(hostile),
                                 headers={"Content-Encoding": "gzip",
                                          "Authorization": device.headers["Authorization"]})
    assert (status, answer["error"]) == (413, "body_too_large")
    assert device.push() == []  # and HQ still serves the device


def test_enrollment_has_a_small_cap_checked_as_the_body_inflates(hq: Hq) -> None:
    hostile = bomb()
    status, answer, _ = raw_post(hq.url, "/api/v1/enroll", hostile[:2000],
                                 declared=len(hostile), headers={"Content-Encoding": "gzip"})
    assert (status, answer["error"]) == (413, "body_too_large")
    big = json.dumps({"code": "ABCD-EFGH-JK", "device_name": "x" * ENROLL_MAX_BODY}).encode()
    status, answer, _ = raw_post(hq.url, "/api/v1/enroll", big)
    assert (status, answer["error"]) == (413, "body_too_large")
    inflating = gzip.compress(big)
    assert len(inflating) < ENROLL_MAX_BODY
    status, answer, _ = raw_post(hq.url, "/api/v1/enroll", inflating,
                                 headers={"Content-Encoding": "gzip"})
    assert (status, answer["error"]) == (413, "body_too_large")
    status, answer, _ = raw_post(hq.url, "/api/v1/enroll",
                                 gzip.compress(b'{"code": "ABCD-EFGH-JK"}'),
                                 headers={"Content-Encoding": "gzip"})
    assert (status, answer["error"]) == (401, "code_invalid")


def test_the_inflated_cap_is_in_bytes_the_same_as_the_received_one(hq_database_url) -> None:
    server, db = start_hq(hq_database_url, max_body_bytes=4096)
    from hq import admin

    admin.add_officer(db, name="Ana")
    try:
        with server:
            device = Device(Hq(server.url, db, "", "Ana"))
            auth = {"Authorization": device.headers["Authorization"],
                    "Content-Encoding": "gzip"}
            envelope = b'{"changes": []}'
            exact = envelope + b" " * (4096 - len(envelope))
            status, answer, _ = raw_post(server.url, "/api/v1/push", gzip.compress(exact),
                                         headers=auth)
            assert (status, answer) == (200, {"results": []})
            status, answer, _ = raw_post(server.url, "/api/v1/push",
                                         gzip.compress(exact + b" "), headers=auth)
            assert (status, answer["error"]) == (413, "body_too_large")
            status, answer, _ = raw_post(server.url, "/api/v1/push",
                                         gzip.compress(exact)[:-9], headers=auth)
            assert (status, answer["error"]) == (422, "invalid_request")
            status, answer, _ = raw_post(server.url, "/api/v1/push", b"{}",
                                         headers={**auth, "Content-Encoding": "br"})
            assert (status, answer["error"]) == (415, "unsupported_encoding")
    finally:
        db.close()


@pytest.mark.slow
def test_eight_parallel_gzip_bombs_keep_the_servers_memory_within_100_mb_of_idle() -> None:
    from bench.hq_hostile import TARGET_GROWTH_MB, run

    result = run(parallel=8, rounds=1)  # the real `cmcoord-hq serve`, in a child process
    for case in ("push_no_token", "push_with_token", "enroll", "review_signin"):
        assert result[case]["growth_mb"] <= TARGET_GROWTH_MB, result
    assert result["push_no_token"]["answers"] == {"401": 8}
    assert result["push_with_token"]["answers"] == {"413": 8}

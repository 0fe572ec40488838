"""Enrollment guesses are limited per address and overall, in memory (issue 16).

Over the real server: a flood of wrong codes from one address (127.0.0.2) is slowed down,
then refused 429 with Retry-After, while an officer's code from another address
(127.0.0.1) still enrolls at once; a wrong code is answered while another transaction
holds the write lock (it is looked up in a read transaction). The throttle itself, on a
fake clock: the delays, the window, the overall limit and what a success gives back.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import select

from hq import admin
from hq.throttle import EnrollmentThrottle, Limit
from tests.sync.conftest import Hq

ATTACKER = "127.0.0.2"  # another loopback address: the server sees it as another client


def guess(url: str, code: str) -> tuple[int, float, str | None]:
    """One wrong code from the attacker's address: status, seconds, Retry-After."""
    transport = httpx.HTTPTransport(local_address=ATTACKER)
    started = time.monotonic()
    with httpx.Client(transport=transport, timeout=60) as client:
        answer = client.post(f"{url}/api/v1/enroll", json={"code": code})
    return answer.status_code, time.monotonic() - started, answer.headers.get("Retry-After")


def test_a_flood_of_wrong_codes_is_slowed_then_refused_and_an_officer_still_enrolls(hq: Hq):
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    with ThreadPoolExecutor(14) as pool:
        flood = [pool.submit(guess, hq.url, f"WRONG-{n:04d}-XX") for n in range(14)]
        time.sleep(0.5)  # the flood is on: the slowed-down guesses are waiting
        started = time.monotonic()
        answer = httpx.post(f"{hq.url}/api/v1/enroll", json={"code": code}, timeout=30)
        took = time.monotonic() - started
        results = [f.result() for f in flood]

    assert answer.status_code == 200, answer.text
    assert answer.json()["officer_name"] == "Ana"
    assert took < 2.0
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [401] * 10 + [429] * 4  # ten codes looked at, then refused
    checked = sorted(seconds for status, seconds, _ in results if status == 401)
    assert all(seconds < 1.0 for seconds in checked[:3])  # an officer's few typos
    assert checked[3] >= 1.0
    assert checked[-1] >= 8.0
    refused = [(seconds, retry) for status, seconds, retry in results if status == 429]
    assert all(seconds < 1.0 and retry is not None and 800 < int(retry) <= 901
               for seconds, retry in refused)
    status, _, retry = guess(hq.url, code)  # any code, from there, until the window passes
    assert status == 429
    assert retry is not None


def test_a_wrong_code_is_answered_while_the_write_lock_is_held(hq: Hq) -> None:
    answered = threading.Event()
    with hq.db.write() as session:  # BEGIN IMMEDIATE / the advisory lock, held here
        session.execute(select(1))
        def attempt() -> None:
            answer = httpx.post(f"{hq.url}/api/v1/enroll", json={"code": "ABCD-EFGH-JK"},
                                timeout=60)
            assert answer.json()["error"] == "code_invalid"
            answered.set()

        worker = threading.Thread(target=attempt)
        worker.start()
        assert answered.wait(5.0), "the wrong code waited for the write lock"
    worker.join()


def test_the_throttle_delays_then_refuses_per_address_and_overall() -> None:
    now = [0.0]
    throttle = EnrollmentThrottle(per_address=Limit(free=2, most=5, window=60.0),
                                  overall=Limit(free=4, most=8, window=60.0, step=2),
                                  clock=lambda: now[0])
    assert [throttle.admit("a") for _ in range(6)] == [
        (0.0, 0), (0.0, 0), (1.0, 0), (2.0, 0), (4.0, 0), (0.0, 61)]
    now[0] = 30.0
    assert throttle.admit("a") == (0.0, 31)  # refused attempts are not counted
    # Overall: 5 attempts so far; "b" is free per address but waits for the overall count.
    assert throttle.admit("b") == (1.0, 0)
    assert throttle.admit("c") == (2.0, 0)
    assert throttle.admit("d") == (2.0, 0)
    assert throttle.admit("e") == (0.0, 31)  # 8 overall: everyone is refused
    throttle.succeeded("c")  # a code that enrolled gives its place overall back
    assert throttle.admit("e") == (2.0, 0)
    now[0] = 60.0  # a's five attempts have left the window
    assert throttle.admit("a") == (0.0, 0)
    now[0] = 200.0
    assert [throttle.admit("f") for _ in range(3)] == [(0.0, 0), (0.0, 0), (1.0, 0)]
    throttle.succeeded("f")  # and forgets the address's attempts
    assert throttle.admit("f") == (0.0, 0)


@pytest.mark.parametrize(("before", "delay"), [(0, 0.0), (2, 0.0), (3, 1.0), (4, 2.0), (5, 4.0),
                                           (6, 8.0), (9, 8.0)])
def test_delays_double_up_to_eight_seconds(before: int, delay: float) -> None:
    assert Limit(free=3, most=10, window=60.0).delay(before) == delay


def test_refused_addresses_take_no_memory_and_idle_ones_are_forgotten() -> None:
    now = [0.0]
    throttle = EnrollmentThrottle(per_address=Limit(free=1, most=2, window=10.0),
                                  overall=Limit(free=1, most=3, window=10.0),
                                  clock=lambda: now[0])
    for address in ("a", "b", "c"):
        throttle.admit(address)
    for n in range(5000):
        assert throttle.admit(f"10.0.{n // 256}.{n % 256}")[1] > 0
    assert len(throttle._attempts) == 4  # three addresses and the overall count
    now[0] = 20.0
    for n in range(1200):
        throttle.admit(f"10.1.{n // 256}.{n % 256}")
        now[0] += 10.0
    assert len(throttle._attempts) <= 1002

"""Slowing down guessing: reviewers' passwords (sign-in page) and enrollment codes.

After `MAX_FAILURES` failed sign-ins within `WINDOW` for one reviewer name, or from one
client address, further attempts for that name or address are refused until the window
has passed, without checking the password (so a guesser learns nothing, and argon2 is
not made to work for them). A successful sign-in clears the name's count.

The counts live in the server process: enough for HQ's single server, and forgotten on
restart, which is the safe direction for a lockout.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from fastapi.responses import JSONResponse

log = logging.getLogger("cmcoord.hq")

MAX_FAILURES = 5
WINDOW = 15 * 60.0  # seconds


class SignInThrottle:
    """Counts recent failed sign-ins per key (a reviewer name, a client address)."""

    def __init__(self, *, max_failures: int = MAX_FAILURES, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._max = max_failures
        self._window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and now - times[0] >= self._window:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def wait_seconds(self, *keys: str) -> int:
        """Seconds until any of `keys` may try again (0 when none is locked out)."""
        now = self._clock()
        with self._lock:
            waits = [self._window - (now - times[0])
                     for key in keys if len(times := self._recent(key, now)) >= self._max]
        return int(max(waits, default=0.0)) + (1 if waits else 0)

    def failed(self, *keys: str) -> None:
        """Record one failed sign-in for each key."""
        now = self._clock()
        with self._lock:
            for key in keys:
                self._recent(key, now)
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, key: str) -> None:
        """Forget the failures of a key that has just signed in."""
        with self._lock:
            self._failures.pop(key, None)


@dataclass(frozen=True)
class Limit:
    """Attempts allowed within `window` seconds: the first `free` answered at once, the
    next ones after a delay doubling every `step` attempts (at most `max_delay`), then,
    from `most` on, refused until the oldest leaves the window."""

    free: int
    most: int
    window: float
    step: int = 1
    max_delay: float = 8.0

    def delay(self, before: int) -> float:
        """Seconds to wait for an attempt with `before` attempts already in the window."""
        if before < self.free:
            return 0.0
        return min(self.max_delay, 2.0 ** ((before - self.free) // self.step))


# An officer mistypes a code two or three times; a guesser has ten tries a quarter of an
# hour from an address, and all addresses together three hundred, at most one every
# eight seconds once they pile up. A code is 10 characters of 31: guessing is hopeless.
PER_ADDRESS = Limit(free=3, most=10, window=15 * 60.0)
OVERALL = Limit(free=30, most=300, window=15 * 60.0, step=30)
EVERYONE = "*"
MAX_ADDRESSES = 1000  # past this many addresses counted, the idle ones are forgotten


class EnrollmentThrottle:
    """Counts enrollment attempts per client address and overall, in memory.

    `admit(address)` counts the attempt before its code is looked at, so parallel
    requests cannot slip past the count; it answers how long the attempt must wait first
    (0 for the first few), or refuses it with the seconds until one may try again. A
    successful enrollment forgets its address's attempts and gives its place overall back.
    Nothing here touches the database: a flood of wrong codes never takes the write lock.
    """

    def __init__(self, *, per_address: Limit = PER_ADDRESS, overall: Limit = OVERALL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = {"address": per_address, "overall": overall}
        self._clock = clock
        self._attempts: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, limit: Limit, now: float) -> deque[float]:
        times = self._attempts.get(key)
        if times is None:  # kept only once an attempt is counted: refusals cost no memory
            return deque()
        while times and now - times[0] >= limit.window:
            times.popleft()
        return times

    def admit(self, address: str) -> tuple[float, int]:
        """(delay in seconds, 0) for an attempt counted now, or (0, retry_after) for one
        refused (not counted)."""
        now = self._clock()
        keys = (("address", f"address:{address}"), ("overall", EVERYONE))
        with self._lock:
            recent = [(self._limits[kind], self._recent(key, self._limits[kind], now))
                      for kind, key in keys]
            waits = [limit.window - (now - times[0])
                     for limit, times in recent if len(times) >= limit.most]
            if waits:
                return 0.0, int(max(waits)) + 1
            delay = max(limit.delay(len(times)) for limit, times in recent)
            for (limit, times), (kind, key) in zip(recent, keys, strict=True):
                times.append(now)
                self._attempts[key] = times
                if len(times) == limit.most:  # once, not for every refusal after
                    log.warning(  # i18n: not shown
                        "enrollment attempts: the %s limit is reached%s; the next are refused",
                        kind, f" by {address}" if kind == "address" else "")
            if len(self._attempts) > MAX_ADDRESSES:
                self._forget_idle(now)
        return delay, 0

    def succeeded(self, address: str) -> None:
        """Forget an address's attempts once a code of it enrolled a device."""
        with self._lock:
            self._attempts.pop(f"address:{address}", None)
            overall = self._attempts.get(EVERYONE)
            if overall:
                overall.pop()

    def _forget_idle(self, now: float) -> None:
        """Drop the addresses whose attempts have all left the window (at most `most`
        overall are in it: memory stays bounded under a flood from many addresses)."""
        limit = self._limits["address"]
        for key in [k for k in self._attempts if k != EVERYONE]:
            if not self._recent(key, limit, now):
                del self._attempts[key]


async def enrollment_gate(throttle: EnrollmentThrottle, address: str) -> JSONResponse | None:
    """Count an enrollment attempt from `address`: wait its delay (in the event loop: no
    thread is held), or the 429 answer (with Retry-After) that refuses it."""
    delay, retry_after = throttle.admit(address)
    if retry_after:
        return JSONResponse(
            {"error": "too_many_attempts",
             "detail": "Too many enrollment attempts. "  # i18n: not shown
                       f"Try again in {retry_after} seconds."},
            status_code=429, headers={"Retry-After": str(retry_after)})
    if delay:
        await asyncio.sleep(delay)
    return None

"""Slowing down password guessing on the reviewers' sign-in page.

After `MAX_FAILURES` failed sign-ins within `WINDOW` for one reviewer name, or from one
client address, further attempts for that name or address are refused until the window
has passed, without checking the password (so a guesser learns nothing, and argon2 is
not made to work for them). A successful sign-in clears the name's count.

The counts live in the server process: enough for HQ's single server, and forgotten on
restart, which is the safe direction for a lockout.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

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

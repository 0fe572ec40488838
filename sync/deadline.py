"""The overall deadline of a sync, enforced on every socket its requests open.

A socket timeout bounds one silent wait only: a server (or a middlebox) sending a byte
every few seconds resets it for ever, in the headers as well as in the body. So while a
request runs, a watchdog holds the sockets it opened and shuts them at the deadline; the
blocked read then ends at once, and the transport reports "timeout".

Requests reach the sockets through `DeadlineAdapter`, whose connection classes report
each socket they open or reuse to the watchdog of the request running in the same thread.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import requests
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from fieldapp.i18n import N_, _
from sync.errors import SyncError

TIMED_OUT = N_("HQ did not answer in time; the link may be slow or down. Your changes are "
               "kept here; Field Kit will try again later.")

_running = threading.local()  # the watchdog of the request this thread is sending


class Deadline:
    """The time left before a `time.monotonic()` instant (None: no overall deadline)."""

    def __init__(self, at: float | None) -> None:
        self.at = at

    def left(self) -> float | None:
        """Seconds left; raises SyncError("timeout") once none are."""
        if self.at is None:
            return None
        left = self.at - time.monotonic()
        if left <= 0:
            raise SyncError(_(TIMED_OUT), code="timeout")
        return left

    def cap(self, seconds: float) -> float:
        """`seconds`, or the time left when that is shorter."""
        left = self.left()
        return seconds if left is None else min(seconds, left)

    def passed(self) -> bool:
        """True once the deadline is reached."""
        return self.at is not None and time.monotonic() >= self.at


class Watchdog:
    """Shuts every socket of one request at the deadline; `fired` says it did."""

    def __init__(self, deadline: Deadline) -> None:
        self.fired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer: threading.Timer | None = None
        if deadline.at is not None:
            self._timer = threading.Timer(max(deadline.at - time.monotonic(), 0.0), self._fire)
            self._timer.daemon = True
            self._timer.start()

    def attach(self, sock: socket.socket | None) -> None:
        """Watch a socket the request opened (shut at once if the deadline has passed)."""
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        """Stop watching: the request is over."""
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._sockets.clear()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing is waiting on it
        sock.shutdown(socket.SHUT_RDWR)


@contextlib.contextmanager
def watching(deadline: Deadline) -> Iterator[Watchdog]:
    """Run a request of this thread under a watchdog for `deadline`."""
    watchdog = Watchdog(deadline)
    _running.watchdog = watchdog
    try:
        yield watchdog
    finally:
        _running.watchdog = None
        watchdog.cancel()


def _report(sock: socket.socket | None) -> None:
    watchdog = getattr(_running, "watchdog", None)
    if watchdog is not None:
        watchdog.attach(sock)


class _WatchedHTTPConnection(HTTPConnection):
    # connect: a new connection is watched while the request is sent; getresponse: a
    # kept-alive one, reused without connecting, while the answer is awaited.
    def connect(self) -> None:
        super().connect()
        _report(self.sock)

    def getresponse(self) -> Any:
        _report(self.sock)
        return super().getresponse()


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _report(self.sock)

    def getresponse(self) -> Any:
        _report(self.sock)
        return super().getresponse()


class _WatchedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class DeadlineAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter whose connections report their sockets to the running watchdog.

    (A proxy from the environment uses its own pools: then the transport's checks between
    chunks still end the body at the deadline, the headers only at the read timeout.)
    """

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool,
                                                   "https": _WatchedHTTPSPool}

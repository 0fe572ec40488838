"""uvicorn's HTTP protocol with Nagle's algorithm turned off on every connection.

asyncio turns Nagle off (TCP_NODELAY) only on sockets it knows to be TCP. With
`--workers N`, uvicorn hands each worker process the listening socket rebuilt from its
file descriptor, which forgets its protocol number: asyncio leaves Nagle on, and every
response written in two pieces (headers, then body) waits for the client's delayed
acknowledgement, about 40 ms on Linux. That alone made each request ten times slower
under `serve --workers 2`. Setting the option ourselves costs one system call.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

PROTOCOL = "hq.nodelay:NoDelayH11Protocol"  # for uvicorn.run(http=...)


class NoDelayH11Protocol(H11Protocol):
    """The h11 protocol, with TCP_NODELAY set when a TCP connection is made."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):  # a socket already closing: nothing to speed up
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]

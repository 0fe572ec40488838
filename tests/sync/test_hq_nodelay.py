"""The HQ server turns Nagle's algorithm off on every connection, including in worker
processes, whose listening socket no longer says it is TCP (hq/nodelay.py)."""

from __future__ import annotations

import asyncio
import os
import socket

import pytest
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from hq.nodelay import PROTOCOL, NoDelayH11Protocol


async def _hello(scope, receive, send):  # the smallest ASGI app
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _nodelay_of_accepted_connection(protocol: type[H11Protocol]) -> int:
    """Serve one request with uvicorn and `protocol` on a listening socket that forgot it
    is TCP (protocol number 0, as uvicorn's worker processes get it); the server side's
    TCP_NODELAY on that connection."""
    listener = socket.create_server(("127.0.0.1", 0))
    forgetful = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0,
                              fileno=os.dup(listener.fileno()))
    seen: list[int] = []

    class Watching(protocol):  # type: ignore[misc, valid-type]
        def connection_made(self, transport):
            super().connection_made(transport)
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    server = uvicorn.Server(uvicorn.Config(_hello, http=Watching, lifespan="off",
                                           log_level="warning"))

    async def run() -> None:
        serving = asyncio.create_task(server.serve(sockets=[forgetful]))
        while not server.started:
            await asyncio.sleep(0.01)
        reader, writer = await asyncio.open_connection(*listener.getsockname())
        writer.write(b"GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        answer = await reader.read()
        writer.close()
        server.should_exit = True
        await serving
        assert answer.startswith(b"HTTP/1.1 200"), answer

    try:
        asyncio.run(run())
    finally:
        forgetful.close()
        listener.close()
    return seen[0]


def test_connections_of_a_worker_process_get_tcp_nodelay():
    assert config_protocol_is_ours()
    assert _nodelay_of_accepted_connection(NoDelayH11Protocol) == 1


def test_the_plain_protocol_would_leave_nagle_on_there():
    """Why the subclass exists: without it such connections wait ~40 ms per response."""
    if _nodelay_of_accepted_connection(H11Protocol) == 1:
        pytest.skip("this Python/uvicorn already sets TCP_NODELAY on such sockets")


def config_protocol_is_ours() -> bool:
    config = uvicorn.Config(_hello, http=PROTOCOL)
    config.load()
    return config.http_protocol_class is NoDelayH11Protocol

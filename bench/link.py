"""A link emulator on 127.0.0.1: a TCP proxy in front of the HQ server.

It relays one HTTP request per connection (it asks the server to close after answering)
and can slow the link down (bandwidth limit, added round-trip time), cut connections
every N bytes, or apply a per-request policy ("pass", "drop_request", "drop_response",
"truncate"), counting the real bytes that cross it. Used by the sync benchmark and by
the fault tests in tests/sync.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

Policy = Callable[[int, str, str], str]  # (request number, method, path) -> action
PASS, DROP_REQUEST, DROP_RESPONSE, TRUNCATE = "pass", "drop_request", "drop_response", "truncate"


@dataclass
class LinkStats:
    """Bytes as they crossed the emulated link, headers included."""

    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    drops: int = 0


class _LinkCutError(Exception):
    pass


class LinkEmulator:
    """Listen on a free 127.0.0.1 port and relay to `target_port`; see the module doc."""

    def __init__(self, target_port: int, *, kbit: float | None = None, rtt_ms: float = 0,
                 drop_every_bytes: int | None = None, policy: Policy | None = None) -> None:
        self.target_port = target_port
        self.kbit = kbit
        self.rtt = rtt_ms / 1000
        self.drop_every = drop_every_bytes
        self.policy = policy
        self.stats = LinkStats()
        self._since_drop = 0
        self._lock = threading.Lock()
        emulator = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                emulator._relay(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Where clients connect."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LinkEmulator:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _account(self, size: int, *, up: bool) -> None:
        with self._lock:
            if up:
                self.stats.bytes_up += size
            else:
                self.stats.bytes_down += size
            self._since_drop += size
            cut = self.drop_every is not None and self._since_drop >= self.drop_every
            if cut:
                self._since_drop = 0
                self.stats.drops += 1
        if cut:
            raise _LinkCutError()

    def _send(self, sock: socket.socket, data: bytes, *, up: bool) -> None:
        """Send at the emulated bandwidth, cutting the link when its byte budget runs out."""
        chunk = 1400
        for start in range(0, len(data), chunk):
            piece = data[start:start + chunk]
            if self.kbit:
                time.sleep(len(piece) * 8 / (self.kbit * 1000))
            self._account(len(piece), up=up)
            sock.sendall(piece)

    @staticmethod
    def _read_request(sock: socket.socket) -> bytes | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            body += chunk
        lines = [line for line in head.split(b"\r\n")
                 if not line.lower().startswith(b"connection:")]
        return b"\r\n".join(lines) + b"\r\nConnection: close\r\n\r\n" + body

    def _relay(self, client: socket.socket) -> None:
        try:
            request = self._read_request(client)
            if request is None:
                return
            with self._lock:
                number = self.stats.requests
                self.stats.requests += 1
            method, path = request.split(b" ", 2)[:2]
            action = self.policy(number, method.decode(), path.decode()) if self.policy else PASS
            if action == DROP_REQUEST:
                return
            if self.rtt:
                time.sleep(self.rtt / 2)
            with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
                self._send(upstream, request, up=True)
                response = b""
                while chunk := upstream.recv(65536):
                    response += chunk
            if action == DROP_RESPONSE:
                return
            if action == TRUNCATE:
                response = response[: max(len(response) - 40, len(response) // 2)]
            if self.rtt:
                time.sleep(self.rtt / 2)
            self._send(client, response, up=False)
        except (_LinkCutError, OSError):
            pass
        finally:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()

"""Link emulators on 127.0.0.1: TCP proxies in front of the HQ server.

`LinkEmulator` relays one HTTP request per connection (it asks the server to close after
answering), store-and-forward, and can slow the link down (bandwidth limit, added
round-trip time), cut connections every N bytes, or apply a per-request policy ("pass",
"drop_request", "drop_response", "truncate"), counting the real bytes that cross it. The
fault tests in tests/sync use its policies; `bench.sync --emulator old` runs it.

`SatelliteLink` models a satellite link for `bench.sync`: a streaming relay (keep-alive
allowed) where all connections share one bit rate per direction, every byte arrives half
a round trip after it left, and a new connection costs one round trip.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Self

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


class _Listener:
    """A relay listening on a free 127.0.0.1 port, each connection handled in a thread by
    `_accepted(socket)`; a context manager that starts and stops it."""

    def _listen(self) -> None:
        relay = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                relay._accepted(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _accepted(self, client: socket.socket) -> None:
        raise NotImplementedError

    @property
    def url(self) -> str:
        """Where clients connect."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class LinkEmulator(_Listener):
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
        self._listen()

    def _accepted(self, client: socket.socket) -> None:
        self._relay(client)

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


@dataclass
class SatelliteStats(LinkStats):
    """LinkStats, plus the TCP connections the clients opened."""

    connections: int = 0


class _RequestCounter:
    """Counts the HTTP requests in one connection's upward byte stream, as it is fed."""

    def __init__(self) -> None:
        self.buffer = b""
        self.body_left = 0  # bytes of body (or of the current chunk and its CRLF) to skip
        self.state = "head"  # "head", "chunk_size" or "trailer"

    def feed(self, data: bytes) -> int:
        """Take the next bytes of the stream; return how many request heads they completed."""
        self.buffer += data
        heads = 0
        while True:
            if self.body_left:
                skipped = min(self.body_left, len(self.buffer))
                self.buffer = self.buffer[skipped:]
                self.body_left -= skipped
                if self.body_left:
                    return heads
            end = b"\r\n\r\n" if self.state == "head" else b"\r\n"
            part, found, rest = self.buffer.partition(end)
            if not found:
                return heads
            self.buffer = rest
            if self.state == "head":
                heads += 1
                self._read_head(part)
            elif self.state == "chunk_size":
                size = int(part.split(b";")[0].strip() or b"0", 16)
                self.body_left = size + 2 if size else 0
                self.state = "chunk_size" if size else "trailer"
            elif not part:  # the empty line that ends the trailer
                self.state = "head"

    def _read_head(self, head: bytes) -> None:
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                self.body_left = int(value.strip())
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                self.state = "chunk_size"


class SatelliteLink(_Listener):
    """Listen on a free 127.0.0.1 port and relay to `target_port` like a satellite link.

    Each direction of each connection is relayed as bytes arrive. All connections share
    one link: per direction, a chunk of n bytes read at t leaves at
    max(t, link busy until) + n * 8 / bit rate and is delivered rtt/2 later, in order per
    connection; up and down are independent. A new connection waits one RTT (the TCP
    handshake) before its first byte is relayed. With `drop_every_bytes`, every N bytes
    crossing the link (both directions, all connections) cut the connection that carries
    the next byte. `kbit=None` and `rtt_ms=0` add no delay.
    """

    MSS = 1460  # bytes: a throttled link delivers at most this much at once

    def __init__(self, target_port: int, *, kbit: float | None = None, rtt_ms: float = 0,
                 drop_every_bytes: int | None = None) -> None:
        self.target_port = target_port
        self.bit_rate = kbit * 1000 if kbit else None
        self.rtt = rtt_ms / 1000
        self.drop_every = drop_every_bytes
        self.stats = SatelliteStats()
        self._lock = threading.Lock()
        self._busy_until = {True: 0.0, False: 0.0}  # up?, as time.monotonic()
        self._since_drop = 0
        self._open: set[_Connection] = set()
        self._listen()

    def _accepted(self, client: socket.socket) -> None:
        self._serve(client)

    def __exit__(self, *_: object) -> None:
        super().__exit__()
        with self._lock:
            still_open = list(self._open)
        for connection in still_open:
            connection.cut()

    def _serve(self, client: socket.socket) -> None:
        accepted = time.monotonic()
        with self._lock:
            self.stats.connections += 1
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        for sock in (client, upstream):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection = _Connection(self, client, upstream)
        with self._lock:
            self._open.add(connection)
        time.sleep(max(0.0, accepted + self.rtt - time.monotonic()))  # the handshake
        connection.run()
        with self._lock:
            self._open.discard(connection)

    def backpressure(self, *, up: bool) -> None:
        """Wait while more than one round trip of bytes is queued on the link, as TCP's
        window holds a sender back: the rest stays with the sender (and is not lost on the
        link when a cut comes), instead of being taken at once and charged to the link."""
        if not self.bit_rate:
            return
        while True:
            with self._lock:
                ahead = self._busy_until[up] - time.monotonic()
            if ahead <= max(self.rtt, 0.05):
                return
            time.sleep(ahead - max(self.rtt, 0.05))

    def _schedule(self, size: int, read_at: float, *, up: bool) -> float:
        """When `size` bytes read at `read_at` reach the other end (the link is shared)."""
        with self._lock:
            departs = max(read_at, self._busy_until[up])
            if self.bit_rate:
                departs += size * 8 / self.bit_rate
            self._busy_until[up] = departs
        return departs + self.rtt / 2

    def _cross(self, data: bytes, counter: _RequestCounter | None, *, up: bool) -> int:
        """Count `data` as it crosses; return how many of its bytes do before a cut."""
        with self._lock:
            crossing = len(data)
            if self.drop_every is not None and self._since_drop + crossing > self.drop_every:
                crossing = self.drop_every - self._since_drop
                self._since_drop = 0
                self.stats.drops += 1
            else:
                self._since_drop += crossing
            if up:
                self.stats.bytes_up += crossing
                if counter is not None:
                    self.stats.requests += counter.feed(data[:crossing])
            else:
                self.stats.bytes_down += crossing
        return crossing


class _Connection:
    """One client connection through a SatelliteLink: a reader and a writer per direction."""

    def __init__(self, link: SatelliteLink, client: socket.socket,
                 upstream: socket.socket) -> None:
        self.link = link
        self.client = client
        self.upstream = upstream
        self.is_cut = False

    def run(self) -> None:
        """Relay both directions until both ends have closed or the link cut them."""
        counter = _RequestCounter()
        threads = []
        for source, target, up in ((self.client, self.upstream, True),
                                   (self.upstream, self.client, False)):
            # (delivery time, bytes); bytes None: the source closed
            pending: queue.Queue[tuple[float, bytes | None]] = queue.Queue()
            threads += [
                threading.Thread(target=self._read, args=(source, pending), kwargs={"up": up},
                                 daemon=True),
                threading.Thread(target=self._write, args=(pending, target),
                                 kwargs={"up": up, "counter": counter if up else None},
                                 daemon=True),
            ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for sock in (self.client, self.upstream):
            sock.close()

    def cut(self) -> None:
        """Shut both sockets: the readers see the end, the writers stop."""
        self.is_cut = True
        for sock in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _read(self, source: socket.socket, pending: queue.Queue, *, up: bool) -> None:
        step = SatelliteLink.MSS if self.link.bit_rate else 1 << 16
        while True:
            self.link.backpressure(up=up)
            try:
                data = source.recv(step * 8 if self.link.bit_rate else 1 << 16)
            except OSError:
                data = b""
                self.cut()
            read_at = time.monotonic()
            if not data:
                pending.put((self.link._schedule(0, read_at, up=up), None))
                return
            for start in range(0, len(data), step):
                piece = data[start:start + step]
                pending.put((self.link._schedule(len(piece), read_at, up=up), piece))

    def _write(self, pending: queue.Queue, target: socket.socket, *, up: bool,
               counter: _RequestCounter | None) -> None:
        while True:
            deliver_at, data = pending.get()
            if not self.is_cut:
                time.sleep(max(0.0, deliver_at - time.monotonic()))
            if self.is_cut:
                if data is None:
                    return
                continue  # drain until the reader's end mark
            if data is None:
                with contextlib.suppress(OSError):
                    target.shutdown(socket.SHUT_WR)  # pass the close on, half-close kept
                return
            crossing = self.link._cross(data, counter, up=up)
            try:
                target.sendall(data[:crossing])
            except OSError:
                self.cut()
                continue
            if crossing < len(data):
                self.cut()

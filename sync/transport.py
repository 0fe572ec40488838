"""HTTP to HQ: zstd or gzip both ways, byte counting, every fault turned into one SyncError.

Nothing here touches the local database; a caller only writes after a complete, parsed
answer, so a failed response can never change local data. The answer is not trusted
either: it is read chunk by chunk against the sync's deadline, inflated with a cap (a gzip
bomb ends as `too_large`), and no request leaves for any origin but the enrolled HQ's, so
the token cannot be sent elsewhere by a URL in an answer (`foreign_url`).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from urllib3.util import parse_url

from fieldapp import __version__, migrations
from fieldapp.i18n import N_, _
from sync import codec
from sync.deadline import TIMED_OUT, Deadline, DeadlineAdapter, watching
from sync.errors import SyncError
from sync.wire import PROTOCOL as WIRE_PROTOCOL

CONNECT_TIMEOUT = 15.0
READ_TIMEOUT = 90.0
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # as received, and again once inflated
CHUNK_BYTES = 64 * 1024
PROTOCOL = WIRE_PROTOCOL
ACCEPT_ENCODING = ", ".join(codec.ENCODINGS)  # zstd first, gzip for an HQ before protocol 3
CLIENT_HEADER = "X-FieldKit-Client"
CLIENT_VALUE = f"protocol={PROTOCOL}; schema={migrations.HEAD}; version={__version__}"
CAPTIVE = N_("The network answered with a web page instead of HQ — a hotel or airport "
             "login may be needed. Open a web browser, log in, then sync again.")
RETRY = N_("Your changes are kept here; Field Kit will try again later.")
TOO_LARGE = N_("HQ's answer was larger than Field Kit accepts; nothing was changed here.")
DEFAULT_PORTS = {"http": 80, "https": 443}
_CUT_WORDS = ("reset", "aborted", "broken pipe", "remote end")  # i18n: not shown - matched


def _later(sentence: str) -> str:
    """A translated sentence followed by the promise that nothing is lost (also translated)."""
    return f"{sentence} {_(RETRY)}"


@dataclass
class Traffic:
    """What crossed the link: request and answer body bytes (as sent), requests, and the
    seconds spent inside them (sending, waiting, receiving and inflating the answer; two
    requests in flight at once count once, from the first start to the last end)."""

    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _running: int = 0
    _since: float = 0.0

    def started(self, sent: int) -> None:
        """A request begins, sending `sent` body bytes."""
        with self._lock:
            self.requests += 1
            self.bytes_up += sent
            if not self._running:
                self._since = time.monotonic()
            self._running += 1

    def ended(self, received: int) -> None:
        """A request ends, having received `received` answer bytes."""
        with self._lock:
            self.bytes_down += received
            self._running -= 1
            if not self._running:
                self.seconds += time.monotonic() - self._since


def _origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) as urllib3 will connect; default ports made explicit."""
    parsed = parse_url(url)
    scheme = (parsed.scheme or "").lower()
    return scheme, (parsed.host or "").lower(), parsed.port or DEFAULT_PORTS.get(scheme)


class Transport:
    """Requests to one HQ with one token; counts traffic in `traffic`.

    `deadline` is a `time.monotonic()` instant by which every request of this sync must
    have finished (None: only the per-read `timeout`).
    """

    def __init__(self, base_url: str, *, token: str | None = None,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
                 deadline: float | None = None, officer_present: bool = False,
                 encoding: str = codec.GZIP) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.token = token
        self.encoding = encoding  # of request bodies: zstd once HQ is known to take it
        self.officer_present = officer_present  # X-Officer-Present: see sync_once
        self.timeout = timeout
        self.deadline = deadline
        self.http = requests.Session()
        # Only the headers HQ reads: requests' Accept and Connection (HTTP/1.1 keeps the
        # connection anyway) cost every request on a satellite link for nothing.
        self.http.headers.clear()
        self.http.mount("http://", DeadlineAdapter())
        self.http.mount("https://", DeadlineAdapter())
        self.traffic = Traffic()

    def close(self) -> None:
        """Release the connection pool."""
        self.http.close()

    def _headers(self, *, encoding: str | None) -> dict[str, str]:
        headers = {"Accept-Encoding": ACCEPT_ENCODING, "User-Agent": "cmcoord-field-kit",
                   CLIENT_HEADER: CLIENT_VALUE}
        if encoding is not None:
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = encoding
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"  # i18n: not shown
        if self.officer_present:
            headers["X-Officer-Present"] = "1"  # i18n: not shown
        return headers

    def encode(self, body: Any, encoding: str | None = None) -> tuple[bytes, str]:
        """A JSON body as sent, in `encoding` (else the transport's), and that encoding."""
        raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        encoding = encoding or self.encoding
        return codec.compress(raw, encoding), encoding

    def post_json(self, path: str, body: Any, *, encoding: str | None = None) -> Any:
        """POST a JSON body (in `encoding`, else the transport's) and return the parsed
        JSON answer."""
        return self.post_encoded(path, *self.encode(body, encoding))

    def post_encoded(self, path: str, data: bytes, encoding: str,
                     params: dict[str, Any] | None = None) -> Any:
        """POST a body `encode` made and return the parsed JSON answer."""
        return self._json(self._send("POST", path, data=data, encoding=encoding,
                                     params=params))

    def get_lines(self, path: str, params: dict[str, Any], on_line: Callable[[bytes], None]
                  ) -> None:
        """GET an answer of JSON lines (a streamed pull) and give each complete line to
        `on_line` as soon as it has arrived, while the rest is still coming. An answer
        that is one JSON document (an HQ of protocol 2) is given whole. A line cut short
        by the end of the answer is an error: the lines given before stay given."""
        pending = bytearray()

        def arrived(data: bytes) -> None:
            pending.extend(data)
            end = pending.rfind(b"\n")
            if end < 0:
                if len(pending) > MAX_ANSWER_BYTES:
                    raise SyncError(_later(_(TOO_LARGE)), code="too_large")
                return
            lines = bytes(pending[:end])
            del pending[:end + 1]
            for line in lines.split(b"\n"):
                if line.strip():
                    on_line(line)

        response, _body = self._send("GET", path, params=params, on_data=arrived)
        if pending.strip():
            if "ndjson" in response.headers.get("Content-Type", ""):
                raise SyncError(_later(_("HQ's answer arrived cut off or garbled.")),
                                code="garbled")
            on_line(bytes(pending))

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """GET and return the parsed JSON answer."""
        return self._json(self._send("GET", path, params=params))

    def get_bytes(self, path: str) -> bytes:
        """GET a binary answer (a handbook edition); `path` may be a URL on HQ's origin."""
        return self._send("GET", path)[1]

    def url_for(self, path: str) -> str:
        """The absolute URL of `path` on HQ; SyncError("foreign_url") for any other origin.

        A path is relative to the HQ address (its leading "/" too, so an HQ behind a
        path prefix works); an absolute or scheme-relative URL ("//host/x") must name
        HQ's own scheme, host and port, and carry no user name or password.
        """
        if path.startswith(("//", "\\\\", "/\\", "\\/")) or urlsplit(path).scheme:
            url = urljoin(self.base_url, path)
        else:
            url = urljoin(self.base_url, path.lstrip("/"))
        try:
            foreign = (_origin(url) != _origin(self.base_url) or parse_url(url).auth is not None
                       or "\\" in url.split("?", 1)[0])
        except ValueError:
            foreign = True
        if foreign:
            raise SyncError(
                _("HQ's answer pointed to an address outside HQ ({address}); Field Kit only "
                  "talks to the HQ it is enrolled with ({hq}), so it was not opened.").format(
                    address=url[:200], hq=self.base_url),
                code="foreign_url", retry_later=False)
        return url

    def _send(self, method: str, path: str, *, data: bytes | None = None,
              params: dict[str, Any] | None = None, encoding: str | None = None,
              on_data: Callable[[bytes], None] | None = None
              ) -> tuple[requests.Response, bytes]:
        """One request; the answer's body, inflated, or given to `on_data` as it arrives
        (then b"" is returned; only a success's body is streamed)."""
        url = self.url_for(path)  # before anything is sent: the token stays with HQ
        deadline = Deadline(self.deadline)
        connect, read = self.timeout
        self.traffic.started(len(data or b""))
        received = 0
        parts: list[bytes] = []
        try:
            timeout = (deadline.cap(connect), deadline.cap(read))
            with watching(deadline) as watchdog:
                response = self.http.request(
                    method, url, data=data, params=params, stream=True,
                    allow_redirects=False,
                    headers=self._headers(encoding=encoding if data is not None else None),
                    timeout=timeout,
                )
                try:
                    self._check_status_first(response)
                    stream = on_data is not None and response.status_code < 300
                    with _codec_errors():
                        inflater = _inflater(response)
                        while chunk := _read_chunk(response):
                            received += len(chunk)
                            if received > MAX_ANSWER_BYTES:
                                raise SyncError(_later(_(TOO_LARGE)), code="too_large")
                            data_out = inflater.feed(chunk)
                            if stream and data_out:
                                on_data(data_out)  # type: ignore[misc]
                            elif data_out:
                                parts.append(data_out)
                            deadline.left()
                        if watchdog.fired:  # the socket was shut under the last read
                            raise SyncError(_(TIMED_OUT), code="timeout")
                        inflater.finish()  # a compressed answer cut short is damaged
                finally:
                    response.close()
        except SyncError:
            raise
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise self._link_error(exc, deadline) from exc
        finally:
            self.traffic.ended(received)
        body = b"".join(parts)
        self._check(response, body)
        return response, body

    def _link_error(self, exc: BaseException, deadline: Deadline) -> SyncError:
        """What a failure of the link means for the officer, in one SyncError."""
        text = str(exc).lower()
        if (deadline.passed() or "timed out" in text
                or isinstance(exc, TimeoutError | requests.exceptions.Timeout
                              | urllib3.exceptions.TimeoutError)):
            return SyncError(_(TIMED_OUT), code="timeout")  # the watchdog shut the socket, say
        if isinstance(exc, requests.exceptions.SSLError):
            return SyncError(_later(_(
                "The secure connection to HQ failed (certificate problem). The network may be "
                "intercepting traffic, or this computer's clock may be wrong.")), code="tls")
        if isinstance(exc, requests.exceptions.ConnectionError) and not any(
                word in text for word in _CUT_WORDS):
            return SyncError(_later(_("Field Kit could not reach HQ at {address} (no network, "
                                      "or HQ is down).").format(address=self.base_url)),
                             code="offline")
        return SyncError(_later(_("The connection to HQ was cut during the sync.")),
                         code="connection_cut")

    @staticmethod
    def _check_status_first(response: requests.Response) -> None:
        """A captive portal's page is refused before its body is read."""
        status = response.status_code
        if 300 <= status < 400 or "text/html" in response.headers.get("Content-Type", "").lower():
            raise SyncError(_(CAPTIVE), code="captive_portal", status=status)

    @staticmethod
    def _error_of(body: bytes) -> tuple[str, str]:
        try:
            parsed = json.loads(body)
            return str(parsed.get("error", "")), str(parsed.get("detail", ""))
        except (ValueError, AttributeError):
            return "", ""

    def _check(self, response: requests.Response, body: bytes) -> None:
        status = response.status_code
        kind = response.headers.get("Content-Type", "").lower()
        if 300 <= status < 400 or "text/html" in kind or body.lstrip()[:1] == b"<":
            raise SyncError(_(CAPTIVE), code="captive_portal", status=status)
        if status < 400:
            return
        code, detail = self._error_of(body)
        if status >= 500:
            raise SyncError(_later(_("HQ had a problem (HTTP {status}).").format(status=status)),
                            code=code or "server_error", status=status)
        if status == 401:
            raise SyncError(detail or _("HQ refused this device's token. Enroll again."),
                            code=code or "unauthorized", retry_later=False, status=status)
        if status == 413:
            raise SyncError(detail or _("HQ refused a request as too large."),
                            code="body_too_large", status=status)
        refused = _("HQ refused the request (HTTP {status}).").format(status=status)
        raise SyncError(detail or refused, code=code or "refused", retry_later=status == 429,
                        status=status)

    @staticmethod
    def _json(answer: tuple[requests.Response, bytes]) -> Any:
        _response, body = answer
        try:
            return json.loads(body)
        except ValueError as exc:
            raise SyncError(_later(_("HQ's answer arrived cut off or garbled.")),
                            code="garbled") from exc


def _inflater(response: requests.Response) -> codec.Inflater:
    """The decoder of an answer's Content-Encoding, capped at MAX_ANSWER_BYTES once inflated
    (a streamed answer in all, as a whole one); an unknown encoding is damage."""
    try:
        return codec.Inflater(response.headers.get("Content-Encoding", ""), MAX_ANSWER_BYTES)
    except ValueError as exc:
        raise codec.DamagedError from exc


@contextlib.contextmanager
def _codec_errors() -> Iterator[None]:
    """The codec's refusals (damaged bytes, past the cap) as SyncErrors."""
    try:
        yield
    except codec.TooLargeError:
        raise SyncError(_later(_(TOO_LARGE)), code="too_large") from None
    except codec.DamagedError:
        raise SyncError(_later(_("HQ's answer arrived cut off or damaged.")),
                        code="garbled") from None


def _read_chunk(response: requests.Response) -> bytes:
    """What one receive gives (up to CHUNK_BYTES, still gzipped); b"" at the end.

    `read1` returns after a single receive, so the deadline is also checked between
    chunks however slowly they come (and where no watchdog holds the socket).
    """
    return response.raw.read1(CHUNK_BYTES, decode_content=False)

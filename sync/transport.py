"""HTTP to HQ: gzip both ways, byte counting, and every fault turned into one SyncError.

Nothing here touches the local database; a caller only writes after a complete, parsed
answer, so a failed response can never change local data.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import requests
import urllib3

from sync.errors import SyncError

CONNECT_TIMEOUT = 15.0
READ_TIMEOUT = 90.0
MAX_ANSWER_BYTES = 64 * 1024 * 1024
CAPTIVE = ("The network answered with a web page instead of HQ — a hotel or airport login "
           "may be needed. Open a web browser, log in, then sync again.")
RETRY = " Your changes are kept here; Field Kit will try again later."


@dataclass
class Traffic:
    """What crossed the link: request and answer body bytes (as sent) and requests."""

    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0


class Transport:
    """Requests to one HQ with one token; counts traffic in `traffic`."""

    def __init__(self, base_url: str, *, token: str | None = None,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.token = token
        self.timeout = timeout
        self.http = requests.Session()
        self.traffic = Traffic()

    def close(self) -> None:
        """Release the connection pool."""
        self.http.close()

    def _headers(self, *, gzipped: bool) -> dict[str, str]:
        headers = {"Accept": "application/json", "Accept-Encoding": "gzip",
                   "User-Agent": "cmcoord-field-kit"}
        if gzipped:
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def post_json(self, path: str, body: Any) -> Any:
        """POST a JSON body (gzip-encoded) and return the parsed JSON answer."""
        raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        data = gzip.compress(raw, compresslevel=6)
        return self._json(self._send("POST", path, data=data))

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """GET and return the parsed JSON answer."""
        return self._json(self._send("GET", path, params=params))

    def get_bytes(self, path: str) -> bytes:
        """GET a binary answer (a handbook edition)."""
        return self._send("GET", path)[1]

    def _send(self, method: str, path: str, *, data: bytes | None = None,
              params: dict[str, Any] | None = None) -> tuple[requests.Response, bytes]:
        url = urljoin(self.base_url, path.lstrip("/"))
        self.traffic.requests += 1
        self.traffic.bytes_up += len(data or b"")
        try:
            response = self.http.request(
                method, url, data=data, params=params, stream=True, allow_redirects=False,
                headers=self._headers(gzipped=data is not None), timeout=self.timeout,
            )
            try:
                raw = response.raw.read(MAX_ANSWER_BYTES + 1, decode_content=False)
            finally:
                response.close()
        except requests.exceptions.SSLError as exc:
            raise SyncError(
                "The secure connection to HQ failed (certificate problem). The network may be "
                "intercepting traffic, or this computer's clock may be wrong." + RETRY,
                code="tls") from exc
        except (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError) as exc:
            raise SyncError("HQ did not answer in time; the link may be slow or down." + RETRY,
                            code="timeout") from exc
        except requests.exceptions.ConnectionError as exc:
            text = str(exc).lower()
            if any(word in text for word in ("reset", "aborted", "broken pipe", "remote end")):
                raise SyncError("The connection to HQ was cut during the sync." + RETRY,
                                code="connection_cut") from exc
            raise SyncError(f"Field Kit could not reach HQ at {self.base_url} (no network, "
                            "or HQ is down)." + RETRY, code="offline") from exc
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise SyncError("The connection to HQ was cut during the sync." + RETRY,
                            code="connection_cut") from exc
        self.traffic.bytes_down += len(raw)
        if len(raw) > MAX_ANSWER_BYTES:
            raise SyncError("HQ's answer was larger than Field Kit accepts.", code="garbled")
        body = self._inflate(response, raw)
        self._check(response, body)
        return response, body

    @staticmethod
    def _inflate(response: requests.Response, raw: bytes) -> bytes:
        if response.headers.get("Content-Encoding", "").lower() != "gzip":
            return raw
        try:
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            body = inflater.decompress(raw)
            if not inflater.eof:
                raise zlib.error("truncated")
            return body
        except zlib.error as exc:
            raise SyncError("HQ's answer arrived cut off or damaged." + RETRY,
                            code="garbled") from exc

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
            raise SyncError(CAPTIVE, code="captive_portal", status=status)
        if status < 400:
            return
        code, detail = self._error_of(body)
        if status >= 500:
            raise SyncError(f"HQ had a problem (HTTP {status})." + RETRY,
                            code=code or "server_error", status=status)
        if status == 401:
            raise SyncError(detail or "HQ refused this device's token. Enroll again.",
                            code=code or "unauthorized", retry_later=False, status=status)
        if status == 413:
            raise SyncError(detail or "HQ refused a request as too large.",
                            code="body_too_large", status=status)
        raise SyncError(detail or f"HQ refused the request (HTTP {status}).",
                        code=code or "refused", retry_later=status == 429, status=status)

    @staticmethod
    def _json(answer: tuple[requests.Response, bytes]) -> Any:
        _, body = answer
        try:
            return json.loads(body)
        except ValueError as exc:
            raise SyncError("HQ's answer arrived cut off or garbled." + RETRY,
                            code="garbled") from exc

"""Request bodies: the token first, then a size limit (413) and gzip, before FastAPI sees them.

A pure ASGI middleware. For the API's endpoints that need a device token it checks the
`Authorization` header before reading a single byte of the body: a request without a
valid token is answered 401 and its body is never read nor inflated. Then it reads the
body chunk by chunk, refusing it as soon as it passes the limit (at once when
Content-Length says so); a `Content-Encoding: gzip` body is inflated as it arrives, with a
hard cap in bytes on the inflated size too, and refused (413) the moment the cap is passed
(a `zstd` body likewise: protocol 3, `sync/codec.py`):
a small bomb cannot fill the memory. Enrollment, which needs no token, has a small limit
of its own. The plain body is handed on, so the endpoints, their validation (JSON is
parsed only now) and the OpenAPI schema stay ordinary.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hq.errors import ApiError
from hq.security import OFFICER_PRESENT_HEADER, final_push
from sync import codec

DEFAULT_MAX_BODY = 8 * 1024 * 1024  # as received, and again once inflated
ENROLL_MAX_BODY = 16 * 1024  # a code, a device name and a device code
API_PREFIX = "/api/v1/"
# Endpoints of the API that take a body without a token, with their own (small) limit.
OPEN_ENDPOINTS: Mapping[str, int] = {"/api/v1/enroll": ENROLL_MAX_BODY}
BODYLESS = ("GET", "HEAD", "OPTIONS")

# check(authorization, lost_may_push) raises ApiError (401) for a bad token
TokenCheck = Callable[[str | None, bool], object]


async def _answer(send: Send, status: int, code: str, detail: str) -> None:
    body = json.dumps({"error": code, "detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large",  # i18n: not shown
                    f"The request body is larger than HQ accepts ({limit // 1024} KiB); "
                    "send smaller batches.")


async def read_body(receive: Receive, *, limit: int, encoding: str = codec.IDENTITY
                    ) -> bytes | None:
    """The body, inflated from `encoding` (identity, gzip or zstd), at most `limit` bytes
    both as received and inflated (`ApiError` 413 as soon as either passes it; 422 for a
    damaged or cut body); None when the client went away."""
    inflater = codec.Inflater(encoding, limit)
    body = bytearray()
    received = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        more = message.get("more_body", False)
        received += len(chunk)
        if received > limit:
            raise _too_large(limit)
        try:
            body += inflater.feed(chunk)
        except codec.TooLargeError:
            raise _too_large(limit) from None
        except codec.DamagedError:
            raise ApiError(422, "invalid_request",  # i18n: not shown
                           f"The request was not understood: the {encoding} body is damaged."
                           ) from None
    try:
        inflater.finish()
    except codec.DamagedError:
        raise ApiError(422, "invalid_request",  # i18n: not shown
                       f"The request was not understood: the {encoding} body is damaged or "
                       "cut.") from None
    return bytes(body)


class BodyLimitMiddleware:
    """Check the token, then limit request bodies to `max_bytes` and inflate gzip ones.

    `check_token(authorization)` (run in the thread pool) raises ApiError for a request
    to the API that needs a token and has no valid one; `open_endpoints` are the API's
    paths that need none, with their own body limit."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = DEFAULT_MAX_BODY,
                 check_token: TokenCheck | None = None,
                 open_endpoints: Mapping[str, int] = OPEN_ENDPOINTS) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.check_token = check_token
        self.open_endpoints = dict(open_endpoints)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in BODYLESS:
            await self.app(scope, receive, send)
            return
        try:
            body = await self._body(scope, receive)
        except ApiError as error:  # 401 for the token, 413, 415, 422 for the body
            await _answer(send, error.status, error.code, error.detail)
            return
        if body is None:
            return
        new_headers = [(k, v) for k, v in scope["headers"]
                       if k.lower() not in (b"content-encoding", b"content-length")]
        new_headers.append((b"content-length", str(len(body)).encode()))
        scope = dict(scope, headers=new_headers)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _body(self, scope: Scope, receive: Receive) -> bytes | None:
        headers = {k.lower(): v for k, v in scope["headers"]}
        path: str = scope["path"]
        limit = self.open_endpoints.get(path, self.max_bytes)
        if (self.check_token is not None and path.startswith(API_PREFIX)
                and path not in self.open_endpoints):
            authorization = headers.get(b"authorization")
            present = headers.get(OFFICER_PRESENT_HEADER.lower().encode(), b"")
            await run_in_threadpool(self.check_token,
                                    authorization.decode("latin-1") if authorization else None,
                                    final_push(path, present.decode("latin-1")))
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            raise _too_large(limit)
        encoding = headers.get(b"content-encoding", b"").decode("latin-1").strip().lower()
        if encoding not in ("", codec.IDENTITY, codec.GZIP, codec.ZSTD):
            raise ApiError(415, "unsupported_encoding",  # i18n: not shown
                           "HQ accepts request bodies plain, gzip- or zstd-encoded only.")
        return await read_body(receive, limit=limit, encoding=encoding or codec.IDENTITY)

"""Request bodies: a size limit (413) and gzip-encoded bodies, before FastAPI sees them.

A pure ASGI middleware reads the body (refusing it as soon as it passes the limit, and
at once when Content-Length says so), inflates it when `Content-Encoding: gzip` with a
limit on the inflated size too (a small bomb cannot fill the memory), and hands the
plain body on, so the endpoints, their validation and the OpenAPI schema stay ordinary.
"""

from __future__ import annotations

import json
import zlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_BODY = 8 * 1024 * 1024
INFLATE_FACTOR = 8  # an inflated body may be at most this many times the limit


async def _answer(send: Send, status: int, code: str, detail: str) -> None:
    body = json.dumps({"error": code, "detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Limit request bodies to `max_bytes` and inflate gzip-encoded ones."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> str:
        return (f"The request body is larger than HQ accepts ({self.max_bytes // 1024} KiB); "
                "send smaller batches.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope["headers"]}
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _answer(send, 413, "body_too_large", self._too_large())
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _answer(send, 413, "body_too_large", self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        encoding = headers.get(b"content-encoding", b"").strip().lower()
        if encoding == b"gzip":
            try:
                inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                limit = self.max_bytes * INFLATE_FACTOR
                body = inflater.decompress(body, limit)
                if inflater.unconsumed_tail:
                    await _answer(send, 413, "body_too_large", self._too_large())
                    return
                if not inflater.eof:
                    raise zlib.error("truncated")
            except zlib.error:
                await _answer(send, 422, "invalid_request",
                              "The request was not understood: the gzip body is damaged or cut.")
                return
        elif encoding not in (b"", b"identity"):
            await _answer(send, 415, "unsupported_encoding",
                          "HQ accepts request bodies plain or gzip-encoded only.")
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



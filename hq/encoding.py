"""Answers compressed in what the client accepts: zstd (protocol 3 devices), else gzip.

A pure ASGI middleware in place of Starlette's GZipMiddleware, for two reasons: it speaks
zstd, and it flushes after every part of a streamed answer, so a device reading a long
pull applies each page as soon as it has arrived instead of when the compressor's buffer
happens to fill. A whole answer under `minimum_size` bytes goes as it is; an answer that
already has a Content-Encoding (a handbook zip is stored as it is sent) is left alone.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import codec

MINIMUM_SIZE = 512


class AnswerEncodingMiddleware:
    """Compress answers with `codec.chosen(Accept-Encoding)`; streamed parts flushed."""

    def __init__(self, app: ASGIApp, *, minimum_size: int = MINIMUM_SIZE) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        encoding = codec.chosen(Headers(scope=scope).get("accept-encoding", ""))
        if encoding == codec.IDENTITY:
            await self.app(scope, receive, send)
            return
        await _Responder(self.app, encoding, self.minimum_size)(scope, receive, send)


class _Responder:
    """One answer: holds its start until the first body part says whether to compress."""

    def __init__(self, app: ASGIApp, encoding: str, minimum_size: int) -> None:
        self.app = app
        self.encoding = encoding
        self.minimum_size = minimum_size
        self.start: Message | None = None
        self.compressor: codec.Compressor | None = None
        self.passthrough = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.send = send
        await self.app(scope, receive, self._send)

    async def _send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
            self.passthrough = "content-encoding" in Headers(raw=message["headers"])
            return
        if message["type"] != "http.response.body":
            await self.send(message)
            return
        if self.passthrough:
            await self._flush_start()
            await self.send(message)
            return
        body: bytes = message.get("body", b"")
        more = message.get("more_body", False)
        if self.compressor is None:
            if not more and len(body) < self.minimum_size:  # whole and small: as it is
                self.passthrough = True
                await self._flush_start()
                await self.send(message)
                return
            self.compressor = codec.Compressor(self.encoding)
            headers = MutableHeaders(raw=self.start["headers"])
            headers["Content-Encoding"] = self.encoding
            headers.add_vary_header("Accept-Encoding")
            if more:
                del headers["Content-Length"]
            else:
                body = codec.compress(body, self.encoding)
                headers["Content-Length"] = str(len(body))
                await self._flush_start()
                await self.send({"type": "http.response.body", "body": body})
                return
            await self._flush_start()
        data = self.compressor.part(body) if body else b""
        if not more:
            data += self.compressor.end()
        await self.send({"type": "http.response.body", "body": data, "more_body": more})

    async def _flush_start(self) -> None:
        if self.start is not None:
            await self.send(self.start)
            self.start = None

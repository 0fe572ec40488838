"""Content encodings of sync bodies, both ways: zstd (protocol 3) and gzip (any version).

`compress` makes a whole body; `Compressor` a streamed one, flushed after each part so the
reader can use every part as soon as it arrives; `Inflater` takes a body as it arrives and
refuses it the moment its inflated size passes a limit in bytes, whatever the encoding,
so a small bomb never fills the memory. Devices and HQ share this module.
"""

from __future__ import annotations

import gzip
import zlib

import zstandard

ZSTD, GZIP, IDENTITY = "zstd", "gzip", "identity"
ENCODINGS = (ZSTD, GZIP)  # preferred first
ZSTD_LEVEL = 17  # measured on bench.sync's data set: near level 19's size at twice its speed
GZIP_LEVEL = 6
MAX_WINDOW = 1 << 23  # 8 MiB: what a zstd answer may ask of the reader's memory
ZSTD_SLICE = 256  # input per decompress call: one call never makes more than ~8 MiB


class TooLargeError(Exception):
    """The inflated body passed the limit."""


class DamagedError(Exception):
    """The body is not valid in its encoding, or stops short."""


def chosen(accept: str) -> str:
    """The encoding to answer in, from an Accept-Encoding header (q-values ignored but 0)."""
    offered = set()
    for part in accept.lower().split(","):
        name, _, parameters = part.strip().partition(";")
        if parameters.replace(" ", "") not in ("q=0", "q=0.0"):
            offered.add(name.strip())
    return next((name for name in ENCODINGS if name in offered), IDENTITY)


def compress(data: bytes, encoding: str) -> bytes:
    """`data` as one body in `encoding` (zstd, gzip or identity)."""
    if encoding == ZSTD:
        return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(data)
    if encoding == GZIP:
        return gzip.compress(data, compresslevel=GZIP_LEVEL)
    return data


class Compressor:
    """A streamed body: `part(data)` returns the bytes to send now, flushed so the reader
    can decode everything given so far; `end()` the last bytes."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        if encoding == ZSTD:
            self._zstd = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compressobj()
        elif encoding == GZIP:
            self._zlib = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)

    def part(self, data: bytes) -> bytes:
        """`data` compressed and flushed."""
        if self.encoding == ZSTD:
            return self._zstd.compress(data) + self._zstd.flush(
                zstandard.COMPRESSOBJ_FLUSH_BLOCK)
        if self.encoding == GZIP:
            return self._zlib.compress(data) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
        return data

    def end(self) -> bytes:
        """What closes the stream."""
        if self.encoding == ZSTD:
            return self._zstd.flush()
        if self.encoding == GZIP:
            return self._zlib.flush()
        return b""


class Inflater:
    """Decodes a body chunk by chunk, at most `limit` bytes of output in all.

    `feed(chunk)` returns what the chunk decodes to; TooLargeError the moment the output
    passes `limit`, DamagedError for bytes that are not valid in the encoding. `finish()`
    raises DamagedError when the stream stopped short."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding.strip().lower() or IDENTITY
        if self.encoding not in (ZSTD, GZIP, IDENTITY):
            raise ValueError(f"unknown content encoding {encoding!r}")  # i18n: not shown
        self.limit = limit
        self.size = 0
        self._done = False
        if self.encoding == ZSTD:
            self._zstd = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW).decompressobj()
        elif self.encoding == GZIP:
            self._zlib = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> bytes:
        """The output of `chunk`."""
        if self.encoding == ZSTD:
            return self._feed_zstd(chunk)
        if self.encoding == GZIP:
            return self._feed_gzip(chunk)
        return self._count(chunk)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLargeError
        return data

    def _feed_gzip(self, chunk: bytes) -> bytes:
        parts = []
        try:
            while chunk and not self._zlib.eof:
                # Never more than one byte past the limit in memory, however small the input.
                parts.append(self._count(self._zlib.decompress(chunk, self.limit - self.size + 1)))
                chunk = self._zlib.unconsumed_tail
        except zlib.error as exc:
            raise DamagedError from exc
        self._done = self._zlib.eof
        return b"".join(parts)

    def _feed_zstd(self, chunk: bytes) -> bytes:
        parts = []
        try:
            for start in range(0, len(chunk), ZSTD_SLICE):
                if self._done:
                    raise DamagedError  # bytes after the end of the frame
                parts.append(self._count(self._zstd.decompress(chunk[start:start + ZSTD_SLICE])))
                self._done = self._zstd.eof
        except zstandard.ZstdError as exc:
            raise DamagedError from exc
        return b"".join(parts)

    def finish(self) -> None:
        """Damaged when a compressed stream has not reached its end."""
        if self.encoding != IDENTITY and not self._done:
            raise DamagedError

"""Undo a response body's Content-Encoding (gzip, deflate, br, zstd) as a stream that stops at a
size limit, so a body read back from a WARC file gets the bound a download gets
(`DOWNLOAD_MAXSIZE`): a compression bomb costs the limit in memory, never its decoded size.

warcio cannot be used for this: it decodes a body whole, and its brotli decoder sets
`unused_data` on a `brotli.Decompressor` (`warcio/bufferedreaders.py`, `try_brotli_init`),
which brotli >= 1.1 refuses with AttributeError, so every br body failed to import.
"""
from __future__ import annotations

import itertools
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO

try:
    import brotli
except ImportError:  # PyPy installs Scrapy with brotlicffi, the same API
    try:
        import brotlicffi as brotli
    except ImportError:
        brotli = None
try:
    if sys.version_info >= (3, 14):
        from compression import zstd
    else:
        from backports import zstd
except ImportError:
    zstd = None

#: Most bytes one step of a decoder produces: what a bomb can cost beyond the limit.
CHUNK = 1 << 16
GZIP_WBITS = 16 + zlib.MAX_WBITS
GZIP_MAGIC = b"\x1f\x8b"

Chunks = Iterable[bytes]


class BodyTooLarge(ValueError):
    """The decoded body is larger than the size limit."""


class UndecodableBody(ValueError):
    """The body is not valid data of its Content-Encoding, or the encoding is unknown."""


def read_decoded(stream: IO[bytes], content_encoding: str | None, max_size: int) -> bytes:
    """The body in `stream` with its Content-Encoding undone (codings applied in order are undone
    in reverse); raises BodyTooLarge once more than `max_size` bytes (0: no limit) come out, and
    UndecodableBody when a coding is unknown or its data is broken."""
    chunks: Chunks = iter(lambda: stream.read(CHUNK), b"")
    codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
    for coding in reversed([c for c in codings if c and c != "identity"]):
        decoder = DECODERS.get(coding)
        if decoder is None:
            raise UndecodableBody(f"unknown Content-Encoding {coding!r}")
        chunks = decoder(chunks)
    body, size = [], 0
    try:
        for chunk in chunks:
            size += len(chunk)
            if max_size and size > max_size:
                raise BodyTooLarge(f"decoded body exceeds DOWNLOAD_MAXSIZE ({max_size} bytes)")
            body.append(chunk)
    except DECODER_ERRORS as exc:
        raise UndecodableBody(f"broken {content_encoding} data: {exc}") from exc
    return b"".join(body)


def _zlib(chunks: Chunks, wbits: int) -> Iterator[bytes]:
    """zlib, gzip or raw deflate data, CHUNK bytes of output at a time. Bytes after the end are
    ignored, except that a gzip body may hold several members (as browsers and Scrapy read it);
    a body cut short gives what it holds, as a download would."""
    decompressor = zlib.decompressobj(wbits)
    for data in chunks:
        while data:
            yield decompressor.decompress(data, CHUNK)
            data = decompressor.unconsumed_tail
            if decompressor.eof:
                data = decompressor.unused_data
                if not data.startswith(GZIP_MAGIC) or wbits != GZIP_WBITS:
                    return
                decompressor = zlib.decompressobj(wbits)
    while out := decompressor.decompress(b"", CHUNK):
        yield out


def _gzip(chunks: Chunks) -> Iterator[bytes]:
    return _zlib(chunks, GZIP_WBITS)


def _deflate(chunks: Chunks) -> Iterator[bytes]:
    """`deflate` is zlib-wrapped by the standard, raw deflate from some servers: the header tells."""
    chunks = iter(chunks)
    first = next(chunks, b"")
    wrapped = len(first) >= 2 and (first[0] & 0x0F) == 8 and (first[0] << 8 | first[1]) % 31 == 0
    yield from _zlib(itertools.chain([first], chunks), zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)


def _brotli(chunks: Chunks) -> Iterator[bytes]:
    decompressor = brotli.Decompressor()
    for data in chunks:
        yield decompressor.process(data, output_buffer_limit=CHUNK)
        while not decompressor.can_accept_more_data():
            yield decompressor.process(b"", output_buffer_limit=CHUNK)
        if decompressor.is_finished():
            return
    while not decompressor.is_finished() and (out := decompressor.process(b"", output_buffer_limit=CHUNK)):
        yield out


def _zstd(chunks: Chunks) -> Iterator[bytes]:
    """One or more zstd frames (concatenated frames are one valid stream)."""
    decompressor = zstd.ZstdDecompressor()
    for data in chunks:
        while data:
            yield decompressor.decompress(data, CHUNK)
            data = b""
            while not decompressor.needs_input and not decompressor.eof:
                yield decompressor.decompress(b"", CHUNK)
            if decompressor.eof:
                data = decompressor.unused_data
                decompressor = zstd.ZstdDecompressor()


DECODERS: dict[str, Callable[[Chunks], Iterator[bytes]]] = {
    "gzip": _gzip, "x-gzip": _gzip, "deflate": _deflate,
    **({"br": _brotli} if brotli else {}), **({"zstd": _zstd} if zstd else {}),
}
DECODER_ERRORS: tuple[type[Exception], ...] = (
    zlib.error, *((brotli.error,) if brotli else ()), *((zstd.ZstdError,) if zstd else ()),
)

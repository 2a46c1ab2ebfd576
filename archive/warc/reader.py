"""Read HTTP responses back out of WARC files, fanwire's own or another crawler's (wget
`--warc-file`, Heritrix, Browsertrix), as the downloader would have handed them to the spider:
de-chunked and decompressed, with the date they were fetched and where their capture lies.

A capture is a response or revisit record with the records that follow it and name it in
`WARC-Concurrent-To` (fanwire writes request and metadata records there; the metadata fields,
such as a page's sitemap lastmod, come with the capture). An `identical-payload-digest` revisit
gets its body from the record it refers to, found among the records read before it.

Bodies are decoded here, not by warcio (see `archive.warc.decoding`), within the crawl's own
size limit. A file that cannot be read whole (not a WARC file, truncated, a damaged record) is
read as far as it goes and named in `CaptureReader.damaged`, so an import can say so and leave it
to be imported again.
"""
from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import timezone
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import iso_date_to_datetime

from archive.warc.decoding import CHUNK, BodyTooLarge, UndecodableBody, read_decoded
from archive.warc.records import CaptureRef, warc_fields

#: Headers that describe the transfer, not the page: the bodies handed on are already decoded.
DECODED_HEADERS = {"content-encoding", "transfer-encoding"}
#: Record types that never hold a page: not worth counting as skipped.
BOOKKEEPING_RECORDS = {"warcinfo", "request", "metadata"}
#: Bytes of a metadata record read: fanwire's hold a few short fields.
METADATA_LIMIT = 1 << 16


@dataclass
class Capture:
    """One HTTP response as recorded: what the spider needs, and where it is in its file."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: str
    ref: CaptureRef
    record_id: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class Unreadable:
    """An HTTP response whose body could not be had: `kind` is too_large or undecodable."""

    url: str
    kind: str
    detail: str


class DamagedRecord(ValueError):
    """The file ends inside a record."""


class CaptureReader:
    """Iterate the captures of WARC files in order; `advance(n)` is told of every n bytes read.

    Records that are not HTTP responses, revisits of 304s (`revisit_server-not-modified`: no body
    to import) and revisits whose original is not among the files are counted in `skipped`;
    responses whose body decodes to more than `max_size` bytes (0: no limit) or does not decode
    come as `Unreadable`. Files not read whole are in `damaged`, with the reason in one line."""

    def __init__(self, paths: list[Path], advance: Callable[[int], None] = lambda n: None, max_size: int = 0) -> None:
        self.paths = paths
        self.advance = advance
        self.max_size = max_size
        self.skipped: Counter[str] = Counter()
        self.damaged: dict[str, str] = {}
        self.originals: dict[str, CaptureRef] = {}  # record id and payload digest -> the response's place

    def __iter__(self) -> Iterator[Capture | Unreadable]:
        for path in self.paths:
            yield from self._read(path)

    def _read(self, path: Path) -> Iterator[Capture | Unreadable]:
        """The captures of one file, as far as it can be read; stops at the first record that
        cannot be parsed (warcio fails on damaged input with whatever its parser meets:
        ArchiveLoadFailed, AttributeError, ValueError...), after yielding what came before it."""
        pending: Capture | Unreadable | None = None
        read = whole = last = 0
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            try:
                for record in records:
                    offset = last = records.offset  # where this record starts; read before the record is consumed
                    check_length(record, offset)
                    concurrent = isinstance(pending, Capture) and \
                        record.rec_headers.get_header("WARC-Concurrent-To") == pending.record_id
                    if concurrent and record.rec_type == "metadata":
                        pending.fields |= warc_fields(record.content_stream().read(METADATA_LIMIT))
                    capture = None if concurrent else self._capture(record, CaptureRef(str(path.resolve()), offset, 0))
                    end = offset + records.get_record_length()
                    self.advance(end - read)
                    read = end
                    if getattr(record.raw_stream, "limit", 0) > 0:  # in a gzip member of its own, the next may be whole
                        self.damaged.setdefault(str(path), f"the record at byte {offset} is cut short (Content-Length "
                                                           f"{record.length}, {record.raw_stream.limit} bytes missing)")
                        continue
                    whole += 1
                    if concurrent:
                        pending.ref = replace(pending.ref, length=end - pending.ref.offset)
                        continue
                    if pending is not None:
                        yield pending
                    pending = capture
                    if isinstance(capture, Capture):
                        capture.ref = replace(capture.ref, length=end - offset)
                if pending is not None:
                    yield pending
                pending = None
                self._check_end(path, stream, records.offset, last)
            except Exception as exc:  # noqa: BLE001 - see the docstring; reported, never silent
                if pending is not None:
                    yield pending
                self.damaged.setdefault(str(path), describe_damage(path, exc, whole, records.offset))

    def _check_end(self, path: Path, stream: IO[bytes], end: int, last: int) -> None:
        """Raise when the file goes on after its last whole record, or (gzip) when that record's
        gzip member has lost its end: a file cut short mid-record reads as a shorter file."""
        size = path.stat().st_size
        if end < size:
            raise DamagedRecord(f"truncated: the {size - end} bytes after the last whole record (at byte {end}) "
                                "are not a whole record")
        stream.seek(last)
        if stream.read(2) == b"\x1f\x8b":
            stream.seek(last)
            try:
                with gzip.GzipFile(fileobj=stream) as member:
                    while member.read(CHUNK):
                        pass
            except EOFError as exc:
                raise DamagedRecord(f"truncated: the gzip member of the last record (at byte {last}) is cut short") from exc

    def _capture(self, record: ArcWarcRecord, place: CaptureRef) -> Capture | Unreadable | None:
        """The record as a capture, when it is an HTTP response (Unreadable when its body cannot be had)."""
        http = record.http_headers
        if record.rec_type not in ("response", "revisit") or http is None or not http.protocol.startswith("HTTP"):
            if record.rec_type not in BOOKKEEPING_RECORDS:
                self.skipped[f"{record.rec_type}_record"] += 1
            return None
        headers = record.rec_headers
        record_id = headers.get_header("WARC-Record-ID")
        url = headers.get_header("WARC-Target-URI").strip("<>")
        if record.rec_type == "response":
            self.originals[record_id] = place
            digest = headers.get_header("WARC-Payload-Digest")
            if digest:
                self.originals.setdefault(digest, place)
        try:
            body = self._body(record) if record.rec_type == "response" else self._original_body(record)
        except (BodyTooLarge, UndecodableBody) as exc:
            kind = "too_large" if isinstance(exc, BodyTooLarge) else "undecodable"
            self.skipped[kind] += 1
            return Unreadable(url, kind, str(exc))
        if body is None:
            return None
        fetched = iso_date_to_datetime(headers.get_header("WARC-Date")).replace(tzinfo=timezone.utc, microsecond=0)
        return Capture(
            url=url,
            status=int(http.get_statuscode()),
            headers=[(k, v) for k, v in http.headers if k.lower() not in DECODED_HEADERS],
            body=body,
            fetched_at=fetched.isoformat(),
            ref=place,
            record_id=record_id,
        )

    def _body(self, record: ArcWarcRecord) -> bytes:
        """The HTTP body, de-chunked and decoded, within `max_size`."""
        stream = record.raw_stream
        if (record.http_headers.get_header("Transfer-Encoding") or "").lower() == "chunked":
            stream = ChunkedDataReader(stream)
        return read_decoded(stream, record.http_headers.get_header("Content-Encoding"), self.max_size)

    def _original_body(self, revisit: ArcWarcRecord) -> bytes | None:
        headers = revisit.rec_headers
        profile = headers.get_header("WARC-Profile", "")
        if not profile.endswith("identical-payload-digest"):
            self.skipped[f"revisit_{profile.rsplit('/', 1)[-1] or 'without_profile'}"] += 1
            return None
        place = (self.originals.get(headers.get_header("WARC-Refers-To", ""))
                 or self.originals.get(headers.get_header("WARC-Payload-Digest", "")))
        if place is None:
            self.skipped["original_missing"] += 1
            return None
        with open(place.file, "rb") as stream:
            stream.seek(place.offset)
            return self._body(next(iter(ArchiveIterator(stream))))


def check_length(record: ArcWarcRecord, offset: int) -> None:
    """Raise ArchiveLoadFailed when the record declares no length: warcio reads such a record as
    empty, and reads any line of five words as an ARC record header (a line of HTML or noise)."""
    declared = record.rec_headers.get_header("length" if record.format == "arc" else "Content-Length")
    if not (declared or "").strip().isdigit():
        raise ArchiveLoadFailed(f"the record at byte {offset} has no valid length: {declared!r}")


def describe_damage(path: Path, exc: Exception, whole: int, offset: int) -> str:
    """Why a file was not read whole (`exc` raised at byte `offset`, after `whole` records), in one line."""
    if isinstance(exc, DamagedRecord):
        return str(exc)
    if whole == 0 and isinstance(exc, ArchiveLoadFailed):
        with open(path, "rb") as f:
            return f"not a WARC file (it starts with {f.read(24)!r})"
    reason = " ".join(str(exc).split())[:200]
    return f"truncated or damaged at byte {offset}, after {whole} whole records ({type(exc).__name__}: {reason})"

"""Read HTTP responses back out of WARC files, fanwire's own or another crawler's (wget
`--warc-file`, Heritrix, Browsertrix), as the downloader would have handed them to the spider:
de-chunked and decompressed, with the date they were fetched and where their capture lies.

A capture is a response or revisit record with the records that follow it and name it in
`WARC-Concurrent-To` (fanwire writes request and metadata records there; the metadata fields,
such as a page's sitemap lastmod, come with the capture). An `identical-payload-digest` revisit
gets its body from the record it refers to, found among the records read before it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import iso_date_to_datetime

from scraper.warc import CaptureRef

#: Headers that describe the transfer, not the page: the bodies handed on are already decoded.
DECODED_HEADERS = {"content-encoding", "transfer-encoding"}
#: Record types that never hold a page: not worth counting as skipped.
BOOKKEEPING_RECORDS = {"warcinfo", "request", "metadata"}


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


class CaptureReader:
    """Iterate the captures of WARC files in order; `advance(n)` is told of every n bytes read.

    Records that are not HTTP responses, revisits of 304s (`revisit_server-not-modified`: no body
    to import) and revisits whose original is not among the files are counted in `skipped`."""

    def __init__(self, paths: list[Path], advance: Callable[[int], None] = lambda n: None) -> None:
        self.paths = paths
        self.advance = advance
        self.skipped: Counter[str] = Counter()
        self.originals: dict[str, CaptureRef] = {}  # record id and payload digest -> the response's place

    def __iter__(self) -> Iterator[Capture]:
        for path in self.paths:
            yield from self._read(path)

    def _read(self, path: Path) -> Iterator[Capture]:
        pending: Capture | None = None
        read = 0
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                offset = records.offset  # where this record starts; read before the record is consumed
                concurrent = pending is not None and \
                    record.rec_headers.get_header("WARC-Concurrent-To") == pending.record_id
                if concurrent and record.rec_type == "metadata":
                    pending.fields |= warc_fields(record.content_stream().read())
                capture = None if concurrent else self._capture(record, CaptureRef(str(path.resolve()), offset, 0))
                end = offset + records.get_record_length()
                self.advance(end - read)
                read = end
                if concurrent:
                    pending.ref = replace(pending.ref, length=end - pending.ref.offset)
                    continue
                if pending is not None:
                    yield pending
                pending = capture
                if capture is not None:
                    capture.ref = replace(capture.ref, length=end - offset)
        if pending is not None:
            yield pending

    def _capture(self, record: ArcWarcRecord, place: CaptureRef) -> Capture | None:
        """The record as a capture, when it is an HTTP response whose body can be had."""
        http = record.http_headers
        if record.rec_type not in ("response", "revisit") or http is None or not http.protocol.startswith("HTTP"):
            if record.rec_type not in BOOKKEEPING_RECORDS:
                self.skipped[f"{record.rec_type}_record"] += 1
            return None
        headers = record.rec_headers
        record_id = headers.get_header("WARC-Record-ID")
        if record.rec_type == "revisit":
            body = self._original_body(record)
            if body is None:
                return None
        else:
            try:
                body = record.content_stream().read()
            except Exception:  # a body that does not decode as its headers say is skipped, not fatal
                self.skipped["undecodable"] += 1
                return None
            self.originals[record_id] = place
            digest = headers.get_header("WARC-Payload-Digest")
            if digest:
                self.originals.setdefault(digest, place)
        fetched = iso_date_to_datetime(headers.get_header("WARC-Date")).replace(tzinfo=timezone.utc, microsecond=0)
        return Capture(
            url=headers.get_header("WARC-Target-URI").strip("<>"),
            status=int(http.get_statuscode()),
            headers=[(k, v) for k, v in http.headers if k.lower() not in DECODED_HEADERS],
            body=body,
            fetched_at=fetched.isoformat(),
            ref=place,
            record_id=record_id,
        )

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
            return next(iter(ArchiveIterator(stream))).content_stream().read()


def warc_fields(block: bytes) -> dict[str, str]:
    """`name: value` lines of an application/warc-fields block."""
    lines = block.decode("utf-8", "replace").splitlines()
    return {name.strip(): value.strip() for name, sep, value in (line.partition(":") for line in lines) if sep}

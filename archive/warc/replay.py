"""A WARC export to hand to a replay tool (pywb, ReplayWeb.page): every capture of the archived
articles, each 304 revisit resolved into the page it confirmed.

A recrawl asks for an unchanged page with its validators and gets a 304, recorded as a
`server-not-modified` revisit without a body. pywb replays a revisit whose status is 3xx as it
is (ukwa/ukwa-pywb#40), so the latest view of an unchanged article would be an empty 304. Here
such a revisit becomes an `identical-payload-digest` revisit of the URL's previous 2xx capture,
with that capture's status and HTTP headers: replay tools show the page as the server confirmed
it at that date. Everything else is copied byte for byte.

1. Find the WARC files: every `*.warc.gz` in the directories that hold the articles' captures.
2. Index their capture groups: a response or revisit and the records after it that name it in
   `WARC-Concurrent-To` (fanwire's request and metadata records).
3. Keep the groups of the articles' URLs in date order; resolve each 304 to the URL's latest
   2xx before it (dropped when there is none); bring along the response every kept revisit
   refers to.
4. Write them in date order (an original before its revisits) after a warcinfo record; a
   resolved group's request and metadata records are retargeted at its new record id.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordbuilder import RecordBuilder
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import iso_date_to_datetime
from warcio.warcwriter import WARCWriter

from archive.connect import open_readonly
from archive.warc.export import MISSING_SQL
from archive.warc.records import PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED, read_span

#: The page URLs of the articles of one site (or of every site), with the file of their capture.
PAGES_SQL = """
SELECT p.url, p.warc_file FROM articles a JOIN pages p ON p.url = a.source_url
WHERE (:site IS NULL OR a.site = :site) AND p.warc_file IS NOT NULL
"""
#: Record types that start a capture group.
CAPTURE_TYPES = ("response", "revisit")


@dataclass
class Group:
    """One capture group: where its records are, and what resolving it needs to know."""

    file: str
    offset: int
    length: int
    uri: str
    record_id: str
    date: str
    profile: str
    refers_to: str | None
    digest: str | None
    http: StatusAndHeaders | None
    followers: list[tuple[int, int]] = field(default_factory=list)  # (offset, length) of its other records

    @property
    def ok(self) -> bool:
        """A 2xx capture: a page to show."""
        return self.http is not None and self.http.get_statuscode().startswith("2")

    @property
    def not_modified(self) -> bool:
        return self.profile == PROFILE_NOT_MODIFIED


@dataclass
class ReplayExport:
    """What a replay export wrote: capture groups, 304s resolved and dropped, articles without a capture."""

    captures: int = 0
    resolved: int = 0
    unresolved: int = 0
    missing: int = 0


def export_replay(db: str | Path, out: IO[bytes], site: str | None = None, filename: str = "") -> ReplayExport:
    """Write every capture of the articles of `site` (all sites when None) to `out` as one
    replay-ready WARC file (named `filename` in its warcinfo)."""
    with closing(open_readonly(db)) as conn:
        pages = conn.execute(PAGES_SQL, {"site": site}).fetchall()
        result = ReplayExport(missing=conn.execute(MISSING_SQL, {"site": site}).fetchone()[0])
    urls = {url for url, _ in pages}
    files = sorted({f for d in {Path(file).parent for _, file in pages} for f in d.glob("*.warc.gz")})
    groups = sorted((g for path in files for g in _groups(path, urls)), key=lambda g: iso_date_to_datetime(g.date))
    by_id = {g.record_id: g for g in groups}
    chosen = _choose(groups, urls, result)
    needed = {id(g) for g, _ in chosen}
    for group, earlier in chosen:
        original = by_id.get((earlier or group).refers_to or "") or earlier
        if original is not None:
            needed.add(id(original))
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": "fanwire export --replay", "format": "WARC File Format 1.1",
        "description": f"every capture of the archived articles of {site or 'every site'} in {Path(db).name}, "
                       "304 revisits resolved to identical-payload revisits of the capture they confirmed",
    }))
    repeats = {id(g): e for g, e in chosen if e is not None}
    for group in groups:
        if id(group) not in needed:
            continue
        earlier = repeats.get(id(group))
        if earlier is None:
            out.write(read_span(group.file, group.offset, group.length))
        else:
            _write_resolved(writer, out, group, by_id.get(earlier.refers_to or "") or earlier, earlier)
        result.captures += 1
    return result


def _choose(groups: list[Group], urls: set[str], result: ReplayExport) -> list[tuple[Group, Group | None]]:
    """The groups of `urls` (step 3), each with, for a 304, the URL's latest 2xx capture before it."""
    latest: dict[str, Group] = {}
    chosen: list[tuple[Group, Group | None]] = []
    for group in groups:
        if group.uri not in urls:
            continue
        if group.not_modified:
            earlier = latest.get(group.uri)
            if earlier is None:
                result.unresolved += 1
                continue
            chosen.append((group, earlier))
            result.resolved += 1
        else:
            chosen.append((group, None))
            if group.ok:
                latest[group.uri] = group
    return chosen


def _groups(path: Path, urls: set[str]) -> Iterator[Group]:
    """The capture groups of one file; HTTP headers are kept only for the captures of `urls`."""
    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        group: Group | None = None
        for record in records:
            headers = record.rec_headers
            offset, length = records.get_record_offset(), records.get_record_length()
            if record.rec_type in CAPTURE_TYPES:
                if group is not None:
                    yield group
                uri = headers.get_header("WARC-Target-URI")
                group = Group(str(path), offset, length, uri, headers.get_header("WARC-Record-ID"),
                              headers.get_header("WARC-Date"), headers.get_header("WARC-Profile", ""),
                              headers.get_header("WARC-Refers-To"), headers.get_header("WARC-Payload-Digest"),
                              record.http_headers if uri in urls else None)
            elif group is not None and headers.get_header("WARC-Concurrent-To") == group.record_id:
                group.followers.append((offset, length))
                group.length = offset + length - group.offset
            elif group is not None:
                yield group
                group = None
        if group is not None:
            yield group


def _write_resolved(writer: WARCWriter, out: IO[bytes], group: Group, original: Group, shown: Group) -> None:
    """A 304's group as an identical-payload revisit of `original`, with the headers of `shown`
    (the URL's latest 2xx capture: `original` itself, or a revisit of it)."""
    headers = {"WARC-Date": group.date, "WARC-Profile": PROFILE_IDENTICAL, "WARC-Refers-To": original.record_id,
               "WARC-Refers-To-Target-URI": original.uri, "WARC-Refers-To-Date": original.date,
               "WARC-Payload-Digest": original.digest or shown.digest}
    http = StatusAndHeaders(shown.http.statusline, list(shown.http.headers), protocol=shown.http.protocol)
    record = RecordBuilder(warc_version="1.1").create_warc_record(
        group.uri, "revisit", http_headers=http, warc_headers_dict=headers)
    writer.write_record(record)
    new_id = record.rec_headers.get_header("WARC-Record-ID")
    for offset, length in group.followers:
        out.write(_retarget(read_span(group.file, offset, length), group.record_id, new_id))


def _retarget(member: bytes, old: str, new: str) -> bytes:
    """A gzipped record naming `new` instead of `old` in `WARC-Concurrent-To`; its block, and so
    its length and digests, unchanged."""
    head, sep, block = gzip.decompress(member).partition(b"\r\n\r\n")
    head = head.replace(f"WARC-Concurrent-To: {old}".encode(), f"WARC-Concurrent-To: {new}".encode())
    return gzip.compress(head + sep + block)

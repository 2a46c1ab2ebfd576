"""The export of the captures behind a slice of the archive as one WARC file.

Pages record where their capture is (`warc_file`, `warc_offset`, `warc_length`: a response or
revisit record and the records that follow it). An export copies those bytes as they are, each
record being its own gzip member, after a warcinfo record saying what the slice is; a revisit
that only refers to an identical payload brings the capture it refers to along.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.connect import open_readonly
from archive.warc.records import read_span

#: The captures of the articles of one site (or of every site), in article order.
CAPTURES_SQL = """
SELECT p.warc_file, p.warc_offset, p.warc_length FROM articles a JOIN pages p ON p.url = a.source_url
WHERE (:site IS NULL OR a.site = :site) AND p.warc_file IS NOT NULL ORDER BY a.id
"""
MISSING_SQL = """
SELECT count(*) FROM articles a LEFT JOIN pages p ON p.url = a.source_url
WHERE (:site IS NULL OR a.site = :site) AND p.warc_file IS NULL
"""


def export_captures(db: str | Path, out: IO[bytes], site: str | None = None, filename: str = "") -> tuple[int, int]:
    """Write the captures of the articles of `site` (all sites when None) to `out` as one WARC
    file (named `filename` in its warcinfo); returns (captures written, articles without a capture)."""
    with closing(open_readonly(db)) as conn:
        places = conn.execute(CAPTURES_SQL, {"site": site}).fetchall()
        missing = conn.execute(MISSING_SQL, {"site": site}).fetchone()[0]
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": "fanwire export", "format": "WARC File Format 1.1",
        "description": f"captures of the archived articles of {site or 'every site'} in {Path(db).name}",
    }))
    written: set[tuple[str, int]] = set()
    for file, offset, length in places:
        for place in [*_originals(file, offset), (file, offset, length)]:
            if place[:2] not in written:
                written.add(place[:2])
                out.write(read_span(*place))
    return len(places), missing


def _originals(file: str, offset: int) -> Iterator[tuple[str, int, int]]:
    """The place of the response an identical-payload revisit at (file, offset) refers to, if any."""
    with open(file, "rb") as f:
        f.seek(offset)
        record = next(iter(ArchiveIterator(f)))
        refers_to = record.rec_headers.get_header("WARC-Refers-To")
        if record.rec_type != "revisit" or not refers_to or "identical-payload" not in \
                record.rec_headers.get_header("WARC-Profile", ""):
            return
    for path in sorted(Path(file).parent.glob("*.warc.gz")):
        with open(path, "rb") as f:
            records = ArchiveIterator(f)
            for candidate in records:
                if candidate.rec_headers.get_header("WARC-Record-ID") == refers_to:
                    yield str(path), records.offset, records.get_record_length()
                    return

"""`fanwire import-warc` against hostile and broken WARC files, built here from demo-world pages
(warcio's WARCWriter for the well-formed parts, raw bytes for the broken ones) and imported by
`python -m fanwire import-warc` in a subprocess: compressed captures of every Content-Encoding,
a deflate bomb, a truncated file, files that are not WARC, a record with an absurd Content-Length."""
from __future__ import annotations

import gzip
import io
import os
import re
import sqlite3
import sys
import zlib
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from backports import zstd
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from fanwire.demo import DemoWorld
from tests.helpers import fanwire, run

#: Enough canonical articles for every test below.
WORLD = DemoWorld(seed=7, articles_per_site=4)
#: Decoded size of the bomb: well over the RSS bound, so decoding it whole cannot pass unseen.
BOMB_BYTES = 400 * 1024 * 1024
#: Peak RSS the import may reach while it meets the bomb (Scrapy, trafilatura and the pipelines
#: take about half of it).
MAX_RSS_MB = 300
#: Runs a command and prints the peak RSS (kB) of the largest process it waited for.
PEAK_RSS = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""
ENCODERS = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
    "zstd": zstd.compress,
    "gzip, br": lambda body: brotli.compress(gzip.compress(body)),
}


def articles(n: int) -> list[dict]:
    """`n` canonical demo articles: url, title and the page as the demo server sends it."""
    rows = [t for t in WORLD.truth() if t["kind"] == "article" and t["status"] == 200 and not t["variant"]]
    assert len(rows) >= n
    out = []
    for row in rows[:n]:
        parts = urlsplit(row["url"])
        page = WORLD.serve(parts.netloc, parts.path + (f"?{parts.query}" if parts.query else ""))
        out.append({"url": row["url"], "title": row["title"], "html": page.body})
    return out


def write_warc(path: Path, captures: list[tuple[str, bytes, str | None]], compress: bool = True) -> Path:
    """A WARC file of HTML responses (url, body as sent, Content-Encoding), one gzip member per record."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=compress)
        for url, body, encoding in captures:
            headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
            if encoding:
                headers.append(("Content-Encoding", encoding))
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return path


def plain(pages: list[dict]) -> list[tuple[str, bytes, None]]:
    return [(p["url"], p["html"], None) for p in pages]


def query(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def titles(db: Path) -> set[tuple[str, str]]:
    return set(query(db, "SELECT url, title FROM articles"))


def error_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr[-3000:]
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def offsets(path: Path) -> list[tuple[int, int]]:
    """(offset, length) of every record of a well-formed WARC file."""
    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        return [(records.offset, records.get_record_length()) for _ in records]


@pytest.mark.parametrize("encoding", list(ENCODERS))
def test_captures_of_every_content_encoding_import(tmp_path, encoding):
    pages = articles(3)
    warc = write_warc(tmp_path / "encoded.warc.gz", [(p["url"], ENCODERS[encoding](p["html"]), encoding) for p in pages])
    db = tmp_path / "a.db"
    result = fanwire("import-warc", "--db", str(db), str(warc))
    assert result.returncode == 0, result.stderr[-3000:]
    assert titles(db) == {(p["url"], p["title"]) for p in pages}
    assert "undecodable" not in result.stderr and not query(db, "SELECT * FROM crawl_errors")


def deflate_bomb(size: int) -> Iterator[bytes]:
    """`size` zero bytes deflated, produced a MB at a time: a couple of MB on disk."""
    compressor, zeros = zlib.compressobj(1), bytes(1 << 20)
    for _ in range(size // len(zeros)):
        yield compressor.compress(zeros)
    yield compressor.flush()


def test_a_deflate_bomb_stops_at_the_download_limit_in_bounded_memory(tmp_path):
    pages = articles(2)
    bomb_url = pages[0]["url"].rsplit("/", 2)[0] + "/bomb/"
    bomb = b"".join(deflate_bomb(BOMB_BYTES))
    assert len(bomb) < BOMB_BYTES // 100
    warc = write_warc(tmp_path / "bomb.warc.gz", [plain(pages)[0], (bomb_url, bomb, "deflate"), plain(pages)[1]])
    db = tmp_path / "a.db"
    result = run([sys.executable, "-c", PEAK_RSS, sys.executable, "-m", "fanwire", "import-warc", "--db", str(db),
                  str(warc)])
    peak_kb, code = map(int, result.stdout.split())
    assert code == 0, result.stderr[-3000:]
    assert peak_kb < MAX_RSS_MB * 1024, f"peak RSS {peak_kb // 1024} MB"
    assert titles(db) == {(p["url"], p["title"]) for p in pages}
    (kind, detail), = query(db, f"SELECT kind, detail FROM crawl_errors WHERE url = '{bomb_url}'")
    assert kind == "too_large" and "8388608" in detail  # DOWNLOAD_MAXSIZE
    assert "not pages: 1 too_large" in result.stderr
    assert query(db, "SELECT path FROM warc_imports") == [(str(warc),)]


def test_a_truncated_file_is_reported_and_can_be_imported_whole_later(tmp_path):
    pages = articles(6)
    whole = write_warc(tmp_path / "whole.warc.gz", plain(pages))
    last, length = offsets(whole)[-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:last + length // 2])
    db = tmp_path / "a.db"

    result = fanwire("import-warc", "--db", str(db), str(cut))
    assert result.returncode == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"Error: {cut}: ") and "truncated" in line and "not recorded as imported" in line
    assert titles(db) == {(p["url"], p["title"]) for p in pages[:-1]}  # what was whole is kept
    assert query(db, "SELECT * FROM warc_imports") == []

    again = fanwire("import-warc", "--db", str(db), str(cut))  # not recorded, so read again: nothing changes
    assert again.returncode == 1 and titles(db) == {(p["url"], p["title"]) for p in pages[:-1]}

    result = fanwire("import-warc", "--db", str(db), str(whole))
    assert result.returncode == 0, result.stderr[-3000:]
    assert titles(db) == {(p["url"], p["title"]) for p in pages}
    assert query(db, "SELECT path FROM warc_imports") == [(str(whole),)]
    count = query(db, "SELECT count(*) FROM articles")
    result = fanwire("import-warc", "--db", str(db), str(whole))
    assert result.returncode == 0 and "nothing new to import" in result.stderr
    assert query(db, "SELECT count(*) FROM articles") == count


@pytest.mark.parametrize("name, content", [
    ("page.html", b"<!DOCTYPE html><html><head><title>Not a WARC</title></head><body><p>Hello</p></body></html>"),
    ("noise.warc.gz", os.urandom(4096)),
])
def test_a_file_that_is_not_warc_is_one_clear_error(tmp_path, name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    db = tmp_path / "a.db"
    result = fanwire("import-warc", "--db", str(db), str(bad))
    assert result.returncode == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"Error: no HTTP responses in {bad}: not a WARC file")
    assert query(db, "SELECT count(*) FROM articles") == [(0,)] and query(db, "SELECT * FROM warc_imports") == []


def test_a_bad_file_among_good_ones_does_not_stop_the_others(tmp_path):
    pages = articles(2)
    good = write_warc(tmp_path / "good.warc.gz", plain(pages))
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"<html><body>a saved page, not a WARC file</body></html>")
    db = tmp_path / "a.db"
    result = fanwire("import-warc", "--db", str(db), str(bad), str(good))
    assert result.returncode == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"Error: {bad}: not a WARC file") and str(good) not in line
    assert titles(db) == {(p["url"], p["title"]) for p in pages}
    assert query(db, "SELECT path FROM warc_imports") == [(str(good),)]


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_a_record_with_an_absurd_content_length_is_a_damaged_record(tmp_path, compress):
    pages = articles(3)
    source = write_warc(tmp_path / "source.warc", plain(pages), compress=False)
    records = [source.read_bytes()[offset:offset + length + 4] for offset, length in offsets(source)]  # + CRLF CRLF
    records[1] = re.sub(rb"Content-Length: \d+", b"Content-Length: 99999999999", records[1], count=1)
    warc = tmp_path / ("absurd.warc.gz" if compress else "absurd.warc")
    warc.write_bytes(b"".join(gzip.compress(r) if compress else r for r in records))
    db = tmp_path / "a.db"
    result = fanwire("import-warc", "--db", str(db), str(warc))
    assert result.returncode == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"Error: {warc}: ") and "Content-Length 99999999999" in line
    # uncompressed, the record swallows the rest of the file; in its own gzip member, only itself
    kept = [pages[0], pages[2]] if compress else [pages[0]]
    assert titles(db) == {(p["url"], p["title"]) for p in kept}
    assert query(db, "SELECT * FROM warc_imports") == []

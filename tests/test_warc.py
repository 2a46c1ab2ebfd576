"""WARC capture and import, end to end: the demo world crawled with `--warc` through Scrapy's
engine, the files checked with warcio, the archive rebuilt from them with no network, a WARC
written by wget imported, and the captures behind a site exported."""
from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.store import decompress_html
from scraper.warc import PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED
from archive.warc.records import warc_fields
from tests.helpers import fanwire, run

WARCIO = str(Path(sys.executable).parent / "warcio")
#: Small enough that the demo crawl fills several files, so rotation is exercised.
MAX_SIZE = 100_000
#: A proxy nothing listens on: an import that tried to fetch anything would fail.
DEAD_PROXY = "http://127.0.0.1:9"


@dataclass
class WarcCrawl:
    db: Path
    files: list[Path]
    stats: dict


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def records(source: Path | IO[bytes]) -> list[dict]:
    """Every record of a WARC file (or stream): its WARC headers, HTTP status and payload."""
    with (open(source, "rb") if isinstance(source, Path) else nullcontext(source)) as f:
        return [{"type": record.rec_type, **dict(record.rec_headers.headers),
                 "status": record.http_headers.get_statuscode() if record.http_headers else None,
                 "http": {k.lower(): v for k, v in record.http_headers.headers} if record.http_headers else {},
                 "payload": record.content_stream().read()} for record in ArchiveIterator(f)]


def article_snapshot(db: Path) -> dict:
    """What must survive a rebuild: article URLs with text hashes, stories, tags, aliases, captures."""
    return {
        "articles": set(query(db, "SELECT url, content_hash, title, published FROM articles")),
        "stories": {frozenset(json.loads(r[0])) for r in
                    query(db, "SELECT json_group_array(url) FROM articles GROUP BY story_id")},
        "tags": set(query(db, "SELECT a.url, t.series_id, t.season FROM article_series t "
                              "JOIN articles a ON a.id = t.article_id")),
        "aliases": set(query(db, "SELECT u.url, a.url FROM url_aliases u JOIN articles a ON a.id = u.article_id")),
        "captures": set(query(db, "SELECT url, warc_file, warc_offset, warc_length FROM pages")),
    }


@pytest.fixture(scope="module")
def warc_crawl(world, server, tmp_path_factory) -> WarcCrawl:
    base = tmp_path_factory.mktemp("warc")
    db, warc_dir = base / "crawled.db", base / "warc"
    result = fanwire("crawl", *world.start_urls(), "--db", str(db), "--warc", str(warc_dir),
                     "-s", f"FANWIRE_WARC_MAX_SIZE={MAX_SIZE}", proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr[-3000:]
    (stats,), = query(db, "SELECT stats FROM crawls")
    return WarcCrawl(db, sorted(warc_dir.glob("*.warc.gz")), json.loads(stats))


@pytest.fixture(scope="module")
def rebuilt(warc_crawl, server, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    db = tmp_path_factory.mktemp("rebuilt") / "rebuilt.db"
    server.reset_log()
    result = fanwire("import-warc", "--db", str(db), *map(str, warc_crawl.files), proxy=DEAD_PROXY)
    assert result.returncode == 0, result.stderr[-3000:]
    assert server.requests() == []
    return db, result


def test_every_file_passes_warcio_check_and_starts_with_warcinfo(warc_crawl):
    assert len(warc_crawl.files) > 1, "the size limit should have rotated the files"
    for path in warc_crawl.files:
        check = run([WARCIO, "check", str(path)])
        assert check.returncode == 0, check.stdout + check.stderr
        index = run([WARCIO, "index", str(path)])
        assert index.returncode == 0 and index.stdout.count("\n") == len(records(path))
        info = records(path)[0]
        assert info["type"] == "warcinfo" and info["WARC-Filename"] == path.name
        fields = warc_fields(info["payload"])
        assert fields["software"].startswith("fanwire/")
        assert fields["isPartOf"] == f"fanwire crawl {warc_crawl.stats['fanwire/crawl_id']}"
        assert json.loads(fields["fanwire-settings"])["FANWIRE_WARC_MAX_SIZE"] == str(MAX_SIZE)
    assert all(p.stat().st_size >= MAX_SIZE for p in warc_crawl.files[:-1])


def test_one_response_or_revisit_record_per_response_scrapy_received(warc_crawl):
    every = [r for path in warc_crawl.files for r in records(path)]
    kinds = [r["type"] for r in every]
    received = warc_crawl.stats["downloader/response_count"]
    assert kinds.count("response") + kinds.count("revisit") == received
    assert kinds.count("request") == kinds.count("metadata") == received
    assert warc_crawl.stats["fanwire/warc/records/response"] == kinds.count("response")
    metadata = [warc_fields(r["payload"]) for r in every if r["type"] == "metadata"]
    assert {m["crawl-id"] for m in metadata} == {str(warc_crawl.stats["fanwire/crawl_id"])}


def test_identical_payloads_are_revisits_of_the_first_capture(warc_crawl):
    every = {r["WARC-Record-ID"]: r for path in warc_crawl.files for r in records(path)}
    revisits = [r for r in every.values() if r["type"] == "revisit"]
    assert revisits
    for revisit in revisits:
        assert revisit["WARC-Profile"] == PROFILE_IDENTICAL and revisit["payload"] == b""
        original = every[revisit["WARC-Refers-To"]]
        assert original["type"] == "response" and original["payload"]
        assert original["WARC-Payload-Digest"] == revisit["WARC-Payload-Digest"]
        assert original["WARC-Target-URI"] == revisit["WARC-Refers-To-Target-URI"]


def test_each_archived_page_points_at_its_capture(warc_crawl):
    pages = query(warc_crawl.db, "SELECT url, html, warc_file, warc_offset, warc_length FROM pages")
    assert pages and all(p[2] for p in pages)
    for url, html, file, offset, length in pages:
        with open(file, "rb") as f:
            f.seek(offset)
            group = records(io.BytesIO(f.read(length)))
        assert group[0]["type"] in ("response", "revisit")
        assert group[0]["WARC-Target-URI"] == url
        assert [r["type"] for r in group[1:]] == ["request", "metadata"]
        if group[0]["type"] == "response":
            assert group[0]["payload"] == decompress_html(html)


def test_rebuild_from_the_warc_files_has_the_same_articles_without_network(warc_crawl, rebuilt):
    db, result = rebuilt
    crawled, imported = article_snapshot(warc_crawl.db), article_snapshot(db)
    assert crawled["articles"] and crawled["tags"] and len(crawled["stories"]) < len(crawled["articles"])
    assert imported == crawled
    assert "not pages:" in result.stderr and "status_404" in result.stderr


def test_importing_twice_changes_nothing(warc_crawl, rebuilt):
    db, _ = rebuilt
    before = _dump(db)
    result = fanwire("import-warc", "--db", str(db), *map(str, warc_crawl.files), proxy=DEAD_PROXY)
    assert result.returncode == 0, result.stderr
    assert "nothing new to import" in result.stderr
    assert _dump(db) == before
    assert query(db, "SELECT count(*) FROM warc_imports") == [(len(warc_crawl.files),)]


def _dump(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return list(conn.iterdump())


#: A spider that fetches a page, then asks for it again with its ETag in If-None-Match.
CONDITIONAL_SPIDER = '''
import scrapy


class Conditional(scrapy.Spider):
    name = "conditional"
    custom_settings = {"HTTPERROR_ALLOWED_CODES": [304]}

    async def start(self):
        yield scrapy.Request(URL, callback=self.again)

    def again(self, response):
        headers = {"If-None-Match": response.headers["ETag"].decode()}
        yield scrapy.Request(URL, headers=headers, callback=self.done, dont_filter=True)

    def done(self, response):
        self.crawler.stats.set_value("conditional/status", response.status)
'''


def test_a_304_is_a_server_not_modified_revisit_of_the_earlier_capture(server, truth, tmp_path):
    url = next(u for u, t in truth.items() if t["kind"] == "article" and t["status"] == 200 and not t["variant"])
    spider = tmp_path / "conditional.py"
    spider.write_text(f"URL = {url!r}\n" + CONDITIONAL_SPIDER)
    result = run([sys.executable, "-m", "scrapy", "runspider", str(spider), "-s", f"FANWIRE_WARC={tmp_path / 'warc'}",
                  "-s", f"FANWIRE_DB={tmp_path / 'c.db'}"], proxy=server.proxy_url)
    assert result.returncode == 0 and "'conditional/status': 304" in result.stderr, result.stderr[-3000:]
    (path,) = (tmp_path / "warc").glob("*.warc.gz")
    assert run([WARCIO, "check", str(path)]).returncode == 0
    page = [r for r in records(path) if r.get("WARC-Target-URI") == url]
    first, revisit = [r for r in page if r["type"] in ("response", "revisit")]
    assert (first["type"], first["status"], revisit["type"], revisit["status"]) == ("response", "200", "revisit", "304")
    assert revisit["WARC-Profile"] == PROFILE_NOT_MODIFIED
    assert revisit["WARC-Refers-To"] == first["WARC-Record-ID"]
    assert revisit["WARC-Refers-To-Target-URI"] == revisit["WARC-Target-URI"] == url
    conditional = [r for r in page if r["type"] == "request"][1]
    assert conditional["http"]["if-none-match"] == first["http"]["etag"]
    assert conditional["WARC-Concurrent-To"] == revisit["WARC-Record-ID"]


def test_export_warc_holds_the_captures_of_one_site(warc_crawl, tmp_path):
    site = "sakura-shinbun.test"
    out = tmp_path / "site.warc.gz"
    result = fanwire("export", "--db", str(warc_crawl.db), "--format", "warc", "--site", site, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert run([WARCIO, "check", str(out)]).returncode == 0
    exported = records(out)
    assert exported[0]["type"] == "warcinfo"
    pages = {r[0] for r in query(warc_crawl.db, "SELECT p.url FROM articles a JOIN pages p ON p.url = a.source_url "
                                                "WHERE a.site = ?", site)}
    captured = {r["WARC-Target-URI"] for r in exported if r["type"] in ("response", "revisit")}
    assert pages <= captured and {u.split("/")[2] for u in captured} == {site}
    db = tmp_path / "site.db"
    assert fanwire("import-warc", "--db", str(db), str(out), proxy=DEAD_PROXY).returncode == 0
    assert set(query(db, "SELECT url, content_hash FROM articles")) == \
        set(query(warc_crawl.db, "SELECT url, content_hash FROM articles WHERE site = ?", site))


def test_a_file_without_responses_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    result = fanwire("import-warc", "--db", str(tmp_path / "x.db"), str(path))
    assert result.returncode == 1 and f"no HTTP responses in {path}" in result.stderr


def test_export_warc_takes_only_a_site_slice(warc_crawl):
    result = fanwire("export", "--db", str(warc_crawl.db), "--format", "warc", "--series", "Frieren")
    assert result.returncode == 2 and "choose them with --site" in result.stderr
    result = fanwire("export", "--db", str(warc_crawl.db), "--format", "warc", "--since", "2024-01-01")
    assert result.returncode == 2 and "choose them with --site" in result.stderr


def wget() -> str:
    """wget's path; `.ci/run` installs it, so on CI its absence is a failure, not a skip."""
    path = shutil.which("wget")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("wget is missing: .ci/run should have installed it")
        pytest.skip("wget is not installed (apt-get install -y wget)")
    return path


def test_a_warc_written_by_wget_imports_cleanly(crawl, server, tmp_path):
    site = "cel-shade.test"
    result = run([wget(), "--quiet", "--recursive", "--level=3", "--adjust-extension", "-e", "robots=on",
                  f"--warc-file={tmp_path / 'wget'}", "--directory-prefix", str(tmp_path / "mirror"), f"http://{site}/"],
                 proxy=server.proxy_url)
    assert result.returncode in (0, 8), result.stderr  # 8: a planted dead link answered 404
    db = tmp_path / "wget.db"
    result = fanwire("import-warc", "--db", str(db), str(tmp_path / "wget.warc.gz"), proxy=DEAD_PROXY)
    assert result.returncode == 0, result.stderr[-3000:]
    imported = set(query(db, "SELECT url, content_hash, title FROM articles"))
    assert imported and imported == set(query(crawl.db, "SELECT url, content_hash, title FROM articles "
                                                        "WHERE site = ?", site))
    assert query(db, "SELECT kind, url FROM crawl_errors") == [("empty", f"http://{site}/empty/")]
    assert "2 resource_record" in result.stderr  # wget's log and arguments, counted, not imported

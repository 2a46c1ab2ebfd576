"""Replay in a real replay tool: the demo world crawled twice with `--warc` (the second crawl
re-checks every article and gets 304s), exported with `fanwire export --format warc --replay`,
indexed by pywb's `wb-manager` and served by its `wayback` on 127.0.0.1. A reader who opens an
article's latest capture sees the article, not the empty 304 the raw crawl files replay as."""
from __future__ import annotations

import html
import re
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from scraper.warc import PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED
from tests.helpers import fanwire, run
from tests.pywb_server import add_collection, fetch, mementos, wayback

WARCIO = str(Path(sys.executable).parent / "warcio")
#: A proxy nothing listens on: an import that tried to fetch anything would fail.
DEAD_PROXY = "http://127.0.0.1:9"
#: Charsets the demo world's pages come in.
PAGE_CHARSETS = ("utf-8", "shift_jis", "cp932", "euc-jp", "cp1252")


@dataclass
class Recrawled:
    db: Path
    warc_files: list[Path]
    export: Path
    articles: list[tuple[str, str]]  # (page URL, title)
    recrawled_at: str  # when the second crawl started, as a 14-digit WARC timestamp


def query(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def revisit_profiles(path: Path) -> list[str]:
    with open(path, "rb") as f:
        return [r.rec_headers.get_header("WARC-Profile") for r in ArchiveIterator(f) if r.rec_type == "revisit"]


def shows(body: bytes, title: str) -> bool:
    """The page holds the title, in whichever charset the site served it (the demo world serves
    Shift_JIS, and cp1252 labelled UTF-8), as text or HTML-escaped."""
    forms = {title, html.escape(title, quote=False), title.encode("ascii", "xmlcharrefreplace").decode()}
    for charset in PAGE_CHARSETS:
        for form in forms:
            try:
                if form.encode(charset) in body:
                    return True
            except UnicodeEncodeError:
                continue
    return False


@pytest.fixture(scope="module")
def recrawled(world, server, tmp_path_factory) -> Recrawled:
    """Two crawls into one archive and WARC directory, then the replay export."""
    base = tmp_path_factory.mktemp("replay")
    db, warc_dir = base / "archive.db", base / "warc"
    first = fanwire("crawl", *world.start_urls(), "--db", str(db), "--warc", str(warc_dir), proxy=server.proxy_url)
    assert first.returncode == 0, first.stderr[-3000:]
    articles = query(db, "SELECT source_url, title FROM articles ORDER BY id")
    second = fanwire("crawl", *(url for url, _ in articles), "--db", str(db), "--warc", str(warc_dir),
                     proxy=server.proxy_url)
    assert second.returncode == 0, second.stderr[-3000:]
    export = base / "replay.warc.gz"
    result = fanwire("export", "--db", str(db), "--format", "warc", "--replay", "-o", str(export))
    assert result.returncode == 0, result.stderr
    assert f"{len(articles)} not-modified revisits resolved" in result.stderr
    (started,), = query(db, "SELECT max(started_at) FROM crawls")
    return Recrawled(db, sorted(warc_dir.glob("*.warc.gz")), export, articles, re.sub(r"\D", "", started)[:14])


@pytest.fixture(scope="module")
def pywb(recrawled, tmp_path_factory):
    """pywb with two collections: `replay` (the export) and `raw` (the crawls' own files)."""
    root = tmp_path_factory.mktemp("pywb")
    add_collection(root, "replay", [recrawled.export])
    add_collection(root, "raw", recrawled.warc_files)
    with wayback(root) as base:
        yield base


def test_the_second_crawl_recorded_a_304_revisit_of_every_article(recrawled):
    latest = recrawled.warc_files[-1]
    assert revisit_profiles(latest).count(PROFILE_NOT_MODIFIED) >= len(recrawled.articles)


def test_every_articles_latest_capture_replays_with_its_title(recrawled, pywb):
    for url, title in recrawled.articles:
        latest, _ = mementos(pywb, "replay", url)[-1]
        assert re.search(r"/(\d{14})mp_/", latest)[1] >= recrawled.recrawled_at, latest
        status, body = fetch(latest)
        assert status == 200, (url, status)
        assert shows(body, title), url


def test_the_raw_crawl_files_replay_the_latest_capture_as_an_empty_304(recrawled, pywb):
    url, title = recrawled.articles[0]
    captures = mementos(pywb, "raw", url)
    status, body = fetch(captures[-1][0])
    assert status == 304 and not shows(body, title)
    assert fetch(captures[0][0])[0] == 200


def test_the_replay_export_passes_warcio_check_and_imports_the_same_articles(recrawled, tmp_path):
    assert run([WARCIO, "check", str(recrawled.export)]).returncode == 0
    profiles = revisit_profiles(recrawled.export)
    assert PROFILE_NOT_MODIFIED not in profiles and profiles.count(PROFILE_IDENTICAL) >= len(recrawled.articles)
    db = tmp_path / "imported.db"
    result = fanwire("import-warc", "--db", str(db), str(recrawled.export), proxy=DEAD_PROXY)
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(query(db, "SELECT url, content_hash FROM articles")) == \
        set(query(recrawled.db, "SELECT url, content_hash FROM articles"))


def test_replay_goes_with_the_warc_format(recrawled):
    result = fanwire("export", "--db", str(recrawled.db), "--replay")
    assert result.returncode == 2 and "--replay goes with --format warc" in result.stderr

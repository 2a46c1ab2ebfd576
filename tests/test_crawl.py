"""End to end: the demo world crawled through Scrapy's engine into a real SQLite archive."""
from __future__ import annotations

import json
import sqlite3
import sys
import urllib.request
from contextlib import closing
from datetime import datetime

import pytest

from archive.store import decompress_html
from pipelines.pool import ExtractionPool

from tests.helpers import ROOT, fanwire, run


def query(db, sql, *params):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def canonical_articles(truth):
    return [t for t in truth.values() if t["kind"] == "article" and not t["variant"] and t["status"] == 200]


def archived_urls(db) -> set[str]:
    rows = query(db, "SELECT url FROM articles UNION SELECT canonical_url FROM articles UNION SELECT url FROM url_aliases")
    return {r[0] for r in rows if r[0]}


def test_every_article_is_archived_once(crawl, truth):
    expected = {t["url"] for t in canonical_articles(truth)}
    assert expected <= archived_urls(crawl.db)
    assert query(crawl.db, "SELECT count(*) FROM articles") == [(len(expected),)]


def test_no_listing_or_other_page_is_stored_as_an_article(crawl, truth):
    for url, source in query(crawl.db, "SELECT url, source_url FROM articles"):
        assert truth[source]["kind"] == "article", source


def test_robots_rules_are_obeyed_and_robots_discovery_is_used(crawl, truth):
    requested = {f"http://{host}{path}" for host, path, _ in crawl.requests}
    disallowed = {t["url"] for t in truth.values() if t["fault"] == "disallowed"}
    assert disallowed and not disallowed & requested
    assert {"http://akiba-dispatch.test/sitemap_index.xml", "http://akiba-dispatch.test/post-sitemap.xml",
            "http://akiba-dispatch.test/feed/", "http://sakura-shinbun.test/atom.xml"} <= requested


def test_stays_on_the_start_hosts(crawl, world):
    hosts = {site.host for site in world.sites}
    assert {host for host, _, _ in crawl.requests} <= hosts


def test_tracking_variants_are_not_fetched(crawl):
    assert not [p for _, p, _ in crawl.requests if "utm_" in p or "replytocom" in p]


def test_bad_pages_are_logged_recorded_and_the_crawl_goes_on(crawl, truth):
    errors = {url: kind for kind, url in query(crawl.db, "SELECT kind, url FROM crawl_errors")}
    faults = {t["url"]: t["fault"] for t in truth.values() if t["fault"]}
    expected_kind = {"dead_link": "http_error", "server_error": "http_error", "binary": "binary", "empty": "empty"}
    for url, fault in faults.items():
        if fault in expected_kind:
            assert errors.get(url) == expected_kind[fault], url
            assert url in crawl.stderr
    (finished, stats), = query(crawl.db, "SELECT finished_at, stats FROM crawls")
    stats = json.loads(stats)
    assert finished and stats["finish_reason"] == "finished"
    assert stats["fanwire/skipped/binary"] == stats["fanwire/skipped/empty"] == 1
    assert stats["fanwire/errors/http_error"] == sum(f in ("dead_link", "server_error") for f in faults.values())


def test_redirects_become_aliases(crawl, truth):
    aliases = dict(query(crawl.db, "SELECT a.url, r.url FROM url_aliases a JOIN articles r ON r.id = a.article_id"))
    redirects = [t for t in truth.values() if t["fault"] == "redirect"]
    assert redirects
    for t in redirects:
        final = t["location"]
        while truth[final]["kind"] != "article":
            final = truth[final]["location"]
        assert aliases[t["url"]] == final


def test_metadata_matches_the_truth(crawl, truth):
    rows = query(crawl.db, "SELECT url, title, author, published, lang FROM articles")
    for url, title, author, published, lang in rows:
        t = truth[url]
        assert (title, author, lang) == (t["title"], t["author"], t["lang"]), url
        assert datetime.fromisoformat(published) == datetime.fromisoformat(t["published"]), url


def test_text_keeps_every_paragraph_and_decodes_every_charset(crawl, truth):
    for url, text in query(crawl.db, "SELECT url, text FROM articles"):
        assert "\ufffd" not in text, url
        for paragraph in truth[url]["body"].split("\n\n"):
            assert paragraph in text, (url, paragraph)
    (bad_charset,) = [t["url"] for t in canonical_articles(truth) if t["fault"] == "bad_charset"]
    assert "Pokémon" in query(crawl.db, "SELECT text FROM articles WHERE url = ?", bad_charset)[0][0]
    japanese = query(crawl.db, "SELECT count(*) FROM articles WHERE site = 'sakura-shinbun.test' AND lang = 'ja'")
    assert japanese == [(len([t for t in canonical_articles(truth) if t["host"] == "sakura-shinbun.test"]),)]


DEMO_CHROME = ("See Related Post", "Share:", "Copy link", "covers anime news", "Leave a Comment", "Scroll to Top",
               "Popular posts", "Posted in", "関連記事", "Copyright")


def test_text_has_none_of_the_sites_chrome(crawl):
    for url, text in query(crawl.db, "SELECT url, text FROM articles"):
        assert not [c for c in DEMO_CHROME if c in text], url


def test_site_templates_are_learned_and_stored(crawl, world):
    rows = dict(query(crawl.db, "SELECT site, pages FROM site_templates"))
    assert set(rows) == {site.host for site in world.sites}
    assert all(pages >= 8 for pages in rows.values())


def test_raw_html_is_stored_compressed_and_exact(crawl, server):
    (url, blob), = query(crawl.db, "SELECT url, html FROM pages WHERE url LIKE 'http://sakura-shinbun.test/news/%' LIMIT 1")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
    with opener.open(url) as resp:
        served = resp.read()
    assert decompress_html(blob) == served and len(blob) < len(served)


def test_archive_is_wal_and_searchable(crawl):
    assert query(crawl.db, "PRAGMA journal_mode") == [("wal",)]
    hits = query(crawl.db, "SELECT a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                           "WHERE articles_fts MATCH ? ", "Pokémon")
    assert hits


def test_recrawl_stores_nothing_twice_nor_requests_known_aliases(crawl, world, server, tmp_path):
    db = tmp_path / "again.db"
    for _ in range(2):
        aliases = {r[0] for r in query(db, "SELECT url FROM url_aliases")} if db.exists() else set()
        server.reset_log()
        result = fanwire("crawl", *world.start_urls(), "--db", str(db), proxy=server.proxy_url)
        assert result.returncode == 0, result.stderr[-2000:]
    assert aliases and not aliases & {f"http://{host}{path}" for host, path, _ in server.requests()}
    assert "fanwire: 0 new" in result.stderr
    assert query(db, "SELECT count(*) FROM articles") == query(crawl.db, "SELECT count(*) FROM articles")
    assert query(db, "SELECT count(*) FROM crawls WHERE finished_at IS NOT NULL") == [(2,)]


@pytest.mark.parametrize("how", ["site", "sites"])
def test_scrapy_crawl_command_with_site_arguments(how, server, truth, tmp_path):
    db = tmp_path / "cel.db"
    arg = "site=http://cel-shade.test/"
    if how == "sites":
        listing = tmp_path / "sites.txt"
        listing.write_text("# one URL per line\nhttp://cel-shade.test/\n")
        arg = f"sites={listing}"
    result = run([sys.executable, "-m", "scrapy", "crawl", "fansite", "-a", arg, "-s", f"FANWIRE_DB={db}"],
                 proxy=server.proxy_url, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    cel = {t["url"] for t in canonical_articles(truth) if t["host"] == "cel-shade.test"}
    assert {r[0] for r in query(db, "SELECT url FROM articles")} == cel


def test_extraction_processes_give_the_same_archive_as_inline_extraction(crawl, world, server, tmp_path):
    """The session crawl extracts in a process pool (the default); extracting in the crawl's own
    thread must store the very same articles, texts and learned templates."""
    db = tmp_path / "inline.db"
    result = fanwire("crawl", *world.start_urls(), "--db", str(db), "-s", "FANWIRE_EXTRACT_PROCESSES=0",
                     proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"Extracting in {ExtractionPool.default_size()} processes" in crawl.stderr
    assert "Extracting in the crawl's thread" in result.stderr
    sql = "SELECT url, title, author, published, content_hash FROM articles ORDER BY url"
    assert query(db, sql) == query(crawl.db, sql)
    assert query(db, "SELECT site, pages FROM site_templates ORDER BY site") == \
        query(crawl.db, "SELECT site, pages FROM site_templates ORDER BY site")

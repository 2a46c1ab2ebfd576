"""Issue 14, items 8, 9 and 12: a crawl's work is bounded per page, per sitemap, per URL family and
per site, its memory stays under 600 MB on a site built to flood it, and every request Scrapy
would drop silently (too long, too deep) is recorded."""
from __future__ import annotations

import gzip
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from scraper.budget import FamilyBudget
from scraper.links import bounded_selector, page_links
from scraper.middlewares import ParsedHtmlResponse
from scraper.sitemaps import read_sitemap
from tests.flood_site import (ARTICLES, FLOOD_LINKS, HOST, LONG_URL, ROOT, flood_page, flood_site, huge_sitemap,
                              sitemap_index, urlset)
from tests.helpers import ROOT as REPO
from tests.helpers import fanwire
from tests.proctree import PeakRss
from tests.proxy_site import Answer, ProxySite, serve

DEFAULTS = Settings()
DEFAULTS.setmodule("scraper.settings")
MB = 2**20


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


# Sitemaps: read in bounded work

def test_sitemap_index_and_urlset_gzipped_or_not():
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>http://news.test/post-sitemap.xml</loc><lastmod>2025-01-02</lastmod></sitemap></sitemapindex>"""
    plain = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc> http://news.test/a/ </loc><lastmod>2025-01-01T10:00:00+00:00</lastmod></url>
        <url><loc>http://news.test/b/</loc></url><url><lastmod>2025-01-01</lastmod></url></urlset>"""
    read = read_sitemap(index, 10, MB)
    assert (read.kind, read.entries, read.cut) == ("sitemapindex", [("http://news.test/post-sitemap.xml", "2025-01-02")], None)
    for body in (plain, gzip.compress(plain)):
        read = read_sitemap(body, 10, MB)
        assert (read.kind, read.cut) == ("urlset", None)
        assert read.entries == [("http://news.test/a/", "2025-01-01T10:00:00+00:00"), ("http://news.test/b/", None)]


def test_a_million_url_sitemap_is_read_only_up_to_the_entry_limit():
    read = read_sitemap(huge_sitemap(), 50_000, 50 * MB)
    assert read.kind == "urlset" and len(read.entries) == 50_000
    assert read.entries[-1] == (f"{ROOT}/huge/49999/", None)
    assert "FANWIRE_SITEMAP_MAX_URLS" in read.cut


def test_a_sitemap_is_read_only_up_to_the_size_limit():
    read = read_sitemap(sitemap_index(), 50_000, 100_000)
    assert read.kind == "sitemapindex" and 0 < len(read.entries) < 2_000
    assert "FANWIRE_SITEMAP_MAX_SIZE" in read.cut


def test_broken_or_hostile_sitemaps_give_what_came_before():
    truncated = gzip.compress(urlset(["http://a.test/1", "http://a.test/2"]))[:-12]
    assert read_sitemap(truncated, 10, MB).entries == [("http://a.test/1", None), ("http://a.test/2", None)]
    xxe = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           b"<urlset><url><loc>http://a.test/&e;</loc></url></urlset>")
    assert read_sitemap(xxe, 10, MB).entries == [("http://a.test/", None)]
    assert read_sitemap(b"<html><body>not a sitemap</body></html>", 10, MB).entries == []
    assert read_sitemap(b"", 10, MB).entries == []


# Links: at most FANWIRE_MAX_LINKS_PER_PAGE per page, and a small tree for a page of 200,000

def test_links_stop_at_the_limit_in_document_order():
    page = HtmlResponse(f"{ROOT}/p/", encoding="utf-8", body=b"""<html><head><base href="http://flood.test/news/">
        </head><body><a href="a/">A</a><a href=" a/ ">again</a><area href="b/"><a>no href</a>
        <a href="http://[bad">bogus</a><a href="c/">C</a></body></html>""")
    assert page_links(page, 3) == (["http://flood.test/news/a/", "http://flood.test/news/b/",
                                    "http://flood.test/news/c/"], False)
    assert page_links(page, 2) == (["http://flood.test/news/a/", "http://flood.test/news/b/"], True)


def test_links_resolve_against_their_own_page_whatever_other_pages_resolved():
    """Resolved links are remembered across pages (`scraper.links`): a relative link still means
    another URL on another page, a root path and a full URL the same one."""
    body = b'<a href="next/">n</a><a href="/tag/a/">t</a><a href="HTTP://Flood.test/x">x</a><a href="../up/">u</a>'
    first = page_links(HtmlResponse("http://flood.test/2024/one/", body=body, encoding="utf-8"), 10).urls
    second = page_links(HtmlResponse("http://flood.test/2025/two/", body=body, encoding="utf-8"), 10).urls
    other_site = page_links(HtmlResponse("http://other.test/2025/two/", body=body, encoding="utf-8"), 10).urls
    assert first == ["http://flood.test/2024/one/next/", "http://flood.test/tag/a/", "http://flood.test/x",
                     "http://flood.test/2024/up/"]
    assert second == ["http://flood.test/2025/two/next/", "http://flood.test/tag/a/", "http://flood.test/x",
                      "http://flood.test/2025/up/"]
    assert other_site[:2] == ["http://other.test/2025/two/next/", "http://other.test/tag/a/"]


def test_a_flood_page_is_parsed_without_the_links_past_the_limit():
    page = HtmlResponse(f"{ROOT}/flood/", body=flood_page(), encoding="utf-8")
    selector = bounded_selector(page, 1000)
    assert len(selector.xpath("//a")) == 1001  # the one past the limit shows the page had more
    assert selector.xpath("//title/text()").get() == "Everything"
    assert type(selector.root) is type(page.selector.root)  # what page classification and extraction read
    bounded = ParsedHtmlResponse(page.url, body=page.body, encoding="utf-8", parsed=selector)
    assert page_links(bounded, 1000) == page_links(page, 1000)
    assert page_links(page, 1000).urls[-1] == f"{ROOT}/flood/999"


# URL families: a family that only fails is closed once; one that spent its budget too

def test_a_family_that_only_fails_is_closed_once():
    budget = FamilyBudget(max_urls=100, failed_pages=3)
    for n in range(2):
        assert budget.take(f"{ROOT}/flood/{n}")
        budget.failed(f"{ROOT}/flood/{n}")
    budget.answered(f"{ROOT}/flood/x")  # a success starts the count again
    for n in range(2, 5):
        budget.failed(f"{ROOT}/flood/{n}")
    assert budget.is_failing(f"{ROOT}/flood/99") and not budget.take(f"{ROOT}/flood/99")
    assert not budget.is_failing(f"{ROOT}/news/story/")
    (row,) = budget.closed_items()
    assert (row.kind, row.url) == ("trap", f"{ROOT}/flood/4")
    assert "FANWIRE_FAILED_FAMILY_PAGES" in row.detail
    budget.failed(f"{ROOT}/flood/5")
    assert budget.closed_items() == []


def test_a_family_gets_at_most_its_budget_of_requests():
    budget = FamilyBudget(max_urls=2, failed_pages=3)
    assert [budget.take(f"{ROOT}/huge/{n}/") for n in range(4)] == [True, True, False, False]
    assert not budget.is_failing(f"{ROOT}/huge/0/")  # the two taken are still downloaded
    (row,) = budget.closed_items()
    assert "FANWIRE_MAX_FAMILY_URLS" in row.detail


# proctree: the memory of a process and its children

def test_peak_rss_counts_the_children():
    code = ("import subprocess, sys, time; a = bytearray(60 * 2**20); "
            "subprocess.run([sys.executable, '-c', 'import time; b = bytearray(60 * 2**20); time.sleep(1.5)'])")
    proc = subprocess.Popen([sys.executable, "-c", code])
    sampler = PeakRss(proc.pid, interval=0.05)
    sampler.start()
    proc.wait()
    sampler.join()
    assert sampler.peak > 120 * MB


# Extraction processes: light to start, and back down after a huge page

def test_extraction_processes_load_no_scrapy_and_no_sqlite_utils():
    """What a spawned extraction process imports to unpickle its tasks: not the crawl's stack."""
    code = ("import sys; import pipelines.extractor, pipelines.pool; "
            "heavy = ('scrapy', 'twisted', 'itemadapter', 'sqlite_utils', 'datasketch'); "
            "print(sorted(m for m in heavy if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_worker_gives_back_the_memory_of_a_huge_page():
    code = ("import os, sys; from pipelines.extractor import extract_task; from pipelines.pool import run_then_trim; "
            "from tests.flood_site import article, big_page, paragraphs; from tests.proctree import rss; "
            "args = ('http://flood.test/x/', 'text/html', None, 'flood.test', frozenset()); "
            "run_then_trim(extract_task, article('Frieren', paragraphs('Frieren')).encode(), *args); "
            "before = rss(os.getpid()); "
            "run_then_trim(extract_task, big_page(), *args); print(before, rss(os.getpid()))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    before, after = map(int, result.stdout.split())
    assert after - before < 15 * MB, f"{(after - before) / MB:.0f} MB kept"


# The flood site, crawled

@pytest.fixture(scope="module")
def flood_crawl(tmp_path_factory):
    """A crawl of tests/flood_site.py with the default settings, its process tree's RSS sampled."""
    site = flood_site()
    db = tmp_path_factory.mktemp("flood") / "archive.db"
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    with serve(site) as proxy:
        env["http_proxy"] = proxy
        proc = subprocess.Popen([sys.executable, "-m", "fanwire", "crawl", f"{ROOT}/", "--db", str(db)],
                                cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sampler = PeakRss(proc.pid)
        sampler.start()
        try:
            _, stderr = proc.communicate(timeout=300)
        finally:
            proc.kill()
        sampler.join()
    assert proc.returncode == 0, stderr[-3000:]
    return db, site, stderr, sampler.peak


def test_flood_crawl_holds_under_600_mb(flood_crawl):
    _, _, _, peak = flood_crawl
    assert 0 < peak <= 600 * MB, f"{peak / MB:.0f} MB"


def test_flood_crawl_finishes_within_a_bounded_number_of_requests(flood_crawl):
    """Each document that exists once, and per family that only fails (`/flood/N`, `/huge/N/`,
    `/sitemaps/part-N.xml`) the failures that close it plus what was in flight meanwhile. (The
    one real child sitemap may be among those never read: the articles it lists are linked.)"""
    _, site, stderr, _ = flood_crawl
    documents = ["/robots.txt", "/", "/flood/", "/big/", "/sitemap_index.xml", "/sitemap-huge.xml.gz",
                 "/sitemaps/part-0.xml", *(url.removeprefix(ROOT) for url in ARTICLES)]
    failing_families = 3
    per_family = DEFAULTS.getint("FANWIRE_FAILED_FAMILY_PAGES") + DEFAULTS.getint("CONCURRENT_REQUESTS")
    requested = site.requested()
    assert len(requested) <= len(documents) + failing_families * per_family, len(requested)
    assert {f"{ROOT}{path}" for path in documents if "part-0" not in path} <= set(requested)
    assert len([u for u in requested if "/flood/" in u]) <= 1 + per_family < FLOOD_LINKS
    assert "'finish_reason': 'finished'" in stderr
    assert re.search(r"'fanwire/reactor/max_stall_ms': \d+", stderr)


def test_flood_crawl_archives_every_article(flood_crawl):
    db, _, _, _ = flood_crawl
    archived = {url for (url,) in query(db, "SELECT url FROM articles")}
    assert {*ARTICLES, f"{ROOT}/big/"} <= archived


def test_each_flood_is_recorded_once(flood_crawl):
    db, _, _, _ = flood_crawl
    rows = query(db, "SELECT kind, url, detail FROM crawl_errors")
    kinds = [kind for kind, _, _ in rows]
    assert [(url, "FANWIRE_MAX_LINKS_PER_PAGE" in detail) for kind, url, detail in rows
            if kind == "link_flood"] == [(f"{ROOT}/flood/", True)]
    assert sorted(url for kind, url, _ in rows if kind == "sitemap_flood") == [f"{ROOT}/sitemap-huge.xml.gz",
                                                                            f"{ROOT}/sitemap_index.xml"]
    traps = [detail.split(" closed: ")[0] for kind, _, detail in rows if kind == "trap"]
    assert sorted(traps) == [f"{HOST}/flood/2?", f"{HOST}/huge/2?", f"{HOST}/sitemaps/2?"]
    assert kinds.count("http_error") <= 3 * DEFAULTS.getint("FANWIRE_FAILED_FAMILY_PAGES")


def test_a_url_too_long_is_recorded_not_requested(flood_crawl):
    db, site, _, _ = flood_crawl
    (row,) = query(db, "SELECT url, detail FROM crawl_errors WHERE kind = 'url_too_long'")
    assert row[0] == LONG_URL and "URLLENGTH_LIMIT" in row[1]
    assert not [u for u in site.requested() if "long-story" in u]


# Drops Scrapy would make silently: too deep, too long (capped per family), disallowed by robots.txt

DROPS = "drops.test"


def drops_site() -> ProxySite:
    site = ProxySite()
    root = f"http://{DROPS}"
    long_links = "".join(f'<a href="/story-{n}/?token={"y" * 3000}">{n}</a>' for n in range(5))
    site.add(f"{root}/robots.txt", Answer("User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    site.add(f"{root}/", Answer(f'<html><body><a href="/section/">Section</a><a href="/private/x/">Private</a>'
                                f"{long_links}</body></html>"))
    site.add(f"{root}/section/", Answer('<html><body><a href="/section/deeper/">Deeper</a></body></html>'))
    return site


def test_requests_scrapy_would_drop_are_recorded_and_counted(tmp_path):
    site = drops_site()
    db = tmp_path / "archive.db"
    with serve(site) as proxy:
        result = fanwire("crawl", f"http://{DROPS}/", "--db", str(db), "-s", "DEPTH_LIMIT=1",
                         "-s", "FANWIRE_SKIP_ROWS_PER_FAMILY=2", proxy=proxy)
    assert result.returncode == 0, result.stderr[-3000:]
    rows = query(db, "SELECT kind, url, detail FROM crawl_errors ORDER BY id")
    assert [url for kind, url, _ in rows if kind == "depth_limit"] == [f"http://{DROPS}/section/deeper/"]
    too_long = [(url, detail) for kind, url, detail in rows if kind == "url_too_long"]
    assert len(too_long) == 3 and "only counted" in too_long[-1][1]
    assert "'fanwire/skipped/url_too_long': 5" in result.stderr
    assert "'fanwire/skipped/depth_limit': 1" in result.stderr
    assert "'fanwire/skipped/robots_txt': 1" in result.stderr
    requested = site.requested()
    assert not [u for u in requested if "deeper" in u or "story-" in u or "private" in u]

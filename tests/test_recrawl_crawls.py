"""Incremental, polite and resumable crawls, through Scrapy's real engine against a site on
127.0.0.1 whose articles change between crawls (`tests.changing_site`)."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.changing_site import ChangingServer, ChangingSite
from tests.helpers import ROOT, fanwire

UPDATE = "Update: the premiere moved to October after a production delay."


def crawl(server: ChangingServer, db: Path, *settings: str) -> subprocess.CompletedProcess:
    options = [arg for s in settings for arg in ("-s", s)]
    result = fanwire("crawl", server.site.url("/"), "--db", str(db), *options, proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def changing():
    site = ChangingSite()
    site.add(10)
    with ChangingServer(site) as server:
        yield server


def test_recrawl_fetches_only_what_changed_and_keeps_everything(changing, tmp_path):
    site, db = changing.site, tmp_path / "a.db"
    slugs = list(site.articles)
    crawl(changing, db)
    assert query(db, "SELECT count(*) FROM articles") == [(10,)]
    old_text = query(db, "SELECT text FROM articles WHERE url = ?", site.url(f"/{slugs[3]}/"))[0][0]

    new = site.add(2)
    site.edit(slugs[3], UPDATE)
    site.delete(slugs[1], 404)
    site.delete(slugs[6], 410)
    before = len(site.hits)
    crawl(changing, db)
    asked = site.requested(before)
    assert sorted(asked) == sorted(["/robots.txt", "/sitemap.xml", "/", f"/{new[0]}/", f"/{new[1]}/",
                                    f"/{slugs[3]}/", f"/{slugs[1]}/", f"/{slugs[6]}/"])

    assert query(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(12, 12)]
    edited = site.url(f"/{slugs[3]}/")
    assert UPDATE in query(db, "SELECT text FROM articles WHERE url = ?", edited)[0][0]
    assert query(db, "SELECT r.text FROM article_revisions r JOIN articles a ON a.id = r.article_id "
                     "WHERE a.url = ?", edited) == [(old_text,)]
    gone = query(db, "SELECT url FROM articles WHERE gone_at IS NOT NULL ORDER BY url")
    assert gone == sorted([(site.url(f"/{slugs[1]}/"),), (site.url(f"/{slugs[6]}/"),)])
    assert query(db, "SELECT status FROM crawl_errors WHERE crawl_id = 2 ORDER BY status") == [(404,), (410,)]
    assert query(db, "SELECT count(*) FROM article_revisions") == [(1,)]

    before = len(site.hits)
    crawl(changing, db)
    unchanged = {h.path: h.status for h in site.hits[before:]}
    assert unchanged == {"/robots.txt": 200, "/sitemap.xml": 304, "/": 304}
    assert query(db, "SELECT count(*) FROM article_revisions") == [(1,)]


def test_deleted_article_that_returns_is_no_longer_gone(changing, tmp_path):
    site, db = changing.site, tmp_path / "a.db"
    slug = list(site.articles)[2]
    crawl(changing, db)
    site.delete(slug, 410)
    crawl(changing, db)
    assert query(db, "SELECT gone_at IS NOT NULL FROM articles WHERE url = ?", site.url(f"/{slug}/")) == [(1,)]
    site.articles[slug].status = 200
    site.edit(slug, UPDATE)
    crawl(changing, db)
    assert query(db, "SELECT gone_at FROM articles WHERE url = ?", site.url(f"/{slug}/")) == [(None,)]


def test_crawl_delay_retry_after_and_contact_user_agent(tmp_path):
    site = ChangingSite(crawl_delay=0.5)
    slugs = site.add(4)
    site.fail(f"/{slugs[0]}/", 503, {"Retry-After": "2"})
    with ChangingServer(site) as server:
        result = crawl(server, tmp_path / "a.db", "FANWIRE_CONTACT_URL=mailto:archivist@example.org")
    pages = [h for h in site.hits if h.path != "/robots.txt"]
    gaps = [b.at - a.at for a, b in zip(pages, pages[1:])]
    # Arrival times jitter with the machine's load: the whole run takes the delay per request,
    # and at most one gap (one late arrival) is short; without Crawl-delay they come at once.
    assert len(pages) >= 6 and pages[-1].at - pages[0].at >= 0.9 * 0.5 * len(gaps), gaps
    assert sum(gap < 0.3 for gap in gaps) <= 1, gaps
    tries = [h for h in site.hits if h.path == f"/{slugs[0]}/"]
    assert [h.status for h in tries] == [503, 200] and tries[1].at - tries[0].at >= 1.9
    assert query(tmp_path / "a.db", "SELECT count(*) FROM articles") == [(4,)]
    agents = {h.headers.get("User-Agent") for h in site.hits}
    assert len(agents) == 1 and "fanwire" in agents.pop().lower() and "mailto:archivist@example.org" in str(
        [h.headers.get("User-Agent") for h in site.hits])
    assert "Crawl-delay 0.5 s" in result.stderr


def test_a_retry_waiting_for_its_backoff_holds_no_download_slot(tmp_path):
    site = ChangingSite()
    slugs = site.add(12)
    for slug in slugs:
        site.fail(f"/{slug}/", 503, {"Retry-After": "2"})
    with ChangingServer(site) as server:
        # one global slot, and each retry is next out of the queue (LIFO at the same priority)
        crawl(server, tmp_path / "a.db", "CONCURRENT_REQUESTS=1", "AUTOTHROTTLE_ENABLED=False",
              "RETRY_PRIORITY_ADJUST=0")
    first = next(h for h in site.hits if h.status == 503)
    retry = next(h for h in site.hits if h.path == first.path and h.status == 200)
    # A retry sleeping in the downloader would let nothing through for 2 s.
    between = [h for h in site.hits if first.at < h.at < retry.at and h.path != first.path]
    assert retry.at - first.at >= 1.9 and len(between) >= 6, [(h.path, h.status) for h in between]
    assert query(tmp_path / "a.db", "SELECT count(*) FROM articles") == [(12,)]


def test_kill_9_mid_crawl_then_the_same_command_resumes_without_loss_or_duplicates(tmp_path):
    site = ChangingSite(delay=0.1)
    site.add(30)
    with ChangingServer(site) as server:
        whole = tmp_path / "whole.db"
        crawl(server, whole)
        killed, job = tmp_path / "killed.db", tmp_path / "job"
        command = [sys.executable, "-m", "fanwire", "crawl", site.url("/"), "--db", str(killed),
                   "-s", f"JOBDIR={job}", "-s", "FANWIRE_BATCH_SIZE=3"]
        env = {"PATH": "/usr/bin:/bin", "http_proxy": server.proxy_url}
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stored = 0
        try:
            deadline = time.monotonic() + 120
            while stored < 6 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.2)
                if killed.exists():
                    try:  # a reader while the crawl writes (WAL): never blocked, never sees half a batch
                        stored = query(killed, "SELECT count(*) FROM articles")[0][0]
                    except sqlite3.OperationalError:
                        stored = 0
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert 6 <= stored < 30
        resumed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert resumed.returncode == 0, resumed.stderr[-3000:]

    urls = query(whole, "SELECT url FROM articles ORDER BY url")
    assert len(urls) == 30
    assert query(killed, "SELECT url FROM articles ORDER BY url") == urls
    assert query(killed, "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY url HAVING count(*) > 1)") \
        == [(0,)]
    assert query(killed, "PRAGMA integrity_check") == [("ok",)]
    assert query(killed, "SELECT count(*) FROM stories") == query(whole, "SELECT count(*) FROM stories")

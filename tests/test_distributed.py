"""Distributed crawls: workers sharing a queue and seen set in a real redis-server on 127.0.0.1."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing

import pytest
import redis
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from scraper.distributed import RedisScheduler
from tests.changing_site import ChangingServer, ChangingSite
from tests.helpers import ROOT, fanwire
from tests.redis_server import redis_server


@pytest.fixture
def redis_url():
    try:
        with redis_server() as url:
            yield url
    except FileNotFoundError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))


def article_urls(db) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [r[0] for r in conn.execute("SELECT url FROM articles")]


def workers(count: int, redis_url: str, args: list[str], proxy: str) -> list[subprocess.CompletedProcess]:
    """Run `count` `fanwire worker` processes at once, as a user would in `count` terminals."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    env["http_proxy"] = proxy
    procs = [subprocess.Popen([sys.executable, "-m", "fanwire", "worker", "--redis", redis_url, *args], cwd=ROOT,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(count)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=300), *p.communicate()) for p in procs]


def test_two_workers_archive_what_one_worker_does(world, server, crawl, tmp_path, redis_url):
    db = tmp_path / "shared.db"
    server.reset_log()
    # a second apart per site, the demo world outlasts a worker's start-up, so both take from the queue
    paced = ["-s", "DOWNLOAD_DELAY=1"]
    results = workers(2, redis_url, [*world.start_urls(), "--db", str(db), *paced], server.proxy_url)
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
    assert all("'scheduler/dequeued/redis'" in r.stderr for r in results)  # both workers fetched pages

    urls = article_urls(db)
    assert len(urls) == len(set(urls))
    assert set(urls) == set(article_urls(crawl.db))
    single = Counter((host, path) for host, path, _ in crawl.requests)
    double = Counter((host, path) for host, path, _ in server.requests())
    # Retried 5xx pages are asked for as often as in one crawl; robots.txt once by each worker's own
    # robots middleware. Which trap pages (calendar) are tried depends on timing, each only once.
    refetched = {k: n for k, n in double.items() if n > max(1, single[k]) and k[1] != "/robots.txt"}
    assert refetched == {}
    assert double[("akiba-dispatch.test", "/robots.txt")] == 2
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        crawls = conn.execute("SELECT count(*), count(finished_at) FROM crawls").fetchone()
    assert crawls == (2, 2)  # one row per worker
    assert redis.Redis.from_url(redis_url).keys("fanwire:*") == []  # the last worker cleared the crawl


def test_a_dead_workers_requests_go_back_to_the_queue(redis_url):
    settings = {"REDIS_URL": redis_url, "FANWIRE_REDIS_KEY": "t"}
    spider = Spider("t")
    dead, alive = (RedisScheduler.from_crawler(get_crawler(Spider, settings)) for _ in range(2))
    for scheduler in (dead, alive):
        scheduler.spider = spider
        scheduler.server.sadd(scheduler.key("workers"), scheduler.worker)
    alive._beat()
    for n in range(3):
        assert dead.enqueue_request(Request(f"http://a.test/{n}", priority=n))
    assert not alive.enqueue_request(Request("http://a.test/1"))  # the seen set is shared
    assert dead.next_request().url == "http://a.test/2"  # highest priority first
    assert dead.next_request().url == "http://a.test/1"
    assert alive.busy_workers() == [dead.worker]

    assert alive.reclaim() == 2  # no heartbeat from `dead`
    assert alive.busy_workers() == []
    assert sorted(alive.next_request().url for _ in range(3)) == [f"http://a.test/{n}" for n in range(3)]
    assert alive.next_request() is None


def test_merge_of_shards_is_the_archive_and_idempotent(crawl, tmp_path):
    """Two shards that each hold some sites of one crawl merge back into that crawl's archive."""
    sites = [r[0] for r in sqlite3.connect(crawl.db).execute("SELECT DISTINCT site FROM articles ORDER BY site")]
    shards = []
    for n, keep in enumerate((sites[:1], sites[1:])):
        shard = tmp_path / f"shard{n}.db"
        with closing(sqlite3.connect(crawl.db)) as src, closing(sqlite3.connect(shard)) as dst:
            src.backup(dst)
            marks = ",".join("?" * len(keep))
            dst.execute(f"DELETE FROM url_aliases WHERE article_id IN (SELECT id FROM articles WHERE site NOT IN ({marks}))", keep)
            dst.execute(f"DELETE FROM article_series WHERE article_id IN (SELECT id FROM articles WHERE site NOT IN ({marks}))", keep)
            dst.execute(f"DELETE FROM articles WHERE site NOT IN ({marks})", keep)
            dst.commit()
        shards.append(shard)
    out = tmp_path / "merged.db"

    def contents(db) -> dict:
        with closing(sqlite3.connect(db)) as conn:
            q = lambda sql: sorted(conn.execute(sql).fetchall())  # noqa: E731
            return {
                "articles": q("SELECT url, title, text, site FROM articles"),
                "aliases": q("SELECT u.url, a.url FROM url_aliases u JOIN articles a ON a.id = u.article_id"),
                "tags": q("SELECT a.url, t.series_id, t.season FROM article_series t JOIN articles a ON a.id = t.article_id"),
                "stories": q("SELECT s.key, s.article_count, (SELECT group_concat(url) FROM (SELECT url FROM articles "
                             "WHERE story_id = s.id ORDER BY url)) FROM stories s"),
                "fetch_state": q("SELECT url, kind, status FROM fetch_state"),
                "errors": q("SELECT url, kind, at FROM crawl_errors"),
                "crawls": q("SELECT started_at FROM crawls"),
                "integrity": conn.execute("PRAGMA integrity_check").fetchone(),
            }

    for _ in range(2):
        result = fanwire("merge", "--db", str(out), *map(str, shards))
        assert result.returncode == 0, result.stderr[-3000:]
        assert contents(out) == contents(crawl.db)


def test_workers_share_a_sites_crawl_delay(tmp_path, redis_url):
    site = ChangingSite(crawl_delay=0.3)
    site.add(30)  # more than one worker takes from the queue at once (CONCURRENT_REQUESTS)
    with ChangingServer(site) as server:
        results = workers(2, redis_url, [site.url("/"), "--db", str(tmp_path / "shared.db")], server.proxy_url)
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
    assert sum("fanwire/redis/crawl_delay_waits" in r.stderr for r in results) >= 1
    # Requests leave 0.3 s apart, but their logged arrival jitters with the transport and the
    # machine's load (a new connection's first request lags, so spacing is measured from the
    # second page): one late request shortens one gap and lengthens the next. So the whole run
    # must take the delay per request, and only a stray gap may be short. Unshared, the two
    # workers' requests interleave: half the gaps are a few milliseconds, and the run half as long.
    pages = sorted((h for h in site.hits if h.path != "/robots.txt"), key=lambda h: h.at)[1:]
    gaps = [b.at - a.at for a, b in zip(pages, pages[1:])]
    assert len(pages) >= 30, gaps
    assert pages[-1].at - pages[0].at >= 0.9 * 0.3 * len(gaps), gaps
    assert sum(gap < 0.1 for gap in gaps) <= 2, gaps
    assert len(article_urls(tmp_path / "shared.db")) == 30

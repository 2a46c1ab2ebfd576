"""Nothing stored is lost to one bad item, and nothing is marked done before what it stands for
is stored: real crawls through Scrapy's engine of sites served on 127.0.0.1 (`tests.proxy_site`)."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

from archive import Archive
from archive.crawls import STALE_AFTER, close_stale, runner
from archive.serving import prepare
from tests.helpers import ROOT, fanwire
from tests.proxy_site import Answer, Hit, ProxySite, serve

HOST = "store-safety.test"
#: Short waits for a site's template: these sites have fewer articles than the warm-up.
FAST = ("-s", "FANWIRE_TEMPLATE_WAIT=0.2", "-s", "FANWIRE_BATCH_SIZE=2")


def url(path: str) -> str:
    return f"http://{HOST}{path}"


def article(n: int, author: str = "", headline: str = "") -> str:
    """An article page whose JSON-LD carries `author` and `headline` as written (escapes included)."""
    prose = " ".join(f"Paragraph {j} of story {n}: the studio confirmed a new season of series number {n}, "
                     f"with the original staff and cast returning for the broadcast next spring." for j in range(5))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {n} | Safety News</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{headline or f'Story {n}'}", "author": {{"@type": "Person", "name": "{author or f'Writer {n}'}"}},
 "datePublished": "2024-10-0{n}T09:00:00+00:00"}}</script>
</head><body><article><h1>Story {n}</h1><p>{prose}</p><p>{prose.replace("Paragraph", "Section")}</p></article>
</body></html>"""


def news_site(count: int, *paths: str, **special: dict[str, str]) -> ProxySite:
    """A home page linking `count` articles at /news/story-N/ (and `paths`); `special["3"]`
    overrides article 3's fields."""
    site = ProxySite()
    links = "".join(f'<li><a href="{path}">{path}</a></li>'
                    for path in [*(f"/news/story-{n}/" for n in range(1, count + 1)), *paths])
    site.add(url("/"), Answer(f"<html><head><title>Safety News</title></head><body><ul>{links}</ul></body></html>"))
    for n in range(1, count + 1):
        site.add(url(f"/news/story-{n}/"), Answer(article(n, **special.get(str(n), {}))))
    return site


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def test_a_lone_surrogate_or_nul_costs_one_character_not_the_crawl(tmp_path):
    db = tmp_path / "a.db"
    site = news_site(6, **{"3": {"author": r"Ann \ud83d"}, "5": {"author": r"Bo\u0000b", "headline": r"Story\u0007 5"}})
    with serve(site) as proxy:
        result = fanwire("crawl", url("/"), "--db", str(db), *FAST, proxy=proxy)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "6 new and 0 updated articles" in result.stderr
    authors = dict(query(db, "SELECT url, author FROM articles"))
    assert len(authors) == 6
    assert authors[url("/news/story-3/")] == "Ann \ufffd"
    assert authors[url("/news/story-5/")] == "Bob"
    assert query(db, "SELECT count(*) FROM crawl_errors WHERE kind = 'store_error'") == [(0,)]
    assert query(db, "SELECT count(*) FROM crawls WHERE finished_at IS NULL") == [(0,)]


def test_an_item_the_archive_refuses_is_recorded_the_rest_stored_and_the_exit_status_says_so(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).close()
    with closing(sqlite3.connect(db)) as conn:  # a write that fails for one item, whatever the cleaning did
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.url LIKE '%/story-3/' "
                     "BEGIN SELECT RAISE(ABORT, 'refused by the archive'); END")
        conn.commit()
    site = news_site(6)
    with serve(site) as proxy:
        refused = fanwire("crawl", url("/"), "--db", str(db), *FAST, proxy=proxy)
        assert refused.returncode != 0
        assert "1 items could not be stored" in refused.stderr.splitlines()[-2]
        assert "store_error" in refused.stderr.splitlines()[-1]
        assert len(query(db, "SELECT url FROM articles")) == 5
        (kind, detail), = query(db, "SELECT kind, detail FROM crawl_errors WHERE url = ?", url("/news/story-3/"))
        assert kind == "store_error" and "refused by the archive" in detail
        assert query(db, "SELECT finished_at IS NOT NULL FROM crawls") == [(1,)]

        with closing(sqlite3.connect(db)) as conn:
            conn.execute("DROP TRIGGER refuse")
            conn.commit()
        before = len(site.hits)
        again = fanwire("crawl", url("/"), "--db", str(db), *FAST, proxy=proxy)
    assert again.returncode == 0, again.stderr[-3000:]
    assert url("/news/story-3/") in [h.url for h in site.hits[before:]]  # not marked done: fetched again
    assert len(query(db, "SELECT url FROM articles")) == 6


def test_an_archive_that_cannot_even_record_a_failure_stops_the_crawl_with_the_reason(tmp_path):
    db = tmp_path / "a.db"
    Archive(db).close()
    with closing(sqlite3.connect(db)) as conn:  # as a full disk would: the item fails, and so does its record
        for table in ("articles", "crawl_errors"):
            conn.execute(f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                         "BEGIN SELECT RAISE(ABORT, 'no room'); END")
        conn.commit()
    with serve(news_site(4)) as proxy:
        result = fanwire("crawl", url("/"), "--db", str(db), *FAST, proxy=proxy)
    assert result.returncode != 0
    summary, reason = result.stderr.splitlines()[-2:]
    assert "items could not be stored" in summary and "(store_failed)" in summary
    assert reason == "Error: crawl ended early: store_failed"
    assert query(db, "SELECT count(*) FROM articles") == [(0,)]


def test_a_crawl_killed_before_a_redirect_alias_is_stored_is_closed_as_killed_and_the_redirect_requested_again(
        tmp_path):
    """The redirect /old-news/ -> /news/story-9/ is fetched, then the crawl is killed while the
    target hangs: no state may say the redirect is done. `fanwire serve` (prepare) closes the
    dead crawl as killed, and the next crawl still treats its listing as unread."""
    db = tmp_path / "a.db"
    site = news_site(2, "/old-news/")
    site.add(url("/"), home_with_etag(site.routes[url("/")]))
    site.add(url("/old-news/"), Answer("", status=301, headers={"Location": url("/news/story-9/")}))
    release = threading.Event()

    def hanging_target(hit: Hit) -> Answer:
        release.wait(30)
        return Answer(article(9))

    site.add(url("/news/story-9/"), hanging_target)
    command = [sys.executable, "-m", "fanwire", "crawl", url("/"), "--db", str(db), *FAST,
               "-s", "FANWIRE_BATCH_SIZE=1"]
    with serve(site) as proxy:
        proc = subprocess.Popen(command, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "http_proxy": proxy},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not (url("/news/story-9/") in site.requested() and articles(db) >= 1):
                assert time.monotonic() < deadline and proc.poll() is None, "the crawl never reached the target"
                time.sleep(0.05)
            assert not prepare(db)  # a live crawl is not closed
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            release.set()
        assert query(db, "SELECT finished_at FROM crawls") == [(None,)]
        assert prepare(db)  # what `fanwire serve` does first: the dead crawl is closed, immutable again
        (finished, stats), = query(db, "SELECT finished_at, stats FROM crawls")
        assert finished and json.loads(stats) == {"finish_reason": "killed"}

        before = len(site.hits)
        again = fanwire("crawl", url("/"), "--db", str(db), *FAST, proxy=proxy)
    assert again.returncode == 0, again.stderr[-3000:]
    asked = site.hits[before:]
    assert url("/old-news/") in [h.url for h in asked]
    home = next(h for h in asked if h.url == url("/"))
    assert "If-None-Match" not in home.headers  # the killed crawl's listing is read afresh
    assert query(db, "SELECT u.url, a.url FROM url_aliases u JOIN articles a ON a.id = u.article_id") == [
        (url("/old-news/"), url("/news/story-9/"))]
    assert query(db, "SELECT kind, status FROM fetch_state WHERE url = ?", url("/old-news/")) == [("redirect", 301)]


def home_with_etag(home: Answer) -> object:
    """The home page with an ETag, answering 304 to a request that names it."""
    def answer(hit: Hit) -> Answer:
        if hit.headers.get("If-None-Match") == '"home-1"':
            return Answer(b"", status=304, content_type=None, headers={"ETag": '"home-1"'})
        return Answer(home.body, headers={"ETag": '"home-1"'})
    return answer


def articles(db: Path) -> int:
    try:  # a reader while the crawl writes (WAL): never blocked
        return query(db, "SELECT count(*) FROM articles")[0][0] if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def test_stale_crawls_are_told_from_running_ones_here_and_on_other_machines(tmp_path):
    archive = Archive(tmp_path / "a.db")
    now = datetime.now(timezone.utc)
    at = lambda age: (now - age).isoformat(timespec="seconds")  # noqa: E731
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    me = runner()
    rows = {
        "here, alive": {**me, "heartbeat_at": at(STALE_AFTER * 2)},  # silent, but its process lives
        "here, dead": {**me, "pid": int(dead.stdout), "process": me["process"].rsplit("/", 2)[0]
                       + f"/{dead.stdout.strip()}/1", "heartbeat_at": at(timedelta(seconds=5))},
        "elsewhere, beating": {"host": "worker-2", "pid": 7, "process": "other-boot/pid:[1]/7/99",
                               "heartbeat_at": at(timedelta(minutes=2))},
        "elsewhere, silent": {"host": "worker-3", "pid": 7, "process": "other-boot/pid:[1]/7/99",
                              "heartbeat_at": at(STALE_AFTER + timedelta(minutes=1))},
        "before 0008, silent": {"heartbeat_at": None},
    }
    ids, crawls = {}, archive.db["crawls"]
    for name, row in rows.items():
        ids[name] = crawls.insert({"started_at": at(timedelta(days=1)), "start_urls": json.dumps([name]), **row}).last_pk
    assert sorted(close_stale(archive.db)) == sorted(ids[n] for n in ("here, dead", "elsewhere, silent",
                                                                     "before 0008, silent"))
    closed = dict(archive.db.execute("SELECT id, finished_at FROM crawls WHERE finished_at IS NOT NULL").fetchall())
    assert closed[ids["elsewhere, silent"]] == rows["elsewhere, silent"]["heartbeat_at"]  # its last sign of life
    assert close_stale(archive.db) == []
    archive.close()

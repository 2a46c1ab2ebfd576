"""kill -9 at random moments of a crawl of the demo world, rerunning the same command each time:
the archive ends as an uninterrupted crawl leaves it, and no process of a killed crawl lives on.

Each crawl is `python -m fanwire crawl` in a subprocess through Scrapy's real engine to the demo
world served on 127.0.0.1. The moment of each kill is a random number of requests seen by the
server plus a random fraction of a second; the seed is in every failure message.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import closing
from pathlib import Path

from fanwire.demo import DemoWorld, start_server
from scraper.shapes import family, url_shape
from tests.helpers import ROOT

KILLS = 10
#: Crawls tried at most to get `KILLS` kills (a rerun may finish before its moment comes).
MAX_RUNS = 3 * KILLS
#: Few articles per site and short template waits keep each crawl to seconds; small batches put
#: many transactions in the way of a kill.
ARTICLES_PER_SITE = 4
SETTINGS = ("-s", "FANWIRE_TEMPLATE_WAIT=0.3", "-s", "FANWIRE_BATCH_SIZE=3")
#: A kill comes after this many requests at most (a rerun of a finished archive makes about 30).
LATEST_KILL = 30
#: What is compared: meaningful columns, ids replaced by what they stand for, no timestamps. A
#: story is compared by its articles, not its key (named after whichever copy was stored first).
SNAPSHOT = {
    "articles": "SELECT url, canonical_url, source_url, site, title, author, published, modified, lang, text, "
                "content_hash, gone_at FROM articles",
    "url_aliases": "SELECT u.url, a.url FROM url_aliases u JOIN articles a ON a.id = u.article_id",
    "stories": "SELECT title, first_published, first_url, article_count, sites, (SELECT json_group_array(url) "
               "FROM (SELECT url FROM articles WHERE story_id = s.id ORDER BY url)) FROM stories s",
    "article_series": "SELECT a.url, t.series_id, t.season, t.evidence FROM article_series t "
                      "JOIN articles a ON a.id = t.article_id",
    "fetch_state": "SELECT url, site, kind, status, etag, last_modified, lastmod, listed_in FROM fetch_state",
}
#: Closed traps (an endless calendar) as `crawl_errors` name them: which of their pages were read
#: before the budget closed them depends on the order of answers, not on the data.
TRAPS = "SELECT substr(detail, 1, instr(detail, ' closed: ') - 1) FROM crawl_errors WHERE kind = 'trap'"


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(db)) as conn:
        tables = {name: [tuple(r) for r in conn.execute(sql)] for name, sql in SNAPSHOT.items()}
        traps = {name for name, in conn.execute(TRAPS)}
    tables["fetch_state"] = [(*row[:-1], sorted(json.loads(row[-1])) if row[-1] else None)  # sitemaps in any order
                             for row in tables["fetch_state"] if not {family(row[0]), url_shape(row[0])} & traps]
    return {name: sorted(rows, key=repr) for name, rows in tables.items()}


def marked(token: str) -> list[str]:
    """Live processes (not zombies) started by a crawl run with `KILL9_RUN=token` in its environment."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if f"KILL9_RUN={token}".encode() in environ.split(b"\0") and state != "Z":
            found.append(f"{pid} {command[:120]}")
    return found


def test_kill_9_at_ten_random_moments_then_the_archive_equals_an_uninterrupted_crawls(tmp_path):
    seed = random.randrange(2 ** 32)
    rng = random.Random(seed)
    world = DemoWorld(seed=7, articles_per_site=ARTICLES_PER_SITE)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    with start_server(world) as server:
        env = {"PATH": "/usr/bin:/bin", "http_proxy": server.proxy_url}
        crawl = [sys.executable, "-m", "fanwire", "crawl", *world.start_urls(), *SETTINGS, "--db"]
        uninterrupted = subprocess.run([*crawl, str(whole)], cwd=ROOT, env=env, capture_output=True, text=True,
                                       timeout=300)
        assert uninterrupted.returncode == 0, uninterrupted.stderr[-3000:]

        kills: list[tuple[int, float, int]] = []  # (requests seen, extra seconds, processes of the crawl)
        for _ in range(MAX_RUNS):
            if len(kills) == KILLS:
                break
            token = uuid.uuid4().hex
            moment, extra = rng.randint(1, LATEST_KILL), rng.uniform(0, 0.3)
            before = len(server.requests())
            proc = subprocess.Popen([*crawl, str(killed)], cwd=ROOT, env={**env, "KILL9_RUN": token},
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                while proc.poll() is None and len(server.requests()) - before < moment:
                    time.sleep(0.005)
                time.sleep(extra)
                family = marked(token)
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
            if proc.returncode == -signal.SIGKILL:
                kills.append((moment, round(extra, 2), len(family)))
            deadline = time.monotonic() + 30
            while (survivors := marked(token)) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not survivors, f"seed {seed}: processes outlived their killed crawl: {survivors}"
        assert len(kills) == KILLS, f"seed {seed}: only {len(kills)} crawls were still running at their moment"
        assert any(n > 1 for _, _, n in kills), f"seed {seed}: no kill came while extraction processes ran: {kills}"

        resumed = subprocess.run([*crawl, str(killed)], cwd=ROOT, env=env, capture_output=True, text=True,
                                 timeout=300)
        assert resumed.returncode == 0, resumed.stderr[-3000:]

    expected, got = snapshot(whole), snapshot(killed)
    for table in SNAPSHOT:
        missing = [r for r in expected[table] if r not in got[table]]
        extra = [r for r in got[table] if r not in expected[table]]
        assert not missing and not extra, (f"seed {seed}, kills {kills}: {table} differs:\n"
                                           f"missing {missing[:5]}\nextra {extra[:5]}")
    with closing(sqlite3.connect(killed)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        reasons = [json.loads(s)["finish_reason"] for s, in conn.execute("SELECT stats FROM crawls ORDER BY id")]
    assert reasons == ["killed"] * len(reasons[:-1]) + ["finished"], f"seed {seed}: {reasons}"
    assert reasons.count("killed") == KILLS

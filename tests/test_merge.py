"""`fanwire merge` copies every column the schema has, by name: a column a later migration added
(`published_raw`, `modified_raw`) comes over with its row instead of being dropped."""
from __future__ import annotations

import sqlite3
from contextlib import closing

from tests.helpers import fanwire
from tests.hijack_site import add_site, article, crawl, story
from tests.proxy_site import ProxySite, serve

#: Columns whose values are the target's own ids.
IDS = {"id", "story_id", "crawl_id", "first_crawl_id"}


def rows(db, table: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})") if c[1] not in IDS]
        return sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)


def test_a_merged_shard_keeps_every_column_of_its_articles(tmp_path):
    web = ProxySite()
    add_site(web, "http://one.test/", {"a/": article("Frieren season two", story("frieren"), "2025-05-01 10:00 JST")})
    add_site(web, "http://two.test/", {"b/": article("Dandadan film dated", story("dandadan"), "May 2, 2025")})
    shards = [tmp_path / "one.db", tmp_path / "two.db"]
    with serve(web) as proxy:
        crawl(proxy, shards[0], "http://one.test/")
        crawl(proxy, shards[1], "http://two.test/")
    assert len(rows(shards[0], "articles")) == len(rows(shards[1], "articles")) == 1
    out = tmp_path / "merged.db"
    for _ in range(2):
        result = fanwire("merge", "--db", str(out), *map(str, shards))
        assert result.returncode == 0, result.stderr[-3000:]
        merged = rows(out, "articles")
        assert merged == sorted(rows(shards[0], "articles") + rows(shards[1], "articles"), key=repr)
    with closing(sqlite3.connect(out)) as conn:
        raw = dict(conn.execute("SELECT url, published_raw FROM articles"))
    assert raw == {"http://one.test/a/": "2025-05-01 10:00 JST", "http://two.test/b/": "May 2, 2025"}

"""`fanwire export` with the library's filters: series, season, site and publication dates."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing

import pytest

from tests.helpers import fanwire


def rows(db, *args):
    result = fanwire("export", "--db", str(db), *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def ids(db, sql, params=()):
    with closing(sqlite3.connect(db)) as conn:
        return [r[0] for r in conn.execute(sql, params)]


def test_site_and_dates_filter_articles_oldest_first(crawl):
    site = ids(crawl.db, "SELECT site FROM articles GROUP BY site ORDER BY count(*) DESC LIMIT 1")[0]
    out = [json.loads(line) for line in rows(crawl.db, "--site", site, "--since", "2024-07-01",
                                             "--until", "2024-12-31", "--format", "jsonl").splitlines()]
    expected = ids(crawl.db, "SELECT id FROM articles WHERE site = ? AND substr(published, 1, 10) "
                             "BETWEEN '2024-07-01' AND '2024-12-31'", [site])
    assert sorted(r["id"] for r in out) == sorted(expected) and expected
    days = [r["published"] for r in out]
    assert [d[:10] for d in days] == sorted(d[:10] for d in days)


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_series_filter_in_every_format(crawl, fmt):
    series = ids(crawl.db, "SELECT s.title FROM article_series t JOIN series s ON s.id = t.series_id "
                           "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0]
    expected = ids(crawl.db, "SELECT DISTINCT t.article_id FROM article_series t JOIN series s ON s.id = t.series_id "
                             "WHERE s.title = ?", [series])
    text = rows(crawl.db, "--series", series, "--format", fmt)
    parsed = {"csv": lambda: list(csv.DictReader(io.StringIO(text))), "json": lambda: json.loads(text),
              "jsonl": lambda: [json.loads(line) for line in text.splitlines()]}[fmt]()
    assert sorted(int(r["id"]) for r in parsed) == sorted(expected)
    assert all(series in (json.loads(r["series"]) if fmt == "csv" else r["series"]) for r in parsed)


def test_filters_are_for_articles_only(crawl):
    result = fanwire("export", "--db", str(crawl.db), "--stories", "--site", "x.test")
    assert result.returncode == 2 and "filter articles" in result.stderr
    result = fanwire("export", "--db", str(crawl.db), "--since", "last week")
    assert result.returncode == 2

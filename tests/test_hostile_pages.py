"""What one hostile page can do to extraction, and what the archive and its Datasette pages show
for it: charset lies, JSON-LD that is huge, deep, mistyped or broken, and impossible dates.

Each attack is tried through `extract_article` (and `fanwire extract`), then all of them through a
real crawl of `tests.hostile_pages` on 127.0.0.1, whose archive Datasette then serves.
"""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from archive.datasette_plugin.chart import MAX_MONTHS
from archive.schema import migrate
from pipelines.extractor import extract_article
from pipelines.normalize import plausible_datetime
from sqlite_utils import Database
from tests import hostile_pages
from tests.helpers import fanwire
from tests.proxy_site import serve
from tests.test_datasette import get

URL = "http://hostile-pages.test/news/2025/frieren/"
TITLE = "Frieren season two confirmed"
#: A JSON-LD block per attack; each page has the same readable DOM around it.
JSONLD = {
    "type-number": '{"@type": 5, "headline": "Wrong"}',
    "type-null": '{"@type": null, "headline": "Wrong"}',
    "type-mixed-list": '{"@type": ["NewsArticle", 5, null, {"x": 1}, ["Article"]], "author": 5}',
    "mistyped-fields": '{"@type": "NewsArticle", "headline": {"x": 1}, "author": 5, "datePublished": [],'
                       ' "dateModified": {"a": 1}}',
    "graph-not-a-list": '{"@graph": 5, "@type": "NewsArticle"}',
    "nested-100k-arrays": "[" * 100_000 + "]" * 100_000,
    "nested-100k-objects": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "not-json": '{"@type": "NewsArticle", "headline": ',
}


def _page(head: str = "", title: str = TITLE) -> bytes:
    return hostile_pages._html(title, hostile_pages.EN, head).encode()


@pytest.mark.parametrize("block", JSONLD.values(), ids=JSONLD.keys())
def test_a_bad_jsonld_block_never_loses_the_page(block):
    extracted = extract_article(_page(hostile_pages._ld(block)), URL)
    assert extracted.title == TITLE and extracted.text == hostile_pages.EN
    assert extracted.author is None and extracted.published is None and extracted.modified is None


def test_a_good_block_after_a_bad_one_is_still_read():
    head = hostile_pages._ld("[" * 100_000) + hostile_pages._ld(
        '{"@type": "NewsArticle", "author": {"name": "Aoi Okada"}, "datePublished": "2025-05-02T09:00:00+09:00"}')
    extracted = extract_article(_page(head), URL)
    assert extracted.author == "Aoi Okada" and extracted.published == "2025-05-02T09:00:00+09:00"


def test_a_5_megabyte_jsonld_block_is_not_parsed(tmp_path):
    """trafilatura took 744 MB over such a block; the page is extracted from its DOM instead."""
    page = tmp_path / "big.html"
    page.write_bytes(_page(hostile_pages._ld(json.dumps({"@type": "NewsArticle", "headline": "From JSON-LD",
                                                          "articleBody": "x" * 5_000_000}))))
    # VmHWM, not ru_maxrss: Linux keeps a forked parent's peak in ru_maxrss across exec (pytest's own).
    script = ("import re, sys; from pipelines.extractor import extract_article; "
              f"e = extract_article(open(sys.argv[1], 'rb').read(), {URL!r}); "
              "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1); "
              "print(e.title, int(hwm) // 1024)")
    done = subprocess.run([sys.executable, "-c", script, str(page)], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    title, _, max_rss_mb = done.stdout.strip().rpartition(" ")
    assert title == TITLE
    assert int(max_rss_mb) < 250


def test_extracted_fields_are_clean_text():
    block = ('{"@type": "NewsArticle", "author": "Ann \\ud83d", "headline": "Frieren\\u0000 season two confirmed",'
             ' "datePublished": "2025-03-01\\u0007"}')
    extracted = extract_article(_page(hostile_pages._ld(block)), URL)
    assert extracted.author == "Ann \ufffd"
    for name, value in vars(extracted).items():
        if isinstance(value, str):
            value.encode("utf-8")  # no lone surrogate
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]", value), name


def test_a_split_surrogate_pair_is_joined_not_dropped():
    extracted = extract_article(_page(hostile_pages._ld('{"@type": "NewsArticle", "author": "Ann \\ud83d\\ude00"}')), URL)
    assert extracted.author == "Ann 😀"


def test_fanwire_extract_prints_a_page_with_a_broken_escape(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(_page(hostile_pages._ld('{"@type": "NewsArticle", "author": "Ann \\ud83d"}')))
    result = fanwire("extract", str(page), "--url", URL)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["author"] == "Ann \ufffd" and record["title"] == TITLE


FETCHED = "2025-06-01T12:00:00+00:00"


@pytest.mark.parametrize("value,kept", [
    ("0001-01-01T00:00:00Z", False), ("0001-01-01T00:00:00+05:00", False), ("1989-12-31", False),
    ("9999-12-31T23:59:59Z", False), ("9999-12-31T23:59:59-12:00", False), ("2025-06-04T12:00:00+00:00", False),
    ("1990-01-01", True), ("2025-06-03T11:00:00+00:00", True), ("2025-06-01T20:00:00+09:00", True),
    ("Sun, 01 Jun 2025 08:00:00 GMT", True), ("not a date", False),
])
def test_only_plausible_dates_are_published(value, kept):
    assert (plausible_datetime(value, FETCHED) is not None) == kept


def test_an_impossible_date_is_kept_raw_and_the_page_is_not_dated_by_it():
    head = ('<meta property="article:published_time" content="9999-12-31T23:59:59Z">'
            '<meta property="article:modified_time" content="0001-01-01T00:00:00Z">')
    extracted = extract_article(_page(head), URL)
    assert extracted.published is None and extracted.modified is None
    assert extracted.published_raw == "9999-12-31T23:59:59Z" and extracted.modified_raw == "0001-01-01T00:00:00Z"


# A real crawl of every hostile page at once.

@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory) -> tuple[Path, list[str]]:
    db = tmp_path_factory.mktemp("hostile-pages") / "archive.db"
    site = hostile_pages.site()
    with serve(site) as proxy:
        result = fanwire("crawl", hostile_pages.ROOT, "--db", str(db), "-s", "FANWIRE_TEMPLATE_WARMUP=1", proxy=proxy)
    assert result.returncode == 0, result.stderr[-3000:]
    return db, site.requested()


def _rows(db: Path, sql: str) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql).fetchall()


def test_every_hostile_page_is_archived_with_its_text(hostile_crawl):
    db, requested = hostile_crawl
    articles = {r["url"]: r for r in _rows(db, "SELECT * FROM articles")}
    for page in hostile_pages.pages():
        assert page.url in requested
        row = articles.get(page.url)
        assert row is not None, f"{page.path} was not archived"
        assert row["title"] == page.title and row["text"] == page.body_text, page.path
        if page.published_raw:
            assert (row["published"], row["published_raw"]) == (page.published, page.published_raw), page.path
    assert _rows(db, "SELECT url, kind, detail FROM crawl_errors") == []


def test_no_archived_date_is_implausible(hostile_crawl):
    db, _ = hostile_crawl
    for row in _rows(db, "SELECT published, modified, fetched_at FROM articles"):
        for value in (row["published"], row["modified"]):
            assert value is None or plausible_datetime(value, row["fetched_at"]) == value


@pytest.fixture(params=["as crawled", "written before dates were checked"])
def dated_archive(request, hostile_crawl, tmp_path) -> Path:
    """The crawled archive, or a copy holding its raw dates in `published` and `modified`, as an
    archive written before extraction checked them did (the plugin must bound its pages on both)."""
    db = tmp_path / "archive.db"
    with closing(sqlite3.connect(hostile_crawl[0])) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
        if request.param != "as crawled":
            dst.execute("UPDATE articles SET published = coalesce(published_raw, published), "
                        "modified = coalesce(modified_raw, modified)")
            dst.commit()
    return db


def test_the_chart_stays_small_whatever_the_dates(dated_archive):
    response = get(dated_archive, "/-/fanwire/chart")
    assert response.status_code == 200
    assert len(response.content) < 200_000
    months = set(re.findall(r"<td>(\d{4}-\d{2})</td>", response.text))
    assert months and len(months) <= MAX_MONTHS
    assert not any(m.startswith(("0001", "9999")) for m in months)


def test_feeds_never_carry_an_implausible_date(dated_archive):
    response = get(dated_archive, "/archive/feed.atom")
    assert response.status_code == 200
    latest = datetime.now(timezone.utc) + timedelta(days=2)
    updated = re.findall(r"<updated>([^<]+)</updated>", response.text)
    assert len(updated) == 1 + len(hostile_pages.pages())
    for value in updated:
        assert datetime(1990, 1, 1, tzinfo=timezone.utc) <= datetime.fromisoformat(value) <= latest


def test_migration_moves_implausible_dates_out_of_an_older_archive(hostile_crawl, tmp_path):
    db = tmp_path / "older.db"
    with closing(sqlite3.connect(hostile_crawl[0])) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
        dst.executescript("UPDATE articles SET published = coalesce(published_raw, published); "
                          "ALTER TABLE articles DROP COLUMN published_raw; ALTER TABLE articles DROP COLUMN modified_raw; "
                          "DELETE FROM _sqlite_migrations WHERE name = '0009_raw_dates';")
    migrate(Database(db))
    dates = {r["url"]: (r["published"], r["published_raw"]) for r in _rows(db, "SELECT * FROM articles")}
    assert dates[hostile_pages.ROOT + "news/2025/dated-year-9999/"] == (None, "9999-12-31T23:59:59Z")
    assert dates[hostile_pages.ROOT + "news/2025/dated-year-one/"] == (None, "0001-01-01T00:00:00Z")
    kept = dates[hostile_pages.ROOT + "news/2025/jsonld-broken-emoji-escape/"]
    assert kept == ("2025-03-01T10:00:00+09:00", None)

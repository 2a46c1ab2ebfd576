"""The archive on a real SQLite file: schema, batched idempotent writes, aliases, FTS, export."""
import csv
import io
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from archive import Archive
from archive.errors import ArchiveNotFound, UnknownTable
from archive.export import export_table
from archive.store import decompress_html


def record(url, source=None, text="Frieren season 2 key visual revealed.", **extra):
    source = source or url
    return {
        "url": url, "canonical_url": url, "source_url": source, "site": "news.test", "site_name": "News",
        "title": "Frieren S2", "author": "Ann", "published": "2025-01-02T10:00:00+00:00", "modified": None,
        "lang": "en", "text": text, "content_hash": str(hash(text)), "story_id": None,
        "fetched_at": "2025-01-03T00:00:00+00:00", "crawl_id": 1, "aliases": extra.pop("aliases", []),
        "page": {"url": source, "status": 200, "content_type": "text/html", "encoding": "utf-8", "etag": '"e1"',
                 "last_modified": None, "fetched_at": "2025-01-03T00:00:00+00:00", "html": b"<html>raw</html>"},
        **extra,
    }


@pytest.fixture
def archive(tmp_path):
    a = Archive(tmp_path / "a.db")
    a.start_crawl(["http://news.test/"], "2025-01-03T00:00:00+00:00")
    yield a
    a.close()


def rows(archive, sql):
    return list(archive.db.execute(sql).fetchall())


def test_schema_is_wal_and_migrates_idempotently(tmp_path):
    Archive(tmp_path / "a.db").close()
    again = Archive(tmp_path / "a.db")
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = set(again.db.table_names())
    assert {"articles", "pages", "url_aliases", "crawls", "sites", "crawl_errors", "articles_fts"} <= tables
    from archive.schema import MIGRATIONS
    applied = rows(again, "SELECT count(*) FROM _sqlite_migrations")
    assert not MIGRATIONS.pending(again.db)
    Archive(tmp_path / "a.db").close()
    assert rows(again, "SELECT count(*) FROM _sqlite_migrations") == applied


def test_processes_opening_one_new_archive_at_once_all_open_it_in_wal_mode(tmp_path):
    """Crawl workers started together: each switches the new file to WAL, which SQLite fails at once
    for all but one of them when they ask together; every process must still open the archive."""
    code = "import sys; from archive import Archive; Archive(sys.argv[1]).close()"
    root = str(Path(__file__).resolve().parent.parent)
    for round_ in range(8):
        path = tmp_path / f"shared{round_}.db"
        procs = [subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=root, stderr=subprocess.PIPE)
                 for _ in range(6)]
        stderr = [p.communicate()[1].decode() for p in procs]
        errors = [err for p, err in zip(procs, stderr) if p.returncode]
        assert not errors, errors[0][-500:]
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_write_batch_is_idempotent(archive):
    batch = [record("http://news.test/a/", aliases=["http://news.test/?p=1"]), record("http://news.test/b/")]
    first = archive.write_batch(batch, [])
    second = archive.write_batch([record("http://news.test/a/", aliases=["http://news.test/?p=1"])], [])
    assert (first.articles_new, second.articles_new, second.articles_updated) == (2, 0, 1)
    assert rows(archive, "SELECT count(*) FROM articles") == [(2,)]
    assert rows(archive, "SELECT url, article_id FROM url_aliases") == [("http://news.test/?p=1", 1)]


def test_a_copy_never_overwrites_the_original(archive):
    archive.write_batch([record("http://news.test/a/", text="Original full text.")], [])
    amp = record("http://news.test/a/", source="http://news.test/a/amp/", text="AMP text.",
                 aliases=["http://news.test/a/amp/"])
    result = archive.write_batch([amp], [])
    assert result.articles_updated == 0
    assert rows(archive, "SELECT text FROM articles") == [("Original full text.",)]
    assert rows(archive, "SELECT url FROM url_aliases") == [("http://news.test/a/amp/",)]


def test_the_original_replaces_a_copy_stored_first(archive):
    archive.write_batch([record("http://news.test/a/", source="http://news.test/a/?print=1", text="Print view.")], [])
    archive.write_batch([record("http://news.test/a/", text="Original.")], [])
    assert rows(archive, "SELECT text, source_url FROM articles") == [("Original.", "http://news.test/a/")]


def test_url_known_as_alias_joins_its_article(archive):
    archive.write_batch([record("http://news.test/a/", aliases=["http://news.test/old-a/"])], [])
    archive.write_batch([record("http://news.test/old-a/")], [])
    assert rows(archive, "SELECT count(*) FROM articles") == [(1,)]


def test_pages_keep_compressed_raw_html_and_fts_finds_text(archive):
    archive.write_batch([record("http://news.test/a/")], [{"crawl_id": 1, "url": "http://news.test/x", "kind": "binary",
                                                           "detail": "binary body", "at": "2025-01-03"}])
    (blob,) = archive.db.execute("SELECT html FROM pages").fetchone()
    assert decompress_html(blob) == b"<html>raw</html>" and blob != b"<html>raw</html>"
    hits = rows(archive, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'frieren'")
    assert hits == [(1,)]
    assert rows(archive, "SELECT kind FROM crawl_errors") == [("binary",)]
    assert rows(archive, "SELECT host, name FROM sites") == [("news.test", "News")]


def test_finish_crawl_stores_stats(archive):
    archive.finish_crawl(1, "2025-01-03T01:00:00+00:00", {"finish_reason": "finished", "item_scraped_count": 2})
    (stats,) = archive.db.execute("SELECT stats FROM crawls WHERE id = 1").fetchone()
    assert json.loads(stats)["item_scraped_count"] == 2


def test_export_formats_agree_with_count(archive):
    archive.write_batch([record(f"http://news.test/{i}/") for i in range(7)], [])
    path = archive.path
    outputs = {}
    for fmt in ("csv", "json", "jsonl"):
        buf = io.StringIO()
        assert export_table(path, "articles", fmt, buf) == 7
        outputs[fmt] = buf.getvalue()
    assert len(list(csv.DictReader(io.StringIO(outputs["csv"])))) == 7
    assert [r["url"] for r in json.loads(outputs["json"])] == [f"http://news.test/{i}/" for i in range(7)]
    assert len(outputs["jsonl"].splitlines()) == 7
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 7


def test_export_errors_name_the_problem(archive, tmp_path):
    with pytest.raises(UnknownTable, match="pages"):
        export_table(archive.path, "pages", "csv", io.StringIO())
    with pytest.raises(ArchiveNotFound, match="missing.db"):
        export_table(tmp_path / "missing.db", "articles", "csv", io.StringIO())


def test_a_failing_item_leaves_nothing_of_itself_and_takes_nothing_else_with_it(archive):
    archive.write_batch([record("http://news.test/kept/")], [])
    broken = record("http://news.test/b/")
    broken["page"]["html"] = 12345  # not bytes: compressing it fails after the articles are written
    result = archive.write_batch([record("http://news.test/a/"), broken], [])
    assert (result.articles_new, result.failed) == (1, 1)
    assert rows(archive, "SELECT url FROM articles ORDER BY id") == [("http://news.test/kept/",), ("http://news.test/a/",)]
    assert rows(archive, "SELECT count(*) FROM pages") == [(2,)]
    assert rows(archive, "SELECT url FROM fetch_state WHERE url LIKE '%/b/'") == []  # not done: fetched again
    (url, kind, detail), = rows(archive, "SELECT url, kind, detail FROM crawl_errors")
    assert (url, kind) == ("http://news.test/b/", "store_error") and "TypeError" in detail


def test_changed_text_keeps_a_revision_and_404_marks_gone_without_deleting(archive):
    archive.write_batch([record("http://news.test/a/"), record("http://news.test/b/")])
    archive.write_batch([record("http://news.test/a/", text="Frieren season 2 delayed to October.",
                                fetched_at="2025-01-04T00:00:00+00:00")])
    archive.write_batch([record("http://news.test/a/", text="Frieren season 2 delayed to October.")])
    assert rows(archive, "SELECT article_id, text, fetched_at FROM article_revisions") == [
        (1, "Frieren season 2 key visual revealed.", "2025-01-03T00:00:00+00:00")]
    result = archive.write_batch([], [{"crawl_id": 1, "url": "http://news.test/b/", "kind": "http_error",
                                       "detail": "HTTP 410", "at": "2025-01-05T00:00:00+00:00", "status": 410}])
    assert result.gone == 1
    assert rows(archive, "SELECT url, gone_at FROM articles ORDER BY url") == [
        ("http://news.test/a/", None), ("http://news.test/b/", "2025-01-05T00:00:00+00:00")]
    assert rows(archive, "SELECT kind, status FROM fetch_state WHERE url = 'http://news.test/b/'") == [("gone", 410)]


def test_fetch_state_keeps_what_a_row_leaves_out_and_gathers_sitemaps(archive):
    base = {"url": "http://news.test/a/", "site": "news.test", "fetched_at": "2025-01-03T00:00:00+00:00",
            "crawl_id": 1}
    archive.write_batch([], fetches=[{**base, "kind": "listing", "status": 200, "etag": '"1"',
                                      "listed_in": "http://news.test/s1.xml"}])
    archive.write_batch([], fetches=[{**base, "status": 304, "listed_in": "http://news.test/s2.xml"},
                                     {**base, "listed_in": "http://news.test/s1.xml"}])
    state = next(s for s in archive.url_states() if s["url"] == "http://news.test/a/")
    assert (state["kind"], state["status"], state["etag"]) == ("listing", 304, '"1"')
    assert json.loads(state["listed_in"]) == ["http://news.test/s1.xml", "http://news.test/s2.xml"]
    assert state["complete"] == 0  # crawl 1 has not finished
    archive.finish_crawl(1, "2025-01-03T01:00:00+00:00", {})
    assert all(s["complete"] for s in archive.url_states())

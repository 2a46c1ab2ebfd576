"""`fanwire serve` opens the archive safely: loopback, read-only, immutable only with no crawl running."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from archive.crawls import runner
from archive.serving import crawl_running, datasette_args, prepare
from fanwire.cli import serve


def copy(src: Path, dst: Path) -> Path:
    with closing(sqlite3.connect(src)) as a, closing(sqlite3.connect(dst)) as b:
        a.backup(b)
    return dst


def test_finished_archive_is_served_immutable_with_every_row(crawl, tmp_path):
    db = copy(crawl.db, tmp_path / "archive.db")
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("DROP VIEW IF EXISTS library")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_archive_views'")
        conn.execute("UPDATE articles SET title = 'only in the WAL' WHERE id = 1")
        conn.commit()
        assert not crawl_running(db) and prepare(db)
        assert Path(f"{db}-wal").stat().st_size == 0
    with closing(sqlite3.connect(f"file:{db}?immutable=1", uri=True)) as ro:
        assert ro.execute("SELECT title FROM articles WHERE id = 1").fetchone()[0] == "only in the WAL"
        assert ro.execute("SELECT count(*) FROM library").fetchone()[0] > 0
    assert datasette_args(db, "m.json", "127.0.0.1", 8001, True)[:3] == ["serve", "-i", str(db)]


def test_archive_with_a_running_crawl_is_served_read_only(crawl, tmp_path):
    db = copy(crawl.db, tmp_path / "archive.db")
    with closing(sqlite3.connect(db)) as conn:  # a crawl written by a live process (this one)
        me = runner()
        conn.execute("INSERT INTO crawls (started_at, start_urls, host, pid, process) "
                     "VALUES ('2026-01-01T00:00:00+00:00', '[]', ?, ?, ?)", [me["host"], me["pid"], me["process"]])
        conn.commit()
    assert crawl_running(db) and not prepare(db)
    args = datasette_args(db, "m.json", "127.0.0.1", 8001, False)
    assert "-i" not in args and str(db) in args


def test_serve_binds_loopback_unless_told():
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert any(p.name == "live" for p in serve.params)

"""How `fanwire serve` opens an archive: read-only always, immutable when no crawl is writing.

An immutable database is read without locks and without looking at the WAL file, which is the
fastest and safest way to publish it, but only right when nothing writes to it: so a file is served
immutable only after pending migrations and the WAL are folded into it, and only while no crawl
is unfinished. Otherwise Datasette reads it in `mode=ro` and sees each batch a running crawl writes.
A crawl whose process died is not running: it is closed as killed first (`archive.crawls`).
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from archive.crawls import close_stale
from archive.connect import open_readonly
from archive.store import Archive

UNFINISHED_CRAWLS_SQL = "SELECT count(*) FROM crawls WHERE finished_at IS NULL"


def crawl_running(path: str | Path) -> bool:
    """True when a crawl has started on the archive and is not closed (a killed one counts until
    `prepare` or a later crawl closes it)."""
    with closing(open_readonly(path)) as conn:
        try:
            return conn.execute(UNFINISHED_CRAWLS_SQL).fetchone()[0] > 0
        except sqlite3.OperationalError:
            return False


def prepare(path: str | Path) -> bool:
    """Make the archive ready to serve; True when it can be served immutable.

    Pending migrations (such as the `library` view) are applied and crawls whose process died are
    closed as killed; then, with no crawl running, the WAL is checkpointed into the main file, so
    an immutable reader sees every row.
    """
    archive = Archive(path)
    try:
        close_stale(archive.db)
        if crawl_running(path):
            return False
        busy = archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        archive.close()
    return not busy


def datasette_args(path: str | Path, metadata: str | Path, host: str, port: int, immutable: bool) -> list[str]:
    """`datasette serve` arguments: no write endpoint, Datasette's default SQL time limit kept."""
    source = ["-i", str(path)] if immutable else [str(path)]
    return ["serve", *source, "-m", str(metadata), "--host", host, "--port", str(port)]

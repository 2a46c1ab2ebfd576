"""Opening an archive for reading: read-only, so that an export, a search or a replay can never
change it and can run beside a crawl, and failing with the reason when the file is no archive."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from archive.errors import ArchiveNotFound, NotAnArchive


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an archive read-only, so an export can never change it (and can run beside a crawl).
    Raises ArchiveNotFound, or NotAnArchive for a file that is not SQLite, is empty, or has no
    `articles` table (SQLite itself takes an empty file for an empty database)."""
    path = Path(path)
    if not path.exists():
        raise ArchiveNotFound(f"no archive at {path}")
    conn = None
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        conn.execute("SELECT 1 FROM articles LIMIT 0")
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        why = "it is empty" if path.is_file() and path.stat().st_size == 0 else str(exc)
        raise NotAnArchive(f"{path} is not a fanwire archive ({why})") from exc
    return conn


def require_archive(path: str | Path) -> None:
    """Fail with ArchiveNotFound or NotAnArchive unless `path` is a fanwire archive: what a
    command that reads an archive checks before it does anything (opening it for writing would
    turn an empty or unrelated SQLite file into an archive)."""
    open_readonly(path).close()

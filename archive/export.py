"""Stream a table of the archive as CSV, JSON or JSON lines, in constant memory."""
from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import IO, Iterator

from archive.errors import ArchiveNotFound, UnknownTable
from archive.schema import INTERNAL_TABLES

FORMATS = ("csv", "json", "jsonl")
#: Rows fetched from SQLite per round trip while streaming.
FETCH_SIZE = 500


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an archive read-only, so an export can never change it (and can run beside a crawl)."""
    path = Path(path)
    if not path.exists():
        raise ArchiveNotFound(f"no archive at {path}")
    return sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)


def exportable_tables(conn: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if n not in INTERNAL_TABLES and not n.startswith(("articles_fts", "sqlite_"))]


def iter_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple]]:
    """Columns and a lazy row iterator for `table`, in rowid order."""
    if table not in exportable_tables(conn):
        raise UnknownTable(f"no table {table!r}; choose one of: {', '.join(exportable_tables(conn))}")
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    columns = [d[0] for d in cursor.description]

    def rows() -> Iterator[tuple]:
        while batch := cursor.fetchmany(FETCH_SIZE):
            yield from batch

    return columns, rows()


def export_table(path: str | Path, table: str, fmt: str, out: IO[str]) -> int:
    """Write `table` of the archive at `path` to `out` as `fmt`; returns the number of rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {FORMATS}")
    with closing(open_readonly(path)) as conn:
        columns, rows = iter_rows(conn, table)
        return _WRITERS[fmt](columns, rows, out)


#: Articles tagged with a series (by its title, Japanese title, an alias or its id), optionally one season.
SERIES_ARTICLES_SQL = """
SELECT a.*, s.title AS series, t.season FROM articles a
JOIN article_series t ON t.article_id = a.id JOIN series s ON s.id = t.series_id
WHERE (s.title = :series COLLATE NOCASE OR s.title_ja = :series OR CAST(s.id AS TEXT) = :series
       OR EXISTS (SELECT 1 FROM json_each(s.aliases) WHERE value = :series COLLATE NOCASE))
  AND (:season IS NULL OR t.season = :season)
ORDER BY julianday(a.published) IS NULL, julianday(a.published), a.id
"""


def export_series(path: str | Path, series: str, season: int | None, fmt: str, out: IO[str]) -> int:
    """Write the articles about `series` (and `season`, when given), oldest first."""
    with closing(open_readonly(path)) as conn:
        cursor = conn.execute(SERIES_ARTICLES_SQL, {"series": series, "season": season})
        columns = [d[0] for d in cursor.description]
        rows = (row for batch in iter(lambda: cursor.fetchmany(FETCH_SIZE), []) for row in batch)
        return _WRITERS[fmt](columns, rows, out)


#: One row per story with its copies, origin first (`copies` and `sites` are JSON).
STORIES_SQL = """
SELECT s.id, s.title, s.first_published, s.first_url, s.article_count, s.sites,
  (SELECT json_group_array(json_object('url', a.url, 'site', a.site, 'published', a.published, 'title', a.title))
   FROM (SELECT url, site, published, title FROM articles WHERE story_id = s.id
         ORDER BY julianday(published) IS NULL, julianday(published), id) a) AS copies
FROM stories s ORDER BY s.id
"""


def export_stories(path: str | Path, fmt: str, out: IO[str]) -> int:
    """Write every story with the list of its copies; JSON formats nest `sites` and `copies`."""
    with closing(open_readonly(path)) as conn:
        cursor = conn.execute(STORIES_SQL)
        columns = [d[0] for d in cursor.description]
        rows = (row for batch in iter(lambda: cursor.fetchmany(FETCH_SIZE), []) for row in batch)
        if fmt != "csv":
            nested = {columns.index("sites"), columns.index("copies")}
            rows = (tuple(json.loads(v) if i in nested and v else v for i, v in enumerate(row)) for row in rows)
        return _WRITERS[fmt](columns, rows, out)


def _write_csv(columns: list[str], rows: Iterator[tuple], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(columns)
    n = 0
    for n, row in enumerate(rows, 1):
        writer.writerow(row)
    return n


def _write_jsonl(columns: list[str], rows: Iterator[tuple], out: IO[str]) -> int:
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    return n


def _write_json(columns: list[str], rows: Iterator[tuple], out: IO[str]) -> int:
    out.write("[")
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(("\n" if n == 1 else ",\n") + json.dumps(dict(zip(columns, row)), ensure_ascii=False))
    out.write("\n]\n")
    return n


_WRITERS = {"csv": _write_csv, "json": _write_json, "jsonl": _write_jsonl}

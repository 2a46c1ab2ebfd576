"""Stream a table of the archive as CSV, JSON or JSON lines, in constant memory."""
from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from archive import fts
from archive.connect import open_readonly
from archive.errors import StaleSearchIndex, UnknownTable
from archive.queries import SERIES_MATCH
from archive.schema import INTERNAL_TABLES
from archive.segment import fts_query

FORMATS = ("csv", "json", "jsonl")
#: What every export of articles adds to their columns (`a` is articles), as JSON: `series`, the
#: titles of the series an article is about, and `seasons`, each of those series' seasons.
TAG_COLUMNS = (
    "(SELECT json_group_array(title) FROM (SELECT DISTINCT s.title FROM article_series t "
    "JOIN series s ON s.id = t.series_id WHERE t.article_id = a.id ORDER BY s.title)) AS series, "
    "(SELECT json_group_object(title, json(seasons)) FROM (SELECT s.title, (SELECT json_group_array(season) FROM "
    "(SELECT DISTINCT u.season FROM article_series u WHERE u.article_id = a.id AND u.series_id = s.id "
    "AND u.season IS NOT NULL ORDER BY u.season)) AS seasons FROM article_series t JOIN series s ON s.id = t.series_id "
    "WHERE t.article_id = a.id GROUP BY s.id ORDER BY s.title)) AS seasons"
)
#: The JSON columns of exported articles and stories, nested as values in the JSON formats (CSV keeps the text).
TAG_NAMES = ("series", "seasons")
STORY_JSON = ("sites", "copies")
#: Rows fetched from SQLite per round trip while streaming.
FETCH_SIZE = 500


def exportable_tables(conn: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if n not in INTERNAL_TABLES and not n.startswith(("articles_fts", "sqlite_"))]


def iter_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple]]:
    """Columns and a lazy row iterator for `table`, in rowid order; articles with their tags."""
    if table not in exportable_tables(conn):
        raise UnknownTable(f"no table {table!r}; choose one of: {', '.join(exportable_tables(conn))}")
    sql = f"SELECT a.*, {TAG_COLUMNS} FROM articles a ORDER BY a.rowid" if table == "articles" else \
        f'SELECT * FROM "{table}" ORDER BY rowid'
    cursor = conn.execute(sql)
    return [d[0] for d in cursor.description], _fetch(cursor)


def export_table(path: str | Path, table: str, fmt: str, out: IO[str]) -> int:
    """Write `table` of the archive at `path` to `out` as `fmt`; returns the number of rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {FORMATS}")
    with closing(open_readonly(path)) as conn:
        columns, rows = iter_rows(conn, table)
        return _write(fmt, columns, rows, out, TAG_NAMES if table == "articles" else ())


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles to export; dates compare with the publication's own calendar date."""

    series: str | None = None
    season: int | None = None
    site: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None

    def sql(self) -> tuple[str, dict[str, object]]:
        """The articles matching every given filter, oldest first, with their `series` and `seasons`;
        with a series, its `season` in the article too. `search` is searched as the library's search box does."""
        where, columns = [], ""
        if self.series is not None:
            season = " AND t.season = :season" if self.season is not None else ""
            match = f"FROM article_series t JOIN series s ON s.id = t.series_id WHERE t.article_id = a.id " \
                    f"AND {SERIES_MATCH}{season}"
            where.append(f"EXISTS (SELECT 1 {match})")
            columns = f", (SELECT max(t.season) {match}) AS season"
        if self.site is not None:
            where.append("a.site = :site")
        if self.since is not None:
            where.append("substr(a.published, 1, 10) >= :since")
        if self.until is not None:
            where.append("substr(a.published, 1, 10) <= :until")
        if self.search is not None:
            where.append(f"a.id IN (SELECT rowid FROM {fts.FTS_TABLE} WHERE {fts.FTS_TABLE} MATCH :search)")
        condition = " WHERE " + " AND ".join(where) if where else ""
        sql = (f"SELECT a.*, {TAG_COLUMNS}{columns} FROM articles a{condition} "
               "ORDER BY julianday(a.published) IS NULL, julianday(a.published), a.id")
        params = {k: v for k, v in vars(self).items() if v is not None}
        if self.search is not None:
            params["search"] = fts_query(self.search)
        return sql, params


def export_articles(path: str | Path, where: ArticleFilter, fmt: str, out: IO[str]) -> int:
    """Write the articles matching `where`, oldest first, streaming."""
    sql, params = where.sql()
    with closing(open_readonly(path)) as conn:
        if where.search is not None and not fts.holds_search_forms(conn):
            raise StaleSearchIndex(f"the search index of {path} predates Japanese and Chinese search; "
                                   "open the archive once with fanwire (serve, crawl or reextract) to rebuild it")
        cursor = conn.execute(sql, params)
        return _write(fmt, [d[0] for d in cursor.description], _fetch(cursor), out, TAG_NAMES)


def _fetch(cursor: sqlite3.Cursor) -> Iterator[tuple]:
    while batch := cursor.fetchmany(FETCH_SIZE):
        yield from batch


#: One row per story with its copies, origin first (`copies` and `sites` are JSON).
STORIES_SQL = """
SELECT s.id, s.title, s.first_published, s.first_url, s.article_count, s.sites,
  (SELECT json_group_array(json_object('url', a.url, 'site', a.site, 'published', a.published, 'title', a.title))
   FROM (SELECT url, site, published, title FROM articles WHERE story_id = s.id
         ORDER BY julianday(published) IS NULL, julianday(published), id) a) AS copies
FROM stories s ORDER BY s.id
"""


def export_stories(path: str | Path, fmt: str, out: IO[str]) -> int:
    """Write every story with the list of its copies (`sites` and `copies` are JSON)."""
    with closing(open_readonly(path)) as conn:
        cursor = conn.execute(STORIES_SQL)
        return _write(fmt, [d[0] for d in cursor.description], _fetch(cursor), out, STORY_JSON)


def _write(fmt: str, columns: list[str], rows: Iterator[tuple], out: IO[str], json_columns: tuple[str, ...]) -> int:
    """Write rows as `fmt`; the JSON formats nest the values of `json_columns`."""
    nested = {i for i, c in enumerate(columns) if c in json_columns} if fmt != "csv" else set()
    if nested:
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

"""The full-text index `articles_fts`: the search forms (`archive.segment`) of titles and texts.

FTS5 cannot tokenize Japanese by itself and SQLite triggers cannot run Python, so the index is a
contentless FTS5 table (the text stays in `articles` only) that Python fills. Plain-SQL triggers
queue every change to an article's title or text, with the old values the index holds, in
`search_queue`, whoever writes (fanwire, the sqlite3 shell, sqlite-utils); `sync` brings the index
up to date inside fanwire's next write transaction, and on every open of the archive.

A contentless index forgets a row by being given the tokens it indexed, so `search_form` must not
change without a migration that calls `rebuild`.
"""
from __future__ import annotations

import sqlite3
from typing import Iterable, Iterator

from sqlite_utils import Database

from archive.segment import search_form

FTS_TABLE = "articles_fts"
QUEUE_TABLE = "search_queue"
#: Articles read per round trip while (re)indexing.
BATCH_ROWS = 1000

DDL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, text, content='', tokenize='unicode61')",
    # `indexed`: the row's old `title` and `text` are what the index holds for it (0 for a new row).
    f"CREATE TABLE IF NOT EXISTS {QUEUE_TABLE} (seq INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, "
    "indexed INTEGER NOT NULL, title TEXT, text TEXT)",
    f"""CREATE TRIGGER IF NOT EXISTS articles_search_insert AFTER INSERT ON articles BEGIN
          INSERT INTO {QUEUE_TABLE} (article_id, indexed) VALUES (new.id, 0); END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_search_update AFTER UPDATE OF id, title, text ON articles
          WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
          INSERT INTO {QUEUE_TABLE} (article_id, indexed, title, text) VALUES (old.id, 1, old.title, old.text);
          INSERT INTO {QUEUE_TABLE} (article_id, indexed) SELECT new.id, 0 WHERE old.id IS NOT new.id; END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_search_delete AFTER DELETE ON articles BEGIN
          INSERT INTO {QUEUE_TABLE} (article_id, indexed, title, text) VALUES (old.id, 1, old.title, old.text); END""",
]
#: The triggers sqlite-utils made for the unicode61 index that `articles_fts` replaces.
OLD_TRIGGERS = ("articles_ai", "articles_ad", "articles_au")


def create(db: Database) -> None:
    """Create the index, its queue and the triggers that fill the queue (re-runnable)."""
    for statement in DDL:
        db.execute(statement)


def holds_search_forms(conn: sqlite3.Connection) -> bool:
    """Whether `conn`'s `articles_fts` is this index (an archive not yet migrated has the old one)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [QUEUE_TABLE]).fetchone() is not None


def _rows(cursor: sqlite3.Cursor) -> Iterator[tuple[int, str | None, str | None]]:
    while batch := cursor.fetchmany(BATCH_ROWS):
        for article_id, title, text in batch:
            yield article_id, search_form(title), search_form(text)


def _insert(db: Database, rows: Iterable[tuple[int, str | None, str | None]]) -> None:
    db.conn.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, text) VALUES (?, ?, ?)", rows)


def rebuild(db: Database) -> int:
    """Index every article afresh; returns how many."""
    db.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")
    db.execute(f"DELETE FROM {QUEUE_TABLE}")
    _insert(db, _rows(db.conn.execute("SELECT id, title, text FROM articles")))
    return db.execute(f"SELECT count(*) FROM {FTS_TABLE}").fetchone()[0]


def sync(db: Database) -> int:
    """Apply the queued changes to the index; returns how many articles changed. Call it inside
    the transaction that wrote them, so readers never see an article the index does not."""
    last = db.execute(f"SELECT max(seq) FROM {QUEUE_TABLE}").fetchone()[0]
    if last is None:
        return 0
    # An article's first queued change holds what the index has for it; the later ones never reached it.
    first = db.execute(f"SELECT article_id, indexed, title, text FROM {QUEUE_TABLE} WHERE seq IN "
                       f"(SELECT min(seq) FROM {QUEUE_TABLE} WHERE seq <= ? GROUP BY article_id)", [last]).fetchall()
    db.conn.executemany(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                        [(i, search_form(title), search_form(text)) for i, indexed, title, text in first if indexed])
    ids = [row[0] for row in first]
    for start in range(0, len(ids), BATCH_ROWS):
        chunk = ids[start:start + BATCH_ROWS]
        marks = ", ".join("?" * len(chunk))
        _insert(db, _rows(db.conn.execute(f"SELECT id, title, text FROM articles WHERE id IN ({marks})", chunk)))
    db.execute(f"DELETE FROM {QUEUE_TABLE} WHERE seq <= ?", [last])
    return len(ids)

"""Search of the library view: Japanese-aware queries and highlighted snippets.

Datasette turns `_search` into a query with the SQL function `escape_fts`; on a fanwire archive
that function is replaced by `archive.segment.fts_query`, which writes Japanese and Chinese words
as the index holds them (bigrams) and makes any typed text a valid query. Datasette's `render_cell`
hook is not given the request, so an ASGI wrapper keeps the current request's `_search` in a
context variable that the cell renderer reads; snippets are cut from the article's own text
(`archive.highlight`), not from the index.
"""
from __future__ import annotations

import sqlite3
from contextvars import ContextVar
from urllib.parse import parse_qs

from markupsafe import Markup, escape

from archive import fts
from archive.highlight import snippet
from archive.schema import EXCERPT_CHARS
from archive.segment import fts_query

#: (search text, raw FTS syntax?) of the request being answered, or None.
CURRENT_SEARCH: ContextVar[tuple[str, bool] | None] = ContextVar("fanwire_search", default=None)
#: Private-use characters mark the matches in a snippet, so the text can be escaped before they
#: become <mark> elements.
START, END = "\ue000", "\ue001"
#: Longest search that gets snippets (the text of each row shown is searched); longer ones show excerpts.
MAX_SEARCH_CHARS = 500
TEXT_SQL = "SELECT title, text FROM articles WHERE id = ?"


def prepare_connection(conn: sqlite3.Connection) -> None:
    """On a fanwire archive, Datasette's `escape_fts` becomes `fts_query` (the same words and
    phrases, Japanese and Chinese written as the index holds them)."""
    if fts.holds_search_forms(conn):
        conn.create_function("escape_fts", 1, fts_query, deterministic=True)


def remember_search(app):
    """ASGI middleware: expose the request's `_search` to cell renderers."""

    async def wrapped(scope, receive, send):
        if scope.get("type") != "http":
            return await app(scope, receive, send)
        args = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        search = (args.get("_search") or [""])[0].strip()
        raw = (args.get("_searchmode") or [""])[0] == "raw"
        token = CURRENT_SEARCH.set((search, raw) if search else None)
        try:
            return await app(scope, receive, send)
        finally:
            CURRENT_SEARCH.reset(token)

    return wrapped


def highlight(marked: str) -> Markup:
    """Escape a marked snippet, then turn its markers into <mark>."""
    return Markup(str(escape(marked)).replace(START, "<mark>").replace(END, "</mark>"))


async def excerpt_html(datasette, database: str, article_id: int, excerpt: str | None) -> Markup:
    """The passage of an article (or its title) matching the current search, or the start of its text."""
    current = CURRENT_SEARCH.get()
    if current is not None and len(current[0]) <= MAX_SEARCH_CHARS:
        search, raw = current
        rows = (await datasette.get_database(database).execute(TEXT_SQL, [article_id])).rows
        for value in (rows[0]["text"], rows[0]["title"]) if rows else ():
            if value and (marked := snippet(value, search, (START, END), raw)):
                return Markup(f'<span class="fanwire-snippet">{highlight(marked)}</span>')
    text = (excerpt or "").replace("\n", " ")
    return Markup(f'<span class="fanwire-excerpt">{escape(text)}{"…" if len(text) >= EXCERPT_CHARS else ""}</span>')

"""Highlighted snippets for searches of the library view.

Datasette's `render_cell` hook is not given the request, so an ASGI wrapper keeps the current
request's `_search` in a context variable that the cell renderer reads. Snippets come from SQLite
FTS5's `snippet()` over the same index Datasette searched, with its own query escaping.
"""
from __future__ import annotations

from contextvars import ContextVar
from urllib.parse import parse_qs

from datasette.utils import escape_fts
from markupsafe import Markup, escape

from archive.schema import EXCERPT_CHARS

#: (search text, raw FTS syntax?) of the request being answered, or None.
CURRENT_SEARCH: ContextVar[tuple[str, bool] | None] = ContextVar("fanwire_search", default=None)
#: Private-use characters mark the matches in SQLite's snippet, so the text can be escaped before
#: they become <mark> elements.
START, END = "\ue000", "\ue001"
#: Tokens of context around the matches.
SNIPPET_TOKENS = 24
#: Longest search that gets snippets (one FTS query per row shown); longer ones show excerpts.
MAX_SEARCH_CHARS = 500
SNIPPET_SQL = (f"SELECT snippet(articles_fts, -1, '{START}', '{END}', '…', {SNIPPET_TOKENS}) "
               "FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?")


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


def highlight(snippet: str) -> Markup:
    """Escape a marked snippet, then turn its markers into <mark>."""
    marked = str(escape(snippet))
    return Markup(marked.replace(START, "<mark>").replace(END, "</mark>"))


async def excerpt_html(datasette, database: str, article_id: int, excerpt: str | None) -> Markup:
    """The passages of an article matching the current search, or the start of its text."""
    current = CURRENT_SEARCH.get()
    if current is not None and len(current[0]) <= MAX_SEARCH_CHARS:
        search, raw = current
        rows = (await datasette.get_database(database).execute(
            SNIPPET_SQL, [search if raw else escape_fts(search), article_id])).rows
        if rows and rows[0][0]:
            return Markup(f'<span class="fanwire-snippet">{highlight(rows[0][0])}</span>')
    text = (excerpt or "").replace("\n", " ")
    return Markup(f'<span class="fanwire-excerpt">{escape(text)}{"…" if len(text) >= EXCERPT_CHARS else ""}</span>')

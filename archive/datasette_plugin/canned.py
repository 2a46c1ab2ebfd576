"""Canned queries' cells as links: a title to its reading view, a series to its articles, a story
to its copies, sites and error kinds to the rows behind them.

Datasette's `render_cell` hook is told neither the request nor the canned query, so an ASGI
wrapper keeps the request's path in a context variable; the rules apply to fanwire's own canned
queries only (an ad-hoc SQL query with a `title` column keeps plain cells).
"""
from __future__ import annotations

from contextvars import ContextVar
from urllib.parse import urlencode

from markupsafe import Markup, escape

from archive.datasette_plugin.cells import counts_html, list_html
from archive.datasette_plugin.reading import read_link
from archive.queries import QUERIES

CURRENT_PATH: ContextVar[str] = ContextVar("fanwire_path", default="")
#: The column holding the article a row's title names, per canned query.
ARTICLE_ID = {"latest_per_series": "article_id", "most_copied_stories": "article_id", "story_copies": "id",
              "series_articles": "id", "feed": "atom_id", "series_feed": "atom_id"}


def remember_path(app):
    """ASGI middleware: expose the request's path to cell renderers."""

    async def wrapped(scope, receive, send):
        token = CURRENT_PATH.set(scope.get("path", "") if scope.get("type") == "http" else "")
        try:
            return await app(scope, receive, send)
        finally:
            CURRENT_PATH.reset(token)

    return wrapped


def current_query(datasette, database: str) -> str | None:
    """The fanwire canned query the current request shows, or None."""
    prefix = datasette.urls.database(database) + "/"
    path = CURRENT_PATH.get()
    name = path[len(prefix):] if path.startswith(prefix) else ""
    return name if name in QUERIES else None


def _link(href: str, text: object, **attrs: str) -> Markup:
    extra = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    return Markup(f'<a href="{escape(href)}"{extra}>{escape(text)}</a>')


def render(row, value: object, column: str, database: str, datasette) -> Markup | None:
    """A canned query's cell as a link where it names something the archive has a page for."""
    query = current_query(datasette, database)
    if query is None or value is None:
        return None
    keys = row.keys()
    library = datasette.urls.table(database, "library")
    if column in ("title", "atom_title") and ARTICLE_ID.get(query) in keys and row[ARTICLE_ID[query]] is not None:
        return read_link(datasette, row[ARTICLE_ID[query]], value)
    if column == "series":
        return _link(f"{library}?{urlencode({'series__arraycontains': value})}", value)
    if column == "series_ja":
        return Markup(f'<span lang="ja">{escape(value)}</span>')
    if column == "story_id":
        return _link(f"{datasette.urls.query(database, 'story_copies')}?{urlencode({'story_id': value})}", value)
    if column in ("site", "atom_site"):
        return _link(f"{library}?{urlencode({'site': value})}", value)
    if column == "sites":
        return list_html(value, lambda site: f"{library}?{urlencode({'site': site})}")
    errors = datasette.urls.table(database, "crawl_errors")
    if column == "errors" and "crawl_id" in keys:
        return _link(f"{errors}?{urlencode({'crawl_id': row['crawl_id']})}", value)
    if column == "errors_by_kind" and "crawl_id" in keys:
        return counts_html(value, lambda kind: f"{errors}?{urlencode({'crawl_id': row['crawl_id'], 'kind': kind})}")
    return None

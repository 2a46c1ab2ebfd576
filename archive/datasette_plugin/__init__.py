"""Datasette plugin (entry point `fanwire`): the archive as a fan-news library.

Hooks only; each job lives in its own module: the reading view (`reading`), how a series is
named (`names`), sanitizing crawled HTML (`sanitize`), feeds (`feed`, rendered as Atom by `atom`
and as a page for browsers by `feed_page`), the per-month chart (`chart`) and search snippets (`search`).
"""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from markupsafe import Markup, escape

from archive.datasette_plugin import atom, canned, cells, chart, names, reading, search

#: The name Datasette serves the plugin's static/ directory under (/-/static-plugins/fanwire/).
STATIC = "fanwire"
TEXT_STYLE = "max-height:24em;overflow:auto;max-width:48em;white-space:normal;line-height:1.5"
#: Characters of an article's text shown in a table cell (a page holds up to a thousand rows);
#: the reading view and the row's JSON have it all.
MAX_CELL_CHARS = 10_000


def paragraphs_html(text: str) -> Markup:
    """Escape the start of `text` and wrap each of its lines (trafilatura's blocks) in <p>."""
    body = "".join(f"<p>{escape(b)}</p>" for b in reading.paragraphs(text, MAX_CELL_CHARS))
    more = "<p>…</p>" if len(text) > MAX_CELL_CHARS else ""
    return Markup(f'<div class="fanwire-text" style="{TEXT_STYLE}">{body}{more}</div>')


def _array(value: str | None) -> list[str] | None:
    """The values of a JSON array cell of the library, or None when it holds something else."""
    try:
        values = json.loads(value) if value else []
    except ValueError:
        return None
    return values if isinstance(values, list) and all(isinstance(v, str) for v in values) else None


def _facet_links(datasette, database: str, column: str, values: list[str] | None,
                 japanese: dict[str, str] | None = None) -> Markup | None:
    """A JSON array cell of the library as links to the library filtered by each of its values,
    each series with its Japanese title beside it (`japanese`)."""
    if values is None:
        return None
    if not values:
        return Markup("&nbsp;")
    table = datasette.urls.table(database, "library")
    beside = japanese or {}
    return Markup(", ".join(f'<a href="{escape(table)}?{escape(urlencode({f"{column}__arraycontains": v}))}">'
                            f"{escape(v)}</a>" + (f' <span class="title-ja" lang="ja">({escape(beside[v])})</span>'
                                                  if v in beside else "")
                            for v in values))


def _series_links(datasette, database: str, value: str | None) -> Callable[[], Awaitable[Markup | None]]:
    """The library's series cell: links, each series with its Japanese title beside it."""
    async def inner() -> Markup | None:
        values = _array(value)
        japanese = await names.japanese_titles(datasette.get_database(database), values or [])
        return _facet_links(datasette, database, "series", values, japanese)

    return inner


@hookimpl
def render_cell(row, value: Any, column: str, table: str | None, database: str, datasette) -> Any:
    dated = cells.date_cell(column, value)
    if dated is not None:
        return dated
    if table is None:
        return canned.render(row, value, column, database, datasette)
    if table == "articles" and column == "text" and isinstance(value, str):
        return paragraphs_html(value)
    if table == "articles" and column == "title":
        return reading.read_link(datasette, row["id"], value)
    if table != "library":
        return None
    if column == "title":
        return reading.read_link(datasette, row["id"], value)
    if column == "series":
        return _series_links(datasette, database, value)
    if column == "seasons":
        return _facet_links(datasette, database, column, _array(value))
    if column == "excerpt":
        return search.excerpt_html(datasette, database, row["id"], value)
    return None


@hookimpl(trylast=True)
def prepare_connection(conn):
    """Last, so that fanwire's `escape_fts` replaces Datasette's own on an archive."""
    search.prepare_connection(conn)


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: canned.remember_path(search.remember_search(app))


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(STATIC, "fanwire.css")]


@hookimpl
def extra_js_urls(datasette):
    return [{"url": datasette.urls.static_plugins(STATIC, "fanwire.js"), "module": True}]


@hookimpl
def register_routes():
    return [
        (r"^/-/fanwire/read/(?P<id>\d+)$", reading.read_article),
        (r"^/-/fanwire/read/(?P<id>\d+)/snapshot$", reading.read_snapshot),
        (rf"^{chart.CHART_PATH}$", chart.chart_page),
    ]


@hookimpl
def register_output_renderer():
    return {"extension": "atom", "render": atom.render_atom, "can_render": atom.can_render}


@hookimpl
def extra_template_vars(template: str, datasette):
    """On the home page: the library's entrances (search, browse, read, follow, chart)."""
    if template != "index.html":
        return None

    async def inner() -> dict[str, Any]:
        try:
            db = await reading.archive_database(datasette)
        except reading.NotFound:
            return {"fanwire": None}
        if "library" not in await db.view_names():
            return {"fanwire": None}
        return {"fanwire": {
            "library": datasette.urls.table(db.name, "library"),
            "query": lambda name, fmt=None: datasette.urls.query(db.name, name, format=fmt),
            "chart": datasette.urls.path(chart.CHART_PATH),
        }}

    return inner


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path(chart.CHART_PATH), "label": "Articles per month (chart)"}]

"""A feed opened in a browser: a server-rendered page listing its entries, with a hint to subscribe.

Browsers show Atom as raw XML, and the XSLT that once styled it is being removed from them; the
page is ordinary HTML (template `fanwire_feed.html`) built from the same `feed.Feed` as the Atom.
"""
from __future__ import annotations

from datasette.utils.asgi import Response
from markupsafe import Markup

from archive.datasette_plugin.cells import readable_date
from archive.datasette_plugin.feed import VARY, Feed

#: Characters of an entry's summary the page shows (the Atom carries more).
SUMMARY_CHARS = 280


def _accepted(accept: str) -> set[str]:
    """The media types an Accept header names with a quality above zero."""
    types = set()
    for part in accept.lower().split(","):
        media, *params = (p.strip() for p in part.split(";"))
        quality = next((p.partition("=")[2] for p in params if p.replace(" ", "").startswith("q=")), "1")
        try:
            accepted = float(quality) > 0
        except ValueError:
            accepted = True
        if media and accepted:
            types.add(media)
    return types


def wants_page(accept: str) -> bool:
    """A browser (its Accept names text/html) that does not ask for Atom: feed readers name
    application/atom+xml, */* or nothing, and get the Atom."""
    types = _accepted(accept)
    return "text/html" in types and "application/atom+xml" not in types


def _date(value: str) -> Markup:
    return readable_date(value, with_time=False) or Markup("")


async def render_page(datasette, request, feed: Feed, database: str) -> Response:
    context = {"feed": feed, "database": database, "date": _date, "summary_chars": SUMMARY_CHARS}
    html = await datasette.render_template("fanwire_feed.html", context, request=request)
    return Response.html(html, headers=VARY)

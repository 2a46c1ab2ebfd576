"""`.atom` output for any query whose columns follow datasette-atom's convention (`feed.REQUIRED`):
Atom for feed readers, the feed page (`feed_page`) for a browser.

Our own renderer rather than datasette-atom: that plugin fails on an empty result (a series with no
articles yet), writes no feed-level author (RFC 4287 needs one when entries lack theirs) and cleans
HTML with the deprecated bleach. The Atom carries no XSLT stylesheet: browsers are deprecating
XSLT, so a browser is answered with a server-rendered page instead.
"""
from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, tostring

from datasette import __version__ as datasette_version
from datasette.utils.asgi import Response

from archive.datasette_plugin import feed_page
from archive.datasette_plugin.feed import REQUIRED, VARY, Entry, Feed, build_feed

ATOM_NS = "http://www.w3.org/2005/Atom"


def can_render(columns: list[str]) -> bool:
    return REQUIRED <= set(columns)


async def render_atom(datasette, request, rows, columns, database, query_name) -> Response:
    """The query's rows as a feed: the HTML page when a browser asks, else Atom."""
    feed = build_feed(datasette, request, rows, columns, database, query_name)
    if feed_page.wants_page(request.headers.get("accept", "")):
        return await feed_page.render_page(datasette, request, feed, database)
    return Response(atom_xml(feed), content_type="application/atom+xml; charset=utf-8", headers=VARY)


def _text(parent: Element, tag: str, value: str, **attrs: str) -> Element:
    element = SubElement(parent, tag, attrs)
    element.text = value
    return element


def atom_xml(feed: Feed) -> bytes:
    """`feed` as an Atom document (RFC 4287)."""
    root = Element("feed", {"xmlns": ATOM_NS})
    _text(root, "title", feed.title)
    _text(root, "id", feed.url)
    SubElement(root, "link", {"rel": "self", "href": feed.url})
    SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": feed.table})
    _text(root, "updated", feed.updated)
    _text(SubElement(root, "author"), "name", feed.author)
    _text(root, "generator", "Datasette with fanwire", version=datasette_version)
    root.extend(_entry(e) for e in feed.entries)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="utf-8", xml_declaration=False)


def _entry(entry: Entry) -> Element:
    element = Element("entry")
    _text(element, "id", entry.id)
    _text(element, "title", entry.title)
    _text(element, "updated", entry.updated)
    if entry.link:
        SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": entry.link})
    SubElement(element, "link", {"rel": "related", "type": "text/html", "href": entry.reading})
    if entry.author:
        _text(SubElement(element, "author"), "name", entry.author)
    if entry.summary:
        _text(element, "summary", entry.summary, type="text")
    return element

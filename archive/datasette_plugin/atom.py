"""`.atom` output for any query whose columns follow datasette-atom's convention
(`atom_id`, `atom_title`, `atom_updated`, optional `atom_link`, `atom_content`, `atom_author_name`).

Our own renderer rather than datasette-atom: that plugin fails on an empty result (a series with no
articles yet), writes no feed-level author (RFC 4287 needs one when entries lack theirs) and cleans
HTML with the deprecated bleach. Entries keep the query's order (fanwire's feeds: newest first).
"""
from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, tostring

from datasette import __version__ as datasette_version
from datasette.utils.asgi import Response
from markupsafe import escape

from archive.datasette_plugin.reading import READ_PATH
from archive.datasette_plugin.sanitize import safe_url
from archive.dates import is_plausible, now_iso, parse_date, utc_now
from archive.text import clean_text

ATOM_NS = "http://www.w3.org/2005/Atom"
REQUIRED = frozenset({"atom_id", "atom_title", "atom_updated"})
#: The name Datasette serves the plugin's static/ directory under (/-/static-plugins/fanwire/).
STATIC = "fanwire"
#: The XSLT (in static/) a browser applies to show a feed as a readable list with a hint to subscribe.
STYLESHEET = "feed.xsl"


def can_render(columns: list[str]) -> bool:
    return REQUIRED <= set(columns)


def rfc3339(value: str | None) -> str | None:
    """An ISO 8601 date or time as RFC 3339 (Atom's date format); naive times are taken as UTC.
    None for a date no article can have (`archive.dates`, from now): a feed saying 9999-12-31
    would sort first in every reader forever."""
    parsed = parse_date(value)
    return parsed.isoformat(timespec="seconds") if parsed and is_plausible(parsed, utc_now()) else None


def _text(parent: Element, tag: str, value: object, **attrs: str) -> Element:
    element = SubElement(parent, tag, attrs)
    element.text = clean_text(str(value))  # crawled text may carry what XML 1.0 forbids
    return element


def _feed_title(datasette, database: str, query_name: str | None, request) -> str:
    title = (datasette.metadata("queries", database=database) or {}).get(query_name or "", {}).get("title")
    title = title or request.args.get("_feed_title") or f"{database}: {query_name or 'query'}"
    series = request.args.get("series")
    return f"{title}: {series}" if series else title


def render_atom(datasette, request, rows, columns, database, query_name) -> Response:
    feed = Element("feed", {"xmlns": ATOM_NS})
    _text(feed, "title", _feed_title(datasette, database, query_name, request))
    _text(feed, "id", request.url)
    SubElement(feed, "link", {"rel": "self", "href": request.url})
    SubElement(feed, "link", {"rel": "alternate", "type": "text/html",
                              "href": request.url.replace(".atom", "", 1)})
    entries = [_entry(row, columns, datasette, request) for row in rows]
    updated = max((e.findtext("updated") for e in entries), default=None, key=parse_date)
    _text(feed, "updated", updated or now_iso())
    _text(SubElement(feed, "author"), "name", "fanwire archive")
    _text(feed, "generator", "Datasette with fanwire", version=datasette_version)
    feed.extend(entries)
    stylesheet = datasette.urls.static_plugins(STATIC, STYLESHEET)
    body = (b'<?xml version="1.0" encoding="utf-8"?>\n'
            + f'<?xml-stylesheet type="text/xsl" href="{escape(stylesheet)}"?>\n'.encode()
            + tostring(feed, encoding="utf-8", xml_declaration=False))
    return Response(body, content_type=f"{content_type(request)}; charset=utf-8", headers={"Vary": "Accept"})


def content_type(request) -> str:
    """Atom's own type for feed readers; plain XML for a browser (its Accept names text/html), which
    shows application/atom+xml as raw text and applies the stylesheet only to XML. Same body."""
    return "application/xml" if "text/html" in request.headers.get("accept", "") else "application/atom+xml"


def _entry(row, columns: list[str], datasette, request) -> Element:
    entry = Element("entry")
    link = safe_url(row["atom_link"]) if "atom_link" in columns else None
    _text(entry, "id", link or f"urn:fanwire:article:{row['atom_id']}")
    _text(entry, "title", row["atom_title"] or "Untitled")
    updated = rfc3339(row["atom_updated"]) or now_iso()
    _text(entry, "updated", updated)
    if link:
        SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": link})
    reading = datasette.absolute_url(request, datasette.urls.path(READ_PATH.format(id=row['atom_id'])))
    SubElement(entry, "link", {"rel": "related", "type": "text/html", "href": reading})
    if "atom_author_name" in columns and row["atom_author_name"]:
        _text(SubElement(entry, "author"), "name", row["atom_author_name"])
    if "atom_content" in columns and row["atom_content"]:
        _text(entry, "summary", row["atom_content"], type="text")
    return entry

"""A feed as plain values, built once from a query's rows: what the Atom (`atom`) and the feed page
for browsers (`feed_page`) both render, so the two always list the same entries in the same order.

Rows follow datasette-atom's column convention (`atom_id`, `atom_title`, `atom_updated`, optional
`atom_link`, `atom_content`, `atom_author_name`); entries keep the query's order (fanwire's feeds:
newest first). Every text is cleaned to what XML 1.0 can carry (crawled text may hold control
characters), so both renderings show the same text.
"""
from __future__ import annotations

from dataclasses import dataclass

from archive.datasette_plugin.reading import READ_PATH
from archive.datasette_plugin.sanitize import safe_url
from archive.dates import is_plausible, now_iso, parse_date, utc_now
from archive.text import clean_text

REQUIRED = frozenset({"atom_id", "atom_title", "atom_updated"})
#: The feed's author when entries lack theirs (RFC 4287 needs one or the other).
AUTHOR = "fanwire archive"
#: The Atom and the page are two answers at one URL, chosen by the Accept header: caches keep them apart.
VARY = {"Vary": "Accept"}


@dataclass(frozen=True)
class Entry:
    """One article of a feed."""
    id: str
    title: str
    #: RFC 3339.
    updated: str
    #: The reading view in the archive (absolute URL).
    reading: str
    #: The article on its site, when its URL is safe to link.
    link: str | None = None
    author: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class Feed:
    """A feed's own fields and its entries."""
    title: str
    #: The feed's own URL (its id and rel="self").
    url: str
    #: The same query as Datasette's HTML table.
    table: str
    #: RFC 3339: the newest entry's date, or now for an empty feed.
    updated: str
    entries: list[Entry]
    author: str = AUTHOR


def rfc3339(value: str | None) -> str | None:
    """An ISO 8601 date or time as RFC 3339 (Atom's date format); naive times are taken as UTC.
    None for a date no article can have (`archive.dates`, from now): a feed saying 9999-12-31
    would sort first in every reader forever."""
    parsed = parse_date(value)
    return parsed.isoformat(timespec="seconds") if parsed and is_plausible(parsed, utc_now()) else None


def _feed_title(datasette, database: str, query_name: str | None, request) -> str:
    title = (datasette.metadata("queries", database=database) or {}).get(query_name or "", {}).get("title")
    title = title or request.args.get("_feed_title") or f"{database}: {query_name or 'query'}"
    series = request.args.get("series")
    return f"{title}: {series}" if series else title


def _optional(row, columns: list[str], column: str) -> str | None:
    return clean_text(str(row[column])) if column in columns and row[column] else None


def _entry(row, columns: list[str], datasette, request) -> Entry:
    link = safe_url(row["atom_link"]) if "atom_link" in columns else None
    reading = datasette.absolute_url(request, datasette.urls.path(READ_PATH.format(id=row["atom_id"])))
    return Entry(id=clean_text(link or f"urn:fanwire:article:{row['atom_id']}"),
                 title=clean_text(str(row["atom_title"] or "Untitled")),
                 updated=rfc3339(row["atom_updated"]) or now_iso(),
                 reading=reading, link=link,
                 author=_optional(row, columns, "atom_author_name"),
                 summary=_optional(row, columns, "atom_content"))


def build_feed(datasette, request, rows, columns: list[str], database: str, query_name: str | None) -> Feed:
    """The feed of a query's rows, as served at `request.url`."""
    entries = [_entry(row, columns, datasette, request) for row in rows]
    updated = max((e.updated for e in entries), default=None, key=parse_date)
    return Feed(title=clean_text(_feed_title(datasette, database, query_name, request)),
                url=request.url, table=request.url.replace(".atom", "", 1),
                updated=updated or now_iso(), entries=entries)

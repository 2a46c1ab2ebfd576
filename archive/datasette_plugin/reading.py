"""The reading view: one article as paragraphs, with its original, its other copies and its feeds,
and the archived page itself, sanitized."""
from __future__ import annotations

import json
import sqlite3
from urllib.parse import urlencode, urlsplit

from datasette.database import Database
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from archive.datasette_plugin.names import japanese_beside
from archive.datasette_plugin.sanitize import safe_url, sanitize_html
from archive.store import decompress_html

READ_PATH = "/-/fanwire/read/{id}"
#: Characters of text the reading view shows: a long article is a few tens of thousands; the
#: rest of a bigger text is in the archive's row.
MAX_READ_CHARS = 200_000
#: Other copies of a story listed under an article, oldest first.
MAX_COPIES = 100

ARTICLE_SQL = ("SELECT a.*, s.first_url, s.origin_url, s.origin_evidence FROM articles a "
               "LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ?")
COPIES_SQL = ("SELECT id, title, site, url, published FROM articles WHERE story_id = ? AND id != ? "
              f"ORDER BY julianday(published) IS NULL, julianday(published), id LIMIT {MAX_COPIES}")
SERIES_SQL = ("SELECT s.id, s.title, s.title_ja, t.season FROM article_series t JOIN series s ON s.id = t.series_id "
              "WHERE t.article_id = ? ORDER BY s.title")
#: The stored page an article was extracted from (its source URL first, then its own URL).
PAGE_SQL = ("SELECT url, encoding, html FROM pages WHERE url IN (:source, :url) AND html IS NOT NULL "
            "ORDER BY url = :source DESC LIMIT 1")


def paragraphs(text: str | None, limit: int = MAX_READ_CHARS) -> list[str]:
    """The article's blocks (trafilatura writes one paragraph per line) in its first `limit` characters."""
    return [line.strip() for line in (text or "")[:limit].splitlines() if line.strip()]
def evidence_summary(origin_evidence: str | None) -> str:
    """What made the origin the origin, in one line: "c.test links to it; d.test names it as …"."""
    reasons = json.loads(origin_evidence) if origin_evidence else []
    return "; ".join(f"the copy on {urlsplit(r['copy']).netloc} {r['because']}" for r in reasons)


async def archive_database(datasette) -> Database:
    """The first attached database that is a fanwire archive."""
    for name, db in datasette.databases.items():
        if not name.startswith("_") and await db.table_exists("articles"):
            return db
    raise NotFound("no fanwire archive is attached")


async def _article(db: Database, article_id: int) -> dict:
    rows = (await db.execute(ARTICLE_SQL, [article_id])).rows
    if not rows:
        raise NotFound(f"no article {article_id}")
    return dict(rows[0])


def _read_url(datasette, article_id: int) -> str:
    return datasette.urls.path(READ_PATH.format(id=article_id))


def read_link(datasette, article_id: int, title: str | None) -> Markup:
    """An article's title as a link to its reading view."""
    return Markup(f'<a class="fanwire-read" href="{escape(_read_url(datasette, article_id))}">'
                  f'{escape(title or "Untitled")}</a>')


async def read_article(request, datasette) -> Response:
    db = await archive_database(datasette)
    article = await _article(db, int(request.url_vars["id"]))
    copies = [dict(r) | {"read_url": _read_url(datasette, r["id"]), "url": safe_url(r["url"]),
                         "origin": r["url"] == article["origin_url"], "earliest_claim": r["url"] == article["first_url"]}
              for r in (await db.execute(COPIES_SQL, [article["story_id"], article["id"]])).rows]
    feed = datasette.urls.query(db.name, "series_feed", format="atom")
    library = datasette.urls.table(db.name, "library")
    series = [dict(r) | {"japanese": japanese_beside(r["title"], r["title_ja"]),
                         "feed": f"{feed}?{urlencode({'series': r['title']})}",
                         "browse": f"{library}?{urlencode({'series__arraycontains': r['title']})}"}
              for r in (await db.execute(SERIES_SQL, [article["id"]])).rows]
    context = {
        "article": article,
        "paragraphs": paragraphs(article["text"]),
        "truncated": len(article["text"] or "") > MAX_READ_CHARS,
        "original": safe_url(article["url"]),
        "is_origin": article["url"] == article["origin_url"],
        "claims_earliest": bool(copies) and article["url"] == article["first_url"],
        "origin_decided": article["origin_url"] is not None,
        "evidence": evidence_summary(article["origin_evidence"]),
        "copies": copies,
        "series": series,
        "archive_feed": datasette.urls.query(db.name, "feed", format="atom"),
        "row_url": datasette.urls.row(db.name, "articles", article["id"]),
        "snapshot_url": _read_url(datasette, article["id"]) + "/snapshot" if await _page(db, article) else None,
        "database": db.name,
    }
    return Response.html(await datasette.render_template("fanwire_read.html", context, request=request))


async def _page(db: Database, article: dict) -> sqlite3.Row | None:
    """The stored raw page of `article`, or None (also when the archive was published without pages)."""
    if not await db.table_exists("pages"):
        return None
    rows = (await db.execute(PAGE_SQL, {"source": article["source_url"], "url": article["url"]})).rows
    return rows[0] if rows else None


async def read_snapshot(request, datasette) -> Response:
    db = await archive_database(datasette)
    article = await _article(db, int(request.url_vars["id"]))
    page = await _page(db, article)
    if page is None:
        raise NotFound(f"no archived page for article {article['id']}")
    raw = decompress_html(page["html"])
    try:
        html = raw.decode(page["encoding"] or "utf-8", errors="replace")
    except LookupError:
        html = raw.decode("utf-8", errors="replace")
    context = {"article": article, "page_url": safe_url(page["url"]), "snapshot": sanitize_html(html, page["url"]),
               "read_url": _read_url(datasette, article["id"]), "database": db.name}
    return Response.html(await datasette.render_template("fanwire_snapshot.html", context, request=request))

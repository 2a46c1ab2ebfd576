"""Batched, idempotent writes into the archive.

One call of `Archive.write_batch` is one transaction: a crawl killed at any moment leaves the
archive as it was after the last whole batch, and replaying the same pages stores nothing twice
because every row is keyed (articles by URL, pages by URL, aliases by URL). A batch one item of
which cannot be stored is written again item by item, so that item alone is lost, and recorded.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlite_utils import Database

from archive import fts
from archive.crawls import COMPLETE_SQL, beat, close_stale, runner
from archive.dates import now_iso
from archive.errors import AmbiguousSeries, UnknownSeries, opening_error
from archive.origin import Copy, decide
from archive.queries import SERIES_MATCH
from archive.schema import migrate
from archive.sites import same_site
from archive.text import clean, clean_text

logger = logging.getLogger(__name__)

#: zlib level for stored raw HTML: level 6 is ~4x smaller than the HTML at a fraction of level 9's cost.
HTML_COMPRESSION_LEVEL = 6

#: Columns an article upsert writes (`story_id` is set by the story assignment that follows).
ARTICLE_COLUMNS = (
    "url", "canonical_url", "source_url", "site", "title", "author", "published", "modified",
    "lang", "text", "content_hash", "fetched_at", "crawl_id", "gone_at", "published_raw", "modified_raw",
)
#: Story columns derived from the story's articles. `first_url` and `first_published` are the
#: copy claiming the earliest publication date and that date: a claim any copier can make, so
#: the origin is decided apart, from evidence (`Archive._decide_origins`).
REFRESH_STORIES = """
UPDATE stories SET
  article_count = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id),
  sites = (SELECT json_group_array(site) FROM (SELECT DISTINCT site FROM articles a WHERE a.story_id = stories.id
           ORDER BY site)),
  first_published = (SELECT a.published FROM articles a WHERE a.story_id = stories.id
                     ORDER BY julianday(a.published) IS NULL, julianday(a.published), a.id LIMIT 1),
  first_url = (SELECT a.url FROM articles a WHERE a.story_id = stories.id
               ORDER BY julianday(a.published) IS NULL, julianday(a.published), a.id LIMIT 1),
  title = (SELECT a.title FROM articles a WHERE a.story_id = stories.id
           ORDER BY julianday(a.published) IS NULL, julianday(a.published), a.id LIMIT 1)
WHERE id IN ({marks})
"""
#: What extraction produces: the columns `fanwire reextract` rewrites.
EXTRACTED_COLUMNS = ("title", "author", "published", "modified", "lang", "text", "content_hash")
#: Rows fetched from SQLite per round trip while streaming pages.
FETCH_SIZE = 200
PAGE_COLUMNS = (
    "url", "status", "content_type", "encoding", "etag", "last_modified", "sitemap_lastmod", "fetched_at", "html",
    "warc_file", "warc_offset", "warc_length",
)
#: Longest `crawl_errors.detail` recorded for an item that could not be stored.
MAX_DETAIL_CHARS = 500
ERROR_COLUMNS = ("crawl_id", "url", "kind", "detail", "at", "status")
STATE_COLUMNS = ("url", "site", "kind", "status", "etag", "last_modified", "lastmod", "listed_in", "fetched_at",
                 "crawl_id")
#: A fetch-state upsert: a column given as NULL keeps its stored value, and `listed_in` (a JSON
#: array of the sitemaps listing the URL) gains the one sitemap a row names.
UPSERT_STATE = (
    f"INSERT INTO fetch_state ({', '.join(STATE_COLUMNS)}) VALUES ({', '.join('?' * len(STATE_COLUMNS))}) "
    "ON CONFLICT(url) DO UPDATE SET "
    + ", ".join(f"{c} = coalesce(excluded.{c}, fetch_state.{c})" for c in STATE_COLUMNS[1:] if c != "listed_in")
    + ", listed_in = CASE WHEN excluded.listed_in IS NULL OR fetch_state.listed_in IS NULL "
    "THEN coalesce(excluded.listed_in, fetch_state.listed_in) "
    "WHEN EXISTS (SELECT 1 FROM json_each(fetch_state.listed_in) WHERE value = excluded.listed_in ->> '$[0]') "
    "THEN fetch_state.listed_in ELSE json_insert(fetch_state.listed_in, '$[#]', excluded.listed_in ->> '$[0]') END"
)
#: How long a write waits for another process's transaction (several crawl workers sharing one
#: archive) before failing.
BUSY_TIMEOUT_MS = 120_000
#: Pause between tries to switch a new archive to WAL while another process switches it.
WAL_RETRY_SECONDS = 0.05
#: Statuses that say an article is gone (not a transient failure).
GONE_STATUSES = (404, 410)


@dataclass
class BatchResult:
    """What one batch changed, for the crawl's stats."""

    articles_new: int = 0
    articles_updated: int = 0
    aliases: int = 0
    errors: int = 0
    stories_new: int = 0
    revisions: int = 0
    gone: int = 0
    failed: int = 0  # items that could not be stored, each recorded as a `store_error`
    unresolved: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: BatchResult) -> None:
        """Count `other` (one item's write) into this result."""
        for name in ("articles_new", "articles_updated", "aliases", "errors", "stories_new", "revisions", "gone",
                     "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unresolved += other.unresolved


@dataclass
class Batch:
    """What one `write_batch` call stores, its strings cleaned."""

    articles: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    redirects: list[dict[str, Any]]
    templates: list[dict[str, Any]]
    fetches: list[dict[str, Any]]

    def size(self) -> int:
        return sum(len(items) for items in vars(self).values())

    def crawl_id(self) -> int | None:
        """The crawl the batch belongs to, for an item that does not say (a template)."""
        return next((i["crawl_id"] for items in vars(self).values() for i in items if i.get("crawl_id")), None)

    def parts(self) -> Iterator[tuple[dict[str, Any], Batch]]:
        """Each item of the batch with a batch of that item alone."""
        for name, items in vars(self).items():
            for item in items:
                yield item, Batch(**{n: [item] if n == name else [] for n in vars(self)})


def compress_html(html: bytes) -> bytes:
    return zlib.compress(html, HTML_COMPRESSION_LEVEL)


def decompress_html(blob: bytes) -> bytes:
    return zlib.decompress(blob)


def _enable_wal(db: Database) -> None:
    """Switch the file to WAL mode. Two processes opening one new archive at once both ask for the
    exclusive lock the switch takes, and SQLite fails one at once instead of waiting (waiting could
    deadlock), so that one tries again until the busy timeout; by then the file is in WAL mode."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


@contextmanager
def _immediate(db: Database) -> Iterator[None]:
    """A write transaction that takes SQLite's write lock first: a transaction that reads before
    writing fails at once (SQLITE_BUSY) when another process wrote in between, waiting cannot help.
    The search index takes in what the transaction (or a writer without fanwire) changed before it commits."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        fts.sync(db)
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


class Archive:
    """An archive database file: opened in WAL mode and migrated on open."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = Database(self.path)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _enable_wal(self.db)
            with _immediate(self.db):  # workers opening a new archive at once: one migrates, the others wait
                migrate(self.db)
        except sqlite3.DatabaseError as exc:
            named = opening_error(self.path, exc)
            if named is None:
                raise
            raise named from exc

    def close(self) -> None:
        self.db.close()

    def start_crawl(self, start_urls: Iterable[str], started_at: str) -> int:
        """Open a crawl, naming the process that writes it (`archive.crawls`)."""
        table = self.db["crawls"]
        with self.db.atomic():
            table.insert({"started_at": started_at, "start_urls": json.dumps(clean(list(start_urls))),
                          "heartbeat_at": started_at, **runner()})
        return int(table.last_pk)

    def beat(self, crawl_id: int, at: str) -> None:
        """Say the crawl is still running (every `archive.crawls.HEARTBEAT_SECONDS`)."""
        beat(self.db, crawl_id, at)

    def finish_crawl(self, crawl_id: int, finished_at: str, stats: dict[str, Any]) -> None:
        """Close the crawl with its stats, and the crawls whose process died as `killed`."""
        with self.db.atomic():
            self.db["crawls"].update(
                crawl_id, {"finished_at": finished_at, "stats": json.dumps(stats, default=str, sort_keys=True)}
            )
        close_stale(self.db)

    def write_batch(self, articles: list[dict[str, Any]], errors: Iterable[dict[str, Any]] = (),
                    redirects: Iterable[dict[str, Any]] = (), templates: Iterable[dict[str, Any]] = (),
                    fetches: Iterable[dict[str, Any]] = ()) -> BatchResult:
        """Store articles (with their raw page and alias URLs), recorded errors and redirects in one
        transaction.

        An article dict has the `ARTICLE_COLUMNS`, plus `site_name`, `aliases` (other URLs of the
        same document) and `page` (a dict of `PAGE_COLUMNS` with `html` as raw bytes). When a
        URL is already archived, the stored text is replaced only by a fetch of the article's own
        URL, so a print or AMP copy never overwrites the original. A redirect (`url`, `target_url`)
        makes `url` an alias of the article its target is or leads to; redirects whose target is
        not (yet) an archived article come back in `BatchResult.unresolved`. A fetched redirect
        (one with a `status`) gets its `fetch_state` row in the transaction that settles it, never
        before: a crawl killed while it waits requests it again. A template record (`site`,
        `pages`, `blocks`) replaces the site's stored template.

        An article whose text changed keeps its previous text in `article_revisions`; one that
        answered 404 or 410 (an error with that `status`) gets `gone_at` and is kept. Fetch
        records (`STATE_COLUMNS`) and every article and error update `fetch_state`.

        Every string is cleaned first (`archive.text`). A batch that fails even so is written
        again one item at a time, each in its own transaction: an item that fails alone is
        recorded in `crawl_errors` (kind `store_error`) and counted in `BatchResult.failed`, and
        the others are stored. Only a failure to record that (a full disk, an unwritable file)
        raises.
        """
        batch = Batch(*clean((list(articles), list(errors), list(redirects), list(templates), list(fetches))))
        try:
            with _immediate(self.db):
                return self._write(batch)
        except Exception as exc:  # which item broke the batch is found by writing them one by one
            logger.warning("A batch of %d items failed (%r); storing them one by one", batch.size(), exc)
        result = BatchResult()
        for item, part in batch.parts():
            try:
                with _immediate(self.db):
                    result.add(self._write(part))
            except Exception as exc:  # recorded with the item, the others go on
                self._record_failure(item, exc, batch.crawl_id())
                result.failed += 1
        return result

    def _write(self, batch: Batch) -> BatchResult:
        """The body of `write_batch`, inside its transaction."""
        result = BatchResult(errors=len(batch.errors))
        articles = batch.articles
        self._upsert_sites(articles)
        rows = self._resolve(articles, result)
        if rows:
            result.revisions = self._keep_revisions(rows)
            self.db["articles"].upsert_all(rows, pk="url", column_order=ARTICLE_COLUMNS)
        result.aliases = self._upsert_aliases(articles)
        result.stories_new = self._assign_stories(articles)
        self._tag_articles(articles)
        self._learn_from(articles)
        result.unresolved, settled = self._resolve_redirects(batch.redirects, result)
        pages = [_page_row(a["page"]) for a in articles if a.get("page")]
        if pages:
            self.db["pages"].upsert_all(pages, pk="url")
        if batch.errors:
            self.db["crawl_errors"].insert_all([{k: e.get(k) for k in ERROR_COLUMNS} for e in batch.errors])
            result.gone = self._mark_gone(batch.errors)
        self._upsert_state(articles, batch.errors, [*batch.fetches, *(redirect_state(r) for r in settled)])
        self.save_templates(batch.templates)
        return result

    def _record_failure(self, item: dict[str, Any], exc: Exception, crawl_id: int | None) -> None:
        """Record an item that could not be stored in `crawl_errors` (kind `store_error`)."""
        url = item.get("source_url") or item.get("url") or item.get("site")
        detail = clean_text(f"could not store it: {type(exc).__name__}: {exc}")[:MAX_DETAIL_CHARS]
        logger.error("Could not store %s: %r", url, exc)
        with _immediate(self.db):
            self.db["crawl_errors"].insert({"crawl_id": item.get("crawl_id") or crawl_id, "url": url,
                                            "kind": "store_error", "detail": detail, "at": now_iso()})

    def _keep_revisions(self, rows: list[dict[str, Any]]) -> int:
        """Copy the stored text of each article `rows` will change into `article_revisions`."""
        marks = ",".join("?" * len(rows))
        new_hash = {r["url"]: r["content_hash"] for r in rows}
        stored = self.db.execute(
            f"SELECT id, url, fetched_at, title, text, content_hash FROM articles WHERE url IN ({marks})",
            list(new_hash)).fetchall()
        now = now_iso()
        revisions = [{"article_id": i, "fetched_at": at, "title": title, "text": text, "content_hash": h,
                      "replaced_at": now}
                     for i, url, at, title, text, h in stored if h != new_hash[url]]
        if revisions:
            self.db["article_revisions"].insert_all(revisions)
        return len(revisions)

    def _mark_gone(self, errors: list[dict[str, Any]]) -> int:
        """Set `gone_at` on the articles whose own URL answered 404 or 410; nothing is deleted."""
        gone = [(e["at"], e["url"], e["url"]) for e in errors if e.get("status") in GONE_STATUSES]
        if not gone:
            return 0
        return self.db.conn.executemany(
            "UPDATE articles SET gone_at = ? WHERE gone_at IS NULL AND (source_url = ? OR url = ?)", gone).rowcount

    def _upsert_state(self, articles: list[dict[str, Any]], errors: list[dict[str, Any]],
                      fetches: Iterable[dict[str, Any]]) -> None:
        rows = [{**f} for f in fetches]
        for a in articles:
            page = a.get("page") or {}
            rows.append({"url": page.get("url") or a["source_url"], "site": a["site"], "kind": "article",
                         "status": page.get("status"), "etag": page.get("etag"),
                         "last_modified": page.get("last_modified"), "lastmod": page.get("sitemap_lastmod"),
                         "listed_in": a.get("listed_in"), "fetched_at": a["fetched_at"], "crawl_id": a["crawl_id"]})
        for e in errors:
            kind = "gone" if e.get("status") in GONE_STATUSES else "error"
            rows.append({"url": e["url"], "kind": kind, "status": e.get("status"), "fetched_at": e["at"],
                         "crawl_id": e.get("crawl_id")})
        for r in rows:
            r["listed_in"] = json.dumps([r["listed_in"]]) if r.get("listed_in") else None
        if rows:
            self.db.conn.executemany(UPSERT_STATE, [[r.get(c) for c in STATE_COLUMNS] for r in rows])

    def url_states(self) -> Iterator[dict[str, Any]]:
        """What earlier crawls know of each URL: its fetch state, whether the crawl that fetched it
        ran to its end (`complete`: a killed crawl may not have followed what a listing or sitemap showed),
        and, for an article's URLs, the article (`article_url`), its `modified` date and `gone_at`.
        An article URL never fetched itself (a canonical URL whose page came from another), or
        fetched before `fetch_state` existed, gets a state from `articles` and `pages`."""
        cursor = self.db.execute(
            f"SELECT f.*, a.modified, a.gone_at, a.url, {COMPLETE_SQL} FROM fetch_state f "
            "LEFT JOIN articles a ON a.source_url = f.url AND f.kind IN ('article', 'gone') "
            "LEFT JOIN crawls c ON c.id = f.crawl_id "
            "UNION ALL SELECT u.url, a.site, 'article', p.status, p.etag, p.last_modified, p.sitemap_lastmod, NULL, "
            "coalesce(p.fetched_at, a.fetched_at), a.crawl_id, a.modified, a.gone_at, a.url, 1 "
            "FROM articles a JOIN (SELECT url, id FROM articles UNION SELECT source_url, id FROM articles) u "
            "ON u.id = a.id LEFT JOIN pages p ON p.url = u.url WHERE u.url NOT IN (SELECT url FROM fetch_state)")
        columns = [*STATE_COLUMNS, "modified", "gone_at", "article_url", "complete"]
        while batch := cursor.fetchmany(FETCH_SIZE):
            for row in batch:
                yield dict(zip(columns, row))

    def article_sites(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT site FROM articles ORDER BY site")]

    def count_article_pages(self, site: str) -> int:
        return self.db.execute(
            "SELECT count(*) FROM articles a JOIN pages p ON p.url = a.source_url WHERE a.site = ?", [site]
        ).fetchone()[0]

    def article_pages(self, site: str) -> Iterator[dict[str, Any]]:
        """Each archived article of `site` with the raw page its text came from (`html` decompressed)."""
        cursor = self.db.execute(
            "SELECT a.id, a.url, a.source_url, a.text, p.html, p.content_type FROM articles a "
            "JOIN pages p ON p.url = a.source_url WHERE a.site = ? ORDER BY a.id", [site]
        )
        columns = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(FETCH_SIZE):
            for row in batch:
                record = dict(zip(columns, row))
                record["html"] = decompress_html(record["html"])
                yield record

    def update_articles(self, rows: list[dict[str, Any]]) -> None:
        """Replace the extracted fields (`EXTRACTED_COLUMNS`) of existing articles, by `id`, in one transaction."""
        sets = ", ".join(f"{c} = ?" for c in EXTRACTED_COLUMNS)
        rows = clean(rows)
        with self.db.atomic():
            self.db.conn.executemany(f"UPDATE articles SET {sets} WHERE id = ?",
                                     [[r[c] for c in EXTRACTED_COLUMNS] + [r["id"]] for r in rows])
            fts.sync(self.db)

    def templates(self, site: str | None = None) -> list[dict[str, Any]]:
        """Stored site templates (all, or one site's), with `blocks` as a dict."""
        where, params = ("site = ?", [site]) if site else (None, None)
        return [{**row, "blocks": json.loads(row["blocks"])}
                for row in self.db["site_templates"].rows_where(where, params)]

    def save_templates(self, templates: Iterable[dict[str, Any]]) -> None:
        now = now_iso()
        rows = [{"site": t["site"], "pages": t["pages"], "blocks": json.dumps(t["blocks"], sort_keys=True),
                 "updated_at": now} for t in templates]
        if rows:
            with self.db.atomic():
                self.db["site_templates"].upsert_all(rows, pk="site")

    def replace_series(self, series: list[dict[str, Any]]) -> None:
        """Replace the series catalog (series, their entries and aliases) in one transaction;
        article tags keep pointing at series ids, which a catalog keeps stable for the same data.
        User and learned aliases are kept, each on the new series with its old series' bangumi id,
        MyAnimeList id or Japanese title (in that order); one whose series is gone is dropped, and
        a learned one the new catalog has itself is the catalog's."""
        series = clean(series)
        entries = [{**e, "series_id": s["id"]} for s in series for e in s.get("entries", [])]
        aliases = [{**a, "series_id": s["id"]} for s in series for a in s.get("aliases", [])]
        with _immediate(self.db):  # it reads the user aliases before writing
            kept = self._kept_aliases_on(series)
            self.db.execute("DELETE FROM series_entries")
            self.db.execute("DELETE FROM series_aliases")
            self.db["series"].upsert_all([{k: v for k, v in s.items() if k not in ("entries", "aliases")}
                                          for s in series], pk="id")
            if entries:
                self.db["series_entries"].insert_all(entries)
            self.db["series_aliases"].insert_all([a for a in kept if a["source"] == "user"] + aliases,
                                                 pk=("series_id", "alias"), ignore=True)
            self.learn_aliases([a for a in kept if a["source"] == "learned"])

    def _kept_aliases_on(self, series: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The archive's user and learned aliases, moved to the series of `series` that is their series."""
        ids: dict[tuple[str, str], int] = {}
        for s in series:
            for key in ("bangumi_id", "mal_id", "title_ja"):
                if s.get(key):
                    ids.setdefault((key, s[key]), s["id"])
        kept = []
        for row in self.db.execute("SELECT a.alias, a.lang, a.source, a.article_id, s.bangumi_id, s.mal_id, s.title_ja "
                                   "FROM series_aliases a JOIN series s ON s.id = a.series_id "
                                   "WHERE a.source IN ('user', 'learned')").fetchall():
            target = next((ids[k] for k in zip(("bangumi_id", "mal_id", "title_ja"), row[4:]) if k in ids), None)
            if target is not None:
                kept.append({"series_id": target, "alias": row[0], "lang": row[1], "source": row[2],
                             "article_id": row[3]})
        return kept

    def series_records(self) -> list[dict[str, Any]]:
        """The series catalog with each series' `entries` and `aliases`, as `replace_series` takes it."""
        entries: dict[int, list[dict[str, Any]]] = {}
        for row in self.db["series_entries"].rows_where(order_by="id"):
            entries.setdefault(row.pop("series_id"), []).append(row)
        aliases: dict[int, list[dict[str, Any]]] = {}
        for sid, alias, lang, source in self.db.execute(
                "SELECT series_id, alias, lang, source FROM series_aliases ORDER BY rowid"):
            aliases.setdefault(sid, []).append({"alias": alias, "lang": lang, "source": source})
        return [{**s, "entries": entries.get(s["id"], []), "aliases": aliases.get(s["id"], [])}
                for s in self.db["series"].rows_where(order_by="id")]

    def find_series(self, name: str) -> dict[str, Any]:
        """The one series `name` names (title, Japanese title, alias or id, as `export --series`)."""
        found = self.db.execute(f"SELECT s.id, s.title, s.title_ja FROM series s WHERE {SERIES_MATCH} ORDER BY s.id",
                                {"series": name}).fetchall()
        if not found:
            raise UnknownSeries(f"no series {name!r} in the catalog (give a title, Japanese title, alias or id)")
        if len(found) > 1:
            raise AmbiguousSeries(f"{name!r} names {len(found)} series; give one of their ids: "
                                  + "; ".join(f"{sid} {title} ({ja})" for sid, title, ja in found[:10]))
        return dict(zip(("id", "title", "title_ja"), found[0]))

    def add_series_alias(self, series_id: int, alias: str, lang: str) -> None:
        """Add a user alias (replacing the source of the same name given by the catalog)."""
        self.db["series_aliases"].upsert({"series_id": series_id, "alias": clean_text(alias), "lang": lang,
                                          "source": "user"}, pk=("series_id", "alias"))

    def series_aliases(self, series_id: int | None = None) -> list[dict[str, Any]]:
        """Aliases with their series' title (and a learned one's article URL), of one series or
        all, by series then source."""
        where, params = ("WHERE a.series_id = ?", [series_id]) if series_id is not None else ("", [])
        cursor = self.db.execute(
            "SELECT a.series_id, s.title, a.alias, a.lang, a.source, r.url FROM series_aliases a JOIN series s "
            f"ON s.id = a.series_id LEFT JOIN articles r ON r.id = a.article_id {where} ORDER BY a.series_id, "
            "instr('user curated titles bangumi derived romaji learned', a.source), a.alias", params)
        return [dict(zip(("series_id", "title", "alias", "lang", "source", "article_url"), row)) for row in cursor]

    def count_articles(self, site: str | None = None) -> int:
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        return self.db.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0]

    def article_texts(self, site: str | None = None) -> Iterator[dict[str, Any]]:
        """Each article's id, title, text and publication date (what tagging reads), by id."""
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        cursor = self.db.execute(f"SELECT id, title, text, published FROM articles {where} ORDER BY id", params)
        while rows := cursor.fetchmany(FETCH_SIZE):
            yield from (dict(zip(("id", "title", "text", "published"), row)) for row in rows)

    def article_tags(self, site: str | None = None) -> dict[int, set[tuple[int, int | None]]]:
        """Each tagged article's (series id, season) pairs."""
        where, params = ("WHERE a.site = ?", [site]) if site else ("", [])
        tags: dict[int, set[tuple[int, int | None]]] = {}
        for aid, sid, season in self.db.execute("SELECT t.article_id, t.series_id, t.season FROM article_series t "
                                                f"JOIN articles a ON a.id = t.article_id {where}", params):
            tags.setdefault(aid, set()).add((sid, season))
        return tags

    def retag_articles(self, tags: dict[int, list[dict[str, Any]]]) -> None:
        """Replace the series tags of the articles in `tags` (article id → its tags), in one transaction."""
        if not tags:
            return
        marks = ",".join("?" * len(tags))
        with self.db.atomic():
            self.db.execute(f"DELETE FROM article_series WHERE article_id IN ({marks})", list(tags))
            rows = [{"article_id": aid, **tag} for aid, given in tags.items() for tag in given]
            if rows:
                self.db["article_series"].insert_all(rows, replace=True)

    def learn_aliases(self, rows: list[dict[str, Any]]) -> int:
        """Add learned aliases (`series_id`, `alias`, `lang`, `article_id`: the article that taught
        it); a name the catalog already has, for any series and from any source, is left as it is.
        Returns how many were added."""
        added = 0
        with self.db.atomic():
            for row in clean(rows):
                added += self.db.execute(
                    "INSERT INTO series_aliases (series_id, alias, lang, source, article_id) "
                    "SELECT ?, ?, ?, 'learned', ? WHERE NOT EXISTS "
                    "(SELECT 1 FROM series_aliases WHERE alias = ? COLLATE NOCASE)",
                    [row["series_id"], row["alias"], row["lang"], row["article_id"], row["alias"]]).rowcount
        return added

    def _learn_from(self, articles: list[dict[str, Any]]) -> None:
        """Add the aliases the batch's articles taught (`learned_aliases`), with their article."""
        given = [a for a in articles if a.get("learned_aliases")]
        if not given:
            return
        ids = self._article_ids({a["url"] for a in given})
        self.learn_aliases([{**row, "article_id": ids[a["url"]]} for a in given for row in a["learned_aliases"]
                            if a["url"] in ids])

    def _tag_articles(self, articles: list[dict[str, Any]]) -> None:
        """Replace the series tags of the batch's articles that carry `series_tags`."""
        self._replace_rows("article_series", articles, "series_tags", lambda tag: tag)

    def _replace_rows(self, table: str, articles: list[dict[str, Any]], key: str,
                      row: Callable[[Any], dict[str, Any]]) -> None:
        """Replace the `table` rows of each article that comes with `key` (a list) by `row(value)`
        for each of its values, all articles of the batch at once."""
        given = [a for a in articles if key in a]
        if not given:
            return
        marks = ",".join("?" * len(given))
        ids = dict(self.db.execute(f"SELECT url, id FROM articles WHERE url IN ({marks})", [a["url"] for a in given]))
        self.db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", [ids[a["url"]] for a in given])
        rows = [{"article_id": ids[a["url"]], **row(value)} for a in given for value in a[key]]
        if rows:
            self.db[table].insert_all(rows, replace=True)

    def series_stats(self) -> dict[str, int]:
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM series), (SELECT count(*) FROM series_entries), "
            "(SELECT count(*) FROM series_entries WHERE type = 'movie'), "
            "(SELECT count(*) FROM series WHERE seasons > 1), (SELECT count(*) FROM article_series)").fetchone()
        return dict(zip(("series", "entries", "movies", "series_with_sequels", "article_tags"), row))

    def alias_urls(self) -> set[str]:
        """URLs a crawl need not request: aliases that may speak for their article (`_may_alias`)."""
        return {alias for alias, article, redirected in self.db.execute(
            "SELECT a.url, r.url, f.kind = 'redirect' FROM url_aliases a JOIN articles r ON r.id = a.article_id "
            "LEFT JOIN fetch_state f ON f.url = a.url") if _may_alias(alias, article, bool(redirected))}

    def signatures(self) -> Iterator[dict[str, Any]]:
        """Every stored article signature (for the story index a crawl starts with)."""
        yield from self.db["article_signatures"].rows

    def _assign_stories(self, articles: list[dict[str, Any]]) -> int:
        """Link articles to their stories (`story_key`), store their signatures, refresh the stories."""
        linked = [a for a in articles if a.get("story_key")]
        if not linked:
            return 0
        keys = sorted({a["story_key"] for a in linked})
        marks = ",".join("?" * len(keys))
        known = {r[0] for r in self.db.execute(f"SELECT key FROM stories WHERE key IN ({marks})", keys)}
        self.db.conn.executemany("INSERT OR IGNORE INTO stories (key) VALUES (?)", [(k,) for k in keys])
        ids = dict(self.db.execute(f"SELECT key, id FROM stories WHERE key IN ({marks})", keys))
        self.db.conn.executemany("UPDATE articles SET story_id = ? WHERE url = ?",
                                 [(ids[a["story_key"]], a["url"]) for a in linked])
        signed = [{"url": a["url"], "story_key": a["story_key"], "content_hash": a.get("content_hash"),
                   **a["signature"]} for a in linked if a.get("signature")]
        if signed:
            self.db["article_signatures"].upsert_all(signed, pk="url")
        self.db.conn.executemany("UPDATE articles SET first_crawl_id = crawl_id WHERE url = ? AND first_crawl_id IS NULL",
                                 [(a["url"],) for a in linked])
        self._store_links(linked)
        touched = sorted(set(ids.values()))
        self.db.execute(REFRESH_STORIES.format(marks=",".join("?" * len(touched))), touched)
        self.decide_origins(touched)
        return len(set(keys) - known)

    def _store_links(self, articles: list[dict[str, Any]]) -> None:
        """Replace the stored links to other sites of each article that comes with `outlinks`."""
        self._replace_rows("article_links", articles, "outlinks", lambda link: {"url": link})

    def decide_origins(self, story_ids: list[int]) -> None:
        """Set each story's `origin_url` and `origin_evidence`, and its title from the origin (`archive.origin`)."""
        for chunk in (story_ids[i:i + FETCH_SIZE] for i in range(0, len(story_ids), FETCH_SIZE)):
            marks = ",".join("?" * len(chunk))
            copies = [Copy(*row) for row in self.db.execute(
                f"SELECT id, story_id, url, source_url, site, canonical_url, first_crawl_id FROM articles "
                f"WHERE story_id IN ({marks}) ORDER BY id", chunk)]
            by_id = {c.id: c for c in copies}
            if not by_id:
                continue
            id_marks = ",".join("?" * len(by_id))
            for article_id, url in self.db.execute(
                    f"SELECT article_id, url FROM url_aliases WHERE article_id IN ({id_marks})", list(by_id)):
                by_id[article_id].urls.add(url)
            for article_id, url in self.db.execute(
                    f"SELECT article_id, url FROM article_links WHERE article_id IN ({id_marks})", list(by_id)):
                by_id[article_id].links.add(url)
            sites = sorted({c.site for c in copies})
            first_crawls = dict(self.db.execute(
                f"SELECT site, min(first_crawl_id) FROM articles WHERE site IN ({','.join('?' * len(sites))}) "
                f"GROUP BY site", sites))
            rows = []
            for story_id in chunk:
                origin = decide([c for c in copies if c.story_id == story_id], first_crawls)
                rows.append((origin.url, json.dumps(origin.evidence), origin.url, story_id) if origin
                            else (None, None, None, story_id))
            self.db.conn.executemany(
                "UPDATE stories SET origin_url = ?, origin_evidence = ?, "
                "title = coalesce((SELECT title FROM articles WHERE url = ?), title) WHERE id = ?", rows)

    def _upsert_sites(self, articles: list[dict[str, Any]]) -> None:
        seen: dict[str, tuple[str | None, str]] = {}
        for a in articles:
            seen[a["site"]] = (a.get("site_name") or seen.get(a["site"], (None, ""))[0], a["fetched_at"])
        self.db.conn.executemany(
            "INSERT INTO sites (host, name, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(host) DO UPDATE SET name = coalesce(excluded.name, sites.name), "
            "last_seen = max(sites.last_seen, excluded.last_seen)",
            [(host, name, at, at) for host, (name, at) in seen.items()],
        )

    def _existing(self, urls: set[str]) -> dict[str, tuple[str, str]]:
        """Map each URL already archived (as an article URL or an alias) to (article url, source url)."""
        if not urls:
            return {}
        marks = ",".join("?" * len(urls))
        found = {
            url: (url, source)
            for url, source in self.db.execute(
                f"SELECT url, source_url FROM articles WHERE url IN ({marks})", list(urls)
            )
        }
        for alias, url, source, redirected in self.db.execute(
            f"SELECT a.url, r.url, r.source_url, f.kind = 'redirect' FROM url_aliases a "
            f"JOIN articles r ON r.id = a.article_id LEFT JOIN fetch_state f ON f.url = a.url WHERE a.url IN ({marks})",
            list(urls),
        ):
            if _may_alias(alias, url, bool(redirected)):
                found.setdefault(alias, (url, source))
        return found

    def _resolve(self, articles: list[dict[str, Any]], result: BatchResult) -> list[dict[str, Any]]:
        """Decide, per article, whether it is new, replaces the stored copy, or only adds aliases."""
        existing = self._existing({a["url"] for a in articles})
        rows: dict[str, dict[str, Any]] = {}
        for a in articles:
            url, stored_source = existing.get(a["url"], (a["url"], None))
            a["url"] = url
            is_primary = a["source_url"] == url
            if url in rows:
                stored_source = rows[url]["source_url"]
            elif stored_source is None:
                result.articles_new += 1
                rows[url] = {k: a.get(k) for k in ARTICLE_COLUMNS}
                continue
            if is_primary or stored_source != url:
                if url not in rows:
                    result.articles_updated += 1
                rows[url] = {k: a.get(k) for k in ARTICLE_COLUMNS}
        return list(rows.values())

    def _upsert_aliases(self, articles: list[dict[str, Any]]) -> int:
        """Store each article's `aliases`; one of another site only when it is in the article's
        `redirect_urls` (the redirects the crawl followed to the page)."""
        keys = {a["url"] for a in articles}
        marks = ",".join("?" * len(keys))
        ids = dict(self.db.execute(f"SELECT url, id FROM articles WHERE url IN ({marks})", list(keys)))
        article_urls = self._article_urls({u for a in articles for u in a.get("aliases", ())})
        aliases = {
            alias: ids[a["url"]]
            for a in articles
            for alias in a.get("aliases", ())
            if alias != a["url"] and alias not in article_urls
            and _may_alias(alias, a["url"], alias in a.get("redirect_urls", ()))
        }
        if aliases:
            self.db["url_aliases"].upsert_all(
                [{"url": u, "article_id": i} for u, i in aliases.items()], pk="url"
            )
        return len(aliases)

    def _resolve_redirects(self, redirects: list[dict[str, Any]],
                           result: BatchResult) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Alias each redirect's source to its target's article, following chains until no progress.

        Returns the redirects still unresolved and the fetched ones settled here (aliased, or
        dropped because their source is an article's own URL), whose fetch state is now due."""
        redirects = [r for r in redirects if _may_alias(r["url"], r["target_url"], r.get("status") is not None)]
        settled = []
        while redirects:
            ids = self._article_ids({r["target_url"] for r in redirects})
            article_urls = self._article_urls({r["url"] for r in redirects})
            resolved = {r["url"]: ids[r["target_url"]] for r in redirects
                        if r["target_url"] in ids and r["url"] not in article_urls}
            settled += [r for r in redirects if r.get("status") is not None
                        and (r["url"] in resolved or r["url"] in article_urls)]
            redirects = [r for r in redirects if r["url"] not in resolved and r["url"] not in article_urls]
            if not resolved:
                break
            self.db["url_aliases"].upsert_all([{"url": u, "article_id": i} for u, i in resolved.items()], pk="url")
            result.aliases += len(resolved)
        return redirects, settled

    def _article_ids(self, urls: set[str]) -> dict[str, int]:
        """Article id of each URL that is an article's own URL or one of its aliases."""
        if not urls:
            return {}
        marks = ",".join("?" * len(urls))
        ids = dict(self.db.execute(f"SELECT url, article_id FROM url_aliases WHERE url IN ({marks})", list(urls)))
        ids.update(self.db.execute(f"SELECT url, id FROM articles WHERE url IN ({marks})", list(urls)))
        return ids

    def _article_urls(self, urls: set[str]) -> set[str]:
        if not urls:
            return set()
        marks = ",".join("?" * len(urls))
        return {r[0] for r in self.db.execute(f"SELECT url FROM articles WHERE url IN ({marks})", list(urls))}


def _may_alias(alias: str, article_url: str, redirected: bool) -> bool:
    """Whether `alias` may name the article at `article_url`: a URL of the article's own site
    (`archive.sites`), or one that answered with a redirect the crawl received. A page's claims
    (shortlink, canonical, og:url) about another site's URLs never make them its aliases."""
    return redirected or same_site(alias, article_url)
def redirect_state(redirect: dict[str, Any]) -> dict[str, Any]:
    """The `fetch_state` row of a fetched redirect (`url`, `site`, `status`, `at`, `crawl_id`)."""
    return {"url": redirect["url"], "site": redirect.get("site"), "kind": "redirect", "status": redirect["status"],
            "fetched_at": redirect["at"], "crawl_id": redirect.get("crawl_id")}


def _page_row(page: dict[str, Any]) -> dict[str, Any]:
    row = {k: page.get(k) for k in PAGE_COLUMNS}
    row["html"] = compress_html(page["html"]) if page.get("html") is not None else None
    return row

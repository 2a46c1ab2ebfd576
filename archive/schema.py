"""The archive's schema as named, re-runnable migrations (sqlite-utils `Migrations`).

Running `migrate` twice is a no-op, which is what makes opening an archive at the start of every
crawl (and again after a kill -9) safe.
"""
import json
import re

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from archive import fts
from archive.dates import EARLIEST_DATE, MAX_DATE_LEAD_DAYS

MIGRATIONS = Migrations("fanwire")

#: Kana and kanji: a name written with them is Japanese.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
#: Tables a reader of the archive should not be shown by default (raw pages, bookkeeping).
INTERNAL_TABLES = ("pages", "site_templates", "article_signatures", "fetch_state", "_sqlite_migrations",
                   fts.QUEUE_TABLE)


@MIGRATIONS(name="0001_initial")
def initial(db: Database) -> None:
    db["crawls"].create(
        {"id": int, "started_at": str, "finished_at": str, "start_urls": str, "stats": str},
        pk="id",
    )
    db["sites"].create(
        {"host": str, "name": str, "first_seen": str, "last_seen": str},
        pk="host",
    )
    db["articles"].create(
        {
            "id": int,
            "url": str,
            "canonical_url": str,
            "source_url": str,
            "site": str,
            "title": str,
            "author": str,
            "published": str,
            "modified": str,
            "lang": str,
            "text": str,
            "content_hash": str,
            "story_id": int,
            "fetched_at": str,
            "crawl_id": int,
        },
        pk="id",
        not_null={"url"},
        foreign_keys=[("site", "sites", "host"), ("crawl_id", "crawls", "id")],
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site", "published"])
    db["articles"].create_index(["content_hash"])
    db["url_aliases"].create(
        {"url": str, "article_id": int},
        pk="url",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["url_aliases"].create_index(["article_id"])
    db["pages"].create(
        {
            "url": str,
            "status": int,
            "content_type": str,
            "encoding": str,
            "etag": str,
            "last_modified": str,
            "sitemap_lastmod": str,
            "fetched_at": str,
            "html": bytes,
        },
        pk="url",
    )
    db["crawl_errors"].create(
        {"id": int, "crawl_id": int, "url": str, "kind": str, "detail": str, "at": str},
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["crawl_errors"].create_index(["crawl_id", "kind"])
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")


@MIGRATIONS(name="0002_site_templates")
def site_templates(db: Database) -> None:
    """Per-site chrome learned by extraction: block digests and on how many documents each appeared."""
    db["site_templates"].create({"site": str, "pages": int, "blocks": str, "updated_at": str}, pk="site")


@MIGRATIONS(name="0003_stories")
def stories(db: Database) -> None:
    """Stories (one piece of news and all its copies) and the signatures that find copies."""
    db["stories"].create(
        {"id": int, "key": str, "title": str, "first_published": str, "first_url": str, "article_count": int,
         "sites": str},
        pk="id",
    )
    db["stories"].create_index(["key"], unique=True)
    db["articles"].create_index(["story_id"])
    db["article_signatures"].create(
        {"url": str, "story_key": str, "content_hash": str, "minhash": bytes, "shingles": bytes}, pk="url"
    )


@MIGRATIONS(name="0004_series")
def series(db: Database) -> None:
    """The series catalog, its seasons and films, and which articles are about which series."""
    db["series"].create(
        {"id": int, "title": str, "title_ja": str, "aliases": str, "mal_id": str, "bangumi_id": str,
         "seasons": int, "first_year": int},
        pk="id",
    )
    db["series_entries"].create(
        {"id": int, "series_id": int, "title": str, "title_en": str, "type": str, "year": int, "season": int,
         "part": int, "final": int, "mal_id": str, "bangumi_id": str, "begin": str},
        pk="id", foreign_keys=[("series_id", "series", "id")],
    )
    db["series_entries"].create_index(["series_id"])
    db["article_series"].create(
        {"article_id": int, "series_id": int, "season": int, "evidence": str},
        pk=("article_id", "series_id"), foreign_keys=[("article_id", "articles", "id"), ("series_id", "series", "id")],
    )
    db["article_series"].create_index(["series_id", "season"])


@MIGRATIONS(name="0005_recrawl")
def recrawl(db: Database) -> None:
    """What incremental crawls need: each URL's last fetch and validators, revisions of edited
    articles, and when an article disappeared."""
    db["fetch_state"].create(
        {"url": str, "site": str, "kind": str, "status": int, "etag": str, "last_modified": str, "lastmod": str,
         "listed_in": str, "fetched_at": str, "crawl_id": int},
        pk="url",
    )
    db["fetch_state"].create_index(["site", "kind"])
    db["fetch_state"].create_index(["listed_in"])
    db["article_revisions"].create(
        {"id": int, "article_id": int, "fetched_at": str, "title": str, "text": str, "content_hash": str,
         "replaced_at": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_revisions"].create_index(["article_id"])
    db["articles"].add_column("gone_at", str)
    db["crawl_errors"].add_column("status", int)


@MIGRATIONS(name="0006_warc")
def warc(db: Database) -> None:
    """Where each page's WARC capture is (file, byte offset and length of its records), and which
    WARC files have been imported, so importing one again changes nothing."""
    for column, kind in (("warc_file", str), ("warc_offset", int), ("warc_length", int)):
        db["pages"].add_column(column, kind)
    db["warc_imports"].create(
        {"sha256": str, "path": str, "size": int, "imported_at": str, "crawl_id": int},
        pk="sha256", foreign_keys=[("crawl_id", "crawls", "id")],
    )


#: What a reader browses: one row per article with its series and seasons as JSON arrays (for
#: Datasette's array facets), its year and month (for date facets) and a short excerpt.
#: Characters of text the library shows under a title.
EXCERPT_CHARS = 280
LIBRARY_VIEW = f"""
CREATE VIEW IF NOT EXISTS library AS
SELECT a.id, a.title, a.site, a.author, a.lang, a.published,
  substr(a.published, 1, 4) AS year, substr(a.published, 1, 7) AS month,
  (SELECT json_group_array(title) FROM (
     SELECT DISTINCT s.title FROM article_series t JOIN series s ON s.id = t.series_id
     WHERE t.article_id = a.id ORDER BY s.title)) AS series,
  (SELECT json_group_array(label) FROM (
     SELECT DISTINCT s.title || ' — season ' || t.season AS label FROM article_series t
     JOIN series s ON s.id = t.series_id WHERE t.article_id = a.id AND t.season IS NOT NULL ORDER BY label)) AS seasons,
  substr(a.text, 1, {EXCERPT_CHARS}) AS excerpt,
  a.story_id,
  (SELECT article_count FROM stories WHERE id = a.story_id) AS copies,
  a.url
FROM articles a
"""


@MIGRATIONS(name="0007_archive_views")
def archive_views(db: Database) -> None:
    """The `library` view readers browse, search and facet (articles with series, seasons and dates)."""
    db.execute(LIBRARY_VIEW)


@MIGRATIONS(name="0008_crawl_liveness")
def crawl_liveness(db: Database) -> None:
    """Which process writes each crawl (`host`, `pid`, and `process`: boot id, pid namespace, pid
    and start time) and when it last said it was running (`heartbeat_at`), so a crawl whose
    process died can be closed as killed (`archive.crawls`)."""
    for column, kind in (("host", str), ("pid", int), ("process", str), ("heartbeat_at", str)):
        if column not in db["crawls"].columns_dict:
            db["crawls"].add_column(column, kind)


#: An article date that cannot be a web page's: before `EARLIEST_DATE`, or more than two days
#: after its fetch (`archive.dates`, the rule extraction applies).
IMPLAUSIBLE_DATE = (f"({{column}} IS NOT NULL AND (julianday({{column}}) IS NULL "
                    f"OR julianday({{column}}) < julianday('{EARLIEST_DATE}') "
                    f"OR julianday({{column}}) > julianday(fetched_at) + {MAX_DATE_LEAD_DAYS}))")


@MIGRATIONS(name="0009_raw_dates")
def raw_dates(db: Database) -> None:
    """`published_raw` and `modified_raw`: an article's dates as the page states them. Dates that
    cannot be right (0001-01-01, 9999-12-31) stay there only, out of `published` and `modified`,
    which every listing, feed and chart sorts and groups by; archives written before are fixed."""
    for column in ("published", "modified"):
        db["articles"].add_column(f"{column}_raw", str)
        db.execute(f"UPDATE articles SET {column}_raw = {column}, {column} = NULL "
                   f"WHERE {IMPLAUSIBLE_DATE.format(column=column)}")
    db.execute("UPDATE stories SET first_published = (SELECT a.published FROM articles a WHERE a.story_id = stories.id "
               "ORDER BY julianday(a.published) IS NULL, julianday(a.published), a.id LIMIT 1) "
               "WHERE first_published IS NOT NULL AND NOT EXISTS "
               "(SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.published = stories.first_published)")
@MIGRATIONS(name="0010_story_origins")
def story_origins(db: Database) -> None:
    """What decides a story's origin from evidence its copier cannot forge alone: the crawl that
    first archived each article, the links each article makes to other sites, and the origin
    with its evidence (`first_url` stays the copy claiming the earliest date)."""
    db["articles"].add_column("first_crawl_id", int)
    db.execute("UPDATE articles SET first_crawl_id = crawl_id")  # the best an older archive knows
    db["stories"].add_column("origin_url", str)
    db["stories"].add_column("origin_evidence", str)
    db["article_links"].create({"article_id": int, "url": str}, pk=("article_id", "url"),
                               foreign_keys=[("article_id", "articles", "id")])
    db["article_links"].create_index(["url"])


@MIGRATIONS(name="0011_series_aliases")
def series_aliases(db: Database) -> None:
    """Every name of a series with its language and source (`bangumi`, `derived`, `curated`,
    `learned` with the `article_id` that taught it, `user`), replacing the capped JSON list
    `series.aliases`; the names that list held are kept as `bangumi` names."""
    db["series_aliases"].create(
        {"series_id": int, "alias": str, "lang": str, "source": str, "article_id": int},
        pk=("series_id", "alias"), foreign_keys=[("series_id", "series", "id")], if_not_exists=True,
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_series_aliases_alias ON series_aliases (alias COLLATE NOCASE)")
    if "aliases" in db["series"].columns_dict:
        rows = [{"series_id": sid, "alias": alias, "lang": "ja" if CJK.search(alias) else "en", "source": "bangumi"}
                for sid, names in db.execute("SELECT id, aliases FROM series WHERE aliases IS NOT NULL")
                for alias in json.loads(names)]
        db["series_aliases"].insert_all(rows, ignore=True)
        db["series"].transform(drop={"aliases"})


@MIGRATIONS(name="0012_cjk_search")
def cjk_search(db: Database) -> None:
    """Japanese and Chinese search: `articles_fts` becomes the index of search forms (`archive.fts`,
    `archive.segment`), rebuilt from every archived title and text; the unicode61 index it
    replaces held no data of its own (its content was `articles`)."""
    if not fts.holds_search_forms(db.conn):
        for trigger in fts.OLD_TRIGGERS:
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        db.execute(f"DROP TABLE IF EXISTS {fts.FTS_TABLE}")
    fts.create(db)
    fts.rebuild(db)


def migrate(db: Database) -> None:
    """Bring `db` to the current schema; safe to call on every open."""
    MIGRATIONS.apply(db)

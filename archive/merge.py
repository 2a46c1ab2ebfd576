"""Merge archives (e.g. per-worker shards of one crawl) into one, keyed the way crawls write.

Articles, pages, fetch state and aliases are keyed by URL (the newer fetch wins), stories by
their key, signatures by URL, templates by site; rows with their own ids (crawls, errors,
revisions, tags) get the target's ids and keep pointing at the right rows. Merging a shard twice
changes nothing: crawls are matched by when they started and what they crawled, errors and
revisions by their content. One shard is one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archive.export import require_archive
from archive.store import REFRESH_STORIES, Archive, _immediate

#: Statements run with the shard attached as `shard`, in order; `crawl_map` and `article_map`
#: (temporary tables) translate the shard's ids into the target's.
MERGE = [
    """INSERT INTO crawls (started_at, finished_at, start_urls, stats)
       SELECT started_at, finished_at, start_urls, stats FROM shard.crawls s WHERE NOT EXISTS (
         SELECT 1 FROM crawls c WHERE c.started_at = s.started_at AND c.start_urls IS s.start_urls)""",
    """CREATE TEMP TABLE crawl_map AS SELECT s.id AS old, (SELECT min(c.id) FROM crawls c
         WHERE c.started_at = s.started_at AND c.start_urls IS s.start_urls) AS new FROM shard.crawls s""",
    """INSERT INTO sites (host, name, first_seen, last_seen) SELECT host, name, first_seen, last_seen
       FROM shard.sites WHERE true ON CONFLICT(host) DO UPDATE SET name = coalesce(sites.name, excluded.name),
       first_seen = min(sites.first_seen, excluded.first_seen), last_seen = max(sites.last_seen, excluded.last_seen)""",
    "INSERT OR IGNORE INTO stories (key) SELECT key FROM shard.stories",
    """INSERT INTO articles (url, canonical_url, source_url, site, title, author, published, modified, lang, text,
         content_hash, fetched_at, crawl_id, gone_at, story_id, first_crawl_id)
       SELECT a.url, a.canonical_url, a.source_url, a.site, a.title, a.author, a.published, a.modified, a.lang,
         a.text, a.content_hash, a.fetched_at, (SELECT new FROM crawl_map WHERE old = a.crawl_id), a.gone_at,
         (SELECT t.id FROM shard.stories s JOIN stories t ON t.key = s.key WHERE s.id = a.story_id),
         (SELECT new FROM crawl_map WHERE old = a.first_crawl_id)
       FROM shard.articles a WHERE true ON CONFLICT(url) DO UPDATE SET canonical_url = excluded.canonical_url,
         source_url = excluded.source_url, title = excluded.title, author = excluded.author,
         published = excluded.published, modified = excluded.modified, lang = excluded.lang, text = excluded.text,
         content_hash = excluded.content_hash, fetched_at = excluded.fetched_at, crawl_id = excluded.crawl_id,
         gone_at = excluded.gone_at, story_id = coalesce(excluded.story_id, articles.story_id)
       WHERE excluded.fetched_at > articles.fetched_at""",
    """CREATE TEMP TABLE article_map AS SELECT s.id AS old, a.id AS new
       FROM shard.articles s JOIN articles a ON a.url = s.url""",
    """INSERT OR IGNORE INTO article_links (article_id, url) SELECT m.new, l.url FROM shard.article_links l
       JOIN article_map m ON m.old = l.article_id""",
    """INSERT OR IGNORE INTO url_aliases (url, article_id) SELECT u.url, m.new FROM shard.url_aliases u
       JOIN article_map m ON m.old = u.article_id WHERE u.url NOT IN (SELECT url FROM articles)""",
    """INSERT INTO pages SELECT * FROM shard.pages WHERE true ON CONFLICT(url) DO UPDATE SET
       status = excluded.status, content_type = excluded.content_type, encoding = excluded.encoding,
       etag = excluded.etag, last_modified = excluded.last_modified, sitemap_lastmod = excluded.sitemap_lastmod,
       fetched_at = excluded.fetched_at, html = excluded.html, warc_file = excluded.warc_file,
       warc_offset = excluded.warc_offset, warc_length = excluded.warc_length
       WHERE excluded.fetched_at > pages.fetched_at""",
    "INSERT OR IGNORE INTO article_signatures SELECT * FROM shard.article_signatures",
    """INSERT INTO site_templates SELECT * FROM shard.site_templates WHERE true ON CONFLICT(site) DO UPDATE SET
       pages = excluded.pages, blocks = excluded.blocks, updated_at = excluded.updated_at
       WHERE excluded.updated_at > site_templates.updated_at""",
    "INSERT OR IGNORE INTO series SELECT * FROM shard.series",
    "INSERT OR IGNORE INTO series_entries SELECT * FROM shard.series_entries",
    """INSERT OR IGNORE INTO series_aliases (series_id, alias, lang, source, article_id)
       SELECT series_id, alias, lang, source, article_id FROM shard.series_aliases""",
    """INSERT OR IGNORE INTO article_series (article_id, series_id, season, evidence)
       SELECT m.new, t.series_id, t.season, t.evidence FROM shard.article_series t JOIN article_map m ON m.old = t.article_id""",
    """INSERT INTO fetch_state (url, site, kind, status, etag, last_modified, lastmod, listed_in, fetched_at, crawl_id)
       SELECT url, site, kind, status, etag, last_modified, lastmod, listed_in, fetched_at,
         (SELECT new FROM crawl_map WHERE old = f.crawl_id) FROM shard.fetch_state f WHERE true
       ON CONFLICT(url) DO UPDATE SET site = excluded.site, kind = excluded.kind, status = excluded.status,
         etag = excluded.etag, last_modified = excluded.last_modified, lastmod = excluded.lastmod,
         listed_in = excluded.listed_in, fetched_at = excluded.fetched_at, crawl_id = excluded.crawl_id
       WHERE excluded.fetched_at > fetch_state.fetched_at""",
    """INSERT INTO article_revisions (article_id, fetched_at, title, text, content_hash, replaced_at)
       SELECT m.new, r.fetched_at, r.title, r.text, r.content_hash, r.replaced_at FROM shard.article_revisions r
       JOIN article_map m ON m.old = r.article_id WHERE NOT EXISTS (SELECT 1 FROM article_revisions o
         WHERE o.article_id = m.new AND o.content_hash IS r.content_hash AND o.replaced_at IS r.replaced_at)""",
    """INSERT INTO crawl_errors (crawl_id, url, kind, detail, at, status)
       SELECT c.new, e.url, e.kind, e.detail, e.at, e.status FROM shard.crawl_errors e
       JOIN crawl_map c ON c.old = e.crawl_id WHERE NOT EXISTS (SELECT 1 FROM crawl_errors o
         WHERE o.crawl_id = c.new AND o.url IS e.url AND o.kind IS e.kind AND o.at IS e.at)""",
    """INSERT OR IGNORE INTO warc_imports (sha256, path, size, imported_at, crawl_id)
       SELECT sha256, path, size, imported_at, (SELECT new FROM crawl_map WHERE old = w.crawl_id)
       FROM shard.warc_imports w""",
]


@dataclass
class MergeResult:
    shards: int
    articles: int
    stories: int


def merge(target: str | Path, shards: list[str | Path]) -> MergeResult:
    """Merge each shard into `target` (created when missing), one transaction per shard."""
    for shard in shards:
        require_archive(shard)
    out = Archive(target)
    try:
        for shard in shards:
            Archive(shard).close()  # brings an older shard to the current schema
            out.db.execute("ATTACH DATABASE ? AS shard", [str(shard)])
            try:
                with _immediate(out.db):
                    for statement in MERGE:
                        out.db.execute(statement)
                    out.db.execute(REFRESH_STORIES.format(marks="SELECT story_id FROM articles"))
                    out.decide_origins([row[0] for row in out.db.execute("SELECT id FROM stories")])
                    out.db.execute("DROP TABLE temp.crawl_map")
                    out.db.execute("DROP TABLE temp.article_map")
            finally:
                out.db.execute("DETACH DATABASE shard")
        counts = out.db.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").fetchone()
        return MergeResult(len(shards), *counts)
    finally:
        out.close()

"""Storage: buffer items and write them to the archive in batches, one transaction per batch.

Each article's text is read for names it pairs with the catalog's (`pipelines.learned`); the
aliases it teaches are stored with it, and the next crawl's tagging knows them.

The crawl's row in `crawls` is opened when the spider opens, beats while it runs and is closed
with Scrapy's stats when it closes (a crawl killed before that is closed as `killed` later, see
`archive.crawls`); dropped items are recorded in `crawl_errors` through the `item_dropped` signal.
Redirects whose target is not archived yet wait for a later batch, and their fetch state with
them (a crawl killed meanwhile requests them again); at the end, those that go round in a circle
are recorded as redirect loops and the others as fetched redirects (`pipelines.redirects`). Items that cannot be stored
are recorded as `store_error`s and counted in `fanwire/store/failed`.
"""
from __future__ import annotations

import logging
import sqlite3
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import LoopingCall

from archive import Archive
from archive.crawls import HEARTBEAT_SECONDS
from pipelines.catalog import from_records
from pipelines.learned import AliasLearner, learned_rows
from pipelines.redirects import settle
from pipelines.state import ArchiveState
from archive.sites import site_of
from scraper.items import AliasItem, ArticleItem, CrawlErrorItem, FetchItem, RedirectItem, now_iso
from scraper.options import CrawlOptions

logger = logging.getLogger(__name__)


def article_record(item: ArticleItem, crawl_id: int) -> dict[str, Any]:
    """The archive's plain-dict form of an extracted, normalized article."""
    a = ItemAdapter(item)
    return {
        "url": item.key_url,
        "canonical_url": item.canonical_url,
        "source_url": item.final_url,
        "site": item.site,
        "site_name": item.site_name,
        "published_raw": item.published_raw,
        "modified_raw": item.modified_raw,
        **{k: a[k] for k in ("title", "author", "published", "modified", "lang", "text", "content_hash",
                             "fetched_at", "story_key", "signature", "series_tags")},
        "crawl_id": crawl_id,
        "listed_in": item.listed_in,
        "aliases": item.aliases,
        "redirect_urls": item.redirect_urls,
        "outlinks": item.outlinks,
        "page": {
            "url": item.final_url,
            "status": item.status,
            "content_type": item.headers.get("Content-Type"),
            "encoding": item.encoding,
            "etag": item.headers.get("ETag"),
            "last_modified": item.headers.get("Last-Modified"),
            "sitemap_lastmod": item.sitemap_lastmod,
            "fetched_at": item.fetched_at,
            "html": item.body,
            **{k: a[k] for k in ("warc_file", "warc_offset", "warc_length")},
        },
    }


class StorePipeline:
    """The one stage that writes the archive: what the items carry, the site templates the crawl
    learned (`ArchiveState.take_templates`), and the crawl's own row."""

    def __init__(self, crawler: Crawler, db_path: str, batch_size: int, state: ArchiveState) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.batch_size = batch_size
        self.state = state
        self.articles: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []
        self.redirects: list[dict[str, Any]] = []
        self.fetches: list[dict[str, Any]] = []
        self.archive: Archive | None = None
        self.learner = AliasLearner(from_records(state.series))
        self.crawl_id = 0
        self.heartbeat: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        db_path = crawler.settings.get("FANWIRE_DB")
        if not db_path:
            raise NotConfigured("FANWIRE_DB is empty: set it to the archive's path")
        pipeline = cls(crawler, db_path, max(1, CrawlOptions.from_crawler(crawler).batch_size),
                       ArchiveState.from_crawler(crawler))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)
        start_urls = getattr(self.crawler.spider, "start_urls", [])
        self.crawl_id = self.archive.start_crawl(start_urls, now_iso())
        self.crawler.stats.set_value("fanwire/crawl_id", self.crawl_id)
        self.heartbeat = LoopingCall(self.beat)
        self.heartbeat.start(HEARTBEAT_SECONDS, now=False)
        logger.info("Archiving into %s (crawl %d)", self.db_path, self.crawl_id)

    def beat(self) -> None:
        if self.archive is None:
            return
        try:
            self.archive.beat(self.crawl_id, now_iso())
        except sqlite3.Error as exc:  # a missed beat is made up by the next; STALE_AFTER allows for several
            logger.warning("Could not record the crawl's heartbeat in %s: %s", self.db_path, exc)

    def process_item(self, item: object) -> object:
        if isinstance(item, ArticleItem):
            record = article_record(item, self.crawl_id)
            record["learned_aliases"] = learned_rows(self.learner.learn(item.text or ""))
            self.articles.append(record)
        elif isinstance(item, CrawlErrorItem):
            self.errors.append({**ItemAdapter(item).asdict(), "crawl_id": self.crawl_id, "site": site_of(item.url)})
        elif isinstance(item, FetchItem):
            self.fetches.append({**ItemAdapter(item).asdict(), "crawl_id": self.crawl_id})
        elif isinstance(item, (RedirectItem, AliasItem)):  # its fetch state is written with its alias
            self.redirects.append({**ItemAdapter(item).asdict(), "site": site_of(item.url), "crawl_id": self.crawl_id})
        if len(self.articles) + len(self.errors) + len(self.fetches) >= self.batch_size:
            self.flush()
        return item

    def item_dropped(self, item: object, response: object, exception: Exception, spider: Spider) -> None:
        url = getattr(item, "final_url", None) or getattr(item, "url", "")
        self.errors.append({"crawl_id": self.crawl_id, "url": url, "kind": "dropped",
                            "detail": str(exception), "at": now_iso()})

    def flush(self) -> None:
        if not (self.articles or self.errors or self.redirects or self.state.learned or self.fetches) \
                or self.archive is None:
            return
        pending = len(self.articles) + len(self.errors) + len(self.fetches)
        try:
            result = self.archive.write_batch(self.articles, self.errors, self.redirects, self.state.take_templates(),
                                              self.fetches)
        except Exception:  # not even a failure could be recorded (full disk, unwritable file): stop here
            logger.exception("Could not write to %s; %d items lost, stopping the crawl", self.db_path, pending)
            self.crawler.stats.inc_value("fanwire/store/failed", pending)
            self.articles, self.errors, self.fetches, self.redirects = [], [], [], []
            if self.crawler.engine is not None and self.crawler.engine.spider is not None:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_failed"))
            return
        self.redirects = result.unresolved
        stats = self.crawler.stats
        stats.inc_value("fanwire/store/articles_new", result.articles_new)
        stats.inc_value("fanwire/store/articles_updated", result.articles_updated)
        stats.inc_value("fanwire/store/aliases", result.aliases)
        stats.inc_value("fanwire/store/stories_new", result.stories_new)
        stats.inc_value("fanwire/store/errors", result.errors)
        stats.inc_value("fanwire/store/revisions", result.revisions)
        stats.inc_value("fanwire/store/gone", result.gone)
        stats.inc_value("fanwire/store/failed", result.failed)
        stats.inc_value("fanwire/store/batches")
        logger.info("Stored %d pages (%d new articles, %d updated, %d revisions kept, %d gone, %d errors recorded%s)",
                    len(self.articles), result.articles_new, result.articles_updated, result.revisions, result.gone,
                    result.errors, f"; {result.failed} items could not be stored" if result.failed else "")
        self.articles, self.errors, self.fetches = [], [], []

    def close_spider(self) -> None:
        self.flush()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        if self.archive is None:
            return
        self.flush()
        loops, fetched = settle(self.redirects, self.crawl_id)
        self.errors += loops
        self.fetches += fetched
        self.crawler.stats.set_value("fanwire/redirects/unresolved", len(self.redirects))
        self.redirects = []
        self.flush()
        stats = dict(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        try:
            self.archive.finish_crawl(self.crawl_id, now_iso(), stats)
        except sqlite3.Error:
            logger.exception("Could not record the end of crawl %d in %s", self.crawl_id, self.db_path)
        self.archive.close()
        self.archive = None


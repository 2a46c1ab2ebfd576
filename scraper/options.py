"""The crawl's thresholds in one frozen object: each limit's `FANWIRE_*` setting, its default and
the reason for it are written here and nowhere else (`scraper/settings.py` takes its defaults
from `CrawlOptions`). Components read it once, in `from_crawler`, and keep plain values.

Override any of them as Scrapy settings: `-s FANWIRE_MAX_SITEMAPS=50`, or `fanwire crawl` options.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

T = TypeVar("T", int, float)


def option(setting: str, default: T) -> T:
    """A field read from `setting`, `default` when the crawl does not set it."""
    return field(default=default, metadata={"setting": setting})


@dataclass(frozen=True)
class CrawlOptions:
    """Every tuned limit of a crawl, by the stage that applies it."""

    # Storage (pipelines/store.py)
    #: Articles per SQLite transaction.
    batch_size: int = option("FANWIRE_BATCH_SIZE", 100)

    # Discovery (scraper/spiders/fansite.py, scraper/discovery.py)
    #: Listing pages followed per URL shape and site (bounds pagination).
    max_listing_pages: int = option("FANWIRE_MAX_LISTING_PAGES", 50)
    #: Listing pages of one family in a row that found nothing new before it is closed (calendars).
    barren_pages: int = option("FANWIRE_BARREN_PAGES", 10)

    # Extraction (pipelines/extract.py, pipelines/extractor.py)
    #: Documents per site seen before its first pages are extracted (template learning).
    template_warmup: int = option("FANWIRE_TEMPLATE_WARMUP", 8)
    #: Seconds a warming-up site waits for more pages before extracting anyway.
    template_wait: float = option("FANWIRE_TEMPLATE_WAIT", 3.0)

    # Politeness (scraper/politeness.py)
    #: Cap on a robots.txt Crawl-delay, in seconds.
    max_crawl_delay: float = option("FANWIRE_MAX_CRAWL_DELAY", 10.0)
    #: Seconds before the first retry, doubled for each next one.
    retry_backoff: float = option("FANWIRE_RETRY_BACKOFF", 1.0)
    #: Longest wait before a retry; a longer Retry-After gives up.
    retry_backoff_max: float = option("FANWIRE_RETRY_BACKOFF_MAX", 60.0)

    # Recrawls (scraper/recrawl.py)
    #: A URL that failed (4xx, timeout, trap) is not requested again for this long.
    recheck_failed_days: float = option("FANWIRE_RECHECK_FAILED_DAYS", 7.0)
    #: On sites without sitemaps, archived articles are re-checked this often.
    revisit_days: float = option("FANWIRE_REVISIT_DAYS", 30.0)

    # WARC (scraper/warc.py)
    #: Bytes after which a new WARC file is started.
    warc_max_size: int = option("FANWIRE_WARC_MAX_SIZE", 1024 ** 3)

    # Bounds on the work one page, sitemap, URL family or site may give a crawl
    # (hostile or broken sites; scraper/budget.py, scraper/middlewares.py)
    #: Distinct links taken from one page, in document order (news front pages have a few hundred).
    links_per_page: int = option("FANWIRE_MAX_LINKS_PER_PAGE", 1000)
    #: URLs requested per URL family (one route of a site) per crawl; the rest wait for the next crawl.
    family_urls: int = option("FANWIRE_MAX_FAMILY_URLS", 20000)
    #: Requests of one URL family failing in a row (4xx/5xx, errors, soft 404s) that close it.
    failed_family_pages: int = option("FANWIRE_FAILED_FAMILY_PAGES", 20)
    #: Entries read per sitemap or sitemap index (the sitemaps.org limit).
    sitemap_urls: int = option("FANWIRE_SITEMAP_MAX_URLS", 50000)
    #: Bytes of XML read per sitemap, once gunzipped (the sitemaps.org limit).
    sitemap_size: int = option("FANWIRE_SITEMAP_MAX_SIZE", 50 * 1024 * 1024)
    #: Sitemaps read per site and crawl.
    sitemaps: int = option("FANWIRE_MAX_SITEMAPS", 1000)
    #: HTML pages bigger than this are parsed off the reactor thread (0 = never).
    thread_parse_size: int = option("FANWIRE_THREAD_PARSE_SIZE", 256 * 1024)
    #: Crawl_errors rows per URL family for URLs Scrapy would drop (too long, too deep).
    skip_rows_per_family: int = option("FANWIRE_SKIP_ROWS_PER_FAMILY", 20)

    # Monitoring (scraper/reactor_watch.py)
    #: Seconds between reactor ticks measuring stalls (stat fanwire/reactor/max_stall_ms; 0 = off).
    reactor_tick: float = option("FANWIRE_REACTOR_TICK", 0.1)

    # Distributed crawls (scraper/distributed.py)
    #: Seconds without a heartbeat before a worker's in-flight requests are requeued.
    redis_heartbeat: float = option("FANWIRE_REDIS_HEARTBEAT", 30.0)
    #: Seconds an idle worker waits before looking at the shared queue again.
    redis_poll: float = option("FANWIRE_REDIS_POLL", 0.5)

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> CrawlOptions:
        values: dict[str, Any] = {}
        for f in fields(cls):
            read = settings.getint if f.type == "int" else settings.getfloat
            values[f.name] = read(f.metadata["setting"], f.default)
        return cls(**values)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlOptions:
        return cls.from_settings(crawler.settings)

    @classmethod
    def default_settings(cls) -> dict[str, int | float]:
        """`FANWIRE_*` name → default, for the project's settings module."""
        return {f.metadata["setting"]: f.default for f in fields(cls)}

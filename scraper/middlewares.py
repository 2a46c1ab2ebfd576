"""Spider middleware that turns an exception in a callback into a recorded skip, so one broken
page is logged, counted and stored in `crawl_errors` while the crawl goes on."""
from __future__ import annotations

import logging
from collections.abc import Iterable

from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from scraper.items import CrawlErrorItem, now_iso

logger = logging.getLogger(__name__)


class RecordErrorsMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordErrorsMiddleware:
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> Iterable[CrawlErrorItem] | None:
        if isinstance(exception, HttpError):
            return None
        detail = f"{type(exception).__name__}: {exception}"
        self.stats.inc_value("fanwire/errors/parse_error")
        logger.error("Could not parse %s: %s", response.url, detail, exc_info=exception)
        return [CrawlErrorItem(url=response.url, kind="parse_error", detail=detail[:500], at=now_iso())]

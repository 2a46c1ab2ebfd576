"""A page the page logic raised on (broken markup) becomes a `crawl_errors` row, a `parse_error`,
in a crawl (through `RecordErrorsMiddleware`) and in a WARC import alike."""
from __future__ import annotations

import logging

from scrapy.statscollectors import StatsCollector

from scraper.items import CrawlErrorItem, now_iso

#: Longest `detail` of a parse error (its exception's message).
MAX_DETAIL_CHARS = 500

logger = logging.getLogger(__name__)


def parse_error(stats: StatsCollector, url: str, exception: Exception) -> CrawlErrorItem:
    """A page whose handling raised: logged with its traceback, counted, and recorded, so that
    one broken page costs that page and not the crawl."""
    detail = f"{type(exception).__name__}: {exception}"
    stats.inc_value("fanwire/errors/parse_error")
    logger.error("Could not parse %s: %s", url, detail, exc_info=exception)
    return CrawlErrorItem(url=url, kind="parse_error", detail=detail[:MAX_DETAIL_CHARS], at=now_iso())

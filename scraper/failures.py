"""How a failure becomes a `crawl_errors` row: a request that failed (its kind, from the
exception) and a page the page logic could not handle (a `parse_error`), whichever spider met it."""
from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest
from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from scraper.items import CrawlErrorItem, now_iso

#: Longest `detail` of a parse error (its exception's message).
MAX_DETAIL_CHARS = 500

logger = logging.getLogger(__name__)


def failure_kind(failure: Failure) -> str:
    """The `crawl_errors.kind` of a failed download."""
    name = failure.type.__name__.lower()
    message = failure.getErrorMessage().lower()
    if "timeout" in name:
        return "timeout"
    if "maxsize" in message or "size" in message and "cancel" in name:
        return "too_large"
    if failure.check(IgnoreRequest):
        return "redirect_loop" if "redirect" in message else "ignored"
    return "download_error"


def parse_error(stats: StatsCollector, url: str, exception: Exception) -> CrawlErrorItem:
    """A page whose handling raised: logged with its traceback, counted, and recorded, so that
    one broken page costs that page and not the crawl."""
    detail = f"{type(exception).__name__}: {exception}"
    stats.inc_value("fanwire/errors/parse_error")
    logger.error("Could not parse %s: %s", url, detail, exc_info=exception)
    return CrawlErrorItem(url=url, kind="parse_error", detail=detail[:MAX_DETAIL_CHARS], at=now_iso())

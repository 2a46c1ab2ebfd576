"""Politeness on top of Scrapy's: robots.txt `Crawl-delay`, retries spaced out with exponential
backoff and `Retry-After`, and a User-Agent that says who is crawling and how to reach them.

Scrapy obeys robots.txt rules (Protego) and AutoThrottle adapts each site's delay to its
latency, but neither honours `Crawl-delay` or `Retry-After`, and retries go out immediately.
"""
from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware
from scrapy.http import Response
from scrapy.robotstxt import RobotParser

from scraper.delayed import NOT_BEFORE
from scraper.options import CrawlOptions

logger = logging.getLogger(__name__)


class CrawlDelay:
    """Give each site the delay its robots.txt asks for (capped at `FANWIRE_MAX_CRAWL_DELAY`),
    one request at a time and without Scrapy's random jitter, and keep AutoThrottle from lowering it."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_delay = CrawlOptions.from_crawler(crawler).max_crawl_delay
        self.agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or "fanwire"
        self.delays: dict[str, float] = {}
        self.local = True  # False when the workers of a distributed crawl space requests together

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelay:
        ext = cls(crawler)
        crawler.signals.connect(ext.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        return ext

    def robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        delay = robotparser.crawl_delay(self.agent)
        if not delay:
            return
        if delay > self.max_delay:
            logger.warning("robots.txt of %s asks for Crawl-delay %s s; using FANWIRE_MAX_CRAWL_DELAY %s s",
                           request.url, delay, self.max_delay)
            delay = self.max_delay
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        self.delays[key] = float(delay)
        local = float(delay) if self.local else 0.0
        downloader.per_slot_settings[key] = {**downloader.per_slot_settings.get(key, {}),
                                             "delay": local, "concurrency": 1, "jitter": 0.0}
        slot = downloader.slots.get(key)
        if slot is not None:  # no random jitter: Crawl-delay is a minimum
            slot.delay, slot.concurrency, slot.jitter = max(slot.delay, local) if self.local else 0.0, 1, 0.0
        self.crawler.stats.set_value(f"fanwire/crawl_delay/{key}", float(delay))
        logger.info("Crawl-delay %s s for %s (robots.txt)", delay, key)

    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        """Runs after AutoThrottle's handler (extensions connect in order): restore the floor, or,
        when the workers' shared schedule spaces the site's requests, keep the slot from adding
        a delay of its own (a request would then leave later than its reserved moment)."""
        key = request.meta.get("download_slot") or ""
        slot = self.crawler.engine.downloader.slots.get(key) if key in self.delays else None
        if slot is not None:
            slot.delay = max(slot.delay, self.delays[key]) if self.local else 0.0


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries (5xx, 429, timeouts, lost connections), each sent after an exponential
    backoff (`FANWIRE_RETRY_BACKOFF` × 2^n, capped at `FANWIRE_RETRY_BACKOFF_MAX`) or after the
    server's `Retry-After`, whichever is later (a longer `Retry-After` than the cap gives up).
    The retry waits outside the downloader (`scraper.delayed`), holding no download slot."""

    def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
        super().__init__(settings)
        options = CrawlOptions.from_settings(settings)
        self.backoff = options.retry_backoff
        self.backoff_max = options.retry_backoff_max

    def process_response(self, request: Request, response: Response,
                         spider: Spider | None = None) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if retry_after is not None and retry_after > self.backoff_max:
            logger.warning("Not retrying %s: Retry-After %.0f s is over FANWIRE_RETRY_BACKOFF_MAX", request.url,
                           retry_after)
            self.crawler.stats.inc_value("fanwire/retry/retry_after_too_long")
            return response
        result = super().process_response(request, response)
        if isinstance(result, Request):
            self._schedule(result, retry_after)
        return result

    def process_exception(self, request: Request, exception: Exception,
                          spider: Spider | None = None) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            self._schedule(result, None)
        return result

    def _schedule(self, retry: Request, retry_after: float | None) -> None:
        attempt = retry.meta.get("retry_times", 1)
        delay = min(self.backoff * 2 ** (attempt - 1), self.backoff_max)
        if retry_after is not None:
            delay = max(delay, retry_after)
            self.crawler.stats.inc_value("fanwire/retry/retry_after")
        retry.meta[NOT_BEFORE] = time.time() + delay


def parse_retry_after(value: bytes | None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


class ContactUserAgentMiddleware(UserAgentMiddleware):
    """`USER_AGENT` with `{contact}` filled from `FANWIRE_CONTACT_URL`, so site owners can see who
    crawls them and how to reach the person running the crawl."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContactUserAgentMiddleware:
        agent = crawler.settings.get("USER_AGENT", "fanwire")
        contact = crawler.settings.get("FANWIRE_CONTACT_URL") or ""
        middleware = cls(agent.replace("{contact}", contact) if "{contact}" in agent else agent)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

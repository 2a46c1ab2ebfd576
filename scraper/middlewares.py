"""Middlewares that keep a crawl's failures and skips visible, and its reactor thread free:
an exception in a callback, a request Scrapy would drop silently, a big page to parse."""
from __future__ import annotations

import codecs
import logging
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from parsel import Selector
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import DeferredLock
from twisted.internet.threads import deferToThread

from pipelines.decode import choose_encoding
from scraper.shapes import family
from scraper.failures import parse_error
from scraper.items import CrawlErrorItem, now_iso
from scraper.links import bounded_selector
from scraper.options import CrawlOptions
from scraper.reactor_watch import next_turn

#: Outputs of one callback passed on before the reactor runs again (a request costs ~0.3-1 ms on
#: its way through the middlewares to the scheduler).
OUTPUTS_PER_TURN = 100

logger = logging.getLogger(__name__)


class RecordErrorsMiddleware:
    """Spider middleware: an exception in a callback is a recorded skip, not a lost crawl."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordErrorsMiddleware:
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> Iterable[CrawlErrorItem] | None:
        if isinstance(exception, HttpError):
            return None
        return [parse_error(self.stats, response.url, exception)]


def reencoded(response: TextResponse) -> TextResponse:
    """`response` read in the charset extraction will read it in (`pipelines.decode`): a label
    may lie, and a page classified in another charset than it is extracted in can be lost. The
    same response when Scrapy already chose that charset, so a tree built before is kept."""
    content_type = response.headers.get("Content-Type", b"").decode("latin-1")
    encoding = choose_encoding(response.body, content_type)
    if codecs.lookup(encoding).name == codecs.lookup(response.encoding).name:
        return response
    return response.replace(encoding=encoding)


def _parse_bounded(response: TextResponse, max_links: int) -> tuple[TextResponse, Selector]:
    response = reencoded(response)
    return response, bounded_selector(response, max_links)


class ParsedHtmlResponse(HtmlResponse):
    """An HTML response whose tree was built before the spider got it (`ParseOffThreadMiddleware`);
    a copy made with `replace()` parses its own body again."""

    def __init__(self, *args: Any, parsed: Selector | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parsed = parsed

    @property
    def selector(self) -> Selector:
        return self.parsed if self.parsed is not None else super().selector


class ParseOffThreadMiddleware:
    """Downloader middleware: parse a big HTML page in a thread before the spider sees it.

    Building the tree of a multi-megabyte page, and the XPaths the spider then runs over it, block
    the reactor thread for seconds (no download progresses meanwhile). Pages over
    FANWIRE_THREAD_PARSE_SIZE bytes are parsed in a thread, one at a time, without the anchors
    past the spider's link limit (`scraper.links.bounded_selector`): the spider never follows
    them, and a tree without them is small and cheap to query."""

    def __init__(self, min_size: int, max_links: int) -> None:
        self.min_size = min_size
        self.max_links = max_links
        self.lock = DeferredLock()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ParseOffThreadMiddleware:
        options = CrawlOptions.from_crawler(crawler)
        if options.thread_parse_size <= 0:
            raise NotConfigured("FANWIRE_THREAD_PARSE_SIZE is 0: pages are parsed on the reactor thread")
        return cls(options.thread_parse_size, options.links_per_page)

    async def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if not isinstance(response, HtmlResponse) or len(response.body) <= self.min_size:
            return response
        response, parsed = await maybe_deferred_to_future(self.lock.run(deferToThread, _parse_bounded, response,
                                                                        self.max_links))
        return response.replace(cls=ParsedHtmlResponse, parsed=parsed)


class RecordDroppedRequestsMiddleware:
    """Spider middleware (spider side of Scrapy's DepthMiddleware and UrlLengthMiddleware): a
    request those would drop silently becomes a `crawl_errors` row instead (`url_too_long`,
    `depth_limit`), counted in stats; past FANWIRE_SKIP_ROWS_PER_FAMILY rows of one kind and URL
    family, one more row says the rest are only counted, so a flood of them cannot flood the table."""

    def __init__(self, crawler: Crawler, max_length: int, max_depth: int, rows_per_family: int) -> None:
        self.stats = crawler.stats
        self.max_length = max_length
        self.max_depth = max_depth
        self.rows_per_family = rows_per_family
        self.rows: Counter[tuple[str, str]] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordDroppedRequestsMiddleware:
        settings = crawler.settings
        return cls(crawler, settings.getint("URLLENGTH_LIMIT"), settings.getint("DEPTH_LIMIT"),
                   CrawlOptions.from_settings(settings).skip_rows_per_family)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        for output in result:
            yield from self._check(response, output)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            for checked in self._check(response, output):
                yield checked

    def _check(self, response: Response, output: Any) -> list[Any]:
        if not isinstance(output, Request):
            return [output]
        if self.max_length and len(output.url) > self.max_length:
            return self._record(output.url, "url_too_long",
                                f"URL of {len(output.url)} characters, over URLLENGTH_LIMIT ({self.max_length})")
        depth = 0 if output.meta.get("depth_reset") else response.meta.get("depth", 0) + 1
        if self.max_depth and depth > self.max_depth:
            return self._record(output.url, "depth_limit", f"{depth} links from a start URL, over DEPTH_LIMIT "
                                f"({self.max_depth})")
        return [output]

    def _record(self, url: str, kind: str, detail: str) -> list[CrawlErrorItem]:
        self.stats.inc_value(f"fanwire/skipped/{kind}")
        key = (kind, family(url))
        self.rows[key] += 1
        if self.rows[key] > self.rows_per_family + 1:
            return []
        if self.rows[key] > self.rows_per_family:
            detail = (f"more {kind} skips in {key[1]} are only counted (stat fanwire/skipped/{kind}, "
                      "FANWIRE_SKIP_ROWS_PER_FAMILY)")
        logger.info("Not requesting %s: %s", url[:200], detail)
        return [CrawlErrorItem(url=url, kind=kind, detail=detail, at=now_iso())]


class PaceOutputMiddleware:
    """Spider middleware: let the reactor run every OUTPUTS_PER_TURN outputs of a callback.

    Scrapy takes a callback's output in one go, and a page's 1,000 links or a sitemap's 50,000
    entries, each a request through every middleware to the scheduler, would otherwise block the
    reactor thread for seconds (downloads stall, timeouts fire, AutoThrottle sees the stall as
    latency and slows the crawl)."""

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        count = 0
        async for output in result:
            count += 1
            if count % OUTPUTS_PER_TURN == 0:
                await next_turn()
            yield output

"""How much one URL family (see `shapes.family`) may cost a crawl.

A family is closed, for the rest of the crawl, when
1. it has had `max_urls` requests (FANWIRE_MAX_FAMILY_URLS): a flood of links or sitemap entries
   of one route; what is left waits for the next crawl, which asks only for what is not archived;
2. `failed_pages` requests of it in a row failed (FANWIRE_FAILED_FAMILY_PAGES: 4xx/5xx, download
   errors, pages that say "not found") and none since succeeded: links into nothing.

The spider reports outcomes; `FamilyBudgetMiddleware` counts the requests its callbacks yield
and drops those of a closed family before they are queued; `FamilyGateMiddleware` refuses the
ones queued before their family closed for failing. Each closed family is one `trap` row in
`crawl_errors`, and then costs no more requests and no more rows.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, NamedTuple

from scrapy import Request, Spider
from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from scraper.shapes import family
from scraper.items import CrawlErrorItem, now_iso
from scraper.options import CrawlOptions

#: The bounds' name before they joined the crawl's other thresholds; same fields, same `from_settings`.
CrawlBounds = CrawlOptions


class FamilyClosed(IgnoreRequest):
    """A request of a URL family that the crawl closed; recorded once with the family, not per URL."""


class Closed(NamedTuple):
    family: str
    url: str  # the request that closed it
    reason: str


class FamilyBudget:
    """Requests and failures per URL family; which families are closed, and why (see the module docstring)."""

    def __init__(self, max_urls: int, failed_pages: int) -> None:
        self.max_urls = max_urls
        self.failed_pages = failed_pages
        self.requested: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.spent: set[str] = set()
        self.failing: dict[str, str] = {}  # family: why (its queued requests are refused too)
        self.news: list[Closed] = []
        self.announced: set[str] = set()

    def take(self, url: str) -> bool:
        """Count a request for `url` if its family is open and has budget left."""
        name = family(url)
        if name in self.failing or name in self.spent:
            return False
        if self.requested[name] >= self.max_urls:
            self.spent.add(name)
            self._announce(Closed(name, url, f"{self.requested[name]} URLs requested (FANWIRE_MAX_FAMILY_URLS)"))
            return False
        self.requested[name] += 1
        return True

    def is_failing(self, url: str) -> bool:
        """True once the family was closed for failing: nothing more of it is downloaded."""
        return family(url) in self.failing

    def answered(self, url: str) -> None:
        """A request of the family got a page: its failures so far were not a pattern."""
        self.failures[family(url)] = 0

    def failed(self, url: str) -> None:
        name = family(url)
        self.failures[name] += 1
        if self.failures[name] >= self.failed_pages and name not in self.failing:
            self.failing[name] = f"{self.failures[name]} requests in a row failed (FANWIRE_FAILED_FAMILY_PAGES)"
            self._announce(Closed(name, url, self.failing[name]))

    def closed_items(self) -> list[CrawlErrorItem]:
        """The `trap` rows of the families closed since the last call, each reported once."""
        news, self.news = self.news, []
        return [CrawlErrorItem(url=c.url, kind="trap", detail=f"{c.family} closed: {c.reason}", at=now_iso())
                for c in news]

    def _announce(self, closed: Closed) -> None:
        """Report a family once, whether its budget ran out, it failed, or both."""
        if closed.family not in self.announced:
            self.announced.add(closed.family)
            self.news.append(closed)


def _spider_budget(crawler: Crawler) -> FamilyBudget:
    budget = getattr(crawler.spider, "families", None)
    if not isinstance(budget, FamilyBudget):
        raise NotConfigured("the spider keeps no FamilyBudget")
    return budget


class FamilyBudgetMiddleware:
    """Spider middleware: count each request a callback yields against its family, and drop it
    (with the family's `trap` row, once) when the family is closed."""

    def __init__(self, budget: FamilyBudget, crawler: Crawler) -> None:
        self.budget = budget
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FamilyBudgetMiddleware:
        return cls(_spider_budget(crawler), crawler)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        for output in result:
            yield from self._admit(output)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            for admitted in self._admit(output):
                yield admitted

    def _admit(self, output: Any) -> list[Any]:
        if not isinstance(output, Request) or self.budget.take(output.url):
            return [output]
        self.stats.inc_value("fanwire/family/dropped")
        return self.budget.closed_items()


class FamilyGateMiddleware:
    """Downloader middleware: refuse the queued requests of a family closed for failing."""

    def __init__(self, budget: FamilyBudget, crawler: Crawler) -> None:
        self.budget = budget
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FamilyGateMiddleware:
        return cls(_spider_budget(crawler), crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self.budget.is_failing(request.url):
            self.stats.inc_value("fanwire/family/refused")
            raise FamilyClosed(f"{family(request.url)} is closed: {self.budget.failing[family(request.url)]}")


class FamilyScheduler(Scheduler):
    """Scrapy's scheduler, skipping the queued requests of a family closed for failing: the
    thousands one sitemap queued before its family failed leave the queue at once, instead of
    each going through the downloader middlewares and the errback (`FamilyGateMiddleware` still
    refuses them under another scheduler, as in distributed crawls)."""

    budget: FamilyBudget | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FamilyScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.budget = getattr(crawler.spider, "families", None)
        return scheduler

    def next_request(self) -> Request | None:
        request = super().next_request()
        while request is not None and self.budget is not None and self.budget.is_failing(request.url):
            self.stats.inc_value("fanwire/family/unqueued")
            request = super().next_request()
        return request

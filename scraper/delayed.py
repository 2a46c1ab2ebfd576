"""Requests that must not leave before a moment (a retry's backoff, `Retry-After`) wait outside
the downloader, and go to the scheduler when that moment comes.

A request waiting inside a downloader middleware's `process_request` has already been counted
as active by Scrapy's downloader: while it sleeps, it holds one of `CONCURRENT_REQUESTS` global
slots, and enough of them stall every other site. Here the request is held back when it is
scheduled (the `request_scheduled` signal drops it with `IgnoreRequest`) and crawled again by a
reactor timer; the spider stays open while any request is held.
"""
from __future__ import annotations

import time

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from twisted.internet.base import DelayedCall

#: Request meta key: the time (`time.time()`) before which the request must not be sent.
NOT_BEFORE = "fanwire_not_before"


class DelayedRequests:
    """Extension: hold each scheduled request whose `NOT_BEFORE` is still to come until then."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.held: dict[int, DelayedCall] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DelayedRequests:
        ext = cls(crawler)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def request_scheduled(self, request: Request) -> None:
        wait = request.meta.get(NOT_BEFORE, 0.0) - time.time()
        if wait <= 0:
            return
        from twisted.internet import reactor  # the one Scrapy installed

        self.held[id(request)] = reactor.callLater(wait, self._release, request)
        self.crawler.stats.inc_value("fanwire/delayed/held")
        raise IgnoreRequest(f"held {wait:.1f} s before it is scheduled")

    def _release(self, request: Request) -> None:
        del self.held[id(request)]
        if self.crawler.engine is not None and self.crawler.engine.spider is not None:
            self.crawler.engine.crawl(request)

    def spider_idle(self) -> None:
        if self.held:
            raise DontCloseSpider

    def spider_closed(self) -> None:
        for call in self.held.values():
            if call.active():
                call.cancel()
        self.held.clear()

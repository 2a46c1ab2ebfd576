"""Extension that measures how long the Twisted reactor is kept from running: a tick every
`FANWIRE_REACTOR_TICK` seconds records by how much it came late. The longest lateness is the stat
`fanwire/reactor/max_stall_ms`: while code blocks the reactor thread (parsing a huge page on it,
say), no download progresses, no timeout fires and no other response is handled."""
from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task

from scraper.options import CrawlOptions

STAT = "fanwire/reactor/max_stall_ms"
#: A stall at least this long is also logged when it happens, so a crawl killed later still says so.
LOGGED_STALL = 1.0

logger = logging.getLogger(__name__)


class ReactorWatch:
    def __init__(self, crawler: Crawler, tick: float) -> None:
        self.stats = crawler.stats
        self.tick = tick
        self.loop = task.LoopingCall(self._tick)
        self.last = 0.0
        self.max_stall = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReactorWatch:
        tick = CrawlOptions.from_crawler(crawler).reactor_tick
        if tick <= 0:
            raise NotConfigured("FANWIRE_REACTOR_TICK is 0: reactor stalls are not measured")
        watch = cls(crawler, tick)
        crawler.signals.connect(watch.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(watch.spider_closed, signal=signals.spider_closed)
        return watch

    def spider_opened(self) -> None:
        self.last = time.monotonic()
        self.loop.start(self.tick, now=False)

    def _tick(self) -> None:
        now = time.monotonic()
        stall = max(0.0, now - self.last - self.tick)
        self.last = now
        if stall > self.max_stall:
            self.max_stall = stall
            self.stats.set_value(STAT, round(stall * 1000))
            if stall >= LOGGED_STALL:
                logger.warning("The reactor was blocked for %d ms (%s)", stall * 1000, STAT)

    def spider_closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
        self.stats.set_value(STAT, round(self.max_stall * 1000))


async def next_turn() -> None:
    """Let the reactor run once before going on: a callback that yields thousands of requests
    calls this every few hundred, since Scrapy consumes a callback's output without pausing."""
    from twisted.internet import reactor  # the one Scrapy installed

    await maybe_deferred_to_future(task.deferLater(reactor, 0, lambda: None))

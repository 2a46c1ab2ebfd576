"""Crawl-delay across workers: with several workers on one Redis, each one spacing its own
requests to a site would let N workers hit it N times as often. Before a request to a site whose
robots.txt asks for a Crawl-delay, a worker reserves the site's next free moment in Redis (one
atomic script) and waits for it, so all workers together keep the delay. Worker clocks are
assumed to agree (NTP), as they must for any shared schedule.
"""
from __future__ import annotations

import time

import redis
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

from scraper import distributed
from scraper.politeness import CrawlDelay

#: Reserves the site's next free moment: max(now, the stored one), and stores it plus the delay.
RESERVE = """
local now = tonumber(ARGV[1])
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], tostring(at + tonumber(ARGV[2])), 'PX', math.ceil(tonumber(ARGV[2]) * 1000) + 60000)
return tostring(at)
"""


class SharedCrawlDelayMiddleware:
    """Enabled with the Redis scheduler (`fanwire worker`); a no-op for one-process crawls."""

    def __init__(self, crawler: Crawler, server: redis.Redis, prefix: str) -> None:
        self.crawler = crawler
        self.server = server
        self.prefix = prefix
        self.reserve = server.register_script(RESERVE)
        self.delays = next((e for e in crawler.extensions.middlewares if isinstance(e, CrawlDelay)), None)
        if self.delays is not None:
            self.delays.local = False  # the shared schedule spaces requests; a local delay would skew it

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedCrawlDelayMiddleware:
        if crawler.settings.get("SCHEDULER") != distributed.SCHEDULER:
            raise NotConfigured("one process: Scrapy's download slot keeps the Crawl-delay")
        return cls(crawler, distributed.connect(crawler.settings), crawler.settings.get("FANWIRE_REDIS_KEY", "fanwire"))

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        key = self.crawler.engine.downloader.get_slot_key(request)
        delay = self.delays.delays.get(key) if self.delays is not None else None
        if not delay:
            return
        at = float(self.reserve(keys=[f"{self.prefix}:next:{key}"], args=[time.time(), delay]))
        wait = at - time.time()
        if wait > 0:
            self.crawler.stats.inc_value("fanwire/redis/crawl_delay_waits")
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None:  # leave at the reserved moment, not after a local delay
            slot.delay = 0.0

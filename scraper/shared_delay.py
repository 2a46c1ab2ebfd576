"""Crawl-delay across workers: with several workers on one Redis, each one spacing its own
requests to a site would let N workers hit it N times as often. Before a request to a site whose
robots.txt asks for a Crawl-delay, a worker reserves the site's next free moment in Redis (one
atomic script), so all workers together keep the delay. Worker clocks are assumed to agree
(NTP), as they must for any shared schedule.

A request whose moment is still to come does not wait in the downloader (it would hold one of
the worker's global download slots): it goes back to the shared queue when its moment comes
(`scraper.delayed`), first in line, and is sent by whichever worker takes it, if that is on
time; one that comes back late reserves a new moment.
"""
from __future__ import annotations

import time

import redis
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from scraper import distributed
from scraper.delayed import NOT_BEFORE
from scraper.politeness import CrawlDelay

#: Reserves the site's next free moment: max(now, the stored one), and stores it plus the delay.
RESERVE = """
local now = tonumber(ARGV[1])
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], tostring(at + tonumber(ARGV[2])), 'PX', math.ceil(tonumber(ARGV[2]) * 1000) + 60000)
return tostring(at)
"""
#: Request meta key: the moment reserved for the request in the shared schedule.
RESERVED_AT = "fanwire_reserved_at"
#: Share of the Crawl-delay by which a request may miss its reserved moment and still be sent.
ON_TIME_SHARE = 0.1
#: Priority of a request coming back for its reserved moment: ahead of every queued request.
RESERVED_PRIORITY = 1000


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

    def process_request(self, request: Request, spider: Spider | None = None) -> Request | None:
        key = self.crawler.engine.downloader.get_slot_key(request)
        delay = self.delays.delays.get(key) if self.delays is not None else None
        if not delay:
            return None
        now = time.time()
        at = request.meta.get(RESERVED_AT)
        if at is None or now > at + ON_TIME_SHARE * delay:
            at = float(self.reserve(keys=[f"{self.prefix}:next:{key}"], args=[now, delay]))
        if at > now:
            self.crawler.stats.inc_value("fanwire/redis/crawl_delay_waits")
            return request.replace(meta={**request.meta, RESERVED_AT: at, NOT_BEFORE: at}, dont_filter=True,
                                   priority=max(request.priority, RESERVED_PRIORITY))
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None:  # leave at the reserved moment, not after a local delay
            slot.delay = 0.0
        return None

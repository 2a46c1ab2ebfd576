"""A Scrapy scheduler whose request queue and duplicate filter live in Redis, so several
`fansite` processes (workers, on one machine or many) share one crawl.

Written on redis-py rather than adapting scrapy-redis 0.9.1, which targets Scrapy ≤ 2.11 and,
like Scrapy's own `requests.seen`, loses requests on `kill -9`: a worker pops a request, its
fingerprint is already in the shared seen set, and if the worker dies before the request is done
no worker will ever ask for it again. Here every popped request is also kept in the worker's
*in-flight* hash until it has left the downloader; each worker refreshes a heartbeat key, and the
in-flight requests of a worker whose heartbeat expired are put back in the queue by the next
worker that looks (at-least-once delivery: such a page may be fetched twice, never lost).

Keys, under `FANWIRE_REDIS_KEY` (default `fanwire`):
`:queue` (sorted set of pickled requests, by priority), `:seen` (set of request fingerprints),
`:workers` (set of worker ids), `:alive:<id>` (heartbeat, expires), `:inflight:<id>` (hash).

A worker closes when its own engine is idle, the queue is empty and no live worker has a request
in flight (another worker's response may still yield new links).
"""
from __future__ import annotations

import logging
import os
import pickle
import socket
import uuid
from typing import Any

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.core.scheduler import BaseScheduler
from scrapy.dupefilters import BaseDupeFilter
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.request import fingerprint, request_from_dict
from twisted.internet import task

from scraper.options import CrawlOptions

logger = logging.getLogger(__name__)

#: Pops the best request and records it as in flight for this worker, in one step.
POP = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return false end
redis.call('HSET', KEYS[2], popped[1], popped[2])
return popped[1]
"""
#: The last worker to finish a crawl clears it, so the same start URLs can be crawled again.
LEAVE = """
redis.call('SREM', KEYS[1], ARGV[1])
if redis.call('SCARD', KEYS[1]) == 0 and redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[3])
  return 1
end
return 0
"""
#: Puts a dead worker's in-flight requests back in the queue and forgets the worker.
RECLAIM = """
local items = redis.call('HGETALL', KEYS[2])
for i = 1, #items, 2 do redis.call('ZADD', KEYS[1], items[i + 1], items[i]) end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
return #items / 2
"""


#: The `SCHEDULER` setting of a worker (`fanwire worker` sets it).
SCHEDULER = "scraper.distributed.RedisScheduler"


def connect(settings: Any) -> redis.Redis:
    url = settings.get("REDIS_URL")
    if not url:
        raise NotConfigured("REDIS_URL is empty: set it to the shared Redis server, e.g. redis://host:6379/0")
    return redis.Redis.from_url(url)


def reset_crawl(server: redis.Redis, prefix: str) -> int:
    """Forget a crawl entirely (queue, seen set, workers, in-flight requests); returns keys deleted."""
    keys = list(server.scan_iter(match=f"{prefix}:*"))
    return int(server.delete(*keys)) if keys else 0


class RedisDupeFilter(BaseDupeFilter):
    """Request fingerprints in a Redis set shared by every worker of the crawl."""

    def __init__(self, server: redis.Redis, key: str, crawler: Crawler | None = None) -> None:
        self.server = server
        self.key = key
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisDupeFilter:
        prefix = crawler.settings.get("FANWIRE_REDIS_KEY", "fanwire")
        return cls(connect(crawler.settings), f"{prefix}:seen", crawler)

    def request_seen(self, request: Request) -> bool:
        return self.server.sadd(self.key, fingerprint(request).hex()) == 0

    def log(self, request: Request, spider: Spider) -> None:
        if self.crawler is not None:
            self.crawler.stats.inc_value("fanwire/redis/filtered")


class RedisScheduler(BaseScheduler):
    """The shared queue (see the module docstring); the duplicate filter is always `RedisDupeFilter`."""

    def __init__(self, crawler: Crawler, server: redis.Redis, prefix: str, heartbeat: float, poll: float) -> None:
        self.crawler = crawler
        self.server = server
        self.prefix = prefix
        self.heartbeat = heartbeat
        self.poll = poll
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.df = RedisDupeFilter(server, f"{prefix}:seen", crawler)
        self.pop = server.register_script(POP)
        self.reclaim_script = server.register_script(RECLAIM)
        self.popped: dict[Request, bytes] = {}
        self.spider: Spider | None = None
        self.beat: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        settings = crawler.settings
        options = CrawlOptions.from_crawler(crawler)
        scheduler = cls(crawler, connect(settings), settings.get("FANWIRE_REDIS_KEY", "fanwire"),
                        options.redis_heartbeat, options.redis_poll)
        crawler.signals.connect(scheduler.request_left_downloader, signal=signals.request_left_downloader)
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.server.sadd(self.key("workers"), self.worker)
        self._beat()
        self.beat = task.LoopingCall(self._beat)
        self.beat.start(self.heartbeat / 3, now=False)
        reclaimed = self.reclaim()
        logger.info("Redis worker %s on %s (queue %d, %d reclaimed from dead workers)", self.worker,
                    self.key("queue"), self.server.zcard(self.key("queue")), reclaimed)

    def close(self, reason: str) -> None:
        if self.beat is not None and self.beat.running:
            self.beat.stop()
        # Stopped for any other reason (Ctrl-C, CloseSpider), the worker's heartbeat expires and
        # another worker takes its in-flight requests back, as after a crash.
        if reason == "finished":
            self.server.delete(self.key(f"inflight:{self.worker}"), self.key(f"alive:{self.worker}"))
            last = self.server.register_script(LEAVE)(
                keys=[self.key("workers"), self.key("queue"), self.key("seen")], args=[self.worker])
            if last:
                logger.info("Last worker of the crawl: cleared %s", self.key("seen"))

    def has_pending_requests(self) -> bool:
        return self.server.zcard(self.key("queue")) > 0

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        member = pickle.dumps(request.to_dict(spider=self.spider), protocol=pickle.HIGHEST_PROTOCOL)
        self.server.zadd(self.key("queue"), {member: -request.priority})
        self.crawler.stats.inc_value("scheduler/enqueued/redis")
        self.crawler.stats.inc_value("scheduler/enqueued")
        return True

    def next_request(self) -> Request | None:
        member = self.pop(keys=[self.key("queue"), self.key(f"inflight:{self.worker}")])
        if member is None:
            return None
        request = request_from_dict(pickle.loads(member), spider=self.spider)
        self.popped[request] = member
        self.crawler.stats.inc_value("scheduler/dequeued/redis")
        self.crawler.stats.inc_value("scheduler/dequeued")
        return request

    def request_left_downloader(self, request: Request, spider: Spider) -> None:
        """The request was answered (or failed): it no longer needs saving from a crash."""
        member = self.popped.pop(request, None)
        if member is not None:
            self.server.hdel(self.key(f"inflight:{self.worker}"), member)

    def spider_idle(self) -> None:
        """Nothing runs here any more: forget this worker's in-flight requests (those that never
        reached the downloader, e.g. disallowed by robots.txt), take back dead workers' ones, and
        stay open while any live worker may still add requests."""
        self.popped.clear()
        self.server.delete(self.key(f"inflight:{self.worker}"))
        self.reclaim()
        if self.has_pending_requests() or self.busy_workers():
            from twisted.internet import reactor  # the one Scrapy installed

            reactor.callLater(self.poll, self._wake)
            raise DontCloseSpider

    def busy_workers(self) -> list[str]:
        """Live workers other than this one with requests in flight."""
        others = [w.decode() for w in self.server.smembers(self.key("workers")) if w.decode() != self.worker]
        return [w for w in others if self.server.hlen(self.key(f"inflight:{w}"))]

    def reclaim(self) -> int:
        """Put the in-flight requests of workers whose heartbeat expired back in the queue."""
        total = 0
        for raw in self.server.smembers(self.key("workers")):
            worker = raw.decode()
            if worker != self.worker and not self.server.exists(self.key(f"alive:{worker}")):
                count = int(self.reclaim_script(keys=[self.key("queue"), self.key(f"inflight:{worker}"),
                                                      self.key("workers")], args=[worker]))
                if count:
                    logger.warning("Worker %s stopped answering: %d of its requests are back in the queue", worker,
                                   count)
                total += count
        self.crawler.stats.inc_value("fanwire/redis/reclaimed", total)
        return total

    def _beat(self) -> None:
        self.server.set(self.key(f"alive:{self.worker}"), 1, px=int(self.heartbeat * 1000))

    def _wake(self) -> None:
        """Scrapy looks at the scheduler again only every 5 s when idle; look sooner, since
        other workers keep filling the shared queue."""
        engine = self.crawler.engine
        if engine is not None and engine.running and self.has_pending_requests():
            engine._start_scheduled_requests()

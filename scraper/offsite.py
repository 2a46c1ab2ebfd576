"""Keep every request on the start URLs' sites: same scheme, host (with or without `www.`) and
port (`archive.sites`).

Scrapy's own OffsiteMiddleware compares host names only, so a sitemap or feed that redirects to
another port of the same host (Scrapy's RedirectMiddleware follows those) led the crawl there,
robots.txt and all. This middleware runs before the robots.txt middleware, and every request
passes it again after each redirect hop, so no byte is asked of another site. A refused request
fails with `OffsiteRequest`; the spider's errback records the first one per refused site.
"""
from __future__ import annotations

import logging

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from archive.sites import Origin, origin, origin_name

logger = logging.getLogger(__name__)


class OffsiteRequest(IgnoreRequest):
    """A request for a URL outside the crawl's sites; `first` is True once per refused site."""

    def __init__(self, url: str, site: str, first: bool, via: str | None = None) -> None:
        redirected = f", redirected there from {via}" if via else ""
        super().__init__(f"{url} is outside the crawl's sites (on {site}){redirected}")
        self.url = url
        self.site = site
        self.first = first


class StayOnSiteMiddleware:
    """Refuse each request whose site is not one of the spider's start URLs' sites."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.allowed: set[Origin] = set()
        self.refused: set[Origin | None] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StayOnSiteMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        """Read the start URLs' sites once the spider has them. A spider without http(s) start
        URLs (one that builds its own requests) is not restricted, as with Scrapy's filter."""
        self.allowed = {o for o in map(origin, getattr(spider, "start_urls", ())) if o is not None}

    def process_request(self, request: Request) -> None:
        site = origin(request.url)
        if not self.allowed or site in self.allowed:
            return
        first = site not in self.refused
        self.refused.add(site)
        name = origin_name(site) if site else request.url.split(":", 1)[0]
        self.crawler.stats.inc_value("fanwire/offsite/refused")
        if first:
            self.crawler.stats.inc_value("fanwire/offsite/sites")
            logger.warning("Refused %s: outside the crawl's sites (%s); further requests there are not logged",
                           request.url, name)
        raise OffsiteRequest(request.url, name, first, (request.meta.get("redirect_urls") or [None])[0])

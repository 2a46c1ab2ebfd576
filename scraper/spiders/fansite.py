"""`fansite`: discover and fetch the articles of fan-news sites, staying on their hosts.

Discovery order per site: robots.txt (its `Sitemap:` lines, read when Scrapy's Protego middleware
parses it), sitemaps and sitemap indexes, feeds advertised in pages, the WordPress REST API on
recrawls, then in-site links. What a page yields is the page logic's (`scraper.pages`): articles
become `ArticleItem`s; listings only yield links; every skip becomes a `CrawlErrorItem`; every
other fetch a `FetchItem`, so the next crawl of the site asks only for what changed
(`scraper.recrawl`).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from archive.dates import parse_date
from scraper import discovery
from scraper.budget import FamilyBudget
from scraper.feeds import feed_entries, rest_posts
from scraper.items import CrawlErrorItem, FetchItem, now_iso
from scraper.options import CrawlOptions
from scraper.pages import DOCUMENT_META, Callbacks, Page, PageLogic
from scraper.shapes import ShapeBudget
from scraper.sitemaps import read_sitemap

#: Sorts sitemaps without a lastmod last.
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
#: Posts asked of the WordPress REST API per page (its maximum).
REST_PAGE_SIZE = 100


class NoStartUrl(ValueError):
    """Nothing to start a crawl from: each command says how to give URLs in its own syntax."""


def parse_start_urls(start_urls: str | None, site: str | None, sites: str | None) -> list[str]:
    """Start URLs from `-a start_urls=A,B`, `-a site=URL` and `-a sites=FILE` (one URL per line, # comments)."""
    urls = [u.strip() for u in (start_urls or "").split(",") if u.strip()]
    if site:
        urls.append(site.strip())
    if sites:
        lines = Path(sites).read_text(encoding="utf-8").splitlines()
        urls += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    bad = [u for u in urls if urlsplit(u).scheme not in ("http", "https") or not urlsplit(u).netloc]
    if bad:
        raise ValueError(f"not an http(s) URL: {', '.join(bad)}")
    if not urls:
        raise NoStartUrl("no start URL: give -a start_urls=URL,URL or -a site=URL or -a sites=FILE")
    return list(dict.fromkeys(urls))


class FansiteSpider(scrapy.Spider):
    """Pages go to the page logic (`scraper.pages`); this class adds the crawl's other sources
    of URLs: start URLs, robots.txt, sitemaps, feeds, the WordPress REST API, and the revisits
    of archived articles once the crawl has run dry."""

    name = "fansite"
    pages: PageLogic  # set in from_crawler, from the archive's state and the FANWIRE_* bounds
    families: FamilyBudget  # the page logic's, which the family budget middlewares read

    def __init__(self, start_urls: str | None = None, site: str | None = None, sites: str | None = None,
                 max_listing_pages: int = 50, barren_pages: int = 10, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = parse_start_urls(start_urls, site, sites)
        self.sites = {discovery.site_of(u) for u in self.start_urls}
        self.allowed_domains = sorted({(urlsplit(u).hostname or "").removeprefix("www.") for u in self.start_urls})
        self.budget = ShapeBudget(int(max_listing_pages), int(barren_pages))
        self.sitemaps_taken: Counter[str] = Counter()
        self.deferred_sitemaps: list[tuple[str, str | None]] = []
        self.revisited = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> FansiteSpider:
        options = CrawlOptions.from_crawler(crawler)
        kwargs.setdefault("max_listing_pages", options.max_listing_pages)
        kwargs.setdefault("barren_pages", options.barren_pages)
        spider = super().from_crawler(crawler, *args, **kwargs)
        callbacks = Callbacks(page=spider.parse_page, feed=spider.parse_feed, error=spider.on_error)
        spider.pages = PageLogic.from_crawler(crawler, spider.sites, spider.budget, callbacks, spider.logger)
        spider.families = spider.pages.families
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(spider.spider_idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield self.pages.page_request(url, priority=5)
            root = self.pages.plan.rest_api(discovery.site_of(url))
            if root:
                yield self._rest_request(root, 1)

    def robots_parsed(self, robotparser: RobotParser, request: scrapy.Request) -> None:
        """Scrapy's robots middleware fetched and parsed a site's robots.txt: follow its `Sitemap:`
        lines, on the next reactor turn, after every other handler (Crawl-delay) has seen the file."""
        from twisted.internet import reactor  # the one Scrapy installed

        rules = getattr(robotparser, "rp", None)
        for url in getattr(rules, "sitemaps", ()):
            url = urljoin(request.url, url)
            if discovery.site_of(url) in self.sites and url not in self.pages.seen_urls and self._sitemap_allowed(url):
                sitemap = self.pages.request(url, self.parse_sitemap, meta=DOCUMENT_META, priority=8)
                reactor.callLater(0, self.crawler.engine.crawl, sitemap)

    async def parse_sitemap(self, response: Response) -> AsyncIterator[scrapy.Request | FetchItem | CrawlErrorItem]:
        """Read a sitemap (off the reactor thread: a big one is seconds of parsing) up to
        FANWIRE_SITEMAP_MAX_URLS entries, and request what it lists."""
        pages, plan = self.pages, self.pages.plan
        yield pages.fetch_record(response, "sitemap")
        plan.sitemap_answered(response.url, read=response.status == 200)
        if response.status == 304:
            return
        pages.families.answered(response.url)
        bounds = pages.bounds
        read = await maybe_deferred_to_future(
            deferToThread(read_sitemap, response.body, bounds.sitemap_urls, bounds.sitemap_size))
        kind = read.kind
        self.crawler.stats.inc_value(f"fanwire/sitemap/{kind or 'unknown'}")
        if read.cut:
            yield pages.sitemap_flood(response.url, f"sitemap read in part: {read.cut}")
        not_read = 0
        for loc, lastmod in read.entries:
            if kind == "sitemapindex" and discovery.site_of(loc) in self.sites and loc not in pages.seen_urls:
                if not plan.sitemap_changed(loc, lastmod):
                    self.crawler.stats.inc_value("fanwire/recrawl/unchanged_sitemaps")
                elif plan.is_recrawl(loc) and loc in plan.states:
                    self.deferred_sitemaps.append((loc, lastmod))  # other sitemaps may explain the change
                elif self._sitemap_allowed(loc):
                    yield self._sitemap_request(loc, lastmod)
                else:
                    not_read += 1
            elif kind == "urlset" and discovery.is_followable(loc, self.sites):
                url = discovery.clean_url(loc)
                pages.forms.learn(url)
                for output in self._listed(url, lastmod, plan.listed(url, lastmod, response.url), response.url):
                    yield output
        if not_read:
            self.crawler.stats.inc_value("fanwire/sitemap/not_read", not_read)
            yield pages.sitemap_flood(response.url, f"{not_read} of its sitemaps not read: "
                                      f"{bounds.sitemaps} were read on the site (FANWIRE_MAX_SITEMAPS)")

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request | FetchItem]:
        yield self.pages.fetch_record(response, "feed")
        if response.status == 304:
            return
        self.crawler.stats.inc_value("fanwire/feeds")
        for link, updated in feed_entries(response.body):
            url = discovery.clean_url(urljoin(response.url, link.strip()))
            if discovery.is_followable(url, self.sites):
                self.pages.forms.learn(url)
                yield from self._listed(url, updated, self.pages.plan.listed(url, updated))

    def parse_rest(self, response: Response) -> Iterator[scrapy.Request | FetchItem]:
        """A page of the WordPress REST API's posts, newest change first: request the changed ones,
        and the next page only while every post on this one changed."""
        yield self.pages.fetch_record(response, "api")
        if response.status != 200:
            return
        posts = rest_posts(response.body)
        changed = 0
        for link, modified in posts:
            url = discovery.clean_url(urljoin(response.url, link))
            if discovery.is_followable(url, self.sites):
                fetch = self.pages.plan.listed(url, modified)
                changed += fetch
                yield from self._listed(url, modified, fetch)
        pages = int(response.headers.get("X-WP-TotalPages", b"1") or 1)
        page = response.meta["rest_page"]
        if posts and changed == len(posts) and page < pages:
            yield self._rest_request(response.meta["rest_root"], page + 1)

    def parse_page(self, response: Response) -> Iterator[Page]:
        yield from self.pages.page(response)

    def on_error(self, failure: Failure) -> Iterable[CrawlErrorItem]:
        return self.pages.request_failed(failure)

    def spider_idle(self) -> None:
        """Once the crawl has run dry, read the changed sitemaps that the others did not explain,
        then check the archived articles that nothing listed this time (see
        `RecrawlPlan.revisits`): a 404 or 410 marks them gone."""
        plan = self.pages.plan
        if self.deferred_sitemaps:
            due = [(loc, lastmod) for loc, lastmod in self.deferred_sitemaps
                   if not plan.sitemap_explained(loc, lastmod)]
            self.crawler.stats.inc_value("fanwire/recrawl/explained_sitemaps", len(self.deferred_sitemaps) - len(due))
            newest: dict[str, tuple[str, str | None]] = {}  # per site, read the most recently changed first
            for loc, lastmod in due:
                site = discovery.site_of(loc)
                if site not in newest or (parse_date(lastmod) or EPOCH) > (parse_date(newest[site][1]) or EPOCH):
                    newest[site] = (loc, lastmod)
            self.deferred_sitemaps = [d for d in due if d not in newest.values()]
            if newest:
                for loc, lastmod in newest.values():
                    self.crawler.engine.crawl(self._sitemap_request(loc, lastmod))
                raise DontCloseSpider
        if self.revisited:
            return
        self.revisited = True
        due = [url for url in plan.revisits(self.pages.fetched) if discovery.site_of(url) in self.sites]
        if not due:
            return
        self.logger.info("Revisiting %d archived articles no sitemap listed", len(due))
        self.crawler.stats.set_value("fanwire/recrawl/revisits", len(due))
        for url in due:
            self.crawler.engine.crawl(self.pages.page_request(url, dont_filter=True))
        raise DontCloseSpider

    def _listed(self, url: str, lastmod: str | None, fetch: bool,
                sitemap: str | None = None) -> Iterator[scrapy.Request | FetchItem]:
        """A sitemap, feed or API lists `url`: request it if `fetch` (the plan says it is new or
        changed) and no other source asked for it yet."""
        if url in self.pages.seen_urls:
            if sitemap:
                yield FetchItem(url=url, site=discovery.site_of(url), fetched_at=now_iso(), lastmod=lastmod,
                                listed_in=sitemap)
            return
        if not fetch:  # not marked seen: another source may list it as changed
            self.crawler.stats.inc_value("fanwire/recrawl/unchanged_listed")
            return
        yield self.pages.page_request(url, meta={"sitemap_lastmod": lastmod, "listed_in": sitemap})

    def _sitemap_allowed(self, url: str) -> bool:
        """Take one of the site's FANWIRE_MAX_SITEMAPS for `url`, if any is left."""
        site = discovery.site_of(url)
        if self.sitemaps_taken[site] >= self.pages.bounds.sitemaps:
            return False
        self.sitemaps_taken[site] += 1
        return True

    def _sitemap_request(self, url: str, lastmod: str | None) -> scrapy.Request:
        return self.pages.request(url, self.parse_sitemap, priority=8,
                                  meta={**DOCUMENT_META, "sitemap_lastmod": lastmod})

    def _rest_request(self, root: str, page: int) -> scrapy.Request:
        """Posts changed since the newest change the archive saw on the site, newest change first."""
        query = {"per_page": REST_PAGE_SIZE, "page": page, "orderby": "modified", "order": "desc",
                 "_fields": "link,modified_gmt"}
        since = self.pages.plan.newest_lastmod(discovery.site_of(root))
        if since:
            query["modified_after"] = since.isoformat()
        url = f"{root.rstrip('/')}/wp/v2/posts?{urlencode(query)}"
        return scrapy.Request(url, callback=self.parse_rest, errback=self.on_error, priority=8,
                              meta={**DOCUMENT_META, "rest_root": root, "rest_page": page})

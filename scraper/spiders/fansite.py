"""`fansite`: discover and fetch the articles of fan-news sites, staying on their hosts.

Discovery order per site: robots.txt (its `Sitemap:` lines; Scrapy's Protego middleware enforces
its rules), sitemaps and sitemap indexes, feeds advertised in pages, then in-site links.
Articles become `ArticleItem`s; listings only yield links; every skip becomes a `CrawlErrorItem`.
"""
from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.python.failure import Failure

from scraper import discovery
from scraper.items import AliasItem, ArticleItem, CrawlErrorItem, RedirectItem, now_iso
from scraper.pagetype import classify
from scraper.signals import aliases_loaded
from scraper.urlforms import UrlForms

KEPT_HEADERS = ("Content-Type", "ETag", "Last-Modified", "Content-Language")
REDIRECT_STATUSES = [301, 302, 303, 307, 308]
#: Pages handle their own redirects so each hop is recorded as an alias, even when the target
#: was fetched before (Scrapy's RedirectMiddleware would let the dupefilter drop it silently).
PAGE_META = {"dont_redirect": True, "handle_httpstatus_list": REDIRECT_STATUSES}


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
        raise ValueError("no start URL: give -a start_urls=URL,URL or -a site=URL or -a sites=FILE")
    return list(dict.fromkeys(urls))


class FansiteSpider(scrapy.Spider):
    name = "fansite"

    def __init__(self, start_urls: str | None = None, site: str | None = None, sites: str | None = None,
                 max_listing_pages: int = 50, barren_pages: int = 10, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = parse_start_urls(start_urls, site, sites)
        self.sites = {discovery.site_of(u) for u in self.start_urls}
        self.allowed_domains = sorted({(urlsplit(u).hostname or "").removeprefix("www.") for u in self.start_urls})
        self.budget = discovery.ShapeBudget(int(max_listing_pages), int(barren_pages))
        self.seen_urls: set[str] = set()
        self.forms = UrlForms()
        self.links = LinkExtractor(tags=("a", "area"), attrs=("href",), unique=True)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> FansiteSpider:
        kwargs.setdefault("max_listing_pages", crawler.settings.getint("FANWIRE_MAX_LISTING_PAGES", 50))
        kwargs.setdefault("barren_pages", crawler.settings.getint("FANWIRE_BARREN_PAGES", 10))
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.aliases_loaded, signal=aliases_loaded)
        return spider

    def aliases_loaded(self, urls: set[str]) -> None:
        """URLs archived as aliases by earlier crawls are other forms of known articles: skip them."""
        self.seen_urls |= urls
        self.logger.info("%d alias URLs from earlier crawls will not be requested", len(urls))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield scrapy.Request(urljoin(url, "/robots.txt"), callback=self.parse_robots, errback=self.on_error,
                                 priority=10)
            yield self._request(url, self.parse_page, priority=5)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if discovery.site_of(url) in self.sites:
                yield self._request(url, self.parse_sitemap, priority=8)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        kind, entries = discovery.sitemap_entries(body)
        self.crawler.stats.inc_value(f"fanwire/sitemap/{kind or 'unknown'}")
        for loc, lastmod in entries:
            if kind == "sitemapindex" and discovery.site_of(loc) in self.sites:
                yield self._request(loc, self.parse_sitemap, priority=8)
            elif kind == "urlset" and discovery.is_followable(loc, self.sites):
                self.forms.learn(discovery.clean_url(loc))
                yield self._request(discovery.clean_url(loc), self.parse_page, meta={"sitemap_lastmod": lastmod})

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self.crawler.stats.inc_value("fanwire/feeds")
        for link in discovery.feed_entry_links(response.body):
            url = discovery.clean_url(urljoin(response.url, link.strip()))
            if discovery.is_followable(url, self.sites):
                self.forms.learn(url)
                yield self._request(url, self.parse_page)

    def parse_page(self, response: Response) -> Iterator[scrapy.Request | ArticleItem | CrawlErrorItem | RedirectItem]:
        if response.status in REDIRECT_STATUSES:
            yield from self._redirect(response)
            return
        skip = self._skip_reason(response)
        if skip:
            self.crawler.stats.inc_value(f"fanwire/skipped/{skip[0]}")
            self.logger.warning("Skipping %s: %s", response.url, skip[1])
            yield CrawlErrorItem(url=response.url, kind=skip[0], detail=skip[1], at=now_iso())
            return
        assert isinstance(response, TextResponse)
        kind = classify(response.selector, response.url)
        self.logger.debug("%s is %s (%s)", response.url, "an article" if kind.is_article else "a listing",
                          " ".join(kind.signals))
        if kind.is_article:
            self.crawler.stats.inc_value("fanwire/pages/article")
            canonical = response.xpath("//link[@rel='canonical']/@href").get()
            if canonical:
                self.forms.learn_variant(response.url, discovery.clean_url(urljoin(response.url, canonical)))
            yield self._article(response)
            yield from self._follow(response)
        else:
            self.crawler.stats.inc_value("fanwire/pages/listing")
            fresh = yield from self._follow(response)
            self.budget.listing_seen(response.url, fresh)

    def on_error(self, failure: Failure) -> Iterable[CrawlErrorItem]:
        request = failure.request
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
            return []
        if failure.check(HttpError):
            response = failure.value.response
            kind, detail = "http_error", f"HTTP {response.status}"
        else:
            kind, detail = _failure_kind(failure), f"{failure.type.__name__}: {failure.getErrorMessage()}"
        self.crawler.stats.inc_value(f"fanwire/errors/{kind}")
        self.logger.warning("Failed %s: %s", request.url, detail)
        return [CrawlErrorItem(url=request.url, kind=kind, detail=detail, at=now_iso())]

    def _redirect(self, response: Response) -> Iterator[scrapy.Request | CrawlErrorItem | RedirectItem]:
        location = response.headers.get("Location")
        chain = [*response.meta.get("redirect_urls", []), response.url]
        if not location:
            detail, kind = f"HTTP {response.status} without Location", "bad_redirect"
        elif len(chain) > self.settings.getint("REDIRECT_MAX_TIMES", 5):
            detail, kind = f"more than {len(chain) - 1} redirects from {chain[0]}", "redirect_chain"
        else:
            target = discovery.clean_url(urljoin(response.url, location.decode("latin-1")))
            self.crawler.stats.inc_value("fanwire/redirects")
            yield RedirectItem(url=response.url, target_url=target, status=response.status, at=now_iso())
            if discovery.is_followable(target, self.sites):
                yield self._request(target, self.parse_page, meta={"redirect_urls": chain,
                                                                    "sitemap_lastmod": response.meta.get("sitemap_lastmod")})
            return
        self.crawler.stats.inc_value(f"fanwire/errors/{kind}")
        self.logger.warning("Not following %s: %s", response.url, detail)
        yield CrawlErrorItem(url=response.url, kind=kind, detail=detail, at=now_iso())

    def _skip_reason(self, response: Response) -> tuple[str, str] | None:
        if not response.body.strip():
            return "empty", "empty body"
        if discovery.looks_binary(response.body):
            ctype = response.headers.get("Content-Type", b"").decode("latin-1")
            return "binary", f"binary body ({len(response.body)} bytes) served as {ctype or 'no Content-Type'}"
        if not isinstance(response, TextResponse):
            ctype = response.headers.get("Content-Type", b"").decode("latin-1")
            return "not_html", f"not an HTML page ({ctype or 'no Content-Type'})"
        return None

    def _follow(self, response: TextResponse) -> Generator[scrapy.Request | AliasItem, None, int]:
        """Request the page's feeds and new in-site links the shape budget allows; return how
        many of those links have another URL shape than the page (see `ShapeBudget`)."""
        for href in discovery.feed_links(response.selector):
            url = discovery.clean_url(urljoin(response.url, href))
            if discovery.site_of(url) in self.sites and url not in self.seen_urls:
                yield self._request(url, self.parse_feed, priority=7)
        canonical = response.xpath("//link[@rel='canonical']/@href").get()
        candidates = [urljoin(response.url, canonical)] if canonical else []
        if canonical:
            self.forms.learn(discovery.clean_url(candidates[0]))
        for shortlink in discovery.shortlinks(response):
            url = discovery.clean_url(shortlink)
            if url not in self.seen_urls and url != response.url:
                self.seen_urls.add(url)
                yield AliasItem(url=url, target_url=discovery.clean_url(candidates[0] if canonical else response.url),
                                reason="rel=shortlink", at=now_iso())
        candidates += [link.url for link in self.links.extract_links(response)]
        own_shape = discovery.url_shape(response.url)
        fresh = 0
        numbered: dict[tuple[str, str, str], str] = {}
        for url in dict.fromkeys(self.forms.preferred(discovery.clean_url(u)) for u in candidates):
            if url in self.seen_urls or not discovery.is_followable(url, self.sites):
                continue
            key = self.forms.number_key(url)
            known = self.forms.same_as(url) or (numbered.get(key) if key else None)
            if known is not None and known != url:
                self.seen_urls.add(url)
                self.crawler.stats.inc_value("fanwire/variants/skipped")
                yield AliasItem(url=url, target_url=known, reason="another form of a known article", at=now_iso())
                if known not in self.seen_urls and discovery.is_followable(known, self.sites):
                    yield self._request(known, self.parse_page)
                continue
            if key:
                numbered.setdefault(key, url)
            if not self.budget.allows(url):
                self.crawler.stats.inc_value("fanwire/trap/bounded")
                continue
            fresh += discovery.url_shape(url) != own_shape
            yield self._request(url, self.parse_page)
        return fresh

    def _request(self, url: str, callback: Any, meta: dict[str, Any] | None = None, **kwargs: Any) -> scrapy.Request:
        self.seen_urls.add(url)
        if callback == self.parse_page:
            meta = {**PAGE_META, **(meta or {})}
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta, **kwargs)

    def _article(self, response: TextResponse) -> ArticleItem:
        redirects = [discovery.clean_url(u) for u in response.meta.get("redirect_urls", [])]
        headers = {h: response.headers.get(h).decode("latin-1") for h in KEPT_HEADERS if response.headers.get(h)}
        return ArticleItem(
            url=redirects[0] if redirects else response.url,
            final_url=response.url,
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=now_iso(),
            site=discovery.site_of(response.url),
            redirect_urls=redirects,
            sitemap_lastmod=response.meta.get("sitemap_lastmod"),
        )


def _failure_kind(failure: Failure) -> str:
    name = failure.type.__name__.lower()
    if "timeout" in name:
        return "timeout"
    if failure.check(IgnoreRequest):
        return "redirect_loop" if "redirect" in failure.getErrorMessage().lower() else "ignored"
    if "size" in failure.getErrorMessage().lower() or "cancel" in name:
        return "too_large"
    return "download_error"

"""What a fetched page yields, wherever it came from (the network for `fansite`, a WARC capture
for `warcfile`):

1. a redirect is a `RedirectItem` (an alias once its target is archived), and its target is
   requested when it is on the crawl's sites and not known yet;
2. a 304 is an unchanged page: only its fetch state is recorded;
3. a page not worth archiving (empty, binary, not HTML, a "not found" page served as 200) is a
   recorded skip, a `CrawlErrorItem`;
4. an article (`scraper.pagetype.classify`) is an `ArticleItem`, and a listing a `FetchItem`;
   both show links, followed as far as the listing budget (`ShapeBudget`), the URL family
   budget and the recrawl plan allow.

`PageLogic` also keeps what the crawl knows of its URLs (those asked for, those fetched, each
site's URL forms), which the spider's other sources of URLs (sitemaps, feeds, the REST API) share.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from archive.sites import same_site
from pipelines.state import ArchiveState
from scraper import discovery
from scraper.advertised import feed_links, rest_api_root, shortlinks
from scraper.budget import FamilyBudget, FamilyClosed
from scraper.items import AliasItem, ArticleItem, CrawlErrorItem, FetchItem, RedirectItem, now_iso
from scraper.links import page_links
from scraper.middlewares import reencoded
from scraper.options import CrawlOptions
from scraper.offsite import OffsiteRequest
from scraper.pagetype import classify, looks_not_found
from scraper.recrawl import RecrawlPlan
from scraper.shapes import ShapeBudget
from scraper.urlforms import UrlForms

KEPT_HEADERS = ("Content-Type", "ETag", "Last-Modified", "Content-Language")
REDIRECT_STATUSES = [301, 302, 303, 307, 308]
#: Pages handle their own redirects so each hop is recorded as an alias, even when the target
#: was fetched before (Scrapy's RedirectMiddleware would let the dupefilter drop it silently),
#: and see their own 304s (a conditional request for an unchanged page).
PAGE_META = {"dont_redirect": True, "handle_httpstatus_list": [*REDIRECT_STATUSES, 304]}
#: Sitemaps, feeds and the REST API see their 304s too.
DOCUMENT_META = {"handle_httpstatus_list": [304]}
#: How the bodies of images, archives and PDFs begin.
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"\x00\x00\x01\x00")

Page = scrapy.Request | ArticleItem | CrawlErrorItem | RedirectItem | FetchItem | AliasItem


@dataclass(frozen=True)
class Callbacks:
    """The spider's callbacks the requests a page asks for go to (None where nothing is requested)."""

    page: Callable[..., Any] | None = None
    feed: Callable[..., Any] | None = None
    error: Callable[..., Any] | None = None


class PageLogic:
    """A crawl's page logic and its memory of URLs; one per crawl, shared by its spider's callbacks."""

    def __init__(self, crawler: Crawler, sites: set[str], budget: ShapeBudget, bounds: CrawlOptions,
                 plan: RecrawlPlan, known: set[str], callbacks: Callbacks, logger: logging.LoggerAdapter) -> None:
        self.crawler = crawler
        self.max_redirects = crawler.settings.getint("REDIRECT_MAX_TIMES", 5)
        self.sites = sites
        self.budget = budget
        self.bounds = bounds
        self.families = FamilyBudget(bounds.family_urls, bounds.failed_family_pages)
        self.plan = plan
        self.seen_urls = set(known)
        self.fetched: set[str] = set()
        self.closed_shapes: set[str] = set()
        self.rest_roots: set[str] = set()
        self.forms = UrlForms()
        self.callbacks = callbacks
        self.logger = logger

    @property
    def stats(self) -> StatsCollector:
        """The crawl's stats, which Scrapy sets once the crawl starts, after the spider is built."""
        return self.crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler, sites: set[str], budget: ShapeBudget, callbacks: Callbacks,
                     logger: logging.LoggerAdapter) -> PageLogic:
        """Page logic starting from what earlier crawls archived: URLs archived as aliases are
        other forms of known articles (not requested), and the recrawl plan asks only for what changed."""
        state = ArchiveState.from_crawler(crawler)
        options = CrawlOptions.from_crawler(crawler)
        plan = RecrawlPlan(state.url_states, timedelta(days=options.recheck_failed_days),
                           timedelta(days=options.revisit_days))
        logger.info("%d alias URLs from earlier crawls will not be requested", len(state.alias_urls))
        recrawled = sorted(sites & plan.sites)
        if recrawled:
            logger.info("Recrawl of %s: %d URLs known from earlier crawls; asking only for what changed",
                        ", ".join(recrawled), len(plan))
        return cls(crawler, sites, budget, options, plan, state.alias_urls,
                   callbacks, logger)

    def page(self, response: Response) -> Iterator[Page]:
        """Everything a fetched page yields (see the module's docstring for the order)."""
        self.fetched.add(response.url)
        if response.status in REDIRECT_STATUSES:
            yield from self._redirect(response)
            return
        if response.status == 304:
            self.stats.inc_value("fanwire/recrawl/not_modified")
            self.families.answered(response.url)
            yield self.fetch_record(response, None)
            return
        if isinstance(response, TextResponse):
            response = reencoded(response)
        skip = skip_reason(response)
        if skip and skip[0] == "soft_404":
            yield from self.count_failure(response.url)
        elif skip is None:
            self.families.answered(response.url)
        if skip:
            self.stats.inc_value(f"fanwire/skipped/{skip[0]}")
            self.logger.warning("Skipping %s: %s", response.url, skip[1])
            yield CrawlErrorItem(url=response.url, kind=skip[0], detail=skip[1], at=now_iso(), status=response.status)
            return
        assert isinstance(response, TextResponse)
        yield from self._rest_root(response)
        kind = classify(response.selector, response.url)
        self.logger.debug("%s is %s (%s)", response.url, "an article" if kind.is_article else "a listing",
                          " ".join(kind.signals))
        if kind.is_article:
            self.stats.inc_value("fanwire/pages/article")
            canonical = response.xpath("//link[@rel='canonical']/@href").get()
            if canonical:
                self.forms.learn_variant(response.url, discovery.clean_url(urljoin(response.url, canonical)))
            self.budget.article_seen(response.url)
            yield article(response)
            yield from self._follow(response, deeper=False)
        else:
            self.stats.inc_value("fanwire/pages/listing")
            yield self.fetch_record(response, "listing")
            fresh = yield from self._follow(response, deeper=True)
            self.budget.listing_seen(response.url, fresh)

    def request_failed(self, failure: Failure) -> Iterable[CrawlErrorItem]:
        """Record a failed request, unless its family was closed: the family's `trap` row says
        why its other URLs were not asked for (robots.txt disallows are a policy, only counted)."""
        request = failure.request
        self.fetched.add(request.url)
        if failure.check(FamilyClosed):
            return []
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
            self.stats.inc_value("fanwire/skipped/robots_txt")
            return []
        if self.families.is_failing(request.url):  # in flight when its family closed
            self.stats.inc_value("fanwire/family/failed_after_close")
            return []
        if failure.check(OffsiteRequest):
            refused = failure.value
            return [CrawlErrorItem(url=request.url, kind="offsite", detail=str(refused), at=now_iso())] \
                if refused.first else []
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
            kind, detail = "http_error", f"HTTP {status}"
        else:
            kind, detail = failure_kind(failure), f"{failure.type.__name__}: {failure.getErrorMessage()}"
        self.stats.inc_value(f"fanwire/errors/{kind}")
        self.logger.warning("Failed %s: %s", request.url, detail)
        return [CrawlErrorItem(url=request.url, kind=kind, detail=detail, at=now_iso(), status=status),
                *self.count_failure(request.url)]

    def request(self, url: str, callback: Any, meta: dict[str, Any] | None = None, **kwargs: Any) -> scrapy.Request:
        """A request for `url`, marked as asked for, with the validators an earlier fetch left."""
        self.seen_urls.add(url)
        headers = self.plan.validators(url)
        return scrapy.Request(url, callback=callback, errback=self.callbacks.error, meta=meta,
                              headers=headers or None, **kwargs)

    def page_request(self, url: str, meta: dict[str, Any] | None = None, **kwargs: Any) -> scrapy.Request:
        """A request for a page, which handles its own redirects and 304s."""
        return self.request(url, self.callbacks.page, meta={**PAGE_META, **(meta or {})}, **kwargs)

    def fetch_record(self, response: Response, kind: str | None) -> FetchItem:
        """The fetch-state record of a response that is not an archived article (or a 304 for one)."""
        header = response.headers.get
        return FetchItem(url=response.url, site=discovery.site_of(response.url), fetched_at=now_iso(),
                         status=response.status, kind=kind, lastmod=response.meta.get("sitemap_lastmod"),
                         listed_in=response.meta.get("listed_in"),
                         etag=header("ETag").decode("latin-1") if header("ETag") else None,
                         last_modified=header("Last-Modified").decode("latin-1") if header("Last-Modified") else None)

    def flood(self, url: str, kind: str, detail: str) -> CrawlErrorItem:
        """A document that offered more work than the crawl takes from one document."""
        self.stats.inc_value(f"fanwire/bounded/{kind}")
        self.logger.warning("Bounded %s: %s", url, detail)
        return CrawlErrorItem(url=url, kind=kind, detail=detail, at=now_iso())

    def sitemap_flood(self, url: str, detail: str) -> CrawlErrorItem:
        """A sitemap that listed more than the crawl reads from one (FANWIRE_SITEMAP_MAX_URLS,
        FANWIRE_SITEMAP_MAX_SIZE, FANWIRE_MAX_SITEMAPS)."""
        return self.flood(url, "sitemap_flood", detail)

    def count_failure(self, url: str) -> list[CrawlErrorItem]:
        """Count a failed request against its family: the `trap` row of the family if that closed it."""
        self.families.failed(url)
        return self.families.closed_items()

    def _redirect(self, response: Response) -> Iterator[scrapy.Request | CrawlErrorItem | RedirectItem]:
        location = response.headers.get("Location")
        chain = [*response.meta.get("redirect_urls", []), response.url]
        if not location:
            detail, kind = f"HTTP {response.status} without Location", "bad_redirect"
        elif len(chain) > self.max_redirects:
            detail, kind = f"more than {len(chain) - 1} redirects from {chain[0]}", "redirect_chain"
        else:
            target = discovery.clean_url(urljoin(response.url, location.decode("latin-1")))
            self.stats.inc_value("fanwire/redirects")
            yield RedirectItem(url=response.url, target_url=target, status=response.status, at=now_iso())
            if discovery.site_of(target) not in self.sites:
                self.stats.inc_value("fanwire/offsite/redirects")
                yield CrawlErrorItem(url=response.url, kind="offsite", status=response.status, at=now_iso(),
                                     detail=f"redirects to {target}, outside the crawl's sites: not followed")
                return
            known = self.plan.states.get(target)
            if discovery.is_followable(target, self.sites) and target not in self.seen_urls \
                    and not (known is not None and known.kind == "article"):
                yield self.page_request(target, meta={"redirect_urls": chain,
                                                      "sitemap_lastmod": response.meta.get("sitemap_lastmod"),
                                                      "listed_in": response.meta.get("listed_in")})
            return
        self.stats.inc_value(f"fanwire/errors/{kind}")
        self.logger.warning("Not following %s: %s", response.url, detail)
        yield CrawlErrorItem(url=response.url, kind=kind, detail=detail, at=now_iso(), status=response.status)

    def _follow(self, response: TextResponse, deeper: bool) -> Generator[scrapy.Request | AliasItem | CrawlErrorItem,
                                                                          None, int]:
        """Request the page's feeds and new in-site links the listing budget and the recrawl plan
        allow; return how many of those links are outside the site's listing families (see
        `ShapeBudget`). `deeper` (a listing page) allows listing pages a recrawl knows already,
        until the listing shows an archived article."""
        for href in feed_links(response.selector):
            url = discovery.clean_url(urljoin(response.url, href))
            if discovery.site_of(url) in self.sites and url not in self.seen_urls:
                yield self.request(url, self.callbacks.feed, meta=DOCUMENT_META, priority=7)
        canonical = response.xpath("//link[@rel='canonical']/@href").get()
        candidates = [urljoin(response.url, canonical)] if canonical else []
        own = candidates[0] if canonical and same_site(candidates[0], response.url) else None
        if own:  # another site's URL named as canonical is only a claim: it teaches nothing about URL forms
            self.forms.learn(discovery.clean_url(own))
        for shortlink in shortlinks(response):
            url = discovery.clean_url(shortlink)
            if url not in self.seen_urls and url != response.url:
                self.seen_urls.add(url)
                yield AliasItem(url=url, target_url=discovery.clean_url(own or response.url),
                                reason="rel=shortlink", at=now_iso())
        links = page_links(response, self.bounds.links_per_page)
        if links.flooded:
            yield self.flood(response.url, "link_flood", f"more than {self.bounds.links_per_page} links: "
                             "the first ones were taken (FANWIRE_MAX_LINKS_PER_PAGE)")
        candidates += links.urls
        urls = list(dict.fromkeys(self.forms.preferred(discovery.clean_url(u)) for u in candidates))
        deeper = deeper and not self.plan.shows_known_article(urls)
        fresh = 0
        numbered: dict[tuple[str, str, str], str] = {}
        for url in urls:
            if url in self.seen_urls or not discovery.is_followable(url, self.sites):
                continue
            key = self.forms.number_key(url)
            known = self.forms.same_as(url) or (numbered.get(key) if key else None)
            if known is not None and known != url:
                self.seen_urls.add(url)
                self.stats.inc_value("fanwire/variants/skipped")
                yield AliasItem(url=url, target_url=known, reason="another form of a known article", at=now_iso())
                if known not in self.seen_urls and discovery.is_followable(known, self.sites) \
                        and self.plan.follow(known, deeper):
                    yield self.page_request(known)
                continue
            if key:
                numbered.setdefault(key, url)
            if not self.plan.follow(url, deeper):
                self.stats.inc_value("fanwire/recrawl/links_skipped")
                continue
            if not self.budget.allows(url):
                yield from self._trap(url)
                continue
            fresh += not self.budget.is_listing_family(url)
            yield self.page_request(url)
        return fresh

    def _trap(self, url: str) -> Iterator[CrawlErrorItem]:
        """Count a link the listing budget refused; record each closed shape or family once."""
        self.stats.inc_value("fanwire/trap/bounded")
        closed, reason = self.budget.closed(url)
        if closed not in self.closed_shapes:
            self.closed_shapes.add(closed)
            self.logger.info("Closed %s (%s)", closed, reason)
            yield CrawlErrorItem(url=url, kind="trap", detail=f"{closed} closed: {reason}", at=now_iso())

    def _rest_root(self, response: TextResponse) -> Iterator[FetchItem]:
        """Remember (once per crawl and site) where a site advertises its WordPress REST API."""
        root = rest_api_root(response)
        if root and root not in self.rest_roots and discovery.site_of(root) in self.sites:
            self.rest_roots.add(root)
            yield FetchItem(url=root, site=discovery.site_of(root), fetched_at=now_iso(), kind="rest_api")


def skip_reason(response: Response) -> tuple[str, str] | None:
    """Why a fetched page is not worth archiving (kind, detail), or None."""
    if not response.body.strip():
        return "empty", "empty body"
    if looks_binary(response.body):
        ctype = response.headers.get("Content-Type", b"").decode("latin-1")
        return "binary", f"binary body ({len(response.body)} bytes) served as {ctype or 'no Content-Type'}"
    if not isinstance(response, TextResponse):
        ctype = response.headers.get("Content-Type", b"").decode("latin-1")
        return "not_html", f"not an HTML page ({ctype or 'no Content-Type'})"
    if looks_not_found(response.selector):
        return "soft_404", f"HTTP {response.status} page that says it was not found"
    return None


def looks_binary(body: bytes) -> bool:
    """A body that is not text whatever its Content-Type says (images, archives, PDFs served as text/html)."""
    head = body[:1024]
    return head.startswith(BINARY_MAGIC) or b"\x00" in head


def article(response: TextResponse) -> ArticleItem:
    """The item of a page classified as an article, for the pipelines to extract."""
    redirects = [discovery.clean_url(u) for u in response.meta.get("redirect_urls", [])]
    headers = {h: response.headers.get(h).decode("latin-1") for h in KEPT_HEADERS if response.headers.get(h)}
    return ArticleItem(
        url=redirects[0] if redirects else response.url,
        final_url=response.url,
        status=response.status,
        headers=headers,
        body=response.body,
        encoding=response.encoding,  # chosen by `reencoded`: extraction does not choose it again
        fetched_at=now_iso(),
        site=discovery.site_of(response.url),
        redirect_urls=redirects,
        sitemap_lastmod=response.meta.get("sitemap_lastmod"),
        listed_in=response.meta.get("listed_in"),
    )


def failure_kind(failure: Failure) -> str:
    """The `crawl_errors.kind` of a failed download."""
    name = failure.type.__name__.lower()
    message = failure.getErrorMessage().lower()
    if "timeout" in name:
        return "timeout"
    if "maxsize" in message or "size" in message and "cancel" in name:
        return "too_large"
    if failure.check(IgnoreRequest):
        return "redirect_loop" if "redirect" in message else "ignored"
    return "download_error"

"""`fansite`: discover and fetch the articles of fan-news sites, staying on their hosts.

Discovery order per site: robots.txt (its `Sitemap:` lines, read when Scrapy's Protego middleware
parses it), sitemaps and sitemap indexes, feeds advertised in pages, the WordPress REST API on
recrawls, then in-site links. Articles become `ArticleItem`s; listings only yield links; every
skip becomes a `CrawlErrorItem`; every other fetch a `FetchItem`, so the next crawl of the site
asks only for what changed (`scraper.recrawl`).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Generator, Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.robotstxt import RobotParser
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from pipelines.state import ArchiveState
from scraper import discovery
from scraper.budget import CrawlBounds, FamilyBudget, FamilyClosed
from scraper.items import AliasItem, ArticleItem, CrawlErrorItem, FetchItem, RedirectItem, now_iso
from scraper.offsite import OffsiteRequest
from scraper.links import page_links
from scraper.middlewares import reencoded
from scraper.pagetype import classify, looks_not_found
from scraper.recrawl import RecrawlPlan, parse_date
from scraper.sitemaps import read_sitemap
from scraper.urlforms import UrlForms

KEPT_HEADERS = ("Content-Type", "ETag", "Last-Modified", "Content-Language")
REDIRECT_STATUSES = [301, 302, 303, 307, 308]
#: Pages handle their own redirects so each hop is recorded as an alias, even when the target
#: was fetched before (Scrapy's RedirectMiddleware would let the dupefilter drop it silently),
#: and see their own 304s (a conditional request for an unchanged page).
PAGE_META = {"dont_redirect": True, "handle_httpstatus_list": [*REDIRECT_STATUSES, 304]}
#: Sitemaps, feeds and the REST API see their 304s too.
DOCUMENT_META = {"handle_httpstatus_list": [304]}
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
    name = "fansite"
    bounds: CrawlBounds  # set in from_crawler, from the FANWIRE_* bounds settings
    families: FamilyBudget

    def __init__(self, start_urls: str | None = None, site: str | None = None, sites: str | None = None,
                 max_listing_pages: int = 50, barren_pages: int = 10, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = parse_start_urls(start_urls, site, sites)
        self.sites = {discovery.site_of(u) for u in self.start_urls}
        self.allowed_domains = sorted({(urlsplit(u).hostname or "").removeprefix("www.") for u in self.start_urls})
        self.budget = discovery.ShapeBudget(int(max_listing_pages), int(barren_pages))
        self.seen_urls: set[str] = set()
        self.fetched: set[str] = set()
        self.closed_shapes: set[str] = set()
        self.rest_roots: set[str] = set()
        self.forms = UrlForms()
        self.sitemaps_taken: Counter[str] = Counter()
        self.plan = RecrawlPlan((), timedelta(), timedelta())
        self.deferred_sitemaps: list[tuple[str, str | None]] = []
        self.revisited = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> FansiteSpider:
        kwargs.setdefault("max_listing_pages", crawler.settings.getint("FANWIRE_MAX_LISTING_PAGES", 50))
        kwargs.setdefault("barren_pages", crawler.settings.getint("FANWIRE_BARREN_PAGES", 10))
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.bounds = CrawlBounds.from_settings(crawler.settings)
        spider.families = FamilyBudget(spider.bounds.family_urls, spider.bounds.failed_family_pages)
        spider.start_from(ArchiveState.from_crawler(crawler))
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(spider.spider_idle, signal=signals.spider_idle)
        return spider

    def start_from(self, state: ArchiveState) -> None:
        """What earlier crawls archived: URLs archived as aliases are other forms of known
        articles (skipped), and the recrawl plan asks only for what changed."""
        self.seen_urls |= state.alias_urls
        self.logger.info("%d alias URLs from earlier crawls will not be requested", len(state.alias_urls))
        days = self.settings.getfloat
        self.plan = RecrawlPlan(state.url_states, timedelta(days=days("FANWIRE_RECHECK_FAILED_DAYS", 7.0)),
                                timedelta(days=days("FANWIRE_REVISIT_DAYS", 30.0)))
        recrawled = sorted(self.sites & self.plan.sites)
        if recrawled:
            self.logger.info("Recrawl of %s: %d URLs known from earlier crawls; asking only for what changed",
                             ", ".join(recrawled), len(self.plan))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield self._request(url, self.parse_page, priority=5)
            root = self.plan.rest_api(discovery.site_of(url))
            if root:
                yield self._rest_request(root, 1)

    def robots_parsed(self, robotparser: RobotParser, request: scrapy.Request) -> None:
        """Scrapy's robots middleware fetched and parsed a site's robots.txt: follow its `Sitemap:`
        lines, on the next reactor turn, after every other handler (Crawl-delay) has seen the file."""
        from twisted.internet import reactor  # the one Scrapy installed

        rules = getattr(robotparser, "rp", None)
        for url in getattr(rules, "sitemaps", ()):
            url = urljoin(request.url, url)
            if discovery.site_of(url) in self.sites and url not in self.seen_urls and self._sitemap_allowed(url):
                sitemap = self._request(url, self.parse_sitemap, meta=DOCUMENT_META, priority=8)
                reactor.callLater(0, self.crawler.engine.crawl, sitemap)

    async def parse_sitemap(self, response: Response) -> AsyncIterator[scrapy.Request | FetchItem | CrawlErrorItem]:
        """Read a sitemap (off the reactor thread: a big one is seconds of parsing) up to
        FANWIRE_SITEMAP_MAX_URLS entries, and request what it lists."""
        yield self._fetched(response, "sitemap")
        self.plan.sitemap_answered(response.url, read=response.status == 200)
        if response.status == 304:
            return
        self.families.answered(response.url)
        bounds = self.bounds
        read = await maybe_deferred_to_future(
            deferToThread(read_sitemap, response.body, bounds.sitemap_urls, bounds.sitemap_size))
        kind = read.kind
        self.crawler.stats.inc_value(f"fanwire/sitemap/{kind or 'unknown'}")
        if read.cut:
            yield self._flood(response.url, "sitemap_flood", f"sitemap read in part: {read.cut}")
        not_read = 0
        for loc, lastmod in read.entries:
            if kind == "sitemapindex" and discovery.site_of(loc) in self.sites and loc not in self.seen_urls:
                if not self.plan.sitemap_changed(loc, lastmod):
                    self.crawler.stats.inc_value("fanwire/recrawl/unchanged_sitemaps")
                elif self.plan.is_recrawl(loc) and loc in self.plan.states:
                    self.deferred_sitemaps.append((loc, lastmod))  # other sitemaps may explain the change
                elif self._sitemap_allowed(loc):
                    yield self._sitemap_request(loc, lastmod)
                else:
                    not_read += 1
            elif kind == "urlset" and discovery.is_followable(loc, self.sites):
                url = discovery.clean_url(loc)
                self.forms.learn(url)
                for output in self._listed(url, lastmod, self.plan.listed(url, lastmod, response.url), response.url):
                    yield output
        if not_read:
            self.crawler.stats.inc_value("fanwire/sitemap/not_read", not_read)
            yield self._flood(response.url, "sitemap_flood", f"{not_read} of its sitemaps not read: "
                              f"{self.bounds.sitemaps} were read on the site (FANWIRE_MAX_SITEMAPS)")

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request | FetchItem]:
        yield self._fetched(response, "feed")
        if response.status == 304:
            return
        self.crawler.stats.inc_value("fanwire/feeds")
        for link, updated in discovery.feed_entries(response.body):
            url = discovery.clean_url(urljoin(response.url, link.strip()))
            if discovery.is_followable(url, self.sites):
                self.forms.learn(url)
                yield from self._listed(url, updated, self.plan.listed(url, updated))

    def parse_rest(self, response: Response) -> Iterator[scrapy.Request | FetchItem]:
        """A page of the WordPress REST API's posts, newest change first: request the changed ones,
        and the next page only while every post on this one changed."""
        yield self._fetched(response, "api")
        if response.status != 200:
            return
        posts = discovery.rest_posts(response.body)
        changed = 0
        for link, modified in posts:
            url = discovery.clean_url(urljoin(response.url, link))
            if discovery.is_followable(url, self.sites):
                fetch = self.plan.listed(url, modified)
                changed += fetch
                yield from self._listed(url, modified, fetch)
        pages = int(response.headers.get("X-WP-TotalPages", b"1") or 1)
        page = response.meta["rest_page"]
        if posts and changed == len(posts) and page < pages:
            yield self._rest_request(response.meta["rest_root"], page + 1)

    def parse_page(self, response: Response) -> Iterator[scrapy.Request | ArticleItem | CrawlErrorItem | RedirectItem
                                                          | FetchItem | AliasItem]:
        self.fetched.add(response.url)
        if response.status in REDIRECT_STATUSES:
            yield from self._redirect(response)
            return
        if response.status == 304:
            self.crawler.stats.inc_value("fanwire/recrawl/not_modified")
            self.families.answered(response.url)
            yield self._fetched(response, None)
            return
        if isinstance(response, TextResponse):
            response = reencoded(response)
        skip = self._skip_reason(response)
        if skip and skip[0] == "soft_404":
            yield from self._failed(response.url)
        elif skip is None:
            self.families.answered(response.url)
        if skip:
            self.crawler.stats.inc_value(f"fanwire/skipped/{skip[0]}")
            self.logger.warning("Skipping %s: %s", response.url, skip[1])
            yield CrawlErrorItem(url=response.url, kind=skip[0], detail=skip[1], at=now_iso(), status=response.status)
            return
        assert isinstance(response, TextResponse)
        yield from self._rest_root(response)
        kind = classify(response.selector, response.url)
        self.logger.debug("%s is %s (%s)", response.url, "an article" if kind.is_article else "a listing",
                          " ".join(kind.signals))
        if kind.is_article:
            self.crawler.stats.inc_value("fanwire/pages/article")
            canonical = response.xpath("//link[@rel='canonical']/@href").get()
            if canonical:
                self.forms.learn_variant(response.url, discovery.clean_url(urljoin(response.url, canonical)))
            self.budget.article_seen(response.url)
            yield self._article(response)
            yield from self._follow(response, deeper=False)
        else:
            self.crawler.stats.inc_value("fanwire/pages/listing")
            yield self._fetched(response, "listing")
            fresh = yield from self._follow(response, deeper=True)
            self.budget.listing_seen(response.url, fresh)

    def on_error(self, failure: Failure) -> Iterable[CrawlErrorItem]:
        """Record a failed request, unless its family was closed: the family's `trap` row says
        why its other URLs were not asked for (robots.txt disallows are a policy, only counted)."""
        request = failure.request
        self.fetched.add(request.url)
        if failure.check(FamilyClosed):
            return []
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
            self.crawler.stats.inc_value("fanwire/skipped/robots_txt")
            return []
        if self.families.is_failing(request.url):  # in flight when its family closed
            self.crawler.stats.inc_value("fanwire/family/failed_after_close")
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
            kind, detail = _failure_kind(failure), f"{failure.type.__name__}: {failure.getErrorMessage()}"
        self.crawler.stats.inc_value(f"fanwire/errors/{kind}")
        self.logger.warning("Failed %s: %s", request.url, detail)
        return [CrawlErrorItem(url=request.url, kind=kind, detail=detail, at=now_iso(), status=status),
                *self._failed(request.url)]

    def spider_idle(self) -> None:
        """Once the crawl has run dry, read the changed sitemaps that the others did not explain,
        then check the archived articles that nothing listed this time (see
        `RecrawlPlan.revisits`): a 404 or 410 marks them gone."""
        if self.deferred_sitemaps:
            due = [(loc, lastmod) for loc, lastmod in self.deferred_sitemaps
                   if not self.plan.sitemap_explained(loc, lastmod)]
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
        due = [url for url in self.plan.revisits(self.fetched) if discovery.site_of(url) in self.sites]
        if not due:
            return
        self.logger.info("Revisiting %d archived articles no sitemap listed", len(due))
        self.crawler.stats.set_value("fanwire/recrawl/revisits", len(due))
        for url in due:
            self.crawler.engine.crawl(self._request(url, self.parse_page, dont_filter=True))
        raise DontCloseSpider

    def _listed(self, url: str, lastmod: str | None, fetch: bool,
                sitemap: str | None = None) -> Iterator[scrapy.Request | FetchItem]:
        """A sitemap, feed or API lists `url`: request it if `fetch` (the plan says it is new or
        changed) and no other source asked for it yet."""
        if url in self.seen_urls:
            if sitemap:
                yield FetchItem(url=url, site=discovery.site_of(url), fetched_at=now_iso(), lastmod=lastmod,
                                listed_in=sitemap)
            return
        if not fetch:  # not marked seen: another source may list it as changed
            self.crawler.stats.inc_value("fanwire/recrawl/unchanged_listed")
            return
        yield self._request(url, self.parse_page, meta={"sitemap_lastmod": lastmod, "listed_in": sitemap})

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
            if discovery.site_of(target) not in self.sites:
                self.crawler.stats.inc_value("fanwire/offsite/redirects")
                yield CrawlErrorItem(url=response.url, kind="offsite", status=response.status, at=now_iso(),
                                     detail=f"redirects to {target}, outside the crawl's sites: not followed")
                return
            known = self.plan.states.get(target)
            if discovery.is_followable(target, self.sites) and target not in self.seen_urls \
                    and not (known is not None and known.kind == "article"):
                yield self._request(target, self.parse_page,
                                    meta={"redirect_urls": chain, "sitemap_lastmod": response.meta.get("sitemap_lastmod"),
                                          "listed_in": response.meta.get("listed_in")})
            return
        self.crawler.stats.inc_value(f"fanwire/errors/{kind}")
        self.logger.warning("Not following %s: %s", response.url, detail)
        yield CrawlErrorItem(url=response.url, kind=kind, detail=detail, at=now_iso(), status=response.status)

    def _skip_reason(self, response: Response) -> tuple[str, str] | None:
        if not response.body.strip():
            return "empty", "empty body"
        if discovery.looks_binary(response.body):
            ctype = response.headers.get("Content-Type", b"").decode("latin-1")
            return "binary", f"binary body ({len(response.body)} bytes) served as {ctype or 'no Content-Type'}"
        if not isinstance(response, TextResponse):
            ctype = response.headers.get("Content-Type", b"").decode("latin-1")
            return "not_html", f"not an HTML page ({ctype or 'no Content-Type'})"
        if looks_not_found(response.selector):
            return "soft_404", f"HTTP {response.status} page that says it was not found"
        return None

    def _follow(self, response: TextResponse, deeper: bool) -> Generator[scrapy.Request | AliasItem | CrawlErrorItem,
                                                                          None, int]:
        """Request the page's feeds and new in-site links the listing budget and the recrawl plan
        allow; return how many of those links are outside the site's listing families (see
        `ShapeBudget`). `deeper` (a listing page) allows listing pages a recrawl knows already,
        until the listing shows an archived article."""
        for href in discovery.feed_links(response.selector):
            url = discovery.clean_url(urljoin(response.url, href))
            if discovery.site_of(url) in self.sites and url not in self.seen_urls:
                yield self._request(url, self.parse_feed, meta=DOCUMENT_META, priority=7)
        canonical = response.xpath("//link[@rel='canonical']/@href").get()
        candidates = [urljoin(response.url, canonical)] if canonical else []
        own = candidates[0] if canonical and discovery.same_site(candidates[0], response.url) else None
        if own:  # another site's URL named as canonical is only a claim: it teaches nothing about URL forms
            self.forms.learn(discovery.clean_url(own))
        for shortlink in discovery.shortlinks(response):
            url = discovery.clean_url(shortlink)
            if url not in self.seen_urls and url != response.url:
                self.seen_urls.add(url)
                yield AliasItem(url=url, target_url=discovery.clean_url(own or response.url),
                                reason="rel=shortlink", at=now_iso())
        links = page_links(response, self.bounds.links_per_page)
        if links.flooded:
            yield self._flood(response.url, "link_flood", f"more than {self.bounds.links_per_page} links: "
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
                self.crawler.stats.inc_value("fanwire/variants/skipped")
                yield AliasItem(url=url, target_url=known, reason="another form of a known article", at=now_iso())
                if known not in self.seen_urls and discovery.is_followable(known, self.sites) \
                        and self.plan.follow(known, deeper):
                    yield self._request(known, self.parse_page)
                continue
            if key:
                numbered.setdefault(key, url)
            if not self.plan.follow(url, deeper):
                self.crawler.stats.inc_value("fanwire/recrawl/links_skipped")
                continue
            if not self.budget.allows(url):
                yield from self._trap(url)
                continue
            fresh += not self.budget.is_listing_family(url)
            yield self._request(url, self.parse_page)
        return fresh

    def _trap(self, url: str) -> Iterator[CrawlErrorItem]:
        """Count a link the listing budget refused; record each closed shape or family once."""
        self.crawler.stats.inc_value("fanwire/trap/bounded")
        closed, reason = self.budget.closed(url)
        if closed not in self.closed_shapes:
            self.closed_shapes.add(closed)
            self.logger.info("Closed %s (%s)", closed, reason)
            yield CrawlErrorItem(url=url, kind="trap", detail=f"{closed} closed: {reason}", at=now_iso())

    def _failed(self, url: str) -> list[CrawlErrorItem]:
        """Count a failed request against its family: the `trap` row of the family if that closed it."""
        self.families.failed(url)
        return self.families.closed_items()

    def _flood(self, url: str, kind: str, detail: str) -> CrawlErrorItem:
        """A document that offered more work than the crawl takes from one document."""
        self.crawler.stats.inc_value(f"fanwire/bounded/{kind}")
        self.logger.warning("Bounded %s: %s", url, detail)
        return CrawlErrorItem(url=url, kind=kind, detail=detail, at=now_iso())

    def _sitemap_allowed(self, url: str) -> bool:
        """Take one of the site's FANWIRE_MAX_SITEMAPS for `url`, if any is left."""
        site = discovery.site_of(url)
        if self.sitemaps_taken[site] >= self.bounds.sitemaps:
            return False
        self.sitemaps_taken[site] += 1
        return True

    def _sitemap_request(self, url: str, lastmod: str | None) -> scrapy.Request:
        return self._request(url, self.parse_sitemap, priority=8, meta={**DOCUMENT_META, "sitemap_lastmod": lastmod})

    def _rest_root(self, response: TextResponse) -> Iterator[FetchItem]:
        """Remember (once per crawl and site) where a site advertises its WordPress REST API."""
        root = discovery.rest_api_root(response)
        if root and root not in self.rest_roots and discovery.site_of(root) in self.sites:
            self.rest_roots.add(root)
            yield FetchItem(url=root, site=discovery.site_of(root), fetched_at=now_iso(), kind="rest_api")

    def _rest_request(self, root: str, page: int) -> scrapy.Request:
        """Posts changed since the newest change the archive saw on the site, newest change first."""
        query = {"per_page": REST_PAGE_SIZE, "page": page, "orderby": "modified", "order": "desc",
                 "_fields": "link,modified_gmt"}
        since = self.plan.newest_lastmod(discovery.site_of(root))
        if since:
            query["modified_after"] = since.isoformat()
        url = f"{root.rstrip('/')}/wp/v2/posts?{urlencode(query)}"
        return scrapy.Request(url, callback=self.parse_rest, errback=self.on_error, priority=8,
                              meta={**DOCUMENT_META, "rest_root": root, "rest_page": page})

    def _request(self, url: str, callback: Any, meta: dict[str, Any] | None = None, **kwargs: Any) -> scrapy.Request:
        self.seen_urls.add(url)
        if callback == self.parse_page:
            meta = {**PAGE_META, **(meta or {})}
        headers = self.plan.validators(url)
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta, headers=headers or None,
                              **kwargs)

    def _fetched(self, response: Response, kind: str | None) -> FetchItem:
        """The fetch-state record of a response that is not an archived article (or a 304 for one)."""
        header = response.headers.get
        return FetchItem(url=response.url, site=discovery.site_of(response.url), fetched_at=now_iso(),
                         status=response.status, kind=kind, lastmod=response.meta.get("sitemap_lastmod"),
                         listed_in=response.meta.get("listed_in"),
                         etag=header("ETag").decode("latin-1") if header("ETag") else None,
                         last_modified=header("Last-Modified").decode("latin-1") if header("Last-Modified") else None)

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
            listed_in=response.meta.get("listed_in"),
        )


def _failure_kind(failure: Failure) -> str:
    name = failure.type.__name__.lower()
    message = failure.getErrorMessage().lower()
    if "timeout" in name:
        return "timeout"
    if "maxsize" in message or "size" in message and "cancel" in name:
        return "too_large"
    if failure.check(IgnoreRequest):
        return "redirect_loop" if "redirect" in message else "ignored"
    return "download_error"

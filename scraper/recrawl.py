"""What earlier crawls let this crawl skip: the recrawl plan.

A crawl of a site the archive already holds asks only for what changed:

- every URL fetched before is requested with its validators (`If-None-Match`,
  `If-Modified-Since`), so an unchanged page costs a 304 and no body;
- a known article listed in a sitemap, feed or the WordPress REST API is requested only when
  the date listed there is newer than the one seen when it was archived;
- links to known articles, redirects and recently failed URLs are not followed again, and
  neither are URL families (same first path segment and depth) that never held an article,
  such as tag archives, calendars or dead forum links;
- listing pages are re-read only as deep as needed: a listing that shows an already archived
  article says everything older is archived too, so its pagination is not followed;
- known articles a site's sitemaps no longer list (or, on sites without sitemaps, not checked
  for `revisit_after`) are revisited, which is how deleted articles (404/410) are noticed;
- listings, sitemaps and feeds last read by a crawl that did not finish (killed) are read
  afresh, so a resumed crawl finds what the killed one had not reached yet.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from archive.dates import parse_date, utc_now
from archive.sites import site_of
from scraper.shapes import FAMILY_MIN, family

#: Kinds of URL whose body an earlier crawl read: asking again with validators can answer 304.
VALIDATED_KINDS = ("article", "listing", "sitemap", "feed", "api")
#: Kinds of URL whose worth is in the links they show.
DOCUMENT_KINDS = ("listing", "sitemap", "feed", "api")


@dataclass(frozen=True)
class UrlState:
    """One URL as earlier crawls left it (`Archive.url_states` records)."""

    url: str
    site: str | None = None
    kind: str | None = None
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    lastmod: str | None = None
    listed_in: str | None = None  # JSON array of the sitemaps that listed the URL
    fetched_at: str | None = None
    crawl_id: int | None = None
    modified: str | None = None
    gone_at: str | None = None
    article_url: str | None = None
    complete: bool = True  # the crawl that fetched it finished


class RecrawlPlan:
    def __init__(self, states: Iterable[dict | UrlState], recheck_failed_after: timedelta,
                 revisit_after: timedelta, now: datetime | None = None) -> None:
        self.now = now or utc_now()
        self.recheck_failed_after = recheck_failed_after
        self.revisit_after = revisit_after
        self.states: dict[str, UrlState] = {}
        self.families: dict[str, Counter[str]] = defaultdict(Counter)
        self.sites: set[str] = set()
        self.rest_roots: dict[str, str] = {}
        self.members: dict[str, list[UrlState]] = defaultdict(list)  # per sitemap, the URLs it listed
        for s in states:
            state = s if isinstance(s, UrlState) else UrlState(**s)
            if state.kind is None:
                continue  # listed by a sitemap, never fetched (the crawl was killed first): unknown
            if state.kind in DOCUMENT_KINDS and not state.complete:
                continue  # a killed crawl may not have followed what this document showed: read it afresh
            self.states[state.url] = state
            if state.kind not in ("rest_api", "sitemap", "feed", "api"):
                self.families[family(state.url)][state.kind or "unknown"] += 1
            if state.kind == "article":
                self.sites.add(state.site or site_of(state.url))
            if state.kind == "rest_api" and state.site:
                self.rest_roots[state.site] = state.url
            for sitemap in json.loads(state.listed_in) if state.listed_in else ():
                self.members[sitemap].append(state)
        self.covered: set[str] = set()
        self.listed_at: dict[str, datetime] = {}
        self.reread: set[str] = set()
        self.sitemapped: set[str] = set()

    def __len__(self) -> int:
        return len(self.states)

    def is_recrawl(self, url: str) -> bool:
        """True when an earlier crawl archived articles of the URL's site."""
        return site_of(url) in self.sites

    def validators(self, url: str) -> dict[str, str]:
        """Conditional-request headers for a URL whose body an earlier crawl read."""
        state = self.states.get(url)
        if state is None or state.kind not in VALIDATED_KINDS or state.gone_at:
            return {}
        if state.etag:
            return {"If-None-Match": state.etag}
        if state.last_modified:
            return {"If-Modified-Since": state.last_modified}
        return {}

    def rest_api(self, site: str) -> str | None:
        """The WordPress REST API root an earlier crawl saw the site advertise."""
        return self.rest_roots.get(site)

    def newest_lastmod(self, site: str) -> datetime | None:
        """The newest change date an earlier crawl saw listed for the site (in the site's own clock)."""
        dates = [parse_date(s.lastmod or s.modified) for s in self.states.values()
                 if s.site == site and s.kind == "article"]
        return max((d for d in dates if d), default=None)

    def listed(self, url: str, lastmod: str | None, sitemap: str | None = None) -> bool:
        """A sitemap, feed or API lists `url` (changed at `lastmod`): should it be fetched?"""
        if sitemap:
            self.covered.add(url)
            if (at := parse_date(lastmod)) is not None:
                self.listed_at[url] = at
        state = self.states.get(url)
        if state is None or state.kind in ("error", "gone"):
            return True  # new, failed last time, or back after being gone: listing it says it exists
        if state.kind != "article":
            return False
        listed_at = parse_date(lastmod)
        seen_at = parse_date(state.lastmod) or parse_date(state.modified)
        if listed_at is None:
            return False
        return seen_at is None or listed_at > seen_at

    def sitemap_changed(self, sitemap: str, lastmod: str | None) -> bool:
        """Should a sitemap an index lists (changed at `lastmod`) be read again?"""
        state = self.states.get(sitemap)
        listed_at, seen_at = parse_date(lastmod), parse_date(state.lastmod) if state else None
        return state is None or listed_at is None or seen_at is None or listed_at > seen_at

    def sitemap_explained(self, sitemap: str, lastmod: str | None) -> bool:
        """True when a changed sitemap cannot tell anything new: it listed only listing pages, or
        every article it listed before was listed again by other sitemaps this crawl and the newest
        of those dates is its own new `lastmod` (as when a news sitemap and a monthly archive both
        list an edited article)."""
        changed_at = parse_date(lastmod)
        members = self.members.get(sitemap, [])
        if members and not any(s.kind == "article" for s in members):
            return True  # it lists only listing pages (categories, tags): no article to find there
        if changed_at is None or not members or any(s.url not in self.listed_at for s in members):
            return False
        return max(self.listed_at[s.url] for s in members) >= changed_at

    def sitemap_answered(self, sitemap: str, read: bool) -> None:
        """A site's sitemap answered: its articles are checked through its sitemaps, not by age.
        When it was `read` in full, an article it listed before and lists no more is due a visit."""
        self.sitemapped.add(site_of(sitemap))
        if read:
            self.reread.add(sitemap)

    def shows_known_article(self, urls: Iterable[str]) -> bool:
        """A listing page linking an article archived by a crawl that finished has reached what
        earlier crawls saw (a killed crawl archives in no order: older articles may be missing)."""
        return any((s := self.states.get(u)) is not None and s.kind == "article" and s.complete for u in urls)

    def follow(self, url: str, deeper: bool) -> bool:
        """Should a link be followed on a recrawl? `deeper` is True on a listing page that showed
        no archived article yet (so older pages may hold new ones)."""
        if not self.is_recrawl(url):
            return True
        state = self.states.get(url)
        if state is not None:
            if state.kind in ("error", "gone"):
                return not self._failed_recently(state)
            return state.kind == "listing" and deeper
        kinds = self.families.get(family(url))
        if kinds and sum(kinds.values()) >= FAMILY_MIN and not kinds["article"]:
            return deeper and kinds["listing"] > 0
        return True

    def revisits(self, fetched: set[str]) -> list[str]:
        """A page of each archived, not-gone article of a recrawled site to check again: those a
        sitemap listed before and no longer lists after being read again this crawl, and, on sites
        whose sitemaps were not read, those not fetched for `revisit_after`."""
        due = self.now - self.revisit_after
        urls: dict[str, list[UrlState]] = defaultdict(list)
        for s in self.states.values():
            if s.kind == "article" and s.article_url:
                urls[s.article_url].append(s)
        out = []
        for states in urls.values():
            if any(s.gone_at or s.url in fetched or s.url in self.covered for s in states):
                continue
            page = max(states, key=lambda s: (s.status is not None, s.fetched_at or ""))
            dropped = any(set(json.loads(s.listed_in)) & self.reread for s in states if s.listed_in)
            unlisted = (page.site or site_of(page.url)) not in self.sitemapped
            if dropped or unlisted and (parse_date(page.fetched_at) or self.now) <= due:
                out.append(page.url)
        return sorted(out)

    def _failed_recently(self, state: UrlState) -> bool:
        at = parse_date(state.fetched_at)
        return at is not None and self.now - at < self.recheck_failed_after

"""URL shapes and families, and how many listing pages of one are worth following: the
bounds that keep a crawl out of traps (infinite calendars, deep pagination, tag archives).

Pure functions over URLs, so each rule is testable without a crawl.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

#: A family with at least this many listing pages and no article is a listing family.
FAMILY_MIN = 3


class ShapeBudget:
    """How many listing pages of one kind are worth following.

    A URL shape (see `url_shape`) is closed after `max_pages` listing pages (deep pagination).
    A URL family (see `family`) is closed after `barren_pages` of its listing pages in a row
    showed no new link outside the site's listing families: an infinite calendar, or the tag,
    category and pagination pages of a site whose sitemaps already listed every article."""

    def __init__(self, max_pages: int, barren_pages: int) -> None:
        self.max_pages = max_pages
        self.barren_pages = barren_pages
        self.listings: Counter[str] = Counter()
        self.barren: Counter[str] = Counter()
        self.kinds: dict[str, Counter[str]] = defaultdict(Counter)

    def allows(self, url: str) -> bool:
        return self.listings[url_shape(url)] < self.max_pages and self.barren[family(url)] < self.barren_pages

    def closed(self, url: str) -> tuple[str, str]:
        """What `allows(url)` refuses (a shape or a family) and why."""
        shape = url_shape(url)
        if self.listings[shape] >= self.max_pages:
            return shape, f"{self.listings[shape]} listing pages (FANWIRE_MAX_LISTING_PAGES)"
        name = family(url)
        return name, f"{self.barren[name]} listing pages in a row showed nothing new (FANWIRE_BARREN_PAGES)"

    def is_listing_family(self, url: str) -> bool:
        """True once enough pages of the URL's family were listings, and none an article."""
        kinds = self.kinds[family(url)]
        return kinds["listing"] >= FAMILY_MIN and not kinds["article"]

    def article_seen(self, url: str) -> None:
        name = family(url)
        self.kinds[name]["article"] += 1
        self.barren[name] = 0

    def listing_seen(self, url: str, new_links: int) -> None:
        """Count a fetched listing page and how many new links outside listing families it showed."""
        name = family(url)
        self.listings[url_shape(url)] += 1
        self.kinds[name]["listing"] += 1
        self.barren[name] = 0 if new_links else self.barren[name] + 1


def family(url: str) -> str:
    """URLs built by one route of a site: host, first path segment (digits as N), depth, query keys.
    `/tag/frieren/` and `/tag/bleach/` are one family; `/frieren-season-2/` is its own."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    first = re.sub(r"\d+", "N", segments[0]) if segments else ""
    keys = sorted({kv.split("=", 1)[0] for kv in parts.query.split("&") if kv})
    return f"{parts.netloc}/{first}/{len(segments)}?{'&'.join(keys)}"


def url_shape(url: str) -> str:
    """The URL with digit runs replaced and query values dropped: `/calendar/?m=202401` and
    `/calendar/?m=202402` share the shape `/calendar/?m=N`, which is how traps are bounded."""
    parts = urlsplit(url)
    keys = sorted({kv.split("=", 1)[0] for kv in parts.query.split("&") if kv})
    shape = re.sub(r"\d+", "N", parts.path)
    return f"{parts.netloc}{shape}?{'&'.join(keys)}" if keys else f"{parts.netloc}{shape}"

"""DemoWorld: the three demo sites, their URL space and the ground truth.

Pages are rendered lazily on first request and cached, so building a world is
cheap and a crawl pays for each page once. Everything derives from the seed.

Duplicates for deduplication tests (see :mod:`.dupes`): Akiba Dispatch's two
newest free slots are different stories about one series, and its longest
news story is syndicated to Cel Shade as an exact and an edited copy.
"""
from __future__ import annotations

import threading
from types import ModuleType
from typing import Optional

from . import dupes, theme_akiba, theme_celshade, theme_sakura
from .content import Article, generate_articles
from .markup import redirect
from .model import DemoSite, Page, Response, SiteRoutes

__all__ = ["DemoSite", "DemoWorld"]

THEMES: tuple[ModuleType, ...] = (theme_akiba, theme_sakura, theme_celshade)


class DemoWorld:
    """Deterministic fake web of anime news sites, addressed by host and path."""

    def __init__(self, seed: int = 7, articles_per_site: int = 12) -> None:
        """``articles_per_site`` counts each site's own stories; Cel Shade carries the two
        syndicated copies on top of them. Below 4 articles per site there is no room for both
        the same-series pair and the syndicated original, so one or both are left out."""
        self.seed = seed
        self.articles_per_site = articles_per_site
        self.sites: list[DemoSite] = [theme.SITE for theme in THEMES]
        self._routes: dict[str, SiteRoutes] = {}
        self._index: dict[str, dict[str, Page]] = {}
        stories = {theme.SITE.host: generate_articles(seed, theme.SITE.host, theme.SITE.lang, articles_per_site,
                                                      theme.AUTHORS, theme.TZ) for theme in THEMES}
        self._add_duplicates(stories)
        for theme in THEMES:
            site: DemoSite = theme.SITE
            routes = theme.build(stories[site.host], seed)
            self._routes[site.host] = routes
            self._index[site.host] = {page.path: page for page in routes.pages}
        self._cache: dict[tuple[str, str], Response] = {}
        self._lock = threading.Lock()

    def _add_duplicates(self, stories: dict[str, list[Article]]) -> None:
        """Plant the same-series pair and the syndicated copies (see the module docstring)."""
        origin, copier = theme_akiba, theme_celshade
        own = stories[origin.SITE.host]
        reserved = {origin.bad_index(len(own))}
        own[:], pair = dupes.same_series_pair(own, self.seed, origin.SITE.host, origin.SITE.lang,
                                              origin.AUTHORS, reserved)
        index = dupes.pick_original(own, reserved | set(pair))
        if index is None:
            return
        original, target = own[index], stories[copier.SITE.host]
        copies = dupes.syndicate(original, origin.SITE.url(origin.article_path(original)), origin.SITE.name,
                                 self.seed, copier.SITE.host, copier.AUTHORS, copier.TZ,
                                 {a.slug for a in target})
        target[:] = sorted(target + copies, key=lambda a: a.published)

    def site(self, host: str) -> Optional[DemoSite]:
        """The demo site living at ``host`` (port ignored), if any."""
        name = host.lower().partition(":")[0]
        return next((s for s in self.sites if s.host == name), None)

    def start_urls(self) -> list[str]:
        """Home page of every site, in a fixed order."""
        return [site.url("/") for site in self.sites]

    def truth(self) -> list[dict[str, object]]:
        """One dict per URL the world serves or links to (on demo hosts).

        Keys: url, host, kind ("article" | "listing" | "other"), status, canonical_url, variant,
        title, author, published, modified, lang, body, fault, location (redirect target), and:

        * ``variant``: None for a canonical article, else how the URL differs from it: "utm",
          "amp", "replytocom", "shortlink" (akiba), "print", "no_trailing_slash" (cel-shade),
          "short_slug" (sakura). Variants serve the canonical's article (200, rel=canonical),
          except "shortlink" (``/?p=ID``): status 301 with ``location`` = ``canonical_url``.
          Variant rows describe the article they stand for (title, body, cluster, ...).
        * ``cluster``: which story an article row tells, as the canonical URL of the story's
          first publication: a canonical article's own URL, a copy's original URL, a variant's
          canonical's cluster. Rows with equal clusters are duplicates; None for non-articles.
        * ``syndicated_from``: on a copy of another site's story, the original's canonical URL
          (= ``cluster``); None otherwise.
        * ``exact_copy``: on a copy, True if its body is the original's word for word, False for
          an edited copy; None otherwise.
        * ``series``: slug of the anime series an article is about (None for non-articles);
          two rows of one site and series with different clusters are different stories.
        """
        return [_truth_row(site, page) for site in self.sites for page in self._routes[site.host].pages]

    def serve(self, host: str, target: str) -> Optional[Response]:
        """Response for ``target`` (path plus query) on ``host``; None if the host is not a demo site."""
        site = self.site(host)
        if site is None:
            return None
        index, routes = self._index[site.host], self._routes[site.host]
        path, _, query = target.partition("?")
        page = index.get(target)
        if page is None and query and index.get(path) is not None and index[path].kind == "article":
            page = index[path]  # CMSes ignore unknown query parameters on permalinks
        if page is not None:
            return self._render(site.host, page)
        dynamic = routes.dynamic(path, query)
        if dynamic is not None:
            return dynamic
        if not path.endswith("/") and path + "/" in index:
            return redirect(site.url(path + "/" + ("?" + query if query else "")))
        return self._render(site.host, Page("", "other", routes.not_found, status=404))

    def _render(self, host: str, page: Page) -> Response:
        key = (host, page.path)
        with self._lock:
            cached = self._cache.get(key)
        if cached is None:
            cached = page.render()  # deterministic, so a racing duplicate render is harmless
            with self._lock:
                self._cache.setdefault(key, cached)
        return cached


def _truth_row(site: DemoSite, page: Page) -> dict[str, object]:
    a = page.article
    return {
        "url": site.url(page.path),
        "host": site.host,
        "kind": page.kind,
        "status": page.status,
        "canonical_url": site.url(page.canonical) if page.canonical else None,
        "variant": page.variant,
        "title": a.headline if a else None,
        "author": a.author if a else None,
        "published": a.published.isoformat() if a else None,
        "modified": a.modified.isoformat() if a else None,
        "lang": site.lang,
        "body": a.body if a else None,
        "fault": page.fault,
        "location": page.location,
        "cluster": _cluster(site, page),
        "syndicated_from": a.syndication.url if a and a.syndication else None,
        "exact_copy": a.syndication.exact if a and a.syndication else None,
        "series": a.series.slug if a else None,
    }


def _cluster(site: DemoSite, page: Page) -> Optional[str]:
    a = page.article
    if a is None or page.kind != "article" or page.canonical is None:
        return None
    return a.syndication.url if a.syndication else site.url(page.canonical)

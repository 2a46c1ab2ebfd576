"""DemoWorld: the three demo sites, their URL space and the ground truth.

Pages are rendered lazily on first request and cached, so building a world is
cheap and a crawl pays for each page once. Everything derives from the seed.
"""
from __future__ import annotations

import threading
from types import ModuleType
from typing import Optional

from . import theme_akiba, theme_celshade, theme_sakura
from .content import generate_articles
from .markup import redirect
from .model import DemoSite, Page, Response, SiteRoutes

__all__ = ["DemoSite", "DemoWorld"]

THEMES: tuple[ModuleType, ...] = (theme_akiba, theme_sakura, theme_celshade)


class DemoWorld:
    """Deterministic fake web of anime news sites, addressed by host and path."""

    def __init__(self, seed: int = 7, articles_per_site: int = 12) -> None:
        self.seed = seed
        self.articles_per_site = articles_per_site
        self.sites: list[DemoSite] = [theme.SITE for theme in THEMES]
        self._routes: dict[str, SiteRoutes] = {}
        self._index: dict[str, dict[str, Page]] = {}
        for theme in THEMES:
            site: DemoSite = theme.SITE
            articles = generate_articles(seed, site.host, site.lang, articles_per_site, theme.AUTHORS, theme.TZ)
            routes = theme.build(articles, seed)
            self._routes[site.host] = routes
            self._index[site.host] = {page.path: page for page in routes.pages}
        self._cache: dict[tuple[str, str], Response] = {}
        self._lock = threading.Lock()

    def site(self, host: str) -> Optional[DemoSite]:
        """The demo site living at ``host`` (port ignored), if any."""
        name = host.lower().partition(":")[0]
        return next((s for s in self.sites if s.host == name), None)

    def start_urls(self) -> list[str]:
        """Home page of every site, in a fixed order."""
        return [site.url("/") for site in self.sites]

    def truth(self) -> list[dict[str, object]]:
        """One dict per URL the world serves or links to (on demo hosts)."""
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
    }

"""Cel Shade: a minimal Hugo-style static blog with no og/JSON-LD metadata.

Articles carry only ``<link rel="canonical">``; the byline and ``<time>`` are
the sole machine-readable hints. Faults owned here: a 2-hop redirect chain,
an empty 200 page, a dead link and a /drafts/ page. URL variants: every post
has a ``?print=1`` print layout, and two posts are linked (and served, 200)
without their trailing slash. Posts may be syndicated copies of another
site's story (``Article.syndication``), credited under the post.
"""
from __future__ import annotations

import random
from datetime import timedelta, timezone
from functools import partial

from . import feeds
from .content import Article
from .corpus import MONTHS
from .markup import chunks, esc, html_response, paged_path, redirect, with_validators
from .model import DemoSite, Page, Response, SiteRoutes
from .variants import print_article

SITE = DemoSite("cel-shade.test", "Cel Shade", "en", "utf-8")
AUTHORS = ("Alex Kim", "Robin Sato")
TZ = timezone(timedelta(hours=1))
PER_PAGE = 4
OLD_PERMALINK = "/p/1/"
FIRST_HOP = "/posts/first/"
DEAD = "/posts/summer-2023-rankings/"
DRAFT = "/drafts/winter-2026-watchlist/"
CSS = "body{max-width:42rem;margin:2rem auto;font:18px/1.6 Georgia,serif}nav a{margin-right:1rem}"


def build(articles: list[Article], seed: int) -> SiteRoutes:
    """Routes for the site; the seed picks the posts linked without a trailing slash."""
    return _CelShade(articles, seed).routes()


def _date(a: Article) -> str:
    d = a.published
    return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"


def _tag_name(tag: str) -> str:
    return tag.replace("-", " ")


class _CelShade:
    def __init__(self, articles: list[Article], seed: int) -> None:
        self.articles = articles  # oldest first
        self.newest = articles[::-1]
        self.tags = sorted({t for a in articles for t in a.tags})
        own = [a for a in articles if a.syndication is None]
        self.slashless = random.Random(f"{seed}:{SITE.host}:slashless").sample(own, min(2, len(own)))

    def path(self, a: Article) -> str:
        return f"/posts/{a.slug}/"

    def more_link(self, a: Article) -> str:
        """Where "Read more" points: two posts lose their trailing slash (a theme bug)."""
        return self.path(a).rstrip("/") if a in self.slashless else self.path(a)

    def document(self, title: str, head: str, main: str, after_main: str = "", status: int = 200) -> Response:
        footer_links = [(OLD_PERMALINK, "The first post"), (DEAD, "Summer 2023 rankings"),
                        (DRAFT, "Winter watchlist"), ("/empty/", "Now watching"), ("/index.xml", "RSS")]
        links = " &middot; ".join(f'<a href="{p}">{t}</a>' for p, t in footer_links)
        doc = (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
               f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
               f"<title>{esc(title)}</title>\n{head}\n<style>{CSS}</style>\n</head>\n<body>\n"
               f'<header><nav><a href="/"><strong>Cel Shade</strong></a><a href="/">Posts</a>'
               f'<a href="/index.xml">RSS</a></nav></header>\n<main>\n{main}\n</main>\n{after_main}'
               f"<footer><p>{links}</p><p>&copy; 2025 Cel Shade &middot; Built with "
               f'<a href="https://gohugo.io/">Hugo</a></p></footer>\n</body>\n</html>\n')
        return html_response(doc, status=status, charset="utf-8")

    def article(self, a: Article) -> Response:
        i = self.articles.index(a)
        paras = "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
        main = (f"<article>\n<h1>{esc(a.headline)}</h1>\n<p class=\"byline\">By {esc(a.author)} "
                f'<time datetime="{a.published.isoformat()}">{_date(a)}</time></p>\n{paras}\n</article>')
        tags = " ".join(f'<a href="/tags/{t}/">#{_tag_name(t)}</a>' for t in a.tags)
        pager = []
        if i > 0:
            pager.append(f'<a href="{self.path(self.articles[i - 1])}" rel="prev">&larr; Older</a>')
        if i + 1 < len(self.articles):
            pager.append(f'<a href="{self.path(self.articles[i + 1])}" rel="next">Newer &rarr;</a>')
        after = (f'<nav class="post-tags">{tags}</nav>\n<nav class="post-tools"><a href="{self.path(a)}?print=1" '
                 f'rel="nofollow">Print</a></nav>\n<nav class="post-pager">{" ".join(pager)}</nav>\n')
        if a.syndication:
            after = (f'<p class="syndication">Originally published by <a href="{a.syndication.url}">'
                     f"{esc(a.syndication.site_name)}</a>.</p>\n{after}")
        head = f'<link rel="canonical" href="{SITE.url(self.path(a))}">'
        return with_validators(self.document(f"{a.headline} - Cel Shade", head, main, after), a)

    def teaser(self, a: Article) -> str:
        return (f'<article class="post-summary">\n<h2><a href="{self.path(a)}">{esc(a.headline)}</a></h2>\n'
                f'<p class="meta"><time datetime="{a.published.isoformat()}">{_date(a)}</time></p>\n'
                f"<p>{esc(a.excerpt())}&hellip;</p>\n"
                f'<p><a class="more" href="{self.more_link(a)}">Read more &rarr;</a></p>\n</article>')

    def listing(self, base: str, page: list[Article], number: int, total: int, heading: str) -> Response:
        pager = []
        if number > 1:
            pager.append(f'<a href="{paged_path(base, number - 1)}" rel="prev">&larr; Newer posts</a>')
        if number < total:
            pager.append(f'<a href="{paged_path(base, number + 1)}" rel="next">Older posts &rarr;</a>')
        main = (f"<h1>{esc(heading)}</h1>\n" + "\n".join(self.teaser(a) for a in page)
                + f'\n<nav class="pagination">{" ".join(pager)}</nav>')
        head = (f'<link rel="canonical" href="{SITE.url(paged_path(base, number))}">\n'
                f'<link rel="alternate" type="application/rss+xml" href="{SITE.url("/index.xml")}" title="Cel Shade">')
        title = "Cel Shade" if base == "/" and number == 1 else f"{heading} - Cel Shade"
        return self.document(title, head, main)

    def not_found(self) -> Response:
        main = '<h1>404 - Page not found</h1>\n<p>Nothing lives here. <a href="/">Go back home</a>.</p>'
        return self.document("404 Page not found - Cel Shade", "", main, status=404)

    def draft(self) -> Response:
        main = "<article>\n<h1>Winter watchlist (draft)</h1>\n<p>TODO: finish this list.</p>\n</article>"
        return self.document("Winter watchlist (draft) - Cel Shade", '<meta name="robots" content="noindex">', main)

    def _listing_pages(self, base: str, items: list[Article], heading: str) -> list[Page]:
        split = chunks(items, PER_PAGE)
        return [Page(paged_path(base, n), "listing", partial(self.listing, base, page, n, len(split), heading))
                for n, page in enumerate(split, 1)]

    def routes(self) -> SiteRoutes:
        pages = self._listing_pages("/", self.newest, "Latest posts")
        for tag in self.tags:
            pages += self._listing_pages(f"/tags/{tag}/", [a for a in self.newest if tag in a.tags],
                                         f"Posts tagged #{_tag_name(tag)}")
        for a in self.newest:
            render, canonical = partial(self.article, a), self.path(a)
            pages.append(Page(canonical, "article", render, article=a, canonical=canonical))
            pages.append(Page(canonical + "?print=1", "article", partial(
                print_article, SITE, a, SITE.url(canonical), _date(a)), article=a, canonical=canonical,
                variant="print"))
            if a in self.slashless:
                pages.append(Page(self.more_link(a), "article", render, article=a, canonical=canonical,
                                  variant="no_trailing_slash"))
        recent = [(a, SITE.url(self.path(a))) for a in self.newest]
        listing_urls = [(SITE.url(p.path), None) for p in pages if p.kind == "listing"]
        first_hop, target = SITE.url(FIRST_HOP), SITE.url(self.path(self.articles[0]))
        pages += [
            Page("/index.xml", "other", partial(feeds.rss, SITE, "Cel Shade", SITE.url("/"),
                                                "Notes on anime, one episode at a time", recent,
                                                SITE.url("/index.xml"))),
            Page("/robots.txt", "other", partial(feeds.robots, ["/drafts/"], SITE.url("/sitemap.xml"))),
            Page("/sitemap.xml", "other", partial(feeds.urlset, listing_urls + [(u, a.modified) for a, u in recent])),
            Page(OLD_PERMALINK, "other", partial(redirect, first_hop), status=301, fault="redirect",
                 location=first_hop),
            Page(FIRST_HOP, "other", partial(redirect, target), status=301, fault="redirect", location=target),
            Page("/empty/", "other", lambda: Response(200, b"", "text/html; charset=utf-8"), fault="empty"),
            Page(DEAD, "other", self.not_found, status=404, fault="dead_link"),
            Page(DRAFT, "other", self.draft, fault="disallowed"),
        ]
        return SiteRoutes(pages, self.not_found)

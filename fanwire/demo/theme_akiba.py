"""Akiba Dispatch: an English WordPress blog (theme markup modelled on _s/Astra).

Faults owned by this site: /old-news/ redirect, /broken/ 500, a dead link,
/wp-admin/ and /private/ disallowed pages, an endless /calendar/, and one
article whose bytes are windows-1252 while declaring UTF-8. URL variants of
articles: utm share links, ``amp/`` pages (``<link rel="amphtml">``), comment
``?replytocom=ID`` links and ``/?p=ID`` shortlinks that answer 301.
"""
from __future__ import annotations

import calendar
import random
import re
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Optional
from urllib.parse import parse_qs, quote

from . import feeds
from .content import Article, curly_variant
from .corpus import MONTHS
from .markup import attr, chunks, esc, html_response, news_article_ld, paged_path, redirect, with_validators
from .model import DemoSite, Page, Response, SiteRoutes
from .variants import amp_article, comment_ids, comment_list

SITE = DemoSite("akiba-dispatch.test", "Akiba Dispatch", "en", "utf-8")
AUTHORS = ("Mika Tanaka", "Jordan Reyes", "Priya Raman", "Sam O'Connell")
TZ = timezone(timedelta(hours=-5))
CATEGORIES = {"news": "News", "reviews": "Reviews", "events": "Events", "merch": "Merch"}
PER_PAGE = 5
UTM = "?utm_source=twitter&utm_medium=social"
DEAD = "/2023/12/winter-season-preview/"
DRAFTS = {"/wp-admin/": "Dashboard", "/private/draft-lineup/": "Draft: Spring lineup (do not publish)"}
CSS = "body{font-family:sans-serif;margin:0}.site-content{display:flex;gap:2em}.site-main{flex:3}.widget-area{flex:1}"


def bad_index(count: int) -> int:
    """Position (oldest first) of the article replaced by the mis-encoded one."""
    return count // 2


def article_path(a: Article) -> str:
    """Permalink of an article: /YYYY/MM/slug/."""
    return f"/{a.published:%Y/%m}/{a.slug}/"


def build(articles: list[Article], seed: int) -> SiteRoutes:
    """Routes for the site; the middle article becomes the mis-encoded one."""
    articles = list(articles)
    bad = bad_index(len(articles))
    articles[bad] = curly_variant(articles[bad])
    return _Akiba(articles, articles[bad], seed).routes()


def _date(article: Article, when: Optional[datetime] = None) -> str:
    d = when or article.published
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


class _Akiba:
    def __init__(self, articles: list[Article], bad: Article, seed: int) -> None:
        self.articles = articles  # oldest first
        self.newest = articles[::-1]
        self.bad = bad
        self.seed = seed
        picks = random.Random(f"{seed}:{SITE.host}:popular").sample(articles, min(5, len(articles)))
        # Two articles show comments, whose Reply links are ?replytocom= variants.
        self.commented = random.Random(f"{seed}:{SITE.host}:commented").sample(articles, min(2, len(articles)))
        self.popular = [(a, self.url(a) + (UTM if i < 2 else "")) for i, a in enumerate(picks)]
        newest = self.newest[0].published
        self.calendar_path = f"/calendar/?m={newest.year:04d}{newest.month:02d}"
        self.chrome = (self._header(), self._sidebar(), self._footer())

    def path(self, a: Article) -> str:
        return article_path(a)

    def url(self, a: Article) -> str:
        return SITE.url(self.path(a))

    # -- chrome ---------------------------------------------------------
    def _header(self) -> str:
        cats = "".join(f'<li class="menu-item"><a href="{SITE.url(f"/category/{s}/")}">{n}</a></li>'
                       for s, n in CATEGORIES.items())
        return (f'<header id="masthead" class="site-header"><div class="site-branding">'
                f'<p class="site-title"><a href="{SITE.url("/")}" rel="home">Akiba Dispatch</a></p>'
                f'<p class="site-description">Anime news from the heart of Akihabara</p></div>\n'
                f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">'
                f'<li class="menu-item"><a href="{SITE.url("/")}">Home</a></li>{cats}</ul></nav></header>')

    def _sidebar(self) -> str:
        popular = "".join(f'<li><a href="{attr(href)}">{esc(a.headline)}</a></li>' for a, href in self.popular)
        cats = "".join(f'<li class="cat-item"><a href="{SITE.url(f"/category/{s}/")}">{n}</a></li>'
                       for s, n in CATEGORIES.items())
        return (f'<aside id="secondary" class="widget-area">\n<section class="widget widget_popular_posts">'
                f'<h2 class="widget-title">Popular posts</h2><ul>{popular}</ul></section>\n'
                f'<section class="widget widget_categories"><h2 class="widget-title">Categories</h2>'
                f"<ul>{cats}</ul></section>\n</aside>")

    def _footer(self) -> str:
        links = [("/old-news/", "News archive"), (self.calendar_path, "Event calendar"),
                 ("/broken/", "Site status"), (DEAD, "Winter 2023 preview"), ("/wp-admin/", "Log in"),
                 ("/private/draft-lineup/", "Spring lineup"), ("/feed/", "RSS")]
        items = "".join(f'<li><a href="{attr(SITE.url(p))}">{t}</a></li>' for p, t in links)
        return (f'<footer id="colophon" class="site-footer"><nav class="footer-navigation"><ul>{items}</ul></nav>'
                f'<div class="site-info">&copy; 2025 Akiba Dispatch. Proudly powered by WordPress.</div>'
                f'<a href="#page" class="scroll-to-top">Scroll to Top</a></footer>')

    def document(self, title: str, body_class: str, head: str, main: str) -> str:
        header, sidebar, footer = self.chrome
        return (f'<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{esc(title)}</title>\n{head}\n"
                f'<link rel="alternate" type="application/rss+xml" title="Akiba Dispatch &raquo; Feed" '
                f'href="{SITE.url("/feed/")}">\n<style>{CSS}</style>\n</head>\n'
                f'<body class="{body_class}">\n<div id="page" class="site">\n'
                f'<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n{header}\n'
                f'<div id="content" class="site-content">\n<main id="main" class="site-main">\n{main}\n</main>\n'
                f"{sidebar}\n</div>\n{footer}\n</div>\n</body>\n</html>\n")

    # -- articles -------------------------------------------------------
    def article(self, a: Article) -> Response:
        i = self.articles.index(a)
        url, cat = self.url(a), CATEGORIES[a.category]
        head = "\n".join([
            f'<link rel="canonical" href="{url}">',
            '<meta property="og:locale" content="en_US">', '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{attr(a.headline)}">',
            f'<meta property="og:description" content="{attr(a.excerpt(25))}">',
            f'<meta property="og:url" content="{url}">', '<meta property="og:site_name" content="Akiba Dispatch">',
            f'<meta property="article:published_time" content="{a.published.isoformat()}">',
            f'<meta property="article:modified_time" content="{a.modified.isoformat()}">',
            f'<meta property="article:section" content="{cat}">',
            *(f'<meta property="article:tag" content="{t}">' for t in a.tags),
            f'<meta name="author" content="{attr(a.author)}">',
            f'<link rel="alternate" type="application/rss+xml" title="Akiba Dispatch &raquo; '
            f'{attr(a.headline)} Comments Feed" href="{url}feed/">',
            f'<link rel="amphtml" href="{url}amp/">', f'<link rel="shortlink" href="{self.shortlink(a)}">',
            news_article_ld(SITE, a, url, cat)])
        related = self.articles[(i + 3) % len(self.articles)]
        paras = [f"<p>{esc(p)}</p>" for p in a.paragraphs]
        if related is not a:
            paras.insert(2, f'<p class="related-inline"><strong>See Related Post- <a href="{self.url(related)}">'
                            f"{esc(related.headline)}</a></strong></p>")
        share = quote(url, safe="")
        comments = comment_list(self.seed, SITE.host, a, url) if a in self.commented else ""
        nav = "".join(f'<div class="nav-{cls}"><a href="{self.url(self.articles[j])}" rel="{rel}">'
                      f"{esc(self.articles[j].headline)}</a></div>"
                      for cls, rel, j in (("previous", "prev", i - 1), ("next", "next", i + 1))
                      if 0 <= j < len(self.articles))
        main = (f'<article id="post-{a.number}" class="post-{a.number} post type-post status-publish '
                f'format-standard hentry category-{a.category}">\n<header class="entry-header">'
                f'<h1 class="entry-title">{esc(a.headline)}</h1>\n<div class="entry-meta"><span class="posted-on">'
                f'Posted on <a href="{url}" rel="bookmark"><time class="entry-date published" '
                f'datetime="{a.published.isoformat()}">{_date(a)}</time><time class="updated" '
                f'datetime="{a.modified.isoformat()}">{_date(a, a.modified)}</time></a></span> <span class="byline">by '
                f'<span class="author vcard">{esc(a.author)}</span></span></div></header>\n'
                f'<div class="entry-content">\n' + "\n".join(paras) + "\n</div>\n"
                f'<div class="share-bar"><span>Share:</span> <a class="share-facebook" '
                f'href="https://www.facebook.com/sharer/sharer.php?u={share}">Facebook</a> '
                f'<a class="share-twitter" href="https://twitter.com/intent/tweet?url={share}&amp;text='
                f'{quote(a.headline, safe="")}">Twitter</a> <a class="share-shortlink" href="{self.shortlink(a)}">'
                f'Shortlink</a> <button class="share-copy" data-url="{url}">Copy link</button></div>\n'
                f'<footer class="entry-footer"><span class="cat-links">Posted in '
                f'<a href="{SITE.url(f"/category/{a.category}/")}" rel="category tag">{cat}</a></span></footer>\n'
                f'</article>\n<div class="author-box"><h3 class="author-title">About the author</h3><p>'
                f"<strong>{esc(a.author)}</strong> covers anime news, industry events and merchandise for "
                f"Akiba Dispatch.</p></div>\n"
                f'<nav class="navigation post-navigation"><div class="nav-links">{nav}</div></nav>\n'
                f'<div id="comments" class="comments-area">{comments}<div id="respond" class="comment-respond">'
                f'<h3 id="reply-title" class="comment-reply-title">Leave a Comment</h3>'
                f'<form action="{SITE.url("/wp-comments-post.php")}" method="post" id="commentform" '
                f'class="comment-form"><p><textarea id="comment" name="comment" rows="8"></textarea></p>'
                f'<p><input id="author" name="author" type="text" placeholder="Name"></p>'
                f'<p><input name="submit" type="submit" class="submit" value="Post Comment">'
                f'<input type="hidden" name="comment_post_ID" value="{a.number}"></p></form></div></div>')
        doc = self.document(f"{a.headline} | Akiba Dispatch",
                            f"post-template-default single single-post postid-{a.number} single-format-standard",
                            head, main)
        codec = "cp1252" if a is self.bad else None
        return with_validators(html_response(doc, codec=codec), a)

    def shortlink(self, a: Article) -> str:
        return SITE.url(f"/?p={a.number}")

    # -- listings -------------------------------------------------------
    def teaser(self, a: Article) -> str:
        return (f'<article id="post-{a.number}" class="post-{a.number} post type-post status-publish '
                f'format-standard hentry category-{a.category}">\n<header class="entry-header">'
                f'<h2 class="entry-title"><a href="{self.url(a)}" rel="bookmark">{esc(a.headline)}</a></h2>\n'
                f'<div class="entry-meta"><span class="posted-on"><time class="entry-date published" '
                f'datetime="{a.published.isoformat()}">{_date(a)}</time></span> <span class="byline">by '
                f'<span class="author vcard">{esc(a.author)}</span></span></div></header>\n'
                f'<div class="entry-summary"><p>{esc(a.excerpt())} [&hellip;]</p></div>\n</article>')

    def listing(self, base: str, page: list[Article], number: int, total: int,
                title: str, body_class: str) -> Response:
        def link(n: int, cls: str, label: object) -> str:
            return f'<a class="{cls}page-numbers" href="{SITE.url(paged_path(base, n))}">{label}</a>'
        links = [link(number - 1, "prev ", "&laquo; Previous")] if number > 1 else []
        links += [f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == number
                  else link(n, "", n) for n in range(1, total + 1)]
        if number < total:
            links.append(link(number + 1, "next ", "Next &raquo;"))
        teasers = "\n".join(self.teaser(a) for a in page) or '<p class="no-results">Nothing Found</p>'
        main = (f'<header class="page-header"><h1 class="page-title">{esc(title)}</h1></header>\n{teasers}\n'
                f'<nav class="navigation pagination" aria-label="Posts"><div class="nav-links">'
                f'{" ".join(links)}</div></nav>')
        suffix = f" - Page {number}" if number > 1 else ""
        head = (f'<link rel="canonical" href="{SITE.url(paged_path(base, number))}">\n'
                '<meta property="og:type" content="website">')
        return html_response(self.document(f"{title}{suffix} | Akiba Dispatch", body_class, head, main))

    def calendar(self, path: str, query: str) -> Optional[Response]:
        """Month archive at /calendar/?m=YYYYMM, linking to both neighbours forever."""
        match = re.fullmatch(r"(\d{4})(\d{2})", parse_qs(query).get("m", [""])[0])
        if path != "/calendar/" or not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1:
            return None
        year, month = int(match[1]), int(match[2])
        days = {a.published.day: a for a in self.articles if (a.published.year, a.published.month) == (year, month)}
        cells = "".join(f'<td><a href="{self.url(days[d])}" title="{attr(days[d].headline)}">{d}</a></td>'
                        if d in days else f"<td>{d}</td>" for d in range(1, calendar.monthrange(year, month)[1] + 1))
        prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_m = (year, month + 1) if month < 12 else (year + 1, 1)
        nav = "".join(f'<a class="{cls}" href="{SITE.url(f"/calendar/?m={y:04d}{m:02d}")}">'
                      f"{label} {MONTHS[m - 1]} {y}</a> "
                      for cls, (y, m), label in (("prev", prev_m, "&laquo;"), ("next", next_m, "&raquo;"))
                      if 1 <= y <= 9999)
        main = (f'<header class="page-header"><h1 class="page-title">Events calendar: {MONTHS[month - 1]} {year}</h1>'
                f'</header>\n<table id="wp-calendar" class="wp-calendar-table"><caption>{MONTHS[month - 1]} {year}'
                f"</caption><tbody><tr>{cells}</tr></tbody></table>\n<nav class=\"wp-calendar-nav\">{nav}</nav>")
        return html_response(self.document(f"{MONTHS[month - 1]} {year} | Akiba Dispatch", "archive date", "", main))

    def simple(self, title: str, body_class: str, message: str, status: int = 200) -> Response:
        main = f'<section class="{body_class}"><h1 class="page-title">{esc(title)}</h1><p>{message}</p></section>'
        head = '<meta name="robots" content="noindex, nofollow">'
        return html_response(self.document(f"{title} | Akiba Dispatch", body_class, head, main), status=status)

    def not_found(self) -> Response:
        return self.simple("Page not found", "error404", "It looks like nothing was found at this location. "
                           "Maybe try one of the links below?", 404)

    # -- routing ----------------------------------------------------------
    def _listing_pages(self, base: str, items: list[Article], title: str, body_class: str) -> list[Page]:
        split = chunks(items, PER_PAGE)
        return [Page(paged_path(base, n), "listing", partial(
                    self.listing, base, page, n, len(split), title,
                    body_class + (f" paged paged-{n}" if n > 1 else "")))
                for n, page in enumerate(split, 1)]

    def _article_pages(self, a: Article) -> list[Page]:
        fault = "bad_charset" if a is self.bad else None
        render = partial(self.article, a)
        pages = [Page(self.path(a), "article", render, article=a, canonical=self.path(a), fault=fault),
                 Page(self.path(a) + "feed/", "other", partial(
                     feeds.rss, SITE, f"Comments on: {a.headline}", self.url(a), "Comments", [],
                     self.url(a) + "feed/"))]
        variant = partial(Page, kind="article", article=a, canonical=self.path(a))
        pages += [variant(href.removeprefix(SITE.base_url), render=render, variant="utm", fault=fault)
                  for b, href in self.popular if b is a and href != self.url(a)]
        pages += [variant(f"{self.path(a)}?replytocom={cid}", render=render, variant="replytocom", fault=fault)
                  for cid in (comment_ids(self.seed, SITE.host, a) if a in self.commented else ())]
        amp = partial(amp_article, SITE, a, self.url(a), CATEGORIES[a.category], _date(a))
        pages.append(variant(self.path(a) + "amp/", render=amp, variant="amp"))
        pages.append(variant(self.shortlink(a).removeprefix(SITE.base_url), render=partial(redirect, self.url(a)),
                             status=301, variant="shortlink", location=self.url(a)))
        return pages

    def routes(self) -> SiteRoutes:
        pages = self._listing_pages("/", self.newest, "Latest News", "home blog")
        for slug, name in CATEGORIES.items():
            pages += self._listing_pages(f"/category/{slug}/", [a for a in self.newest if a.category == slug],
                                         name, "archive category")
        for a in self.newest:
            pages += self._article_pages(a)
        recent = [(a, self.url(a)) for a in self.newest]
        oldest = self.url(self.articles[0])
        latest = self.newest[0].modified
        broken = ("<!DOCTYPE html><html><head><title>WordPress &rsaquo; Error</title></head><body>"
                  "<p>There has been a critical error on this website.</p></body></html>\n")
        pages += [
            Page("/feed/", "other", partial(feeds.rss, SITE, "Akiba Dispatch", SITE.url("/"),
                                            "Anime news from the heart of Akihabara", recent, SITE.url("/feed/"))),
            Page("/robots.txt", "other", partial(feeds.robots, ["/wp-admin/", "/private/"],
                                                 SITE.url("/sitemap_index.xml"))),
            Page("/sitemap_index.xml", "other", partial(feeds.sitemap_index, [
                (SITE.url("/post-sitemap.xml"), latest), (SITE.url("/category-sitemap.xml"), latest)])),
            Page("/post-sitemap.xml", "other", partial(feeds.urlset, [(u, a.modified) for a, u in recent])),
            Page("/category-sitemap.xml", "other", partial(
                feeds.urlset, [(SITE.url(f"/category/{s}/"), None) for s in CATEGORIES])),
            Page("/old-news/", "other", partial(redirect, oldest), status=301, fault="redirect", location=oldest),
            Page(self.calendar_path, "listing", partial(self.calendar, *self.calendar_path.split("?")),
                 fault="calendar"),
            Page("/broken/", "other", partial(html_response, broken, status=500), status=500, fault="server_error"),
            Page(DEAD, "other", self.not_found, status=404, fault="dead_link"),
        ]
        pages += [Page(p, "other", partial(self.simple, t, "draft", "This page is not public."), fault="disallowed")
                  for p, t in DRAFTS.items()]
        return SiteRoutes(pages, self.not_found, self.calendar)

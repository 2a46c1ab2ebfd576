"""さくら新聞: a Japanese news portal with hand-rolled templates, served as Shift_JIS.

Half of the HTML pages declare the charset only in ``<meta charset>`` (bare
``text/html`` header), the other half in the header too. Faults owned here: a
binary "HTML" press kit, a dead article link and a /private/ page. The top two
of the ranking link to short ``/n/ID`` URLs that serve the article (200) with
rel=canonical to its ``/news/ID.html`` permalink.
"""
from __future__ import annotations

import random
from datetime import timedelta, timezone
from functools import partial

from . import feeds
from .content import Article
from .markup import attr, chunks, esc, html_response, news_article_ld, paged_path, with_validators
from .model import DemoSite, Page, Response, SiteRoutes

SITE = DemoSite("sakura-shinbun.test", "さくら新聞", "ja", "shift_jis")
AUTHORS = ("佐藤 美咲", "高橋 健太", "山本 彩", "中村 悠斗")
TZ = timezone(timedelta(hours=9))
CATEGORIES = {"news": "ニュース", "reviews": "レビュー", "events": "イベント", "merch": "グッズ"}
PER_PAGE = 6
STYLE = "index_{n}.html"
DEAD = "/news/199999.html"
PRIVATE = "/private/embargo-list.html"
PRESS_KIT = "/media/press-kit.html"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def build(articles: list[Article], seed: int) -> SiteRoutes:
    """Routes for the site."""
    return _Sakura(articles, seed).routes()


def _date(a: Article) -> str:
    d = a.published
    return f"{d.year}年{d.month}月{d.day}日 {d.hour:02d}:{d.minute:02d}"


def press_kit(seed: int) -> Response:
    """~50 KB of PNG-looking bytes mislabelled as text/html."""
    noise = random.Random(f"{seed}:{SITE.host}:press-kit").randbytes(50 * 1024 - len(PNG_SIGNATURE))
    return Response(200, PNG_SIGNATURE + noise, "text/html")


class _Sakura:
    def __init__(self, articles: list[Article], seed: int) -> None:
        self.articles = articles  # oldest first
        self.newest = articles[::-1]
        self.seed = seed
        ranking = random.Random(f"{seed}:{SITE.host}:ranking").sample(articles, min(5, len(articles)))
        self.short = ranking[:2]  # linked by their short URL
        self.chrome = (self._header(), self._side(ranking), self._footer())

    def path(self, a: Article) -> str:
        return f"/news/{a.number:06d}.html"

    def short_path(self, a: Article) -> str:
        return f"/n/{a.number}"

    def link(self, a: Article) -> str:
        """How the ranking links an article: the top two by their short URL."""
        return self.short_path(a) if a in self.short else self.path(a)

    def _header(self) -> str:
        nav = "".join(f'<li><a href="/category/{s}/">{n}</a></li>' for s, n in CATEGORIES.items())
        return (f'<header id="hd"><div class="logo"><a href="/">さくら新聞</a></div>'
                f'<ul class="gnav"><li><a href="/">トップ</a></li>{nav}</ul></header>')

    def _side(self, ranking: list[Article]) -> str:
        items = "".join(f'<li><span class="rank">{i}</span><a href="{self.link(a)}">{esc(a.headline)}</a></li>'
                        for i, a in enumerate(ranking, 1))
        return f'<div id="side"><div class="ranking"><h2>アクセスランキング</h2><ol>{items}</ol></div></div>'

    def _footer(self) -> str:
        links = [(PRESS_KIT, "プレスキット"), (DEAD, "夏アニメ特集"), (PRIVATE, "関係者向けページ"),
                 ("/atom.xml", "Atom"), ("/sitemap.xml", "サイトマップ")]
        items = " | ".join(f'<a href="{p}">{t}</a>' for p, t in links)
        return (f'<footer id="ft"><p class="ft-links">{items}</p>'
                f"<p class=\"copy\">Copyright &copy; さくら新聞 All Rights Reserved.</p></footer>")

    def document(self, title: str, body_id: str, head: str, main: str, *, status: int = 200,
                 header_charset: bool = True) -> Response:
        header, side, footer = self.chrome
        doc = (f'<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="Shift_JIS">\n'
               f"<title>{esc(title)}</title>\n{head}\n"
               f'<link rel="alternate" type="application/atom+xml" title="さくら新聞" href="/atom.xml">\n'
               f'</head>\n<body id="{body_id}">\n<div id="wrapper">\n{header}\n<div id="contents">\n'
               f'<div id="main">\n{main}\n</div>\n{side}\n</div>\n{footer}\n</div>\n</body>\n</html>\n')
        return html_response(doc, status=status, charset="Shift_JIS", header_charset=header_charset)

    def article(self, a: Article, header_charset: bool) -> Response:
        url, cat = SITE.url(self.path(a)), CATEGORIES[a.category]
        head = "\n".join([
            f'<meta name="description" content="{attr(a.excerpt())}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{attr(a.headline)}">',
            f'<meta property="og:url" content="{url}">', '<meta property="og:site_name" content="さくら新聞">',
            f'<meta property="og:description" content="{attr(a.excerpt())}">',
            f'<link rel="canonical" href="{url}">', news_article_ld(SITE, a, url, cat)])
        related = [o for o in self.newest if o.category == a.category and o is not a][:3]
        rel = "".join(f'<li><a href="{self.path(o)}">{esc(o.headline)}</a></li>' for o in related)
        body = "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
        main = (f'<div class="breadcrumb"><a href="/">トップ</a> &gt; <a href="/category/{a.category}/">{cat}</a>'
                f" &gt; {esc(a.headline)}</div>\n<div class=\"article-box\">\n"
                f'<h1 class="article-ttl">{esc(a.headline)}</h1>\n<div class="article-info">'
                f'<span class="date">{_date(a)}</span> <span class="writer">記者：{esc(a.author)}</span></div>\n'
                f'<div class="article-body">\n{body}\n</div>\n<div class="tag-list">カテゴリー：'
                f'<a href="/category/{a.category}/">{cat}</a></div>\n</div>\n'
                f'<div class="related"><h2>関連記事</h2><ul>{rel}</ul></div>')
        response = self.document(f"{a.headline}｜さくら新聞", "news-detail", head, main,
                                 header_charset=header_charset)
        return with_validators(response, a)

    def listing(self, base: str, page: list[Article], number: int, total: int, title: str,
                header_charset: bool) -> Response:
        rows = "\n".join(f'<li><a href="{self.path(a)}"><span class="date">{a.published:%Y.%m.%d}</span>'
                         f'<span class="ttl">{esc(a.headline)}</span></a></li>' for a in page)
        pager = []
        if number > 1:
            pager.append(f'<a class="prev" href="{paged_path(base, number - 1, STYLE)}">前へ</a>')
        pager += [f"<strong>{n}</strong>" if n == number else f'<a href="{paged_path(base, n, STYLE)}">{n}</a>'
                  for n in range(1, total + 1)]
        if number < total:
            pager.append(f'<a class="next" href="{paged_path(base, number + 1, STYLE)}">次へ</a>')
        main = (f'<h1 class="list-ttl">{esc(title)}</h1>\n<ul class="news-list">\n{rows}\n</ul>\n'
                f'<div class="pager">{" ".join(pager)}</div>')
        suffix = f"（{number}ページ目）" if number > 1 else ""
        head = f'<link rel="canonical" href="{SITE.url(paged_path(base, number, STYLE))}">'
        return self.document(f"{title}{suffix}｜さくら新聞", "news-list", head, main, header_charset=header_charset)

    def simple(self, title: str, message: str, status: int = 200) -> Response:
        main = f'<div class="article-box"><h1 class="article-ttl">{esc(title)}</h1><p>{esc(message)}</p></div>'
        return self.document(f"{title}｜さくら新聞", "simple", '<meta name="robots" content="noindex">',
                             main, status=status)

    def not_found(self) -> Response:
        return self.simple("ページが見つかりません",
                           "お探しのページは削除されたか、URLが変更された可能性があります。", 404)

    def _listing_pages(self, base: str, items: list[Article], title: str) -> list[Page]:
        split = chunks(items, PER_PAGE)
        return [Page(paged_path(base, n, STYLE), "listing",
                     partial(self.listing, base, page, n, len(split), title, n % 2 == 1))
                for n, page in enumerate(split, 1)]

    def routes(self) -> SiteRoutes:
        pages = self._listing_pages("/", self.newest, "最新ニュース")
        for slug, name in CATEGORIES.items():
            pages += self._listing_pages(f"/category/{slug}/",
                                         [a for a in self.newest if a.category == slug], name)
        for i, a in enumerate(self.newest):
            render = partial(self.article, a, i % 2 == 0)
            pages.append(Page(self.path(a), "article", render, article=a, canonical=self.path(a)))
            if a in self.short:
                pages.append(Page(self.short_path(a), "article", render, article=a, canonical=self.path(a),
                                  variant="short_slug"))
        recent = [(a, SITE.url(self.path(a))) for a in self.newest]
        pages += [
            Page("/atom.xml", "other", partial(feeds.atom, SITE, recent, SITE.url("/atom.xml"))),
            Page("/robots.txt", "other", partial(feeds.robots, ["/private/"], SITE.url("/sitemap.xml"))),
            Page("/sitemap.xml", "other", partial(
                feeds.urlset, [(SITE.url("/"), self.newest[0].modified)] + [(u, a.modified) for a, u in recent])),
            Page(PRESS_KIT, "other", partial(press_kit, self.seed), fault="binary"),
            Page(DEAD, "other", self.not_found, status=404, fault="dead_link"),
            Page(PRIVATE, "other", partial(self.simple, "関係者向け：解禁前情報一覧", "このページは公開されていません。"),
                 fault="disallowed"),
        ]
        return SiteRoutes(pages, self.not_found)

"""A small fan-news site on 127.0.0.1 whose articles a test can add, edit and delete between
crawls, with the plumbing recrawls depend on: a sitemap with lastmod, ETag and Last-Modified
with 304 answers, robots.txt (optionally with Crawl-delay) and faults planted per path.

It answers as an HTTP proxy for the host `changing.test`, through the demo server's proxy, and logs every
request with its time and headers so tests can check what a crawl asked for and when.
"""
from __future__ import annotations

import hashlib
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from urllib.parse import urlsplit

from fanwire.demo.proxy import Hit as ProxyHit
from fanwire.demo.proxy import ProxyServer, Reply

HOST = "changing.test"
WORDS = ("anime season studio episode trailer visual staff cast premiere manga volume arc finale "
         "director composer opening ending broadcast stream simulcast fans sequel adaptation chapter "
         "character design voice actor key visual teaser release schedule cour spring summer fall winter").split()
PER_PAGE = 4


@dataclass
class Article:
    slug: str
    title: str
    paragraphs: list[str]
    published: datetime
    modified: datetime
    status: int = 200  # 404 or 410 once deleted


@dataclass
class Hit:
    at: float
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class ChangingSite:
    """The site's state; change it between crawls with `add`, `edit` and `delete`."""

    crawl_delay: float | None = None
    delay: float = 0.0  # seconds each answer waits (to catch a crawl mid-way)
    articles: dict[str, Article] = field(default_factory=dict)
    faults: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    clock: datetime = datetime(2025, 4, 1, 9, 0, tzinfo=timezone.utc)

    def add(self, n: int = 1) -> list[str]:
        slugs = []
        for _ in range(n):
            k = len(self.articles)
            rng = random.Random(k)
            self.clock += timedelta(hours=5)
            topic = " ".join(rng.sample(WORDS, 3))
            paragraphs = [f"Story {k} about {topic}. " + " ".join(rng.choice(WORDS) for _ in range(60)) + "."
                          for _ in range(5)]
            slug = f"story-{k}-{topic.replace(' ', '-')}"
            self.articles[slug] = Article(slug, f"Story {k}: {topic.title()}", paragraphs, self.clock, self.clock)
            slugs.append(slug)
        return slugs

    def edit(self, slug: str, paragraph: str) -> None:
        self.clock += timedelta(hours=1)
        article = self.articles[slug]
        article.paragraphs.append(paragraph)
        article.modified = self.clock

    def delete(self, slug: str, status: int = 404) -> None:
        self.articles[slug].status = status

    def fail(self, path: str, status: int, headers: dict[str, str] | None = None, times: int = 1) -> None:
        """Answer `path` with `status` (and `headers`) the next `times` requests."""
        self.faults[path] = [(status, headers or {})] * times

    def url(self, path: str = "/") -> str:
        return f"http://{HOST}{path}"

    def requested(self, since: int = 0) -> list[str]:
        return [h.path for h in self.hits[since:]]

    def live(self) -> list[Article]:
        return sorted((a for a in self.articles.values() if a.status == 200), key=lambda a: a.published, reverse=True)

    def answer(self, path: str) -> tuple[int, str, str, datetime | None]:
        """(status, content type, body, last modified) of a path."""
        if path == "/robots.txt":
            delay = f"Crawl-delay: {self.crawl_delay}\n" if self.crawl_delay else ""
            return 200, "text/plain", f"User-agent: *\nDisallow: /private/\n{delay}Sitemap: {self.url('/sitemap.xml')}\n", None
        if path == "/sitemap.xml":
            entries = "".join(f"<url><loc>{self.url(f'/{a.slug}/')}</loc><lastmod>{a.modified.isoformat()}</lastmod></url>"
                              for a in self.live())
            newest = max((a.modified for a in self.live()), default=self.clock)
            return 200, "application/xml", ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                                             f'"http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'), newest
        if path == "/" or path.startswith("/page/"):
            page = 1 if path == "/" else int(path.strip("/").split("/")[-1])
            return self._listing(page)
        article = self.articles.get(path.strip("/"))
        if article is None:
            return 404, "text/html", "<html><head><title>Not found</title></head><body>Gone</body></html>", None
        if article.status != 200:
            return article.status, "text/html", "<html><head><title>Not found</title></head><body></body></html>", None
        return 200, "text/html; charset=utf-8", self._article(article), article.modified

    def _listing(self, page: int) -> tuple[int, str, str, datetime | None]:
        live = self.live()
        items = live[(page - 1) * PER_PAGE: page * PER_PAGE]
        if not items and page > 1:
            return 404, "text/html", "<html><head><title>Not found</title></head></html>", None
        teasers = "".join(f'<article class="teaser"><h2><a href="/{a.slug}/">{escape(a.title)}</a></h2>'
                          f"<p>{escape(a.paragraphs[0][:80])}</p></article>" for a in items)
        more = f'<a href="/page/{page + 1}/">Older posts</a>' if page * PER_PAGE < len(live) else ""
        body = (f"<html><head><title>Changing News</title></head><body><h1>Changing News</h1>{teasers}{more}"
                '<footer><a href="/private/drafts/">Drafts</a></footer></body></html>')
        return 200, "text/html; charset=utf-8", body, max((a.modified for a in items), default=None)

    def _article(self, a: Article) -> str:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
        return (f'<html lang="en"><head><title>{escape(a.title)} | Changing News</title>'
                f'<meta property="og:type" content="article"><meta property="og:title" content="{escape(a.title)}">'
                f'<meta property="article:published_time" content="{a.published.isoformat()}">'
                f'<meta property="article:modified_time" content="{a.modified.isoformat()}">'
                f'<link rel="canonical" href="{self.url(f"/{a.slug}/")}"></head><body>'
                f'<header><a href="/">Changing News</a></header><article><h1>{escape(a.title)}</h1>'
                f'<time datetime="{a.published.isoformat()}">{a.published:%B %d, %Y}</time>{paragraphs}</article>'
                '<footer><a href="/">Home</a></footer></body></html>')


class ChangingServer:
    """`ChangingSite` served on a free loopback port until `close`, through the demo world's proxy
    server (`fanwire.demo.proxy`)."""

    def __init__(self, site: ChangingSite) -> None:
        self.site = site
        self.lock = threading.Lock()
        self.server = ProxyServer(self._answer).start()
        self.proxy_url = self.server.proxy_url

    def _answer(self, request: ProxyHit) -> Reply:
        site = self.site
        if request.host != HOST:
            return Reply(502, b"not a test host", [("Content-Type", "text/plain")])
        path = urlsplit(request.url).path or "/"
        with self.lock:
            faults = site.faults.get(path)
            fault = faults.pop(0) if faults else None
            status, ctype, text, modified = site.answer(path)
        if site.delay:
            time.sleep(site.delay)
        body, headers = text.encode(), {}
        if fault:
            status, headers, body = fault[0], fault[1], b"<html><body>Service unavailable</body></html>"
        elif status == 200:
            etag = '"' + hashlib.md5(body).hexdigest()[:16] + '"'
            headers = {"ETag": etag}
            if modified:
                headers["Last-Modified"] = format_datetime(modified, usegmt=True)
            if request.headers.get("If-None-Match") == etag:
                status, body = 304, b""
        with self.lock:
            site.hits.append(Hit(time.monotonic(), path, status, request.headers))
        return Reply(status, body, [("Content-Type", ctype), *headers.items()])

    def close(self) -> None:
        self.server.stop()

    def __enter__(self) -> ChangingServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

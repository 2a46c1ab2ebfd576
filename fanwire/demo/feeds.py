"""Machine-readable side doors of a site: RSS, Atom, sitemaps, robots.txt.

Crawlers discover articles through these as much as through HTML links, so
they follow the real formats (RSS 2.0, Atom 1.0, sitemaps.org 0.9).
"""
from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from typing import Sequence
from xml.sax.saxutils import escape

from .content import Article
from .model import DemoSite, Response
from .markup import text_response

_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def rss(site: DemoSite, title: str, link: str, description: str,
        items: Sequence[tuple[Article, str]], feed_url: str) -> Response:
    """RSS 2.0 channel; items are (article, absolute URL), newest first."""
    entries = "".join(
        f"<item>\n<title>{escape(a.headline)}</title>\n<link>{escape(url)}</link>\n"
        f"<dc:creator><![CDATA[{a.author}]]></dc:creator>\n"
        f"<pubDate>{format_datetime(a.published)}</pubDate>\n"
        f"<category><![CDATA[{a.category}]]></category>\n"
        f'<guid isPermaLink="true">{escape(url)}</guid>\n'
        f"<description><![CDATA[{a.excerpt()} [...]]]></description>\n</item>\n"
        for a, url in items
    )
    updated = max((a.modified for a, _ in items), default=None)
    build_date = f"<lastBuildDate>{format_datetime(updated)}</lastBuildDate>\n" if updated else ""
    doc = (f'{_XML}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           f'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
           f"<title>{escape(title)}</title>\n"
           f'<atom:link href="{escape(feed_url)}" rel="self" type="application/rss+xml"/>\n'
           f"<link>{escape(link)}</link>\n<description>{escape(description)}</description>\n"
           f"{build_date}<language>{site.lang}</language>\n{entries}</channel>\n</rss>\n")
    return text_response(doc, "application/rss+xml; charset=UTF-8")


def atom(site: DemoSite, items: Sequence[tuple[Article, str]], feed_url: str) -> Response:
    """Atom 1.0 feed; items are (article, absolute URL), newest first."""
    entries = "".join(
        f"<entry>\n<title>{escape(a.headline)}</title>\n"
        f'<link rel="alternate" type="text/html" href="{escape(url)}"/>\n'
        f"<id>{escape(url)}</id>\n<published>{a.published.isoformat()}</published>\n"
        f"<updated>{a.modified.isoformat()}</updated>\n"
        f"<author><name>{escape(a.author)}</name></author>\n"
        f"<summary>{escape(a.excerpt())}</summary>\n</entry>\n"
        for a, url in items
    )
    updated = max((a.modified for a, _ in items), default=None)
    doc = (f'{_XML}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{site.lang}">\n'
           f"<title>{escape(site.name)}</title>\n"
           f'<link rel="alternate" type="text/html" href="{site.url("/")}"/>\n'
           f'<link rel="self" type="application/atom+xml" href="{escape(feed_url)}"/>\n'
           f"<id>{site.url('/')}</id>\n"
           f"<updated>{updated.isoformat() if updated else ''}</updated>\n{entries}</feed>\n")
    return text_response(doc, "application/atom+xml; charset=UTF-8")


def _sitemap(root: str, child: str, entries: Sequence[tuple[str, datetime | None]]) -> Response:
    rows = "".join(
        f"<{child}><loc>{escape(url)}</loc>"
        + (f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else "")
        + f"</{child}>\n"
        for url, lastmod in entries
    )
    return text_response(f'{_XML}<{root} xmlns="{_SITEMAP_NS}">\n{rows}</{root}>\n',
                         "application/xml; charset=UTF-8")


def urlset(entries: Sequence[tuple[str, datetime | None]]) -> Response:
    """A plain sitemap: (absolute URL, lastmod or None)."""
    return _sitemap("urlset", "url", entries)


def sitemap_index(entries: Sequence[tuple[str, datetime | None]]) -> Response:
    """A sitemap index pointing at child sitemaps."""
    return _sitemap("sitemapindex", "sitemap", entries)


def robots(disallow: Sequence[str], sitemap: str) -> Response:
    """robots.txt for all user agents."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallow), "", f"Sitemap: {sitemap}", ""]
    return text_response("\n".join(lines), "text/plain; charset=utf-8")

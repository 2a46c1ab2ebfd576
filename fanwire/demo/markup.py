"""Small HTML/HTTP building blocks shared by the three site themes."""
from __future__ import annotations

import hashlib
import html
import json
from dataclasses import replace
from typing import Sequence, TypeVar

from .content import Article
from .model import DemoSite, Response

T = TypeVar("T")


def esc(text: str) -> str:
    """Escape text-node content; quotes stay literal so truth text appears verbatim."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape an attribute value."""
    return html.escape(text, quote=True)


def json_ld(data: dict[str, object]) -> str:
    """A JSON-LD script block (``</`` escaped so it cannot close the script)."""
    payload = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">{payload}</script>'


def news_article_ld(site: DemoSite, article: Article, url: str, section: str) -> str:
    """schema.org NewsArticle as CMS SEO plugins emit it."""
    return json_ld({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.headline,
        "datePublished": article.published.isoformat(),
        "dateModified": article.modified.isoformat(),
        "author": {"@type": "Person", "name": article.author},
        "publisher": {"@type": "Organization", "name": site.name},
        "articleSection": section,
        "keywords": list(article.tags),
        "inLanguage": site.lang,
    })


def html_response(doc: str, *, status: int = 200, charset: str = "UTF-8",
                  codec: str | None = None, header_charset: bool = True) -> Response:
    """Encode a document; ``codec`` may deliberately differ from the declared charset."""
    content_type = f"text/html; charset={charset}" if header_charset else "text/html"
    return Response(status, doc.encode(codec or charset), content_type)


def with_validators(response: Response, article: Article) -> Response:
    """Add ETag/Last-Modified so the server can answer conditional requests."""
    etag = '"' + hashlib.sha1(response.body).hexdigest()[:20] + '"'
    return replace(response, etag=etag, last_modified=article.modified)


def redirect(location: str, status: int = 301) -> Response:
    """A permanent redirect with the tiny body Apache/nginx would send."""
    doc = (f"<html><head><title>{status} Moved Permanently</title></head><body>"
           f'<h1>Moved Permanently</h1><p>The document has moved <a href="{attr(location)}">here</a>.</p>'
           "</body></html>\n")
    return Response(status, doc.encode(), "text/html; charset=iso-8859-1", (("Location", location),))


def text_response(text: str, content_type: str, status: int = 200) -> Response:
    """A UTF-8 non-HTML response (robots.txt, feeds, sitemaps)."""
    return Response(status, text.encode("utf-8"), content_type)


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    """Split into pages; an empty sequence still yields one (empty) page."""
    return [list(items[i:i + size]) for i in range(0, len(items), size)] or [[]]


def paged_path(base: str, number: int, style: str = "page/{n}/") -> str:
    """Pagination URL: page 1 is the base itself, later pages follow ``style``."""
    return base if number == 1 else base + style.format(n=number)

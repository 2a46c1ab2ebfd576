"""Is a page a single article or a listing (home, archive, tag, author, search, error)?

Signals are scored, structured data first (Open Graph, `article:*` meta, JSON-LD), then the
document's shape, so the rule holds on templates nobody here has seen:

1. Open Graph `og:type` article (+3) or website/profile (-1: many sites put it on every page).
2. JSON-LD `@type` of an article kind (+3) or of a collection/listing kind (-2).
3. `article:published_time` or `itemprop=datePublished` meta (+2).
4. `<body class>` tokens of a single post (+2) or an archive/home/search/error page (-3).
5. Shape: several teaser `<article>`s with headline links and no structured signal (-3);
   one heading, a dated byline and a long run of paragraphs (+2); otherwise one long run of
   paragraphs under a single parent, as an article body is and a list of teasers is not (+2).
6. URL: a dated, numbered or long-slug path (+1); a navigation path (home, category, tag,
   author, page N) (-2).
7. A title saying "not found" (soft 404) (-5).
A page scoring `ARTICLE_THRESHOLD` or more is an article.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit
from dataclasses import dataclass, field
from typing import Any

from courlan import is_navigation_page
from parsel import Selector

from scraper import jsonld
from scraper.jsonld import ARTICLE_TYPES

#: Minimum score of an article: one strong signal (og/JSON-LD) or two weaker ones.
ARTICLE_THRESHOLD = 2
#: Paragraph text (characters) that makes a dated page with one <h1> read as an article body.
MIN_BODY_CHARS = 600
#: Paragraph text (characters) under one parent that reads as an article body on its own.
MIN_BODY_BLOCK_CHARS = 1200
#: Teaser <article>s on one page that mark it as a listing.
MIN_TEASERS = 3

LISTING_TYPES = {"collectionpage", "itemlist", "searchresultspage", "profilepage", "blog", "website"}
SINGLE_CLASSES = re.compile(r"^(?:single|single-post|single-format-\w+|postid-\d+|post-template(?:-\w+)*|article-page)$")
LISTING_CLASSES = re.compile(r"^(?:home|blog|archive|category|tag|author|search|search-results|error404|paged|date|list|taxonomy)$")
ARTICLE_PATH = re.compile(r"/\d{4}/\d{1,2}/|[^\W_]+(?:[-_][^\W_]+){3,}|/\d{4,}(?:\.html?)?/?$")
NOT_FOUND = re.compile(r"not found|404|no longer available|ページが見つかりません|見つかりませんでした", re.IGNORECASE)


@dataclass
class PageKind:
    """The verdict and the signals behind it (logged at DEBUG, kept for tests)."""

    is_article: bool
    score: int
    signals: list[str] = field(default_factory=list)


def _ld_types(selector: Selector) -> set[str]:
    texts = selector.xpath(f"{jsonld.SCRIPTS}/text()").getall()
    return {t for node in jsonld.nodes(texts) for t in jsonld.types(node)}


def _longest_paragraph_block(selector: Selector) -> int:
    """Characters of <p> text under the one parent that holds the most of it."""
    blocks: dict[Any, int] = {}
    for p in selector.root.iter("p"):
        parent = p.getparent()
        blocks[parent] = blocks.get(parent, 0) + len(p.text_content())
    return max(blocks.values(), default=0)


def classify(selector: Selector, url: str = "") -> PageKind:
    score, signals = 0, []

    def add(points: int, why: str) -> None:
        nonlocal score
        score += points
        signals.append(f"{why}:{points:+d}")

    og_type = (selector.xpath("//meta[@property='og:type']/@content").get() or "").strip().lower()
    if og_type == "article":
        add(3, "og:type=article")
    elif og_type in ("website", "profile", "blog"):
        add(-1, f"og:type={og_type}")
    ld = _ld_types(selector)
    if ld & ARTICLE_TYPES:
        add(3, "jsonld-article")
    elif ld & LISTING_TYPES - {"website"}:
        add(-2, "jsonld-listing")
    if selector.xpath("//meta[@property='article:published_time' or @itemprop='datePublished']"):
        add(2, "published-meta")
    body_classes = set((selector.xpath("//body/@class").get() or "").split())
    if any(SINGLE_CLASSES.match(c) for c in body_classes):
        add(2, "body-single")
    elif any(LISTING_CLASSES.match(c) for c in body_classes):
        add(-3, "body-listing")
    structured = og_type == "article" or bool(ld & ARTICLE_TYPES)
    teasers = len(selector.xpath("//article[.//h2//a[@href] or .//h3//a[@href]]"))
    if teasers >= MIN_TEASERS and not structured:
        add(-3, f"teasers={teasers}")
    elif len(selector.xpath("//h1")) == 1 and selector.xpath("//time[@datetime] | //*[contains(@class, 'byline')]"):
        paragraphs = sum(len(p) for p in selector.xpath("//p//text()").getall())
        if paragraphs >= MIN_BODY_CHARS:
            add(2, "dated-body")
    elif teasers < MIN_TEASERS and _longest_paragraph_block(selector) >= MIN_BODY_BLOCK_CHARS:
        add(2, "long-body")
    path = urlsplit(url).path
    if url and (path in ("", "/") or is_navigation_page(url)):
        add(-2, "navigation-url")
    elif ARTICLE_PATH.search(path):
        add(1, "article-url")
    title = selector.xpath("//title/text()").get() or ""
    if NOT_FOUND.search(title):
        add(-5, "title-not-found")
    return PageKind(score >= ARTICLE_THRESHOLD, score, signals)


def looks_not_found(selector: Selector) -> bool:
    """A page whose title says it was not found: a soft 404 when it answered 200."""
    return bool(NOT_FOUND.search(selector.xpath("//title/text()").get() or ""))

"""Extraction: decode the page, read its structured metadata, and let trafilatura find the body.

1. Decode bytes (BOM, header, <meta>, detection: `pipelines.decode`).
2. Structured metadata first (JSON-LD, Open Graph, `article:*`: `pipelines.metadata`).
3. trafilatura `bare_extraction` for the body text and as the metadata fallback.
4. Title without the site name, ISO 8601 dates, language subtag (`pipelines.normalize`).
Reused as is by `fanwire extract` through `extract_article`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from trafilatura import bare_extraction
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from pipelines.boilerplate import prune
from pipelines.decode import decode_html
from pipelines.metadata import page_metadata
from pipelines.normalize import clean_title, iso_datetime, lang_code
from scraper.items import ArticleItem

logger = logging.getLogger(__name__)

#: trafilatura escalates to its fallback extractors below this many characters (default 250);
#: a short news item, and any Japanese one, is shorter, and the fallbacks then keep page chrome.
MIN_EXTRACTED_SIZE = 50
TRAFILATURA_CONFIG = use_config()
TRAFILATURA_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_SIZE))


@dataclass
class Extracted:
    """What one page yields: body text and metadata, as the archive stores them."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    modified: str | None
    lang: str | None
    canonical_url: str | None
    site_name: str | None
    encoding: str


class NoArticleText(ValueError):
    """trafilatura found no body text in the page."""


def extract_article(body: bytes, url: str, content_type: str | None = None) -> Extracted:
    html, encoding = decode_html(body, content_type)
    tree = load_html(html)
    if tree is None:
        raise NoArticleText(f"not parseable as HTML: {url}")
    meta = page_metadata(tree)
    doc = bare_extraction(prune(tree), url=url, with_metadata=True, include_comments=False, include_tables=True,
                          favor_recall=True, config=TRAFILATURA_CONFIG)
    text = (doc.text or "").strip() if doc is not None else ""
    site_name = (meta.site_name or doc.sitename) if doc is not None else meta.site_name
    title = clean_title(meta.og_title or (doc.title if doc else None), site_name, urlsplit(url).netloc,
                        meta.headline, meta.h1)
    text = without_heading(text, (title, meta.headline, meta.h1))
    if not text:
        raise NoArticleText(f"no article text in {url}")
    return Extracted(
        text=text,
        title=title,
        author=meta.author or doc.author,
        published=iso_datetime(meta.published) or iso_datetime(doc.date),
        modified=iso_datetime(meta.modified),
        lang=lang_code(meta.lang or doc.language),
        canonical_url=urljoin(url, meta.canonical) if meta.canonical else None,
        site_name=site_name,
        encoding=encoding,
    )


def without_heading(text: str, headings: tuple[str | None, ...]) -> str:
    """The body without a first line that repeats the article's headline (kept by some layouts)."""
    first, _, rest = text.partition("\n")
    names = {" ".join(h.split()).casefold() for h in headings if h}
    return rest.strip() if " ".join(first.split()).casefold() in names else text


class ExtractPipeline:
    """Fill the article fields of an `ArticleItem`; drop pages with no body text."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def process_item(self, item: object) -> object:
        if not isinstance(item, ArticleItem):
            return item
        try:
            extracted = extract_article(item.body, item.final_url, item.headers.get("Content-Type"))
        except NoArticleText as exc:
            self.stats.inc_value("fanwire/extract/empty")
            raise DropItem(str(exc)) from exc
        adapter = ItemAdapter(item)
        for name, value in vars(extracted).items():
            adapter[name] = value
        self.stats.inc_value("fanwire/extract/ok")
        return item

"""`fanwire reextract`: run extraction again over the raw pages stored in the archive.

Per site, the template is learned afresh from all of the site's stored documents (more than any
crawl had when it started), then every article is extracted again and its text and metadata
updated in place, in batches. Nothing is fetched.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archive import Archive
from pipelines.extractor import NoArticleText, extract_parsed, parse_page
from pipelines.normalize import content_hash
from pipelines.template import SiteTemplate

#: Articles updated per transaction.
BATCH_SIZE = 200


@dataclass
class ReextractResult:
    articles: int = 0
    changed: int = 0
    failed: int = 0


def reextract(archive: Archive, sites: list[str], advance: Callable[[int], None]) -> ReextractResult:
    """Re-extract every article of `sites`; `advance(n)` is called as pages are read (twice per page)."""
    result = ReextractResult()
    for site in sites:
        template = SiteTemplate(site)
        for row in archive.article_pages(site):
            page = parse_page(row["html"], row["source_url"], row["content_type"])
            template.observe(page.document, page.tree)
            advance(1)
        batch = []
        for row in archive.article_pages(site):
            result.articles += 1
            advance(1)
            try:
                extracted = extract_parsed(parse_page(row["html"], row["source_url"], row["content_type"]), template)
            except NoArticleText:
                result.failed += 1
                continue
            result.changed += extracted.text != row["text"]
            batch.append({"id": row["id"], "title": extracted.title, "author": extracted.author,
                          "published": extracted.published, "modified": extracted.modified, "lang": extracted.lang,
                          "text": extracted.text, "content_hash": content_hash(extracted.text)})
            if len(batch) >= BATCH_SIZE:
                archive.update_articles(batch)
                batch = []
        if batch:
            archive.update_articles(batch)
        archive.save_templates([template.to_record()])
    return result

"""`fanwire retag`: tag the archived articles again, after the catalog or its aliases changed.

The matcher is built from the archive's catalog (series, entries and aliases, user aliases
included) exactly as a crawl builds it, and reads what a crawl's tagging reads (title, text and
publication date), so a retag gives an article the tags a crawl of it today would.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archive import Archive
from pipelines.catalog import from_records
from pipelines.tagging import SeriesMatcher, tag_rows

#: Articles whose tags are replaced per transaction.
BATCH_SIZE = 500


@dataclass
class RetagResult:
    articles: int = 0
    changed: int = 0
    tagged: int = 0


def retag(archive: Archive, site: str | None, advance: Callable[[int], None]) -> RetagResult:
    """Replace the series tags of every article (of `site`); `advance(n)` as articles are tagged."""
    matcher = SeriesMatcher(from_records(archive.series_records()))
    before = archive.article_tags(site)
    result = RetagResult()
    batch: dict[int, list[dict]] = {}
    for article in archive.article_texts(site):
        tags = tag_rows(matcher.tag(article["title"] or "", article["text"] or "", article["published"]))
        batch[article["id"]] = tags
        result.articles += 1
        result.tagged += bool(tags)
        result.changed += _triples(tags) != before.get(article["id"], set())
        if len(batch) >= BATCH_SIZE:
            archive.retag_articles(batch)
            advance(len(batch))
            batch = {}
    archive.retag_articles(batch)
    advance(len(batch))
    return result


def _triples(tags: list[dict]) -> set[tuple[int, int | None]]:
    return {(t["series_id"], t["season"]) for t in tags}

"""`fanwire retag`: tag the archived articles again, after the catalog or its aliases changed.

The articles are read for the aliases they teach first (`pipelines.learned`, as a crawl stores
them), so that an article can be tagged by a name another one taught. The matcher is then built from the archive's catalog (series, entries and aliases, user aliases
included) exactly as a crawl builds it, and reads what a crawl's tagging reads (title, text and
publication date), so a retag gives an article the tags a crawl of it today would.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archive import Archive
from pipelines.catalog import from_records
from pipelines.learned import AliasLearner, learned_rows
from pipelines.tagging import SeriesMatcher, tag_rows

#: Articles whose tags are replaced per transaction.
BATCH_SIZE = 500


@dataclass
class RetagResult:
    articles: int = 0
    changed: int = 0
    tagged: int = 0
    learned: int = 0


def retag(archive: Archive, site: str | None, advance: Callable[[int], None]) -> RetagResult:
    """Learn the aliases every article (of `site`) teaches, then replace their series tags;
    `advance(n)` as articles are tagged."""
    result = RetagResult(learned=learn(archive, site))
    matcher = SeriesMatcher(from_records(archive.series_records()))
    before = archive.article_tags(site)
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


def learn(archive: Archive, site: str | None) -> int:
    """Add the aliases the articles (of `site`) teach; returns how many were new."""
    learner = AliasLearner(from_records(archive.series_records()))
    rows = [{**row, "article_id": article["id"]} for article in archive.article_texts(site)
            for row in learned_rows(learner.learn(article["text"] or ""))]
    return archive.learn_aliases(rows)


def _triples(tags: list[dict]) -> set[tuple[int, int | None]]:
    return {(t["series_id"], t["season"]) for t in tags}

"""An article's dedupe signature and series tags are made in its extraction process, the same as
the crawl's thread would make them, and the tag stage tags what extraction did not."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from pipelines.catalog import from_records
from pipelines.dedupe import Signature
from pipelines.extract import ExtractPipeline
from pipelines.state import ArchiveState
from pipelines.tagging import SeriesMatcher, TagPipeline, tag_rows
from scraper.items import ArticleItem
from scraper.spiders.fansite import FansiteSpider

AT = "2026-01-01T00:00:00+00:00"
PAGE = """<html><head><title>Oshi no Ko Season 2 premieres in July | Anime Wire</title></head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>Oshi no Ko Season 2 premieres in July</h1>
<p>The second season of the TV anime Oshi no Ko premieres on July 3, 2024, Doga Kobo announced on
Sunday, with the stage play arc that the manga's fifth and sixth volumes tell.</p>
<p>Ruby and Aqua return with the main cast, and a new key visual shows the Tokyo Blade stage.</p>
</article><footer>© Anime Wire</footer></body></html>"""


def crawler_for(db: Path, processes: int):
    crawler = get_crawler(FansiteSpider, {"FANWIRE_DB": str(db), "FANWIRE_EXTRACT_PROCESSES": processes,
                                          "FANWIRE_TEMPLATE_WARMUP": 0})
    crawler.stats = MemoryStatsCollector(crawler)
    return crawler


def article() -> ArticleItem:
    return ArticleItem(url="http://anime.test/news/oshi-no-ko-2/", final_url="http://anime.test/news/oshi-no-ko-2/",
                       status=200, headers={"Content-Type": "text/html; charset=utf-8"}, body=PAGE.encode(),
                       fetched_at=AT, site="anime.test")


@pytest.mark.parametrize("processes", [1, 0])
def test_extraction_tags_and_signs_an_article_as_the_crawl_thread_would(tmp_path, processes):
    crawler = crawler_for(tmp_path / "archive.db", processes)
    matcher = SeriesMatcher(from_records(ArchiveState.from_crawler(crawler).series))
    pipeline = ExtractPipeline.from_crawler(crawler)
    try:
        item = asyncio.run(pipeline.process_item(article()))
    finally:
        pipeline.pool.close()
    assert item.tagged
    assert item.series_tags == tag_rows(matcher.tag(item.title, item.text, item.published))
    assert [(matcher.series[t["series_id"]].title_ja, t["season"]) for t in item.series_tags] == [("【推しの子】", 2)]
    assert item.signature == Signature.of(item.text).to_record()


def test_the_tag_stage_tags_only_what_extraction_left_untagged(tmp_path):
    crawler = crawler_for(tmp_path / "archive.db", 0)
    stage = TagPipeline.from_crawler(crawler)
    untagged = article()
    untagged.title, untagged.text = "Oshi no Ko Season 2 premieres in July", "The anime returns with the stage play arc."
    tagged = article()
    tagged.title, tagged.text, tagged.tagged = untagged.title, untagged.text, True
    assert stage.process_item(untagged).series_tags
    assert stage.process_item(tagged).series_tags == []
    assert crawler.stats.get_value("fanwire/tag/articles_tagged") == 1
    assert crawler.stats.get_value("fanwire/tag/articles_untagged") == 1

"""The archive's state a crawl starts from: read once, by the first component built for the crawl,
and shared by every other; a fresh archive is set up with the shipped series catalog; redirects
left at the end of a crawl are settled as loops or as fetched redirects."""
from __future__ import annotations

from pathlib import Path

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from archive import Archive
from pipelines.dedupe import DedupePipeline
from pipelines.extract import ExtractPipeline
from pipelines.redirects import settle
from pipelines.state import ArchiveState
from pipelines.tagging import TagPipeline
from scraper.spiders.fansite import FansiteSpider

AT = "2026-01-01T00:00:00+00:00"


def archive_with_history(path: Path) -> None:
    """An archive one finished crawl left a listing's validator and a site template in."""
    archive = Archive(path)
    crawl_id = archive.start_crawl(["http://news.test/"], AT)
    archive.write_batch([], fetches=[{"url": "http://news.test/tag/a/", "site": "news.test", "kind": "listing",
                                      "status": 200, "etag": '"v1"', "fetched_at": AT, "crawl_id": crawl_id}],
                        templates=[{"site": "news.test", "pages": 8, "blocks": {"0123abcd": 8}}])
    archive.finish_crawl(crawl_id, AT, {"finish_reason": "finished"})
    archive.close()


def test_every_component_of_a_crawl_starts_from_one_reading_of_the_archive(tmp_path):
    db = tmp_path / "archive.db"
    archive_with_history(db)
    crawler = get_crawler(FansiteSpider, {"FANWIRE_DB": str(db), "FANWIRE_EXTRACT_PROCESSES": 0})
    spider = FansiteSpider.from_crawler(crawler, start_urls="http://news.test/")  # built before Scrapy sets stats
    crawler.stats = MemoryStatsCollector(crawler)
    db.rename(tmp_path / "moved.db")  # a stage that opened FANWIRE_DB again would find an empty archive
    extract, dedupe, tag = (cls.from_crawler(crawler) for cls in (ExtractPipeline, DedupePipeline, TagPipeline))
    try:
        assert ArchiveState.from_crawler(crawler) is crawler.fanwire_state
        assert spider.pages.plan.validators("http://news.test/tag/a/") == {"If-None-Match": '"v1"'}
        assert extract.templates["news.test"].pages == 8
        assert tag.matcher is not None
        assert len(dedupe.index) == 0
    finally:
        extract.pool.close()


def test_a_fresh_archive_is_given_the_shipped_catalog_when_a_crawl_reads_it(tmp_path):
    state = ArchiveState.read(str(tmp_path / "new.db"))
    archive = Archive(tmp_path / "new.db")
    try:
        assert len(state.series) == archive.series_stats()["series"] > 1000
    finally:
        archive.close()


def test_learned_templates_are_taken_by_the_store_once_and_the_newest_per_site():
    state = ArchiveState()
    state.learn_template({"site": "news.test", "pages": 8, "blocks": {}})
    state.learn_template({"site": "news.test", "pages": 9, "blocks": {}})
    assert state.take_templates() == [{"site": "news.test", "pages": 9, "blocks": {}}]
    assert state.take_templates() == []


def test_redirects_going_round_in_a_circle_are_loops_and_the_others_fetched_redirects():
    redirects = [{"url": "http://a.test/1", "target_url": "http://a.test/2", "status": 302, "at": AT},
                 {"url": "http://a.test/2", "target_url": "http://a.test/1", "status": 302, "at": AT},
                 {"url": "http://a.test/old", "target_url": "http://a.test/gone", "status": 301, "at": AT}]
    loops, fetched = settle(redirects, 7)
    assert {(e["url"], e["kind"], e["crawl_id"]) for e in loops} == {
        ("http://a.test/1", "redirect_loop", 7), ("http://a.test/2", "redirect_loop", 7)}
    assert [(f["url"], f["kind"], f["status"]) for f in fetched] == [("http://a.test/old", "redirect", 301)]

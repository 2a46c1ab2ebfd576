"""A callback that raises on a broken page becomes a recorded skip instead of a lost page."""
from scrapy.http import HtmlResponse, Request
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from scraper.items import CrawlErrorItem
from scraper.middlewares import RecordErrorsMiddleware
from scraper.spiders.fansite import FansiteSpider


def middleware():
    crawler = get_crawler(FansiteSpider, {"STATS_CLASS": MemoryStatsCollector})
    crawler.stats = MemoryStatsCollector(crawler)
    return RecordErrorsMiddleware.from_crawler(crawler), crawler.stats


def test_parse_exception_is_recorded_and_counted():
    mw, stats = middleware()
    response = HtmlResponse("http://news.test/broken/", body=b"<html><body>", request=Request("http://news.test/broken/"))
    (item,) = mw.process_spider_exception(response, ValueError("unexpected markup"))
    assert isinstance(item, CrawlErrorItem)
    assert (item.url, item.kind) == ("http://news.test/broken/", "parse_error")
    assert "ValueError: unexpected markup" in item.detail
    assert stats.get_value("fanwire/errors/parse_error") == 1


def test_http_errors_are_left_to_the_errback():
    mw, _ = middleware()
    response = HtmlResponse("http://news.test/x", status=404, request=Request("http://news.test/x"))
    assert mw.process_spider_exception(response, HttpError(response)) is None

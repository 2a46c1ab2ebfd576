"""The crawl's thresholds are one object: project settings take their defaults from it, and a
`-s FANWIRE_*` override (a string, as on the command line) reaches the field with its type."""
from __future__ import annotations

from dataclasses import fields

from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from scraper import settings as project_settings
from scraper.options import CrawlOptions
from scraper.spiders.fansite import FansiteSpider


def test_project_settings_hold_every_threshold_with_its_default():
    defaults = CrawlOptions()
    for f in fields(CrawlOptions):
        assert getattr(project_settings, f.metadata["setting"]) == getattr(defaults, f.name)


def test_overrides_are_read_with_the_fields_type():
    options = CrawlOptions.from_settings(Settings({"FANWIRE_MAX_SITEMAPS": "5", "FANWIRE_TEMPLATE_WAIT": "0.5"}))
    assert (options.sitemaps, options.template_wait) == (5, 0.5)
    assert options.sitemap_urls == CrawlOptions().sitemap_urls == 50000


def test_the_spider_reads_its_bounds_from_the_options():
    crawler = get_crawler(FansiteSpider, {"FANWIRE_MAX_LISTING_PAGES": "3", "FANWIRE_REVISIT_DAYS": "2",
                                          "FANWIRE_DB": ""})
    spider = FansiteSpider.from_crawler(crawler, start_urls="http://news.test/")
    assert spider.pages.bounds.revisit_days == 2.0
    assert spider.budget.max_pages == 3

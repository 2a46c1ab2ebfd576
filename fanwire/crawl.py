"""Run the `fansite` spider in this process with the project's settings (used by the CLI)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """scraper.settings plus command-line overrides, whatever the current directory is."""
    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    settings.update(overrides or {}, priority="cmdline")
    return settings


def parse_setting_options(pairs: Iterable[str]) -> dict[str, str]:
    """`NAME=VALUE` strings (like `scrapy -s`) as a dict; raises ValueError on a malformed one."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValueError(f"expected NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out


def run_crawl(start_urls: list[str], settings: Settings, sites_file: str | None = None) -> dict[str, Any]:
    """Crawl until done (blocks; the Twisted reactor can run once per process). Returns Scrapy's stats."""
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("fansite")
    process.crawl(crawler, start_urls=",".join(start_urls), sites=sites_file)
    process.start()
    return dict(crawler.stats.get_stats())

"""Run the `fansite` spider in this process with the project's settings (used by the CLI)."""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings


#: Stats Scrapy keeps of the exceptions downloads failed with, per exception type.
EXCEPTION_STATS = "downloader/exception_type_count/"


class NothingFetched(Exception):
    """Every request of the crawl failed: no server answered (refused, unresolved, timed out)."""


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
    stats = dict(crawler.stats.get_stats())
    if stats.get("downloader/request_count") and not stats.get("response_received_count"):
        raise NothingFetched(nothing_fetched(stats))
    return stats


def nothing_fetched(stats: dict[str, Any]) -> str:
    """Why a crawl got no response at all, in one line: what its requests failed with, and through
    which proxy, the usual culprit. (A worker that found its crawl's queue empty requested nothing:
    that is not a failure.)"""
    failed = {key.rsplit(".", 1)[-1]: n for key, n in stats.items() if key.startswith(EXCEPTION_STATS)}
    failures = ", ".join(f"{n} {name}" for name, n in sorted(failed.items()))
    proxy = os.environ.get("http_proxy") or os.environ.get("HTTP_PROXY")
    return (f"the crawl fetched nothing: all {stats['downloader/request_count']} requests failed"
            + (f" ({failures})" if failures else "") + (f" through http_proxy {proxy}" if proxy else ""))

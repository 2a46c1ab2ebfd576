"""`warcfile`: the page logic of a crawl (`scraper.pages`) run over captures read from WARC
files instead of over the network, so `fanwire import-warc` sends the same items through the same
pipelines (extraction, dedupe, tagging, store) as a crawl does. Nothing is requested: the
requests the page logic asks for are dropped.

Redirects become aliases and HTML pages are classified as articles or listings exactly as in a
crawl; other answers (errors, robots.txt, sitemaps, feeds, images) are counted and skipped.
"""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Headers, HtmlResponse, Response
from scrapy.responsetypes import responsetypes
from warcio.archiveiterator import ArchiveIterator

from scraper import discovery
from scraper.budget import FamilyBudget
from scraper.failures import parse_error
from scraper.items import ArticleItem, CrawlErrorItem, now_iso
from scraper.pages import REDIRECT_STATUSES, Callbacks, PageLogic
from scraper.options import CrawlOptions
from scraper.shapes import ShapeBudget
from scraper.warc import stamp
from archive.warc.reader import Capture, CaptureReader, Unreadable, check_length, describe_damage


class NoResponses(ValueError):
    """None of the WARC files holds an HTTP response (or none is a WARC file)."""


def first_url(paths: list[Path]) -> str:
    """The first HTTP response's URL in the files (no body is read): a start URL for the spider's
    bookkeeping. NoResponses says why each file had none."""
    damaged: dict[Path, str] = {}
    for path in paths:
        whole = 0
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            try:
                for record in records:
                    check_length(record, records.offset)
                    if record.rec_type == "response" and record.http_headers is not None:
                        return record.rec_headers.get_header("WARC-Target-URI").strip("<>")
                    whole += 1
            except Exception as exc:  # noqa: BLE001 - warcio's errors on damaged input, as in CaptureReader
                damaged[path] = describe_damage(path, exc, whole, records.offset)
    named = (f"{path}: {damaged[path]}" if path in damaged else str(path) for path in paths)
    raise NoResponses(f"no HTTP responses in {', '.join(named)}")


class WarcFileSpider(scrapy.Spider):
    name = "warcfile"
    pages: PageLogic  # set in from_crawler, as a crawl's, with no callbacks: nothing is requested
    families: FamilyBudget  # the page logic's, which the family budget middlewares read

    def __init__(self, files: str | list[str], advance: Callable[[int], None] | None = None, max_size: int = 0,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        paths = [Path(f) for f in (files.split(",") if isinstance(files, str) else files)]
        self.sites = {discovery.site_of(first_url(paths))}  # each capture's site joins when it is read
        self.start_urls = [p.resolve().as_uri() for p in paths]  # what the import's row in `crawls` names
        self.reader = CaptureReader(paths, advance or (lambda n: None), max_size)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> WarcFileSpider:
        """Bodies are held to the crawl's own download limit; listings to a crawl's budget."""
        settings = crawler.settings
        kwargs.setdefault("max_size", settings.getint("DOWNLOAD_MAXSIZE"))
        spider = super().from_crawler(crawler, *args, **kwargs)
        options = CrawlOptions.from_settings(settings)
        budget = ShapeBudget(options.max_listing_pages, options.barren_pages)
        spider.pages = PageLogic.from_crawler(crawler, spider.sites, budget, Callbacks(), spider.logger)
        spider.families = spider.pages.families
        return spider

    async def start(self) -> AsyncIterator[Any]:
        for capture in self.reader:
            if isinstance(capture, Unreadable):
                self.logger.warning("Skipped %s: %s", capture.url, capture.detail)
                yield CrawlErrorItem(url=capture.url, kind=capture.kind, detail=capture.detail, at=now_iso())
                continue
            for item in self.items(capture):
                yield item
        for reason, count in self.reader.skipped.items():
            self.crawler.stats.set_value(f"fanwire/import/skipped/{reason}", count)
        self.crawler.stats.set_value("fanwire/import/damaged_files", len(self.reader.damaged))

    def items(self, capture: Capture) -> Iterator[Any]:
        """What the page logic yields for this capture, minus requests."""
        stats = self.crawler.stats
        stats.inc_value("fanwire/import/responses")
        response = as_response(capture)
        if capture.status not in REDIRECT_STATUSES and not (200 <= capture.status < 300):
            stats.inc_value(f"fanwire/import/skipped/status_{capture.status}")
            return
        if capture.status not in REDIRECT_STATUSES and not isinstance(response, HtmlResponse):
            stats.inc_value("fanwire/import/skipped/not_html")
            return
        self.sites.add(discovery.site_of(capture.url))
        try:
            outputs = [o for o in self.pages.page(response) if not isinstance(o, scrapy.Request)]
        except Exception as exc:  # a capture that breaks the page logic is recorded, as in a crawl
            outputs = [parse_error(stats, response.url, exc)]
        for output in outputs:
            if isinstance(output, ArticleItem):
                output.fetched_at = capture.fetched_at
            yield stamp(output, capture.ref)


def as_response(capture: Capture) -> Response:
    """The Scrapy response the downloader would have produced, with the capture's metadata
    (a sitemap lastmod fanwire recorded) in its request's meta."""
    headers = Headers()
    for name, value in capture.headers:
        headers.appendlist(name, value)
    cls = responsetypes.from_args(headers=headers, url=capture.url, body=capture.body)
    meta = {"sitemap_lastmod": capture.fields["sitemap-lastmod"]} if "sitemap-lastmod" in capture.fields else {}
    return cls(url=capture.url, status=capture.status, headers=headers, body=capture.body,
               request=scrapy.Request(capture.url, meta=meta))

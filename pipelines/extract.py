"""The extract stage: pages go to the extraction processes (`pipelines.pool`), which run
`pipelines.extractor` on them, while the site templates they need are learned here, in the crawl.
"""
from __future__ import annotations

import logging
from collections import defaultdict

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.base import DelayedCall
from twisted.internet.defer import Deferred

from pipelines.extractor import NoArticleText, digest_task, extract_task
from pipelines.pool import ExtractionPool
from pipelines.state import ArchiveState
from pipelines.template import SiteTemplate
from scraper.items import ArticleItem
from scraper.options import CrawlOptions

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Fill the article fields of an `ArticleItem`; drop pages with no body text.

    A site's first `FANWIRE_TEMPLATE_WARMUP` pages wait (without blocking the crawl) until its
    template has seen that many documents, or until no new page of the site has come for
    `FANWIRE_TEMPLATE_WAIT` seconds, so that they are extracted with the template as well.
    Templates start from the archive's (`ArchiveState`), and those learned go to the store stage
    through it.
    """

    def __init__(self, crawler: Crawler, warmup_pages: int, wait: float, processes: int, state: ArchiveState) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.warmup_pages = warmup_pages
        self.wait = wait
        self.pool = ExtractionPool(processes)
        self.state = state
        self.templates = {record["site"]: SiteTemplate.from_record(record) for record in state.templates}
        self.waiting: dict[str, list[Deferred]] = defaultdict(list)
        self.timers: dict[str, DelayedCall] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        settings = crawler.settings
        processes = settings.getint("FANWIRE_EXTRACT_PROCESSES", -1)
        options = CrawlOptions.from_crawler(crawler)
        pipeline = cls(crawler, options.template_warmup, options.template_wait,
                       ExtractionPool.default_size() if processes < 0 else processes,
                       ArchiveState.from_crawler(crawler))
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.stats.set_value("fanwire/extract/processes", self.pool.processes)
        logger.info("Extracting in %s", f"{self.pool.processes} processes" if self.pool.processes else "the crawl's thread")

    async def process_item(self, item: object) -> object:
        if not isinstance(item, ArticleItem):
            return item
        content_type = item.headers.get("Content-Type")
        template = self.templates.setdefault(item.site, SiteTemplate(item.site))
        try:
            if template.pages < self.warmup_pages:
                template.observe_digests(*await self.pool.run(digest_task, item.body, item.final_url, content_type,
                                                                    item.encoding))
                if template.pages < self.warmup_pages:
                    await maybe_deferred_to_future(self._warm_up(item.site))
                else:
                    self._release(item.site)
            document, digests, extracted = await self.pool.run(
                extract_task, item.body, item.final_url, content_type, item.encoding, item.site, template.chrome,
                item.fetched_at)
            template.observe_digests(document, digests)
        except NoArticleText as exc:
            self.stats.inc_value("fanwire/extract/empty")
            raise DropItem(str(exc)) from exc
        except Exception as exc:  # one page that breaks extraction must not stop the crawl or vanish
            self.stats.inc_value("fanwire/extract/failed")
            logger.exception("Extraction failed on %s", item.final_url)
            raise DropItem(f"extraction failed on {item.final_url}: {exc!r}") from exc
        adapter = ItemAdapter(item)
        for name, value in vars(extracted).items():
            adapter[name] = value
        self.stats.inc_value("fanwire/extract/ok")
        if template.pages == self.warmup_pages:
            self._save(template)
        return item

    def _warm_up(self, site: str) -> Deferred:
        from twisted.internet import reactor  # the one Scrapy installed; importing it earlier would install another

        waiter: Deferred = Deferred()
        self.waiting[site].append(waiter)
        if site in self.timers and self.timers[site].active():
            self.timers[site].reset(self.wait)
        else:
            self.timers[site] = reactor.callLater(self.wait, self._release, site)
        return waiter

    def _release(self, site: str) -> None:
        timer = self.timers.pop(site, None)
        if timer is not None and timer.active():
            timer.cancel()
        for waiter in self.waiting.pop(site, []):
            waiter.callback(None)

    def _save(self, template: SiteTemplate) -> None:
        self.state.learn_template(template.to_record())

    def close_spider(self) -> None:
        for site in list(self.waiting):
            self._release(site)

    def spider_closed(self) -> None:
        self.pool.close()
        for template in self.templates.values():
            if template.pages:
                self._save(template)

"""The archive's state a crawl starts from, read once, before anything is fetched.

Every stage takes what it needs of it in its `from_crawler`: the spider the URLs earlier crawls
know (`url_states`, `alias_urls`), extraction the site templates, dedupe the story signatures,
tagging and the store's alias learner the series catalog. None of them opens the archive to read
it, and only the store stage writes to it. What a stage learns for the archive flows forward the
same way: extraction hands the site templates it learned to `learn_template`, and the store stage
writes what `take_templates` gives it.

Scrapy builds the spider first, then the extensions and the pipelines; whichever asks first
(`ArchiveState.from_crawler`) reads the archive, and the others get the same object, kept on the
crawler as `crawler.fanwire_state`. Opening the archive sets it up (migrations, and the shipped
series catalog when it has none, `pipelines.catalog.seed`). The bulky records are dropped when
the spider opens, by which time every stage has built its own structures from them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from archive import Archive
from pipelines.catalog import seed


@dataclass
class ArchiveState:
    """What earlier crawls left in the archive, as the stages read it, plus the templates this
    crawl learned and the store has not written yet."""

    templates: list[dict[str, Any]] = field(default_factory=list)  # `site_templates` records
    signatures: list[dict[str, Any]] = field(default_factory=list)  # `article_signatures` rows
    alias_urls: set[str] = field(default_factory=set)  # URLs that stand for an archived article
    url_states: list[dict[str, Any]] = field(default_factory=list)  # `Archive.url_states` records
    series: list[dict[str, Any]] = field(default_factory=list)  # the catalog, `Archive.series_records`
    learned: dict[str, dict[str, Any]] = field(default_factory=dict)  # per site, a template to save

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveState:
        """The crawl's state: read from FANWIRE_DB by the first component that asks (an empty
        state when FANWIRE_DB is empty, a crawl that archives nothing)."""
        state = getattr(crawler, "fanwire_state", None)
        if state is None:
            db_path = crawler.settings.get("FANWIRE_DB")
            state = cls.read(db_path) if db_path else cls()
            crawler.fanwire_state = state
            crawler.signals.connect(state.release, signal=signals.spider_opened)
        return state

    @classmethod
    def read(cls, db_path: str) -> ArchiveState:
        archive = Archive(db_path)
        try:
            seed(archive)
            return cls(templates=archive.templates(), signatures=list(archive.signatures()),
                       alias_urls=archive.alias_urls(), url_states=list(archive.url_states()),
                       series=archive.series_records())
        finally:
            archive.close()

    def release(self) -> None:
        """Drop the records the stages have built their own structures from (the recrawl plan,
        the story index, the matchers): a crawl should not hold the archive twice."""
        self.templates, self.signatures, self.url_states, self.series = [], [], [], []
        self.alias_urls = set()

    def learn_template(self, record: dict[str, Any]) -> None:
        """A site template extraction learned, for the store stage to save (the newest per site)."""
        self.learned[record["site"]] = record

    def take_templates(self) -> list[dict[str, Any]]:
        """The templates learned since the last call: the store stage writes them with its batch."""
        taken, self.learned = list(self.learned.values()), {}
        return taken

"""`fanwire import-warc`: build or extend an archive from WARC files, through the crawl's own
pipelines (extraction, dedupe, tagging, store) and nothing else: the `warcfile` spider reads the
captures and never touches the network.

Importing is idempotent: each file is known by its SHA-256 in `warc_imports`, and a file
imported before is skipped, so importing the same files twice changes nothing. A file that could
not be read whole (truncated, damaged, not a WARC file) is not recorded there: what it held is
imported, and the file can be imported again, or its complete copy.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess

from archive import Archive
from archive.warc.imports import file_sha256, imported_digests, record_imports
from fanwire.crawl import project_settings


@dataclass
class ImportPlan:
    """The files to import, and those skipped because the archive already has them."""

    files: list[dict[str, Any]] = field(default_factory=list)
    already: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(f["size"] for f in self.files)


def plan(db: str, paths: list[str]) -> ImportPlan:
    """Which of `paths` are new to the archive at `db` (a file given twice counts once)."""
    archive = Archive(db)
    known = imported_digests(archive)
    archive.close()
    result = ImportPlan()
    for path in paths:
        digest = file_sha256(path)
        if digest in known:
            result.already.append(path)
        else:
            known.add(digest)
            file = Path(path).resolve()
            result.files.append({"sha256": digest, "path": str(file), "size": file.stat().st_size})
    return result


@dataclass
class ImportResult:
    """Scrapy's stats of the import, and the files not read whole, with the reason for each."""

    stats: dict[str, Any]
    damaged: dict[str, str]


def run_import(db: str, todo: ImportPlan, overrides: dict[str, Any], advance: Callable[[int], None]) -> ImportResult:
    """Send every capture of the planned files through the pipelines into `db` (blocks; once per
    process, like a crawl), then record the files read whole as imported."""
    settings = project_settings({**overrides, "FANWIRE_DB": db, "FANWIRE_WARC": ""})
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("warcfile")
    process.crawl(crawler, files=[f["path"] for f in todo.files], advance=advance)
    process.start()
    stats = dict(crawler.stats.get_stats())
    damaged = dict(crawler.spider.reader.damaged) if crawler.spider else {}
    whole = [{**f, "crawl_id": stats.get("fanwire/crawl_id")} for f in todo.files if f["path"] not in damaged]
    if stats.get("finish_reason") == "finished" and whole:
        archive = Archive(db)
        record_imports(archive, whole)
        archive.close()
    return ImportResult(stats, damaged)

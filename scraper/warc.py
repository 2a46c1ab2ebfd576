"""WARC capture: every HTTP exchange of a crawl written as WARC/1.1 records with warcio, so what a
page looked like can be proven, replayed (pywb, ReplayWeb.page) and imported again.

Each response becomes one capture group, in Heritrix's order: the response (or a revisit), the
request that asked for it, and a metadata record with the crawl id, all with the same WARC-Date.
Every record is its own gzip member. A group is never split across files: once a file reaches
`FANWIRE_WARC_MAX_SIZE` the next group opens a new one, which starts with a warcinfo record
naming fanwire and its settings. A 304 is a `server-not-modified` revisit; a non-empty payload
identical to one captured earlier in the crawl is an `identical-payload-digest` revisit that
refers to the first capture. Where a page's group lies (file, offset, length) travels in
`request.meta` to the spider's items and from there to the `pages` table.
"""
from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterable, Iterator
from http import HTTPStatus
from io import BytesIO
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from warcio.recordbuilder import RecordBuilder
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from archive.dates import utc_now
from archive.warc.records import PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED, CaptureRef, payload_digest
from scraper.items import ArticleItem
from scraper.options import CrawlOptions

#: request.meta key holding the `CaptureRef` of the response's capture group.
META_KEY = "fanwire_warc"
WARC_VERSION = "1.1"
CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
#: Scrapy settings that shape what a crawl fetched, named in each file's warcinfo beside every FANWIRE_* one.
INFO_SETTINGS = ("USER_AGENT", "ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
                 "DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "DOWNLOAD_MAXSIZE", "DEPTH_LIMIT", "RETRY_TIMES")
#: Hop-by-hop framing the downloader has already undone: the recorded body is de-chunked.
UNRECORDED_HEADERS = {"transfer-encoding"}


class WarcFiles:
    """Capture groups appended to gzipped WARC files in one directory, rotated at a size limit.

    Files are named `fanwire-<crawl start>-<serial>-<pid>.warc.gz`, so sorting them by name
    sorts them in the order they were written."""

    def __init__(self, directory: Path, max_size: int, info: dict[str, str]) -> None:
        self.directory = directory
        self.max_size = max_size
        self.info = info
        self.prefix = f"fanwire-{utc_now():%Y%m%d%H%M%S}"
        self.serial = 0
        self.file: Any = None
        self.path: Path | None = None
        self.writer: WARCWriter | None = None
        self.bytes_written = 0

    def write(self, records: Iterable[ArcWarcRecord]) -> CaptureRef:
        """Append one capture group (its records in order) and say where it is."""
        if self.file is None or self.file.tell() >= self.max_size:
            self._rotate()
        offset = self.file.tell()
        for record in records:
            self.writer.write_record(record)
        self.bytes_written += self.file.tell() - offset
        return CaptureRef(str(self.path), offset, self.file.tell() - offset)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def _rotate(self) -> None:
        self.close()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.serial += 1
        self.path = (self.directory / f"{self.prefix}-{self.serial:05d}-{os.getpid()}.warc.gz").resolve()
        self.file = open(self.path, "xb")
        self.writer = WARCWriter(self.file, gzip=True, warc_version=WARC_VERSION)
        self.writer.write_record(self.writer.create_warcinfo_record(self.path.name, self.info))


class WarcCaptureMiddleware:
    """Downloader middleware that writes every response it sees, with its request, as WARC.

    Placed between the downloader and `HttpCompressionMiddleware`, it records bodies as they came
    over the wire (still gzip-encoded when the server encoded them), every redirect hop and every
    retried answer: one response or revisit record per response Scrapy's downloader received."""

    def __init__(self, crawler: Crawler, files: WarcFiles) -> None:
        self.stats = crawler.stats
        self.files = files
        self.records = RecordBuilder(warc_version=WARC_VERSION)
        self.crawl_id: int | None = None
        self.first_capture: dict[str, tuple[str, str, str]] = {}  # payload digest -> (record id, uri, date)
        self.last_capture: dict[str, tuple[str, str]] = {}  # URL -> (record id, date) of its latest 2xx

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        directory = crawler.settings.get("FANWIRE_WARC")
        if not directory:
            raise NotConfigured  # off by default: without a reason, Scrapy does not warn on every crawl
        files = WarcFiles(Path(directory), CrawlOptions.from_crawler(crawler).warc_max_size,
                          warcinfo_fields(crawler))
        middleware = cls(crawler, files)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        """The store stage has opened the crawl's row by now: name the crawl in every warcinfo."""
        self.crawl_id = self.stats.get_value("fanwire/crawl_id")
        self.files.info["isPartOf"] = f"fanwire crawl {self.crawl_id}"

    def process_response(self, request: Request, response: Response) -> Response:
        date = datetime_to_iso_date(utc_now().replace(tzinfo=None), use_micros=True)
        first = self._response_record(request, response, date)
        record_id = first.rec_headers.get_header("WARC-Record-ID")
        group = [first, self._request_record(request, date, record_id),
                 self._metadata_record(request, response, date, record_id)]
        request.meta[META_KEY] = self.files.write(group)
        for record in group:
            self.stats.inc_value(f"fanwire/warc/records/{record.rec_type}")
        self.stats.set_value("fanwire/warc/files", self.files.serial)
        self.stats.set_value("fanwire/warc/bytes", self.files.bytes_written)
        return response

    def spider_closed(self) -> None:
        self.files.close()

    def _response_record(self, request: Request, response: Response, date: str) -> ArcWarcRecord:
        """A response record, or a revisit for a 304 or for a payload already captured."""
        http = StatusAndHeaders(_status_line(response.status), list(_header_pairs(response.headers)),
                                protocol=response.protocol or "HTTP/1.1")
        headers = {"WARC-Date": date}
        if response.ip_address is not None:
            headers["WARC-IP-Address"] = str(response.ip_address)
        if "dataloss" in response.flags:
            headers["WARC-Truncated"] = "unspecified"
        if response.status == 304:
            earlier = self.last_capture.get(request.url)
            headers |= {"WARC-Profile": PROFILE_NOT_MODIFIED, "WARC-Refers-To-Target-URI": request.url}
            if earlier:
                headers |= {"WARC-Refers-To": earlier[0], "WARC-Refers-To-Date": earlier[1]}
            return self.records.create_warc_record(request.url, "revisit", http_headers=http, warc_headers_dict=headers)
        digest = payload_digest(response.body)
        original = self.first_capture.get(digest) if response.body else None
        if original:
            headers |= {"WARC-Profile": PROFILE_IDENTICAL, "WARC-Refers-To": original[0],
                        "WARC-Refers-To-Target-URI": original[1], "WARC-Refers-To-Date": original[2],
                        "WARC-Payload-Digest": digest}
            record = self.records.create_warc_record(request.url, "revisit", http_headers=http,
                                                     warc_headers_dict=headers)
        else:
            headers["WARC-Payload-Digest"] = digest
            record = self.records.create_warc_record(request.url, "response", payload=BytesIO(response.body),
                                                     length=len(response.body), http_headers=http,
                                                     warc_headers_dict=headers)
            self.first_capture.setdefault(digest, (record.rec_headers.get_header("WARC-Record-ID"), request.url, date))
        if 200 <= response.status < 300:
            self.last_capture[request.url] = (record.rec_headers.get_header("WARC-Record-ID"), date)
        return record

    def _request_record(self, request: Request, date: str, concurrent_to: str) -> ArcWarcRecord:
        url = urlsplit(request.url)
        target = (url.path or "/") + (f"?{url.query}" if url.query else "")
        pairs = [("Host", url.netloc), *_header_pairs(request.headers)]
        http = StatusAndHeaders(f"{request.method} {target} HTTP/1.1", pairs, is_http_request=True)
        return self.records.create_warc_record(
            request.url, "request", payload=BytesIO(request.body), length=len(request.body), http_headers=http,
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": concurrent_to})

    def _metadata_record(self, request: Request, response: Response, date: str, concurrent_to: str) -> ArcWarcRecord:
        fields = {"crawl-id": self.crawl_id,
                  "via": request.headers.get("Referer", b"").decode("latin-1"),
                  "hopsFromSeed": request.meta.get("depth"),
                  "fetchTimeMs": round(1000 * request.meta["download_latency"])
                  if "download_latency" in request.meta else None,
                  "sitemap-lastmod": request.meta.get("sitemap_lastmod")}
        body = "".join(f"{k}: {v}\r\n" for k, v in fields.items() if v not in (None, "")).encode("utf-8")
        return self.records.create_warc_record(
            response.url, "metadata", payload=BytesIO(body), length=len(body),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": concurrent_to})


class WarcRefMiddleware:
    """Spider middleware that gives each article item the place of its page's capture, so the
    store stage records it in `pages` and Datasette can link an article to its WARC record."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRefMiddleware:
        if not crawler.settings.get("FANWIRE_WARC"):
            raise NotConfigured  # off with WARC capture, silently like it
        return cls()

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        for output in result:
            yield stamp(output, response.meta.get(META_KEY))

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            yield stamp(output, response.meta.get(META_KEY))


def stamp(output: Any, ref: CaptureRef | None) -> Any:
    """`output` with the capture's place when it is an article item and there is a capture."""
    if isinstance(output, ArticleItem) and ref is not None:
        output.warc_file, output.warc_offset, output.warc_length = ref.file, ref.offset, ref.length
    return output


def warcinfo_fields(crawler: Crawler) -> dict[str, str]:
    """What each file's warcinfo record says: the software, the format, and the crawl's settings."""
    settings = crawler.settings
    named = {name: settings.get(name) for name in sorted(settings) if name.startswith("FANWIRE_")}
    named |= {name: settings.get(name) for name in INFO_SETTINGS}
    return {
        "software": f"fanwire/{version('fanwire')} (warcio/{version('warcio')}; Scrapy/{version('scrapy')})",
        "format": f"WARC File Format {WARC_VERSION}",
        "conformsTo": CONFORMS_TO,
        "isPartOf": "fanwire crawl",
        "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        "http-header-user-agent": settings.get("USER_AGENT"),
        "fanwire-settings": json.dumps(named, sort_keys=True, default=str),
    }


def _status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _header_pairs(headers: Any) -> Iterator[tuple[str, str]]:
    for name, values in headers.items():
        key = name.decode("latin-1")
        if key.lower() not in UNRECORDED_HEADERS:
            for value in values:
                yield key, value.decode("latin-1")

"""Keep the crawl log to one line per failed download: a server that does not answer is the
ordinary web, not a bug, and a traceback of it buries the line that says what happened.

Scrapy's RobotsTxtMiddleware logs a robots.txt it could not download with the exception's
traceback (two, chained, for a refused connection), after the retry middleware has already said
why in one line; the page's own failure is then recorded in `crawl_errors`. This extension keeps
the middleware's line and drops the traceback, for `fanwire crawl` and `scrapy crawl` alike.
"""
from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    ResponseDataLossError,
)

#: What a download fails with when the network or the server does not answer.
DOWNLOAD_ERRORS = (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                   DownloadFailedError, DownloadTimeoutError, ResponseDataLossError)
ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"


class OneLineDownloadErrors(logging.Filter):
    """A log filter, installed as an extension, that strips download errors' tracebacks."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OneLineDownloadErrors:
        quiet = cls()
        logging.getLogger(ROBOTS_LOGGER).addFilter(quiet)
        return quiet

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], DOWNLOAD_ERRORS):
            record.exc_info = None
            record.exc_text = None
        return True

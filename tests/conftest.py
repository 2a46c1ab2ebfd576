"""Shared fixtures: the demo world served on 127.0.0.1 and one real crawl of it.

Crawls run `python -m fanwire crawl` (or `scrapy crawl`) in a subprocess, through Scrapy's real
engine and downloader, to the demo server that this process runs on a loopback port.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from fanwire.demo import DemoWorld, start_server
from tests.helpers import fanwire

#: Small enough to crawl in seconds, big enough for pagination, sitemaps and feeds to matter.
ARTICLES_PER_SITE = 8


@dataclass
class Crawl:
    db: Path
    requests: list[tuple[str, str, int]]
    stderr: str


@pytest.fixture(scope="session")
def world() -> DemoWorld:
    return DemoWorld(seed=7, articles_per_site=ARTICLES_PER_SITE)


@pytest.fixture(scope="session")
def truth(world) -> dict[str, dict]:
    return {t["url"]: t for t in world.truth()}


@pytest.fixture(scope="session")
def server(world):
    with start_server(world) as srv:
        yield srv


@pytest.fixture(scope="session")
def crawl(world, server, tmp_path_factory) -> Crawl:
    db = tmp_path_factory.mktemp("crawl") / "archive.db"
    server.reset_log()
    result = fanwire("crawl", *world.start_urls(), "--db", str(db), proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr[-3000:]
    return Crawl(db, server.requests(), result.stderr)


@pytest.fixture(scope="session")
def library(crawl, tmp_path_factory) -> Path:
    """The demo crawl plus a second, real crawl of the XSS bait site (tests/xss_site.py) into a copy."""
    import sqlite3
    from contextlib import closing

    from tests.xss_site import HOST, serve_xss_site

    db = tmp_path_factory.mktemp("library") / "archive.db"
    with closing(sqlite3.connect(crawl.db)) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
    with serve_xss_site() as proxy:
        result = fanwire("crawl", f"http://{HOST}/", "--db", str(db), "-s", "FANWIRE_TEMPLATE_WARMUP=1", proxy=proxy)
    assert result.returncode == 0, result.stderr[-3000:]
    return db

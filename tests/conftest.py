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

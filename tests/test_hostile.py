"""The hostile web (tests/hostile_site.py) crawled through the real engine: nothing lost, nothing
hijacked, nothing unbounded. `bench/hostile.py` prints the same figures."""
from __future__ import annotations

import pytest

from tests.hostile_check import Report, crawl, judge

#: Requests the whole crawl may make: the pages planted (about 50), their retries, and the
#: bounded part of the link flood; the flood's 200,000 links must not be followed.
MAX_REQUESTS = 600
MAX_RSS_MB = 600


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    db = tmp_path_factory.mktemp("hostile") / "archive.db"
    watched, site = crawl(db)
    return judge(db, watched, site)


def test_the_crawl_finishes_within_bounded_requests_and_never_leaves_the_sites(report):
    assert report.exit_code == 0, report.stderr_tail
    assert report.off_site == []
    assert report.requests <= MAX_REQUESTS


def test_every_ordinary_article_is_archived_exactly(report):
    assert report.wrong == []
    assert report.archived_exactly == report.normal


def test_nothing_is_hijacked(report):
    assert report.hijacked == []


def test_every_attack_is_recorded_in_crawl_errors(report):
    assert report.unrecorded == []
    assert report.recorded == report.attacks


def test_the_process_tree_stays_under_600_mb(report):
    assert report.peak_rss_mb <= MAX_RSS_MB

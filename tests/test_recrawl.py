"""The recrawl plan's rules on their own: what a crawl may skip given what earlier crawls saw."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from scraper.politeness import parse_retry_after
from scraper.recrawl import RecrawlPlan, UrlState, parse_date

NOW = datetime(2025, 6, 1, tzinfo=timezone.utc)
SITEMAP = "http://news.test/post-sitemap.xml"


def article(path: str, lastmod: str | None = "2025-05-01T10:00:00+00:00", **extra: object) -> UrlState:
    url = f"http://news.test{path}"
    return UrlState(url=url, site="news.test", kind="article", status=200, etag='"e"', lastmod=lastmod,
                    fetched_at="2025-05-20T00:00:00+00:00", article_url=url,
                    listed_in=json.dumps([SITEMAP]), **extra)


def plan(*states: UrlState, recheck_days: float = 7, revisit_days: float = 30) -> RecrawlPlan:
    return RecrawlPlan(states, timedelta(days=recheck_days), timedelta(days=revisit_days), now=NOW)


def test_parse_date_reads_iso_and_http_dates():
    assert parse_date("2025-05-01T10:00:00Z") == datetime(2025, 5, 1, 10, tzinfo=timezone.utc)
    assert parse_date("Thu, 01 May 2025 10:00:00 GMT") == datetime(2025, 5, 1, 10, tzinfo=timezone.utc)
    assert parse_date("2025-05-01") == datetime(2025, 5, 1, tzinfo=timezone.utc)
    assert parse_date("soon") is None and parse_date(None) is None


def test_listed_article_is_fetched_only_when_newer_or_unknown():
    p = plan(article("/a/"))
    assert not p.listed("http://news.test/a/", "2025-05-01T10:00:00+00:00")
    assert not p.listed("http://news.test/a/", "2025-04-01")
    assert not p.listed("http://news.test/a/", None)
    assert p.listed("http://news.test/a/", "2025-05-02T00:00:00+00:00")
    assert p.listed("http://news.test/new/", None)


def test_listed_article_without_a_stored_lastmod_compares_its_modified_date():
    p = plan(article("/a/", lastmod=None, modified="2025-05-03T00:00:00+00:00"))
    assert not p.listed("http://news.test/a/", "2025-05-03T00:00:00+00:00")
    assert p.listed("http://news.test/a/", "2025-05-04T00:00:00+00:00")


def test_gone_or_failed_url_listed_again_is_fetched():
    gone = UrlState(url="http://news.test/g/", site="news.test", kind="gone", status=410,
                    fetched_at="2025-05-31T00:00:00+00:00")
    failed = UrlState(url="http://news.test/f/", site="news.test", kind="error", fetched_at="2025-05-31T00:00:00+00:00")
    p = plan(article("/a/"), gone, failed)
    assert p.listed("http://news.test/g/", None) and p.listed("http://news.test/f/", None)


def test_validators_only_for_bodies_read_before():
    listing = UrlState(url="http://news.test/", site="news.test", kind="listing", last_modified="Thu, 01 May 2025 10:00:00 GMT")
    failed = UrlState(url="http://news.test/x/", site="news.test", kind="error", status=500, etag='"z"')
    p = plan(article("/a/"), listing, failed)
    assert p.validators("http://news.test/a/") == {"If-None-Match": '"e"'}
    assert p.validators("http://news.test/") == {"If-Modified-Since": "Thu, 01 May 2025 10:00:00 GMT"}
    assert p.validators("http://news.test/x/") == {} and p.validators("http://news.test/new/") == {}


def test_documents_of_a_killed_crawl_are_read_afresh():
    killed = UrlState(url=SITEMAP, site="news.test", kind="sitemap", etag='"s"', lastmod="2025-05-01",
                      complete=False)
    p = plan(article("/a/"), killed)
    assert p.validators(SITEMAP) == {} and p.sitemap_changed(SITEMAP, "2025-05-01")
    done = plan(article("/a/"), UrlState(url=SITEMAP, site="news.test", kind="sitemap", lastmod="2025-05-01"))
    assert not done.sitemap_changed(SITEMAP, "2025-05-01") and done.sitemap_changed(SITEMAP, "2025-05-02")


def test_links_on_a_recrawl_skip_known_pages_and_article_less_families():
    tags = [UrlState(url=f"http://news.test/tag/t{i}/", site="news.test", kind="listing") for i in range(3)]
    dead = [UrlState(url=f"http://news.test/forum/t{i}/", site="news.test", kind="error", status=404,
                     fetched_at="2025-05-31T00:00:00+00:00") for i in range(3)]
    p = plan(article("/a/"), *tags, *dead)
    assert not p.follow("http://news.test/a/", deeper=True)
    assert p.follow("http://news.test/b/", deeper=False)
    assert not p.follow("http://news.test/tag/t0/", deeper=False) and p.follow("http://news.test/tag/t0/", deeper=True)
    assert not p.follow("http://news.test/tag/new-tag/", deeper=False)
    assert not p.follow("http://news.test/forum/new-thread/", deeper=True)
    assert not p.follow("http://news.test/forum/t1/", deeper=True)
    assert p.follow("http://other.test/anything/", deeper=False)
    later = plan(article("/a/"), *dead, recheck_days=0.5)
    assert later.follow("http://news.test/forum/t1/", deeper=False)


def test_listing_showing_an_archived_article_goes_no_deeper():
    p = plan(article("/a/"))
    assert p.shows_known_article(["http://news.test/new/", "http://news.test/a/"])
    assert not p.shows_known_article(["http://news.test/new/", "http://news.test/tag/x/"])
    killed = plan(article("/a/", complete=False))  # a killed crawl archives in no order: read deeper
    assert not killed.shows_known_article(["http://news.test/new/", "http://news.test/a/"])


def test_revisits_articles_a_reread_sitemap_dropped_and_stale_ones_elsewhere():
    other = UrlState(url="http://blog.test/old/", site="blog.test", kind="article", status=200,
                     fetched_at="2025-03-01T00:00:00+00:00", article_url="http://blog.test/old/")
    fresh = UrlState(url="http://blog.test/new/", site="blog.test", kind="article", status=200,
                     fetched_at="2025-05-30T00:00:00+00:00", article_url="http://blog.test/new/")
    p = plan(article("/kept/"), article("/dropped/"), article("/fetched/"), other, fresh)
    assert p.revisits(set()) == ["http://blog.test/old/"]  # news.test's sitemap was not read this crawl
    p.sitemap_answered(SITEMAP, read=True)
    p.listed("http://news.test/kept/", None, SITEMAP)
    assert p.revisits({"http://news.test/fetched/"}) == ["http://blog.test/old/", "http://news.test/dropped/"]


def test_unchanged_sitemap_revisits_nothing():
    p = plan(article("/a/"), article("/b/"))
    p.sitemap_answered(SITEMAP, read=False)
    assert p.revisits(set()) == []


def test_retry_after_in_seconds_or_as_a_date():
    assert parse_retry_after(b"120") == 120.0
    assert parse_retry_after(b"Thu, 01 Jan 1970 00:00:00 GMT") == 0.0
    assert parse_retry_after(b"later") is None and parse_retry_after(None) is None


def test_changed_sitemap_is_explained_when_other_sitemaps_listed_its_articles_anew():
    month = "http://news.test/archive-2025-05.xml"
    a = UrlState(url="http://news.test/a/", site="news.test", kind="article", lastmod="2025-05-01",
                 listed_in=json.dumps([month, SITEMAP]), article_url="http://news.test/a/")
    b = UrlState(url="http://news.test/b/", site="news.test", kind="article", lastmod="2025-05-02",
                 listed_in=json.dumps([month]), article_url="http://news.test/b/")
    p = plan(a, b)
    p.listed("http://news.test/a/", "2025-05-20", SITEMAP)
    assert not p.sitemap_explained(month, "2025-05-20")  # b was not listed again: read the month
    p.listed("http://news.test/b/", "2025-05-02", SITEMAP)
    assert p.sitemap_explained(month, "2025-05-20")
    assert not p.sitemap_explained(month, "2025-05-21")  # something newer than what was seen changed it


def test_changed_sitemap_of_listing_pages_only_is_explained():
    categories = "http://news.test/category-sitemap.xml"
    listing = UrlState(url="http://news.test/category/news/", site="news.test", kind="listing",
                       listed_in=json.dumps([categories]))
    assert plan(article("/a/"), listing).sitemap_explained(categories, "2025-05-20")


def test_url_a_killed_crawl_only_saw_listed_is_unknown():
    listed_only = UrlState(url="http://news.test/b/", site="news.test", lastmod="2025-05-01",
                           listed_in=json.dumps([SITEMAP]), complete=False)
    p = plan(article("/a/"), listed_only)
    assert p.listed("http://news.test/b/", "2025-05-01") and p.follow("http://news.test/b/", deeper=False)

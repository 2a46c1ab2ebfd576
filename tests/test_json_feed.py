"""A site whose only feed is a JSON Feed (`application/feed+json`): its items are read like an
RSS or Atom feed's entries, and a crawl finds the articles only that feed lists."""
from __future__ import annotations

import json

from scraper import feeds
from tests.hijack_site import article, crawl, query, story
from tests.proxy_site import Answer, ProxySite, serve

BASE = "http://jsonfeed.test/"


def json_feed(items: list[dict]) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "News",
                       "home_page_url": BASE, "items": items}).encode()


def test_json_feed_items_are_feed_entries_with_their_modified_date():
    body = b"\xef\xbb\xbf\n" + json_feed([
        {"id": "1", "url": "http://news.test/a/", "date_published": "2025-05-01T10:00:00Z",
         "date_modified": "2025-05-03T08:00:00Z"},
        {"id": "2", "url": "http://news.test/b/", "date_published": "2025-05-02T10:00:00Z"},
        {"id": "3", "external_url": "http://elsewhere.test/c/"},
        {"id": "4", "url": 7},
        "not an item",
    ])
    assert list(feeds.feed_entries(body)) == [("http://news.test/a/", "2025-05-03T08:00:00Z"),
                                                  ("http://news.test/b/", None)]


def test_a_body_that_is_not_a_json_feed_yields_nothing():
    assert list(feeds.feed_entries(b'{"items": "none"')) == []
    assert list(feeds.feed_entries(b'{"title": "no items"}')) == []


def test_a_crawl_finds_the_articles_only_a_json_feed_lists(tmp_path):
    web = ProxySite()
    titles = {"frieren-s2/": "Frieren season 2 sets its premiere", "dandadan-film/": "Dandadan announces a film"}
    for path, title in titles.items():
        web.add(BASE + path, Answer(article(title, story(path), "2025-05-01T10:00:00+00:00")))
    web.add(BASE, Answer("<!doctype html><html><head><title>Home</title>"
                         "<link rel='alternate' type='application/feed+json' href='/feed.json'></head>"
                         "<body><h1>Latest news</h1><p>See our feed.</p></body></html>"))
    web.add(BASE + "robots.txt", Answer("User-agent: *\nAllow: /\n", content_type="text/plain"))
    web.add(BASE + "feed.json", Answer(json_feed([{"id": p, "url": BASE + p, "title": t} for p, t in titles.items()]),
                                       content_type="application/feed+json"))
    db = tmp_path / "archive.db"
    with serve(web) as proxy:
        crawl(proxy, db, BASE)
    assert BASE + "feed.json" in web.requested()
    assert sorted(query(db, "SELECT url FROM articles")) == sorted((BASE + p,) for p in titles)

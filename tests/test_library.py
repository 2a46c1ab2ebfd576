"""The archive as a fan-news library in Datasette: view, facets, snippets, reading view, canned
queries, Atom feeds, chart and safety, read through Datasette's own test client."""
from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing
from datetime import datetime
from urllib.parse import urlencode

import lxml.html
from datasette.app import Datasette

from archive.metadata import metadata_for
from tests.xss_site import FLAG, HOST, TITLE

ATOM = "{http://www.w3.org/2005/Atom}"


def get(db, *paths, method="get", headers=None):
    async def fetch():
        ds = Datasette([str(db)], metadata=metadata_for(db))
        await ds.invoke_startup()
        return [await getattr(ds.client, method)(p, headers=headers) for p in paths]
    return asyncio.run(fetch())


def query(db, sql, params=()):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def test_library_has_one_row_per_article_and_array_facets(library):
    (data,) = get(library, "/archive/library.json?_shape=objects&_size=max&_facet_size=max&_facet_array=series&_facet=month")
    assert data.status_code == 200
    data = data.json()
    assert len(data["rows"]) == query(library, "SELECT count(*) FROM articles")[0][0]
    tagged = dict(query(library, "SELECT s.title, count(DISTINCT t.article_id) FROM article_series t "
                                 "JOIN series s ON s.id = t.series_id GROUP BY 1"))
    facet = {v["value"]: v["count"] for v in data["facet_results"]["series"]["results"]}
    assert facet == tagged
    months = {v["value"]: v["count"] for v in data["facet_results"]["month"]["results"]}
    assert months == dict(query(library, "SELECT substr(published, 1, 7), count(*) FROM articles "
                                         "WHERE published IS NOT NULL GROUP BY 1"))


def test_library_page_offers_every_facet_and_filters_by_series(library):
    title, count = query(library, "SELECT s.title, count(DISTINCT t.article_id) FROM article_series t "
                                  "JOIN series s ON s.id = t.series_id GROUP BY 1 ORDER BY 2 DESC LIMIT 1")[0]
    page, rows = get(library, "/archive/library", f"/archive/library.json?_shape=objects&series__arraycontains={title}")
    for column in ("site", "series", "seasons", "author", "lang", "year", "month"):
        assert f'data-column="{column}"' in page.text, column
    assert len(rows.json()["rows"]) == count


def test_search_shows_escaped_highlighted_snippets(library):
    page, data = get(library, "/archive/library?_search=script", "/archive/library.json?_search=script&_shape=objects")
    assert [r["site"] for r in data.json()["rows"]] == [HOST]
    assert "<mark>script</mark>" in page.text
    assert f"&lt;<mark>script</mark>&gt;window.{FLAG}" in page.text
    assert f"<script>window.{FLAG}" not in page.text


def test_reading_view_links_the_original_the_other_copies_and_the_feeds(library):
    story, = query(library, "SELECT story_id FROM articles GROUP BY story_id HAVING count(*) > 1 LIMIT 1")[0]
    copies = query(library, "SELECT id, url FROM articles WHERE story_id = ? ORDER BY id", [story])
    (first_id, first_url), others = copies[0], copies[1:]
    (page,) = get(library, f"/-/fanwire/read/{first_id}")
    assert page.status_code == 200
    assert f'class="original" href="{first_url}"' in page.text
    for other_id, other_url in others:
        assert f'href="/-/fanwire/read/{other_id}"' in page.text and f'href="{other_url}"' in page.text
    assert 'href="/archive/feed.atom"' in page.text
    assert get(library, "/-/fanwire/read/999999")[0].status_code == 404


def test_snapshot_is_sanitized(library):
    (article_id,), = query(library, "SELECT id FROM articles WHERE site = ?", [HOST])
    (page,) = get(library, f"/-/fanwire/read/{article_id}/snapshot")
    body = page.text.split('<div class="fanwire-snapshot-page">', 1)[1].split("</section>", 1)[0]
    assert "Frieren, Fern and Stark" in body
    for bad in ("<script", "onerror", "onload", "onmouseover", "javascript:", "<img"):
        assert bad not in body.lower(), bad


def atom(response):
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}author/{ATOM}name") is not None
    return feed


def updated(entry):
    return datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))


def test_atom_feeds_have_one_entry_per_article_newest_first(library):
    title, = query(library, "SELECT s.title FROM article_series t JOIN series s ON s.id = t.series_id "
                            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0]
    whole, series, empty = get(library, "/archive/feed.atom", f"/archive/series_feed.atom?series={title}",
                               "/archive/series_feed.atom?series=No+Such+Show")
    for feed, expected in ((atom(whole), query(library, "SELECT id FROM articles")),
                           (atom(series), query(library, "SELECT DISTINCT article_id FROM article_series t JOIN "
                                                         "series s ON s.id = t.series_id WHERE s.title = ?", [title]))):
        entries = feed.findall(f"{ATOM}entry")
        links = [e.find(f"{ATOM}link[@rel='related']").get("href").rsplit("/", 1)[1] for e in entries]
        assert sorted(map(int, links)) == sorted(r[0] for r in expected)
        times = [updated(e) for e in entries]
        assert times == sorted(times, reverse=True)
        assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == times[0]
    assert title in atom(series).findtext(f"{ATOM}title")
    assert atom(empty).findall(f"{ATOM}entry") == []


#: Accept headers of feed readers and other clients that are not browsers (None: no header at all).
READER_ACCEPTS = (None, "application/atom+xml", "*/*", "application/xml",
                  "application/atom+xml, text/html;q=0.5", "text/html;q=0, application/xml")
#: Chromium's Accept when it navigates to a page.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def series_feed_of_bait(db) -> str:
    """The feed of the series the XSS bait site's article is about."""
    series, = query(db, "SELECT s.title FROM articles a JOIN article_series t ON t.article_id = a.id "
                        "JOIN series s ON s.id = t.series_id WHERE a.site = ? LIMIT 1", [HOST])[0]
    return f"/archive/series_feed.atom?{urlencode({'series': series})}"


def test_a_feed_is_atom_for_readers_and_a_page_for_browsers(library):
    path = series_feed_of_bait(library)
    readers = [get(library, path, headers={"Accept": a} if a else {})[0] for a in READER_ACCEPTS]
    feed = atom(readers[0])
    assert all(r.content == readers[0].content and atom(r) is not None for r in readers)
    page, = get(library, path, headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert all("Accept" in r.headers["vary"].split(", ") for r in (*readers, page))
    html = lxml.html.fromstring(page.text)
    assert html.cssselect("h1")[0].text_content() == feed.findtext(f"{ATOM}title")
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles and [a.text_content() for a in html.cssselect("ol.entries h3 a")] == titles


def test_the_feed_page_escapes_crawled_text(library, tmp_path):
    """A crawled title, author and text carrying markup are shown as text, never run."""
    db = tmp_path / "archive.db"
    with closing(sqlite3.connect(library)) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
        dst.execute("UPDATE articles SET title = ?, author = ?, text = ? WHERE site = ?",
                    [TITLE, f"<img src=x onerror=\"window.{FLAG}=1\">", f"<script>window.{FLAG}=2</script>", HOST])
        dst.commit()
    page, = get(db, series_feed_of_bait(db), headers={"Accept": BROWSER_ACCEPT})
    html = lxml.html.fromstring(page.text)
    assert TITLE in [a.text_content() for a in html.cssselect("ol.entries h3 a")]
    assert f"window.{FLAG}=2" in html.cssselect("ol.entries")[0].text_content()
    assert FLAG not in "".join(html.xpath("//script/text() | //@*[starts-with(name(), 'on')] | //img/@src"))
    assert f"<script>window.{FLAG}" not in page.text and "<img src=x" not in page.text


def test_canned_queries(library):
    latest, health, per_month = get(library, "/archive/latest_per_series.json?_shape=objects",
                                    "/archive/crawl_health.json?_shape=objects",
                                    "/archive/articles_per_site_per_month.json?_shape=objects")
    rows = latest.json()["rows"]
    assert len(rows) == len({r["series"] for r in rows}) == query(library, "SELECT count(DISTINCT series_id) "
                                                                           "FROM article_series")[0][0]
    for row in rows:
        newest = query(library, "SELECT max(julianday(a.published)) FROM articles a JOIN article_series t "
                                "ON t.article_id = a.id WHERE t.series_id = ?", [row["series_id"]])[0][0]
        assert query(library, "SELECT julianday(?)", [row["published"]])[0][0] == newest
    crawls = health.json()["rows"]
    assert [c["crawl_id"] for c in crawls] == [2, 1]
    assert sum(c["errors"] for c in crawls) == query(library, "SELECT count(*) FROM crawl_errors")[0][0]
    assert all(c["finish_reason"] == "finished" for c in crawls)
    assert sum(r["articles"] for r in per_month.json()["rows"]) == query(
        library, "SELECT count(*) FROM articles WHERE published IS NOT NULL")[0][0]


def test_chart_draws_a_line_per_site(library):
    (page,) = get(library, "/-/fanwire/chart?by=site")
    sites = [r[0] for r in query(library, "SELECT DISTINCT site FROM articles")]
    assert page.status_code == 200 and page.text.count("<polyline") == len(sites)
    for site in sites:
        assert f"<title>{site}</title>" in page.text
    (page,) = get(library, "/-/fanwire/chart?by=series")
    assert "<polyline" in page.text


def test_every_row_streams_as_csv(library):
    (response,) = get(library, "/archive/library.csv?_stream=on&_size=max")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == query(library, "SELECT count(*) FROM articles")[0][0]


def test_no_write_endpoint_and_the_sql_time_limit_holds(library):
    before = query(library, "SELECT count(*) FROM articles")[0][0]
    post, delete = get(library, "/archive/articles", "/archive/articles/1/-/delete", method="post")
    assert post.status_code >= 400 and delete.status_code >= 400
    (sql,) = get(library, "/archive.json?sql=DELETE+FROM+articles")
    assert sql.status_code == 400
    slow = ("/archive.json?sql=WITH+RECURSIVE+c(x)+AS+(SELECT+1+UNION+ALL+SELECT+x%2B1+FROM+c)"
            "+SELECT+count(*)+FROM+c")
    (slow,) = get(library, slow)
    assert slow.status_code == 400 and "interrupted" in slow.text.lower()
    assert query(library, "SELECT count(*) FROM articles")[0][0] == before

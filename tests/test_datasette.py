"""The archive as Datasette publishes it, read through Datasette's own test client."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import Counter
from contextlib import closing

from datasette.app import Datasette
from markupsafe import escape

from archive.metadata import metadata_for


def get(db, path):
    async def fetch():
        ds = Datasette([str(db)], metadata=metadata_for(db))
        await ds.invoke_startup()
        return await ds.client.get(path)
    return asyncio.run(fetch())


def count(db):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_articles_json_has_every_row(crawl):
    response = get(crawl.db, "/archive/articles.json?_shape=objects&_size=max")
    assert response.status_code == 200
    data = response.json()
    assert data["filtered_table_rows_count"] == count(crawl.db) == len(data["rows"])
    assert {"url", "title", "text", "published", "site"} <= set(data["rows"][0])


def test_metadata_facets_sorting_and_licence(crawl):
    assert "<h1>fanwire — anime fan-news archive</h1>" in get(crawl.db, "/").text
    response = get(crawl.db, "/archive/articles")
    html = response.text
    assert response.status_code == 200
    assert "Articles © their publishers" in html
    for facet in ("site", "author", "lang"):
        assert f'data-column="{facet}"' in html
    first = get(crawl.db, "/archive/articles.json?_shape=objects&_size=max&_col=published").json()["rows"]
    published = [r["published"] for r in first]
    assert published == sorted(published, reverse=True)


def test_internal_tables_are_hidden(crawl):
    tables = {t["name"]: t["hidden"] for t in get(crawl.db, "/archive.json").json()["tables"]}
    assert tables["pages"] is True and tables["articles"] is False


def test_article_text_renders_as_paragraphs_and_is_escaped(crawl):
    with closing(sqlite3.connect(crawl.db)) as conn:
        article_id, text = conn.execute("SELECT id, text FROM articles WHERE site = 'akiba-dispatch.test'").fetchone()
    html = get(crawl.db, f"/archive/articles/{article_id}").text
    first = text.splitlines()[0]
    assert "<p>" + first.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;") + "</p>" in html
    assert 'class="fanwire-text"' in html


def test_full_text_search(crawl):
    rows = get(crawl.db, "/archive/articles.json?_search=Pok%C3%A9mon&_shape=objects").json()["rows"]
    assert rows and all("Pokémon" in (r["title"] + r["text"]) for r in rows)


def test_crawl_errors_are_browsable(crawl):
    kinds = {r["kind"] for r in get(crawl.db, "/archive/crawl_errors.json?_shape=objects").json()["rows"]}
    assert {"http_error", "binary", "empty"} <= kinds
    stats = get(crawl.db, "/archive/crawls.json?_shape=objects").json()["rows"][0]["stats"]
    assert json.loads(stats)["finish_reason"] == "finished"


def test_pages_show_a_series_by_its_english_title_with_the_japanese_beside_it(crawl):
    with closing(sqlite3.connect(crawl.db)) as conn:
        tagged = conn.execute("SELECT t.article_id, s.title, s.title_ja FROM article_series t "
                              "JOIN series s ON s.id = t.series_id ORDER BY t.article_id").fetchall()
    (spy_id, spy, _), = [row for row in tagged if row[2] == "SPY×FAMILY"]
    article_id, title, japanese = next(row for row in tagged if row[1] != row[2])
    beside = f'{escape(title)}</a> <span class="title-ja" lang="ja">({escape(japanese)})</span>'
    spy_page, page, library, latest, chart = (get(crawl.db, path) for path in (
        f"/-/fanwire/read/{spy_id}", f"/-/fanwire/read/{article_id}", f"/archive/library?id={article_id}",
        "/archive/latest_per_series.json?_shape=objects", "/-/fanwire/chart?by=series"))
    about = spy_page.text.split('<p class="series">', 1)[1].split("</p>", 1)[0]
    assert spy == "SPY×FAMILY" and ">SPY×FAMILY</a>" in about and "SPY FAMILY" not in spy_page.text
    assert 'class="title-ja"' not in about  # the Japanese title is the same name: not repeated
    assert beside in page.text.split('<p class="series">', 1)[1].split("</p>", 1)[0]
    assert beside in library.text
    assert {(r["series"], r["series_ja"]) for r in latest.json()["rows"]} >= {(spy, "SPY×FAMILY"), (title, japanese)}
    (top, top_ja), _ = Counter(row[1:] for row in tagged).most_common(1)[0]
    label = f"{top} ({top_ja})" if top_ja != top else top
    assert f"<title>{escape(label)}</title></polyline>" in chart.text

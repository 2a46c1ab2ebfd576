"""Archive pages that fit and read well, measured in headless Chromium at 1280×800 against
`fanwire serve` on the demo archive: no horizontal scrolling, library rows a reader can scan,
axe-core's serious and critical rules, readable cells, chart axes and Atom feeds. Each page leaves
a screenshot in tests/artifacts/ (Japanese needs the CJK font .ci/setup-services installs).
"""
from __future__ import annotations

import re
import sqlite3
import urllib.request
from contextlib import closing
from datetime import date, datetime
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from lxml import etree

from archive.datasette_plugin.chart import lines, svg
from archive.queries import QUERIES
from tests.test_browser import NO_PROXY, base_url, browser, shot  # noqa: F401 (fixtures)

VIEWPORT = {"width": 1280, "height": 800}
ATOM = "http://www.w3.org/2005/Atom"


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport=VIEWPORT)
    yield context.new_page()
    context.close()


def one(db, sql: str, params=()):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchone()


def pages(db) -> dict[str, str]:
    """Every page the acceptance lists, by screenshot name."""
    series, = one(db, "SELECT s.title FROM article_series t JOIN series s ON s.id = t.series_id "
                      "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    story, = one(db, "SELECT story_id FROM articles GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    article, = one(db, "SELECT id FROM articles WHERE story_id = ? LIMIT 1", [story])
    params = {"story_copies": {"story_id": story}, "series_articles": {"series": series, "season": ""},
              "series_feed": {"series": series}}
    found = {"home": "/", "library": "/archive/library", "search": "/archive/library?_search=season",
             "series-facet": "/archive/library?" + urlencode({"series__arraycontains": series}),
             "reading": f"/-/fanwire/read/{article}", "chart-site": "/-/fanwire/chart?by=site",
             "chart-series": "/-/fanwire/chart?by=series",
             "feed-page": "/archive/series_feed.atom?" + urlencode({"series": series}),
             "crawl-errors": "/archive/crawl_errors", "not-found": "/-/fanwire/read/99999"}
    for name in QUERIES:
        query = urlencode(params.get(name, {}))
        found[f"query-{name}"] = f"/archive/{name}" + (f"?{query}" if query else "")
    return found


def serious(page) -> list[tuple[str, str]]:
    """axe-core's serious and critical violations on the page: (rule, first offending element)."""
    violations = Axe().run(page).response["violations"]
    return [(v["id"], v["nodes"][0]["html"][:120]) for v in violations if v["impact"] in ("serious", "critical")]


def test_every_page_fits_1280_and_passes_axe(page, base_url, library):  # noqa: F811
    measured = {}
    for name, path in pages(library).items():
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        measured[name] = (width, serious(page))
        shot(page, f"fit-{name}")
    assert {name: m for name, m in measured.items() if m[0] > VIEWPORT["width"] or m[1]} == {}


def test_library_rows_are_short_and_dates_readable(page, base_url, library):  # noqa: F811
    page.goto(base_url + "/archive/library?_size=max")
    rows = page.locator("table.rows-and-columns tbody tr").count()
    assert rows == one(library, "SELECT count(*) FROM articles")[0]
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height / rows <= 150, f"{height} px for {rows} rows"
    cell = page.locator("td.col-published time").first
    stored = cell.get_attribute("datetime")
    day = datetime.fromisoformat(stored)
    assert cell.inner_text() == f"{day.day} {day:%b %Y}" and not re.search(r"\d{4}-\d\d", cell.inner_text())
    with NO_PROXY.open(base_url + "/archive/library.json?_shape=array&_size=max") as response:
        assert stored in {row["published"] for row in __import__("json").load(response)}
    series = page.locator("td.col-series a").first
    assert "series__arraycontains=" in series.get_attribute("href")
    assert "[" not in page.locator("td.col-series").first.inner_text()


def test_canned_queries_have_titles_wrapped_sql_and_links(page, base_url, library):  # noqa: F811
    for name, path in pages(library).items():
        if not name.startswith("query-"):
            continue
        query = QUERIES[name.removeprefix("query-")]
        page.goto(base_url + path)
        assert query["title"] in page.title() and "SELECT" not in page.title(), name
        assert query["description"] in page.inner_text(".metadata-description"), name
        sql = page.locator("#sql-query")
        assert sql.evaluate("e => e.scrollWidth <= e.clientWidth"), name
    page.goto(base_url + "/archive/most_copied_stories")
    link = page.locator("td.col-title a").first
    story_id = int(page.locator("td.col-story_id").first.inner_text())
    origin, = one(library, "SELECT a.id FROM articles a JOIN stories s ON a.url = coalesce(s.origin_url, s.first_url) "
                           "WHERE s.id = ?", [story_id])
    assert link.get_attribute("href") == f"/-/fanwire/read/{origin}"
    assert "[" not in page.locator("td.col-sites").first.inner_text()
    page.goto(base_url + "/archive/crawl_health")
    assert not [t for t in page.locator("td.col-errors_by_kind").all_inner_texts() if "{" in t]
    kinds = page.locator("td.col-errors_by_kind:has(a)").first
    kinds.locator("a").first.click()
    page.wait_for_url("**/archive/crawl_errors?*kind=*")
    assert page.locator("table.rows-and-columns tbody tr").count() >= 1


def month_counts(months: int) -> list[tuple[str, str, int]]:
    first = date(2015, 1, 1)
    return [(f"{first.year + (first.month - 1 + i) // 12:04d}-{(first.month - 1 + i) % 12 + 1:02d}", site, (i * 7 + k) % 23)
            for i in range(months) for k, site in enumerate(("a.test", "b.test"))]


@pytest.mark.parametrize("months", [12, 21, 120, 240])
def test_chart_axis_labels_never_overlap(page, months):
    page.set_content(f"<!DOCTYPE html><html lang='en'><body>{svg(lines(month_counts(months)), 'chart')}</body></html>")
    boxes = page.eval_on_selector_all("text.x-label", "els => els.map(e => e.getBoundingClientRect())"
                                                      ".map(r => [r.left, r.right])")
    assert len(boxes) >= 5
    assert all(right + 4 <= left for (_, right), (left, _) in zip(boxes, boxes[1:]))
    ys = [int(t) for t in page.locator("text.y-label").all_text_contents()]
    assert len(ys) >= 4 and ys[0] == 0 and ys[-1] >= 22 and len({b - a for a, b in zip(ys, ys[1:])}) == 1
    shot(page, f"chart-{months}-months")


def test_an_unknown_chart_says_so(page, base_url):  # noqa: F811
    response = page.goto(base_url + "/-/fanwire/chart?by=nonsense")
    assert response.status == 400
    assert "nonsense" in page.inner_text("p.message-error")
    assert {a.get_attribute("href").rsplit("=", 1)[1] for a in page.locator("p.message-error a").all()} == {"site", "series"}


def test_feed_is_atom_for_readers_and_a_list_in_the_browser(page, base_url, library):  # noqa: F811
    path = pages(library)["feed-page"]
    request = urllib.request.Request(base_url + path, headers={"Accept": "application/atom+xml"})
    with NO_PROXY.open(request) as response:
        assert response.headers["Content-Type"].startswith("application/atom+xml")
        body = response.read()
    feed = etree.fromstring(body)
    assert feed.tag == f"{{{ATOM}}}feed"
    for element in (feed, *feed.findall(f"{{{ATOM}}}entry")):
        for required in ("id", "title", "updated"):
            assert element.find(f"{{{ATOM}}}{required}") is not None, required
    entries = feed.findall(f"{{{ATOM}}}entry")
    assert entries and feed.find(f"{{{ATOM}}}author/{{{ATOM}}}name") is not None
    self_link = feed.find(f"{{{ATOM}}}link[@rel='self']").get("href")

    shown = page.goto(base_url + path)
    assert shown.headers["content-type"].startswith("text/html") and "Accept" in shown.headers["vary"].split(", ")
    assert page.locator("h1").inner_text() == feed.findtext(f"{{{ATOM}}}title")
    assert "feed reader" in page.inner_text(".subscribe")
    assert page.inner_text(".subscribe code") == self_link
    assert page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href") == self_link
    titles = page.locator("ol.entries h3 a").all_inner_texts()
    assert titles == [e.findtext(f"{{{ATOM}}}title") for e in entries]
    reading = [e.find(f"{{{ATOM}}}link[@rel='related']").get("href") for e in entries]
    assert page.eval_on_selector_all("ol.entries h3 a", "els => els.map(e => e.href)") == reading
    shot(page, "feed-page")


def test_not_found_page_links_home(page, base_url):  # noqa: F811
    response = page.goto(base_url + "/-/fanwire/read/99999")
    assert response.status == 404
    page.get_by_role("link", name=re.compile("home page")).click()
    page.wait_for_url(base_url + "/")
    assert page.locator("h1").first.inner_text() == "fanwire — anime fan-news archive"


def test_japanese_is_drawn_with_a_cjk_font(page, base_url, library):  # noqa: F811
    article, = one(library, "SELECT id FROM articles WHERE lang = 'ja' LIMIT 1")
    page.goto(base_url + f"/-/fanwire/read/{article}")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    heading = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    assert any("CJK" in f["familyName"] and f["glyphCount"] > 0 for f in fonts), fonts
    shot(page, "japanese")

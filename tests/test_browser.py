"""The library in a real browser: headless Chromium (Debian's package) driven by Playwright,
against `fanwire serve` on a loopback port. Each step leaves a screenshot in tests/artifacts/.
"""
from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.helpers import ROOT
from tests.xss_site import FLAG, HOST

ARTIFACTS = ROOT / "tests" / "artifacts"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def chromium_path() -> str:
    """Debian's chromium; .ci/setup-services installs it. Missing is a failure, not a skip."""
    path = shutil.which("chromium")
    assert path, "chromium is not installed: run .ci/setup-services (apt-get install chromium)"
    return path


@pytest.fixture(scope="module")
def base_url(library):
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "fanwire", "serve", "--db", str(library), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                NO_PROXY.open(f"{url}/-/versions.json").read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("fanwire serve did not answer")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_search_facet_article_feed(page, base_url, library):
    page.goto(base_url + "/")
    assert page.locator("h1").first.inner_text() == "fanwire — anime fan-news archive"
    assert "CC-BY-4.0" in page.content()
    shot(page, "1-home")

    page.fill("#fanwire-q", "season")
    page.click("form.fanwire-search input[type=submit]")
    page.wait_for_url("**/library?_search=season*")
    marks = page.locator("td mark").all_inner_texts()
    assert marks and all(m.lower() == "season" for m in marks)
    shot(page, "2-search")

    facet = page.locator('.facet-info[data-column="series"] li a').first
    series = facet.inner_text().rsplit(" ", 1)[0].strip()
    facet.click()
    page.wait_for_url("**series__arraycontains=*")
    cells = page.locator("td.col-series").all_inner_texts()
    assert cells and all(series in cell for cell in cells)
    assert "_search=season" in page.url
    shot(page, "3-series-facet")

    page.locator("td.col-title a.fanwire-read").first.click()
    page.wait_for_url("**/-/fanwire/read/*")
    article_id = int(page.url.rsplit("/", 1)[1])
    with closing(sqlite3.connect(library)) as conn:
        title, text = conn.execute("SELECT title, text FROM articles WHERE id = ?", [article_id]).fetchone()
    assert page.locator("h1").inner_text() == title
    assert page.locator(".body p").count() == len([line for line in text.splitlines() if line.strip()])
    assert page.locator("a.original").get_attribute("href").startswith("http://")
    shot(page, "4-article")

    feed = page.locator(f'a.feed:has-text("{series}")')
    href = feed.get_attribute("href")
    feed.click()
    page.wait_for_load_state()
    assert "series_feed.atom" in page.url
    assert title in page.locator("ol.entries h3 a").all_inner_texts()
    with NO_PROXY.open(base_url + href) as response:
        assert response.headers["Content-Type"].startswith("application/atom+xml")
        assert title in response.read().decode()
    shot(page, "5-feed")


def test_crawled_script_never_runs_in_the_archive(page, base_url, library):
    with closing(sqlite3.connect(library)) as conn:
        (article_id,) = conn.execute("SELECT id FROM articles WHERE site = ?", [HOST]).fetchone()
    pages = {"xss-library": "/archive/library?_search=script",
             "xss-article": f"/-/fanwire/read/{article_id}",
             "xss-snapshot": f"/-/fanwire/read/{article_id}/snapshot",
             "xss-row": f"/archive/articles/{article_id}"}
    for name, path in pages.items():
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        for element in page.locator("a:visible, p:visible").all():
            element.hover(timeout=2000)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")], name
        assert page.evaluate(f"typeof window.{FLAG}") == "undefined", name
        assert page.dialogs == []
        shot(page, name)
    page.goto(base_url + pages["xss-snapshot"])
    assert "Frieren, Fern and Stark" in page.inner_text(".fanwire-snapshot-page")
    page.goto(base_url + pages["xss-article"])
    assert f"<script>window.{FLAG}='text'</script>" in page.inner_text(".body")

"""Issue 14, item 7: every request stays on the start URLs' sites (scheme, host with or without
`www.`, port), redirect targets and robots.txt fetches included, through a real crawl whose
proxy logs every request on every host."""
from __future__ import annotations

import json

from archive.sites import origin, same_site
from tests.hijack_site import add_site, article, crawl, query, sitemap, story
from tests.proxy_site import Answer, ProxySite, serve

BASE = "http://x.test/"
OTHER_PORT = "http://127.0.0.1:18009/"


def test_site_rule_www_is_the_same_site_other_subdomains_schemes_and_ports_are_not():
    assert same_site("http://x.test/a", "http://www.x.test/b")
    assert same_site("http://X.test:80/a", "http://x.test/")
    assert not same_site("http://x.test/a", "http://cdn.x.test/a")
    assert not same_site("http://x.test/a", "https://x.test/a")
    assert not same_site("http://127.0.0.1:18008/a", "http://127.0.0.1:18009/a")
    assert not same_site("http://x.test/a", "http://x.test.evil/a")
    assert origin("javascript:alert(1)") is None and origin("http://x.test:bad/") is None


def hostile_web() -> ProxySite:
    """x.test, whose sitemap, second sitemap and feed redirect off-site, with a page that
    redirects to another host and one whose `<base href>` points at another port."""
    web = ProxySite()
    pages = {f"news-{n}/": article(f"News {n}", story(f"x news {n}"), f"2025-05-0{n}T10:00:00+00:00")
             for n in range(1, 4)}
    pages["based/"] = article("Based", story("x based"), "2025-05-05T10:00:00+00:00",
                              head=f'<base href="{OTHER_PORT}">', after='<a href="stolen-by-base/">more</a>')
    add_site(web, BASE, pages, listed=[],
             home_extra='<a href="/moved/">moved</a><link rel="alternate" type="application/rss+xml" href="/feed.xml">',
             robots_extra="Sitemap: http://x.test/sitemap-cdn.xml\nSitemap: http://www.x.test/sitemap-www.xml\n")
    web.add(BASE + "sitemap.xml", Answer(status=302, headers={"Location": OTHER_PORT + "sitemap.xml"}))
    web.add(BASE + "sitemap-cdn.xml", Answer(status=302, headers={"Location": "http://cdn.x.test/sitemap.xml"}))
    web.add(BASE + "feed.xml", Answer(status=302, headers={"Location": OTHER_PORT + "feed.xml"}))
    web.add(BASE + "moved/", Answer(status=301, headers={"Location": "http://evil.test/moved/"}))
    web.add("http://www.x.test/robots.txt", Answer("User-agent: *\nAllow: /\n", content_type="text/plain"))
    web.add("http://www.x.test/sitemap-www.xml", sitemap(["http://www.x.test/www-news/"]))
    web.add("http://www.x.test/www-news/", Answer(article("Www news", story("x www"), "2025-05-06T10:00:00+00:00")))
    for off in (OTHER_PORT, "http://cdn.x.test/", "http://evil.test/"):  # answer as a live site would
        add_site(web, off, {"stolen/": article("Stolen", story(f"stolen {off}"), "2025-05-07T10:00:00+00:00")})
        web.add(off + "feed.xml", Answer(f"<rss><channel><item><link>{off}stolen/</link></item></channel></rss>",
                                         content_type="application/rss+xml"))
    return web


def test_redirects_and_base_href_never_lead_the_crawl_off_site(tmp_path):
    web = hostile_web()
    db = tmp_path / "archive.db"
    with serve(web) as proxy:
        crawl(proxy, db, BASE)
    netlocs = {hit.netloc for hit in web.hits}
    assert netlocs == {"x.test", "www.x.test"}, web.requested()
    assert "http://x.test/sitemap.xml" in web.requested() and "http://x.test/feed.xml" in web.requested()
    archived = {url for url, in query(db, "SELECT url FROM articles")}
    assert archived == {f"{BASE}news-{n}/" for n in range(1, 4)} | {BASE + "based/", "http://www.x.test/www-news/"}
    refused = query(db, "SELECT url, detail FROM crawl_errors WHERE kind = 'offsite' ORDER BY url")
    moved = [detail for url, detail in refused if url == BASE + "moved/"]  # a page's redirect, not followed
    assert moved == ["redirects to http://evil.test/moved/, outside the crawl's sites: not followed"]
    refused = [(url, detail) for url, detail in refused if url != BASE + "moved/"]
    assert all("redirected there from http://x.test/" in detail for _, detail in refused)
    assert [url for url, _ in refused] == ["http://127.0.0.1:18009/feed.xml", "http://cdn.x.test/sitemap.xml"] \
        or [url for url, _ in refused] == ["http://127.0.0.1:18009/sitemap.xml", "http://cdn.x.test/sitemap.xml"]
    assert "http://127.0.0.1:18009" in refused[0][1] and "http://cdn.x.test:80" in refused[1][1]
    (stats,), = query(db, "SELECT stats FROM crawls")
    assert json.loads(stats)["fanwire/offsite/refused"] == 3

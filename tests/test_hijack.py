"""Issue 14, items 5 and 6: a page on one site cannot make another site's URLs its aliases or
keys, nor take the origin of another site's story, through real crawls of 127.0.0.1 sites."""
from __future__ import annotations

from archive import Archive
from tests.hijack_site import add_site, article, crawl, query, story
from tests.proxy_site import Answer, ProxySite, serve

A, B = "http://a.test/", "http://b.test/"
B_NEWS = [f"{B}b-news-{n}/" for n in range(1, 4)]


def hijacking_web() -> ProxySite:
    """b.test with three articles in its sitemap; a.test with a page whose `<link rel=shortlink>`
    and `Link: rel=shortlink` header name b.test's URLs (and its own: `www.` and another
    subdomain test the site rule), and one whose rel=canonical and og:url name b.test's URL."""
    web = ProxySite()
    add_site(web, B, {f"b-news-{n}/": article(f"B news {n}", story(f"b news {n}"), f"2025-05-0{n}T10:00:00+00:00")
                      for n in range(1, 4)})
    shortlinks = (f'<link rel="shortlink" href="{B_NEWS[0]}"><link rel="shortlink" href="http://www.a.test/?p=17">'
                  '<link rel="shortlink" href="http://news.a.test/?p=18">')
    canonical = f'<link rel="canonical" href="{B_NEWS[2]}"><meta property="og:url" content="{B_NEWS[2]}">'
    add_site(web, A, {"grab/": article("A grab", story("a grab"), "2025-05-01T08:00:00+00:00", head=shortlinks),
                      "claim/": article("A claim", story("a claim"), "2025-05-01T08:00:00+00:00", head=canonical)})
    page = web.routes[A + "grab/"]
    page.headers["Link"] = f'<{B_NEWS[1]}>; rel="shortlink", <{B_NEWS[0]}>; rel=shortlink'
    return web


def assert_not_hijacked(db) -> None:
    assert {url for url, in query(db, "SELECT url FROM articles WHERE site = 'b.test'")} == set(B_NEWS)
    aliases = dict(query(db, "SELECT a.url, r.url FROM url_aliases a JOIN articles r ON r.id = a.article_id"))
    assert not [url for url in aliases if url.startswith(B)], aliases
    assert aliases.get("http://www.a.test/?p=17") == A + "grab/"  # www. is the page's own site
    assert "http://news.a.test/?p=18" not in aliases  # another subdomain is not
    assert set(query(db, "SELECT url, canonical_url FROM articles WHERE site = 'a.test'")) == {
        (A + "grab/", None), (A + "claim/", B_NEWS[2])}


def test_shortlinks_and_canonicals_naming_another_site_in_the_same_crawl_are_only_claims(tmp_path):
    web = hijacking_web()
    with serve(web) as proxy:
        crawl(proxy, tmp_path / "archive.db", A, B)
    assert set(B_NEWS) <= set(web.requested("b.test"))
    assert_not_hijacked(tmp_path / "archive.db")


def test_a_later_crawl_of_the_named_site_still_requests_its_urls(tmp_path):
    web = hijacking_web()
    with serve(web) as proxy:
        crawl(proxy, tmp_path / "archive.db", A)
        assert not web.requested("b.test")
        crawl(proxy, tmp_path / "archive.db", B)
    assert set(B_NEWS) <= set(web.requested("b.test"))
    assert_not_hijacked(tmp_path / "archive.db")


def record(url: str, text: str = "Body text") -> dict:
    return {"url": url, "canonical_url": None, "source_url": url, "site": url.split("/")[2], "site_name": None,
            "title": "T", "author": None, "published": None, "modified": None, "lang": "en", "text": text,
            "content_hash": text, "fetched_at": "2025-05-01T00:00:00+00:00", "crawl_id": None, "gone_at": None,
            "aliases": []}


def test_the_archive_refuses_aliases_across_sites_unless_the_url_redirected(tmp_path):
    archive = Archive(tmp_path / "archive.db")
    archive.write_batch([{**record(A + "grab/"), "aliases": [B + "via-aliases/", B + "followed/"],
                          "redirect_urls": [B + "followed/"]}],
                        redirects=[{"url": B + "shortlink/", "target_url": A + "grab/", "reason": "rel=shortlink"},
                                   {"url": B + "moved/", "target_url": A + "grab/", "status": 301}],
                        fetches=[{"url": B + url, "site": "b.test", "kind": "redirect", "status": 301,
                                  "fetched_at": "2025-05-01T00:00:00+00:00"} for url in ("moved/", "followed/")])
    rows = dict(archive.db.execute("SELECT url, article_id FROM url_aliases").fetchall())
    assert set(rows) == {B + "followed/", B + "moved/"}
    # An archive written before the rule holds a hijacked alias: it neither keeps a crawl from
    # requesting the URL nor takes the article fetched there.
    archive.db.execute("INSERT INTO url_aliases (url, article_id) VALUES (?, 1)", [B + "b-news-1/"])
    assert archive.alias_urls() == {B + "followed/", B + "moved/"}
    result = archive.write_batch([record(B + "b-news-1/", "B's own text")])
    assert result.articles_new == 1
    assert archive.db.execute("SELECT text FROM articles WHERE url = ?", [B + "b-news-1/"]).fetchall() == [
        ("B's own text",)]
    assert archive.db.execute("SELECT text FROM articles WHERE url = ?", [A + "grab/"]).fetchall() == [("Body text",)]

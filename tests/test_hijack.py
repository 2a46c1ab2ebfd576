"""Issue 14, items 5 and 6: a page on one site cannot make another site's URLs its aliases or
keys, nor take the origin of another site's story, through real crawls of 127.0.0.1 sites."""
from __future__ import annotations

import json

from archive import Archive
from tests.hijack_site import add_site, article, crawl, query, story
from tests.proxy_site import ProxySite, serve

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
                                   {"url": B + "moved/", "target_url": A + "grab/", "status": 301,
                                    "at": "2025-05-01T00:00:00+00:00"}],
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


C = "http://c.test/"
ORIGINAL, LINKED = story("b original"), story("b linked")


def copying_web(copy_now: bool = True) -> ProxySite:
    """b.test publishes two stories; a.test copies both with earlier `datePublished`s, the second
    with a credit link to b.test; c.test copies the second naming b.test's URL as canonical. Without
    `copy_now`, a.test has only an article of its own (its copies come later)."""
    web = ProxySite()
    add_site(web, B, {"original/": article("B original", ORIGINAL, "2025-05-10T10:00:00+00:00"),
                      "linked/": article("B linked", LINKED, "2025-05-11T10:00:00+00:00")})
    own = {"own/": article("A own", story("a own"), "2025-05-01T10:00:00+00:00")}
    copies = {"copy/": article("A copy", ORIGINAL, "2025-01-01T10:00:00+00:00"),
              "copy-linked/": article("A copy linked", LINKED, "2025-01-02T10:00:00+00:00",
                                      after=f'<p class="credit">Via <a href="{B}linked/?utm_source=a">B</a></p>')}
    add_site(web, A, {**own, **copies} if copy_now else own)
    add_site(web, C, {"copy-canonical/": article("C copy", LINKED, "2025-01-03T10:00:00+00:00",
                                                 head=f'<link rel="canonical" href="{B}linked/">')})
    return web


def story_row(db, url: str) -> tuple:
    (row,) = query(db, "SELECT s.first_url, s.first_published, s.origin_url, s.origin_evidence FROM stories s "
                       "JOIN articles a ON a.story_id = s.id WHERE a.url = ?", url)
    return row


def reading_page(db, url: str) -> str:
    import asyncio

    from datasette.app import Datasette

    from archive.metadata import metadata_for
    (article_id,), = query(db, "SELECT id FROM articles WHERE url = ?", url)

    async def fetch():
        ds = Datasette([str(db)], metadata=metadata_for(db))
        await ds.invoke_startup()
        return await ds.client.get(f"/-/fanwire/read/{article_id}")
    page = asyncio.run(fetch())
    assert page.status_code == 200
    return page.text


def copy_line(page: str, url: str) -> str:
    """The reading page's line listing the copy at `url`."""
    (line,) = [li for li in page.split("<li>") if f'href="{url}"' in li]
    return line.split("</li>")[0]


def test_an_earlier_claimed_date_alone_does_not_make_a_copy_the_origin(tmp_path):
    db = tmp_path / "archive.db"
    with serve(copying_web()) as proxy:
        crawl(proxy, db, A, B, C)
    first_url, first_published, origin_url, evidence = story_row(db, B + "original/")
    assert (first_url, first_published, origin_url) == (A + "copy/", "2025-01-01T10:00:00+00:00", None)
    page = reading_page(db, B + "original/")
    assert "(origin" not in page and "No copy is shown as the origin" in page
    assert "(earliest claimed date)" in copy_line(page, A + "copy/")
    # A credit link and a canonical URL naming b.test's copy are evidence a copier cannot forge.
    first_url, _, origin_url, evidence = story_row(db, B + "linked/")
    assert (first_url, origin_url) == (A + "copy-linked/", B + "linked/")
    assert json.loads(evidence) == [
        {"copy": A + "copy-linked/", "defers_to": B + "linked/", "because": "links to it"},
        {"copy": C + "copy-canonical/", "defers_to": B + "linked/", "because": "names it as its canonical URL"}]
    page = reading_page(db, A + "copy-linked/")
    assert "(origin; evidence: the copy on a.test links to it; the copy on c.test names it" in copy_line(page, B + "linked/")
    assert "(it claims the earliest publication date" in page


def test_a_copy_archived_after_the_original_defers_to_it_whatever_date_it_claims(tmp_path):
    db = tmp_path / "archive.db"
    with serve(copying_web(copy_now=False)) as proxy:
        crawl(proxy, db, A, B)
    with serve(copying_web()) as proxy:
        crawl(proxy, db, A, B)
    first_url, _, origin_url, evidence = story_row(db, B + "original/")
    assert (first_url, origin_url) == (A + "copy/", B + "original/")
    assert json.loads(evidence) == [{"copy": A + "copy/", "defers_to": B + "original/",
                                     "because": "first archived in crawl 2; crawl 1 archived it and already read a.test"}]
    page = reading_page(db, B + "original/")
    assert "(the origin of this story; evidence: the copy on a.test first archived in crawl 2" in page
    line = copy_line(page, A + "copy/")
    assert "(earliest claimed date)" in line and "(origin" not in line


def test_a_copier_with_a_second_site_linking_to_its_copy_cannot_take_the_origin():
    from archive.origin import Copy, decide

    def copy(n: int, url: str, links: set[str] = frozenset(), crawl: int = 1) -> Copy:
        return Copy(n, 1, url, url, url.split("/")[2], None, crawl, links=set(links))
    original, stolen = copy(1, B + "original/"), copy(2, A + "copy/")
    accomplice = copy(3, "http://a2.test/copy/", {A + "copy/"})
    assert decide([original, stolen, accomplice], {"a.test": 1, "a2.test": 1, "b.test": 1}) is None
    # The same copies, but the copier's first appears a crawl after the original, its site read by then:
    later, accomplice = copy(2, A + "copy/", crawl=2), copy(3, "http://a2.test/copy/", {A + "copy/"}, crawl=2)
    origin = decide([original, later, accomplice], {"a.test": 1, "a2.test": 2, "b.test": 1})
    assert origin is not None and origin.url == B + "original/"
    # Two copies that credit each other decide nothing.
    assert decide([copy(1, B + "x/", {A + "y/"}), copy(2, A + "y/", {B + "x/"})], {}) is None

"""URL cleaning, link filters, trap shapes and feed/sitemap parsing."""

import pytest
from parsel import Selector

from scraper import discovery
from scraper.advertised import feed_links
from scraper.feeds import feed_entries
from scraper.pages import looks_binary
from scraper.shapes import ShapeBudget, family, url_shape

SITE = {"news.test"}


@pytest.mark.parametrize("url, expected", [
    ("HTTP://News.TEST:80/a/?utm_source=x&utm_medium=y#top", "http://news.test/a/"),
    ("http://news.test/a/?replytocom=12", "http://news.test/a/"),
    ("http://news.test/a/?p=5&fbclid=abc", "http://news.test/a/?p=5"),
    ("http://news.test/page/2/", "http://news.test/page/2/"),
    ("http://news.test/news/index.html", "http://news.test/news/"),
    ("http://news.test/index_2.html", "http://news.test/index_2.html"),
])
def test_clean_url_drops_trackers_fragments_and_noise(url, expected):
    assert discovery.clean_url(url) == expected


@pytest.mark.parametrize("url", [
    "http://news.test/2024/05/a-story/",
    "http://news.test/category/news/page/3/",
    "http://news.test/search/label/Frieren",
])
def test_followable_in_site_pages(url):
    assert discovery.is_followable(url, SITE)


@pytest.mark.parametrize("url", [
    "http://other.test/2024/05/a-story/",
    "mailto:editor@news.test",
    "http://news.test/wp-admin/options.php",
    "http://news.test/wp-login.php?action=lostpassword",
    "http://news.test/login/",
    "http://news.test/?s=frieren",
    "http://news.test/2024/05/a-story/feed/",
    "http://news.test/2024/05/a-story/amp/",
    "http://news.test/wp-content/uploads/visual.jpg",
    "http://news.test/assets/app.css",
])
def test_not_followable(url):
    assert not discovery.is_followable(url, SITE)


def test_url_shape_groups_calendar_pages_but_not_articles():
    assert url_shape("http://news.test/calendar/?m=202401") == url_shape(
        "http://news.test/calendar/?m=199912")
    assert url_shape("http://news.test/posts/frieren-s2/") != url_shape(
        "http://news.test/posts/dandadan/")


def test_looks_binary():
    assert looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert looks_binary(b"<html>\x00\x00</html>")
    assert not looks_binary("<html><body>葬送のフリーレン</body></html>".encode("shift_jis"))


def test_feed_links_skip_comment_feeds():
    sel = Selector(text="""<html><head>
        <link rel="alternate" type="application/rss+xml" href="/feed/">
        <link rel="alternate" type="application/rss+xml" href="/2024/05/a/feed/" title="Comments Feed">
        <link rel="alternate" type="application/atom+xml" href="/comments/feed/">
        <link rel="stylesheet" href="/style.css"></head></html>""")
    assert feed_links(sel) == ["/feed/"]


def test_feed_entries_rss_and_atom_with_their_update_dates():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><item><link>http://news.test/a/</link>
        <pubDate>Thu, 01 May 2025 10:00:00 GMT</pubDate></item>
        <item><link>http://news.test/b/</link></item></channel></rss>"""
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>
        <link rel="alternate" href="http://news.test/c/"/><link rel="replies" href="http://news.test/c/#c"/>
        <published>2025-05-01T10:00:00Z</published><updated>2025-05-03T08:00:00Z</updated></entry></feed>"""
    assert list(feed_entries(rss)) == [("http://news.test/a/", None), ("http://news.test/b/", None)]
    assert list(feed_entries(atom)) == [("http://news.test/c/", "2025-05-03T08:00:00Z")]


def test_www_and_bare_host_are_one_site():
    assert discovery.site_of("https://WWW.News.test/a/") == "news.test"
    assert discovery.is_followable("https://www.news.test/a/", SITE)


def test_shape_budget_closes_a_calendar_but_not_a_productive_pagination():
    budget = ShapeBudget(max_pages=50, barren_pages=3)
    for month in range(1, 4):
        url = f"http://news.test/calendar/?m=2024{month:02d}"
        assert budget.allows(url)
        budget.listing_seen(url, new_links=0)
    assert not budget.allows("http://news.test/calendar/?m=202404")
    for page in range(2, 40):
        budget.listing_seen(f"http://news.test/page/{page}/", new_links=5)
    assert budget.allows("http://news.test/page/41/")


def test_barren_listing_family_is_closed_and_an_article_reopens_it():
    budget = ShapeBudget(max_pages=50, barren_pages=3)
    for tag in ("frieren", "bleach", "oshi-no-ko"):
        assert not budget.is_listing_family(f"http://news.test/tag/{tag}/")
        budget.listing_seen(f"http://news.test/tag/{tag}/", new_links=0)
    assert budget.is_listing_family("http://news.test/tag/dandadan/")
    assert not budget.allows("http://news.test/tag/dandadan/")
    assert budget.closed("http://news.test/tag/dandadan/")[0] == family("http://news.test/tag/x/")
    assert budget.allows("http://news.test/category/news/")
    budget.article_seen("http://news.test/tag/a-tagged-article/")
    assert budget.allows("http://news.test/tag/dandadan/") and not budget.is_listing_family("http://news.test/tag/x/")


def test_family_groups_urls_of_one_route():
    assert family("http://a.test/tag/frieren/") == family("http://a.test/tag/bleach/")
    assert family("http://a.test/2024/05/x/") == family("http://a.test/2025/01/y/")
    assert family("http://a.test/frieren-season-2/") != family("http://a.test/bleach-returns/")
    assert family("http://a.test/calendar/?m=202401") == family("http://a.test/calendar/?m=202502")


def test_shape_budget_caps_deep_pagination():
    budget = ShapeBudget(max_pages=5, barren_pages=3)
    for page in range(1, 6):
        budget.listing_seen(f"http://news.test/page/{page}/", new_links=5)
    assert not budget.allows("http://news.test/page/6/")
    assert budget.allows("http://news.test/2024/01/a-story/")

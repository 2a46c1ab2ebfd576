"""A fan-news site that floods the crawler with work, served through `tests.proxy_site`:

- `/flood/`: a listing with 200,000 in-site links (`/flood/N`), every one of them a 404;
- `/big/`: a 5 MB article (one huge page of text);
- `/sitemap-huge.xml.gz`: a gzipped sitemap of 1,000,000 URLs (53 MB once decompressed);
- `/sitemap_index.xml`: an index of 10,000 child sitemaps, of which only the first exists;
- a link whose query string is 10 kB long.

Among them, `ARTICLES` are normal articles that a bounded crawl must still archive.
"""
from __future__ import annotations

import gzip
from functools import cache

from tests.proxy_site import Answer, ProxySite

HOST = "flood.test"
ROOT = f"http://{HOST}"
FLOOD_LINKS = 200_000
HUGE_SITEMAP_URLS = 1_000_000
INDEX_CHILDREN = 10_000
BIG_PAGE_BYTES = 5 * 1024 * 1024
LONG_QUERY = "token=" + "x" * 10_000
LONG_URL = f"{ROOT}/news/long-story/?{LONG_QUERY}"
ARTICLES = [f"{ROOT}/news/{slug}/" for slug in (
    "frieren-season-2-announced", "dandadan-finale-date", "oshi-no-ko-movie-trailer",
    "chainsaw-man-film-box-office", "spy-family-new-arc")]


def article(title: str, text: str) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Flood News</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-10-02T09:00:00+00:00">
</head><body><article><h1>{title}</h1><time datetime="2024-10-02">2 October 2024</time>
{text}</article><nav><a href="/">Home</a></nav></body></html>"""


def paragraphs(title: str) -> str:
    sentence = (f"The studio behind {title.lower()} confirmed the news on Tuesday, and the staff of the "
                "series said the new episodes will keep the original cast, music and direction. ")
    return "".join(f"<p>{sentence * 3}Part {n}.</p>\n" for n in range(4))


def home() -> str:
    links = "".join(f'<li><a href="{url}">{url.rstrip("/").rsplit("/", 1)[1]}</a></li>' for url in ARTICLES)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Flood News</title></head><body>
<h1>Flood News</h1><ul>{links}</ul>
<a href="/flood/">All the links</a> <a href="/big/">The big one</a> <a href="{LONG_URL}">Long story</a>
</body></html>"""


@cache
def flood_page() -> bytes:
    links = "".join(f'<a href="/flood/{n}">{n}</a>\n' for n in range(FLOOD_LINKS))
    return (f"<!DOCTYPE html><html><head><title>Everything</title></head><body><h1>Everything</h1>"
            f"{links}</body></html>").encode()


@cache
def big_page() -> bytes:
    text = "<p>" + ("A very long fan theory about the ending of the series, repeated at length. " * 40) + "</p>\n"
    page = article("The longest fan theory", text * (BIG_PAGE_BYTES // len(text)))
    return page.encode()


def urlset(urls: list[str] | range, pattern: str = "{}") -> bytes:
    locs = "".join(f"<url><loc>{pattern.format(u)}</loc></url>\n" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{locs}</urlset>").encode()


@cache
def huge_sitemap() -> bytes:
    return gzip.compress(urlset(range(HUGE_SITEMAP_URLS), f"{ROOT}/huge/{{}}/"), 6)


@cache
def sitemap_index() -> bytes:
    children = "".join(f"<sitemap><loc>{ROOT}/sitemaps/part-{n}.xml</loc></sitemap>\n" for n in range(INDEX_CHILDREN))
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{children}</sitemapindex>").encode()


def flood_site() -> ProxySite:
    """The site's routes; anything else (every `/flood/N`, `/huge/N`, `/sitemaps/part-N.xml` but
    the first) answers 404."""
    site = ProxySite()
    xml = "application/xml"
    site.add(f"{ROOT}/robots.txt", Answer(f"User-agent: *\nAllow: /\nSitemap: {ROOT}/sitemap_index.xml\n"
                                          f"Sitemap: {ROOT}/sitemap-huge.xml.gz\n", content_type="text/plain"))
    site.add(f"{ROOT}/", Answer(home()))
    site.add(f"{ROOT}/flood/", Answer(flood_page()))
    site.add(f"{ROOT}/big/", Answer(big_page()))
    site.add(f"{ROOT}/sitemap-huge.xml.gz", Answer(huge_sitemap(), content_type="application/x-gzip"))
    site.add(f"{ROOT}/sitemap_index.xml", Answer(sitemap_index(), content_type=xml))
    site.add(f"{ROOT}/sitemaps/part-0.xml", Answer(urlset(ARTICLES), content_type=xml))
    for n, url in enumerate(ARTICLES):
        site.add(url, Answer(article(f"Flood story {n}", paragraphs(f"Flood story {n}"))))
    return site

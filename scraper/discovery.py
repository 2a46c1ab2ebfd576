"""Where the spider looks for pages and which links it refuses: URL cleaning, link filters,
URL shapes for trap bounding, and sitemap/feed parsing.

Pure functions over URLs and bytes, so each rule is testable without a crawl.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

from courlan import is_not_crawlable, normalize_url
from parsel import Selector
from scrapy.http import TextResponse

from archive.sites import same_site, site_of
from scraper.jsonfeed import is_json_feed, json_feed_entries

#: Query parameters that never change the document (comment-reply and share links); courlan
#: already removes analytics trackers (utm_*, fbclid, ...).
NOISE_PARAMS = re.compile(r"(?:^|&)(?:replytocom|share|shared|amp|noamp|nocache)=[^&]*")

#: A directory index named explicitly: `/news/index.html` is `/news/`.
INDEX_FILE = re.compile(r"/index\.(?:html?|php)$")
#: Paths that are never fan-news pages: admin, auth, site search, comment feeds, embeds, APIs.
DENY = re.compile(
    r"/wp-(?:admin|login|json|includes|content/plugins)(?:[/.?]|$)|/xmlrpc\.php"
    r"|/(?:login|logout|signin|sign-in|signup|register|cart|checkout|my-account|account)(?:[/?.]|$)"
    r"|[?&](?:s|q|search|query)=|/search/?(?:\?|$)"
    r"|/(?:comments/)?feed/?$|/trackback/?$|/embed/?$|/oembed|/comment-page-\d+"
    r"|[?&](?:replytocom|share|print)=|/print/?$|/amp/?$|[?&]amp(?:=|&|$)",
    re.IGNORECASE,
)

#: Extensions of files that are never HTML articles (complements Scrapy's IGNORED_EXTENSIONS).
ASSET = re.compile(
    r"\.(?:css|js|mjs|json|xml|rss|atom|txt|ico|svg|webp|avif|png|jpe?g|gif|bmp|tiff?|mp[34]|m4[av]|webm"
    r"|ogg|wav|flac|avi|mov|mkv|woff2?|ttf|otf|eot|pdf|zip|gz|tgz|rar|7z|exe|dmg|apk|iso|csv|xlsx?|docx?|pptx?)$",
    re.IGNORECASE,
)

#: A family with at least this many listing pages and no article is a listing family.
FAMILY_MIN = 3
#: One `<url>; params` entry of an HTTP Link header.
LINK_HEADER = re.compile(r"<([^>]*)>([^<]*)")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"\x00\x00\x01\x00")


def clean_url(url: str) -> str:
    """The URL to request: normalized (case, default port, trackers) and without fragment or noise params."""
    url = urldefrag(url)[0]
    try:
        url = normalize_url(url)
    except ValueError:
        return url
    parts = urlsplit(url)
    if parts.query and NOISE_PARAMS.search(parts.query):
        parts = parts._replace(query=NOISE_PARAMS.sub("", parts.query).lstrip("&"))
    if INDEX_FILE.search(parts.path):
        parts = parts._replace(path=INDEX_FILE.sub("/", parts.path))
    return parts.geturl()


def is_followable(url: str, sites: set[str]) -> bool:
    """True for an http(s) URL on one of `sites` that may lead to articles."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or site_of(url) not in sites:
        return False
    return not (ASSET.search(parts.path) or DENY.search(url) or is_not_crawlable(url))


class ShapeBudget:
    """How many listing pages of one kind are worth following.

    A URL shape (see `url_shape`) is closed after `max_pages` listing pages (deep pagination).
    A URL family (see `family`) is closed after `barren_pages` of its listing pages in a row
    showed no new link outside the site's listing families: an infinite calendar, or the tag,
    category and pagination pages of a site whose sitemaps already listed every article."""

    def __init__(self, max_pages: int, barren_pages: int) -> None:
        self.max_pages = max_pages
        self.barren_pages = barren_pages
        self.listings: Counter[str] = Counter()
        self.barren: Counter[str] = Counter()
        self.kinds: dict[str, Counter[str]] = defaultdict(Counter)

    def allows(self, url: str) -> bool:
        return self.listings[url_shape(url)] < self.max_pages and self.barren[family(url)] < self.barren_pages

    def closed(self, url: str) -> tuple[str, str]:
        """What `allows(url)` refuses (a shape or a family) and why."""
        shape = url_shape(url)
        if self.listings[shape] >= self.max_pages:
            return shape, f"{self.listings[shape]} listing pages (FANWIRE_MAX_LISTING_PAGES)"
        name = family(url)
        return name, f"{self.barren[name]} listing pages in a row showed nothing new (FANWIRE_BARREN_PAGES)"

    def is_listing_family(self, url: str) -> bool:
        """True once enough pages of the URL's family were listings, and none an article."""
        kinds = self.kinds[family(url)]
        return kinds["listing"] >= FAMILY_MIN and not kinds["article"]

    def article_seen(self, url: str) -> None:
        name = family(url)
        self.kinds[name]["article"] += 1
        self.barren[name] = 0

    def listing_seen(self, url: str, new_links: int) -> None:
        """Count a fetched listing page and how many new links outside listing families it showed."""
        name = family(url)
        self.listings[url_shape(url)] += 1
        self.kinds[name]["listing"] += 1
        self.barren[name] = 0 if new_links else self.barren[name] + 1


def family(url: str) -> str:
    """URLs built by one route of a site: host, first path segment (digits as N), depth, query keys.
    `/tag/frieren/` and `/tag/bleach/` are one family; `/frieren-season-2/` is its own."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    first = re.sub(r"\d+", "N", segments[0]) if segments else ""
    keys = sorted({kv.split("=", 1)[0] for kv in parts.query.split("&") if kv})
    return f"{parts.netloc}/{first}/{len(segments)}?{'&'.join(keys)}"


def url_shape(url: str) -> str:
    """The URL with digit runs replaced and query values dropped: `/calendar/?m=202401` and
    `/calendar/?m=202402` share the shape `/calendar/?m=N`, which is how traps are bounded."""
    parts = urlsplit(url)
    keys = sorted({kv.split("=", 1)[0] for kv in parts.query.split("&") if kv})
    shape = re.sub(r"\d+", "N", parts.path)
    return f"{parts.netloc}{shape}?{'&'.join(keys)}" if keys else f"{parts.netloc}{shape}"


def looks_binary(body: bytes) -> bool:
    """A body that is not text whatever its Content-Type says (images, archives, PDFs served as text/html)."""
    head = body[:1024]
    return head.startswith(BINARY_MAGIC) or b"\x00" in head


def feed_links(selector: Selector) -> list[str]:
    """Feeds a page advertises with <link rel="alternate">, except comment feeds."""
    links = selector.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
        f"[{' or '.join(f'@type={t!r}' for t in FEED_TYPES)}]"
    )
    return [
        href for link in links
        if (href := link.attrib.get("href")) and "comment" not in f"{href} {link.attrib.get('title', '')}".lower()
    ]


def shortlinks(response: TextResponse) -> list[str]:
    """The page's own short URLs (`<link rel="shortlink">`, `Link: <...>; rel=shortlink`), absolute.
    Only URLs of the page's own site (`archive.sites`): a page cannot speak for another site's URLs."""
    hrefs = response.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' shortlink ')]/@href").getall()
    for header in response.headers.getlist("Link"):
        hrefs += [url for url, params in LINK_HEADER.findall(header.decode("latin-1"))
                  if re.search(r'rel\s*=\s*"?[^";,]*\bshortlink\b', params)]
    urls = [urljoin(response.url, h) for h in hrefs]
    return [url for url in urls if same_site(url, response.url)]


def feed_entries(body: bytes) -> Iterator[tuple[str, str | None]]:
    """(link, updated) of each entry of an RSS 2.0, RSS 1.0, Atom or JSON Feed (namespaces ignored).
    `updated` is when the entry last changed (Atom `updated`, RSS `atom:updated` or
    `dc:modified`, JSON Feed `date_modified`), or None: a publication date says nothing about later edits."""
    if is_json_feed(body):
        yield from json_feed_entries(body)
        return
    sel = Selector(body=body, type="xml")
    sel.remove_namespaces()
    for item in sel.xpath("//item"):
        link = item.xpath("link/text()").get()
        if link:
            yield link, item.xpath("(updated|modified)/text()").get()
    for entry in sel.xpath("//entry"):
        href = entry.xpath("link[@rel='alternate' or not(@rel)]/@href").get()
        if href:
            yield href, entry.xpath("updated/text()").get()


def rest_api_root(response: TextResponse) -> str | None:
    """The WordPress REST API root a page advertises (`Link: <...>; rel="https://api.w.org/"` or
    the same `<link>` in its head), absolute."""
    for header in response.headers.getlist("Link"):
        for url, params in LINK_HEADER.findall(header.decode("latin-1")):
            if "https://api.w.org/" in params:
                return urljoin(response.url, url)
    href = response.xpath("//link[@rel='https://api.w.org/']/@href").get()
    return urljoin(response.url, href) if href else None


def rest_posts(body: bytes) -> list[tuple[str, str | None]]:
    """(link, modified) of each post in a WordPress REST API `/wp/v2/posts` answer."""
    try:
        posts = json.loads(body)
    except ValueError:
        return []
    if not isinstance(posts, list):
        return []
    return [(p["link"], p.get("modified_gmt") or p.get("modified")) for p in posts
            if isinstance(p, dict) and isinstance(p.get("link"), str)]


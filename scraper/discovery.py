"""Which URLs the spider asks for: URL cleaning (one form per page), the site a URL belongs to,
and the links it refuses (assets, admin, search, comment feeds).

Pure functions over URLs, so each rule is testable without a crawl. The other rules of discovery
have their own modules: URL shapes and the listing budget (`shapes`), what a page advertises
(`advertised`), feeds and the REST API (`feeds`), sitemaps (`sitemaps`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urldefrag, urlsplit

from courlan import is_not_crawlable, normalize_url

from archive.sites import site_of

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

#: URLs whose clean form is remembered: a site's navigation repeats the same links on every page.
CLEAN_URL_CACHE = 1 << 13


@lru_cache(maxsize=CLEAN_URL_CACHE)
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

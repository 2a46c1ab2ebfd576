"""The links a page offers the crawl, bounded: at most `limit` distinct URLs, in document order.

Scrapy's LinkExtractor resolves, canonicalizes and collects the text of every `<a>` of a page
before it returns: on a page of 200,000 links that is seconds of the reactor thread and hundreds
of megabytes, for links a bounded crawl never follows. Here extraction stops at the first link
past the limit, and `bounded_selector` (run off the reactor thread on big pages) drops the
anchors after it while parsing, so the tree stays small and every XPath on the page cheap.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from lxml import etree, html
from parsel import Selector
from scrapy.http import TextResponse
from scrapy.utils.response import get_base_url
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

LINK_TAGS = ("a", "area")
#: Bytes of HTML fed to the parser at a time.
CHUNK = 64 * 1024
#: Resolved links remembered: a site's pages repeat their navigation, sidebar and footer links.
RESOLVED_CACHE = 1 << 13
ABSOLUTE = re.compile(r"https?://", re.IGNORECASE)


class PageLinks(NamedTuple):
    urls: list[str]  # absolute, distinct, in document order
    flooded: bool  # the page had more distinct links than the limit


def page_links(response: TextResponse, limit: int) -> PageLinks:
    """The page's `<a href>` and `<area href>` URLs (resolved against `<base href>`, as browsers
    do), at most `limit` distinct ones."""
    resolve = _resolver(response)
    urls: dict[str, None] = {}
    for element in _anchors(response.selector.root):
        url = resolve(element.get("href"))
        if url is None or url in urls:
            continue
        if len(urls) >= limit:
            return PageLinks(list(urls), True)
        urls[url] = None
    return PageLinks(list(urls), False)


def bounded_selector(response: TextResponse, limit: int) -> Selector:
    """The page's tree (as `response.selector` builds it) without the anchors past the first one
    beyond `limit` distinct links: they are dropped while the page is parsed, so a page of 200,000
    links never holds 200,000 elements (150 MB) at once, and every XPath on it stays cheap."""
    resolve = _resolver(response)
    parser = etree.HTMLPullParser(events=("end",), tag=LINK_TAGS, recover=True, encoding="utf-8", huge_tree=True,
                                  base_url=response.url)
    parser.set_element_class_lookup(html.HtmlElementClassLookup())  # the elements `response.selector` has
    body = response.text.strip().replace("\x00", "").encode("utf-8") or b"<html/>"
    urls: set[str] = set()
    flooded = False
    for start in range(0, len(body), CHUNK):
        parser.feed(body[start:start + CHUNK])
        for _, element in parser.read_events():
            parent = element.getparent()
            if flooded and parent is not None:
                parent.remove(element)
                continue
            url = resolve(element.get("href"))
            if url is not None and url not in urls:
                flooded = len(urls) >= limit  # this one shows the page has more: it stays
                urls.add(url)
    return Selector(root=parser.close(), type="html", base_url=response.url)


def _resolver(response: TextResponse) -> Callable[[str | None], str | None]:
    base = get_base_url(response)
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}/"

    def resolve(href: str | None) -> str | None:
        if href is None:
            return None
        href = strip_html5_whitespace(href)
        # a full URL, or a path from the root ("/news/x"), means the same on every page of the site
        same_everywhere = ABSOLUTE.match(href) or (href.startswith("/") and not href.startswith("//"))
        return _resolve(origin if same_everywhere else base, href, response.encoding)
    return resolve


@lru_cache(maxsize=RESOLVED_CACHE)
def _resolve(base: str, href: str, encoding: str) -> str | None:
    try:
        return urljoin(base, safe_url_string(urljoin(base, href), encoding=encoding))
    except ValueError:
        return None  # a bogus URL (a bad port, say) is no link


def _anchors(root: Any) -> Iterator[etree._Element]:
    return root.iter(*LINK_TAGS) if isinstance(root, etree._Element) else iter(())

"""The links a page offers the crawl, bounded: at most `limit` distinct URLs, in document order.

Scrapy's LinkExtractor resolves, canonicalizes and collects the text of every `<a>` of a page
before it returns: on a page of 200,000 links that is seconds of the reactor thread and hundreds
of megabytes, for links a bounded crawl never follows. Here extraction stops at the first link
past the limit, and `prune_links` (run off the reactor thread on big pages) removes the anchors
after it from the parsed tree, so that every later XPath on the page is cheap as well.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import urljoin

from lxml import etree
from scrapy.http import TextResponse
from scrapy.utils.response import get_base_url
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

LINK_TAGS = ("a", "area")


class PageLinks(NamedTuple):
    urls: list[str]  # absolute, distinct, in document order
    flooded: bool  # the page had more distinct links than the limit
    scanned: int  # anchors looked at, the one past the limit included


def page_links(response: TextResponse, limit: int) -> PageLinks:
    """The page's `<a href>` and `<area href>` URLs (resolved against `<base href>`, as browsers
    do), at most `limit` distinct ones."""
    base = get_base_url(response)
    urls: dict[str, None] = {}
    scanned = 0
    for element in _anchors(response):
        scanned += 1
        href = element.get("href")
        if href is None:
            continue
        try:
            url = urljoin(response.url, safe_url_string(urljoin(base, strip_html5_whitespace(href)),
                                                        encoding=response.encoding))
        except ValueError:
            continue  # a bogus URL (a bad port, say) is no link
        if url in urls:
            continue
        if len(urls) >= limit:
            return PageLinks(list(urls), True, scanned)
        urls[url] = None
    return PageLinks(list(urls), False, scanned)


def prune_links(response: TextResponse, limit: int) -> PageLinks:
    """`page_links`, then drop from the page's parsed tree (`response.selector`) the anchors
    after the first one past the limit, with their content and the text that follows each."""
    links = page_links(response, limit)
    if links.flooded:
        for element in list(_anchors(response))[links.scanned:]:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    return links


def _anchors(response: TextResponse) -> Iterator[etree._Element]:
    root = response.selector.root
    return root.iter(*LINK_TAGS) if isinstance(root, etree._Element) else iter(())

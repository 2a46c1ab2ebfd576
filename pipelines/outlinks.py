"""The links a page makes to other sites: evidence of which copy of a story credits which (a copy
that links to another copy's URL defers to it when the story's origin is decided)."""
from __future__ import annotations

from urllib.parse import urljoin

from lxml.html import HtmlElement

from archive.sites import same_site
from scraper.discovery import clean_url

#: Links kept per page: a credit line is one link; more than this is a link farm, not evidence.
MAX_OUTLINKS = 200


def outlinks(tree: HtmlElement, url: str) -> list[str]:
    """Distinct cleaned URLs of the page's `<a href>` links to other sites (resolved against its
    `<base href>` as a browser would), at most `MAX_OUTLINKS`."""
    base = urljoin(url, (tree.xpath("string(//base/@href)") or "").strip())
    found: dict[str, None] = {}
    for href in tree.xpath("//a/@href"):
        target = urljoin(base, href.strip())
        if target.startswith(("http://", "https://")) and not same_site(target, url):
            found[clean_url(target)] = None
            if len(found) >= MAX_OUTLINKS:
                break
    return list(found)

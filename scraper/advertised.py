"""What a page advertises besides its links: its feeds, its own short URLs and the WordPress
REST API root, in its `<head>` or its HTTP `Link` headers."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from parsel import Selector
from scrapy.http import TextResponse

from archive.sites import same_site

#: One `<url>; params` entry of an HTTP Link header.
LINK_HEADER = re.compile(r"<([^>]*)>([^<]*)")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")


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


def rest_api_root(response: TextResponse) -> str | None:
    """The WordPress REST API root a page advertises (`Link: <...>; rel="https://api.w.org/"` or
    the same `<link>` in its head), absolute."""
    for header in response.headers.getlist("Link"):
        for url, params in LINK_HEADER.findall(header.decode("latin-1")):
            if "https://api.w.org/" in params:
                return urljoin(response.url, url)
    href = response.xpath("//link[@rel='https://api.w.org/']/@href").get()
    return urljoin(response.url, href) if href else None

"""The links a page makes to other sites: evidence of which copy of a story credits which (a copy
that links to another copy's URL defers to it when the story's origin is decided)."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from archive.sites import DEFAULT_PORTS, Origin, origin
from scraper.discovery import clean_url

#: A URL with a scheme or a host of its own; any other resolves against the page's base.
ABSOLUTE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\)")
#: Links kept per page: a credit line is one link; more than this is a link farm, not evidence.
MAX_OUTLINKS = 200


def _home_prefixes(home: Origin | None) -> tuple[str, ...]:
    """How absolute links to the page's own origin begin ("https://site.example/"), to skip them
    unparsed: most pages link to their own site that way hundreds of times."""
    if home is None:
        return ()
    scheme, host, port = home
    hosts = (host, f"www.{host}") if port == DEFAULT_PORTS[scheme] else (f"{host}:{port}", f"www.{host}:{port}")
    return tuple(f"{scheme}://{h}/" for h in hosts)


def outlinks(tree: HtmlElement, url: str) -> list[str]:
    """Distinct cleaned URLs of the page's `<a href>` links to other sites (resolved against its
    `<base href>` as a browser would), at most `MAX_OUTLINKS`."""
    base = urljoin(url, (tree.xpath("string(//base/@href)") or "").strip())
    home = origin(url)
    relative_stays_home = home is not None and origin(base) == home
    home_prefixes = _home_prefixes(home)
    found: dict[str, None] = {}
    for href in tree.xpath("//a/@href"):
        if relative_stays_home and not ABSOLUTE.match(href) or href.startswith(home_prefixes):
            continue
        try:
            target = urljoin(base, href.strip())
            if target.startswith(("http://", "https://")) and (home is None or origin(target) != home):
                found[clean_url(target)] = None
        except ValueError:  # "http://[ccpa-preferences]": a bracketed host that is no IP address
            continue
        if len(found) >= MAX_OUTLINKS:
            break
    return list(found)

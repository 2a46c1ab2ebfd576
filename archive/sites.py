"""What one site is: the rule the crawl, the pipelines and the archive all apply before a URL may
speak for another (be requested, be an alias, be a canonical key).

A site is a scheme, a host and a port. `www.` and the bare host are one site (sites add or drop it
in redirects and links at will); every other subdomain is a site of its own, because a parent
domain often hands subdomains to other people (`user.blog-host.example`), and a port is another
server. Pure functions over strings, so the archive can use them without Scrapy.
"""
from __future__ import annotations

from urllib.parse import urlsplit

#: The port a URL without one uses.
DEFAULT_PORTS = {"http": 80, "https": 443}

Origin = tuple[str, str, int]


def origin(url: str) -> Origin | None:
    """(scheme, host without `www.`, port) of an http(s) URL; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a port that is not a number, an unbalanced IPv6 bracket
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    return scheme, host.removeprefix("www."), port or DEFAULT_PORTS[scheme]


def origin_name(value: Origin) -> str:
    """`scheme://host:port` of an origin, as it is named in logs and `crawl_errors`."""
    scheme, host, port = value
    return f"{scheme}://{host}:{port}"


def site_of(url: str) -> str:
    """The name a URL's site is counted and stored under: its host[:port] without a leading `www.`,
    which sites add or drop in redirects and links at will."""
    return urlsplit(url).netloc.lower().removeprefix("www.")


def same_site(url: str, other: str) -> bool:
    """True when both URLs are http(s) URLs of one site."""
    mine = origin(url)
    return mine is not None and mine == origin(other)

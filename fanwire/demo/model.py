"""Value types shared by the world, the site themes and the server.

Themes describe each URL as a :class:`Page` (how to render it plus the ground
truth about it); the world indexes pages and the server only sees
:class:`Response` objects, so HTTP concerns stay out of the templates.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Optional

from .content import Article


@dataclass(frozen=True)
class DemoSite:
    """A fake website: where it lives and how its pages are encoded."""

    host: str
    name: str
    lang: str
    encoding: str
    base_url: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", f"http://{self.host}")

    def url(self, path: str) -> str:
        """Absolute URL for a site-relative path."""
        return self.base_url + path


@dataclass(frozen=True)
class Response:
    """A rendered HTTP response; etag/last_modified enable conditional GETs."""

    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=UTF-8"
    headers: tuple[tuple[str, str], ...] = ()
    etag: Optional[str] = None
    last_modified: Optional[datetime] = None


@dataclass(frozen=True)
class Page:
    """One URL a site serves or links to, with its ground truth."""

    path: str  # path plus "?query" if any
    kind: str  # "article" | "listing" | "other"
    render: Callable[[], Response]
    status: int = 200
    article: Optional[Article] = None
    canonical: Optional[str] = None  # canonical path, for articles
    variant: Optional[str] = None
    fault: Optional[str] = None
    location: Optional[str] = None  # absolute redirect target


def _no_dynamic(path: str, query: str) -> Optional[Response]:
    return None


@dataclass(frozen=True)
class SiteRoutes:
    """Everything the world needs from a theme to serve one site."""

    pages: list[Page]
    not_found: Callable[[], Response]
    # URLs generated on demand (e.g. an endless calendar); None means 404.
    dynamic: Callable[[str, str], Optional[Response]] = _no_dynamic

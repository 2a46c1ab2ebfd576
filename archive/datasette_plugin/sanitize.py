"""Make crawled HTML and URLs safe to show inside the archive (nh3, Ammonia's sanitizer).

Crawled pages are untrusted: a page can carry `<script>`, `on*=` handlers or `javascript:` links.
Only the sanitized form of stored HTML ever reaches a reader's browser.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import nh3
from markupsafe import Markup

#: Only these schemes survive in links; `javascript:`, `data:` and `vbscript:` never do.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: nh3's default tags less the ones that make the reader's browser fetch from the crawled site
#: (images and image maps): viewing an archived page should not tell its site someone looked.
TAGS = frozenset(nh3.ALLOWED_TAGS - {"img", "map", "area"})
#: Tags removed with their content, not just unwrapped.
DROP_WITH_CONTENT = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
                               "math", "head", "title"})


def sanitize_html(html: str, base_url: str | None = None) -> Markup:
    """`html` with every script, handler, style and unsafe URL removed; relative links resolved
    against `base_url` so they lead to the original site rather than into the archive."""
    relative = ("rewrite_with_base", base_url) if safe_url(base_url) else "deny"
    cleaned = nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        url_relative=relative,
    )
    return Markup(cleaned)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL, else None (so it is never put in an href)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None

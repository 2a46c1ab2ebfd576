"""JSON Feed (jsonfeed.org, versions 1 and 1.1), the feed a page advertises as
`application/feed+json`: its items read as an XML feed's entries are, so a site whose only feed
is JSON is discovered like one with RSS or Atom."""
from __future__ import annotations

import json
from collections.abc import Iterator

#: Bytes that may come before a JSON document's first `{`: a UTF-8 byte-order mark and whitespace.
LEADING = b"\xef\xbb\xbf \t\r\n"


def is_json_feed(body: bytes) -> bool:
    """True for a body that is a JSON object (an XML feed starts with `<`)."""
    return body.lstrip(LEADING)[:1] == b"{"


def json_feed_entries(body: bytes) -> Iterator[tuple[str, str | None]]:
    """(url, date_modified) of each item of a JSON Feed that names its page; nothing for a body that
    is not one. `external_url` is skipped: it names the page an item is about, on another site."""
    try:
        feed = json.loads(body)
    except ValueError:
        return
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict):
            continue
        url, modified = item.get("url"), item.get("date_modified")
        if isinstance(url, str) and url.strip():
            yield url, modified if isinstance(modified, str) else None

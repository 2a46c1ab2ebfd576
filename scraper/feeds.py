"""The URLs a feed or the WordPress REST API lists, with the date each last changed (sitemaps
are read by `scraper.sitemaps`)."""
from __future__ import annotations

import json
from collections.abc import Iterator

from parsel import Selector

from scraper.jsonfeed import is_json_feed, json_feed_entries


def feed_entries(body: bytes) -> Iterator[tuple[str, str | None]]:
    """(link, updated) of each entry of an RSS 2.0, RSS 1.0, Atom or JSON Feed (namespaces ignored).
    `updated` is when the entry last changed (Atom `updated`, RSS `atom:updated` or
    `dc:modified`, JSON Feed `date_modified`), or None: a publication date says nothing about later edits."""
    if is_json_feed(body):
        yield from json_feed_entries(body)
        return
    sel = Selector(body=body, type="xml")
    sel.remove_namespaces()
    for item in sel.xpath("//item"):
        link = item.xpath("link/text()").get()
        if link:
            yield link, item.xpath("(updated|modified)/text()").get()
    for entry in sel.xpath("//entry"):
        href = entry.xpath("link[@rel='alternate' or not(@rel)]/@href").get()
        if href:
            yield href, entry.xpath("updated/text()").get()


def rest_posts(body: bytes) -> list[tuple[str, str | None]]:
    """(link, modified) of each post in a WordPress REST API `/wp/v2/posts` answer."""
    try:
        posts = json.loads(body)
    except ValueError:
        return []
    if not isinstance(posts, list):
        return []
    return [(p["link"], p.get("modified_gmt") or p.get("modified")) for p in posts
            if isinstance(p, dict) and isinstance(p.get("link"), str)]

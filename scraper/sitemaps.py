"""Sitemaps and sitemap indexes read in bounded work: streamed, gzip included, stopping after
`max_entries` entries or `max_size` bytes of XML, whichever comes first.

A sitemap of a million URLs (53 MB of XML, 2.5 MB gzipped) or an index of ten thousand children
is read only as far as the bounds, parsing as it decompresses, without building the whole tree
(the protocol's own limits are 50,000 entries and 50 MB per file; sitemaps.org).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

#: XML fed to the parser at a time.
CHUNK = 64 * 1024
KINDS = ("urlset", "sitemapindex")


@dataclass
class SitemapRead:
    kind: str | None  # 'urlset' or 'sitemapindex' (None: neither)
    entries: list[tuple[str, str | None]] = field(default_factory=list)  # (loc, lastmod)
    cut: str | None = None  # why the rest of the file was not read


def read_sitemap(body: bytes, max_entries: int, max_size: int) -> SitemapRead:
    """(kind, [(loc, lastmod)], cut) of a sitemap or sitemap index, gzipped or not. Entities are
    not expanded and nothing is fetched (no DTD, no XInclude); broken XML gives what came before."""
    parser = etree.XMLPullParser(events=("start", "end"), recover=True, resolve_entities=False, no_network=True,
                                 remove_comments=True, remove_pis=True, huge_tree=False)
    read = SitemapRead(None)
    size = 0
    for chunk in _xml_chunks(body):
        size += len(chunk)
        if size > max_size:
            read.cut = f"more than {max_size} bytes of XML (FANWIRE_SITEMAP_MAX_SIZE)"
            break
        parser.feed(chunk)
        if _take(parser, read, max_entries):
            break
    else:
        try:
            parser.close()
        except etree.XMLSyntaxError:
            pass  # recover=True still complains of a document with no root: nothing was read
        _take(parser, read, max_entries)
    return read


def _take(parser: etree.XMLPullParser, read: SitemapRead, max_entries: int) -> bool:
    """Move the parser's finished entries into `read`; True once the entry limit is passed."""
    for event, element in parser.read_events():
        name = etree.QName(element).localname if isinstance(element.tag, str) else ""
        if event == "start":
            if read.kind is None and element.getparent() is None:
                read.kind = name if name in KINDS else ""
            continue
        if name not in ("url", "sitemap") or element.getparent() is None:
            continue
        loc, lastmod = _child_text(element, "loc"), _child_text(element, "lastmod")
        _forget(element)
        if not loc:
            continue
        if len(read.entries) >= max_entries:
            read.cut = f"more than {max_entries} entries (FANWIRE_SITEMAP_MAX_URLS)"
            return True
        read.entries.append((loc, lastmod))
    return False


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            return (child.text or "").strip() or None
    return None


def _forget(element: etree._Element) -> None:
    """Free an entry once read, and the entries before it, so the tree never grows."""
    element.clear()
    parent = element.getparent()
    while element.getprevious() is not None:
        del parent[0]


def _xml_chunks(body: bytes) -> Iterator[bytes]:
    """The body's XML in chunks, gunzipped as it goes if it is gzip (a broken gzip stream ends it)."""
    if body[:2] != b"\x1f\x8b":
        for start in range(0, len(body), CHUNK):
            yield body[start:start + CHUNK]
        return
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = body
    while data and not inflate.eof:
        try:
            chunk = inflate.decompress(data, CHUNK)
        except zlib.error:
            return
        data = inflate.unconsumed_tail
        if chunk:
            yield chunk

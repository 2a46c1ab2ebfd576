"""Site-template learning: the blocks a site repeats on many of its articles are its chrome.

A block is a text-bearing element with no block-level children (a paragraph, list item,
heading, caption, a div holding only inline text). Its key is its tag and classes plus its
normalized text (case, width, whitespace folded; digits as 0, so "5 comments" and "12 comments"
match). A site's template counts, per key, on how many of its distinct documents the block
appears; a key seen on at least `MIN_PAGES` documents and `MIN_SHARE` of them is chrome and
is removed from every page of the site before extraction. Variants of one document (AMP, print,
share links) are counted once, by canonical URL, so an article's own paragraphs never look
repeated. Keys are stored as 64-bit digests, and only those seen twice or more are persisted.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import Any

from lxml.html import HtmlElement

#: Documents a block must appear on before it counts as chrome (never from one or two pages).
MIN_PAGES = 3
#: Share of the site's documents a block must appear on: chrome is on most pages, while a
#: stock quote or sign-off that some articles share stays body text.
MIN_SHARE = 0.3
#: Longest block text considered (characters): longer blocks are prose, not chrome.
MAX_BLOCK_CHARS = 400
#: Removal never takes more than this share of a page's block text (a guard against a site
#: whose articles are near-identical; a short article on a heavy template is mostly chrome).
MAX_REMOVED_SHARE = 0.8
#: Block-level elements; one is a leaf block when none of its children is block-level. Headings
#: and quotes are left out: "Final Thoughts" or a quoted line recurring across articles is
#: structure and content, and the generic rules already catch "Related"/"Comments" headings.
BLOCK_TAGS = ("p", "li", "figcaption", "dt", "dd", "td", "th", "div", "section", "aside", "header", "footer",
              "nav", "form", "figure")
CONTAINER_TAGS = frozenset(BLOCK_TAGS) | {"ul", "ol", "table", "tbody", "tr", "article", "main", "dl", "blockquote",
                                          "h1", "h2", "h3", "h4", "h5", "h6"}
#: A number, read as 0 in a block's key ("5 comments" and "12 comments" match).
DIGITS = re.compile(r"\d+")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return DIGITS.sub("0", " ".join(text.split()))


def _digest(key: str) -> str:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def blocks(tree: HtmlElement) -> list[tuple[str, HtmlElement, int]]:
    """(key digest, element, text length) of each leaf block of the page."""
    quoted = next(tree.getroottree().iter("blockquote"), None) is not None  # else no block needs the walk up
    out = []
    for el in tree.iter(*BLOCK_TAGS):
        if any(child.tag in CONTAINER_TAGS for child in el.iterchildren()) or \
                quoted and next(el.iterancestors("blockquote"), None) is not None:
            continue
        text = _normal(el.text_content())
        if not text or len(text) > MAX_BLOCK_CHARS:
            continue
        key = f"{el.tag}.{'.'.join(sorted(el.get('class', '').split()))}|{text}"
        out.append((_digest(key), el, len(text)))
    return out


def block_digests(tree: HtmlElement) -> list[str]:
    """The distinct block digests of a page: what a template counts."""
    return list(dict.fromkeys(digest for digest, _, _ in blocks(tree)))


@dataclass
class SiteTemplate:
    """What one site repeats, learned from its documents."""

    site: str
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    _chrome: frozenset[str] | None = field(default=None, repr=False)

    def observe(self, document: str, tree: HtmlElement) -> None:
        """Count the blocks of one document (a repeat of a known document is ignored)."""
        self.observe_digests(document, block_digests(tree))

    def observe_digests(self, document: str, digests: Iterable[str]) -> None:
        """`observe` for a document whose blocks were read elsewhere (an extraction process)."""
        if document in self.documents:
            return
        self.documents.add(document)
        self.pages += 1
        self.counts.update(set(digests))
        self._chrome = None

    @property
    def chrome(self) -> frozenset[str]:
        if self._chrome is None:
            floor = max(MIN_PAGES, MIN_SHARE * self.pages)
            self._chrome = frozenset(k for k, n in self.counts.items() if n >= floor)
        return self._chrome

    def strip(self, tree: HtmlElement) -> int:
        """Remove the site's chrome blocks from `tree`; returns how many were removed."""
        chrome = self.chrome
        if not chrome:
            return 0
        found = blocks(tree)
        doomed = [(el, n) for digest, el, n in found if digest in chrome]
        if sum(n for _, n in doomed) > MAX_REMOVED_SHARE * sum(n for _, _, n in found):
            return 0
        for el, _ in doomed:
            if el.getparent() is not None:
                el.drop_tree()
        return len(doomed)

    def to_record(self) -> dict[str, Any]:
        """The persisted form: keys seen at least twice (others cannot become chrome soon)."""
        return {"site": self.site, "pages": self.pages,
                "blocks": {k: n for k, n in self.counts.items() if n >= 2}}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SiteTemplate:
        return cls(record["site"], int(record["pages"]), Counter(record["blocks"]))

    @classmethod
    def frozen(cls, site: str, chrome: Iterable[str]) -> SiteTemplate:
        """A template that strips exactly `chrome`: what an extraction process gets of the
        template its parent process keeps learning."""
        return cls(site, _chrome=frozenset(chrome))

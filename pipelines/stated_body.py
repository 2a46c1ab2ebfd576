"""The article text a page states in its JSON-LD (`articleBody`), as a second opinion on the body.

Many news pages state their article's text in JSON-LD for search engines. Where that text and
the extracted body agree on most of the body, lines of the body the stated text lacks, after the
last line they share, are the page's chrome that trafilatura kept past the article's end (a
"more" teaser, a box of article facts, an appeal). Where they do not agree (the stated text is a
teaser, a paywall's first paragraph, another article), the body is left as it is.
"""
from __future__ import annotations

import re

from lxml.html import HtmlElement

from scraper import jsonld

#: Shortest stated text that is the article rather than its summary (characters).
MIN_STATED_CHARS = 300
#: The share of the body's text found in the stated text for them to agree.
MIN_AGREEMENT = 0.6
#: A line counts as found when this share of its word trigrams are in the stated text.
LINE_FOUND_SHARE = 0.5
WORD = re.compile(r"\w+")


def stated_body(tree: HtmlElement) -> str | None:
    """The page's JSON-LD `articleBody` (the first one that is text), or None."""
    for node in jsonld.nodes(script.text for script in tree.xpath(jsonld.SCRIPTS)):
        body = node.get("articleBody")
        if isinstance(body, str) and body.strip():
            return body
    return None


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < 3:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _found(line: str, stated_words: str, stated_grams: set[tuple[str, ...]]) -> bool:
    words = WORD.findall(line.casefold())
    if not words:
        return True
    if f" {' '.join(words)} " in stated_words:
        return True
    grams = _grams(words)
    return len(grams) >= 2 and len(grams & stated_grams) >= LINE_FOUND_SHARE * len(grams)


def agreed_with(text: str, stated: str | None) -> str:
    """`text` less the lines after the last one the stated text holds too, when the two agree
    (the stated text is long and holds most of `text`); else `text` as it is."""
    if not stated or len(stated) < MIN_STATED_CHARS:
        return text
    words = WORD.findall(stated.casefold())
    stated_words, stated_grams = f" {' '.join(words)} ", _grams(words)
    lines = text.split("\n")
    found = [_found(line, stated_words, stated_grams) for line in lines]
    total = sum(len(line) for line in lines)
    if not total or sum(len(line) for line, ok in zip(lines, found) if ok) < MIN_AGREEMENT * total:
        return text
    last = max(i for i, ok in enumerate(found) if ok)
    return "\n".join(lines[:last + 1])

"""What a page states about its article's text, as evidence on the extracted body.

1. The JSON-LD `articleBody`: many news pages state their article's text there for search
   engines. Where it and the extracted body agree on most of the body, the body's lines after
   the last one they share are chrome trafilatura kept past the article's end (a "more" teaser,
   a box of article facts, an appeal). Where they do not agree (the stated text is a teaser, a
   paywall's first paragraph, another article), the body is left as it is.
2. The description (`og:description`, `<meta name="description">`) shown inside the article as a
   block of its own: the article's standfirst, which opens the body when the body lacks it.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from scraper import jsonld

#: Shortest stated text that is the article rather than its summary (characters).
MIN_STATED_CHARS = 300
#: The share of the body's text found in the stated text for them to agree.
MIN_AGREEMENT = 0.6
#: A line counts as found when this share of its word trigrams are in the stated text.
LINE_FOUND_SHARE = 0.5
WORD = re.compile(r"\w+")
#: Where a page states its description, and the fewest words one has to be a standfirst.
DESCRIPTIONS = ("//meta[@property='og:description' or @name='description' or @name='twitter:description']"
                "/@content")
MIN_STANDFIRST_WORDS = 8
#: The texts of the article (not of its scripts) holding a word.
SHOWN_TEXTS = etree.XPath("(//article | //main)//text()[contains(., $word)][not(parent::script or parent::style)]")
#: The blocks a standfirst is shown in.
STANDFIRST_TAGS = ("p", "div", "h2", "h3", "span", "strong", "section", "header")


def stated_body(tree: HtmlElement, scripts: list[str | None] | None = None) -> str | None:
    """The page's JSON-LD `articleBody` (the first one that is text), or None (only the blocks
    that name one are parsed). `scripts`: the texts of the page's JSON-LD blocks, when read already."""
    if scripts is None:
        scripts = [script.text for script in tree.xpath(jsonld.SCRIPTS)]
    scripts = [text for text in scripts if "articleBody" in (text or "")]
    for node in jsonld.nodes(scripts):
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


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def shown_standfirst(tree: HtmlElement) -> str | None:
    """The page's stated description where the page shows it as a block's whole text inside the
    article (`<article>`, `<main>`: a standfirst under the headline), as shown; else None (a
    description only in the markup, or shown in a page header above the article, a deck that
    frames it rather than its first paragraph). Only the blocks around a text holding the
    description's longest word are read."""
    seen = set()
    for description in tree.xpath(DESCRIPTIONS):
        wanted = _words(description)
        if len(wanted.split()) < MIN_STANDFIRST_WORDS or wanted in seen:
            continue
        seen.add(wanted)
        for text in SHOWN_TEXTS(tree, word=max(description.split(), key=len)):
            if _words(text) in wanted and (shown := _block_showing(text.getparent(), wanted)) is not None:
                return shown
    return None


def _block_showing(el: HtmlElement | None, wanted: str) -> str | None:
    """The text of `el` or of an ancestor, up to the article, when it is all `wanted`."""
    while el is not None and el.tag not in ("article", "main", "body"):
        shown = " ".join(el.text_content().split())
        words = _words(shown)
        if len(words) > len(wanted):
            return None
        if words == wanted and el.tag in STANDFIRST_TAGS and next(el.iterancestors("article", "main"), None) is not None:
            return shown
        el = el.getparent()
    return None


def with_standfirst(text: str, standfirst: str | None) -> str:
    """`text` opened by the standfirst the page shows, when `text` does not hold it already (the
    main container trafilatura chose starts below it)."""
    if not standfirst:
        return text
    if f" {_words(standfirst)} " in f" {_words(text)} ":
        return text
    return f"{standfirst}\n{text}" if text else standfirst

"""The article's HTML as a client-rendered page carries it in its script data.

A page built in the browser (Next.js's `self.__next_f.push(...)` and `__NEXT_DATA__`, Nuxt's
state, a store's `window.__INITIAL_STATE__`) may send its article only as a JSON string of HTML
(`"contentHtml":"\\u003cp\\u003e…"`) for its scripts to render: the markup a crawler gets shows
the headline and no text. Such a string is the article's text when no other is found.
"""
from __future__ import annotations

import json
import re

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

#: A JSON string literal long enough to hold an article (its escaped characters included).
STRING = re.compile(r'"((?:[^"\\]|\\.){400,})"')
#: An escaped or plain paragraph tag inside a string: the sign of HTML worth decoding.
PARAGRAPH_TAG = re.compile(r"\\u003cp[\s>\\]|<p[\s>]", re.IGNORECASE)
#: The fewest paragraphs and characters of paragraph text a string must hold to be an article.
MIN_PARAGRAPHS = 3
MIN_TEXT_CHARS = 400
#: JSON inside a string inside a script (Next.js streams its data as JS strings of JSON).
MAX_DEPTH = 2
#: The elements whose text makes the article's lines.
BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote")
#: An image's caption and credit, which the article's text leaves out.
CAPTION = re.compile(r"caption|credit", re.IGNORECASE)


def _strings(text: str, depth: int = 0) -> list[str]:
    """The decoded JSON strings of `text` that hold paragraph markup, strings within strings too."""
    found = []
    for match in STRING.finditer(text):
        if not PARAGRAPH_TAG.search(match.group(1)):
            continue
        try:
            value = json.loads(f'"{match.group(1)}"')
        except ValueError:
            continue
        if depth + 1 < MAX_DEPTH and STRING.search(value):
            found.extend(_strings(value, depth + 1))
        found.append(value)
    return found


def _lines(fragment: HtmlElement) -> list[str]:
    lines = []
    for element in fragment.iter(*BLOCKS):
        if any(ancestor.tag in BLOCKS or ancestor.tag in ("figure", "figcaption")
               or CAPTION.search(ancestor.get("class") or "") for ancestor in element.iterancestors()):
            continue
        line = " ".join(element.text_content().split())
        if line:
            lines.append(line)
    return lines


def script_body(html: str) -> str | None:
    """The text of the longest article the page's script data holds as HTML (paragraphs, headings,
    list items, quotes a line), or None where no string holds `MIN_PARAGRAPHS` paragraphs and
    `MIN_TEXT_CHARS` of text."""
    best: list[str] = []
    for value in dict.fromkeys(_strings(html)):
        try:
            fragment = fragment_fromstring(value, create_parent="div")
        except (etree.ParserError, ValueError):
            continue
        paragraphs = [p for p in fragment.iter("p") if p.text_content().strip()]
        lines = _lines(fragment)
        if len(paragraphs) >= MIN_PARAGRAPHS and sum(map(len, lines)) > sum(map(len, best)):
            best = lines
    return "\n".join(best) if sum(map(len, best)) >= MIN_TEXT_CHARS else None

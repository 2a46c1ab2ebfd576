"""Line breaks of the page's source inside a paragraph are layout, not text: a browser shows them
as a space. trafilatura's main pass keeps them ("sed do eiusmod\\ntempor incididunt"), so a
hard-wrapped paragraph came out as several lines, and every rule that reads the text line by line
(bylines, headings, paywall notices, the stated body's agreement) saw fragments of it. They are
folded to a space before trafilatura reads the tree; text whose breaks are meant (`<pre>` and the
code in it, `<textarea>`) keeps them, and `<br>` still breaks a line.
"""
from __future__ import annotations

import re

from lxml.html import HtmlElement

#: Elements whose text keeps its line breaks, as a browser keeps them.
PRESERVED = ("pre", "textarea", "listing", "plaintext", "xmp", "script", "style")
#: Blocks: the whitespace opening their text, or their tail, is not shown.
BLOCKS = frozenset("p div li td th h1 h2 h3 h4 h5 h6 section article blockquote figcaption dd dt header footer "
                   "main aside ul ol dl table tr figure".split())
#: A source line break and the indentation around it, between two words of one text: at a text's
#: ends a break may be all that parts it from a block an unclosed inline element swallowed.
SOURCE_BREAK = re.compile(r"(?<=\S)[ \t\r\f\v]*\n\s*(?=\S)")


def fold_source_breaks(tree: HtmlElement) -> HtmlElement:
    """`tree` with each source line break inside its texts and tails replaced by a space, and the
    whitespace opening a block's text or following a block dropped (in place)."""
    kept = {el for pre in tree.iter(*PRESERVED) for el in pre.iter()}  # live proxies: lxml gives the same one back
    for el in tree.iter():
        block = el.tag in BLOCKS
        if el.text and "\n" in el.text and isinstance(el.tag, str) and el not in kept:
            el.text = SOURCE_BREAK.sub(" ", el.text.lstrip() if block else el.text)
        if el.tail and "\n" in el.tail:
            parent = el.getparent()
            if parent is None or parent not in kept:
                el.tail = SOURCE_BREAK.sub(" ", el.tail.lstrip() if block else el.tail)
    return tree


#: Spaces a folded break leaves at a line's ends: one before the line, any after it.
LINE_END_SPACES = re.compile(r"[ \t]+$|^ (?=\S)", re.MULTILINE)


def trim_lines(text: str) -> str:
    """`text` without the spaces folding left at its lines' ends (a block's text opening on a
    break). Deeper indentation, as in code, is kept."""
    return LINE_END_SPACES.sub("", text)

"""A page's JSON-LD, read within bounds, for page classification (`scraper.pagetype`) and
metadata (`pipelines.page_metadata`) alike: one walk and one list of article types, so a page
classified as an article by its JSON-LD also has that JSON-LD's metadata read.

Pages are written by anyone: a block may be megabytes long (trafilatura, which reads JSON-LD
too, took 700 MB over a 5 MB one), nested a hundred thousand levels deep (`json` raises
RecursionError), or give any key any type (`"@type": 5`, `"author": {"x": 1}`). Blocks over
`MAX_BLOCK_CHARS` or nested deeper than `MAX_DEPTH` are skipped whole, as is invalid JSON; what is
read is taken only where it has the expected type, so a bad block costs its fields, never the page.
"""
from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Any

#: Longest block read (characters): real blocks, a full `articleBody` included, are tens of kB.
MAX_BLOCK_CHARS = 256 * 1024
#: Deepest nesting of arrays and objects read: real blocks nest a few levels.
MAX_DEPTH = 64
#: Nodes taken from one page's blocks (top level and `@graph` members).
MAX_NODES = 200
#: XPath of the blocks in a page.
SCRIPTS = "//script[@type='application/ld+json']"
#: A block wrapped for XHTML or old browsers: `<![CDATA[ … ]]>`, `<!-- … -->` (JSON allows neither).
WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
BRACKET = re.compile(r"[\[\]{}]")
#: schema.org types (lower case) of a node that is one article: its headline, author and dates are the page's.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "askpublicnewsarticle", "satiricalarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "review", "techarticle", "socialmediaposting", "liveblogposting",
})


def depth(text: str) -> int:
    """How deep arrays and objects nest in a JSON text (brackets inside strings aside)."""
    steps = (1 if b in "[{" else -1 for b in BRACKET.findall(STRING.sub("", text)))
    return max(accumulate(steps), default=0)


def readable(text: str | None) -> bool:
    """A block small and shallow enough to be parsed."""
    return bool(text) and len(text) <= MAX_BLOCK_CHARS and depth(text) <= MAX_DEPTH


def parse(text: str | None) -> Any:
    """A block's data, or None when it is too big, too deep or not JSON (a CDATA or comment
    wrapper aside)."""
    if not text or not readable(text):
        return None
    try:
        return json.loads(WRAPPER.sub("", text))
    except ValueError:
        return None


def nodes(texts: Iterable[str | None]) -> Iterator[dict[str, Any]]:
    """The objects of the blocks' top level and `@graph` lists, breadth first, at most `MAX_NODES`."""
    count = 0
    for text in texts:
        queue = deque([parse(text)])
        while queue and count < MAX_NODES:
            node = queue.popleft()
            if isinstance(node, list):
                queue.extend(node)
            elif isinstance(node, dict):
                count += 1
                yield node
                graph = node.get("@graph")
                queue.extend(graph if isinstance(graph, list) else [])


def types(node: dict[str, Any]) -> set[str]:
    """The node's `@type`s, lower case: a string or the strings of a list; anything else is none."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def article(texts: Iterable[str | None]) -> dict[str, Any]:
    """The blocks' first node of an article type (`ARTICLE_TYPES`), or an empty dict."""
    return next((node for node in nodes(texts) if types(node) & ARTICLE_TYPES), {})

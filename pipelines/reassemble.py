"""Rebuild the article body a page splits apart, after the boilerplate is pruned
(`pipelines.boilerplate`) and before trafilatura, which keeps one main container, reads it:

1. Text running on after a block (a picture's frame) is made a paragraph (`wrap_loose_text`).
2. An article body split into sibling chunks between ads (several paragraphs each, or a how-to's
   step boxes), with the section headings boxed between them, is joined (`join_split_body`).
"""
from __future__ import annotations

from lxml.html import HtmlElement

from pipelines.boilerplate import MAX_HEADING_CHARS, paragraph_chars

#: What makes a sibling container one chunk of a split article body.
MIN_CHUNK_PARAGRAPHS = 2
MIN_CHUNK_CHARS = 200
#: A body split into steps: this many sibling chunks, each with a paragraph this long.
MIN_STEPS = 3
MIN_STEP_CHARS = 40
CHUNK_TAGS = ("div", "section", "article")
STEP_SHARE = 0.5
#: Block elements after which a run of text of this many characters or more is made a paragraph.
LOOSE_AFTER = ("div", "figure", "table", "ul", "ol", "section", "blockquote")
MIN_LOOSE_CHARS = 40
INLINE_TAGS = ("a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "abbr", "cite", "code", "time",
               "mark", "q")
HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _drop(el: HtmlElement) -> None:
    """Remove an element but keep its tail text in the document (no-op once it is detached)."""
    if el.getparent() is not None:
        el.drop_tree()


def wrap_loose_text(tree: HtmlElement) -> HtmlElement:
    """Make a paragraph of the text that runs on after a block element (a figure's frame, a
    table) with the inline elements that continue it, up to a line break or a block: trafilatura
    reads the text of blocks and can lose such a run, the paragraph after an embedded picture."""
    for el in list(tree.iter(*LOOSE_AFTER)):
        parent = el.getparent()
        if parent is None or len((el.tail or "").strip()) < MIN_LOOSE_CHARS:
            continue
        paragraph = el.makeelement("p", {})
        paragraph.text, el.tail = el.tail, None
        following = el.getnext()
        el.addnext(paragraph)
        while following is not None and following.tag in INLINE_TAGS:
            nxt = following.getnext()
            paragraph.append(following)
            following = nxt
    return tree


def join_split_body(tree: HtmlElement) -> HtmlElement:
    """Join an article body that the page splits into sibling chunks of the same kind (same tag
    and class, or one's class tokens a part of the other's), interleaved with ads or embeds, so
    that trafilatura, which keeps one main container, keeps all of it: chunks of several
    paragraphs each, or a run of steps (a how-to's "Step 1", "Step 2" boxes, some holding only a
    list or a line) most of which hold prose. A section heading boxed on its own between two
    chunks goes with them, in its place."""
    for parent in list(tree.iter()):
        if len(parent) < 2:  # a chunk has a sibling at least (read now: joining adds children)
            continue
        for first, *rest in filter(None, map(_split_body, _chunk_kinds(parent))):
            chunks = set(rest)
            following = first.getnext()
            while chunks and following is not None:
                nxt = following.getnext()
                if following in chunks:
                    first.extend(list(following))
                    _drop(following)
                    chunks.discard(following)
                elif _is_heading_box(following):
                    first.append(following)
                following = nxt
    return tree


def _is_heading_box(el: HtmlElement) -> bool:
    """A heading, or a box that holds nothing but one."""
    if el.tag in HEADINGS:
        return True
    heads = el.xpath(".//h2 | .//h3 | .//h4 | .//h5 | .//h6")
    return len(heads) == 1 and 0 < len(_text(el)) <= MAX_HEADING_CHARS and _text(el) == _text(heads[0])


def _chunk_kinds(parent: HtmlElement) -> list[list[HtmlElement]]:
    """The classed container children of `parent` by kind: the same tag, and class tokens of which
    one sibling's are all in the other's (a first box "step-content mod" is one of the "step-content")."""
    kinds: list[tuple[str, set[str], list[HtmlElement]]] = []
    for child in parent:
        tokens = set(child.get("class", "").split()) if child.tag in CHUNK_TAGS else set()
        if not tokens:
            continue
        kind = next((k for k in kinds if k[0] == child.tag and (k[1] <= tokens or tokens <= k[1])), None)
        if kind is None:
            kinds.append((child.tag, tokens, [child]))
        else:
            kind[1].intersection_update(tokens)
            kind[2].append(child)
    return [members for _, _, members in kinds]


def _split_body(group: list[HtmlElement]) -> list[HtmlElement]:
    """The siblings of one kind, to join when each holds several paragraphs or when they are a
    run of steps; else none (a kind that mixes long and short members is a list of cards)."""
    if len(group) < 2:
        return []
    if all(len(el.findall(".//p")) >= MIN_CHUNK_PARAGRAPHS and paragraph_chars(el) >= MIN_CHUNK_CHARS for el in group):
        return group
    if len(group) < MIN_STEPS:
        return []
    steps = [el for el in group if _has_prose(el)]
    if (len(steps) >= MIN_STEPS and len(steps) >= STEP_SHARE * len(group)
            and sum(map(paragraph_chars, steps)) >= MIN_STEPS * MIN_CHUNK_CHARS):
        return group
    return []


def _has_prose(el: HtmlElement) -> bool:
    """Holds a paragraph of its own that is mostly not links."""
    return any(len(p.text_content()) >= MIN_STEP_CHARS and not _is_link_heavy(p) for p in el.findall(".//p"))


def _is_link_heavy(el: HtmlElement) -> bool:
    linked = sum(len(a.text_content()) for a in el.iter("a"))
    return linked >= 0.5 * len(el.text_content())

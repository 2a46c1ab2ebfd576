"""Who wrote a page, from its structured data and its author links, when a byline's text says
less: JSON-LD authors by reference, every author `<meta>` a page states, the outlet told apart
from its writers, and links to the writers' own pages."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement


#: Author `<meta>` names, in the order read: the first that names someone gives every name it states
#: (a page lists several authors as several tags). Dublin Core and citation tags write "Surname, Given".
META_AUTHORS = ("author", "article:author", "parsely-author", "sailthru.author", "byl", "articleauthor", "dc.creator",
                "citation_author")
SURNAME_FIRST = frozenset({"dc.creator", "citation_author"})
#: A link to a writer's own page ("/author/ann-lee", "/autoren/name/max-kolter", "/journalist/…").
AUTHOR_PATH = re.compile(r"/(?:authors?|autor(?:en|es|i|e)?|auteurs?|journalist(?:en|s)?|redakteur(?:e|in)?|"
                         r"reporters?|writers?|columnists?|editors?|staff)/[^/?#]*\w",
                         re.IGNORECASE)
#: A person's name: two to five words, the first and the last capitalised (particles between), or a
#: run of CJK or Hangul characters.
PERSON = re.compile(r"^[^\W\d_a-z][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}\s+[^\W\d_a-z][\w.'’-]*$|"
                    r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,8}$")
#: Words of a link's UI, never of a name.
LINK_UI = re.compile(r"\b(?:view|all|more|see|full|bio|profile|follow|read|posts|articles|stories|contact)\b",
                     re.IGNORECASE)
#: Fewest letters of an outlet name's first word that the outlet may go by ("Ilanga", not "The").
MIN_OUTLET_WORD = 4
#: How many author links of one byline are read.
MAX_LINKED = 6


def fold(text: str) -> str:
    """A name for comparison: letters and digits, case and accents aside ("STERN.de" = "stern de")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text).casefold() if c.isalnum())


def ld_authors(node: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[str]:
    """The names of a JSON-LD node's `author`, a reference (`{"@id": …}`, as Yoast's `@graph`
    writes it) read from the node it names, a list of names (`"name": ["A", "B"]`) read whole."""
    authors = node.get("author")
    names: list[str] = []
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, dict) and "name" not in author and isinstance(author.get("@id"), str):
            author = by_id.get(author["@id"], author)
        name = author.get("name") if isinstance(author, dict) else author
        names += [n for n in (name if isinstance(name, list) else [name]) if isinstance(n, str)]
    return names


def ids(nodes: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The nodes that a page's JSON-LD gives an `@id` and a name, by that id."""
    return {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str) and "name" in node}


def meta_authors(tree: HtmlElement) -> str | None:
    """Every name the first author `<meta>` that names someone states, "; "-joined (one tag per
    author); addresses (an author's page, a social profile) are no names."""
    stated: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").casefold()
        value = " ".join((meta.get("content") or "").split())
        if key in META_AUTHORS and _is_name(value):
            stated.setdefault(key, []).append(value)
    for key in META_AUTHORS:
        names = stated.get(key, [])
        if key in SURNAME_FIRST:
            names = [" ".join(reversed(n.split(", "))) if n.count(", ") == 1 else n for n in names]
        if names:
            return "; ".join(dict.fromkeys(names))
    return None


def _is_name(value: str) -> bool:
    """A stated author that can be a name: it has letters (not a CMS's user id, "105092") and is no
    address (an author's page, a social profile)."""
    return any(c.isalpha() for c in value) and not _address(value)


def _address(value: str) -> bool:
    return value.strip().startswith(("http:", "https:", "//", "www.")) or "@" in value and " " not in value.strip()


def organisation_names(tree: HtmlElement, ld: dict[str, Any], url: str | None) -> set[str]:
    """The names the outlet goes by on its own page: `og:site_name`, the publisher (JSON-LD,
    `<meta>`), the application's name, its host and the host's first label ("mdr.de", "mdr"), a
    name's first word ("Ilanga" of "Ilanga News")."""
    names = [*tree.xpath("//meta[@property='og:site_name' or @name='application-name' or @name='publisher' or "
                         "@name='dc.publisher']/@content")]
    publisher = ld.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        names.append(publisher["name"])
    host = urlsplit(url or "").netloc.split(":")[0].removeprefix("www.")
    names += [host, host.split(".")[0]] if host else []
    names += [n.split()[0] for n in names if len(n.split()) > 1 and len(n.split()[0]) >= MIN_OUTLET_WORD]
    return {fold(n) for n in names} - {""}


def is_organisation(author: str, outlet: set[str]) -> bool:
    """An author that is the outlet itself ("LTO", "STERN.de", "Deutsche Welle (www.dw.com)"), its
    account (the outlet's first word and an initial: "Ilanga D"), or an address (a writer's e-mail):
    the page may name its writer elsewhere."""
    first = author.split(";")[0].strip()
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", first)
    words = bare.split()
    account = len(words) == 2 and len(words[1].rstrip(".")) == 1 and fold(words[0]) in outlet
    return fold(first) in outlet or fold(bare) in outlet or account or "@" in first and " " not in first


def linked_authors(tree: HtmlElement) -> str | None:
    """The writers a byline links to their own pages (`rel="author"`, "/author/ann-lee"), "; "-joined:
    the first such link whose text is a name (in the article or main element first, then anywhere),
    and the ones beside it in the same element. Author links of teaser cards (each in a card of its
    own) are not beside the first."""
    for root in [*tree.xpath("//article | //main"), tree]:
        for link in root.iter("a"):
            if not _names_writer(link):
                continue
            byline = link.getparent()
            while byline is not None and len(_text(byline)) <= len(_text(link)) and byline.getparent() is not None:
                byline = byline.getparent()
            names = [_text(a) for a in byline.xpath(".//a[@href]") if _names_writer(a)]
            return "; ".join(list(dict.fromkeys(names))[:MAX_LINKED])
    return None


#: A paragraph that is one bold run and nothing else, no link (a "Read More" button is one): the
#: byline a body sets above or below its text.
BOLD_PARAGRAPHS = "//p[count(*) = 1][b or strong][normalize-space() = normalize-space(*)][not(.//a)]"
#: Fewest paragraphs beside a bold one for it to stand in an article's body.
MIN_BODY_PARAGRAPHS = 3
#: Most paragraphs above a body's bold byline: a standfirst's italic lines may stand there.
MAX_ABOVE_BYLINE = 2
#: Between writers a bold byline names: "Mathatisi Sebusi/Mohalenyane Phakela", "A, B and C".
BOLD_SEPARATOR = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
#: A person's name as a bold byline writes it: two to four words, each capitalised or in capitals.
BOLD_NAME = re.compile(r"^[^\W\d_a-z][\w.'’-]*(?:\s+[^\W\d_a-z][\w.'’-]*){1,3}$")


def bold_byline(tree: HtmlElement) -> str | None:
    """The writers a body's paragraph names when it is a bold name and nothing else, at the body's
    top (a standfirst's italic lines may stand above it: "<p><strong>Mohloai Mpesi</strong></p>") or
    its end ("Lê Phương" right-aligned below the text),
    "; "-joined: the byline of a CMS whose author field holds the outlet's account."""
    for p in tree.xpath(BOLD_PARAGRAPHS):
        above = [q for q in p.itersiblings("p", preceding=True) if q.text_content().strip()]
        following = [q for q in p.itersiblings("p") if q.text_content().strip()]
        top = len(above) <= MAX_ABOVE_BYLINE and all(map(_emphasised, above))
        if not (top or not following) or len(above) + len(following) < MIN_BODY_PARAGRAPHS:
            continue
        names = BOLD_SEPARATOR.split(_text(p))
        if all(BOLD_NAME.match(name) for name in names):
            return "; ".join(names)
    return None


def _emphasised(paragraph: HtmlElement) -> bool:
    """A paragraph set in italics throughout: a standfirst's line ("<p><em>…as villages cry foul</em></p>")."""
    return "".join(paragraph.xpath(".//em//text() | .//i//text()")).split() == paragraph.text_content().split()


def _names_writer(link: HtmlElement) -> bool:
    """A link to a writer's page whose text is a name, not the page's UI ("View all", "Full bio")."""
    if not names_writer_page(link):
        return False
    text = _text(link)
    return PERSON.match(text) is not None and not LINK_UI.search(text)


def names_writer_page(link: HtmlElement) -> bool:
    """A link to a writer's own page: `rel="author"`, or an author path ("/author/ann-lee")."""
    return " author " in f" {link.get('rel', '')} " or AUTHOR_PATH.search(link.get("href", "")) is not None


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())

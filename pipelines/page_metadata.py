"""Metadata from a page's structured data (JSON-LD, Open Graph, `article:*` and `itemprop` meta),
read before trafilatura's DOM heuristics because publishers state it there exactly.

The publication date is read in this order: JSON-LD `datePublished`, `article:published_time`
and `itemprop` meta, a `<time datetime>` in the article, then (`date_in_page`) the URL's date
and the page's text, whole, as htmldate finds them."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from htmldate.extractors import try_date_expr
from lxml.html import HtmlElement

from pipelines.authors import (bold_byline, fold, ids, is_organisation, ld_authors, linked_authors, meta_authors,
                              names_writer_page, organisation_names)
from scraper import jsonld


#: File names of a site's (or a documentation set's) home page.
HOME_PAGES = frozenset({"index.html", "index.htm", "index.php", "index.shtml"})
#: How many <h1> a page's headline is looked for among.
MAX_H1S = 8
#: Most words an <h1> showing an image has when it is the site's logo.
MAX_LOGO_WORDS = 4


@dataclass
class PageMetadata:
    canonical: str | None = None
    headline: str | None = None
    og_title: str | None = None
    h1: str | None = None
    page_title: str | None = None  # the document's <title>
    h1s: tuple[str, ...] = ()  # every <h1>, in page order: the first is often the site's logo
    site_name: str | None = None
    author: str | None = None
    published: str | None = None
    modified: str | None = None
    lang: str | None = None


def _first(tree: HtmlElement, *xpaths: str) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            text = (value if isinstance(value, str) else value.text_content()).strip()
            if text:
                return " ".join(text.split())
    return None


def jsonld_texts(tree: HtmlElement) -> list[str | None]:
    """The texts of the page's JSON-LD blocks, in page order."""
    return [script.text for script in tree.xpath(jsonld.SCRIPTS)]


def _ld_article(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    return next((node for node in nodes if jsonld.types(node) & jsonld.ARTICLE_TYPES), {})


def drop_unreadable_jsonld(tree: HtmlElement) -> list[str | None]:
    """Remove the JSON-LD blocks too big or too deep to read (`scraper.jsonld`), so that no later
    stage (trafilatura reads JSON-LD too) spends the memory either; return the texts of the blocks
    left (`jsonld_texts`), for the stages that read them not to look for them again."""
    kept = []
    for script in tree.xpath(jsonld.SCRIPTS):
        if script.text and not jsonld.readable(script.text):
            script.drop_tree()
        else:
            kept.append(script.text)
    return kept


def _str(value: Any) -> str | None:
    """A JSON-LD string, HTML character references read: many CMSs escape their JSON-LD as HTML
    ("&#27744;&#30000;", "Director&#8217;s Cut"), which a <script> leaves as it is."""
    return html.unescape(value).strip() or None if isinstance(value, str) else None


#: A byline: "By Name", "Written by Name", "文：名前", "文● 名前", "著者：名前" on a short element of its own.
BYLINE = re.compile(r"^(?:(?:(?:by|written by|words by|text by)\b|(?:文|著者|執筆|取材・文)(?=\s|[:：●◎■・/／]))"
                    r"\s*[:：●◎■・/／]?\s*)+(\S.{0,98})$", re.IGNORECASE)
MAX_BYLINE_CHARS = 100
#: A byline in another language of the news: "von Name", "Par Name", "Por Name", "Av Name", "Door Name",
#: "Autorin/Autor Name", "Text: Name", "Автор: Name". Its names must each be a person's (`_strict_name`).
#: The words that label a byline in the languages of the news: "von Name", "Autor: Name".
BY_WORDS = "by|von|par|por|av|af|door"
LABEL_WORDS = "autor(?:in|en|es|a)?|auteur|yazar|text|texto|testo|tekst|автор|kirjoittaja"
LABELLED_BYLINE = re.compile(rf"^(?:(?!by\b)(?:{BY_WORDS})\s+|(?:{LABEL_WORDS})(?:\s*/\s*autor(?:in)?)?\s*[:：]?\s*)"
                             r"(\S.{0,98})$", re.IGNORECASE)
#: The label of a field of a page's fact list, set in bold or as a table header, wherever the list
#: stands ("<li><strong>Autorin/Autor</strong> Roman Goncharenko</li>" in a side column).
MAX_FIELD_LABEL_CHARS = 20
FIELD_LABELS = " | ".join(f"//{tag}[not(*)][string-length(normalize-space()) <= {MAX_FIELD_LABEL_CHARS}]"
                         for tag in ("strong", "b", "th"))
#: A field label that names the writer: "Autorin/Autor", "Von:", "Author".
BYLINE_LABEL = re.compile(rf"^(?:{BY_WORDS}|{LABEL_WORDS}|authors?)(?:\s*/\s*autor(?:in)?)?\s*[:：]?$", re.IGNORECASE)
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
#: Where a byline's names end: "By Aoi Okada · May 2, 2025", "By Ann | Staff", "By Ann in Politics", "By Ann @ann",
#: "By Ann last updated", and a date or a label glued on by the markup ("By Ann NewsomeDec. 5").
BYLINE_END = re.compile(rf"\s*[·•|/@+]\s*|\s+[-–—]\s+|\s+(?:on|in)\s+|\s*\d|\s+(?:{MONTHS})[a-z]*\.?\s+\d|"
                        r"\s+(?:last updated|updated|published|posted|more stories|see full bio|edited by)\b|"
                        rf"(?<=[a-z])(?=(?-i:{MONTHS.title()}|Staff)[a-z]*\b)", re.IGNORECASE)
#: An advertising widget's label ("by Taboola · Sponsored Links"), not a byline, and the names of
#: recommendation-widget vendors, never an article's author.
SPONSORED = re.compile(r"\b(?:sponsored|promoted|taboola|outbrain|revcontent|zergnet|mgid)\b", re.IGNORECASE)
#: Between several authors' names: "A, B and C", "A & B", "A y B", "A und B", "A et B".
NAME_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|y|und|et)\s+", re.IGNORECASE)
PARTICLES = frozenset("de da do dos van von der den la le del di du bin al ter".split())
#: A second or later author's name: two to four capitalised words (particles and initials too).
NAME = re.compile(r"^(?:[^\W\d_][\w.'’-]*\s+){1,3}[^\W\d_][\w.'’-]*$")
#: Words of a job title after a name ("Ben Silverman Games Editor", "Steve Gillman Contributor").
ROLES = frozenset("editor writer reporter correspondent contributor columnist fellow producer ceo founder "
                  "critic intern".split())
#: Words that qualify a job title ("Senior Politics Editor"), dropped with it.
ROLE_QUALIFIERS = frozenset("senior chief staff contributing managing deputy executive associate special news "
                            "politics political games business sports tech science health national foreign "
                            "opinion features culture digital investigative data".split())


def _names(text: str) -> list[str]:
    """The authors a byline names: the first name as written up to where the byline ends, then
    each further name that looks like one ("By A, B and C"), without a job title after it."""
    names = []
    for i, part in enumerate(NAME_SEPARATOR.split(BYLINE_END.split(text)[0].strip())):
        words = part.split()
        if i and not (NAME.match(part) and _capitalised(words)):
            break
        if not i and words and words[0].islower():  # "By the time the council voted…", "By changesets"
            return []
        names.append(" ".join(_without_role(words)))
    return [n for n in dict.fromkeys(names) if n]


def _without_role(words: list[str]) -> list[str]:
    """A name without the job title after it: at most its first two words when what stands
    between it and the title is long ("Ikran Dahir BuzzFeed UK News Fellow")."""
    role = next((i for i, w in enumerate(words) if i >= 2 and w.casefold() in ROLES), None)
    if role is None:
        return words
    kept = words[:role]
    while len(kept) > 2 and (kept[-1].casefold() in ROLE_QUALIFIERS or kept[-1].islower()):
        kept.pop()
    if not _capitalised(kept):  # "Guardian staff reporter": a desk's name, not a person's and a title
        return words
    return kept if len(kept) <= 3 else kept[:2]


def plausible_author(name: str | None) -> str | None:
    """`name` unless it is an advertising widget's ("Taboola by Taboola")."""
    return None if not name or SPONSORED.search(name) else name


#: What a byline's text holds after the names: "· CBC News", "| Staff", a month ("Nathan Willis March").
MONTH_NAMES = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
               r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
AUTHOR_TAIL = re.compile(rf"\s*[·•|]\s.*$|\s+{MONTH_NAMES}\.?$", re.IGNORECASE)
#: Words that make a name no person's: an organisation ("The Associated Press"), a date label, page UI,
#: a month alone ("Dec", "January": a dateline read as a byline).
NOT_A_PERSON = re.compile(rf"^(?:the|last updated|updated|published|posted)\b|\btext size\b|^{MONTH_NAMES}\.?$",
                          re.IGNORECASE)
#: Page UI a byline's text runs on into: links to the author's page or feed, share widgets, reading time.
AUTHOR_UI = re.compile(r"\s*\b(?:view (?:author )?(?:archive|profile)|get author rss|author rss feed|see full bio|"
                       r"full bio|link copied|more (?:stories|articles|posts) (?:by|from)|email (?:the )?author|"
                       r"follow (?:on|@)|lesedauer|reading time|\d+\s*min(?:ute)?s? read)\b.*$", re.IGNORECASE)


#: A byline's label before the names, in the languages of the news: "By", "Von", "Par", "Por",
#: "Av", "Af", "Door", "Autor:", "Text:", "Автор:" (a label a byline's `<meta>` keeps too); a
#: word that may begin a surname ("Von Hoff") is a label only before a name of two words or more.
AUTHOR_LABEL = re.compile(r"^(?:(?:written|words|text|reported|geschrieben|publié|escrito|scritto|skrevet)\s+)?"
                          rf"(?:{BY_WORDS})(?:\s*[:：])?\s+(?=\S+\s+\S)|"
                          rf"^(?:{LABEL_WORDS}|author|authors|redacción|reportage)\b\s*[:：]?\s*(?=\S)", re.IGNORECASE)
#: "and" between two people's names, in the languages of the news.
JOINER = re.compile(r"\s+(?:and|&|und|et|y|e|i|og|och|en|ve|és|ja|и|a)\s+")
#: One-letter joiners that also join the parts of one surname ("Lima e Silva", "Ortega y Gasset"):
#: they join two people only between names of two words or more.
SURNAME_JOINER = re.compile(r"\s(?:e|i|y|a)\s")
#: The writer's initials or agency in brackets after a name ("Elena Oberholzer (obe)", "(dpa)").
NAME_PARENTHETICAL = re.compile(r"\s*[(（][^\W\d_]{1,4}[)）]$")


def clean_author(value: str | None) -> str | None:
    """The people a found author names, each without what a byline's text runs on with: its label
    ("Autor", "Par"), a job title ("Ben Silverman Games Editor"), the outlet in capitals or as a
    domain ("Meg Wagner NEW YORK DAILY NEWS", "BWW News Desk BroadwayWorld.com"; one word in
    capitals is a surname: "André Oliver KLEIN"), initials in brackets, a description after a comma,
    a separator and a section, a date; names that are organisations or labels go ("Sam Stein; The
    Huffington Post" → "Sam Stein") unless an organisation is all there is. Two names joined by "and"
    in any language are two authors."""
    names, agencies = [], []
    for found in (value or "").split(";"):
        for name in _people(NAME_PARENTHETICAL.sub("", AUTHOR_LABEL.sub("", found.strip()))):
            words = _once(AUTHOR_TAIL.sub("", AUTHOR_UI.sub("", name)).split())
            while len(words) > 2 and "." in words[-1] and not words[-1].endswith("."):
                words.pop()
            capitals = next((i for i in range(len(words), 0, -1) if not _capitals(words[i - 1])), 0)
            if len(words) - capitals >= 2 and capitals >= 2:
                words = words[:capitals]
            if words and not NOT_A_PERSON.search(" ".join(words)):
                names.append(NAME_PARENTHETICAL.sub("", " ".join(_without_role(words))))
            elif _is_agency(words):
                agencies.append(" ".join(words))
    return "; ".join(dict.fromkeys(n for n in names or agencies if n)) or None


def _is_agency(words: list[str]) -> bool:
    """An organisation named as the author ("The Associated Press"): "The" and capitalised words. It
    is the author when it is all a byline names (beside a writer, it is the writer's outlet)."""
    return 2 <= len(words) <= 5 and words[0] == "The" and _capitalised(words[1:])


def _capitals(word: str) -> bool:
    return word.isupper() and len(word) > 1


def _people(name: str) -> list[str]:
    """The names a found author joins ("A und B", "A og B", "A, B"), when each looks like one (capitalised
    words, at most four; two or more around "e", "i", "y", "a"); a description after a comma goes
    ("A, professor of …")."""
    head, _, rest = name.partition(",")
    if rest and sum(w[:1].islower() for w in rest.split()) >= 2:
        name = head
    parts = [part.strip() for part in re.split(rf"\s*,\s*|{JOINER.pattern}", name)]
    least = 2 if SURNAME_JOINER.search(name) else 1
    if len(parts) > 1 and all(least <= len(p.split()) <= 4 and p[:1].isupper() for p in parts):
        return parts
    return [name]


def _once(words: list[str]) -> list[str]:
    """A name the markup shows twice (a link and its text, "Confreaks Confreaks", "Ann Lee Ann Lee
    Creating…") once, without the tagline that may follow the second."""
    for size in range(1, min(4, len(words) // 2) + 1):
        if words[:size] == words[size:2 * size]:
            return words[:size]
    return words


def _byline_author(tree: HtmlElement) -> str | None:
    """The first byline's authors, "; "-joined. Bylines of teaser cards are left out: where one
    kind of element (tag and class) bylines several different people, it is a list of stories, and
    a byline inside a link to another story is its teaser's."""
    found: list[tuple[tuple[str, str], str]] = []
    for el in tree.xpath("//article//*[self::span or self::p or self::div or self::address or self::a or self::li] | "
                         "//main//*[self::span or self::p or self::div or self::address or self::a or self::li] | "
                         "//*[contains(@class, 'byline') or contains(@class, 'author') or contains(@id, 'byline')] | "
                         "//a[contains(concat(' ', @rel, ' '), ' author ') or contains(@href, '/author/')]"):
        text = " ".join(" ".join(el.itertext()).split())
        if len(text) > MAX_BYLINE_CHARS or SPONSORED.search(text):
            continue
        if (names := _byline_names(text)) and not _in_teaser_link(el):  # the walk up last: most texts are no byline
            found.append(((el.tag, el.get("class", "")), "; ".join(names)))
    people: dict[tuple[str, str], set[str]] = {}
    for kind, names in found:
        people.setdefault(kind, set()).add(names)
    return next((names for kind, names in found if len(people[kind]) == 1), None) or _field_byline(tree)


def _byline_names(text: str) -> list[str]:
    """The names a byline's text gives ("By …", or a label in another language before a person's
    name), or none."""
    if (match := BYLINE.match(text)) and (names := _names(match.group(1))):
        return names
    if (match := LABELLED_BYLINE.match(text)) and (names := _names(match.group(1))) and all(map(_strict_name, names)):
        return names
    return []


def _field_byline(tree: HtmlElement) -> str | None:
    """The people the first fact-list field labelled as the writer names, anywhere on the page (a
    side column's "Autorin/Autor Roman Goncharenko"), when no byline stands in the article."""
    for label in tree.xpath(FIELD_LABELS):
        if BYLINE_LABEL.match(" ".join(label.text_content().split())) and (field := label.getparent()) is not None:
            text = " ".join(" ".join(field.itertext()).split())
            match = len(text) <= MAX_BYLINE_CHARS and (BYLINE.match(text) or LABELLED_BYLINE.match(text))
            if match and (names := _names(match.group(1))) and all(map(_strict_name, names)):
                return "; ".join(names)
    return None


def _in_teaser_link(el: HtmlElement) -> bool:
    """Inside a link to another page that is no author's: a teaser card wrapped in its story's link
    ("Rettet die Reichen Von Ines Zöttl, Washington")."""
    return any(a.tag == "a" and a.get("href") and not names_writer_page(a) for a in el.iterancestors())


def _strict_name(name: str) -> bool:
    """A person's name and nothing else: two to five words, each capitalised or a particle ("von
    Berlin nach Hamburg" is a route, not a name)."""
    words = name.split()
    return 2 <= len(words) <= 5 and _capitalised(words)


def _capitalised(words: list[str]) -> bool:
    """Each word of a name capitalised, or a particle ("Ludwig van Beethoven")."""
    return all(w[0].isupper() or w in PARTICLES for w in words)


def _heading_text(h1: HtmlElement) -> str:
    """An <h1>'s text, a space between its parts that the layout sets apart (a kicker's span before
    the headline, "Nationale Demo" + "Der 9. Juli naht…", would glue to its first word); a part
    running on a word without a break ("Don<em>'t</em>") stays glued."""
    text = ""
    for piece in h1.itertext():
        glue = not text or text[-1].isspace() or piece[:1].isspace() or not (text[-1].isalnum() and piece[:1].isupper())
        text += piece if glue else " " + piece
    return " ".join(text.split()).rstrip(" ¶")


def _is_logo(h1: HtmlElement) -> bool:
    """An <h1> that is the site's logo: it links to the home page ("/", "index.html"), or shows an
    image and a few words (an <svg>'s title, an <img>'s alt)."""
    for href in h1.xpath(".//a/@href"):
        parts = urlsplit(href.strip())
        home = parts.path in ("", "/") or parts.path.rsplit("/", 1)[-1] in HOME_PAGES
        if href.strip() and not href.strip().startswith("#") and home and not parts.query:
            return True
    return bool(h1.xpath(".//svg | .//img")) and len(h1.text_content().split()) <= MAX_LOGO_WORDS


def _author(tree: HtmlElement, nodes: list[dict[str, Any]], ld: dict[str, Any], url: str | None) -> str | None:
    """The page's authors: JSON-LD's, else the author `<meta>`s', else a byline's ("By …"), else the
    writers its author links name. A stated author that is the outlet itself (or an e-mail address)
    gives way to the first people an author `<meta>`, a byline, a body's bold byline or author links name
    other than it (JSON-LD may state the outlet where a `<meta>` names the agency or the writer)."""
    names = [_str(n) for n in ld_authors(ld, ids(nodes))]
    stated = "; ".join(dict.fromkeys(n for n in names if n and not n.startswith("http"))) or meta_authors(tree)
    if not stated:
        return _byline_author(tree)
    outlet = organisation_names(tree, ld, url)
    if not is_organisation(stated, outlet):
        return _with_cowriters(tree, stated)
    for find in (meta_authors, _byline_author, bold_byline, linked_authors):
        person = find(tree)
        if person and not fold(person).startswith(fold(stated.split(";")[0])):
            return person
    return stated


#: Links a page marks as its writers' (`rel="author"`), counted before the author links are read.
REL_AUTHOR = "count(//a[contains(@rel, 'author')])"


def _with_cowriters(tree: HtmlElement, stated: str) -> str:
    """The writers the byline's author links name when they are the stated ones and more: structured
    data may state the first or the last of a byline's writers alone. Read only where more links are
    marked `rel="author"` than names stated (a cheap count: most pages have none)."""
    names = {fold(n) for n in stated.split(";")}
    if tree.xpath(REL_AUTHOR) <= len(names):
        return stated
    linked = linked_authors(tree)
    return linked if linked and names < {fold(n) for n in linked.split(";")} else stated


def _published(tree: HtmlElement, modified: str | None) -> str | None:
    """The publication time the page's meta and markup state: `article:published_time`, unless the
    CMS wrote the last update into it (it equals the `modified` time stated) and the markup's
    `itemprop="datePublished"` states an earlier time (a live blog's start); then `<time>`s."""
    items = ("//*[@itemprop='datePublished']/@content", "//*[@itemprop='datePublished']/@datetime")
    meta = _first(tree, "//meta[@property='article:published_time']/@content")
    if not meta:
        return _first(tree, *items, "//article//time[@datetime]/@datetime", "//main//time[@datetime]/@datetime")
    if meta == modified:
        item = _first(tree, *items)
        return item if item and _earlier(item, meta) else meta
    return meta


def _earlier(first: str, second: str) -> bool:
    """`first` an earlier instant than `second` (both ISO 8601, both with a zone or neither)."""
    try:
        a, b = (datetime.fromisoformat(v.replace("Z", "+00:00")) for v in (first, second))
        return (a.tzinfo is None) == (b.tzinfo is None) and a < b
    except ValueError:
        return False


def page_metadata(tree: HtmlElement, scripts: list[str | None] | None = None) -> PageMetadata:
    """`scripts`: the page's `jsonld_texts`, when read already."""
    nodes = list(jsonld.nodes(jsonld_texts(tree) if scripts is None else scripts))
    ld = _ld_article(nodes)
    canonical = _first(tree, "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href",
                       "//meta[@property='og:url']/@content")
    modified = _str(ld.get("dateModified")) or _first(
        tree, "//meta[@property='article:modified_time']/@content", "//meta[@property='og:updated_time']/@content",
        "//*[@itemprop='dateModified']/@content")
    return PageMetadata(
        canonical=canonical,
        headline=_str(ld.get("headline")),
        og_title=_first(tree, "//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content"),
        h1=_first(tree, "//h1"),
        page_title=_first(tree, "//head/title", "//title"),
        h1s=tuple(text for h in tree.xpath("//h1")[:MAX_H1S] if not _is_logo(h) and (text := _heading_text(h))),
        site_name=_first(tree, "//meta[@property='og:site_name']/@content",
                         "//meta[@name='application-name']/@content"),
        author=_author(tree, nodes, ld, canonical),
        published=_str(ld.get("datePublished")) or _published(tree, modified),
        modified=modified,
        lang=_first(tree, "/html/@lang", "//meta[@http-equiv='content-language']/@content",
                    "//meta[@property='og:locale']/@content"),
    )


#: A field's label that names the publication date, in the languages of the news.
DATE_LABEL = re.compile(r"^(?:datum|date|fecha|data|dato|tarih|published|veröffentlicht|publié|publicado|pubblicato)"
                        r"\s*[:：]?$", re.IGNORECASE)
#: The earliest day a labelled field's date may be (htmldate's own floor).
EARLIEST_DATE = datetime(1995, 1, 1)
#: The day htmldate gives a page when all it found is a year.
YEAR_ONLY = "-01-01"


def date_in_page(tree: HtmlElement, url: str) -> str | None:
    """The publication date a page without structured dates shows in its URL or its text (htmldate,
    on the whole page: once boilerplate is pruned, the date a byline or header carried is gone).
    A 1 January found by the extensive search alone is a copyright year: only the plain search may
    confirm it. A date a fact list labels as the page's ("<li><strong>Datum</strong> 28.04.2023</li>")
    comes first: the text's other dates may be teasers'. `tree` is left as it is: htmldate prunes a
    copy of a tree it is given."""
    if labelled := _labelled_date(tree):
        return labelled
    found = find_date(tree, url=url, original_date=True, outputformat="%Y-%m-%d")
    if found and found.endswith(YEAR_ONLY):
        return find_date(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    return found


def _labelled_date(tree: HtmlElement) -> str | None:
    """The day the first field labelled as the publication date states, the label in bold or a table
    header ("Datum 28.04.2023", "Published: April 5, 2024")."""
    for label in tree.xpath(FIELD_LABELS):
        if DATE_LABEL.match(" ".join(label.text_content().split())) and (field := label.getparent()) is not None:
            rest = field.text_content().replace(label.text_content(), " ", 1)
            if day := try_date_expr(rest, "%Y-%m-%d", False, EARLIEST_DATE, datetime.now()):
                return day
    return None


def is_year_only(day: str | None) -> bool:
    """A day that may stand for a year alone: htmldate's last resort reads a copyright line ("© 2022")
    as 1 January of its year, which is rarely the day an article came out."""
    return bool(day) and day[:10].endswith(YEAR_ONLY)

"""The extractor: decode the page, read its structured metadata, and let trafilatura find the body.

1. Decode bytes (BOM, header, <meta>, detection: `pipelines.decode`).
2. Structured metadata first (JSON-LD, Open Graph, `article:*`: `pipelines.page_metadata`).
3. Generic boilerplate rules (`pipelines.boilerplate`), the body the page split apart rebuilt
   (`pipelines.reassemble`), then the site's learned template
   (`pipelines.template`), then trafilatura `bare_extraction` for the body text and as the
   metadata fallback; the body's lines past the end of the text the page states in JSON-LD
   (`articleBody`) dropped when the two agree, and the standfirst the page shows put first when
   missing (`pipelines.stated_body`).
4. Title without the site name, ISO 8601 dates, language subtag (`pipelines.normalize`).
Reused as is by `fanwire extract` through `extract_article`. It imports no Scrapy, so the
extraction processes (`pipelines.pool`) that run `extract_task` start light.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from htmldate import find_date
from trafilatura.metadata import (META_URL, Document, examine_meta, extract_author, extract_meta_json, extract_sitename,
                                  extract_title, extract_url)
from trafilatura.settings import set_date_params, use_config
from trafilatura.utils import load_html

from archive.text import clean_text
from pipelines.authors import linked_authors
from pipelines.boilerplate import paragraph_chars, prose_measure, prune
from pipelines.decode import decode_html
from pipelines.page_metadata import (PageMetadata, clean_author, date_in_page, drop_unreadable_jsonld, is_year_only,
                                     page_metadata, plausible_author)
from pipelines.normalize import choose_title, lang_code, plausible_datetime, raw_date
from pipelines.outlinks import outlinks
from pipelines.reassemble import join_split_body, wrap_loose_text
from pipelines.script_body import script_body
from pipelines.source_breaks import fold_source_breaks, trim_lines
from pipelines.stated_body import MIN_STATED_CHARS, agreed_with, shown_standfirst, stated_body, with_standfirst
from pipelines.template import SiteTemplate, block_digests

logger = logging.getLogger(__name__)

#: Shortest body kept (characters): less is a menu or a stub, not an article.
MIN_TEXT_CHARS = 15
#: How many lines from the top of the extracted text may hold a repeated headline.
HEADER_LINES = 4
#: Longest line of page header (breadcrumb, kicker) that may stand above a repeated headline.
MAX_HEADER_LINE_CHARS = 80
#: A headline's letters and digits (`_letters`): the fewest that may follow a kicker, and the most of a kicker.
MIN_HEADLINE_KEY = 8
MAX_KICKER_KEY = 40
NOT_LETTERS = re.compile(r"[\W_]+")
#: Longest line that may be a byline, and how many lines from the top one may be on.
MAX_BYLINE_CHARS = 100
BYLINE_LINES = 3
DATE_WORDS = re.compile(
    r"\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\(\w{1,3}\)|"
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|\d+\s*(?:分|時間|日)前|"
    # the same in other languages: "30. Januar 2024", "20 Nisan 2026", "22.04.2024", "20/1/2026", "15.59",
    # "1月14日 01時40分"
    r"\b\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+\d{4}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}\.\d{2}\b|"
    r"\d{1,2}月\d{1,2}日|\d{1,2}時\d{1,2}分",
    re.IGNORECASE,
)
#: A byline's and a dateline's labels: English, Japanese, and German, French, Spanish, Italian, Dutch,
#: Scandinavian, Polish, Turkish, Korean ("von", "Stand: … Uhr", "Uppdaterad", "Güncelleme", "기자").
BYLINE_WORDS = re.compile(r"\b(?:by|posted|published|updated|on|at|written|staff|writer|utc|gmt|jst|"
                          r"von|stand|uhr|am|um|aktualisiert|veröffentlicht|por|publicado|actualizado|par|le|publié|"
                          r"di|pubblicato|aggiornato|door|gepubliceerd|bijgewerkt|av|af|publicerad|uppdaterad|"
                          r"publisert|oppdatert|udgivet|opdateret|przez|aktualizacja|güncelleme|yayınlanma)\b|"
                          r"投稿|更新|公開|文|記者|編集部|기자", re.IGNORECASE)
#: A source credit on a dateline ("来源：网易科学人", "Source: Kyodo"): the label and the short name after it.
SOURCE_CREDIT = re.compile(r"(?:来源|來源|出典|出处|source)\s*[:：]\s*[^\s:：]{1,20}", re.IGNORECASE)

#: A line of labelled fields ("05/10/2018 - Publicado por: X - Categoria: Y - Tags: Z", a footer's
#: "CNPJ: … - Fone: …"): segments between separators, enough of them opening with a short label.
FIELD_SEPARATOR = re.compile(r"\s+[-|·•–]\s+")
FIELD_LABEL = re.compile(r"^[^\W\d][\w .]{0,24}\s*:\s*\S")
MIN_FIELDS, MIN_LABELLED_FIELDS, MAX_FIELDS_LINE_CHARS = 3, 2, 300
#: One field of a post's metadata on its own short line: its category, tags, last change, the credit of
#: its lead image, its contact or further links ("Kategorie: News", "Schlagworte", "Last Modified: …",
#: "Titelbild: …", "Ansprechpartner"), in English, German, French, Spanish and Italian; never a sentence
#: of the article.
META_LINE = re.compile(
    r"^\s*(?:categor(?:y|ies)|kategorien?|catégories?|categorías?|categorie|tags?|schlagw(?:orte|örter)|"
    r"stichw(?:orte|örter)|etiquetas|mots-clés|last (?:modified|updated)|letzte änderung|zuletzt aktualisiert|"
    r"aktualisiert am|dernière mise à jour|última actualización|release date|titelbild|beitragsbild|bildquelle|"
    r"(?:image|photo|header image|featured image) credits?|quellenangaben|originalpublikation|"
    r"weiterführender? links?|ansprechpartner(?:in)?|kommentierte artikel|themen(?=\s*:)|credits?(?=\s*:))"
    r"\s*[:：]?(?:\s|$)",
    re.IGNORECASE)
MAX_META_LINE_CHARS = 80
#: The place a byline names after its writer: "By Jane Doe, Tokyo", "Von Anna Sleegers, Frankfurt".
DATELINE_PLACE = re.compile(r",\s*[^\W\d_][\w.'’-]*(?:[ -][^\W\d_][\w.'’-]*)?\s*$")
#: A desk's signature over a report: the writer's initials, after their agency's name, and the city
#: ("ku Frankfurt", "Reuters/kra Frankfurt", "dpa/lnw Hamburg").
DESK_SIGNATURE = re.compile(r"^\s*(?:[A-Za-z]{2,12}/)?[a-z]{2,4}(?:/[a-z]{2,4})*\s+[A-ZÄÖÜ][\w-]+(?:\s[A-ZÄÖÜ][\w-]+)?\s*$")
#: A page's machinery printed into its text: a PHP error, a listing's count, a login state, the desk that
#: signs ("Warning: … on line 12", "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!", "You are not
#: logged in.", "Redaktion Eurailpress").
MACHINERY_LINE = re.compile(
    r"^\s*(?:(?:warning|notice|deprecated|fatal error|parse error)\s*:\s.{0,200}\bon line \d+|"
    r"(?:showing|zeige|es werden(?: die)?)\b.{0,30}?\b\d+\s*(?:-|–|bis|to)\s*\d+\s+(?:of|von)\s+(?:insgesamt\s+)?\d+\b.{0,30}|"
    r"(?:sie sind|you are|du bist) (?:aktuell |currently |derzeit )?(?:nicht|not) (?:eingeloggt|angemeldet|logged in|signed in)"
    r"\b.{0,20}|redaktion\s+[\w .&-]{2,30})\s*$", re.IGNORECASE)

#: A paywall's notice, in any of several languages: what follows it is the offer (plans, benefits, a trial),
#: not the article, whose preview stands above it ("この記事は会員限定です", "Il vous reste 57% de cet
#: article à lire", "Log in or create an account to continue", "2 Wochen kostenlos testen").
PAYWALL = re.compile(
    r"この記事は(?:有料)?会員限定|有料会員になると|続きを読むには|この記事の続きは|"
    r"il vous reste [\d.,]+\s*% de cet article|la suite est réservée aux abonnés|"
    r"\b(?:log|sign) in or (?:create an account|register|subscribe) to (?:continue|read)|"
    r"\bsubscribe (?:now )?to (?:continue|keep) reading|"
    r"\bthis (?:article|story) is (?:only )?(?:available )?(?:for|to|exclusive to) (?:subscribers|members)\b|"
    r"\b(?:dieser|der) (?:artikel|beitrag) ist (?:nur )?für (?:abonnenten|abonnentinnen)|"
    r"\b\d+ (?:wochen|tage|monate) (?:kostenlos|gratis) (?:testen|lesen)\b|\bjetzt weiterlesen mit\b|"
    r"\beste (?:contenido|artículo) es (?:exclusivo )?para (?:suscriptores|abonados)|"
    r"\bquesto articolo è riservato agli abbonati|\bdit artikel is (?:alleen )?(?:voor|beschikbaar voor) abonnees|"
    r"\b(?:este|esse) conteúdo é exclusivo para assinantes",
    re.IGNORECASE,
)
#: A word every notice `PAYWALL` reads holds (lower case): texts without any skip the slower regex.
PAYWALL_WORDS = ("会員", "続き", "cet article", "abonn", "abonad", " in or ", "subscribe", "subscribers", "members",
                 "kostenlos", "gratis", "weiterlesen", "suscript", "abbonati", "assinantes")
#: The longest paywall notice line, and the least preview above it for the body to be cut there.
MAX_PAYWALL_LINE_CHARS = 250
MIN_PREVIEW_CHARS = 100
#: trafilatura escalates to its fallback extractors below this many characters (default 250);
#: a short news item, and any Japanese one, is shorter, and the fallbacks then keep page chrome.
MIN_EXTRACTED_SIZE = 50
#: Recall mode can settle on the wrong container (a rail of teaser blurbs) and leave the article:
#: when what it kept is short and a small share of the page's paragraph text, the balanced mode's
#: pick is asked for and kept when clearly longer (trafilatura escalates the other way alike).
SECOND_OPINION_MAX_CHARS = 3000
SECOND_OPINION_PAGE_SHARE = 0.2
SECOND_OPINION_GAIN = 1.5
#: A recall pick of one paragraph is asked about below this share: on a page whose paragraphs
#: stand straight in <body>, recall mode can keep the first alone.
LONE_PARAGRAPH_PAGE_SHARE = 0.5
#: Pruning that leaves less than this share of a page's prose (`prose_measure`) went too far, and
#: trafilatura's text of the unpruned page is taken instead when this many times longer.
MIN_PRUNED_PROSE_SHARE = 0.5
UNPRUNED_GAIN = 2.0
#: ... asked only when the text kept is under this share of the page's prose and this long: what a page
#: that lost its article keeps (a re-parse and a second extraction are not spent on a page that lost its
#: comments, and an article of some length is not traded for its page's thread).
MAX_OVERPRUNED_TEXT_SHARE = 0.05
MAX_OVERPRUNED_TEXT_CHARS = 1000
#: Body text shorter than this is looked for in the page's script data too (`script_body`), and
#: taken from there when that is `UNPRUNED_GAIN` times longer.
SCRIPT_FALLBACK_CHARS = 200
#: The recall pick's lines the balanced pick lacks are added to it when this share of its text is in it.
AGREEMENT_SHARE = 0.5
#: A page may set its paragraphs as text straight in <div>s, with no <p>: that text counts as the page's prose.
LOOSE_DIV_TEXT = etree.XPath("//div/text()[normalize-space()]")
#: The page's JSON-LD states a body this much longer than the recall pick: the pick lost part of the article
#: (text after an inline ad), and the balanced pick is asked for whatever the pick's length.
STATED_GAIN = 1.3
TRAFILATURA_CONFIG = use_config()
TRAFILATURA_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_SIZE))


@dataclass
class Extracted:
    """What one page yields: body text and metadata, as the archive stores them. Every field is
    clean text (`clean_text`): a page's broken escapes and control characters stop here."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    modified: str | None
    lang: str | None
    canonical_url: str | None
    site_name: str | None
    encoding: str
    published_raw: str | None = None
    modified_raw: str | None = None
    outlinks: list[str] = field(default_factory=list)  # links to other sites (story origin evidence)

    def __post_init__(self) -> None:
        for name, value in list(vars(self).items()):
            if isinstance(value, str):
                cleaned = clean_text(value).strip()
                setattr(self, name, cleaned if cleaned or name in ("text", "encoding") else None)


class NoArticleText(ValueError):
    """trafilatura found no body text in the page."""


@dataclass
class ParsedPage:
    """A decoded, parsed page and its structured metadata, before any element is removed."""

    url: str
    tree: HtmlElement
    meta: PageMetadata
    encoding: str
    html: str = ""  # the decoded page, to parse again should pruning overreach (`unpruned_text`)
    jsonld: list[str | None] | None = None  # the texts of its JSON-LD blocks, found once for all who read them

    @property
    def document(self) -> str:
        """What identifies the document across its variant URLs: its canonical URL."""
        return urljoin(self.url, self.meta.canonical) if self.meta.canonical else self.url


def parse_page(body: bytes, url: str, content_type: str | None = None, encoding: str | None = None) -> ParsedPage:
    """`encoding`: the charset the crawl already chose for `body` (see `decode_html`)."""
    html, encoding = decode_html(body, content_type, encoding)
    tree = load_html(html)
    if tree is None:
        raise NoArticleText(f"not parseable as HTML: {url}")
    scripts = drop_unreadable_jsonld(tree)
    return ParsedPage(url, tree, page_metadata(tree, scripts), encoding, html, scripts)


def extract_parsed(page: ParsedPage, template: SiteTemplate | None = None, fetched_at: str | None = None,
                   min_chars: int = MIN_TEXT_CHARS) -> Extracted:
    """Extract a parsed page (its tree is consumed): generic rules first (they read headings
    that a template may also know), then the site's learned chrome, then trafilatura. Dates
    are kept only when plausible for a page fetched at `fetched_at` (default now); the dates
    the page states are kept as they are in `published_raw` and `modified_raw`."""
    url, meta = page.url, page.meta
    links = outlinks(page.tree, url)  # before pruning: a credit line may sit outside the body
    shown_date = None if meta.published else date_in_page(page.tree, url)
    unpruned_author = None if meta.author else page_author(page.tree)
    stated, standfirst = stated_body(page.tree, page.jsonld), shown_standfirst(page.tree)
    linked_author = None if meta.author else linked_authors(page.tree)  # the last resort
    paragraphs = paragraph_chars(page.tree)  # counted once for the prose measure, the prose and the rules
    measure = prose_measure(page.tree, paragraphs)
    prose = paragraphs if measure is paragraph_chars else measure(page.tree)
    join_split_body(wrap_loose_text(prune(page.tree, meta.author, url, paragraphs)))
    if template is not None:
        template.strip(page.tree)
    overpruned = measure(page.tree) < MIN_PRUNED_PROSE_SHARE * prose
    doc = bare_extraction(fold_source_breaks(page.tree), url=url, with_metadata=False, include_comments=False,
                          include_tables=True, favor_recall=True, config=TRAFILATURA_CONFIG)
    text = (doc.text or "").strip() if doc is not None else ""
    text = agreed_with(second_opinion(page.tree, url, text, stated), stated)
    if overpruned and len(text) < min(MAX_OVERPRUNED_TEXT_CHARS, MAX_OVERPRUNED_TEXT_SHARE * prose):
        text = unpruned_text(page, text)
    if len(text) < SCRIPT_FALLBACK_CHARS and (scripted := script_body(page.html)) and \
            len(scripted) > UNPRUNED_GAIN * len(text):
        text = scripted  # a client-rendered page: its article is only in its scripts' data
    text = trim_lines(text)
    published = plausible_datetime(meta.published, fetched_at) or plausible_datetime(shown_date, fetched_at)
    if doc is not None and not (meta.site_name and meta.author and meta.og_title and published):
        doc = fallback_metadata(page.tree, url, meta, published)
    site_name = (meta.site_name or doc.sitename) if doc is not None else meta.site_name
    title = choose_title(meta.h1s, meta.headline, meta.og_title, meta.page_title, doc.title if doc else None,
                         site_name, urlsplit(url).netloc)
    found = meta.author or fuller_author(plausible_author(doc.author if doc else None),
                                         plausible_author(unpruned_author))
    author = clean_author(found) or clean_author(linked_author)
    headings = (title, meta.headline, meta.h1, meta.og_title)
    text = without_byline(without_heading(without_field_lines(without_paywall(text)), headings), author)
    text = with_standfirst(text, standfirst)
    if len(text) < min_chars:
        raise NoArticleText(f"no article text in {url}")
    text_date = None if doc is None or is_year_only(doc.date) else doc.date  # the balanced pick alone found text
    return Extracted(
        text=text,
        title=title,
        author=author,
        published=published or plausible_datetime(text_date, fetched_at),
        modified=plausible_datetime(meta.modified, fetched_at),
        lang=lang_code(meta.lang or (doc.language if doc is not None else None)),
        canonical_url=page.document if meta.canonical else None,
        site_name=site_name,
        encoding=page.encoding,
        published_raw=raw_date(meta.published or shown_date or text_date),
        modified_raw=raw_date(meta.modified),
        outlinks=links,
    )


def unpruned_text(page: ParsedPage, text: str) -> str:
    """trafilatura's text of the page as it came, when it is clearly longer than `text`: the rules
    and the template that left less than `MIN_PRUNED_PROSE_SHARE` of the page's prose took the
    article with the chrome (a page wrapped in a search <form>, a recipe without <p>, a live blog's
    entries under a "comment" class)."""
    tree = load_html(page.html) if page.html else None
    if tree is None:
        return text
    doc = bare_extraction(fold_source_breaks(tree), url=page.url, with_metadata=False, include_comments=False,
                          include_tables=True, favor_recall=True, config=TRAFILATURA_CONFIG)
    whole = (doc.text or "").strip() if doc is not None else ""
    return whole if len(whole) > UNPRUNED_GAIN * len(text) else text


def fallback_metadata(tree: HtmlElement, url: str, meta: PageMetadata, published: str | None) -> Document:
    """trafilatura's metadata of the pruned page, as `bare_extraction(with_metadata=True)` reads it
    (`trafilatura.metadata.extract_metadata`): the fallback for the site name, author, date and
    (without og:title) title the page does not state. Read only where one is missing, and then only
    the fields that are missing (`meta`, the page's date `published`): its title and author XPaths
    and its date search cost more than the body's extraction; the categories, tags and licence it
    also reads are never used. Each field is read as `extract_metadata` reads it: the steps left
    out change no tree that a later step reads."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as exc:  # bugs in trafilatura's JSON-LD reading, which extract_metadata logs alike
        logger.debug("trafilatura's JSON-LD metadata failed on %s: %s", url, exc)
    if not metadata.title and not meta.og_title:
        metadata.title = extract_title(tree)
    if not metadata.author and not meta.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, url)
    if not published:
        extensive = TRAFILATURA_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH")
        metadata.date = find_date(tree, **{**set_date_params(extensive), "url": metadata.url})  # today's max_date
    if not meta.site_name:
        metadata.sitename = _trafilatura_sitename(tree, metadata)
    metadata.clean_and_trim()
    return metadata


def _trafilatura_sitename(tree: HtmlElement, metadata: Document) -> str | None:
    """The site name as `extract_metadata` reads it: stated, else a part of <title> with a dot,
    else the URL's host."""
    sitename = metadata.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
        return sitename
    match = META_URL.match(metadata.url) if metadata.url else None
    return match[1] if match else None


def page_author(tree: HtmlElement) -> str | None:
    """trafilatura's byline author of the whole page, read before pruning: the author box that
    names the writer is boilerplate to the body and goes with it (`tree` is left as it is)."""
    return extract_author(tree)


def second_opinion(tree: HtmlElement, url: str, text: str, stated: str | None = None) -> str:
    """The balanced mode's text instead of recall mode's `text` when `text` looks partial (`_partial`)
    and the balanced pick is clearly longer, or nearer the length of the body the page states
    (`tree` is left as it is: trafilatura copies it)."""
    if not _partial(tree, text, stated):
        return text
    doc = bare_extraction(tree, url=url, with_metadata=False, include_comments=False, include_tables=True,
                          config=TRAFILATURA_CONFIG)
    balanced = (doc.text or "").strip() if doc is not None else ""
    nearer = stated is not None and abs(len(stated) - len(balanced)) < abs(len(stated) - len(text))
    if len(balanced) > SECOND_OPINION_GAIN * len(text) or len(balanced) > len(text) and nearer:
        return with_missing_lines(balanced, text)
    return text


def _partial(tree: HtmlElement, text: str, stated: str | None) -> bool:
    """`text` is much shorter than the body the page states in JSON-LD, or it is short and covers
    little of the page's prose: its paragraphs, or the text a page sets straight in <div>s."""
    if stated is not None and len(stated) >= MIN_STATED_CHARS and len(stated) > STATED_GAIN * len(text):
        return True
    if len(text) >= SECOND_OPINION_MAX_CHARS:
        return False
    share = SECOND_OPINION_PAGE_SHARE if "\n" in text else LONE_PARAGRAPH_PAGE_SHARE
    return len(text) < share * paragraph_chars(tree) or len(text) < share * sum(map(len, LOOSE_DIV_TEXT(tree)))


def with_missing_lines(base: str, part: str) -> str:
    """`base` with the lines of `part` it lacks, each after the text that precedes it in `part`,
    when `part` is mostly found in `base` (the same article read from a narrower container, whose
    modes disagree on a paragraph or two); else `base` as it is (`part` was a rail). Lines are
    compared with whitespace squashed: one mode keeps a paragraph's source line breaks."""
    merged, ends, whole = base.split("\n"), [], ""
    for line in merged:
        if squashed := " ".join(line.split()):
            whole = f"{whole} {squashed}" if whole else squashed
        ends.append(len(whole))
    lines = [" ".join(line.split()) for line in part.split("\n") if line.strip()]
    if sum(len(line) for line in lines if line in whole) < AGREEMENT_SHARE * sum(map(len, lines)):
        return base
    missing, position, after = [], 0, 0
    for line in lines:
        found = whole.find(line, position)
        if found >= 0:
            position = found + len(line)
            after = bisect_left(ends, position) + 1
        else:
            missing.append((after, line))
    for index, line in reversed(missing):
        merged.insert(index, line)
    return "\n".join(merged)


def extract_article(body: bytes, url: str, content_type: str | None = None,
                    template: SiteTemplate | None = None) -> Extracted:
    """Extract one page's article text and metadata (what `fanwire extract` prints). A page asked
    for by name gives whatever text it has, however short; the crawl's minimum (`MIN_TEXT_CHARS`)
    keeps menus and stubs found on the way out of the archive."""
    return extract_parsed(parse_page(body, url, content_type), template, min_chars=1)


def fuller_author(pruned: str | None, unpruned: str | None) -> str | None:
    """The byline read on the pruned page, unless the whole page's byline holds all its words and
    more: pruning drops the author links a byline names ("作者： Diogo Carleto" → "作者：")."""
    if not pruned or not unpruned:
        return pruned or unpruned
    return unpruned if set(pruned.casefold().split()) < set(unpruned.casefold().split()) else pruned


def without_byline(text: str, author: str | None) -> str:
    """The body without the lines near its top that only say who wrote it, where it comes from and
    when ("By X | May 2, 2025", "2021年7月12日(月) 17:45 文：X", "2017-03-10 09:58 来源：X")."""
    lines = text.split("\n")
    head = [line for line in lines[:BYLINE_LINES] if len(line) > MAX_BYLINE_CHARS or not _is_byline(line, author)]
    return "\n".join(head + lines[BYLINE_LINES:]).strip()


def _is_byline(line: str, author: str | None) -> bool:
    if DESK_SIGNATURE.match(line):
        return True
    rest = line
    for name in (author or "").split(";"):
        if name.strip():
            rest = rest.replace(name.strip(), " ")
    if rest != line:  # "Von Anna Sleegers, Frankfurt": the writer and where they write from
        rest = DATELINE_PLACE.sub(" ", rest)
    rest = BYLINE_WORDS.sub(" ", DATE_WORDS.sub(" ", SOURCE_CREDIT.sub(" ", rest)))
    return rest != line and len(re.sub(r"[\W_]+", "", rest)) <= 2


def without_paywall(text: str) -> str:
    """The body up to a paywall's notice (`PAYWALL`), when an article's preview stands above it."""
    folded = text.lower()
    if not any(word in folded for word in PAYWALL_WORDS) or not PAYWALL.search(text):  # most pages have no paywall
        return text
    lines = text.split("\n")
    before = 0
    for i, line in enumerate(lines):
        if before >= MIN_PREVIEW_CHARS and len(line) <= MAX_PAYWALL_LINE_CHARS and PAYWALL.search(line):
            return "\n".join(lines[:i]).strip()
        before += len(line.strip())
    return text


def without_field_lines(text: str) -> str:
    """The body without lines of labelled fields, in any language: a post's metadata line ("Publicado
    por: X - Categoria: Y - Tags: Z"), one such field alone (`META_LINE`), a footer's company details
    or the page's machinery (`MACHINERY_LINE`), never prose."""
    return "\n".join(line for line in text.split("\n") if not _is_field_line(line))


def _is_field_line(line: str) -> bool:
    if len(line) > MAX_FIELDS_LINE_CHARS:
        return False
    if len(line) <= MAX_META_LINE_CHARS and META_LINE.match(line) or MACHINERY_LINE.match(line):
        return True
    fields = FIELD_SEPARATOR.split(line.strip())
    return len(fields) >= MIN_FIELDS and sum(bool(FIELD_LABEL.match(f)) for f in fields) >= MIN_LABELLED_FIELDS


def without_heading(text: str, headings: tuple[str | None, ...]) -> str:
    """The body after the headline when the extracted text repeats it near the top (a documentation
    page's permalink mark "¶" aside, a kicker before it in the line or in the stated title as in
    "Angebliche Dekolonisierung: Warum Putin warnt", "- Headline" in a breadcrumb list): what
    stands above it there is the page header (breadcrumbs, a category kicker, the headline twice
    where a page also holds it for search engines), not the article."""
    names = {_letters(h) for h in headings if h} - {""}
    lines, cut = text.split("\n"), 0
    for i, line in enumerate(lines[:HEADER_LINES]):
        key = _letters(line)
        if not cut and (key in names or any(_kicker_apart(key, name) for name in names)):
            cut = i + 1
        elif cut and key in names and len(key) >= MIN_HEADLINE_KEY:  # the headline again, as it is
            cut = i + 1
        elif len(line) > MAX_HEADER_LINE_CHARS:
            break
    return "\n".join(lines[cut:]).strip() if cut else text


def _kicker_apart(line: str, headline: str) -> bool:
    """The two are one headline, a kicker before it in one of them (`_letters` of each)."""
    short, long = sorted((line, headline), key=len)
    return len(short) >= MIN_HEADLINE_KEY and len(long) - len(short) <= MAX_KICKER_KEY and long.endswith(short)


def _letters(text: str) -> str:
    """The text's letters and digits, case folded: a headline as shown, whatever its spacing and punctuation."""
    return NOT_LETTERS.sub("", text).casefold()


def digest_task(body: bytes, url: str, content_type: str | None, encoding: str | None) -> tuple[str, list[str]]:
    """A page's document identity (canonical URL) and block digests, for template warm-up."""
    page = parse_page(body, url, content_type, encoding)
    return page.document, block_digests(page.tree)


def extract_task(body: bytes, url: str, content_type: str | None, encoding: str | None, site: str,
                 chrome: frozenset[str], fetched_at: str | None = None) -> tuple[str, list[str], Extracted]:
    """Extract a page with the site's current chrome removed (in an extraction process), and
    return what `digest_task` does, from which the parent keeps learning the template."""
    page = parse_page(body, url, content_type, encoding)
    document, digests = page.document, block_digests(page.tree)
    return document, digests, extract_parsed(page, SiteTemplate.frozen(site, chrome), fetched_at)

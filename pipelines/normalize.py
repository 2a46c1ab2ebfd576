"""Normalization: titles without the site name, ISO 8601 dates, language codes (used by
extraction), and the pipeline stage that gives an article its key URL, aliases and text hash."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urljoin, urlsplit

from tld import get_tld

from archive.dates import as_utc, is_plausible, read_datetime, utc_now
from archive.sites import same_site
from pipelines.headline import stated_form
from scraper.discovery import clean_url
from scraper.items import ArticleItem

#: A headline or <h1> found inside <title> is the title when it is at least this share of it
#: (an <h1> that is the site's logo is not).
MIN_HEADLINE_SHARE = 0.4
#: A heading this short that shares less than this with the page's <title> names a section or the
#: site ("Latest in Gear"), not the article: an article's own headline, even an SEO <title>'s
#: variant, is longer or shares its words.
MIN_TITLE_WORDS_SHARED = 0.25
#: An <h1> is the visible headline when it and a title the page states share at least this share of
#: the longer one's words: a headline reworded for search keeps most of its words, a section or
#: promo heading, a logo or a related story's headline does not.
MIN_WORDS_SHARED = 0.5
MAX_SECTION_HEADING_WORDS = 5
MAX_SECTION_HEADING_CHARS = 40
#: Separators between a headline and a site name in <title>: "Headline | Site", "Site – Headline", "見出し｜サイト".
#: A closing parenthetical of a stated title, a photo credit or a note ("…の成否（写真＝ロイター）").
PAREN_TAIL = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»«/~]\s+|\s*[｜|│]\s*|\s+::\s+")


def _squash(text: str) -> str:
    """Case-, width- and punctuation-insensitive form for comparing names."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def _site_names(site_name: str | None, host: str) -> set[str]:
    """Squashed forms a site's name takes in titles: its stated name, its host, the host's first
    label, with "The" before it too (newrepublic.com is "The New Republic")."""
    bare = host.removeprefix("www.")
    labels = {_squash(n) for n in (host, host.split(".")[0], bare, bare.split(".")[0])}
    return {_squash(site_name or ""), *labels, *("the" + label for label in labels)} - {""}


def _names_site(segment: str, names: set[str], host: str) -> bool:
    """A title segment naming the site: one of its names, any text with its host in it
    ("ประชาไท Prachatai.com"), or a short one with its domain's name as a word ("痞客邦 PIXNET ::"
    on stevenhgm.pixnet.net)."""
    domain = _domain_name(host)
    return _squash(segment) in names or host.removeprefix("www.").casefold() in segment.casefold() or \
        bool(domain) and _short(segment) and re.search(rf"(?<![^\W_]){re.escape(domain)}(?![^\W_])",
                                                      unicodedata.normalize("NFKC", segment).casefold()) is not None


def _domain_name(host: str) -> str | None:
    """The label a host is registered under, by the Public Suffix List (`tld`, which courlan ships
    with): pixnet in stevenhgm.pixnet.net, asahi in www.asahi.co.jp; for a suffix the list does not
    know (a test's .example), the label before the last."""
    registered = get_tld(host.split(":")[0], fix_protocol=True, as_object=True, fail_silently=True)
    labels = host.split(":")[0].casefold().split(".")
    name = registered.domain if registered else labels[-2] if len(labels) >= 2 else ""
    return name if len(name) >= 3 else None


def clean_title(title: str | None, site_name: str | None, host: str, headline: str | None = None,
                h1: str | None = None, h1s: tuple[str, ...] = ()) -> str | None:
    """The headline alone. A JSON-LD headline or a <h1> of the page (`h1`, or any of `h1s`: the
    first is often the site's logo) wins when the title contains it; otherwise leading/trailing
    segments naming the site (its name or host) are dropped."""
    names = _site_names(site_name, host)
    if not title:
        return headline or h1
    for candidate in (headline, h1, *h1s):
        squashed = _squash(candidate or "")
        if squashed and squashed not in names and len(squashed) >= MIN_HEADLINE_SHARE * len(_squash(title)) \
                and squashed in _squash(title):
            return candidate
    parts = TITLE_SEPARATOR.split(title)
    seps = TITLE_SEPARATOR.findall(title)
    while len(parts) > 1 and _names_site(parts[-1], names, host):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _names_site(parts[0], names, host):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += sep + part
    return out.strip() or title


def choose_title(h1s: tuple[str, ...], headline: str | None, og_title: str | None, page_title: str | None,
                 extracted: str | None, site_name: str | None, host: str) -> str | None:
    """The article's headline, in this order:
    1. the <h1> (logos left out by `pipelines.page_metadata`; the first of equals) sharing most words,
       at least `MIN_WORDS_SHARED` of the longer's, with a title the page states (JSON-LD
       headline, og:title, <title>, each less the site's name) or one of its segments ("Headline
       - Section - Site"): the visible headline, over an SEO og:title or <title> reworded from it;
    2. og:title, else the headline trafilatura read off the page (`extracted`, unless
       `visible_title` finds it a section heading or the logo: few words, few of them in <title>
       less the site's name), less the site's name (`clean_title`).
    An <h1> that is a stated title (or one less its closing parenthetical) with more glued on
    ("…InfantaUltima Hora Mallorca": the site's name in an inline element; a byline after a <br>)
    gives the stated title, as does one showing a stated title with a kicker or punctuation laid
    out apart (`pipelines.headline.stated_form`).
    A `site_name` as long as a headline and equal to a stated title or an <h1> is a bad guess
    (trafilatura takes a <title> segment for one) and is not stripped."""
    if site_name and not _short(site_name) and _squash(site_name) in {_squash(t) for t in (*h1s, headline, og_title)
                                                                        if t}:
        site_name = None
    names = _site_names(site_name, host)
    stated = []
    for title in filter(None, (headline, og_title, page_title)):
        bare = clean_title(title, site_name, host) or ""
        segments = [t for t in TITLE_SEPARATOR.split(bare) if _words(t)]
        longest = max(map(len, segments), default=0)
        stated += [_words(t) for t in (bare, *(t for t in segments if len(segments) > 1 and not _minor(t, longest)))]
    scored = [(max((len(words & s) / max(len(words), len(s)) for s in stated if s), default=0.0), -i, h1)
              for i, h1 in enumerate(h1s) if _squash(h1) not in names and (words := _words(h1))]
    share, _, best = max(scored, default=(0.0, 0, None))
    if share >= MIN_WORDS_SHARED:
        stated_titles = [form for t in filter(None, (headline, og_title)) for form in (t, PAREN_TAIL.sub("", t))]
        glued = None if best in stated_titles else \
            next((t for t in stated_titles if t and best.startswith(t)), None)
        return glued or stated_form(best, headline, og_title) or best
    bare_title = clean_title(page_title, site_name, host)
    return clean_title(og_title or visible_title(extracted, bare_title), site_name, host, headline, None, h1s)


def visible_title(headline: str | None, page_title: str | None) -> str | None:
    """The headline trafilatura read off the page (the visible one, over an SEO <title>), unless it
    is a short heading sharing little with the page's <title> ("Latest in Gear", "Allergies
    Health Center": a section or the logo), then the <title> (`clean_title` keeps its headline)."""
    if not headline or not page_title:
        return headline or page_title
    words = _words(headline)
    shared = len(words & _words(page_title)) / len(words) if words else 1.0
    return page_title if _short(headline) and shared < MIN_TITLE_WORDS_SHARED else headline


def _minor(segment: str, longest: int) -> bool:
    """A short segment of a title beside a longer one: the site's or the section's name ("… ::
    痞客邦 PIXNET ::"), which a logo <h1> repeats; not a headline to match <h1>s against."""
    return _short(segment) and len(segment) < longest


def _short(heading: str) -> bool:
    """Short enough to be a section's or a site's name."""
    return len(heading.split()) <= MAX_SECTION_HEADING_WORDS and len(heading) <= MAX_SECTION_HEADING_CHARS


def _words(text: str) -> set[str]:
    """Words of a title, and the characters of CJK runs (no spaces between their words)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return {w for w in re.findall(r"\w+", folded) if w.isascii()} | set(re.findall(r"[^\x00-\u024f\W]", folded))


def iso_datetime(value: str | None) -> str | None:
    """ISO 8601 form of an ISO, RFC 2822 or date-only timestamp (`archive.dates.read_datetime`);
    None when it cannot be read."""
    moment = read_datetime(value)
    return moment.isoformat() if moment is not None else None


#: Longest date kept as the page states it: a date is a few dozen characters.
MAX_RAW_DATE_CHARS = 100


def plausible_datetime(value: str | None, fetched_at: str | None = None) -> str | None:
    """`iso_datetime(value)` when `archive.dates` finds it plausible for a page fetched at
    `fetched_at` (now when not given); None otherwise."""
    iso = iso_datetime(value)
    if iso is None:
        return None
    fetched = read_datetime(fetched_at) or utc_now()
    return iso if is_plausible(read_datetime(iso), as_utc(fetched)) else None


def raw_date(value: str | None) -> str | None:
    """A date as the page states it, bounded (`MAX_RAW_DATE_CHARS`), for the `*_raw` columns."""
    return value.strip()[:MAX_RAW_DATE_CHARS] if value and value.strip() else None


def lang_code(value: str | None) -> str | None:
    """Primary language subtag: "en-US", "en_US" → "en"."""
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def content_hash(text: str) -> str:
    """SHA-1 of the text with Unicode forms and whitespace normalized, so re-fetches compare equal."""
    normal = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()


def key_url(final_url: str, canonical: str | None) -> str:
    """The URL an article is archived under: its rel=canonical (or og:url) when that names a URL
    of the page's own site (`archive.sites`) and not the site root (a common template bug), else
    the URL it was fetched from. Another site's URL is only a claim, kept in `canonical_url`."""
    final = clean_url(final_url)
    if not canonical:
        return final
    canon = clean_url(urljoin(final, canonical))
    if not same_site(canon, final) or (urlsplit(canon).path in ("", "/") and urlsplit(final).path not in ("", "/")):
        return final
    return canon


class NormalizePipeline:
    """Fill `key_url`, `aliases` and `content_hash`: what identifies an article in the archive.
    (Plain attributes of the `ArticleItem` dataclass, without itemadapter: it imports Scrapy, which
    the extraction processes that use this module's functions need not load.)"""

    def process_item(self, item: object) -> object:
        if not isinstance(item, ArticleItem):
            return item
        item.key_url = key_url(item.final_url, item.canonical_url)
        if item.canonical_url:  # the claim, in the form URLs are compared in (story origins)
            item.canonical_url = clean_url(urljoin(item.final_url, item.canonical_url))
        seen = [item.url, *item.redirect_urls, item.final_url, clean_url(item.final_url)]
        item.aliases = [u for u in dict.fromkeys(seen) if u != item.key_url]
        item.content_hash = content_hash(item.text or "")
        return item

"""A site's URL forms, learned from the URLs it names as canonical (sitemaps, feeds,
`rel=canonical`), so that links to other forms of the same page are not requested:

1. Trailing slash: when a site's canonical article paths end with "/", a link to the same path
   without it is the same page (static hosts and many CMSs answer both).
2. Numeric IDs: when a site's canonical paths end in a number that identifies the article
   (`/news/2024-05-01/slug/.35852`, `/article/28395.html`), a link with a known number, the
   same path around it and another slug is the same article under a short or outdated slug.
3. Variant suffixes: when fetched pages turn out to be copies of their canonical URL plus a
   suffix (`amp/`, `?output=amp`, `print/`), links with that suffix are the same articles.
Each form is used only once enough canonical URLs show it (`MIN_EVIDENCE`, `MIN_SUFFIX_PAGES`),
per site, and the ID form only while no two canonical URLs of the site share a number.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from archive.sites import same_site, site_of

#: Canonical URLs of a site needed before a form is trusted, and the share that must agree.
MIN_EVIDENCE = 5
MIN_AGREEMENT = 0.9
#: Fetched copies that must share a suffix before links with it are treated as copies too.
MIN_SUFFIX_PAGES = 2
#: Longest suffix learned (characters): a variant marker, not another path.
MAX_SUFFIX_CHARS = 24
#: A trailing article number: at least 4 digits ending the last path segment.
TRAILING_ID = re.compile(r"(?:^|[./_-])(\d{4,})(?:\.html?|\.php)?/?$")
FILE_LIKE = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def _trailing_id(path: str) -> str | None:
    match = TRAILING_ID.search(path)
    return match.group(1) if match else None


def _frame(path: str) -> str:
    """The path with its slug segments blanked: what two forms of one numbered article share."""
    return "/".join("*" if re.search(r"[^\W\d_]{2,}", seg) and not TRAILING_ID.search(seg) else seg
                    for seg in path.split("/"))


@dataclass
class _Evidence:
    paths: int = 0
    slashed: int = 0
    with_id: int = 0
    ids: dict[str, str] = field(default_factory=dict)
    clashes: int = 0
    suffixes: Counter[str] = field(default_factory=Counter)


class UrlForms:
    """What each site's canonical URLs look like."""

    def __init__(self) -> None:
        self.sites: dict[str, _Evidence] = defaultdict(_Evidence)
        self.seen: set[str] = set()

    def learn(self, canonical_url: str) -> None:
        """Count one URL the site itself names as canonical."""
        if canonical_url in self.seen:
            return
        self.seen.add(canonical_url)
        parts = urlsplit(canonical_url)
        if parts.path in ("", "/") or parts.query:
            return
        evidence = self.sites[site_of(canonical_url)]
        evidence.paths += 1
        evidence.slashed += parts.path.endswith("/")
        number = _trailing_id(parts.path)
        if number:
            evidence.with_id += 1
            known = evidence.ids.setdefault(number, canonical_url)
            evidence.clashes += known != canonical_url and _frame(urlsplit(known).path) != _frame(parts.path)

    def learn_variant(self, fetched_url: str, canonical_url: str) -> None:
        """Count the suffix by which a fetched copy's URL extends its canonical URL (of its own site), if it does."""
        if fetched_url != canonical_url and fetched_url.startswith(canonical_url) \
                and same_site(fetched_url, canonical_url):
            suffix = fetched_url[len(canonical_url):]
            if len(suffix) <= MAX_SUFFIX_CHARS:
                self.sites[site_of(fetched_url)].suffixes[suffix] += 1

    def _agrees(self, evidence: _Evidence, count: int) -> bool:
        return evidence.paths >= MIN_EVIDENCE and count >= MIN_AGREEMENT * evidence.paths

    def preferred(self, url: str) -> str:
        """`url` in the site's canonical form (trailing slash added where the site uses one)."""
        parts = urlsplit(url)
        evidence = self.sites.get(site_of(url))
        if evidence is None or parts.query or parts.path.endswith("/") or FILE_LIKE.search(parts.path):
            return url
        if self._agrees(evidence, evidence.slashed):
            return parts._replace(path=parts.path + "/").geturl()
        return url

    @staticmethod
    def number_key(url: str) -> tuple[str, str, str] | None:
        """(site, path frame, number) for a URL whose path ends in an article number: two links
        on one page with the same key (headline link and "#" permalink) are one article."""
        path = urlsplit(url).path
        number = _trailing_id(path)
        return (site_of(url), _frame(path), number) if number else None

    def same_as(self, url: str) -> str | None:
        """The canonical URL of the article `url` is another form of: by a learned variant suffix,
        or by a known article number."""
        evidence = self.sites.get(site_of(url))
        if evidence is None:
            return None
        for suffix, pages in evidence.suffixes.items():
            if pages >= MIN_SUFFIX_PAGES and url.endswith(suffix) and len(url) > len(suffix) + 8:
                return url[: -len(suffix)]
        if evidence.clashes or evidence.with_id < MIN_EVIDENCE:
            return None
        path = urlsplit(url).path
        number = _trailing_id(path)
        canonical = evidence.ids.get(number) if number else None
        if canonical is None or canonical == url or _frame(urlsplit(canonical).path) != _frame(path):
            return None
        return canonical

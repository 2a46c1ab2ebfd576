"""Deterministic article generation.

Every random choice comes from ``random.Random(f"{seed}:...")`` keyed by the
site and article index, so the same seed always yields the same articles no
matter in which order sites or pages are rendered.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Optional, Sequence

from . import corpus
from .corpus import Series, Topic

# Publication window: 2024-01-01 .. 2025-10-31 (UTC), leaving room for edits.
_START = int(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp())
_END = int(datetime(2025, 10, 31, tzinfo=timezone.utc).timestamp())


@dataclass(frozen=True)
class Syndication:
    """Where a copied story first ran."""

    url: str  # canonical URL of the original article
    site_name: str
    exact: bool  # word-for-word copy (True) or a lightly edited rewrite (False)


@dataclass(frozen=True)
class Article:
    """One news story, independent of how a site's template renders it."""

    slug: str
    number: int
    headline: str
    author: str
    category: str
    tags: tuple[str, ...]
    published: datetime
    modified: datetime
    paragraphs: tuple[str, ...]
    series: Series
    syndication: Optional[Syndication] = None  # set on copies of another site's story

    @property
    def body(self) -> str:
        """The ground-truth text an extractor should recover."""
        return "\n\n".join(self.paragraphs)

    def excerpt(self, words: int = 30) -> str:
        """Opening of the first paragraph, as teasers and feeds show it."""
        first = self.paragraphs[0]
        if " " not in first:  # Japanese: no word breaks, cut by characters
            return first[: words * 2]
        return " ".join(first.split()[:words])


def slugify(text: str) -> str:
    """URL slug the way WordPress/Hugo derive one from a headline."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def max_articles() -> int:
    """Upper bound for articles per site: each (series, topic) pair is used once."""
    return len(corpus.SERIES) * len(corpus.TOPICS)


def generate_articles(seed: int, host: str, lang: str, count: int,
                      authors: Sequence[str], tz: timezone) -> list[Article]:
    """Articles for one site, oldest first, with unique slugs and numbers."""
    if not 1 <= count <= max_articles():
        raise ValueError(f"articles per site must be between 1 and {max_articles()}")
    rng = random.Random(f"{seed}:{host}:articles")
    pairs = [(series, topic) for series in corpus.SERIES for topic in corpus.TOPICS]
    chosen = rng.sample(pairs, count)
    stamps = sorted(rng.randint(_START, _END) // 60 * 60 for _ in range(count))
    number = rng.randint(210000, 240000)
    articles = []
    for index, ((series, topic), stamp) in enumerate(zip(chosen, stamps)):
        number += rng.randint(7, 900)
        art_rng = random.Random(f"{seed}:{host}:article:{index}")
        published = datetime.fromtimestamp(stamp, tz)
        articles.append(compose(art_rng, series, topic, lang, number, published, authors))
    return articles


def compose(rng: random.Random, series: Series, topic: Topic, lang: str, number: int,
            published: datetime, authors: Sequence[str], pool: Optional[Sequence[str]] = None) -> Article:
    """One story; ``pool`` restricts the body sentences (default: the language's whole list)."""
    slots = _slots(rng, series, published)
    if lang == "ja":
        headline, lead = topic.ja_headline, topic.ja_lead
        pool, joiner = pool or corpus.JA_SENTENCES, ""
    else:
        headline, lead = topic.en_headline, topic.en_lead
        pool, joiner = pool or corpus.EN_SENTENCES, " "
    sizes = [rng.randint(1, 2)] + [rng.randint(2, 3) for _ in range(rng.randint(3, 7))]
    while sum(sizes) > len(pool):  # only a restricted pool can run short
        sizes.pop()
    sentences = [lead] + rng.sample(pool, sum(sizes))
    paragraphs, start = [], 0
    for size in sizes:
        take = size + 1 if start == 0 else size  # the lead rides in paragraph one
        paragraphs.append(joiner.join(s.format(**slots) for s in sentences[start:start + take]))
        start += take
    headline = headline.format(**slots)
    edited = 0 if rng.random() < 0.3 else rng.randint(15, 3 * 24 * 60)
    return Article(
        slug=slugify(headline) if lang == "en" else str(number),
        number=number,
        headline=headline,
        author=rng.choice(list(authors)),
        category=topic.category,
        tags=(series.slug, topic.key),
        published=published,
        modified=published + timedelta(minutes=edited),
        paragraphs=tuple(paragraphs),
        series=series,
    )


def _slots(rng: random.Random, series: Series, published: datetime) -> dict[str, object]:
    season = rng.randint(2, 4)
    month = (published.month + rng.randint(0, 2)) % 12 + 1
    staff, staff2 = rng.sample(corpus.STAFF, 2)
    return {
        "series": series.en, "ja": series.ja, "studio": series.studio,
        "season": season, "ordinal": corpus.ORDINALS[season - 1],
        "episode": rng.randint(1, 12), "count": rng.randint(2, 9), "big": rng.randint(10, 90),
        "month": month, "month_name": corpus.MONTHS[month - 1], "day": rng.randint(1, 28),
        "weekday": corpus.WEEKDAYS[published.weekday()],
        "season_name": corpus.SEASONS[(month % 12) // 3],
        "platform": rng.choice(corpus.PLATFORMS), "platform_ja": rng.choice(corpus.PLATFORMS_JA),
        "event": rng.choice(corpus.EVENTS), "event_ja": rng.choice(corpus.EVENTS_JA),
        "staff": staff, "staff2": staff2,
    }


def curly_variant(article: Article) -> Article:
    """Same slot in the timeline, rewritten with cp1252-only punctuation and accents."""
    return replace(
        article,
        slug=slugify(corpus.CURLY_HEADLINE),
        headline=corpus.CURLY_HEADLINE,
        category="news",
        tags=(corpus.CURLY_SERIES.slug, "trailer"),
        paragraphs=corpus.CURLY_PARAGRAPHS,
        series=corpus.CURLY_SERIES,
    )

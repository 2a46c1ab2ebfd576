"""Duplicate stories a deduplicating crawler must tell apart from each other.

* :func:`same_series_pair` rewrites two articles of a site into two *different*
  stories about one series (a season announcement and a merchandise one) whose
  bodies share no sentence: they must never be merged.
* :func:`syndicate` copies one story to another site twice: word for word, and
  lightly edited (new first sentence, one paragraph dropped or added, a couple
  of words changed), both published later than the original.

All choices derive from the seed, like the rest of the world.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from datetime import timedelta, timezone
from typing import Optional, Sequence

from . import corpus
from .content import Article, Syndication, compose, slugify

SEASON_TOPICS = ("premiere", "key-visual", "trailer", "sequel")
MERCH_TOPICS = ("figure", "cafe")
#: Word swaps of the edited copy, tried in order on the paragraphs after the first.
SWAPS = (("announced", "revealed"), ("said", "noted"), ("new", "latest"), ("fans", "viewers"),
         ("will", "is set to"), ("has", "has now"), ("the", "this"))
EXACT_DELAY = timedelta(hours=26)
EDITED_DELAY = timedelta(days=3, hours=5)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


def _topic(key: str) -> corpus.Topic:
    return next(t for t in corpus.TOPICS if t.key == key)


def same_series_pair(articles: Sequence[Article], seed: int, host: str, lang: str,
                     authors: Sequence[str], reserved: set[int]) -> tuple[list[Article], tuple[int, ...]]:
    """Rewrite the two newest free slots as unrelated stories about one series; returns
    (articles, indices rewritten). Dates and numbers of the slots are kept."""
    out = list(articles)
    slots = [i for i in range(len(out) - 1, -1, -1) if i not in reserved][:2]
    if len(slots) < 2:
        return out, ()
    others = [a for i, a in enumerate(out) if i not in slots]
    used = {(a.series.slug, a.tags[-1]) for a in others}
    uses = Counter(a.series.slug for a in others)
    for series in sorted(corpus.SERIES, key=lambda s: (uses[s.slug], corpus.SERIES.index(s))):
        season = next((t for t in SEASON_TOPICS if (series.slug, t) not in used), None)
        merch = next((t for t in MERCH_TOPICS if (series.slug, t) not in used), None)
        if season and merch:
            break
    else:
        return out, ()
    rng = random.Random(f"{seed}:{host}:same-series")
    pool = list(corpus.JA_SENTENCES if lang == "ja" else corpus.EN_SENTENCES)
    rng.shuffle(pool)
    halves = (pool[: len(pool) // 2], pool[len(pool) // 2:])  # disjoint: no shared sentence
    for k, (i, key) in enumerate(zip(sorted(slots), (season, merch))):
        art_rng = random.Random(f"{seed}:{host}:same-series:{k}")
        out[i] = compose(art_rng, series, _topic(key), lang, out[i].number, out[i].published, authors, halves[k])
    return out, tuple(sorted(slots))


def pick_original(articles: Sequence[Article], reserved: set[int]) -> Optional[int]:
    """Index of the story worth syndicating: a news item, the longest one, else None."""
    free = [i for i in range(len(articles)) if i not in reserved]
    if not free:
        return None
    return min(free, key=lambda i: (articles[i].category != "news", -len(articles[i].body.split()), i))


def title_case(text: str) -> str:
    """Capitalise every word, as aggregators restyle headlines."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def edit(article: Article, origin_name: str) -> tuple[str, ...]:
    """The light rewrite: about 80-90% of the original words survive in place."""
    paras = list(article.paragraphs)
    first = _SENTENCE_END.split(paras[0], maxsplit=1)
    opening = f"Good news for {article.series.en} fans this week."
    paras[0] = " ".join([opening, *first[1:]])
    if len(paras) >= 6:
        body = range(1, len(paras))
        del paras[min(body, key=lambda i: (len(paras[i]), i))]  # drop the shortest paragraph
    else:
        paras.insert(len(paras) - 1, f"The story was first reported by {origin_name}.")
    changed = 0
    for i in range(1, len(paras)):
        for old, new in SWAPS:
            swapped = re.sub(rf"\b{old}\b", new, paras[i], count=1)
            if swapped != paras[i]:
                paras[i], changed = swapped, changed + 1
                break
        if changed == 2:
            break
    return tuple(paras)


def syndicate(original: Article, origin_url: str, origin_name: str, seed: int, host: str,
              authors: Sequence[str], tz: timezone, taken: set[str]) -> list[Article]:
    """The exact copy and the edited copy of ``original`` for the site at ``host``."""
    rng = random.Random(f"{seed}:{host}:syndicated")

    def unique(slug: str) -> str:
        n, out = 2, slug
        while out in taken:
            out, n = f"{slug}-{n}", n + 1
        taken.add(out)
        return out

    exact_at = (original.published + EXACT_DELAY).astimezone(tz)
    exact_title = title_case(original.headline)
    exact = replace(original, slug=unique(slugify(exact_title)), headline=exact_title,
                    published=exact_at, modified=exact_at,
                    syndication=Syndication(origin_url, origin_name, True))
    edited_at = (original.published + EDITED_DELAY).astimezone(tz)
    edited_title = f"{original.headline}: what we know so far"
    edited = replace(original, slug=unique(slugify(edited_title)), headline=edited_title,
                     author=rng.choice(list(authors)), published=edited_at,
                     modified=edited_at + timedelta(minutes=rng.randint(5, 90)),
                     paragraphs=edit(original, origin_name),
                     syndication=Syndication(origin_url, origin_name, False))
    return [exact, edited]

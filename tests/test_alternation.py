"""Long alternations compiled for speed (pipelines/alternation.py) match exactly the texts the
pattern as written matches."""
from __future__ import annotations

import random
import re

import pytest

from pipelines.alternation import any_of, branches, word_starts_first
from pipelines.media import about_other_media


def test_branches_split_only_at_top_level_bars() -> None:
    pattern = r"\bmanga\b|(?:film|movie)|[|]|\||[]|]|[^]|]x|(?<![劇映])アニメ|"
    assert branches(pattern) == [r"\bmanga\b", "(?:film|movie)", "[|]", r"\|", "[]|]", "[^]|]x",
                                 "(?<![劇映])アニメ", ""]


def test_word_start_branches_gathered_under_one_boundary() -> None:
    assert word_starts_first(r"\bmanga\b|放送|\bfilms?\b|(?-i:\bUSJ\b)") == r"\b(?:manga\b|films?\b)|放送|(?-i:\bUSJ\b)"
    assert word_starts_first(r"\bmanga\b|放送") == r"\bmanga\b|放送"  # one word branch: nothing to gather


FRAGMENTS = [r"\bmanga\b", r"\bfilms?\b", r"\bopens\s*$", r"(?<!anime )\bexpo\b", r"live-action", r"^why\b",
             r"[』」]\s*[×✕]\s*(?![『「])\S", r"放送(?:開始|決定)", r"(?<![劇映])アニメ", r"\b[jk]-?drama\b",
             r"\bgets\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}game\b", r"\d+\s*[万億]部", r"caf[eé]", r"\bcaf[eé]\b",
             r"(?-i:\bSwitch\b)", r"\b(?:the|a)\s+(?:first|new)\s+(?:film|movie)\b", r"[^\x00-\x7f]展(?![開望])"]
WORDS = ["manga", "Manga", "film", "films", "filmset", "opens", "anime expo", "Expo", "live-action", "why", "Why",
         "』×くら寿司", "」 × 「", "放送開始", "劇アニメ", "春アニメ", "k-drama", "jdrama", "gets an anime game",
         "gets a new mobile game", "100万部", "cafe", "café", "Switch", "switch", "the first film", "a new movie",
         "原画展", "展開", " ", "\n", ",", "the", "!"]


@pytest.mark.parametrize("seed", range(40))
def test_gathered_alternation_matches_the_same_texts(seed: int) -> None:
    """Random alternations of real fragments, each with and without IGNORECASE, over random texts."""
    rng = random.Random(seed)
    at_words = [f for f in FRAGMENTS if f.startswith(r"\b")]
    parts = rng.sample(at_words, 2) + rng.sample(FRAGMENTS, rng.randint(0, len(FRAGMENTS)))
    rng.shuffle(parts)
    pattern = "|".join(parts)
    texts = ["".join(rng.choice([w, " " + w, w + " "]) for w in rng.choices(WORDS, k=rng.randint(1, 6)))
             for _ in range(300)]
    for flags in (0, re.IGNORECASE):
        written, fast = re.compile(pattern, flags), any_of(pattern, flags)
        assert fast.pattern != pattern
        assert [bool(written.search(t)) for t in texts] == [bool(fast.search(t)) for t in texts]


def test_headline_readings_use_the_gathered_patterns() -> None:
    """The media words still read as before through the gathered pattern."""
    assert about_other_media("One Piece Manga Goes on Break")
    assert about_other_media("「鬼滅の刃」×くら寿司 コラボ開始")
    assert not about_other_media("Frieren Season 2 Premieres in January")

"""How much English uses a word (wordfreq's Zipf scale: 1 is once per 100 million words, 3 once per
100,000): a title or romaji made of ordinary English words reads as a phrase, not as a name."""
from __future__ import annotations

from functools import cache

from wordfreq import zipf_frequency

#: A word this common in English is an ordinary word ("hana" 2.9 is not, "peace" 4.9 is).
ENGLISH_WORD_ZIPF = 3.0
#: A word rarer than this is no ordinary word: MAPPA 1.7, Frieren 0, Dororo 1.6 are below; Naruto
#: 3.5, Kingdom 4.6 are not.
RARE_WORD_ZIPF = 2.0


@cache
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def is_english_word(word: str) -> bool:
    """`word` is an ordinary English word."""
    return zipf(word.casefold()) >= ENGLISH_WORD_ZIPF


def is_rare_in_english(word: str) -> bool:
    """English hardly uses `word` (names of its own: "Horimiya", "Trigun")."""
    return len(word) >= 4 and zipf(word.casefold()) < RARE_WORD_ZIPF


def load() -> None:
    """Read the word list now (0.4 s) rather than at the first name that asks."""
    zipf("anime")

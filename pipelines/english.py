"""Whether English uses a word commonly, by wordfreq's small English list (the words English uses
at least about once per 100,000: Zipf 3 and up, 4 MB in memory where the full list takes 34 MB):
a title or romaji made of ordinary English words reads as a phrase, not as a name."""
from __future__ import annotations

from functools import cache

from wordfreq import zipf_frequency

#: A word this common in English is an ordinary word ("peace" 5.0, "kingdom" 4.6, "naruto" 3.5);
#: a word the list does not have (Zipf 0: "frieren", "dororo", "mappa") is a name of its own.
ENGLISH_WORD_ZIPF = 3.0


@cache
def zipf(word: str) -> float:
    return zipf_frequency(word, "en", wordlist="small")


def is_english_word(word: str) -> bool:
    """`word` is an ordinary English word."""
    return zipf(word.casefold()) >= ENGLISH_WORD_ZIPF


def is_rare_in_english(word: str) -> bool:
    """English hardly uses `word` (names of its own: "Horimiya", "Trigun")."""
    return len(word) >= 4 and zipf(word.casefold()) == 0


def load() -> None:
    """Read the word list now rather than at the first name that asks."""
    zipf("anime")

"""How much English uses a word (wordfreq's Zipf scale: 1 is once per 100 million words, 3 once per
100,000): a title or romaji made of ordinary English words reads as a phrase, not as a name."""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from wordfreq import get_frequency_dict, get_frequency_list, zipf_frequency

#: A word this common in English is an ordinary word ("peace" 5.0, "kingdom" 4.6, "naruto" 3.5):
#: wordfreq's small English list has every one of them (4 MB in memory).
ENGLISH_WORD_ZIPF = 3.0
#: A word rarer than this is no ordinary word: MAPPA 1.7, Frieren 0, Dororo 1.6 are below; given
#: names that news writes of people (Saki 2.6, Ayaka 2.0) and Naruto 3.5 are not.
RARE_WORD_ZIPF = 2.0


@cache
def zipf(word: str) -> float:
    return zipf_frequency(word, "en", wordlist="small")


def is_english_word(word: str) -> bool:
    """`word` is an ordinary English word."""
    return zipf(word.casefold()) >= ENGLISH_WORD_ZIPF


def rare_in_english(words: Iterable[str]) -> set[str]:
    """Of `words` (lower case), those English hardly uses (names of their own: "horimiya",
    "trigun"). The full English list this needs takes 34 MB: it is read for this and let go."""
    frequencies = get_frequency_dict("en", wordlist="large")
    least = 10 ** (RARE_WORD_ZIPF - 9)  # the frequency of Zipf 2
    rare = {w for w in words if len(w) >= 4 and frequencies.get(w, 0.0) < least}
    get_frequency_dict.cache_clear()
    get_frequency_list.cache_clear()
    return rare

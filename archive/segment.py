"""Japanese and Chinese text as FTS5 tokens: character bigrams, so any word of a CJK run is found.

SQLite's `unicode61` tokenizer takes a run of kana and kanji for one token: in 「TVアニメ「推しの子」
第2期が2024年7月から放送開始」 only whole bracketed runs could be searched. A dictionary segmenter
would still miss the words that cross its boundaries, so each CJK run (kana, kanji and the digits
attached to them, after NFKC folding) is written as its overlapping bigrams and its last character
(`第2期が` → `第2 2期 期が が`); other text is left to `unicode61` as before, so English search is
unchanged. A searched word becomes the phrase of its own bigrams (`2期` → `"2期"`), which appears
wherever the word does; a one-character word is a prefix query (`"期"*`), matching the bigram it
starts or the last character of a run.

`search_form` is what the index holds, `fts_query` what a search box's text becomes (the way
Datasette's `escape_fts` splits it: words and "quoted phrases", all required), and `tokens` the same
tokens with their places in the text, for highlighting.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

#: Kana (with the iteration and prolonged-sound marks) and CJK ideographs: the characters that
#: `unicode61` cannot split into words. Punctuation of those blocks (「」・、。) is left out.
CJK_CHARS = ("\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
             "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f")
CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
#: A CJK run: kana and kanji with the ASCII digits attached to them (第2期, 2024年7月).
CJK_RUN = re.compile(f"[0-9]*[{CJK_CHARS}][{CJK_CHARS}0-9]*")
#: A word `unicode61` keeps together (its default token characters: letters, digits, private use).
WORD = re.compile(r"[^\W_]+|[\ue000-\uf8ff]+")
#: Datasette's split of a search into words and "quoted phrases" (`datasette.utils.escape_fts`).
SEARCH_BITS = re.compile(r'\s+|(".*?")')
#: An FTS5 query that matches nothing: what a search without a single word becomes.
MATCH_NOTHING = '""'


def fold(text: str) -> str:
    """NFKC: full-width Latin and digits (ＳＰＹ×ＦＡＭＩＬＹ, ２０２４) and half-width kana as usual."""
    return unicodedata.normalize("NFKC", text)


def _grams(run: str, whole: bool = True) -> list[str]:
    """A CJK run's bigrams and, when the run is `whole` (not cut by the end of a search), its last
    character; a lone character is itself."""
    grams = [run[i:i + 2] for i in range(len(run) - 1)]
    return grams + [run[-1]] if whole or len(run) == 1 else grams


def search_form(text: str | None) -> str | None:
    """The text as the index holds it: folded, each CJK run replaced by its bigrams."""
    if text is None:
        return None
    return CJK_RUN.sub(lambda m: " " + " ".join(_grams(m.group())) + " ", fold(text))


def _bit_pieces(bit: str) -> tuple[list[tuple[bool, str]], bool]:
    """One word or quoted phrase of a search as pieces in order, each a CJK gram (True) or other
    text left to `unicode61` (False), and whether the last gram is a prefix.

    The last CJK run may stop inside a longer run of the text, so its last character is left out
    (the text's run goes on past it); a last run of one character is a prefix."""
    folded = fold(bit)
    runs = list(CJK_RUN.finditer(folded))
    pieces: list[tuple[bool, str]] = []
    at, prefix = 0, False
    for n, run in enumerate(runs):
        pieces.append((False, folded[at:run.start()]))
        last = n == len(runs) - 1 and not WORD.search(folded, run.end())
        prefix = last and len(run.group()) == 1
        pieces.extend((True, gram) for gram in _grams(run.group(), whole=not last))
        at = run.end()
    pieces.append((False, folded[at:]))
    return [(gram, text) for gram, text in pieces if gram or WORD.search(text)], prefix


def _phrase(bit: str) -> str | None:
    """One word or quoted phrase of a search as an FTS5 phrase, or None when it has no word."""
    pieces, prefix = _bit_pieces(bit)
    if not pieces:
        return None
    return '"' + " ".join(" ".join(text.split()) for _, text in pieces).replace('"', '""') + '"' + (
        "*" if prefix else "")


def search_bits(search: str) -> list[str]:
    """The words and quoted phrases of a search, without their quotes (as Datasette splits them)."""
    if search.count('"') % 2:
        search += '"'
    return [b.strip('"') for b in SEARCH_BITS.split(search) if b and b != '""']


def fts_query(search: str) -> str:
    """The FTS5 query for text typed into a search box: every word and phrase required. Any text
    is a valid query (operators and signs are words to search for, or nothing)."""
    phrases = [p for p in map(_phrase, search_bits(search)) if p]
    return " ".join(phrases) or MATCH_NOTHING


@dataclass(frozen=True)
class Token:
    """One index token of a text, and where it stands in the text searched (`start`, `end`)."""

    text: str
    start: int
    end: int


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """`text` folded the way the index sees it (NFKC, lower case, Latin without diacritics), each folded
    character with the index of the character it came from."""
    out: list[str] = []
    origins: list[int] = []
    for i, char in enumerate(text):
        plain = fold(char).lower()
        if not CJK_CHAR.match(plain):  # unicode61 strips the diacritics of Latin letters, not kana's
            plain = unicodedata.normalize("NFKD", plain)
            plain = unicodedata.normalize("NFC", "".join(c for c in plain if not unicodedata.combining(c)))
        out.append(plain)
        origins.extend([i] * len(plain))
    return "".join(out), origins


def tokens(text: str) -> Iterator[Token]:
    """The tokens of `text` as the index holds them, each with its span of `text`."""
    folded, origins = _folded_with_origins(text)
    origins.append(len(text))

    def span(start: int, end: int) -> tuple[int, int]:
        return origins[start], origins[end - 1] + 1

    at = 0
    for run in CJK_RUN.finditer(folded):
        for word in WORD.finditer(folded, at, run.start()):
            yield Token(word.group(), *span(word.start(), word.end()))
        value = run.group()
        for i, gram in enumerate(_grams(value)):
            start = run.start() + (i if i < len(value) - 1 or len(value) == 1 else len(value) - 1)
            yield Token(gram, *span(start, start + len(gram)))
        at = run.end()
    for word in WORD.finditer(folded, at):
        yield Token(word.group(), *span(word.start(), word.end()))


def query_terms(search: str) -> list[tuple[list[str], bool]]:
    """Each phrase of `fts_query(search)` as the tokens it matches, and whether the last is a prefix."""
    terms = []
    for bit in search_bits(search):
        pieces, prefix = _bit_pieces(bit)
        words = [w for gram, text in pieces for w in ([text] if gram else (t.text for t in tokens(text)))]
        if words:
            terms.append((words, prefix))
    return terms

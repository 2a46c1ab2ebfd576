"""Snippets of an article's own text with the searched words marked.

The index holds search forms (bigrams of Japanese and Chinese), which no reader should see, so
FTS5's `snippet()` cannot be used: the text is tokenized again here, with each token's place in the
original (`archive.segment.tokens`), and the phrases of the search are found among its tokens.
"""
from __future__ import annotations

import re

from archive.segment import Token, query_terms, tokens

#: Characters of context shown before the first match, and in a whole snippet.
BEFORE_CHARS = 60
SNIPPET_CHARS = 240
#: FTS5 syntax in a raw search (`_searchmode=raw`): dropped, the words around it are highlighted.
RAW_SYNTAX = re.compile(r'\b(?:AND|OR|NOT|NEAR)\b|[*^():+{},\-]')


def _matches(found: list[Token], words: list[str], prefix: bool) -> list[tuple[int, int]]:
    """Spans of the text where the tokens `words` follow one another (the last as a prefix)."""
    spans = []
    last = len(words) - 1
    for i in range(len(found) - last):
        if all(found[i + j].text == words[j] for j in range(last)):
            end = found[i + last]
            if end.text == words[last]:
                spans.append((found[i].start, end.end))
            elif prefix and end.text.startswith(words[last]):
                spans.append((found[i].start, min(end.end, end.start + len(words[last]))))
    return spans


def match_spans(text: str, search: str, raw: bool = False) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of `text` that the search's words and phrases match."""
    found = list(tokens(text))
    spans = sorted(s for words, prefix in query_terms(RAW_SYNTAX.sub(" ", search) if raw else search)
                   for s in _matches(found, words, prefix))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, search: str, marks: tuple[str, str], raw: bool = False) -> str | None:
    """The part of `text` around its first match with every match in it between `marks`, cut text
    shown by "…"; None when the search matches nothing in `text`."""
    spans = match_spans(text, search, raw)
    if not spans:
        return None
    start = max(0, spans[0][0] - BEFORE_CHARS)
    end = min(len(text), max(start + SNIPPET_CHARS, spans[0][1]))
    out, at = ["…" if start else ""], start
    for first, last in spans:
        if first >= at and last <= end:
            out += [text[at:first], marks[0], text[first:last], marks[1]]
            at = last
    out += [text[at:end], "…" if end < len(text) else ""]
    return "".join(out).replace("\n", " ")

"""Which form of a headline to keep when the page's `<h1>` and the titles it states (JSON-LD
`headline`, `og:title`) are the same headline laid out differently: a kicker set in a span of
its own, punctuation the layout gives by line breaks instead."""
from __future__ import annotations

import re
import unicodedata

#: Most words of a kicker (the topic line above or before a headline: "Premier League").
MAX_KICKER_WORDS = 5
#: What ends a kicker in a stated title: "Kicker: Headline", "Kicker – Headline".
KICKER_END = re.compile(r"\s*[:：]\s+|\s+[-–—]\s+")
#: Typographic quotes and their plain forms: a stated title often types the <h1>'s quotes plainly.
QUOTES = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", "''''\"\"\"\"")


def _plain(text: str) -> str:
    """A title as typed, its spacing (no-break, ideographic, zero-width) and its quotes' style aside."""
    return " ".join(text.replace("\u2060", "").replace("\u200b", "").split()).translate(QUOTES)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def stated_form(h1: str, headline: str | None, og_title: str | None) -> str | None:
    """The stated title to give instead of the `<h1>` that shows it, or None to keep the `<h1>`:
    1. a stated title with the `<h1>`'s words in the same order, only punctuation and spacing
       apart ("Ausschuss zur Ahrtal-Flut Zwei Rücktritte" with the kicker's colon in a span
       boundary; "पकड़ा:दो" for "पकड़ा: दो"), unless they differ in spacing and the quotes' style
       alone (the `<h1>`'s no-break spaces and curly quotes are kept);
    2. a stated title the `<h1>` ends with after a short kicker ("Premier League Rückschlag im
       Titelkampf …" for "Rückschlag im Titelkampf …", "Neue Leipziger Schule: Judy Lybke, …"
       for "Judy Lybke, …"): the kicker is a topic line the layout sets in the heading;
    3. the JSON-LD headline and og:title, the same text, where the `<h1>` differs: two statements
       agree on the title, be it with a kicker before the `<h1>` ("Nationaler Veteranentag: Orden
       fürs Morden" over "Orden fürs Morden") or reworded ("Johannesburg has failed …" over the
       `<h1>`'s "Joburg has failed …"); not where they only add a tail to the `<h1>` (a site's
       name or slogan, " - Golem.de", which titles keep or drop as their outlet chooses)."""
    words = _tokens(h1)
    stated = [t for t in dict.fromkeys((headline, og_title)) if t]
    for title in stated:
        if _tokens(title) == words and _plain(title) != _plain(h1):
            return title
    for title in stated:
        tokens = _tokens(title)
        kicker = words[:len(words) - len(tokens)]
        if tokens and words[-len(tokens):] == tokens and 0 < len(kicker) <= MAX_KICKER_WORDS:
            return title
    if headline and og_title and _plain(headline) == _plain(og_title):
        tokens = _tokens(headline)
        if tokens != words and tokens[:len(words)] != words:
            return headline
    return None

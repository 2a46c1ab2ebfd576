"""Aliases learned from the archive: an article that writes a name the catalog does not know
beside one it knows teaches it (source `learned`, kept with the article).

1. Pairs: a name and another in brackets right after it ("The Apothecary Diaries (Kusuriya no
   Hitorigoto)", 「薬屋のひとりごと」(The Apothecary Diaries)), or "X, known in Japan as Y" (also
   "also known as", "known in English as", and the same inside the brackets, as "Japanese
   title: Y" or 原題：Y). Either side may be the known one; season markers are dropped first.
2. A side is a quoted name (「」『』"" “”), a Japanese run, or a run of capitalized words with the
   small words of titles between them ("no", "of", "the"); a run opening a sentence loses its
   ordinary English first words ("Fans of Kusuriya no Hitorigoto" → "Kusuriya no Hitorigoto").
3. The known side must be a strong name of exactly one series: several words, four or more
   Japanese characters, or a curated or user alias ("Dandadan (Science SARU)" teaches nothing).
4. The unknown side must look like a title: 2–80 characters; Japanese, or at least two words,
   capitalized but for the small words, with no sentence punctuation; no studio or news words
   ("Toho Animation", "English Dub"); no name of the catalog inside it (a film's subtitle is not
   its series' name). A bare pair in brackets also needs a small word or three words: "(Aoi Yuki)"
   or "(Eight Bit)" name a person or a studio, which a quote or "known as" would not; and it
   must be a translation: in Japanese text 「薬屋のひとりごと」（悠木碧） names the cast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.aliases import TRUSTED_SOURCES, guess_lang, match_key
from pipelines.catalog import Series, debracket, split_title
from pipelines.english import is_english_word

MIN_CHARS, MAX_CHARS = 2, 80
#: The series of a name several series share: it teaches nothing.
AMBIGUOUS = -1
MAX_WORDS = 10
#: Characters read on either side of a pairing: room for `MAX_WORDS` words and what precedes them.
WINDOW = 300
#: Fewest Japanese characters of a name: two-character words (自由, 世界) are everyday words.
MIN_JAPANESE_CHARS = 3
#: Fewest Japanese characters of a strong known name (step 3).
STRONG_JAPANESE_CHARS = 4
#: Words a title has in lower case between its capitalized ones.
SMALL_WORDS = {"no", "wa", "ga", "to", "ni", "o", "wo", "e", "de", "mo", "of", "the", "a", "an", "in", "on", "and",
               "x", "for", "with", "from", "at", "is", "my", "your", "as", "or", "&", "vs"}
#: Words of studios, outlets and news, not of titles (step 4).
NOT_TITLE_WORDS = {"studio", "studios", "animation", "pictures", "entertainment", "productions", "inc", "ltd", "co",
                   "corp", "dub", "sub", "subbed", "dubbed", "trailer", "teaser", "pv", "netflix", "crunchyroll",
                   "hidive", "disney", "tv", "episode", "episodes", "spoilers", "spoiler", "review", "director",
                   "voiced", "cv", "lit", "literally"}
QUOTES = {"「": "」", "『": "』", '"': '"', "“": "”", "【": "】"}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々]")
#: Brackets after a name: "X (Y)", "X（Y）".
BRACKETED = re.compile(r"\s?[(（]([^()（）\n]{2,100})[)）]")
KNOWN_AS = re.compile(r",?\s+(?:also |better |originally |officially )?known (?:in Japan |in English |in the West |"
                      r"overseas |abroad |in North America |internationally )?as\s+", re.IGNORECASE)
#: A label before the other name inside the brackets: (known in Japan as Y), (Japanese title: Y), （原題：Y）.
LABEL = re.compile(r"^(?:(?:also |better |originally )?known (?:in Japan |in English |in the West |overseas )?as|"
                   r"(?:japanese|original|english|romaji|romanized) title[:：]?|英題|原題|邦題|原作名)\s*[:：]?\s*",
                   re.IGNORECASE)
#: What shows a Japanese run is a sentence, a label ("原作：日向夏", "CV：悠木碧"), a date, a
#: broadcaster, studio or role, not a title.
JAPANESE_NOT_NAME = re.compile(r"[。、，,！？!?:：\d０-９]|です|ます|した|する|された|される|テレビ|放送|配信|監督|"
                               r"制作|原作|スタジオ|アニメーション|役$|声$")


@dataclass(frozen=True)
class Side:
    """One side of a pair: the names it may be, longest first, to find it in the catalog (a
    run's suffixes or prefixes), and the name it is if the catalog does not know it."""

    names: list[str]
    unknown: str | None


@dataclass(frozen=True)
class Learned:
    """A name an article taught: the series it names, how it is written, its language."""

    series_id: int
    alias: str
    lang: str


class AliasLearner:
    """Reads name pairs in articles against a catalog (build once per crawl or retag)."""

    def __init__(self, catalog: list[Series]) -> None:
        self.names: dict[str, int] = {}  # each name's series, AMBIGUOUS where several share it
        self.strong: set[str] = set()
        for s in catalog:
            for name, trusted in [(s.title, False), (s.title_ja, False), (debracket(s.title), False),
                                  (debracket(s.title_ja), False),
                                  *((a.alias, a.source in TRUSTED_SOURCES) for a in s.aliases)]:
                key = match_key(name)
                if not key:
                    continue
                self.names[key] = s.id if self.names.get(key, s.id) == s.id else AMBIGUOUS
                if trusted or len(key.split()) >= 2 or (CJK.search(key) and len(key) >= STRONG_JAPANESE_CHARS):
                    self.strong.add(key)

    def learn(self, text: str) -> list[Learned]:
        """The names `text` pairs with a strong known name (see the module docstring)."""
        found: dict[str, Learned] = {}
        for outer, inner, bare in self._pairs(text):
            for known, unknown in ((outer, inner), (inner, outer)):
                if learned := self._teach(known, unknown, bare):
                    found.setdefault(match_key(learned.alias), learned)
        return list(found.values())

    def _pairs(self, text: str) -> list[tuple[Side, Side, bool]]:
        """(name before, name after, bare brackets) of each pairing of step 1."""
        pairs = []
        for match in BRACKETED.finditer(text):
            inside = match.group(1).strip()
            labelled = LABEL.match(inside)
            inner = _side_after(inside[labelled.end():] if labelled else inside, whole=True)
            outer = _side_before(text[max(0, match.start() - WINDOW):match.start()])
            bare = not labelled and _quoted(inside) is None
            if outer and inner and not (bare and CJK.search(outer.names[0]) and CJK.search(inner.names[0])):
                pairs.append((outer, inner, bare))
        for match in KNOWN_AS.finditer(text):
            outer = _side_before(text[max(0, match.start() - WINDOW):match.start()])
            inner = _side_after(text[match.end():match.end() + WINDOW])
            if outer and inner:
                pairs.append((outer, inner, False))
        return pairs

    def _teach(self, known: Side, unknown: Side, bare: bool) -> Learned | None:
        """The unknown side as a name of the series the known side names (steps 3 and 4)."""
        for candidate in known.names:
            key = match_key(split_title(candidate)[0])
            if key in self.names:
                break
        else:
            return None
        series_id = self.names[key]
        if series_id == AMBIGUOUS or key not in self.strong or unknown.unknown is None:
            return None
        name = split_title(unknown.unknown)[0].strip(" :：-–")
        if not self._looks_like_title(name, bare):
            return None
        return Learned(series_id, name, guess_lang(name))

    def _looks_like_title(self, name: str, bare: bool) -> bool:
        """Step 4 of the module docstring."""
        if not MIN_CHARS <= len(name) <= MAX_CHARS or match_key(name) in self.names:
            return False
        if CJK.search(name):
            compact = re.sub(r"\s", "", name)
            return len(compact) >= MIN_JAPANESE_CHARS and not JAPANESE_NOT_NAME.search(name) \
                and not self._holds_a_name(list(compact), "")
        words = name.split()
        if not 2 <= len(words) <= MAX_WORDS or re.search(r"[.;,]\s|[.;,]$", name):
            return False
        if any(w.strip("'’:!?").casefold() in NOT_TITLE_WORDS for w in words):
            return False
        if not all(w.casefold() in SMALL_WORDS or w[:1].isupper() or w[:1].isdigit() for w in words):
            return False
        if bare and len(words) < 3 and not any(w.casefold() in SMALL_WORDS for w in words):
            return False
        return not self._holds_a_name(words, " ")

    def _holds_a_name(self, parts: list[str], joiner: str) -> bool:
        """Whether a run of `parts` inside a name is a name of the catalog (a series and its subtitle)."""
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                if match_key(joiner.join(parts[start:end])) in self.strong:
                    return True
        return False


def _quoted(text: str) -> str | None:
    """The name inside the quotes `text` is (or ends with), else None."""
    text = text.rstrip()
    for open_, close in QUOTES.items():
        if text.endswith(close):
            start = text.rfind(open_, 0, len(text) - 1)
            if start >= 0:
                return text[start + 1:-1].strip()
    return None


def _side_before(text: str) -> Side | None:
    """The name that ends `text` (step 2): quoted, or a run of capitalized words."""
    if (quoted := _quoted(text)) is not None:
        return Side([quoted], quoted) if quoted else None
    if text[-1:] and CJK.search(text[-1:]):
        return None  # an unquoted Japanese run has no start: 「」 marks Japanese titles
    run: list[str] = []
    for word in reversed(text.split(" ")[-MAX_WORDS:]):
        if not word or word[-1] in ".;,)）" or word.endswith(("'s", "’s")) or not (
                word[:1].isupper() or word[:1].isdigit() or word.casefold() in SMALL_WORDS):
            break
        run.insert(0, word)
    if not run:
        return None
    opening = _opens_sentence(text[:len(text) - len(" ".join(run))])
    return Side([" ".join(run[n:]) for n in range(len(run))], _trim(run, opening))


def _side_after(text: str, whole: bool = False) -> Side | None:
    """The name that opens `text` (step 2); `whole`: all of it (the inside of brackets)."""
    text = text.strip()
    if text[:1] in QUOTES:
        end = text.find(QUOTES[text[0]], 1)
        name = text[1:end].strip() if end > 0 else ""
        return Side([name], name) if name and (not whole or end == len(text) - 1) else None
    if CJK.search(text[:1]):
        run = re.match(r"[^\s。、，,()（）「」『』]+", text)
        name = run.group(0) if run else ""
        return Side([name], name) if name and (not whole or name == text) else None
    run = []
    for word in text.split():
        stop = word[-1] in ".;,"
        word = word.rstrip(".;,")
        if not (word[:1].isupper() or word[:1].isdigit() or word.casefold() in SMALL_WORDS):
            break
        run.append(word)
        if stop:
            break
    if not run or (whole and len(run) != len(text.split())):
        return None
    names = [" ".join(run)] if whole else [" ".join(run[:n]) for n in range(len(run), 0, -1)]
    return Side(names, _trim(run, opening=False))


def _opens_sentence(before: str) -> bool:
    before = before.rstrip()
    return not before or before[-1] in ".!?:\n\"“"


def _trim(run: list[str], opening: bool) -> str | None:
    """The run without small words at its ends and, when it opens a sentence, without the ordinary
    English words capitalized only for that ("Fans of Kusuriya no Hitorigoto")."""
    if opening:
        while run and is_english_word(run[0]) and run[0].casefold() not in SMALL_WORDS:
            run = run[1:]
    while run and run[0].casefold() in SMALL_WORDS - {"the", "a", "an", "my", "your"}:
        run = run[1:]
    while run and run[-1].casefold() in SMALL_WORDS:
        run = run[:-1]
    return " ".join(run) or None


def learned_rows(learned: list[Learned]) -> list[dict]:
    """The archive's form of what an article taught (`Archive.learn_aliases` adds the article)."""
    return [{"series_id": a.series_id, "alias": a.alias, "lang": a.lang} for a in learned]

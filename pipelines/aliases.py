"""The names fans use for a series, each with where it came from (`series_aliases`).

Sources, in the order a conflict is settled (a name known from two sources keeps the first):

1. `user`: added with `fanwire catalog alias add`; kept when the catalog is imported again.
2. `curated`: `pipelines/data/aliases.tsv`, abbreviations and the English and romaji names fan
   news uses for the franchises it covers most (JJK, Frieren, Kusuriya no Hitorigoto), written
   from public knowledge; rows name a series by a bangumi-data Japanese title or `mal:ID`.
3. `titles`: `pipelines/data/titles.tsv`, official English titles (and the romaji English news
   uses) of series bangumi-data names only in Japanese, written from public knowledge; like
   bangumi-data's own translations, and unlike curated names, they pass the ordinary-word guards.
4. `bangumi`: every bangumi-data title of the series' entries and every `titleTranslate` entry
   (all English and Chinese ones), with their season and part markers stripped.
5. `derived`: forms generated from those names: brackets and a remake's year dropped
   (【推しの子】 → 推しの子, うる星やつら(2022) → うる星やつら), the
   part before a subtitle (`:`, ` - `, `～`, `!` before a capital, 【…】 after a title), × and x swapped, @ read as a
   (THE IDOLM@STER → THE IDOLMASTER), apostrophes dropped, spaced short words run together (DAN DA DAN → DANDADAN), a title written in Latin letters and again
   in katakana split in two (THE GOD OF HIGH SCHOOL ゴッド・オブ・ハイスクール), an English title's
   leading "The" dropped before two or more words (The Drops of God → Drops of God), a long
   light-novel title's opening words (Suppose a Kid from the Last Dungeon Boonies), British spellings
   (My Neighbor Totoro → My Neighbour Totoro), a katakana word's lookalike hiragana as katakana (ラノべ → ラノベ).
6. `romaji`: the Hepburn romaji of the Japanese title, as fans type it (`pipelines.romaji`:
   進撃の巨人 → Shingeki no Kyojin).
7. `learned`: pairs an archived article wrote, a name the catalog does not know beside one it
   knows ("The Apothecary Diaries (Kusuriya no Hitorigoto)", `pipelines.learned`), kept with
   the article that taught it.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

CURATED = Path(__file__).parent / "data" / "aliases.tsv"
TITLES = Path(__file__).parent / "data" / "titles.tsv"
SOURCES = ("user", "curated", "titles", "bangumi", "derived", "romaji", "learned")
#: Sources whose one-word aliases count as titles wherever written as given (no ordinary-word guard).
TRUSTED_SOURCES = ("user", "curated")
#: Shortest subtitle-stripped prefix kept (folded characters): "Re" of "Re:Zero" is no name,
#: nor are short Japanese words (いじめ of "いじめ 〜いけにえの教室〜", かな of "かな～でぃあん…").
MIN_PREFIX_CHARS = {"latin": 5, "cjk": 3, "hiragana": 4}
HIRAGANA_ONLY = re.compile(r"^[\u3040-\u309f]+$")
#: A prefix of an article and one word is a phrase, not a name ("THE LAST" of "THE LAST -NARUTO THE MOVIE-").
GENERIC_PREFIX = re.compile(r"^(?:the|a|an|my|our|your|this|that)\s+\S+$", re.IGNORECASE)
#: A prefix ending in a film word names any of the franchise's films, not this one ("Demon Slayer: Kimetsu no Yaiba
#: - The Movie" of Mugen Train is Infinity Castle's opening too).
FILM_WORD_END = re.compile(r"(?:\bmovie|劇場版)\W*$", re.IGNORECASE)
#: A title this many words long is shortened in news to an opening of at least `MIN_OPENING_WORDS`.
LONG_TITLE_WORDS = 10
MIN_OPENING_WORDS = 7
SMALL_WORDS = frozenset("a an the of to in for and or as with from on at by my your his her their our is was be "
                        "i you he she we they it that this but so if another some every each no".split())
#: Longest run-together form made from a spaced name ("DAN DA DAN" → "DANDADAN", 8 letters).
MAX_COMPACT_CHARS = 12
#: Where a subtitle starts: a colon, a dash after a space or after kana and kanji, a wave dash.
SUBTITLE = re.compile(r"\s*(?:[:：]|\s[-–—]|(?<=[\u3040-\u30ff\u4e00-\u9fff])[-–—]|[～〜~―])\s*|"
                      r"(?<=[A-Za-z]!)\s+(?=[A-Z][a-z])")  # "Iwa-Kakeru! Climbing Girls"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
#: American spellings British outlets write otherwise ("My Neighbour Totoro" for My Neighbor Totoro).
BRITISH = {"neighbor": "neighbour", "color": "colour", "colors": "colours", "honor": "honour", "favorite": "favourite",
           "armor": "armour", "harbor": "harbour", "humor": "humour", "valor": "valour", "labor": "labour",
           "behavior": "behaviour", "rumor": "rumour", "flavor": "flavour", "savior": "saviour", "center": "centre",
           "theater": "theatre", "fiber": "fibre", "catalog": "catalogue", "dialog": "dialogue", "defense": "defence",
           "offense": "offence", "license": "licence", "gray": "grey", "traveler": "traveller", "jewelry": "jewellery"}
AMERICAN_WORD = re.compile(r"\b(?i:" + "|".join(BRITISH) + r")\b")
#: A hiragana letter inside a katakana word that looks like its katakana twin (ラノべ for ラノベ): a typo of
#: the catalog's that news does not copy.
KANA_LOOKALIKE = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[へべぺ](?=[\u30a1-\u30fa\u30fc])")
#: Hiragana to its katakana twin.
KATAKANA_OFFSET = 0x60
BRACKETS = re.compile(r"[【】「」『』〈〉《》]")
#: The year that tells a remake's title apart: "うる星やつら(2022)", "HUNTER×HUNTER(2011)".
YEAR = re.compile(r"\s*[(（]\s*(?:19|20)\d\d\s*[)）]$")
#: A closing parenthetical that is a subtitle: "男女の友情は成立する？（いや、しないっ!!）".
#: An English title's leading article, which news often leaves out ("Drops of God", "Apothecary Diaries").
LEADING_THE = re.compile(r"^the\s+(?=[A-Za-z])", re.IGNORECASE)
PAREN_TAIL = re.compile(r"\s*[(（][^()（）]+[)）]\s*$")
#: A subtitle in lenticular brackets after a title: "アークナイツ【黎明前奏/PRELUDE TO DAWN】".
BRACKET_TAIL = re.compile(r"\s*【[^【】]+】\s*$")
#: Season and half markers of Chinese titles ("第二季", "(第2季)", "第二部分", "后半").
CHINESE_SEASON = re.compile(r"\s*[(（]?\s*第\s*[\d一二三四五六七八九十]+\s*(?:季|部分)\s*[)）]?\s*$|\s*[后後]半$")


@dataclass(frozen=True)
class Alias:
    """One name of a series: how it is written, its language (BCP 47) and its source."""

    alias: str
    lang: str
    source: str


#: A title written twice, in Latin letters and then in katakana: each is a name.
LATIN_THEN_KANA = re.compile(r"^([A-Za-z][A-Za-z0-9'’!?.,&:\- ]*[A-Za-z0-9!?.])\s+(?:[-–—]\s*)?"
                             r"([\u30a0-\u30ff・ー\s]{3,}?)(?:\s*[-–—])?$")  # "SOUL EATER - ソウルイーター -"


def guess_lang(name: str) -> str:
    """`ja` for a name in kana or kanji, else `en` (Chinese names come with their language)."""
    return "ja" if CJK.search(name) else "en"


def _folded(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def strip_chinese_season(title: str) -> str:
    """A Chinese title without its season marker: "咒术回战 第二季" → "咒术回战"."""
    return CHINESE_SEASON.sub("", title) or title


def _is_name_prefix(prefix: str) -> bool:
    """The part of a title before its subtitle is long enough to name the series by itself."""
    script = "hiragana" if HIRAGANA_ONLY.match(_folded(prefix)) else "cjk" if CJK.search(prefix) else "latin"
    return len(_folded(prefix)) >= MIN_PREFIX_CHARS[script] and not GENERIC_PREFIX.match(prefix) and \
        not FILM_WORD_END.search(prefix)


def _long_title_prefixes(title: str) -> list[str]:
    """The openings news shortens a light-novel-length English title to ("Suppose a Kid from the
    Last Dungeon Boonies" for "… Moved to a Starter Town"): its first `MIN_OPENING_WORDS` words or
    more, ending on a content word, of a title of `LONG_TITLE_WORDS` words or more."""
    words = title.split()
    if CJK.search(title) or len(words) < LONG_TITLE_WORDS:
        return []
    return [" ".join(words[:n]).rstrip(",;:") for n in range(MIN_OPENING_WORDS, len(words) - 1)
            if words[n - 1].casefold().strip(",;:") not in SMALL_WORDS and not FILM_WORD_END.search(words[n - 1])]


def derived_forms(name: str) -> list[str]:
    """Other ways fans write `name` (see source 4 of the module docstring), without `name` itself."""
    forms = [name, " ".join(BRACKETS.sub(" ", name).split())]
    if (tail := BRACKET_TAIL.search(name)) and tail.start() and _is_name_prefix(name[:tail.start()].strip()):
        forms.append(name[:tail.start()].strip())
    forms.append(YEAR.sub("", forms[-1]))
    plain = forms[-1]
    if match := LATIN_THEN_KANA.match(plain):  # "THE GOD OF HIGH SCHOOL ゴッド・オブ・ハイスクール"
        forms += [match.group(1).strip(), match.group(2).strip()]
    if (tail := PAREN_TAIL.search(plain)) and _is_name_prefix(plain[:tail.start()].strip()):
        forms.append(plain[:tail.start()].strip())
    forms += _long_title_prefixes(plain)
    for subtitle in SUBTITLE.finditer(plain):
        prefix = plain[:subtitle.start()].strip()
        if subtitle.start() and subtitle.end() < len(plain) and _is_name_prefix(prefix):
            forms.append(prefix)
    for form in list(forms):
        if (article := LEADING_THE.match(form)) and not CJK.search(form) and len(form[article.end():].split()) >= 2 \
                and _is_name_prefix(form[article.end():]):
            forms.append(form[article.end():])
        if "×" in form:
            forms += [re.sub(r"\s*×\s*", " x ", form), form.replace("×", "x")]
        elif re.search(r"[A-Za-z] x [A-Za-z]", form):
            forms.append(re.sub(r" x ", "×", form))
        if re.search(r"[A-Z]@[A-Z]", form):  # "THE IDOLM@STER" as news writes it, not "Sasami-san@Ganbaranai"
            forms.append(re.sub(r"(?<=[A-Z])@(?=[A-Z])", "a", form))
        if re.search(r"['’]", form):
            forms.append(re.sub(r"['’]", "", form))
        if KANA_LOOKALIKE.search(form):
            forms.append(KANA_LOOKALIKE.sub(lambda kana: chr(ord(kana[0]) + KATAKANA_OFFSET), form))
        if (british := AMERICAN_WORD.sub(_british, form)) != form:
            forms.append(british)  # My Neighbour Totoro, as British outlets write My Neighbor Totoro
        words = form.split()
        if len(words) >= 2 and not CJK.search(form) and len(_folded(form)) <= MAX_COMPACT_CHARS \
                and all(w.isalpha() for w in words):
            forms.append("".join(words))
    return [f for f in dict.fromkeys(forms[1:]) if f != name and _folded(f)]


def _british(word: re.Match[str]) -> str:
    """The British spelling of an American word, in its case (Neighbor → Neighbour, GRAY → GREY)."""
    british = BRITISH[word[0].casefold()]
    return british.upper() if word[0].isupper() and len(word[0]) > 1 else \
        british.capitalize() if word[0][0].isupper() else british


@dataclass(frozen=True)
class CuratedRow:
    """One line of a curated alias file: the series it names, the alias, why, and the source it
    is kept with (`curated` for aliases.tsv, `titles` for titles.tsv)."""

    series: str
    alias: str
    note: str
    source: str = "curated"

    @property
    def lang(self) -> str:
        return "ja-Latn" if self.note.casefold().startswith("romaji") else guess_lang(self.alias)


def read_curated_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a curated data file: tab-separated with a header line, `#` comments and blank
    lines skipped (`data/aliases.tsv`, `data/seasons.tsv`)."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_curated(path: Path = CURATED, source: str = "curated") -> list[CuratedRow]:
    """A curated alias file (header `series alias note`)."""
    return [CuratedRow(r["series"].strip(), r["alias"].strip(), (r.get("note") or "").strip(), source)
            for r in read_curated_tsv(path) if r["series"] and r["alias"]]


def load_packaged() -> list[CuratedRow]:
    """Both packaged alias files: the curated names, then the English titles."""
    return load_curated() + load_curated(TITLES, "titles")


def match_key(name: str) -> str:
    """What the tagger tells names apart by: case, width and punctuation folded, and the word
    breaks of a Latin name kept ("DAN DA DAN" and "Dandadan" are two names, 推しの子 and 【推しの子】 one)."""
    words = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", name).casefold()).split()
    return "".join(words) if CJK.search(name) else " ".join(words)


def merge(aliases: list[Alias], exclude: list[str]) -> list[Alias]:
    """`aliases` with one entry per name (`match_key`; the first source of `SOURCES` wins), none
    of them one of `exclude`; trusted ones are kept as written, each spelling (a curated
    "Kingdom" beside the title "KINGDOM", "Zenshu" beside "ZENSHU")."""
    excluded = {match_key(name) for name in exclude}
    best: dict[str, Alias] = {}
    for a in sorted(aliases, key=lambda a: SOURCES.index(a.source)):
        key = match_key(a.alias)
        if a.source in TRUSTED_SOURCES:  # each spelling: the tagger trusts them as written
            best.setdefault(a.alias, a)
        elif key and key not in excluded and a.alias not in best:
            best.setdefault(key, a)
    return list(best.values())

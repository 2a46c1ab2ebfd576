"""The series catalog: anime series and their seasons, derived from bangumi-data.

bangumi-data (https://github.com/bangumi-data/bangumi-data, CC-BY-4.0) lists one entry per
season, part or film. Building the catalog:

1. Read each entry's Japanese title, English titles, type, start date and MyAnimeList/bangumi ids.
2. Strip season and part markers from the titles ("第2期", "2nd Season", "Season 3",
   "Part 2", "Final Season", "FINAL", a trailing "II") and keep the numbers they carry.
3. Group entries whose base titles match (Japanese or English) into one series; a remake
   ("うる星やつら(2022)") is a series of its own under the original's name, and so is a reboot
   written as the first title with other signs ten years or more after the franchise's last
   (デジモンアドベンチャー： of 2020).
4. Join a TV series titled "<franchise> <subtitle>" to the franchise it continues when
   bangumi-data names it a season (`_join_sequels`: Dr.STONE NEW WORLD, 鬼滅の刃 刀鍛冶の里編), and
   one titled "New <franchise>" (New PANTY & STOCKING with GARTERBELT) as its next season.
5. Number seasons as fans count them (`_number_seasons`): the first TV season is 1, a joined
   sequel the next, a cour or part the season it continues, a "Final Season" after the last
   numbered one (an OVA "FINAL" too, where the franchise's OVAs are numbered seasons: Strike the
   Blood II–IV, FINAL); a one- or two-week TV item is a special, no season.
6. Name each series as fans know it (`display_title`): its official English title where
   bangumi-data has one, with the signs its own names write (SPY×FAMILY, not "SPY FAMILY");
   a series named only in Japanese takes its curated English title (step 7).
7. Give each series its aliases (`pipelines.aliases`): every bangumi-data title and translation
   of its entries, the forms derived from them (unless another series has the same name), the
   romaji of its Japanese title (`pipelines.romaji`), and the curated names of `data/aliases.tsv`.
8. Where fans count otherwise than steps 3–5 can tell, the curated seasons of `data/seasons.tsv`
   decide (written from public knowledge: Wikipedia's season lists, ANN's and Crunchyroll's
   numbering): a sequel season bangumi-data keeps apart with no marker (七つの大罪 神々の逆鱗 is
   The Seven Deadly Sins' season 3) joins its franchise with its number and English title.
The result ships with the package (`pipelines/data/series.json.gz`, with the attribution).
"""
from __future__ import annotations

import gzip
import html
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipelines.aliases import (CJK, Alias, CuratedRow, derived_forms, guess_lang, load_packaged, match_key, merge,
                               read_curated_tsv, strip_chinese_season)
from pipelines.english import is_english_word
from pipelines.romaji import romaji

if TYPE_CHECKING:
    from archive import Archive

PACKAGED = Path(__file__).parent / "data" / "series.json.gz"
CURATED_SEASONS = Path(__file__).parent / "data" / "seasons.tsv"
ATTRIBUTION = ("Series catalog derived from bangumi-data (https://github.com/bangumi-data/bangumi-data), "
               "licensed CC-BY-4.0 by the bangumi-data project.")

NUMBER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "two": 2, "three": 3,
                "four": 4, "five": 5, "six": 6, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                "八": 8, "九": 9, "十": 10, "弐": 2, "参": 3, "ii": 2, "iii": 3, "iv": 4, "v": 5, "ⅱ": 2, "ⅲ": 3,
                "ⅳ": 4, "ⅴ": 5, "セカンド": 2, "サード": 3}
N = r"(\d{1,2}|[一二三四五六七八九十弐参]|first|second|third|fourth|fifth|sixth|two|three|four|five|six)"
#: (pattern, kind) for the end of a title; kind is "season", "part" or "final".
MARKERS = [
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*第{N}\s*(?:期|シーズン|シリーズ)\s*[)）\]]?$", re.I), "season"),
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*{N}(?:st|nd|rd|th)?\s*(?:season|シーズン)\s*[)）\]]?$", re.I), "season"),
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*(?:season|シーズン)\s*{N}\s*[)）\]]?$", re.I), "season"),
    (re.compile(r"[\s:：\-–]*[(（\[]?\s*(セカンド|サード)\s*シーズン\s*[)）\]]?$"), "season"),
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*(?:part|cour|第)\s*\.?\s*{N}\s*(?:クール|部)?\s*[)）\]]?$", re.I), "part"),
    (re.compile(r"[\s:：\-–]*[(（\[]?\s*(?:the )?final season\s*[)）\]]?$|\s*(?:ファイナルシーズン|最終章|完結編)$", re.I),
     "final"),
    (re.compile(r"[\s:：\-–]*[(（\[]?\s*(?:(1st|2nd) half|(前|後)編|(前|後)半クール)\s*[)）\]]?$", re.I), "half"),
    (re.compile(r"\s*完結編$"), "final"),
    (re.compile(r"(?:\s+the)?\s*(?<![A-Za-z-])FINAL$", re.I), "final"),  # "ストライク・ザ・ブラッドFINAL"
    (re.compile(r"(?<=\S)\s+(II|III|IV|Ⅱ|Ⅲ|Ⅳ|Ⅴ)$|(?<=[^\sA-Za-z])(II|III|IV|Ⅱ|Ⅲ|Ⅳ|Ⅴ)$"), "season"),
    (re.compile(r"(?<=[A-Za-z!?.])\s+S(\d)$"), "season"),
    (re.compile(r"(?<=[!！?？])\s*([2-9])$"), "season"),  # "この素晴らしい世界に祝福を！2"
    (re.compile(rf"\s*{N}\s*[ノの]章$"), "season"),  # "炎炎ノ消防隊 参ノ章"
    (re.compile(r"(?<=[。！!？?])\s*完$"), "final"),  # "やはり俺の青春ラブコメはまちがっている。完"
    (CONTINUED := re.compile(r"(?<=[。！!？?])\s*続$"), "half"),  # "…まちがっている。続": the next season
]


#: Signs around a one-word name ("Mission:", "Overlord!").
TRAILING_SIGNS = " !?.:：-–"
#: Notes of a curated row whose alias is the series' official English title.
ENGLISH_TITLE_NOTES = ("English title", "official English title", "English title (film)")

#: "(2022)" after a title: a remake, kept apart from the original it is named after.
REMAKE_YEAR = re.compile(r"\s*[(（]((?:19|20)\d\d)[)）]$")
#: A TV item this short is a special or recap (bangumi-data lists TV edits of one evening).
SPECIAL_DAYS = 14
#: A sequel series follows its franchise's last TV season by at most this many years.
SEQUEL_GAP_YEARS = 6
#: ... and a sequel its title letters or names as an arc, by at most this many.
NAMED_SEQUEL_GAP_YEARS = 10
#: Where a title ends and its subtitle starts.
SUBTITLE_CUT = re.compile(r"\s+|[～〜~:：]|(?<=[？?！!…])(?=[A-Za-zＡ-Ｚ])")  # "ご注文はうさぎですか？BLOOM"
#: Subtitles of spin-offs, recaps and shorts, which are not seasons of the franchise.
SPIN_OFF = re.compile(r"外伝|スピンオフ|前日譚|後日譚|オルタナティブ|alternative|ぷち|ミニ|学園|日記|総集[編篇]|特別編|新編集|リマスター|"
                      r"remaster|recap|memorial|memories|anniversary|extra edition|chibi|mini\b|\bSD\b|OVA|OAD|TVSP|スペシャル|劇場", re.IGNORECASE)
#: A Japanese title and a sequel's letters or signs glued after it: "小林さんちのメイドラゴンS",
#: "戦姫絶唱シンフォギアXV", "賭ケグルイ××", "けいおん！！".
LETTERED_SEQUEL = re.compile(r"^(.*[\u3040-\u30ff\u3400-\u9fff])([A-Z×!！+＋♪☆]{1,3})$")
#: A season number in a Chinese title: "第七季", "第2季", "2期".
CHINESE_SEASON_NUMBER = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十])\s*季|(?<![\d.])(\d)\s*期")
#: "からかい上手の高木さん3", "PSYCHO-PASS サイコパス 3": a franchise's title and its season's number.
NUMBERED_SEQUEL = re.compile(r"^(.*[^\d\s.:/・])\s?([2-9])$")
#: Words of a subtitle that say it continues the franchise ("The Second Barrage", "2nd Attack",
#: "Return of Kings", リベンジ, 新章, 第二章, 漆): a season, not a spin-off.
SEQUEL_WORDS = re.compile(r"\b(?:2nd|3rd|[4-9]th|second|third|next|new|returns?|revenge|again|after story|"
                          r"act\.?\s?(?:\d|II|III|IV))\b|"
                          r"リベンジ|リターンズ|新章|新シリーズ|第[二三四五六七八九]章|第[二三四]幕|^\s*[弐参肆伍陸漆捌玖]\s*$",
                          re.IGNORECASE)
#: A subtitle naming a story arc (刀鍛冶の里編, 天竺編): a season of its franchise.
ARC = re.compile(r"[編篇]$")
ARC_BRACKETS = " -－―~〜～()（）"  # "黒執事 -緑の魔女編-"
#: A Roman numeral between a title and its subtitle.
#: A season number before a subtitle ("キャプテン翼シーズン2 ジュニアユース編", "Season 2: Junior Youth Arc").
MID_SEASON = re.compile(rf"(?<=\S)\s*(?:シーズン\s*{N}|(?<![A-Za-z])season\s*{N}|第{N}期)(?=\s*[:：]?\s+\S)", re.I)
#: "New PANTY & STOCKING with GARTERBELT": a franchise's title after "New" is its next season, however
#: long after (a remake writes its year or a suffix instead: うる星やつら(2022), Tokyo Mew Mew New).
RENEWED = re.compile(r"^new\s+(?=\S)", re.IGNORECASE)
#: Shortest franchise title (folded) that "New" may renew: "NEW GAME!" renews no series "GAME".
MIN_RENEWED_CHARS = 8
MID_ROMAN = re.compile(r"(?<=[^\sA-Za-z])(III|II|IV|V|Ⅱ|Ⅲ|Ⅳ|Ⅴ)(?=\s*[～〜~]|\s+[^\sA-Za-z])")  # "…だろうかⅤ 豊穣の女神篇"


def debracket(title: str) -> str:
    """【Oshi no Ko】 → Oshi no Ko: the brackets some titles carry are not part of the name."""
    return " ".join(re.sub(r"[【】「」『』〈〉《》]", " ", title).split())


#: "劇場版 X" / "映画 X" is the film of series X.
FILM_PREFIX = re.compile(r"^\s*(?:劇場版|映画|劇場総集編)\s*")


def fold(text: str) -> str:
    """Case, width, punctuation and bracket folded: how titles are compared."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def _number(word: str) -> int | None:
    word = word.strip().casefold()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def split_title(title: str) -> tuple[str, int | None, int | None, bool]:
    """(base title, season, part, final) of a catalog title."""
    base, season, part, final = title.strip(), None, None, False
    if match := MID_ROMAN.search(base):  # "無職転生Ⅱ ～異世界行ったら本気だす～"
        base, season = base[:match.start()] + base[match.end():], _number(match.group(1))
    elif (match := MID_SEASON.search(base)) and not re.match(r"\s*[(（]", base[match.end():]):
        base, season = base[:match.start()] + base[match.end():], _number(next(g for g in match.groups() if g))
    changed = True
    while changed and base:
        changed = False
        for pattern, kind in MARKERS:
            match = pattern.search(base)
            if not match or match.start() == 0:
                continue
            number = next((g for g in match.groups() if g), None)
            value = _number(number) if number else None
            if kind == "season" and value:
                season = season or value
            elif kind == "part" and value:
                part = part or value
            elif kind == "final":
                final = True
            elif kind != "half":
                continue
            base, changed = base[:match.start()].rstrip(" :：-–"), True
    return base, season, part, final


@dataclass
class Entry:
    """One bangumi-data item: a season, a part of one, a film or an OVA."""

    title: str
    title_en: str | None
    type: str
    year: int | None
    season: int | None = None
    part: int | None = None
    final: bool = False
    mal_id: str | None = None
    bangumi_id: str | None = None
    begin: str | None = None


@dataclass
class Series:
    id: int
    title: str
    title_ja: str
    aliases: list[Alias] = field(default_factory=list)
    mal_id: str | None = None
    bangumi_id: str | None = None
    entries: list[Entry] = field(default_factory=list)

    @property
    def seasons(self) -> int:
        return max((e.season or 0 for e in self.entries if e.type in ("tv", "web")), default=0)


#: "Final SEASON ‐浅き夢の暁‐": a final season named before its subtitle (split_title reads only a title's end).
FINAL_WITH_SUBTITLE = re.compile(r"\bfinal\s+season\b(?=\s*\S)", re.IGNORECASE)


def _entry(item: dict[str, Any]) -> tuple[Entry, str, str | None, list[Alias]]:
    """The entry, its base Japanese and English titles, and every title it has (markers stripped)."""
    ids = {s.get("site"): s.get("id") for s in item.get("sites", [])}
    translations = {lang: [t.strip() for t in titles if t.strip()]
                    for lang, titles in item.get("titleTranslate", {}).items()}
    titles_en = translations.get("en", [])
    base_ja, season_ja, part_ja, final_ja = split_title(FILM_PREFIX.sub("", item["title"]))
    base_en, season_en, part_en, final_en = split_title(titles_en[0]) if titles_en else (None, None, None, False)
    season = season_ja or (None if part_ja else season_en)  # "(第2クール)" is a cour, whatever "Season 2" says
    if season and base_en and re.search(rf"[A-Za-z]{season}$", base_en):
        base_en = base_en[: -len(str(season))]  # "KINGDOM2" is KINGDOM's season 2
    kind = item.get("type") or "tv"
    begin = item.get("begin") or ""
    entry = Entry(item["title"].strip(), titles_en[0] if titles_en else None, kind,
                  int(begin[:4]) if begin[:4].isdigit() else None,
                  None if kind == "movie" else season, part_ja or part_en,
                  final_ja or final_en or bool(FINAL_WITH_SUBTITLE.search(item["title"])),
                  ids.get("mal"), ids.get("bangumi"), begin[:10] or None)
    names = [Alias(base_ja, "ja", "bangumi")] + [
        Alias(split_title(strip_chinese_season(FILM_PREFIX.sub("", title)))[0] or title, lang, "bangumi")
        for lang, titles in translations.items() for title in titles]
    return entry, base_ja, base_en, names


def build(items: list[dict[str, Any]], curated: list[CuratedRow] | None = None,
          curated_seasons: list[SeasonRow] | None = None) -> list[Series]:
    """Group bangumi-data items into series with their aliases (see the module docstring);
    `curated` and `curated_seasons` default to the shipped curated files."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    parsed, specials, numbered, continued, remakes, chinese = [], set(), set(), set(), {}, {}
    for item in map(_unescaped, items):
        if not item.get("title"):
            continue
        entry, base_ja, base_en, names = _entry(item)
        key = "ja:" + fold(base_ja)
        if remake := REMAKE_YEAR.search(base_ja):  # "うる星やつら(2022)": its own series, named as the original
            base_ja, key = base_ja[:remake.start()], f"{key}:remake"
            remakes[key] = "ja:" + fold(base_ja)
        keys = [key] + (["en:" + fold(base_en)] if base_en and len(fold(base_en)) >= 4 and not remake else [])
        for other in keys[1:]:
            parent[root(keys[0])] = root(other)
        root(keys[0])
        if _is_special(item):
            specials.add(id(entry))
        if CONTINUED.search(item["title"].strip()):
            continued.add(id(entry))
        if any(split_title(t)[1] for t in item.get("titleTranslate", {}).get("en", [])):
            numbered.add(id(entry))
        if (season := _chinese_season(item)) and season > 1 and entry.type in ("tv", "web"):
            numbered.add(id(entry))  # "夏目友人帐 第七季": the Chinese titles number what the Japanese one names
            chinese[id(entry)] = season
        parsed.append((entry, base_ja, base_en, names, keys[0]))
    groups: dict[str, list[tuple[Entry, str, str | None, list[Alias]]]] = {}
    for entry, base_ja, base_en, names, key in parsed:
        groups.setdefault(root(key), []).append((entry, base_ja, base_en, names))
    _move_remake_sequels(groups, {root(remake): root(original) for remake, original in remakes.items()})
    _split_reboots(groups)
    sequels = _join_sequels(groups, numbered, specials, chinese) | continued
    _apply_curated_seasons(groups, specials, load_curated_seasons() if curated_seasons is None else curated_seasons)
    catalog = []
    for members in groups.values():
        members.sort(key=lambda m: (m[0].begin or str(m[0].year or 9999), m[0].season or 0))
        _number_seasons([m[0] for m in members], sequels, specials)
        first = next((m for m in members if m[0].type in ("tv", "web")), members[0])
        title_ja = first[1]
        english = [t for t in (first[2] or first[0].title_en, *(m[2] for m in members)) if t]  # a curated one too
        title = display_title(english, [a.alias for a in first[3] if a.lang == "en"], title_ja)
        named = [a for m in members for a in m[3]]
        derived = [Alias(form, a.lang, "derived") for a in [*named, Alias(title, guess_lang(title), "bangumi")]
                   for form in derived_forms(a.alias)]
        aliases = merge(named + derived, exclude=[title, title_ja])
        catalog.append(Series(0, title, title_ja, aliases, first[0].mal_id, first[0].bangumi_id,
                              [m[0] for m in members]))
    catalog.sort(key=lambda s: (min((e.year or 9999) for e in s.entries), fold(s.title)))
    for number, series in enumerate(catalog, 1):
        series.id = number
    _add_curated(catalog, load_packaged() if curated is None else curated)
    _add_romaji(catalog)
    _drop_shared_derived(catalog)
    return catalog


def _unescaped(item: dict[str, Any]) -> dict[str, Any]:
    """The item with its titles as written: bangumi-data keeps a few HTML entities ("TIGER &amp; BUNNY 2")."""
    return {**item, "title": html.unescape(item.get("title") or ""),
            "titleTranslate": {lang: [html.unescape(t) for t in titles]
                               for lang, titles in (item.get("titleTranslate") or {}).items()}}


def _chinese_season(item: dict[str, Any]) -> int | None:
    """The season number a Chinese title translation gives ("飙速宅男 第五季", "街角魔族 2期")."""
    for lang in ("zh-Hans", "zh-Hant"):
        for title in item.get("titleTranslate", {}).get(lang, []):
            if match := CHINESE_SEASON_NUMBER.search(title):
                return _number(match.group(1) or match.group(2))
    return None


def _move_remake_sequels(groups: dict[str, list[tuple[Entry, str, str | None, list[Alias]]]],
                         remakes: dict[str, str]) -> None:
    """An entry named as the original ("らんま1/2 第2期") that begins after the remake did
    ("らんま1/2(2024)") continues the remake, and the original's English names name the remake too
    (the article's date tells them apart); `remakes` maps a remake's group to its original's."""
    for key, original_key in remakes.items():
        original = groups.get(original_key)
        started = min((m[0].begin for m in groups.get(key, []) if m[0].begin), default=None)
        if not original or not started or original_key == key:
            continue
        later = [m for m in original if m[0].begin and m[0].begin > started]
        groups[key].extend(later)
        groups[key][0][3].extend(Alias(m[2], "en", "bangumi") for m in original if m[2])
        original[:] = [m for m in original if m not in later]
        if not original:
            del groups[original_key]


#: Years after a franchise's last TV series that a series written as its first's title with other signs is a reboot.
REBOOT_YEARS = 10


def _split_reboots(groups: dict[str, list[tuple[Entry, str, str | None, list[Alias]]]]) -> None:
    """A TV series written as the franchise's first with other signs, begun `REBOOT_YEARS` or more
    after the franchise's last (デジモンアドベンチャー： of 2020, twenty years after デジモンアドベンチャー02),
    is a reboot: a series of its own, as a remake with its year in the title is (not ニセコイ: a year
    after ニセコイ, nor 銀魂. two years after 銀魂', nor ドラえもん of 2005, written as the first)."""
    for key in list(groups):
        members = groups[key]
        tv = sorted((m for m in members if m[0].type in ("tv", "web") and m[0].year), key=lambda m: m[0].year)
        if not tv:
            continue
        first = tv[0][0]
        reboots = [m for m in tv if m[0].title.strip() != first.title.strip() and fold(m[0].title) == fold(first.title)
                   and all(m[0].year - o[0].year >= REBOOT_YEARS for o in tv if o[0].year < m[0].year)]
        if reboots:
            groups[f"{key}:reboot"] = reboots
            members[:] = [m for m in members if m not in reboots]


def signs(name: str) -> int:
    """How many signs (×, !, :, ☆, ...) a name writes: neither letters, digits, spaces nor the
    brackets some names are quoted in (「K」 is K)."""
    return sum(1 for c in debracket(name) if not c.isalnum() and not c.isspace())


def display_title(english: list[str], names: list[str], title_ja: str) -> str:
    """The name a series is shown by: its first English title in proper case (bangumi-data's
    official one), else its Japanese title, written with the signs another name of its first
    entry keeps where that one dropped them (bangumi-data's "SPY FAMILY" is shown as SPY×FAMILY).
    A later season's names are not asked: their signs may mark the season (K-ON!!)."""
    title = next((t for t in english if t != t.lower()), english[0] if english else title_ja)
    same = [name for name in (*names, title_ja) if fold(name) == fold(title)]
    return max([title, *same], key=signs)


def _is_special(item: dict[str, Any]) -> bool:
    """A TV item that ran for `SPECIAL_DAYS` or less is a special or a recap, not a season (a web
    series released at once, as streaming services do, is a season)."""
    if (item.get("type") or "tv") != "tv":
        return False
    begin, end = (item.get("begin") or "")[:10], (item.get("end") or "")[:10]
    try:
        return (date.fromisoformat(end) - date.fromisoformat(begin)).days <= SPECIAL_DAYS
    except ValueError:
        return False


def _join_sequels(groups: dict[str, list[tuple[Entry, str, str | None]]], numbered: set[int],
                  specials: set[int], chinese: dict[int, int]) -> set[int]:
    """Move each TV series titled "<franchise> <subtitle>" (メイドインアビス 烈日の黄金郷, Dr.STONE NEW WORLD,
    鬼滅の刃 刀鍛冶の里編) into the franchise it continues; returns the moved entries' ids.

    It must begin after the franchise's first TV entry, within `SEQUEL_GAP_YEARS` of the one before
    (`NAMED_SEQUEL_GAP_YEARS` where its title letters it or names an arc, any time where a title
    numbers it), and be named as a season (`_named_as_season`); a group holding a film (a film's TV edit), a
    special (`_is_special`) or a spin-off (SPIN_OFF) stays apart."""
    def first_tv(members: list[tuple[Entry, str, str | None]]) -> tuple[Entry, str, str | None] | None:
        tv = sorted((m for m in members if m[0].type in ("tv", "web") and m[0].begin), key=lambda m: m[0].begin)
        return tv[0] if tv else None

    heads: dict[str, list[str]] = {}  # an original and its remake share a name: the later one is meant
    for key in sorted((k for k in groups if first_tv(groups[k])), key=lambda k: first_tv(groups[k])[0].begin):
        heads.setdefault(fold(first_tv(groups[key])[1]), []).append(key)
    moved: set[int] = set()
    order = sorted((key for key in groups if first_tv(groups[key])), key=lambda k: first_tv(groups[k])[0].begin)
    renewed = _renewed_franchises(groups, order, first_tv)
    for key in order:
        members = groups[key]
        head = first_tv(members)
        if any(m[0].type == "movie" for m in members) or id(head[0]) in specials or SPIN_OFF.search(head[1]):
            continue
        if renewed.get(key) in groups:  # "New <franchise>": the next season, numbered by `_number_seasons`
            groups[renewed[key]].extend(members)
            moved.update(id(m[0]) for m in members)
            del groups[key]
            continue
        number = NUMBERED_SEQUEL.match(unicodedata.normalize("NFKC", head[1]))
        cuts = [m.start() for m in SUBTITLE_CUT.finditer(head[1]) if m.start() > 0]
        lettered = LETTERED_SEQUEL.match(head[1])  # "とある科学の超電磁砲T", "賭ケグルイ××"
        if lettered:
            cuts.append(lettered.end(1))
        for cut in [*reversed(cuts), *([None] if number else [])]:
            earlier = [k for k in heads.get(fold(head[1][:cut] if cut is not None else number.group(1)), [])
                       if k != key and k in groups and first_tv(groups[k])[0].begin < head[0].begin]
            if not earlier:
                continue
            franchise = earlier[-1]
            before = [m[0].begin for m in groups[franchise]
                      if m[0].type in ("tv", "web") and m[0].begin and m[0].begin < head[0].begin]
            numbered_sequel = cut is None
            lettered_sequel = bool(lettered) and cut == lettered.end(1)
            arc = cut is not None and bool(ARC.search(head[1][cut:].strip(ARC_BRACKETS)))
            gap = int(head[0].begin[:4]) - int(max(before)[:4])
            if (gap <= SEQUEL_GAP_YEARS or id(head[0]) in numbered or numbered_sequel or
                    gap <= NAMED_SEQUEL_GAP_YEARS and (lettered_sequel or arc)) and (
                    numbered_sequel or lettered_sequel or
                    _named_as_season(head, head[1][cut:], first_tv(groups[franchise]), len(before), numbered)):
                for m in members:  # its number: the title's ("高木さん3") or its Chinese titles'
                    if m[0].type in ("tv", "web") and not m[0].season:
                        m[0].season = int(number.group(2)) if numbered_sequel else chinese.get(id(m[0]))
                groups[franchise].extend(members)
                moved.update(id(m[0]) for m in members)
                del groups[key]
                break
    return moved


def _renewed_franchises(groups: dict[str, list[tuple[Entry, str, str | None]]], order: list[str],
                        first_tv: Callable[[list[tuple[Entry, str, str | None]]], tuple[Entry, str, str | None]]
                        ) -> dict[str, str]:
    """The group each "New <franchise>" TV series renews (`RENEWED`): the one whose first TV entry
    has that Japanese or English title and began before it."""
    titled: dict[str, str] = {}
    renewed = {}
    for key in order:  # by first broadcast: a franchise is titled before its renewal is met
        _, title_ja, title_en = first_tv(groups[key])[:3]
        rest = RENEWED.sub("", title_ja)
        if rest != title_ja and len(fold(rest)) >= MIN_RENEWED_CHARS and fold(rest) in titled:
            renewed[key] = titled[fold(rest)]
            continue
        for title in (title_ja, title_en):
            if title and len(fold(title)) >= MIN_RENEWED_CHARS:
                titled.setdefault(fold(title), key)
    return renewed


def _named_as_season(head: tuple[Entry, str, str | None], subtitle: str, franchise: tuple[Entry, str, str | None],
                     seasons_before: int, numbered: set[int]) -> bool:
    """A subtitled series is a season of its franchise when bangumi-data says so: an English title
    with a season number ("Dr. STONE (Season 3)"), an arc (刀鍛冶の里編), a sequel's words
    (SEQUEL_WORDS), or the franchise's English title and a subtitle ("Made in Abyss: The Golden
    City of the Scorching Sun"). Other subtitled series (spin-offs, new generations) stay series
    of their own."""
    english, franchise_english = head[0].title_en or "", franchise[2] or ""
    if fold(subtitle) == fold(franchise_english):  # 鋼の錬金術師 FULLMETAL ALCHEMIST: a remake, not a season
        return False
    if id(head[0]) in numbered or ARC.search(subtitle.strip(ARC_BRACKETS)):
        return True
    if SEQUEL_WORDS.search(subtitle):
        return True
    return head[0].type == "tv" and seasons_before >= 1 and bool(franchise_english) and \
        english.casefold().startswith(tuple(franchise_english.casefold() + sep for sep in (":", " -", " –")))


def _drop_shared_derived(catalog: list[Series]) -> None:
    """A derived form that names another series too is not this one's: "Fruits Basket" of the film
    "Fruits Basket: prelude" is the TV series' title, "BLEACH" of "BLEACH: Thousand-Year Blood
    War - The Conflict" is two series' prefix. Shared only with films and OVAs, it is the TV
    series' ("Hypnosis Mic" of "Hypnosis Mic: Division Rap Battle: Rhyme Anima" and its film), and
    shared with later series only, the first one's (かぐや様は告らせたい of the TV series, not of its later
    film and specials, each an entry of its own)."""
    named: dict[str, set[int]] = {}
    derived: dict[str, set[int]] = {}
    for series in catalog:
        for name in (series.title, series.title_ja, debracket(series.title), debracket(series.title_ja)):
            named.setdefault(match_key(name), set()).add(series.id)
        for a in series.aliases:
            (derived if a.source == "derived" else named).setdefault(match_key(a.alias), set()).add(series.id)
    on_tv = {series.id for series in catalog if any(e.type in ("tv", "web") for e in series.entries)}
    starts = sorted(named)
    began = {series.id: min((e.begin for e in series.entries if e.begin), default="9999") for series in catalog}
    for series in catalog:
        series.aliases = [a for a in series.aliases if a.source != "derived" or (
            named.get(match_key(a.alias), {series.id}) <= {series.id} and
            (derived[match_key(a.alias)] == {series.id} or derived[match_key(a.alias)] & on_tv == {series.id} or
             _first_to_share(match_key(a.alias), series.id, derived, began)) and
            not _franchise_word(match_key(a.alias), series.id, starts, named, began))]


#: Fewest characters of a Japanese derived form the first of the series sharing it keeps (かぐや様は告らせたい).
MIN_SHARED_JAPANESE_CHARS = 6


def _first_to_share(key: str, own: int, derived: dict[str, set[int]], began: dict[int, str]) -> bool:
    """A long Japanese form derived from several series' titles is the first one's when the others
    began later: the TV series', not its film's and specials' (a Latin one, "Resident Evil" or
    "High School!", is as often another work's)."""
    return bool(CJK.search(key)) and len(key.replace(" ", "")) >= MIN_SHARED_JAPANESE_CHARS and \
        all(began[own] < began[other] for other in derived[key] - {own})


#: Other series whose names open with a derived form that make it the franchise's word, not a title.
MIN_FRANCHISE_SERIES = 2


def _franchise_word(key: str, own: int, starts: list[str], named: dict[str, set[int]], began: dict[int, str]) -> bool:
    """The derived form opens the names of other series, one of them older: "Gundam" of "Gundam:
    Requiem for Vengeance" (2024) begins "Gundam Build Fighters" (2013) and "Gundam Breaker
    Battlogue" too, and names the franchise. The franchise's first series keeps it ("Danganronpa"
    of "Danganronpa: The Animation", before "Danganronpa 3")."""
    head = key if CJK.search(key) else f"{key} "
    others: set[int] = set()
    for name in starts[bisect_left(starts, head):]:
        if not name.startswith(head):
            break
        others |= named[name] - {own}
    return len(others) >= MIN_FRANCHISE_SERIES and any(began[other] < began[own] for other in others)


def _add_romaji(catalog: list[Series]) -> None:
    """Add the romaji of each series' Japanese title and of the Japanese forms derived from it
    (無職転生～異世界行ったら本気だす～ and 無職転生), its loanwords spelled by its English names.
    A derived form's romaji that is another series' name or title romaji is not added (the film
    夏目友人帳 石起こしと怪しき来訪者 does not take the TV series' "Natsume Yuujinchou")."""
    found: dict[int, list[str | None]] = {}
    named: dict[str, set[int]] = {}
    for series in catalog:
        english = [series.title, *(a.alias for a in series.aliases if a.lang == "en")]
        names = [series.title_ja, *(f for f in derived_forms(series.title_ja) if guess_lang(f) == "ja")]
        found[series.id] = [romaji(name, english) for name in names]
        for name in (found[series.id][0], series.title, *(a.alias for a in series.aliases if a.source != "derived")):
            if name:
                named.setdefault(match_key(name), set()).add(series.id)
    for series in catalog:
        own = [name for n, name in enumerate(found[series.id])
               if name and (n == 0 or named.get(match_key(name), {series.id}) <= {series.id})]
        if own:
            series.aliases = merge([*series.aliases, *(Alias(name, "ja-Latn", "romaji") for name in own)],
                                   exclude=[series.title, series.title_ja])


def _add_curated(catalog: list[Series], rows: list[CuratedRow]) -> None:
    """Add each curated alias, and the forms derived from it, to the series its row names (a
    Japanese title of one of its entries, or `mal:ID` / `bangumi:ID` of one of them). A series
    bangumi-data names only in Japanese is shown by its curated English title
    (`ENGLISH_TITLE_NOTES`), one whose row names it alone before one shared with the series of
    the same name (ポケットモンスター(2023) before ポケットモンスター); a film's English title names
    the film, not a TV series holding it."""
    named: dict[str, list[Series]] = {}
    for series in catalog:
        keys = {series.title_ja, *(e.title for e in series.entries),
                *(f"mal:{e.mal_id}" for e in series.entries if e.mal_id),
                *(f"bangumi:{e.bangumi_id}" for e in series.entries if e.bangumi_id)}
        for key in keys:
            named.setdefault(key, []).append(series)
    english: dict[int, list[tuple[bool, str]]] = {}
    for row in rows:
        derived = [] if "film" in row.note else [  # a film's "Psycho-Pass 3" is the TV season's name
            Alias(form, guess_lang(form), "derived") for form in derived_forms(row.alias)
            if len(form.split()) > 1 or not is_english_word(form.strip(TRAILING_SIGNS))]
        for series in named.get(row.series, []):
            series.aliases = merge([Alias(row.alias, row.lang, row.source), *series.aliases, *derived],
                                   exclude=[series.title, series.title_ja])
            films = [e for e in series.entries if e.type == "movie" and e.title == row.series]
            for film in films:  # the film's English title: the tagger knows news naming it is the film's
                film.title_en = film.title_en or row.alias
            if row.note in ENGLISH_TITLE_NOTES and (not films or all(e.type == "movie" for e in series.entries)):
                english.setdefault(series.id, []).append((len(named[row.series]) > 1, row.alias))
    for series in catalog:
        if series.id in english and CJK.search(series.title):
            series.title = min(english[series.id], key=lambda shared_title: shared_title[0])[1]


@dataclass(frozen=True)
class SeasonRow:
    """One line of the curated seasons file: a TV entry, an entry of the series it belongs to, its
    season as fans count it (None: no season, a recap or a short), its English title, and why."""

    entry: str
    franchise: str
    season: int | None
    english: str = ""
    note: str = ""


def load_curated_seasons(path: Path = CURATED_SEASONS) -> list[SeasonRow]:
    """The curated seasons file (header `entry franchise season english note`; season is a number
    or `none`)."""
    rows = []
    for r in read_curated_tsv(path):
        season = (r.get("season") or "").strip()
        if not season.isdigit() and season != "none":
            raise ValueError(f"{path}: season of {r.get('entry')!r} is {season!r}, not a number or 'none'")
        rows.append(SeasonRow(r["entry"].strip(), r["franchise"].strip(), int(season) if season.isdigit() else None,
                              (r.get("english") or "").strip(), (r.get("note") or "").strip()))
    return rows


def _apply_curated_seasons(groups: dict[str, list[tuple[Entry, str, str | None, list[Alias]]]], specials: set[int],
                           rows: list[SeasonRow]) -> None:
    """Move each curated row's TV entries into the group of its franchise, with the row's season
    (a row with no season makes the entry a special) and English title."""
    where: dict[str, str] = {}
    for key, members in groups.items():
        for m in members:
            where.setdefault(m[0].title, key)
    for row in rows:
        source, target = where.get(row.entry), where.get(row.franchise)
        if source is None or target is None:
            continue
        moving = [m for m in groups[source] if m[0].title == row.entry and m[0].type in ("tv", "web")]
        for m in moving:
            m[0].season = row.season
            if row.season is None:
                specials.add(id(m[0]))
            if row.english:
                m[0].title_en = row.english
                m[3].append(Alias(row.english, "en", "curated"))
            if source != target:
                groups[source].remove(m)
                groups[target].append(m)
                where[m[0].title] = target
        if not groups[source]:
            del groups[source]


def _number_seasons(entries: list[Entry], sequels: set[int] = frozenset(), specials: set[int] = frozenset()) -> None:
    """Number TV entries (sorted by start) the way fans count seasons: the first TV entry without
    a number is season 1; a sequel series with its own title is the next season (where no later
    entry already carries that number: a spin-off between seasons is none); a cour or part
    ("第2クール", "Part 2") is the season it continues; a final season follows the last number, and
    so does a final OVA where OVAs are numbered seasons; specials and recaps (`_is_special`) are no season."""
    tv = [e for e in entries if e.type in ("tv", "web")]
    if tv and not tv[0].season and not tv[0].final:
        tv[0].season = 1
    lettered_sequels = set()
    for e in tv[1:]:  # "響け！ユーフォニアム3" of "響け！ユーフォニアム"; "賭ケグルイ××" of "賭ケグルイ"
        if not e.season and (number := NUMBERED_SEQUEL.match(unicodedata.normalize("NFKC", e.title))) and \
                fold(number.group(1)) == fold(tv[0].title):
            e.season = int(number.group(2))
        elif (lettered := LETTERED_SEQUEL.match(e.title)) and fold(lettered.group(1)) == fold(tv[0].title):
            lettered_sequels.add(id(e))
    sequels = sequels | lettered_sequels
    top, final, last = 0, None, None
    for n, e in enumerate(tv):
        if e.final and not e.season and top:
            final = final or top + 1
            e.season = final
        elif not e.season and id(e) not in specials:
            if e.part and (e.part > 1 or id(e) not in sequels) and last:
                e.season = last
            elif id(e) in sequels and top and all(top + 1 < later.season for later in tv[n + 1:]
                                                  if later.season and not later.part):
                e.season = top + 1
        top = max(top, e.season or 0)
        last = e.season or last
    ovas = [e for e in entries if e.type == "ova"]
    if any(e.season for e in ovas):  # seasons released as OVAs: a final one follows the last
        for e in ovas:
            if e.final and not e.season:
                e.season = max(x.season or 0 for x in entries if x.type in ("tv", "web", "ova")) + 1


def load_bangumi_data(path: str | Path) -> list[dict[str, Any]]:
    """The items of a bangumi-data `data.json` (a dict with "items", or a bare list)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) and "title" in i for i in items[:50]):
        raise ValueError(f"{path} is not bangumi-data JSON: expected {{'items': [{{'title': ...}}, ...]}}")
    return items


def save(catalog: list[Series], path: Path = PACKAGED) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"attribution": ATTRIBUTION, "series": [asdict(s) for s in catalog]}
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))


def records(catalog: list[Series]) -> list[dict[str, Any]]:
    """The archive's rows for a catalog: `series` with their `entries`."""
    return [{"id": s.id, "title": s.title, "title_ja": s.title_ja, "aliases": [asdict(a) for a in s.aliases],
             "mal_id": s.mal_id, "bangumi_id": s.bangumi_id, "seasons": s.seasons,
             "first_year": min((e.year for e in s.entries if e.year), default=None),
             "entries": [{"title": e.title, "title_en": e.title_en, "type": e.type, "year": e.year, "season": e.season,
                          "part": e.part, "final": int(e.final), "mal_id": e.mal_id, "bangumi_id": e.bangumi_id,
                          "begin": e.begin}
                         for e in s.entries]}
            for s in catalog]


def from_records(rows: list[dict[str, Any]]) -> list[Series]:
    """The catalog back from the archive's rows (see `records`)."""
    return [Series(r["id"], r["title"], r["title_ja"], [Alias(**a) for a in r["aliases"]], r["mal_id"], r["bangumi_id"],
                   [Entry(e["title"], e["title_en"], e["type"], e["year"], e["season"], e["part"], bool(e["final"]),
                          e["mal_id"], e["bangumi_id"], e.get("begin")) for e in r["entries"]])
            for r in rows]


def load(path: Path = PACKAGED) -> list[Series]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        payload = json.load(f)
    return [Series(**{**s, "aliases": [Alias(**a) for a in s["aliases"]],
                      "entries": [Entry(**e) for e in s["entries"]]}) for s in payload["series"]]


def seed(archive: Archive) -> bool:
    """Give an archive without a series catalog the shipped one, as part of setting it up for a
    crawl or a `fanwire catalog` command: tagging needs a catalog, and `fanwire catalog import`
    replaces it. True if it was seeded."""
    if archive.series_stats()["series"]:
        return False
    archive.replace_series(records(load()))
    return True

"""The series catalog: anime series and their seasons, derived from bangumi-data.

bangumi-data (https://github.com/bangumi-data/bangumi-data, CC-BY-4.0) lists one entry per
season, part or film. Building the catalog:

1. Read each entry's Japanese title, English titles, type, start date and MyAnimeList/bangumi ids.
2. Strip season and part markers from the titles ("第2期", "2nd Season", "Season 3",
   "Part 2", "Final Season", a trailing "II") and keep the numbers they carry.
3. Group entries whose base titles match (Japanese or English) into one series; number the
   first TV season 1 and a "Final Season" after the last numbered one.
4. Give each series its aliases (`pipelines.aliases`): every bangumi-data title and translation
   of its entries, the forms derived from them (unless another series has the same name), and
   the curated names of `data/aliases.tsv`.
The result ships with the package (`pipelines/data/series.json.gz`, with the attribution).
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipelines.aliases import (Alias, CuratedRow, derived_forms, guess_lang, load_curated, match_key, merge,
                               strip_chinese_season)

PACKAGED = Path(__file__).parent / "data" / "series.json.gz"
ATTRIBUTION = ("Series catalog derived from bangumi-data (https://github.com/bangumi-data/bangumi-data), "
               "licensed CC-BY-4.0 by the bangumi-data project.")

NUMBER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "two": 2, "three": 3,
                "four": 4, "five": 5, "six": 6, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                "八": 8, "九": 9, "十": 10, "弐": 2, "参": 3, "ii": 2, "iii": 3, "iv": 4, "v": 5, "ⅱ": 2, "ⅲ": 3,
                "ⅳ": 4, "セカンド": 2, "サード": 3}
N = r"(\d{1,2}|[一二三四五六七八九十弐参]|first|second|third|fourth|fifth|sixth|two|three|four|five|six)"
#: (pattern, kind) for the end of a title; kind is "season", "part" or "final".
MARKERS = [
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*第{N}\s*(?:期|シーズン|シリーズ)\s*[)）\]]?$", re.I), "season"),
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*{N}(?:st|nd|rd|th)?\s*(?:season|シーズン)\s*[)）\]]?$", re.I), "season"),
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*(?:season|シーズン)\s*{N}\s*[)）\]]?$", re.I), "season"),
    (re.compile(r"[\s:：\-–]*[(（\[]?\s*(セカンド|サード)\s*シーズン\s*[)）\]]?$"), "season"),
    (re.compile(rf"[\s:：\-–]*[(（\[]?\s*(?:part|cour|第)\s*{N}\s*(?:クール|部)?\s*[)）\]]?$", re.I), "part"),
    (re.compile(r"[\s:：\-–]*[(（\[]?\s*(?:the )?final season\s*[)）\]]?$|\s*(?:ファイナルシーズン|最終章|完結編)$", re.I),
     "final"),
    (re.compile(r"[\s:：\-–]*[(（\[]?\s*(?:(1st|2nd) half|(前|後)編)\s*[)）\]]?$", re.I), "half"),
    (re.compile(r"\s*完結編$"), "final"),
    (re.compile(r"(?<=\S)\s+(II|III|IV|Ⅱ|Ⅲ|Ⅳ)$"), "season"),
    (re.compile(r"(?<=[A-Za-z!?.])\s+S(\d)$"), "season"),
]


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
    changed = True
    while changed and base:
        changed = False
        for pattern, kind in MARKERS:
            match = pattern.search(base)
            if not match or match.start() == 0:
                continue
            value = _number(match.group(1)) if match.groups() and match.group(1) else None
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


def _entry(item: dict[str, Any]) -> tuple[Entry, str, str | None, list[Alias]]:
    """The entry, its base Japanese and English titles, and every title it has (markers stripped)."""
    ids = {s.get("site"): s.get("id") for s in item.get("sites", [])}
    translations = {lang: [t.strip() for t in titles if t.strip()]
                    for lang, titles in item.get("titleTranslate", {}).items()}
    titles_en = translations.get("en", [])
    base_ja, season_ja, part_ja, final_ja = split_title(FILM_PREFIX.sub("", item["title"]))
    base_en, season_en, part_en, final_en = split_title(titles_en[0]) if titles_en else (None, None, None, False)
    season = season_ja or season_en
    if season and base_en and re.search(rf"[A-Za-z]{season}$", base_en):
        base_en = base_en[: -len(str(season))]  # "KINGDOM2" is KINGDOM's season 2
    kind = item.get("type") or "tv"
    begin = item.get("begin") or ""
    entry = Entry(item["title"].strip(), titles_en[0] if titles_en else None, kind,
                  int(begin[:4]) if begin[:4].isdigit() else None,
                  None if kind == "movie" else season, part_ja or part_en, final_ja or final_en,
                  ids.get("mal"), ids.get("bangumi"), begin[:10] or None)
    names = [Alias(base_ja, "ja", "bangumi")] + [
        Alias(split_title(strip_chinese_season(FILM_PREFIX.sub("", title)))[0] or title, lang, "bangumi")
        for lang, titles in translations.items() for title in titles]
    return entry, base_ja, base_en, names


def build(items: list[dict[str, Any]], curated: list[CuratedRow] | None = None) -> list[Series]:
    """Group bangumi-data items into series with their aliases (see the module docstring);
    `curated` defaults to the shipped curated alias file."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    parsed = []
    for item in items:
        if not item.get("title"):
            continue
        entry, base_ja, base_en, names = _entry(item)
        keys = ["ja:" + fold(base_ja)] + (["en:" + fold(base_en)] if base_en and len(fold(base_en)) >= 4 else [])
        for key in keys[1:]:
            parent[root(keys[0])] = root(key)
        root(keys[0])
        parsed.append((entry, base_ja, base_en, names, keys[0]))
    groups: dict[str, list[tuple[Entry, str, str | None, list[Alias]]]] = {}
    for entry, base_ja, base_en, names, key in parsed:
        groups.setdefault(root(key), []).append((entry, base_ja, base_en, names))
    catalog = []
    for members in groups.values():
        members.sort(key=lambda m: (m[0].year or 9999, m[0].season or 0))
        _number_seasons([m[0] for m in members])
        first = next((m for m in members if m[0].type in ("tv", "web")), members[0])
        title_ja = first[1]
        english = [m[2] for m in [first, *members] if m[2]]
        title = next((t for t in english if t != t.lower()), english[0] if english else title_ja)
        named = [a for m in members for a in m[3]]
        derived = [Alias(form, a.lang, "derived") for a in [*named, Alias(title, guess_lang(title), "bangumi")]
                   for form in derived_forms(a.alias)]
        aliases = merge(named + derived, exclude=[title, title_ja])
        catalog.append(Series(0, title, title_ja, aliases, first[0].mal_id, first[0].bangumi_id,
                              [m[0] for m in members]))
    catalog.sort(key=lambda s: (min((e.year or 9999) for e in s.entries), fold(s.title)))
    for number, series in enumerate(catalog, 1):
        series.id = number
    _add_curated(catalog, load_curated() if curated is None else curated)
    _drop_shared_derived(catalog)
    return catalog


def _drop_shared_derived(catalog: list[Series]) -> None:
    """A derived form that names another series too is not this one's: "Fruits Basket" of the film
    "Fruits Basket: prelude" is the TV series' title, "BLEACH" of "BLEACH: Thousand-Year Blood
    War - The Conflict" is two series' prefix."""
    named: dict[str, set[int]] = {}
    derived: dict[str, set[int]] = {}
    for series in catalog:
        for name in (series.title, series.title_ja, debracket(series.title), debracket(series.title_ja)):
            named.setdefault(match_key(name), set()).add(series.id)
        for a in series.aliases:
            (derived if a.source == "derived" else named).setdefault(match_key(a.alias), set()).add(series.id)
    for series in catalog:
        series.aliases = [a for a in series.aliases if a.source != "derived" or (
            named.get(match_key(a.alias), {series.id}) <= {series.id} and derived[match_key(a.alias)] == {series.id})]


def _add_curated(catalog: list[Series], rows: list[CuratedRow]) -> None:
    """Add each curated alias to the series its row names (a Japanese title of one of its
    entries, or `mal:ID` / `bangumi:ID` of one of them)."""
    named: dict[str, list[Series]] = {}
    for series in catalog:
        keys = {series.title_ja, *(e.title for e in series.entries),
                *(f"mal:{e.mal_id}" for e in series.entries if e.mal_id),
                *(f"bangumi:{e.bangumi_id}" for e in series.entries if e.bangumi_id)}
        for key in keys:
            named.setdefault(key, []).append(series)
    for row in rows:
        for series in named.get(row.series, []):
            series.aliases = merge([Alias(row.alias, row.lang, "curated"), *series.aliases],
                                   exclude=[series.title, series.title_ja])


def _number_seasons(entries: list[Entry]) -> None:
    """The first TV entry without a number is season 1; a final season follows the last number."""
    tv = [e for e in entries if e.type in ("tv", "web")]
    if tv and not tv[0].season and not tv[0].final:
        tv[0].season = 1
    top, final = 0, None
    for e in tv:
        if e.final and not e.season and top:
            final = final or top + 1
            e.season = final
        top = max(top, e.season or 0)


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
